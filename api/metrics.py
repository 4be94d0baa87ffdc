"""`GET /metrics`: Prometheus text format through prometheus-client, summed over the worker processes.

`serve` calls `api.metrics_dir.prepare_multiprocess_dir` before any worker starts: it points PROMETHEUS_MULTIPROC_DIR at
an emptied `DATA_DIR/prometheus-<port>/` so that every worker (spawned afterwards, inheriting the
environment) writes its samples to files there and `/metrics`, whichever worker answers it, adds them
all up (`MultiProcessCollector`). Without that variable (tests, a plain `create_app`) the process's
own registry is served. The variable must be set before prometheus_client is first imported, which is
why this module is imported by the app (never by `assistant.cli` before `serve` has prepared it).

Series: `assistant_http_requests_total{path,method,status}` (path is a route of the app or "other",
so scanners cannot blow up the label set), `assistant_answer_seconds` (histogram, /api/ask),
`assistant_answers_total{intent,channel}`, `assistant_out_of_scope_answers_total{channel}`,
`assistant_feedback_total{rating}`, `assistant_answer_cache_total{result}` (hit/miss of the answer
cache), and `assistant_sessions` (sessions alive in the shared store, read from it at scrape time, so
it is the same whichever worker answers).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.metrics_dir import ENV

REQUESTS = Counter("assistant_http_requests", "HTTP requests by route, method and status",
                   ["path", "method", "status"])
ANSWER_SECONDS = Histogram("assistant_answer_seconds", "Time to answer one /api/ask question",
                           buckets=(0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 15.0))
ANSWERS = Counter("assistant_answers", "Answers by intent", ["intent", "channel"])
OUT_OF_SCOPE = Counter("assistant_out_of_scope_answers", "Answers that said the question is out of scope",
                       ["channel"])
FEEDBACK = Counter("assistant_feedback", "Feedback marks on answers", ["rating"])
CACHE = Counter("assistant_answer_cache", "Answer-cache lookups by result", ["result"])


# The labelled children, looked up once: `labels()` validates and locks on every call, a few µs of
# each request's budget. prometheus-client keeps the same child per label values itself (and a child
# in multiprocess mode finds its file again after a fork), so a kept child is the one labels() gives.
_MAX_CHILDREN = 1000  # label values come from routes, methods, statuses and intents: few; a bound all the same
_children: dict[tuple[int, tuple[str, ...]], Any] = {}


def child(metric: Any, *labels: str) -> Any:
    """`metric.labels(*labels)`, remembered."""
    key = (id(metric), labels)
    found = _children.get(key)
    if found is None:
        found = metric.labels(*labels)
        if len(_children) < _MAX_CHILDREN:
            _children[key] = found
    return found


_HIT, _MISS = CACHE.labels("hit"), CACHE.labels("miss")


def observe_cache(hit: bool) -> None:
    (_HIT if hit else _MISS).inc()


def observe_answer(intent: str, seconds: float, channel: str = "api") -> None:
    ANSWER_SECONDS.observe(seconds)
    child(ANSWERS, intent, channel).inc()
    if intent == "out_of_scope":
        child(OUT_OF_SCOPE, channel).inc()


def render(sessions: int | None = None) -> bytes:
    """The samples of every worker (or of this process), plus the live session count if given."""
    if os.environ.get(ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        text = generate_latest(registry)
    else:
        text = generate_latest(REGISTRY)
    if sessions is not None:
        live = CollectorRegistry()
        Gauge("assistant_sessions", "Conversation sessions alive in the shared store", registry=live).set(sessions)
        text += generate_latest(live)
    return text


router = APIRouter()


@router.get("/metrics", tags=["ops"], include_in_schema=False)
def metrics(request: Request) -> Response:
    served = getattr(request.app.state, "assistant", None)
    sessions = served.sessions.count() if served is not None else None
    return Response(render(sessions), media_type=CONTENT_TYPE_LATEST)


class MetricsMiddleware:
    """Outermost: counts every response (429s and 413s of the limits middleware included)."""

    _paths: set[str] | None

    def __init__(self, app: ASGIApp, paths: Callable[[], set[str]]) -> None:
        self.app, self._paths_fn, self._paths = app, paths, None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._paths is None:
            self._paths = self._paths_fn()
        status = [500]

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            path = scope.get("path", "")
            child(REQUESTS, path if path in self._paths else "other", scope.get("method", ""), str(status[0])).inc()
