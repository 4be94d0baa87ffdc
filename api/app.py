"""FastAPI app factory: wires settings and one Assistant into the HTTP routes."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import weakref
from contextlib import asynccontextmanager
from typing import Any, get_args

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api import admin, metrics, openai_compat, wechat, widget
from api.errors import ApiError, JsonCORSMiddleware, error_response, install_error_handlers
from api.events import new_answer_id, open_event_log
from api.limits import LimitsMiddleware, TokenBucketLimiter, check_question, run_answer
from api.observability import RequestContextMiddleware
from assistant.engine import Assistant
from assistant.models import (
    Answer,
    AskRequest,
    Eligibility,
    EligibilityRequest,
    FeedbackRequest,
    Profile,
    ProjectLevel,
)
from assistant.sessions import channel_session_id
from assistant.settings import Settings, get_settings
from assistant.state_store import state_store_for

log = logging.getLogger("api")
LOAD_FAILED = "The assistant failed to load; the server log says why. Run `python -m assistant index` to check."
# C0/C1 control characters other than tab and newlines, and lone surrogates (not encodable as UTF-8).
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _attach(app: FastAPI, assistant: Assistant) -> None:
    """The app serves this assistant; its answer-cache lookups feed the metrics."""
    app.state.assistant = assistant
    assistant.on_cache = metrics.observe_cache


def create_app(settings: Settings | None = None, assistant: Assistant | None = None) -> FastAPI:
    settings = settings or get_settings()
    holder: dict[str, Assistant] = {}
    if assistant is not None:
        holder["assistant"] = assistant

    async def load(app: FastAPI) -> None:
        try:
            holder["assistant"] = await run_in_threadpool(Assistant.load, settings)
        except Exception:  # reported by /api/ready and /api/health; the process stays up to say so
            log.exception("loading the assistant failed")
            app.state.load_error = LOAD_FAILED  # the details are in the log, never in an HTTP body
            return
        _attach(app, holder["assistant"])
        log.info("assistant ready: %d passages", holder["assistant"].passage_count)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        task = None
        if "assistant" in holder:
            _attach(app, holder["assistant"])
        else:
            # Loading (which builds the index on a fresh checkout) runs in the background so the worker
            # answers /api/health and /api/ready (503, loading) at once; /api/ask gets 503 until it is done.
            task = asyncio.create_task(load(app))
        yield
        if task is not None and not task.done():
            task.cancel()
        if event_log is not None:
            await run_in_threadpool(event_log.close)  # flushes the queued asks

    app = FastAPI(
        title="Applicant assistant for a call-for-proposals notice",
        version="0.1.0",
        description="Answers applicants' questions about the loaded notice (GET /api/info names it), "
        "with verbatim citations and a rule-by-rule eligibility check.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.load_error = None
    event_log = app.state.event_log = open_event_log(settings)
    if assistant is not None:
        _attach(app, assistant)
    install_error_handlers(app)

    # Middleware: the last added is the outermost. Limits sit inside CORS (a 429/413 keeps its CORS
    # headers); the request id / access log wraps everything, preflights included.
    app.state.rate_limiter = TokenBucketLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst,
                                                store=state_store_for(settings))  # shared by workers/hosts
    app.add_middleware(LimitsMiddleware, max_body_bytes=settings.max_body_bytes, limiter=app.state.rate_limiter)
    if settings.cors_origin_list:
        app.add_middleware(
            JsonCORSMiddleware,  # a refused preflight answers in the API's JSON error shape
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Content-Type", "X-Request-ID", "Authorization", "X-Session-Id"],
            # The widget reads Retry-After on a 429 to tell the user when to try again.
            expose_headers=["Retry-After", "X-Request-ID"],
            max_age=600,
        )

    app.add_middleware(RequestContextMiddleware)
    app.add_middleware(metrics.MetricsMiddleware, paths=lambda: {getattr(r, "path", "") for r in app.routes})

    gates: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    app.state.answer_gates = gates  # shared with /v1/chat/completions (api/openai_compat.py)

    def engine(request: Request) -> Assistant:
        found = getattr(request.app.state, "assistant", None)
        if found is None:
            raise ApiError(503, "not_ready", "The index is still loading; retry in a few seconds.", {"Retry-After": "5"})
        return found

    @app.post("/api/ask", response_model=Answer, tags=["assistant"])
    async def ask(body: AskRequest, request: Request) -> Answer:
        question = check_question(body.question, settings.max_question_chars)  # length after NFKC
        if _BAD_CHARS.search(question):
            raise ApiError(422, "invalid_characters", "The question contains control characters; "
                           "please send plain text.")
        if settings.log_questions:
            log.info("question session=%s text=%r", body.session_id, question)
        found = engine(request)
        start = time.perf_counter()
        # Without a session, a question this worker has answered for that day is answered on the event
        # loop from the engine's answer cache (`Assistant.cached`: the thread hop costs more than the
        # lookup, docs/deployment.md); the engine is asked otherwise. The day is fixed here, once.
        day = body.today or found.today()
        answer = None if body.session_id else found.cached(question, day)
        if answer is None:
            gate = None
            if settings.answer_concurrency:
                loop = asyncio.get_running_loop()  # one gate per event loop (a worker has one)
                gate = gates.get(loop) or gates.setdefault(loop, asyncio.Semaphore(settings.answer_concurrency))
            answer = await run_answer(settings.request_timeout_seconds, gate, found.ask, question, day,
                                      channel_session_id("web", body.session_id))  # no id reaches WeChat's state
        seconds = time.perf_counter() - start
        # A copy: the engine caches Answers. The client sees its own session id, not the server's key.
        answer = answer.model_copy(update={"answer_id": new_answer_id(), "session_id": body.session_id})
        metrics.observe_answer(answer.intent.value, seconds)
        if event_log is not None:
            event_log.record_ask(answer_id=answer.answer_id or "", channel="api", session_id=body.session_id,
                                 question=question, intent=answer.intent.value,
                                 citations=[c.id for c in answer.citations], latency_ms=seconds * 1000,
                                 answer=answer.answer)
        return answer

    @app.post("/api/feedback", tags=["assistant"])
    async def feedback(body: FeedbackRequest) -> JSONResponse:
        if body.rating not in ("up", "down"):
            raise ApiError(422, "invalid_rating", 'The rating must be "up" or "down".')
        if body.comment is not None and len(body.comment) > 500:
            raise ApiError(422, "comment_too_long", "The comment is too long: at most 500 characters.")
        if event_log is None or not await event_log.known_soon(body.answer_id):
            raise ApiError(404, "unknown_answer", "No answer with this id is known (or feedback is not recorded).")
        await run_in_threadpool(event_log.record_feedback, body.answer_id, body.rating, body.comment)
        metrics.FEEDBACK.labels(body.rating).inc()
        return JSONResponse({"ok": True})

    @app.post("/api/eligibility", response_model=Eligibility, tags=["assistant"])
    async def eligibility(body: EligibilityRequest, request: Request) -> Eligibility:
        profile = Profile(**body.model_dump(exclude={"today", "language"}))
        found = engine(request)
        # The values a profile may take come from the loaded notice (CONTRACT.md): unknown ones get a 422.
        for field, allowed in (("org_type", found.corpus.org_types), ("project_level", found.corpus.levels)):
            value = getattr(profile, field)
            if value is not None and value not in allowed:
                raise ApiError(422, f"unknown_{field}", f"{field} {value!r} is not a value this notice knows; "
                               f"allowed: {', '.join(allowed)}.")
        return found.check(profile, body.today, body.language)

    @app.get("/api/info", tags=["assistant"])
    async def info(request: Request) -> JSONResponse:
        """What the widget and demo page show: the loaded notice's title, issuer, year, levels and unit types."""
        info = engine(request).corpus.info()
        # the levels an eligibility form may offer: those the Profile takes (a notice's youth projects are not)
        info["project_levels"] = {k: v for k, v in info["project_levels"].items() if k in get_args(ProjectLevel)}
        return JSONResponse(info)

    @app.get("/api/health", tags=["ops"])
    async def health(request: Request) -> JSONResponse:
        found = getattr(request.app.state, "assistant", None)
        ready = found is not None
        body: dict[str, Any] = {"status": "ok" if ready else "loading", "index_loaded": ready}
        if found is not None:
            body["passages"] = found.passage_count
            store: Any = getattr(getattr(found, "retriever", None), "store", None)
            if getattr(store, "degraded", False):
                # Fact cards and BM25 still answer; only the dense ranking (and so the scope check of
                # questions nothing else matches) is missing until the index is repaired.
                body.update(status="degraded", vectors=False, reason=store.reason, fix=store.fix,
                            repairing=store.repairing)
        if not ready and request.app.state.load_error:
            body["status"] = "failed"
        return JSONResponse(body, status_code=200 if ready else 503)

    @app.get("/api/ready", tags=["ops"])
    async def ready(request: Request) -> JSONResponse:
        """Readiness: 503 until this worker has loaded the index, then 200 with the passage count."""
        found = getattr(request.app.state, "assistant", None)
        if found is not None:
            return JSONResponse({"status": "ready", "passages": found.passage_count})
        if request.app.state.load_error:
            return error_response(503, "load_failed", request.app.state.load_error)
        return error_response(503, "not_ready", "The index is still loading; retry in a few seconds.",
                              {"Retry-After": "5"})

    app.include_router(widget.router)
    app.include_router(metrics.router)
    app.include_router(admin.build_router(settings))
    app.include_router(wechat.build_router(settings))
    app.include_router(openai_compat.build_router(settings))
    return app
