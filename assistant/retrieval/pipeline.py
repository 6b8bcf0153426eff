"""The retrieval pipeline: embed, gather (dense + BM25), rerank, diversify; reloads BM25 after updates."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from assistant.retrieval.answer_type import measure_terms
from assistant.retrieval.candidates import Candidate, gather
from assistant.retrieval.casing import truecase
from assistant.retrieval.config import RetrievalSettings
from assistant.retrieval.diversity import diversify
from assistant.retrieval.filters import chroma_where
from assistant.retrieval.passages import best_passages
from assistant.retrieval.rerank import rerank
from assistant.retrieval.spelling import mistyped, respelled
from assistant.retrieval.widening import widened
from assistant.schemas import Filters
from index.handles import IndexHandles
from index.lexical import LexicalIndex
from newstext.terms import terms


@dataclass
class Retrieval:
    """Ranked candidates plus what later stages reuse (query vector, terms, idf) and stage timings."""

    query: str
    passages: list[Candidate]  # what is returned: the best passages (runs of whole sentences) of the best chunks
    chunks: list[Candidate]  # the reranked, diversified chunks the passages come from
    query_vector: np.ndarray
    query_terms: list[str]
    query_idf: dict[str, float]
    one_chunk_idf: float | None = None  # the idf of a term a single chunk holds (None: not known)
    timings_ms: dict[str, float] = field(default_factory=dict)
    applied_filters: Filters | None = None  # a date range read from the question's own time expression
    previous_lead: str = ""  # a follow-up's: the last answer's lead (rewrite.last_lead), which tells its story
    read_leads: frozenset[str] = frozenset()  # a follow-up's: every answer's lead, which the user has read
    in_conversation: bool = False  # asked after other questions, which set a story (read alone or not)
    respelled: dict[str, str] = field(default_factory=dict)  # mistyped words, as the articles spell them (spelling)


class Retriever:
    """Hybrid retrieval over the live index; safe to share between threads."""

    def __init__(self, handles: IndexHandles, config: RetrievalSettings) -> None:
        self.handles = handles
        self.config = config
        self._lock = threading.Lock()
        self._lexical_gen = -2
        self._lexical = LexicalIndex([], None)

    def lexical(self) -> LexicalIndex:
        """The newest published BM25 index, reloaded when an update publishes another."""
        published = self.handles.store.get_meta("lexical_generation", "-1")
        if int(published) != self._lexical_gen:
            with self._lock:
                if int(published) != self._lexical_gen:
                    self._lexical_gen, self._lexical = self.handles.load_lexical()
        return self._lexical

    def embed_query(self, query: str) -> np.ndarray:
        """The query's unit vector."""
        return self.handles.embedder.embed([query])[0]

    def _chunk_texts(self, lexical: LexicalIndex, words: list[str]) -> list[str]:
        """Texts of a few chunks holding each word (config.casing_chunks): how the collection writes it."""
        ids = [cid for w in words for t in terms(w) for cid in lexical.chunks_with(t, self.config.casing_chunks)]
        return [chunk.text for chunk, _ in self.handles.store.live_chunks(ids).values()] if ids else []

    def _mistyped(self, query: str, chunks: list[Candidate], lexical: LexicalIndex) -> dict[str, str]:
        """The query's mistyped words (spelling.mistyped) and the top chunks' words they stand for."""
        ratio = self.config.respell_ratio
        if ratio is None:
            return {}
        texts = (c.chunk.text for c in chunks)
        return mistyped(query, texts, partial(self._written, lexical), ratio, self.config.respell_min_letters)

    def _written(self, lexical: LexicalIndex, word: str) -> bool:
        """Some chunk holding the word's terms writes the word itself (of config.casing_chunks read per term): a
        term is a stem, which another word may share ("Arlines" and "Arlin"); a term no chunk holds reads none."""
        whole = re.compile(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w-])", re.I)
        return any(whole.search(text) for text in self._chunk_texts(lexical, [word]))

    def retrieve(
        self, query: str, k: int, filters: Filters | None = None, as_of: dt.date | None = None, respell: bool = True
    ) -> Retrieval:
        """Top-k diverse passages for a query asked on day as_of (default today); a query with mistyped words is
        searched again as the articles spell them (unless `respell` is off)."""
        t0 = time.perf_counter()
        vector = self.embed_query(query)
        t1 = time.perf_counter()
        lexical = self.lexical()
        frame = measure_terms(query)  # "how long": the kind of answer, which passages state as a figure
        query_terms = [t for t in terms(query) if t not in frame]
        candidates = gather(
            self.handles.store, self.handles.vectors, lexical, vector, query_terms,
            self.config.depth, filters, chroma_where(filters), self.config.filtered_depth_factor,
            widened(query, query_terms), self.config.synonym_weight,
        )
        t2 = time.perf_counter()
        ranked = rerank(candidates, query_terms, lexical, self.config, as_of, query)
        chunks = diversify(ranked, max(k, self.config.focus_chunks), self.config.diversity_decay)
        if respell and (fixes := self._mistyped(query, chunks, lexical)):
            retrieval = self.retrieve(respelled(query, fixes), k, filters, as_of, respell=False)
            retrieval.respelled = fixes
            return retrieval
        query = truecase(query, (c.chunk.text for c in chunks), lambda words: self._chunk_texts(lexical, words))
        query_idf = {t: lexical.idf(t) for t in set(query_terms)}
        passages = best_passages(chunks, query, query_idf, k, self.config)
        t3 = time.perf_counter()
        return Retrieval(
            query=query,
            passages=passages,
            chunks=chunks,
            query_vector=vector,
            query_terms=query_terms,
            query_idf=query_idf,
            one_chunk_idf=lexical.idf_of(1.0),
            timings_ms={
                "embed": (t1 - t0) * 1000, "search": (t2 - t1) * 1000, "rerank": (t3 - t2) * 1000,
            },
        )
