"""A mistyped name read as the articles spell it: the word rules on their own, then the service over the default
articles (real index, real model), where "Wagnr" was a name no article writes and the question was refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_testkit import service_over

from assistant.retrieval.spelling import mistyped, respelled
from assistant.service import AnswerService
from assistant.settings import PROJECT_ROOT
from index.embedding import Embedder

TEXTS = ["Wagner founder Yevgeny Prigozhin ordered the assault.", "The Wagner group fought in Bakhmut."]
COLLECTION = {"wagner", "founder", "yevgeny", "prigozhin", "bakhmut", "group", "assault"}


def known(word: str) -> bool:
    """Whether the rest of the collection writes the word (as Retriever._written reads its chunks)."""
    return word.lower() in COLLECTION


def test_a_name_no_chunk_holds_is_read_as_the_best_chunks_word_most_like_it() -> None:
    assert mistyped("Who founded the Wagnr group?", TEXTS, known, 0.85, 4) == {"Wagnr": "Wagner"}
    assert mistyped("who founded the wagnr group", TEXTS, known, 0.85, 4) == {"wagnr": "wagner"}  # typed in lower case
    assert mistyped("Where did Prigozin die?", TEXTS, known, 0.85, 4) == {"Prigozin": "Prigozhin"}


def test_a_name_nothing_like_the_best_chunks_words_keeps_its_spelling() -> None:
    """A name the collection lacks is what the refusal rule says the articles lack: it is no typo."""
    assert mistyped("Who founded the Zorblax group?", TEXTS, known, 0.85, 4) == {}
    assert mistyped("Who founded Wagner?", TEXTS, known, 0.85, 4) == {}  # held: nothing to read otherwise


def test_dictionary_words_short_words_and_a_follow_up_s_carried_words_are_left_alone() -> None:
    """"funerary" is no typo of "funeral"; a word of three letters is too short to tell; a follow-up's carried words
    come from the last answer, so the articles' own."""
    assert mistyped("What is the alternative funerary practice?", ["funeral homes"], known, 0.85, 4) == {}
    assert mistyped("Who is Wgn?", TEXTS, known, 0.85, 4) == {}
    assert mistyped("Where? (Wagnr group)", TEXTS, known, 0.85, 4) == {}
    # another form of a word, not a typo of one (lower-case questions of news-dev)
    assert mistyped("which of winnie's sidekicks expired", ["his sidekick Tigger"], known, 0.85, 4) == {}
    assert mistyped("what business do they co-own?", ["the co-owner said"], known, 0.85, 4) == {}


def test_the_question_is_rewritten_word_by_word() -> None:
    assert respelled("Who founded the Wagnr group?", {"Wagnr": "Wagner"}) == "Who founded the Wagner group?"
    assert respelled("Is Wagnr's head Wagnrs?", {"Wagnr": "Wagner"}) == "Is Wagner's head Wagnrs?"
    assert respelled("Who founded Wagner?", {}) == "Who founded Wagner?"


@pytest.fixture(scope="module")
def defaults(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "articles").iterdir())}
    files["plug.txt"] = (
        "Door plug found in a Portland backyard\n\nThe door plug that blew off Alaska Airlines Flight 1282 was found "
        "in the backyard of a Portland teacher's home on Sunday, investigators said."
    )
    files["arlin.txt"] = "Arlin Hayes opens a bakery\n\nArlin Hayes opened his third bakery on Main Street on Friday."
    return service_over(Path(tmp_path_factory.mktemp("spelling")), embedder, files)


@pytest.mark.parametrize("question", ["Who founded the Wagnr group?", "who founded the wagnr group"])
def test_a_mistyped_name_is_answered_and_the_user_told(defaults: AnswerService, question: str) -> None:
    """Refused as off-topic before ("Wagnr" is in no article); now answered as "Wagner", and the response says so."""
    response = defaults.ask(question)
    assert not response.refused
    assert "Prigozhin" in response.answer
    assert {k.lower(): v.lower() for k, v in response.respelled.items()} == {"wagnr": "wagner"}
    assert "Wagner" in response.query and "Wagnr" not in response.query
    assert response.spelling_note().startswith("Read “")


def test_a_correctly_spelled_question_is_searched_once_as_typed(defaults: AnswerService) -> None:
    response = defaults.ask("Who founded the Wagner group?")
    assert not response.refused and response.respelled == {} and response.spelling_note() == ""


def test_a_possessive_is_read_on_its_name() -> None:
    assert mistyped("What is Wagnr's role?", TEXTS, known, 0.85, 4) == {"Wagnr": "Wagner"}


def test_a_word_whose_stem_another_word_shares_is_still_read_as_mistyped(defaults: AnswerService) -> None:
    """"Arlines" and the name "Arlin" share a stem, which the lexical index holds; no chunk writes "Arlines"."""
    response = defaults.ask("Where did the Alaska Arlines door plug land?")
    assert response.respelled == {"Arlines": "Airlines"}
    assert not response.refused and "backyard" in response.answer


def test_a_question_in_capitals_is_read_in_capitals() -> None:
    """Its possessives are possessives ("RESERVE'S" is "Reserve"), and a fix stays in capitals, so the question
    is still read as typed in capitals throughout (casing.shouted)."""
    texts = ["The Federal Reserve’s decision", *TEXTS]
    assert mistyped("WHAT DID THE FEDERAL RESERVE'S CHAIR SAY?", texts, known, 0.85, 4) == {}
    assert mistyped("WHO FOUNDED THE WAGNR GROUP?", TEXTS, known, 0.85, 4) == {"WAGNR": "WAGNER"}
