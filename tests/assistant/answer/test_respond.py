"""The extractive answer to one retrieval, built apart from the service that retrieves: the answer the service gives,
quoting exact spans, and a refusal that says why with the related passages."""

from __future__ import annotations

import pytest
from index_testkit import open_handles

from assistant.answer.respond import Responder
from assistant.factory import build_service
from assistant.service import AnswerService
from assistant.settings import Settings
from index.embedding import Embedder


@pytest.fixture(scope="module")
def service(indexed_settings: Settings, embedder: Embedder) -> AnswerService:
    """The session's index of the default articles and its real model (neither built nor loaded again)."""
    return build_service(indexed_settings, open_handles(indexed_settings, embedder))


@pytest.fixture(scope="module")
def responder(service: AnswerService) -> Responder:
    return Responder(service.settings.answer, service.settings.prompts_dir, service.handles.embedder)


def test_the_responder_answers_a_retrieval_as_the_service_does(service: AnswerService, responder: Responder) -> None:
    retrieval = service.retrieve("Who founded Wagner?")
    response = responder.answer(retrieval)
    assert response == service.extractive(retrieval) and response.query == retrieval.query
    assert not response.refused and "Prigozhin" in response.answer
    for citation in response.citations:
        article = service.handles.store.get_text(citation.article_id) or ""
        assert article[citation.start : citation.end] == citation.quote


def test_a_refusal_gives_its_reason_and_the_related_passages(service: AnswerService, responder: Responder) -> None:
    response = responder.answer(service.retrieve("What did the July 24, 2025 drone strike destroy?"))
    assert response.refused and response.reason == "not_stated" and "“24”" in response.answer
    assert response.citations == [] and response.passages
