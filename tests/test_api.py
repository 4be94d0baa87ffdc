"""The HTTP contract on a real uvicorn server: /api/ask, /api/eligibility, /api/health, errors."""

from __future__ import annotations

import httpx
import pytest

from corpus import load_corpus, squash

NOTICE = squash(load_corpus().clean_notice)


def test_health_and_docs(live_server) -> None:
    health = httpx.get(f"{live_server.url}/api/health", timeout=10)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert health.headers["x-request-id"]
    spec = httpx.get(f"{live_server.url}/openapi.json", timeout=10).json()
    assert {"/api/ask", "/api/eligibility", "/api/health"} <= set(spec["paths"])
    assert httpx.get(f"{live_server.url}/docs", timeout=10).status_code == 200


def test_ask_returns_the_answer_object(live_server) -> None:
    r = httpx.post(f"{live_server.url}/api/ask", json={"question": "申报截止时间是什么时候？", "today": "2024-09-15"},
                   timeout=30)
    assert r.status_code == 200
    body = r.json()
    assert body["intent"] == "dates" and "2024年10月24日" in body["answer"] and "正在进行" in body["answer"]
    assert body["eligibility"] is None
    for c in body["citations"]:
        assert set(c) >= {"id", "section", "text", "score"} and squash(c["text"]) in NOTICE


def test_follow_up_over_http(live_server) -> None:
    url = f"{live_server.url}/api/ask"
    httpx.post(url, json={"question": "同群效应那个课题是做什么的", "session_id": "http-1"}, timeout=30)
    r = httpx.post(url, json={"question": "那它的联系电话呢？", "session_id": "http-1"}, timeout=30)
    assert "67176525" in r.json()["answer"]


def test_ask_with_eligibility(live_server) -> None:
    r = httpx.post(f"{live_server.url}/api/ask", json={"question": "我们是企业，能申报吗？"}, timeout=30)
    body = r.json()
    assert body["intent"] == "eligibility" and body["eligibility"]["verdict"] == "ineligible"


def test_eligibility_endpoint(live_server) -> None:
    r = httpx.post(f"{live_server.url}/api/eligibility", json={"age": 61, "today": "2024-11-01"}, timeout=30)
    assert r.status_code == 200
    body = r.json()
    assert body["verdict"] == "ineligible"
    assert body["submission_window"] == {"status": "closed", "opens": "2024-09-04", "closes": "2024-10-24"}
    age = next(rule for rule in body["rules"] if rule["id"] == "age")
    assert age["passed"] is False and age["citation"]["text"]
    assert "org_type" in body["missing"]


@pytest.mark.parametrize(
    ("path", "payload"),
    [("/api/ask", {}), ("/api/ask", {"question": ""}), ("/api/ask", {"question": "   "}),
     ("/api/ask", {"question": 42}), ("/api/ask", {"question": "x", "today": "tomorrow"}),
     ("/api/ask", {"question": "x" * 1001}), ("/api/ask", {"question": "x", "session_id": "bad id!"}),
     ("/api/eligibility", {"age": "old"}), ("/api/eligibility", {"org_type": "spaceship"}),
     ("/api/eligibility", {"colour": "blue"})],
)
def test_bad_input_gets_a_4xx_json_error(live_server, path: str, payload: dict) -> None:
    r = httpx.post(f"{live_server.url}{path}", json=payload, timeout=30)
    assert 400 <= r.status_code < 500
    err = r.json()["error"]
    assert err["code"] and err["message"] and "Traceback" not in r.text


def test_unknown_path_and_method(live_server) -> None:
    assert httpx.get(f"{live_server.url}/api/nope", timeout=10).json()["error"]["code"] == "not_found"
    r = httpx.get(f"{live_server.url}/api/ask", timeout=10)
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
