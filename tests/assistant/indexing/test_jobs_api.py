"""Index jobs, uploads, deletes and the small endpoints over real HTTP, against a real app on loopback."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator

import httpx
import pytest
from app_testkit import serve
from index_testkit import jsonl, story

from assistant.settings import PROJECT_ROOT, Settings
from index.embedding import Embedder

TOPICS = [f"{place} {thing}" for place in ("Oslo", "Lima", "Pune", "Perth", "Accra", "Quito")
          for thing in ("harbour", "library", "bridge", "tram line", "museum")]  # fmt: skip


@pytest.fixture(scope="module")
def app_settings(tmp_path_factory: pytest.TempPathFactory, settings_factory) -> Settings:  # type: ignore[no-untyped-def]
    """An app of its own (the default articles), with progress reported in small steps so it can be seen moving."""
    root = tmp_path_factory.mktemp("jobs")
    shutil.copytree(PROJECT_ROOT / "articles", root / "articles")
    return settings_factory(root / "data", root / "articles", embed_progress_chunks=4, load_progress_items=5)


@pytest.fixture(scope="module")
def url(app_settings: Settings, embedder: Embedder) -> Iterator[str]:
    """The app over the session's real model: its embedding takes long enough for progress to be watched."""
    with serve(app_settings, embedder) as base:
        httpx.post(f"{base}/api/index", params={"wait": "true"}, timeout=600).raise_for_status()
        yield base


def follow(url: str, job_id: str, timeout_s: float = 600) -> tuple[dict, list[tuple[str, str, int, int]]]:
    """Poll a job to its end; returns its last view and every (state, stage, done, total) seen on the way."""
    seen: list[tuple[str, str, int, int]] = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        job = httpx.get(f"{url}/api/jobs/{job_id}", timeout=30).json()
        point = (job["state"], job["stage"], job["done"], job["total"])
        if not seen or seen[-1] != point:
            seen.append(point)
        if job["ended"] is not None:
            return job, seen
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not end: {seen[-3:]}")


def test_an_update_job_goes_from_202_to_done_and_its_progress_moves(url: str) -> None:
    feed = jsonl(*({"id": str(i), "title": t.title(), "text": story(t, 5)} for i, t in enumerate(TOPICS)))
    r = httpx.post(f"{url}/api/index", files=[("files", ("wire.jsonl", feed, "application/jsonl"))], timeout=60)
    assert r.status_code == 202, r.text
    started = r.json()
    assert started["state"] in {"queued", "running"} and started["uploaded"] == ["wire.jsonl"]
    job, seen = follow(url, started["job_id"])
    assert job["state"] == "done" and job["added"] == len(TOPICS) and job["errors"] == []
    embedding = [done for state, stage, done, _ in seen if state == "running" and stage == "embedding"]
    assert len(set(embedding)) >= 3, f"progress did not move: {seen}"
    assert job["stage"] == "publishing" and job["done"] == job["total"] == 1  # the last stage, finished
    listed = httpx.get(f"{url}/api/jobs", timeout=30).json()
    assert listed[0]["job_id"] == started["job_id"]
    answer = httpx.post(f"{url}/api/query", json={"question": "When is the Perth tram line vote?"}, timeout=60).json()
    assert answer["passages"][0]["article_id"] == f"wire#{TOPICS.index('Perth tram line')}", "not searchable yet"


