"""The feeds being followed, kept in SQLite beside the articles so that they survive a restart."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from index.sqlite_wal import connect

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds(
    id TEXT PRIMARY KEY, url TEXT NOT NULL UNIQUE, every_s INTEGER NOT NULL, title TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '', last_modified TEXT NOT NULL DEFAULT '', last_polled REAL, last_ok REAL,
    last_error TEXT NOT NULL DEFAULT '', failures INTEGER NOT NULL DEFAULT 0, next_due REAL NOT NULL DEFAULT 0,
    items INTEGER NOT NULL DEFAULT 0);
"""
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class RegistryPolicy:
    """How often a feed may be polled, and how a failing feed is retried (tuned numbers, in seconds)."""

    min_every_s: int = 60  # polling faster than this is impolite to the publisher
    retry_base_s: float = 60.0  # first retry after a failed poll; doubles with each further failure
    max_backoff_s: float = 6 * 3600.0  # a failing feed is still retried at least this often (or every_s)
    id_chars: int = 12  # length of a feed id (a hex sha1 prefix)
    max_error_chars: int = 2000  # a stored error message is cut to this
    busy_timeout_s: float = 30.0  # wait this long for another writer (the indexer) to finish
    claim_s: float = 900.0  # a claimed feed is not due for others this long (a poller that died frees it then)


@dataclass(frozen=True)
class Feed:
    """One followed feed and the state of its polling."""

    id: str
    url: str
    every_s: int
    title: str
    etag: str
    last_modified: str
    last_polled: float | None
    last_ok: float | None
    last_error: str
    failures: int
    next_due: float
    items: int


_COLUMNS = ", ".join(f.name for f in fields(Feed))
Feeds = list[Feed]  # an alias: inside FeedRegistry, `list` names its method


def normalise_url(url: str) -> str:
    """The canonical form of a feed url (scheme and host lower-case, no default port or fragment), or
    ValueError saying what is wrong with it."""
    text = url.strip() if isinstance(url, str) else ""
    if not text or any(c.isspace() for c in text):
        raise ValueError(f"feed url must be a non-empty http(s) url without spaces, got {url!r}")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"feed url {url!r} is not a valid url: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"feed url must start with http:// or https://, got {url!r}")
    host = (parts.hostname or "").lower()
    if not host:
        raise ValueError(f"feed url {url!r} has no host name")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal keeps its brackets
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username or parts.password:
        raise ValueError(f"feed url {url!r} must not carry a user name or password")
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def feed_id(normalised_url: str, chars: int = RegistryPolicy.id_chars) -> str:
    """A short id that stays the same for the same feed, so links and the articles folder keep their names."""
    return hashlib.sha1(normalised_url.encode("utf-8")).hexdigest()[:chars]


def checked(url: str, every_s: int, policy: RegistryPolicy) -> tuple[str, str]:
    """(feed id, canonical url) of a feed to add, or ValueError, so every backend accepts the same feeds."""
    if isinstance(every_s, bool) or not isinstance(every_s, int) or every_s < policy.min_every_s:
        raise ValueError(f"every_s must be a whole number of seconds >= {policy.min_every_s}, got {every_s!r}")
    canonical = normalise_url(url)
    return feed_id(canonical, policy.id_chars), canonical


def retry_delay(policy: RegistryPolicy, every_s: int, failures: int) -> float:
    """Seconds until a feed that failed `failures` times in a row is tried again."""
    cap = max(policy.max_backoff_s, float(every_s))
    return min(policy.retry_base_s * 2.0 ** min(failures - 1, 62), cap)


def after_poll(
    feed: Feed, policy: RegistryPolicy, *, ok: bool, error: str, etag: str | None, last_modified: str | None,
    title: str | None, items_added: int, now: float,
) -> tuple[str, str, str, float, float | None, str, int, float, int]:
    """The columns a poll's outcome sets (etag, last_modified, title, last_polled, last_ok, last_error, failures,
    next_due, items added), computed once for every backend; None keeps a field as it was."""
    failures = 0 if ok else feed.failures + 1
    return (
        feed.etag if etag is None else etag,
        feed.last_modified if last_modified is None else last_modified,
        feed.title if title is None else " ".join(title.split()),
        now,
        now if ok else feed.last_ok,
        error[: policy.max_error_chars],
        failures,
        now + (feed.every_s if ok else retry_delay(policy, feed.every_s, failures)),
        max(0, items_added),
    )


