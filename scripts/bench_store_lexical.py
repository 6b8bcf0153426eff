"""What it costs a replica of a PostgreSQL store to bring its BM25 index to a new generation: a full load (a
replica's start) and the change-log delta after a 10-article update, over N synthetic chunks.

    .venv/bin/python scripts/bench_store_lexical.py --url postgresql://assistant@127.0.0.1:5432/bench --chunks 200000

The database should be empty (its tables are created); chunks are 24 to an article and 60 terms each, from a
Zipf-like vocabulary of 50,000 terms, about news-dev's shape (2,442 articles, 58,756 chunks)."""

from __future__ import annotations

import argparse
import json
import random
import resource
import time

from index.lexical import LexicalIndex
from index.records import ArticleUpsert
from index.stores.postgres import PostgresStore
from index.types import Article, Chunk

CHUNKS_PER_ARTICLE = 24
TERMS_PER_CHUNK = 60
VOCABULARY = [f"t{i}" for i in range(50_000)]
WEIGHTS = [1.0 / (i + 1) for i in range(len(VOCABULARY))]


def article(n: int, rng: random.Random, version: int = 0) -> ArticleUpsert:
    """One synthetic article with its chunks and their terms (a new version has other terms)."""
    chunk_terms = [" ".join(rng.choices(VOCABULARY, WEIGHTS, k=TERMS_PER_CHUNK)) for _ in range(CHUNKS_PER_ARTICLE)]
    text = " ".join(chunk_terms)
    a = Article(f"a{n:07d}", text, f"Article {n}", f"https://x.example/{n}", "2024-01-01", "x.example", "bench")
    chunks, start = [], 0
    for i, t in enumerate(chunk_terms):
        chunks.append(Chunk(a.id, i, start, start + len(t), t))
        start += len(t) + 1
    h = f"{n:08d}{version:08d}".ljust(32, "0")
    return ArticleUpsert(a, "bench", h, [a.url], chunks, [c.chunk_id(h) for c in chunks], chunk_terms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="an empty PostgreSQL database")
    parser.add_argument("--chunks", type=int, default=200_000)
    args = parser.parse_args()
    store, rng = PostgresStore(args.url), random.Random(16)
    articles = args.chunks // CHUNKS_PER_ARTICLE
    started = time.perf_counter()
    for lo in range(0, articles, 500):
        batch = [article(n, rng) for n in range(lo, min(lo + 500, articles))]
        store.commit(batch, [], {"generation": str(store.generation() + 1)})
    load_s = time.perf_counter() - started

    started = time.perf_counter()
    delta = store.lexical_since(None)
    read_s = time.perf_counter() - started
    index = LexicalIndex.build(delta.chunk_ids, delta.terms)
    full_s = time.perf_counter() - started
    base = (delta.generation, index)

    changed = [article(n, rng, version=1) for n in rng.sample(range(articles), 10)]
    store.commit(changed, [], {"generation": str(store.generation() + 1)})
    started = time.perf_counter()
    step = store.lexical_since(base[0])
    assert step.touched is not None
    stale = {cid for cid in base[1].chunk_ids if cid.rsplit("::", 2)[0] in step.touched}
    moved = base[1].updated(stale, step.chunk_ids, step.terms)
    delta_s = time.perf_counter() - started
    assert len(moved) == len(index)
    print(json.dumps({
        "chunks": len(index), "articles": articles, "write_s": round(load_s, 1),
        "full_read_s": round(read_s, 2), "full_load_s": round(full_s, 2), "delta_10_articles_s": round(delta_s, 3),
        "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }))


if __name__ == "__main__":
    main()
