"""What a poll writes is what the indexer reads: refresh, then the normal incremental update."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_testkit import Site

from index.handles import IndexHandles
from index.ingest.fetch import Fetcher
from index.ingest.known import store_urls
from index.ingest.poll import refresh
from index.ingest.registry import FeedRegistry
from index.updater import update_index

NOW = 1_790_000_000.0


def test_polled_articles_are_indexed_by_the_incremental_update(
    site: Site, fetcher: Fetcher, handles: IndexHandles, articles_dir: Path
) -> None:
    site.fixture("/rss.xml", "rss.xml", "application/rss+xml", etag='"v1"')
    site.pages("harbour-bridge.html", "budget-vote.html", "ferry-strike.html")
    registry = FeedRegistry(handles.store.path)  # the feeds table in the article store's own database
    out = articles_dir / "feeds"
    feed = registry.add(site.url("/rss.xml"), 600)
    wire = {"url": site.url("/news/budget-vote.html"), "title": "Budget passes", "text": "The council voted 23-14."}
    (articles_dir / "wire.json").write_text(json.dumps(wire), encoding="utf-8")
    assert update_index(handles).added == 1  # the store already has the budget story, from another file

    first = refresh(feed, registry, out, store_urls(handles.store), fetcher, NOW)
    assert (len(first.written), first.skipped_known) == (1, 1)
    assert site.requested("/news/budget-vote.html") == []
    report = update_index(handles, [out])
    assert (report.added, report.errors) == (1, [])
    stored = {a.url: a for a in (handles.store.get(i) for i in handles.store.manifest()) if a is not None}
    bridge = stored[site.url("/news/harbour-bridge.html")]
    assert bridge.title == "Harbour bridge reopens after two years of repairs"
    assert bridge.date == "2026-11-28" and bridge.source == "127.0.0.1"
    assert "87 million crowns" in bridge.text and "Reader comments" not in bridge.text
    assert bridge.id.startswith(f"feeds/{feed.id}/")

    site.fixture("/rss.xml", "rss-later.xml", "application/rss+xml", etag='"v2"')
    site.hits.clear()
    known = store_urls(handles.store)
    assert known(site.url("/news/harbour-bridge.html")) and not known(site.url("/news/ferry-strike.html"))
    later = refresh(registry.get(feed.id) or feed, registry, out, known, fetcher, NOW + 600)
    assert (len(later.written), later.skipped_known) == (1, 2)  # one by its file, one by the store
    assert [h.path for h in site.hits if h.path.startswith("/news/")] == ["/news/ferry-strike.html"]
    again = update_index(handles, [out])
    assert (again.added, again.updated, again.removed, again.unchanged, again.errors) == (1, 0, 0, 1, [])
    assert store_urls(handles.store)(site.url("/news/ferry-strike.html"))
