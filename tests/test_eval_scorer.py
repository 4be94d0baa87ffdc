"""The scorer itself, on a tiny hand-made gold file whose right and wrong answers are known.

Every figure asserted here was worked out by hand from the lines below, so a scorer that matches
wrongly, ranks citations wrongly or aggregates wrongly fails these tests.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from assistant.models import Answer, Citation, Eligibility, Intent, RuleCitation, RuleResult, SubmissionWindow
from evaluation import cli
from evaluation.gold import load_profiles, load_questions
from evaluation.report import build_report, write_chart, write_json, write_markdown
from evaluation.runner import run_questions, session_id_for
from evaluation.scoring import (
    check_thresholds,
    cite_rank,
    contains,
    normalize,
    percentile,
    question_metrics,
    score_profile,
    score_question,
)

DEADLINE = "系统填报时间：2024年9月4日—2024年10月24日。"
FUNDS = "重大项目支持经费额度 20 万元；重点项目支持经费额度 6 万元。"
AGE = "项目负责人：要求年龄不超过60周岁"
OTHER = "法规处：67177127、67181456"

GOLD = [
    # q1: right answer written in full-width digits with spaces; the cited passage is at rank 2.
    {"id": "q1", "question": "申报截止时间是什么时候？", "category": "dates", "intent": "dates",
     "expect_all": ["2024年10月24日"], "cite_any": ["系统填报时间：2024年9月4日"]},
    # q2: wrong amount in the answer, intent right.
    {"id": "q2", "question": "重大项目给多少钱？", "intent": "funding", "expect_any": ["20万元", "二十万元"]},
    # q3: `not_ineligible` accepts `unknown`.
    {"id": "q3", "question": "我们大学能申报吗？", "intent": "eligibility", "verdict": "not_ineligible"},
    # q4: a verdict is expected but the answer carries no eligibility object.
    {"id": "q4", "question": "我65岁了，能当负责人吗？", "intent": "eligibility", "verdict": "ineligible"},
    # q5: correctly refused as out of scope.
    {"id": "q5", "question": "明天天气怎么样？", "intent": "out_of_scope"},
    # q6: wrongly refused as out of scope (an OOS false positive).
    {"id": "q6", "question": "业务咨询电话是多少？", "intent": "contacts", "expect_all": ["67177127"]},
    # q7: no category, no intent -> group "all"; answer matches case-insensitively, citation only at rank 4.
    {"id": "q7", "question": "What is the ABC rule?", "expect_all": ["ABC"], "cite_any": [AGE]},
    # q8: the call itself failed.
    {"id": "q8", "question": "需要哪些材料？", "category": "materials", "expect_all": ["申报书"]},
]


def cit(text: str, i: int = 0) -> Citation:
    return Citation(id=f"p{i}", section="s", text=text, score=1.0 - i / 10)


def eligibility(verdict: str, rules: dict[str, bool | None] | None = None) -> Eligibility:
    rc = RuleCitation(id="p", section="s", text=AGE)
    return Eligibility(
        verdict=verdict,
        rules=[RuleResult(id=k, passed=v, message=k, citation=rc) for k, v in (rules or {}).items()],
        missing=[],
        submission_window=SubmissionWindow(status="open", opens=dt.date(2024, 9, 4), closes=dt.date(2024, 10, 24)),
    )


ANSWERS: dict[str, Answer | None] = {
    "q1": Answer(answer="截止时间为 ２０２４ 年 １０ 月 ２４ 日。", intent=Intent.DATES,
                 citations=[cit(OTHER, 0), cit(DEADLINE, 1), cit(FUNDS, 2)]),
    "q2": Answer(answer="重大项目 6 万元。", intent=Intent.FUNDING, citations=[cit(FUNDS)]),
    "q3": Answer(answer="需要更多信息。", intent=Intent.ELIGIBILITY, eligibility=eligibility("unknown")),
    "q4": Answer(answer="年龄不超过60周岁。", intent=Intent.ELIGIBILITY),
    "q5": Answer(answer="这个问题超出了通知的范围。", intent=Intent.OUT_OF_SCOPE),
    "q6": Answer(answer="这个问题超出了通知的范围。", intent=Intent.OUT_OF_SCOPE),
    "q7": Answer(answer="the abc rule", intent=Intent.RULES,
                 citations=[cit(OTHER, 0), cit(FUNDS, 1), cit(DEADLINE, 2), cit(AGE + "，重大项目……", 3)]),
    "q8": None,
}
LATENCY = {"q1": 10.0, "q2": 20.0, "q3": 30.0, "q4": 40.0, "q5": 50.0, "q6": 60.0, "q7": 70.0, "q8": 1000.0}


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def results(tmp_path: Path):
    golds = load_questions(write_jsonl(tmp_path / "gold.jsonl", GOLD))
    return [
        score_question(g, ANSWERS[g.id], LATENCY[g.id], None if ANSWERS[g.id] else "HTTP 500: boom")
        for g in golds
    ]


def test_matching_ignores_width_space_and_case() -> None:
    assert normalize(" Ａ B\u3000c\n２０ 万元 ") == "abc20万元"
    assert contains("截止时间为 ２０２４ 年 １０ 月 ２４ 日", "2024年10月24日")
    assert contains("THE ABC RULE", "abc rule")
    assert not contains("2024年10月25日", "2024年10月24日")
    assert cite_rank(["x", "y z", DEADLINE], ["yz"]) == 2
    assert cite_rank(["x"], ["y"]) is None


def test_each_question_right_or_wrong_for_the_known_reason(results) -> None:
    by_id = {r.id: r for r in results}
    assert {i for i, r in by_id.items() if r.passed} == {"q1", "q3", "q5"}

    assert by_id["q1"].cite_rank == 2 and by_id["q1"].hit3 and not by_id["q1"].hit1
    assert by_id["q2"].answer_ok is False and by_id["q2"].intent_ok is True
    assert by_id["q2"].reasons == ["answer has none of '20万元', '二十万元'"]
    assert by_id["q3"].verdict_ok is True
    assert by_id["q4"].verdict_ok is False and "no eligibility object" in by_id["q4"].reasons[0]
    assert by_id["q6"].intent_ok is False and by_id["q6"].answer_ok is False
    assert by_id["q7"].category == "all"
    assert by_id["q7"].answer_ok is True and by_id["q7"].cite_rank == 4 and not by_id["q7"].hit3
    assert by_id["q8"].error and by_id["q8"].answer_ok is False and by_id["q8"].reasons[0].startswith("request failed")


def test_verdict_rules(tmp_path: Path) -> None:
    golds = load_questions(write_jsonl(tmp_path / "v.jsonl", [
        {"id": "a", "question": "?", "verdict": "not_ineligible"},
        {"id": "b", "question": "?", "verdict": "eligible"},
    ]))
    ok = {v: score_question(golds[0], Answer(answer="", intent=Intent.ELIGIBILITY, eligibility=eligibility(v)), 1).passed
          for v in ("eligible", "unknown", "ineligible")}
    assert ok == {"eligible": True, "unknown": True, "ineligible": False}
    assert not score_question(golds[1], Answer(answer="", intent=Intent.ELIGIBILITY,
                                               eligibility=eligibility("unknown")), 1).passed




def test_aggregate_figures_match_hand_computation(results) -> None:
    m = question_metrics(results)
    assert (m["total"], m["passed"]) == (8, 3)
    assert m["accuracy"] == pytest.approx(3 / 8)
    # expect_* lines: q1 (ok), q2 (wrong), q6 (wrong), q7 (ok), q8 (failed call) -> 2/5
    assert m["answer_checked"] == 5 and m["answer_accuracy"] == pytest.approx(2 / 5)
    # intent lines: q1..q6 -> q6 wrong -> 5/6
    assert m["intent_checked"] == 6 and m["intent_accuracy"] == pytest.approx(5 / 6)
    assert m["verdict_checked"] == 2 and m["verdict_accuracy"] == pytest.approx(0.5)
    # cite lines: q1 rank 2, q7 rank 4
    assert m["cite_checked"] == 2
    assert m["hit@1"] == 0.0 and m["hit@3"] == pytest.approx(0.5) and m["mrr"] == pytest.approx((1 / 2 + 1 / 4) / 2)
    # OOS: gold positives {q5}; predicted {q5, q6}
    assert m["oos_precision"] == pytest.approx(0.5) and m["oos_recall"] == 1.0
    assert m["errors"] == 1
    assert m["latency_ms"] == {"p50": 40.0, "p99": 1000.0}


def test_per_category_and_report_files(results, tmp_path: Path) -> None:
    report = build_report(results, [], None, {"run_id": "t", "gold": "g.jsonl", "target": "hand-built"})
    cats = report["per_category"]
    assert set(cats) == {"dates", "funding", "eligibility", "out_of_scope", "contacts", "all", "materials"}
    assert cats["eligibility"]["accuracy"] == pytest.approx(0.5) and cats["dates"]["accuracy"] == 1.0
    assert cats["all"]["hit@3"] == 0.0 and cats["funding"]["hit@3"] is None
    assert report["questions"]["hit@3"] == pytest.approx(0.5)
    assert report["eligibility_questions"] == {"total": 2, "passed": 1, "verdict_accuracy": 0.5}
    assert [f["id"] for f in report["failures"]] == ["q2", "q4", "q6", "q7", "q8"]
    assert report["profiles"]["total"] == 0 and report["profiles"]["accuracy"] is None

    write_json(report, tmp_path)
    md = write_markdown(report, tmp_path).read_text(encoding="utf-8")
    png = write_chart(report, tmp_path)
    loaded = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert loaded["questions"]["passed"] == 3
    assert "### `q2` (funding)" in md and "answer has none of" in md and "cited passage not in top 3" in md
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_profiles_scored_by_verdict_and_failed_rule(tmp_path: Path) -> None:
    golds = load_profiles(write_jsonl(tmp_path / "p.jsonl", [
        {"id": "p1", "profile": {"age": 65}, "verdict": "ineligible", "failed": "age"},
        {"id": "p2", "profile": {"age": 65}, "verdict": "ineligible", "failed": "age"},
        {"id": "p3", "profile": {"org_type": "university"}, "verdict": "eligible"},
        {"id": "p4", "profile": {}, "verdict": "unknown"},
    ]))
    got = [
        eligibility("ineligible", {"age": False}),
        eligibility("ineligible", {"age": None, "credit": False}),  # right verdict for the wrong rule
        eligibility("unknown", {"org_type": True}),
        eligibility("unknown"),
    ]
    res = [score_profile(g, e, 1.0) for g, e in zip(golds, got, strict=True)]
    assert [r.passed for r in res] == [True, False, False, True]
    assert res[1].reasons == ["rule 'age' has passed=None, expected false"]
    assert res[2].reasons == ["verdict 'unknown', expected 'eligible'"]


def test_thresholds() -> None:
    report = {"questions": {"accuracy": 19 / 20, "hit@3": 0.9}, "profiles": {"accuracy": None}}
    failures, skipped = check_thresholds(
        report, {"questions": {"accuracy": 0.95, "hit@3": 0.95}, "profiles": {"accuracy": 1.0}})
    assert failures == ["questions.hit@3 = 0.9000 < 0.95"]
    assert skipped == ["profiles.accuracy: not measured in this run (threshold 1.0)"]


def test_percentile_is_nearest_rank() -> None:
    assert percentile([], 50) is None
    assert percentile([5.0], 99) == 5.0
    assert percentile([float(i) for i in range(1, 101)], 99) == 99.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([5.0, 4.0, 3.0, 2.0, 1.0], 50) == 3.0


def test_sessions_share_one_id_in_file_order_and_ids_are_api_safe(tmp_path: Path) -> None:
    class Recorder:  # records the calls the runner makes; scoring of real answers is tested above
        where = "recorder"

        def __init__(self) -> None:
            self.calls: list[tuple[str, str | None]] = []

        def ask(self, question, today, session_id):
            self.calls.append((question, session_id))
            return Answer(answer="", intent=Intent.OTHER)

    golds = load_questions(write_jsonl(tmp_path / "s.jsonl", [
        {"id": "a", "question": "1", "session": "年龄 追问"},
        {"id": "b", "question": "2"},
        {"id": "c", "question": "3", "session": "年龄 追问"},
        {"id": "d", "question": "4", "session": "s2"},
    ]))
    rec = Recorder()
    run_questions(rec, golds, "run1", quiet=True)
    assert [q for q, _ in rec.calls] == ["1", "2", "3", "4"]
    sa, sb, sc, sd = (s for _, s in rec.calls)
    assert sa == sc and sb is None and sd == "eval-run1-s2" and sa != sd
    assert sa.startswith("eval-run1-") and re.fullmatch(r"[A-Za-z0-9_.:\-]{1,128}", sa)
    assert session_id_for("run2", "年龄 追问") != sa


# ---- bad input: a message on stderr and exit code 2, never a traceback -----------------------------

@pytest.mark.parametrize(
    ("lines", "needle"),
    [
        (['{"id": "a", "question": "x"}', '{"id": "b", "question": '], ":2: not valid JSON"),
        (['{"id": "a", "question": "x", "expect_al": ["y"]}'], "expect_al: unknown key"),
        (['{"id": "a", "question": "x", "expect_all": "y"}'], "expect_all"),
        (['{"id": "a", "question": "x", "verdict": "maybe"}'], "verdict"),
        (['{"id": "a", "question": "x", "intent": "weather"}'], "intent"),
        (['{"id": "a", "question": "x", "today": "2024-13-01"}'], "today"),
        (['{"id": "a", "question": "x", "expect_any": []}'], "empty list"),
        (['{"id": "a", "question": "x"}', '{"id": "a", "question": "y"}'], ":2: duplicate id 'a'"),
        (['["not", "an", "object"]'], "expected a JSON object"),
        ([""], "no gold lines"),
    ],
)
def test_bad_gold_file_exits_2_with_a_message(tmp_path: Path, capsys, lines: list[str], needle: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli.main(["--gold", str(gold), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("row", "needle"),
    [
        ({"id": "p", "profile": {"age": "old"}, "verdict": "eligible"}, "profile"),
        ({"id": "p", "profile": {"shoe_size": 42}, "verdict": "eligible"}, "profile"),
        ({"id": "p", "profile": {}, "verdict": "eligible", "failed": "height"}, "unknown rule id 'height'"),
        ({"id": "p", "profile": {}}, "verdict"),
    ],
)
def test_bad_profile_file_exits_2(tmp_path: Path, capsys, row: dict, needle: str) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "a", "question": "x"}])
    prof = write_jsonl(tmp_path / "p.jsonl", [row])
    assert cli.main(["--gold", str(gold), "--profiles", str(prof), "--out", str(tmp_path / "o"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert needle in err and "p.jsonl:1" in err and "Traceback" not in err


def test_missing_files_and_bad_thresholds_exit_2(tmp_path: Path, capsys) -> None:
    assert cli.main(["--gold", str(tmp_path / "nope.jsonl")]) == 2
    assert "file not found" in capsys.readouterr().err
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "a", "question": "x"}])
    (tmp_path / "thresholds.json").write_text('{"questions": {"accuracy": "high"}}', encoding="utf-8")
    assert cli.main(["--gold", str(gold), "--out", str(tmp_path / "o")]) == 2
    assert "thresholds.json" in capsys.readouterr().err
    assert cli.main(["--bogus"]) == 2


# ---- the real CLI on the real engine, on three lines whose outcome is known -------------------------

THREE = [
    {"id": "ok-deadline", "question": "申报截止时间是什么时候？", "today": "2024-09-15", "intent": "dates",
     "expect_all": ["10月24日"], "cite_any": ["2024年10月24日"], "session": "s"},
    {"id": "ok-oos", "question": "今天郑州天气怎么样？", "intent": "out_of_scope", "session": "s"},
    # Deliberately wrong gold: no right answer contains this, so the scorer must report exactly this line.
    {"id": "bad-gold", "question": "重大项目支持多少经费？", "expect_all": ["这句话不可能出现在答案里"]},
]


def _three_line_run(tmp_path: Path, capsys, extra: list[str], **kw) -> tuple[int, dict, str]:
    gold = write_jsonl(tmp_path / "three.jsonl", THREE)
    (tmp_path / "thresholds.json").write_text('{"questions": {"accuracy": 1.0}}', encoding="utf-8")
    out = tmp_path / "out"
    code = cli.main(["--gold", str(gold), "--out", str(out), "--quiet", "--no-st", *extra], **kw)
    captured = capsys.readouterr()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (out / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "bad-gold" in (out / "report.md").read_text(encoding="utf-8")
    return code, report, captured.out + captured.err


def _assert_three_line_outcome(code: int, report: dict, output: str) -> None:
    assert (report["questions"]["total"], report["questions"]["passed"]) == (3, 2), report["failures"]
    assert [f["id"] for f in report["failures"]] == ["bad-gold"]
    assert report["failures"][0]["reasons"] == ["answer lacks '这句话不可能出现在答案里'"]
    assert report["questions"]["hit@3"] == 1.0 and report["questions"]["oos_recall"] == 1.0
    # The thresholds file beside the gold file is picked up by default and its failure is named.
    assert code == 1 and "threshold not met: questions.accuracy" in output
    assert "questions: 2/3 passed" in output


def test_cli_in_process_on_three_known_lines(assistant, tmp_path: Path, capsys) -> None:
    code, report, output = _three_line_run(tmp_path, capsys, [], assistant=assistant)
    _assert_three_line_outcome(code, report, output)
    assert report["meta"]["target"] == "in-process"
    assert {"bm25", "dense", "hybrid"} <= set(report["variants"]["variants"])


def test_cli_over_http_on_three_known_lines(live_server, tmp_path: Path, capsys) -> None:
    code, report, output = _three_line_run(tmp_path, capsys, ["--url", live_server.url])
    _assert_three_line_outcome(code, report, output)
    assert report["meta"]["target"] == live_server.url
    assert report["variants"]["variants"] == {}  # variants need the index locally; off by default with --url


def test_cli_reports_unreachable_server_without_traceback(tmp_path: Path, capsys) -> None:
    gold = write_jsonl(tmp_path / "g.jsonl", [{"id": "a", "question": "x"}])
    assert cli.main(["--gold", str(gold), "--out", str(tmp_path / "o"), "--url", "http://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach" in err and "Traceback" not in err


def test_confidently_wrong_counts_wrong_answers_given_not_refusals() -> None:
    from evaluation.scoring import QuestionResult, question_metrics

    def result(i: int, answer_ok: bool, got: str) -> QuestionResult:
        return QuestionResult(id=f"q{i}", question="?", category="c", passed=answer_ok, latency_ms=1.0,
                              answer_ok=answer_ok, gold_intent="dates", got_intent=got)

    rs = [result(0, True, "dates"), result(1, False, "dates"), result(2, False, "out_of_scope"),
          result(3, True, "dates")]
    assert question_metrics(rs)["confidently_wrong"] == 0.25
