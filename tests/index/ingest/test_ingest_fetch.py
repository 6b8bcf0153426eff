"""The polite fetcher against real loopback servers: validators, timeouts, retries, size, robots, pacing."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

import pytest
from ingest_testkit import FAST, Reply, Site

from index.ingest.fetch import Fetcher, FetchError

PAGE = b"<html><body><p>hello</p></body></html>"


def test_conditional_get_sends_the_stored_etag_and_gets_a_304(site: Site, fetcher: Fetcher) -> None:
    site.serve("/rss", b"<rss/>", "application/rss+xml", etag='"abc"', last_modified="Mon, 30 Nov 2026 08:00:00 GMT")
    first = fetcher.get(site.url("/rss"))
    assert (first.status, first.body, first.etag, first.not_modified) == (200, b"<rss/>", '"abc"', False)
    assert first.last_modified == "Mon, 30 Nov 2026 08:00:00 GMT"
    second = fetcher.get(site.url("/rss"), etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.status == 304 and second.body == b""
    assert second.etag == '"abc"'
    sent = site.requested("/rss")[-1].headers
    assert sent["if-none-match"] == '"abc"' and sent["if-modified-since"] == "Mon, 30 Nov 2026 08:00:00 GMT"
    assert "if-none-match" not in site.requested("/rss")[0].headers
    assert sent["user-agent"] == FAST.user_agent


def test_last_modified_alone_is_enough_for_a_304(site: Site, fetcher: Fetcher) -> None:
    site.serve("/atom", b"<feed/>", "application/atom+xml", last_modified="Sun, 29 Nov 2026 10:00:00 GMT")
    first = fetcher.get(site.url("/atom"))
    assert first.etag == ""
    assert fetcher.get(site.url("/atom"), last_modified=first.last_modified).not_modified


def test_a_slow_host_times_out_quickly_with_a_clear_error(site: Site, fetcher: Fetcher) -> None:
    site.routes["/slow"] = lambda h: Reply(200, PAGE, delay_s=3.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 0.5s") as caught:
        fetcher.get(site.url("/slow"))
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 2.0
    assert len(site.requested("/slow")) == 1  # a slow host is not asked again within the same poll


def test_a_5xx_is_retried_with_growing_pauses_then_succeeds(site: Site, fetcher: Fetcher) -> None:
    answers = iter([Reply(500, b"oops"), Reply(503, b"busy"), Reply(200, PAGE)])
    site.routes["/flaky"] = lambda h: next(answers)
    assert fetcher.get(site.url("/flaky")).body == PAGE
    hits = site.requested("/flaky")
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:], strict=False)]
    assert len(hits) == 3
    assert gaps[0] >= FAST.backoff_s * 0.9 and gaps[1] >= 2 * FAST.backoff_s * 0.9


def test_a_host_that_keeps_failing_is_reported_after_the_last_retry(site: Site, fetcher: Fetcher) -> None:
    site.routes["/down"] = lambda h: Reply(500, b"internal error")
    with pytest.raises(FetchError, match="HTTP 500 after 3 attempts") as caught:
        fetcher.get(site.url("/down"))
    assert (caught.value.kind, caught.value.status) == ("http", 500)
    assert len(site.requested("/down")) == FAST.retries + 1


def test_429_honours_retry_after_up_to_the_cap(site: Site, fetcher: Fetcher) -> None:
    answers = iter([Reply(429, b"", {"Retry-After": "1"}), Reply(200, PAGE)])
    site.routes["/limited"] = lambda h: next(answers)
    assert fetcher.get(site.url("/limited")).body == PAGE
    first, second = site.requested("/limited")
    assert FAST.max_backoff_s * 0.9 <= second.at - first.at < 1.0  # asked for 1 s, capped at 0.2 s


def test_a_4xx_is_not_retried(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as caught:
        fetcher.get(site.url("/gone"))
    assert caught.value.status == 404 and len(site.requested("/gone")) == 1


def test_an_unreachable_host_is_a_connect_error(fetcher: Fetcher, make_site: Callable[[], Site]) -> None:
    closed = make_site()
    url = closed.url("/rss")
    closed.close()
    with pytest.raises(FetchError, match="cannot connect") as caught:
        fetcher.get(url)
    assert caught.value.kind == "connect"


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
def test_a_body_over_the_size_limit_is_an_error_not_a_truncated_page(
    site: Site, fetcher: Fetcher, declared: bool
) -> None:
    big = b"<p>" + b"x" * (FAST.max_bytes + 10) + b"</p>"
    if declared:
        site.routes["/big"] = lambda h: Reply(200, big)
    else:  # no Content-Length: the limit must hold while the body streams in
        pieces = [big[i : i + 8192] for i in range(0, len(big), 8192)]
        chunked = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces)
        site.routes["/big"] = lambda h: Reply(200, chunked + b"0\r\n\r\n", {"Transfer-Encoding": "chunked"})
    with pytest.raises(FetchError, match=f"larger than the {FAST.max_bytes}-byte limit") as caught:
        fetcher.get(site.url("/big"))
    assert caught.value.kind == "too_large"


def test_robots_txt_disallowing_a_path_stops_the_fetch(site: Site, fetcher: Fetcher) -> None:
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    site.serve("/private/story.html", PAGE, "text/html")
    site.serve("/news/story.html", PAGE, "text/html")
    with pytest.raises(FetchError, match="robots.txt of 127.0.0.1:.* disallows") as caught:
        fetcher.get(site.url("/private/story.html"))
    assert caught.value.kind == "robots"
    assert site.requested("/private/story.html") == []
    assert fetcher.get(site.url("/news/story.html")).body == PAGE
    assert len(site.requested("/robots.txt")) == 1  # cached per host


def test_robots_rules_for_our_user_agent_apply(site: Site, fetcher: Fetcher) -> None:
    rules = b"User-agent: news-assistant-test\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    site.serve("/robots.txt", rules, "text/plain")
    with pytest.raises(FetchError, match="disallows"):
        fetcher.get(site.url("/news/story.html"))


@pytest.mark.parametrize("robots", [Reply(500, b"oops"), Reply(404, b""), Reply(200, b"", delay_s=2.0)])
def test_a_robots_txt_that_cannot_be_had_allows_everything(site: Site, fetcher: Fetcher, robots: Reply) -> None:
    site.routes["/robots.txt"] = lambda h: robots
    site.serve("/news/story.html", PAGE, "text/html")
    assert fetcher.get(site.url("/news/story.html")).body == PAGE


def test_redirects_are_followed_and_each_hop_obeys_robots(site: Site, fetcher: Fetcher) -> None:
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /blocked/\n", "text/plain")
    site.routes["/old"] = lambda h: Reply(301, b"", {"Location": "/new"})
    site.routes["/sneaky"] = lambda h: Reply(302, b"", {"Location": "/blocked/page"})
    site.serve("/new", PAGE, "text/html")
    got = fetcher.get(site.url("/old"))
    assert got.final_url == site.url("/new") and got.body == PAGE
    with pytest.raises(FetchError, match="disallows"):
        fetcher.get(site.url("/sneaky"))
    assert site.requested("/blocked/page") == []


def test_requests_to_one_host_are_spaced_by_the_politeness_interval(make_site: Callable[[], Site]) -> None:
    a, b = make_site(), make_site()
    for s in (a, b):
        s.serve("/p", PAGE, "text/html")
    interval = 0.3
    with Fetcher(dataclasses.replace(FAST, per_host_interval_s=interval)) as polite:
        for _ in range(3):
            polite.get(a.url("/p"))
        polite.get(b.url("/p"))
    times = [h.at for h in a.hits]  # robots.txt, then three pages
    assert len(times) == 4
    assert all(later - earlier >= interval * 0.95 for earlier, later in zip(times, times[1:], strict=False))
    assert b.hits[0].at - a.hits[-1].at < interval  # not held up by the other host's pace (that would be >= interval)


def test_a_robots_crawl_delay_slows_that_host_down_up_to_the_cap(site: Site) -> None:
    site.serve("/robots.txt", b"User-agent: *\nCrawl-delay: 5\n", "text/plain")
    site.serve("/p", PAGE, "text/html")
    with Fetcher(dataclasses.replace(FAST, max_crawl_delay_s=0.3)) as f:
        f.get(site.url("/p"))
        f.get(site.url("/p"))
    first, second = site.requested("/p")
    assert 0.3 * 0.95 <= second.at - first.at < 1.0


@pytest.mark.parametrize("url", ["file:///etc/passwd", "mailto:desk@example.com", "http:///path-only", "ftp://x/y"])
def test_only_http_urls_are_fetched(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError, match="not an http") as caught:
        fetcher.get(url)
    assert caught.value.kind == "url"


def test_a_redirect_away_from_http_is_refused(site: Site, fetcher: Fetcher) -> None:
    site.routes["/away"] = lambda h: Reply(302, b"", {"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="non-http") as caught:
        fetcher.get(site.url("/away"))
    assert caught.value.kind == "redirect"


def test_a_redirect_to_a_broken_url_is_a_fetch_error_not_a_crash(site: Site, fetcher: Fetcher) -> None:
    site.routes["/broken"] = lambda h: Reply(302, b"", {"Location": "http://[::1"})
    with pytest.raises(FetchError, match="Invalid URL in location header"):
        fetcher.get(site.url("/broken"))
