"""Article metadata shared by all loaders: ids, dates, sources, and the final clean-and-check step."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from index.clean import clean_text, scalar_text
from index.types import Article, LoadError
from newstext.urls import domain_of

URL_ID_CHARS = 12  # same length as the feeds' own ids


def url_id(url: str) -> str:
    """A stable id for a feed entry without one, so re-indexing the same url updates in place."""
    return hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:URL_ID_CHARS]


# Unix times an export may give a day as, in seconds or milliseconds: from 2001-09-09 to 2096-10-02.
EPOCH_SECONDS = (1_000_000_000, 4_000_000_000)


def iso_date(value: object) -> str:
    """YYYY-MM-DD from an ISO timestamp (or an RFC 2822 one, as in RSS, or a Unix time in seconds or milliseconds,
    as many exports give it); "" when it does not parse."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        low, high = EPOCH_SECONDS
        seconds = value / 1000 if low * 1000 <= value < high * 1000 else value
        ok = low <= seconds < high
        return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat() if ok else ""
    if not isinstance(value, str) or not value.strip():
        return ""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


# A date line's label ("Published: …", "Updated …"), and a day as a line alone gives it: ISO, or written out.
_DATE_LABEL = re.compile(r"^(?:published|posted|updated|date|dated)\b(?:\s+on)?\s*:?\s*", re.I)
_ISO_LINE = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?")
_WRITTEN_DAY = tuple(
    weekday + day for weekday in ("", "%A, ", "%a, ") for day in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")
)
MAX_DATE_LINE_CHARS = 60  # a longer line is a sentence, whatever date it holds


def line_date(line: str) -> str:
    """YYYY-MM-DD of a line that is a day alone, as a plain-text article writes one under its headline
    ("2026-11-13", "Nov. 13, 2026", "Published: Friday, November 13, 2026"); "" for any other line."""
    text = _DATE_LABEL.sub("", line.strip()).strip()
    if not text or len(text) > MAX_DATE_LINE_CHARS:
        return ""
    if _ISO_LINE.fullmatch(text):
        return iso_date(text)
    written = re.sub(r"\b(Sept)\.", "Sep", text).replace(".", "")
    for pattern in _WRITTEN_DAY:
        try:
            return dt.datetime.strptime(written, pattern).date().isoformat()
        except ValueError:
            continue
    return ""


def first_date(*values: object) -> str:
    """The first of several candidate dates that parses."""
    for value in values:
        if parsed := iso_date(value):
            return parsed
    return ""


_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|$|\.html?)")


def url_date(url: str) -> str:
    """The publication day many news urls carry (/2024/01/13/...), or ""."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return ""
    match = _URL_DAY.search(path)
    return iso_date("-".join(match.groups())) if match else ""


def source_of(url: str) -> str:
    """The url's domain without "www.", or "file" for articles that have no url."""
    return domain_of(url) or "file"


def one_line(value: object) -> str:
    """A metadata string on one line (titles and urls come with stray whitespace)."""
    return " ".join(scalar_text(value).split()) if isinstance(value, str) else ""


def make_article(
    path: Path,
    *,
    id: str,
    text: str,
    origin: str,
    title: str = "",
    url: str = "",
    date: str = "",
    label: str = "",
    line: int | None = None,
) -> Article | LoadError:
    """Clean the body and build the Article; an article with nothing left is reported, not indexed."""
    body = clean_text(text)
    if not body:
        message = "no article text (empty after cleaning)"
        return LoadError(path, f"{label}: {message}" if label else message, line)
    url = one_line(url)
    return Article(
        id=scalar_text(id),  # ids and origins come from JSON and file names, which may hold lone surrogates
        text=body,
        title=one_line(title),
        url=url,
        date=date or url_date(url),
        source=source_of(url),
        origin=scalar_text(origin),
    )
