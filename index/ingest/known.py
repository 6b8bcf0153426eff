"""Which story urls the index already holds, so a poll does not fetch a page it has already indexed."""

from __future__ import annotations

from collections.abc import Callable

from index.stores import Store


def store_urls(store: Store) -> Callable[[str], bool]:
    """A `known_url` for refresh(): a snapshot of every url in the store (each story's own and its copies'),
    taken once per poll round so each item costs a set lookup, not a query."""
    urls = {u for entry in store.manifest().values() for u in entry.urls}
    return urls.__contains__
