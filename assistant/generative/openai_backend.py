"""Any OpenAI-compatible chat server (Ollama, vLLM, llama.cpp server, a hosted API) through llama-index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.generative.errors import BackendError

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

    from assistant.settings import Settings


def make_openai_llm(settings: Settings) -> LLM:
    """An OpenAILike chat LLM with no retries, so a down or slow server fails within llm_timeout."""
    base_url, model = settings.llm_base_url, settings.llm_model
    if not base_url:
        raise BackendError("answer_mode 'openai' needs llm_base_url (e.g. http://127.0.0.1:11434/v1)")
    if not model:
        raise BackendError("answer_mode 'openai' needs llm_model (the model name the server knows)")
    try:
        from llama_index.llms.openai_like import OpenAILike
    except ImportError as exc:
        raise BackendError("llama-index-llms-openai-like is not installed") from exc
    api_key = settings.llm_api_key
    return OpenAILike(
        model=str(model),
        api_base=str(base_url).rstrip("/"),
        api_key=api_key or "not-needed",  # local servers ignore it; the client insists on one
        is_chat_model=True,
        is_function_calling_model=False,
        context_window=settings.llm_context_window,
        max_tokens=settings.llm_max_tokens,
        temperature=0.0,
        timeout=settings.llm_timeout,
        max_retries=0,
        reuse_client=True,
    )
