"""Lead with the answer: the shipped ranker's weights, the composition rule, and the answers it makes."""

from __future__ import annotations

import pytest

from assistant.answer.lead import AnswerPolicy, SentenceRanker, compose, default_ranker
from assistant.answer.sentences import FEATURES, Sentence
from assistant.retrieval.candidates import Candidate
from assistant.service import AnswerService
from index.store import StoredArticle, StoredChunk


def sentence(text: str, coverage: float = 0.5) -> Sentence:
    """A candidate sentence of its own one-sentence article (the pipeline's own types)."""
    chunk = StoredChunk(id=f"{text[:8]}:0", article_id=text[:8], start=0, end=len(text), text=text)
    art = StoredArticle(text[:8], "", "", "", "", text, [], 1, 0.0)
    return Sentence(Candidate(chunk, art), 0, len(text), text, dict.fromkeys(FEATURES, 0.0) | {"coverage": coverage})


def test_the_shipped_weights_cover_the_features_and_rank_answers_up() -> None:
    ranker = default_ranker()
    assert set(ranker.features) == set(FEATURES)
    weights = dict(zip(ranker.features, ranker.coef, strict=True))
    assert weights["cosine"] > 0 and weights["coverage"] > 0 and weights["answer_type"] > 0


def test_the_best_sentence_leads_and_weak_support_is_cut() -> None:
    scored = [
        (0.8, sentence("Prigozhin founded the Wagner group in 2014.")),
        (0.5, sentence("Wagner fighters later assaulted Bakhmut.")),
        (0.2, sentence("The ministry did not comment on the report.")),
    ]
    quotes = compose(scored, AnswerPolicy(support_share=0.5))
    assert [q.text for q in quotes] == [scored[0][1].text, scored[1][1].text]
    assert [q.text for q in compose(scored, AnswerPolicy(support_share=0.9))] == [scored[0][1].text]


def test_support_sharing_nothing_with_the_question_is_cut() -> None:
    lead = sentence("Prigozhin founded the Wagner group in 2014.")
    unrelated = sentence("Lead author Grace Liu said the species may be threatened.", coverage=0.0)
    assert [q.text for q in compose([(0.9, lead), (0.8, unrelated)])] == [lead.text]


def test_near_copies_and_overlong_support_are_skipped() -> None:
    lead = sentence("Prigozhin founded the Wagner group in 2014 with backing from Moscow.")
    copy = sentence("Prigozhin founded the Wagner group in 2014, with backing from Moscow.")
    long = sentence(" ".join(["word"] * 70) + ".")
    quotes = compose([(0.9, lead), (0.85, copy), (0.8, long)], AnswerPolicy(max_words=80))
    assert [q.text for q in quotes] == [lead.text]


def test_a_ranker_scores_with_its_standardised_weights() -> None:
    n = len(FEATURES)
    import numpy as np

    ranker = SentenceRanker(FEATURES, np.zeros(n), np.ones(n), np.eye(n)[FEATURES.index("coverage")] * 4, -2.0)
    low, high = sentence("A sentence about nothing asked.", 0.0), sentence("A sentence holding every term asked.")
    high.features["coverage"] = 1.0
    probs = ranker.probabilities([low, high])
    assert probs[1] > 0.5 > probs[0]


@pytest.fixture(scope="module")
def default_service(indexed_settings, embedder) -> AnswerService:  # type: ignore[no-untyped-def]
    """The session's index of the default articles and its real model (neither built nor loaded again)."""
    from index_testkit import open_handles

    from assistant.factory import build_service

    return build_service(indexed_settings, open_handles(indexed_settings, embedder))


def test_the_answer_leads_with_the_sentence_that_answers(default_service: AnswerService) -> None:
    response = default_service.ask("Who founded the Wagner group?")
    assert not response.refused and "Prigozhin" in response.citations[0].quote
    drone = default_service.ask("What did the July 23, 2025 drone strike destroy?")
    assert "Rostov rail terminal" in drone.citations[0].quote
