"""Calibrate the refusal rule's topic thresholds and the lead sentence's cosine on an eval set's answerable
questions and the written off-topic set, cross-validated by week; the on-topic unanswerable set is never used here
(it is reported, not tuned on).

Usage: .venv/bin/python scripts/calibrate_refusal.py --data-dir DIR [--set news-dev] [--shared ../shared]
Objective per fold: the fewest answerable questions refused while at least 95% of the off-topic ones are; where no
grid point gets there, the fewest answerable refused plus off-topic answered (both as rates).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

from evaluation import data

from assistant.answer.config import RefusalPolicy
from assistant.answer.constraints import Constraints
from assistant.answer.gate import answering
from assistant.answer.reading import Reading
from assistant.answer.refusal import decide, out_of_scope, topic_score
from assistant.factory import build_service
from assistant.retrieval.pipeline import Retrieval
from assistant.settings import load_settings

K = 15
GRID = {
    "coverage_weight": (0.25, 0.5, 0.75, 1.0),
    "min_topic": (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8),
    "min_topic_generic": (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1),
    "min_lead_cosine": (-1.0, 0.2, 0.25, 0.3, 0.35),
    "min_clause_cosine": (0.45, 0.55, 9.0),
}
MIN_OFF_TOPIC_REFUSED = 0.95


class Case:
    """What the rule reads of one question, worked out once: the grid then costs only arithmetic."""

    def __init__(self, week: str, r: Retrieval, reading: Reading) -> None:
        self.week = week
        self.query = r.query
        self.reading = reading  # the lead ranker's sentences, each clause embedded once however often the grid asks
        self.fixed = decide(r.chunks, r.query).refused if out_of_scope(r.query) or not r.chunks else None
        self.specific = bool(Constraints.of(r.query))
        always = replace(RefusalPolicy(), min_topic=-9.0, min_topic_generic=-9.0)
        self.missing = decide(r.chunks, r.query, always).refused  # a specific no top chunk states
        self.topic = {w: topic_score(r.chunks, replace(RefusalPolicy(), coverage_weight=w))
                      for w in GRID["coverage_weight"]}  # fmt: skip

    def refused(self, p: RefusalPolicy) -> bool:
        if self.fixed is not None:
            return self.fixed
        if self.missing:
            return True
        if self.topic[p.coverage_weight] < (p.min_topic if self.specific else p.min_topic_generic) and not (
            self.specific  # and nothing missing (above): decide()'s clause that shows a topic the chunks miss
            and self.reading.closest_clause(p.topic_sentences) >= p.min_clause_cosine
        ):
            return True
        r = self.reading
        return (answering(r.scored, self.query, p, r.clause_cosine, r.residue_cosine) or 0.0) < p.min_answer


def refused(cases: list[Case], policy: RefusalPolicy) -> float:
    """Share of the cases the rule refuses."""
    return sum(c.refused(policy) for c in cases) / max(1, len(cases))


def grid(on: list[Case], off: list[Case]) -> list[tuple[float, float, RefusalPolicy]]:
    """Every grid point with its answerable and off-topic refusal rates."""
    policies = [replace(RefusalPolicy(), **dict(zip(GRID, v, strict=True))) for v in itertools.product(*GRID.values())]
    return [(refused(on, p), refused(off, p), p) for p in policies]


def best_policy(points: list[tuple[float, float, RefusalPolicy]]) -> RefusalPolicy:
    """The point with the fewest answerable refused among those refusing enough off-topic questions; where none
    does, the fewest answerable refused plus off-topic answered."""
    enough = [p for p in points if p[1] >= MIN_OFF_TOPIC_REFUSED]
    if enough:
        return min(enough, key=lambda p: p[0])[2]
    return min(points, key=lambda p: p[0] + 1.0 - p[1])[2] if points else RefusalPolicy()


def frontier(points: list[tuple[float, float, RefusalPolicy]]) -> list[tuple[float, float, RefusalPolicy]]:
    """The points no other point beats on both rates: the trade the thresholds choose along."""
    best_off, out = -1.0, []
    for cost, off_rate, policy in sorted(points, key=lambda p: (p[0], -p[1])):
        if off_rate > best_off:
            best_off = off_rate
            out.append((cost, off_rate, policy))
    return out


def main() -> None:
    """Retrieve once, then pick thresholds per held-out week and over all weeks."""
    args = data.index_arguments().parse_args()
    eval_set = data.find_eval_set(args.shared.resolve(), args.set_name)
    service = build_service(load_settings(data_dir=args.data_dir))

    def ask(q: data.Question) -> Case:
        day = dt.date.fromisoformat(q.asked_on) if q.asked_on else None
        r = service.retrieve(q.question, top_k=K, as_of=day)
        knobs = service.settings.answer  # the sentences in the shipped order (a near tie is ordered by the defaults)
        reading = Reading(r, service.handles.embedder, knobs.lead, knobs.refusal, service.handles.store.get_text)
        return Case(q.asked_on, r, reading)

    on = [ask(q) for q in data.load_answerable(eval_set)]
    off = [ask(q) for q in data.without_answers_in(data.load_unanswerable(), data.load_corpus(eval_set))[0]]
    weeks = sorted({c.week for c in on})
    held = 0.0
    for week in weeks if len(weeks) > 1 else []:
        policy = best_policy(grid([c for c in on if c.week != week], off))
        test = [c for c in on if c.week == week]
        held += refused(test, policy) * len(test)
        print(week, {k: getattr(policy, k) for k in GRID}, f"held-out answerable refused {refused(test, policy):.3f}")
    if len(weeks) > 1:
        print(f"held-out weeks: answerable refused {held / len(on):.3f}")
    points = grid(on, off)
    policy = best_policy(points)
    print("all weeks:", {k: getattr(policy, k) for k in GRID},
          f"answerable refused {refused(on, policy):.3f}, off-topic refused {refused(off, policy):.3f}")  # fmt: skip
    print("frontier (all weeks): answerable refused, off-topic refused, policy")
    for cost, off_rate, point in frontier(points):
        print(f"  {cost:.3f} {off_rate:.3f}", {k: getattr(point, k) for k in GRID})
    default = RefusalPolicy()
    print("current default:", {k: getattr(default, k) for k in GRID},
          f"answerable refused {refused(on, default):.3f}, off-topic refused {refused(off, default):.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
