"""Measure the shipped retrieval and answer stages on an eval set over a built index, under Settings overrides.

Every row asks the pipeline that ships (AnswerService over the set's index) with some knobs of
`settings.retrieval` overridden, so what is tuned is what runs; nothing of the pipeline is copied here.

Usage: .venv/bin/python scripts/tune_retrieval.py --data-dir DIR [--set news-dev] [--shared ../shared] [--limit N]
(DIR holds the set's index, e.g. from `make eval EVAL=news-dev` with --data-dir DIR.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from evaluation import data
from evaluation.metrics import answer_hit, em_at_words

from assistant.answer.config import RefusalPolicy
from assistant.answer.refusal import decide, out_of_scope, topic_score
from assistant.factory import build_service
from assistant.retrieval.config import RetrievalSettings
from assistant.retrieval.pipeline import Retrieval
from assistant.service import AnswerService
from assistant.settings import Settings, load_settings
from index.embedding import Embedder

K = 15  # passages per question: 15 passages of up to 25 words span the 300 words EM@300w reads
OFF = {"lexical": 0.0, "coverage": 0.0, "recency": 0.0, "rrf": 0.0, "answer_type": 0.0}
# The passage score before the refit: the chunk's whole score plus the passage's terms, over 50-word passages.
OLD_PASSAGES = {
    "lexical": 0.35, "coverage": 0.35, "recency": 0.3, "answer_type": 0.2,
    "passage_coverage": 0.5, "passage_novelty": 0.2, "passage_type": 0.3,
}  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One eval question, asked as of its day; gold is None for the written off-topic questions."""

    question: str
    gold: str | None
    as_of: dt.date | None


def with_retrieval(settings: Settings, **changes: Any) -> Settings:
    """The settings with some retrieval knobs changed; a nested group takes a dict of its fields to change
    (rerank={"recency": 0.0}), validated as the environment's values would be."""
    values = settings.retrieval.model_dump()
    for key, value in changes.items():
        values[key] = {**values[key], **value} if isinstance(value, dict) else value
    return settings.model_copy(update={"retrieval": RetrievalSettings.model_validate(values)})


def variant(base: AnswerService, **changes: Any) -> AnswerService:
    """The shipped service with retrieval overrides, over the same index handles (the model loads once)."""
    return AnswerService(with_retrieval(base.settings, **changes), base.handles, generator=base.generator)


