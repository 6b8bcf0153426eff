"""Progress of a CLI update: bars on a terminal, plain lines in a log, so a long update never looks stalled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from index_testkit import run_index_cli

from assistant.cli.common import log_progress
from assistant.settings import PROJECT_ROOT


def test_a_log_gets_a_line_per_interval_once_a_stage_runs_long_and_its_end(
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = [0.0]
    progress = log_progress(30.0, clock=lambda: now[0])
    progress("loading", 0, 0)
    now[0] = 2.0
    progress("loading", 206, 206)  # quick: not a line
    for done, t in [(0, 2.0), (64, 10.0), (640, 32.5), (700, 40.0), (1280, 63.0), (4990, 400.0), (4990, 401.0)]:
        now[0] = t
        progress("embedding", done, 4990)
    assert capsys.readouterr().err.splitlines() == [
        "embedding: 640/4990 chunks (13%)",
        "embedding: 1280/4990 chunks (26%)",
        "embedding: 4990/4990 chunks (100%)",
    ]


def test_the_cli_update_reports_progress_in_a_log(tmp_path: Path) -> None:
    """The real command line in a subprocess, its stderr a pipe: the embedding stage is reported, not silent."""
    shutil.copytree(PROJECT_ROOT / "articles", tmp_path / "articles")
    slow = {"FAKE_UPDATE_SECONDS_PER_TEXT": "0.02", "ASSISTANT_EMBED_PROGRESS_CHUNKS": "4"}  # a model's pace
    done = run_index_cli(tmp_path, env={"ASSISTANT_PROGRESS_LOG_S": "0.01"} | slow)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert any(line.startswith("embedding: ") and "%)" in line for line in lines), done.stderr
    assert any(line.startswith("embedding: ") and line.endswith("chunks (100%)") for line in lines), done.stderr
