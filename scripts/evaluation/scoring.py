"""Turning raw responses and rankings into report columns, with one rule set for every system."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from evaluation import metrics
from evaluation.baselines import BaselineRun
from evaluation.data import Question
from evaluation.report import SystemResult


def _gold(questions: Sequence[Question]) -> dict[str, str]:
    """Gold strings by question id."""
    return {q.id: q.gold for q in questions}


def score_baseline(run: BaselineRun, answerable: Sequence[Question]) -> SystemResult:
    """Retrieval-only columns: baselines have no answers, refusals, citations or CLI latency."""
    gold = _gold(answerable)
    return SystemResult(
        run.name,
        metrics.retrieval_scores(run.ranked, gold),
        metrics.em_curve(run.ranked, gold),
        [f"{run.name}: {run.passages} passages, top {run.top_k} per question."],
    )


def _latencies(responses: Mapping[str, Mapping[str, Any]]) -> list[float]:
    """timings_ms.total of every response that reports one."""
    values: list[float] = []
    for r in responses.values():
        total = (r.get("timings_ms") or {}).get("total")
        if isinstance(total, int | float):
            values.append(float(total))
    return values


def score_project(
    name: str,
    responses: Mapping[str, Mapping[str, Any]],
    answerable: Sequence[Question],
    unanswerable: Sequence[Question],
    get_text: Callable[[str], str | None] | None,
    on_topic: Sequence[Question] = (),
    as_asked: set[str] | None = None,
    quiz_unanswerable: Sequence[Question] = (),
) -> SystemResult:
    """All columns for the system under test; a missing response counts as a miss, never as skipped."""
    gold = _gold(answerable)
    ranked = {qid: metrics.passage_texts(r) for qid, r in responses.items() if qid in gold}
    scores = metrics.retrieval_scores(ranked, gold)
    ans = [responses.get(q.id, {}) for q in answerable]
    unans = [responses[q.id] for q in unanswerable if q.id in responses]
    scores["answer_hit"] = metrics.rate(
        metrics.answer_hit(str(r.get("answer", "")), q.gold) for r, q in zip(ans, answerable, strict=True)
    )
    scores["lead_hit"] = metrics.rate(
        metrics.lead_hit(str(r.get("answer", "")), q.gold) for r, q in zip(ans, answerable, strict=True)
    )
    scores["answer_words"] = metrics.mean(metrics.word_count(str(r.get("answer", ""))) for r in ans)
    scores["refusal_answerable"] = metrics.refusal_rate(ans)
    if as_asked is not None:
        scores["refusal_as_asked"] = metrics.refusal_rate(
            [r for r, q in zip(ans, answerable, strict=True) if q.id in as_asked]
        )
    scores["refusal_unanswerable"] = metrics.refusal_rate(unans)
    on = [responses[q.id] for q in on_topic if q.id in responses]
    scores["on_topic_answered"] = metrics.rate(not r.get("refused", False) for r in on)
    quiz = [responses[q.id] for q in quiz_unanswerable if q.id in responses]
    scores["quiz_unanswerable_answered"] = metrics.rate(not r.get("refused", False) for r in quiz)
    notes: list[str] = []
    if get_text is not None:
        validity, n_citations = metrics.citation_validity(responses.values(), get_text)
        scores["citation_validity"] = validity
        notes.append(f"{name}: {n_citations} citations checked against the article store.")
    if any(r.get("mode", "extractive") != "extractive" or r.get("dropped_sentences") for r in responses.values()):
        scores |= metrics.generation_scores([*ans, *unans])
    latencies = _latencies(responses)
    scores["latency_p50_ms"] = metrics.percentile(latencies, 50)
    scores["latency_p95_ms"] = metrics.percentile(latencies, 95)
    answered = _latencies({q.id: r for q, r in zip(answerable, ans, strict=True) if not r.get("refused")})
    scores["latency_p50_answered_ms"] = metrics.percentile(answered, 50)  # refusals skip generation
    notes.append(
        f"{name}: latency over {len(latencies)} queries (answerable and unanswerable), timings_ms.total; "
        f"max {max(latencies, default=0.0):.0f} ms (the first query usually pays for model loading)."
    )
    missing = [q.id for q in [*answerable, *unanswerable, *on_topic, *quiz_unanswerable] if q.id not in responses]
    if missing:
        notes.append(
            f"{name}: **{len(missing)} question(s) got no response** (scored as misses): "
            + ", ".join(missing[:10])
        )
    return SystemResult(name, scores, metrics.em_curve(ranked, gold), notes)
