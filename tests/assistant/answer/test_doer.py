"""What a "Who <verb> …?" question asks the doer of, and the sentence that names who did it (a real index)."""

from __future__ import annotations

import pytest
from answer_testkit import after, article_service

from assistant.answer.doer import asked_deed, doer_verb, names_doer, passive_only, whether_verbs
from assistant.service import AnswerService


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Who sponsored the cider festival in Brackenford?", "sponsored"),
        ("who shot down a Russian warplane over Syria?", "shot"),
        ("Who is the president of Russia?", ""),  # an auxiliary: a role is asked, not a deed
        ("Who did Putin promote to Colonel General?", ""),  # the deed comes later, and is Putin's
        ("Who said the war would end soon?", ""),  # a statement's speaker, read by the statement kind
        ("Which company recalled 112,000 vehicles?", ""),  # not a "Who" question
        ("Who runs Wagner?", ""),  # its head: the holder kind asks for one (holder.py), not the word "runs"
        ("Who was driving the police car?", "driving"),  # a deed in the progressive
        ("Who was named director?", ""),  # a passive asks who received it
        ("Who needs to approve the deal?", "approve"),  # the deed after "needs to"
        ("Who wants to buy Crunchwell?", "buy"),
        ("who's replacing her", "replacing"),  # the progressive after a contraction
        ("Who will replace Thiel?", "replace"),  # a deed to come, after the modal
        ("who'll pay for the repair", "pay"),
        ("Who will be the next chair?", ""),  # an auxiliary after the modal: a role is asked
    ],
)
def test_a_who_question_asks_the_doer_of_its_first_verb(question: str, verb: str) -> None:
    assert doer_verb(question) == verb
    assert bool(asked_deed(question)) == bool(verb)  # what a refusal says no sentence gives


def test_the_deed_asked_is_the_question_as_a_clause() -> None:
    deed = "who sponsored the cider festival in Brackenford"
    assert asked_deed("Who sponsored the cider festival in Brackenford?") == deed


def test_a_deed_in_the_passive_names_its_doer_after_by() -> None:
    gibson = "Willis Gibson, 13, beat the game, developed by Russian scientist Alexey Pajitnov in 1984."
    assert names_doer("developed", gibson, "Who developed Tetris?")
    assert names_doer("founded", "Founded in 2008 by industry veterans Bill Hart, it grew.", "Who founded it?")
    assert names_doer("beat", "Littler was beaten by Humphries.", "Who beat Littler?")
    assert not names_doer("beat", "Van Gerwen, beaten by Littler in May.", "Who beat Littler?")  # the one asked of
    assert not names_doer("developed", "It was developed by the company in May.", "Who developed it?")
    assert not names_doer("developed", "It was released by Nintendo in 1989.", "Who developed Tetris?")


def test_a_doer_named_before_a_clause_saying_the_deed() -> None:
    """"Council member Dana Ortiz, who voted against it, said …" names who voted against the budget."""
    ortiz = "Council member Dana Ortiz, who voted against it, said residents could not afford higher taxes."
    assert names_doer("voted", ortiz, "Who voted against the budget?")
    assert names_doer("won", "Kiprono, who also won in 2022, led.", "Who won the marathon?")
    # after an appositive: "Who voted against it?" led with the Senate's tally
    webb = "Sen. Marcus Webb, a Republican who voted against the measure, said the tax would hurt rural drivers."
    assert names_doer("voted", webb, "Who voted against the transportation bill?")
    assert not names_doer("voted", "The Springfield City Council voted 5-2.", "Who voted against the budget?")
    assert not names_doer("voted", "Ortiz, who spoke first, voted no.", "Who voted against the budget?")
    assert not names_doer("won", "Kiprono, who won in 2022, led.", "Who won after Kiprono?")  # the one asked of


def test_a_doer_named_by_kin_after_by() -> None:
    """"She is survived by her son and four grandchildren" names who survives her, though by no name."""
    assert names_doer("survives", "She is survived by her son and four grandchildren.", "Who survives her?")
    assert names_doer("raised", "He was raised by his grandmother in Ohio.", "Who raised him?")
    assert not names_doer("admitted", "He was admitted by his own account.", "Who admitted him?")
    assert not names_doer("survives", "She is survived by her son.", "Does her son survive her?")  # the one asked of


