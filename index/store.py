"""The article store and manifest (SQLite): the source of truth for which articles and chunks are live."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from index.lock import update_lock
from index.records import ArticleUpsert, LexicalDelta, ManifestEntry, StoredArticle, StoredChunk
from index.sqlite_wal import connect
from index.text_key import text_key
from index.types import Article

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT NOT NULL, date TEXT NOT NULL,
    source TEXT NOT NULL, origin TEXT NOT NULL, file TEXT NOT NULL, text TEXT NOT NULL,
    hash TEXT NOT NULL, urls TEXT NOT NULL, updated_at REAL NOT NULL, text_key TEXT NOT NULL DEFAULT '',
    url_files TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS chunks(
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, terms TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_by_article ON chunks(article_id);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


BUSY_TIMEOUT_S = 60.0  # how long a write waits for another writer


class ArticleStore:
    """SQLite in WAL mode: readers see the last committed batch while a writer works."""

    shared = False  # one machine's file: its BM25 generations are saved beside it

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)
            self._migrate(db)

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        """Bring an older store up to the current schema in place (nothing is re-embedded)."""
        columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
        if "text_key" not in columns:  # stores before whole-store duplicate detection
            db.execute("ALTER TABLE articles ADD COLUMN text_key TEXT NOT NULL DEFAULT ''")
        if "url_files" not in columns:
            db.execute("ALTER TABLE articles ADD COLUMN url_files TEXT NOT NULL DEFAULT '{}'")
        rows = db.execute("SELECT id, text FROM articles WHERE text_key = ''").fetchall()
        db.executemany("UPDATE articles SET text_key = ? WHERE id = ?", [(text_key(t), i) for i, t in rows])

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path, BUSY_TIMEOUT_S)

    # --- reads -------------------------------------------------------------------------------------------
    def manifest(self) -> dict[str, ManifestEntry]:
        """id -> (hash, owner file, text key, title, urls, url files) for every stored article."""
        with self._connect() as db:
            rows = db.execute("SELECT id, hash, file, text_key, title, urls, url_files FROM articles").fetchall()
        return {r[0]: ManifestEntry(r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6])) for r in rows}

    def article(self, article_id: str) -> Article | None:
        """A stored article as the write path built it, so a copy found elsewhere can merge into it."""
        with self._connect() as db:
            row = db.execute(
                "SELECT id, text, title, url, date, source, origin FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        return Article(*row) if row else None

    def get(self, article_id: str) -> StoredArticle | None:
        """One article with its text, or None."""
        with self._connect() as db:
            row = db.execute(
                "SELECT a.id, title, url, date, source, a.text, urls, updated_at,"
                " (SELECT COUNT(*) FROM chunks c WHERE c.article_id = a.id) FROM articles a WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            return None
        return StoredArticle(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]), row[8], row[7])

    def get_text(self, article_id: str) -> str | None:
        """The stored text that citation offsets slice."""
        with self._connect() as db:
            row = db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def list_articles(self, offset: int = 0, limit: int = 50) -> list[StoredArticle]:
        """A page of articles without their text, newest date first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT a.id, title, url, date, source, urls, updated_at,"
                " (SELECT COUNT(*) FROM chunks c WHERE c.article_id = a.id) FROM articles a"
                " ORDER BY date DESC, id LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [StoredArticle(r[0], r[1], r[2], r[3], r[4], "", json.loads(r[5]), r[7], r[6]) for r in rows]

    def counts(self) -> tuple[int, int]:
        """(articles, chunks) currently live."""
        with self._connect() as db:
            articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            chunks = db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return articles, chunks

    def live_chunks(self, chunk_ids: Sequence[str]) -> dict[str, tuple[StoredChunk, StoredArticle]]:
        """Live chunks among these ids with their articles' metadata, in ONE read: never two generations mixed."""
        out: dict[str, tuple[StoredChunk, StoredArticle]] = {}
        with self._connect() as db:
            for i in range(0, len(chunk_ids), 500):
                part = list(chunk_ids[i : i + 500])
                marks = ",".join("?" * len(part))
                for r in db.execute(
                    f'SELECT c.id, c.article_id, c.start, c."end", c.text, c.idx,'
                    f" a.title, a.url, a.date, a.source, a.urls, a.updated_at"
                    f" FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.id IN ({marks})",
                    part,
                ):
                    article = StoredArticle(r[1], r[6], r[7], r[8], r[9], "", json.loads(r[10]), 0, r[11])
                    out[r[0]] = (StoredChunk(*r[:6]), article)
        return out

    def all_terms(self, excluding: set[str] = frozenset()) -> tuple[list[str], list[str]]:  # type: ignore[assignment]
        """(chunk ids, space-joined lexical terms) of live chunks, except those of the given articles."""
        with self._connect() as db:
            rows = db.execute("SELECT id, article_id, terms FROM chunks ORDER BY id").fetchall()
        kept = [r for r in rows if r[1] not in excluding]
        return [r[0] for r in kept], [r[2] for r in kept]

    def all_chunk_ids(self) -> set[str]:
        """Every live chunk id, to find orphans in the vector store."""
        with self._connect() as db:
            return {row[0] for row in db.execute("SELECT id FROM chunks")}

    def get_meta(self, key: str, default: str = "") -> str:
        """A value from the key/value meta table."""
        with self._connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def generation(self) -> int:
        """Bumped by every committed change, so readers know when to reload derived indexes."""
        return int(self.get_meta("generation", "0"))

    def describe(self) -> str:
        """Where the store lives, for messages."""
        return str(self.path)

    def lexical_since(self, generation: int | None) -> LexicalDelta:
        """Every live chunk's terms with the generation they belong to, in one read (no change log here)."""
        with self._connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            rows = db.execute("SELECT id, terms FROM chunks ORDER BY id").fetchall()
        return LexicalDelta(int(row[0]) if row else 0, None, [r[0] for r in rows], [r[1] for r in rows])

    def update_lock(self) -> AbstractContextManager[None]:
        """One update at a time: the data directory's lock file (index/lock.py)."""
        return update_lock(self.path.parent)

    # --- writes ------------------------------------------------------------------------------------------
    def commit(self, upserts: Sequence[ArticleUpsert], removals: Sequence[str], meta: dict[str, str]) -> list[str]:
        """Apply a whole update in one transaction (meta carries the new generation); returns dead chunk ids."""
        now = time.time()
        stale: list[str] = []
        with self._connect() as db:
            touched = [u.article.id for u in upserts] + list(removals)
            for article_id in touched:
                stale += [r[0] for r in db.execute("SELECT id FROM chunks WHERE article_id = ?", (article_id,))]
                db.execute("DELETE FROM chunks WHERE article_id = ?", (article_id,))
            db.executemany("DELETE FROM articles WHERE id = ?", [(a,) for a in removals])
            for u in upserts:
                a = u.article
                db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        a.id, a.title, a.url, a.date, a.source, a.origin, u.file, a.text, u.hash,
                        json.dumps(u.urls), now, text_key(a.text), json.dumps(u.url_files),
                    ),
                )
                db.executemany(
                    "INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?,?,?)",
                    [
                        (cid, a.id, c.index, c.start, c.end, c.text, t)
                        for c, cid, t in zip(u.chunks, u.chunk_ids, u.terms, strict=True)
                    ],
                )
            meta = {**meta, "updated_at": str(now)}
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))
        fresh = {cid for u in upserts for cid in u.chunk_ids}
        return [cid for cid in stale if cid not in fresh]

    def claim_meta(self, key: str, value: str) -> str:
        """Set a meta value unless one is there, atomically; returns the value that holds (ours or the first)."""
        with self._connect() as db:
            db.execute("INSERT OR IGNORE INTO meta VALUES (?, ?)", (key, value))
            return str(db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])

    def set_meta(self, meta: dict[str, str]) -> None:
        """Record settings the index was built with."""
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))
