"""The records the article stores read and write: what an update compares, what the read path sees, and what one
commit writes. Shared by the SQLite store (store.py) and the PostgreSQL one (stores/postgres.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from index.types import Article, Chunk


class ManifestEntry(NamedTuple):
    """What an update compares a loaded article with: its stored hash, owner file, text key, title, urls and
    the file each merged url came from (a url without one came from the owner file)."""

    hash: str
    file: str
    text_key: str
    title: str
    urls: list[str]
    url_files: dict[str, str]


@dataclass(frozen=True)
class StoredArticle:
    """An article as the read path sees it."""

    id: str
    title: str
    url: str
    date: str
    source: str
    text: str
    urls: list[str]
    chunk_count: int
    updated_at: float


@dataclass(frozen=True)
class StoredChunk:
    """A live chunk row."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    index: int = 0  # position in the article: news puts key facts first


@dataclass(frozen=True)
class ArticleUpsert:
    """One article to write, with its chunks, their chunk ids and lexical terms."""

    article: Article
    file: str
    hash: str
    urls: list[str]
    chunks: list[Chunk]
    chunk_ids: list[str]
    terms: list[str]
    url_files: dict[str, str] = field(default_factory=dict)  # merged url -> the file it came from


@dataclass(frozen=True)
class LexicalDelta:
    """What a reader needs to bring its BM25 index to `generation`, read in one snapshot: the chunks of the
    articles touched since its generation (touched=None: a full snapshot, every live chunk)."""

    generation: int
    touched: set[str] | None
    chunk_ids: list[str]
    terms: list[str]
