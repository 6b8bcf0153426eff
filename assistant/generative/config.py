"""The language model's settings (answer_mode openai / local): Settings nests them as `settings.llm`, so each has
a nested environment variable (ASSISTANT_LLM__BASE_URL, ASSISTANT_LLM__TIMEOUT, ...). One default per value."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class LLMSettings(BaseModel):
    """The backend the generative answer calls, its budgets, and what happens to a sentence that fails checking."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    base_url: str = Field(default="http://127.0.0.1:11434/v1", description="OpenAI-compatible endpoint (e.g. Ollama).")
    model: str = Field(default="llama3.2", description="Model name the endpoint serves.")
    api_key: str = Field(default="not-needed", description="API key for the endpoint, if it needs one.")
    timeout: float = Field(default=30.0, gt=0, description="Seconds before the LLM call gives up.")
    max_tokens: int = Field(default=400, ge=16, le=8192, description="The most tokens one answer may have.")
    context_window: int = Field(default=8192, ge=512, description="The openai backend's context window (tokens).")
    gguf: Path | None = Field(default=None, description="A GGUF file for local mode; default: bundled SmolLM2-135M.")
    threads: int = Field(default=0, ge=0, description="Threads for local inference; 0 means all cores.")
    show_unsupported: bool = Field(default=False, description="Keep unverifiable generated sentences, marked.")
