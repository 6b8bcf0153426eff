"""Sentence-aligned chunks that fit the embedding model's window and know their offsets in the article."""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from index.sentences import sentence_spans, word_spans
from index.types import Article, Chunk


class SpanTokens:
    """Word pieces inside any character span, from one tokenizer pass over the whole text."""

    def __init__(self, token_starts: list[int]) -> None:
        self._starts = token_starts

    def count(self, start: int, end: int) -> int:
        """Number of word pieces that start inside [start, end)."""
        return bisect_left(self._starts, end) - bisect_left(self._starts, start)

    def pieces(self, start: int, end: int, budget: int) -> list[tuple[int, int]]:
        """[start, end) cut at word-piece starts into runs of at most `budget` pieces (a word with no spaces)."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        bounds = [start, *(self._starts[i] for i in range(lo + budget, hi, budget)), end]
        return list(pairwise(bounds))


def _fit_spans(text: str, spans: list[tuple[int, int]], tokens: SpanTokens, budget: int) -> list[tuple[int, int, int]]:
    """(start, end, tokens) per sentence; one over the budget is cut between words (inside an over-long word)."""
    out: list[tuple[int, int, int]] = []
    for start, end in spans:
        n = tokens.count(start, end)
        if n <= budget:
            out.append((start, end, n))
            continue
        piece_start = piece_end = start
        piece_tokens = 0
        for word in word_spans(text, start, end):
            for w_start, w_end in tokens.pieces(*word, budget):
                w_tokens = tokens.count(w_start, w_end)
                if piece_tokens and piece_tokens + w_tokens > budget:
                    out.append((piece_start, piece_end, piece_tokens))
                    piece_start, piece_tokens = w_start, 0
                piece_end = w_end
                piece_tokens += w_tokens
        if piece_tokens:
            out.append((piece_start, piece_end, piece_tokens))
    return out


def chunk_article(article: Article, token_starts: list[int], max_tokens: int, overlap: int = 1) -> list[Chunk]:
    """Pack whole sentences into chunks of at most max_tokens word pieces; neighbours share `overlap` sentences."""
    text = article.text
    units = _fit_spans(text, sentence_spans(text), SpanTokens(token_starts), max_tokens)
    chunks: list[Chunk] = []
    i = 0
    while i < len(units):
        j, tokens = i, 0
        while j < len(units) and (j == i or tokens + units[j][2] <= max_tokens):
            tokens += units[j][2]
            j += 1
        start, end = units[i][0], units[j - 1][1]
        chunks.append(Chunk(article.id, len(chunks), start, end, text[start:end]))
        if j >= len(units):
            break
        # Step back `overlap` sentences for context, but always move forward.
        i = max(j - overlap, i + 1) if overlap else j
    return chunks
