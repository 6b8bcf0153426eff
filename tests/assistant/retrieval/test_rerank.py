"""Query-term coverage: a stem counts when the text holds it, a word it opens, or a stem that opens it."""

from __future__ import annotations

import random

from assistant.retrieval.rerank import PREFIX_MIN, coverage


def _by_scan(term: str, text_terms: set[str]) -> bool:
    """The rule as first written, one text term at a time: the reference the indexed lookup must equal."""
    if term in text_terms:
        return True
    if len(term) < PREFIX_MIN:
        return False
    return any(t.startswith(term) or (len(t) >= PREFIX_MIN and term.startswith(t)) for t in text_terms)


def test_a_stem_is_met_by_a_word_it_opens_or_a_stem_that_opens_it() -> None:
    text = {"founder", "elect", "war", "bakhmut"}
    assert coverage({"found": 1.0}, text) == 1.0  # found / founder
    assert coverage({"election": 1.0}, text) == 1.0  # elect opens election
    assert coverage({"warm": 1.0}, text) == 0.0  # 'war' is too short to open anything
    assert coverage({"wa": 1.0}, text) == 0.0  # too short to be opened
    assert coverage({"bakhmut": 2.0, "city": 1.0}, text) == 2.0 / 3.0
    assert coverage({}, text) == 0.0


def test_the_sorted_lookup_agrees_with_scanning_every_term() -> None:
    rng = random.Random(7)

    def word() -> str:
        return "".join(rng.choice("abc") for _ in range(rng.randint(1, 8)))

    for _ in range(3000):
        text = {word() for _ in range(rng.randint(0, 30))}
        query = {word(): 1.0 for _ in range(5)}
        expected = sum(1.0 for t in query if _by_scan(t, text)) / len(query)
        assert coverage(query, text) == expected
