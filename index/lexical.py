"""The BM25 lexical index over the same chunks as Chroma, persisted per store generation and updated by rows."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from newstext.terms import fold


@dataclass(frozen=True)
class BM25Params:
    """Lucene's BM25 (what bm25s computes by default), so scores stay those the retrieval weights were fit on."""

    k1: float = 1.5
    b: float = 0.75


class LexicalIndex:
    """BM25 over a sparse chunk x term count matrix that an update edits by rows: adding 10 articles to a large
    collection costs those 10 articles' rows and a matrix copy, not re-tokenising and re-indexing every chunk."""

    def __init__(
        self,
        chunk_ids: list[str],
        vocab: dict[str, int] | None = None,
        counts: sparse.csr_matrix | None = None,
        params: BM25Params = BM25Params(),
    ) -> None:
        self.chunk_ids = chunk_ids
        self.vocab = vocab or {}
        self.params = params
        self._row = {cid: i for i, cid in enumerate(chunk_ids)}
        self._counts = counts if counts is not None else sparse.csr_matrix((len(chunk_ids), len(self.vocab)))
        self._by_term = self._counts.tocsc()
        self._doc_len = np.asarray(self._counts.sum(axis=1), dtype=np.float32).ravel()
        self._df = np.diff(self._by_term.indptr)
        self._avg_len = float(self._doc_len.mean()) if len(chunk_ids) else 0.0
        self._term_of: list[str] | None = None  # column -> term, built on first use
        self._folded: dict[str, int] | None = None  # an older index's terms with diacritics, by their folded form

    @classmethod
    def build(cls, chunk_ids: list[str], chunk_terms: list[str]) -> LexicalIndex:
        """Index space-joined term strings (as stored by the updater)."""
        return cls([], {}).updated(set(), chunk_ids, chunk_terms)

    def updated(self, removed: set[str], chunk_ids: list[str], chunk_terms: list[str]) -> LexicalIndex:
        """A new index without the `removed` chunks and with these added (this one is left as it is)."""
        keep = [i for i, cid in enumerate(self.chunk_ids) if cid not in removed]
        vocab = dict(self.vocab)
        rows, cols, vals = [], [], []
        for r, text in enumerate(chunk_terms):
            for term, n in Counter(text.split()).items():
                rows.append(r)
                cols.append(vocab.setdefault(term, len(vocab)))
                vals.append(n)
        shape = (len(chunk_ids), len(vocab))
        added = sparse.csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)), shape=shape)
        old = self._counts[keep]
        old.resize((len(keep), len(vocab)))
        counts = sparse.vstack([old, added], format="csr")
        return LexicalIndex([self.chunk_ids[i] for i in keep] + list(chunk_ids), vocab, counts, self.params)

    def save(self, folder: Path) -> None:
        """Write atomically: a temp folder renamed into place."""
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        sparse.save_npz(tmp / "counts.npz", self._counts, compressed=False)  # zlib cost seconds at 50k chunks
        (tmp / "vocab.json").write_text(json.dumps(self.vocab))
        (tmp / "chunk_ids.json").write_text(json.dumps(self.chunk_ids))
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """Load a saved index; raises FileNotFoundError if it is missing (or was written by the bm25s version)."""
        chunk_ids = json.loads((folder / "chunk_ids.json").read_text())
        vocab = json.loads((folder / "vocab.json").read_text())
        return cls(chunk_ids, vocab, sparse.load_npz(folder / "counts.npz").tocsr())

    def __len__(self) -> int:
        return len(self.chunk_ids)

    def row(self, chunk_id: str) -> int | None:
        """Row of a chunk in the score vector, or None if this index predates it."""
        return self._row.get(chunk_id)

    def terms_of(self, chunk_id: str) -> set[str] | None:
        """The terms the updater stored for a chunk (its article's title and its text), so a query need not
        tokenise its candidates again; None if this index predates the chunk."""
        row = self._row.get(chunk_id)
        if row is None:
            return None
        if self._term_of is None:
            self._term_of = sorted(self.vocab, key=self.vocab.__getitem__)
        lo, hi = self._counts.indptr[row], self._counts.indptr[row + 1]
        return {fold(self._term_of[col]) for col in self._counts.indices[lo:hi]}

    def _column(self, term: str) -> int | None:
        """The term's column; for an index written before terms were folded (newstext.terms.fold), the column of
        the term it holds with diacritics ("arevalo" -> "arévalo")."""
        col = self.vocab.get(term)
        if col is None and term.isascii():
            if self._folded is None:
                self._folded = {fold(t): c for t, c in self.vocab.items() if not t.isascii()}
            col = self._folded.get(term)
        return col

    def chunks_with(self, term: str, limit: int) -> list[str]:
        """Up to `limit` chunks holding the term, in index order: where else the collection uses a word."""
        col = self._column(term)
        if col is None:
            return []
        lo = self._by_term.indptr[col]
        hi = min(self._by_term.indptr[col + 1], lo + limit)
        return [self.chunk_ids[row] for row in self._by_term.indices[lo:hi]]

    def scores(self, query_terms: list[str]) -> np.ndarray:
        """BM25 score of every indexed chunk for the query terms (a repeated term counts again, as in bm25s)."""
        out = np.zeros(len(self.chunk_ids), dtype=np.float32)
        k1, b = self.params.k1, self.params.b
        for term in query_terms:
            col = self._column(term)
            if col is None or not self._df[col]:
                continue
            lo, hi = self._by_term.indptr[col], self._by_term.indptr[col + 1]
            rows, tf = self._by_term.indices[lo:hi], self._by_term.data[lo:hi]
            norm = k1 * ((1 - b) + b * self._doc_len[rows] / self._avg_len)
            out[rows] += np.float32(self.idf(term)) * tf / (norm + tf)
        return out

    def idf(self, term: str) -> float:
        """Inverse document frequency over chunks; a term no chunk has gets the highest value (df = 0)."""
        col = self._column(term)
        return self.idf_of(float(self._df[col]) if col is not None else 0.0)

    def idf_of(self, df: float) -> float:
        """The inverse document frequency of a term `df` chunks hold."""
        return float(np.log(1.0 + (len(self.chunk_ids) - df + 0.5) / (df + 0.5)))
