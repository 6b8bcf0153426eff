"""POST /v1/chat/completions: the answer service behind OpenAI's wire format, so existing clients just work."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.api.routes import Service
from assistant.schemas import AnswerResponse, Filters, Turn
from assistant.settings import MAX_TOP_K

router = APIRouter(prefix="/v1", tags=["openai-compatible"])
MODEL_NAME = "news-assistant"


class ChatMessage(BaseModel):
    """One message; content may be a string or OpenAI's list of typed parts (only text parts are read)."""

    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        """The message's text, with content parts joined."""
        if isinstance(self.content, list):
            return "\n".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    """The subset of OpenAI's request that matters here; sampling knobs are accepted and ignored."""

    model_config = ConfigDict(extra="allow")

    messages: list[ChatMessage] = Field(min_length=1)
    model: str = MODEL_NAME
    stream: bool = False
    top_k: int | None = Field(None, ge=1, le=MAX_TOP_K, description="Extension: passages to retrieve.")
    filters: Filters | None = Field(None, description="Extension: date range and source domains.")


def split_messages(messages: list[ChatMessage]) -> tuple[str, list[Turn]]:
    """The last user message is the question; earlier user/assistant messages are the history."""
    if messages[-1].role != "user":
        raise HTTPException(status_code=422, detail="the last message must have role 'user' (it is the question)")
    history = [Turn(role=m.role, content=m.text()) for m in messages[:-1] if m.role in ("user", "assistant")]
    return messages[-1].text(), history


def _citations(response: AnswerResponse) -> list[dict[str, Any]]:
    return [c.model_dump() for c in response.citations]


def _usage(question: str, history: list[Turn], answer: str) -> dict[str, int]:
    """Whitespace word counts: there is no LLM tokenizer, but clients expect the field."""
    prompt = len(question.split()) + sum(len(t.content.split()) for t in history)
    completion = len(answer.split())
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _envelope(kind: str, model: str, completion_id: str, created: int) -> dict[str, Any]:
    return {"id": completion_id, "object": kind, "created": created, "model": model, "system_fingerprint": None}


def completion(body: ChatRequest, question: str, history: list[Turn], response: AnswerResponse) -> dict[str, Any]:
    """A `chat.completion` object, with the citations and refusal flag as extra top-level fields."""
    out = _envelope("chat.completion", body.model, f"chatcmpl-{uuid.uuid4().hex}", int(time.time()))
    out["choices"] = [
        {"index": 0, "message": {"role": "assistant", "content": response.answer}, "finish_reason": "stop",
         "logprobs": None}
    ]
    out |= {"usage": _usage(question, history, response.answer), "citations": _citations(response),
            "refused": response.refused}
    return out


def _chain(first: str | AnswerResponse, rest: Iterator[str | AnswerResponse]) -> Iterator[str | AnswerResponse]:
    yield first
    yield from rest


def _sse(payload: dict[str, Any] | str) -> str:
    data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return f"data: {data}\n\n"


def stream_chunks(
    body: ChatRequest, first: str | AnswerResponse, rest: Iterator[str | AnswerResponse]
) -> Iterator[str]:
    """`chat.completion.chunk` events: role, text pieces, then a finish chunk carrying citations, then [DONE]."""
    head = _envelope("chat.completion.chunk", body.model, f"chatcmpl-{uuid.uuid4().hex}", int(time.time()))

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
        return _sse(head | {"choices": [choice]} | extra)

    yield chunk({"role": "assistant", "content": ""})
    for item in _chain(first, rest):
        if isinstance(item, AnswerResponse):
            yield chunk({}, "stop", citations=_citations(item), refused=item.refused)
        else:
            yield chunk({"content": item})
    yield _sse("[DONE]")


@router.post("/chat/completions", summary="OpenAI-compatible chat completion (stream or not)", response_model=None)
def chat_completions(body: ChatRequest, service: Service) -> dict[str, Any] | StreamingResponse:
    """Answer the last user message; `stream: true` sends server-sent events in OpenAI's chunk format."""
    question, history = split_messages(body.messages)
    if not body.stream:
        return completion(body, question, history, service.ask(question, history, body.top_k, body.filters))
    pieces = service.ask_stream(question, history, body.top_k, body.filters)
    first = next(pieces)  # runs retrieval here, so a bad question is still a plain 422/413, not a broken stream
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(stream_chunks(body, first, pieces), media_type="text/event-stream", headers=headers)


@router.get("/models", summary="OpenAI-compatible model list (many front ends ask for it first)")
def list_models() -> dict[str, Any]:
    """The one model this server answers as."""
    model = {"id": MODEL_NAME, "object": "model", "created": 0, "owned_by": "news-assistant"}
    return {"object": "list", "data": [model]}
