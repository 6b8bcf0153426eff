"""The one refusal rule, shared by every interface and answer mode."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieval.candidates import Candidate

# Questions about the asker's own life ("where did I park my car?") are never in a news collection.
_PERSONAL = re.compile(r"\b(?:I|my|me|mine|myself)\b")


@dataclass(frozen=True)
class RefusalPolicy:
    """Thresholds calibrated on news-dev (scripts/tune_retrieval.py): at most 5% of answerable questions refused."""

    min_dense: float = 0.38  # cosine of the question and its closest top passage (recalibrated with recency)
    full_coverage: float = 0.9  # or: IDF-weighted share of question terms found in one passage
    min_dense_personal: float = 0.55  # first-person questions need a much closer passage


def support(candidate: Candidate) -> float:
    """How well one passage matches the question: semantic closeness plus lexical coverage."""
    return candidate.dense + candidate.features.get("coverage", 0.0)


def should_refuse(ranked: list[Candidate], question: str = "", policy: RefusalPolicy = RefusalPolicy()) -> bool:
    """Refuse when no top passage is close enough in meaning, nor holds (almost) all the question's terms."""
    if not ranked:
        return True
    top = ranked[:5]
    if _PERSONAL.search(question):
        return max(c.dense for c in top) < policy.min_dense_personal
    # Close in meaning, or (in a small collection, where chunks mix topics) every question term present.
    return all(c.dense < policy.min_dense and c.features.get("coverage", 0.0) < policy.full_coverage for c in top)
