"""WeChat Official Account endpoint: URL verification (GET) and passive text replies (POST).

Protocol choices (see also api/wechat_format.py for the reply size limit):

- Disabled: with no `wechat_token` configured, GET/POST /wechat answer 404 with the JSON error
  `{"error": {"code": "wechat_disabled", ...}}`: the endpoint does not exist in that deployment, and
  404 (unlike 503) does not invite anyone to retry.
- Authentication: every request must carry `signature`, `timestamp`, `nonce` with
  signature = sha1(sorted([token, timestamp, nonce]) joined); anything missing or wrong is 403.
  `timestamp` must be within `settings.wechat_timestamp_window_seconds` (default 300 s) of our
  clock, either direction, so a captured request cannot be replayed later.
- Safe mode is on when both `wechat_aes_key` and `wechat_app_id` are set. A POST with
  `encrypt_type=aes` is then checked against `msg_signature` and decrypted, and the reply is
  encrypted; a plain POST is still accepted (WeChat's "compatible mode").
- XML: the body (and, in safe mode, the decrypted message) is parsed with defusedxml first, refusing
  any DTD, so external entities and entity expansion are rejected (400) before wechatpy's parser
  sees the text; both parsers get the same decoded str.
- Timing: WeChat gives up after 5 s and retries the same MsgId up to three times, on a fresh
  connection that may reach another worker or host. The engine runs in a worker thread and we wait at
  most `ANSWER_TIMEOUT_SECONDS` (4 s) from the request's arrival; on timeout the user gets a short
  "正在查询" text, and the answer, once ready, is kept for a retry of the same MsgId or for the same
  user asking the same question again.
- De-duplication lives in the shared state store (assistant/state_store.py: SQLite for the workers of
  a host, Redis across hosts): the first delivery of a MsgId (events: FromUserName + CreateTime, as
  WeChat recommends) *claims* it, computes the reply and stores it for `REPLY_CACHE_TTL_SECONDS`; a
  retry, whatever its content and whichever worker it reaches, gets that first reply (waiting for it
  while it is being computed), so the engine never runs twice for one message.
- Other failures answer in WeChat's terms: text replies for users, "success" for events that need no
  reply, plain-text 4xx for requests that are not from WeChat.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import functools
import hashlib
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.messages import BaseMessage
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature

from api import wechat_format as fmt
from api.errors import error_response
from api.limits import _COMBINING_RUN
from assistant.sessions import channel_session_id
from assistant.settings import Settings
from assistant.state_store import StateStore, state_store_for

log = logging.getLogger("api.wechat")

# Module-level so that tests (and operators, via a wrapper) can shorten them without new settings.
ANSWER_TIMEOUT_SECONDS = 4.0
SLOW_REPLY_SECONDS = 1.0
MAX_BODY_BYTES = 64 * 1024
REPLY_CACHE_TTL_SECONDS = 600
REPLY_CACHE_MAX = 10_000
ENGINE_WORKERS = 4
MAX_ECHOSTR_CHARS = 512

_SESSION_SAFE = re.compile(r"^[A-Za-z0-9_.:\-]{1,120}$")


class _RedactWeChatQuery(logging.Filter):
    """Uvicorn's access log prints the full query string; for /wechat that includes echostr."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = args[2]
            if path.startswith("/wechat?"):
                record.args = (*args[:2], "/wechat?[redacted]", *args[3:])
        return True


def _install_access_log_redaction() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, _RedactWeChatQuery) for f in access.filters):
        access.addFilter(_RedactWeChatQuery())


