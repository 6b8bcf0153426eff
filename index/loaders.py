"""Turn the files and folders a user points at into cleaned Articles, reporting bad inputs as LoadErrors."""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from index.clean import MAX_HEADLINE_CHARS, split_headline
from index.decode import DecodeError, read_text
from index.feeds import iter_json, iter_jsonl, iter_jsonl_gz
from index.headers import headed, header, text_header
from index.html_text import HtmlDoc, extract_html
from index.locations import file_id
from index.meta import iso_date, make_article
from index.types import Article, LoadError, Skipped

Loaded = Article | LoadError | Skipped
Reader = Callable[[Path, str], Iterator[Article | LoadError]]

_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def iter_articles(paths: Sequence[Path], home: Path | None = None) -> Iterator[Loaded]:
    """Yield every article under the given files and folders; bad inputs become LoadErrors, passed-over ones
    Skipped, never exceptions. `home` is the articles folder that file ids are relative to (see file_id)."""
    for root in map(Path, paths):
        mode = _mode(root)
        if isinstance(mode, LoadError):
            yield mode
        elif stat.S_ISDIR(mode):
            yield from _iter_folder(root, home)
        elif not stat.S_ISREG(mode):
            yield LoadError(root, "cannot read: not a regular file or folder")
        elif (reader := _reader_for(root)) is None:
            yield LoadError(root, f"unsupported file type (expected one of {', '.join(SUPPORTED)})")
        else:
            yield from _read(root, reader, _id(root, home, _stem_clashes(_siblings(root))))


def _id(path: Path, home: Path | None, clashes: set[str]) -> str:
    suffix = _suffix(path)
    return file_id(path, home, suffix, keep_suffix=_stem(path) in clashes)


def _stem(path: Path) -> str:
    """A file name without its supported extension, case-folded (the ids' clash check)."""
    suffix = _suffix(path)
    return path.name[: len(path.name) - len(suffix)].casefold() if suffix else ""


def _stem_clashes(names: Sequence[Path]) -> set[str]:
    """Stems that two supported files in one folder share (`a.txt` and `a.md`): those ids keep the extension."""
    stems = [_stem(p) for p in names if _suffix(p)]
    return {s for s in stems if stems.count(s) > 1}


def _siblings(path: Path) -> list[Path]:
    """The visible entries beside a file (for the clash check); none when its folder cannot be listed."""
    try:
        return [p for p in path.parent.iterdir() if not p.name.startswith(".")]
    except OSError:
        return []


def _iter_folder(base: Path, home: Path | None) -> Iterator[Loaded]:
    """Walk a folder depth-first in sorted order, skipping hidden entries and symlink loops; an empty folder
    and every file of a type this loader does not read are reported as Skipped."""
    seen: set[Path] = set()
    listing = _list_folder(base, seen)
    if isinstance(listing, LoadError):
        yield listing
        return
    listing = listing or []
    if not listing:
        yield Skipped(base, "empty folder", empty_folder=True)
    stack = [(iter(listing), _stem_clashes(listing))]
    while stack:
        entries, clashes = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        mode, reader = _mode(entry), _reader_for(entry)
        if isinstance(mode, LoadError):
            # a broken link named like an article, or like a folder (a mount or share that went away): what is
            # stored under it stays; one to another type of file ("notes.docx") is skipped, as the file would be
            if reader is not None or not entry.suffix:
                yield mode
            else:
                yield Skipped(entry, f"unsupported file type {entry.suffix}, and a link pointing nowhere")
        elif stat.S_ISDIR(mode):
            listing = _list_folder(entry, seen)
            if isinstance(listing, LoadError):
                yield listing
            elif listing is not None:
                if not listing:
                    yield Skipped(entry, "empty folder", empty_folder=True)
                stack.append((iter(listing), _stem_clashes(listing)))
        elif stat.S_ISREG(mode) and reader is not None:
            yield from _read(entry, reader, _id(entry, home, clashes))
        elif stat.S_ISREG(mode):
            yield Skipped(entry, f"unsupported file type {entry.suffix or '(none)'}; reads {', '.join(SUPPORTED)}")