def test_a_second_update_while_one_runs_is_409_naming_the_running_job(url: str, app_settings: Settings) -> None:
    feed = jsonl(*({"id": f"b{i}", "text": story(t + " council", 5)} for i, t in enumerate(TOPICS)))
    first = httpx.post(f"{url}/api/index", files=[("files", ("batch.jsonl", feed, "text/plain"))], timeout=60).json()
    second = httpx.post(f"{url}/api/index", files=[("files", ("late.txt", b"Late news today.", "text/plain"))])
    assert second.status_code == 409, second.text
    assert second.json()["job_id"] == first["job_id"]
    assert not (app_settings.articles_dir / "late.txt").exists(), "the refused request saved its upload"
    assert follow(url, first["job_id"])[0]["state"] == "done"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [("blank.txt", b"", "empty file"), ("image.txt", bytes(range(256)) * 16, "binary file"),
     ("broken.jsonl", b'{"id": 1, "text": ', "invalid JSON"), ("feed.jsonl.gz", b"not gzip", "corrupt gzip")],
)  # fmt: skip
def test_unreadable_uploads_are_422_and_nothing_is_written(
    url: str, app_settings: Settings, name: str, content: bytes, reason: str
) -> None:
    before = sorted(p.name for p in app_settings.articles_dir.iterdir())
    r = httpx.post(f"{url}/api/index", files=[("files", (name, content, "application/octet-stream"))], timeout=60)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert reason in detail and name in detail and str(app_settings.articles_dir) not in detail
    assert sorted(p.name for p in app_settings.articles_dir.iterdir()) == before


def test_reports_name_files_but_never_the_server_folders(url: str, app_settings: Settings) -> None:
    rows = jsonl({"id": "ok", "text": story("Nairobi stadium")}) + "{not json\n"
    r = httpx.post(f"{url}/api/index", params={"wait": "true"}, files=[("files", ("mixed.jsonl", rows, "text/plain"))])
    assert r.status_code == 200, r.text
    [error] = r.json()["errors"]
    assert error.startswith("mixed.jsonl:2: line 2: invalid JSON")
    assert str(app_settings.data_dir.parent) not in json.dumps(r.json())


def test_delete_an_article_and_its_file_does_not_come_back(url: str, app_settings: Settings) -> None:
    text = "Harbour ferry resumes\n\nThe Elm Island ferry resumed service on Monday after repairs.\n"
    files = [("files", ("ferry.txt", text, "text/plain"))]
    assert httpx.post(f"{url}/api/index", params={"wait": "true"}, files=files, timeout=600).json()["added"] == 1
    gone = httpx.delete(f"{url}/api/articles/ferry", timeout=60)
    assert gone.status_code == 200 and gone.json()["removed"] == 1, gone.text
    assert httpx.get(f"{url}/api/articles/ferry").status_code == 404
    assert not (app_settings.articles_dir / "ferry.txt").exists()
    assert [p.name.split("-", 1)[1] for p in (app_settings.data_dir / "deleted").iterdir()] == ["ferry.txt"]
    again = httpx.post(f"{url}/api/index", params={"wait": "true"}, timeout=600).json()
    assert again["added"] == 0, "the next scan added the deleted article back"
    assert httpx.delete(f"{url}/api/articles/no-such-article").status_code == 404
    feed = jsonl({"id": "0", "text": story("Elm Island pier", 5)}, {"id": "1", "text": story("Elm Island quay", 5)})
    files = [("files", ("pair.jsonl", feed, "application/jsonl"))]
    assert httpx.post(f"{url}/api/index", params={"wait": "true"}, files=files, timeout=600).json()["added"] == 2
    shared = httpx.delete(f"{url}/api/articles/pair%230", timeout=60)  # one entry of a feed file with two
    assert shared.status_code == 409 and "pair.jsonl" in shared.json()["detail"], shared.text


def test_models_and_readiness(url: str) -> None:
    models = httpx.get(f"{url}/v1/models").json()
    assert models["object"] == "list" and models["data"][0]["id"] == "news-assistant"
    deadline = time.monotonic() + 120
    while not (health := httpx.get(f"{url}/api/health").json())["ready"]:
        assert time.monotonic() < deadline, "the app never became ready"
        time.sleep(0.2)
    assert health["status"] == "ok"


def test_the_loader_and_the_upload_box_accept_the_same_types() -> None:
    from assistant.indexing.uploads import safe_name
    from assistant.ui.index_panel import UPLOAD_TYPES
    from index.loaders import SUPPORTED

    assert {"." + s.rsplit(".", 1)[-1] for s in SUPPORTED} == set(UPLOAD_TYPES)
    assert all(safe_name(f"a{suffix}") for suffix in SUPPORTED)
