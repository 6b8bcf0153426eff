"""Each answer stage's contribution on an eval set over a built index: the refusal rule's parts and the lead ranker.

Usage: .venv/bin/python scripts/answer_ablation.py --data-dir DIR [--set news-dev] [--shared ../shared]
Every question is retrieved once (as the eval asks it: top-k 15, as of its quiz day); the stages are then
switched on one at a time. Columns: lead hit and answer hit over answerable questions (a refusal is a miss),
mean words of the answers given, answerable refused, on-topic unanswerable answered (the written set, and the set's
own questions whose answer no article holds), off-topic refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from evaluation import data
from evaluation.metrics import contains_gold

from assistant.answer.config import RefusalPolicy
from assistant.answer.extractive import select_quotes
from assistant.answer.gate import answering
from assistant.answer.lead import compose, ranked_sentences
from assistant.answer.reading import Reading
from assistant.answer.refusal import article_support, decide, out_of_scope
from assistant.factory import build_service
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval

K = 15
# The sentence gates as the thirteenth pass shipped them (reports/issue-13.md; the fourteenth and twentieth passes add
# the rest).
EARLIER = replace(
    RefusalPolicy(), min_word_cosine=None, residue_leads=False, typed_names=False, rare_name_share=None,
    topic_nouns=False,
)


def corroboration_rule(chunks: list[Candidate], question: str) -> bool:
    """The refusal rule before issue 13 (commit 83839b9), kept here only to measure against: cosine thresholds,
    full term coverage, and a second article required for a middling passage once 10+ articles are in play."""
    if not chunks:
        return True
    support = article_support(chunks)
    best, second = support[0], (support[1] if len(support) > 1 else 0.0)
    if out_of_scope(question):
        return best < 0.55
    if best >= 0.5 or any(c.features.get("coverage", 0.0) >= 0.9 for c in chunks[:5]):
        return False
    if best < 0.38:
        return True
    return len(support) >= 10 and second < 0.38


@dataclass
class Case:
    """One question's retrieval and both answers, computed once."""

    kind: str  # answerable, off_topic, on_topic, quiz_unanswerable
    gold: str
    retrieval: Retrieval
    rank_order: list[str]
    lead: list[str]
    timed: Retrieval | None = None  # retrieved with time expressions as date filters
    timed_lead: list[str] | None = None
    lead_prob: float | None = 0.0  # the learned ranker's best sentence (None: not about the question): the gate
    lead_prob_any: float | None = 0.0  # the same, whether or not that sentence is about the question
    lead_prob_residue: float | None = 0.0  # the same, and 0 when it is far from what is asked beyond the names
    closest_clause: float = 0.0  # the best clause cosine of the top sentences: a topic the chunks miss
    earlier: list[str] | None = None  # the lead and gate of the thirteenth pass: no kind held about another story,
    earlier_prob: float | None = 0.0  # no short rest's words, no later sentence leading for the residue test
    common_prob: float | None = 0.0  # the shipped gate without the rare-name test (rare_name_share None)
    named_prob: float | None = 0.0  # the shipped gate without the topic nouns of a question naming nothing


def cases(service, timed_service, eval_set: data.EvalSet) -> list[Case]:  # type: ignore[no-untyped-def]
    """Retrieve every question of the three groups once."""
    groups = data.question_groups(eval_set)
    out = []
    for kind, questions in groups.items():
        for q in questions:
            day = dt.date.fromisoformat(q.asked_on) if q.asked_on else None
            r = service.retrieve(q.question, top_k=K, as_of=day)
            rank_order = [x.text for x in select_quotes(r.passages)]
            text = service.handles.store.get_text  # the rare names' story is read over whole articles, as shipped
            reading = Reading(r, service.handles.embedder, article_text=text)
            scored = reading.scored
            t = timed_service.retrieve(q.question, top_k=K, as_of=day)
            timed_lead = [x.text for x in compose(ranked_sentences(t, service.handles.embedder))]
            prob = answering(scored, r.query, clause_cosine=reading.clause_cosine)
            anyway = answering(scored, r.query, replace(RefusalPolicy(), min_lead_cosine=-1.0))
            residue = reading.answering()  # the shipped gate, residue test included; a typed sentence may now lead
            lead = [x.text for x in compose(scored, about=reading.supports)]  # as shipped: support about the question
            closest = reading.closest_clause(RefusalPolicy().topic_sentences)
            before = Reading(r, service.handles.embedder, refusal=EARLIER)
            earlier_prob = before.answering()
            earlier = [x.text for x in compose(before.scored)]
            no_rare = replace(RefusalPolicy(), rare_name_share=None, topic_nouns=False)
            common = Reading(r, service.handles.embedder, refusal=no_rare, article_text=text)
            no_topic = replace(RefusalPolicy(), topic_nouns=False)
            named = Reading(r, service.handles.embedder, refusal=no_topic, article_text=text)
            out.append(Case(
                kind, q.gold, r, rank_order, lead, t, timed_lead, prob, anyway, residue, closest, earlier, earlier_prob,
                common.answering(), named.answering(),
            ))  # fmt: skip
    return out


