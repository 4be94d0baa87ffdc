"""Answers built from the corpus data: every topic's funding and contact, follow-ups, dates, scope."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine import Assistant
from assistant.models import Intent
from corpus import load_corpus, squash

CORPUS = load_corpus()
NOTICE = squash(CORPUS.clean_notice)


def _ask_forms(topic) -> list[str]:
    """Ways to name a topic: its label ("子课题⑤") and, when it has one, its first Chinese alias."""
    forms = [topic.label]
    alias = next((a for a in topic.aliases if not a.isascii()), None)
    if alias:
        forms.append(f"{alias}那个课题")
    return forms


FUNDING_CASES = [(t, form) for t in CORPUS.topics for form in _ask_forms(t)]


@pytest.mark.parametrize(("topic", "form"), FUNDING_CASES, ids=lambda v: getattr(v, "id", v))
def test_each_topic_funding(assistant: Assistant, topic, form: str) -> None:
    answer = assistant.ask(f"{form}的经费是多少？")
    assert answer.intent == Intent.FUNDING
    assert f"{topic.funding_text}万元" in answer.answer
    assert topic.passage_of[topic.funding_quote] in [c.id for c in answer.citations[:3]]


@pytest.mark.parametrize(("topic", "form"), FUNDING_CASES, ids=lambda v: getattr(v, "id", v))
def test_each_topic_contact(assistant: Assistant, topic, form: str) -> None:
    answer = assistant.ask(f"{form}的联系电话是多少？")
    assert answer.intent == Intent.CONTACTS
    for contact in topic.contacts:
        assert contact.phone in answer.answer and contact.office in answer.answer
    other_phones = {c.phone for t in CORPUS.topics for c in t.contacts} - {c.phone for c in topic.contacts}
    assert not any(p in answer.answer for p in other_phones), "a phone of another topic leaked in"
    assert answer.citations[0].id == topic.passage_of[topic.contact_quote]


@pytest.mark.parametrize("topic", CORPUS.topics, ids=lambda t: t.id)
def test_each_topic_in_english(assistant: Assistant, topic) -> None:
    answer = assistant.ask(f"What is the funding and the contact phone of {topic.label_en.lower()}?")
    assert answer.language == "en"
    assert f"{round(topic.funding_wan * 10000):,}" in answer.answer
    assert all(c.phone in answer.answer for c in topic.contacts)


@pytest.mark.parametrize("topic", CORPUS.topics, ids=lambda t: t.id)
def test_each_topic_deliverable(assistant: Assistant, topic) -> None:
    answer = assistant.ask(f"{topic.label}最终要形成什么报告？")
    assert all(report in answer.answer for report in topic.reports)


def test_citations_are_verbatim_notice_text(assistant: Assistant) -> None:
    for q in ("申报截止时间", "子课题③参考哪些城市", "包干制是什么意思", "需要准备哪些材料"):
        for c in assistant.ask(q).citations:
            assert squash(c.text) in NOTICE
            assert c.section and c.id == CORPUS.passage(c.id).id


def test_follow_up_resolves_the_previous_topic(assistant: Assistant) -> None:
    sid = "t-follow-up"
    first = assistant.ask("子课题⑤是做什么的？", session_id=sid)
    assert first.topic == "major-1-sub-5"
    second = assistant.ask("那它的联系电话呢？", session_id=sid)
    assert "67180459" in second.answer and second.topic == "major-1-sub-5"
    third = assistant.ask("经费多少？", session_id=sid)
    assert "6万元" in third.answer
    # Without the session the same short question gets the general answer.
    assert "20万元" in assistant.ask("经费多少？").answer


def test_sessions_are_separate(assistant: Assistant) -> None:
    assistant.ask("人工智能那个课题是什么？", session_id="t-a")
    assistant.ask("孵化载体那个课题是什么？", session_id="t-b")
    assert "67177039" in assistant.ask("它的联系电话？", session_id="t-a").answer
    assert "67182170" in assistant.ask("它的联系电话？", session_id="t-b").answer


@pytest.mark.parametrize(
    ("today", "word"),
    [(dt.date(2024, 8, 1), "尚未开始"), (dt.date(2024, 9, 4), "正在进行"), (dt.date(2024, 10, 24), "正在进行"),
     (dt.date(2024, 10, 25), "已截止")],
)
def test_submission_window_is_judged_on_today(assistant: Assistant, today: dt.date, word: str) -> None:
    answer = assistant.ask("现在还能申报吗？", today=today)
    assert answer.intent == Intent.DATES
    assert word in answer.answer and "2024年10月24日" in answer.answer


@pytest.mark.parametrize(
    "question",
    ["郑州明天天气怎么样？", "国家自然科学基金什么时候申报？", "立项结果什么时候公布？", "评审专家是谁？",
     "Write me a poem about spring.", "经费什么时候拨付到账？"],
)
def test_out_of_scope_gets_not_covered_and_the_consultation_phone(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.intent == Intent.OUT_OF_SCOPE
    assert "67177127" in answer.answer
    assert answer.citations == []


def test_traditional_fullwidth_and_typos(assistant: Assistant) -> None:
    assert "2024年10月24日" in assistant.ask("申報截止時間是什麼時候？").answer
    assert "67180459" in assistant.ask("子课题⑤的联系电话").answer
    assert "67180459" in assistant.ask("子课题５的联系电话").answer  # full-width digit
    assert "申报书" in assistant.ask("申报才料有哪些").answer  # a pinyin typo


def test_eligibility_in_chat_accumulates_over_a_session(assistant: Assistant) -> None:
    sid = "t-elig"
    first = assistant.ask("我是郑州大学的讲师，今年45岁，能申报吗？", session_id=sid)
    assert first.intent == Intent.ELIGIBILITY and first.eligibility.verdict == "unknown"
    second = assistant.ask("我想报重大项目，没有博士学位", session_id=sid)
    assert second.eligibility.verdict == "ineligible"
    failed = [r.id for r in second.eligibility.rules if r.passed is False]
    assert failed == ["major_leader_qualification"]
    assert "副高以上职称" in second.answer


@pytest.mark.parametrize(
    ("question", "rule"),
    [("我们是一家科技公司，能申报吗？", "org_type"), ("我今年六十一岁，还能当负责人吗？", "age"),
     ("我们是洛阳的一所大学，可以申报吗？", "location"), ("我们单位不是独立法人，能报吗？", "independent_legal_person"),
     ("I am 62 and a professor, can I apply?", "age")],
)
def test_chat_eligibility_names_the_failing_rule(assistant: Assistant, question: str, rule: str) -> None:
    answer = assistant.ask(question)
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible"
    assert rule in [r.id for r in answer.eligibility.rules if r.passed is False]
