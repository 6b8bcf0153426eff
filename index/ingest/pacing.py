"""Per-host politeness: requests to one host are spaced at least a set interval apart, across threads."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class HostPacer:
    """Hands out request slots per host; each caller sleeps until its slot, so one host is never hammered."""

    def __init__(
        self,
        interval_s: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval_s = interval_s
        self._clock, self._sleep = clock, sleep
        self._next: dict[str, float] = {}
        self._gap: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, interval_s: float | None = None) -> float:
        """Block until a request to `host` is polite; returns the seconds waited."""
        gap = self.interval_s if interval_s is None else max(self.interval_s, interval_s)
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + gap
            self._gap[host] = gap
        delay = slot - now
        if delay > 0:
            self._sleep(delay)
        return delay

    def finished(self, host: str) -> None:
        """Count the gap from the end of a request too, so a slow answer never lets the next one crowd in."""
        with self._lock:
            after = self._clock() + self._gap.get(host, self.interval_s)
            self._next[host] = max(self._next.get(host, after), after)
