"""The incremental update: load, plan, then chunk/embed/write only what changed, in crash-safe batches."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from index.chunking import chunk_article
from index.embedding import MAX_TOKENS
from index.handles import IndexHandles
from index.lexical import LexicalIndex, terms
from index.loaders import iter_articles
from index.plan import Plan, make_plan, origin_file, stored_hash
from index.store import ArticleUpsert
from index.types import Article

Progress = Callable[[str, int, int], None]  # (stage, done, total)
BATCH_ARTICLES = 64


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


def _embed_text(article: Article, chunk_text: str) -> str:
    """Embedding input: the headline gives each passage its story's context."""
    return f"{article.title}\n{chunk_text}" if article.title else chunk_text


def _prepare(handles: IndexHandles, article: Article, urls: list[str]) -> tuple[ArticleUpsert, list[str]]:
    """Chunk one article; returns the upsert row and the texts to embed."""
    settings = handles.settings
    count = handles.embedder.count_tokens
    budget = min(settings.chunk_tokens, MAX_TOKENS - 2 - min(count(article.title), 64))
    chunks = chunk_article(
        article, handles.embedder.token_starts(article.text), budget, settings.chunk_overlap_sentences
    )
    upsert = ArticleUpsert(
        article=article,
        file=origin_file(article),
        hash=stored_hash(article, urls, handles.signature),
        urls=urls,
        chunks=chunks,
        chunk_ids=[c.chunk_id(article.content_hash) for c in chunks],
        terms=[" ".join(terms(f"{article.title}\n{c.text}")) for c in chunks],
    )
    return upsert, [_embed_text(article, c.text) for c in chunks]


def _chunk_meta(upsert: ArticleUpsert) -> list[dict]:
    a = upsert.article
    date_int = int(a.date.replace("-", "")) if a.date[:4].isdigit() and len(a.date) == 10 else 0
    return [
        {"article_id": a.id, "idx": c.index, "start": c.start, "end": c.end, "date": date_int, "source": a.source}
        for c in upsert.chunks
    ]


def _write(handles: IndexHandles, plan: Plan, progress: Progress) -> int:
    """Embed and commit changed articles batch by batch; each batch is atomic in the store."""
    todo = plan.added + plan.updated
    written = 0
    for i in range(0, len(todo), BATCH_ARTICLES):
        batch = [_prepare(handles, a, plan.urls[a.id]) for a in todo[i : i + BATCH_ARTICLES]]
        texts = [t for _, ts in batch for t in ts]
        vectors = handles.embedder.embed(texts)
        ids = [cid for u, _ in batch for cid in u.chunk_ids]
        docs = [c.text for u, _ in batch for c in u.chunks]
        metas = [m for u, _ in batch for m in _chunk_meta(u)]
        handles.vectors.add(ids, vectors, docs, metas)  # first vectors, then the store makes them live
        stale = handles.store.commit([u for u, _ in batch], [], handles.meta())
        handles.vectors.delete(stale)
        written += len(ids)
        progress("embedding", min(i + BATCH_ARTICLES, len(todo)), len(todo))
    return written


def _collect_garbage(handles: IndexHandles) -> None:
    """Delete vectors no live chunk refers to (left by an interrupted update)."""
    orphans = handles.vectors.all_ids() - handles.store.all_chunk_ids()
    handles.vectors.delete(sorted(orphans))


def rebuild_lexical(handles: IndexHandles) -> None:
    """Rebuild BM25 from the stored terms of live chunks (no re-tokenising) and publish it."""
    ids, chunk_terms = handles.store.all_terms()
    generation = handles.store.generation()
    LexicalIndex.build(ids, chunk_terms).save(handles.lexical_dir(generation))
    handles.store.set_meta({"lexical_generation": str(generation)})
    handles.prune_lexical(keep=generation)


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
    items = list(iter_articles([p for p in roots if p.exists()]))
    manifest = {} if full and not dry_run else handles.store.manifest()
    plan = make_plan(items, manifest, roots, handles.signature, full=full)
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
    if not dry_run:
        if full:
            handles.reset()
        if plan.removed:
            handles.vectors.delete(handles.store.commit([], plan.removed, handles.meta()))
        report.chunks = _write(handles, plan, progress)
        if plan.changes or full or not handles.lexical_ready():
            _collect_garbage(handles)
            rebuild_lexical(handles)
    report.seconds = round(time.perf_counter() - started, 3)
    return report
