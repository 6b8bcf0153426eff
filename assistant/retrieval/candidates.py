"""Gather candidates from both retrievers and give every candidate both scores, whatever found it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.retrieval.filters import matches
from assistant.schemas import Filters
from index.lexical import LexicalIndex
from index.records import StoredArticle, StoredChunk
from index.stores import Store
from index.vectors import VectorStore


@dataclass
class Candidate:
    """A live chunk with its article metadata and the scores the ranking stages add.

    A passage is a Candidate too: its `chunk` is narrowed to the passage's sentences (same chunk id, the
    passage's offsets and text) and its `passage_id` names it; a whole chunk has no passage id."""

    chunk: StoredChunk
    article: StoredArticle
    dense: float = 0.0  # cosine similarity of query and chunk vectors
    lexical: float = 0.0  # BM25 score
    dense_rank: int | None = None
    lexical_rank: int | None = None
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    passage_id: str = ""
    chunk_offset: int = 0  # where `chunk.text` starts in the stored chunk (diversify may narrow it to unshared text)
    rest: bool = False  # the unshared rest of a chunk whose neighbour ranks above it: it takes no place of its own

    def overlaps(self, other: Candidate) -> bool:
        """Text of one article that both hold: neighbouring chunks share a sentence, passages may nest."""
        a, b = self.chunk, other.chunk
        return a.article_id == b.article_id and a.start < b.end and b.start < a.end


def leading(chunks: list[Candidate], n: int) -> list[Candidate]:
    """The first n chunks of a ranking, with the rests of their neighbours (diversity.unshared) among them."""
    out: list[Candidate] = []
    whole = 0
    for c in chunks:
        if not c.rest:
            if whole == n:
                break
            whole += 1
        out.append(c)
    return out


def gather(
    store: Store,
    vectors: VectorStore,
    lexical: LexicalIndex,
    query_vector: np.ndarray,
    query_terms: list[str],
    depth: int,
    filters: Filters | None,
    where: dict | None,
    filtered_depth_factor: int,
    synonyms: Sequence[str] = (),
    synonym_weight: float = 0.0,
) -> list[Candidate]:
    """Top `depth` chunks from Chroma and from BM25, restricted to chunks live in the store; with filters, BM25
    reads `filtered_depth_factor` times deeper, since its hits are filtered after ranking. BM25 counts the terms of
    synonyms (widening.widened) at `synonym_weight` of a query term."""
    dense_hits = vectors.query(query_vector, depth, where)
    bm25 = lexical.scores(query_terms)
    if synonyms and synonym_weight:
        bm25 = bm25 + np.float32(synonym_weight) * lexical.scores(list(synonyms))
    lexical_ids: list[str] = []
    if len(bm25) and bm25.max() > 0:
        k = min(depth * filtered_depth_factor if filters and not filters.is_empty() else depth, int((bm25 > 0).sum()))
        top = np.argpartition(-bm25, k - 1)[:k]
        lexical_ids = [lexical.chunk_ids[i] for i in top[np.argsort(-bm25[top])]]
    ids = list(dict.fromkeys([h.chunk_id for h in dense_hits] + lexical_ids))
    # Only committed chunks, read with their articles in one snapshot: a half-written update is invisible.
    rows = store.live_chunks(ids)
    live = {cid: chunk for cid, (chunk, _) in rows.items()}
    meta = {chunk.article_id: article for chunk, article in rows.values()}
    by_id: dict[str, Candidate] = {}
    for rank, hit in enumerate(dense_hits):
        chunk = live.get(hit.chunk_id)
        if chunk and chunk.article_id in meta:
            by_id[hit.chunk_id] = Candidate(chunk, meta[chunk.article_id], dense=1.0 - hit.distance, dense_rank=rank)
    rank = 0
    for cid in lexical_ids:
        chunk = live.get(cid)
        if not chunk or chunk.article_id not in meta:
            continue
        article = meta[chunk.article_id]
        if not matches(filters, article.date, article.source):
            continue
        cand = by_id.setdefault(cid, Candidate(chunk, article))
        cand.lexical_rank = rank
        rank += 1
        if rank >= depth:
            break
    for cid, cand in by_id.items():
        row = lexical.row(cid)
        cand.lexical = float(bm25[row]) if row is not None and len(bm25) else 0.0
    _fill_dense(vectors, query_vector, [c for c in by_id.values() if c.dense_rank is None])
    return list(by_id.values())


def _fill_dense(vectors: VectorStore, query_vector: np.ndarray, missing: list[Candidate]) -> None:
    """Cosine similarity for candidates only BM25 found, from their stored vectors."""
    if not missing:
        return
    stored = vectors.get_vectors([c.chunk.id for c in missing])
    for cand in missing:
        vec = stored.get(cand.chunk.id)
        if vec is not None:
            cand.dense = float(np.dot(vec, query_vector))
