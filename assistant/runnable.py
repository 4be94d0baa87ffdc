"""The whole assistant as a LangChain `Runnable`: a question or a conversation in, an `Answer` out.

Input forms accepted by `AssistantRunnable.invoke` (and so by `batch`, `stream`, `|` composition):

- a question string: `"申报截止时间是什么时候？"`;
- a list of messages: LangChain messages (`HumanMessage`, `AIMessage`, ...), OpenAI-style dicts
  (`{"role": "user", "content": "..."}`, content a string or a list of `{"type": "text", ...}` parts)
  or `(role, text)` tuples;
- a dict: `{"question": str}` or `{"messages": [...]}`, plus optional `"today"` (a date or
  `YYYY-MM-DD`) and `"session_id"`.

Follow-ups from a message list: the engine keeps follow-up context (the last topic, stated facts) per
session id. Without a session id, the earlier user turns (at most `MAX_REPLAYED_TURNS`) are asked again
under a fresh throw-away session id and the last one is asked under the same id, so "那它的电话呢？"
after "子课题⑤是做什么的？" is answered about sub-topic ⑤ by the engine's own follow-up mechanism.
Replays are cheap: the engine caches answers by question, date and session context. With a session id,
only the last user message is asked (the engine already remembers that session's earlier turns).

The OpenAI-compatible endpoint (`api/openai_compat.py`) answers through this same runnable.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any, Protocol

from langchain_core.runnables import Runnable, RunnableConfig

from assistant.models import Answer

# Earlier user turns replayed to rebuild follow-up context when no session id is given.
MAX_REPLAYED_TURNS = 8
EPHEMERAL_PREFIX = "oa:"
_USER_ROLES = frozenset({"user", "human"})


class _Sessions(Protocol):
    def discard(self, sid: str | None) -> None: ...


class _Asks(Protocol):
    sessions: _Sessions

    def ask(self, question: str, today: dt.date | None = None, session_id: str | None = None) -> Answer: ...


def message_text(content: Any) -> str:
    """The text of a message's content: a string, or the text parts of an OpenAI/LangChain part list."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, Sequence):
        parts = []
        for part in content:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and part.get("type", "text") == "text" and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "\n".join(parts)
    return str(content)


def _role_and_text(message: Any) -> tuple[str, str]:
    if isinstance(message, str):
        return "user", message
    if isinstance(message, tuple | list) and len(message) == 2 and isinstance(message[0], str):
        return message[0].lower(), message_text(message[1])
    if isinstance(message, dict):
        return str(message.get("role", "")).lower(), message_text(message.get("content"))
    role = getattr(message, "type", None) or getattr(message, "role", "")  # LangChain BaseMessage: .type
    return str(role).lower(), message_text(getattr(message, "content", ""))


def user_turns(messages: Sequence[Any]) -> list[str]:
    """The user messages of a conversation, in order, stripped; empty ones dropped."""
    turns = []
    for m in messages:
        role, text = _role_and_text(m)
        if role in _USER_ROLES and text.strip():
            turns.append(text.strip())
    return turns


def ask_conversation(assistant: _Asks, turns: Sequence[str], today: dt.date | None = None,
                     session_id: str | None = None, max_replayed: int = MAX_REPLAYED_TURNS,
                     max_chars: int | None = None) -> Answer:
    """Answers the last of `turns` with the earlier ones as follow-up context (see the module doc).

    `max_chars`: earlier turns longer than this are not replayed (the HTTP edge refuses such questions,
    so a client never got an answer to them). The answer's `session_id` is the caller's, or None when
    a throw-away session was used."""
    if not turns:
        raise ValueError("no user message to answer")
    *earlier, last = turns
    if session_id is not None:
        return assistant.ask(last, today, session_id)
    earlier = [t for t in earlier if max_chars is None or len(t) <= max_chars]
    earlier = earlier[-max_replayed:] if max_replayed > 0 else []
    if not earlier:
        return assistant.ask(last, today, None)
    sid = EPHEMERAL_PREFIX + uuid.uuid4().hex
    for turn in earlier:
        assistant.ask(turn, today, sid)
    answer = assistant.ask(last, today, sid)
    assistant.sessions.discard(sid)  # it must not count against the store's bound until it expires
    return answer.model_copy(update={"session_id": None})


def _parse_today(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def parse_input(value: Any) -> tuple[list[str], dt.date | None, str | None]:
    """(user turns, today, session id) from any accepted input form."""
    today = session_id = None
    if isinstance(value, str):
        turns = [value.strip()] if value.strip() else []
    elif isinstance(value, dict):
        today, session_id = _parse_today(value.get("today")), value.get("session_id")
        if "messages" in value:
            turns = user_turns(value["messages"] or [])
        else:
            q = message_text(value.get("question", value.get("input")))
            turns = [q.strip()] if q.strip() else []
    elif isinstance(value, Sequence):
        turns = user_turns(value)
    else:  # a single LangChain message, or a PromptValue
        to_messages = getattr(value, "to_messages", None)
        turns = user_turns(to_messages() if callable(to_messages) else [value])
    if not turns:
        raise ValueError("the input holds no user question")
    return turns, today, session_id


class AssistantRunnable(Runnable[Any, Answer]):
    """`Runnable` over an `Assistant` (anything with its `ask`): str | messages | dict → `Answer`."""

    def __init__(self, assistant: _Asks, max_replayed: int = MAX_REPLAYED_TURNS,
                 max_chars: int | None = None) -> None:
        self.assistant, self.max_replayed, self.max_chars = assistant, max_replayed, max_chars

    @property
    def InputType(self) -> Any:  # noqa: N802 (LangChain's name)
        return str | list | dict

    @property
    def OutputType(self) -> type[Answer]:  # noqa: N802
        return Answer

    def _answer(self, value: Any) -> Answer:
        turns, today, session_id = parse_input(value)
        return ask_conversation(self.assistant, turns, today, session_id, self.max_replayed, self.max_chars)

    def invoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> Answer:  # noqa: A002
        return self._call_with_config(self._answer, input, config, run_type="chain")


def as_runnable(assistant: _Asks, **kwargs: Any) -> AssistantRunnable:
    return AssistantRunnable(assistant, **kwargs)
