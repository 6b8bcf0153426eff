"""robots.txt rules per host, fetched once and cached, so the poller only fetches what sites allow."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

RobotsFetch = Callable[[str], tuple[int, bytes]]  # url -> (status, body); raises when the host cannot be reached


@dataclass
class _Entry:
    parser: RobotFileParser | None  # None: everything is allowed (no robots.txt, or it could not be fetched)
    fetched: float


class RobotsCache:
    """Whether a url may be fetched, per RFC 9309: a 2xx robots.txt is obeyed; a missing one (4xx) or one
    that cannot be fetched allows everything."""

    def __init__(
        self, fetch: RobotsFetch, user_agent: str, ttl_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._fetch, self._agent, self._ttl, self._clock = fetch, user_agent, ttl_s, clock
        self._cache: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        """True when the url's host lets this user agent fetch it."""
        parser = self._parser(url)
        return parser is None or parser.can_fetch(self._agent, url)

    def crawl_delay(self, url: str) -> float:
        """The host's Crawl-delay for this agent in seconds (0 when it sets none)."""
        parser = self._parser(url)
        delay = parser.crawl_delay(self._agent) if parser is not None else None
        return float(delay) if delay else 0.0

    def _parser(self, url: str) -> RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            entry = self._cache.get(origin)
        if entry is None or self._clock() - entry.fetched > self._ttl:
            entry = _Entry(self._load(urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))), self._clock())
            with self._lock:
                self._cache[origin] = entry
        return entry.parser

    def _load(self, robots_url: str) -> RobotFileParser | None:
        try:
            status, body = self._fetch(robots_url)
        except Exception:  # an unreachable robots.txt must not stop the feed: treated as allowing everything
            return None
        if not 200 <= status < 300:
            return None
        parser = RobotFileParser(robots_url)
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser
