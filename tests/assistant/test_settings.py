"""Settings: the typed LLM and server groups and their nested environment variables."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.api.config import ServerSettings
from assistant.generative.config import LLMSettings
from assistant.settings import load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No ASSISTANT_ variable of the caller's, and no .env in the working folder."""
    for name in [n for n in os.environ if n.upper().startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_the_groups_keep_the_flat_settings_defaults() -> None:
    assert LLMSettings() == LLMSettings(
        base_url="http://127.0.0.1:11434/v1", model="llama3.2", api_key="not-needed", timeout=30.0, max_tokens=400,
        context_window=8192, gguf=None, threads=0, show_unsupported=False,
    )  # fmt: skip
    server = ServerSettings()
    assert (server.host, server.port, server.api_token, server.max_upload_bytes) == ("127.0.0.1", 7860, None, 25 << 20)
    settings = load_settings()
    assert settings.llm == LLMSettings() and settings.server == server and settings.answer_mode == "extractive"


def test_nested_environment_variables_reach_the_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_LLM__BASE_URL", "http://gpu-box:8000/v1")
    monkeypatch.setenv("ASSISTANT_LLM__TIMEOUT", "12.5")
    monkeypatch.setenv("ASSISTANT_LLM__SHOW_UNSUPPORTED", "1")
    monkeypatch.setenv("ASSISTANT_SERVER__PORT", "8123")
    monkeypatch.setenv("assistant_server__host", "0.0.0.0")  # any case, as pydantic-settings reads them
    settings = load_settings()
    assert (settings.llm.base_url, settings.llm.timeout, settings.llm.show_unsupported) == (
        "http://gpu-box:8000/v1", 12.5, True
    )
    assert settings.llm.model == "llama3.2"  # the rest keep their defaults
    assert (settings.server.host, settings.server.port) == ("0.0.0.0", 8123)
    assert settings.server.public_url == "http://127.0.0.1:8123"  # a wildcard bind is reached on loopback
