"""Settings: the typed LLM and server groups, their nested environment variables, and no variable ignored in
silence (an ASSISTANT_ name that is no setting, in the environment or a settings file, is an error)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.api.config import ServerSettings
from assistant.generative.config import LLMSettings
from assistant.settings import Settings, SettingsError, load_settings, setting_names


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


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM__BASE_URL"),
        ("ASSISTANT_LLM_MODEL", "ASSISTANT_LLM__MODEL"),
        ("ASSISTANT_LLM_GGUF", "ASSISTANT_LLM__GGUF"),
        ("ASSISTANT_SHOW_UNSUPPORTED", "ASSISTANT_LLM__SHOW_UNSUPPORTED"),
        ("ASSISTANT_HOST", "ASSISTANT_SERVER__HOST"),
        ("ASSISTANT_PORT", "ASSISTANT_SERVER__PORT"),
        ("ASSISTANT_API_TOKEN", "ASSISTANT_SERVER__API_TOKEN"),
        ("ASSISTANT_MAX_UPLOAD_BYTES", "ASSISTANT_SERVER__MAX_UPLOAD_BYTES"),
        ("ASSISTANT_RETRIEVAL__RERANK_RECENCY", "ASSISTANT_RETRIEVAL__RERANK__RECENCY"),  # one `_` for `__`
        ("ASSISTANT_DEPTH", "ASSISTANT_RETRIEVAL__DEPTH"),  # a value that lives in a group
        ("ASSISTANT_DATA_DIRR", "ASSISTANT_DATA_DIR"),  # a typo
        ("ASSISTANT_TOPK", "ASSISTANT_TOP_K"),
    ],
)
def test_a_variable_that_names_no_setting_is_an_error_naming_the_likely_one(
    monkeypatch: pytest.MonkeyPatch, old: str, new: str
) -> None:
    monkeypatch.setenv(old, "1")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value) == f"{old} is not a setting; did you mean {new}?"


def test_an_unknown_variable_without_a_likely_meaning_is_still_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_FROBNICATE", "yes")
    monkeypatch.setenv("ASSISTANT_LLM__TEMPERATURE", "0.2")
    monkeypatch.setenv("ASSISTANT_TOP_K", "5")  # a real one is no problem
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message == "ASSISTANT_FROBNICATE is not a setting; ASSISTANT_LLM__TEMPERATURE is not a setting"
    assert "\n" not in message


def test_a_settings_file_is_checked_too(tmp_path: Path) -> None:
    good = tmp_path / "good.env"
    good.write_text("ASSISTANT_LLM__MODEL=qwen2.5\nASSISTANT_SERVER__PORT=9000\nOTHER_TOOL_SETTING=x\n")
    settings = load_settings(good)
    assert (settings.llm.model, settings.server.port) == ("qwen2.5", 9000)

    old = tmp_path / "old.env"
    old.write_text("ASSISTANT_LLM_MODEL=qwen2.5\n")
    with pytest.raises(SettingsError, match=r"^ASSISTANT_LLM_MODEL \(in .*old.env\) is not a setting; did you mean"):
        load_settings(old)
    with pytest.raises(SettingsError, match="missing.env: no such settings file"):
        load_settings(tmp_path / "missing.env")


def test_the_working_folders_env_file_is_checked(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("ASSISTANT_PORT=9000\n")  # the working folder is tmp_path
    with pytest.raises(SettingsError, match=r"ASSISTANT_PORT \(in \.env\) .* did you mean ASSISTANT_SERVER__PORT\?"):
        load_settings()


def test_an_override_that_names_no_setting_is_an_error() -> None:
    with pytest.raises(SettingsError, match="'llm_timeout' is not a setting"):
        load_settings(llm_timeout=5)
    assert load_settings(llm={"timeout": 5}).llm.timeout == 5


def test_a_bad_value_is_one_line_naming_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_SERVER__PORT", "seventy")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith("invalid settings: server.port (ASSISTANT_SERVER__PORT): ")
    assert message.endswith("(got 'seventy')") and "\n" not in message


def test_every_name_the_check_accepts_is_a_setting() -> None:
    """The check walks the same tree pydantic-settings reads: each accepted name leads to a real value."""
    names = setting_names()
    settings = Settings()
    for name in names:
        value: object = settings
        for part in name.removeprefix("ASSISTANT_").lower().split("__"):
            value = getattr(value, part)
    assert {"ASSISTANT_LLM__BASE_URL", "ASSISTANT_SERVER__API_TOKEN", "ASSISTANT_ANSWER__LEAD__MAX_WORDS"} <= set(names)
    assert "ASSISTANT_LLM_BASE_URL" not in names and "ASSISTANT_PORT" not in names
