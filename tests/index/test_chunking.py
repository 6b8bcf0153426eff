"""Chunking: whole sentences packed under a word-piece budget, with offsets that slice the article exactly."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.chunking import SpanTokens, chunk_article
from index.embedding import Embedder
from index.types import Article, Chunk
from newstext.sentences import sentence_spans

_WORD = re.compile(r"\S+")


def one_token_per_word(text: str) -> list[int]:
    """Token starts of a toy tokenizer (one piece per word), for exact expectations."""
    return [m.start() for m in _WORD.finditer(text)]


def article(text: str) -> Article:
    return Article(id="a1", text=text)


def assert_exact(text: str, chunks: list[Chunk]) -> None:
    """Offsets slice the text, indexes count up, and every non-space character is in some chunk."""
    assert [c.index for c in chunks] == list(range(len(chunks)))
    covered: set[int] = set()
    for c in chunks:
        assert c.article_id == "a1"
        assert text[c.start : c.end] == c.text and c.text == c.text.strip() and c.text
        covered.update(range(c.start, c.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    assert [c.start for c in chunks] == sorted(c.start for c in chunks)


SIX = "One two three. Four five six. Seven eight nine. Ten eleven twelve. Thirteen fourteen. Fifteen sixteen."


def test_sentences_are_packed_whole_and_neighbours_share_one_sentence() -> None:
    chunks = chunk_article(article(SIX), one_token_per_word(SIX), max_tokens=7, overlap=1)
    assert [c.text for c in chunks] == [
        "One two three. Four five six.",
        "Four five six. Seven eight nine.",
        "Seven eight nine. Ten eleven twelve.",
        "Ten eleven twelve. Thirteen fourteen. Fifteen sixteen.",
    ]
    assert_exact(SIX, chunks)


def test_without_overlap_chunks_are_disjoint_and_in_order() -> None:
    chunks = chunk_article(article(SIX), one_token_per_word(SIX), max_tokens=7, overlap=0)
    assert [c.text for c in chunks] == [
        "One two three. Four five six.",
        "Seven eight nine. Ten eleven twelve.",
        "Thirteen fourteen. Fifteen sixteen.",
    ]
    assert all(a.end < b.start for a, b in zip(chunks, chunks[1:], strict=False))


def test_overlap_never_stalls_when_each_sentence_fills_a_chunk() -> None:
    chunks = chunk_article(article(SIX), one_token_per_word(SIX), max_tokens=3, overlap=2)
    assert [c.text for c in chunks] == [SIX[s:e] for s, e in sentence_spans(SIX)]


def test_a_short_article_is_one_chunk() -> None:
    text = "\n  The council met. It voted.  \n"
    [chunk] = chunk_article(article(text), one_token_per_word(text), max_tokens=128)
    assert (chunk.text, chunk.start, chunk.end) == ("The council met. It voted.", 3, 29)


def test_a_sentence_over_the_budget_is_cut_between_words() -> None:
    text = "Short one. " + " ".join(f"W{i}" for i in range(10)) + ". Tail."
    chunks = chunk_article(article(text), one_token_per_word(text), max_tokens=4, overlap=0)
    assert [c.text for c in chunks] == ["Short one.", "W0 W1 W2 W3", "W4 W5 W6 W7", "W8 W9. Tail."]
    assert_exact(text, chunks)


def test_a_word_over_the_budget_is_cut_between_its_word_pieces() -> None:
    text = "Intro. " + "a" * 10 + " end."
    starts = [0, 7, 9, 11, 13, 15, 18]  # 'Intro.', then 'aaaaaaaaaa' as pieces of 2,2,2,2,2, then 'end.'
    chunks = chunk_article(article(text), starts, max_tokens=2, overlap=0)
    assert [c.text for c in chunks] == ["Intro.", "aaaa", "aaaa", "aa end."]
    assert_exact(text, chunks)
    assert SpanTokens(starts).pieces(text, 7, 17, 2) == [(7, 11), (11, 15), (15, 17)]


def test_a_long_word_is_cut_where_the_tokenizer_splits_anyway(fake_embedder: Embedder) -> None:
    text = "Intro. " + "-".join(["internationalisation"] * 12) + " 東京都議会の予算委員会は火曜日に承認した"
    chunks = chunk_article(article(text), fake_embedder.token_starts(text), max_tokens=16, overlap=0)
    assert_exact(text, chunks)
    for c in chunks[1:]:
        assert not (text[c.start - 1].isalnum() and text[c.start].isalnum()) or "\u4e00" <= text[c.start] <= "\u9fff"
    assert [fake_embedder.count_tokens(c.text) for c in chunks] == [
        len([s for s in fake_embedder.token_starts(text) if c.start <= s < c.end]) for c in chunks
    ], "a chunk tokenizes differently on its own than inside the article"
    assert max(fake_embedder.count_tokens(c.text) for c in chunks) <= 16


def test_chunk_ids_change_with_the_article_content() -> None:
    chunk = Chunk("a1", 2, 0, 5, "Hello")
    assert chunk.chunk_id("0123456789abcdef") == "a1::0123456789ab::2"
    assert Article("a1", "x").content_hash != Article("a1", "y").content_hash


@pytest.mark.parametrize("max_tokens", [16, 48, 128])
def test_real_word_pieces_stay_within_the_budget(fake_embedder: Embedder, max_tokens: int) -> None:
    text = (
        "Officials in Zürich re-examined the “hyper-localised” budget (CHF 4.5bn) on Tuesday. "
        "Unbelievably, antidisestablishmentarianism resurfaced in the debate!\n\n"
        + " ".join(["Councillors argued about pedestrianisation and over-capitalisation"] * 6)
        + ". Ein Schluss. 東京都の予算は増えた。議会は火曜日に承認した。"
    )
    chunks = chunk_article(article(text), fake_embedder.token_starts(text), max_tokens)
    assert_exact(text, chunks)
    assert len(chunks) > 1
    assert max(fake_embedder.count_tokens(c.text) for c in chunks) <= max_tokens


_PIECES = st.sampled_from(
    [
        "The",
        "council",
        "re-examined",
        "Zürich",
        "budget.",
        "It",
        "voted!",
        "Why?",
        "U.S.",
        "4.5",
        "東京都",
        "antidisestablishmentarianism",
        "x-y-z-w-v-u",
        " ",
        " ",
        "\n",
        "\n\n",
    ]
)


@settings(max_examples=60, deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=80), glued=st.booleans(), data=st.data())
def test_any_text_chunks_exactly_within_budget(
    fake_embedder: Embedder, pieces: list[str], glued: bool, data: st.DataObject
) -> None:
    # Glued pieces make words of up to 100 characters; only a budget of 100+ pieces always fits one whole.
    text = ("" if glued else " ").join(pieces)
    budget = data.draw(st.integers(100, 160) if glued else st.integers(16, 64), label="budget")
    overlap = data.draw(st.integers(0, 2), label="overlap")
    if not text.strip():
        return
    chunks = chunk_article(article(text), fake_embedder.token_starts(text), budget, overlap)
    assert_exact(text, chunks)
    assert all(fake_embedder.count_tokens(c.text) <= budget for c in chunks)
