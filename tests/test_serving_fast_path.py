"""The serving path's per-request savings keep every behaviour: `/api/ask` answers a repeated
question without a session from the worker's memo (api/answer_memo.py) with a fresh answer id, an
event-log row and the metrics of any answer; questions with a session always reach the engine; the
event log writes one transaction per batch."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from api.answer_memo import SessionlessAnswers
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
    with TestClient(app) as client:
        first = client.post("/api/ask", json={"question": "申报截止时间是什么时候？"}).json()
        second = client.post("/api/ask", json={"question": "申报截止时间是什么时候？"}).json()
        assert len(engine.calls) == 1 and engine.calls[0][1] == assistant.today()  # the day is fixed for the key
        assert first["answer_id"] != second["answer_id"]
        assert {**first, "answer_id": ""} == {**second, "answer_id": ""}
        # Another day or another text is another answer; a session always goes to the engine.
        client.post("/api/ask", json={"question": "申报截止时间是什么时候？", "today": "2024-09-15"})
        client.post("/api/ask", json={"question": "申报截止时间是什么时候?"})
        assert len(engine.calls) == 3
        for _ in range(2):
            r = client.post("/api/ask", json={"question": "申报截止时间是什么时候？", "session_id": "fast-1"})
            assert r.json()["session_id"] == "fast-1"
        assert len(engine.calls) == 5 and engine.calls[-1][2] == "web:fast-1"
        metrics = client.get("/metrics").text
    app.state.event_log.flush()
    with sqlite3.connect(app.state.event_log.path) as conn:
        ids = {row[0] for row in conn.execute("SELECT answer_id FROM asks")}
    assert {first["answer_id"], second["answer_id"]} <= ids  # the memo's answer is logged like any other
    assert 'assistant_answer_cache_total{result="hit"}' in metrics


def test_memo_is_keyed_by_index_state_and_bounded() -> None:
    store = SimpleNamespace(degraded=True)
    engine = SimpleNamespace(retriever=SimpleNamespace(store=store), today=lambda: dt.date(2024, 9, 1))
    memo = SessionlessAnswers(2)
    key = memo.key(engine, "q", None)
    assert key == ("q", dt.date(2024, 9, 1), True)
    memo.put(engine, key, "degraded answer")  # type: ignore[arg-type]
    assert memo.get(engine, memo.key(engine, "q", None)) == "degraded answer"
    store.degraded = False  # repaired: the full index answers again
    assert memo.get(engine, memo.key(engine, "q", None)) is None
    for q in ("a", "b", "c"):
        memo.put(engine, memo.key(engine, q, None), q)  # type: ignore[arg-type]
    assert len(memo) == 2 and memo.get(engine, memo.key(engine, "a", None)) is None
    other = SimpleNamespace(today=lambda: dt.date(2024, 9, 1))
    assert memo.get(other, memo.key(other, "c", None)) is None  # another engine: nothing of the old one
    assert SessionlessAnswers(0).key(engine, "q", None) is None  # ANSWER_CACHE_SIZE=0: off
    assert SessionlessAnswers(8).key(object(), "q", None) is None  # an engine without today(): not kept


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
