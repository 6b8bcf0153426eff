"""Conversations as a user types them over eight more wire stories, one of them told twice as it develops
(tests/data/december): a reader asking what a story means for them, how someone died, a place named in lower case,
and a reason asked for in so many words."""

from __future__ import annotations

import datetime as dt
from functools import partial

from answer_testkit import data_articles, files_service, lead_after

from assistant.service import AnswerService

december = files_service(data_articles("december"))
DAY_AFTER = dt.date(2026, 12, 5)  # the day after the hurricane's second article
lead = partial(lead_after, as_of=DAY_AFTER)  # each question asked as of DAY_AFTER


FLIGHTS = "how many flights did crestline air cancel over thanksgiving"
RECALL = "can u tell me which strollers are being recalled"
TALLY = "ashgrove council vote on the budget, whats the tally"


def test_a_reader_asking_what_a_story_means_for_them_is_answered(december: AnswerService) -> None:
    """"do i get my money back if mine got cancelled" was refused as a personal question; "and if it was just
    delayed?" after it carried "mine" and was refused so too; "can i get a refund" after the stroller recall as
    well."""
    assert "eligible for a full refund" in lead(december, "do i get my money back if mine got cancelled", FLIGHTS)
    delayed = lead(december, "and if it was just delayed?", FLIGHTS, "do i get my money back if mine got cancelled")
    assert "$150 travel voucher" in delayed
    assert "not offering refunds" in lead(december, "can i get a refund", RECALL)


def test_what_someone_died_of_is_the_cause_of_death(december: AnswerService) -> None:
    """"what did he die of" led with the obituary's lede ("… died Sunday at his home"); the cause is its next
    paragraph, which the passages left out."""
    cause = lead(december, "what did he die of", "otis merriweather died? how old was he")
    assert "the cause was complications of pneumonia" in cause


def test_a_place_no_dictionary_knows_is_a_name_typed_in_lower_case(december: AnswerService) -> None:
    """"how much more do homeowners pay" after "ashgrove council vote on the budget, whats the tally" was refused:
    "ashgrove", written only in "The Ashgrove City Council" and opening a sentence, stayed a word, so the question
    named nothing and its answer's article had to write "homeowners"."""
    assert "$118 more a year" in lead(december, "how much more do homeowners pay", TALLY)


def test_a_problem_asked_of_is_its_reason_and_a_study_s_finding_what_it_found(december: AnswerService) -> None:
    """"whats the problem with them" after the stroller recall was refused though the lede says why ("… because the
    frame's folding hinge can collapse unexpectedly"); "whats the main finding" after the sleep study too, its lede
    telling the finding "according to a study"."""
    assert "folding hinge can collapse unexpectedly" in lead(december, "whats the problem with them", RECALL)
    finding = lead(december, "whats the main finding", "that teen sleep study, how many kids were in it")
    assert "are more likely to have elevated blood pressure" in finding


def test_a_rule_kicking_in_is_one_taking_effect(december: AnswerService) -> None:
    """"when does it kick in", third after the Ashgrove budget's tally, was refused: the article says "The new rate
    takes effect Jan. 1"."""
    before = (TALLY, "how much more do homeowners pay", "how much is that a month")
    starts = lead(december, "when does it kick in", *before)
    assert "takes effect Jan. 1" in starts


def test_by_how_many_votes_is_answered_by_the_margin(december: AnswerService) -> None:
    """"by how many votes" after the recount's winner led with the two candidates' counts; the lede gives the margin."""
    margin = lead(december, "by how many votes", "Who won the District 4 recount in Dunmore County?")
    assert "widened her lead to 23 votes" in margin


def test_a_reason_asked_with_a_filler_goes_on_from_the_story(december: AnswerService) -> None:
    """"whats the reason, like what broke" after the airline's cancelled flights was read alone ("reason" and "broke"
    for its topic) and refused as off topic; read in the conversation, "like" made its rest three words for the
    residue test, which the lede failed."""
    assert "after a failed software update" in lead(december, "whats the reason, like what broke", FLIGHTS)
