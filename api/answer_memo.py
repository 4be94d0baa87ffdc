"""Answers to questions asked without a session, served on the event loop (`/api/ask`'s fast path).

The engine caches answers itself, but it is called on a worker thread (`api.limits.run_answer`), and
the hop there and back (a thread wake-up, the GIL handed over twice, the loop woken from epoll) costs
more CPU than looking the answer up: about 120 µs of a 400 µs repeated question (docs/deployment.md).
This memo keeps, per worker, the answers the engine gave to questions asked *without* a session, so a
repeat is answered without leaving the event loop.

It returns only what the engine itself returned for the same question text on the same day, with
the index in the same state (full or degraded): for a question without a session the engine's answer
depends on nothing else (its own cache is keyed by the canonical question, the day and the session
state, which is the empty state here). Questions with a session always go to the engine (their state
is in the shared store, which is I/O). Bounded like the engine's cache (`ANSWER_CACHE_SIZE`, least
recently used dropped); 0 turns it off. Used from the event loop only, so it needs no lock.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any

from assistant.models import Answer


def _degraded(assistant: Any) -> bool:
    store = getattr(getattr(assistant, "retriever", None), "store", None)
    return bool(getattr(store, "degraded", False))


class SessionlessAnswers:
    def __init__(self, size: int) -> None:
        self.size = max(0, size)
        self._owner: Any = None
        self._answers: OrderedDict[tuple[str, dt.date, bool], Answer] = OrderedDict()

    def __len__(self) -> int:
        return len(self._answers)

    def key(self, assistant: Any, question: str, today: dt.date | None) -> tuple[str, dt.date, bool] | None:
        """The memo key of a question: the text, the day the engine would answer for (its `today()`
        unless the client gave one) and whether the index is degraded; None when nothing may be kept."""
        if not self.size:
            return None
        if today is None:
            engine_today = getattr(assistant, "today", None)
            if not callable(engine_today):
                return None
            today = engine_today()
        return (question, today, _degraded(assistant))

    def get(self, assistant: Any, key: tuple[str, dt.date, bool] | None) -> Answer | None:
        if key is None or assistant is not self._owner:
            return None
        found = self._answers.get(key)
        if found is not None:
            self._answers.move_to_end(key)
        return found

    def put(self, assistant: Any, key: tuple[str, dt.date, bool] | None, answer: Answer) -> None:
        """Keeps the engine's answer under the key taken *before* it was asked (an index repaired
        meanwhile leaves it under the degraded key)."""
        if key is None:
            return
        if assistant is not self._owner:  # another engine (a reload): nothing of the old one holds
            self._answers.clear()
            self._owner = assistant
        self._answers[key] = answer
        self._answers.move_to_end(key)
        while len(self._answers) > self.size:
            self._answers.popitem(last=False)
