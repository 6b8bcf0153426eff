"""Questions keep being answered while an update lands: no errors, and every answer comes from one whole state.

8 threads ask the in-process AnswerService without pause while one update, over the same handles as the web app
shares them, adds 200 synthetic articles, edits 5 and removes 5. Each answer must cite, with exact quotes, either
the index before the update or the index after it; an answer begun and finished on one side of the commit must
come from that side.

The embedder is the test profile's fake, paced at a model's time per chunk: the update's Chroma writes (batch by
batch, before the commit) stay as far apart as the model keeps them, and the CPU goes to the readers.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "index"))  # index_testkit
from fakes import FakeEmbedder  # noqa: E402
from index_testkit import jsonl, story, write  # noqa: E402
from pinned_settings import SERVICE_PINNED  # noqa: E402

from assistant.schemas import AnswerResponse  # noqa: E402
from assistant.service import AnswerService  # noqa: E402
from assistant.settings import Settings, load_settings  # noqa: E402
from index.embedding import Embedder  # noqa: E402
from index.handles import IndexHandles  # noqa: E402
from index.store import ArticleStore  # noqa: E402
from index.updater import update_index  # noqa: E402

READERS = 8
NEW_ARTICLES = 200
MODEL_SECONDS_PER_CHUNK = 0.01  # the real model's pace on 2 cores, about
AFTER_UPDATE_QUERIES = 2  # each reader's answers after the commit, so the new state is checked too
PINNED = SERVICE_PINNED  # neither the environment nor a stray .env changes what this test indexes
TOPICS = (
    "harbour library bridge railway hospital stadium airport museum reservoir tramway orchard vineyard lighthouse "
    "observatory aquarium canal ferry market festival theatre school university park zoo cathedral castle brewery "
    "bakery factory quarry"
).split()
REMOVED, EDITED = TOPICS[:5], TOPICS[5:10]
State = dict[str, tuple[str, str]]  # article id -> (title, text), as stored


@dataclass
class Answer:
    """One served question: generations read around it, its times, and its response or error."""

    question: str
    gen_before: int
    gen_after: int
    started: float
    ended: float
    response: AnswerResponse | None = None
    error: str | None = None


def new_articles() -> list[dict[str, Any]]:
    """200 synthetic feed rows to add (never ../shared: the test sees the same inputs on every machine)."""
    places = "Oslo Lima Quito Hanoi Accra Perth Turin Cusco Riga Minsk Dakar Fiji Malta Nepal Oman Chad Laos Peru Cuba"
    things = "bus dam ferry grid mine port rail road dock well".split()
    return [
        {"id": f"syn-{p}-{t}", "title": f"{p} {t} plan", "text": story(f"{p} {t}", 5), "url": f"https://ex.com/{p}/{t}"}
        for p in (places + " Iraq").split()
        for t in things
    ][:NEW_ARTICLES]


def state(handles: IndexHandles) -> State:
    """Every stored article's title and text."""
    out: State = {}
    for article_id in handles.store.manifest():
        stored = handles.store.get(article_id)
        assert stored is not None
        out[article_id] = (stored.title, stored.text)
    return out


def fits(response: AnswerResponse, s: State) -> bool:
    """All citations and passages name articles of this state, with its titles and exact spans of its texts."""
    spans = [(c, c.quote) for c in response.citations] + [(p, p.text) for p in response.passages]
    for item, text in spans:
        title, body = s.get(item.article_id, ("", ""))
        if item.article_id not in s or (item.title, text) != (title, body[item.start : item.end]):
            return False
    return True


