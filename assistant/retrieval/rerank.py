"""Rerank fused candidates with cheap, strong signals: dense similarity, BM25, query-term coverage, recency."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable

from assistant.retrieval.answer_type import AnswerType
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.config import RetrievalSettings
from assistant.retrieval.recency import recency, reference_day
from index.lexical import LexicalIndex
from newstext.terms import terms

_NAME_OR_NUMBER = re.compile(r"\b(?:[A-Z][\w’'-]+|\d[\d,.:%]*)")
PREFIX_MIN = 4  # stems shorter than this match only exactly, so 'war' never matches 'warm'


def _matches(term: str, text_terms: set[str], ordered: list[str]) -> bool:
    """Exact stem match, or one stem a prefix of the other (found/founder, elect/election). `ordered` is
    text_terms sorted: the terms a stem opens are the ones from its place in that order."""
    if term in text_terms:
        return True
    if len(term) < PREFIX_MIN:
        return False
    at = bisect.bisect_left(ordered, term)
    if at < len(ordered) and ordered[at].startswith(term):
        return True
    return any(term[:n] in text_terms for n in range(PREFIX_MIN, len(term)))


def held(query_terms: Iterable[str], text_terms: set[str]) -> list[str]:
    """The query terms the text holds (a stem, or one opening the other: found/founder)."""
    ordered = sorted(text_terms)
    return [t for t in query_terms if _matches(t, text_terms, ordered)]


def coverage(query_idf: dict[str, float], text_terms: set[str]) -> float:
    """IDF-weighted share of query terms present in the text."""
    return weight_of(query_idf, held(query_idf, text_terms))


def weight_of(query_idf: dict[str, float], found: Iterable[str]) -> float:
    """The IDF-weighted share of the query's terms that `found` (terms held: held()) makes up."""
    total = sum(query_idf.values())
    return sum(query_idf[t] for t in found) / total if total else 0.0


def novelty(text: str, query_words: set[str], cap: int) -> float:
    """Share (capped) of names and numbers the question lacks: answer passages add new facts."""
    found = {w.lower() for w in _NAME_OR_NUMBER.findall(text)}
    return min(len(found - query_words), cap) / cap


def rerank(
    candidates: list[Candidate],
    query_terms: list[str],
    lexical: LexicalIndex,
    config: RetrievalSettings,
    as_of: dt.date | None = None,
    question: str = "",
) -> list[Candidate]:
    """Score each candidate and sort best first; as_of is the day the question is asked (default today)."""
    if not candidates:
        return []
    wanted = AnswerType.of(question)
    reference = reference_day((c.article.date for c in candidates), as_of)
    query_idf = {t: lexical.idf(t) for t in set(query_terms)}
    top_lexical = max(c.lexical for c in candidates) or 1.0
    for c in candidates:
        text = c.chunk.text
        stored = lexical.terms_of(c.chunk.id)  # the updater's terms of title + text; None for a newer chunk
        chunk_terms = stored if stored is not None else set(terms(f"{c.article.title}\n{text}"))
        rrf = sum(1.0 / (config.rrf_k + r) for r in (c.dense_rank, c.lexical_rank) if r is not None)
        c.features = {
            "dense": c.dense,
            "lexical": c.lexical / top_lexical,
            "coverage": coverage(query_idf, chunk_terms),
            "recency": recency(c.article.date, reference, config.recency_days, config.recency_undated),
            "rrf": rrf * config.rrf_scale,
            "answer_type": wanted.match(text),
        }
        c.score = config.rerank.score(c.features)
    return sorted(candidates, key=lambda c: c.score, reverse=True)
