"""Lexical terms: one tokenisation for BM25, coverage and the answer's checks."""

from __future__ import annotations

from newstext.terms import STOPWORDS, fold, terms, without_possessive


def test_terms_are_stemmed_lower_case_words_without_stopwords_or_possessives() -> None:
    assert terms("The Mayor's elections were FOUNDED on votes") == ["mayor", "elect", "found", "vote"]
    assert terms("") == [] and all(w not in STOPWORDS for w in terms("what is the budget of the city"))


def test_a_word_loses_its_possessive_ending_in_either_apostrophe() -> None:
    assert [without_possessive(w) for w in ("Russia's", "Russia’s", "Reuters'", "Ross", "it’s")] == [
        "Russia", "Russia", "Reuters", "Ross", "it"
    ]


def test_latin_letters_lose_their_diacritics_and_the_text_its_length_never() -> None:
    """"Why could Bernardo Arevalo help the US?" missed the articles' "Arévalo" (its constraint and its term)."""
    text = "Arévalo, Peña Nieto, Łódź, Zürich — “quoted” São Tomé"
    assert fold(text) == "Arevalo, Pena Nieto, Lodz, Zurich — “quoted” Sao Tome" and len(fold(text)) == len(text)
    assert terms("Arévalo’s Peña") == terms("Arevalo's Pena") == ["arevalo", "pena"]
