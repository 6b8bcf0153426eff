"""Two updates of one index at once: the second is refused with a clear message, and the index stays whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from index_testkit import HandlesFactory, assert_consistent, story, write

from index.handles import IndexHandles
from index.lock import UpdateInProgress, update_lock
from index.updater import UpdateReport, update_index

ROOT = Path(__file__).resolve().parents[2]
TOPICS = ("harbour", "library", "bridge", "railway", "museum", "stadium")
HOLD_LOCK = (  # another process holding the data dir's update lock until it is killed
    "import sys, time\nfrom pathlib import Path\nfrom index.lock import update_lock\n"
    "with update_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(600)\n"
)


def write_topics(folder: Path, topics: tuple[str, ...] = TOPICS) -> None:
    for topic in topics:
        write(folder / f"{topic}.txt", story(topic, 4))


def test_a_second_update_during_the_first_is_refused_and_the_first_completes(
    make_handles: HandlesFactory, articles_dir: Path
) -> None:
    write_topics(articles_dir)
    first, second = make_handles(), make_handles()  # two services over one data dir, as CLI and web app would be
    inside, release = threading.Event(), threading.Event()

    def hold_in_embedding(stage: str, done: int, total: int) -> None:
        if done == 0:
            inside.set()
            assert release.wait(60), "the test never let the first update go on"

    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(update_index, first, progress=hold_in_embedding)
        assert inside.wait(120), "the first update never reached the embedding stage"
        try:
            with pytest.raises(UpdateInProgress, match=r"another update of .* is running; try again when it finishes"):
                update_index(second)
            with pytest.raises(UpdateInProgress):
                update_index(second, dry_run=True)
            assert second.store.counts() == (0, 0), "the refused update wrote something"
        finally:
            release.set()
        report = running.result(timeout=120)
    assert report.added == len(TOPICS) and not report.errors
    assert len(assert_consistent(first)) == report.chunks
    assert update_index(second).unchanged == len(TOPICS), "the lock outlived the first update"


def test_updates_racing_from_many_threads_leave_one_consistent_index(
    make_handles: HandlesFactory, articles_dir: Path
) -> None:
    write_topics(articles_dir)
    barrier = threading.Barrier(4)

    def race(handles: IndexHandles) -> UpdateReport | UpdateInProgress:
        barrier.wait()
        try:
            return update_index(handles)
        except UpdateInProgress as exc:
            return exc

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(race, [make_handles() for _ in range(4)]))
    reports = [o for o in outcomes if isinstance(o, UpdateReport)]
    assert reports and all(isinstance(o, UpdateReport | UpdateInProgress) for o in outcomes)
    assert sum(r.added for r in reports) == len(TOPICS), "an article was added twice, or never"
    handles = make_handles()
    assert_consistent(handles)
    assert set(handles.store.manifest()) == set(TOPICS)


def test_the_lock_holds_across_processes_and_dies_with_a_killed_holder(
    make_handles: HandlesFactory, articles_dir: Path
) -> None:
    write_topics(articles_dir, TOPICS[:2])
    handles = make_handles()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(handles.settings.data_dir)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(UpdateInProgress, match=str(handles.settings.data_dir)):
            update_index(handles)
        assert (handles.settings.data_dir / "update.lock").read_text() == str(holder.pid), "lock file names no holder"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    report = update_index(handles)  # the kernel dropped the killed holder's lock
    assert report.added == 2
    assert_consistent(handles)
    with update_lock(handles.settings.data_dir), pytest.raises(UpdateInProgress):
        update_index(handles)  # also refused while this very process holds the lock elsewhere
