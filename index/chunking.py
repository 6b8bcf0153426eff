"""Sentence-aligned chunks that fit the embedding model's window and know their offsets in the article."""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from index.types import Article, Chunk
from newstext.sentences import sentence_spans, word_spans


class SpanTokens:
    """Word pieces inside any character span, from one tokenizer pass over the whole text."""

    def __init__(self, token_starts: list[int]) -> None:
        self._starts = token_starts

    def count(self, start: int, end: int) -> int:
        """Number of word pieces that start inside [start, end)."""
        return bisect_left(self._starts, end) - bisect_left(self._starts, start)

    def pieces(self, text: str, start: int, end: int, budget: int) -> list[tuple[int, int]]:
        """A word with no spaces cut into runs of at most `budget` pieces, at punctuation or CJK where possible."""
        starts = self._starts
        first, hi = bisect_left(starts, start), bisect_left(starts, end)
        bounds = [start]
        while hi - first > budget:
            # Cutting inside a run of letters and digits can change how its tail is tokenized; avoid it.
            latest = first + budget
            cut = next((i for i in range(latest, first, -1) if _tokenizer_edge(text, starts[i])), latest)
            bounds.append(starts[cut])
            first = cut
        bounds.append(end)
        return list(pairwise(bounds))


def _is_cjk(ch: str) -> bool:
    """CJK ideographs, which BERT's tokenizer splits one by one."""
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FA1F


def _tokenizer_edge(text: str, pos: int) -> bool:
    """True where the tokenizer splits words anyway: next to punctuation or a CJK ideograph."""
    before, after = text[pos - 1], text[pos]
    return not (before.isalnum() and after.isalnum()) or _is_cjk(before) or _is_cjk(after)


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
            for w_start, w_end in tokens.pieces(text, *word, budget):
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
