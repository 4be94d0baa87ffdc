"""Issue 13: answer ids, POST /api/feedback, the event log, the operator report, /metrics and /admin."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import REPO, free_port
from fastapi.testclient import TestClient

from api.app import create_app
from api.events import EventLog, hash_session, mask
from api.report import build_report, group_similar, parse_since
from api.report import main as report_main
from assistant.settings import Settings

OUT_OF_SCOPE = ["明天天气怎么样？", "明天的天气如何", "股票怎么买？"]
IN_SCOPE = ["申报截止时间是什么时候？", "项目经费是多少？", "咨询联系电话是多少？"]


def metric(text: str, name: str, **labels: str) -> float:
    """Sum of the samples of `name` whose labels include `labels`."""
    total = 0.0
    for line in text.splitlines():
        m = re.match(r"^([a-zA-Z_:][\w:]*)(\{[^}]*\})? ([0-9.eE+\-]+)$", line)
        if not m or m.group(1) != name:
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2) or ""))
        if all(found.get(k) == v for k, v in labels.items()):
            total += float(m.group(3))
    return total


def test_mask_hides_phone_id_and_email_but_not_dates_or_amounts() -> None:
    text = mask("电话13812345678或0371-67183095，身份证41010519900101123X，邮箱li.ming@zzu.edu.cn，"
                "截止20241024，经费50000元，１３９１２３４５６７８")
    assert "[phone]或[phone]" in text and "[id]" in text and "[email]" in text
    assert "20241024" in text and "50000" in text and "1391234" not in text
    assert hash_session("abc") == hash_session("abc") != hash_session("abd") and hash_session(None) is None


def test_event_log_batches_off_the_request_path_and_keeps_no_text_when_told(tmp_path: Path) -> None:
    log = EventLog(tmp_path, keep_questions=False, host="h1")
    start = time.perf_counter()
    for i in range(200):
        log.record_ask(answer_id=f"a{i}", channel="api", session_id="s", question="我的手机13812345678",
                       intent="dates", citations=["p1"], latency_ms=3.0, answer="x")
    per_call = (time.perf_counter() - start) / 200
    assert per_call < 0.0005  # queued, not written: well under a millisecond
    assert log.known("a5")  # pending ids are known at once
    log.close()
    rows = sqlite3.connect(log.path).execute("SELECT count(*), count(question) FROM asks").fetchone()
    assert rows == (200, 0)


def test_retention_deletes_old_events(tmp_path: Path) -> None:
    log = EventLog(tmp_path, retention_days=1, host="h")
    log.record_ask(answer_id="old", channel="api", session_id=None, question="q", intent="other",
                   citations=[], latency_ms=1, answer="a", ts=time.time() - 3 * 86400)
    log.record_ask(answer_id="new", channel="api", session_id=None, question="q", intent="other",
                   citations=[], latency_ms=1, answer="a")
    log.flush()
    log.prune()
    assert [r[0] for r in sqlite3.connect(log.path).execute("SELECT answer_id FROM asks")] == ["new"]
    log.close()


def test_similar_questions_group_together() -> None:
    items = [{"question": "明天天气怎么样？", "count": 3}, {"question": "明天的天气怎么样", "count": 2},
             {"question": "股票怎么买？", "count": 1}]
    groups, method = group_similar(items, None)
    assert method == "bigram-jaccard" and [g["count"] for g in groups] == [5, 1]
    assert parse_since("7d") == 7 * 86400 and parse_since("24h") == 86400


def ask(client: TestClient, question: str, session: str = "s1") -> dict:
    r = client.post("/api/ask", json={"question": question, "session_id": session})
    assert r.status_code == 200, r.text
    return r.json()


def test_feedback_end_to_end_across_a_restart(assistant, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", rate_limit_per_minute=0)
    with TestClient(create_app(settings, assistant)) as client:
        before = client.get("/metrics").text
        answers = [ask(client, q) for q in IN_SCOPE + OUT_OF_SCOPE + ["我的电话13812345678，明天天气怎么样？"]]
        ids = [a["answer_id"] for a in answers]
        assert all(ids) and len(set(ids)) == len(ids)
        assert [a["intent"] == "out_of_scope" for a in answers] == [False] * 3 + [True] * 4
        ok = client.post("/api/feedback", json={"answer_id": ids[0], "rating": "up"})
        assert ok.status_code == 200 and ok.json() == {"ok": True}
        assert client.post("/api/feedback", json={"answer_id": ids[1], "rating": "down",
                                                  "comment": "没说清楚，请联系 a@b.cn"}).status_code == 200
        assert client.post("/api/feedback", json={"answer_id": ids[3], "rating": "down"}).status_code == 200
        bad = [({"answer_id": "f" * 32, "rating": "up"}, 404, "unknown_answer"),
               ({"answer_id": ids[0], "rating": "meh"}, 422, "invalid_rating"),
               ({"answer_id": ids[0], "rating": "down", "comment": "长" * 501}, 422, "comment_too_long"),
               ({"answer_id": ids[0]}, 422, "invalid_request"),
               ({"answer_id": "../x", "rating": "up"}, 422, "invalid_request")]
        for body, status, code in bad:
            r = client.post("/api/feedback", json=body)
            assert (r.status_code, r.json()["error"]["code"]) == (status, code), body
        after = client.get("/metrics").text
    for name, labels, delta in [("assistant_answers_total", {}, 7),
                                ("assistant_out_of_scope_answers_total", {}, 4),
                                ("assistant_answer_seconds_count", {}, 7),
                                ("assistant_feedback_total", {"rating": "down"}, 2),
                                ("assistant_feedback_total", {"rating": "up"}, 1),
                                ("assistant_http_requests_total", {"path": "/api/ask", "status": "200"}, 7),
                                ("assistant_http_requests_total", {"path": "/api/feedback", "status": "404"}, 1)]:
        assert metric(after, name, **labels) - metric(before, name, **labels) == delta, name

    # A restart: a new app on the same data directory still knows the answers and records marks.
    with TestClient(create_app(settings, assistant)) as client:
        assert client.post("/api/feedback", json={"answer_id": ids[4], "rating": "down",
                                                  "comment": "我问的是天气"}).status_code == 200

    out = tmp_path / "report"
    assert report_main(["--since", "1d", "--out", str(out), "--data", str(settings.data_dir)], settings) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["asks"] == 7 and report["out_of_scope"]["count"] == 4
    assert report["feedback"] == {"up": 1, "down": 3}
    questions = {q["question"]: q["count"] for q in report["out_of_scope"]["questions"]}
    assert questions["股票怎么买？"] == 1 and "我的电话[phone]，明天天气怎么样？" in questions
    assert "13812345678" not in (out / "report.json").read_text(encoding="utf-8")
    weather = report["out_of_scope"]["groups"][0]  # the embedder puts the three weather questions together
    assert report["out_of_scope"]["grouping"] == "embedder"
    assert weather["count"] == 3 and "天气" in weather["question"] and len(report["out_of_scope"]["groups"]) == 2
    low = {e["question"]: e for e in report["low_rated"]}
    assert low["项目经费是多少？"]["comment"] == "没说清楚，请联系 [email]"
    assert low["明天的天气如何"]["comment"] == "我问的是天气" and low["明天的天气如何"]["answer"]
    assert low["明天天气怎么样？"]["down"] == 1 and low["明天天气怎么样？"]["comment"] == ""
    assert {"question", "answer", "comment"} <= set(report["low_rated"][0])
    assert report["most_asked"][0]["count"] == 1 and report["latency_ms"]["p50"] > 0
    for name in ["report.md", "questions_per_day.png", "intents.png", "out_of_scope_share.png", "latency.png"]:
        assert (out / name).stat().st_size > 0
    assert "我问的是天气" in (out / "report.md").read_text(encoding="utf-8")


def test_questions_not_kept_when_log_questions_is_false(assistant, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, rate_limit_per_minute=0, log_questions=False)
    with TestClient(create_app(settings, assistant)) as client:
        ask(client, "明天天气怎么样？")
    report = build_report([tmp_path], 3600)
    assert report["asks"] == 1 and report["out_of_scope"]["questions"][0]["question"].startswith("(")
    assert "天气" not in json.dumps(report, ensure_ascii=False)


def test_feedback_sees_an_ask_answered_by_another_worker(assistant, tmp_path: Path) -> None:
    """Two apps (two workers) on one data directory: feedback to the other one right after the answer."""
    settings = Settings(data_dir=tmp_path, rate_limit_per_minute=0)
    with TestClient(create_app(settings, assistant)) as one, TestClient(create_app(settings, assistant)) as two:
        answer_id = ask(one, "申报截止时间是什么时候？")["answer_id"]
        start = time.perf_counter()
        assert two.post("/api/feedback", json={"answer_id": answer_id, "rating": "up"}).status_code == 200
        assert time.perf_counter() - start < 1.0


def test_made_up_and_old_ids_are_refused_at_once(assistant, tmp_path: Path) -> None:
    from api.events import answer_id_time, new_answer_id

    fresh = new_answer_id()
    assert len(fresh) == 32 and abs(answer_id_time(fresh) - time.time()) < 1 and answer_id_time("x" * 32) == 0
    with TestClient(create_app(Settings(data_dir=tmp_path, rate_limit_per_minute=0), assistant)) as client:
        for made_up in ["0" * 32, "deadbeef", f"{int((time.time() - 60) * 1000):012x}" + "0" * 20]:
            start = time.perf_counter()
            assert client.post("/api/feedback", json={"answer_id": made_up, "rating": "up"}).status_code == 404
            assert time.perf_counter() - start < 0.2
        start = time.perf_counter()  # a fresh id that no worker answered: looked up for up to a second
        assert client.post("/api/feedback", json={"answer_id": new_answer_id(), "rating": "up"}).status_code == 404
        assert 0.5 < time.perf_counter() - start < 2.0


def test_feedback_is_rate_limited_like_ask(assistant, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, rate_limit_per_minute=6, rate_limit_burst=2)
    with TestClient(create_app(settings, assistant)) as client:
        codes = [client.post("/api/feedback", json={"answer_id": "x", "rating": "up"}).status_code for _ in range(3)]
    assert codes[-1] == 429


def test_admin_is_404_without_a_token_and_needs_it_with_one(assistant, tmp_path: Path) -> None:
    with TestClient(create_app(Settings(data_dir=tmp_path), assistant)) as client:
        assert client.get("/admin").status_code == 404
    settings = Settings(data_dir=tmp_path, admin_token="s3cret-token", rate_limit_per_minute=0)
    with TestClient(create_app(settings, assistant)) as client:
        ask(client, "明天天气怎么样？")
        page = client.get("/admin")
        assert page.status_code == 401 and "天气" not in page.text and 'name="token"' in page.text
        assert client.get("/admin/report.json").status_code == 401
        assert client.get("/admin", headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = client.get("/admin", headers={"Authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200 and "明天天气怎么样？" in ok.text
        assert client.post("/admin/login", data={"token": "nope"}).status_code == 401
        login = client.post("/admin/login", data={"token": "s3cret-token"}, follow_redirects=False)
        assert login.status_code == 303 and "s3cret-token" not in login.headers["set-cookie"]
        assert "httponly" in login.headers["set-cookie"].lower()
        assert client.get("/admin").status_code == 200  # the cookie
        assert client.get("/admin/report.json").json()["asks"] == 1


@pytest.mark.slow
def test_serve_with_two_workers_counts_every_ask_in_metrics_and_report(tmp_path: Path) -> None:
    """The acceptance path: `serve` (2 worker processes) on a fresh data dir, asks, feedback, a restart,
    `report`; /metrics (whichever worker answers) counts the asks of both workers."""
    port = free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path / "data"), "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0",
           "ASSISTANT_LOG_LEVEL": "WARNING"}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    url = f"http://127.0.0.1:{port}"

    def start() -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port), "--workers", "2"],
                                cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        ready = 0
        while time.time() < deadline and ready < 6:  # several 200s in a row: both workers have loaded
            try:
                ready = ready + 1 if httpx.get(f"{url}/api/ready", timeout=2).status_code == 200 else 0
            except httpx.HTTPError:
                ready = 0
            time.sleep(0.3)
        assert ready >= 6, "server did not become ready"
        return proc

    def stop(proc: subprocess.Popen) -> None:
        proc.terminate()
        proc.wait(timeout=30)

    proc = start()
    try:
        ids = []
        for q in IN_SCOPE + OUT_OF_SCOPE:
            with httpx.Client() as c:  # a new connection each: SO_REUSEPORT spreads them over the workers
                ids.append(c.post(f"{url}/api/ask", json={"question": q}, timeout=30).json()["answer_id"])
        assert httpx.post(f"{url}/api/feedback", json={"answer_id": ids[0], "rating": "up"}).status_code == 200
        assert httpx.post(f"{url}/api/feedback", json={"answer_id": ids[4], "rating": "down",
                                                       "comment": "不是这个"}).status_code == 200
        assert httpx.post(f"{url}/api/feedback", json={"answer_id": ids[0], "rating": "x"}).status_code == 422
        scrapes = [httpx.get(f"{url}/metrics", timeout=10).text for _ in range(4)]
        for text in scrapes:
            assert metric(text, "assistant_answers_total") == 6
            assert metric(text, "assistant_out_of_scope_answers_total") == 3
    finally:
        stop(proc)
    proc = start()
    try:
        assert httpx.post(f"{url}/api/feedback", json={"answer_id": ids[5], "rating": "down"}).status_code == 200
    finally:
        stop(proc)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "assistant", "report", "--since", "1d", "--out", str(out)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["asks"] == 6 and report["out_of_scope"]["count"] == 3
    assert report["feedback"] == {"up": 1, "down": 2}
    assert any(e["comment"] == "不是这个" for e in report["low_rated"])


def test_a_later_mark_on_an_answer_replaces_the_earlier(tmp_path: Path) -> None:
    log = EventLog(tmp_path, host="h")
    for answer_id in ("a1", "a2"):
        log.record_ask(answer_id=answer_id, channel="api", session_id=None, question="经费多少", intent="funding",
                       citations=["p"], latency_ms=2, answer="10万元")
    log.flush()
    log.record_feedback("a1", "up", None)
    log.record_feedback("a1", "down", None)
    log.record_feedback("a1", "down", "不对")
    log.record_feedback("a2", "down", "也不对")
    log.close()
    report = build_report([tmp_path / log.path.name], 3600)  # a file works as well as a directory
    assert report["feedback"] == {"up": 0, "down": 2}
    (entry,) = report["low_rated"]
    assert entry["down"] == 2 and sorted(entry["comments"]) == ["不对", "也不对"] and entry["answer"] == "10万元"


def test_metrics_count_answer_cache_hits_and_live_sessions(assistant, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", rate_limit_per_minute=0)

    def hits(text: str) -> float:
        m = re.search(r'assistant_answer_cache_total\{result="hit"\} ([0-9.]+)', text)
        return float(m.group(1)) if m else 0.0

    with TestClient(create_app(settings, assistant)) as client:
        before = hits(client.get("/metrics").text)
        question = f"申报截止时间是什么时候？（{time.monotonic_ns()}）"
        for _ in range(2):  # no session: the same question twice is one miss and one hit
            assert client.post("/api/ask", json={"question": question}).status_code == 200
        ask(client, question, session="metrics-a")  # a session now lives in the shared store
        text = client.get("/metrics").text
    assert hits(text) >= before + 1
    m = re.search(r"^assistant_sessions ([0-9.]+)$", text, re.M)
    assert m and float(m.group(1)) >= 1
