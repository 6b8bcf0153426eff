"""Turn the files and folders a user points at into cleaned Articles, reporting bad inputs as LoadErrors."""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from index.clean import MAX_HEADLINE_CHARS, split_headline
from index.decode import DecodeError, read_text
from index.feeds import iter_json, iter_jsonl, iter_jsonl_gz
from index.html_text import extract_html
from index.meta import iso_date, make_article
from index.types import Article, LoadError

Loaded = Article | LoadError
Reader = Callable[[Path, str], Iterator[Loaded]]

_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def iter_articles(paths: Sequence[Path]) -> Iterator[Article | LoadError]:
    """Yield every article under the given files and folders; bad inputs become LoadErrors, not exceptions."""
    for root in map(Path, paths):
        mode = _mode(root)
        if isinstance(mode, LoadError):
            yield mode
        elif stat.S_ISDIR(mode):
            yield from _iter_folder(root)
        elif not stat.S_ISREG(mode):
            yield LoadError(root, "cannot read: not a regular file or folder")
        elif (reader := _reader_for(root)) is None:
            yield LoadError(root, f"unsupported file type (expected one of {', '.join(SUPPORTED)})")
        else:
            yield from _read(root, reader, file_id(root, None))


def file_id(path: Path, base: Path | None) -> str:
    """The path-derived id: the path relative to its folder argument (or the name), without extension."""
    relative = path.relative_to(base) if base is not None else Path(path.name)
    suffix = _suffix(path)
    posix = relative.as_posix()
    return posix[: len(posix) - len(suffix)] if suffix else posix


def _iter_folder(base: Path) -> Iterator[Loaded]:
    """Walk a folder depth-first in sorted order, skipping hidden entries and symlink loops."""
    seen: set[Path] = set()
    listing = _list_folder(base, seen)
    if isinstance(listing, LoadError):
        yield listing
        return
    stack = [iter(listing)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        mode, reader = _mode(entry), _reader_for(entry)
        if isinstance(mode, LoadError):
            if reader is not None:  # e.g. a broken link named like an article; others are not ours
                yield mode
        elif stat.S_ISDIR(mode):
            listing = _list_folder(entry, seen)
            if isinstance(listing, LoadError):
                yield listing
            else:
                stack.append(iter(listing))
        elif stat.S_ISREG(mode) and reader is not None:
            yield from _read(entry, reader, file_id(entry, base))


def _mode(path: Path) -> int | LoadError:
    """A path's file mode (following links); a path that cannot even be examined is a LoadError."""
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return LoadError(path, "cannot read: no such file or folder")
    except OSError as exc:
        return LoadError(path, f"cannot read: {exc.strerror or exc}")


def _list_folder(folder: Path, seen: set[Path]) -> list[Path] | LoadError:
    """A folder's visible entries, sorted; empty for a folder already walked (a symlink loop)."""
    try:
        real = folder.resolve()
        if real in seen:
            return []
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


def _read_txt(path: Path, fid: str) -> Iterator[Loaded]:
    """A plain-text article; a headline first line becomes the title."""
    try:
        text = read_text(path)
    except DecodeError as exc:
        yield LoadError(path, str(exc))
        return
    title, body = split_headline(text)
    yield make_article(path, id=fid, text=body, title=title, origin=str(path))


def _read_md(path: Path, fid: str) -> Iterator[Loaded]:
    """A Markdown article: like text, with the '#' marks of a leading heading dropped."""
    try:
        text = read_text(path)
    except DecodeError as exc:
        yield LoadError(path, str(exc))
        return
    first, sep, rest = text.lstrip("\r\n").partition("\n")
    heading = _MD_HEADING.match(first.rstrip("\r"))
    if heading:
        text = heading.group(1) + sep + rest
    title, body = split_headline(text)
    if heading and not title and rest.strip() and len(heading.group(1)) <= MAX_HEADLINE_CHARS:
        title, body = heading.group(1), rest  # an explicit heading is a title even without a blank line
    yield make_article(path, id=fid, text=body, title=title, origin=str(path))


def _read_html(path: Path, fid: str) -> Iterator[Loaded]:
    """An HTML page: its article text, with title, date and url from the page's metadata."""
    try:
        doc = extract_html(read_text(path))
    except DecodeError as exc:
        yield LoadError(path, str(exc))
        return
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
