"""The article store on PostgreSQL: what the SQLite store holds, shared by every replica and indexer.

Publishing is one transaction (readers see the whole old or the whole new collection), one writer at a time
holds an advisory lock, and a change log (`lexical_log`) lets each replica bring its BM25 index to a new
generation by reading only the chunks of the articles that changed."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager

from index.lock import UpdateInProgress
from index.records import ArticleUpsert, LexicalDelta, ManifestEntry, StoredArticle, StoredChunk
from index.stores.pg_connections import Connections
from index.text_key import text_key
from index.types import Article

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT NOT NULL, date TEXT NOT NULL, source TEXT NOT NULL,
    origin TEXT NOT NULL, file TEXT NOT NULL, text TEXT NOT NULL, hash TEXT NOT NULL, urls TEXT NOT NULL,
    updated_at DOUBLE PRECISION NOT NULL, text_key TEXT NOT NULL, url_files TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks(
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, terms TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_by_article ON chunks(article_id);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lexical_log(generation BIGINT NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS lexical_log_by_generation ON lexical_log(generation);
"""
LOG_GENERATIONS = 1000  # generations of change log kept; a replica further behind rebuilds its BM25 in full
_ARTICLE_COLUMNS = "id, title, url, date, source, origin, file, text, hash, urls, updated_at, text_key, url_files"
_CHUNK_COLUMNS = 'id, article_id, idx, start, "end", text, terms'
_SUMMARY = "a.id, a.title, a.url, a.date, a.source, a.urls, a.updated_at"


def _summary(r: Sequence, chunk_count: int = 0, text: str = "") -> StoredArticle:
    return StoredArticle(r[0], r[1], r[2], r[3], r[4], text, json.loads(r[5]), chunk_count, r[6])


