"""The write path's data types, shared by loaders, chunker, store and updater."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Article:
    """One cleaned article, as stored; `text` is what citations' offsets point into."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    date: str = ""  # ISO date (YYYY-MM-DD) when known, else ""
    source: str = ""  # url domain, feed name or file path
    origin: str = ""  # the file (and line) it came from, for messages
    extra_urls: tuple[str, ...] = field(default_factory=tuple)

    @property
    def content_hash(self) -> str:
        """Hash of everything that changes what is indexed, so an unchanged article is skipped."""
        h = hashlib.sha256()
        for part in (self.text, self.title, self.url, self.date, self.source):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()[:32]


@dataclass(frozen=True)
class Chunk:
    """A passage of an article: `text == article.text[start:end]`."""

    article_id: str
    index: int
    start: int
    end: int
    text: str

    def chunk_id(self, content_hash: str) -> str:
        """Chunk ids embed the article hash, so a changed article never reuses an old id."""
        return f"{self.article_id}::{content_hash[:12]}::{self.index}"


@dataclass(frozen=True)
class LoadError:
    """A problem with one input (file or feed line); reported, never fatal to the run."""

    path: Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Skipped:
    """An input passed over on purpose (an unsupported file type, an empty folder): reported, never an error."""

    path: Path
    reason: str
    empty_folder: bool = False  # an empty folder may be an unmounted disk: what is stored under it stays

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
