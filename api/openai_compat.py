"""OpenAI-compatible chat endpoint: `POST /v1/chat/completions` and `GET /v1/models`.

Lets chat front-ends and bot hubs that speak the OpenAI protocol (Open WebUI, LobeChat, Dify's
"OpenAI-API-compatible" provider, the official `openai` client) add the assistant as a model:
base URL `http://HOST:8000/v1`, model `soft-science-assistant`, key `ASSISTANT_OPENAI_API_KEY` if set.

- Question: the last user message. Earlier user messages give the follow-up context: they are replayed
  through the engine under a throw-away session id (at most `MAX_REPLAYED_TURNS`; see
  `assistant/runnable.py`, the LangChain runnable this endpoint answers through). With a session id
  (`X-Session-Id` header, else the request's `user`) only the last message is asked, under
  `oa:<that id>`: the engine remembers that session's earlier turns.
- `stream: true`: server-sent `chat.completion.chunk` events (the role first, then the content in
  pieces, then an empty delta with `finish_reason: "stop"`), ending `data: [DONE]`.
- Content: the answer, then a short numbered Markdown source list (the top citations). In full, the
  `Answer` (intent, citations, eligibility, ...) is in the extra top-level field `assistant`.
- `usage` counts tokens as text units: each CJK character (or full-width symbol) is one token, and
  so is each run of other non-space characters (a word, a number). Prompt tokens count every message.
- Ignored but accepted: temperature, top_p, max_tokens, n, tools, stop, seed, and any other field.
  An extra (non-OpenAI) field `today` (`YYYY-MM-DD`) sets the date the answer is judged on.
- Errors: the OpenAI shape `{"error": {"message", "type", "code", "param"}}` with a 4xx (5xx for
  not-ready/timeout). The body is parsed here, not by FastAPI, so the app's own validation handler
  (the `/api` error shape) never sees these requests.
- Limits: the body-size limit of `LimitsMiddleware` applies as to `/api/ask` (its 413 keeps the
  `/api` shape, which has `code` and `message`); the per-client rate limit is the same token bucket
  as `/api/ask` (shared), applied here; answers share `/api/ask`'s concurrency gate and timeout.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import math
import re
import secrets
import time
import uuid
import weakref
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, ValidationError

from api.errors import ApiError
from api.limits import run_answer
from assistant.models import Answer
from assistant.runnable import MAX_REPLAYED_TURNS, AssistantRunnable, message_text, user_turns
from assistant.settings import Settings

MODEL_ID = "soft-science-assistant"
MODEL_CREATED = 1725408000  # 2024-09-04, the day the notice's submission window opened
SOURCES_SHOWN = 3
SNIPPET_CHARS = 60
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SANE_SESSION = re.compile(r"^[A-Za-z0-9_.:\-]{1,120}$")
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_TOKEN = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+")
# Streamed pieces: a clause (ends after sentence punctuation or a line break) of at most about
# PIECE_CHARS characters; numbers and Latin words are never cut.
PIECE_CHARS = 24
_UNIT = re.compile(r"[A-Za-z0-9.,:/%+\-]+|\s|.", re.S)
_PIECE_END = frozenset("。！？；!?;\n")

_MESSAGE_SCHEMA = {
    "type": "object",
    "required": ["role"],
    "properties": {
        "role": {"type": "string", "enum": ["system", "developer", "user", "assistant", "tool"]},
        "content": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "object"}},
                              {"type": "null"}]},
    },
}
_REQUEST_SCHEMA = {
    "type": "object",
    "required": ["model", "messages"],
    "properties": {
        "model": {"type": "string", "enum": [MODEL_ID]},
        "messages": {"type": "array", "minItems": 1, "items": _MESSAGE_SCHEMA},
        "stream": {"type": "boolean", "default": False},
        "user": {"type": "string", "description": "session id for follow-ups (else the history is replayed)"},
        "today": {"type": "string", "format": "date", "description": "extension: the date answers are judged on"},
    },
}


class _Message(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[Any] | None = None


class ChatRequest(BaseModel):
    """The fields used; every other OpenAI parameter is accepted and ignored."""

    model_config = ConfigDict(extra="allow")
    model: str
    messages: list[_Message]
    stream: bool | None = False
    stream_options: dict[str, Any] | None = None
    user: str | None = None
    today: dt.date | None = None


class OpenAIError(Exception):
    def __init__(self, status: int, message: str, type_: str = "invalid_request_error", code: str | None = None,
                 param: str | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.type, self.code, self.param = status, message, type_, code, param
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        body = {"error": {"message": self.message, "type": self.type, "code": self.code, "param": self.param}}
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def count_tokens(text: str) -> int:
    """Text units: one per CJK character / full-width symbol, one per run of other non-space characters."""
    return len(_TOKEN.findall(text))


def stream_pieces(text: str) -> list[str]:
    """The content cut into short pieces (clauses) that join back to exactly `text`."""
    pieces: list[str] = []
    current = ""
    for unit in _UNIT.findall(text):
        if not current and pieces and unit.isspace():  # line breaks stay with the clause they end
            pieces[-1] += unit
            continue
        if current and len(current) + len(unit) > PIECE_CHARS:
            pieces.append(current)
            current = ""
        current += unit
        if unit[-1] in _PIECE_END:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces if "".join(pieces) == text else [text]  # the pattern covers every character


def _sources(answer: Answer) -> str:
    if not answer.citations:
        return ""
    heading = "Sources" if answer.language == "en" else "来源"
    lines = [f"**{heading}**"]
    for i, c in enumerate(answer.citations[:SOURCES_SHOWN], 1):
        text = " ".join(c.text.split())
        snippet = text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rstrip() + "…"
        # The heading's last part names the passage; left out when the passage opens with it anyway.
        label = " ".join(c.section.split(">")[-1].split())
        shown = f"{label}：{snippet}" if label and not text.startswith(label) else snippet
        lines.append(f"{i}. " + re.sub(r"^(\d+)\.", r"\1\\.", shown))  # "1. 1. …" would nest a list
    return "\n".join(lines)


def render_content(answer: Answer) -> str:
    """The message content: the answer text, then the short numbered source list."""
    sources = _sources(answer)
    return f"{answer.answer.rstrip()}\n\n{sources}" if sources else answer.answer


def _session_id(request: Request, body: ChatRequest) -> str | None:
    raw = request.headers.get("x-session-id") or body.user
    if not raw or not raw.strip():
        return None
    raw = raw.strip()
    if not _SANE_SESSION.match(raw):  # e-mail addresses and the like: a stable digest instead
        raw = hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()[:32]
    return "oa:" + raw


def _validation_message(exc: ValidationError) -> tuple[str, str | None]:
    err = exc.errors()[0]
    loc = [str(p) for p in err.get("loc", ())]
    param = ".".join(loc) or None
    if err.get("type") == "missing":
        return f"Missing required parameter: '{param}'.", param
    return f"Invalid value for '{param}': {err.get('msg', 'invalid')}.", param


def _check_key(settings: Settings, request: Request) -> None:
    expected = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    if not expected:  # unset (or set empty): no key required
        return
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise OpenAIError(401, "Missing API key: send it as 'Authorization: Bearer <key>'.",
                          "invalid_request_error", "invalid_api_key")
    if not secrets.compare_digest(given.strip().encode(), expected.encode()):
        raise OpenAIError(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key")


def _rate_limit(request: Request) -> None:
    limiter = getattr(request.app.state, "rate_limiter", None)
    if limiter is None or not limiter.enabled:
        return
    wait = limiter.take(request.client.host if request.client else "unknown")
    if wait > 0:
        seconds = max(1, math.ceil(wait))
        raise OpenAIError(429, f"Too many requests from this address; retry in {seconds} s.", "rate_limit_error",
                          "rate_limit_exceeded", headers={"Retry-After": str(seconds)})


async def _parse(request: Request) -> ChatRequest:
    raw = await request.body()
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise OpenAIError(400, "The request body is not valid JSON.", code="invalid_json") from None
    if not isinstance(data, dict):
        raise OpenAIError(400, "The request body must be a JSON object.", code="invalid_request")
    try:
        return ChatRequest.model_validate(data)
    except ValidationError as exc:
        message, param = _validation_message(exc)
        raise OpenAIError(400, message, code="invalid_request", param=param) from None


def _check_turns(body: ChatRequest, settings: Settings) -> list[str]:
    if not body.messages:
        raise OpenAIError(400, "'messages' is empty: send at least one user message.", code="empty_messages",
                          param="messages")
    turns = user_turns([{"role": m.role, "content": m.content} for m in body.messages])
    if not turns:
        raise OpenAIError(400, "'messages' holds no user message with text: nothing to answer.",
                          code="no_user_message", param="messages")
    last = turns[-1]
    if len(last) > settings.max_question_chars:
        raise OpenAIError(400, f"The question is too long: at most {settings.max_question_chars} characters, "
                          "please shorten it.", code="question_too_long", param="messages")
    if _BAD_CHARS.search(last):
        raise OpenAIError(400, "The question contains control characters; please send plain text.",
                          code="invalid_characters", param="messages")
    # Earlier turns: only the replayable ones (not too long, no control characters).
    earlier = [t for t in turns[:-1] if len(t) <= settings.max_question_chars and not _BAD_CHARS.search(t)]
    return [*earlier[-MAX_REPLAYED_TURNS:], last]


def _extra(answer: Answer) -> dict[str, Any]:
    return answer.model_dump(mode="json")


def build_router(settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["openai-compatible"])
    gates: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def engine(request: Request) -> Any:
        found = getattr(request.app.state, "assistant", None)
        if found is None:
            raise OpenAIError(503, "The index is still loading; retry in a few seconds.", "server_error",
                              "not_ready", headers={"Retry-After": "5"})
        return found

    def gate_for(request: Request) -> asyncio.Semaphore | None:
        if not settings.answer_concurrency:
            return None
        # Share /api/ask's gate when the app exposes it (one gate per event loop), else our own.
        shared = getattr(request.app.state, "answer_gates", None)
        table = shared if shared is not None else gates
        loop = asyncio.get_running_loop()
        return table.get(loop) or table.setdefault(loop, asyncio.Semaphore(settings.answer_concurrency))

    @router.get("/models", summary="The one model this service offers")
    async def models(request: Request) -> JSONResponse:
        try:
            _check_key(settings, request)
        except OpenAIError as exc:
            return exc.response()
        card = {"id": MODEL_ID, "object": "model", "created": MODEL_CREATED, "owned_by": "soft-science-assistant"}
        return JSONResponse({"object": "list", "data": [card]})

    @router.post(
        "/chat/completions",
        summary="Answer the last user message (OpenAI chat-completions protocol)",
        openapi_extra={"requestBody": {"required": True,
                                       "content": {"application/json": {"schema": _REQUEST_SCHEMA}}}},
    )
    async def chat_completions(request: Request):
        try:
            _rate_limit(request)
            _check_key(settings, request)
            body = await _parse(request)
            if body.model != MODEL_ID:
                raise OpenAIError(404, f"The model '{body.model}' does not exist; use '{MODEL_ID}'.",
                                  code="model_not_found", param="model")
            turns = _check_turns(body, settings)
            session_id = _session_id(request, body)
            runnable = AssistantRunnable(engine(request), max_chars=settings.max_question_chars)
            value = {"messages": [{"role": "user", "content": t} for t in turns],
                     "today": body.today, "session_id": session_id}
            try:
                answer: Answer = await run_answer(settings.request_timeout_seconds, gate_for(request),
                                                  runnable.invoke, value)
            except ApiError as exc:  # the timeout, in our shape
                raise OpenAIError(exc.status, exc.message, "server_error", exc.code, headers=exc.headers) from None
        except OpenAIError as exc:
            return exc.response()

        content = render_content(answer)
        completion_id = "chatcmpl-" + uuid.uuid4().hex
        created = int(time.time())
        prompt_tokens = sum(count_tokens(message_text(m.content)) for m in body.messages)
        completion_tokens = count_tokens(content)
        usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                 "total_tokens": prompt_tokens + completion_tokens}
        if not body.stream:
            return JSONResponse({
                "id": completion_id, "object": "chat.completion", "created": created, "model": MODEL_ID,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                             "logprobs": None, "finish_reason": "stop"}],
                "usage": usage, "system_fingerprint": None, "assistant": _extra(answer),
            })
        include_usage = bool((body.stream_options or {}).get("include_usage"))

        async def events() -> AsyncIterator[str]:
            def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
                payload = {"id": completion_id, "object": "chat.completion.chunk", "created": created,
                           "model": MODEL_ID, "system_fingerprint": None,
                           "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
                           **extra}
                return "data: " + json.dumps(payload, ensure_ascii=False) + "\n\n"

            yield chunk({"role": "assistant", "content": ""})
            for piece in stream_pieces(content):
                yield chunk({"content": piece})
                await asyncio.sleep(0)
            yield chunk({}, "stop", assistant=_extra(answer))
            if include_usage:
                payload = {"id": completion_id, "object": "chat.completion.chunk", "created": created,
                           "model": MODEL_ID, "choices": [], "usage": usage}
                yield "data: " + json.dumps(payload, ensure_ascii=False) + "\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    return router