class _Refused(Exception):
    """A request we will not process; carries the status and a short plain-text reason."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


def _parse_xml_safely(text: str):
    """Parses with DTDs forbidden: no external entities, no entity expansion, whatever the payload."""
    try:
        root = defused_fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise _Refused(400, "xml with a DTD or entities is not accepted") from exc
    except (ParseError, ValueError) as exc:
        raise _Refused(400, "malformed xml") from exc
    if root.tag != "xml":
        raise _Refused(400, "unexpected xml root")
    return root


def _session_id(openid: str) -> str:
    # OpenIDs are 28 URL-safe characters; anything else is hashed so the session key stays well-formed.
    # The channel prefix keeps WeChat users' state out of reach of web session ids.
    safe = openid if _SESSION_SAFE.match(openid) else "h" + hashlib.sha256(openid.encode("utf-8")).hexdigest()[:32]
    sid = channel_session_id("wechat", safe)
    assert sid is not None  # a non-empty id always has a key
    return sid


def _raw(msg: BaseMessage, name: str) -> str:
    # wechatpy's typed accessors raise on malformed values (e.g. a non-numeric MsgId); read the raw field.
    value = msg._data.get(name) if isinstance(getattr(msg, "_data", None), dict) else None
    return value.strip() if isinstance(value, str) else ""


async def _wait(fut: Future, timeout: float) -> bool:
    """Waits for a worker-thread future without blocking the event loop or cancelling the job."""
    if fut.done():
        return True
    loop = asyncio.get_running_loop()
    event = asyncio.Event()

    def wake(_: Future) -> None:
        # RuntimeError: the waiting request's loop has already closed; the result is cached anyway.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(event.set)

    fut.add_done_callback(wake)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(event.wait(), max(timeout, 0.0))
    return fut.done()


CLAIM_TTL_SECONDS = 60  # a claim outlives any answer; a worker that died mid-answer frees it by expiry
POLL_SECONDS = 0.05


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class WeChatEndpoint:
    def __init__(self, settings: Settings, store: StateStore | None = None):
        self.token = settings.wechat_token.get_secret_value() if settings.wechat_token else ""
        self.window = settings.wechat_timestamp_window_seconds
        self.max_question_chars = settings.max_question_chars
        self.crypto: WeChatCrypto | None = None
        aes_key = settings.wechat_aes_key.get_secret_value() if settings.wechat_aes_key else ""
        if aes_key and settings.wechat_app_id:
            try:
                key_ok = len(aes_key) == 43 and len(base64.b64decode(aes_key + "=", validate=True)) == 32
            except (binascii.Error, ValueError):
                key_ok = False
            if not key_ok:
                # Fail at start-up rather than on the first message; never echo the key itself.
                raise ValueError("ASSISTANT_WECHAT_AES_KEY must be WeChat's 43-character EncodingAESKey")
            self.crypto = WeChatCrypto(self.token, aes_key, settings.wechat_app_id)
        elif aes_key or settings.wechat_app_id:
            log.warning("wechat safe mode needs both ASSISTANT_WECHAT_AES_KEY and ASSISTANT_WECHAT_APP_ID; "
                        "only plain mode is enabled")
        self.executor = ThreadPoolExecutor(max_workers=ENGINE_WORKERS, thread_name_prefix="wechat-engine")
        self.lock = threading.RLock()
        # Shared by every worker (and host): replies by MsgId, claims, and late jobs by (openid, question).
        self.store = store if store is not None else state_store_for(settings)
        self.inflight: dict[str, Future] = {}  # this worker's own jobs, to wait on without polling

    @property
    def enabled(self) -> bool:
        return bool(self.token)

    # --- authentication -------------------------------------------------------------------------

    def authenticate(self, query: Mapping[str, str]) -> tuple[str, str]:
        signature, timestamp, nonce = (query.get(k, "") for k in ("signature", "timestamp", "nonce"))
        if not (signature and timestamp and nonce):
            raise _Refused(403, "missing signature")
        try:
            check_signature(self.token, signature, timestamp, nonce)
        except InvalidSignatureException as exc:
            raise _Refused(403, "invalid signature") from exc
        try:
            sent = int(timestamp)
        except ValueError as exc:
            raise _Refused(403, "invalid timestamp") from exc
        if abs(time.time() - sent) > self.window:
            raise _Refused(403, "stale timestamp")
        return timestamp, nonce

    def read_message(self, text: str, query: Mapping[str, str], timestamp: str, nonce: str) -> BaseMessage:
        root = _parse_xml_safely(text)
        if query.get("encrypt_type", "").lower() == "aes":
            if self.crypto is None:
                log.error("wechat sent an encrypted message but safe mode is not configured")
                raise _Refused(400, "safe mode is not configured")
            encrypt = (root.findtext("Encrypt") or "").strip()
            msg_signature = query.get("msg_signature", "")
            if not (encrypt and msg_signature):
                raise _Refused(403, "missing msg_signature")
            try:
                text = self.crypto.decrypt_message({"Encrypt": encrypt}, msg_signature, timestamp, nonce)
            except (InvalidSignatureException, InvalidAppIdException) as exc:
                raise _Refused(403, "invalid msg_signature or app id") from exc
            except Exception as exc:  # malformed base64 / padding / length: not a message from WeChat
                raise _Refused(400, "cannot decrypt") from exc
            _parse_xml_safely(text)
        try:
            msg = parse_message(text)
        except Exception as exc:
            raise _Refused(400, "not a wechat message") from exc
        if msg is None or not (_raw(msg, "FromUserName") and _raw(msg, "ToUserName")):
            raise _Refused(400, "not a wechat message")
        return msg

    # --- replies --------------------------------------------------------------------------------

    def render(self, msg: BaseMessage, content: str, encrypted: bool, nonce: str) -> Response:
        reply = TextReply(
            source=fmt.xml_safe(_raw(msg, "ToUserName")),
            target=fmt.xml_safe(_raw(msg, "FromUserName")),
            content=content,
        ).render()
        if encrypted and self.crypto is not None:
            reply = self.crypto.encrypt_message(reply, nonce)
        return Response(reply, media_type="application/xml")

    def fixed_reply(self, msg: BaseMessage, title: str | None = None) -> tuple[str | None, str | None]:
        """Returns (reply text, None), (None, question) for the engine, or (None, None) for "success".
        `title`: the served notice's title, named in the welcome text."""
        msg_type = _raw(msg, "MsgType").lower()
        if msg_type == "event":
            event = _raw(msg, "Event").lower()
            if event.startswith("subscribe"):
                return fmt.plain_reply(fmt.welcome_zh(title)), None
            return None, None  # unsubscribe, menu clicks, location reports: nothing to say
        if msg_type == "text":
            question = _raw(msg, "Content")
        elif msg_type == "voice" and _raw(msg, "Recognition"):
            question = _raw(msg, "Recognition")
        else:
            return fmt.plain_reply(fmt.TEXT_ONLY_ZH), None
        if not question:
            return fmt.plain_reply(fmt.EMPTY_ZH), None
        if len(question) > self.max_question_chars or len(unicodedata.normalize("NFKC", question)) > self.max_question_chars:
            text = (
                f"Your message is over {self.max_question_chars} characters; please ask a shorter question."
                if fmt.is_english(question)
                else f"您的问题超过{self.max_question_chars}字，请精简后再问。"
            )
            return fmt.plain_reply(text), None
        return None, _COMBINING_RUN.sub(r"\1", question)  # what reaches the engine is bounded, as on /api

    def _run(self, assistant: Any, question: str, openid: str) -> str:
        try:
            answer = assistant.ask(question, None, _session_id(openid))
            return fmt.format_answer(answer, question)
        except Exception:
            log.exception("wechat: the engine failed on a question")
            return fmt.plain_reply(fmt.FAILED_EN if fmt.is_english(question) else fmt.FAILED_ZH)

    def _finished(self, key: str, fut: Future) -> None:
        if not fut.cancelled() and fut.exception() is None:
            self.store.put("wx:reply:" + key, fut.result().encode("utf-8"), REPLY_CACHE_TTL_SECONDS)
        with self.lock:
            self.inflight.pop(key, None)

    def _stored(self, key: str) -> str | None:
        raw = self.store.get("wx:reply:" + key)
        return None if raw is None else raw.decode("utf-8")

    async def _poll(self, key: str, deadline: float) -> str | None:
        """Waits for a reply that another worker (or host) is computing."""
        while True:
            with self.lock:
                fut = self.inflight.get(key)
            if fut is not None:  # it is ours after all (a late job of this worker)
                return fut.result() if await _wait(fut, deadline - time.monotonic()) else None
            reply = self._stored(key)
            if reply is not None or time.monotonic() >= deadline:
                return reply
            await asyncio.sleep(min(POLL_SECONDS, max(0.0, deadline - time.monotonic())))

    async def answer(self, assistant: Any, key: str, openid: str, question: str, deadline: float) -> str:
        reply = self._stored(key)
        if reply is not None:
            return reply  # a retry: the first delivery's reply, whatever this one says
        with self.lock:
            fut = self.inflight.get(key)
        if fut is None:
            late_key = f"wx:late:{_digest(openid)}:{_digest(question)}"
            # The same user re-asking what a timed-out job is still answering gets that job's reply.
            earlier = self.store.get(late_key)
            if earlier is not None:
                self.store.delete(late_key)  # one re-ask takes it over, as before
            target = earlier.decode("utf-8") if earlier is not None else key
            if target != key:
                reply = await self._poll(target, deadline)
                if reply is not None:
                    self.store.put("wx:reply:" + key, reply.encode("utf-8"), REPLY_CACHE_TTL_SECONDS)
                    return reply
            elif not self.store.add("wx:claim:" + key, b"1", CLAIM_TTL_SECONDS):
                # Another worker is answering this MsgId (the first delivery): wait for its reply.
                reply = await self._poll(key, deadline)
                if reply is not None:
                    return reply
            else:
                with self.lock:
                    fut = self.inflight.get(key)
                    if fut is None:
                        fut = self.executor.submit(self._run, assistant, question, openid)
                        self.inflight[key] = fut
                        fut.add_done_callback(functools.partial(self._finished, key))
        if fut is not None:
            if await _wait(fut, deadline - time.monotonic()):
                return fut.result()
            self.store.put(f"wx:late:{_digest(openid)}:{_digest(question)}", key.encode("utf-8"),
                           REPLY_CACHE_TTL_SECONDS)
        return fmt.plain_reply(fmt.PENDING_EN if fmt.is_english(question) else fmt.PENDING_ZH)


