"""The HTTP API over real HTTP: a live uvicorn server on loopback, a real index, the real bundled model."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest

from assistant.schemas import AnswerResponse
from assistant.settings import Settings

WAGNER = "Who founded Wagner?"
HARBOUR_ARTICLE = {
    "id": "harbour-gazette-1",
    "url": "https://www.harbourgazette.example/2024/03/lighthouse",
    "title": "Zephyrine lighthouse relit after restoration",
    "published": "2024-03-05",
    "text": (
        "The Zephyrine lighthouse at Port Alder was relit on Tuesday after a two-year restoration. "
        "The restoration was led by the structural engineer Marta Kovalenko, who replaced the corroded lantern room. "
        "Harbour officials said the beam can again be seen forty kilometres out to sea."
    ),
}


@pytest.fixture(scope="module")
def client(live_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server, timeout=180) as c:
        yield c


def ask(client: httpx.Client, question: str, **body: object) -> AnswerResponse:
    r = client.post("/api/query", json={"question": question, **body})
    assert r.status_code == 200, r.text
    return AnswerResponse.model_validate(r.json())


def upload(client: httpx.Client, name: str, content: str | bytes) -> dict:
    """Upload and wait for the update's report (wait=true: 200 once it has finished)."""
    files = [("files", (name, content, "application/octet-stream"))]
    r = client.post("/api/index", params={"wait": "true"}, files=files)
    assert r.status_code == 200, r.text
    return r.json()


def test_health(client: httpx.Client) -> None:
    deadline = time.monotonic() + 120
    while (r := client.get("/api/health")).json()["status"] == "starting":  # the model loads at start-up
        assert r.status_code == 200 and not r.json()["ready"] and time.monotonic() < deadline
        time.sleep(0.2)
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["ready"]
    assert body["articles"] >= 2 and body["chunks"] > body["articles"]
    assert body["updated_at"] and body["updated_at"].endswith("+00:00")
    assert body["embed_model"] == "all-MiniLM-L6-v2"
    assert body["answer_mode"] == "extractive"


def test_openapi_and_docs(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/query", "/api/articles", "/api/articles/{article_id}", "/api/index", "/api/health",
                 "/v1/chat/completions"):
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert client.get("/").status_code == 200  # the chat UI shares the server


def test_query_citations_slice_the_stored_article(client: httpx.Client) -> None:
    response = ask(client, WAGNER)
    assert not response.refused and response.citations
    assert "Prigozhin" in response.answer
    for c in response.citations:
        assert f"[{c.n}]" in response.answer
        article = client.get(f"/api/articles/{quote(c.article_id, safe='')}")
        assert article.status_code == 200
        assert article.json()["text"][c.start : c.end] == c.quote


def test_follow_up_uses_history(client: httpx.Client) -> None:
    first = ask(client, WAGNER)
    history = [{"role": "user", "content": WAGNER}, {"role": "assistant", "content": first.answer}]
    follow = ask(client, "Which city did his forces assault?", history=history)
    assert not follow.refused
    assert follow.query != "Which city did his forces assault?"  # rewritten with the conversation
    assert "Bakhmut" in follow.answer


def test_off_topic_question_is_refused(client: httpx.Client) -> None:
    response = ask(client, "Who won the 2022 FIFA World Cup?")
    assert response.refused
    assert response.citations == []


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        ({"question": ""}, 422, "empty"),
        ({"question": "   "}, 422, "empty"),
        ({}, 422, "question"),
        ({"question": WAGNER, "top_k": 0}, 422, "top_k"),
        ({"question": WAGNER, "top_k": 51}, 422, "top_k"),
        ({"question": WAGNER, "filters": {"date_from": "not-a-date"}}, 422, "date_from"),
        ({"question": WAGNER, "as_of": "2024-02-30"}, 422, "as_of"),
        ({"question": WAGNER, "history": [{"role": "user"}]}, 422, "content"),
        ({"question": "x" * 2001}, 413, "limit"),
    ],
)
def test_query_errors_are_clear_json(client: httpx.Client, body: dict, status: int, needle: str) -> None:
    r = client.post("/api/query", json=body)
    assert r.status_code == status, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and needle in detail


def test_query_accepts_the_day_it_is_asked(client: httpx.Client) -> None:
    r = client.post("/api/query", json={"question": WAGNER, "as_of": "2024-01-05"})
    assert r.status_code == 200, r.text
    assert r.json()["citations"] and not r.json()["refused"]