class _QueryMemo:
    """The embedder, remembering single-text (query) vectors: each variant asks the same questions again."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._seen: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) != 1:
            return self._embedder.embed(texts)
        if texts[0] not in self._seen:
            self._seen[texts[0]] = self._embedder.embed(texts)
        return self._seen[texts[0]]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._embedder, name)


def retrievals(service: AnswerService, cases: list[Case]) -> list[Retrieval]:
    """What the service retrieves for each case (K passages), as it does for a user."""
    return [service.retrieve(c.question, top_k=K, as_of=c.as_of) for c in cases]


def em(cases: list[Case], texts: list[list[str]]) -> dict[str, float]:
    """Share of cases whose gold answer is in the first 100 and 300 words of their texts."""
    hits = {"em100": 0, "em300": 0}
    for case, passages in zip(cases, texts, strict=True):
        assert case.gold is not None
        hits["em100"] += em_at_words(passages, case.gold, 100)
        hits["em300"] += em_at_words(passages, case.gold, 300)
    return {key: round(v / len(cases), 3) for key, v in hits.items()}


def chunk_stage(service: AnswerService, cases: list[Case]) -> dict[str, float]:
    """EM@100w/300w of the reranked, diversified chunks (the passages' sources) as whole texts."""
    focus = service.settings.retrieval.focus_chunks
    return em(cases, [[c.chunk.text for c in r.chunks[:focus]] for r in retrievals(service, cases)])


def passage_stage(service: AnswerService, cases: list[Case]) -> dict[str, float]:
    """EM@100w/300w of the returned passages (what the product shows and answers from)."""
    return em(cases, [[p.chunk.text for p in r.passages] for r in retrievals(service, cases)])


def answer_stage(service: AnswerService, cases: list[Case]) -> dict[str, float]:
    """The shipped extractive answer: gold-in-answer share, mean words of an answer, refusals."""
    hit = words = refused = 0
    for case in cases:
        response = service.ask(case.question, top_k=K, as_of=case.as_of)
        if response.refused:
            refused += 1
            continue
        hit += answer_hit(response.answer, case.gold or "")
        words += len(response.answer.split())
    n, answered = len(cases), max(1, len(cases) - refused)
    return {"hit": round(hit / n, 3), "words": round(words / answered, 1), "refused": round(refused / n, 3)}


def refusal_stage(on: list[Retrieval], off: list[Retrieval]) -> None:
    """Refusal rates of the shipped rule and its variants over the shipped retrievals."""
    base = RefusalPolicy()
    variants = {
        "default": base,
        "cosine only (coverage_weight 0, min_topic 0.38)": replace(base, coverage_weight=0.0, min_topic=0.38),
        **{f"min_topic {t}": replace(base, min_topic=t) for t in (0.5, 0.7)},
        "no constraint check": replace(base, check_constraints=False),
    }
    for name, policy in variants.items():
        rates = [sum(decide(r.chunks, r.query, policy).refused for r in group) / len(group) for group in (on, off)]
        print(f"  {name:48s} answerable refused {rates[0]:.3f}, off-topic refused {rates[1]:.3f}")
    print("  off-topic answered:", [r.query for r in off if not decide(r.chunks, r.query, base).refused])
    for name, group in (("answerable", on), ("off-topic", off)):
        best = sorted(topic_score(r.chunks) for r in group if not out_of_scope(r.query))
        if not best:
            continue
        pct = [5, 10, 50, 90]
        print(f"  {name}: topic score p5/10/50/90 {[round(best[len(best) * p // 100], 3) for p in pct]}")


CHUNK_ROWS: dict[str, dict[str, Any]] = {
    "dense only": {"rerank": OFF, "diversity_decay": 1.0},
    "bm25 only": {"rerank": OFF | {"dense": 0.0, "lexical": 1.0}, "diversity_decay": 1.0},
    "rrf(dense, bm25)": {"rerank": OFF | {"dense": 0.0, "rrf": 1.0}, "diversity_decay": 1.0},
    "dense + bm25": {"rerank": OFF | {"lexical": 0.35}, "diversity_decay": 1.0},
    "dense + bm25 + coverage": {"rerank": {"recency": 0.0, "answer_type": 0.0}, "diversity_decay": 1.0},
    "+ recency": {"rerank": {"answer_type": 0.0}, "diversity_decay": 1.0},
    "+ answer type": {"diversity_decay": 1.0},
    "+ diversity (default)": {},
}
PASSAGE_ROWS: dict[str, dict[str, Any]] = {
    "50-word passages, chunk score + passage": {"passage": OLD_PASSAGES, "passage_words": 50},
    "25-word passages, chunk score + passage": {"passage": OLD_PASSAGES},
    "the fit (BM25 0.6, no chunk coverage)": {"passage": {"lexical": 0.6, "coverage": 0.0}},
    "PassageWeights (default)": {},
    "  without passage answer type": {"passage": {"passage_type": 0.0}},
    "  without recency": {"passage": {"recency": 0.0}},
}


def main() -> None:
    """Score each stage's rows over the set's questions, each row a variant of the shipped settings."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True, help="the set's built index")
    parser.add_argument("--set", dest="set_name", default="news-dev")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--limit", type=int, default=0, help="only the first N questions of each group (quick runs)")
    args = parser.parse_args()
    eval_set = data.find_eval_set(args.shared.resolve(), args.set_name)
    service = build_service(load_settings(data_dir=args.data_dir, answer_mode="extractive"))
    service.handles.__dict__["embedder"] = _QueryMemo(service.handles.embedder)  # cached_property storage
    on = [
        Case(q.question, q.gold, dt.date.fromisoformat(q.asked_on) if q.asked_on else None)
        for q in data.load_answerable(eval_set)
    ]
    # The eval's own rule: an off-topic question whose answer this corpus holds is left out.
    unanswerable, _ = data.without_answers_in(data.load_unanswerable(), data.load_corpus(eval_set))
    off = [Case(q.question, None, None) for q in unanswerable]
    if args.limit:
        on, off = on[: args.limit], off[: args.limit]
    started = time.perf_counter()
    shipped_on, shipped_off = retrievals(service, on), retrievals(service, off)
    print(f"{len(on)} answerable, {len(off)} off-topic questions, retrieved in {time.perf_counter() - started:.1f}s")
    print("chunks (EM@100w/300w of whole chunks):")
    for name, changes in CHUNK_ROWS.items():
        print(f"  {name:48s} {chunk_stage(variant(service, **changes), on)}")
    print("passages (what the product returns):")
    for name, changes in PASSAGE_ROWS.items():
        print(f"  {name:48s} {passage_stage(variant(service, **changes), on)}")
    print("answers (shipped extractive answer):")
    print(f"  {'default':48s} {answer_stage(service, on)}")
    print("refusals:")
    refusal_stage(shipped_on, shipped_off)


if __name__ == "__main__":
    main()
