"""The rule checker: boundaries, each rule failing alone, and the verdict semantics as a property."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.eligibility import EligibilityChecker
from assistant.models import Profile
from corpus import load_corpus

CHECKER = EligibilityChecker(load_corpus())
TODAY = dt.date(2024, 9, 15)
PASSING = dict(
    org_type="university", independent_legal_person=True, located_in_zhengzhou=True, credit_blacklisted=False,
    serious_misconduct_in_penalty=False, age=45, project_level="major", title="associate_senior", degree="master",
    applications_this_year=0, overdue_city_project=False, org_quota_used=0, classified_content=False,
    already_city_funded=False, recommending_departments=1,
)
# One failing value per rule, applied to an otherwise passing profile.
FAILING = {
    "org_type": {"org_type": "enterprise"},
    "independent_legal_person": {"independent_legal_person": False},
    "location": {"located_in_zhengzhou": False},
    "credit": {"credit_blacklisted": True},
    "misconduct": {"serious_misconduct_in_penalty": True},
    "age": {"age": 61},
    "major_leader_qualification": {"title": "intermediate", "degree": "master"},
    "one_per_leader": {"applications_this_year": 1},
    "overdue_project": {"overdue_city_project": True},
    "org_quota": {"org_quota_used": 5},
    "classified": {"classified_content": True},
    "duplicate_funding": {"already_city_funded": True},
    "single_recommender": {"recommending_departments": 2},
}


def check(**fields):
    return CHECKER.check(Profile(**fields), TODAY)


def failed(result) -> list[str]:
    return [r.id for r in result.rules if r.passed is False]


def test_every_rule_of_the_contract_is_in_the_data() -> None:
    assert {r.id for r in CHECKER.rules} == set(FAILING)


def test_fully_passing_profile_is_eligible() -> None:
    result = check(**PASSING)
    assert result.verdict == "eligible" and result.missing == []
    assert all(r.passed for r in result.rules)


@pytest.mark.parametrize("rule_id", sorted(FAILING))
def test_each_rule_failing_alone(rule_id: str) -> None:
    result = check(**{**PASSING, **FAILING[rule_id]})
    assert result.verdict == "ineligible"
    assert failed(result) == [rule_id]
    rule = next(r for r in result.rules if r.id == rule_id)
    assert rule.citation.text and rule.message


@pytest.mark.parametrize(("age", "ok"), [(59, True), (60, True), (61, False)])
def test_age_boundary(age: int, ok: bool) -> None:
    assert (check(**{**PASSING, "age": age}).verdict == "eligible") is ok


@pytest.mark.parametrize(
    ("org_type", "used", "ok"),
    [("university", 4, True), ("university", 5, False), ("research_institute", 1, True),
     ("research_institute", 2, False), ("public_institution", 1, True), ("public_institution", 2, False)],
)
def test_quota_boundaries(org_type: str, used: int, ok: bool) -> None:
    result = check(**{**PASSING, "org_type": org_type, "org_quota_used": used})
    assert (result.verdict == "eligible") is ok
    assert ("org_quota" in failed(result)) is not ok


def test_key_projects_have_no_title_or_degree_limit() -> None:
    result = check(**{**PASSING, "project_level": "key", "title": "none", "degree": "bachelor"})
    assert result.verdict == "eligible"
    no_title = {k: v for k, v in PASSING.items() if k not in ("title", "degree")}
    assert check(**{**no_title, "project_level": "key"}).verdict == "eligible"


@pytest.mark.parametrize(
    ("title", "degree", "passed"),
    [("senior", None, True), ("associate_senior", None, True), ("intermediate", "doctorate", True),
     ("intermediate", "master", False), ("none", "bachelor", False), ("intermediate", None, None)],
)
def test_major_leader_qualification(title, degree, passed) -> None:
    rule = next(r for r in check(project_level="major", title=title, degree=degree).rules
                if r.id == "major_leader_qualification")
    assert rule.passed is passed
    assert rule.strength == "in_principle"
    if passed is False:
        assert "原则上" in rule.message


def test_unknown_lists_missing_facts_with_questions() -> None:
    result = check(age=45)
    assert result.verdict == "unknown"
    assert "org_type" in result.missing and "age" not in result.missing
    assert {f.field for f in result.follow_up} == set(result.missing)
    en = CHECKER.check(Profile(age=45), TODAY, "en")
    assert en.follow_up and all(f.question.isascii() for f in en.follow_up)


@pytest.mark.parametrize(
    ("today", "status"),
    [(dt.date(2024, 9, 3), "not_yet_open"), (dt.date(2024, 9, 4), "open"), (dt.date(2024, 10, 24), "open"),
     (dt.date(2024, 10, 25), "closed")],
)
def test_submission_window_beside_the_verdict(today: dt.date, status: str) -> None:
    result = CHECKER.check(Profile(**PASSING), today)
    assert result.submission_window.status == status
    assert result.verdict == "eligible"  # the window never changes the verdict


FIELD_VALUES = {
    "org_type": st.sampled_from(["university", "research_institute", "public_institution", "enterprise",
                                 "social_organization", "individual", "other"]),
    "independent_legal_person": st.booleans(),
    "located_in_zhengzhou": st.booleans(),
    "credit_blacklisted": st.booleans(),
    "serious_misconduct_in_penalty": st.booleans(),
    "age": st.integers(20, 80),
    "project_level": st.sampled_from(["major", "key"]),
    "title": st.sampled_from(["senior", "associate_senior", "intermediate", "junior", "none"]),
    "degree": st.sampled_from(["doctorate", "master", "bachelor", "other"]),
    "applications_this_year": st.integers(0, 3),
    "overdue_city_project": st.booleans(),
    "org_quota_used": st.integers(0, 7),
    "classified_content": st.booleans(),
    "already_city_funded": st.booleans(),
    "recommending_departments": st.integers(0, 3),
}
profiles = st.fixed_dictionaries({}, optional={k: st.one_of(st.none(), v) for k, v in FIELD_VALUES.items()})


@settings(max_examples=400, deadline=None)
@given(profiles)
def test_verdict_semantics(fields: dict) -> None:
    result = check(**fields)
    outcomes = [r.passed for r in result.rules]
    assert (result.verdict == "ineligible") == (False in outcomes)
    assert (result.verdict == "eligible") == all(o is True for o in outcomes)
    if result.verdict == "unknown":
        assert result.missing, "an unknown verdict must say what is missing"
    # Independent oracle for the facts each rule reads, straight from the notice's wording.
    p = Profile(**fields)
    expect_fail = {
        "age": p.age is not None and p.age > 60,
        "credit": p.credit_blacklisted is True,
        "org_type": p.org_type in ("enterprise", "social_organization", "individual", "other"),
        "one_per_leader": (p.applications_this_year or 0) >= 1,
        "single_recommender": (p.recommending_departments or 0) >= 2,
    }
    for rid, should_fail in expect_fail.items():
        assert (rid in failed(result)) is should_fail, rid


def test_check_command_reads_stdin_and_rejects_bad_profiles(tmp_path) -> None:
    run = [sys.executable, "-m", "assistant", "check", "-", "--json", "--today", "2024-09-15"]
    ok = subprocess.run(run, input=json.dumps({**PASSING, "age": 61}), capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    body = json.loads(ok.stdout)
    assert body["verdict"] == "ineligible" and body["submission_window"]["status"] == "open"
    bad = subprocess.run(run, input='{"age": "old", "colour": 1}', capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "invalid profile" in bad.stderr and "Traceback" not in bad.stderr


def test_a_notice_without_a_date_window_is_a_clear_corpus_error() -> None:
    from corpus import CorpusError, load_corpus

    corpus = load_corpus()
    undated = corpus.model_copy(update={"facts": [f.model_copy(update={"window": None}) for f in corpus.facts]})
    with pytest.raises(CorpusError, match="date window"):
        EligibilityChecker(undated)
