"""The article store's backends and the feeds beside it, chosen in one place: embedded SQLite by default,
PostgreSQL by url."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from index.ingest.registry import FeedRegistry
from index.ingest.registry_protocol import Registry
from index.store import ArticleStore
from index.stores.protocol import Store, StoreUnavailable

if TYPE_CHECKING:
    from index.config import IndexSettings

__all__ = ["Registry", "Store", "StoreUnavailable", "open_feed_registry", "open_store"]


def _postgres_url(settings: IndexSettings) -> str | None:
    """The PostgreSQL url ASSISTANT_DATABASE_URL names, or None for the data directory's SQLite."""
    url = settings.database_url
    match urlsplit(url or "").scheme:
        case "":
            return None
        case "postgresql" | "postgres":
            return url
        case other:
            raise StoreUnavailable(f"ASSISTANT_DATABASE_URL: unsupported database {other!r} (use postgresql://…)")


def open_store(settings: IndexSettings) -> Store:
    """The store the settings name: ASSISTANT_DATABASE_URL (postgresql://…) or the data directory's SQLite."""
    url = _postgres_url(settings)
    if url is None:
        return ArticleStore(settings.store_path)
    if not settings.chroma_host:
        raise StoreUnavailable(
            "ASSISTANT_DATABASE_URL needs a Chroma server (ASSISTANT_CHROMA_HOST and ASSISTANT_CHROMA_PORT): "
            "the embedded vector store lives in one data directory, which other replicas cannot read"
        )
    from index.stores.postgres import PostgresStore  # psycopg is imported only for this backend

    return PostgresStore(url)


def open_feed_registry(settings: IndexSettings) -> Registry:
    """The feeds live in the store's database: PostgreSQL (shared by every replica) or the data directory's SQLite."""
    url = _postgres_url(settings)
    if url is None:
        return FeedRegistry(settings.store_path)
    from index.ingest.pg_registry import PostgresFeedRegistry  # psycopg is imported only for this backend

    return PostgresFeedRegistry(url)
