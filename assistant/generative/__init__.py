"""Generative answers from pluggable LLM backends, every citation checked against its source passage."""

from assistant.generative.answerer import GenerativeAnswerer, GenerativeResponse
from assistant.generative.backends import BackendError, make_llm

__all__ = ["BackendError", "GenerativeAnswerer", "GenerativeResponse", "make_llm"]
