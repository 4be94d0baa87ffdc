"""The command line: ask, index, bad input."""

from __future__ import annotations

import json
import subprocess
import sys


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True, text=True,
                          timeout=300)


def test_ask_json_prints_the_answer_object() -> None:
    r = run("ask", "子课题⑤的联系电话是多少？", "--json")
    assert r.returncode == 0, r.stderr
    body = json.loads(r.stdout)
    assert "67180459" in body["answer"] and body["intent"] == "contacts" and body["citations"]


def test_ask_text_and_today() -> None:
    r = run("ask", "现在还能申报吗", "--today", "2024-08-01")
    assert r.returncode == 0 and "尚未开始" in r.stdout


def test_index_reports_a_ready_index() -> None:
    r = run("index")
    assert r.returncode == 0 and "index ready" in r.stdout


def test_bad_arguments_are_clear_errors() -> None:
    assert run("ask", "   ").returncode == 2
    bad_date = run("ask", "hi", "--today", "someday")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    missing = run("check", "/nonexistent/profile.json")
    assert missing.returncode == 2 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr
