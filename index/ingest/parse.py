"""Feed documents (RSS 2.0, Atom, JSON Feed) -> the items they announce, with the feed's own text."""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.html
from lxml import etree

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")


@dataclass(frozen=True)
class FeedItem:
    """One announced story: its page url, headline, publication time (ISO 8601, or "") and the feed's text."""

    url: str
    title: str
    published: str
    summary_text: str


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and items, in the feed's order."""

    title: str
    items: list[FeedItem]


class FeedParseError(ValueError):
    """The body is not a feed this parser reads."""


def parse_feed(body: bytes, base_url: str) -> ParsedFeed:
    """Parse an RSS 2.0, Atom or JSON Feed document; relative item links resolve against base_url."""
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _json_feed(body, base_url)
    doc = feedparser.parse(body, response_headers={"content-location": base_url})
    if not doc.get("version") and not doc.entries:
        reason = doc.get("bozo_exception")
        raise FeedParseError(f"not an RSS, Atom or JSON feed{f' ({reason})' if reason else ''}")
    items = [_feedparser_item(e, base_url) for e in doc.entries]
    return ParsedFeed(_title(doc.feed), [i for i in items if _is_web(i.url)])


def _feedparser_item(entry: Any, base_url: str) -> FeedItem:
    link = entry.get("link") or ""
    if not link:
        link = next((x.get("href", "") for x in entry.get("links", []) if x.get("rel") == "alternate"), "")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    contents = [c for c in entry.get("content", []) if c.get("value")]
    body = max(contents, key=lambda c: len(c["value"])) if contents else None
    if body is not None:
        text = html_to_text(body["value"]) if "html" in body.get("type", "html") else body["value"]
    else:
        text = html_to_text(entry.get("summary", ""))
    return FeedItem(
        url=urljoin(base_url, link.strip()) if link.strip() else "",
        title=_title(entry),
        published=_iso_struct(stamp),
        summary_text=text.strip(),
    )


def _json_feed(body: bytes, base_url: str) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org), which feedparser 6.0 does not read."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise FeedParseError(f"unreadable JSON Feed: {exc}") from None
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        raise FeedParseError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    items = []
    for raw in data.get("items") or []:
        if not isinstance(raw, dict):
            continue
        link = _string(raw.get("url")) or _string(raw.get("external_url"))
        text = _string(raw.get("content_text")) or html_to_text(_string(raw.get("content_html")))
        items.append(
            FeedItem(
                url=urljoin(base_url, link) if link else "",
                title=_one_line(_string(raw.get("title"))),
                published=_iso_text(_string(raw.get("date_published")) or _string(raw.get("date_modified"))),
                summary_text=(text or _string(raw.get("summary"))).strip(),
            )
        )
    return ParsedFeed(_one_line(_string(data.get("title"))), [i for i in items if _is_web(i.url)])


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per block element."""
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _title(node: Any) -> str:
    """A feed's or entry's title as one line of plain text (an Atom title may be HTML)."""
    title = node.get("title", "")
    kind = (node.get("title_detail") or {}).get("type", "")
    return _one_line(html_to_text(title) if "html" in kind else title)


def _iso_struct(stamp: time.struct_time | None) -> str:
    """feedparser's UTC struct_time as an ISO 8601 timestamp."""
    if not stamp:
        return ""
    try:
        return dt.datetime(*stamp[:6], tzinfo=dt.UTC).isoformat()
    except (TypeError, ValueError):
        return ""


def _iso_text(value: str) -> str:
    """An RFC 3339 date as JSON Feed carries it, normalised; "" when it does not parse."""
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).isoformat() if value.strip() else ""
    except ValueError:
        return ""


def _is_web(url: str) -> bool:
    """Only http(s) links are stories to fetch (not mailto:, javascript: or file: ones)."""
    return url.lower().startswith(("http://", "https://"))


def _string(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _one_line(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""
