"""One index update at a time per process: the API and the UI's update button share this lock and function."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from index.handles import IndexHandles
from index.updater import Progress, UpdateReport, update_index

_LOCK = threading.Lock()


class IndexBusy(RuntimeError):
    """Another update is running (HTTP 409): two writers would only slow each other down."""


@contextmanager
def exclusive() -> Iterator[None]:
    """Hold the update lock without waiting, or raise IndexBusy."""
    if not _LOCK.acquire(blocking=False):
        raise IndexBusy("an index update is already running; try again when it has finished")
    try:
        yield
    finally:
        _LOCK.release()


def is_running() -> bool:
    """True while some update holds the lock."""
    return _LOCK.locked()


def run_update(handles: IndexHandles, progress: Progress | None = None, locked: bool = False) -> UpdateReport:
    """The incremental update over the configured articles folder; `locked` when the caller already holds it."""
    if locked:
        return update_index(handles, progress=progress) if progress else update_index(handles)
    with exclusive():
        return run_update(handles, progress, locked=True)
