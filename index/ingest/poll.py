"""One poll of one feed: fetch it (conditionally), fetch each new story's page, write it as an article file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from index.ingest.extract import ExtractPolicy, extract_page
from index.ingest.fetch import Fetcher, FetchError
from index.ingest.outbox import article_path, write_article
from index.ingest.parse import FeedItem, FeedParseError, parse_feed
from index.ingest.registry import Feed
from index.ingest.registry_protocol import Registry


@dataclass(frozen=True)
class PollPolicy:
    """Tuned numbers of a poll."""

    max_new_items: int = 50  # pages fetched per poll; the rest wait for the next one (the feed is re-read)
    max_error_items: int = 3  # item errors quoted in the feed's status line


@dataclass
class PollResult:
    """What one poll did: new items seen, files written, items already known, and every problem met."""

    feed_id: str
    not_modified: bool = False
    new_items: int = 0
    written: list[Path] = field(default_factory=list)
    skipped_known: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def refresh(
    feed: Feed,
    registry: Registry,
    out_dir: Path,
    known_url: Callable[[str], bool],
    fetcher: Fetcher,
    now: float,
    policy: PollPolicy | None = None,
    extract_policy: ExtractPolicy | None = None,
) -> PollResult:
    """Poll a feed and write one JSON article per new item under out_dir/feed.id/. A feed that fails is
    recorded as failed (retried later with backoff); an item that fails is reported and, because the feed's
    validators are then not advanced, tried again on the next poll."""
    policy = policy or PollPolicy()
    result = PollResult(feed.id)
    try:
        got = fetcher.get(feed.url, feed.etag, feed.last_modified)
        parsed = None if got.not_modified else parse_feed(got.body, got.final_url)
    except Exception as exc:  # FetchError, FeedParseError, or anything else: the feed failed, not the poller
        message = str(exc) if isinstance(exc, FetchError) else f"{feed.url}: {_describe(exc)}"
        result.errors.append(message)
        registry.record(feed.id, ok=False, error=message, now=now)
        return result
    if parsed is None:
        result.not_modified = True
        registry.record(feed.id, ok=True, etag=got.etag, last_modified=got.last_modified, now=now)
        return result
    retrieved = dt.datetime.fromtimestamp(now, dt.UTC).date().isoformat()
    deferred = 0
    for item in parsed.items:
        try:  # one bad item never stops the others
            path = article_path(out_dir, feed.id, item.url)
            if path.exists() or known_url(item.url):
                result.skipped_known += 1
                continue
            result.new_items += 1
            if result.new_items > policy.max_new_items:
                deferred += 1
                continue
            article = _article(item, fetcher, result, extract_policy)
            if article is not None:
                result.written.append(write_article(path, article | {"retrieved": retrieved}))
        except Exception as exc:
            result.errors.append(f"{item.url}: {_describe(exc)}")
    if deferred:
        result.notes.append(f"{deferred} new item(s) left for the next poll (at most {policy.max_new_items} a poll)")
    complete = not result.errors and not deferred  # else keep the old validators: the next poll re-reads the feed
    registry.record(
        feed.id,
        ok=True,
        error=_status_line(result, policy),
        etag=got.etag if complete else None,
        last_modified=got.last_modified if complete else None,
        title=parsed.title or None,
        items_added=len(result.written),
        now=now,
    )
    return result


def _article(
    item: FeedItem, fetcher: Fetcher, result: PollResult, extract_policy: ExtractPolicy | None
) -> dict[str, str] | None:
    """The article for one item: the page's main text, else the feed's own text; None (with an error) if
    neither can be had."""
    try:
        page = fetcher.get(item.url)
    except FetchError as exc:
        if exc.kind != "robots" or not item.summary_text:
            result.errors.append(str(exc))
            return None
        result.notes.append(f"{exc}; used the feed's own text")
        return _as_json(item, item.summary_text, "", "")
    extracted = extract_page(page.body, page.final_url, extract_policy) if _is_page(page.content_type) else None
    if extracted is not None:
        return _as_json(item, extracted.text, extracted.title, extracted.date)
    if item.summary_text:
        result.notes.append(f"{item.url}: no article text on the page; used the feed's own text")
        return _as_json(item, item.summary_text, "", "")
    result.errors.append(f"{item.url}: no article text on the page or in the feed")
    return None


def _describe(exc: Exception) -> str:
    """An unexpected exception in words; a parse error's own message is already one."""
    return str(exc) if isinstance(exc, FeedParseError) else f"{type(exc).__name__}: {exc}"


def _is_page(content_type: str) -> bool:
    """Whether a response can hold an article page (a PDF or an image cannot; no type at all may)."""
    kind = content_type.split(";")[0].strip().lower()
    return not kind or "html" in kind or "xml" in kind or kind == "text/plain"


def _as_json(item: FeedItem, text: str, page_title: str, page_date: str) -> dict[str, str]:
    """The article file's fields (index.feeds reads them; `retrieved` is added by the caller as a last-resort
    date); the feed's headline and timestamp win over what was guessed from the page."""
    return {"url": item.url, "title": item.title or page_title, "text": text, "published": item.published or page_date}


def _status_line(result: PollResult, policy: PollPolicy) -> str:
    """The feed's last_error after a poll that read the feed: "" when every new item was written."""
    if not result.errors:
        return ""
    quoted = "; ".join(result.errors[: policy.max_error_items])
    more = len(result.errors) - policy.max_error_items
    return f"{len(result.errors)} item(s) failed (tried again next poll): {quoted}" + (
        f"; and {more} more" if more > 0 else ""
    )
