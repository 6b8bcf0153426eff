"""`assistant` with settings it cannot use: one line on stderr and exit 2 (a config error), before any command runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.cli.common import EXIT_USAGE
from assistant.settings import PROJECT_ROOT


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    """The caller's environment without its ASSISTANT_ variables, working in an empty folder (no .env)."""
    for name in [n for n in os.environ if n.upper().startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return dict(os.environ)


def test_an_old_variable_name_is_a_one_line_error_and_exit_2(clean_env: dict[str, str], tmp_path: Path) -> None:
    """The real command line in a subprocess: the user with last version's ASSISTANT_LLM_BASE_URL is told."""
    env = clean_env | {"ASSISTANT_LLM_BASE_URL": "http://127.0.0.1:11434/v1", "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "Who founded Wagner?"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == EXIT_USAGE == 2
    assert done.stderr == (
        "error: ASSISTANT_LLM_BASE_URL is not a setting; did you mean ASSISTANT_LLM__BASE_URL?\n"
    ), done.stderr
    assert done.stdout == ""


def test_a_bad_value_is_a_one_line_error_and_exit_2(
    clean_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ASSISTANT_SERVER__PORT", "99999")
    assert main(["serve"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("error: invalid settings: server.port (ASSISTANT_SERVER__PORT): ") and err.count("\n") == 1


def test_a_missing_settings_file_is_a_one_line_error(
    clean_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--settings", str(tmp_path / "prod.env"), "ask", "Who?"]) == EXIT_USAGE
    assert capsys.readouterr().err == f"error: {tmp_path / 'prod.env'}: no such settings file\n"
