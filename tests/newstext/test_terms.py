"""Lexical terms: one tokenisation for BM25, coverage and the answer's checks."""

from __future__ import annotations

from newstext.terms import STOPWORDS, terms


def test_terms_are_stemmed_lower_case_words_without_stopwords_or_possessives() -> None:
    assert terms("The Mayor's elections were FOUNDED on votes") == ["mayor", "elect", "found", "vote"]
    assert terms("") == [] and all(w not in STOPWORDS for w in terms("what is the budget of the city"))
