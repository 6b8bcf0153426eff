"""The Chroma vector store over a real embedded Chroma in a temp dir."""

from __future__ import annotations

from pathlib import Path

import numpy as np

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
