"""The feed registry on PostgreSQL, so every replica follows the same feeds and only one of them polls a due feed.

The rules (accepted urls, ids, due times, backoff) are the SQLite registry's own functions; only the SQL differs.
A due feed is taken by `claim`, one UPDATE whose WHERE re-checks `next_due` on the locked row: of two replicas
claiming at once, the second waits for the first's commit, finds the feed no longer due, and updates nothing."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import fields

from index.ingest.registry import Feed, Feeds, RegistryPolicy, after_poll, checked, retry_delay
from index.stores.pg_connections import Connections

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds(
    seq BIGSERIAL, id TEXT PRIMARY KEY, url TEXT NOT NULL UNIQUE, every_s INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '', etag TEXT NOT NULL DEFAULT '', last_modified TEXT NOT NULL DEFAULT '',
    last_polled DOUBLE PRECISION, last_ok DOUBLE PRECISION, last_error TEXT NOT NULL DEFAULT '',
    failures INTEGER NOT NULL DEFAULT 0, next_due DOUBLE PRECISION NOT NULL DEFAULT 0,
    items INTEGER NOT NULL DEFAULT 0);
"""
_COLUMNS = ", ".join(f.name for f in fields(Feed))


class PostgresFeedRegistry:
    """The Registry protocol (index/ingest/registry_protocol.py) on the article store's PostgreSQL database."""

    def __init__(self, url: str, policy: RegistryPolicy | None = None) -> None:
        self.policy = policy or RegistryPolicy()
        self._db = Connections(url, _SCHEMA)  # a server down now is reported by health checks; the table later

    def _tx(self) -> AbstractContextManager:
        return self._db.transaction()

    def add(self, url: str, every_s: int) -> Feed:
        """Follow a feed (due at once); a url already followed keeps its state and takes the new interval."""
        fid, canonical = checked(url, every_s, self.policy)
        with self._tx() as cur:
            row = cur.execute(
                "INSERT INTO feeds(id, url, every_s) VALUES (%s, %s, %s) ON CONFLICT(id) DO UPDATE SET"
                " every_s = EXCLUDED.every_s,"
                " next_due = CASE WHEN feeds.failures = 0 AND feeds.last_polled IS NOT NULL"
                f" THEN feeds.last_polled + EXCLUDED.every_s ELSE feeds.next_due END RETURNING {_COLUMNS}",
                (fid, canonical, every_s),
            ).fetchone()
        return Feed(*row)

    def list(self) -> Feeds:
        """Every followed feed, in the order they were added."""
        with self._tx() as cur:
            return [Feed(*r) for r in cur.execute(f"SELECT {_COLUMNS} FROM feeds ORDER BY seq").fetchall()]

    def get(self, feed_id: str) -> Feed | None:
        """One feed, or None."""
        with self._tx() as cur:
            row = cur.execute(f"SELECT {_COLUMNS} FROM feeds WHERE id = %s", (feed_id,)).fetchone()
        return Feed(*row) if row else None

    def remove(self, feed_id: str) -> bool:
        """Stop following a feed (its written articles stay); False when there was no such feed."""
        with self._tx() as cur:
            return cur.execute("DELETE FROM feeds WHERE id = %s", (feed_id,)).rowcount > 0

    def due(self, now: float) -> Feeds:
        """Feeds whose next poll time has come, the most overdue first."""
        with self._tx() as cur:
            rows = cur.execute(
                f"SELECT {_COLUMNS} FROM feeds WHERE next_due <= %s ORDER BY next_due, seq", (now,)
            ).fetchall()
        return [Feed(*r) for r in rows]

    def claim(self, feed_id: str, now: float) -> Feed | None:
        """Take a due feed for one poll, atomically across replicas: its next poll moves `claim_s` ahead (a
        replica that dies mid-poll frees it then); None when another replica has it or it is gone."""
        with self._tx() as cur:
            row = cur.execute(
                f"UPDATE feeds SET next_due = %s WHERE id = %s AND next_due <= %s RETURNING {_COLUMNS}",
                (now + self.policy.claim_s, feed_id, now),
            ).fetchone()
        return Feed(*row) if row else None

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
        """Store a poll's outcome (None keeps a field as it was); the row is locked from read to write, so two
        pollers never lose a count. A failure is retried after a doubling, capped delay."""
        with self._tx() as cur:
            row = cur.execute(f"SELECT {_COLUMNS} FROM feeds WHERE id = %s FOR UPDATE", (feed_id,)).fetchone()
            if row is None:
                raise KeyError(f"no feed with id {feed_id!r}")
            values = after_poll(
                Feed(*row), self.policy, ok=ok, error=error, etag=etag, last_modified=last_modified,
                title=title, items_added=items_added, now=now,
            )
            row = cur.execute(
                "UPDATE feeds SET etag = %s, last_modified = %s, title = %s, last_polled = %s, last_ok = %s,"
                " last_error = %s, failures = %s, next_due = %s, items = items + %s"
                f" WHERE id = %s RETURNING {_COLUMNS}",
                (*values, feed_id),
            ).fetchone()
        return Feed(*row)

    def retry_delay(self, every_s: int, failures: int) -> float:
        """Seconds until a feed that failed `failures` times in a row is tried again."""
        return retry_delay(self.policy, every_s, failures)

    def close(self) -> None:
        """Close the idle connections."""
        self._db.close()
