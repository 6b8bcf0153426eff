"""Conversations as a user types them over eight more wire stories, one of them told twice as it develops
(tests/data/december): a reader asking what a story means for them, how someone died, a place named in lower case,
and a reason asked for in so many words."""

from __future__ import annotations

import datetime as dt
from functools import partial

from answer_testkit import conversation as asked_in_turn
from answer_testkit import data_articles, files_service

from assistant.service import AnswerService

december = files_service(data_articles("december"))
DAY_AFTER = dt.date(2026, 12, 5)  # the day after the hurricane's second article
conversation = partial(asked_in_turn, as_of=DAY_AFTER)  # each question asked as of DAY_AFTER


def test_a_reader_asking_what_a_story_means_for_them_is_answered(december: AnswerService) -> None:
    """"do i get my money back if mine got cancelled" was refused as a personal question; "and if it was just
    delayed?" after it carried "mine" and was refused so too; "can i get a refund" after the stroller recall as
    well."""
    flights = conversation(december, "how many flights did crestline air cancel over thanksgiving")
    refund = december.ask("do i get my money back if mine got cancelled", flights, as_of=DAY_AFTER)
    assert "eligible for a full refund" in refund.citations[0].quote
    history = conversation(december, "how many flights did crestline air cancel over thanksgiving",
                           "do i get my money back if mine got cancelled")  # fmt: skip
    delayed = december.ask("and if it was just delayed?", history, as_of=DAY_AFTER)
    assert "$150 travel voucher" in delayed.citations[0].quote
    recall = conversation(december, "can u tell me which strollers are being recalled")
    stroller = december.ask("can i get a refund", recall, as_of=DAY_AFTER)
    assert "not offering refunds" in stroller.citations[0].quote


def test_what_someone_died_of_is_the_cause_of_death(december: AnswerService) -> None:
    """"what did he die of" led with the obituary's lede ("… died Sunday at his home"); the cause is its next
    paragraph, which the passages left out."""
    history = conversation(december, "otis merriweather died? how old was he")
    cause = december.ask("what did he die of", history, as_of=DAY_AFTER)
    assert "the cause was complications of pneumonia" in cause.citations[0].quote


def test_a_place_no_dictionary_knows_is_a_name_typed_in_lower_case(december: AnswerService) -> None:
    """"how much more do homeowners pay" after "ashgrove council vote on the budget, whats the tally" was refused:
    "ashgrove", written only in "The Ashgrove City Council" and opening a sentence, stayed a word, so the question
    named nothing and its answer's article had to write "homeowners"."""
    history = conversation(december, "ashgrove council vote on the budget, whats the tally")
    more = december.ask("how much more do homeowners pay", history, as_of=DAY_AFTER)
    assert "$118 more a year" in more.citations[0].quote


def test_a_problem_asked_of_is_its_reason_and_a_study_s_finding_what_it_found(december: AnswerService) -> None:
    """"whats the problem with them" after the stroller recall was refused though the lede says why ("… because the
    frame's folding hinge can collapse unexpectedly"); "whats the main finding" after the sleep study too, its lede
    telling the finding "according to a study"."""
    recall = conversation(december, "can u tell me which strollers are being recalled")
    problem = december.ask("whats the problem with them", recall, as_of=DAY_AFTER)
    assert "folding hinge can collapse unexpectedly" in problem.citations[0].quote
    study = conversation(december, "that teen sleep study, how many kids were in it")
    finding = december.ask("whats the main finding", study, as_of=DAY_AFTER)
    assert "are more likely to have elevated blood pressure" in finding.citations[0].quote


def test_a_rule_kicking_in_is_one_taking_effect(december: AnswerService) -> None:
    """"when does it kick in", third after the Ashgrove budget's tally, was refused: the article says "The new rate
    takes effect Jan. 1"."""
    budget = conversation(december, "ashgrove council vote on the budget, whats the tally",
                          "how much more do homeowners pay", "how much is that a month")  # fmt: skip
    starts = december.ask("when does it kick in", budget, as_of=DAY_AFTER)
    assert "takes effect Jan. 1" in starts.citations[0].quote


def test_by_how_many_votes_is_answered_by_the_margin(december: AnswerService) -> None:
    """"by how many votes" after the recount's winner led with the two candidates' counts; the lede gives the margin."""
    winner = conversation(december, "Who won the District 4 recount in Dunmore County?")
    margin = december.ask("by how many votes", winner, as_of=DAY_AFTER)
    assert "widened her lead to 23 votes" in margin.citations[0].quote


def test_a_reason_asked_with_a_filler_goes_on_from_the_story(december: AnswerService) -> None:
    """"whats the reason, like what broke" after the airline's cancelled flights was read alone ("reason" and "broke"
    for its topic) and refused as off topic; read in the conversation, "like" made its rest three words for the
    residue test, which the lede failed."""
    flights = conversation(december, "how many flights did crestline air cancel over thanksgiving")
    broke = december.ask("whats the reason, like what broke", flights, as_of=DAY_AFTER)
    assert "after a failed software update" in broke.citations[0].quote
