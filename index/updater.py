"""The incremental update: load, plan, then chunk/embed/write only what changed, in crash-safe batches."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from index.chunking import chunk_article
from index.embedding import MAX_TOKENS, Embedder
from index.handles import IndexHandles
from index.lexical import LexicalIndex, terms
from index.loaders import iter_articles
from index.lock import update_lock
from index.meta import site_of
from index.plan import make_plan, origin_file, stored_hash
from index.store import ArticleUpsert
from index.types import Article

Progress = Callable[[str, int, int], None]  # (stage, done, total)
BATCH_ARTICLES = 64
MAX_TITLE_TOKENS = 64  # of the 254-piece window, at most this much goes to the headline
SWEEP_PENDING = "sweep_pending"  # store meta: set before an update writes vectors, cleared once leftovers are gone


@dataclass
class UpdateReport:
    """The summary every interface prints: counts, duplicates, errors and time."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    chunks: int = 0
    seconds: float = 0.0
    dry_run: bool = False
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for humans."""
        verb = "would change" if self.dry_run else "indexed"
        return (
            f"{verb}: {self.added} added, {self.updated} updated, {self.removed} removed, "
            f"{self.unchanged} unchanged, {self.duplicates} duplicates, {self.chunks} chunks written, "
            f"{len(self.errors)} errors in {self.seconds:.1f}s"
        )

    def as_dict(self) -> dict[str, object]:
        """The JSON form (`index --json`, `POST /api/index`)."""
        return asdict(self)


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


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


def _prepare(handles: IndexHandles, article: Article, urls: list[str]) -> tuple[ArticleUpsert, list[str]]:
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
        hash=stored_hash(article, urls, handles.signature),
        urls=urls,
        chunks=chunks,
        chunk_ids=[c.chunk_id(vector_key(article, handles.signature)) for c in chunks],
        terms=[" ".join(terms(f"{article.title}\n{c.text}")) for c in chunks],
    )
    return upsert, [_embed_text(title, c.text) for c in chunks]


def _chunk_meta(upsert: ArticleUpsert) -> list[dict]:
    a = upsert.article
    date_int = int(a.date.replace("-", "")) if a.date[:4].isdigit() and len(a.date) == 10 else 0
    return [
        {
            "article_id": a.id,
            "idx": c.index,
            "start": c.start,
            "end": c.end,
            "date": date_int,
            "source": a.source,
            "site": site_of(a.source),
        }
        for c in upsert.chunks
    ]


def _embed_missing(
    handles: IndexHandles, upserts: list[ArticleUpsert], texts: list[list[str]], progress: Progress, resume: bool
) -> int:
    """Write vectors for chunks Chroma lacks; ids already there were written by an interrupted run of this update."""
    present = handles.vectors.existing([cid for u in upserts for cid in u.chunk_ids]) if resume else set()
    pending = [(u, t) for u, t in zip(upserts, texts, strict=True) if not set(u.chunk_ids) <= present]
    total = sum(len(u.chunk_ids) for u, _ in pending)
    done = 0
    progress("embedding", 0, total)
    for i in range(0, len(pending), BATCH_ARTICLES):
        batch = pending[i : i + BATCH_ARTICLES]
        ids = [cid for u, _ in batch for cid in u.chunk_ids]
        vectors = handles.embedder.embed([t for _, ts in batch for t in ts])
        docs = [c.text for u, _ in batch for c in u.chunks]
        metas = [m for u, _ in batch for m in _chunk_meta(u)]
        handles.vectors.add(ids, vectors, docs, metas)  # not live until the store commits
        done += len(ids)
        progress("embedding", done, total)
    return total


def _publish(handles: IndexHandles, upserts: list[ArticleUpsert], removed: list[str]) -> None:
    """Build BM25 for the new state, make everything live in one store transaction, then clean up."""
    generation = handles.store.generation() + 1
    touched = {u.article.id for u in upserts} | set(removed)
    ids, chunk_terms = handles.store.all_terms(excluding=touched)
    ids += [cid for u in upserts for cid in u.chunk_ids]
    chunk_terms += [t for u in upserts for t in u.terms]
    LexicalIndex.build(ids, chunk_terms).save(handles.lexical_dir(generation))
    meta = handles.meta() | {"generation": str(generation), "lexical_generation": str(generation)}
    stale = handles.store.commit(upserts, removed, meta)  # the atomic switch: old state or new, never half
    handles.vectors.delete(stale)
    _sweep(handles)


def _sweep(handles: IndexHandles) -> int:
    """Drop what no live state uses: vectors of an interrupted run (or of a kill after its commit), old BM25."""
    gen = handles.store.get_meta("lexical_generation")
    if gen:
        handles.prune_lexical(keep=int(gen))
    orphans = handles.vectors.all_ids() - handles.store.all_chunk_ids()
    handles.vectors.delete(sorted(orphans))
    handles.store.set_meta({SWEEP_PENDING: ""})
    return len(orphans)


def update_index(
    handles: IndexHandles,
    paths: Sequence[Path] | None = None,
    dry_run: bool = False,
    full: bool = False,
    progress: Progress = _no_progress,
) -> UpdateReport:
    """The one write-path service: CLI, HTTP and UI all call this."""
    started = time.perf_counter()
    roots = list(paths) if paths else [handles.settings.articles_dir]
    missing = [str(p) for p in roots if not p.exists()]
    with update_lock(handles.settings.data_dir):
        items = list(iter_articles([p for p in roots if p.exists()]))
        # --full re-embeds every article and drops every stored article the given paths no longer hold.
        plan = make_plan(
            items,
            handles.store.manifest(),
            [Path("/")] if full else [p for p in roots if p.exists()],
            handles.signature,
            full,
        )
        report = UpdateReport(
            added=len(plan.added),
            updated=len(plan.updated),
            removed=len(plan.removed),
            unchanged=len(plan.unchanged),
            duplicates=len(plan.duplicates),
            dry_run=dry_run,
            errors=[f"{p}: no such file or folder" for p in missing] + [str(e) for e in plan.errors],
            notes=list(plan.duplicates),
        )
        if not dry_run and (plan.changes or not handles.lexical_ready()):
            handles.store.set_meta({SWEEP_PENDING: "1"})  # durable before the first vector is written
            prepared = [_prepare(handles, a, plan.urls[a.id]) for a in plan.added + plan.updated]
            upserts = [u for u, _ in prepared]
            report.chunks = _embed_missing(handles, upserts, [t for _, t in prepared], progress, resume=not full)
            _publish(handles, upserts, plan.removed)
        elif not dry_run and handles.store.get_meta(SWEEP_PENDING):  # an earlier run was killed mid-way
            report.notes.append(f"removed {_sweep(handles)} vectors left by an interrupted update")
    report.seconds = round(time.perf_counter() - started, 3)
    return report
