"""Conversations as a user types them over eight more wire stories, one of them told twice as it develops
(tests/data/wire): news asked for is the newest telling, a chain of follow-ups keeps its story, a court's opinion has
its writer, and "he" is who did what the last answer tells."""

from __future__ import annotations

import datetime as dt
from functools import partial

from answer_testkit import conversation as asked_in_turn
from answer_testkit import data_articles, files_service

from assistant.service import AnswerService

wire = files_service(data_articles("wire"))
# a small collection holding the boat's first article alone: a story told once
first_day = files_service({name: data_articles("wire")[name] for name in ("boat_day1.json", "results.txt")})
DAY_AFTER = dt.date(2026, 11, 22)  # the day after the fishing boat's second article
conversation = partial(asked_in_turn, as_of=DAY_AFTER)  # each question asked as of DAY_AFTER


def test_news_asked_for_leads_with_the_story_s_newest_telling(wire: AnswerService) -> None:
    """"any news on the missing fishing boat off cape tessick" led with the first day's search: the frame asking for
    news was dropped and nothing asked of now was left. "Unaccounted" was taken for a name no article writes."""
    news = wire.ask("any news on the missing fishing boat off cape tessick", as_of=DAY_AFTER)
    assert "were rescued" in news.citations[0].quote
    missing = wire.ask("margaret rose fishing boat - is anyone still unaccounted for", as_of=DAY_AFTER)
    assert not missing.refused and "captain remained missing" in missing.citations[0].quote


def test_news_of_a_story_told_once_is_not_its_background(first_day: AnswerService) -> None:
    """With the boat's first article alone, "any update on the missing fishing boat off cape tessick" led with "The
    last fishing vessel lost off Cape Tessick was the Northern Dawn, which sank in 2019 …", the story's background
    (and "any news on …" did too, once read as asked of now)."""
    for asked in ("any update on the missing fishing boat off cape tessick",
                  "any news on the missing fishing boat off cape tessick"):  # fmt: skip
        news = first_day.ask(asked, as_of=DAY_AFTER)
        assert "The Coast Guard was searching Friday for a commercial fishing boat" in news.citations[0].quote, asked


def test_a_chain_whose_every_question_points_back_keeps_its_story(wire: AnswerService) -> None:
    """"how many ppl had to leave their homes", third after "how many cars came off the tracks in that breckton train
    derailment" ("that" points back) and "what was leaking", carried only "leaking" and was refused."""
    history = conversation(
        wire, "how many cars came off the tracks in that breckton train derailment", "what was leaking"
    )
    left = wire.ask("how many ppl had to leave their homes", history, as_of=DAY_AFTER)
    assert "forcing about 1,300 residents from their homes" in left.citations[0].quote


def test_a_court_s_opinion_is_its_writer_s_and_his_argument_the_dissent_s(wire: AnswerService) -> None:
    """"who wrote for the majority" led with "Justice Clifford Rowe wrote the dissent"; "whats his main argument",
    after "and the dissent?", took "his" for the justice who joined the dissent and was refused."""
    history = conversation(wire, "norwell supreme court zoning ruling, what was the vote")
    majority = wire.ask("who wrote for the majority", history, as_of=DAY_AFTER)
    assert majority.citations[0].quote.startswith("Writing for the majority, Justice Miriam Achterberg")
    history = conversation(wire, "norwell supreme court zoning ruling, what was the vote", "who wrote for the majority",
                           "and the dissent?")  # fmt: skip
    argument = wire.ask("whats his main argument", history, as_of=DAY_AFTER)
    assert argument.citations[0].quote.startswith("Rowe argued that the law violated")


def test_a_count_corrected_and_whether_they_are_safe_are_told_by_the_newest_telling(wire: AnswerService) -> None:
    """"how many ppl were actually on the boat" led with the first day's "five crew members aboard", which the next
    day's article corrects; "are they all safe now" was refused, "safe" being no word the articles write."""
    news = conversation(wire, "any news on the missing fishing boat off cape tessick")
    safe = wire.ask("are they all safe now", news, as_of=DAY_AFTER)
    assert not safe.refused and "captain remained missing" in safe.citations[0].quote
    aboard = wire.ask("how many ppl were actually on the boat", news, as_of=DAY_AFTER)
    assert "six people aboard the vessel, not five as initially reported" in aboard.citations[0].quote
