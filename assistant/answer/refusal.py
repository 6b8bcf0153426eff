"""The one refusal rule, shared by every interface and answer mode."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieval.candidates import Candidate

# Questions about the asker's own life ("where did I park my car?") are never in a news collection.
_PERSONAL = re.compile(r"\b(?:I|my|me|mine|myself)\b")
# Nor are requests for a task rather than for facts: writing, translating, solving, how-to instructions.
_TASK = re.compile(
    r"^\s*(?:please\s+)?(?:write|compose|draft|translate|recommend|suggest|solve|calculate|compute|convert|create"
    r"|tell me (?:a|an|some)\b|give me (?:a|an|some)\b|make me\b)"
    r"|\bhow (?:do|can|should|would) (?:i|you|we|one)\b|\bhow to\b|\bwhat(?:'s|’s| is) the best way to\b"
    r"|\brecipes?\b|\bstep[- ]by[- ]step\b",
    re.I,
)


@dataclass(frozen=True)
class RefusalPolicy:
    """Thresholds on the cosine of the question and its closest passages, calibrated on news-dev and the written
    off-topic set (scripts/tune_retrieval.py): about 2% of answerable questions refused."""

    min_dense: float = 0.38  # no passage this close: nothing to answer from
    strong_dense: float = 0.5  # one passage this close answers on its own
    corroborate_dense: float = 0.38  # in between, a second article must be this close too...
    corroborate_from: int = 10  # ...once the top chunks span this many articles (a small collection may not)
    full_coverage: float = 0.9  # or: IDF-weighted share of question terms found in one passage
    min_dense_out_of_scope: float = 0.55  # personal questions and task requests need a much closer passage


def article_support(chunks: list[Candidate]) -> list[float]:
    """The best cosine per article, highest first: how many articles are close to the question, and how close."""
    best: dict[str, float] = {}
    for c in chunks:
        best[c.chunk.article_id] = max(best.get(c.chunk.article_id, -1.0), c.dense)
    return sorted(best.values(), reverse=True)


def out_of_scope(question: str) -> bool:
    """A personal question or a request for a task, which a news collection does not answer."""
    return bool(_PERSONAL.search(question) or _TASK.search(question))


def should_refuse(chunks: list[Candidate], question: str = "", policy: RefusalPolicy = RefusalPolicy()) -> bool:
    """Refuse unless a passage is close in meaning (a middling one corroborated by a second article) or holds
    (almost) every question term.

    In a news collection a story is usually covered by several articles, while a trivia question
    that one article merely touches on ("a Mr Darcy-style hero") finds a single middling passage, and quoting it
    would not answer it. A small collection may hold a story only once, so there one passage must do.
    """
    if not chunks:
        return True
    support = article_support(chunks)
    best, second = support[0], (support[1] if len(support) > 1 else 0.0)
    if out_of_scope(question):
        return best < policy.min_dense_out_of_scope
    if best >= policy.strong_dense or any(c.features.get("coverage", 0.0) >= policy.full_coverage for c in chunks[:5]):
        return False
    if best < policy.min_dense:
        return True
    return len(support) >= policy.corroborate_from and second < policy.corroborate_dense
