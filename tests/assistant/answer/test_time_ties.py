"""Tie-breaks for when a sentence tells of: now for a question asked of now, a calendar day for "When …?"."""

from __future__ import annotations

from dataclasses import replace

import pytest
from answer_testkit import breaks_the_tie, sentence

from assistant.answer.sentences import Sentence
from assistant.answer.time_ties import asks_update, background_tie, date_tie, latest_tie, now_tie
from assistant.retrieval.config import FollowUp
from assistant.retrieval.rewrite import rewrite


def dated(text: str, day: str) -> Sentence:
    """A candidate sentence of an article published that day."""
    plain = sentence(text)
    candidate = replace(plain.candidate, article=replace(plain.candidate.article, date=day))
    return Sentence(candidate, 0, len(text), text, plain.features)


def test_a_question_asked_of_now_leads_with_a_near_tie_of_its_article_s_time() -> None:
    """"How much is the Powerball jackpot?" (news-dev) led with the 1987 cap on Lotto America's jackpots, in a 2022
    article, a hair above "The latest Powerball lottery jackpot topped $2 billion"."""
    asked = "How much is the Powerball jackpot?"
    then = dated("But in 1987 organizers prohibited jackpots of more than $80 million.", "2022-11-08")
    latest = dated("The latest Powerball lottery jackpot topped $2 billion.", "2022-11-08")
    breaks_the_tie(now_tie, asked, then, latest, "How much was the Powerball jackpot in 1987?")
    assert now_tie([(0.5, then), (0.47, latest)], "How much was the first Powerball jackpot?", 0.9) == 0  # the past
    recent = dated("In 2021 the jackpot topped $700 million.", "2022-11-08")  # a year before: of its time
    assert now_tie([(0.5, recent), (0.47, latest)], asked, 0.9) == 0
    # a past year named on the way does not set the sentence in it
    report = dated("In response to Ofcom's 2020 report, TikTok said it is a 13-plus platform.", "2022-11-08")
    assert now_tie([(0.5, report), (0.47, latest)], asked, 0.9) == 0


def test_when_leads_with_a_near_tie_naming_a_calendar_day() -> None:
    """"When will the solar eclipse happen?" (news-dev) led with "… this year's total solar eclipse, … two minutes
    longer than 2017's", a hair above "On April 8, from noon until 4 p.m., the Museum … will host a … festival"."""
    asked = "When will the solar eclipse happen?"
    this_year = sentence("Millions will tune into this year's eclipse, which will be longer than 2017's.")
    april = sentence("On April 8, from noon until 4 p.m., the museum will host a solar eclipse festival.")
    breaks_the_tie(date_tie, asked, this_year, april, "Where will the solar eclipse be seen?")
    friday = sentence("Scott received the news about the bridge collapse in the wee hours Tuesday.")
    assert date_tie([(0.5, friday), (0.47, april)], "When did the bridge collapse?", 0.9) == 0  # a day already
    kickoff = sentence("Super Bowl 58 kicks off Feb. 11 at Allegiant Stadium in Las Vegas.")  # abbreviated
    assert date_tie([(0.5, this_year), (0.47, kickoff)], asked, 0.9) == 1
    said = sentence("The door plug had disengaged, the National Transportation Safety Board said late Monday.")
    assert date_tie([(0.5, this_year), (0.47, said)], "When did the blowout happen?", 0.9) == 0  # the day it was said
    first = dated("The first Super Bowl on Jan. 15, 1967 didn't have that title to begin with.", "2024-02-09")
    assert date_tie([(0.5, this_year), (0.47, first)], "When is the Super Bowl?", 0.9) == 0  # a day of long ago


def test_a_question_of_how_things_stand_now_leads_with_the_story_s_newest_telling() -> None:
    """"any update on the hiker missing on mount tessaly?" led with the first day's "Search crews on Tuesday combed the
    snowy slopes …", a hair above the next day's "A nurse who spent three nights lost … was found alive"."""
    asked = "any update on the hiker missing on Mount Tessaly?"
    searching = dated("Search crews on Tuesday combed the snowy slopes of Mount Tessaly for a nurse.", "2026-11-17")
    found = dated("A nurse who spent three nights lost on Mount Tessaly was found alive Wednesday.", "2026-11-18")
    breaks_the_tie(latest_tie, asked, searching, found, "Where did the hiker go missing on Mount Tessaly?")
    older = dated("A nurse went missing on Mount Tessaly on Sunday.", "2026-11-16")
    assert latest_tie([(0.5, searching), (0.47, older)], asked, 0.9) == 0  # an older telling stays below
    undated = sentence("Crews searched Mount Tessaly.")  # no day to compare
    assert latest_tie([(0.5, undated), (0.47, found)], asked, 0.9) == 0


def test_news_asked_for_is_how_things_stand_now() -> None:
    """"any news on the missing fishing boat off cape tessick" led with the first day's search: the frame asking for
    news was dropped (framing.unframe) and nothing asked of now was left."""
    searching = dated("The Coast Guard was searching Friday for a fishing boat with five aboard.", "2026-11-20")
    rescued = dated("Five crew members of the fishing boat Margaret Rose were rescued Saturday.", "2026-11-21")
    for asked in ("any news on the missing fishing boat off cape tessick", "What's new with the boat?"):
        query = rewrite(asked, [], FollowUp())
        breaks_the_tie(latest_tie, query, searching, rescued, "Where did the fishing boat go missing?")


def test_news_asked_for_is_not_a_story_s_background() -> None:
    """"any news on the missing fishing boat off cape tessick", over the first day's article alone, led with "The last
    fishing vessel lost off Cape Tessick was the Northern Dawn, which sank in 2019 …", a hair above the search."""
    asked = rewrite("any news on the missing fishing boat off cape tessick", [], FollowUp())
    past = dated("The last boat lost off Cape Tessick was the Northern Dawn, which sank in 2019.", "2026-11-20")
    search = dated("The Coast Guard was searching Friday for a fishing boat off Cape Tessick.", "2026-11-20")
    breaks_the_tie(background_tie, asked, past, search, "Which boat sank off Cape Tessick in 2019?")


@pytest.mark.parametrize(
    ("question", "update"),
    [
        ("any update on the bridge", True),
        ("Any updates about the strike?", True),
        ("whats the latest on the fire", True),
        ("what's new with the recall", True),
        ("on the boat now?", True),  # "any news on the boat?" as framing.unframe leaves it
        ("is the bridge still closed", False),
        ("when does the bridge reopen now", False),
        ("what's new york's budget", False),
    ],
)
def test_a_question_asking_nothing_but_an_update(question: str, update: bool) -> None:
    """An update alone is answered by the opening of the story's newest telling (developing.py)."""
    assert asks_update(question) is update
