"""Which sentence leads when the ranker's best is not about the question (a real index, the real model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from answer_testkit import service_over

from assistant.service import AnswerService
from index.embedding import Embedder

# news-smoke's case: a newer sports article the ranker rated above the one sentence giving the king's age.
ROYALS = {
    "title": "King Charles leads procession behind Queen's coffin",
    "date": "2022-09-14",
    "text": (
        "Charles, 73, became Britain's monarch last month following the death of his mother, Queen Elizabeth II.\n\n"
        "The 73-year-old monarch and his siblings walked behind the hearse, while Camilla, Queen Consort, traveled "
        "in a car behind."
    ),
}
RECORD = {
    "title": "Can anyone catch LeBron James' scoring record?",
    "date": "2023-02-08",
    "text": (
        "LeBron James passed Kareem Abdul-Jabbar on Tuesday to become the NBA's career scoring leader.\n\n"
        "For a player to make a run at James' record, he will benefit from the league eventually ending the "
        "one-and-done rule so that players can enter the league at 18 years old without spending a year in college."
    ),
}


@pytest.fixture(scope="module")
def royals(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    files = {"royals.json": json.dumps([ROYALS]), "record.json": json.dumps([RECORD])}
    return service_over(Path(tmp_path_factory.mktemp("royals")), embedder, files)


def test_a_kind_asked_of_a_titled_name_is_led_by_the_sentence_stating_it(royals: AnswerService) -> None:
    """"How old is King Charles?" was refused: its lead was the record's sentence, far from the question, though
    "Charles, 73, …" states the name (the title dropped, as news does once it has given it) with an age."""
    response = royals.ask("How old is King Charles?")
    assert not response.refused
    assert response.citations[0].quote.startswith("Charles, 73, became Britain's monarch")
    assert all("James" not in c.quote for c in response.citations)  # the record's sentence supports nothing
