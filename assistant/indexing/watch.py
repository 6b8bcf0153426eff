"""Watch mode: the articles folder is indexed by itself: new, changed and deleted files become an incremental
update job once the folder has been quiet for `watch_quiet_s`, so a file still being written is not indexed
half-way, and temporary, partial and hidden files are never indexed at all."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from assistant.indexing.jobs import IndexBusy, Job
from assistant.indexing.service import IndexService

# What browsers, editors, rsync and `curl -o` write before the real name appears.
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp", ".swx", "~")
MAX_GROUP_S = 60.0  # changes still arriving after this long are indexed in one go anyway (a steady stream)
Announce = Callable[[Job], None]


def is_article_change(path: str, root: Path) -> bool:
    """True for a change worth indexing: not hidden (anywhere below the root), not a partial download."""
    try:
        parts = Path(path).relative_to(root).parts
    except ValueError:
        parts = (Path(path).name,)
    hidden = any(p.startswith(".") for p in parts)
    return bool(parts) and not hidden and not parts[-1].lower().endswith(PARTIAL_SUFFIXES)


def _say(job: Job) -> None:
    report = job.report or {}
    counts = ", ".join(f"{report.get(k, 0)} {k}" for k in ("added", "updated", "removed"))
    print(f"watch: job {job.id} {job.state}: {counts}{(' — ' + job.error) if job.error else ''}", file=sys.stderr)


def update_when_free(indexing: IndexService, stop: threading.Event, announce: Announce = _say) -> Job | None:
    """Run one update job as soon as no other update holds the index; None when stopped first."""
    while not stop.is_set():
        try:
            job, _ = indexing.submit()
        except IndexBusy:  # a job of ours or another process's update: ours ends, theirs releases the lock
            indexing.jobs.wait_idle(indexing.settings.watch_quiet_s)
            stop.wait(indexing.settings.watch_quiet_s)
            continue
        indexing.wait(job)
        announce(job)
        return job
    return None


def settle(paths: set[str], quiet_s: float, stop: threading.Event) -> None:
    """Wait until none of these files has been written to for `quiet_s` (a slow writer's file is not indexed
    half-way: watchfiles reports a file once per batch however often it is written to)."""
    while not stop.is_set():
        stamps = []
        for path in paths:
            try:
                stamps.append(Path(path).stat().st_mtime)
            except OSError:  # deleted (or not readable): nothing to wait for
                continue
        idle = time.time() - max(stamps, default=0.0)
        if idle >= quiet_s:
            return
        stop.wait(quiet_s - idle)


def _older(paths: set[str], moment: float | None) -> bool:
    """True when every one of these files was last written before `moment`."""
    try:
        return moment is not None and all(Path(p).stat().st_mtime < moment for p in paths)
    except OSError:
        return False


def watch_folder(indexing: IndexService, stop: threading.Event, announce: Announce = _say) -> None:
    """Index the articles folder now, then after every quiet period that follows a change, until `stop`."""
    from watchfiles import Change, watch

    root = indexing.settings.articles_dir
    root.mkdir(parents=True, exist_ok=True)
    quiet_ms = int(indexing.settings.watch_quiet_s * 1000)
    last: Job | None = None
    started = False
    for changes in watch(
        root,
        watch_filter=lambda _change, path: is_article_change(path, root),
        step=quiet_ms,  # yield once no change has come for this long...
        debounce=int(MAX_GROUP_S * 1000),  # ...or after this long of steady changes
        stop_event=stop,
        raise_interrupt=False,
        yield_on_timeout=True,  # the first (empty) yield says the watch is on: only then the catch-up update
        rust_timeout=max(quiet_ms, 1),  # the catch-up update starts one quiet period in (0 would mean never)
    ):
        if not started:  # what changed while nobody watched; what changes during it comes in the next batch
            started, last = True, update_when_free(indexing, stop, announce)
            continue
        if not changes:
            continue
        paths = {path for _change, path in changes}
        if last is not None and all(c == Change.modified for c, _ in changes) and _older(paths, last.started):
            continue  # writes that the last update, started after them, already read (a slow writer's tail)
        settle(paths, indexing.settings.watch_quiet_s, stop)
        last = update_when_free(indexing, stop, announce)