def _refusal(exc: _Refused) -> Response:
    return PlainTextResponse(exc.reason, status_code=exc.status)


def _disabled() -> Response:
    return error_response(404, "wechat_disabled", "The WeChat endpoint is not configured on this server.")


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _Refused(413, "body too large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _Refused(413, "body too large")
        chunks.append(chunk)
    return b"".join(chunks)


def build_router(settings: Settings) -> APIRouter:
    router = APIRouter(tags=["wechat"])
    endpoint = WeChatEndpoint(settings)
    if endpoint.enabled:
        _install_access_log_redaction()

    @router.get("/wechat", response_class=PlainTextResponse, summary="WeChat server URL verification")
    async def verify(request: Request) -> Response:
        if not endpoint.enabled:
            return _disabled()
        try:
            endpoint.authenticate(request.query_params)
        except _Refused as exc:
            return _refusal(exc)
        echostr = request.query_params.get("echostr", "")
        if not echostr or len(echostr) > MAX_ECHOSTR_CHARS:
            return PlainTextResponse("missing echostr", status_code=403)
        # text/plain + nosniff: the echo is attacker-influenced only after a valid signature, but a
        # browser must never render it as HTML anyway.
        return PlainTextResponse(echostr, headers={"X-Content-Type-Options": "nosniff"})

    @router.post("/wechat", response_class=Response, summary="WeChat message push (passive reply)")
    async def receive(request: Request) -> Response:
        started = time.monotonic()
        if not endpoint.enabled:
            return _disabled()
        outcome = "refused"
        msg_type = "-"
        try:
            query = request.query_params
            timestamp, nonce = endpoint.authenticate(query)
            body = await _read_body(request, MAX_BODY_BYTES)
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _Refused(400, "body is not utf-8") from exc
            msg = endpoint.read_message(text, query, timestamp, nonce)
            encrypted = query.get("encrypt_type", "").lower() == "aes"
            msg_type = _raw(msg, "MsgType").lower() or "-"
            served = getattr(request.app.state, "assistant", None)
            reply, question = endpoint.fixed_reply(msg, served.corpus.title if served is not None else None)
            if question is not None:
                assistant = getattr(request.app.state, "assistant", None)
                if assistant is None:
                    reply = fmt.plain_reply(fmt.LOADING_ZH)
                else:
                    openid = _raw(msg, "FromUserName") or query.get("openid", "")
                    msg_id = _raw(msg, "MsgId") or f"t{_raw(msg, 'CreateTime')}"
                    key = f"{openid}:{msg_id}"
                    reply = await endpoint.answer(
                        assistant, key, openid, question, started + ANSWER_TIMEOUT_SECONDS
                    )
            if reply is None:
                outcome = "success"
                return PlainTextResponse("success")
            outcome = "text"
            return endpoint.render(msg, reply, encrypted, nonce)
        except _Refused as exc:
            outcome = f"refused {exc.status}"
            return _refusal(exc)
        finally:
            elapsed = time.monotonic() - started
            if elapsed > SLOW_REPLY_SECONDS:
                # Only shape and timing: never the token, AES key, echostr or the user's words.
                log.warning("wechat reply took %.2f s (msgtype=%s, outcome=%s)", elapsed, msg_type, outcome)

    return router
