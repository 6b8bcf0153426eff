"""Move an embedded index (a data directory's SQLite store and Chroma) into the scaled setup's PostgreSQL store
and Chroma server, without re-embedding: every article, chunk and vector, published as one generation.

    export ASSISTANT_DATABASE_URL=postgresql://assistant@127.0.0.1:5432/news
    export ASSISTANT_CHROMA_HOST=127.0.0.1 ASSISTANT_CHROMA_PORT=8000
    .venv/bin/python scripts/copy_index_to_postgres.py --from .data

The target must be empty; the source must not be open in another process (stop its server first)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

from assistant.settings import load_settings
from index.handles import IndexHandles
from index.records import ArticleUpsert
from index.types import Article, Chunk
from index.vectors import VectorStore, open_client

COPY_BATCH = 500


def read_upserts(store_path: Path) -> list[ArticleUpsert]:
    """Every stored article with its chunks and terms, as an update would write them."""
    db = sqlite3.connect(store_path)
    chunks: dict[str, list[tuple]] = {}
    for row in db.execute('SELECT id, article_id, idx, start, "end", text, terms FROM chunks ORDER BY article_id, idx'):
        chunks.setdefault(row[1], []).append(row)
    out = []
    for r in db.execute("SELECT id, title, url, date, source, origin, file, text, hash, urls, url_files FROM articles"):
        article = Article(r[0], r[7], r[1], r[2], r[3], r[4], r[5])
        own = chunks.get(r[0], [])
        out.append(ArticleUpsert(
            article, r[6], r[8], json.loads(r[9]), [Chunk(c[1], c[2], c[3], c[4], c[5]) for c in own],
            [c[0] for c in own], [c[6] for c in own], json.loads(r[10]),
        ))  # fmt: skip
    db.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True, help="the embedded index's data directory")
    parser.add_argument("--collection", default="articles", help="the source's Chroma collection (default: articles)")
    args = parser.parse_args()
    settings = load_settings()
    if not settings.database_url or not settings.chroma_host:
        print("error: set ASSISTANT_DATABASE_URL and ASSISTANT_CHROMA_HOST/PORT to the target", file=sys.stderr)
        return 2
    started = time.perf_counter()
    target = IndexHandles(settings)
    with target.store.update_lock():
        if target.store.counts() != (0, 0):
            print(f"error: the target {target.store.describe()} is not empty", file=sys.stderr)
            return 3
        upserts = read_upserts(args.source / "articles.sqlite3")
        source = VectorStore(open_client(args.source / "chroma"), args.collection)
        ids = [cid for u in upserts for cid in u.chunk_ids]
        for i in range(0, len(ids), COPY_BATCH):
            target.vectors.copy_from(source, ids[i : i + COPY_BATCH])
        generation = str(target.store.generation() + 1)
        meta = target.meta() | {"generation": generation, "lexical_generation": generation}
        target.store.commit(upserts, [], meta)
    print(f"copied {len(upserts)} articles, {len(ids)} chunks in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
