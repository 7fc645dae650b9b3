"""Core exceptions become HTTP errors here, and only here.

Every error body carries a one-line message: `{"detail": "..."}` on the `/v1` API, and
OpenAI's `{"error": {"message": ...}}` on the OpenAI-compatible routes so that OpenAI
clients show it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.intake import DocumentTooLargeError, IntakeError, UnknownDocumentError
from assistant.jobs import UnknownJobError
from index.data_dir import IndexBusyError
from index.loaders import UnsupportedDocumentError
from index.safe_parse import ParserBusyError

logger = logging.getLogger(__name__)

OPENAI_PATHS = ("/v1/chat/", "/v1/models")

# Most specific first: DocumentTooLargeError is an IntakeError.
CORE_ERRORS: list[tuple[type[Exception], int]] = [
    (DocumentTooLargeError, status.HTTP_413_CONTENT_TOO_LARGE),
    (UnsupportedDocumentError, status.HTTP_415_UNSUPPORTED_MEDIA_TYPE),
    (IntakeError, status.HTTP_400_BAD_REQUEST),
    (UnknownDocumentError, status.HTTP_404_NOT_FOUND),
    (UnknownJobError, status.HTTP_404_NOT_FOUND),
    (IndexBusyError, status.HTTP_409_CONFLICT),
    (ParserBusyError, status.HTTP_503_SERVICE_UNAVAILABLE),
]


def error_response(
    request: Request, status_code: int, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body: dict[str, Any]
    if request.url.path.startswith(OPENAI_PATHS):
        kind = "invalid_request_error" if status_code < 500 else "server_error"
        body = {"error": {"message": message, "type": kind, "param": None, "code": status_code}}
    else:
        body = {"detail": message}
    return JSONResponse(body, status_code=status_code, headers=dict(headers or {}))


def _location(loc: tuple[Any, ...]) -> str:
    if loc and loc[0] in ("body", "query", "path", "header") and len(loc) > 1:
        loc = loc[1:]
    return ".".join(str(part) for part in loc) or "body"


def validation_message(error: RequestValidationError) -> tuple[int, str]:
    """The status and one-line message of a request that did not validate."""
    problems = list(error.errors())
    invalid = [p for p in problems if p.get("type") == "json_invalid"]
    if invalid:
        reason = str(invalid[0].get("ctx", {}).get("error", ""))
        return status.HTTP_400_BAD_REQUEST, f"malformed JSON body: {reason}".rstrip(": ")
    if [tuple(p.get("loc", ())) for p in problems] == [("body",)]:
        missing = problems[0].get("type") == "missing"
        return status.HTTP_422_UNPROCESSABLE_CONTENT, (
            "a JSON body is required" if missing
            else "the body must be a JSON object (Content-Type: application/json)"
        )  # fmt: skip
    messages = [
        f"{_location(tuple(p.get('loc', ())))}: {p.get('msg', 'invalid')}" for p in problems
    ]
    return status.HTTP_422_UNPROCESSABLE_CONTENT, "; ".join(messages[:5]) or "invalid request"


async def _on_validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    status_code, message = validation_message(error)
    return error_response(request, status_code, message)


async def _on_http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    return error_response(request, error.status_code, str(error.detail), error.headers)


async def _on_core_error(request: Request, error: Exception) -> JSONResponse:
    for kind, status_code in CORE_ERRORS:
        if isinstance(error, kind):
            message = str(error.args[0]) if isinstance(error, KeyError) else str(error)
            return error_response(request, status_code, message)
    return await _on_unexpected(request, error)


async def _on_unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(
        request, status.HTTP_500_INTERNAL_SERVER_ERROR, f"internal error ({type(error).__name__})"
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    for kind, _ in CORE_ERRORS:
        app.add_exception_handler(kind, _on_core_error)
    app.add_exception_handler(Exception, _on_unexpected)
