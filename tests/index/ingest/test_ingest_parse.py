"""Feed parsing on the shipped RSS 2.0, Atom and JSON Feed fixtures."""

from __future__ import annotations

import pytest
from ingest_testkit import FIXTURES

from index.ingest.parse import FeedItem, FeedParseError, html_to_text, parse_feed

BASE = "http://news.example:8080"


def load(name: str) -> bytes:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{{BASE}}", BASE).encode()


def test_rss2_items_with_dates_and_plain_text_descriptions() -> None:
    feed = parse_feed(load("rss.xml"), f"{BASE}/rss.xml")
    assert feed.title == "Elsby Courier – Local news"
    assert feed.items == [
        FeedItem(
            url=f"{BASE}/news/budget-vote.html",
            title="Council passes budget with library funding restored",
            published="2026-11-29T18:05:00+00:00",
            summary_text="Councillors voted 23 to 14 for the 2027 budget after a late amendment.",
        ),
        FeedItem(
            url=f"{BASE}/news/harbour-bridge.html",
            title="Harbour bridge reopens after two years of repairs",
            published="2026-11-28T07:30:00+00:00",
            summary_text="The bridge carried traffic again on Friday & ferries will run a reduced timetable.",
        ),
    ]


def test_atom_entries_resolve_relative_links_and_prefer_full_content() -> None:
    feed = parse_feed(load("atom.xml"), f"{BASE}/atom.xml")
    assert feed.title == "Harbour Towns Wire"
    ferry, commuters = feed.items
    assert ferry.url == f"{BASE}/news/ferry-strike.html"  # href="/news/..." resolved against the feed
    assert ferry.published == "2026-11-30T09:12:00+00:00"  # published, not updated
    assert ferry.summary_text == (
        "Crews of the Elsby harbour ferries voted by 81 percent to walk out.\nThe operator said it would keep talking."
    )
    assert commuters.title == "Bridge & ferries: what changes for commuters"
    assert commuters.published == "2026-11-29T12:00:00+00:00"  # no published: updated
    assert commuters.summary_text == (
        "With the bridge open, the ferry timetable is cut until January.\nTrams return on Friday"
    )


def test_json_feed_items_and_their_fallback_fields() -> None:
    feed = parse_feed(load("feed.json"), f"{BASE}/feed.json")
    assert feed.title == "Elsby Courier JSON"
    assert [i.url for i in feed.items] == [f"{BASE}/news/budget-vote.html", f"{BASE}/news/road-closures.html"]
    budget, closures = feed.items
    assert budget.summary_text == "Councillors voted 23 to 14 for the budget."
    assert budget.published == "2026-11-29T18:05:00+00:00"
    assert closures.summary_text == "Birch Road closes on Saturday for resurfacing."
    assert closures.published == "2026-11-30T06:00:00+01:00"  # date_modified when nothing else


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"<!DOCTYPE html><html><body><p>Front page.</p></body></html>", "not an RSS, Atom or JSON feed"),
        (b'{"items": []}', "not a JSON Feed"),
        (b"{not json", "unreadable JSON Feed"),
    ],
)
def test_what_is_not_a_feed_is_an_error(body: bytes, says: str) -> None:
    with pytest.raises(FeedParseError, match=says):
        parse_feed(body, f"{BASE}/x")


def test_the_html_page_fixture_is_not_a_feed() -> None:
    with pytest.raises(FeedParseError):
        parse_feed(load("not-a-feed.html"), f"{BASE}/")


def test_html_to_text_keeps_blocks_apart() -> None:
    assert html_to_text("<p>One <b>bold</b> claim.</p><p>Two</p>x<br>y") == "One bold claim.\nTwo\nx\ny"
    assert html_to_text("   ") == ""


def test_items_without_a_web_link_are_dropped() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Script</title><link>javascript:alert(1)</link></item>"
        b"<item><title>Mail</title><link>mailto:desk@example.com</link></item>"
        b"<item><title>Real</title><link>/news/real.html</link></item>"
        b"</channel></rss>"
    )
    assert [i.url for i in parse_feed(body, f"{BASE}/rss").items] == [f"{BASE}/news/real.html"]
