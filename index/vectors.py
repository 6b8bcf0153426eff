"""The Chroma vector store: embedded PersistentClient by default, HttpClient in server mode, chosen here."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")


@dataclass(frozen=True)
class VectorHit:
    """One nearest-neighbour result."""

    chunk_id: str
    distance: float
    metadata: dict[str, Any]


def _retry(call: Callable[[], T], attempts: int = 5, pause_s: float = 0.3) -> T:
    """Retry a read: embedded Chroma can fail the first reads of a process while it loads a just-written HNSW."""
    for attempt in range(attempts):
        try:
            return call()
        except Exception:
            if attempt == attempts - 1:
                raise
            time.sleep(pause_s * (attempt + 1))
    raise AssertionError("unreachable")


def open_client(path: Path, host: str | None = None, port: int | None = None) -> Any:
    """A Chroma client with telemetry off; a server when host and port are given."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if host and port:
        return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class VectorStore:
    """Chunk vectors plus the metadata that filters need (article, offsets, date, source)."""

    def __init__(self, client: Any, name: str) -> None:
        self._client = client
        self._name = name
        # embedding_function=None: Chroma's default embedder would try to download a model.
        self._collection = client.get_or_create_collection(
            name, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )

    def add(self, ids: Sequence[str], vectors: np.ndarray, documents: Sequence[str], metadatas: Sequence[dict]) -> None:
        """Upsert chunks in batches Chroma accepts."""
        step = 1000
        for i in range(0, len(ids), step):
            self._collection.upsert(
                ids=list(ids[i : i + step]),
                embeddings=vectors[i : i + step].tolist(),
                documents=list(documents[i : i + step]),
                metadatas=list(metadatas[i : i + step]),
            )

    def delete(self, ids: Sequence[str]) -> None:
        """Remove chunks by id; unknown ids are ignored."""
        for i in range(0, len(ids), 1000):
            self._collection.delete(ids=list(ids[i : i + 1000]))

    def all_ids(self) -> set[str]:
        """Every id in the collection (for orphan clean-up after an interrupted update)."""
        ids: set[str] = set()
        offset, step = 0, 5000
        while True:
            got = self._collection.get(include=[], limit=step, offset=offset)["ids"]
            ids.update(got)
            if len(got) < step:
                return ids
            offset += step

    def get_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors of the given chunks (missing ids are absent)."""
        if not ids:
            return {}
        try:
            got = self._collection.get(ids=list(ids), include=["embeddings"])
        except Exception:  # Chroma can fail a multi-id read mid-compaction; one id at a time, skipping failures
            return self._get_each(ids)
        return {cid: np.asarray(vec, dtype=np.float32) for cid, vec in zip(got["ids"], got["embeddings"], strict=True)}

    def _get_each(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for cid in ids:
            try:
                got = self._collection.get(ids=[cid], include=["embeddings"])
            except Exception:
                continue
            out.update({i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"], strict=True)})
        return out

    def existing(self, ids: Sequence[str]) -> set[str]:
        """Which of these ids are already stored (vectors an interrupted update wrote)."""
        found: set[str] = set()
        for i in range(0, len(ids), 1000):
            found.update(self._collection.get(ids=list(ids[i : i + 1000]), include=[])["ids"])
        return found

    def count(self) -> int:
        """Number of stored vectors."""
        return int(_retry(self._collection.count))

    def query(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[VectorHit]:
        """Nearest chunks to one query vector, optionally filtered by metadata."""
        total = self.count()
        if total == 0:
            return []
        result = _retry(
            lambda: self._collection.query(
                query_embeddings=[vector.tolist()], n_results=min(n, total), where=where or None,
                include=["metadatas", "distances"],
            )
        )
        return [
            VectorHit(cid, float(dist), dict(meta or {}))
            for cid, dist, meta in zip(result["ids"][0], result["distances"][0], result["metadatas"][0], strict=True)
        ]
