"""Retrieved chunks as the answer's rules read them, built from the pipeline's own types (no mocks)."""

from __future__ import annotations

from assistant.retrieval.candidates import Candidate
from index.store import StoredArticle, StoredChunk


def passage(article: str, dense: float, coverage: float = 0.5, text: str = "") -> Candidate:
    """A retrieved chunk with the scores the rule reads (the pipeline's own types, no mocks)."""
    text = text or f"Text of {article}."
    chunk = StoredChunk(id=f"{article}:0", article_id=article, start=0, end=len(text), text=text)
    art = StoredArticle(article, article, "", "", "", text, [], 1, 0.0)
    return Candidate(chunk, art, dense=dense, features={"coverage": coverage})
