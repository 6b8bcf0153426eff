"""scripts/tune_retrieval.py measures the shipped pipeline under Settings overrides, not a copy of it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pinned_settings import pinned_service

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import tune_retrieval  # noqa: E402

from assistant.service import AnswerService  # noqa: E402
from assistant.settings import Settings, load_settings  # noqa: E402
from index.embedding import Embedder  # noqa: E402

QUESTION = "Who founded the Wagner group?"


def test_overrides_change_only_the_knobs_named() -> None:
    base = load_settings(top_k=5)
    changed = tune_retrieval.with_retrieval(base, depth=60, rerank={"recency": 0.0})
    assert (changed.retrieval.depth, changed.retrieval.rerank.recency) == (60, 0.0)
    assert changed.retrieval.rerank.lexical == base.retrieval.rerank.lexical
    assert changed.top_k == 5 and base.retrieval.depth == 40  # the base is left as it was
    with pytest.raises(ValueError, match="recncy"):
        tune_retrieval.with_retrieval(base, rerank={"recncy": 0.0})


@pytest.fixture(scope="module")
def shipped(indexed_settings: Settings, embedder: Embedder) -> AnswerService:
    return pinned_service(indexed_settings, embedder)


def test_a_variant_without_overrides_is_the_shipped_pipeline(shipped: AnswerService) -> None:
    ours = shipped.retrieve(QUESTION, top_k=5)
    theirs = tune_retrieval.variant(shipped).retrieve(QUESTION, top_k=5)
    assert [(p.chunk.id, p.chunk.start, p.score) for p in theirs.passages] == [
        (p.chunk.id, p.chunk.start, p.score) for p in ours.passages
    ]


def test_an_override_changes_what_the_shipped_pipeline_returns(shipped: AnswerService) -> None:
    longer = tune_retrieval.variant(shipped, passage_words=120).retrieve(QUESTION, top_k=5)
    shipped_words = max(len(p.chunk.text.split()) for p in shipped.retrieve(QUESTION, top_k=5).passages)
    assert max(len(p.chunk.text.split()) for p in longer.passages) > shipped_words
    only_bm25 = tune_retrieval.variant(shipped, rerank=tune_retrieval.OFF | {"dense": 0.0, "lexical": 1.0})
    assert [c.features["lexical"] for c in only_bm25.retrieve(QUESTION, top_k=5).chunks][0] == 1.0
