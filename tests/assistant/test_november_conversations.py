"""Conversations as a user types them over a fourteenth set of wire stories, a wildfire told on three days among
them (tests/data/november): plain-text articles dated on the line under their headline, a count corrected the next
day, and what a company's shares did."""

from __future__ import annotations

import datetime as dt
from functools import partial

from answer_testkit import data_articles, files_service, lead_after

from assistant.service import AnswerService

november = files_service(data_articles("november"))
DAY_AFTER = dt.date(2026, 11, 25)  # the day after the newest article
lead = partial(lead_after, as_of=DAY_AFTER)  # each question asked as of DAY_AFTER


def test_a_story_told_on_three_days_is_answered_by_its_newest_telling(november: AnswerService) -> None:
    """The fire's articles are text files dated on the line under the headline, which were indexed undated and
    untitled: "any update on the fire" could not tell the third day's telling from the first's, and "who got arrested"
    led with the second day's "… she said no one had been arrested"."""
    update = november.ask("any update on the fire", as_of=DAY_AFTER)
    assert "85% containment" in update.citations[0].quote
    assert (update.citations[0].date, update.citations[0].title) == (
        "2026-11-11", "Rain helps crews corral Keller Ridge Fire; evacuation orders lifted, man arrested"
    )
    arrested = lead(november, "who got arrested", "any update on the fire")
    assert "Travis Edgely, 34, of Dunmore, was arrested" in arrested


def test_a_count_corrected_the_next_day_leads(november: AnswerService) -> None:
    """"how many homes did the keller ridge fire destroy" led with a 2019 fire's "destroyed 23 homes", then the first
    day's "at least 12 homes"; the second day says "nine homes had been destroyed, not 12 as officials said Monday"."""
    homes = lead(november, "how many homes did the keller ridge fire destroy")
    assert "nine homes had been destroyed, not 12" in homes


def test_how_the_stock_reacted_is_how_the_shares_moved(november: AnswerService) -> None:
    """"howd the stock react" led with an analyst's rating of the stock, then with where it stood before the report."""
    before = ("how did corvane do this quarter", "how many ppl are they laying off")
    stock = lead(november, "howd the stock react", *before)
    assert "Shares of the company fell 14%" in stock



def test_whether_anyone_was_killed_is_answered_by_the_newest_telling_s_denial(november: AnswerService) -> None:
    """"was anyone killed" after "any update on the fire" was refused as off-topic: it names nothing, and "No deaths
    were reported" sits in the third day's article beyond the passages."""
    killed = lead(november, "was anyone killed", "any update on the fire")
    assert killed.startswith("No deaths were reported")


def test_the_latest_on_a_story_is_its_newest_telling(november: AnswerService) -> None:
    """"whats the latest on the fire" led with the second day's lede: the passages held only its sentences."""
    latest = november.ask("whats the latest on the fire", as_of=DAY_AFTER)
    assert latest.citations[0].date == "2026-11-11"
    assert latest.citations[0].quote.startswith("Steady rain and calmer winds helped firefighters")


def test_a_quote_opens_after_the_agency_of_a_dateline_split_at_its_state(november: AnswerService) -> None:
    """"HARLAN SPRINGS, Pa. (AP) — A jury …" is split at "Pa.", and quotes opened "(AP) — A jury …"."""
    verdict = november.ask("was pruitt convicted", as_of=DAY_AFTER)
    assert verdict.citations[0].quote.startswith("A jury on Friday convicted the former finance director")


def test_what_happened_is_the_lede(november: AnswerService) -> None:
    """"what happened with the pruitt trial" led with "Pruitt did not testify during the eight-day trial."."""
    happened = lead(november, "what happened with the pruitt trial")
    assert happened.startswith("A jury on Friday convicted the former finance director")


def test_a_refused_follow_up_does_not_change_the_story(november: AnswerService) -> None:
    """"when is he getting sentenced" after "which charges did he beat", refused, was refused too: the refusal left no
    lead to say which article the conversation is about, and the chain's words pulled the charges' sentence up."""
    before = ("what happened with the pruitt trial", "which charges did he beat")
    sentenced = lead(november, "when is he getting sentenced", *before)
    assert sentenced == "Judge Helena Strand set sentencing for Jan. 22, 2027."
