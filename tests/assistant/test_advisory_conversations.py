"""Conversations as a user types them over a sixteenth set of wire stories, a water main break told on three days
among them (tests/data/advisory): how a thing stands now is what the story's newest telling says of it, and a reader
asks where to get what the story offers them."""

from __future__ import annotations

import datetime as dt
from functools import partial

from answer_testkit import conversation, data_articles, files_service, lead_after

from assistant.service import AnswerService

advisory = files_service(data_articles("advisory"))
DAY_AFTER = dt.date(2026, 12, 5)  # the day after the newest article
lead = partial(lead_after, as_of=DAY_AFTER)  # each question asked as of DAY_AFTER
OPENING = "whats the latest on the carrow point water main break"


def test_whether_it_still_holds_is_the_newest_telling_s_word(advisory: AnswerService) -> None:
    """"is the boil water advisory still on" led with the second day's widening of it; the third day's telling says
    "The boil-water advisory remains in effect, however." in a chunk ranked below the second day's."""
    still = lead(advisory, "is the boil water advisory still on", OPENING)
    assert still == "The boil-water advisory remains in effect, however."


def test_a_count_asked_of_now_is_the_newest_telling_s_count(advisory: AnswerService) -> None:
    """"how many ppl are under it rn" led with the second day's 23,500; the third day revised it to 24,100 in a
    sentence the ranker rates low (its chunk names no advisory)."""
    now = lead(advisory, "how many ppl are under it rn", OPENING, "is the boil water advisory still on")
    assert "24,100 residents" in now


def test_where_to_get_what_the_story_offers_is_no_personal_question(advisory: AnswerService) -> None:
    """"where can i still pick up bottled water" was refused as a personal question."""
    water = lead(advisory, "where can i still pick up bottled water", "what time did the main actually break")
    assert "Fenwick Park Community Center" in water


def test_when_it_will_be_lifted_is_answered_with_the_contraction_typed(advisory: AnswerService) -> None:
    """"when do they think itll be lifted" was refused for not saying "It'll", read as a name."""
    lifted = lead(advisory, "when do they think itll be lifted", OPENING)
    assert "the earliest it could end is Friday afternoon" in lifted


def test_who_s_the_ceo_is_the_company_s_chief_executive(advisory: AnswerService) -> None:
    """"whos the ceo" after the strike's questions led with the walkout: "who's" asked no role's holder."""
    ceo = lead(advisory, "whos the ceo", "why are heronfeild flight attendants on strike", "can i get my money back")
    assert "Chief Executive Bernard Lisle" in ceo


def test_what_a_mayor_is_accused_of_is_the_indictment_s_charges(advisory: AnswerService) -> None:
    """"what is the brenick falls mayor accused of" led with his lawyer's "these accusations come from a
    businessman …": a charge is a kind of answer, and "Mayor Leonard Vasko" is the mayor asked of."""
    accused = lead(advisory, "what is the brenick falls mayor accused of")
    assert "one count of bribery, one count of official misconduct" in accused


def test_what_his_lawyer_said_is_what_his_attorney_said(advisory: AnswerService) -> None:
    """"what did his lawyer say" was refused: the article calls him "His attorney, Gideon Marsh", beside the name."""
    said = lead(advisory, "what did his lawyer say", "what is the brenick falls mayor accused of", "whats his bail")
    assert "Gideon Marsh" in said or "Marsh said" in said


def test_how_much_prison_time_asks_a_court_s_sentence(advisory: AnswerService) -> None:
    """"how much prison time is he looking at" asked no kind of answer, and was refused: "… faces up to 10 years in
    prison on the bribery count alone" gives the term."""
    term = lead(advisory, "how much prison time is he looking at", "what is the brenick falls mayor accused of")
    assert "up to 10 years in prison" in term


def test_support_from_another_article_tells_the_lead_s_story(advisory: AnswerService) -> None:
    """"how did the investigation get started" after the mayor's charges was answered with his investigation and
    then the water main's "… a preliminary investigation had concluded that Ridgeline Boring Co. caused the break":
    asked of no name, support from another article must name one of the lead's story's names."""
    history = conversation(advisory, "what is the brenick falls mayor accused of", as_of=DAY_AFTER)
    started = advisory.ask("how did the investigation get started", history, as_of=DAY_AFTER)
    assert started.citations and started.citations[0].quote.startswith("The investigation began after")
    assert all("Brennick Falls" in c.title for c in started.citations), [c.title for c in started.citations]


def test_a_salary_no_article_gives_is_refused(advisory: AnswerService) -> None:
    """"whats vasko's salary as mayor" was answered with his indictment: a person's pay is a sum, and none of the
    articles gives his."""
    history = conversation(advisory, "what is the brenick falls mayor accused of", as_of=DAY_AFTER)
    assert advisory.ask("whats vasko's salary as mayor", history, as_of=DAY_AFTER).refused


def test_why_they_did_it_is_the_purpose_its_article_gives(advisory: AnswerService) -> None:
    """"whyd they do it" after the board's vote led with the vote again; its article gives the purpose, beyond the
    passages: "… the change is aimed mainly at recruiting and keeping teachers"."""
    why = lead(advisory, "whyd they do it", "did hollister valley pass the 4 day school week", "when does it start")
    assert "aimed mainly at recruiting and keeping teachers" in why


def test_a_personal_question_close_to_a_passage_is_led_by_the_rules_too(advisory: AnswerService) -> None:
    """"should i stop using it" is answered without the gate (a personal question with a passage close enough), and
    its lead rules never ran: it led with the recall's lede, not "Owners should not stop using the seat …"."""
    before = ("which car seats r being recalled", "i have a nestwel cloudcradle whats wrong with it")
    stop = lead(advisory, "should i stop using it", *before)
    assert stop.startswith("Owners should not stop using the seat")


def test_how_old_a_pipe_is_the_year_it_was_installed(advisory: AnswerService) -> None:
    """"how old was that pipe" was refused: "Eckhardt said the pipe was installed in 1958 …" gives its age by the
    year it went in, as "built in" and "opened in" do."""
    old = lead(advisory, "how old was that pipe", "what time did the main actually break")
    assert "installed in 1958" in old


def test_whether_he_is_stepping_down_is_answered_by_his_denial(advisory: AnswerService) -> None:
    """"is he stepping down" was refused: "Vasko has said he will not resign." denies it, in other words."""
    stepping = lead(advisory, "is he stepping down", "what is the brenick falls mayor accused of", "whats his bail")
    assert stepping == "Vasko has said he will not resign."
