"""The BM25 index: the same scores as bm25s (what the retrieval weights were fit on), and an update by rows
that equals a rebuild."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from index.lexical import LexicalIndex
from newstext.terms import terms

WORDS = "harbour library bridge council vote budget storm coast ferry museum tram strike port wheat mayor".split()


def corpus(seed: int, n: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    ids = [f"a{seed}-{i}::h::0" for i in range(n)]
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40))) for _ in range(n)]
    return ids, [" ".join(terms(t)) for t in texts]


def test_scores_and_idf_match_bm25s() -> None:
    import bm25s

    ids, chunk_terms = corpus(1, 300)
    ours = LexicalIndex.build(ids, chunk_terms)
    theirs = bm25s.BM25()
    theirs.index([t.split() for t in chunk_terms], show_progress=False)
    for query in (["harbour"], ["vote", "budget", "vote"], terms("ferry strike at the port"), ["nope"]):
        known = [q for q in query if q in theirs.vocab_dict]
        expected = theirs.get_scores(known) if known else np.zeros(len(ids))
        np.testing.assert_allclose(ours.scores(query), expected, rtol=1e-5, atol=1e-6)


def test_an_update_by_rows_equals_a_rebuild(tmp_path: Path) -> None:
    ids, chunk_terms = corpus(2, 200)
    base = LexicalIndex.build(ids, chunk_terms)
    new_ids, new_terms = corpus(3, 20)
    gone = set(ids[50:80])
    updated = base.updated(gone, new_ids, new_terms)
    kept = [(i, t) for i, t in zip(ids, chunk_terms, strict=True) if i not in gone]
    rebuilt = LexicalIndex.build([i for i, _ in kept] + new_ids, [t for _, t in kept] + new_terms)
    assert updated.chunk_ids == rebuilt.chunk_ids and len(base) == 200, "the base index changed"
    updated.save(tmp_path / "gen")
    loaded = LexicalIndex.load(tmp_path / "gen")
    for query in (["harbour", "mayor"], terms("tram strike"), ["budget"]):
        np.testing.assert_allclose(loaded.scores(query), rebuilt.scores(query), rtol=1e-6)
        assert loaded.idf(query[0]) == rebuilt.idf(query[0])
    assert loaded.row(new_ids[0]) == len(loaded) - 20 and loaded.row(ids[60]) is None


def test_an_empty_index_scores_nothing(tmp_path: Path) -> None:
    empty = LexicalIndex.build([], [])
    assert empty.scores(["harbour"]).shape == (0,) and len(LexicalIndex([])) == 0
    empty.save(tmp_path / "e")
    assert len(LexicalIndex.load(tmp_path / "e")) == 0


def test_a_chunks_stored_terms_come_back_for_the_query_side(tmp_path: Path) -> None:
    index = LexicalIndex.build(["a", "b"], [" ".join(terms("Harbour strike\nThe mayor's harbour vote")), "tram"])
    updated = index.updated({"b"}, ["c"], ["ferry ferry strike"])
    updated.save(tmp_path / "x")
    loaded = LexicalIndex.load(tmp_path / "x")
    assert loaded.terms_of("a") == set(terms("Harbour strike\nThe mayor's harbour vote")) == {"harbour", "strike",
                                                                                              "mayor", "vote"}
    assert loaded.terms_of("c") == {"ferry", "strike"} and loaded.terms_of("b") is None


def test_the_chunks_holding_a_term_are_found_up_to_a_limit() -> None:
    index = LexicalIndex.build(["a", "b", "c"], ["harbour strike", "tram", "harbour vote"])
    assert index.chunks_with("harbour", 5) == ["a", "c"] and index.chunks_with("harbour", 1) == ["a"]
    assert index.chunks_with("ferry", 5) == []


def test_a_name_typed_without_its_diacritics_finds_it_in_an_index_written_with_them() -> None:
    """Terms are folded now ("Arévalo" -> "arevalo"); an index written before keeps "arévalo", which a query typed
    without the accent still finds, and the chunk's stored terms read folded."""
    assert terms("Bernardo Arévalo") == terms("Bernardo Arevalo")
    older = LexicalIndex.build(["a::h::0", "b::h::0"], ["bernardo arévalo elect", "bernardo vote"])
    scores = older.scores(terms("Arevalo"))
    assert scores[0] > 0 and scores[1] == 0
    assert older.idf("arevalo") == older.idf("arévalo") and older.chunks_with("arevalo", 5) == ["a::h::0"]
    assert older.terms_of("a::h::0") == {"bernardo", "arevalo", "elect"}
