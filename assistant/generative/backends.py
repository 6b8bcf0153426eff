"""What went wrong with a backend, in one line for the user (the factory chooses the backend)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.generative.config import LLMSettings

from assistant.generative.errors import BackendError

__all__ = ["BackendError", "describe_error"]


def describe_error(exc: BaseException, llm: LLMSettings) -> str:
    """One line for the user saying why the language model gave no answer."""
    timeout, where = llm.timeout, llm.base_url
    if isinstance(exc, BackendError):
        return f"the language model is not available: {exc}"
    if isinstance(exc, TimeoutError):
        return f"the language model did not answer within {timeout:g} s"
    import httpx

    if isinstance(exc, httpx.TimeoutException):  # a streamed reply that stalled mid-way
        return f"the language model at {where} stopped answering for more than {timeout:g} s"
    if isinstance(exc, httpx.TransportError):
        return f"the connection to the language model at {where} failed: {type(exc).__name__}"
    try:
        import openai
    except ImportError:  # pragma: no cover - openai comes with the openai backend
        openai = None  # type: ignore[assignment]
    if openai is not None:
        if isinstance(exc, openai.APITimeoutError):
            return f"the language model at {where} did not answer within {timeout:g} s"
        if isinstance(exc, openai.APIConnectionError):
            return f"could not reach the language model at {where}"
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return f"the language model at {where} rejected the API key (HTTP {exc.status_code})"
        if isinstance(exc, openai.NotFoundError):
            return f"the language model at {where} has no model {llm.model!r} or no chat endpoint (HTTP 404)"
        if isinstance(exc, openai.APIStatusError):
            return f"the language model at {where} failed with HTTP {exc.status_code}"
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"the language model failed: {type(exc).__name__}" + (f": {text}" if text else "")
