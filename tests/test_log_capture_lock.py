"""Pytest's log capture walks the logger table under logging's lock (tests/log_capture_lock.py)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest
from _pytest.logging import LogCaptureHandler, catching_logs


@pytest.fixture
def quiet_logger() -> Iterator[logging.Logger]:
    """A non-propagating logger, which pytest's capture visits while it walks the table."""
    logger = logging.getLogger("tests.log_capture_lock.quiet")
    logger.propagate = False
    yield logger
    logger.propagate = True
    vars(logger).pop("addHandler", None)


def test_the_walk_holds_the_lock_that_creating_a_logger_takes(quiet_logger: logging.Logger) -> None:
    free_in_walk: list[bool] = []
    add = quiet_logger.addHandler

    def add_and_probe(handler: logging.Handler) -> None:
        """From another thread, as the served app would: could it add a logger now?"""
        probe = threading.Thread(target=lambda: free_in_walk.append(_try_lock()))
        probe.start()
        probe.join()
        add(handler)

    quiet_logger.addHandler = add_and_probe  # type: ignore[method-assign]
    handler = LogCaptureHandler()
    with catching_logs(handler):
        assert handler in quiet_logger.handlers
    assert free_in_walk == [False]  # another thread waits for the walk to end
    assert handler not in quiet_logger.handlers and _try_lock()


def _try_lock() -> bool:
    """Whether logging's module lock is free for this thread."""
    lock = logging._lock  # type: ignore[attr-defined]
    if not lock.acquire(blocking=False):
        return False
    lock.release()
    return True
