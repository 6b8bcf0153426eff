"""The SQLite article store: the manifest the updater plans from and the text citations slice, kept atomic."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from index.records import ArticleUpsert
from index.store import ArticleStore
from index.types import Article, Chunk


@pytest.fixture
def store(tmp_path: Path) -> ArticleStore:
    return ArticleStore(tmp_path / "nested" / "articles.sqlite3")


def upsert(article_id: str, text: str, *, date: str = "", urls: tuple[str, ...] = (), tag: str = "h") -> ArticleUpsert:
    """An article cut into one chunk per sentence ('. '-separated), with ids that carry `tag`."""
    article = Article(
        id=article_id,
        text=text,
        title=f"T {article_id}",
        url=(urls or ("",))[0],
        date=date,
        source="example.com",
        origin=f"/feeds/{article_id}.jsonl:1",
    )
    chunks, start = [], 0
    for i, sentence in enumerate(text.split(". ")):
        start = text.index(sentence, start)
        chunks.append(Chunk(article_id, i, start, start + len(sentence), sentence))
        start += len(sentence)
    return ArticleUpsert(
        article=article,
        file=f"/feeds/{article_id}.jsonl",
        hash=f"{tag}-{article_id}",
        urls=list(urls),
        chunks=chunks,
        chunk_ids=[f"{article_id}::{tag}::{c.index}" for c in chunks],
        terms=[c.text.lower() for c in chunks],
    )


def test_a_new_store_is_empty_and_in_wal_mode(store: ArticleStore) -> None:
    assert store.path.exists()
    assert (store.manifest(), store.counts(), store.generation()) == ({}, (0, 0), 0)
    assert store.get("nope") is None and store.get_text("nope") is None
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert ArticleStore(store.path).counts() == (0, 0), "reopening an existing store"


def test_commit_stores_articles_chunks_urls_and_meta(store: ArticleStore) -> None:
    a = upsert(
        "a", "The vote passed. Critics objected", date="2024-01-05", urls=("https://x.example/a", "https://y.example/a")
    )
    b = upsert("b", "Rain fell", date="2024-02-01")
    assert store.commit([a, b], [], {"generation": "1", "signature": "sig"}) == []

    assert {k: (e.hash, e.file) for k, e in store.manifest().items()} == {
        "a": ("h-a", "/feeds/a.jsonl"),
        "b": ("h-b", "/feeds/b.jsonl"),
    }
    assert store.manifest()["a"].urls == ["https://x.example/a", "https://y.example/a"]
    assert store.counts() == (2, 3)
    got = store.get("a")
    assert got is not None
    assert (got.title, got.url, got.date, got.source, got.text) == (
        "T a",
        "https://x.example/a",
        "2024-01-05",
        "example.com",
        "The vote passed. Critics objected",
    )
    assert (got.urls, got.chunk_count) == (["https://x.example/a", "https://y.example/a"], 2)
    assert [x.id for x in store.list_articles()] == ["b", "a"], "newest date first"
    assert store.list_articles(offset=1, limit=1)[0].text == "", "pages carry no text"
    assert (store.generation(), store.get_meta("signature"), store.get_meta("missing", "dflt")) == (1, "sig", "dflt")
    assert float(store.get_meta("updated_at")) > 0


def test_chunks_are_found_by_id_and_slice_the_stored_text(store: ArticleStore) -> None:
    text = ". ".join(f"Sentence number {i}" for i in range(1200))  # more ids than one IN (...) batch
    up = upsert("a", text)
    store.commit([up], [], {})
    found = store.live_chunks([*up.chunk_ids, "ghost::h::0"])
    assert len(found) == 1200 and "ghost::h::0" not in found
    stored_text = store.get_text("a") or ""
    assert all(stored_text[c.start : c.end] == c.text and a.id == "a" for c, a in found.values())
    assert store.all_chunk_ids() == set(up.chunk_ids)
    ids, terms = store.all_terms()
    assert ids == sorted(up.chunk_ids) and terms[ids.index("a::h::7")] == "sentence number 7"


def test_replacing_and_removing_return_the_chunk_ids_no_longer_live(store: ArticleStore) -> None:
    store.commit([upsert("a", "One. Two. Three"), upsert("b", "Four. Five")], [], {})
    replaced = upsert("a", "One. Two", tag="h2")
    assert sorted(store.commit([replaced], [], {})) == ["a::h::0", "a::h::1", "a::h::2"]
    assert store.all_chunk_ids() == {"a::h2::0", "a::h2::1", "b::h::0", "b::h::1"}
    assert sorted(store.commit([], ["b", "not-stored"], {})) == ["b::h::0", "b::h::1"]
    assert {k: (e.hash, e.file) for k, e in store.manifest().items()} == {"a": ("h2-a", "/feeds/a.jsonl")}
    assert store.all_terms(excluding={"a"}) == ([], [])


def test_reupserting_identical_chunk_ids_reports_none_stale(store: ArticleStore) -> None:
    store.commit([upsert("a", "One. Two")], [], {})
    assert store.commit([upsert("a", "One. Two")], [], {}) == []
    assert store.counts() == (1, 2)


def test_a_failing_commit_changes_nothing(store: ArticleStore) -> None:
    store.commit([upsert("a", "One. Two")], [], {"generation": "1"})
    broken = upsert("b", "Three. Four")
    broken.chunk_ids.pop()  # chunks and ids no longer pair up
    with pytest.raises(ValueError):
        store.commit([upsert("a", "Changed. Text", tag="h2"), broken], ["a"], {"generation": "2"})
    assert {k: (e.hash, e.file) for k, e in store.manifest().items()} == {"a": ("h-a", "/feeds/a.jsonl")}
    assert store.all_chunk_ids() == {"a::h::0", "a::h::1"}
    assert store.generation() == 1


def test_readers_see_the_last_commit_while_a_writer_is_mid_transaction(store: ArticleStore) -> None:
    store.commit([upsert("a", "One. Two")], [], {"generation": "1"})
    writer = sqlite3.connect(store.path, timeout=0.1)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM chunks")
        writer.execute("DELETE FROM articles")
        assert store.counts() == (1, 2), "a reader saw an uncommitted write or was blocked"
        assert store.get_text("a") == "One. Two"
        writer.commit()
    finally:
        writer.close()
    assert store.counts() == (0, 0)


def test_meta_values_can_be_set_without_a_commit(store: ArticleStore) -> None:
    store.set_meta({"lexical_generation": "3", "generation": "3"})
    store.set_meta({"lexical_generation": "4"})
    assert (store.get_meta("lexical_generation"), store.generation()) == ("4", 3)