class PostgresStore:
    """The Store protocol (index/stores/protocol.py) on a PostgreSQL database named by a url."""

    shared = True

    def __init__(self, url: str) -> None:
        self._db = Connections(url, _SCHEMA)  # a server down now is reported by health checks; tables come later

    def describe(self) -> str:
        """host:port/database, for messages."""
        return self._db.name

    def _tx(self, snapshot: bool = False) -> AbstractContextManager:
        return self._db.transaction(snapshot)

    # --- reads -------------------------------------------------------------------------------------------
    def manifest(self) -> dict[str, ManifestEntry]:
        """id -> (hash, owner file, text key, title, urls, url files) for every stored article."""
        with self._tx() as cur:
            rows = cur.execute("SELECT id, hash, file, text_key, title, urls, url_files FROM articles").fetchall()
        return {r[0]: ManifestEntry(r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6])) for r in rows}

    def article(self, article_id: str) -> Article | None:
        """A stored article as the write path built it."""
        with self._tx() as cur:
            row = cur.execute(
                "SELECT id, text, title, url, date, source, origin FROM articles WHERE id = %s", (article_id,)
            ).fetchone()
        return Article(*row) if row else None

    def get(self, article_id: str) -> StoredArticle | None:
        """One article with its text, or None."""
        with self._tx() as cur:
            row = cur.execute(
                f"SELECT {_SUMMARY}, a.text, (SELECT COUNT(*) FROM chunks c WHERE c.article_id = a.id)"
                " FROM articles a WHERE a.id = %s",
                (article_id,),
            ).fetchone()
        return _summary(row, row[8], row[7]) if row else None

    def get_text(self, article_id: str) -> str | None:
        """The stored text that citation offsets slice."""
        with self._tx() as cur:
            row = cur.execute("SELECT text FROM articles WHERE id = %s", (article_id,)).fetchone()
        return row[0] if row else None

    def list_articles(self, offset: int = 0, limit: int = 50) -> list[StoredArticle]:
        """A page of articles without their text, newest date first (ids in byte order, as in SQLite)."""
        with self._tx() as cur:
            rows = cur.execute(
                f"SELECT {_SUMMARY}, (SELECT COUNT(*) FROM chunks c WHERE c.article_id = a.id) FROM articles a"
                ' ORDER BY a.date DESC, a.id COLLATE "C" LIMIT %s OFFSET %s',
                (limit, offset),
            ).fetchall()
        return [_summary(r, r[7]) for r in rows]

    def counts(self) -> tuple[int, int]:
        """(articles, chunks) currently live, in one snapshot."""
        with self._tx() as cur:
            row = cur.execute("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM chunks)").fetchone()
        return int(row[0]), int(row[1])

    def live_chunks(self, chunk_ids: Sequence[str]) -> dict[str, tuple[StoredChunk, StoredArticle]]:
        """Live chunks among these ids with their articles' metadata, in ONE statement: one generation."""
        with self._tx() as cur:
            rows = cur.execute(
                f'SELECT c.id, c.article_id, c.start, c."end", c.text, c.idx, {_SUMMARY}'
                " FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.id = ANY(%s)",
                (list(chunk_ids),),
            ).fetchall()
        return {r[0]: (StoredChunk(*r[:6]), _summary(r[6:])) for r in rows}

    def all_terms(self, excluding: set[str] = frozenset()) -> tuple[list[str], list[str]]:  # type: ignore[assignment]
        """(chunk ids, space-joined lexical terms) of live chunks, except those of the given articles."""
        with self._tx() as cur:
            rows = cur.execute('SELECT id, article_id, terms FROM chunks ORDER BY id COLLATE "C"').fetchall()
        kept = [r for r in rows if r[1] not in excluding]
        return [r[0] for r in kept], [r[2] for r in kept]

    def all_chunk_ids(self) -> set[str]:
        """Every live chunk id, to find orphans in the vector store."""
        with self._tx() as cur:
            return {r[0] for r in cur.execute("SELECT id FROM chunks")}

    def get_meta(self, key: str, default: str = "") -> str:
        """A value from the key/value meta table."""
        with self._tx() as cur:
            row = cur.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return str(row[0]) if row else default

    def generation(self) -> int:
        """Bumped by every committed change."""
        return int(self.get_meta("generation", "0"))

    def lexical_since(self, generation: int | None) -> LexicalDelta:
        """The chunks of articles touched after `generation` (all chunks when None or past the kept log), read
        in one snapshot together with the generation they bring a BM25 index to."""
        with self._tx(snapshot=True) as cur:
            meta = dict(cur.execute("SELECT key, value FROM meta WHERE key IN ('generation', 'log_from')").fetchall())
            now, log_from = int(meta.get("generation", 0)), int(meta.get("log_from", 1))
            if generation is None or generation + 1 < log_from or generation > now:
                rows = cur.execute('SELECT id, terms FROM chunks ORDER BY id COLLATE "C"').fetchall()
                return LexicalDelta(now, None, [r[0] for r in rows], [r[1] for r in rows])
            touched = {r[0] for r in cur.execute(
                "SELECT DISTINCT article_id FROM lexical_log WHERE generation > %s", (generation,)
            )}
            rows = cur.execute(
                'SELECT id, terms FROM chunks WHERE article_id = ANY(%s) ORDER BY id COLLATE "C"', (list(touched),)
            ).fetchall()
        return LexicalDelta(now, touched, [r[0] for r in rows], [r[1] for r in rows])

    def update_lock(self) -> AbstractContextManager[None]:
        """One writer per database: a PostgreSQL advisory lock (freed by the server if the writer dies)."""
        return self._db.update_lock()

    # --- writes ------------------------------------------------------------------------------------------
    def commit(self, upserts: Sequence[ArticleUpsert], removals: Sequence[str], meta: dict[str, str]) -> list[str]:
        """Apply a whole update in one transaction; refused when the generation moved under it (a writer that
        lost its lock). Returns the dead chunk ids."""
        now = time.time()
        touched = [u.article.id for u in upserts] + list(removals)
        with self._tx() as cur:
            row = cur.execute("SELECT value FROM meta WHERE key = 'generation' FOR UPDATE").fetchone()
            current, new = int(row[0]) if row else 0, int(meta.get("generation", 0))
            if "generation" in meta and new != current + 1:
                raise UpdateInProgress(f"the index moved to generation {current} during this update; run it again")
            stale = [r[0] for r in cur.execute("SELECT id FROM chunks WHERE article_id = ANY(%s)", (touched,))]
            cur.execute("DELETE FROM chunks WHERE article_id = ANY(%s)", (touched,))
            cur.execute("DELETE FROM articles WHERE id = ANY(%s)", (touched,))
            with cur.copy(f"COPY articles ({_ARTICLE_COLUMNS}) FROM STDIN") as copy:
                for u in upserts:
                    a = u.article
                    copy.write_row((
                        a.id, a.title, a.url, a.date, a.source, a.origin, u.file, a.text, u.hash,
                        json.dumps(u.urls), now, text_key(a.text), json.dumps(u.url_files),
                    ))
            with cur.copy(f"COPY chunks ({_CHUNK_COLUMNS}) FROM STDIN") as copy:
                for u in upserts:
                    for c, cid, t in zip(u.chunks, u.chunk_ids, u.terms, strict=True):
                        copy.write_row((cid, u.article.id, c.index, c.start, c.end, c.text, t))
            if "generation" in meta:
                cur.executemany("INSERT INTO lexical_log VALUES (%s, %s)", [(new, a) for a in touched])
                cur.execute("DELETE FROM lexical_log WHERE generation <= %s", (new - LOG_GENERATIONS,))
                meta = {**meta, "log_from": str(max(1, new - LOG_GENERATIONS + 1))}
            self._upsert_meta(cur, {**meta, "updated_at": str(now)})
        fresh = {cid for u in upserts for cid in u.chunk_ids}
        return [cid for cid in stale if cid not in fresh]

    @staticmethod
    def _upsert_meta(cur: object, meta: dict[str, str]) -> None:
        cur.executemany(  # type: ignore[attr-defined]
            "INSERT INTO meta VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            list(meta.items()),
        )

    def claim_meta(self, key: str, value: str) -> str:
        """Set a meta value unless one is there, atomically; returns the value that holds (ours or the first)."""
        with self._tx() as cur:
            cur.execute("INSERT INTO meta VALUES (%s, %s) ON CONFLICT (key) DO NOTHING", (key, value))
            return str(cur.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()[0])

    def set_meta(self, meta: dict[str, str]) -> None:
        """Record settings the index was built with."""
        with self._tx() as cur:
            self._upsert_meta(cur, meta)
