"""refresh() when things go wrong: slow and failing hosts, oversized pages, robots.txt, bodies that are no feed,
and an item that raises; each problem is reported and costs only its own item or feed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from ingest_testkit import FAST, FIXTURES, NOW, PAGES, Reply, Site, current, nothing_known, page_hits, read, rss

from index.ingest.fetch import Fetcher
from index.ingest.outbox import article_path
from index.ingest.poll import refresh
from index.ingest.registry import FeedRegistry


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


def test_a_body_that_is_not_a_feed_is_a_failed_poll(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    site.fixture("/", "not-a-feed.html", "text/html")
    feed = registry.add(site.url("/"), 600)
    result = refresh(feed, registry, out, nothing_known, fetcher, NOW)
    assert "not an RSS, Atom or JSON feed" in result.errors[0]
    assert current(registry, feed.id).failures == 1


def test_an_item_that_raises_costs_only_that_item(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    site.fixture("/rss.xml", "rss.xml", "application/rss+xml", etag='"v"')
    site.pages(*PAGES)
    bridge = site.url("/news/harbour-bridge.html")

    def flaky_store(url: str) -> bool:
        if url == bridge:
            raise RuntimeError("store is locked")
        return False

    feed = registry.add(site.url("/rss.xml"), 600)
    result = refresh(feed, registry, out, flaky_store, fetcher, NOW)
    assert result.errors == [f"{bridge}: RuntimeError: store is locked"]
    assert [read(p)["title"] for p in result.written] == ["Council passes budget with library funding restored"]
    assert current(registry, feed.id).etag == ""


def test_a_link_to_something_that_is_not_a_page_falls_back_to_the_feed_text(
    site: Site, registry: FeedRegistry, fetcher: Fetcher, out: Path
) -> None:
    # bytes with readable markup, but typed as a PDF: the declared type decides, nothing is scraped from it
    report = (FIXTURES / "news" / "harbour-bridge.html").read_bytes()
    site.routes["/news/report.pdf"] = lambda h: Reply(200, report, {"Content-Type": "application/pdf"})
    items = [(site.url("/news/report.pdf"), "Inspection report", "The report.")]
    site.serve("/rss", rss(site, "Docs", items), "text/xml")
    feed = registry.add(site.url("/rss"), 600)
    result = refresh(feed, registry, out, nothing_known, fetcher, NOW)
    assert result.errors == [] and "no article text on the page" in result.notes[0]
    assert read(result.written[0])["text"] == "The report."
