"""Request ids and access logs.

Every request gets an id (the client's `X-Request-ID` when it is a sane token, else a fresh one). It is
returned in the `X-Request-ID` response header and kept in a context variable that a log-record
factory copies onto every log record as `request_id`, so each log line written while serving the
request (ours, the engine's, the threadpool's) carries it. One structured (JSON) access line per
request goes to the `api.access` logger at INFO; it never contains the question text.

Pure ASGI (no BaseHTTPMiddleware): it costs a few microseconds a request and never buffers bodies.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
access_log = logging.getLogger("api.access")
log = logging.getLogger("api")
_SANE_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")
_installed = False


def install_request_id_logging() -> None:
    """Adds `record.request_id` to every log record in the process (idempotent)."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        record.request_id = request_id_var.get()
        return record

    logging.setLogRecordFactory(factory)
    _installed = True


def new_request_id(header: str | None) -> str:
    if header and _SANE_ID.match(header):
        return header
    return uuid.uuid4().hex[:16]


class RequestContextMiddleware:
    """Outermost middleware: request id, access log line, and a JSON 500 (with the id) for anything
    that escaped the exception handlers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        install_request_id_logging()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = None
        for name, value in scope.get("headers", ()):
            if name == b"x-request-id":
                header = value.decode("latin-1")
                break
        rid = new_request_id(header)
        token = request_id_var.set(rid)
        start = time.perf_counter()
        state = {"status": 0, "bytes": 0}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = rid
            elif message["type"] == "http.response.body":
                state["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if state["status"]:
                raise  # the response has started; nothing clean can be sent any more
            state["status"] = 500
            response = error_response(500, "internal_error", "The assistant hit an internal error; please try again.",
                                      {"X-Request-ID": rid})
            await response(scope, receive, send)
        finally:
            if access_log.isEnabledFor(logging.INFO):
                client = scope.get("client")
                access_log.info(json.dumps({
                    "event": "access",
                    "request_id": rid,
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "status": state["status"],
                    "ms": round((time.perf_counter() - start) * 1000, 1),
                    "bytes": state["bytes"],
                    "client": client[0] if client else None,
                }, ensure_ascii=False))
            request_id_var.reset(token)
