"""The PostgreSQL store against a real server: the same answers as the SQLite store for the same writes, one
writer at a time (an advisory lock the server frees when the writer dies), BM25 brought forward by the change
log, and one clear error while the server is down, with recovery when it returns."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_testkit import PostgresServer, available, postgres_server

from index.lexical import LexicalIndex
from index.lock import UpdateInProgress
from index.records import ArticleUpsert
from index.store import ArticleStore
from index.stores import StoreUnavailable
from index.stores.postgres import PostgresStore
from index.types import Article, Chunk
from newstext.terms import terms

pytestmark = pytest.mark.skipif(not available(), reason="PostgreSQL server programs (initdb, pg_ctl) not installed")


@pytest.fixture(scope="module")
def pg() -> Iterator[PostgresServer]:
    with postgres_server() as server:
        yield server


@pytest.fixture
def pg_store(pg: PostgresServer, request: pytest.FixtureRequest) -> PostgresStore:
    return PostgresStore(pg.create_database(request.node.name.lower()[:60]))


def upsert(article_id: str, body: str, title: str = "", url: str = "", date: str = "") -> ArticleUpsert:
    """An article cut into sentence chunks, as the updater would write it."""
    article = Article(article_id, body, title or article_id.title(), url, date, "file", f"{article_id}.txt")
    chunks, start = [], 0
    for i, sentence in enumerate(body.split(". ")):
        begin = body.index(sentence, start)
        chunks.append(Chunk(article_id, i, begin, begin + len(sentence), sentence))
        start = begin + len(sentence)
    h = article.content_hash
    return ArticleUpsert(
        article, f"/a/{article_id}.txt", h, [url] if url else [], chunks, [c.chunk_id(h) for c in chunks],
        [" ".join(terms(c.text)) for c in chunks], {},
    )


def snapshot(store: ArticleStore | PostgresStore) -> tuple[object, ...]:
    """Everything the read and write paths ask a store, with volatile times left out."""
    ids = sorted(store.all_chunk_ids())
    live = {k: (c, a.title, a.url, a.date, a.urls) for k, (c, a) in store.live_chunks(ids).items()}
    listed = [(a.id, a.title, a.chunk_count, a.urls) for a in store.list_articles(0, 100)]
    manifest = store.manifest()
    texts = {i: store.get_text(i) for i in manifest}
    got = {i: (g.text, g.chunk_count) for i in manifest if (g := store.get(i))}
    return store.counts(), manifest, ids, live, listed, texts, got, store.all_terms(), store.generation()


WRITES = [
    ([upsert("kyiv", "Strikes hit Kyiv overnight. Power was cut in two districts. Repairs began at dawn",
             url="https://news.example/2024/01/05/kyiv", date="2024-01-05"),
      upsert("wheat", "Wheat prices rose in Kansas. Farmers expect a late harvest", date="2024-01-03")], []),
    ([upsert("kyiv", "Strikes hit Kyiv overnight. Power returned by noon", date="2024-01-05"),
      upsert("port", "Dock workers in Rotterdam ended their strike. Ships are leaving again")], ["wheat"]),
    ([], ["port"]),
]


def test_the_same_writes_read_back_the_same_as_sqlite(pg_store: PostgresStore, tmp_path: Path) -> None:
    lite = ArticleStore(tmp_path / "articles.sqlite3")
    for generation, (upserts, removals) in enumerate(WRITES, start=1):
        meta = {"generation": str(generation), "lexical_generation": str(generation)}
        assert pg_store.commit(upserts, removals, meta) == lite.commit(upserts, removals, meta)
        assert snapshot(pg_store) == snapshot(lite)
    assert pg_store.article("kyiv") == lite.article("kyiv")
    assert pg_store.claim_meta("server_collection", "a") == "a"
    assert pg_store.claim_meta("server_collection", "b") == "a", "the first claim holds, for every replica"


def test_a_commit_from_a_stale_generation_is_refused(pg_store: PostgresStore) -> None:
    pg_store.commit(*WRITES[0], {"generation": "1"})
    with pytest.raises(UpdateInProgress, match="moved to generation 1"):
        pg_store.commit(*WRITES[1], {"generation": "1"})  # a writer that lost its lock: nothing applied
    assert set(pg_store.manifest()) == {"kyiv", "wheat"}


def test_bm25_follows_generations_through_the_change_log(pg_store: PostgresStore) -> None:
    pg_store.commit(*WRITES[0], {"generation": "1"})
    first = pg_store.lexical_since(None)
    assert first.touched is None and first.generation == 1
    base = LexicalIndex.build(first.chunk_ids, first.terms)
    for generation, (upserts, removals) in enumerate(WRITES[1:], start=2):
        pg_store.commit(upserts, removals, {"generation": str(generation)})
    delta = pg_store.lexical_since(1)
    assert delta.generation == 3 and delta.touched == {"kyiv", "wheat", "port"}
    stale = {cid for cid in base.chunk_ids if cid.rsplit("::", 2)[0] in delta.touched}
    moved = base.updated(stale, delta.chunk_ids, delta.terms)
    full = pg_store.lexical_since(None)
    rebuilt = LexicalIndex.build(full.chunk_ids, full.terms)
    assert sorted(moved.chunk_ids) == sorted(rebuilt.chunk_ids) == sorted(pg_store.all_chunk_ids())
    query = terms("power returned in Kyiv")
    by_id = dict(zip(moved.chunk_ids, moved.scores(query), strict=True))
    assert by_id == pytest.approx(dict(zip(rebuilt.chunk_ids, rebuilt.scores(query), strict=True)))


HOLDER = """
import sys, time
from index.stores.postgres import PostgresStore
with PostgresStore(sys.argv[1]).update_lock():
    print("locked", flush=True)
    time.sleep(600)
