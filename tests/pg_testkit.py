"""A real PostgreSQL for tests: initdb in a temporary directory, served on a free loopback port by pg_ctl.

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user that Debian's package
creates. Tests that need it skip only when the server programs are not installed (`.ci/run` installs them)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from ports import free_port

SUPERUSER = "assistant"


def pg_bin(name: str) -> str | None:
    """A PostgreSQL server program: on PATH, else in Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return candidates[-1] if candidates else None


def available() -> bool:
    """True when initdb and pg_ctl are installed."""
    return bool(pg_bin("initdb") and pg_bin("pg_ctl"))


def _as_server_user(argv: list[str]) -> list[str]:
    """The command as the unprivileged `postgres` user when we are root."""
    if os.geteuid() != 0:
        return argv
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError("running as root needs the `postgres` user (apt-get install postgresql)") from None
    return ["runuser", "-u", "postgres", "--", *argv]


@dataclass
class PostgresServer:
    """One running cluster: its data directory, port, and how to stop, start and reach it."""

    root: Path
    port: int

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        """A connection url for a database of this server."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def pg_ctl(self, *args: str) -> None:
        """Run pg_ctl on this cluster (as the server's user)."""
        argv = [str(pg_bin("pg_ctl")), "-D", str(self.data), *args]
        subprocess.run(_as_server_user(argv), check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        """Start (or restart after stop) on loopback only, waiting until it accepts connections."""
        options = f"-p {self.port} -k {self.root / 'sock'} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.pg_ctl("-o", options, "-l", str(self.root / "server.log"), "-w", "start")

    def stop(self) -> None:
        """Stop at once (open sessions are cut, as when the server goes down)."""
        self.pg_ctl("-m", "immediate", "-w", "stop")

    def create_database(self, name: str) -> str:
        """A fresh database; returns its url."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway cluster under /tmp (readable by the server's user), removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
    root.chmod(0o755)
    (root / "data").mkdir(mode=0o700)
    (root / "sock").mkdir(mode=0o755)
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (root, root / "data", root / "sock"):
            os.chown(path, user.pw_uid, user.pw_gid)
    server = PostgresServer(root, free_port())
    initdb = [str(pg_bin("initdb")), "-D", str(server.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
              "--locale=C.UTF-8", "--no-sync"]
    try:
        subprocess.run(_as_server_user(initdb), check=True, capture_output=True, timeout=120)
        server.start()
        yield server
    finally:
        with suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):  # already stopped by the test
            server.stop()
        shutil.rmtree(root, ignore_errors=True)
