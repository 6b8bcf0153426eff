"""Fixtures of the ingestion tests: loopback sites, a fast polite fetcher, a registry in a temp database."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # ingest_testkit, also under --import-mode=importlib

from ingest_testkit import FAST, TEST_REGISTRY, Site  # noqa: E402

from index.ingest.fetch import Fetcher  # noqa: E402
from index.ingest.registry import FeedRegistry  # noqa: E402


@pytest.fixture
def make_site() -> Iterator[Callable[[], Site]]:
    """Start loopback sites on demand (each its own host:port); all are stopped after the test."""
    sites: list[Site] = []

    def make() -> Site:
        sites.append(Site())
        return sites[-1]

    yield make
    for s in sites:
        s.close()


@pytest.fixture
def site(make_site: Callable[[], Site]) -> Site:
    return make_site()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as f:
        yield f


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder polls write article files into (inside the articles folder, as the app would)."""
    return tmp_path / "articles" / "feeds"


@pytest.fixture
def registry(tmp_path: Path) -> FeedRegistry:
    return FeedRegistry(tmp_path / "data" / "articles.sqlite3", TEST_REGISTRY)
