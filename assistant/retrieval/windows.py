"""Big-to-small: rank short sentence windows inside the best chunks, so the first words returned are the densest.

Chunks are sized for the embedding model; answers sit in one or two sentences. Measured on news-dev
(scripts/tune_retrieval.py), passages cut to their best windows put the answer in the first 100 and 300
words more often than whole chunks, and windows of up to 25 words more often than windows of 50.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.retrieval.answer_type import AnswerType
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.rerank import coverage, novelty
from index.lexical import terms
from index.sentences import sentence_spans

_WORDS = re.compile(r"[\w’'-]+")

WINDOW_WORDS = 25  # a window is the longest run of whole sentences within this many words (one sentence at least)


@dataclass(frozen=True)
class WindowWeights:
    """Weights of a window's score.

    Fit by logistic regression on news-dev windows (label: the gold answer is in the window), cross-validated
    over weeks and rounded: the window's own coverage and answer type count most. The fit's BM25 weight (0.6,
    chunk coverage 0) was within noise of this one on news-dev; this one leans less on BM25 over the best
    candidate's, which one short article can hold in a small collection, and more on the chunk's coverage.
    """

    dense: float = 1.0  # the chunk's cosine similarity
    lexical: float = 0.35  # the chunk's BM25 over the best candidate's
    recency: float = 0.45
    coverage: float = 0.2  # the chunk's IDF-weighted share of question terms
    answer_type: float = 0.0  # the chunk's: the window's own replaces it
    window_coverage: float = 0.5
    window_novelty: float = 0.3
    window_type: float = 0.6

    def score(self, features: dict[str, float]) -> float:
        """The weighted sum of the features it has a weight for."""
        return sum(getattr(self, name, 0.0) * value for name, value in features.items())


@dataclass(frozen=True)
class _Query:
    idf: dict[str, float]
    words: set[str]
    wanted: AnswerType


def _windows(cand: Candidate, query: _Query, max_words: int, weights: WindowWeights) -> list[Candidate]:
    """Every run of whole sentences (up to max_words) starting at each sentence of the chunk."""
    chunk = cand.chunk
    text = chunk.text
    spans = sentence_spans(text)
    sets = [set(terms(text[a:b])) for a, b in spans]
    out: list[Candidate] = []
    for i in range(len(spans)):
        j = i
        while j + 1 < len(spans) and len(text[spans[i][0] : spans[j + 1][1]].split()) <= max_words:
            j += 1
        a, b = spans[i][0], spans[j][1]
        window_text = text[a:b]
        features = {
            **cand.features,
            "window_coverage": coverage(query.idf, set().union(*sets[i : j + 1])),
            "window_novelty": novelty(window_text, query.words, cap=4),
            "window_type": query.wanted.match(window_text),
        }
        sub = replace(chunk, id=f"{chunk.id}@{a}", start=chunk.start + a, end=chunk.start + b, text=window_text)
        out.append(replace(cand, chunk=sub, features=features, score=weights.score(features)))
    return out


def _near_copy(words: set[str], chosen: list[set[str]], share: float = 0.8) -> bool:
    """Most of a window's words already in a chosen one: the same sentence in a syndicated copy of the story."""
    return any(len(words & other) >= share * min(len(words), len(other)) for other in chosen)


def focus(
    ranked: list[Candidate],
    query: str,
    query_idf: dict[str, float],
    k: int,
    chunks: int = 15,
    max_words: int = WINDOW_WORDS,
    weights: WindowWeights | None = None,
) -> list[Candidate]:
    """The k best windows from the top chunks, best first, none overlapping or repeating another."""
    q = _Query(query_idf, {w.lower() for w in _WORDS.findall(query)}, AnswerType.of(query))
    weights = weights or WindowWeights()
    pool = [w for cand in ranked[:chunks] for w in _windows(cand, q, max_words, weights)]
    chosen: list[Candidate] = []
    chosen_words: list[set[str]] = []
    for w in sorted(pool, key=lambda w: w.score, reverse=True):
        if any(
            w.chunk.article_id == o.chunk.article_id and w.chunk.start < o.chunk.end and o.chunk.start < w.chunk.end
            for o in chosen
        ):
            continue
        words = {m.lower() for m in _WORDS.findall(w.chunk.text)}
        if not words or _near_copy(words, chosen_words):
            continue  # a run of punctuation, or the same sentence in a syndicated copy
        chosen.append(w)
        chosen_words.append(words)
        if len(chosen) >= k:
            break
    return chosen
