"""Wire the application from one settings object: the service, and the web app over it."""

from __future__ import annotations

import sys
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TYPE_CHECKING

from assistant import __version__
from assistant.answer.forms import lemmas
from assistant.indexing.service import IndexService
from assistant.service import AnswerService
from assistant.settings import Settings
from index.handles import IndexHandles
from index.owner import Owner, claim

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.generative.answerer import GenerativeAnswerer
    from assistant.indexing.feeds import FeedService

WARM_UP_QUESTION = "What happened today?"


def build_service(settings: Settings, handles: IndexHandles | None = None) -> AnswerService:
    """The answer service over the index the settings point at (or over `handles` already open, their model
    already loaded), with the answer engine the settings choose."""
    handles = handles or IndexHandles(settings)
    return AnswerService(settings, handles, generator=make_generator(settings, handles))


def make_generator(settings: Settings, handles: IndexHandles) -> GenerativeAnswerer | None:
    """The generative engine answer_mode names (None: the extractive engine answers alone); each backend's heavy
    imports stay in its branch, and a misconfigured backend is reported with every answer."""
    match settings.answer_mode:
        case "extractive":
            return None
        case "openai":
            from assistant.generative.answerer import GenerativeAnswerer
            from assistant.generative.openai_backend import make_openai_llm

            return GenerativeAnswerer.build(settings, "openai", make_openai_llm, handles.embedder)
        case "local":
            from assistant.generative.answerer import GenerativeAnswerer
            from assistant.generative.local_backend import make_local_llm

            return GenerativeAnswerer.build(settings, "local", make_local_llm, handles.embedder)


# --- web server (HTTP API + chat UI) -------------------------------------------------------------------------


def _say_waiting(owner: Owner | None) -> None:
    who = owner.describe() if owner else "another process"
    print(f"waiting for {who} to close the index before serving it…", file=sys.stderr, flush=True)

def create_app(settings: Settings, handles: IndexHandles | None = None) -> FastAPI:
    """The one web app: /api and /v1 routes, OpenAPI docs at /docs, the chat UI mounted at "/" over one service
    (over `handles` when given: an index already open, so a host process shares the model it has loaded)."""
    from fastapi import FastAPI

    from assistant.api import feed_routes, index_routes, openai_compat, routes
    from assistant.api.errors import install_error_handlers
    from assistant.api.upload_guard import UploadSizeGuard
    from assistant.indexing.feeds import FeedService
    from assistant.indexing.uploads import MAX_UPLOAD_FILES
    from assistant.ui.chat import mount_ui

    if not settings.chroma_host:  # this server owns the embedded store; CLI commands send their requests here
        claim(settings.data_dir, "server", settings.server.public_url, on_wait=_say_waiting)
    service = build_service(settings, handles)
    for problem in service.handles.problems():  # served anyway: /api/health says 503 until the server returns
        print(f"error: {problem}", file=sys.stderr, flush=True)
    indexing = IndexService(settings, service.handles)
    feeds = FeedService(indexing)
    app = FastAPI(
        title="News Assistant",
        version=__version__,
        description="Ask questions about your news articles; every answer cites the exact passages it came from.",
        lifespan=_lifespan(service, indexing, feeds),
    )
    app.state.settings = settings
    app.state.service = service
    app.state.indexing = indexing
    app.state.feeds = feeds
    app.state.ready = False
    install_error_handlers(app)
    upload_bytes = settings.server.max_upload_bytes * min(MAX_UPLOAD_FILES, 4)
    app.add_middleware(UploadSizeGuard, path="/api/index", limit=upload_bytes)
    app.include_router(routes.router)
    app.include_router(index_routes.router)
    app.include_router(feed_routes.router)
    app.include_router(openai_compat.router)
    return mount_ui(app, service, indexing)  # last: the UI's mount at "/" must not shadow the routes above


def _lifespan(
    service: AnswerService, indexing: IndexService, feeds: FeedService
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Start-up: load the model and indexes in the background (the first question is as fast as the second),
    poll feeds on their schedule and, with ASSISTANT_WATCH, watch the articles folder; shut-down: stop both."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from assistant.indexing.feeds import run_schedule

        stop = threading.Event()
        threading.Thread(target=_warm_up, args=(app, service), name="warm-up", daemon=True).start()
        threading.Thread(target=run_schedule, args=(feeds, stop), name="feeds", daemon=True).start()
        if service.settings.watch:
            from assistant.indexing.watch import watch_folder

            threading.Thread(target=watch_folder, args=(indexing, stop), name="watch", daemon=True).start()
        yield
        stop.set()

    return lifespan


def _warm_up(app: FastAPI, service: AnswerService) -> None:
    """Answer one question once, so every model and index is loaded before the first user asks; the word-form tables
    too (asked.lemmas, half a second), which only a question of a word or two beyond its names reads."""
    try:
        lemmas("loaded")
        service.ask(WARM_UP_QUESTION)
    except Exception as exc:  # an empty or broken index still serves; /api/health says what it can
        print(f"warm-up: {exc}", file=sys.stderr)
    finally:
        app.state.ready = True
