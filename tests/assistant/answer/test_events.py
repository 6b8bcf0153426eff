"""An event the question names by a name and its kind's words: the story answering must write them (a real index,
the real model, where a question is answered or refused)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from answer_testkit import service_over

from assistant.answer.events import event_words, states_event
from assistant.service import AnswerService
from index.embedding import Embedder

# news-dev's case: the collection has Moscow's strikes on Kyiv, and no article on the concert hall attack.
STRIKES = {
    "title": "Russian missiles hit Kyiv's power grid",
    "date": "2022-10-10",
    "text": (
        "At least 19 people were killed and more than 100 injured in Russian missile strikes on Kyiv and other "
        "Ukrainian cities on Monday as Moscow targeted critical energy infrastructure.\n\n"
        "Air raid sirens sounded across Ukraine for hours."
    ),
}
ATTACK = {
    "title": "Gunmen attack Crocus City Hall outside Moscow",
    "date": "2024-03-23",
    "text": (
        "Gunmen opened fire at a concert hall outside Moscow on Friday night, and at least 133 people were killed in "
        "the attack, Russian officials said.\n\n"
        "The Islamic State group claimed responsibility for the concert hall attack."
    ),
}
ASKED = "How many people were killed in the Moscow concert hall attack?"


def test_the_words_between_a_name_and_an_event_s_kind_say_which_event() -> None:
    assert event_words(ASKED) == ["concert", "hall"]
    assert event_words("Why did the Baltimore bridge collapse happen?") == ["bridge"]
    assert event_words("Who performed at the Super Bowl halftime show?") == ["halftime"]
    # a name and one noun, a name alone, and the verb after a name's noun name no kind of event
    assert event_words("When is the Iowa caucus?") == []
    assert event_words("What caused the Francis Scott Key Bridge collapse?") == []
    assert event_words("What did the Biden administration say about it?") == []
    # what a name is, not an event of it
    assert event_words("Who started the Wagner mercenary group?") == []
    assert event_words("Who set up the Wagner private military company?") == []


def test_a_story_states_the_event_s_words_together() -> None:
    assert states_event(["concert", "hall"], "Gunmen opened fire at a concert hall outside Moscow.")
    assert states_event(["concert", "hall"], "Theaters and concert halls were shuttered.")
    assert not states_event(["concert", "hall"], "After the concert, they met in the banquet hall.")
    assert states_event(["mercenary"], "Aliyev threatened to try Wagner mercenaries as war criminals.")
    # one word in a form news uses for it: "the Wexford Mills embezzlement trial" is told as stealing
    assert states_event(["embezzlement"], "A jury found him guilty of stealing about $2.3 million in public money.")
    assert not states_event(["embezzlement"], "A jury found him guilty of assault.")


@pytest.fixture(scope="module")
def strikes_only(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    return service_over(Path(tmp_path_factory.mktemp("strikes")), embedder, {"strikes.json": json.dumps([STRIKES])})


@pytest.fixture(scope="module")
def with_attack(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    files = {"strikes.json": json.dumps([STRIKES]), "attack.json": json.dumps([ATTACK])}
    return service_over(Path(tmp_path_factory.mktemp("attack")), embedder, files)


def test_an_event_no_story_tells_of_is_not_answered_by_another_story_of_its_name(strikes_only: AnswerService) -> None:
    """The Kyiv strikes count the killed and name Moscow, but tell of no concert hall: the articles do not say."""
    response = strikes_only.ask(ASKED)
    assert response.refused and response.reason == "not_stated"
    assert "“concert hall”" in response.answer
    assert response.passages and "Kyiv" in response.passages[0].text  # the closest coverage, as related reading


def test_the_story_of_the_named_event_answers(with_attack: AnswerService) -> None:
    response = with_attack.ask(ASKED)
    assert not response.refused
    assert "133 people were killed" in response.citations[0].quote
    assert all("Kyiv" not in c.quote for c in response.citations)
