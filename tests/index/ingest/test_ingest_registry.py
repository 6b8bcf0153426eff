"""The feed registry on a real SQLite file: validation, stable ids, due times, backoff, and restarts."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from ingest_testkit import TEST_REGISTRY

from index.ingest.registry import FeedRegistry, RegistryPolicy
from index.store import ArticleStore


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("", "non-empty"),
        ("ftp://example.com/feed.xml", "http:// or https://"),
        ("example.com/feed.xml", "http:// or https://"),
        ("http://", "no host"),
        ("http://exa mple.com/rss", "without spaces"),
        ("http://user:secret@example.com/rss", "user name or password"),
        ("http://example.com:99999/rss", "not a valid url"),
    ],
)
def test_add_rejects_what_is_not_an_http_feed_url(registry: FeedRegistry, url: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        registry.add(url, 600)
    assert registry.list() == []


def test_add_rejects_an_interval_below_the_minimum(tmp_path: Path) -> None:
    strict = FeedRegistry(tmp_path / "a.sqlite3", RegistryPolicy(min_every_s=60))
    with pytest.raises(ValueError, match=">= 60"):
        strict.add("https://example.com/rss", 59)
    with pytest.raises(ValueError, match="whole number"):
        strict.add("https://example.com/rss", True)  # type: ignore[arg-type]


def test_the_same_feed_written_differently_is_one_feed_with_a_stable_id(registry: FeedRegistry) -> None:
    first = registry.add("HTTPS://News.Example.COM:443/rss?section=world#top", 600)
    again = registry.add("https://news.example.com/rss?section=world", 900)
    assert first.id == again.id and len(first.id) == TEST_REGISTRY.id_chars
    assert again.url == "https://news.example.com/rss?section=world"
    assert again.every_s == 900
    assert [f.id for f in registry.list()] == [first.id]
    other = registry.add("https://news.example.com/rss?section=sport", 600)
    assert other.id != first.id


def test_a_new_feed_is_due_at_once_and_then_every_interval(registry: FeedRegistry) -> None:
    feed = registry.add("http://example.com/rss", 300)
    assert feed.next_due == 0 and feed.last_polled is None and feed.failures == 0
    assert [f.id for f in registry.due(now=1000.0)] == [feed.id]
    done = registry.record(
        feed.id, ok=True, etag='"v1"', last_modified="Mon, 30 Nov 2026 08:00:00 GMT", title=" Wire \n", now=1000.0,
        items_added=3,
    )
    assert (done.etag, done.last_modified, done.title, done.items) == (
        '"v1"', "Mon, 30 Nov 2026 08:00:00 GMT", "Wire", 3
    )
    assert done.last_ok == done.last_polled == 1000.0 and done.next_due == 1300.0
    assert registry.due(now=1299.0) == []
    assert [f.id for f in registry.due(now=1300.0)] == [feed.id]
    kept = registry.record(feed.id, ok=True, items_added=2, now=1300.0)  # None keeps the validators
    assert (kept.etag, kept.title, kept.items) == ('"v1"', "Wire", 5)


def test_a_failing_feed_backs_off_further_each_time_up_to_a_cap_and_never_blocks_others(
    registry: FeedRegistry,
) -> None:
    bad = registry.add("http://broken.example/rss", 30)
    good = registry.add("http://fine.example/rss", 30)
    delays = []
    now = 0.0
    for _ in range(6):
        feed = registry.record(bad.id, ok=False, error="HTTP 500 after 3 attempts", now=now)
        delays.append(feed.next_due - now)
        now = feed.next_due
    assert delays == [10.0, 20.0, 40.0, 80.0, 100.0, 100.0]  # retry_base_s doubling, capped at max_backoff_s
    assert feed.failures == 6 and feed.last_error == "HTTP 500 after 3 attempts" and feed.last_ok is None
    assert good.id in {f.id for f in registry.due(now=0.0)}  # the other feed is due regardless
    healed = registry.record(bad.id, ok=True, now=now)
    assert (healed.failures, healed.last_error, healed.next_due) == (0, "", now + 30)


def test_re_adding_a_polled_feed_moves_its_next_poll_to_the_new_interval(registry: FeedRegistry) -> None:
    feed = registry.add("http://example.com/rss", 600)
    registry.record(feed.id, ok=True, now=100.0)
    assert registry.add("http://example.com/rss", 60).next_due == 160.0


def test_get_remove_and_unknown_ids(registry: FeedRegistry) -> None:
    feed = registry.add("http://example.com/rss", 60)
    assert registry.get(feed.id) == feed
    assert registry.remove(feed.id) is True
    assert registry.get(feed.id) is None and registry.remove(feed.id) is False
    with pytest.raises(KeyError, match="no feed"):
        registry.record(feed.id, ok=True, now=1.0)


def test_feeds_survive_reopening_the_article_store_database(tmp_path: Path) -> None:
    db = tmp_path / "data" / "articles.sqlite3"
    ArticleStore(db)  # the article store's own file: the feeds table lives beside its tables
    first = FeedRegistry(db, TEST_REGISTRY)
    feed = first.add("https://news.example.com/rss", 120)
    first.record(feed.id, ok=False, error="timed out", now=50.0)
    reopened = FeedRegistry(db, TEST_REGISTRY)
    again = reopened.get(feed.id)
    assert again is not None
    assert (again.url, again.every_s, again.failures, again.last_error, again.next_due) == (
        "https://news.example.com/rss", 120, 1, "timed out", 60.0
    )
    assert ArticleStore(db).manifest() == {}  # and the store still opens over the same file


def test_concurrent_pollers_never_lose_a_recorded_poll(registry: FeedRegistry) -> None:
    feed = registry.add("http://example.com/rss", 60)
    other = FeedRegistry(registry.path, TEST_REGISTRY)  # a second process's view of the same file

    def fail_many(reg: FeedRegistry) -> None:
        for i in range(15):
            reg.record(feed.id, ok=False, error=f"try {i}", items_added=1, now=float(i))

    threads = [threading.Thread(target=fail_many, args=(r,)) for r in (registry, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = registry.get(feed.id)
    assert final is not None and (final.failures, final.items) == (30, 30)
