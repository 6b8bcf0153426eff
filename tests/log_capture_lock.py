"""Pytest's log capture walks logging's logger table without logging's lock; here it takes the lock.

At each test phase pytest (9.2, `_pytest.logging.catching_logs.__enter__`) iterates
`logging.root.manager.loggerDict` to attach its handler to non-propagating loggers. The app that tests serve
runs in a thread of the test process (tests/app_testkit.py), and when that thread creates a logger at the same
moment (a module imported lazily while it answers a request), the iteration fails with "dictionary changed size
during iteration" and the test that was about to start fails with it (seen once in CI, in the browser test).
`logging.getLogger` adds to the table under `logging._lock`, so holding that lock while pytest iterates closes
the race without changing what pytest captures.
"""

from __future__ import annotations

import logging
from typing import Any

from _pytest.logging import catching_logs


def lock_log_capture() -> None:
    """Make pytest's log capture enter under logging's module lock (idempotent)."""
    enter = catching_logs.__enter__
    if getattr(enter, "_locked", False):
        return

    def locked_enter(self: Any) -> Any:
        with logging._lock:  # type: ignore[attr-defined]  # an RLock: addHandler inside takes it again
            return enter(self)

    locked_enter._locked = True  # type: ignore[attr-defined]
    catching_logs.__enter__ = locked_enter  # type: ignore[method-assign]
