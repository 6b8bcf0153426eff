"""The words BM25 also counts for a question: those news uses for its verbs (newstext.synonyms)."""

from __future__ import annotations

import pytest

from assistant.retrieval.widening import widened
from newstext.terms import terms


@pytest.mark.parametrize(
    ("question", "also"),
    [
        ("which route is getting cut", {"elimin", "reduc", "slash"}),  # "… and eliminate Route 14"
        ("Who won the Iowa caucuses?", {"beat", "clinch", "defeat"}),  # a verb's inflection read by its dictionary form
    ],
)
def test_a_verb_is_widened_by_the_words_that_state_it(question: str, also: set[str]) -> None:
    assert also <= set(widened(question, terms(question)))


def test_the_question_s_own_terms_and_words_of_no_group_add_nothing() -> None:
    question = "how much are property taxes going up"  # "taxes" reads as "taxi" too, which no group holds
    assert widened(question, terms(question)) == []
    founded = widened("Who founded Wagner?", terms("Who founded Wagner?"))
    assert "found" not in founded and "founder" in founded
