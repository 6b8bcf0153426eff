"""JSON and JSONL feeds (plain or gzipped): one article per object, one bad entry never stops the rest."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from index.decode import DecodeError, read_text
from index.meta import first_date, make_article, url_date, url_id
from index.types import Article, LoadError

# The fields an article object gives each thing by, first found first: our own, then those of common exports (RSS
# as JSON: "link", "pubDate"; NewsAPI: "publishedAt"; schema.org: "headline", "articleBody", "datePublished";
# news-please: "maintext", "date_publish").
TEXT_FIELDS = ("text", "body", "content", "articleBody", "maintext", "full_text")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "canonical_url")
PUBLISHED_FIELDS = (  # the day the article came out
    "published", "published_at", "date", "publishedAt", "pubDate", "datePublished", "date_publish", "published_date",
)  # fmt: skip
FETCHED_FIELDS = ("retrieved",)  # the day it was fetched: a fallback after the url's own date
# The list an export wraps its articles in: {"articles": [...]} (NewsAPI), {"items": [...]} (JSON Feed)
WRAPPER_FIELDS = ("articles", "items", "entries", "results", "data", "posts", "stories")

Loaded = Article | LoadError


def iter_jsonl(path: Path, file_id: str) -> Iterator[Loaded]:
    """Articles from a .jsonl file, one per line."""
    try:
        lines = read_text(path).split("\n")  # not splitlines(): JSON strings may hold a raw U+2028
    except DecodeError as exc:
        yield LoadError(path, str(exc))
        return
    yield from _iter_lines(path, file_id, enumerate(lines, start=1))


def iter_jsonl_gz(path: Path, file_id: str) -> Iterator[Loaded]:
    """Articles from a gzipped .jsonl file, streamed: a corrupt one ends in an error after its good lines."""
    try:
        with gzip.open(path, "rb") as stream:
            yield from _iter_lines(path, file_id, _decoded_lines(stream))
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield LoadError(path, f"corrupt gzip file: {exc}")
    except IsADirectoryError:
        yield LoadError(path, "cannot read: is a directory")
    except OSError as exc:
        yield LoadError(path, f"cannot read: {exc.strerror or exc}")


def iter_json(path: Path, file_id: str) -> Iterator[Loaded]:
    """Articles from a .json file holding one object or a list of objects."""
    try:
        data = json.loads(read_text(path))
    except DecodeError as exc:
        yield LoadError(path, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield LoadError(path, f"invalid JSON at line {exc.lineno}: {exc.msg}", exc.lineno)
        return
    except (RecursionError, ValueError) as exc:
        yield LoadError(path, f"unreadable JSON: {_unreadable(exc)}")
        return
    if isinstance(data, dict) and (wrapped := _wrapped(data)) is not None:
        data = wrapped
    if isinstance(data, dict):
        yield _entry(path, data, feed_id=file_id, default_id=file_id, origin=str(path), label="")
    elif isinstance(data, list):
        for i, item in enumerate(data):
            if isinstance(item, dict):
                where = f"{path}#{i}"
                yield _entry(
                    path, item, feed_id=file_id, default_id=f"{file_id}#{i}", origin=where, label=f"entry {i}"
                )
            else:
                yield LoadError(path, f"entry {i}: expected a JSON object, got {_kind(item)}")
    else:
        yield LoadError(path, f"expected a JSON object or a list of objects, got {_kind(data)}")


def _wrapped(data: dict[str, object]) -> list[object] | None:
    """The list of articles an object wraps (WRAPPER_FIELDS), when it is no article itself; None otherwise."""
    if _first(data, TEXT_FIELDS):
        return None
    return next((v for f in WRAPPER_FIELDS if isinstance(v := data.get(f), list) and v), None)


def _first(item: dict[str, object], fields: tuple[str, ...]) -> str:
    """The first of the fields the item gives as a string, stripped; "" when none does."""
    return next((v.strip() for f in fields if isinstance(v := item.get(f), str) and v.strip()), "")


def _decoded_lines(stream: Iterable[bytes]) -> Iterator[tuple[int, str]]:
    """Numbered text lines of a binary stream (bad UTF-8 bytes become U+FFFD rather than failing)."""
    for number, raw in enumerate(stream, start=1):
        yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8", errors="replace")


def _iter_lines(path: Path, file_id: str, lines: Iterable[tuple[int, str]]) -> Iterator[Loaded]:
    """Parse numbered JSONL lines, skipping blank ones and reporting bad ones with their line number."""
    found = False
    for number, line in lines:
        if not line.strip():
            continue
        found = True
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LoadError(path, f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})", number)
            continue
        except (RecursionError, ValueError) as exc:  # nested too deeply, or a number too long to convert
            yield LoadError(path, f"line {number}: unreadable JSON: {_unreadable(exc)}", number)
            continue
        if not isinstance(item, dict):
            yield LoadError(path, f"line {number}: expected a JSON object, got {_kind(item)}", number)
            continue
        where, label = f"{path}:{number}", f"line {number}"
        yield _entry(
            path, item, feed_id=file_id, default_id=f"{file_id}#{number}", origin=where, label=label, line=number
        )
    if not found:
        yield LoadError(path, "empty file: no JSON lines")


def _entry(
    path: Path,
    item: dict[str, object],
    *,
    feed_id: str,
    default_id: str,
    origin: str,
    label: str,
    line: int | None = None,
) -> Loaded:
    """One feed object as an Article: its own id, else a hash of its url, else its position in the file;
    the first two scoped to the feed (`feed#id`), so two feeds' entry "1" are two articles."""
    text = next((item[f] for f in TEXT_FIELDS if isinstance(item.get(f), str)), None)
    if not isinstance(text, str):
        named = ", ".join(f"'{f}'" for f in TEXT_FIELDS)
        return LoadError(path, _labelled(label, f"no article text: none of {named} is a string"), line)
    url = _first(item, URL_FIELDS)
    raw_id = item.get("id")
    if raw_id is not None and str(raw_id).strip() and not isinstance(raw_id, dict | list):
        article_id = f"{feed_id}#{str(raw_id).strip()}"  # the feed's own id, scoped to the feed
    elif url and default_id != feed_id:
        article_id = f"{feed_id}#{url_id(url)}"
    else:  # a file of one article, or an entry with neither id nor url: where it is
        article_id = default_id
    return make_article(
        path,
        id=article_id,
        text=text,
        origin=origin,
        title=_first(item, TITLE_FIELDS),
        url=url,
        date=first_date(
            *(item.get(f) for f in PUBLISHED_FIELDS), url_date(url), *(item.get(f) for f in FETCHED_FIELDS)
        ),
        label=label,
        line=line,
    )


def _unreadable(exc: RecursionError | ValueError) -> str:
    """Why valid-looking JSON could not be read: Python's parser limits, in words."""
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0]


def _labelled(label: str, message: str) -> str:
    """Prefix a message with where in the file it happened."""
    return f"{label}: {message}" if label else message


def _kind(value: object) -> str:
    """A JSON type name for messages."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
