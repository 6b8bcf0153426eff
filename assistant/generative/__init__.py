"""Generative answers from pluggable LLM backends, every citation checked against its source passage."""

from assistant.generative.answerer import GenerativeAnswerer, GenerativeMode
from assistant.generative.backends import BackendError

__all__ = ["BackendError", "GenerativeAnswerer", "GenerativeMode"]
