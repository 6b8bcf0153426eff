"""Pure metric functions, so every system (project or baseline) is scored by exactly the same rules."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

_WS = re.compile(r"\s+")

EM_WORDS = (100, 300)
EM_CURVE_WORDS = tuple(range(50, 501, 50))
RECALL_KS = (1, 5, 10)


def normalise(text: str) -> str:
    """Lower-case and collapse whitespace, so gold matching ignores case and line breaks."""
    return _WS.sub(" ", text).strip().lower()


def contains_gold(text: str, gold: str) -> bool:
    """Case-insensitive substring match with whitespace normalised on both sides."""
    needle = normalise(gold)
    return bool(needle) and needle in normalise(text)


def first_words(passages: Sequence[str], w: int) -> str:
    """The first `w` words of the passages concatenated in rank order (the EM@W window)."""
    words: list[str] = []
    for passage in passages:
        words.extend(passage.split())
        if len(words) >= w:
            break
    return " ".join(words[:w])


def em_at_words(passages: Sequence[str], gold: str, w: int) -> bool:
    """Gold within the first `w` ranked words: compares systems fairly whatever their chunk sizes."""
    return contains_gold(first_words(passages, w), gold)


def recall_at_k(passages: Sequence[str], gold: str, k: int) -> bool:
    """Gold inside one of the top-`k` passages (depends on passage length, so never judge by it alone)."""
    return any(contains_gold(p, gold) for p in passages[:k])


def answer_hit(answer: str, gold: str) -> bool:
    """Gold inside the answer text itself."""
    return contains_gold(answer, gold)


_FIRST_CITED = re.compile(r"^(.*?)\s*\[\d+\]", re.S)
_FIRST_SENTENCE = re.compile(r"^(.*?[.!?…][\"'”’)\]]*)(?=\s|$)", re.S)


def lead(answer: str) -> str:
    """The answer's first sentence: what a reader sees first (up to the first [n] marker, else the first full stop)."""
    m = _FIRST_CITED.match(answer) or _FIRST_SENTENCE.match(answer)
    return m.group(1) if m else answer


def lead_hit(answer: str, gold: str) -> bool:
    """Gold inside the answer's first sentence."""
    return contains_gold(lead(answer), gold)


def word_count(text: str) -> int:
    """Whitespace word count, the unit of answer length."""
    return len(text.split())


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, or None for no values (rendered as n/a rather than a misleading 0)."""
    items = list(values)
    return sum(items) / len(items) if items else None


def rate(flags: Iterable[bool]) -> float | None:
    """Fraction of true flags, or None when there are none."""
    return mean(1.0 if f else 0.0 for f in flags)


def refusal_rate(responses: Iterable[Mapping[str, Any]]) -> float | None:
    """Share of responses that refused (wanted low on answerable, high on unanswerable questions)."""
    return rate(bool(r.get("refused", False)) for r in responses)


def percentile(values: Sequence[float], q: float) -> float | None:
    """Percentile `q` in [0, 100] with linear interpolation between ranks (numpy's default)."""
    if not values:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be in [0, 100], got {q}")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def citation_valid(citation: Mapping[str, Any], get_text: Callable[[str], str | None]) -> bool:
    """A citation is valid iff the stored article text at [start:end] is exactly its quote."""
    try:
        text = get_text(str(citation["article_id"]))
        start, end = int(citation["start"]), int(citation["end"])
        quote = citation["quote"]
    except (KeyError, TypeError, ValueError):
        return False
    if text is None or not 0 <= start <= end <= len(text):
        return False
    return text[start:end] == quote


def citation_validity(
    responses: Iterable[Mapping[str, Any]], get_text: Callable[[str], str | None]
) -> tuple[float | None, int]:
    """Share of all citations that are valid, and how many citations were checked."""
    flags = [citation_valid(c, get_text) for r in responses for c in r.get("citations") or []]
    return rate(flags), len(flags)


def passage_texts(response: Mapping[str, Any]) -> list[str]:
    """A response's passage texts in rank order (the contract says best first)."""
    return [str(p.get("text", "")) for p in response.get("passages") or []]


def retrieval_scores(ranked: Mapping[str, Sequence[str]], gold: Mapping[str, str]) -> dict[str, float | None]:
    """EM@W (headline windows) and recall@k over the questions in `gold`; missing rankings score 0."""
    scores: dict[str, float | None] = {}
    for w in EM_WORDS:
        scores[f"em@{w}w"] = rate(em_at_words(ranked.get(q, []), g, w) for q, g in gold.items())
    for k in RECALL_KS:
        scores[f"r@{k}"] = rate(recall_at_k(ranked.get(q, []), g, k) for q, g in gold.items())
    return scores


def em_curve(
    ranked: Mapping[str, Sequence[str]], gold: Mapping[str, str], widths: Sequence[int] = EM_CURVE_WORDS
) -> dict[int, float | None]:
    """EM@W for each window width, for the plot."""
    return {w: rate(em_at_words(ranked.get(q, []), g, w) for q, g in gold.items()) for w in widths}


_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)(?=\s|$)")


def sentence_count(text: str) -> int:
    """Sentences in an answer (at least one if it has any words), for the share of generated ones dropped."""
    return max(len(_SENTENCE_END.findall(text)), 1) if text.strip() else 0


def generation_scores(responses: Sequence[Mapping[str, Any]]) -> dict[str, float | None]:
    """What only a generative run has: how often the model's answer survived verification, and what was cut.

    A response whose mode is still "extractive" fell back (nothing verifiable was generated, the model said
    the sources lack the answer, or the backend failed); its generated sentences all count as dropped.
    """
    generated = [r for r in responses if r.get("mode", "extractive") != "extractive"]
    kept = sum(sentence_count(str(r.get("answer", ""))) for r in generated)
    dropped = sum(int(r.get("dropped_sentences") or 0) for r in responses)
    citations = [c for r in generated for c in r.get("citations", [])]
    return {
        "generated_share": rate(r in generated for r in responses),
        "dropped_share": dropped / (dropped + kept) if dropped + kept else None,
        "verified_share": rate(bool(c.get("verified")) for c in citations),
        "backend_errors": rate(bool(r.get("error")) for r in responses),
    }
