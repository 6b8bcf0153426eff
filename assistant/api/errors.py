"""Every error leaves the server as JSON {"detail": "one clear sentence"} with the status that fits it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.indexing.jobs import IndexBusy
from assistant.indexing.service import CannotDelete
from assistant.indexing.uploads import UploadRejected
from assistant.service import InvalidQuestion, QuestionTooLong
from index.stores import StoreUnavailable
from index.vectors import VectorStoreUnavailable

_HIDDEN_LOC = {"body", "query", "path", "header", "form", "file"}


def error_response(request: Request, status: int, message: str) -> JSONResponse:
    """{"detail": message}; OpenAI-style clients under /v1 also get the {"error": {...}} shape they parse."""
    body: dict[str, object] = {"detail": message}
    if request.url.path.startswith("/v1/"):
        kind = "invalid_request_error" if status < 500 else "server_error"
        body["error"] = {"message": message, "type": kind, "param": None, "code": str(status)}
    return JSONResponse(body, status_code=status)


def validation_message(exc: RequestValidationError) -> str:
    """Pydantic's error list as one line: 'top_k: Input should be less than or equal to 50'."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in _HIDDEN_LOC)
        msg = str(err.get("msg", "invalid value"))
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts) or "invalid request"


Handler = Callable[[Request, Exception], Awaitable[JSONResponse]]


def _fixed(status: int) -> Handler:
    async def handle(request: Request, exc: Exception) -> JSONResponse:
        return error_response(request, status, str(exc))

    return handle


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(request, 422, validation_message(exc))


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    response = error_response(request, exc.status_code, str(exc.detail))
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


async def _upload(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UploadRejected)
    return error_response(request, exc.status, str(exc))


async def _busy(request: Request, exc: Exception) -> JSONResponse:
    """409 naming the running job, so a client can follow it instead of retrying blindly."""
    assert isinstance(exc, IndexBusy)
    response = error_response(request, 409, str(exc))
    if exc.job_id:
        response = JSONResponse({"detail": str(exc), "job_id": exc.job_id}, status_code=409)
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Map the service's and the API's exceptions to status codes, once, for every route."""
    app.add_exception_handler(InvalidQuestion, _fixed(422))
    app.add_exception_handler(QuestionTooLong, _fixed(413))
    app.add_exception_handler(IndexBusy, _busy)
    app.add_exception_handler(CannotDelete, _fixed(409))
    app.add_exception_handler(StoreUnavailable, _fixed(503))  # a database or Chroma server that is down
    app.add_exception_handler(VectorStoreUnavailable, _fixed(503))
    app.add_exception_handler(UploadRejected, _upload)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
