"""The BM25 lexical index over the same chunks as Chroma, persisted per store generation."""

from __future__ import annotations

import json
import re
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s\b")
STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it its no not of on or such that the their then there "
    "these they this to was were will with which who whom what when where why how do does did has have had "
    "he she his her him i we you your our us them from than so can could would should about after before "
    "been being also over more most other some any all one".split()
)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def terms(text: str) -> list[str]:
    """Lower-cased, stop-word-free, Snowball-stemmed word tokens."""
    words = [w for w in _TOKEN.findall(_POSSESSIVE.sub("", text.lower())) if w not in STOPWORDS]
    return list(_stemmer().stemWords(words))


class LexicalIndex:
    """bm25s over pre-tokenised chunks; chunk ids map row numbers back to the store."""

    def __init__(self, chunk_ids: list[str], retriever: Any | None) -> None:
        self.chunk_ids = chunk_ids
        self._row = {cid: i for i, cid in enumerate(chunk_ids)}
        self._retriever = retriever

    @classmethod
    def build(cls, chunk_ids: list[str], chunk_terms: list[str]) -> LexicalIndex:
        """Index space-joined term strings (as stored by the updater)."""
        import bm25s

        if not chunk_ids:
            return cls([], None)
        retriever = bm25s.BM25()
        retriever.index([t.split() for t in chunk_terms], show_progress=False)
        return cls(chunk_ids, retriever)

    def save(self, folder: Path) -> None:
        """Write atomically: a temp folder renamed into place."""
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self._retriever is not None:
            self._retriever.save(str(tmp), show_progress=False)
        (tmp / "chunk_ids.json").write_text(json.dumps(self.chunk_ids))
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """Load a saved index; raises FileNotFoundError if it is missing."""
        import bm25s

        chunk_ids = json.loads((folder / "chunk_ids.json").read_text())
        if not chunk_ids:
            return cls([], None)
        return cls(chunk_ids, bm25s.BM25.load(str(folder), show_progress=False))

    def __len__(self) -> int:
        return len(self.chunk_ids)

    def row(self, chunk_id: str) -> int | None:
        """Row of a chunk in the score vector, or None if this index predates it."""
        return self._row.get(chunk_id)

    def scores(self, query_terms: list[str]) -> np.ndarray:
        """BM25 score of every indexed chunk for the query terms."""
        if self._retriever is None or not query_terms:
            return np.zeros(len(self.chunk_ids), dtype=np.float32)
        return np.asarray(self._retriever.get_scores(query_terms), dtype=np.float32)

    def idf(self, term: str) -> float:
        """Inverse document frequency over chunks; a term no chunk has gets the highest value (df = 0)."""
        n = float(len(self.chunk_ids))
        retriever = self._retriever
        col = retriever.vocab_dict.get(term) if retriever is not None else None
        df = 0.0
        if retriever is not None and col is not None:
            indptr = retriever.scores["indptr"]
            df = float(indptr[col + 1] - indptr[col])
        return float(np.log(1.0 + (n - df + 0.5) / (df + 0.5)))

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Top-k (chunk id, BM25 score) for a query string."""
        scores = self.scores(terms(query))
        k = min(k, int((scores > 0).sum()))
        if k <= 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.chunk_ids[i], float(scores[i])) for i in top]
