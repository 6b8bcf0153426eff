"""What a plain-text or Markdown article says of itself above its body: front matter ("---" lines around "title:",
"date:", "url:"), a block of labelled lines ("Title: …", "Date: …"), or a headline with a byline and its day on
lines of their own. A saved article keeps its title, day and address this way, and none of it is body text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.clean import split_headline
from index.meta import iso_date, line_date

# The labels a header's line may give each field by (front matter's keys, or "Title: …" above a body).
_TITLE_KEYS = frozenset({"title", "headline"})
_DATE_KEYS = frozenset({"date", "published", "published_at", "publishdate", "pubdate", "created", "dated"})
_URL_KEYS = frozenset({"url", "link", "source", "canonical", "canonical_url", "source_url", "original_url"})
_OTHER_KEYS = frozenset({"author", "authors", "byline", "tags", "categories", "description", "summary", "updated"})
_KEYS = _TITLE_KEYS | _DATE_KEYS | _URL_KEYS | _OTHER_KEYS
_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^[ \t]*([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
MAX_FRONT_MATTER_LINES = 60  # a fence further down closes no header: it is the body's rule


@dataclass(frozen=True)
class Header:
    """The title, day (YYYY-MM-DD) and url an article's header gives ("" for each it does not), and its body."""

    title: str
    date: str
    url: str
    body: str


def header(text: str) -> Header:
    """The fields the article's header gives, and the text after it: front matter, else a first paragraph of
    labelled lines; none, and the whole text, without either."""
    fields, body = _front_matter(text)
    if not fields and body is text:
        fields, body = _labelled(text)
    return Header(fields.get("title", ""), fields.get("date", ""), fields.get("url", ""), body)


def text_header(text: str) -> Header:
    """A plain-text article's header: its fields (header), else or besides a headline with its day (headed)."""
    head = header(text)
    if head.title:
        return head
    title, day, body = headed(head.body)
    return Header(title, head.date or day, head.url, body)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """The fields of front matter opening the text ("---" lines around "key: value" lines, list items and indented
    lines), and the text after it, whichever fields it gives; none, and the text itself, without front matter."""
    fence = _FENCE.match(text)
    lines = fence.group(1).splitlines() if fence else []
    if not fence or len(lines) >= MAX_FRONT_MATTER_LINES or not all(map(_front_matter_line, lines)):
        return {}, text
    return _fields(lines), text[fence.end() :]


def _front_matter_line(line: str) -> bool:
    """A line of front matter: "key: value", a list's "- item", an indented line, or blank."""
    return not line.strip() or bool(_FIELD.match(line)) or line.lstrip().startswith("- ") or line[:1] in " \t"


def _labelled(text: str) -> tuple[dict[str, str], str]:
    """The fields of a first paragraph made only of labelled lines ("Title: …", "Date: …"), one a title or a day,
    and the text after it; nothing when the paragraph is anything else."""
    paragraph, blank, rest = text.lstrip("\r\n").partition("\n\n")
    lines = [line for line in paragraph.splitlines() if line.strip()]
    matches = [_FIELD.match(line) for line in lines]
    if not blank or not lines or not all(m and m.group(1).lower() in _KEYS for m in matches):
        return {}, text
    fields = _fields(lines)
    return (fields, rest) if fields.get("title") or fields.get("date") else ({}, text)


def _fields(lines: list[str]) -> dict[str, str]:
    """The title, date (YYYY-MM-DD, when it parses) and url of "key: value" lines, quotes around a value dropped."""
    out: dict[str, str] = {}
    for line in lines:
        m = _FIELD.match(line)
        if not m or not (value := m.group(2).strip().strip("\"'").strip()):
            continue
        key = m.group(1).lower()
        if key in _TITLE_KEYS:
            out.setdefault("title", value)
        elif key in _DATE_KEYS and (day := iso_date(value) or line_date(value)):
            out.setdefault("date", day)
        elif key in _URL_KEYS and re.match(r"https?://", value):
            out.setdefault("url", value)
    return out


def headed(text: str) -> tuple[str, str, str]:
    """A plain-text article's headline (clean.split_headline), the day a line of its own gives (meta.line_date), and
    its body. Lines of a byline or a day may stand between the headline and the blank line under it, or make the
    body's first paragraph ("By Jane Doe, Staff Writer", "Nov. 13, 2026"), or a day stand above the headline; none
    of them is body text."""
    text = _LINE_BREAKS.sub("\n", text).lstrip("\n")
    first, _, rest = text.partition("\n")
    if rest.strip() and (dated := line_date(first)):  # the day above the headline
        title, day, body = headed(rest)
        return title, day or dated, body
    paragraph, blank, after = text.partition("\n\n")
    lines = paragraph.split("\n")
    if blank and _header_lines(lines[1:]):
        title, body = split_headline(f"{lines[0]}\n\n{after}")
        if title:
            return title, _day_of(lines[1:]), body
    title, body = split_headline(text)
    paragraph, blank, after = body.partition("\n\n")
    if title and blank and after.strip() and _header_lines(paragraph.split("\n")):
        return title, _day_of(paragraph.split("\n")), after.lstrip("\r\n")
    return title, "", body


_LINE_BREAKS = re.compile(r"\r\n?")
# A byline: "By Jane Doe", "By JANE DOE, Staff Writer", "Written by …"
_BYLINE = re.compile(r"^(?i:by|written by|reporting by)\s+[A-Z][^\n]{0,80}$")
MAX_HEADER_LINES = 4  # lines of a byline or a day under a headline, at most


def _header_lines(lines: list[str]) -> bool:
    """One to MAX_HEADER_LINES lines, each a byline or a day alone."""
    return 0 < len(lines) <= MAX_HEADER_LINES and all(
        _BYLINE.match(line.strip()) or line_date(line) for line in lines
    )


def _day_of(lines: list[str]) -> str:
    """The day the first of the lines giving one gives."""
    return next((day for line in lines if (day := line_date(line))), "")
