"""The /api/feeds routes: follow, list, stop following and refresh feeds, each through the one FeedService."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from assistant.api.index_routes import Indexing, job_view, require_token
from assistant.api.models import FeedRequest, FeedView, RefreshRequest, RefreshView
from assistant.indexing.feeds import FeedService

router = APIRouter(prefix="/api/feeds", tags=["feeds"])


def get_feeds(request: Request) -> FeedService:
    """The one feed service create_app built."""
    feeds: FeedService = request.app.state.feeds
    return feeds


Feeds = Annotated[FeedService, Depends(get_feeds)]


@router.post(
    "", response_model=FeedView, status_code=201, dependencies=[Depends(require_token)], summary="Follow a feed"
)
def add_feed(body: FeedRequest, feeds: Feeds) -> FeedView:
    """RSS 2.0, Atom or JSON Feed; polled now and then every `every` (e.g. "30m"); 422 for a bad url or interval."""
    try:
        return FeedView(**asdict(feeds.add(body.url, body.every)))
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


@router.get("", response_model=list[FeedView], summary="Followed feeds and how their polls went")
def list_feeds(feeds: Feeds) -> list[FeedView]:
    """Each feed with its last poll, last error, consecutive failures and next due time."""
    return [FeedView(**asdict(feed)) for feed in feeds.feeds()]


@router.delete("/{feed_id}", status_code=204, dependencies=[Depends(require_token)], summary="Stop following a feed")
def remove_feed(feed_id: str, feeds: Feeds) -> Response:
    """The stories it brought stay indexed; 404 for an unknown id."""
    if not feeds.remove(feed_id):
        raise HTTPException(404, f"no feed with id {feed_id!r}")
    return Response(status_code=204)


@router.post(
    "/refresh", response_model=RefreshView, status_code=202, dependencies=[Depends(require_token)],
    summary="Poll feeds now and index their new stories (a background job)",
)
def refresh_feeds(
    feeds: Feeds,
    indexing: Indexing,
    response: Response,
    body: RefreshRequest | None = None,
    wait: Annotated[bool, Query(description="Answer when the poll and its update have finished (200).")] = False,
) -> RefreshView:
    """Polls the given feeds (default: all) as one index job; 409 while another update runs."""
    try:
        polls = feeds.refresh(body.feed_ids if body else None)
    except KeyError as exc:
        raise HTTPException(404, f"no feed with id {exc.args[0]}") from None
    if polls.job is None:
        response.status_code = 200
        return RefreshView(job=None)
    if wait:
        indexing.wait(polls.job)
        response.status_code = 200
    return RefreshView(job=job_view(indexing, polls.job))
