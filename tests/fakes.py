"""The test profile's stand-ins: a deterministic fake embedder (no torch, no model load) for tests of logic.

In the style of simonw/llm's conftest: the fake is small, deterministic and real enough for what those tests
check (bookkeeping, safety stops, exit codes, jobs, feeds, watch, uploads, API shape). It tokenises with the
real MiniLM word-piece tokenizer, so chunk boundaries and token counts are exactly those of the real model; only
the vectors are fake: a hashed bag of words and character trigrams, unit-normalised, in the model's 384
dimensions, so texts that share words are near each other. Tests whose assertions depend on the real model's
ranking keep the real one (the session fixture `embedder` in tests/conftest.py).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

import numpy as np

DIM = 384  # all-MiniLM-L6-v2's dimension: Chroma collections and stored vectors keep their real shape
TRIGRAM_WEIGHT = 0.5  # words dominate; trigrams let "harbour" and "harbours" stay close
_WORD = re.compile(r"\w+")


@cache
def _tokenizer() -> Any:
    """The bundled model's fast tokenizer, loaded once per process (tokenizers only: no torch)."""
    from tokenizers import Tokenizer

    from index.embedding import bundled_model_dir

    tokenizer = Tokenizer.from_file(str(bundled_model_dir() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


@lru_cache(maxsize=65536)
def _slot(feature: str) -> tuple[int, float]:
    """A feature's dimension and sign, from a stable hash (Python's hash() changes between processes)."""
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    return value % DIM, 1.0 if (value >> 32) & 1 else -1.0


@lru_cache(maxsize=65536)
def _word_vector(word: str) -> np.ndarray:
    """One word's contribution: its own slot plus its character trigrams at a lower weight."""
    vector = np.zeros(DIM, dtype=np.float32)
    index, sign = _slot("w:" + word)
    vector[index] += sign
    padded = f" {word} "
    for i in range(len(padded) - 2):
        index, sign = _slot("t:" + padded[i : i + 3])
        vector[index] += sign * TRIGRAM_WEIGHT
    return vector


class FakeEmbedder:
    """Implements index.embedding.Embedder without a model: instant and deterministic across processes."""

    name = "fake hashed bag of words (tests)"
    dim = DIM

    def __init__(self, seconds_per_text: float = 0.0) -> None:
        """`seconds_per_text`: sleep a model's time per text (CPU-free), for tests whose subject is what happens
        while an update embeds (readers during the update, kills inside it); 0 for everything else."""
        self.seconds_per_text = seconds_per_text

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self.seconds_per_text:
            time.sleep(self.seconds_per_text * len(texts))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                out[row] += _word_vector(word)
            norm = float(np.linalg.norm(out[row]))
            if norm == 0.0:  # no words: a fixed unit vector (a zero vector has no cosine distance)
                out[row, 0], norm = 1.0, 1.0
            out[row] /= norm
        return out

    def count_tokens(self, text: str) -> int:
        return len(_tokenizer().encode(text, add_special_tokens=False).ids)

    def token_starts(self, text: str) -> list[int]:
        return [start for start, _ in _tokenizer().encode(text, add_special_tokens=False).offsets]


def install_fake_embedder() -> None:
    """Make every IndexHandles in this process use the fake (for test subprocesses: the CLI, the crash worker)."""
    import index.handles

    index.handles.make_embedder = lambda *args, **kwargs: FakeEmbedder()  # type: ignore[assignment]

