"""The incremental update: load, plan, then chunk/embed/write only what changed, in crash-safe batches."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from index.chunking import chunk_article
from index.embedding import MAX_TOKENS, Embedder
from index.handles import IndexHandles
from index.lexical import LexicalIndex, terms
from index.loaders import iter_articles
from index.lock import update_lock
from index.meta import site_of
from index.plan import Plan, make_plan, origin_file, stored_hash
from index.report import UpdateReport
from index.store import ArticleUpsert
from index.types import Article

__all__ = ["UpdateReport", "update_index"]

Progress = Callable[[str, int, int], None]  # (stage, done, total)
BATCH_ARTICLES = 64
MAX_TITLE_TOKENS = 64  # of the 254-piece window, at most this much goes to the headline
SWEEP_PENDING = "sweep_pending"  # store meta: set before an update writes vectors, cleared once leftovers are gone


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


def _prepare(handles: IndexHandles, article: Article, url_files: dict[str, str]) -> tuple[ArticleUpsert, list[str]]:
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


def _missing_vectors(handles: IndexHandles, plan: Plan) -> int:
    """Unchanged articles whose vectors the vector store lost (a shared server's old clean-up, a restored
    backup) are re-embedded: an update repairs the index instead of reporting it unchanged."""
    missing = handles.store.all_chunk_ids() - handles.vectors.all_ids()
    broken = {cid.rsplit("::", 2)[0] for cid in missing}
    repaired = [plan.articles[i] for i in plan.unchanged if i in broken]
    plan.updated += repaired
    plan.unchanged = [i for i in plan.unchanged if i not in broken]
    return len(repaired)


def _safety_stop(handles: IndexHandles, plan: Plan, stored: int) -> str:
    """Why an update that would remove much of the collection must not go ahead on its own ("" when it may)."""
    s = handles.settings
    removed = len(plan.removed)
    if removed < s.removal_stop_min or removed <= s.removal_stop_share * stored:
        return ""
    return (
        f"this update would remove {removed} of the {stored} stored articles (more than "
        f"{s.removal_stop_share:.0%}); check that the articles folder is complete and mounted, then run again "
        "with --allow-removal (API: allow_removal=true) to go ahead"
    )


def update_index(
    handles: IndexHandles,
    paths: Sequence[Path] | None = None,
    dry_run: bool = False,
    full: bool = False,
    progress: Progress = _no_progress,
    allow_removal: bool = False,
) -> UpdateReport:
    """The one write-path service: CLI, HTTP and UI all call this.

    Removal is scoped to `paths` (default: the articles folder) and never touches what could not be seen;
    `full` re-embeds every article found there. An update that would remove more than the configured share
    of the collection is refused (`report.refused`) unless `allow_removal`.
    """
    started = time.perf_counter()
    settings = handles.settings
    roots = list(paths) if paths else [settings.articles_dir]
    present = [p for p in roots if p.exists()]
    with update_lock(settings.data_dir):
        manifest = handles.store.manifest()
        items = iter_articles(present, home=settings.articles_dir)
        plan = make_plan(items, manifest, present, handles.signature, full, allow_removal, handles.store.article)
        report = UpdateReport.of(plan, dry_run)
        report.errors[:0] = [f"{p}: no such file or folder" for p in roots if p not in present]
        if not dry_run and manifest and (repaired := _missing_vectors(handles, plan)):
            report.updated, report.unchanged = len(plan.updated), len(plan.unchanged)
            report.notes.append(f"re-embedding {repaired} article(s) whose vectors were missing")
        report.refused = "" if allow_removal else _safety_stop(handles, plan, len(manifest))
        if dry_run or report.refused:
            report.list_changes(plan, {i: manifest[i].title for i in plan.removed})
        elif plan.changes or not handles.lexical_ready():
            handles.store.set_meta({SWEEP_PENDING: "1"})  # durable before the first vector is written
            prepared = [_prepare(handles, a, plan.urls[a.id]) for a in plan.added + plan.updated]
            upserts = [u for u, _ in prepared]
            report.chunks = _embed_missing(handles, upserts, [t for _, t in prepared], progress, resume=not full)
            _publish(handles, upserts, plan.removed)
        elif handles.store.get_meta(SWEEP_PENDING):  # an earlier run was killed mid-way
            report.notes.append(f"removed {_sweep(handles)} vectors left by an interrupted update")
    report.seconds = round(time.perf_counter() - started, 3)
    return report