@pytest.fixture(scope="module")
def paced_embedder() -> Embedder:
    """The fake embedder at the model's pace (sleeping, so the readers get the CPU the model would take)."""
    return FakeEmbedder(seconds_per_text=MODEL_SECONDS_PER_CHUNK)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings over 30 short synthetic articles (not indexed yet)."""
    articles = tmp_path / "articles"
    for topic in TOPICS:
        write(articles / f"{topic}.txt", f"{topic.title()} plan debated\n\n{story(topic, 4)}\n")
    return load_settings(None, **(PINNED | {"data_dir": tmp_path / "data", "articles_dir": articles}))


def open_handles(settings: Settings, embedder: Embedder) -> IndexHandles:
    """Real handles sharing one embedder."""
    handles = IndexHandles(settings)
    handles.__dict__["embedder"] = embedder  # cached_property storage: skip reloading the model
    return handles


def ask_until(service: AnswerService, questions: list[str], offset: int, done: threading.Event) -> Iterator[Answer]:
    """Ask round-robin without pause until `done`, then a few more; errors are recorded, never raised."""
    after, i = 0, offset
    while after < AFTER_UPDATE_QUERIES:
        after += done.is_set()
        question = questions[i % len(questions)]
        i += 1
        gen, started = service.handles.store.generation(), time.monotonic()
        try:
            response, error = service.ask(question), None
        except Exception as exc:  # counted and reported: any error fails the test
            response, error = None, f"{type(exc).__name__}: {exc}"
        yield Answer(question, gen, service.handles.store.generation(), started, time.monotonic(), response, error)


@pytest.mark.slow
def test_answers_during_an_update_come_from_one_whole_state(settings: Settings, paced_embedder: Embedder) -> None:
    handles = open_handles(settings, paced_embedder)
    assert update_index(handles).added == len(TOPICS)
    service = AnswerService(settings, handles)
    before, gen_old = state(handles), handles.store.generation()

    rows = new_articles()
    write(settings.articles_dir / "news.jsonl", jsonl(*rows))
    for topic in REMOVED:
        (settings.articles_dir / f"{topic}.txt").unlink()
    for topic in EDITED:  # same title, so an answer mixing old chunks with new metadata could not hide in it
        body = f"{story(topic, 4)} Later the {topic} budget was cut by 2 percent instead."
        write(settings.articles_dir / f"{topic}.txt", f"{topic.title()} plan debated\n\n{body}\n")
    questions = [f"What will the {t} budget grow by next year?" for t in TOPICS[:12]]
    questions += [r["title"] for r in rows[:: NEW_ARTICLES // 20] if r.get("title")]

    done = threading.Event()
    answers: list[Answer] = []
    lock = threading.Lock()

    def reader(n: int) -> None:
        for answer in ask_until(service, questions, n * 3, done):
            with lock:
                answers.append(answer)

    threads = [threading.Thread(target=reader, args=(n,), name=f"reader-{n}") for n in range(READERS)]
    for t in threads:
        t.start()
    update_started = time.monotonic()
    try:
        report = update_index(handles)  # the same handles the readers use, as in the web app
    finally:
        update_ended = time.monotonic()
        done.set()
        for t in threads:
            t.join(timeout=300)
    after, gen_new = state(handles), handles.store.generation()

    assert not any(t.is_alive() for t in threads), "a reader hung"
    assert (report.added + report.duplicates, report.removed, report.updated) == (len(rows), 5, 5), report
    assert set(before) - set(after) == set(REMOVED) and len(after) == len(before) - len(REMOVED) + report.added
    errors = [f"{a.question!r}: {a.error}" for a in answers if a.error]
    assert not errors, f"{len(errors)} errors while updating, e.g. {errors[:3]}"

    mixed, wrong_side = [], []
    for a in answers:
        assert a.response is not None
        old, new = fits(a.response, before), fits(a.response, after)
        if not (old or new):
            mixed.append(a)
        elif not old and a.gen_after == gen_old or not new and a.gen_before == gen_new:
            wrong_side.append(a)
    assert not mixed, f"{len(mixed)} answers mix the two states, e.g. {mixed[0].question!r}: {mixed[0].response}"
    assert not wrong_side, f"{len(wrong_side)} answers from the other side of the commit: {wrong_side[0]}"

    during = [a for a in answers if a.started >= update_started and a.ended <= update_ended]
    cited = lambda group: {c.article_id for a in group for c in a.response.citations}  # noqa: E731
    old_side = [a for a in answers if a.gen_after == gen_old]
    new_side = [a for a in answers if a.gen_before == gen_new]
    assert cited(old_side) & set(REMOVED), "no answer before the commit cited a removed article: a vacuous test"
    assert cited(new_side) & (set(after) - set(before)), "no answer after the commit cited a new article"
    assert not cited(new_side) & set(REMOVED), "a removed article was cited after the commit"
    print(
        f"\nconcurrency: {len(answers)} answers by {READERS} threads, {len(during)} served entirely during the"
        f" {update_ended - update_started:.1f}s update ({len(rows)} added from"
        f" synthetic rows, {report.chunks} chunks); {len(old_side)} before"
        f" the commit, {len(new_side)} after; 0 errors, 0 mixed states (pid {os.getpid()})"
    )


def test_a_commit_between_the_chunk_and_metadata_reads_does_not_mix_states(
    settings: Settings, paced_embedder: Embedder
) -> None:
    """The load test's rare interleaving, made certain: a commit lands right after gather's one snapshot read."""
    handles = open_handles(settings, paced_embedder)
    update_index(handles)
    service, before = AnswerService(settings, handles), state(handles)
    topic = EDITED[0]
    body = f"Late on Monday the {topic} board changed course. {story(topic, 4)}"  # every offset moves
    write(settings.articles_dir / f"{topic}.txt", f"{topic.title()} plan withdrawn\n\n{body}\n")
    writer = open_handles(settings, paced_embedder)
    writer.embedder.embed(["warm"])
    landed: list[int] = []

    def commit_before_metadata(frame: FrameType, event: str, arg: object) -> Any:
        if frame.f_code is not ArticleStore.live_chunks.__code__:
            return None
        if event == "return" and not landed:
            landed.append(update_index(writer).updated)  # tracing is off inside this hook: a plain update
        return commit_before_metadata  # trace this frame, to see its return

    sys.settrace(commit_before_metadata)
    try:
        response = service.ask(f"What will the {topic} budget grow by next year?")
    finally:
        sys.settrace(None)
    after = state(handles)
    assert landed == [1] and after[topic][0] == f"{topic.title()} plan withdrawn"
    assert topic in {p.article_id for p in response.passages}
    assert fits(response, before) or fits(response, after), f"a mixed answer: {response.passages[0]}"
