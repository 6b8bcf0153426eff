"""SIGKILL updates at random points: after each kill the index serves one whole state, and the next run converges.

A fork server (crash_worker.py) loads the model once; every update runs in a forked child that this test kills
with SIGKILL at a random moment: after a random delay, a random time into a chosen stage (embedding, Chroma
writes, BM25, store commit, clean-up), or at a random line inside the store's commit transaction. After each kill
the same data dir must answer questions with exact citations from either the state before the update or the
state after it, with a vector for every live chunk; the next, unkilled update must reach exactly the state of a
clean build of the same inputs. Set CRASH_SEED to replay a run; the seed is in every failure message.

The worker embeds with the test profile's fake embedder (what is under test is the store, Chroma and BM25, and
the fake's vectors are as deterministic as the model's); CRASH_REAL_MODEL=1 runs it over the real model.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import queue
import random
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from index_testkit import jsonl, story, write

from assistant.settings import Settings

KILLS = 20
MAX_ATTEMPTS = 40  # killed or not: an update that finishes before its kill is checked and its kill retried
WORKER = Path(__file__).with_name("crash_worker.py")
REAL_MODEL = os.environ.get("CRASH_REAL_MODEL") == "1"
ROOT = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("CRASH_SEED") or random.SystemRandom().randrange(2**32))
TOPICS = (
    "harbour library bridge railway hospital stadium airport museum reservoir tramway orchard vineyard lighthouse "
    "observatory aquarium canal ferry market festival theatre school university park zoo cathedral castle brewery "
    "bakery factory quarry forest glacier volcano island river lake mountain valley dam tunnel highway subway "
    "cinema gallery garden prison courthouse embassy parliament pier marina airfield windfarm"
).split()
WIRE = ("wire-storm", "wire-strike", "wire-election", "wire-drought")
# A kill's aim: a delay after start ("timer"), a delay into a stage, or a random line of the commit ("commit-line").
PLANS = (
    ["timer"] * 4 + ["embedding"] * 4 + ["chroma-write"] * 4 + ["commit-line"] * 3 + ["commit"] * 2
    + ["bm25", "cleanup", "plan"]
)
DEFAULT_STAGE_SECONDS = {
    "start": 0.5, "plan": 0.02, "chunking": 0.05, "embedding": 0.3, "chroma-write": 0.05, "bm25": 0.05,
    "commit": 0.01, "cleanup": 0.05,
}
Snapshot = dict[str, Any]


# --- the fork server -----------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """How one child ended, and where it was when it died."""

    signal: int | None = None
    code: int | None = None
    stages: list[tuple[float, str]] = field(default_factory=list)
    landed: str = ""  # the stage a kill landed in (the last one the child had reported)

    @property
    def killed(self) -> bool:
        return self.signal == signal.SIGKILL


class Worker:
    """crash_worker.py over pipes: send a job, watch its stage events, kill its child when the plan says."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), *([] if REAL_MODEL else ["--fake"])], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=log.open("wb"), text=True, bufsize=1,
        )
        self.events: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        self.seconds: dict[str, float] = {}  # wall time per kind of job, for the summary
        threading.Thread(target=self._read, name="crash-worker-events", daemon=True).start()
        self._next(180, until="ready")

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.events.put((time.monotonic(), json.loads(line)))
        self.events.put((time.monotonic(), {"event": "eof"}))

    def _next(self, timeout: float, until: str | None = None) -> tuple[float, dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                t, event = self.events.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"crash worker silent for {timeout:.0f}s (seed {SEED})\n{self.tail()}") from None
            if event["event"] == "eof":
                raise AssertionError(f"crash worker died (seed {SEED})\n{self.tail()}")
            if until is None or event["event"] == until:
                return t, event

    def tail(self) -> str:
        """The end of the worker's stderr, for failure messages."""
        return self.log.read_text(errors="replace")[-4000:]

    def run(
        self, job: dict[str, Any], kill: Callable[[str, float], float | None] | None = None, label: str = "other"
    ) -> Outcome:
        """Run one job; `kill(stage, t)` may return the moment (monotonic) to SIGKILL the child."""
        started = time.monotonic()
        try:
            return self._run(job, kill)
        finally:
            self.seconds[label] = self.seconds.get(label, 0.0) + time.monotonic() - started

    def _run(self, job: dict[str, Any], kill: Callable[[str, float], float | None] | None) -> Outcome:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        out, pid, kill_at = Outcome(), 0, None
        deadline = time.monotonic() + 300
        while True:
            now = time.monotonic()
            if kill_at is not None and now >= kill_at and self.events.empty():
                out.landed = out.stages[-1][1] if out.stages else "start"
                with contextlib.suppress(ProcessLookupError):  # it finished first: the exit event says so
                    os.kill(pid, signal.SIGKILL)
                kill_at, kill = None, None
            try:
                t, event = self.events.get(timeout=max(0.0, (kill_at or deadline) - now))
            except queue.Empty:
                assert time.monotonic() < deadline, f"job hung (seed {SEED}): {job}\n{self.tail()}"
                continue
            kind = event["event"]
            assert kind != "eof", f"crash worker died (seed {SEED})\n{self.tail()}"
            if kind == "exit":
                out.signal, out.code = event["signal"], event["code"]
                assert out.killed or out.code == 0, f"job failed (seed {SEED}): {job}\n{self.tail()}"
                return out
            if kind == "self_kill":
                out.landed = f"{event['stage']} (line {event['line']})"
            elif kind in ("started", "stage"):
                pid = event.get("pid", pid)
                stage = "start" if kind == "started" else event["stage"]
                out.stages.append((t, stage))
                if kill is not None and kill_at is None:
                    kill_at = kill(stage, t)

    def close(self) -> None:
        """End the fork server (ours): closing stdin ends its loop."""
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    """One fork server for the module (loading the real model takes seconds; the fake, none)."""
    w = Worker(tmp_path_factory.mktemp("crash-worker") / "worker.log")
    yield w
    w.close()


