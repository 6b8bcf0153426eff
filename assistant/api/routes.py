"""The /api routes: each one validates its input, calls one service or index function, and returns its result."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, File, Header, HTTPException, Query, Request, UploadFile

from assistant.api.indexing import exclusive, run_update
from assistant.api.models import ArticleDetail, ArticlePage, ArticleSummary, Health, IndexResult, QueryRequest
from assistant.api.uploads import save_uploads, upload_limit
from assistant.schemas import AnswerResponse
from assistant.service import AnswerService
from assistant.settings import Settings
from index.loaders import SUPPORTED
from index.store import ArticleStore

router = APIRouter(prefix="/api", tags=["assistant"])


def get_service(request: Request) -> AnswerService:
    """The one answer service create_app built (its settings and index handles come with it)."""
    service: AnswerService = request.app.state.service
    return service


Service = Annotated[AnswerService, Depends(get_service)]


def _store(service: AnswerService) -> ArticleStore:
    return service.handles.store


def _settings(service: AnswerService) -> Settings:
    return service.settings


def iso_time(epoch: str) -> str | None:
    """A stored epoch-seconds string as ISO 8601 UTC, or None when the index was never written."""
    try:
        return dt.datetime.fromtimestamp(float(epoch), tz=dt.UTC).isoformat(timespec="seconds")
    except ValueError:
        return None


@router.post("/query", response_model=AnswerResponse, summary="Answer a question with cited passages")
def query(body: QueryRequest, service: Service) -> AnswerResponse:
    """The same object as `assistant ask --json`; 422 for an empty question, 413 for one over the limit."""
    return service.ask(body.question, body.history, body.top_k, body.filters, body.as_of)


@router.get("/articles", response_model=ArticlePage, summary="List indexed articles")
def list_articles(
    service: Service,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ArticlePage:
    """A page of articles (newest date first) without their text."""
    store = _store(service)
    total, _ = store.counts()
    items = [
        ArticleSummary(id=a.id, title=a.title, url=a.url, date=a.date, chunk_count=a.chunk_count)
        for a in store.list_articles(offset, limit)
    ]
    return ArticlePage(total=total, offset=offset, limit=limit, items=items)


@router.get("/articles/{article_id:path}", response_model=ArticleDetail, summary="One article with its text")
def get_article(article_id: str, service: Service) -> ArticleDetail:
    """The stored text and metadata; a citation's `quote == text[start:end]`."""
    article = _store(service).get(article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    return ArticleDetail(
        id=article.id, title=article.title, url=article.url, date=article.date, chunk_count=article.chunk_count,
        source=article.source, urls=article.urls, updated_at=article.updated_at, text=article.text,
    )


def require_token(
    service: Service, authorization: Annotated[str | None, Header(description="Bearer <ASSISTANT_API_TOKEN>")] = None
) -> None:
    """Write endpoints need the bearer token when ASSISTANT_API_TOKEN is set (401 otherwise)."""
    token = _settings(service).api_token
    if token and not (authorization and hmac.compare_digest(authorization, f"Bearer {token}")):
        raise HTTPException(401, "this endpoint needs 'Authorization: Bearer <token>' (ASSISTANT_API_TOKEN)")


@router.post(
    "/index",
    response_model=IndexResult,
    summary="Upload articles and update the index",
    dependencies=[Depends(require_token)],
)
def update(
    service: Service,
    files: Annotated[list[UploadFile] | None, File(description=f"Article files ({' '.join(SUPPORTED)})")] = None,
    allow_removal: Annotated[
        bool, Query(description="Go ahead with an update that would remove much of the collection (safety stop).")
    ] = False,
) -> IndexResult:
    """Save the uploads into the articles folder, then run the incremental update; 409 while one is running or
    when the safety stop refuses it (nothing written then)."""
    settings = _settings(service)
    with exclusive(settings.data_dir):
        saved = save_uploads([(f.filename, f.file) for f in files or []], settings.articles_dir, upload_limit(settings))
        report = run_update(service.handles, locked=True, allow_removal=allow_removal)
    if report.refused:
        raise HTTPException(409, report.refused)
    fields = {k: v for k, v in report.as_dict().items() if k in IndexResult.model_fields}
    return IndexResult(**fields, uploaded=[p.name for p in saved])  # type: ignore[arg-type]


@router.get("/health", response_model=Health, summary="Index size and answer mode")
def health(service: Service) -> Health:
    """Cheap enough for a load balancer: two counts and a meta read."""
    store, settings = _store(service), _settings(service)
    articles, chunks = store.counts()
    return Health(
        status="ok", articles=articles, chunks=chunks, updated_at=iso_time(store.get_meta("updated_at")),
        embed_model=store.get_meta("embed_model") or settings.embed_model, answer_mode=settings.answer_mode,
    )
