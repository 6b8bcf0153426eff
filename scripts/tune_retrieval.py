"""Measure each retrieval stage on an eval set over a built index, to keep only what helps.

Usage: .venv/bin/python scripts/tune_retrieval.py --data-dir DIR --questions ../shared/eval/news-dev/questions.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

from assistant.answer.refusal import should_refuse, support
from assistant.factory import build_service
from assistant.retrieval.candidates import Candidate, gather
from assistant.retrieval.diversity import diversify
from assistant.retrieval.pipeline import FOCUS_CHUNKS
from assistant.retrieval.rerank import RerankWeights, rerank
from assistant.retrieval.windows import TYPE_WEIGHT, focus
from assistant.service import AnswerService
from assistant.settings import load_settings
from index.lexical import LexicalIndex, terms


def em_at(passages: list[str], gold: str, words: int) -> bool:
    """Gold string within the first `words` words of the passages in rank order."""
    text = " ".join(" ".join(passages).split()[:words]).lower()
    return " ".join(gold.lower().split()) in text


def evaluate(
    cached: list[tuple[str, list[Candidate]]], weights: RerankWeights, decay: float, k: int = 10, article: float = 0.0
) -> dict:
    """EM@100w/300w and R@5 for one configuration of rerank weights, article evidence and diversity."""
    hits = {"em100": 0, "em300": 0, "r5": 0}
    for gold, candidates in cached:
        best: dict[str, float] = {}
        for c in candidates:
            c.score = weights.score(c.features)
            best[c.chunk.article_id] = max(best.get(c.chunk.article_id, 0.0), c.score)
        for c in candidates:
            c.score += article * best[c.chunk.article_id]
        ranked = sorted(candidates, key=lambda c: c.score, reverse=True)
        top = diversify(ranked, k, decay) if decay < 1 else ranked[:k]
        texts = [c.chunk.text for c in top]
        hits["em100"] += em_at(texts, gold, 100)
        hits["em300"] += em_at(texts, gold, 300)
        hits["r5"] += any(gold.lower() in t.lower() for t in texts[:5])
    return {key: round(v / len(cached), 3) for key, v in hits.items()}


def candidates_for(service: AnswerService, question: str, depth: int, as_of: str = "") -> list[Candidate]:
    """Reranked candidates of one question asked on day as_of, features filled in."""
    retriever = service.retriever
    lexical = retriever.lexical()
    vector = retriever.embed_query(question)
    qterms = terms(question)
    cands = gather(service.handles.store, service.handles.vectors, lexical, vector, qterms, depth, None, None)
    day = dt.date.fromisoformat(as_of) if as_of else None
    return rerank(cands, qterms, lexical.idf, RerankWeights(), day, question)


def refusal_report(service: AnswerService, cached: list, unanswerable: Path, depth: int) -> None:
    """Support of the best passage for answerable vs. off-topic questions, and the refusal rates."""
    off = [json.loads(line)["question"] for line in unanswerable.open() if line.strip()]
    off_cands = [candidates_for(service, q, depth) for q in off]
    on_cands = [sorted(c, key=lambda x: x.score, reverse=True) for _, c in cached]
    for name, group, texts in (("answerable", on_cands, QUERIES), ("unanswerable", off_cands, off)):
        best = [max(c[:5], key=support) for c in group if c]
        dense = sorted(b.dense for b in best)
        cov = sorted(b.features["coverage"] for b in best)
        sup = sorted(support(b) for b in best)
        pct = [5, 10, 50, 90, 95]
        refused = sum(should_refuse(c, q) for c, q in zip(group, texts, strict=True))
        print(f"{name}: refused {refused / len(group):.3f}")
        for label, values in (("dense", dense), ("coverage", cov), ("support", sup)):
            print(f"  {label:9s}", [round(values[min(len(values) - 1, len(values) * p // 100)], 3) for p in pct])
    calibrate(on_cands, off_cands)


def calibrate(on: list[list[Candidate]], off: list[list[Candidate]], max_false: float = 0.05) -> None:
    """The linear rule dense + w*coverage >= t refusing the most off-topic questions at <= 5% answerable refused."""
    def best_pairs(group: list[list[Candidate]]) -> list[tuple[float, float]]:
        return [max((c.dense, c.features["coverage"]) for c in cands[:5]) if cands else (0.0, 0.0) for cands in group]

    pos, neg = best_pairs(on), best_pairs(off)
    results = []
    for w in (0.0, 0.25, 0.5, 0.75, 1.0, 1.5):
        scores = sorted(d + w * c for d, c in pos)
        t = scores[int(len(scores) * max_false)]  # refuse at most 5% of answerable questions
        refused_off = sum(d + w * c < t for d, c in neg) / len(neg)
        results.append((refused_off, w, t))
        print(f"  w={w:.2f} t={t:.3f}: answerable refused <= {max_false:.0%}, off-topic refused {refused_off:.3f}")
    print("  best:", max(results))


def windows_eval(service: AnswerService, cached: list, k: int = 10, type_weight: float = TYPE_WEIGHT) -> dict:
    """EM when the passages are the best sentence windows of the top chunks (what the product returns)."""
    hits = {"em100": 0, "em300": 0}
    for (gold, candidates), query, query_idf in zip(cached, QUERIES, QUERY_IDF, strict=True):
        chunks = diversify(sorted(candidates, key=lambda c: c.score, reverse=True), FOCUS_CHUNKS, 0.85)
        texts = [w.chunk.text for w in focus(chunks, query, query_idf, k, FOCUS_CHUNKS, type_weight=type_weight)]
        hits["em100"] += em_at(texts, gold, 100)
        hits["em300"] += em_at(texts, gold, 300)
    return {key: round(v / len(cached), 3) for key, v in hits.items()}


QUERIES: list[str] = []
QUERY_IDF: list[dict[str, float]] = []


def main() -> None:
    """Cache candidates once, then score many configurations."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--depth", type=int, default=40)
    parser.add_argument("--rebuild-lexical", action="store_true", help="BM25 from the store, in memory")
    parser.add_argument("--indexed-only", action="store_true", help="only weeks fully indexed (partial build)")
    parser.add_argument(
        "--unanswerable", type=Path, default=Path(__file__).parent / "evaluation" / "unanswerable.jsonl"
    )
    args = parser.parse_args()
    service = build_service(load_settings(data_dir=args.data_dir))
    if args.rebuild_lexical:  # a partial index (build still running) has no published BM25 yet
        service.retriever._lexical = LexicalIndex.build(*service.handles.store.all_terms())
        service.retriever._lexical_gen = int(service.handles.store.get_meta("lexical_generation", "-1"))
    newest = None
    if args.indexed_only:  # feeds are in week order: weeks before the newest indexed one are complete
        with sqlite3.connect(args.data_dir / "articles.sqlite3") as db:
            newest = db.execute("SELECT MAX(date) FROM articles").fetchone()[0]
    questions = [json.loads(line) for line in args.questions.open() if line.strip()]
    questions = [q for q in questions if q.get("answerable")]
    if newest is not None:
        questions = [q for q in questions if q["date"] < newest]
    cached = []
    started = time.perf_counter()
    for q in questions:
        cached.append((q["answer"], candidates_for(service, q["question"], args.depth, q.get("date", ""))))
        QUERIES.append(q["question"])
        QUERY_IDF.append({t: service.retriever.lexical().idf(t) for t in set(terms(q["question"]))})
    print(f"{len(cached)} questions, candidates in {time.perf_counter() - started:.1f}s")
    base = RerankWeights(dense=1.0, lexical=0.0, coverage=0.0, recency=0.0, rrf=0.0, answer_type=0.0)
    configs = {
        "dense only": (base, 1.0),
        "bm25 only": (replace(base, dense=0.0, lexical=1.0), 1.0),
        "rrf(dense, bm25)": (replace(base, dense=0.0, rrf=1.0), 1.0),
        "dense + bm25": (replace(base, lexical=0.35), 1.0),
        "dense + bm25 + coverage": (RerankWeights(recency=0.0, answer_type=0.0), 1.0),
        "+ recency": (RerankWeights(answer_type=0.0), 1.0),
        "+ answer type (default)": (RerankWeights(), 1.0),
        "default + diversity 0.85": (RerankWeights(), 0.85),
    }
    for name, (weights, decay) in configs.items():
        print(f"{name:36s} {evaluate(cached, weights, decay)}")
    evaluate(cached, RerankWeights(), 0.85)
    print(f"{'default + diversity + windows':36s} {windows_eval(service, cached, type_weight=0.0)}")
    print(f"{'+ window answer type (default)':36s} {windows_eval(service, cached)}")
    for weight in (0.15, 0.5, 0.8):
        print(f"  answer type {weight:.2f} {windows_eval(service, cached, type_weight=weight)}")
    refusal_report(service, cached, args.unanswerable, args.depth)
    print("grid (lexical, coverage):")
    for lex in (0.2, 0.35, 0.5):
        for cov in (0.2, 0.35, 0.5):
            weights = replace(RerankWeights(), lexical=lex, coverage=cov)
            print(f"  {lex:.2f} {cov:.2f} {evaluate(cached, weights, 0.85)}")
    print("grid (chunk answer type weight, windows):")
    for typ in (0.1, 0.2, 0.4):
        evaluate(cached, replace(RerankWeights(), answer_type=typ), 0.85)
        print(f"  {typ:.2f} {windows_eval(service, cached)}")
    print("grid (recency weight):")
    for rec in (0.0, 0.15, 0.3, 0.45):
        print(f"  {rec:.2f} {evaluate(cached, replace(RerankWeights(), recency=rec), 0.85)}")


if __name__ == "__main__":
    main()
