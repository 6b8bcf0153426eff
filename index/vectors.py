"""The Chroma vector store: embedded PersistentClient by default, HttpClient in server mode, chosen here."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from index.config import VECTOR_SEARCH_EF
from index.stores.protocol import Store

T = TypeVar("T")
log = logging.getLogger(__name__)
COPY_BATCH = 500  # vectors per read when moving a store's vectors into its own collection
LEGACY_COPIED = "server_collection_filled"  # store meta: the shared collection's vectors were copied over


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
        except Exception as exc:
            if attempt == attempts - 1 or isinstance(exc, VectorStoreUnavailable):
                raise
            time.sleep(pause_s * (attempt + 1))
    raise AssertionError("unreachable")


class VectorStoreUnavailable(RuntimeError):
    """The Chroma server cannot be reached: one line naming it, instead of a client library's traceback."""


def _unreachable(host: str, port: int | None, exc: Exception) -> VectorStoreUnavailable:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return VectorStoreUnavailable(
        f"cannot reach the Chroma server at {host}:{port} ({reason}); start it "
        f"(chroma run --host {host} --port {port}) or unset ASSISTANT_CHROMA_HOST for the embedded store"
    )


class _Guarded:
    """A server collection whose calls raise VectorStoreUnavailable when the server is down (it may come back:
    each call tries again), instead of the HTTP client's errors."""

    def __init__(self, collection: Any, host: str, port: int | None) -> None:
        self._collection, self._host, self._port = collection, host, port

    def __getattr__(self, name: str) -> Any:
        import httpx

        method = getattr(self._collection, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return method(*args, **kwargs)
            except httpx.TransportError as exc:
                raise _unreachable(self._host, self._port, exc) from None

        return call


def open_client(path: Path, host: str | None = None, port: int | None = None) -> Any:
    """A Chroma client with telemetry off; a server when host and port are given."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if host and port:
        try:
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
        except Exception as exc:  # the client checks the server at once; any failure means we cannot use it
            raise _unreachable(host, port, exc) from None
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def _server_of(client: Any) -> tuple[str, int | None] | None:
    """(host, port) of an HTTP client's server; None for the embedded store."""
    settings = client.get_settings()
    host = getattr(settings, "chroma_server_host", None)
    if not host or "Fast" not in str(getattr(settings, "chroma_api_impl", "")):
        return None
    return str(host), getattr(settings, "chroma_server_http_port", None)


class VectorStore:
    """Chunk vectors plus the metadata that filters need (article, offsets, date, source)."""

    def __init__(self, client: Any, name: str, search_ef: int | None = VECTOR_SEARCH_EF) -> None:
        self._client = client
        self._name = name
        # embedding_function=None: Chroma's default embedder would try to download a model. A configuration given,
        # Chroma ignores the older "hnsw:space" metadata, so the space is set in the configuration.
        server = _server_of(client)
        opened = _Guarded(client, *server) if server else client
        hnsw: dict[str, Any] = {"space": "cosine"} | ({"ef_search": search_ef} if search_ef else {})
        collection = opened.get_or_create_collection(name, embedding_function=None, configuration={"hnsw": hnsw})
        if search_ef and _search_ef(collection) != search_ef:  # one made before (at Chroma's 100), or another's
            _set_search_ef(collection, search_ef)
        self._collection = _Guarded(collection, *server) if server else collection

    @property
    def name(self) -> str:
        """The collection's name on the client."""
        return self._name

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

    def copy_from(self, other: VectorStore, ids: Sequence[str]) -> int:
        """Copy these chunks (vectors, documents, metadata) from another collection; ids it lacks are skipped."""
        got = other._collection.get(ids=list(ids), include=["embeddings", "documents", "metadatas"])
        if got["ids"]:
            self.add(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), got["documents"], got["metadatas"])
        return len(got["ids"])

    def count(self) -> int:
        """Number of stored vectors."""
        return int(_retry(self._collection.count))

    def query(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[VectorHit]:
        """Nearest chunks to one query vector, optionally filtered by metadata."""
        # No count() first: Chroma returns fewer hits when it holds fewer, and counting cost a query 9 ms.
        result = _retry(
            lambda: self._collection.query(
                query_embeddings=[vector.tolist()], n_results=n, where=where or None,
                include=["metadatas", "distances"],
            )
        )
        return [
            VectorHit(cid, float(dist), dict(meta or {}))
            for cid, dist, meta in zip(result["ids"][0], result["distances"][0], result["metadatas"][0], strict=True)
        ]


def _set_search_ef(collection: Any, search_ef: int) -> None:
    """Set the collection's search breadth, retried while Chroma's database is locked by a write in flight ("database
    is locked" right after a create); one it cannot set is left as it is, with a warning: search works at any."""
    try:
        _retry(lambda: collection.modify(configuration={"hnsw": {"ef_search": search_ef}}), attempts=8)
    except Exception as exc:  # Chroma's errors have no common base
        log.warning("could not set the collection's search breadth to %d (%s); searching at %s", search_ef, exc,
                    _search_ef(collection))  # fmt: skip


def _search_ef(collection: Any) -> int | None:
    """The collection's HNSW search breadth, as Chroma reports it (None when it reports none)."""
    hnsw = (getattr(collection, "configuration_json", None) or {}).get("hnsw") or {}
    return hnsw.get("ef_search")


SERVER_COLLECTION = "server_collection"  # store meta: this store's own collection on a Chroma server


def server_collection(client: Any, store: Store, prefix: str, search_ef: int = VECTOR_SEARCH_EF) -> VectorStore:
    """This store's own collection on a shared Chroma server, so that no other store's update or clean-up
    can touch its vectors (nor its clean-up theirs). Named once per store and recorded in it.

    A store from before this rule kept its vectors in the shared `prefix` collection: its live vectors are
    copied across once (no re-embedding); the shared collection is left as it is, since others may use it.
    """
    name = store.claim_meta(SERVER_COLLECTION, f"{prefix}-{uuid.uuid4().hex[:12]}")
    own = VectorStore(client, name, search_ef)
    if store.get_meta(LEGACY_COPIED):
        return own
    live = sorted(store.all_chunk_ids())
    if live and prefix in {c if isinstance(c, str) else c.name for c in client.list_collections()}:
        legacy = VectorStore(client, prefix, None)  # read once; left as it is, like its vectors
        for i in range(0, len(live), COPY_BATCH):
            own.copy_from(legacy, live[i : i + COPY_BATCH])
    store.set_meta({LEGACY_COPIED: "1"})
    return own
