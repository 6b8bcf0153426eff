"""Fork server for the crash test: loads the model once, then runs each job in a forked child the test may SIGKILL.

Protocol: one JSON job per stdin line; JSON events on stdout, one per line:
  {"event": "ready"}                                   the model is loaded (once, in this process)
  {"event": "started", "pid": N}                       a child took the job
  {"event": "stage", "stage": S, "pid": N}             the child entered an update stage (traced runs only)
  {"event": "self_kill", "stage": S, "line": L}        the child is about to SIGKILL itself (planned by the job)
  {"event": "exit", "pid": N, "code": C, "signal": G}  the child is gone (signal 9: it was killed)
A job: {"settings": {...}, "steps": [...], "trace": bool, "self_kill": see install_tracer | null}; a step is
{"op": "update", "data_dir": D} or {"op": "inspect", "data_dir": D, "questions": [...], "out": FILE}.
This process only warms the model up on one thread, so that no OpenMP pool exists when it forks.
With --fake it uses the test profile's fake embedder (tests/fakes.py) instead of the model: every store, Chroma
and BM25 write is the real one, and a traced update spends a model's time in the embedding stage so that kills
still land there.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import sys
import time
import traceback
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent), str(ROOT / "tests")]  # testkits, fakes
for name, value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}.items():
    os.environ.setdefault(name, value)

import tqdm  # noqa: E402
from fakes import FakeEmbedder  # noqa: E402
from index_testkit import chroma_records  # noqa: E402

tqdm.tqdm.monitor_interval = 0  # no monitor thread: only the forking thread survives a fork

from assistant.answer.language import not_english  # noqa: E402
from assistant.service import AnswerService  # noqa: E402
from assistant.settings import load_settings  # noqa: E402
from index import plan, prepare, updater  # noqa: E402
from index.embedding import Embedder, make_embedder  # noqa: E402
from index.handles import IndexHandles  # noqa: E402
from index.lexical import LexicalIndex  # noqa: E402
from index.store import ArticleStore  # noqa: E402
from index.vectors import VectorStore  # noqa: E402
from newstext.terms import terms  # noqa: E402

MODEL_SECONDS_PER_TEXT = 0.02  # about what the real model takes per chunk on one thread


def emit(event: dict[str, Any]) -> None:
    """One event line, written unbuffered so the test sees it before a kill can land."""
    os.write(1, (json.dumps(event) + "\n").encode())


def stage_codes() -> dict[Any, str]:
    """The functions whose entry marks an update stage (entry only: nothing here changes behaviour)."""
    return {
        plan.make_plan.__code__: "plan",
        prepare.prepare.__code__: "chunking",
        updater._embed_missing.__code__: "embedding",
        VectorStore.add.__code__: "chroma-write",
        LexicalIndex.build.__code__: "bm25",
        LexicalIndex.updated.__code__: "bm25",
        LexicalIndex.save.__code__: "bm25",
        ArticleStore.commit.__code__: "commit",
        VectorStore.delete.__code__: "cleanup",
        IndexHandles.prune_lexical.__code__: "cleanup",
    }


class StageEmbedder:
    """The model, reporting the embedding stage and pausing the tracer while torch runs (tracing it is slow); the
    instant fake sleeps a model's time per text, so that a kill aimed at this stage can land in it."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.pause = MODEL_SECONDS_PER_TEXT if isinstance(inner, FakeEmbedder) else 0.0

    def embed(self, texts: Any) -> Any:
        emit({"event": "stage", "stage": "embedding", "pid": os.getpid()})
        tracer = sys.gettrace()
        sys.settrace(None)
        try:
            time.sleep(self.pause * len(texts))
            return self.inner.embed(texts)
        finally:
            sys.settrace(tracer)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def token_starts(self, text: str) -> list[int]:
        return self.inner.token_starts(text)


