"""Loopback ports for the servers the tests start, that do not collide when test files run in parallel.

Asking the OS for a free port (bind to 0, close, pass the number on) races: until the server binds it, another
xdist worker's server may be handed the same number, and any outgoing connection may take it as its local port,
since both come from the kernel's ephemeral range. So each worker hands out ports from its own block below that
range, each number once per process, and only one that can be bound right now.
"""

from __future__ import annotations

import itertools
import os
import socket

FIRST = 20000  # below Linux's ephemeral range (32768-60999): outgoing connections never take these
BLOCK = 2000  # ports per worker; pytest-xdist runs at most 4 here (Makefile: --maxprocesses 4)
_offsets = itertools.count(os.getpid() % BLOCK)  # two sessions side by side start at different places


def _worker() -> int:
    """This process's xdist worker number (gw0, gw1, ...), 0 when tests run in one process."""
    name = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(name[2:]) if name.startswith("gw") and name[2:].isdigit() else 0


def free_port() -> int:
    """A loopback port that nothing listens on now and that no other worker will be given."""
    start = FIRST + _worker() * BLOCK
    for _ in range(BLOCK):
        port = start + next(_offsets) % BLOCK
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue  # in use, or still closing
            return port
    raise RuntimeError(f"no free loopback port in {start}-{start + BLOCK - 1}")
