"""One update at a time per data directory, across processes (flock), with a clear message for the second."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class UpdateInProgress(RuntimeError):
    """Another process or thread is updating this index right now."""


@contextmanager
def update_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data directory's update lock, or raise UpdateInProgress at once."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(data_dir / "update.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UpdateInProgress(f"another update of {data_dir} is running; try again when it finishes") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        os.close(fd)  # closing releases the lock, also when the process is killed