def row(all_cases: list[Case], refuses: Callable[[Case], bool], answer: Callable[[Case], list[str]]) -> str:
    """One line of the table."""
    def share(flags: list[bool]) -> str:
        return f"{sum(flags) / len(flags):.3f}" if flags else "n/a"

    ans = [c for c in all_cases if c.kind == "answerable"]
    given = [(c, answer(c)) for c in ans if not refuses(c)]
    words = [len(" ".join(t).split()) for _, t in given]
    cells = [
        share([not refuses(c) and bool(answer(c)) and contains_gold(answer(c)[0], c.gold) for c in ans]),
        share([not refuses(c) and contains_gold(" ".join(answer(c)), c.gold) for c in ans]),
        f"{sum(words) / len(words):.1f}" if words else "n/a",
        share([refuses(c) for c in ans]),
        share([not refuses(c) for c in all_cases if c.kind == "on_topic"]),
        share([not refuses(c) for c in all_cases if c.kind == "quiz_unanswerable"]),
        share([refuses(c) for c in all_cases if c.kind == "off_topic"]),
    ]
    return " | ".join(cells)


def main() -> None:
    """Retrieve once, then print the ablation table as markdown."""
    args = data.index_arguments().parse_args()
    from assistant.settings import load_settings

    service = build_service(load_settings(data_dir=args.data_dir))
    timed = build_service(load_settings(data_dir=args.data_dir, time_filters=True))
    all_cases = cases(service, timed, data.find_eval_set(args.shared.resolve(), args.set_name))
    kinds = ("answerable", "on_topic", "off_topic", "quiz_unanswerable")
    counts = {k: sum(c.kind == k for c in all_cases) for k in kinds}
    base = RefusalPolicy()

    def new_rule(policy: RefusalPolicy) -> Callable[[Case], bool]:
        return lambda c: decide(c.retrieval.chunks, c.retrieval.query, policy).refused

    def gated(
        policy: RefusalPolicy,
        about: bool = True,
        residue: bool = True,
        earlier: bool = False,
        rare: bool = True,
        topic: bool = True,
    ) -> Callable[[Case], bool]:
        def refuses(c: Case) -> bool:
            prob = (c.lead_prob_residue if residue else c.lead_prob) if about else c.lead_prob_any
            prob = c.earlier_prob if earlier else (prob if topic else c.named_prob) if rare else c.common_prob
            closest = c.closest_clause
            return decide(
                c.retrieval.chunks, c.retrieval.query, policy, answer=lambda: prob, closest_clause=lambda: closest
            ).refused

        return refuses

    def old(c: Case) -> bool:
        return corroboration_rule(c.retrieval.chunks, c.retrieval.query)

    def rank_order(c: Case) -> list[str]:
        return c.rank_order

    def lead(c: Case) -> list[str]:
        return c.lead

    def earlier_lead(c: Case) -> list[str]:
        return c.earlier or []

    def timed_refusal(c: Case) -> bool:
        assert c.timed is not None
        return decide(c.timed.chunks, c.timed.query, base).refused

    def timed_lead(c: Case) -> list[str]:
        return c.timed_lead or []

    rows = {
        "before: cosine + corroboration refusal, rank-order quotes": (old, rank_order),
        "topic score instead (no corroboration, no constraint check)": (
            new_rule(replace(base, check_constraints=False)), rank_order),
        "+ constraint check (not_stated)": (new_rule(base), rank_order),
        "+ learned lead": (new_rule(base), lead),
        "+ no_answer gate: the best sentence likely enough to answer": (gated(base, about=False), lead),
        "+ and about the question: its cosine, a clause's, or every term stated": (gated(base, residue=False), lead),
        "+ and about what it asks beyond its names": (gated(base, earlier=True), earlier_lead),
        "+ the asked kind in a chunk naming the names, a short rest's words, the next sentence for the residue test":
            (gated(base, rare=False), lead),
        "+ a rare name stated by the chunk or article of one of the best sentences":
            (gated(base, topic=False), lead),
        "+ a question naming nothing answered from an article writing its nouns (default: all stages)":
            (gated(base), lead),
        "learned lead alone (old refusal)": (old, lead),
        "all stages + time expressions as date filters": (timed_refusal, timed_lead),
    }  # fmt: skip
    timed_share = sum(c.timed is not None and c.timed.applied_filters is not None for c in all_cases) / len(all_cases)
    print(f"time filters applied to {timed_share:.1%} of the questions")
    print(f"{args.set_name}: {counts['answerable']} answerable, {counts['on_topic']} on-topic unanswerable (written), "
          f"{counts['quiz_unanswerable']} of the set's own whose answer no article holds, "
          f"{counts['off_topic']} off-topic questions")  # fmt: skip
    print("| stages | lead hit | answer hit | words | answerable refused | on-topic answered"
          " | set's unanswerable answered | off-topic refused |")
    print("|---|---|---|---|---|---|---|---|")
    for name, (refuses, answer) in rows.items():
        print(f"| {name} | {row(all_cases, refuses, answer)} |")


if __name__ == "__main__":
    main()
