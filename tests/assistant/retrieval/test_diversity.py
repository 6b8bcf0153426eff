"""Diversity: further chunks of one article decay, and a neighbour keeps the text it does not share."""

from __future__ import annotations

from assistant.retrieval.candidates import Candidate, leading
from assistant.retrieval.config import RetrievalSettings
from assistant.retrieval.diversity import diversify, unshared
from assistant.retrieval.passages import best_passages
from index.records import StoredArticle, StoredChunk

SENTENCES = [
    "Ukraine liberated the railway junction city of Lyman.",
    "There has also been a reported build-up in Zaporizhzhia.",
    "The most symbolic victory was the attack on the Kerch Bridge in Crimea.",
    "The attack left the bridge inoperable for weeks.",
    "Transit was reduced to a slow ferry service.",
]
TEXT = " ".join(SENTENCES)


def span(first: int, last: int) -> tuple[int, int]:
    """Article offsets of SENTENCES[first..last]."""
    start = TEXT.index(SENTENCES[first])
    return start, TEXT.index(SENTENCES[last]) + len(SENTENCES[last])


def chunk(article: str, first: int, last: int, score: float, n: int = 0) -> Candidate:
    """A chunk of sentences first..last of the article, as the chunker cuts them (neighbours share one)."""
    start, end = span(first, last)
    art = StoredArticle(article, "Kerch", "", "2022-10-09", "", TEXT, [], 1, 0.0)
    stored = StoredChunk(id=f"{article}::{n}", article_id=article, start=start, end=end, text=TEXT[start:end])
    return Candidate(stored, art, dense=score, features={"dense": score, "lexical": 1.0}, score=score)


def test_a_neighbour_keeps_only_the_text_the_chosen_chunk_lacks() -> None:
    best = chunk("a", 2, 4, 0.9, n=1)  # the Kerch sentence is shared with the neighbour before it
    before = chunk("a", 0, 2, 0.5, n=0)
    other = chunk("b", 0, 2, 0.4)
    ranked = diversify([best, before, other], k=5, per_article_decay=0.85)
    assert [c.chunk.id for c in ranked] == ["a::1", "a::0", "b::0"]
    rest = ranked[1]
    assert rest.chunk.text == " ".join(SENTENCES[:2])  # the shared Kerch sentence is left to the chosen chunk
    assert TEXT[rest.chunk.start : rest.chunk.end] == rest.chunk.text  # exact offsets
    assert rest.rest and rest.chunk_offset == 0 and ranked[2].chunk.text == other.chunk.text  # b: untouched
    after = unshared(chunk("a", 4, 4, 0.3, n=2), [best])
    assert after is None  # all of its text is already ranked


def test_a_neighbour_after_the_chosen_chunk_loses_its_head_and_passage_ids_stay_in_the_stored_chunk() -> None:
    best = chunk("a", 0, 2, 0.9, n=0)
    after = chunk("a", 2, 4, 0.5, n=1)
    rest = unshared(after, [best])
    assert rest is not None and rest.chunk.text == " ".join(SENTENCES[3:])
    assert rest.chunk_offset == rest.chunk.start - after.chunk.start > 0
    passages = best_passages([rest], "How long was the bridge inoperable?", {"bridg": 1.0}, 3, RetrievalSettings())
    for p in passages:
        chunk_id, offset = p.passage_id.split("@")
        assert chunk_id == "a::1" and after.chunk.text[int(offset) :].startswith(p.chunk.text)


def test_a_rest_takes_no_place_of_its_own_in_the_ranking() -> None:
    """The checks that read the top n chunks (the refusal's, the passages') read the rests among them too."""
    best = chunk("a", 2, 4, 0.9, n=1)
    before = chunk("a", 0, 2, 0.8, n=0)
    other = chunk("b", 0, 2, 0.5)
    ranked = diversify([best, before, other], k=2, per_article_decay=0.85)
    assert [(c.chunk.id, c.rest) for c in ranked] == [("a::1", False), ("a::0", True), ("b::0", False)]
    assert [c.chunk.id for c in leading(ranked, 1)] == ["a::1", "a::0"]
    assert leading(ranked, 2) == ranked and leading(ranked, 5) == ranked


def test_a_chunk_between_two_chosen_neighbours_keeps_its_middle() -> None:
    before, after = chunk("a", 0, 1, 0.9, n=0), chunk("a", 3, 4, 0.8, n=2)
    rest = unshared(chunk("a", 1, 3, 0.5, n=1), [before, after])
    assert rest is not None and rest.rest and rest.chunk.text == SENTENCES[2]
    assert TEXT[rest.chunk.start : rest.chunk.end] == rest.chunk.text
