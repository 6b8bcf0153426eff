"""Watch mode on a real folder, a real index and the real model: files that land, change, go, or are still
being written, and what is never indexed."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from index_testkit import HandlesFactory, story, write

from assistant.indexing.jobs import Job
from assistant.indexing.service import IndexService
from assistant.indexing.watch import is_article_change, watch_folder

QUIET_S = 0.6


class Watching:
    """A watcher thread over one articles folder; `next_job` waits for the update the next change causes."""

    def __init__(self, indexing: IndexService) -> None:
        self.indexing, self.jobs, self.stop = indexing, queue.Queue[Job](), threading.Event()
        self.thread = threading.Thread(target=watch_folder, args=(indexing, self.stop, self.jobs.put), daemon=True)

    def next_job(self, timeout: float = 120) -> Job:
        return self.jobs.get(timeout=timeout)

    def assert_quiet(self, seconds: float) -> None:
        with pytest.raises(queue.Empty):
            job = self.jobs.get(timeout=seconds)
            pytest.fail(f"an update ran: {job.report}")


@pytest.fixture
def watching(make_handles: HandlesFactory, articles_dir: Path) -> Iterator[Watching]:
    write(articles_dir / "first.txt", story("harbour"))
    handles = make_handles(watch_quiet_s=QUIET_S)
    w = Watching(IndexService(handles.settings, handles))
    w.thread.start()
    assert w.next_job().report["added"] == 1  # type: ignore[index]  # what was there before watching began
    yield w
    w.stop.set()
    w.thread.join(timeout=30)


def test_new_changed_and_deleted_files_become_updates(watching: Watching, articles_dir: Path) -> None:
    store = watching.indexing.handles.store
    write(articles_dir / "second.txt", story("library"))
    write(articles_dir / "third.md", story("bridge"))
    report = watching.next_job().report or {}
    assert (report["added"], report["updated"], report["removed"]) == (2, 0, 0)
    write(articles_dir / "second.txt", story("library") + " The mayor opened it on Monday.")
    assert (watching.next_job().report or {})["updated"] == 1
    assert "mayor opened it" in (store.get_text("second") or "")
    (articles_dir / "third.md").unlink()
    assert (watching.next_job().report or {})["removed"] == 1
    assert sorted(store.manifest()) == ["first", "second"]


def test_partial_temporary_and_hidden_files_are_never_indexed(watching: Watching, articles_dir: Path) -> None:
    part = write(articles_dir / "download.txt.part", story("museum"))
    write(articles_dir / ".draft.txt", story("school"))
    write(articles_dir / ".sync" / "inbox.txt", story("stadium"))
    write(articles_dir / "notes.txt~", story("airport"))
    watching.assert_quiet(QUIET_S * 3)
    part.rename(articles_dir / "download.txt")  # the download finished
    assert (watching.next_job().report or {})["added"] == 1
    assert sorted(watching.indexing.handles.store.manifest()) == ["download", "first"]


def test_a_file_still_being_written_is_indexed_once_whole(watching: Watching, articles_dir: Path) -> None:
    halves = story("water plant", 4), " The plant reopened on Friday after the repairs were finished."
    path = articles_dir / "slow.txt"
    with path.open("w", encoding="utf-8") as out:
        for piece in (halves[0], *halves[1].split(" ")):  # a slow writer: a word every QUIET_S / 3
            out.write(piece + " ")
            out.flush()
            time.sleep(QUIET_S / 3)
    report = watching.next_job().report or {}
    assert report["added"] == 1
    assert (watching.indexing.handles.store.get_text("slow") or "").endswith("after the repairs were finished.")
    watching.assert_quiet(QUIET_S * 2)


@pytest.mark.parametrize(
    ("name", "indexed"),
    [("a.txt", True), ("sub/b.json", True), (".hidden.txt", False), ("sub/.git/x.txt", False),
     ("c.txt.crdownload", False), ("d.tmp", False), ("e.txt~", False), ("f.html.part", False)],
)  # fmt: skip
def test_which_changes_count(tmp_path: Path, name: str, indexed: bool) -> None:
    assert is_article_change(str(tmp_path / name), tmp_path) is indexed


def test_a_file_that_lands_during_the_catch_up_update_is_indexed_too(
    make_handles: HandlesFactory, articles_dir: Path
) -> None:
    for i, topic in enumerate(("harbour", "library", "bridge", "school", "museum", "tram", "ferry", "stadium")):
        write(articles_dir / f"{i}.txt", story(f"{topic} in Elsby", 5))
    handles = make_handles(watch_quiet_s=QUIET_S, embed_progress_chunks=1)
    w = Watching(IndexService(handles.settings, handles))
    w.thread.start()
    deadline = time.monotonic() + 60
    while (job := w.indexing.jobs.active()) is None or job.stage != "embedding":  # the catch-up update has read
        assert time.monotonic() < deadline, "no catch-up update"  # the folder and is embedding what it found
        time.sleep(0.01)
    write(articles_dir / "late.txt", story("airport"))
    try:
        while "late" not in w.indexing.handles.store.manifest():
            w.next_job(timeout=60)  # raises queue.Empty if the late file is never indexed
    finally:
        w.stop.set()
        w.thread.join(timeout=30)