def install_tracer(self_kill: dict[str, Any] | None) -> None:
    """Report stage changes; self_kill SIGKILLs this process inside or right after one stage's function.

    {"in": "commit", "u": 0.4}: at a line about 40% into the store's commit transaction (or when it returns);
    {"after": "commit" | "chroma-write"}: as soon as ArticleStore.commit / VectorStore.add returns.
    """
    codes = stage_codes()
    target = {"commit": ArticleStore.commit.__code__, "chroma-write": VectorStore.add.__code__}
    kill_code = target[self_kill.get("in") or self_kill["after"]] if self_kill else None
    last = [""]
    left = [0]  # line events to go before the self-kill

    def kill_here(stage: str, frame: FrameType) -> None:
        emit({"event": "self_kill", "stage": stage, "line": frame.f_lineno - frame.f_code.co_firstlineno})
        os.kill(os.getpid(), signal.SIGKILL)

    def local(frame: FrameType, event: str, arg: object) -> Any:
        if event == "line" and self_kill and "in" in self_kill:
            left[0] -= 1
            if left[0] <= 0:
                kill_here(last[0], frame)
        elif event == "return":  # the function finished (before the planned line): die before what follows
            kill_here(f"{last[0]}-done", frame)
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        if event != "call":
            return None
        stage = codes.get(frame.f_code)
        if stage and stage != last[0]:
            last[0] = stage
            emit({"event": "stage", "stage": stage, "pid": os.getpid()})
        if frame.f_code is not kill_code:
            return None
        if self_kill and frame.f_code is ArticleStore.commit.__code__ and "in" in self_kill:
            # About two line events per touched article and three per upsert, plus the meta lines.
            upserts, removals = frame.f_locals["upserts"], frame.f_locals["removals"]
            estimate = 6 + 2 * (len(upserts) + len(removals)) + 3 * len(upserts)
            left[0] = 1 + int(self_kill["u"] * estimate)
        return local

    sys.settrace(tracer)


def open_handles(settings: dict[str, Any], data_dir: str, embedder: Embedder) -> IndexHandles:
    """Real handles over one data dir, sharing the loaded model."""
    handles = IndexHandles(load_settings(None, **(settings | {"data_dir": Path(data_dir)})))
    handles.__dict__["embedder"] = embedder
    return handles


def snapshot(handles: IndexHandles, questions: list[str]) -> dict[str, Any]:
    """Everything the test checks about one index, read through the same code the app uses."""
    store = handles.store
    live = store.all_chunk_ids()
    chunks = {cid: chunk for cid, (chunk, _) in store.live_chunks(sorted(live)).items()}
    vectors = handles.vectors.get_vectors(sorted(live))
    lexical_gen, lexical = handles.load_lexical()
    answers: list[dict[str, Any]] = []
    service = AnswerService(handles.settings, handles)
    for q in questions:
        try:
            answers.append({"question": q, "response": service.ask(q).model_dump(mode="json")})
        except Exception as exc:  # the test reports it; an error here is a failure, not a crash of the worker
            answers.append({"question": q, "error": f"{type(exc).__name__}: {exc}"})
    return {
        "generation": store.generation(),
        "lexical_generation": lexical_gen,
        "manifest": {aid: e.hash for aid, e in store.manifest().items()},
        "articles": {a: [s.title, s.text] for a in store.manifest() if (s := store.get(a)) is not None},
        "chunks": {cid: [c.article_id, c.start, c.end, c.text] for cid, c in chunks.items()},
        "chroma": {cid: [doc, meta] for cid, (doc, meta) in chroma_records(handles).items()},
        "vectors": {cid: base64.b64encode(v.astype("<f4").tobytes()).decode() for cid, v in vectors.items()},
        "lexical": lexical.chunk_ids,
        "answers": answers,
    }


def run_job(job: dict[str, Any], embedder: Embedder) -> None:
    """The child's work: each step in order; a traced update reports its stages."""
    emit({"event": "started", "pid": os.getpid()})
    for step in job["steps"]:
        handles = open_handles(job["settings"], step["data_dir"], embedder)
        if step["op"] == "update":
            if job.get("trace"):
                handles.vectors.count()  # open Chroma untraced: its start-up is slow under the tracer
                handles.__dict__["embedder"] = StageEmbedder(embedder)
                install_tracer(job.get("self_kill"))
            report = updater.update_index(handles)
            sys.settrace(None)
            emit({"event": "stage", "stage": "done", "pid": os.getpid(), "report": report.as_dict()})
        elif step["op"] == "inspect":
            Path(step["out"]).write_text(json.dumps(snapshot(handles, step["questions"])))
        else:
            raise ValueError(f"unknown step {step['op']!r}")


def main() -> None:
    """Load once, then fork a child per job and report how it ended."""
    embedder: Embedder = FakeEmbedder() if "--fake" in sys.argv[1:] else make_embedder("sentence-transformers")
    embedder.embed(["warm-up"])  # one text runs on one thread: no OpenMP pool exists to break in forked children
    embedder.count_tokens("warm-up")  # loads the tokenizer once, before the forks
    import chromadb  # noqa: F401
    import scipy.sparse  # noqa: F401  - what the children would otherwise import each time

    terms("warm-up")  # loads the stemmer
    not_english("Has the harbour plan been approved yet?")  # loads the language models (seconds, in every child)
    emit({"event": "ready", "pid": os.getpid()})
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                run_job(job, embedder)
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        emit(
            {
                "event": "exit",
                "pid": pid,
                "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
                "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            }
        )


if __name__ == "__main__":
    main()
