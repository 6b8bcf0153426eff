"""The /api routes: each one validates its input, calls one service or index function, and returns its result."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from assistant.api.models import ArticleDetail, ArticlePage, ArticleSummary, Health, QueryRequest
from assistant.schemas import AnswerResponse
from assistant.service import AnswerService
from assistant.settings import Settings
from index.stores import Store

router = APIRouter(prefix="/api", tags=["assistant"])


def get_service(request: Request) -> AnswerService:
    """The one answer service create_app built (its settings and index handles come with it)."""
    service: AnswerService = request.app.state.service
    return service


Service = Annotated[AnswerService, Depends(get_service)]


def _store(service: AnswerService) -> Store:
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


@router.get("/health", response_model=Health, summary="Index size and answer mode")
def health(service: Service, request: Request) -> Health:
    """Cheap enough for a load balancer: two counts and a meta read. 503 naming the database or Chroma server
    that is down, so a load balancer sends questions to another replica until it returns."""
    if problems := service.handles.problems():
        raise HTTPException(status_code=503, detail="; ".join(problems))
    store, settings = _store(service), _settings(service)
    articles, chunks = store.counts()
    ready = bool(getattr(request.app.state, "ready", True))
    return Health(
        status="ok" if ready else "starting", ready=ready, articles=articles, chunks=chunks,
        updated_at=iso_time(store.get_meta("updated_at")),
        embed_model=store.get_meta("embed_model") or settings.embed_model, answer_mode=settings.answer_mode,
    )
