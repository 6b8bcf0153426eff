"""PostgreSQL sessions for the store: a few reused connections, the update lock, and one clear error for every
way the server can be down, so callers see `StoreUnavailable` naming the server instead of a driver traceback."""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress

import psycopg
from psycopg.conninfo import conninfo_to_dict

from index.lock import UpdateInProgress
from index.stores.protocol import StoreUnavailable

CONNECT_TIMEOUT_S = 3  # a server that does not answer within this is reported as down
KEEP_IDLE = 8  # idle connections kept for reuse per process
SCHEMA_LOCK_KEY = 160_017  # two processes creating the tables at once would collide in the catalog
UPDATE_LOCK_KEY = 160_016  # the advisory lock every writer of one database takes (issue 16's number)
_UNREACHABLE = (psycopg.OperationalError, psycopg.InterfaceError)


def server_name(url: str) -> str:
    """host:port/database of a connection url, without the user or password, for messages."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise StoreUnavailable(f"ASSISTANT_DATABASE_URL is not a valid PostgreSQL url ({exc})") from None
    return f"{info.get('host') or 'localhost'}:{info.get('port') or 5432}/{info.get('dbname') or ''}"


class Connections:
    """Connections in autocommit mode, each use one explicit transaction; a broken one is dropped, with every
    idle one (after a server restart they are all dead), so the next call reconnects by itself."""

    def __init__(self, url: str, schema: str = "") -> None:
        self.url = url
        self.name = server_name(url)
        self._idle: queue.LifoQueue[psycopg.Connection] = queue.LifoQueue()
        self._schema = schema  # created on first use, so a server that is down at start-up is no crash
        with suppress(StoreUnavailable):
            self._ensure_schema()

    def _ensure_schema(self) -> None:
        """Create the tables once per process; under a lock, since two processes creating them collide."""
        if not self._schema:
            return
        with self._transaction() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_KEY,))
            cur.execute(self._schema)
        self._schema = ""

    def unavailable(self, exc: Exception) -> StoreUnavailable:
        """The one-line error for a server we cannot use."""
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        reason = lines[0] if lines else type(exc).__name__
        return StoreUnavailable(
            f"cannot reach the database at {self.name} ({reason}); start PostgreSQL or unset "
            "ASSISTANT_DATABASE_URL for the embedded store"
        )

    def open(self) -> psycopg.Connection:
        """A new session (named after this process, so a refused writer can say who holds the lock)."""
        try:
            return psycopg.connect(
                self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                application_name=f"news-assistant pid {os.getpid()}",
            )
        except _UNREACHABLE as exc:
            raise self.unavailable(exc) from None

    def _take(self) -> psycopg.Connection:
        while True:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                return self.open()
            if not conn.closed and not conn.broken:
                return conn

    def _drop_idle(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return

    def transaction(self, snapshot: bool = False) -> AbstractContextManager[psycopg.Cursor]:
        """One transaction (committed on success, rolled back on error) once the tables exist; snapshot:
        repeatable read, read only."""
        self._ensure_schema()
        return self._transaction(snapshot)

    @contextmanager
    def _transaction(self, snapshot: bool = False) -> Iterator[psycopg.Cursor]:
        conn = self._take()
        try:
            with conn.transaction(), conn.cursor() as cur:
                if snapshot:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield cur
        except _UNREACHABLE as exc:
            conn.close()
            self._drop_idle()
            raise self.unavailable(exc) from None
        except BaseException:
            self._give_back(conn)
            raise
        self._give_back(conn)

    def _give_back(self, conn: psycopg.Connection) -> None:
        if conn.closed or conn.broken or self._idle.qsize() >= KEEP_IDLE:
            conn.close()
        else:
            self._idle.put(conn)

    @contextmanager
    def update_lock(self) -> Iterator[None]:
        """Hold the database's update lock on a session of its own, or raise UpdateInProgress at once. On exit it
        is unlocked before the session closes: a closed session's lock lingers until its server process has
        ended, and the next writer (an upload's job, just after its busy check) would be refused meanwhile. The
        server also frees it when this process dies (even by SIGKILL)."""
        self._ensure_schema()
        conn = self.open()
        got = None
        try:
            try:
                got = conn.execute("SELECT pg_try_advisory_lock(%s)", (UPDATE_LOCK_KEY,)).fetchone()
                holder = None if got and got[0] else conn.execute(
                    "SELECT a.application_name, a.client_addr FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
                    " WHERE l.locktype = 'advisory' AND l.classid = 0 AND l.objid = %s AND l.granted"
                    " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                    (UPDATE_LOCK_KEY,),
                ).fetchone()
            except _UNREACHABLE as exc:
                raise self.unavailable(exc) from None
            if not (got and got[0]):
                who = f"{holder[0] or 'a client'} at {holder[1] or 'local socket'}" if holder else "another client"
                raise UpdateInProgress(
                    f"another update of the database at {self.name} is running ({who}); try again when it finishes"
                )
            yield
        finally:
            if got and got[0] and not conn.closed:
                with suppress(*_UNREACHABLE):  # a dead session's lock is freed by the server
                    conn.execute("SELECT pg_advisory_unlock(%s)", (UPDATE_LOCK_KEY,))
            conn.close()

    def close(self) -> None:
        """Close the idle connections."""
        self._drop_idle()
