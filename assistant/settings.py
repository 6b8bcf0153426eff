"""The one typed settings object: built once at start-up and passed to everything else."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from assistant.answer.config import AnswerSettings
from assistant.retrieval.config import RetrievalSettings
from index.config import PROJECT_ROOT, IndexSettings

__all__ = ["MAX_TOP_K", "PROJECT_ROOT", "Settings", "load_settings"]

MAX_TOP_K = 50  # the most passages one question may ask for, wherever top_k is accepted


class Settings(IndexSettings):
    """Every knob of the assistant: the index's (index/config.py) plus retrieval, answers and the server.

    Nested groups read nested variables: ASSISTANT_RETRIEVAL__DEPTH=60, ASSISTANT_RETRIEVAL__RERANK__RECENCY=0.4."""

    model_config = SettingsConfigDict(env_nested_delimiter="__")

    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Prompt and answer templates.")

    # Index jobs (the app's IndexService) and watch mode.
    job_history: int = Field(50, ge=1, description="Finished index jobs kept for GET /api/jobs.")
    watch: bool = Field(False, description="Watch the articles folder and index changes (assistant serve --watch).")
    watch_quiet_s: float = Field(2.0, gt=0, description="Seconds without changes before an update runs.")

    # Feeds (RSS, Atom, JSON Feed): polled on their own schedule by the running app.
    feed_every_s: int = Field(1800, ge=60, description="Default time between two polls of a feed.")
    feed_check_s: float = Field(30.0, gt=0, description="How often the app looks for feeds that are due.")

    # Retrieval and answers.
    top_k: int = Field(8, ge=1, le=MAX_TOP_K, description="Passages returned per question.")
    time_filters: bool = Field(
        False, description="Turn 'this week', 'in March', 'since 2023' into a date filter (off: measured on news-dev)."
    )
    max_question_chars: int = Field(2000, ge=10)
    retrieval: RetrievalSettings = Field(
        default_factory=RetrievalSettings, description="Depths, sizes and weights (assistant/retrieval/config.py)."
    )
    answer: AnswerSettings = Field(
        default_factory=AnswerSettings, description="Thresholds and budgets of answers (assistant/answer/config.py)."
    )
    answer_mode: Literal["extractive", "openai", "local"] = Field(
        "extractive", description="extractive needs nothing; openai = any OpenAI-compatible server; local = GGUF."
    )

    # Generative answers (answer_mode openai / local).
    llm_base_url: str = Field("http://127.0.0.1:11434/v1", description="OpenAI-compatible endpoint (e.g. Ollama).")
    llm_model: str = Field("llama3.2", description="Model name the endpoint serves.")
    llm_api_key: str = Field("not-needed", description="API key for the endpoint, if it needs one.")
    llm_timeout: float = Field(30.0, gt=0, description="Seconds before the LLM call gives up.")
    llm_max_tokens: int = Field(400, ge=16, le=8192)
    llm_context_window: int = Field(8192, ge=512, description="The openai backend's context window (tokens).")
    llm_gguf: Path | None = Field(None, description="A GGUF file for local mode; default: bundled SmolLM2-135M.")
    llm_threads: int = Field(0, ge=0, description="Threads for local inference; 0 means all cores.")
    show_unsupported: bool = Field(False, description="Keep unverifiable generated sentences, marked.")

    # Web server.
    api_token: str | None = Field(None, description="Bearer token required by write endpoints (set it off loopback).")
    max_upload_bytes: int = Field(25 * 1024 * 1024, ge=1, description="Largest article file accepted per upload.")
    host: str = "127.0.0.1"
    port: int = Field(7860, ge=1, le=65535)

    @property
    def public_url(self) -> str:
        """Where local CLI commands reach this server (a wildcard bind is reached on loopback)."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"


def load_settings(settings_file: Path | None = None, **overrides: Any) -> Settings:
    """Build settings from the environment, an optional settings file, and explicit overrides."""
    if settings_file is not None:
        return Settings(_env_file=settings_file, **overrides)  # type: ignore[call-arg]
    return Settings(**overrides)
