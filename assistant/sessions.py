"""Conversation memory per session id: bounded in size and expiring, in process memory."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from assistant.models import Profile


@dataclass(frozen=True)
class SessionState:
    topics: tuple[str, ...] = ()
    intent: str | None = None
    profile: Profile = field(default_factory=Profile)

    def key(self) -> str:
        """What an answer may depend on, for the answer cache."""
        return f"{','.join(self.topics)}|{self.intent}|{self.profile.model_dump_json(exclude_none=True)}"


class SessionStore:
    def __init__(self, max_sessions: int = 10_000, ttl_seconds: float = 1800) -> None:
        self._data: OrderedDict[str, tuple[float, SessionState]] = OrderedDict()
        self._max, self._ttl = max_sessions, ttl_seconds
        self._lock = threading.Lock()

    def get(self, sid: str | None) -> SessionState:
        if not sid:
            return SessionState()
        now = time.monotonic()
        with self._lock:
            item = self._data.get(sid)
            if item is None or now - item[0] > self._ttl:
                self._data.pop(sid, None)
                return SessionState()
            return item[1]

    def put(self, sid: str | None, state: SessionState) -> None:
        if not sid:
            return
        with self._lock:
            self._data[sid] = (time.monotonic(), state)
            self._data.move_to_end(sid)
            while len(self._data) > self._max:
                self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)
