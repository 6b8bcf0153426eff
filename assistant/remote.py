"""CLI requests sent to the running server that owns the embedded index, so two processes never open one store."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import fields

import httpx

from assistant.schemas import AnswerResponse
from assistant.service import InvalidQuestion, QuestionTooLong
from assistant.settings import Settings
from index.owner import Owner, owner_of
from index.prepare import Progress
from index.report import UpdateReport

QUERY_TIMEOUT_S = 120.0
POLL_S = 0.5  # how often a CLI update through the server asks for its job's progress


class RemoteError(RuntimeError):
    """The server answered with an error the CLI cannot turn into a result."""


def serving_owner(settings: Settings) -> Owner | None:
    """The server that owns this embedded index right now, if one does (None in Chroma server mode)."""
    if settings.chroma_host:
        return None
    owner = owner_of(settings.data_dir)
    return owner if owner and owner.url else None


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", response.text))
    except ValueError:
        return response.text


def ask(url: str, question: str, top_k: int | None, as_of: dt.date | None) -> AnswerResponse:
    """POST /api/query; the server's 413/422 become the same errors the local service raises."""
    body = {"question": question, "top_k": top_k, "as_of": as_of.isoformat() if as_of else None}
    try:
        response = httpx.post(f"{url}/api/query", json=body, timeout=QUERY_TIMEOUT_S)
    except httpx.HTTPError as exc:
        raise RemoteError(f"the server at {url} did not answer: {exc}") from exc
    if response.status_code == 413:
        raise QuestionTooLong(_detail(response))
    if response.status_code == 422:
        raise InvalidQuestion(_detail(response))
    if response.status_code != 200:
        raise RemoteError(f"the server at {url} answered {response.status_code}: {_detail(response)}")
    return AnswerResponse.model_validate(response.json())


def _follow(url: str, job: dict, progress: Progress | None) -> dict:
    """Poll a job of the server to its end, drawing its progress; returns its last view."""
    while job["ended"] is None:
        if progress is not None and job["stage"]:
            progress(job["stage"], job["done"], job["total"])
        time.sleep(POLL_S)
        job = httpx.get(f"{url}/api/jobs/{job['job_id']}", timeout=QUERY_TIMEOUT_S).json()
    return job


def refresh_feeds(url: str, token: str | None, feed_ids: list[str] | None, progress: Progress | None) -> dict:
    """POST /api/feeds/refresh and follow its job; the job's report (or an empty one when no feed was due)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        response = httpx.post(
            f"{url}/api/feeds/refresh", json={"feed_ids": feed_ids}, headers=headers, timeout=QUERY_TIMEOUT_S
        )
        if response.status_code not in (200, 202):
            raise RemoteError(f"the server at {url} answered {response.status_code}: {_detail(response)}")
        job = response.json()["job"]
        job = _follow(url, job, progress) if job else None
    except httpx.HTTPError as exc:
        raise RemoteError(f"the server at {url} did not answer: {exc}") from exc
    return (job or {}).get("report") or {"errors": (job or {}).get("errors", [])}


def update(url: str, token: str | None, progress: Progress | None = None) -> UpdateReport:
    """POST /api/index with no uploads: the server updates from its articles folder, the one the CLI would read,
    as a job that this follows (GET /api/jobs/{id}) to its end, drawing its progress."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        response = httpx.post(f"{url}/api/index", headers=headers, timeout=QUERY_TIMEOUT_S)
        if response.status_code != 202:
            raise RemoteError(f"the server at {url} answered {response.status_code}: {_detail(response)}")
        job = _follow(url, response.json(), progress)
    except httpx.HTTPError as exc:
        raise RemoteError(f"the server at {url} did not answer: {exc}") from exc
    body = job["report"] or {"errors": job["errors"]}
    if body.get("refused"):
        raise RemoteError(f"the server at {url} refused the update: {body['refused']}")
    return UpdateReport(**{f.name: body[f.name] for f in fields(UpdateReport) if f.name in body})
