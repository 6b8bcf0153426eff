"""Server mode: the same index and query behaviour against a real `chroma run` server on loopback."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from index_testkit import HandlesFactory, assert_consistent, run_index_cli, story, write
from ports import free_port

from assistant.service import AnswerService
from index.updater import update_index
from index.vectors import LEGACY_COPIED, SERVER_COLLECTION, VectorStore


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real Chroma server (the `chroma` CLI from the chromadb package), stopped after the module."""
    chroma = Path(sys.executable).parent / "chroma"
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("chroma server did not start within 60 s")
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_incremental_updates_on_a_chroma_server(
    chroma_server: tuple[str, int], make_handles: HandlesFactory, articles_dir: Path, tmp_path: Path
) -> None:
    host, port = chroma_server
    handles = make_handles(chroma_host=host, chroma_port=port, collection="server-updates")
    write(articles_dir / "a.txt", "Port strike ends\n\n" + story("dock workers in Rotterdam"))
    write(articles_dir / "b.txt", "Harvest report\n\n" + story("wheat farmers in Kansas"))
    first = update_index(handles)
    assert (first.added, first.updated, first.removed) == (2, 0, 0)
    assert not (tmp_path / "data" / "chroma").exists()  # nothing embedded locally: vectors live on the server
    assert_consistent(handles)

    write(articles_dir / "a.txt", "Port strike ends\n\n" + story("dock workers in Antwerp"))
    (articles_dir / "b.txt").unlink()
    second = update_index(handles)
    assert (second.added, second.updated, second.removed) == (0, 1, 1)
    assert_consistent(handles)
    assert update_index(handles).chunks == 0  # idempotent


def test_questions_are_answered_from_a_chroma_server(
    chroma_server: tuple[str, int], make_handles: HandlesFactory, articles_dir: Path
) -> None:
    host, port = chroma_server
    for src in (Path(__file__).resolve().parents[2] / "articles").glob("*.txt"):
        shutil.copy(src, articles_dir / src.name)
    handles = make_handles(chroma_host=host, chroma_port=port, collection="server-query", real=True)
    update_index(handles)
    response = AnswerService(handles.settings, handles).ask("Who founded Wagner?")
    assert not response.refused and "Prigozhin" in response.answer
    for c in response.citations:
        text = handles.store.get_text(c.article_id)
        assert text is not None and text[c.start : c.end] == c.quote


def test_two_stores_on_one_server_never_touch_each_others_vectors(
    chroma_server: tuple[str, int], make_handles: HandlesFactory, tmp_path: Path
) -> None:
    """Two data directories, one `chroma run`: each update and clean-up keeps to its own store's vectors."""
    host, port = chroma_server
    first_dir, second_dir = tmp_path / "first", tmp_path / "second"
    for topic in ("harbour", "library", "bridge"):
        write(first_dir / f"{topic}.txt", f"{topic.title()} news\n\n{story(topic)}")
    write(second_dir / "museum.txt", story("museum"))
    first = make_handles(data_dir=tmp_path / "d1", articles=first_dir, chroma_host=host, chroma_port=port)
    second = make_handles(data_dir=tmp_path / "d2", articles=second_dir, chroma_host=host, chroma_port=port)
    update_index(first)
    before = first.vectors.count()
    update_index(second)  # its clean-up used to delete every vector its own store did not list
    assert first.vectors.name != second.vectors.name
    assert first.vectors.count() == before > 0
    assert_consistent(first)
    assert_consistent(second)
    assert update_index(first).chunks == 0
    response = AnswerService(first.settings, first).ask("What did officials say about the harbour budget?")
    assert not response.refused and response.citations[0].article_id == "harbour"


def test_an_update_repairs_vectors_the_server_lost(
    chroma_server: tuple[str, int], make_handles: HandlesFactory, articles_dir: Path
) -> None:
    host, port = chroma_server
    write(articles_dir / "a.txt", story("harbour"))
    write(articles_dir / "b.txt", story("library"))
    handles = make_handles(chroma_host=host, chroma_port=port)
    update_index(handles)
    lost = sorted(cid for cid in handles.store.all_chunk_ids() if cid.startswith("a::"))
    handles.vectors.delete(lost)  # what an older shared-server clean-up did to another store
    report = update_index(handles)
    assert (report.updated, report.unchanged, report.chunks) == (1, 1, len(lost))
    assert "re-embedding 1 article(s) whose vectors were missing" in report.notes
    assert_consistent(handles)


def test_a_store_from_before_per_store_collections_moves_without_re_embedding(
    chroma_server: tuple[str, int], make_handles: HandlesFactory, articles_dir: Path, tmp_path: Path
) -> None:
    host, port = chroma_server
    write(articles_dir / "a.txt", story("harbour"))
    built = make_handles(chroma_host=host, chroma_port=port, collection="legacy")
    update_index(built)
    shared = VectorStore(built.vectors._client, "legacy")  # where an older version wrote this store's vectors
    shared.copy_from(built.vectors, sorted(built.store.all_chunk_ids()))
    with built.store._connect() as db:
        db.execute("DELETE FROM meta WHERE key IN (?, ?)", (SERVER_COLLECTION, LEGACY_COPIED))
    reopened = make_handles(chroma_host=host, chroma_port=port, collection="legacy")
    assert reopened.vectors.name not in {"legacy", built.vectors.name}
    report = update_index(reopened)
    assert (report.unchanged, report.chunks) == (1, 0), "the vectors were embedded again"
    assert shared.count() == len(built.store.all_chunk_ids()), "the shared collection may be another store's"
    assert_consistent(reopened)


def test_a_server_that_is_down_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    port = free_port()
    result = run_index_cli(tmp_path, env={"ASSISTANT_CHROMA_HOST": "127.0.0.1", "ASSISTANT_CHROMA_PORT": str(port)})
    assert result.returncode == 3
    [line] = [x for x in result.stderr.splitlines() if x.strip()]
    assert line.startswith(f"error: cannot reach the Chroma server at 127.0.0.1:{port}")
