"""Driving the system under test through its CLI only, so the eval measures what users actually run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class AssistantCLIError(RuntimeError):
    """The assistant CLI failed; the message carries its exit code and the tail of its stderr."""


def _run_cli(args: Sequence[str], data_dir: Path, answer_mode: str = "extractive", ok: tuple[int, ...] = (0,)) -> str:
    """Run `python -m assistant ...` against `data_dir`; stderr (progress) streams to the terminal."""
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_ANSWER_MODE": answer_mode}
    cmd = [sys.executable, "-m", "assistant", *args]
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, text=True, check=False)
    if proc.returncode not in ok:
        raise AssistantCLIError(f"`{' '.join(cmd[1:])}` exited with {proc.returncode} (see its stderr above)")
    return proc.stdout


def _last_json_line(stdout: str) -> dict[str, Any]:
    """The summary line: the last stdout line that parses as a JSON object."""
    for line in reversed(stdout.strip().splitlines()):
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            return value
    raise AssistantCLIError(
        f"`assistant index --json` printed no JSON summary; stdout was: {stdout[-500:]!r}"
    )


def build_index(corpus: Path, data_dir: Path) -> tuple[dict[str, Any], float]:
    """Index the corpus into `data_dir`; returns the CLI's summary and the wall-clock seconds."""
    started = time.perf_counter()
    # Exit code 1: some corpus lines did not load (they are in the summary's errors); the rest was indexed.
    summary = _last_json_line(_run_cli(["index", str(corpus), "--json"], data_dir, ok=(0, 1)))
    return summary, time.perf_counter() - started


def ask_batch(
    lines: Sequence[dict[str, str]],
    data_dir: Path,
    batch_in: Path,
    out: Path,
    top_k: int | None,
    answer_mode: str = "extractive",
) -> tuple[dict[str, dict[str, Any]], float]:
    """Ask every question in one batch call in one answer mode; returns responses by id and wall-clock seconds."""
    batch_in.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    args = ["ask", "--batch", str(batch_in), "--out", str(out)]
    if top_k is not None:
        args += ["--top-k", str(top_k)]
    started = time.perf_counter()
    _run_cli(args, data_dir, answer_mode)
    return read_responses(out), time.perf_counter() - started


def read_responses(path: Path) -> dict[str, dict[str, Any]]:
    """Responses keyed by question id; a malformed line is an error in the system under test."""
    responses: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                responses[str(row["id"])] = row
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise AssistantCLIError(f"{path}:{n}: not a response line ({exc})") from exc
    return responses


def article_text_getter(data_dir: Path) -> Callable[[str], str | None]:
    """The stored article texts that citation offsets point into (imported lazily: the project's code)."""
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    from index.store import ArticleStore

    store = ArticleStore(data_dir / "articles.sqlite3")
    cache: dict[str, str | None] = {}

    def get_text(article_id: str) -> str | None:
        if article_id not in cache:
            cache[article_id] = store.get_text(article_id)
        return cache[article_id]

    return get_text
