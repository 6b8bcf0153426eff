"""CLI commands while the server owns the embedded index: they go through its API, never open the store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from assistant.settings import Settings
from index.owner import owner_of

ROOT = Path(__file__).resolve().parents[2]


def cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m assistant ...` in a real subprocess over the live server's data directory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env |= {
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "ASSISTANT_ARTICLES_DIR": str(settings.articles_dir),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], cwd=settings.data_dir.parent, env=env,
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_ask_and_index_go_through_the_running_server(live_server: str, indexed_settings: Settings) -> None:
    owner = owner_of(indexed_settings.data_dir)
    assert owner is None  # this test process is the server and owns the store
    asked = cli(indexed_settings, "ask", "--json", "Who founded Wagner?")
    assert asked.returncode == 0, asked.stderr
    response = json.loads(asked.stdout)
    assert "Prigozhin" in response["answer"] and response["citations"] and not response["refused"]

    updated = cli(indexed_settings, "index", "--json")
    assert updated.returncode == 0, updated.stderr
    assert f"updating through the server at {live_server}" in updated.stderr
    report = json.loads(updated.stdout)
    assert (report["added"], report["removed"], report["errors"]) == (0, 0, [])
    assert report["unchanged"] >= 2

    refused = cli(indexed_settings, "index", "--full")
    assert refused.returncode == 3  # refused, nothing written
    assert f"the server at {live_server}" in refused.stderr and "/api/index" in refused.stderr

    too_long = cli(indexed_settings, "ask", "x" * 5000)
    assert too_long.returncode == 2 and "limit" in too_long.stderr
