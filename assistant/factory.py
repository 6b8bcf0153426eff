"""Wire the application from one settings object: the service, and the web app over it."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from assistant import __version__
from assistant.service import AnswerService
from assistant.settings import Settings
from index.handles import IndexHandles
from index.owner import Owner, claim

if TYPE_CHECKING:
    from fastapi import FastAPI


def build_service(settings: Settings) -> AnswerService:
    """The answer service over the index the settings point at, with the answer engine the settings choose."""
    handles = IndexHandles(settings)
    generator = None
    if settings.answer_mode != "extractive":  # heavy LLM imports only in this branch
        from assistant.generative.answerer import GenerativeAnswerer

        generator = GenerativeAnswerer.from_settings(settings, handles.embedder)
    return AnswerService(settings, handles, generator=generator)


# --- web server (HTTP API + chat UI) -------------------------------------------------------------------------


def _say_waiting(owner: Owner | None) -> None:
    who = owner.describe() if owner else "another process"
    print(f"waiting for {who} to close the index before serving it…", file=sys.stderr, flush=True)

def create_app(settings: Settings) -> FastAPI:
    """The one web app: /api and /v1 routes, OpenAPI docs at /docs, the chat UI mounted at "/" over one service."""
    from fastapi import FastAPI

    from assistant.api import openai_compat, routes
    from assistant.api.errors import install_error_handlers
    from assistant.api.uploads import MAX_UPLOAD_FILES, UploadSizeGuard, upload_limit
    from assistant.ui.chat import mount_ui

    if not settings.chroma_host:  # this server owns the embedded store; CLI commands send their requests here
        claim(settings.data_dir, "server", settings.public_url, on_wait=_say_waiting)
    service = build_service(settings)
    app = FastAPI(
        title="News Assistant",
        version=__version__,
        description="Ask questions about your news articles; every answer cites the exact passages it came from.",
    )
    app.state.settings = settings
    app.state.service = service
    install_error_handlers(app)
    app.add_middleware(UploadSizeGuard, path="/api/index", limit=upload_limit(settings) * min(MAX_UPLOAD_FILES, 4))
    app.include_router(routes.router)
    app.include_router(openai_compat.router)
    return mount_ui(app, service)  # last: the UI's mount at "/" must not shadow the routes above
