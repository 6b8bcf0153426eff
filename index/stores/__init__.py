"""The article store's backends, chosen in one place: embedded SQLite by default, PostgreSQL by url."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from index.store import ArticleStore
from index.stores.protocol import Store, StoreUnavailable

if TYPE_CHECKING:
    from index.config import IndexSettings

__all__ = ["Store", "StoreUnavailable", "open_store"]


def open_store(settings: IndexSettings) -> Store:
    """The store the settings name: ASSISTANT_DATABASE_URL (postgresql://…) or the data directory's SQLite."""
    url = settings.database_url
    match urlsplit(url or "").scheme:
        case "":
            return ArticleStore(settings.store_path)
        case "postgresql" | "postgres":
            if not settings.chroma_host:
                raise StoreUnavailable(
                    "ASSISTANT_DATABASE_URL needs a Chroma server (ASSISTANT_CHROMA_HOST and ASSISTANT_CHROMA_PORT): "
                    "the embedded vector store lives in one data directory, which other replicas cannot read"
                )
            from index.stores.postgres import PostgresStore  # psycopg is imported only for this backend

            assert url is not None
            return PostgresStore(url)
        case other:
            raise StoreUnavailable(f"ASSISTANT_DATABASE_URL: unsupported database {other!r} (use postgresql://…)")
