"""The Chroma vector store over a real embedded Chroma in a temp dir."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from index import vectors
from index.vectors import VectorStore, open_client


def _unit(rows: list[list[float]]) -> np.ndarray:
    v = np.asarray(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_a_query_asks_for_more_than_is_stored_and_gets_what_there_is(tmp_path: Path) -> None:
    vectors = VectorStore(open_client(tmp_path / "chroma"), "chunks")
    query = _unit([[1.0, 0.0, 0.0]])[0]
    assert vectors.query(query, 5) == []  # an empty collection answers, with nothing
    vectors.add(
        ["a", "b"], _unit([[1.0, 0.1, 0.0], [0.0, 1.0, 0.0]]), ["near", "far"],
        [{"article_id": "x"}, {"article_id": "y"}],
    )
    hits = vectors.query(query, 5)
    assert [h.chunk_id for h in hits] == ["a", "b"]
    assert hits[0].distance < hits[1].distance
    assert [h.chunk_id for h in vectors.query(query, 5, {"article_id": "y"})] == ["b"]
    assert vectors.query(query, 5, {"article_id": "z"}) == []


def test_the_search_breadth_is_set_and_an_older_collection_gets_it_on_open(tmp_path: Path) -> None:
    """Chroma's default breadth (100) returned the nearest chunks only mostly right, and differently from one process
    to the next; a collection made before (cosine space in its metadata) keeps its space and gets the breadth."""
    client = open_client(tmp_path / "chroma")
    client.get_or_create_collection("older", embedding_function=None, metadata={"hnsw:space": "cosine"})
    for name in ("older", "new"):
        VectorStore(client, name, search_ef=400)
        hnsw = client.get_collection(name).configuration_json["hnsw"]
        assert (hnsw["space"], hnsw["ef_search"]) == ("cosine", 400)
    VectorStore(client, "older", search_ef=None)  # read as it is: a shared collection another store may use
    assert client.get_collection("older").configuration_json["hnsw"]["ef_search"] == 400


class _LockedFor:
    """A collection whose configuration Chroma cannot change for its first `times` tries ("database is locked")."""

    def __init__(self, times: int) -> None:
        self.times, self.configuration_json = times, {"hnsw": {"ef_search": 100}}

    def modify(self, configuration: dict) -> None:
        if self.times:
            self.times -= 1
            raise RuntimeError("Database error: (code: 5) database is locked")
        self.configuration_json = configuration


def test_a_locked_database_delays_the_breadth_or_leaves_it_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """CI met "database is locked" setting the breadth right after creating the collection: it is retried, and one
    that cannot be set is left as it is (search works at any breadth), so that opening the index never fails on it."""
    monkeypatch.setattr(vectors.time, "sleep", lambda _: None)
    briefly = _LockedFor(2)
    vectors._set_search_ef(briefly, 400)
    assert briefly.configuration_json == {"hnsw": {"ef_search": 400}}
    for_good = _LockedFor(100)
    with caplog.at_level(logging.WARNING, logger="index.vectors"):
        vectors._set_search_ef(for_good, 400)
    assert for_good.configuration_json["hnsw"]["ef_search"] == 100
    assert "could not set the collection's search breadth to 400" in caplog.text
