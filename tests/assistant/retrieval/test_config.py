"""Retrieval's knobs live in Settings: the measured defaults, nested environment variables, and the pipeline
reading them from there."""

from __future__ import annotations

import pytest
from pinned_settings import pinned_service

from assistant.retrieval.config import FollowUp, PassageWeights, RerankWeights, RetrievalSettings
from assistant.schemas import Turn
from assistant.settings import Settings, load_settings
from index.embedding import Embedder


def test_the_defaults_are_the_values_measured_on_news_dev() -> None:
    """Moving the numbers into Settings changed none of them (the eval figures depend on these)."""
    config = RetrievalSettings()
    assert (config.depth, config.filtered_depth_factor, config.focus_chunks, config.passage_words) == (40, 4, 15, 25)
    assert (config.rrf_k, config.rrf_scale, config.recency_days, config.recency_undated) == (60, 30.0, 30.0, 0.5)
    assert (config.diversity_decay, config.passage_novelty_cap, config.near_copy_share) == (0.85, 4, 0.8)
    assert (config.time.week_days, config.time.lag_days) == (7, 3)
    assert config.follow_up == FollowUp(name_reach=40, names_kept=1, topic_stem=5, topic_word_min=4)
    assert config.rerank == RerankWeights(dense=1.0, lexical=0.35, coverage=0.35, recency=0.3, rrf=0.0, answer_type=0.2)
    assert config.passage == PassageWeights(
        dense=1.0, lexical=0.35, recency=0.45, coverage=0.2, answer_type=0.0,
        passage_coverage=0.5, passage_novelty=0.3, passage_type=0.6,
    )  # fmt: skip


def test_a_weighted_sum_skips_features_without_a_weight() -> None:
    assert RerankWeights().score({"dense": 0.5, "recency": 1.0, "passage_type": 1.0}) == pytest.approx(0.8)


def test_nested_environment_variables_reach_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_RETRIEVAL__DEPTH", "60")
    monkeypatch.setenv("ASSISTANT_RETRIEVAL__RERANK__RECENCY", "0.4")
    monkeypatch.setenv("ASSISTANT_TOP_K", "5")  # the flat variables still work beside the nested ones
    settings = load_settings()
    assert settings.retrieval.depth == 60 and settings.retrieval.rerank.recency == 0.4
    assert settings.retrieval.rerank.lexical == 0.35 and settings.retrieval.passage_words == 25
    assert settings.top_k == 5


def test_an_unknown_retrieval_knob_is_an_error() -> None:
    with pytest.raises(ValueError, match="depht"):
        load_settings(retrieval={"depht": 60})


def test_a_nested_environment_variable_changes_what_the_pipeline_returns(
    indexed_settings: Settings, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "Who founded the Wagner group?"
    shipped = pinned_service(indexed_settings, embedder).retrieve(question, top_k=5)
    assert max(len(p.chunk.text.split()) for p in shipped.passages) <= 40  # one long sentence at most
    monkeypatch.setenv("ASSISTANT_RETRIEVAL__PASSAGE_WORDS", "120")
    service = pinned_service(indexed_settings, embedder)
    assert service.retriever.config.passage_words == 120
    longer = service.retrieve(question, top_k=5)
    assert max(len(p.chunk.text.split()) for p in longer.passages) > 40


def test_the_follow_up_settings_reach_the_service(
    indexed_settings: Settings, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = [
        Turn(role="user", content="Who founded Wagner?"),
        Turn(role="assistant", content="Wagner founder Yevgeny Prigozhin has pushed Putin to extreme measures. [1]"),
    ]
    question = "Which city did his forces assault?"
    assert "Prigozhin" in pinned_service(indexed_settings, embedder).retrieve(question, history).query
    monkeypatch.setenv("ASSISTANT_RETRIEVAL__FOLLOW_UP__NAMES_KEPT", "0")
    query = pinned_service(indexed_settings, embedder).retrieve(question, history).query
    assert "Wagner" in query and "Prigozhin" not in query
