"""Request and response bodies of the /api routes, so the OpenAPI docs describe exactly what goes over HTTP."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from assistant.schemas import Filters, Turn
from assistant.settings import MAX_TOP_K


class QueryRequest(BaseModel):
    """POST /api/query: one question, with the conversation so far for follow-ups."""

    question: str = Field(
        description="The question; follow-ups may say 'he' or 'it'.", examples=["Who founded Wagner?"]
    )
    history: list[Turn] = Field(default_factory=list, max_length=100, description="Earlier turns, oldest first.")
    top_k: int | None = Field(None, ge=1, le=MAX_TOP_K, description="Passages to retrieve (default from settings).")
    filters: Filters | None = Field(None, description="Date range and source domains.")
    as_of: date | None = Field(
        None, description="The day the question is asked (default today); newer articles up to it rank higher."
    )


class ArticleSummary(BaseModel):
    """One row of the article listing."""

    id: str
    title: str
    url: str
    date: str
    chunk_count: int


class ArticlePage(BaseModel):
    """GET /api/articles: a page of articles, newest date first."""

    total: int
    offset: int
    limit: int
    items: list[ArticleSummary]


class ArticleDetail(ArticleSummary):
    """GET /api/articles/{id}: the stored text that citation start/end slice exactly."""

    source: str
    urls: list[str]
    updated_at: float
    text: str


class IndexResult(BaseModel):
    """POST /api/index: the update report, plus the names of the files this request saved."""

    added: int
    updated: int
    removed: int
    unchanged: int
    duplicates: int
    chunks: int
    seconds: float
    dry_run: bool
    errors: list[str]
    notes: list[str]
    skipped: list[str] = Field(default_factory=list, description="Inputs passed over on purpose, with the reason.")
    uploaded: list[str] = Field(default_factory=list)


class JobView(BaseModel):
    """An index job: POST /api/index answers 202 with it; GET /api/jobs/{job_id} follows it to done."""

    job_id: str
    kind: str = Field(description="update or delete")
    state: str = Field(description="queued, running, done or failed")
    stage: str = Field(description="loading, chunking, embedding, lexical index or publishing")
    done: int = Field(description="Items done in this stage (chunks while embedding).")
    total: int = Field(description="Items in this stage; 0 while not known yet.")
    added: int
    updated: int
    removed: int
    errors: list[str]
    created: float
    started: float | None
    ended: float | None
    eta_s: float | None = Field(description="Seconds left in this stage at its rate so far.")
    report: dict | None = Field(description="The update report once the job has ended.")
    uploaded: list[str] = Field(default_factory=list, description="Files this request saved.")


class FeedRequest(BaseModel):
    """POST /api/feeds."""

    url: str = Field(description="An RSS 2.0, Atom or JSON Feed url (http or https).")
    every: str | int | None = Field(None, description='Time between polls: "30m", "2h", "1d" or seconds.')


class FeedView(BaseModel):
    """A followed feed and the state of its polling (times are epoch seconds)."""

    id: str
    url: str
    every_s: int
    title: str
    etag: str
    last_modified: str
    last_polled: float | None
    last_ok: float | None
    last_error: str = Field(description="The last poll's problems, '' when it went well.")
    failures: int = Field(description="Polls failed in a row; a failing feed is retried with backoff.")
    next_due: float
    items: int = Field(description="Stories this feed has brought.")


class RefreshRequest(BaseModel):
    """POST /api/feeds/refresh: which feeds (default all)."""

    feed_ids: list[str] | None = None


class RefreshView(BaseModel):
    """The job that polls and indexes (null when there was no feed to poll)."""

    job: JobView | None


class Health(BaseModel):
    """GET /api/health: what is indexed, how answers are made, and whether the models are loaded."""

    status: str
    ready: bool = Field(True, description="False while the model and indexes load at start-up.")
    articles: int
    chunks: int
    updated_at: str | None = Field(description="Last index change, ISO 8601 UTC; null before the first update.")
    embed_model: str
    answer_mode: str
