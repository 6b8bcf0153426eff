"""The one typed settings object: built once at start-up and passed to everything else."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from assistant.answer.config import AnswerSettings
from assistant.api.config import ServerSettings
from assistant.generative.config import LLMSettings
from assistant.retrieval.config import RetrievalSettings
from index.config import PROJECT_ROOT, IndexSettings

__all__ = ["MAX_TOP_K", "PROJECT_ROOT", "Settings", "load_settings"]

MAX_TOP_K = 50  # the most passages one question may ask for, wherever top_k is accepted


class Settings(IndexSettings):
    """Every knob of the assistant: the index's (index/config.py) plus retrieval, answers, the LLM and the server.

    Nested groups read nested variables: ASSISTANT_RETRIEVAL__DEPTH=60, ASSISTANT_LLM__BASE_URL=...,
    ASSISTANT_SERVER__PORT=8000."""

    model_config = SettingsConfigDict(env_nested_delimiter="__")

    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Prompt and answer templates.")

    # Index jobs (the app's IndexService) and watch mode.
    job_history: int = Field(50, ge=1, description="Finished index jobs kept for GET /api/jobs.")
    watch: bool = Field(False, description="Watch the articles folder and index changes (assistant serve --watch).")
    watch_quiet_s: float = Field(2.0, gt=0, description="Seconds without changes before an update runs.")

    # Feeds (RSS, Atom, JSON Feed): polled on their own schedule by the running app.
    feed_every_s: int = Field(1800, ge=60, description="Default time between two polls of a feed.")
    feed_check_s: float = Field(30.0, gt=0, description="How often the app looks for feeds that are due.")

    # Retrieval, answers and the language model.
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
    llm: LLMSettings = Field(default_factory=LLMSettings, description="The LLM of answer_mode openai / local.")

    # Web server.
    server: ServerSettings = Field(
        default_factory=ServerSettings, description="Where the web app listens; its token and upload limit."
    )


def load_settings(settings_file: Path | None = None, **overrides: Any) -> Settings:
    """Build settings from the environment, an optional settings file, and explicit overrides."""
    if settings_file is not None:
        return Settings(_env_file=settings_file, **overrides)  # type: ignore[call-arg]
    return Settings(**overrides)
