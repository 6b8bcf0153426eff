"""Page extraction on realistic news pages: the story stays, the page furniture goes."""

from __future__ import annotations

import pytest
from ingest_testkit import FIXTURES

from index.ingest.extract import ExtractPolicy, extract_page

URL = "http://news.example/news/page.html"

FURNITURE = {
    "harbour-bridge.html": [
        "Reader comments", "outrageous", "grandmother", "Leave a Reply", "Subscribe today", "cookies",
        "Most read", "Celebrity chef", "All rights reserved", "Privacy policy",
    ],
    "budget-vote.html": ["Discussion", "Potholes on Birch Road", "Newsletters", "Share on social media",
                         "morning briefing", "Registered office"],
    "ferry-strike.html": ["Reader comments", "Typical union nonsense", "Log in", "Cookie settings"],
}
STORY = {
    "harbour-bridge.html": ["corroded cables", "214 suspension hangers", "87 million crowns", "Tomas Verhaegen",
                            "9,000 commuters", "9 December"],
    "budget-vote.html": ["23 votes to 14", "Hanne Brisk", "140,000 books", "2.9 percent"],
    "ferry-strike.html": ["81 percent", "Elsby Sound Lines", "Petra Saari"],
}
TITLES = {
    "harbour-bridge.html": ("Harbour bridge reopens after two years of repairs", "2026-11-28"),
    "budget-vote.html": ("Council passes budget with library funding restored", "2026-11-29"),
    "ferry-strike.html": ("Ferry crews vote to strike over winter rota", "2026-11-30"),
}


@pytest.mark.parametrize("name", sorted(STORY))
def test_the_article_text_is_kept_and_the_page_furniture_dropped(name: str) -> None:
    page = extract_page((FIXTURES / "news" / name).read_bytes(), URL)
    assert page is not None
    for words in STORY[name]:
        assert words in page.text
    for words in FURNITURE[name]:
        assert words not in page.text
    assert (page.title, page.date) == TITLES[name]
    assert not page.text.startswith(page.title)  # the headline is the title, not the first paragraph


def test_a_page_without_an_article_yields_nothing() -> None:
    assert extract_page((FIXTURES / "news" / "empty-shell.html").read_bytes(), URL) is None
    assert extract_page(b"", URL) is None
    assert extract_page(b"\x00\xff garbage", URL) is None


def test_too_little_text_counts_as_no_article() -> None:
    html = (FIXTURES / "news" / "ferry-strike.html").read_bytes()
    assert extract_page(html, URL, ExtractPolicy(min_text_chars=10_000)) is None


def test_the_date_can_come_from_the_url_when_the_markup_has_none() -> None:
    html = (FIXTURES / "news" / "ferry-strike.html").read_text().replace("article:published_time", "x-none")
    html = html.replace("30 November 2026", "Monday")
    page = extract_page(html, "http://news.example/2026/11/27/ferry-strike.html")
    assert page is not None and page.date == "2026-11-27"
