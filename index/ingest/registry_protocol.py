"""The feed registry interface the poller and the feed service call, whichever database holds the feeds."""

from __future__ import annotations

from typing import Protocol

from index.ingest.registry import Feed, Feeds, RegistryPolicy


class Registry(Protocol):
    """Followed feeds and their polling state: SQLite in the data directory, or PostgreSQL shared by replicas."""

    policy: RegistryPolicy

    def add(self, url: str, every_s: int) -> Feed: ...
    def list(self) -> Feeds: ...
    def get(self, feed_id: str) -> Feed | None: ...
    def remove(self, feed_id: str) -> bool: ...
    def due(self, now: float) -> Feeds: ...
    def claim(self, feed_id: str, now: float) -> Feed | None: ...
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
    ) -> Feed: ...
    def retry_delay(self, every_s: int, failures: int) -> float: ...
