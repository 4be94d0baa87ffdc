"""The serving path's per-request savings keep every behaviour: `/api/ask` answers a repeated
question without a session from the engine's answer cache on the event loop (`Assistant.cached`) with
a fresh answer id, an event-log row and the metrics of any answer; questions with a session always
reach the engine; the event log writes one transaction per batch."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.errors import ApiError
from api.events import EventLog, connect
from api.limits import check_question, client_key
from assistant.engine import Assistant
from assistant.settings import Settings


class Counting:
    """The real engine, counting the questions that reach it."""

    def __init__(self, engine: Assistant) -> None:
        self.engine, self.calls = engine, []

    def __getattr__(self, name: str):
        return getattr(self.engine, name)

    def ask(self, question: str, today: dt.date | None = None, session_id: str | None = None):
        self.calls.append((question, today, session_id))
        return self.engine.ask(question, today, session_id)


def test_a_repeat_without_session_skips_the_engine_but_nothing_else(assistant: Assistant, tmp_path: Path) -> None:
    engine = Counting(assistant)
    settings = Settings(data_dir=tmp_path, rate_limit_per_minute=0)
    app = create_app(settings, engine)  # type: ignore[arg-type]
    # Texts no other test asks (the engine, and so its answer cache, is shared by the whole run).
    tag = uuid.uuid4().hex[:8]
    question, other = f"申报截止时间是什么时候？{tag}", f"申报截止时间是哪天？{tag}"
    with TestClient(app) as client:
        first = client.post("/api/ask", json={"question": question}).json()
        second = client.post("/api/ask", json={"question": question}).json()
        assert len(engine.calls) == 1 and engine.calls[0][1] == assistant.today()  # the day is fixed for the key
        assert first["answer_id"] != second["answer_id"]
        assert {**first, "answer_id": ""} == {**second, "answer_id": ""}
        # Another day or another question is another answer; a session always goes to the engine.
        client.post("/api/ask", json={"question": question, "today": "2024-09-15"})
        client.post("/api/ask", json={"question": other})
        assert len(engine.calls) == 3
        for _ in range(2):
            r = client.post("/api/ask", json={"question": question, "session_id": f"fast-{tag}"})
            assert r.json()["session_id"] == f"fast-{tag}"
        assert len(engine.calls) == 5 and engine.calls[-1][2] == f"web:fast-{tag}"
        metrics = client.get("/metrics").text
    app.state.event_log.flush()
    with sqlite3.connect(app.state.event_log.path) as conn:
        ids = {row[0] for row in conn.execute("SELECT answer_id FROM asks")}
    assert {first["answer_id"], second["answer_id"]} <= ids  # the cached answer is logged like any other
    assert 'assistant_answer_cache_total{result="hit"}' in metrics


def test_the_cache_lookup_needs_the_same_day_and_a_whole_index(assistant: Assistant) -> None:
    day = dt.date(2024, 9, 20)
    question = f"重点项目的资助额度是多少？{uuid.uuid4().hex[:8]}"
    assert assistant.cached(question, day) is None  # never asked
    answer = assistant.ask(question, day)
    assert assistant.cached(question, day) is not None
    assert assistant.cached(question, day).answer == answer.answer  # type: ignore[union-attr]
    assert assistant.cached(question, day + dt.timedelta(days=1)) is None
    assistant.ask(question, day, session_id="web:cached-1")  # with a session: not a sessionless answer
    store = assistant.retriever.store
    was = store.degraded
    try:
        store.degraded = True  # degraded: the repaired index may answer otherwise
        assert assistant.cached(question, day) is None
    finally:
        store.degraded = was


def test_event_log_writes_a_batch_in_one_transaction(tmp_path: Path) -> None:
    log = EventLog(tmp_path)
    conn = connect(log.path)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    batch = [(f"{i:032x}", 1e9 + i, "api", None, "经费多少", "funding", ["p"], 1.0, "10万元") for i in range(20)]
    log._write(conn, batch)
    assert [s.split()[0] for s in statements if s.split()[0] in ("BEGIN", "COMMIT")] == ["BEGIN", "COMMIT"]
    assert conn.execute("SELECT COUNT(*) FROM asks").fetchone()[0] == 20
    conn.close()
    log.close()


def test_cheap_checks_still_check() -> None:
    assert check_question("  申报截止时间  ", 500) == "申报截止时间"
    assert check_question("e\u0301\u0301\u0301\u0301", 500) == "e\u0301\u0301"
    for text in ("\ufdfa" * 30, "x" * 501):  # too long after NFKC; too long as sent
        with pytest.raises(ApiError) as refused:
            check_question(text, 500)
        assert refused.value.code == "question_too_long"
    assert check_question("\ufdfa" * 27, 500)  # 27 x 18 = 486 after NFKC: allowed
    assert client_key("2001:db8::1") == client_key("2001:db8::2") == "2001:db8::/64"
    assert client_key("::ffff:10.0.0.1") == "10.0.0.1"
