"""The general answering path: typo correction, attribute and entity detection, sub-questions,
follow-up completion, scope, and the rule that no hand trigger serves a single dev question."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Assistant
from assistant.models import Intent
from assistant.understand import asked_attribute
from corpus import load_corpus
from index.spelling import corrector_for
from index.tokenize import canonical

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "tests" / "gold" / "dev.jsonl"


@pytest.fixture(scope="module")
def speller():
    return corrector_for(load_corpus())


@pytest.mark.parametrize(("typed", "meant"), [("申抱截止时间", "申报"), ("资注多少", "资助"), ("逾其未结题", "逾期"),
                                              ("承若书谁来签", "承诺书"), ("课提有哪些", "课题"),
                                              # a six-character topic name with one homophone inside a word
                                              ("科技创新力法那个课题联系谁", "科技创新立法")])
def test_homophone_typos_are_corrected_to_corpus_words(speller, typed: str, meant: str) -> None:
    fixed, corrections = speller.correct(typed)
    assert meant in fixed and corrections


@pytest.mark.parametrize("text", ["我是郑州大学的讲师", "我今年58岁", "申报书叫什么名字", "可以线下递交吗", "纸质版要不要交",
                                  # a stretch cutting a word ("科学行" of "软科学|行吗"), a real word the notice is
                                  # not about ("市里", not "实力" said once in a topic's description)
                                  "今年再报软科学行吗", "已经拿了市里的财政资金"])
def test_correct_words_are_left_alone(speller, text: str) -> None:
    assert speller.correct(canonical(text)) == (canonical(text), [])


@pytest.mark.parametrize(("typed", "meant"), [("whats the dedline for submision?", "whats the deadline for submission?"),
                                              ("who is the contatc for technical suport?", "who is the contact for technical support?")])
def test_english_slips_are_corrected_to_the_corpus_english(speller, typed: str, meant: str) -> None:
    assert speller.correct(typed)[0] == meant


@pytest.mark.parametrize("text", ["can a startup apply?", "is xinxiang covered?", "what about the major projects?",
                                  # another form of a word the corpus says
                                  "i am an independent researcher", "5 projects recommended", "what is attachment 1"])
def test_english_words_the_corpus_lacks_with_no_neighbour_are_left_alone(speller, text: str) -> None:
    assert speller.correct(text) == (text, [])


@pytest.mark.parametrize(("question", "attribute"), [
    ("重点项目经费是多少", "amount"), ("今年计划支持多少个重点项目", "count"), ("子课题5的联系电话", "phone"), ("哪天截止", "date"),
    ("承诺书是谁来签", "who"), ("有几个子课题", "count"), ("how much is the funding", "amount"),
])
def test_asked_attribute(question: str, attribute: str) -> None:
    assert asked_attribute(canonical(question)) == attribute


def test_a_level_follow_up_re_asks_the_previous_question(assistant: Assistant) -> None:
    sid = "gen-level"
    first = assistant.ask("重点项目多少钱", session_id=sid)
    assert "6万元" in first.answer and "20万元" not in first.answer
    second = assistant.ask("那重大项目呢", session_id=sid)
    assert "20万元" in second.answer and "6万元" not in second.answer and second.intent == Intent.FUNDING


def test_a_subject_alone_after_a_topic_question_is_asked_the_same_attribute(assistant: Assistant) -> None:
    sid = "gen-subject-after-topic"
    topics = load_corpus().topics
    child = next(t for t in topics if t.parent and t.funding_wan)
    major = next(t for t in topics if t.id == child.parent)
    first = assistant.ask(f"{major.label}的经费是多少", session_id=sid)
    assert first.topic == major.id
    second = assistant.ask("子课题呢", session_id=sid)
    assert f"{child.funding_text}万元" in second.answer and second.intent == Intent.FUNDING, second.answer[:200]


def test_a_topic_follow_up_in_english_keeps_the_asked_attribute(assistant: Assistant) -> None:
    sid = "gen-en"
    assistant.ask("What is the phone for sub-topic 2?", session_id=sid)
    second = assistant.ask("And sub-topic 6?", session_id=sid)
    assert second.intent == Intent.CONTACTS and second.topic == "major-1-sub-6"


def test_personal_facts_do_not_replace_the_asked_question(assistant: Assistant) -> None:
    answer = assistant.ask("我在郑州大学工作，问下材料要交纸质版吗")
    assert answer.intent == Intent.PROCESS and "纸质" in answer.answer
    assert answer.eligibility is not None  # the verdict on the stated facts follows the answer


def test_multi_part_question_answers_every_part(assistant: Assistant) -> None:
    answer = assistant.ask("截止时间、经费、联系电话分别是？")
    for value in ("2024年10月24日", "20万元", "67177127"):
        assert value in answer.answer


@pytest.mark.parametrize("question", ["新乡的软科学计划什么时候申报", "2030年度的软科学项目什么时候申报", "项目经费要不要缴税"])
def test_unknown_places_years_and_aspects_are_out_of_scope(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).intent == Intent.OUT_OF_SCOPE


def test_a_yes_no_question_gets_the_settling_clause_first(assistant: Assistant) -> None:
    answer = assistant.ask("包干制承诺书是谁来签")
    first = answer.answer.splitlines()[0]
    # The clause about the 包干制 pledge alone, before the whole materials list.
    assert first.startswith("通知原文") and "包干制" in first and "项目负责人" in first
    assert "身份证件" not in first and "身份证件" in answer.answer


def test_explain_prints_every_stage() -> None:
    out = subprocess.run([sys.executable, "-m", "assistant", "ask", "申抱截止时间是哪天", "--explain"], cwd=REPO,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    for stage in ("[understand] corrections: 申抱->申报", "[understand] attribute: date", "[rank]", "[answer]"):
        assert stage in out.stdout
    assert "2024年10月24日" in out.stdout


def test_no_trigger_or_lexicon_entry_serves_exactly_one_dev_question() -> None:
    """A trigger that only one dev question uses was written for that question: generality says no.
    Lexicon entries that are words of the notice itself are segmentation aids and exempt."""
    corpus = load_corpus()
    questions = [canonical(json.loads(line)["question"]) for line in DEV.read_text(encoding="utf-8").splitlines()]
    single = []
    for fact in corpus.facts:
        for trigger in fact.triggers:
            parts = [canonical(p) for p in trigger.split("+")]
            if sum(all(p in q for p in parts) for q in questions) == 1:
                single.append(f"trigger {fact.id}: {trigger}")
    notice = canonical(corpus.clean_notice).replace(" ", "")
    for line in (REPO / "corpus" / "lexicon.txt").read_text(encoding="utf-8").splitlines():
        word = canonical(line.split()[0]) if line.strip() else ""
        if word and word not in notice and sum(word in q for q in questions) == 1:
            single.append(f"lexicon: {word}")
    assert not single, "used by exactly one dev question:\n" + "\n".join(single)


def _string_constants(path: Path) -> list[str]:
    """String literals of a module, docstrings excepted (they may quote an example)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_no_code_names_a_year_phone_amount_or_fact_id_of_one_notice() -> None:
    """Answers come from the served corpus: the code, widget and demo page hold no notice's values."""
    import re

    corpus = load_corpus()
    # Roles (submission_window, applicants, …) and intents are the schema every ingested notice
    # shares; an id that is neither belongs to one notice's hand data.
    shared = {f.role for f in corpus.facts if f.role} | {i.value for i in Intent}
    fact_ids = {f.id for f in corpus.facts} - shared
    value = re.compile(r"(?<!\d)(?:19|20)\d\d\s*年|(?<!\d)\d{8}(?!\d)|\d+(?:\.\d+)?\s*万元")
    found = []
    for package in ("assistant", "index", "api"):
        for path in (REPO / package).rglob("*.py"):
            for text in _string_constants(path):
                if value.search(text) or text in fact_ids:
                    found.append(f"{path.relative_to(REPO)}: {text[:60]!r}")
    for path in (REPO / "api" / "static").glob("*"):
        m = value.search(path.read_text(encoding="utf-8")) if path.suffix in (".js", ".html") else None
        if m:
            found.append(f"{path.relative_to(REPO)}: {m.group()!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("question", ["子课题99的电话是多少？", "What about sub-topic 9?"])
def test_a_topic_number_the_notice_does_not_have_is_out_of_scope(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.intent == Intent.OUT_OF_SCOPE and answer.citations == []


def test_which_one_is_a_question_word_not_the_numeral_of_the_notice() -> None:
    from index.tokenize import canonical, tokens

    assert canonical("学历证传哪一个？") == canonical("学历证传哪个？")
    assert "一个" not in tokens(canonical("附件里学历证传哪一个"))
