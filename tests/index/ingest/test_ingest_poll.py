"""refresh() end to end against loopback news sites: what gets fetched, written, skipped, and recorded."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_testkit import FAST, Reply, Site, rss

from index.ingest.fetch import Fetcher
from index.ingest.outbox import article_path
from index.ingest.poll import PollPolicy, refresh
from index.ingest.registry import Feed, FeedRegistry

NOW = 1_790_000_000.0  # 2026-09-21 UTC
ETAG = '"rss-v1"'
PAGES = ("harbour-bridge.html", "budget-vote.html", "ferry-strike.html", "empty-shell.html")


def nothing_known(url: str) -> bool:
    return False


def read(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8"))


def current(registry: FeedRegistry, feed_id: str) -> Feed:
    """The feed as stored now."""
    feed = registry.get(feed_id)
    assert feed is not None
    return feed


def page_hits(site: Site) -> list[str]:
    return [h.path for h in site.hits if h.path.startswith("/news/")]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "articles" / "feeds"


def test_first_poll_writes_one_article_file_per_item_and_records_the_feed(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    site.fixture("/rss.xml", "rss.xml", "application/rss+xml", etag=ETAG)
    site.pages(*PAGES)
    feed = registry.add(site.url("/rss.xml"), 600)
    result = refresh(feed, registry, out, nothing_known, fetcher, NOW)
    assert (result.new_items, result.skipped_known, result.errors, result.not_modified) == (2, 0, [], False)
    bridge = article_path(out, feed.id, site.url("/news/harbour-bridge.html"))
    assert bridge.parent == out / feed.id and len(bridge.stem) == 16
    assert sorted(result.written) == sorted([bridge, article_path(out, feed.id, site.url("/news/budget-vote.html"))])
    story = read(bridge)
    assert story["url"] == site.url("/news/harbour-bridge.html")
    assert story["title"] == "Harbour bridge reopens after two years of repairs"
    assert story["published"] == "2026-11-28T07:30:00+00:00"
    assert "214 suspension hangers" in story["text"] and "Reader comments" not in story["text"]
    assert list(out.rglob(".*")) == []  # no temp files left behind
    stored = current(registry, feed.id)
    assert stored is not None
    assert (stored.title, stored.etag, stored.items, stored.failures, stored.last_error) == (
        "Elsby Courier – Local news", ETAG, 2, 0, ""
    )
    assert stored.last_ok == NOW and stored.next_due == NOW + 600


def test_a_feed_that_changes_between_polls_fetches_only_the_new_items(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    site.fixture("/rss.xml", "rss.xml", "application/rss+xml", etag=ETAG)
    site.pages(*PAGES)
    feed = registry.add(site.url("/rss.xml"), 600)
    refresh(feed, registry, out, nothing_known, fetcher, NOW)
    site.fixture("/rss.xml", "rss-later.xml", "application/rss+xml", etag='"rss-v2"')
    site.hits.clear()
    later = refresh(current(registry, feed.id), registry, out, nothing_known, fetcher, NOW + 600)
    assert (later.new_items, later.skipped_known, len(later.written)) == (1, 2, 1)
    assert page_hits(site) == ["/news/ferry-strike.html"]
    assert read(later.written[0])["title"] == "Ferry crews vote to strike over winter rota"
    assert current(registry, feed.id).etag == '"rss-v2"'
    assert len(list((out / feed.id).glob("*.json"))) == 3


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_an_unchanged_feed_answers_304_and_nothing_is_fetched(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path, validator: str
) -> None:
    stamp = "Mon, 30 Nov 2026 09:15:00 GMT"
    site.fixture("/rss.xml", "rss.xml", "application/rss+xml", **{validator: ETAG if validator == "etag" else stamp})
    site.pages(*PAGES)
    feed = registry.add(site.url("/rss.xml"), 600)
    refresh(feed, registry, out, nothing_known, fetcher, NOW)
    site.hits.clear()
    again = refresh(current(registry, feed.id), registry, out, nothing_known, fetcher, NOW + 600)
    assert again.not_modified and again.written == [] and again.errors == []
    sent = site.requested("/rss.xml")[0].headers
    assert sent.get("if-none-match" if validator == "etag" else "if-modified-since") == (
        ETAG if validator == "etag" else stamp
    )
    assert page_hits(site) == []
    stored = current(registry, feed.id)
    assert stored is not None and stored.last_polled == NOW + 600 and stored.next_due == NOW + 1200


def test_items_the_store_already_has_are_skipped_without_fetching(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    site.fixture("/rss.xml", "rss-later.xml", "application/rss+xml")
    site.pages(*PAGES)
    known = {site.url("/news/harbour-bridge.html"), site.url("/news/budget-vote.html")}
    feed = registry.add(site.url("/rss.xml"), 600)
    result = refresh(feed, registry, out, known.__contains__, fetcher, NOW)
    assert (result.new_items, result.skipped_known, len(result.written)) == (1, 2, 1)
    assert page_hits(site) == ["/news/ferry-strike.html"]


def test_a_slow_host_is_reported_and_the_other_items_still_written_then_retried_next_poll(
    make_site: Callable[[], Site], registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    home, slow = make_site(), make_site()
    home.pages(*PAGES)
    slow.routes["/news/late.html"] = lambda h: Reply(200, b"<html></html>", delay_s=3.0)
    items = [
        (slow.url("/news/late.html"), "Late story", "From a slow host."),
        (home.url("/news/harbour-bridge.html"), "Harbour bridge reopens", "Bridge."),
        (home.url("/news/budget-vote.html"), "Budget passes", "Budget."),
    ]
    home.serve("/rss", rss(home, "Mixed", items), "application/rss+xml", etag='"m1"')
    feed = registry.add(home.url("/rss"), 600)
    result = refresh(feed, registry, out, nothing_known, fetcher, NOW)
    assert len(result.written) == 2 and result.new_items == 3
    assert len(result.errors) == 1 and "did not answer within 0.5s" in result.errors[0]
    assert slow.url("/news/late.html") in result.errors[0]
    stored = current(registry, feed.id)
    assert stored is not None and stored.failures == 0 and stored.last_ok == NOW
    assert "1 item(s) failed (tried again next poll)" in stored.last_error
    assert stored.etag == ""  # not advanced: the next poll re-reads the feed instead of getting a 304
    slow.pages("ferry-strike.html")
    slow.routes["/news/late.html"] = slow.routes["/news/ferry-strike.html"]  # the host has recovered
    home.hits.clear()
    again = refresh(stored, registry, out, nothing_known, fetcher, NOW + 600)
    assert (len(again.written), again.skipped_known, again.errors) == (1, 2, [])
    assert page_hits(home) == []
    assert current(registry, feed.id).etag == '"m1"'


def test_a_failing_feed_host_is_retried_with_backoff_reported_and_due_again_later(
    make_site: Callable[[], Site], registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    broken, fine = make_site(), make_site()
    broken.routes["/rss"] = lambda h: Reply(500, b"database on fire")
    fine.fixture("/rss.xml", "rss.xml", "application/rss+xml")
    fine.pages(*PAGES)
    bad = registry.add(broken.url("/rss"), 600)
    good = registry.add(fine.url("/rss.xml"), 600)
    results = [refresh(f, registry, out, nothing_known, fetcher, NOW) for f in registry.due(NOW)]
    assert [r.feed_id for r in results] == [bad.id, good.id]
    assert results[0].errors == [f"{broken.url('/rss')}: HTTP 500 after {FAST.retries + 1} attempts"]
    assert len(broken.requested("/rss")) == FAST.retries + 1
    hits = broken.requested("/rss")
    assert hits[1].at - hits[0].at >= FAST.backoff_s * 0.9 and hits[2].at - hits[1].at >= 2 * FAST.backoff_s * 0.9
    assert len(results[1].written) == 2  # the other feed was not held up
    failed = current(registry, bad.id)
    assert failed is not None
    assert (failed.failures, failed.last_ok) == (1, None) and "HTTP 500" in failed.last_error
    assert failed.next_due == NOW + registry.policy.retry_base_s
    assert [f.id for f in registry.due(NOW + 1)] == []
    second = refresh(failed, registry, out, nothing_known, fetcher, failed.next_due)
    assert second.errors  # failed again: the wait doubles
    assert current(registry, bad.id).next_due == failed.next_due + 2 * registry.policy.retry_base_s


def test_a_page_over_the_size_limit_is_an_error_and_nothing_is_written_for_it(
    site: Site, registry: FeedRegistry, out: Path
) -> None:
    site.pages(*PAGES)
    site.routes["/news/huge.html"] = lambda h: Reply(200, b"<p>" + b"word " * 20_000 + b"</p>")
    items = [(site.url("/news/huge.html"), "Huge", "Too big."), (site.url("/news/budget-vote.html"), "Budget", "B.")]
    site.serve("/rss", rss(site, "Sizes", items), "application/rss+xml")
    feed = registry.add(site.url("/rss"), 600)
    with Fetcher(dataclasses.replace(FAST, max_bytes=50_000)) as small:
        result = refresh(feed, registry, out, nothing_known, small, NOW)
    assert len(result.errors) == 1 and "larger than the 50000-byte limit" in result.errors[0]
    assert not article_path(out, feed.id, site.url("/news/huge.html")).exists()
    assert result.written == [article_path(out, feed.id, site.url("/news/budget-vote.html"))]


def test_a_page_robots_txt_disallows_is_not_fetched_and_the_feed_text_is_used(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /news/budget-vote.html\n", "text/plain")
    site.fixture("/rss.xml", "rss.xml", "application/rss+xml")
    site.pages(*PAGES)
    feed = registry.add(site.url("/rss.xml"), 600)
    result = refresh(feed, registry, out, nothing_known, fetcher, NOW)
    assert site.requested("/news/budget-vote.html") == []
    assert result.errors == [] and any("disallows" in n for n in result.notes)
    budget = read(article_path(out, feed.id, site.url("/news/budget-vote.html")))
    assert budget["text"] == "Councillors voted 23 to 14 for the 2027 budget after a late amendment."


def test_a_disallowed_feed_is_a_failed_poll(site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path) -> None:
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /\n", "text/plain")
    site.fixture("/rss.xml", "rss.xml", "application/rss+xml")
    feed = registry.add(site.url("/rss.xml"), 600)
    result = refresh(feed, registry, out, nothing_known, fetcher, NOW)
    assert "disallows" in result.errors[0] and site.requested("/rss.xml") == []
    assert current(registry, feed.id).failures == 1


@pytest.mark.parametrize(
    ("name", "kind"), [("atom.xml", "application/atom+xml"), ("feed.json", "application/feed+json")]
)
def test_atom_and_json_feeds_poll_the_same_way_with_the_feed_text_as_fallback(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path, name: str, kind: str
) -> None:
    site.fixture(f"/{name}", name, kind)
    site.pages(*PAGES)
    feed = registry.add(site.url(f"/{name}"), 600)
    result = refresh(feed, registry, out, nothing_known, fetcher, NOW)
    stories = {read(p)["url"].rsplit("/", 1)[1]: read(p) for p in result.written}
    if name == "atom.xml":
        assert result.errors == [] and set(stories) == {"ferry-strike.html", "empty-shell.html"}
        assert "Petra Saari" in stories["ferry-strike.html"]["text"]  # the page, not the feed's shorter content
        shell = stories["empty-shell.html"]  # the page has no article: the feed's own summary is used
        assert shell["text"].startswith("With the bridge open") and shell["published"] == "2026-11-29T12:00:00+00:00"
    else:  # road-closures.html does not exist: a 404 is an error, the budget story is written
        assert set(stories) == {"budget-vote.html"} and "Hanne Brisk" in stories["budget-vote.html"]["text"]
        assert len(result.errors) == 1 and "road-closures.html: HTTP 404" in result.errors[0]


def test_a_body_that_is_not_a_feed_is_a_failed_poll(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    site.fixture("/", "not-a-feed.html", "text/html")
    feed = registry.add(site.url("/"), 600)
    result = refresh(feed, registry, out, nothing_known, fetcher, NOW)
    assert "not an RSS, Atom or JSON feed" in result.errors[0]
    assert current(registry, feed.id).failures == 1


def test_at_most_max_new_items_pages_a_poll_and_the_rest_next_time(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    site.fixture("/rss.xml", "rss-later.xml", "application/rss+xml", etag=ETAG)
    site.pages(*PAGES)
    feed = registry.add(site.url("/rss.xml"), 600)
    first = refresh(feed, registry, out, nothing_known, fetcher, NOW, PollPolicy(max_new_items=2))
    assert len(first.written) == 2 and "1 new item(s) left for the next poll" in first.notes[0]
    assert current(registry, feed.id).etag == ""
    second = refresh(current(registry, feed.id), registry, out, nothing_known, fetcher, NOW + 1, PollPolicy(2))
    assert (len(second.written), second.skipped_known) == (1, 2)
