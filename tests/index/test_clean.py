"""Cleaning and headline detection: what is stripped as boilerplate, and what must survive as article text."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.clean import clean_text, split_headline

ARTICLES = Path(__file__).resolve().parents[2] / "articles"
FIRST = ARTICLES / "000_19d6c775b7450330.txt"
SECOND = ARTICLES / "004_d7e9291a4c230370.txt"

BODY = "\n\n".join(
    f"Paragraph {i} of the story says something that matters about the news." for i in range(8)
)


def test_normalises_newlines_controls_and_trailing_spaces() -> None:
    raw = "First line  \r\nSecond\x00 line\t\r\n\x07Third\u200b line\rFourth\x0c"
    assert clean_text(raw) == "First line\nSecond line\nThird line\nFourth"


def test_collapses_blank_runs_to_one_blank_line_and_strips_ends() -> None:
    assert clean_text("\n\n  \nOne\n\n\n\n\nTwo\n \n \nThree\n\n\n") == "One\n\nTwo\n\nThree"


def test_keeps_single_blank_lines_and_leading_indentation() -> None:
    assert clean_text("One\n\n    indented quote\nTwo") == "One\n\n    indented quote\nTwo"


@pytest.mark.parametrize(
    "ui_line",
    [
        "Copied!",
        "Share this:",
        "SHARE THIS ARTICLE",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Click to share on Twitter (Opens in new window)",
        "Click to email a link to a friend (Opens in new window)",
        "Subscribe",
        "Subscribe to our newsletter for the latest updates.",
        "Sign up for CNN’s Wonder Theory science newsletter. Explore the universe with news.",
        "Support local journalism. Subscribe to azcentral.com today.",
        "Like this:",
    ],
)
def test_drops_standalone_ui_lines_anywhere(ui_line: str) -> None:
    text = f"Opening paragraph of the report.\n\n{ui_line}\n\nClosing paragraph of the report."
    assert clean_text(text) == "Opening paragraph of the report.\n\nClosing paragraph of the report."


@pytest.mark.parametrize(
    "line",
    [
        "Subscribers can purchase the network through Peacock Premium for $4.99 per month.",
        "Share with care: Limit how much personal information you share online.",
        "Advertisers have lined up again this year to spend huge dollars on commercials.",
        "Shares of Target fell 2.8% Thursday and closed at $103.86.",
        "She said she would subscribe to the plan if the council approved it.",
        "Copied! That was the word the teacher wrote on the essay, she said.",
    ],
)
def test_keeps_prose_that_merely_starts_like_ui_text(line: str) -> None:
    text = f"Opening paragraph.\n\n{line}\n\nClosing paragraph."
    assert line in clean_text(text)


def test_drops_ui_lines_only_when_short() -> None:
    long_line = "Sign up for " + "the scheme, which officials described at length, " * 12
    assert long_line.strip() in clean_text(f"Intro.\n\n{long_line}\n\nOutro.")


@pytest.mark.parametrize(
    "marker",
    [
        "Leave a Reply",
        "Leave a Reply Cancel reply",
        "Leave a Comment",
        "One response to “The story”",
        '12 Responses to "The story"',
        "2 thoughts on “The story”",
        "3 Comments",
        "Comments",
        "Comments are closed.",
        "View all 40 comments",
        "Your email address will not be published. Required fields are marked *",
    ],
)
def test_cuts_the_comment_section_at_the_end(marker: str) -> None:
    text = f"{BODY}\n\n{marker}\n\nGreat article, thanks!\n\nI disagree with all of it."
    assert clean_text(text) == BODY


def test_keeps_a_comment_marker_early_in_the_article() -> None:
    text = f"Leave a Comment\n\n{BODY}\n\nFinal paragraph."
    assert clean_text(text) == text


def test_keeps_sentences_about_comments_near_the_end() -> None:
    tail = "Many comments on the bill were negative.\n\nOne response to the plan came from the mayor."
    text = f"{BODY}\n\n{tail}"
    assert clean_text(text) == text


def test_drops_a_trailing_author_box() -> None:
    text = f"{BODY}\n\nAbout Jane Q. Doe\n\nJane covers politics. She lives in Ohio with two cats."
    assert clean_text(text) == BODY


def test_keeps_about_sections_that_are_content() -> None:
    poll = f"{BODY}\n\nAbout the Iowa Poll\n\nThe poll of 705 voters has a margin of error of 3.7 points."
    assert clean_text(poll) == poll
    long_bio = f"{BODY}\n\nAbout Pilot Flying J\n\n" + "The company runs travel centers across the US. " * 10
    assert clean_text(long_bio) == long_bio.strip()
    not_last = f"{BODY}\n\nAbout Jane Doe\n\nShort bio.\n\n{BODY}"
    assert clean_text(not_last) == not_last


def test_first_default_article_loses_comments_author_box_and_copied_line() -> None:
    title, body = split_headline(clean_text(FIRST.read_text(encoding="utf-8")))
    assert title == "Russia’s Collapse Exposed: Can Ukraine Capitalize on Putin’s Pain?"
    assert body.startswith("As Russia faces")
    assert body.endswith("the world must watch closely.")
    for gone in ("Copied!", "One response to", "Leave a Reply", "email address", "John Digweed", "Life-long"):
        assert gone not in body
    assert "Historical Lessons: Desperation Breeds Danger" in body


def test_second_default_article_is_left_as_it_is() -> None:
    raw = SECOND.read_text(encoding="utf-8")
    assert clean_text(raw) == raw.strip()
    assert split_headline(clean_text(raw)) == ("", clean_text(raw))
    assert clean_text(raw).startswith("A string of victories")


def test_split_headline_takes_a_short_first_line_followed_by_a_blank_line() -> None:
    assert split_headline("Storm hits the coast\n\nThe storm arrived.\nMore.") == (
        "Storm hits the coast",
        "The storm arrived.\nMore.",
    )
    assert split_headline("\n\nWho won?\n\nNobody did.") == ("Who won?", "Nobody did.")


@pytest.mark.parametrize(
    "text",
    [
        "A sentence that ends with a period.\n\nBody.",
        "Here is what we know:\n\nBody.",
        "Washington CNN —\n\nBody.",
        "No blank line after this one\nBody.",
        "Only a headline\n\n",
        "Only a single line",
        " ".join(["word"] * 26) + "\n\nBody.",
        "x" * 201 + "\n\nBody.",
        "",
    ],
)
def test_split_headline_leaves_other_first_lines_in_the_body(text: str) -> None:
    assert split_headline(text) == ("", text)
