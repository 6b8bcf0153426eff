"""The index service: the one way in for every write (CLI, HTTP API, chat UI, watch mode), beside AnswerService.

It owns what adapters must not repeat: one update at a time (in this process and across processes), saving
and checking uploads, running the update as a background job with progress, deleting an article, and
wording reports for web clients without the server's paths.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from assistant.indexing.jobs import IndexBusy, Job, JobRunner, Work
from assistant.indexing.uploads import save_paths, save_uploads
from assistant.settings import Settings
from index.handles import IndexHandles
from index.locations import is_under, keys_of
from index.lock import UpdateInProgress
from index.prepare import Progress
from index.report import UpdateReport
from index.updater import remove_articles, update_index

Upload = tuple[str | None, BinaryIO]


class CannotDelete(ValueError):
    """An article that cannot be deleted on its own (HTTP 409): its file holds other articles too."""


class IndexService:
    """Every write to the index goes through here."""

    def __init__(self, settings: Settings, handles: IndexHandles) -> None:
        self.settings = settings
        self.handles = handles
        self.jobs = JobRunner(settings.job_history)

    # --- one writer ----------------------------------------------------------------------------------------
    @contextmanager
    def _other_process_free(self) -> Iterator[None]:
        """Fail fast when another process (say `assistant index`) is updating this index."""
        try:
            with self.handles.store.update_lock():
                pass
        except UpdateInProgress as exc:
            raise IndexBusy(str(exc)) from exc
        yield

    def _run(
        self,
        paths: Sequence[Path] | None,
        progress: Progress | None,
        dry_run: bool = False,
        full: bool = False,
        allow_removal: bool = False,
    ) -> UpdateReport:
        try:
            return update_index(
                self.handles, paths, dry_run=dry_run, full=full, allow_removal=allow_removal,
                progress=progress or (lambda stage, done, total: None),
            )
        except UpdateInProgress as exc:  # another process started between the check and the run
            raise IndexBusy(str(exc)) from exc

    # --- updates --------------------------------------------------------------------------------------------
    def update(
        self,
        paths: Sequence[Path] | None = None,
        *,
        dry_run: bool = False,
        full: bool = False,
        allow_removal: bool = False,
        progress: Progress | None = None,
    ) -> UpdateReport:
        """Run an update now, in the caller's thread (the CLI); IndexBusy while a job of this process runs."""
        job = self.jobs.reserve("update")
        try:
            report = self._run(paths, progress, dry_run=dry_run, full=full, allow_removal=allow_removal)
        except BaseException as exc:
            self.jobs.release(job, str(exc))
            raise
        self.jobs.complete(job, report)
        return report

    def submit(
        self, uploads: Sequence[Upload] = (), upload_paths: Sequence[str | Path] = (), allow_removal: bool = False
    ) -> tuple[Job, list[Path]]:
        """Check and save uploads, then update the articles folder as a background job; (job, saved files).

        Busy (a job of this process or another process's update) and refused uploads raise before anything
        is written."""
        saved: list[Path] = []

        def save() -> None:
            saved.extend(self._save(uploads, upload_paths))

        job = self.start("update", lambda j: self._run(None, j.progress, allow_removal=allow_removal), before=save)
        return job, saved

    def start(self, kind: str, work: Work, before: Callable[[], None] | None = None) -> Job:
        """Reserve the one job slot, run `before` in the caller's thread (its errors refuse the job, nothing
        started), then `work` in the background. IndexBusy when a job or another process's update runs."""
        job = self.jobs.reserve(kind)
        try:
            with self._other_process_free():
                if before is not None:
                    before()
        except BaseException as exc:
            self.jobs.release(job, str(exc))
            raise
        return self.jobs.start(job, work)

    def run_update(self, progress: Progress | None = None, allow_removal: bool = False) -> UpdateReport:
        """The update of the articles folder, for work that already holds the job slot (a feed poll's job)."""
        return self._run(None, progress, allow_removal=allow_removal)

    def _save(self, uploads: Sequence[Upload], upload_paths: Sequence[str | Path]) -> list[Path]:
        folder, limit = self.settings.articles_dir, self.settings.server.max_upload_bytes
        saved = save_uploads(uploads, folder, limit) if uploads else []
        return saved + (save_paths(upload_paths, folder, limit) if upload_paths else [])

    def wait(self, job: Job, timeout: float | None = None) -> Job:
        """Block until the job has ended (for `wait=true` and scripts)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while job.ended is None and (deadline is None or time.monotonic() < deadline):
            self.jobs.wait_idle(0.2)
        return job

    # --- deleting -------------------------------------------------------------------------------------------
    def delete(self, article_id: str) -> UpdateReport:
        """Remove one article. Its own file in the articles folder moves to `data_dir/deleted/` (kept, never
        lost) so the next scan does not add it back; a file elsewhere is left alone; a file holding other
        articles too cannot be deleted from here (CannotDelete)."""
        manifest = self.handles.store.manifest()
        entry = manifest.get(article_id)
        if entry is None:
            raise KeyError(article_id)
        owner = Path(entry.file)
        in_folder = is_under(entry.file, keys_of([self.settings.articles_dir]))
        siblings = sum(1 for e in manifest.values() if e.file == entry.file)
        if in_folder and siblings > 1:
            raise CannotDelete(
                f"article {article_id!r} comes from {self.public(entry.file)}, which holds {siblings - 1} other "
                "article(s); edit or remove that file instead"
            )
        job = self.jobs.reserve("delete")
        try:
            with self._other_process_free():
                if in_folder and owner.exists():
                    trash = self.settings.data_dir / "deleted" / f"{int(time.time())}-{owner.name}"
                    trash.parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(owner, trash)
                report = remove_articles(self.handles, [article_id])
        except BaseException as exc:
            self.jobs.release(job, str(exc))
            raise
        self.jobs.complete(job, report)
        return report

    # --- for web clients -------------------------------------------------------------------------------------
    def public(self, text: str) -> str:
        """A message without the server's folders: paths under the articles folder become relative."""
        for folder in (self.settings.articles_dir, self.settings.data_dir):
            for prefix in {str(folder.resolve()), str(folder.absolute())}:
                text = text.replace(prefix + "/", "").replace(prefix, ".")
        return text

    def public_report(self, report: dict[str, object]) -> dict[str, object]:
        """The report's messages without server paths."""
        out = dict(report)
        for key in ("errors", "notes", "skipped"):
            out[key] = [self.public(str(m)) for m in report.get(key) or []]  # type: ignore[attr-defined]
        return out
