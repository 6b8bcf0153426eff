"""Turn articles into what the stores hold: chunks, their ids, lexical terms, embedding inputs and metadata."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from index.chunking import chunk_article
from index.embedding import MAX_TOKENS, Embedder
from index.handles import IndexHandles
from index.plan import origin_file, stored_hash
from index.records import ArticleUpsert
from index.types import Article
from newstext.dates import stored_day_number
from newstext.terms import terms
from newstext.urls import site_of

Progress = Callable[[str, int, int], None]  # (stage, done, total); total 0 while it is not known yet
MAX_TITLE_TOKENS = 64  # of the 254-piece window, at most this much goes to the headline


def _embed_text(title: str, chunk_text: str) -> str:
    """Embedding input: the headline gives each passage its story's context."""
    return f"{title}\n{chunk_text}" if title else chunk_text


def embed_title(embedder: Embedder, title: str) -> str:
    """The headline as embedded: cut to MAX_TITLE_TOKENS word pieces, so the model never truncates the passage."""
    starts = embedder.token_starts(title)
    return title[: starts[MAX_TITLE_TOKENS]].rstrip() if len(starts) > MAX_TITLE_TOKENS else title


def vector_key(article: Article, signature: str) -> str:
    """What a chunk's vector depends on (content and index settings), so an id never names a stale vector."""
    return hashlib.sha256(f"{article.content_hash}|{signature}".encode()).hexdigest()[:32]


def prepare(handles: IndexHandles, article: Article, url_files: dict[str, str]) -> tuple[ArticleUpsert, list[str]]:
    """Chunk one article; returns the upsert row and the texts to embed."""
    settings = handles.settings
    title = embed_title(handles.embedder, article.title)
    budget = min(settings.chunk_tokens, MAX_TOKENS - 2 - handles.embedder.count_tokens(title))
    chunks = chunk_article(
        article, handles.embedder.token_starts(article.text), budget, settings.chunk_overlap_sentences
    )
    upsert = ArticleUpsert(
        article=article,
        file=origin_file(article),
        hash=stored_hash(article, list(url_files), handles.signature),
        urls=list(url_files),
        url_files=url_files,
        chunks=chunks,
        chunk_ids=[c.chunk_id(vector_key(article, handles.signature)) for c in chunks],
        terms=[" ".join(terms(f"{article.title}\n{c.text}")) for c in chunks],
    )
    return upsert, [_embed_text(title, c.text) for c in chunks]


def chunk_meta(upsert: ArticleUpsert) -> list[dict]:
    a = upsert.article
    return [
        {
            "article_id": a.id,
            "idx": c.index,
            "start": c.start,
            "end": c.end,
            "date": stored_day_number(a.date),
            "source": a.source,
            "site": site_of(a.source),
        }
        for c in upsert.chunks
    ]


def prepare_all(
    handles: IndexHandles, articles: list[Article], urls: dict[str, dict[str, str]], progress: Progress
) -> list[tuple[ArticleUpsert, list[str]]]:
    """Chunk every article to write, reporting ('chunking', done, total) as it goes."""
    out = []
    for i, article in enumerate(articles, start=1):
        out.append(prepare(handles, article, urls[article.id]))
        if i % handles.settings.load_progress_items == 0 or i == len(articles):
            progress("chunking", i, len(articles))
    return out
