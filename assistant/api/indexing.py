"""One index update at a time per process: the API and the UI's update button share this lock and function."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from index.handles import IndexHandles
from index.lock import UpdateInProgress, update_lock
from index.updater import Progress, UpdateReport, update_index

_LOCK = threading.Lock()


class IndexBusy(RuntimeError):
    """Another update is running (HTTP 409): two writers would only slow each other down."""


@contextmanager
def exclusive(data_dir: Path | None = None) -> Iterator[None]:
    """Hold this process's update lock without waiting, or raise IndexBusy.

    With `data_dir`, also fail fast when another process (say `assistant index`) is updating that index,
    before the caller saves uploads; update_index itself takes that cross-process lock for the real run.
    """
    if not _LOCK.acquire(blocking=False):
        raise IndexBusy("an index update is already running; try again when it has finished")
    try:
        if data_dir is not None:
            try:
                with update_lock(data_dir):
                    pass
            except UpdateInProgress as exc:
                raise IndexBusy(str(exc)) from exc
        yield
    finally:
        _LOCK.release()


def is_running() -> bool:
    """True while some update holds the lock."""
    return _LOCK.locked()


def run_update(
    handles: IndexHandles, progress: Progress | None = None, locked: bool = False, allow_removal: bool = False
) -> UpdateReport:
    """The incremental update over the configured articles folder; `locked` when the caller already holds it."""
    if not locked:
        with exclusive(handles.settings.data_dir):
            return run_update(handles, progress, locked=True, allow_removal=allow_removal)
    try:
        if progress:
            return update_index(handles, progress=progress, allow_removal=allow_removal)
        return update_index(handles, allow_removal=allow_removal)
    except UpdateInProgress as exc:  # another process started between the check and the run
        raise IndexBusy(str(exc)) from exc
