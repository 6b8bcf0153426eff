"""The /api write routes: each calls the one IndexService (updates as jobs, uploads, deletes) and holds no logic."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, File, Header, HTTPException, Query, Request, Response, UploadFile

from assistant.api.models import IndexResult, JobView
from assistant.indexing.jobs import Job
from assistant.indexing.service import IndexService
from index.loaders import SUPPORTED

router = APIRouter(prefix="/api", tags=["index"])


def get_indexing(request: Request) -> IndexService:
    """The one index service create_app built."""
    indexing: IndexService = request.app.state.indexing
    return indexing


Indexing = Annotated[IndexService, Depends(get_indexing)]


def require_token(
    indexing: Indexing,
    authorization: Annotated[str | None, Header(description="Bearer <ASSISTANT_SERVER__API_TOKEN>")] = None,
) -> None:
    """Write endpoints need the bearer token when ASSISTANT_SERVER__API_TOKEN is set (401 otherwise)."""
    token = indexing.settings.server.api_token
    if token and not (authorization and hmac.compare_digest(authorization, f"Bearer {token}")):
        raise HTTPException(401, "this endpoint needs 'Authorization: Bearer <token>' (ASSISTANT_SERVER__API_TOKEN)")


def job_view(indexing: IndexService, job: Job, uploaded: list[str] | None = None) -> JobView:
    body = job.view()
    body["errors"] = [indexing.public(e) for e in body["errors"]]
    body["report"] = indexing.public_report(body["report"]) if body["report"] else None
    return JobView(**body, uploaded=uploaded or [])


def index_result(indexing: IndexService, report: dict, uploaded: list[str] | None = None) -> IndexResult:
    """An update report as the API returns it: its fields, without server paths, and the files saved."""
    public = indexing.public_report(report)
    fields = {k: v for k, v in public.items() if k in IndexResult.model_fields}
    return IndexResult.model_validate(fields | {"uploaded": uploaded or []})


@router.post(
    "/index",
    response_model=JobView | IndexResult,
    status_code=202,
    summary="Upload articles and update the index (a background job)",
    dependencies=[Depends(require_token)],
    responses={200: {"model": IndexResult, "description": "wait=true: the finished update's report"}},
)
def update(
    indexing: Indexing,
    response: Response,
    files: Annotated[list[UploadFile] | None, File(description=f"Article files ({' '.join(SUPPORTED)})")] = None,
    wait: Annotated[bool, Query(description="Answer when the update has finished, with its report (200).")] = False,
    allow_removal: Annotated[
        bool, Query(description="Go ahead with an update that would remove much of the collection (safety stop).")
    ] = False,
) -> JobView | IndexResult:
    """Check and save the uploads into the articles folder, then update the index as a job: 202 with its
    `job_id` (follow it at /api/jobs/{job_id}); 409 while another update runs; 422/413 for refused files."""
    job, saved = indexing.submit([(f.filename, f.file) for f in files or []], allow_removal=allow_removal)
    uploaded = [p.name for p in saved]
    if not wait:
        return job_view(indexing, job, uploaded)
    indexing.wait(job)
    if job.report is None or job.error:
        raise HTTPException(409 if job.report and job.report.get("refused") else 500, indexing.public(job.error))
    response.status_code = 200
    return index_result(indexing, job.report, uploaded)


@router.get("/jobs", response_model=list[JobView], summary="Recent index jobs, newest first")
def list_jobs(indexing: Indexing) -> list[JobView]:
    """The running job (if any) and the last finished ones."""
    return [job_view(indexing, job) for job in indexing.jobs.list()]


@router.get("/jobs/{job_id}", response_model=JobView, summary="One index job's state and progress")
def get_job(job_id: str, indexing: Indexing) -> JobView:
    """State, stage, done/total, counts, errors and the time left; the report once it has ended."""
    job = indexing.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no index job with id {job_id!r}")
    return job_view(indexing, job)


@router.delete(
    "/articles/{article_id:path}",
    response_model=IndexResult,
    summary="Delete an article from the index",
    dependencies=[Depends(require_token)],
)
def delete_article(article_id: str, indexing: Indexing) -> IndexResult:
    """Removes the article; its own file moves out of the articles folder (kept under the data folder's
    `deleted/`), so the next scan does not add it back. 404 unknown id, 409 when its file holds others too."""
    try:
        report = indexing.delete(article_id)
    except KeyError:
        raise HTTPException(404, f"no article with id {article_id!r}") from None
    return index_result(indexing, report.as_dict())
