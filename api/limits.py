"""Request limits at the HTTP edge: body size, per-client rate, and time spent answering.

`LimitsMiddleware` is pure ASGI and sits *inside* the CORS middleware (added before it), so a 413 or
a 429 still carries the CORS headers a cross-origin widget needs to read it (and its Retry-After).

- Body: a declared `Content-Length` above `max_body_bytes` is refused at once; a body without one is
  read (it is at most `max_body_bytes`, 16 KiB by default) and refused as soon as it grows past the
  limit, then replayed to the app. `/wechat` is exempt: it caps its own body at 64 KiB and answers in
  the WeChat protocol's own way.
- Rate: a token bucket per client IP (`rate_limit_per_minute` refill, `rate_limit_burst` capacity) on
  the `/api/*` answering routes, kept in the shared state store (every worker and, with Redis, every
  host sees the same bucket); IPv6 clients are limited per /64 (one subscriber's prefix); health, readiness, the widget and WeChat are not limited (WeChat
  traffic comes from a handful of Tencent addresses shared by every user). Behind a reverse proxy the
  client IP is the one uvicorn takes from X-Forwarded-For for trusted proxies (`forwarded_allow_ips`).
- Time: `run_answer` runs the (synchronous) engine in a thread and gives up after
  `request_timeout_seconds` with a 503. A thread cannot be killed, so an abandoned answer keeps its
  slot of the concurrency gate until it really ends: abandoned work is counted, never piles up.
- Cost: `check_question` limits the length *after* NFKC normalisation (U+FDFA is one character that
  becomes 18) and drops stacked combining marks beyond two, so what reaches the tokenizer and the
  embedder is bounded whatever the client sends.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import math
import re
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar, cast

import anyio.to_thread
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiError, error_response
from assistant.state_store import MemoryStore, StateStore

T = TypeVar("T")
UNLIMITED_PATHS = frozenset({"/api/health", "/api/ready"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SELF_CAPPED_PREFIXES = ("/wechat",)


@functools.lru_cache(maxsize=4096)  # parsing an address costs a few µs of every request
def client_key(host: str | None) -> str:
    """The rate-limit key of an address: IPv4 as is, IPv6 by its /64 (a subscriber gets a whole /64,
    so per-address limits would give one client 2**64 buckets)."""
    if not host:
        return "unknown"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(ip) >> 64 << 64, 64)))
    return str(ip)


class TokenBucketLimiter:
    """Token buckets keyed by client, kept in a `StateStore` (shared by workers and hosts).

    A worker takes up to `LEASE` tokens at once from the upper half of the bucket (never more than
    half of what lies above half the capacity) and spends them over the next requests of that client
    within `LEASE_SECONDS`: one shared write per few requests under load, exact in the lower half (one
    token at a time, so the burst reserve is never leased away), and a client can never get more than
    the limit (a lease that expires unused is simply lost).

    Without a store (unit tests) the buckets live in process memory, bounded to `max_clients`, on
    `clock`. Buckets of different limits never mix: the key carries the limit."""

    LEASE = 8
    LEASE_SECONDS = 1.0

    def __init__(self, per_minute: int, burst: int, max_clients: int = 100_000,
                 clock: Callable[[], float] = time.time, store: StateStore | None = None) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(max(1, burst))
        self.store = store if store is not None else MemoryStore(clock=clock, max_buckets=max_clients)
        self._prefix = f"rl:{per_minute}:{burst}:"
        self._leases: OrderedDict[str, tuple[int, float]] = OrderedDict()  # event loop only: no lock

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, client: str | None) -> float:
        """0 when the request may go ahead, else the seconds until a token is available."""
        key = client_key(client)
        now = time.monotonic()
        lease = self._leases.get(key)
        if lease is not None and lease[0] > 0 and lease[1] > now:
            self._leases[key] = (lease[0] - 1, lease[1])
            return 0.0
        taken, wait = self.store.take_up_to(self._prefix + key, self.rate, self.capacity, self.LEASE)
        if taken > 1:
            self._leases[key] = (taken - 1, now + self.LEASE_SECONDS)
            self._leases.move_to_end(key)
            while len(self._leases) > 10_000:
                self._leases.popitem(last=False)
        elif lease is not None:
            del self._leases[key]
        return 0.0 if taken else wait

    def __len__(self) -> int:
        return len(getattr(self.store, "_buckets", ()))


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
            wait = self.limiter.take(client[0] if client else None)
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
            received = cast(dict[str, Any], await receive())
            if received["type"] != "http.request":
                return  # the client went away before sending its body
            chunk = received.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not received.get("more_body", False):
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


_COMBINING_RUN = re.compile(r"([\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{2})"
                            r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def check_question(question: str, max_chars: int) -> str:
    """The question as the engine may see it, or a 422: at most `max_chars` characters both as sent
    and after NFKC (the engine normalises with NFKC; some single characters expand 18-fold), stacked
    combining marks cut to two per character."""
    question = question.strip()
    if not question:
        raise ApiError(422, "empty_question", "The question is empty; please type a question.")
    if len(question) > max_chars or (not unicodedata.is_normalized("NFKC", question)  # the quick check first
                                     and len(unicodedata.normalize("NFKC", question)) > max_chars):
        raise ApiError(422, "question_too_long",
                       f"The question is too long: at most {max_chars} characters, please shorten it.")
    return _COMBINING_RUN.sub(r"\1", question) if _COMBINING_RUN.search(question) else question


def _timeout() -> ApiError:
    return ApiError(503, "timeout", "The assistant took too long to answer; please try again.", {"Retry-After": "2"})


async def run_answer(timeout: float, gate: asyncio.Semaphore | None, fn: Callable[..., T], *args) -> T:
    """Runs a blocking call in a thread, at most `gate`'s value at a time in this worker; a 503
    (`timeout`) when waiting plus answering takes longer than `timeout` seconds.

    The gate matters: the engine is Python (GIL) around a C embedder behind a lock. With 16+ threads in
    one process, the thread that holds the embedder lock waits for the GIL behind the others (a convoy)
    and one worker's throughput fell from ~60 to ~25 answers/s (docs/deployment.md). Queuing in the
    event loop instead keeps the cores busy with useful work.

    A slot is given back when the thread ends, not when the caller stops waiting: a timed-out answer
    still holds its slot until it is done, so abandoned work can never exceed the gate."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    if gate is not None and not gate.locked():
        await gate.acquire()  # a free slot: taken at once, no waiting machinery
    elif gate is not None:
        acquiring = asyncio.ensure_future(gate.acquire())
        try:
            await asyncio.wait({acquiring}, timeout=timeout)
        except BaseException:  # the request itself was cancelled
            if acquiring.done() and not acquiring.cancelled():
                gate.release()
            acquiring.cancel()
            raise
        if not acquiring.done():
            acquiring.cancel()  # Semaphore.acquire gives a permit back if it got one meanwhile
            raise _timeout()
    try:
        # anyio's worker threads carry the request id (context) and are abandoned, not joined, when the
        # worker stops: a stuck answer cannot hold up a shutdown.
        job = asyncio.ensure_future(anyio.to_thread.run_sync(functools.partial(fn, *args), abandon_on_cancel=True))
    except BaseException:
        if gate is not None:
            gate.release()
        raise
    if gate is not None:
        job.add_done_callback(lambda _: gate.release())
    try:
        return await asyncio.wait_for(asyncio.shield(job), max(0.0, deadline - loop.time()))
    except TimeoutError:
        raise _timeout() from None
