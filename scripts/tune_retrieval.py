"""Measure each retrieval and answer stage on an eval set over a built index, to keep only what helps.

Usage: .venv/bin/python scripts/tune_retrieval.py --data-dir DIR [--set news-dev] [--shared ../shared]
(DIR holds the set's index, e.g. from `make eval EVAL=news-dev` with --data-dir DIR.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from dataclasses import dataclass, replace
from pathlib import Path

from evaluation import data
from evaluation.metrics import answer_hit, em_at_words

from assistant.answer.extractive import select_quotes
from assistant.answer.refusal import RefusalPolicy, out_of_scope, should_refuse, topic_score
from assistant.factory import build_service
from assistant.retrieval.candidates import Candidate, gather
from assistant.retrieval.diversity import diversify
from assistant.retrieval.pipeline import FOCUS_CHUNKS
from assistant.retrieval.rerank import RerankWeights, rerank
from assistant.retrieval.windows import WINDOW_WORDS, WindowWeights, focus
from assistant.service import AnswerService
from assistant.settings import load_settings
from index.lexical import terms

K = 15  # passages per question: 15 windows of up to 25 words span the 300 words EM@300w reads
# The window score before the refit: the chunk's whole score plus the window's terms, over 50-word windows.
OLD_WINDOWS = WindowWeights(
    lexical=0.35, coverage=0.35, recency=0.3, answer_type=0.2, window_coverage=0.5, window_novelty=0.2, window_type=0.3
)


@dataclass
class Case:
    """One question with its candidates cached once (features filled in), so many configurations are cheap."""

    question: str
    gold: str | None  # None for the written off-topic questions
    idf: dict[str, float]
    candidates: list[Candidate]


def chunks_of(case: Case, weights: RerankWeights, decay: float = 0.85) -> list[Candidate]:
    """The top chunks under one configuration of rerank weights and diversity."""
    for c in case.candidates:
        c.score = weights.score(c.features)
    ranked = sorted(case.candidates, key=lambda c: c.score, reverse=True)
    return diversify(ranked, FOCUS_CHUNKS, decay) if decay < 1 else ranked[:FOCUS_CHUNKS]


def chunk_stage(cases: list[Case], weights: RerankWeights, decay: float) -> dict:
    """EM@100w/300w when the passages are whole chunks."""
    texts = [[c.chunk.text for c in chunks_of(case, weights, decay)] for case in cases]
    return _em(cases, texts)


def window_stage(cases: list[Case], windows: WindowWeights, max_words: int = WINDOW_WORDS) -> dict:
    """EM@100w/300w when the passages are the best sentence windows of the top chunks (what the product returns)."""
    texts = [
        [w.chunk.text for w in focus(chunks_of(case, RerankWeights()), case.question, case.idf, K, FOCUS_CHUNKS,
                                     max_words, windows)]
        for case in cases
    ]  # fmt: skip
    return _em(cases, texts)


def _em(cases: list[Case], texts: list[list[str]]) -> dict:
    hits = {"em100": 0, "em300": 0}
    for case, passages in zip(cases, texts, strict=True):
        assert case.gold is not None
        hits["em100"] += em_at_words(passages, case.gold, 100)
        hits["em300"] += em_at_words(passages, case.gold, 300)
    return {key: round(v / len(cases), 3) for key, v in hits.items()}


def answer_stage(cases: list[Case], max_sentences: int = 4) -> dict:
    """The extractive answer: gold-in-answer share, mean words, and refusals, as the service makes them."""
    hit = words = refused = 0
    for case in cases:
        chunks = chunks_of(case, RerankWeights())
        if should_refuse(chunks, case.question):
            refused += 1
            continue
        passages = focus(chunks, case.question, case.idf, K, FOCUS_CHUNKS)
        answer = " ".join(q.text for q in select_quotes(passages, max_sentences))
        hit += answer_hit(answer, case.gold or "")
        words += len(answer.split())
    n, answered = len(cases), max(1, len(cases) - refused)
    return {"hit": round(hit / n, 3), "words": round(words / answered, 1), "refused": round(refused / n, 3)}


def refuses(case: Case, policy: RefusalPolicy) -> bool:
    """The shared rule over the case's top chunks."""
    return should_refuse(chunks_of(case, RerankWeights()), case.question, policy)


