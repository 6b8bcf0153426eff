"""One process at a time owns an embedded Chroma store; the others learn who owns it and where it serves.

Embedded Chroma keeps its HNSW index in process memory and is not safe for two processes at once (a
second writer or reader can read a stale or half-written segment). So the process that opens the embedded
store holds an exclusive flock on `owner.lock` for its lifetime and writes who it is there. A second
process either waits for it, or, when the owner is a server that advertised its url, sends its requests
there (see assistant/remote.py). A Chroma server (ASSISTANT_CHROMA_HOST) needs none of this.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

LOCK_NAME = "owner.lock"


@dataclass(frozen=True)
class Owner:
    """Who holds a store: a process id, what it is ('server' or 'cli'), and a url when it serves the API."""

    pid: int
    role: str
    url: str | None = None

    def describe(self) -> str:
        """For messages: 'the server at http://… (pid 12)' or 'another assistant process (pid 12)'."""
        if self.url:
            return f"the server at {self.url} (pid {self.pid})"
        return f"another assistant process (pid {self.pid})"


class StoreInUse(RuntimeError):
    """The embedded store is owned by another process."""

    def __init__(self, data_dir: Path, owner: Owner | None) -> None:
        self.owner = owner
        who = owner.describe() if owner else "another process"
        super().__init__(
            f"the index in {data_dir} is open in {who}; an embedded store serves one process at a time. "
            "Send requests to that server, wait for that process to finish, or use a Chroma server "
            "(ASSISTANT_CHROMA_HOST) for several processes"
        )


_held: dict[Path, int] = {}  # data dir -> the fd whose flock this process holds
_guard = threading.Lock()


def _lock_path(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir.resolve() / LOCK_NAME


def _read(fd: int) -> Owner | None:
    try:
        raw = json.loads(os.pread(fd, 4096, 0) or b"null")
        return Owner(int(raw["pid"]), str(raw["role"]), raw.get("url") or None)
    except (ValueError, TypeError, KeyError, OSError):
        return None  # the owner is between truncate and write


def _write(fd: int, owner: Owner) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(asdict(owner)).encode(), 0)


def claim(
    data_dir: Path, role: str = "cli", url: str | None = None, on_wait: Callable[[Owner | None], None] | None = None
) -> None:
    """Own the store for the rest of this process; with on_wait, wait for the owner, else raise StoreInUse.

    Re-entrant within a process (threads and several handles share the claim); a url given later updates
    what the lock file advertises. The kernel drops the lock when the process exits or is killed.
    """
    path = _lock_path(data_dir)
    with _guard:
        if path in _held:
            if url:
                _write(_held[path], Owner(os.getpid(), role, url))
            return
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is None:
                    raise StoreInUse(data_dir, _read(fd)) from None
                on_wait(_read(fd))
                fcntl.flock(fd, fcntl.LOCK_EX)
            _write(fd, Owner(os.getpid(), role, url))
        except BaseException:
            os.close(fd)
            raise
        _held[path] = fd


def owner_of(data_dir: Path) -> Owner | None:
    """The process that owns the store now, or None when it is free or owned by this process."""
    path = _lock_path(data_dir)
    with _guard:
        if path in _held:
            return None
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            for _ in range(20):  # the owner may be between truncating and writing its record
                if owner := _read(fd):
                    return owner
                time.sleep(0.01)
            return Owner(0, "unknown")
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)
