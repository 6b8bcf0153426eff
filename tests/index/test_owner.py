"""One process at a time owns an embedded store: others are told who owns it, or wait for it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from index_testkit import HandlesFactory

from index.owner import Owner, StoreInUse, claim, owner_of

ROOT = Path(__file__).resolve().parents[2]
HOLD = (  # another process that owns the store (as a server advertising a url) until it is killed
    "import sys, time\nfrom pathlib import Path\nfrom index.owner import claim\n"
    "claim(Path(sys.argv[1]), sys.argv[2], sys.argv[3] or None)\nprint('owned', flush=True)\ntime.sleep(600)\n"
)


def hold(data_dir: Path, role: str = "cli", url: str = "") -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data_dir), role, url],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "owned"
    return proc


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_a_second_process_is_told_who_owns_the_store(make_handles: HandlesFactory) -> None:
    handles = make_handles()
    holder = hold(handles.settings.data_dir, "server", "http://127.0.0.1:7999")
    try:
        assert owner_of(handles.settings.data_dir) == Owner(holder.pid, "server", "http://127.0.0.1:7999")
        with pytest.raises(StoreInUse, match=r"the server at http://127\.0\.0\.1:7999 \(pid \d+\)") as info:
            handles.vectors  # noqa: B018 - opening Chroma is what is refused
        assert info.value.owner is not None and info.value.owner.pid == holder.pid
        assert handles.store.counts() == (0, 0)  # the article store (SQLite) stays readable
    finally:
        kill(holder)
    assert owner_of(handles.settings.data_dir) is None  # the kernel dropped the killed owner's lock
    assert handles.vectors.count() == 0
    assert owner_of(handles.settings.data_dir) is None  # this process owns it now: no one else does
    assert make_handles(handles.settings.data_dir).vectors.count() == 0  # re-entrant within one process


def test_a_waiting_claim_gets_the_store_when_the_owner_exits(tmp_path: Path) -> None:
    holder = hold(tmp_path / "data")
    waited: list[Owner | None] = []
    releaser = threading.Timer(1.0, kill, [holder])
    releaser.start()
    started = time.monotonic()
    claim(tmp_path / "data", on_wait=waited.append)
    assert waited == [Owner(holder.pid, "cli")] and time.monotonic() - started >= 0.9
    assert owner_of(tmp_path / "data") is None
    releaser.join()
