"""Index updates as background jobs: one at a time, each with its stage, progress, time left and report."""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from index.report import UpdateReport

JobState = Literal["queued", "running", "done", "failed"]
Work = Callable[["Job"], UpdateReport]


class IndexBusy(RuntimeError):
    """Another update is running (HTTP 409); `job_id` names it when it is a job of this process."""

    def __init__(self, message: str, job_id: str | None = None) -> None:
        super().__init__(message)
        self.job_id = job_id


@dataclass
class Job:
    """What GET /api/jobs/{id} shows; the update's progress callback writes stage, done and total."""

    id: str
    kind: str
    state: JobState = "queued"
    stage: str = ""
    done: int = 0
    total: int = 0
    created: float = field(default_factory=time.time)
    started: float | None = None
    ended: float | None = None
    error: str = ""
    report: dict[str, Any] | None = None
    _stage_started: float = 0.0

    def progress(self, stage: str, done: int, total: int) -> None:
        """The update's Progress callback: (stage, done, total), total 0 while unknown."""
        if stage != self.stage:
            self._stage_started = time.time()
        self.stage, self.done, self.total = stage, done, total

    def eta_s(self) -> float | None:
        """Seconds left in the current stage at its rate so far (embedding dominates an update's time)."""
        if self.state != "running" or not self.total or not self.done or self.done >= self.total:
            return None
        elapsed = time.time() - self._stage_started
        return round(elapsed / self.done * (self.total - self.done), 1)

    def view(self) -> dict[str, Any]:
        """The JSON form."""
        counts = {k: (self.report or {}).get(k, 0) for k in ("added", "updated", "removed")}
        return {
            "job_id": self.id,
            "kind": self.kind,
            "state": self.state,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            **counts,
            "errors": list((self.report or {}).get("errors", [])) + ([self.error] if self.error else []),
            "created": self.created,
            "started": self.started,
            "ended": self.ended,
            "eta_s": self.eta_s(),
            "report": self.report,
        }


class JobRunner:
    """Runs one job at a time on its own thread and remembers the last `history` jobs."""

    def __init__(self, history: int) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._history = history
        self._guard = threading.Lock()
        self._active: Job | None = None
        self._idle = threading.Event()
        self._idle.set()

    def reserve(self, kind: str) -> Job:
        """A new queued job, or IndexBusy naming the one that holds the slot."""
        with self._guard:
            if self._active is not None:
                active = self._active
                raise IndexBusy(f"index job {active.id} is {active.state}; try again when it has finished", active.id)
            job = self._active = Job(id=uuid.uuid4().hex[:12], kind=kind)
            self._idle.clear()
            self._jobs[job.id] = job
            while len(self._jobs) > self._history:
                self._jobs.popitem(last=False)
            return job

    def release(self, job: Job, error: str) -> None:
        """Give back a reserved slot whose work never started (its uploads were refused, say)."""
        job.state, job.error, job.ended = "failed", error, time.time()
        self._finish(job)

    def start(self, job: Job, work: Work) -> Job:
        """Run a reserved job in the background."""
        threading.Thread(target=self._run, args=(job, work), name=f"index-job-{job.id}", daemon=True).start()
        return job

    def _run(self, job: Job, work: Work) -> None:
        job.state, job.started = "running", time.time()
        try:
            self.complete(job, work(job))
        except Exception as exc:  # the job's failure is its result; the server carries on
            self.release(job, str(exc) or type(exc).__name__)

    def complete(self, job: Job, report: UpdateReport) -> None:
        """Record a job's report (a refused update is a failed job) and free the slot."""
        job.report, job.error, job.ended = report.as_dict(), report.refused, time.time()
        job.state = "failed" if report.refused else "done"
        self._finish(job)

    def _finish(self, job: Job) -> None:
        with self._guard:
            if self._active is job:
                self._active = None
                self._idle.set()

    def get(self, job_id: str) -> Job | None:
        """One job by id (None once it has left the history)."""
        return self._jobs.get(job_id)

    def list(self) -> list[Job]:
        """Newest first."""
        return list(reversed(self._jobs.values()))

    def active(self) -> Job | None:
        """The queued or running job, if any."""
        return self._active

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no job holds the slot (True) or the timeout passes (False)."""
        return self._idle.wait(timeout)
