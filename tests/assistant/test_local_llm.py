"""The in-process backend for real: llama-cpp-python running the bundled SmolLM2-135M-Instruct GGUF on CPU."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil

import pytest
from index_testkit import open_handles
from pinned_settings import SERVICE_PINNED

from assistant.factory import make_generator
from assistant.generative.answerer import GenerativeAnswerer
from assistant.generative.local_backend import LlamaCppLLM, bundled_gguf, make_local_llm
from assistant.retrieval.pipeline import Retrieval
from assistant.schemas import AnswerResponse
from assistant.service import AnswerService
from assistant.settings import PROJECT_ROOT, Settings, load_settings
from index.embedding import Embedder
from index.updater import update_index

pytestmark = [
    pytest.mark.local_llm,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None,
        reason="llama-cpp-python is not installed (pip install '.[local]')",
    ),
]

QUESTION = "What did the Ukrainian drone strike on July 23, 2025 hit?"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Settings:
    """A copy of the default articles indexed by the session's real model; settings pinned."""
    tmp = tmp_path_factory.mktemp("local-llm")
    shutil.copytree(PROJECT_ROOT / "articles", tmp / "articles")
    base = load_settings(**(SERVICE_PINNED | {"data_dir": tmp / "data", "articles_dir": tmp / "articles"}))
    update_index(open_handles(base, embedder))
    llm = base.llm.model_copy(update={"max_tokens": 80, "timeout": 300, "threads": 0})
    return base.model_copy(update={"answer_mode": "local", "llm": llm})


@pytest.fixture(scope="module")
def service(settings: Settings, embedder: Embedder) -> AnswerService:
    return AnswerService(settings, open_handles(settings, embedder))


@pytest.fixture(scope="module")
def llm(settings: Settings) -> LlamaCppLLM:
    model = make_local_llm(settings.llm)
    assert isinstance(model, LlamaCppLLM)
    return model


def answer_of(answerer: GenerativeAnswerer, retrieval: Retrieval, fallback: AnswerResponse) -> AnswerResponse:
    """The streamed answer's last item: the response."""
    *_, last = answerer.stream(retrieval, retrieval.query, fallback)
    assert isinstance(last, AnswerResponse)
    return last


def test_bundled_model_and_threads(llm: LlamaCppLLM) -> None:
    assert bundled_gguf() is not None and llm.model_path == str(bundled_gguf())
    assert llm.n_threads == (os.cpu_count() or 1)


def test_local_answer_is_verified_against_the_articles(settings, service, llm) -> None:
    retrieval = service.retrieve(QUESTION, top_k=2)
    fallback = service.extractive(retrieval)
    response = answer_of(GenerativeAnswerer(settings, "local", llm, service.handles.embedder), retrieval, fallback)
    assert isinstance(response, AnswerResponse)
    assert response.answer.strip() and not response.refused
    assert response.error is None  # type: ignore[attr-defined]
    # Either verified generated sentences (mode 'local') or, when none held up, the extractive fallback.
    assert response.mode in ("local", "extractive")
    assert response.citations and all(c.verified for c in response.citations)
    for c in response.citations:
        assert service.handles.store.get_text(c.article_id)[c.start : c.end] == c.quote
    if response.mode == "local":
        assert set(re.findall(r"\[(\d+)\]", response.answer)) == {str(c.n) for c in response.citations}


def test_local_stream_ends_with_the_response(settings, service, llm) -> None:
    retrieval = service.retrieve(QUESTION, top_k=1)
    fallback = service.extractive(retrieval)
    answerer = GenerativeAnswerer(settings, "local", llm, service.handles.embedder)
    items = list(answerer.stream(retrieval, QUESTION, fallback))
    final = items[-1]
    assert isinstance(final, AnswerResponse) and "".join(str(i) for i in items[:-1]) == final.answer


def test_local_timeout_falls_back_with_a_message(settings, service) -> None:
    slow = make_local_llm(settings.llm.model_copy(update={"timeout": 0.0}))
    retrieval = service.retrieve(QUESTION, top_k=1)
    fallback = service.extractive(retrieval)
    response = answer_of(GenerativeAnswerer(settings, "local", slow, service.handles.embedder), retrieval, fallback)
    assert response.answer == fallback.answer and "did not answer within" in response.error  # type: ignore[attr-defined]


def test_missing_gguf_is_reported(settings, service, tmp_path) -> None:
    broken = settings.model_copy(update={"llm": settings.llm.model_copy(update={"gguf": tmp_path / "missing.gguf"})})
    answerer = make_generator(broken, service.handles)
    assert answerer is not None
    retrieval = service.retrieve(QUESTION, top_k=2)
    response = answer_of(answerer, retrieval, service.extractive(retrieval))
    assert "missing.gguf" in response.error and response.mode == "extractive"  # type: ignore[attr-defined]
