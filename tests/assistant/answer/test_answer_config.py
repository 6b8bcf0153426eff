"""The answer's calibrated numbers live in Settings: the defaults, nested environment variables, and the service
reading them from there."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pinned_settings import pinned_service

from assistant.answer.config import AnswerPolicy, AnswerSettings, LanguagePolicy, RefusalPolicy, Thresholds
from assistant.settings import Settings, load_settings
from index.embedding import Embedder


def test_the_defaults_are_the_calibrated_values() -> None:
    knobs = AnswerSettings()
    lead = knobs.lead
    assert (lead.max_passages, lead.max_sentences, lead.max_words, lead.max_sentence_words) == (8, 4, 80, 60)
    assert (knobs.refusal.min_topic, knobs.refusal.topic_chunks, knobs.refusal.constraint_chunks) == (0.55, 5, 10)
    assert knobs.language == LanguagePolicy(min_other=0.7, max_english=0.1, min_words=3)
    assert knobs.verify == Thresholds(min_lexical=0.6, min_similarity=0.55, min_combined=1.45)


def test_a_group_is_a_frozen_validated_dataclass() -> None:
    assert replace(RefusalPolicy(), min_topic=0.5).min_topic == 0.5  # the calibration scripts' variants
    with pytest.raises(ValueError):
        RefusalPolicy(min_topc=0.5)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="max_wrds"):
        load_settings(answer={"lead": {"max_wrds": 10}})


def test_nested_environment_variables_reach_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_ANSWER__REFUSAL__MIN_TOPIC", "0.7")
    monkeypatch.setenv("ASSISTANT_ANSWER__LEAD__MAX_SENTENCES", "2")
    knobs = load_settings().answer
    assert knobs.refusal.min_topic == 0.7 and knobs.refusal.topic_chunks == 5
    assert knobs.lead == replace(AnswerPolicy(), max_sentences=2)


def test_the_service_answers_with_the_settings_thresholds(
    indexed_settings: Settings, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "Who founded the Wagner group?"
    assert not pinned_service(indexed_settings, embedder).ask(question).refused
    monkeypatch.setenv("ASSISTANT_ANSWER__REFUSAL__MIN_TOPIC", "9")  # no chunk covers any topic that well
    monkeypatch.setenv("ASSISTANT_ANSWER__REFUSAL__MIN_TOPIC_GENERIC", "9")
    monkeypatch.setenv("ASSISTANT_ANSWER__REFUSAL__MIN_CLAUSE_COSINE", "2")  # nor is any clause close enough
    monkeypatch.setenv("ASSISTANT_ANSWER__REFUSAL__NAMES_SHOW_TOPIC", "false")  # nor do its names alone show it
    response = pinned_service(indexed_settings, embedder).ask(question)
    assert response.refused and response.reason == "off_topic"
