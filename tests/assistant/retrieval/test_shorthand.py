"""How a hurried user types, written out: contractions without their apostrophe, chat shorthand, sums cut short."""

from __future__ import annotations

import pytest

from assistant.retrieval.config import FollowUp
from assistant.retrieval.rewrite import rewrite
from assistant.retrieval.shorthand import spelled_out


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("whats his bail", "what's his bail"),
        ("Whats the new fare?", "What's the new fare?"),
        ("how many ppl got sick", "how many people got sick"),
        ("how many grandkids did she have", "how many grandchildren did she have"),
        ("when do they think itll all be back on", "when do they think it'll all be back on"),
        ("why doesnt the govt pay w/ the grant", "why doesn't the government pay with the grant"),
        ("what does that mean for a $300k house", "what does that mean for a $300,000 house"),
        ("a $2.5m deal, a $1bn plan and a $1.5k fine", "a $2.5 million deal, a $1 billion plan and a $1,500 fine"),
        ("is his lawyer gonna fight it", "is his lawyer going to fight it"),  # "Gonna" was read as a name
        ("what did the dead woman's mom say", "what did the dead woman's mother say"),
        ("what did the comets gm say about it", "what did the comets general manager say about it"),
        ("howd they find her", "how did they find her"),
        ("why'd the number change", "why did the number change"),  # "Why'd" was carried on as a name
        ("How’d they find her?", "How did they find her?"),
        ("how big is the ridgeback fire rn", "how big is the ridgeback fire right now"),  # at the end only
        ("who voted no", "who voted against"),  # as news tells a vote
        ("Who voted yes on the bill?", "Who voted for the bill?"),
        ("what are they expecting for next qtr", "what are they expecting for next quarter"),
        ("ok but how much did they actually make", "ok but how much did they actually earn"),  # as news writes it
        ("How much money did the film make?", "How much money did the film earn?"),
        ("how much did the deal make up for", "how much did the deal make up for"),  # not takings
        ("do i get my money back if mine got cancelled", "do i get a refund if mine got cancelled"),  # as news says
        ("when does it kick in", "when does it take effect"),  # "The new rate takes effect Jan. 1"
        ("who kicked in the door", "who kicked in the door"),  # a door, not a rule
        # a post held in someone's place, as news writes it: "… will serve as acting commissioner"
        ("whos filling in for her", "who's replacing her"),
        ("who stepped in for the mayor", "who replaced the mayor"),
        ("Who is taking over for Thiel?", "Who is replacing Thiel?"),
        ("who filled the pothole", "who filled the pothole"),  # no "in for": filling a hole
        ("is he stepping down", "is he resigning"),  # leaving a post, as news as often writes it
        ("When did she step down?", "When did she resign?"),
    ],
)
def test_shorthand_is_written_out(typed: str, written: str) -> None:
    assert spelled_out(typed) == written


@pytest.mark.parametrize(
    "question",
    [
        "What happened in BC?",  # a name in capitals
        "Why did the U.S. object?",
        "Who won the 5K race?",  # no currency sign: no sum
        "Were its workers well paid?",  # words of their own
        "Who is Bob's lawyer?",
        "Is GM recalling its trucks?",  # a name in capitals: General Motors
        "Which RN treated the hiker?",  # not at the end: a registered nurse
    ],
)
def test_words_and_names_are_left_as_typed(question: str) -> None:
    assert spelled_out(question) == question


def test_a_question_is_read_written_out() -> None:
    assert rewrite("how many ppl got sick", [], FollowUp()) == "how many people got sick"