# --- inputs: 30 short articles, edited between updates ----------------------------------------------------------


class Corpus:
    """Articles on disk (text files plus one JSONL feed) and seeded random edits between updates."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder, self.rng = folder, rng
        self.pool = list(TOPICS)
        rng.shuffle(self.pool)
        self.live: dict[str, tuple[str, str]] = {}  # article id -> (title, body)
        for topic in self.pool[:26]:
            self.put(topic, f"{topic.title()} plan debated", story(topic, 5))
        self.pool = self.pool[26:]
        for wid in WIRE:
            self.live[wid] = (f"{wid[5:].title()} report", story(wid[5:] + " wire", 4))
        self.write_feed()

    def put(self, topic: str, title: str, body: str) -> None:
        self.live[topic] = (title, body)
        write(self.folder / f"{topic}.txt", f"{title}\n\n{body}\n")

    def write_feed(self) -> None:
        rows = [
            {"id": wid, "title": self.live[wid][0], "text": self.live[wid][1], "url": f"https://wire.example.com/{wid}"}
            for wid in WIRE
        ]
        write(self.folder / "wire.jsonl", jsonl(*rows))

    def edit(self, round_no: int) -> dict[str, list[str]]:
        """Add, change and remove a few articles; returns the ids each kind of edit touched."""
        files = sorted(k for k in self.live if k not in WIRE)
        changed = self.rng.sample(files, 3)
        removed = self.rng.sample([f for f in files if f not in changed], 2)
        for topic in changed:
            title, body = self.live[topic]
            if self.rng.random() < 0.3:
                title = f"{topic.title()} plan revised in round {round_no}"
            self.put(topic, title, f"{body} In round {round_no} the {topic} plan gained {round_no + 3} amendments.")
        for topic in removed:
            (self.folder / f"{topic}.txt").unlink()
            del self.live[topic]
            self.pool.append(topic)
        added = [self.pool.pop(0) for _ in range(3)]
        for topic in added:
            self.put(topic, f"{topic.title()} plan announced", story(topic, self.rng.randint(3, 6)))
        wid = self.rng.choice(WIRE)
        title, body = self.live[wid]
        self.live[wid] = (title, f"{body} The {wid[5:]} desk filed update {round_no}.")
        self.write_feed()
        return {"changed": changed + [wid], "removed": removed, "added": added}


def questions(corpus: Corpus, edits: dict[str, list[str]], stable: str) -> list[str]:
    """One question on an untouched article (it must be answered) and one on each kind of edit."""
    picks = [stable, edits["changed"][0], edits["removed"][0], edits["added"][0]]
    return [f"What will the {t.removeprefix('wire-')} budget grow by next year?" for t in picks]


# --- checks --------------------------------------------------------------------------------------------------


def vector(encoded: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(encoded), dtype="<f4")


def chunk_hashes(snap: Snapshot) -> set[tuple[str, str]]:
    """(article id, sha1 of chunk text) of every live chunk."""
    return {(aid, hashlib.sha1(text.encode()).hexdigest()) for aid, _, _, text in snap["chunks"].values()}


def check_serving(snap: Snapshot, where: str) -> None:
    """The live state is whole: chunks slice their texts, each has its vector, BM25 covers exactly them."""
    articles, chunks = snap["articles"], snap["chunks"]
    assert set(articles) == set(snap["manifest"]), where
    assert {c[0] for c in chunks.values()} == set(articles), f"{where}: an article without chunks, or the reverse"
    for cid, (aid, start, end, text) in chunks.items():
        assert articles[aid][1][start:end] == text, f"{where}: chunk {cid} does not slice its article"
        assert cid in snap["chroma"], f"{where}: live chunk {cid} has no vector"
        doc, meta = snap["chroma"][cid]
        assert doc == text and (meta["article_id"], meta["start"], meta["end"]) == (aid, start, end), where
    assert set(snap["vectors"]) == set(chunks), f"{where}: live chunks without a stored vector"
    for cid, encoded in snap["vectors"].items():
        v = vector(encoded)
        assert v.shape == (384,) and abs(float(np.linalg.norm(v)) - 1) < 1e-3, f"{where}: bad vector for {cid}"
    assert snap["lexical_generation"] == snap["generation"], f"{where}: BM25 of another generation is live"
    assert set(snap["lexical"]) == set(chunks), f"{where}: BM25 and the store disagree on the live chunks"


def check_answers(snap: Snapshot, stable: str, where: str) -> int:
    """Every answer cites live articles with exact quotes; the untouched article is found. Returns citations."""
    articles, cited = snap["articles"], 0
    for item in snap["answers"]:
        assert "error" not in item, f"{where}: {item['question']!r} failed: {item.get('error')}"
        response = item["response"]
        for c in response["citations"]:
            assert c["article_id"] in articles, f"{where}: cites {c['article_id']}, which is not live"
            assert articles[c["article_id"]][1][c["start"] : c["end"]] == c["quote"], f"{where}: inexact quote"
            cited += 1
        for p in response["passages"]:
            assert articles[p["article_id"]][1][p["start"] : p["end"]] == p["text"], f"{where}: inexact passage"
    first = snap["answers"][0]["response"]
    assert not first["refused"] and stable in {c["article_id"] for c in first["citations"]}, (
        f"{where}: the untouched article {stable!r} was not cited: {first['answer']!r}"
    )
    return cited


def check_whole_state(snap: Snapshot, before: Snapshot, after: Snapshot, where: str) -> str:
    """The killed index holds the state before the update or the state after it, never a mix."""
    for name, state in (("old", before), ("new", after)):
        if snap["manifest"] == state["manifest"]:
            assert snap["articles"] == state["articles"], f"{where}: {name} manifest over other texts"
            assert chunk_hashes(snap) == chunk_hashes(state), f"{where}: {name} manifest over other chunks"
            return name
    raise AssertionError(f"{where}: a half-applied state: {sorted(set(snap['manifest']) ^ set(after['manifest']))}")


def check_converged(snap: Snapshot, clean: Snapshot, where: str) -> None:
    """The update after a kill reaches exactly what a clean build of the same inputs holds; nothing is left over."""
    assert snap["manifest"] == clean["manifest"], f"{where}: other articles than a clean build"
    assert snap["articles"] == clean["articles"], f"{where}: other texts than a clean build"
    assert chunk_hashes(snap) == chunk_hashes(clean), f"{where}: other chunks than a clean build"
    assert set(snap["chunks"]) == set(clean["chunks"]), f"{where}: other chunk ids than a clean build"
    assert set(snap["chroma"]) == set(snap["chunks"]), f"{where}: Chroma keeps vectors no live chunk owns"
    assert set(snap["lexical"]) == set(clean["lexical"]), where
    for cid, encoded in snap["vectors"].items():
        assert np.allclose(vector(encoded), vector(clean["vectors"][cid]), atol=1e-4), f"{where}: vector of {cid}"


class Killer:
    """Turns a plan name into a kill moment, learning how long each stage takes from the runs it watches."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seconds: dict[str, list[float]] = {}

    def learn(self, outcome: Outcome) -> None:
        for (t0, stage), (t1, _) in zip(outcome.stages, outcome.stages[1:], strict=False):
            self.seconds.setdefault(stage, []).append(t1 - t0)

    def typical(self, stage: str) -> float:
        seen = self.seconds.get(stage)
        return statistics.median(seen) if seen else DEFAULT_STAGE_SECONDS[stage]

    def aim(self, plan: str) -> Callable[[str, float], float | None] | None:
        """The moment to kill for this plan (None for commit-line: the child kills itself)."""
        if plan == "commit-line":
            return None
        if plan == "timer":
            total = sum(self.typical(s) for s in DEFAULT_STAGE_SECONDS)
            delay = self.rng.uniform(0, total)
            return lambda stage, t: t + delay if stage == "start" else None
        delay = self.rng.uniform(0, self.typical(plan))
        return lambda stage, t: t + delay if stage == plan else None


