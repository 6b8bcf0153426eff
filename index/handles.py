"""Open the index's parts (store, vectors, lexical, embedder) from settings, in one place."""

from __future__ import annotations

import shutil
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from index.embedding import Embedder, make_embedder
from index.lexical import LexicalIndex
from index.owner import claim
from index.store import ArticleStore
from index.vectors import VectorStore, open_client, server_collection

if TYPE_CHECKING:
    from index.config import IndexSettings


class IndexHandles:
    """Everything both paths share; the embedder and Chroma load lazily, on first use."""

    def __init__(self, settings: IndexSettings) -> None:
        self.settings = settings
        self.store = ArticleStore(settings.store_path)

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
            return VectorStore(open_client(s.chroma_dir), s.collection)
        client = open_client(s.chroma_dir, s.chroma_host, s.chroma_port)
        return server_collection(client, self.store, s.collection)

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
        """True when a BM25 index has been published."""
        gen = self.store.get_meta("lexical_generation")
        return bool(gen) and self.lexical_dir(int(gen)).exists()

    def load_lexical(self) -> tuple[int, LexicalIndex]:
        """The newest published BM25 index and its generation (empty if none yet). One saved by an older
        version (another format) is rebuilt in memory from the store's terms; the next update saves it anew."""
        gen = self.store.get_meta("lexical_generation")
        if not gen or not self.lexical_dir(int(gen)).exists():
            return -1, LexicalIndex([])
        try:
            return int(gen), LexicalIndex.load(self.lexical_dir(int(gen)))
        except FileNotFoundError:
            return int(gen), LexicalIndex.build(*self.store.all_terms())

    def prune_lexical(self, keep: int) -> None:
        """Remove older BM25 generations (readers reload the newest)."""
        root = self.settings.data_dir / "lexical"
        for folder in root.glob("gen-*"):
            if folder.name != f"gen-{keep:08d}" and not folder.name.endswith(".tmp"):
                shutil.rmtree(folder, ignore_errors=True)
