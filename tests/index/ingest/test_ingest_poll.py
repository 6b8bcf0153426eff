"""refresh() end to end against loopback news sites: what gets fetched, written, skipped, and recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_testkit import ETAG, NOW, PAGES, Site, current, nothing_known, page_hits, read

from index.ingest.fetch import Fetcher
from index.ingest.outbox import article_path
from index.ingest.poll import PollPolicy, refresh
from index.ingest.registry import FeedRegistry


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
