"""One JSON error shape for every failure: {"error": {"code": str, "message": str}}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


class JsonCORSMiddleware(CORSMiddleware):
    """Starlette's CORS middleware, but a refused preflight gets the JSON error shape (400
    `cors_refused`, naming what was refused) instead of a plain-text body."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        reason = bytes(response.body).decode("utf-8", "replace").removeprefix("Disallowed CORS ").strip() or "request"
        json_response = error_response(400, "cors_refused", f"This cross-origin request is not allowed ({reason}).")
        for name, value in response.headers.items():
            if name.lower().startswith("access-control-") or name.lower() == "vary":
                json_response.headers[name] = value
        return json_response


def _describe(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        # The common mistakes get their own code and a plain message; the rest the generic description.
        for err in exc.errors():
            on_question = tuple(err.get("loc", ()))[-1:] == ("question",)
            if on_question and err.get("type") == "string_too_long":
                limit = (err.get("ctx") or {}).get("max_length")
                return error_response(422, "question_too_long",
                                      f"The question is too long: at most {limit} characters, please shorten it.")
            if on_question and err.get("type") in ("string_too_short", "missing"):
                return error_response(422, "empty_question", "The question is empty; please type a question.")
        return error_response(422, "invalid_request", _describe(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type"}.get(
            exc.status_code, "http_error"
        )
        return error_response(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Logged with the traceback for us; the client sees no internals.
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "The assistant hit an internal error; please try again.")