"""


def test_one_writer_at_a_time_and_a_killed_writer_frees_the_lock(pg_store: PostgresStore, pg: PostgresServer) -> None:
    url = pg_store._db.url
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        refused = rf"another update of the database at 127.0.0.1:{pg.port}/.*pid {holder.pid}"
        with pytest.raises(UpdateInProgress, match=refused), pg_store.update_lock():
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    deadline = time.monotonic() + 10
    while True:  # the server notices the dead session at once on loopback (the socket closes)
        try:
            with pg_store.update_lock():
                break
        except UpdateInProgress:
            assert time.monotonic() < deadline, "the killed writer's lock was never freed"
            time.sleep(0.1)


def test_a_released_lock_is_free_at_once_for_the_next_writer(pg_store: PostgresStore) -> None:
    """An upload's job checks that no other process writes, lets go, then takes the lock again for the update:
    the lock must be free the moment the first holder lets go. Closing its session alone left it held until the
    session's server process had ended, and a job in that window failed at once ("another update of the
    database"). Another session that is already open asks right after each release."""
    import psycopg

    from index.stores.pg_connections import UPDATE_LOCK_KEY

    with psycopg.connect(pg_store._db.url, autocommit=True) as probe:
        for _ in range(30):
            with pg_store.update_lock():
                pass
            assert probe.execute("SELECT pg_try_advisory_lock(%s)", (UPDATE_LOCK_KEY,)).fetchone() == (True,)
            probe.execute("SELECT pg_advisory_unlock(%s)", (UPDATE_LOCK_KEY,))


def test_a_server_that_is_down_is_one_line_and_recovery_is_automatic(pg: PostgresServer) -> None:
    store = PostgresStore(pg.create_database("downtime"))
    store.commit(*WRITES[0], {"generation": "1"})
    pg.stop()
    try:
        with pytest.raises(StoreUnavailable) as down:
            store.counts()
        message = str(down.value)
        assert message.startswith(f"cannot reach the database at 127.0.0.1:{pg.port}/downtime (")
        assert "\n" not in message and "password" not in message
        with pytest.raises(StoreUnavailable):
            PostgresStore(pg.url("downtime")).counts()  # a store opened while the server is down, too
    finally:
        pg.start()
    assert store.counts() == (2, 5), "the same store object reconnects by itself"


def test_an_unreachable_url_never_raises_a_driver_error() -> None:
    store = PostgresStore("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreUnavailable, match=r"cannot reach the database at 127.0.0.1:1/none"):
        store.get_meta("generation")


def test_handles_name_every_server_that_is_down_without_raising(tmp_path: Path) -> None:
    from assistant.settings import load_settings
    from index.handles import IndexHandles

    settings = load_settings(
        data_dir=tmp_path, database_url="postgresql://nobody@127.0.0.1:1/news", chroma_host="127.0.0.1", chroma_port=1
    )
    problems = IndexHandles(settings).problems()  # what start-up prints and /api/health answers (503)
    assert len(problems) == 2, problems
    assert problems[0].startswith("cannot reach the database at 127.0.0.1:1/news (")
    assert problems[1].startswith("cannot reach the Chroma server at 127.0.0.1:1 (")
    assert all("\n" not in p for p in problems)


def test_a_database_url_needs_a_chroma_server(tmp_path: Path) -> None:
    from assistant.settings import load_settings
    from index.stores import open_store

    with pytest.raises(StoreUnavailable, match="needs a Chroma server"):
        open_store(load_settings(data_dir=tmp_path, database_url="postgresql://a@127.0.0.1:1/b", chroma_host=None))
    with pytest.raises(StoreUnavailable, match="unsupported database 'mysql'"):
        open_store(load_settings(data_dir=tmp_path, database_url="mysql://a@h/b", chroma_host="h", chroma_port=1))
