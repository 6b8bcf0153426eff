"""A story told twice as it develops, an obituary and a game, asked about in conversations as a user types them
(tests/data/developing): the latest count, and follow-ups kept to the story they ask of."""

from __future__ import annotations

import datetime as dt
from functools import partial

from answer_testkit import conversation as asked_in_turn
from answer_testkit import data_articles, files_service

from assistant.service import AnswerService

developing = files_service(data_articles("developing"))
DAY_AFTER = dt.date(2026, 1, 15)  # the day after the storm's second article
conversation = partial(asked_in_turn, as_of=DAY_AFTER)  # each question asked as of DAY_AFTER


def test_the_death_toll_asked_is_the_one_the_later_article_revised(developing: AnswerService) -> None:
    """"how many people have died in the harlow valley ice storm" led with the first day's "killing at least two
    people"; the next day's "The number of people killed … rose to four" is the toll now."""
    died = developing.ask("how many people have died in the harlow valley ice storm", as_of=DAY_AFTER)
    assert died.citations[0].quote.startswith("The number of people killed in this week's ice storm")


def test_and_before_a_whole_question_is_not_taken_off_topic_by_the_conversation(developing: AnswerService) -> None:
    """"and how many ppl still dont have power" after a question on one of the storm's dead carried "Kessler Ridge guy
    die" and was refused as off-topic; read alone, it is a question on the storm (which counts homes and businesses,
    not people, so it is still not answered as asked)."""
    history = conversation(
        developing, "how many people have died in the harlow valley ice storm", "how did the kessler ridge guy die"
    )
    power = developing.ask("and how many ppl still dont have power", history, as_of=DAY_AFTER)
    assert power.reason != "off_topic" and "related" in power.answer


def test_an_obituary_s_follow_ups_stay_with_her(developing: AnswerService) -> None:
    """"what killed her" led with her death; "how many grandkids did she have", after "when's the service" (which the
    articles answer with the storm's power "service", read alone), carried the storm's words and read "Grandkids" as
    a name: it was refused as off-topic."""
    opening = "peg ellison passed away? how old was she"
    killed = developing.ask("what killed her", conversation(developing, opening), as_of=DAY_AFTER)
    assert "from complications of pneumonia" in killed.citations[0].quote
    history = conversation(developing, opening, "what killed her", "when's the service")
    grandchildren = developing.ask("how many grandkids did she have", history, as_of=DAY_AFTER)
    assert "seven grandchildren" in grandchildren.citations[0].quote


def test_an_event_named_by_a_word_its_story_says_otherwise_is_answered(developing: AnswerService) -> None:
    """"what happened in the wexford mills embezzlement trial" was refused for no passage saying "embezzlement": the
    story tells it as "guilty of stealing about $2.3 million in public money" (embezzlement ~ steal). Answered, it
    led with a lawyer's "… problems in this trial …": "What happened in …?" asks no noun of the thing it names."""
    trial = developing.ask("what happened in the wexford mills embezzlement trial", as_of=DAY_AFTER)
    assert not trial.refused and "guilty of stealing about $2.3 million" in trial.citations[0].quote


def test_a_team_s_record_and_its_most_valuable_player_are_answered(developing: AnswerService) -> None:
    """"what was ashgrove's record this season" had no kind of answer to look for, and "and who was named mvp" was
    refused as off-topic: the game's story writes "finished the season 28-2" and "named the tournament's most
    outstanding player"."""
    record = developing.ask("what was ashgrove's record this season", as_of=DAY_AFTER)
    assert "finished the season 28-2" in record.citations[0].quote
    history = conversation(developing, "whats the final score of the 3a girls basketball state championship")
    mvp = developing.ask("and who was named mvp", history, as_of=DAY_AFTER)
    assert "most outstanding player" in mvp.citations[0].quote
