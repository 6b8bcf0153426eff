"""Generative answers from pluggable LLM backends, every citation checked against its source passage.

Nothing is imported here, so that Settings can read `assistant.generative.config` without loading llama-index."""