def test_a_doer_named_after_the_deed_came_from_him() -> None:
    """"The lone vote against the plan came from board member Darnell Higgs" names who voted against it."""
    higgs = "The lone vote against the plan came from board member Darnell Higgs, who represents the east side."
    assert names_doer("voted", higgs, "Who voted against it?")
    assert names_doer("donated", "The largest donation came from Ana Ruiz, a retired nurse.", "Who donated the most?")
    assert not names_doer("voted", "The money came from the state's Clean Water Fund.", "Who voted for it?")
    assert not names_doer("voted", "The lone vote against it came from Higgs.", "Did Higgs vote against it?")


tetris = article_service("tetris")  # a report that names the game's developer in passing.
obituary = article_service("obituary")


def test_who_did_a_deed_is_led_by_the_sentence_naming_the_doer(tetris: AnswerService) -> None:
    """"Who developed Tetris?" over news-smoke was refused, then led with Tetris's release: the sentence naming the
    developer is about a boy who beat the game, far from the question in meaning."""
    response = tetris.ask("Who developed Tetris?")
    assert not response.refused and "developed by Russian scientist Alexey Pajitnov" in response.citations[0].quote


def test_a_deed_told_only_in_the_passive_names_no_doer() -> None:
    """"Who stole the painting?" was answered with "A painting stolen from the Harbor Art Museum in 1994 has been
    returned": it tells that it was stolen, not who stole it."""
    assert passive_only("stole", "A painting stolen from the Harbor Art Museum in 1994 has been returned.")
    assert passive_only("shot", "The officers were shot on Tuesday.")
    assert not passive_only("stole", "Two men stole the painting in 1994.")  # active
    assert not passive_only("stole", "The painting was stolen by two men.")  # its doer after "by"
    # the progressive is active: "Who is investigating?" was refused as stating who only in the passive
    assert not passive_only("investigating", "The FAA and the NTSB are investigating the cause of the crash.")
    assert not passive_only("stole", "The thieves have stolen it twice.")  # a perfect tense, active
    assert not passive_only("voted", "The council voted 5-2.")  # a past tense the participle shares
    assert not passive_only("stole", "No one has ever been charged with the theft.")  # not in the verb's forms


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("Has anyone died of measles?", ["died"]),
        ("Was anyone killed in the ice storm?", ["killed", "die"]),  # news reports the deaths a killing entails
        ("Were any students hurt?", ["hurt"]),
        ("Has anybody been arrested for the theft?", ["arrested"]),
        ("Did anyone see the fire?", ["see"]),  # "the fire" is a thing, not a deed
        ("Were any people injured?", ["injured"]),  # "people" is never asked as a verb
        ("Has anyone gotten sick?", ["sick"]),  # the state a linking verb asks of
        ("Has it failed inspections before?", ["failed"]),  # whether the one thing the story tells of did it
        ("Did the house have smoke detectors?", ["detectors"]),  # what it had
        ("Is the diner open?", []),  # a state: "which opened in 1971" does not say
        ("Were there any power outages?", ["outages"]),  # whether such a thing was there
        ("Were there any injuries in the fire?", ["injuries"]),
        ("Who died?", []),  # the doer, not whether
        ("Has the deal closed?", ["closed"]),
        ("anyone get hurt", ["hurt"]),  # typed in a hurry, without its auxiliary
        ("anybody arrested yet", ["arrested"]),
        ("any word on the boat", []),  # news asked for, not whether anyone did something
        ("is he resigning", ["resigning"]),  # the progressive: "… has said he will not resign" denies it
    ],
)
def test_whether_anyone_did_it_asks_the_deed_s_verb(question: str, verbs: list[str]) -> None:
    assert whether_verbs(question) == verbs


def test_who_survives_someone_is_led_by_the_sentence_naming_the_survivors(obituary: AnswerService) -> None:
    """"Who survives him?" after the coach's obituary led with his death; the survivors are told, by kin, not by
    name after "by", at the obituary's end."""
    response = obituary.ask("Who survives him?", after(obituary, "Who was Harold Brenner?"))
    assert "survived by his wife of 52 years" in response.citations[0].quote