def test_malformed_json_is_422(client: httpx.Client) -> None:
    r = client.post("/api/query", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and isinstance(r.json()["detail"], str)


def test_unknown_article_is_404(client: httpx.Client) -> None:
    r = client.get("/api/articles/no-such-article")
    assert r.status_code == 404
    assert r.json() == {"detail": "no article with id 'no-such-article'"}


def test_articles_are_paginated(client: httpx.Client) -> None:
    full = client.get("/api/articles", params={"offset": 0, "limit": 500}).json()
    assert full["total"] == len(full["items"]) >= 2
    first = client.get("/api/articles", params={"offset": 0, "limit": 1}).json()
    second = client.get("/api/articles", params={"offset": 1, "limit": 1}).json()
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert [first["items"][0], second["items"][0]] == full["items"][:2]
    assert set(first["items"][0]) == {"id", "title", "url", "date", "chunk_count"}
    assert client.get("/api/articles", params={"offset": full["total"]}).json()["items"] == []
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422


def test_upload_then_only_that_article_answers(client: httpx.Client, indexed_settings: Settings) -> None:
    name = "glacier-observatory.md"
    text = (
        "# Vellmar glacier observatory opens\n\n"
        "The Vellmar glacier observatory opened in the Tarn valley on Monday. "
        "Its founding director, the glaciologist Oskar Lindqvist, said the station will measure ice loss every hour.\n"
    )
    report = upload(client, name, text)
    assert report["uploaded"] == [name] and report["added"] == 1 and report["errors"] == []
    assert (indexed_settings.articles_dir / name).read_text(encoding="utf-8") == text
    response = ask(client, "Who is the founding director of the Vellmar glacier observatory?")
    assert not response.refused
    assert response.citations[0].article_id == "glacier-observatory"
    assert "Oskar Lindqvist" in response.answer
    assert any("Oskar Lindqvist" in c.quote for c in response.citations if c.article_id == "glacier-observatory")
    again = upload(client, name, text)
    assert again["added"] == 0 and again["updated"] == 0 and again["unchanged"] >= 3


def test_filters_restrict_sources_and_dates(client: httpx.Client) -> None:
    upload(client, "harbour.json", json.dumps(HARBOUR_ARTICLE))
    question = "Who led the restoration of the Zephyrine lighthouse?"
    by_source = ask(client, question, filters={"sources": ["harbourgazette.example"]})
    assert not by_source.refused
    assert {c.article_id for c in by_source.citations} == {"harbour#harbour-gazette-1"}
    assert "Kovalenko" in by_source.answer
    assert {p.article_id for p in by_source.passages} == {"harbour#harbour-gazette-1"}
    too_early = ask(client, question, filters={"date_to": "2020-01-01"})
    assert too_early.refused and too_early.citations == []
    # the default articles are undated
    dated_only = ask(client, WAGNER, filters={"date_from": "2024-01-01"})
    assert all(p.article_id == "harbour#harbour-gazette-1" for p in dated_only.passages)


@pytest.mark.parametrize(
    ("name", "status"),
    [("../escape.txt", 422), ("sub/dir.txt", 422), ("back\\slash.txt", 422), (".hidden.txt", 422),
     ("program.exe", 422), ("noext", 422)],
)
def test_unsafe_upload_names_are_refused(
    client: httpx.Client, indexed_settings: Settings, name: str, status: int
) -> None:
    before = sorted(p.name for p in indexed_settings.articles_dir.iterdir())
    r = client.post("/api/index", files=[("files", (name, b"Some text.", "text/plain"))])
    assert r.status_code == status, r.text
    assert isinstance(r.json()["detail"], str)
    assert sorted(p.name for p in indexed_settings.articles_dir.iterdir()) == before
    assert not (indexed_settings.articles_dir.parent / "escape.txt").exists()


def test_oversized_upload_is_413(client: httpx.Client, indexed_settings: Settings) -> None:
    big = b"word " * (indexed_settings.server.max_upload_bytes // 5 + 1)
    r = client.post("/api/index", files=[("files", ("big.txt", big, "text/plain"))])
    assert r.status_code == 413, r.text
    assert "limit" in r.json()["detail"]
    assert not (indexed_settings.articles_dir / "big.txt").exists()
    assert not list(indexed_settings.articles_dir.glob(".upload-*"))  # the staged copy was removed


def test_index_run_while_another_process_updates_is_409(client: httpx.Client, indexed_settings: Settings) -> None:
    from index.lock import update_lock

    with update_lock(indexed_settings.data_dir):  # the flock `assistant index` in another process would hold
        r = client.post("/api/index", files=[("files", ("later.txt", b"Later news.", "text/plain"))])
    assert r.status_code == 409
    assert "another update" in r.json()["detail"]
    assert not (indexed_settings.articles_dir / "later.txt").exists()
