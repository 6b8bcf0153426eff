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
# news-smoke's case: another story's sentence giving an age, of a man known by a name that only opens like Charles.
BANDSTAND = {
    "title": "Former choir boys remember the summer concerts",
    "date": "2023-06-02",
    "text": (
        "The concerts were held every Sunday in the park.\n\n"
        "One of those men on the bandstand stage was a 35-year-old cop who many of the boys knew as Charlie."
    ),
}
# news-smoke's case: the sentence giving the reason does not restate the asked verb ("recall").
RECALL = {
    "title": "Toyota recalls BZ4X electric SUVs",
    "date": "2022-06-24",
    "text": (
        "The recall announced by Toyota Motor Sales USA on Thursday applies to all approximately 260 BZ4X SUVs "
        "that have been delivered to customers so far.\n\n"
        "Toyota warned owners of BZ4X electric SUVs to stop driving them because the wheels might fall off.\n\n"
        "BZ4X owners with questions about the recall can call Toyota customer service."
    ),
}
# news-smoke's case: the reason is given, but not in the question's words ("can't finish" for "unable to be sold").
UNFINISHED = {
    "title": "As many as 45,000 Fords can't be sold because they're missing parts",
    "date": "2022-09-20",
    "text": (
        "Ford said late Monday it will end September with between 40,000 and 45,000 large pickups and SUVs that it "
        "can't finish because it doesn't have all the parts.\n\n"
        "Shares of Ford fell 5% in premarket trading Tuesday."
    ),
}


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    files = {name: json.dumps([article]) for name, article in
             [("royals.json", ROYALS), ("record.json", RECORD), ("bandstand.json", BANDSTAND), ("recall.json", RECALL),
              ("unfinished.json", UNFINISHED)]}
    return service_over(Path(tmp_path_factory.mktemp("royals")), embedder, files)


def test_a_kind_asked_of_a_titled_name_is_led_by_the_sentence_stating_it(collection: AnswerService) -> None:
    """"How old is King Charles?" was refused: its lead was the record's sentence, far from the question, though
    "Charles, 73, …" states the name (the title dropped, as news does once it has given it) with an age."""
    response = collection.ask("How old is King Charles?")
    assert not response.refused
    assert response.citations[0].quote.startswith("Charles, 73, became Britain's monarch")
    assert all("James" not in c.quote for c in response.citations)  # the record's sentence supports nothing


def test_how_old_is_led_by_a_sentence_stating_the_name_with_its_age(collection: AnswerService) -> None:
    """"How old is Charles?" led with "a 35-year-old cop who many of the boys knew as Charlie": a name that only
    opens like the asked one does not state it, and of the near ties the one stating it with the greatest age leads."""
    response = collection.ask("How old is Charles?")
    assert not response.refused
    assert response.citations[0].quote.startswith("Charles, 73, became Britain's monarch")


def test_why_is_led_by_the_sentence_giving_the_reason(collection: AnswerService) -> None:
    """"Why did Toyota recall the BZ4X?" led with how many SUVs the recall applies to; the sentence saying why
    ("because the wheels might fall off") leads, though it does not restate "recall"."""
    response = collection.ask("Why did Toyota recall the BZ4X?")
    assert not response.refused
    assert "because the wheels might fall off" in response.citations[0].quote


def test_why_is_answered_by_a_reason_given_beside_its_names(collection: AnswerService) -> None:
    """"Why are 45,000 Fords unable to be sold?" was refused as answered by no sentence: its one short word ("sold")
    is not the article's ("can't finish"), but a reason given in so many words beside its names answers it."""
    response = collection.ask("Why are 45,000 Fords unable to be sold?")
    assert not response.refused
    assert "because it doesn't have all the parts" in response.citations[0].quote
