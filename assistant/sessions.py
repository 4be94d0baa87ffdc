"""Conversation memory per session id: bounded in size and expiring, shared by every worker.

`SessionStore.get/put` is what the engine uses. The state lives in a `StateStore`
(assistant/state_store.py): SQLite under `ASSISTANT_DATA_DIR` by default, Redis with
`ASSISTANT_REDIS_URL`, so a follow-up that lands on another worker (or host) still knows what was said.

Session ids are namespaced by channel at the edge (`channel_session_id`): the web API stores under
`web:<id>`, WeChat under `wx:<openid>`, the OpenAI-compatible endpoint under `oa:<id>`, so no
client-chosen id can reach another channel's state.

`SessionState` is serialised generically (every dataclass field; pydantic models by
`model_dump`/`model_validate`; tuples, dicts, nested dataclasses), so fields added later survive
without touching this module: unknown keys are ignored on read, missing keys take their defaults.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import types
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from assistant.models import Profile
from assistant.state_store import StateStore, state_store_for

log = logging.getLogger(__name__)
# Channel -> key prefix. WeChat keeps its historical `wx:`; the OpenAI-compatible endpoint uses `oa:`.
CHANNELS = {"web": "web", "wechat": "wx", "openai": "oa", "cli": "cli"}


@dataclass(frozen=True)
class SessionState:
    topics: tuple[str, ...] = ()
    intent: str | None = None
    profile: Profile = field(default_factory=Profile)
    # The previous turn's question as understood (corrected, completed): an elliptical follow-up
    # ("那重大项目呢") is read against it.
    last_question: str | None = None

    def key(self) -> str:
        """What an answer may depend on, for the answer cache."""
        return (f"{','.join(self.topics)}|{self.intent}|{self.profile.model_dump_json(exclude_none=True)}"
                f"|{self.last_question or ''}")


def channel_session_id(channel: str, client_id: str | None) -> str | None:
    """The server-side session key of a client's id on one channel (None stays None)."""
    if not client_id:
        return None
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    return f"{CHANNELS[channel]}:{client_id}"


# ----------------------------------------------------------------------------- serialisation
def _to_json(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list, set, frozenset)):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _to_json(v) for k, v in value.items()}
    return value


def _from_json(hint: Any, value: Any) -> Any:
    """Rebuilds a value of type `hint` from its JSON form (best effort; the caller catches failures)."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        for option in options:
            try:
                return _from_json(option, value)
            except (TypeError, ValueError):
                continue
        return value
    if origin is typing.Annotated:
        return _from_json(args[0], value)
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return hint.model_validate(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_json(args[0], v) for v in value)
        if args:
            return tuple(_from_json(a, v) for a, v in zip(args, value, strict=False))
        return tuple(value)
    if origin in (list, set, frozenset):
        inner = args[0] if args else Any
        return origin(_from_json(inner, v) for v in value)
    if origin is dict:
        kt, vt = args if len(args) == 2 else (Any, Any)
        return {_from_json(kt, k): _from_json(vt, v) for k, v in value.items()}
    if hint in (tuple, list, set, frozenset):
        return hint(value)
    return value


@lru_cache(maxsize=32)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} expects an object")
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data or not f.init:
            continue  # missing: the default
        try:
            kwargs[f.name] = _from_json(hints.get(f.name, Any), data[f.name])
        except (TypeError, ValueError) as exc:  # one bad field keeps its default, not the whole state
            log.warning("session field %s could not be read back (%s); using its default", f.name, type(exc).__name__)
    return cls(**kwargs)


def dump_state(state: SessionState) -> bytes:
    return json.dumps(_to_json(state), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def load_state(raw: bytes) -> SessionState:
    try:
        return _build(SessionState, json.loads(raw))
    except (TypeError, ValueError) as exc:
        log.warning("unreadable session state (%s); starting afresh", type(exc).__name__)
        return SessionState()


# ----------------------------------------------------------------------------- the store
class SessionStore:
    """get/put of `SessionState` by session id; expiry `ttl_seconds` after the last write, at most
    `max_sessions` kept (least recently written dropped first)."""

    def __init__(self, max_sessions: int = 10_000, ttl_seconds: float = 1800, *,
                 backend: StateStore | None = None) -> None:
        if backend is None:
            from assistant.settings import get_settings

            backend = state_store_for(get_settings())
        self.backend = backend
        self._max, self._ttl = max_sessions, ttl_seconds

    def discard(self, sid: str | None) -> None:
        """Forgets a session (a throw-away one, used to replay a chat history)."""
        if sid:
            self.backend.delete("session:" + sid)

    def count(self) -> int:
        """Sessions alive in the shared store (all workers, all channels)."""
        return self.backend.count("session")

    def get(self, sid: str | None) -> SessionState:
        if not sid:
            return SessionState()
        raw = self.backend.get("session:" + sid)
        return SessionState() if raw is None else load_state(raw)

    def put(self, sid: str | None, state: SessionState) -> None:
        if not sid:
            return
        self.backend.put("session:" + sid, dump_state(state), self._ttl, group="session", max_items=self._max)


def make_session_store(settings: Any) -> SessionStore:
    """The session store these settings describe (data_dir / redis_url, session_max, session_ttl_seconds)."""
    return SessionStore(settings.session_max, settings.session_ttl_seconds, backend=state_store_for(settings))
