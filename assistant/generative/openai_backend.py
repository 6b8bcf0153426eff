"""Any OpenAI-compatible chat server (Ollama, vLLM, llama.cpp server, a hosted API) through llama-index."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.generative.backends import DEFAULT_MAX_TOKENS, DEFAULT_TIMEOUT_S, BackendError

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

    from assistant.settings import Settings


def make_openai_llm(settings: Settings) -> LLM:
    """An OpenAILike chat LLM with no retries, so a down or slow server fails within llm_timeout."""
    base_url = getattr(settings, "llm_base_url", None)
    model = getattr(settings, "llm_model", None)
    if not base_url:
        raise BackendError("answer_mode 'openai' needs llm_base_url (e.g. http://127.0.0.1:11434/v1)")
    if not model:
        raise BackendError("answer_mode 'openai' needs llm_model (the model name the server knows)")
    try:
        from llama_index.llms.openai_like import OpenAILike
    except ImportError as exc:
        raise BackendError("llama-index-llms-openai-like is not installed") from exc
    api_key: Any = getattr(settings, "llm_api_key", None)
    if hasattr(api_key, "get_secret_value"):  # a pydantic SecretStr
        api_key = api_key.get_secret_value()
    return OpenAILike(
        model=str(model),
        api_base=str(base_url).rstrip("/"),
        api_key=str(api_key or "not-needed"),  # local servers ignore it; the client insists on one
        is_chat_model=True,
        is_function_calling_model=False,
        context_window=int(getattr(settings, "llm_context_window", 8192)),
        max_tokens=int(getattr(settings, "llm_max_tokens", DEFAULT_MAX_TOKENS)),
        temperature=0.0,
        timeout=float(getattr(settings, "llm_timeout", DEFAULT_TIMEOUT_S)),
        max_retries=0,
        reuse_client=True,
    )
