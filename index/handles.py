"""Open the index's parts (store, vectors, lexical, embedder) from settings, in one place."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from index.embedding import Embedder, make_embedder
from index.lexical import LexicalIndex
from index.owner import claim
from index.stores import Store, StoreUnavailable, open_store
from index.vectors import VectorStore, VectorStoreUnavailable, open_client, server_collection

if TYPE_CHECKING:
    from index.config import IndexSettings


class IndexHandles:
    """Everything both paths share; the embedder and Chroma load lazily, on first use."""

    def __init__(self, settings: IndexSettings) -> None:
        self.settings = settings
        self.store: Store = open_store(settings)
        self._lexical_guard = threading.Lock()
        self._lexical: tuple[int, LexicalIndex] | None = None  # the last BM25 index loaded, by generation

    @cached_property
    def embedder(self) -> Embedder:
        """The embedding model (seconds to load, so only when needed)."""
        s = self.settings
        return make_embedder(s.embed_backend, s.embed_model_path, s.embed_threads, s.embed_batch_size)

    @cached_property
    def vectors(self) -> VectorStore:
        """The Chroma collection, embedded (owned by this process, see index/owner.py) or on a server."""
        s = self.settings
        if not s.chroma_host:
            claim(s.data_dir)  # StoreInUse when another process has the embedded store open
            return VectorStore(open_client(s.chroma_dir), s.collection, s.vector_search_ef)
        client = open_client(s.chroma_dir, s.chroma_host, s.chroma_port)
        return server_collection(client, self.store, s.collection, s.vector_search_ef)

    @property
    def signature(self) -> str:
        """What the stored vectors depend on besides the text; a change re-indexes every article."""
        s = self.settings
        return f"{s.embed_model}|{s.chunk_tokens}|{s.chunk_overlap_sentences}|v1"

    def meta(self) -> dict[str, str]:
        """Settings recorded in the store with each commit."""
        return {"embed_model": self.settings.embed_model, "signature": self.signature}

    def lexical_dir(self, generation: int) -> Path:
        """The BM25 index built for one store generation."""
        return self.settings.data_dir / "lexical" / f"gen-{generation:08d}"

    def lexical_ready(self) -> bool:
        """True when a BM25 index has been published (a shared store's is rebuilt from it by each reader)."""
        gen = self.store.get_meta("lexical_generation")
        return bool(gen) and (self.store.shared or self.lexical_dir(int(gen)).exists())

    def load_lexical(self) -> tuple[int, LexicalIndex]:
        """The newest published BM25 index and its generation (empty if none yet): saved here by this data
        directory's updates, else brought forward from the last one loaded by the store's change log (a
        replica of a shared store), else rebuilt from the store's terms (an older version's format, or a
        replica's first load)."""
        with self._lexical_guard:
            gen = self.store.get_meta("lexical_generation")
            if not gen:
                return -1, LexicalIndex([])
            if self._lexical is not None and self._lexical[0] == int(gen):
                return self._lexical
            folder = self.lexical_dir(int(gen))
            try:
                loaded = (int(gen), LexicalIndex.load(folder)) if folder.exists() else self._lexical_from_store()
            except FileNotFoundError:
                loaded = self._lexical_from_store(full=True)
            self._lexical = loaded
            return loaded

    def _lexical_from_store(self, full: bool = False) -> tuple[int, LexicalIndex]:
        """The BM25 index of the store's generation: the last one loaded with the changed articles' rows
        replaced, or (with no usable base) built from every chunk's terms."""
        base = None if full else self._lexical
        delta = self.store.lexical_since(base[0] if base else None)
        if base is None or delta.touched is None:
            return delta.generation, LexicalIndex.build(delta.chunk_ids, delta.terms)
        stale = {cid for cid in base[1].chunk_ids if cid.rsplit("::", 2)[0] in delta.touched}
        return delta.generation, base[1].updated(stale, delta.chunk_ids, delta.terms)

    def problems(self) -> list[str]:
        """What keeps this process from answering now (a database or Chroma server that is down), one line
        each; empty when all is well. Cheap: one read of the store and, in server mode, one vector count."""
        found: list[str] = []
        checks: list[Callable[[], object]] = [lambda: self.store.get_meta("generation")]
        if self.settings.chroma_host:
            checks.append(lambda: self.vectors.count())  # opening the collection reads the store too
        for check in checks:
            try:
                check()
            except (StoreUnavailable, VectorStoreUnavailable) as exc:
                if str(exc) not in found:
                    found.append(str(exc))
        return found

    def prune_lexical(self, keep: int) -> None:
        """Remove older BM25 generations (readers reload the newest)."""
        root = self.settings.data_dir / "lexical"
        for folder in root.glob("gen-*"):
            if folder.name != f"gen-{keep:08d}" and not folder.name.endswith(".tmp"):
                shutil.rmtree(folder, ignore_errors=True)
