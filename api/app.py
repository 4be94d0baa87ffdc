"""FastAPI app factory: wires settings and one Assistant into the HTTP routes."""

from __future__ import annotations

import logging
import time
import uuid
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api import wechat, widget
from api.errors import ApiError, install_error_handlers
from assistant.engine import Assistant
from assistant.models import Answer, AskRequest, Eligibility, EligibilityRequest, Profile
from assistant.settings import Settings, get_settings

log = logging.getLogger("api")


def create_app(settings: Settings | None = None, assistant: Assistant | None = None) -> FastAPI:
    settings = settings or get_settings()
    holder: dict[str, Assistant] = {}
    if assistant is not None:
        holder["assistant"] = assistant

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if "assistant" not in holder:
            # Loading builds the index on a fresh checkout; done once per worker, before traffic.
            holder["assistant"] = await run_in_threadpool(Assistant.load, settings)
        app.state.assistant = holder["assistant"]
        yield

    app = FastAPI(
        title="Zhengzhou 2024 Soft Science notice assistant",
        version="0.1.0",
        description="Answers applicants' questions about the 2024 Zhengzhou Soft Science Research Plan notice, "
        "with verbatim citations and a rule-by-rule eligibility check.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    if assistant is not None:
        app.state.assistant = assistant
    install_error_handlers(app)
    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Content-Type", "X-Request-ID"],
            # The widget reads Retry-After on a 429 to tell the user when to try again.
            expose_headers=["Retry-After", "X-Request-ID"],
            max_age=600,
        )

    @app.middleware("http")
    async def request_id(request: Request, call_next):
        rid = request.headers.get("x-request-id") or uuid.uuid4().hex[:16]
        start = time.perf_counter()
        response = await call_next(request)
        response.headers["X-Request-ID"] = rid
        log.info(
            "request id=%s method=%s path=%s status=%s ms=%.1f",
            rid, request.method, request.url.path, response.status_code, (time.perf_counter() - start) * 1000,
        )
        return response

    def engine(request: Request) -> Assistant:
        found = getattr(request.app.state, "assistant", None)
        if found is None:
            raise ApiError(503, "not_ready", "The index is still loading; retry in a few seconds.", {"Retry-After": "5"})
        return found

    @app.post("/api/ask", response_model=Answer, tags=["assistant"])
    async def ask(body: AskRequest, request: Request) -> Answer:
        question = body.question.strip()
        if not question:
            raise ApiError(422, "empty_question", "The question is empty; please type a question.")
        return await run_in_threadpool(engine(request).ask, question, body.today, body.session_id)

    @app.post("/api/eligibility", response_model=Eligibility, tags=["assistant"])
    async def eligibility(body: EligibilityRequest, request: Request) -> Eligibility:
        profile = Profile(**body.model_dump(exclude={"today", "language"}))
        return engine(request).check(profile, body.today, body.language)

    @app.get("/api/health", tags=["ops"])
    async def health(request: Request) -> JSONResponse:
        ready = getattr(request.app.state, "assistant", None) is not None
        body = {"status": "ok" if ready else "loading", "index_loaded": ready}
        if ready:
            body["passages"] = request.app.state.assistant.passage_count
        return JSONResponse(body, status_code=200 if ready else 503)

    app.include_router(widget.router)
    app.include_router(wechat.build_router(settings))
    return app
