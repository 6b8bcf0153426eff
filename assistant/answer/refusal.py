"""The one refusal rule, shared by every interface and answer mode."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.retrieval.candidates import Candidate


@dataclass(frozen=True)
class RefusalPolicy:
    """Thresholds calibrated on news-dev answerable questions vs. off-topic ones (scripts/calibrate_refusal.py)."""

    min_dense: float = 0.40  # cosine of question and best passage
    min_coverage: float = 0.45  # IDF-weighted share of question terms in the best passage
    min_support: float = 0.75  # dense + coverage of the best passage


def support(candidate: Candidate) -> float:
    """How well one passage matches the question, on a scale both thresholds share."""
    return candidate.dense + candidate.features.get("coverage", 0.0)


def should_refuse(ranked: list[Candidate], policy: RefusalPolicy = RefusalPolicy()) -> bool:
    """Refuse when no retrieved passage is both semantically close and lexically on topic."""
    if not ranked:
        return True
    best = max(ranked[:5], key=support)
    if best.dense < policy.min_dense and best.features.get("coverage", 0.0) < policy.min_coverage:
        return True
    return support(best) < policy.min_support