# --- the tests -----------------------------------------------------------------------------------------------


class Jobs:
    """The worker's jobs for one test: its settings, update steps, and inspections that write snapshot files."""

    def __init__(self, root: Path, settings: dict[str, Any]) -> None:
        self.root, self.settings = root, settings
        self.articles = Path(settings["articles_dir"])

    def job(self, *steps: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {"settings": self.settings, "steps": list(steps), **extra}

    def update(self, data_dir: Path) -> dict[str, Any]:
        return {"op": "update", "data_dir": str(data_dir)}

    def inspect(self, data_dir: Path, name: str, asked: Sequence[str] = ()) -> tuple[dict[str, Any], Path]:
        out = self.root / f"{name}.json"
        return {"op": "inspect", "data_dir": str(data_dir), "questions": list(asked), "out": str(out)}, out

    def snapshot(self, worker: Worker, data_dir: Path, name: str) -> Snapshot:
        """Inspect one index in a fresh child (so no Chroma client outlives a kill)."""
        step, path = self.inspect(data_dir, name)
        worker.run(self.job(step))
        return json.loads(path.read_text())


@pytest.fixture
def jobs(tmp_path: Path, settings_factory: Callable[..., Settings]) -> Jobs:
    """Settings for this test's indexes: small chunks, so each article has one or two."""
    settings = settings_factory(tmp_path / "data", tmp_path / "articles", chunk_tokens=48)
    return Jobs(tmp_path, settings.model_dump(mode="json"))


def test_a_kill_right_after_the_commit_leaves_no_stale_vectors_behind(worker: Worker, jobs: Jobs) -> None:
    data = jobs.root / "data"
    write(jobs.articles / "harbour.txt", story("harbour", 5))
    write(jobs.articles / "library.txt", story("library", 5))
    worker.run(jobs.job(jobs.update(data)))
    write(jobs.articles / "harbour.txt", story("harbour", 5) + " The mayor later resigned.")

    outcome = worker.run(jobs.job(jobs.update(data), trace=True, self_kill={"after": "commit"}))
    assert outcome.killed and outcome.landed.startswith("commit-done")
    killed = jobs.snapshot(worker, data, "killed")
    check_serving(killed, "killed after the commit")
    assert "mayor later resigned" in killed["articles"]["harbour"][1], "the commit did not land"
    assert set(killed["chroma"]) > set(killed["chunks"]), "the kill left nothing to clean up"

    worker.run(jobs.job(jobs.update(data)))  # nothing changed on disk: only the leftovers are swept
    after = jobs.snapshot(worker, data, "after")
    assert set(after["chroma"]) == set(after["chunks"]) and after["manifest"] == killed["manifest"]


def test_vectors_of_a_killed_update_go_even_when_its_input_is_withdrawn(worker: Worker, jobs: Jobs) -> None:
    data = jobs.root / "data"
    write(jobs.articles / "harbour.txt", story("harbour", 5))
    worker.run(jobs.job(jobs.update(data)))
    extra = write(jobs.articles / "library.txt", story("library", 5))

    outcome = worker.run(jobs.job(jobs.update(data), trace=True, self_kill={"after": "chroma-write"}))
    assert outcome.killed
    killed = jobs.snapshot(worker, data, "killed")
    check_serving(killed, "killed after the Chroma write")
    assert set(killed["manifest"]) == {"harbour"} and len(killed["chroma"]) > len(killed["chunks"])

    extra.unlink()  # the next run has nothing to write, yet must not keep the uncommitted vectors
    worker.run(jobs.job(jobs.update(data)))
    after = jobs.snapshot(worker, data, "after")
    assert set(after["chroma"]) == set(after["chunks"]) and set(after["manifest"]) == {"harbour"}


def test_sigkill_at_random_points_never_breaks_the_index(worker: Worker, jobs: Jobs) -> None:
    started = time.monotonic()
    rng = random.Random(SEED)
    corpus = Corpus(jobs.articles, rng)
    data = jobs.root / "data"
    job, inspect, update = jobs.job, jobs.inspect, jobs.update

    step, path = inspect(data, "initial")
    worker.run(job(update(data), step))
    before = json.loads(path.read_text())
    check_serving(before, "initial build")

    killer, plans = Killer(rng), list(PLANS)
    rng.shuffle(plans)
    landed: Counter[str] = Counter()  # kills by the stage they landed in
    states: Counter[str] = Counter()  # (stage, state the index was left in)
    kills = attempts = round_no = cited = 0
    while kills < KILLS:
        round_no += 1
        edits = corpus.edit(round_no)
        touched = {t for ids in edits.values() for t in ids}
        stable = rng.choice(sorted(a for a in before["articles"] if a in corpus.live and a not in touched))
        asked = questions(corpus, edits, stable)
        killed: list[tuple[Path, str]] = []
        for _ in range(2 if rng.random() < 0.25 else 1):  # sometimes kill the resumed update too
            if kills >= KILLS:
                break
            assert attempts < MAX_ATTEMPTS, f"only {kills} kills in {attempts} updates (seed {SEED})"
            attempts += 1
            plan = plans[kills % len(plans)]
            self_kill = {"in": "commit", "u": rng.random()} if plan == "commit-line" else None
            outcome = worker.run(job(update(data), trace=True, self_kill=self_kill), killer.aim(plan), "killed update")
            killer.learn(outcome)
            if not outcome.killed:
                continue  # it finished before the kill: checked below like any update, and the plan is retried
            kills += 1
            stage = outcome.landed.split(" ")[0]
            landed[stage] += 1
            step, path = inspect(data, f"killed-{kills}", asked)
            worker.run(job(step), label="inspect after kill")
            killed.append((path, stage))

        clean = jobs.root / f"clean-{round_no}"
        steps = [inspect(data, f"converged-{round_no}"), inspect(clean, f"clean-{round_no}")]
        worker.run(job(update(data), steps[0][0], update(clean), steps[1][0]), label="converge + clean build")
        after, reference = (json.loads(p.read_text()) for _, p in steps)
        shutil.rmtree(clean)
        for n, (path, stage) in enumerate(killed, start=1):
            where = f"round {round_no}, kill {n} in {stage} (seed {SEED})"
            snap = json.loads(path.read_text())
            check_serving(snap, where)
            states[f"{stage}->{check_whole_state(snap, before, reference, where)}"] += 1
            cited += check_answers(snap, stable, where)
        where = f"round {round_no}, converged (seed {SEED})"
        check_serving(after, where)
        check_converged(after, reference, where)
        before = after

    seconds = time.monotonic() - started
    print(
        f"\ncrash safety (seed {SEED}): {kills} kills survived in {attempts} killed-or-finished updates over"
        f" {round_no} rounds; kills by stage {dict(sorted(landed.items()))}; stage->state left"
        f" {dict(sorted(states.items()))}; seconds by job {({k: round(v, 1) for k, v in worker.seconds.items()})};"
        f" {cited} exact citations checked; {seconds:.1f}s"
    )
    for stage in ("embedding", "chroma-write", "commit"):
        assert landed[stage], f"no kill landed in {stage} (seed {SEED}): {dict(landed)}"
