"""The incremental update: load, plan, then chunk/embed/write only what changed, in crash-safe batches."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from index.handles import IndexHandles
from index.lexical import LexicalIndex
from index.loaders import iter_articles
from index.plan import Plan, make_plan
from index.prepare import MAX_TITLE_TOKENS, Progress, chunk_meta, embed_title, prepare_all
from index.records import ArticleUpsert
from index.report import UpdateReport

__all__ = ["MAX_TITLE_TOKENS", "Progress", "UpdateReport", "embed_title", "remove_articles", "update_index"]

T = TypeVar("T")
SWEEP_PENDING = "sweep_pending"  # store meta: set before an update writes vectors, cleared once leftovers are gone


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def _counted(items: Iterator[T], progress: Progress, every: int) -> Iterator[T]:
    """Pass the loader's output through, reporting ('loading', inputs so far, 0: total unknown) as it goes."""
    n = 0
    for n, item in enumerate(items, start=1):
        if n % every == 0:
            progress("loading", n, 0)
        yield item
    if n:
        progress("loading", n, n)


def _embed_missing(
    handles: IndexHandles, upserts: list[ArticleUpsert], texts: list[list[str]], progress: Progress, resume: bool
) -> int:
    """Write vectors for chunks Chroma lacks; ids already there were written by an interrupted run of this update.

    Batches are of chunks, not articles, so progress moves every few seconds whatever the articles' lengths."""
    present = handles.vectors.existing([cid for u in upserts for cid in u.chunk_ids]) if resume else set()
    pending = [
        (cid, text, chunk.text, meta)
        for u, ts in zip(upserts, texts, strict=True)
        if not set(u.chunk_ids) <= present
        for cid, text, chunk, meta in zip(u.chunk_ids, ts, u.chunks, chunk_meta(u), strict=True)
    ]
    total, step = len(pending), handles.settings.embed_progress_chunks
    progress("embedding", 0, total)
    for i in range(0, total, step):
        batch = pending[i : i + step]
        vectors = handles.embedder.embed([text for _, text, _, _ in batch])
        handles.vectors.add([b[0] for b in batch], vectors, [b[2] for b in batch], [b[3] for b in batch])
        progress("embedding", i + len(batch), total)  # not live until the store commits
    return total


def _lexical_after(handles: IndexHandles, touched: set[str], upserts: list[ArticleUpsert]) -> LexicalIndex:
    """The BM25 index of the new state: the published one with the touched articles' rows replaced (what the
    update changed), or built from the store's terms when there is no published one of the store's generation."""
    new_ids = [cid for u in upserts for cid in u.chunk_ids]
    new_terms = [t for u in upserts for t in u.terms]
    gen, current = handles.load_lexical()
    if gen == handles.store.generation() and len(current) == handles.store.counts()[1]:
        stale = {cid for cid in current.chunk_ids if cid.rsplit("::", 2)[0] in touched}
        return current.updated(stale, new_ids, new_terms)
    ids, chunk_terms = handles.store.all_terms(excluding=touched)
    return LexicalIndex.build(ids + new_ids, chunk_terms + new_terms)


def _publish(
    handles: IndexHandles, upserts: list[ArticleUpsert], removed: list[str], progress: Progress, sweep: bool
) -> None:
    """Build BM25 for the new state, make everything live in one store transaction, then clean up: the old
    chunks' vectors, and (after an interrupted run, or when the counts disagree) every vector no chunk uses."""
    generation = handles.store.generation() + 1
    touched = {u.article.id for u in upserts} | set(removed)
    progress("lexical index", 0, 1)
    _lexical_after(handles, touched, upserts).save(handles.lexical_dir(generation))
    progress("lexical index", 1, 1)
    progress("publishing", 0, 1)
    meta = handles.meta() | {"generation": str(generation), "lexical_generation": str(generation)}
    stale = handles.store.commit(upserts, removed, meta)  # the atomic switch: old state or new, never half
    handles.vectors.delete(stale)
    if sweep or handles.vectors.count() != handles.store.counts()[1]:  # counts differ: orphans from elsewhere
        _sweep(handles)
    else:  # this run wrote only what it committed: nothing else to look for in the whole collection
        handles.prune_lexical(keep=generation)
        handles.store.set_meta({SWEEP_PENDING: ""})
    progress("publishing", 1, 1)


def _sweep(handles: IndexHandles) -> int:
    """Drop what no live state uses: vectors of an interrupted run (or of a kill after its commit), old BM25."""
    gen = handles.store.get_meta("lexical_generation")
    if gen:
        handles.prune_lexical(keep=int(gen))
    orphans = handles.vectors.all_ids() - handles.store.all_chunk_ids()
    handles.vectors.delete(sorted(orphans))
    handles.store.set_meta({SWEEP_PENDING: ""})
    return len(orphans)


def _missing_vectors(handles: IndexHandles, plan: Plan, interrupted: bool) -> int:
    """Unchanged articles whose vectors the vector store lost (a shared server's old clean-up, a restored
    backup) are re-embedded: an update repairs the index instead of reporting it unchanged. Without orphans
    (no interrupted run) equal counts mean nothing is missing, so the whole collection is listed only then."""
    if not interrupted and handles.vectors.count() == handles.store.counts()[1]:
        return 0
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
    with handles.store.update_lock():  # the data directory's lock file, or the database's advisory lock
        manifest = handles.store.manifest()
        items = _counted(iter_articles(present, home=settings.articles_dir), progress, settings.load_progress_items)
        plan = make_plan(items, manifest, present, handles.signature, full, allow_removal, handles.store.article)
        report = UpdateReport.of(plan, dry_run)
        report.errors[:0] = [f"{p}: no such file or folder" for p in roots if p not in present]
        interrupted = bool(handles.store.get_meta(SWEEP_PENDING))  # an earlier run was killed mid-way
        if not dry_run and manifest and (repaired := _missing_vectors(handles, plan, interrupted)):
            report.updated, report.unchanged = len(plan.updated), len(plan.unchanged)
            report.notes.append(f"re-embedding {repaired} article(s) whose vectors were missing")
        report.refused = "" if allow_removal else _safety_stop(handles, plan, len(manifest))
        if dry_run or report.refused:
            report.list_changes(plan, {i: manifest[i].title for i in plan.removed})
        elif plan.changes or not handles.lexical_ready():
            handles.store.set_meta({SWEEP_PENDING: "1"})  # durable before the first vector is written
            prepared = prepare_all(handles, plan.added + plan.updated, plan.urls, progress)
            upserts = [u for u, _ in prepared]
            report.chunks = _embed_missing(handles, upserts, [t for _, t in prepared], progress, resume=not full)
            _publish(handles, upserts, plan.removed, progress, sweep=interrupted)
        elif not dry_run and interrupted:
            report.notes.append(f"removed {_sweep(handles)} vectors left by an interrupted update")
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def remove_articles(handles: IndexHandles, article_ids: Sequence[str]) -> UpdateReport:
    """Delete these stored articles now (an operator's delete), published in one transaction like any update."""
    started = time.perf_counter()
    with handles.store.update_lock():
        known = [i for i in article_ids if handles.store.get_text(i) is not None]
        if known:
            interrupted = bool(handles.store.get_meta(SWEEP_PENDING))
            handles.store.set_meta({SWEEP_PENDING: "1"})
            _publish(handles, [], known, _no_progress, sweep=interrupted)
    return UpdateReport(removed=len(known), seconds=round(time.perf_counter() - started, 3))
