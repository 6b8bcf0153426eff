"""The one typed settings object: built once at start-up and passed to everything else."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from dotenv import dotenv_values
from pydantic import BaseModel, Field, ValidationError
from pydantic.dataclasses import is_pydantic_dataclass
from pydantic.fields import FieldInfo
from pydantic_settings import SettingsConfigDict

from assistant.answer.config import AnswerSettings
from assistant.api.config import ServerSettings
from assistant.generative.config import LLMSettings
from assistant.retrieval.config import RetrievalSettings
from index.config import PROJECT_ROOT, IndexSettings
from index.ingest.fetch import FetchPolicy

__all__ = ["MAX_TOP_K", "PROJECT_ROOT", "Settings", "SettingsError", "load_settings"]

MAX_TOP_K = 50  # the most passages one question may ask for, wherever top_k is accepted


class Settings(IndexSettings):
    """Every knob of the assistant: the index's (index/config.py) plus retrieval, answers, the LLM and the server.

    Nested groups read nested variables: ASSISTANT_RETRIEVAL__DEPTH=60, ASSISTANT_LLM__BASE_URL=...,
    ASSISTANT_SERVER__PORT=8000. load_settings refuses an ASSISTANT_ variable that names none of them."""

    model_config = SettingsConfigDict(env_nested_delimiter="__")

    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Prompt and answer templates.")

    # Index jobs (the app's IndexService) and watch mode.
    job_history: int = Field(50, ge=1, description="Finished index jobs kept for GET /api/jobs.")
    progress_log_s: float = Field(
        30.0, gt=0, description="Seconds between progress lines of a CLI update whose stderr is a log, not a terminal."
    )
    watch: bool = Field(False, description="Watch the articles folder and index changes (assistant serve --watch).")
    watch_quiet_s: float = Field(2.0, gt=0, description="Seconds without changes before an update runs.")

    # Feeds (RSS, Atom, JSON Feed): polled on their own schedule by the running app.
    feed_every_s: int = Field(1800, ge=60, description="Default time between two polls of a feed.")
    feed_check_s: float = Field(30.0, gt=0, description="How often the app looks for feeds that are due.")
    fetch: FetchPolicy = Field(
        default_factory=FetchPolicy, description="Timeouts, retries, size limits and per-host pacing of feed fetches."
    )

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


class SettingsError(ValueError):
    """Settings that cannot be used as given (an unknown variable, a bad value), said in one line: the CLI prints
    it and exits 2."""


_PREFIX = str(Settings.model_config["env_prefix"])  # ASSISTANT_
_NESTED = str(Settings.model_config["env_nested_delimiter"])  # __


@cache
def setting_names() -> tuple[str, ...]:
    """Every environment variable that names a setting: a group (ASSISTANT_RETRIEVAL, JSON) and each value in it
    (ASSISTANT_RETRIEVAL__RERANK__RECENCY)."""

    def walk(fields: dict[str, FieldInfo], path: str) -> Iterator[str]:
        for name, info in fields.items():
            here = f"{path}{name.upper()}"
            yield here
            nested = _fields_of(info.annotation)
            if nested is not None:
                yield from walk(nested, here + _NESTED)

    return tuple(walk(Settings.model_fields, _PREFIX))


def _fields_of(annotation: object) -> dict[str, FieldInfo] | None:
    """The fields of a nested group (a pydantic model or dataclass), or None for a plain value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.model_fields
    if is_pydantic_dataclass(annotation):  # type: ignore[arg-type]
        return annotation.__pydantic_fields__  # type: ignore[union-attr]
    return None


def did_you_mean(unknown: str, names: Sequence[str]) -> str | None:
    """The setting an unknown variable most likely meant: the same words with the `__` delimiter where a group
    starts (ASSISTANT_LLM_BASE_URL), a value that moved into a group (ASSISTANT_PORT), or a near spelling."""
    flat = {name.replace(_NESTED, "_"): name for name in names}
    if unknown in flat:
        return flat[unknown]
    moved = [name for name in names if _PREFIX + name.rsplit(_NESTED, 1)[-1] == unknown]
    if len(moved) == 1:
        return moved[0]
    close = difflib.get_close_matches(unknown[len(_PREFIX) :], [n[len(_PREFIX) :] for n in names], n=1, cutoff=0.8)
    return _PREFIX + close[0] if close else None


def unknown_variables(environ: Mapping[str, str | None], where: str = "") -> list[str]:
    """One line for each ASSISTANT_ variable that names no setting (it would be ignored), with its likely meaning."""
    names = setting_names()
    known = set(names)
    problems = []
    for variable in sorted(environ):
        upper = variable.upper()  # settings match variables whatever their case
        if upper.startswith(_PREFIX) and upper not in known:
            guess = did_you_mean(upper, names)
            problems.append(f"{variable}{where} is not a setting" + (f"; did you mean {guess}?" if guess else ""))
    return problems


def load_settings(settings_file: Path | None = None, **overrides: Any) -> Settings:
    """Build settings from the environment, an optional settings file (else ./.env), and explicit overrides.

    SettingsError: an ASSISTANT_ variable (in the environment or the file) or an override that names no
    setting, which would otherwise be ignored without a word, or a value that does not validate."""
    if settings_file is not None and not settings_file.is_file():
        raise SettingsError(f"{settings_file}: no such settings file")
    env_file = settings_file if settings_file is not None else Path(str(Settings.model_config["env_file"]))
    problems = unknown_variables(os.environ)
    if env_file.is_file():
        problems += unknown_variables(dotenv_values(env_file), f" (in {env_file})")
    problems += [f"{name!r} is not a setting" for name in overrides if name not in Settings.model_fields]
    if problems:
        raise SettingsError("; ".join(problems))
    try:
        if settings_file is not None:
            return Settings(_env_file=settings_file, **overrides)  # type: ignore[call-arg]
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsError(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    """A validation error in one line: each bad setting with its variable, why, and the value given."""
    parts = []
    for error in exc.errors():
        path = [str(part) for part in error["loc"]]
        variable = _PREFIX + _NESTED.join(path).upper()
        given = f" (got {error['input']!r})" if error["type"] != "missing" else ""
        parts.append(f"{'.'.join(path)} ({variable}): {error['msg']}{given}")
    return "invalid settings: " + "; ".join(parts)
