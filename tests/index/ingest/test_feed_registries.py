"""The feed registry on PostgreSQL against a real server: the same answers as the SQLite registry for the same
calls, feeds shared by every replica, and a due feed claimed by exactly one of several replicas (both backends)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ingest_testkit import TEST_REGISTRY
from pg_testkit import PostgresServer, available, postgres_server

from index.config import IndexSettings
from index.ingest.registry import FeedRegistry, RegistryPolicy
from index.ingest.registry_protocol import Registry
from index.stores import StoreUnavailable, open_feed_registry

needs_pg = pytest.mark.skipif(not available(), reason="PostgreSQL server programs (initdb, pg_ctl) not installed")
Replicas = Callable[[], Registry]  # each call: another replica's registry over the same database


@pytest.fixture(scope="module")
def pg() -> Iterator[PostgresServer]:
    if not available():
        pytest.skip("PostgreSQL server programs (initdb, pg_ctl) not installed")
    with postgres_server() as server:
        yield server


@pytest.fixture
def pg_url(pg: PostgresServer, request: pytest.FixtureRequest) -> str:
    return pg.create_database("feeds_" + "".join(c for c in request.node.name.lower() if c.isalnum())[:50])


def pg_registry(url: str, policy: RegistryPolicy = TEST_REGISTRY) -> Registry:
    from index.ingest.pg_registry import PostgresFeedRegistry

    return PostgresFeedRegistry(url, policy)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=needs_pg)])
def replicas(request: pytest.FixtureRequest, tmp_path: Path) -> Replicas:
    if request.param == "sqlite":
        return lambda: FeedRegistry(tmp_path / "data" / "articles.sqlite3", TEST_REGISTRY)
    url = request.getfixturevalue("pg_url")
    return lambda: pg_registry(url)


def script(reg: Registry) -> list[object]:
    """Every call the poller and the feed service make, with what each returned (errors as their type)."""
    out: list[object] = []

    def call(fn: Callable[[], object]) -> None:
        try:
            out.append(fn())
        except (ValueError, KeyError) as exc:
            out.append(type(exc).__name__)

    call(lambda: reg.add("ftp://example.com/rss", 600))
    call(lambda: reg.add("https://example.com/rss", 0))
    a = reg.add("HTTPS://Wire.Example:443/rss#top", 300)
    b = reg.add("http://broken.example/rss", 60)
    c = reg.add("http://third.example/feed.json", 120)
    call(reg.list)
    call(lambda: reg.due(0.0))
    call(lambda: reg.record(a.id, ok=True, etag='"v1"', last_modified="Mon", title=" Wire \n", items_added=3,
                            now=1000.0))
    for i in range(4):
        call(lambda i=i: reg.record(b.id, ok=False, error=f"HTTP 500 ({i})" * 400, now=1000.0 + i))
    call(lambda: reg.due(1200.0))
    call(lambda: reg.claim(c.id, 1200.0))
    call(lambda: reg.claim(c.id, 1201.0))  # claimed: no longer due
    call(lambda: reg.claim(a.id, 1200.0))  # not due yet
    call(lambda: reg.due(1300.0))
    call(lambda: reg.record(c.id, ok=True, items_added=1, now=1250.0))
    call(lambda: reg.add("https://wire.example/rss", 60))  # re-added: the next poll moves to the new interval
    call(lambda: reg.record(a.id, ok=True, items_added=-5, now=1400.0))  # None keeps the validators
    call(lambda: reg.get(b.id))
    call(lambda: reg.remove(b.id))
    call(lambda: reg.remove(b.id))
    call(lambda: reg.get(b.id))
    call(lambda: reg.record(b.id, ok=True, now=1.0))
    call(lambda: reg.retry_delay(30, 9))
    call(reg.list)
    return out


@needs_pg
def test_postgres_answers_every_call_as_sqlite_does(pg_url: str, tmp_path: Path) -> None:
    lite = script(FeedRegistry(tmp_path / "articles.sqlite3", TEST_REGISTRY))
    assert script(pg_registry(pg_url)) == lite
    assert "ValueError" in lite[:2] and "KeyError" in lite  # the script reached the error cases


def test_feeds_added_on_one_replica_are_followed_on_every_other(replicas: Replicas) -> None:
    first, second = replicas(), replicas()
    feed = first.add("https://news.example.com/rss", 120)
    second.record(feed.id, ok=False, error="timed out", now=50.0)
    assert first.get(feed.id) == second.get(feed.id) and first.list() == second.list()
    assert (first.list()[0].failures, first.list()[0].next_due) == (1, 60.0)


def test_of_replicas_claiming_the_same_due_feeds_at_once_exactly_one_wins_each(replicas: Replicas) -> None:
    setup = replicas()
    ids = [setup.add(f"https://site{i}.example/rss", 60).id for i in range(12)]
    fleet = [replicas() for _ in range(4)]
    start = threading.Barrier(len(fleet))
    won: dict[int, list[str]] = {n: [] for n in range(len(fleet))}

    def poll_round(n: int) -> None:
        start.wait()
        for fid in ids:
            if fleet[n].claim(fid, 100.0) is not None:
                won[n].append(fid)

    threads = [threading.Thread(target=poll_round, args=(n,)) for n in range(len(fleet))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [fid for wins in won.values() for fid in wins]
    assert sorted(claimed) == sorted(ids), "every due feed claimed exactly once"
    assert setup.due(100.0) == []  # claimed feeds are not due for anyone


def test_a_claim_lapses_when_its_poller_dies_and_a_recorded_poll_sets_the_next_due_time(replicas: Replicas) -> None:
    one, two = replicas(), replicas()
    feed = one.add("https://wire.example/rss", 60)
    taken = one.claim(feed.id, 100.0)
    assert taken is not None and taken.next_due == 100.0 + TEST_REGISTRY.claim_s
    assert two.claim(feed.id, 100.0 + TEST_REGISTRY.claim_s - 1) is None
    assert two.claim(feed.id, 100.0 + TEST_REGISTRY.claim_s) is not None  # the first replica never recorded
    done = two.record(feed.id, ok=True, now=1200.0)
    assert done.next_due == 1260.0 and [f.id for f in one.due(1260.0)] == [feed.id]


@needs_pg
def test_the_database_url_setting_puts_feeds_in_postgresql(pg_url: str, tmp_path: Path) -> None:
    from index.ingest.pg_registry import PostgresFeedRegistry

    shared = open_feed_registry(IndexSettings(data_dir=tmp_path / "a", database_url=pg_url))
    assert isinstance(shared, PostgresFeedRegistry)
    shared.add("https://wire.example/rss", 600)
    elsewhere = open_feed_registry(IndexSettings(data_dir=tmp_path / "b", database_url=pg_url))
    assert [f.url for f in elsewhere.list()] == ["https://wire.example/rss"]
    assert isinstance(open_feed_registry(IndexSettings(data_dir=tmp_path / "c")), FeedRegistry)
    with pytest.raises(StoreUnavailable, match="unsupported database 'mysql'"):
        open_feed_registry(IndexSettings(data_dir=tmp_path / "d", database_url="mysql://x@h/db"))


@needs_pg
def test_a_database_that_is_down_is_one_line_naming_it(tmp_path: Path) -> None:
    down = pg_registry("postgresql://assistant@127.0.0.1:9/feeds")  # nothing listens on port 9; opening is fine
    with pytest.raises(StoreUnavailable, match=r"cannot reach the database at 127\.0\.0\.1:9/feeds") as err:
        down.list()
    assert "\n" not in str(err.value)