class FeedRegistry:
    """A `feeds` table in the given SQLite file (WAL mode, one short transaction per call)."""

    def __init__(self, db_path: Path, policy: RegistryPolicy | None = None) -> None:
        self.path = Path(db_path)
        self.policy = policy or RegistryPolicy()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path, self.policy.busy_timeout_s)

    def add(self, url: str, every_s: int) -> Feed:
        """Follow a feed (due at once); a url already followed keeps its state and takes the new interval."""
        fid, canonical = checked(url, every_s, self.policy)
        with self._connect() as db:
            db.execute(
                "INSERT INTO feeds(id, url, every_s) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                " every_s = excluded.every_s,"
                " next_due = CASE WHEN failures = 0 AND last_polled IS NOT NULL"
                " THEN last_polled + excluded.every_s ELSE next_due END",
                (fid, canonical, every_s),
            )
            return self._row(db, fid)

    def list(self) -> Feeds:
        """Every followed feed, in the order they were added."""
        with self._connect() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM feeds ORDER BY rowid").fetchall()
        return [Feed(*r) for r in rows]

    def get(self, feed_id: str) -> Feed | None:
        """One feed, or None."""
        with self._connect() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM feeds WHERE id = ?", (feed_id,)).fetchone()
        return Feed(*row) if row else None

    def remove(self, feed_id: str) -> bool:
        """Stop following a feed (its written articles stay); False when there was no such feed."""
        with self._connect() as db:
            return db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,)).rowcount > 0

    def due(self, now: float) -> Feeds:
        """Feeds whose next poll time has come, the most overdue first."""
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM feeds WHERE next_due <= ? ORDER BY next_due, rowid", (now,)
            ).fetchall()
        return [Feed(*r) for r in rows]

    def claim(self, feed_id: str, now: float) -> Feed | None:
        """Take a due feed for one poll, atomically: its next poll moves `claim_s` ahead, so no other poller
        of this file takes it; None when it is not due (another poller has it) or gone."""
        with self._connect() as db:
            claimed = db.execute(
                "UPDATE feeds SET next_due = ? WHERE id = ? AND next_due <= ?",
                (now + self.policy.claim_s, feed_id, now),
            ).rowcount
            return self._row(db, feed_id) if claimed else None

    def record(
        self,
        feed_id: str,
        *,
        ok: bool,
        error: str = "",
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
        items_added: int = 0,
        now: float,
    ) -> Feed:
        """Store a poll's outcome (None keeps a field as it was). A failure is retried after a delay that
        doubles with each consecutive failure, capped, so one broken feed never holds up the others."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")  # read and write in one transaction: two pollers never lose a count
            row = db.execute(f"SELECT {_COLUMNS} FROM feeds WHERE id = ?", (feed_id,)).fetchone()
            if row is None:
                raise KeyError(f"no feed with id {feed_id!r}")
            db.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, title = ?, last_polled = ?, last_ok = ?,"
                " last_error = ?, failures = ?, next_due = ?, items = items + ? WHERE id = ?",
                (*after_poll(
                    Feed(*row), self.policy, ok=ok, error=error, etag=etag, last_modified=last_modified,
                    title=title, items_added=items_added, now=now,
                ), feed_id),
            )
            return self._row(db, feed_id)

    def retry_delay(self, every_s: int, failures: int) -> float:
        """Seconds until a feed that failed `failures` times in a row is tried again."""
        return retry_delay(self.policy, every_s, failures)

    @staticmethod
    def _row(db: sqlite3.Connection, fid: str) -> Feed:
        return Feed(*db.execute(f"SELECT {_COLUMNS} FROM feeds WHERE id = ?", (fid,)).fetchone())