def refusal_stage(on: list[Case], off: list[Case]) -> None:
    """Refusal rates of the shared rule and its variants, on answerable and off-topic questions."""
    base = RefusalPolicy()
    variants = {
        "default": base,
        "cosine only (coverage_weight 0, min_topic 0.38)": replace(base, coverage_weight=0.0, min_topic=0.38),
        **{f"min_topic {t}": replace(base, min_topic=t) for t in (0.5, 0.7)},
        "no constraint check": replace(base, check_constraints=False),
    }
    for name, policy in variants.items():
        rates = [sum(refuses(c, policy) for c in group) / len(group) for group in (on, off)]
        print(f"  {name:42s} answerable refused {rates[0]:.3f}, off-topic refused {rates[1]:.3f}")
    missed = [c.question for c in off if not refuses(c, base)]
    print("  off-topic answered:", missed)
    for name, group in (("answerable", on), ("off-topic", off)):
        best = sorted(topic_score(chunks_of(c, RerankWeights())) for c in group if not out_of_scope(c.question))
        pct = [5, 10, 50, 90]
        print(f"  {name}: topic score p5/10/50/90 {[round(best[len(best) * p // 100], 3) for p in pct]}")


def cache(service: AnswerService, question: str, gold: str | None, depth: int, as_of: str = "") -> Case:
    """Candidates of one question asked on day as_of, reranked with the default weights (features filled in)."""
    retriever = service.retriever
    lexical = retriever.lexical()
    vector = retriever.embed_query(question)
    qterms = terms(question)
    cands = gather(service.handles.store, service.handles.vectors, lexical, vector, qterms, depth, None, None)
    day = dt.date.fromisoformat(as_of) if as_of else None
    ranked = rerank(cands, qterms, lexical.idf, RerankWeights(), day, question)
    return Case(question, gold, {t: lexical.idf(t) for t in set(qterms)}, ranked)


def main() -> None:
    """Cache candidates once, then score the stages and their ablations."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True, help="the set's built index")
    parser.add_argument("--set", dest="set_name", default="news-dev")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--depth", type=int, default=40)
    args = parser.parse_args()
    eval_set = data.find_eval_set(args.shared.resolve(), args.set_name)
    service = build_service(load_settings(data_dir=args.data_dir))
    started = time.perf_counter()
    on = [cache(service, q.question, q.gold, args.depth, q.asked_on) for q in data.load_answerable(eval_set)]
    # The eval's own rule: an off-topic question whose answer this corpus holds is left out.
    unanswerable, _ = data.without_answers_in(data.load_unanswerable(), data.load_corpus(eval_set))
    off = [cache(service, q.question, None, args.depth) for q in unanswerable]
    print(f"{len(on)} answerable, {len(off)} off-topic questions, candidates in {time.perf_counter() - started:.1f}s")
    base = RerankWeights(dense=1.0, lexical=0.0, coverage=0.0, recency=0.0, rrf=0.0, answer_type=0.0)
    print("chunks (EM@100w/300w of whole chunks):")
    for name, (weights, decay) in {
        "dense only": (base, 1.0),
        "bm25 only": (replace(base, dense=0.0, lexical=1.0), 1.0),
        "rrf(dense, bm25)": (replace(base, dense=0.0, rrf=1.0), 1.0),
        "dense + bm25": (replace(base, lexical=0.35), 1.0),
        "dense + bm25 + coverage": (RerankWeights(recency=0.0, answer_type=0.0), 1.0),
        "+ recency": (RerankWeights(answer_type=0.0), 1.0),
        "+ answer type": (RerankWeights(), 1.0),
        "+ diversity 0.85 (default)": (RerankWeights(), 0.85),
    }.items():
        print(f"  {name:38s} {chunk_stage(on, weights, decay)}")
    print("windows (the returned passages):")
    rows = {
        "50-word windows, chunk score + window": (OLD_WINDOWS, 50),
        "25-word windows, chunk score + window": (OLD_WINDOWS, WINDOW_WORDS),
        "25-word windows, the fit (BM25 0.6, no chunk coverage)": (replace(WindowWeights(), lexical=0.6, coverage=0.0),
                                                                   WINDOW_WORDS),
        "25-word windows, WindowWeights (default)": (WindowWeights(), WINDOW_WORDS),
        "  without window answer type": (replace(WindowWeights(), window_type=0.0), WINDOW_WORDS),
        "  without recency": (replace(WindowWeights(), recency=0.0), WINDOW_WORDS),
    }  # fmt: skip
    for name, (windows, words) in rows.items():
        print(f"  {name:56s} {window_stage(on, windows, words)}")
    print("answers:")
    for sentences in (3, 4, 5):
        print(f"  up to {sentences} sentences, 80 words  {answer_stage(on, sentences)}")
    print("refusals:")
    refusal_stage(on, off)


if __name__ == "__main__":
    main()
