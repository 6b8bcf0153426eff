"""Conversations as a user types them over eight wire stories, one of them told twice as it develops
(tests/data/conversations): the story's newest telling for how things stand, follow-ups kept to their story, and
hurried typing ("gonna", "gm", "mom", "howd") read as meant."""

from __future__ import annotations

import datetime as dt
from functools import partial

from answer_testkit import conversation as asked_in_turn
from answer_testkit import data_articles, files_service

from assistant.service import AnswerService

conversations = files_service(data_articles("conversations"))
DAY_AFTER = dt.date(2026, 11, 19)  # the day after the hiker's second article
conversation = partial(asked_in_turn, as_of=DAY_AFTER)  # each question asked as of DAY_AFTER


def test_an_update_asked_for_leads_with_the_story_s_newest_telling(conversations: AnswerService) -> None:
    """"any update on the hiker missing on mount tessaly?" led with the first day's search; the next day's article
    says she was found alive."""
    update = conversations.ask("any update on the hiker missing on mount tessaly?", as_of=DAY_AFTER)
    assert "was found alive" in update.citations[0].quote


def test_a_follow_up_of_one_word_after_an_indefinite_pronoun_stays_with_its_story(
    conversations: AnswerService,
) -> None:
    """"anyone in the hospital", after questions on a school's outbreak, was read alone and answered with the hiker
    flown to a hospital."""
    history = conversation(
        conversations, "whats going on at wexford middle school, heard a bunch of kids are sick", "how many students"
    )
    hospital = conversations.ask("anyone in the hospital", history, as_of=DAY_AFTER)
    assert hospital.citations[0].quote.startswith("Five people have been hospitalized")


def test_hurried_typing_is_read_as_meant(conversations: AnswerService) -> None:
    """"per" was taken for a name the articles lack, "gm" was no one's title and "mom" no one's mother: each was
    refused."""
    budget = conversation(conversations, "did the ashford falls council pass the budget? whats the vote")
    more = conversations.ask("so how much more is a normal homeowner gonna pay per year", budget, as_of=DAY_AFTER)
    assert not more.refused and "$186 a year" in more.citations[0].quote
    trade = conversation(conversations, "who'd the comets trade malik dunston to", "who did they get for him")
    said = conversations.ask("what did the comets gm say about it", trade, as_of=DAY_AFTER)
    assert "Comets general manager Renee Castellano said" in said.citations[0].quote
    sentencing = conversation(conversations, "what sentence did travis maddox get", "when is he eligible for parole")
    mother = conversations.ask("what did the dead woman's mom say at the hearing", sentencing, as_of=DAY_AFTER)
    assert mother.reason != "off_topic" and "mother" in mother.citations[0].quote


def test_how_big_how_she_is_and_a_sentence_are_answered_by_their_kind(conversations: AnswerService) -> None:
    """"how big is the ridgeback fire rn" led with when the fire broke out, "is she ok" with her rescue, "what
    sentence did travis maddox get" with the judge imposing it, and "when is he eligible for parole" then with it
    again: none asked a kind of answer the sentences were read for (a size, a condition, a court's sentence; a time
    told by a term served)."""
    big = conversations.ask("how big is the ridgeback fire rn", as_of=DAY_AFTER)
    assert "had burned 8,400 acres" in big.citations[0].quote
    hiker = conversation(conversations, "any update on the hiker missing on mount tessaly?", "howd they find her")
    ok = conversations.ask("is she ok", hiker, as_of=DAY_AFTER)
    assert ok.citations[0].quote.startswith("She was in stable condition")
    sentence = conversations.ask("what sentence did travis maddox get", as_of=DAY_AFTER)
    assert "to serve 35 years for the murder charge and three years" in sentence.citations[0].quote
    parole = conversations.ask(
        "when is he eligible for parole", conversation(conversations, "what sentence did travis maddox get"),
        as_of=DAY_AFTER,
    )  # fmt: skip
    assert "until he has served at least 30 years" in parole.citations[0].quote


def test_a_lead_holding_none_of_the_asked_words_gives_way_to_one_holding_all(conversations: AnswerService) -> None:
    """"is his lawyer gonna fight it" was refused over the sentencing story: "Defense attorney Glenn Pruitt said he
    would file a notice of appeal" says both words (lawyer ~ attorney, fight ~ appeal), the lead neither."""
    sentencing = conversation(conversations, "what sentence did travis maddox get", "when is he eligible for parole",
                              "what did the dead woman's mom say at the hearing")  # fmt: skip
    fight = conversations.ask("is his lawyer gonna fight it", sentencing, as_of=DAY_AFTER)
    assert fight.citations[0].quote.startswith("Defense attorney Glenn Pruitt said he would file a notice of appeal")


def test_what_to_do_is_told_by_what_the_story_says_readers_should_do(conversations: AnswerService) -> None:
    """"i have one on my counter, what do i do" was refused as a personal question, and read as asked of the counter
    it led with a safety advocate's "Air fryers tend to sit on the counter …"."""
    recall = conversation(conversations, "Which Brightwell air fryer models are being recalled?")
    todo = conversations.ask("i have one on my counter, what do i do", recall, as_of=DAY_AFTER)
    assert "Consumers should immediately stop using the recalled air fryers" in todo.citations[0].quote