def _mode(path: Path) -> int | LoadError:
    """A path's file mode (following links); a path that cannot even be examined is a LoadError."""
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return LoadError(path, "cannot read: no such file or folder")
    except OSError as exc:
        return LoadError(path, f"cannot read: {exc.strerror or exc}")


def _list_folder(folder: Path, seen: set[Path]) -> list[Path] | LoadError | None:
    """A folder's visible entries, sorted; None for a folder already walked (a symlink loop)."""
    try:
        real = folder.resolve()
        if real in seen:
            return None
        seen.add(real)
        return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as exc:
        return LoadError(folder, f"cannot read folder: {exc.strerror or exc}")


def _read(path: Path, reader: Reader, fid: str) -> Iterator[Loaded]:
    """Run one reader, so that even an unexpected failure only costs that file."""
    try:
        yield from reader(path, fid)
    except Exception as exc:  # a safety net: the readers report expected problems themselves
        yield LoadError(path, f"could not load: {type(exc).__name__}: {exc}")


def _read_txt(path: Path, fid: str) -> Iterator[Article | LoadError]:
    """A plain-text article; a headline first line becomes the title."""
    try:
        text = read_text(path)
    except DecodeError as exc:
        yield LoadError(path, str(exc))
        return
    head = text_header(text)
    yield make_article(path, id=fid, text=head.body, title=head.title, url=head.url, date=head.date, origin=str(path))


def _read_md(path: Path, fid: str) -> Iterator[Article | LoadError]:
    """A Markdown article: like text, with the '#' marks of a leading heading dropped."""
    try:
        text = read_text(path)
    except DecodeError as exc:
        yield LoadError(path, str(exc))
        return
    head = header(text)  # front matter or labelled lines
    first, sep, rest = head.body.lstrip("\r\n").partition("\n")
    heading = _MD_HEADING.match(first.rstrip("\r"))
    if head.title:  # a heading under it shows the title again
        title, day, body = head.title, head.date, rest if heading else head.body
    else:
        title, day, body = headed(heading.group(1) + sep + rest if heading else head.body)
        if heading and not title and rest.strip() and len(heading.group(1)) <= MAX_HEADLINE_CHARS:
            title, body = heading.group(1), rest  # an explicit heading is a title even without a blank line
        day = head.date or day
    yield make_article(path, id=fid, text=body, title=title, url=head.url, date=day, origin=str(path))


def _read_html(path: Path, fid: str) -> Iterator[Article | LoadError]:
    """An HTML page: its main text by the news-page extractor (trafilatura, as for feed pages: no bylines,
    comments or related links), else by our own cleaner; title, date and url from the page's metadata."""
    from index.ingest.extract import extract_page

    try:
        markup = read_text(path)
    except DecodeError as exc:
        yield LoadError(path, str(exc))
        return
    doc = extract_html(markup)
    page = extract_page(markup, doc.url)
    if page is not None:
        doc = HtmlDoc(page.text, page.title or doc.title, doc.date or page.date, doc.url)
    title, body = (doc.title, doc.text) if doc.title else split_headline(doc.text)
    yield make_article(
        path, id=fid, text=body, title=title, url=doc.url, date=iso_date(doc.date), origin=str(path)
    )


READERS: dict[str, Reader] = {
    ".jsonl.gz": iter_jsonl_gz,
    ".jsonl": iter_jsonl,
    ".json": iter_json,
    ".txt": _read_txt,
    ".md": _read_md,
    ".markdown": _read_md,
    ".html": _read_html,
    ".htm": _read_html,
}
SUPPORTED = tuple(READERS)


def _suffix(path: Path) -> str:
    """The supported extension a file name ends with (case-insensitive), or ""."""
    name = path.name.lower()
    return next((s for s in READERS if name.endswith(s) and len(name) > len(s)), "")


def _reader_for(path: Path) -> Reader | None:
    """The reader for a file's extension; None for files this loader ignores."""
    suffix = _suffix(path)
    return READERS[suffix] if suffix else None
