"""/v1/chat/completions driven by the official `openai` client (and raw SSE) against the live server."""

from __future__ import annotations

import json
from urllib.parse import quote

import httpx
import openai
import pytest

WAGNER = "Who founded Wagner?"


@pytest.fixture(scope="module")
def client(live_server: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{live_server}/v1", api_key="x", timeout=180, max_retries=0)


def test_completion_carries_answer_and_citations(client: openai.OpenAI, live_server: str) -> None:
    resp = client.chat.completions.create(model="news-assistant", messages=[{"role": "user", "content": WAGNER}])
    assert resp.object == "chat.completion"
    choice = resp.choices[0]
    assert choice.finish_reason == "stop" and choice.message.role == "assistant"
    content = choice.message.content or ""
    assert "Prigozhin" in content and "[1]" in content
    extra = resp.model_extra or {}
    assert extra["refused"] is False
    citations = extra["citations"]
    assert citations and {c["n"] for c in citations} == set(range(1, len(citations) + 1))
    for c in citations:
        text = httpx.get(f"{live_server}/api/articles/{quote(c['article_id'], safe='')}").json()["text"]
        assert text[c["start"] : c["end"]] == c["quote"]
    assert resp.usage is not None and resp.usage.completion_tokens > 0


def test_earlier_messages_are_history(client: openai.OpenAI) -> None:
    first = client.chat.completions.create(model="news-assistant", messages=[{"role": "user", "content": WAGNER}])
    resp = client.chat.completions.create(
        model="news-assistant",
        messages=[
            {"role": "system", "content": "Answer from the articles."},
            {"role": "user", "content": WAGNER},
            {"role": "assistant", "content": first.choices[0].message.content or ""},
            {"role": "user", "content": [{"type": "text", "text": "Which city did his forces assault?"}]},
        ],
    )
    assert "Bakhmut" in (resp.choices[0].message.content or "")


def test_streaming_chunks_match_the_full_answer(client: openai.OpenAI) -> None:
    full = client.chat.completions.create(model="news-assistant", messages=[{"role": "user", "content": WAGNER}])
    stream = client.chat.completions.create(
        model="news-assistant", messages=[{"role": "user", "content": WAGNER}], stream=True
    )
    chunks = list(stream)
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text == full.choices[0].message.content
    assert len([c for c in chunks if c.choices[0].delta.content]) > 3  # really streamed in pieces
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    assert (last.model_extra or {})["citations"] == (full.model_extra or {})["citations"]


def test_refusal_is_flagged(client: openai.OpenAI) -> None:
    resp = client.chat.completions.create(
        model="news-assistant", messages=[{"role": "user", "content": "Who won the 2022 FIFA World Cup?"}]
    )
    assert (resp.model_extra or {})["refused"] is True
    assert (resp.model_extra or {})["citations"] == []


def test_raw_sse_format(live_server: str) -> None:
    body = {"model": "news-assistant", "stream": True, "messages": [{"role": "user", "content": WAGNER}]}
    with httpx.stream("POST", f"{live_server}/v1/chat/completions", json=body, timeout=180) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        raw = r.read().decode()
    events = [e for e in raw.split("\n\n") if e]
    assert all(e.startswith("data: ") for e in events)
    assert events[-1] == "data: [DONE]"
    final = json.loads(events[-2].removeprefix("data: "))
    assert final["choices"][0]["finish_reason"] == "stop" and final["citations"]


@pytest.mark.parametrize(
    "messages",
    [
        [],
        [{"role": "user", "content": ""}],
        [{"role": "user", "content": WAGNER}, {"role": "assistant", "content": "An answer."}],
        [{"role": "wizard", "content": WAGNER}],
    ],
)
def test_bad_requests_are_422(client: openai.OpenAI, messages: list) -> None:
    with pytest.raises(openai.UnprocessableEntityError) as err:
        client.chat.completions.create(model="news-assistant", messages=messages)
    assert isinstance(err.value.body, dict) and err.value.body.get("message")


def test_too_long_question_is_413(client: openai.OpenAI) -> None:
    with pytest.raises(openai.APIStatusError) as err:
        client.chat.completions.create(model="news-assistant", messages=[{"role": "user", "content": "x" * 5000}])
    assert err.value.status_code == 413
    assert "limit" in str(err.value)


def test_too_long_question_stream_is_413_before_streaming(client: openai.OpenAI) -> None:
    with pytest.raises(openai.APIStatusError) as err:
        client.chat.completions.create(
            model="news-assistant", messages=[{"role": "user", "content": "x" * 5000}], stream=True
        )
    assert err.value.status_code == 413
