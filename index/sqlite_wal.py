"""One way to open the index's SQLite database: WAL (readers see the last commit while a writer works), a busy
timeout for the other writer, and one transaction per use."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def connect(path: Path, busy_timeout_s: float) -> Iterator[sqlite3.Connection]:
    """A connection whose block is one transaction (committed on success, rolled back on error), then closed."""
    db = sqlite3.connect(path, timeout=busy_timeout_s)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        with db:
            yield db
    finally:
        db.close()
