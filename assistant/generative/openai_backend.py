"""Any OpenAI-compatible chat server (Ollama, vLLM, llama.cpp server, a hosted API) through llama-index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.generative.errors import BackendError

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

    from assistant.generative.config import LLMSettings


def make_openai_llm(llm: LLMSettings) -> LLM:
    """An OpenAILike chat LLM with no retries, so a down or slow server fails within llm.timeout."""
    if not llm.base_url:
        raise BackendError("answer_mode 'openai' needs ASSISTANT_LLM__BASE_URL (e.g. http://127.0.0.1:11434/v1)")
    if not llm.model:
        raise BackendError("answer_mode 'openai' needs ASSISTANT_LLM__MODEL (the model name the server knows)")
    try:
        from llama_index.llms.openai_like import OpenAILike
    except ImportError as exc:
        raise BackendError("llama-index-llms-openai-like is not installed") from exc
    return OpenAILike(
        model=llm.model,
        api_base=llm.base_url.rstrip("/"),
        api_key=llm.api_key or "not-needed",  # local servers ignore it; the client insists on one
        is_chat_model=True,
        is_function_calling_model=False,
        context_window=llm.context_window,
        max_tokens=llm.max_tokens,
        temperature=0.0,
        timeout=llm.timeout,
        max_retries=0,
        reuse_client=True,
    )
