"""Server mode: the same index and query behaviour against a real `chroma run` server on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from index_testkit import HandlesFactory, assert_consistent, story, write

from assistant.service import AnswerService
from index.updater import update_index


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real Chroma server (the `chroma` CLI from the chromadb package), stopped after the module."""
    chroma = Path(sys.executable).parent / "chroma"
    port = _free_port()
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
    handles = make_handles(chroma_host=host, chroma_port=port, collection="server-query")
    update_index(handles)
    response = AnswerService(handles.settings, handles).ask("Who founded Wagner?")
    assert not response.refused and "Prigozhin" in response.answer
    for c in response.citations:
        text = handles.store.get_text(c.article_id)
        assert text is not None and text[c.start : c.end] == c.quote
