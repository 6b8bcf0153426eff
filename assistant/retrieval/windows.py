"""Big-to-small: rank short sentence windows inside the best chunks, so the first words returned are the densest.

Chunks are sized for the embedding model; answers sit in one or two sentences. Measured on news-dev
(scripts/tune_retrieval.py), passages cut to their best windows put the answer in the first 100 and 300
words more often than whole chunks.
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


TYPE_WEIGHT = 0.3  # a window holding the kind of answer asked for (a state, a year, a share...)


@dataclass(frozen=True)
class _Query:
    idf: dict[str, float]
    words: set[str]
    wanted: AnswerType


def _windows(cand: Candidate, query: _Query, max_words: int, type_weight: float) -> list[Candidate]:
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
        cov = coverage(query.idf, set().union(*sets[i : j + 1]))
        nov = novelty(window_text, query.words, cap=4)
        typ = query.wanted.match(window_text)
        sub = replace(chunk, id=f"{chunk.id}@{a}", start=chunk.start + a, end=chunk.start + b, text=window_text)
        features = {**cand.features, "window_coverage": cov, "window_novelty": nov, "window_type": typ}
        score = cand.score + 0.5 * cov + 0.2 * nov + type_weight * typ
        out.append(replace(cand, chunk=sub, features=features, score=score))
    return out


def focus(
    ranked: list[Candidate],
    query: str,
    query_idf: dict[str, float],
    k: int,
    chunks: int = 15,
    max_words: int = 50,
    type_weight: float = TYPE_WEIGHT,
) -> list[Candidate]:
    """The k best non-overlapping windows from the top chunks, best first."""
    q = _Query(query_idf, {w.lower() for w in _WORDS.findall(query)}, AnswerType.of(query))
    pool = [w for cand in ranked[:chunks] for w in _windows(cand, q, max_words, type_weight)]
    chosen: list[Candidate] = []
    for w in sorted(pool, key=lambda w: w.score, reverse=True):
        if any(
            w.chunk.article_id == o.chunk.article_id and w.chunk.start < o.chunk.end and o.chunk.start < w.chunk.end
            for o in chosen
        ):
            continue
        chosen.append(w)
        if len(chosen) >= k:
            break
    return chosen
