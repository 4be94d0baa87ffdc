"""Request limits at the HTTP edge: body size, per-client rate, and time spent answering.

`LimitsMiddleware` is pure ASGI and sits *inside* the CORS middleware (added before it), so a 413 or
a 429 still carries the CORS headers a cross-origin widget needs to read it (and its Retry-After).

- Body: a declared `Content-Length` above `max_body_bytes` is refused at once; a body without one is
  read (it is at most `max_body_bytes`, 16 KiB by default) and refused as soon as it grows past the
  limit, then replayed to the app. `/wechat` is exempt: it caps its own body at 64 KiB and answers in
  the WeChat protocol's own way.
- Rate: a token bucket per client IP (`rate_limit_per_minute` refill, `rate_limit_burst` capacity) on
  the `/api/*` answering routes; health, readiness, the widget and WeChat are not limited (WeChat
  traffic comes from a handful of Tencent addresses shared by every user). Behind a reverse proxy the
  client IP is the one uvicorn takes from X-Forwarded-For for trusted proxies (`forwarded_allow_ips`).
- Time: `run_answer` runs the (synchronous) engine in the threadpool and gives up after
  `request_timeout_seconds` with a 503; the worker thread is abandoned, not killed, and finishes alone.
"""

from __future__ import annotations

import asyncio
import functools
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

import anyio.to_thread
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiError, error_response

T = TypeVar("T")
UNLIMITED_PATHS = frozenset({"/api/health", "/api/ready"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SELF_CAPPED_PREFIXES = ("/wechat",)


class TokenBucketLimiter:
    """Token buckets keyed by client; bounded to `max_clients` (least recently seen dropped first).

    Runs on the event loop only (one thread), so it needs no lock. `clock` is replaceable for tests."""

    def __init__(self, per_minute: int, burst: int, max_clients: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(max(1, burst))
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, client: str) -> float:
        """0 when the request may go ahead, else the seconds until a token is available."""
        now = self.clock()
        tokens, last = self._buckets.get(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        if tokens >= 1.0:
            self._buckets[client] = (tokens - 1.0, now)
            self._buckets.move_to_end(client)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
            return 0.0
        self._buckets[client] = (tokens, now)
        self._buckets.move_to_end(client)
        return (1.0 - tokens) / self.rate

    def __len__(self) -> int:
        return len(self._buckets)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


class LimitsMiddleware:
    def __init__(self, app: ASGIApp, max_body_bytes: int, limiter: TokenBucketLimiter) -> None:
        self.app, self.max_body, self.limiter = app, max_body_bytes, limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, method = scope.get("path", ""), scope.get("method", "GET")
        if (self.limiter.enabled and method != "OPTIONS" and path.startswith("/api/")
                and path not in UNLIMITED_PATHS):
            client = scope.get("client")
            wait = self.limiter.take(client[0] if client else "unknown")
            if wait > 0:
                seconds = max(1, math.ceil(wait))
                message = f"Too many requests from this address; retry in {seconds} s."
                response = JSONResponse(
                    {"error": {"code": "rate_limited", "message": message, "retry_after": seconds}},
                    status_code=429, headers={"Retry-After": str(seconds)},
                )
                await response(scope, receive, send)
                return
        if path.startswith(SELF_CAPPED_PREFIXES):
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.max_body:
            await self._too_large(scope, receive, send)
            return
        if method not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before sending its body
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413, "too_large", f"The request body is larger than {self.max_body} bytes; questions are short texts."
        )
        await response(scope, receive, send)


async def run_answer(timeout: float, gate: asyncio.Semaphore | None, fn: Callable[..., T], *args) -> T:
    """Runs a blocking call in the threadpool, at most `gate`'s value at a time in this worker; a 503
    (`timeout`) when waiting plus answering takes longer than `timeout` seconds.

    The gate matters: the engine is Python (GIL) around a C embedder behind a lock. With 16+ threads in
    one process, the thread that holds the embedder lock waits for the GIL behind the others (a convoy)
    and one worker's throughput fell from ~60 to ~25 answers/s (docs/deployment.md). Queuing in the
    event loop instead keeps the cores busy with useful work."""
    call = functools.partial(fn, *args)

    async def gated() -> T:
        if gate is None:
            return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)
        async with gate:
            return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)

    try:
        return await asyncio.wait_for(gated(), timeout)
    except TimeoutError:
        raise ApiError(
            503, "timeout", "The assistant took too long to answer; please try again.", {"Retry-After": "2"}
        ) from None
