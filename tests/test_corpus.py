"""The data in corpus/ agrees with the notice: every quote is verbatim, every number is covered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus import find_passages, load_corpus, squash
from corpus.cleaning import clean_lines
from corpus.passages import segment

CORPUS = load_corpus()
NOTICE = squash(CORPUS.clean_notice)
SHARED_NOTICE = Path(__file__).resolve().parents[2] / "shared" / "notice" / "2024-soft-science-notice.txt"

FACT_QUOTES = [(f.id, q) for f in CORPUS.facts for q in f.quotes]
TOPIC_QUOTES = [(t.id, q) for t in CORPUS.topics for q in t.quotes()]
RULE_QUOTES = [(r.id, r.quote) for r in CORPUS.rules]


def _numbers(text: str) -> set[str]:
    """Phones, dates (normalised to ISO, or YYYY-MM) and amounts (in yuan) in a text."""
    t = squash(text)
    out = {f"phone:{p}" for p in re.findall(r"(?<!\d)\d{8}(?!\d)", t)}
    for y, m, d in re.findall(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?", t):
        out.add(f"date:{y}-{int(m):02d}" + (f"-{int(d):02d}" if d else ""))
    for y, m, d in re.findall(r"(\d{4})-(\d{2})-(\d{2})", t):
        out.add(f"date:{y}-{m}-{d}")
    out |= {f"amount:{int(n) * 10000}" for n in re.findall(r"(\d+)万元", t)}
    out |= {f"amount:{n.replace(',', '')}" for n in re.findall(r"CNY(\d{1,3}(?:,\d{3})+)", t)}
    return out


def test_repo_copy_is_the_shared_notice() -> None:
    if not SHARED_NOTICE.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert SHARED_NOTICE.read_text(encoding="utf-8") == CORPUS.raw_notice


@pytest.mark.parametrize(("owner", "quote"), FACT_QUOTES + TOPIC_QUOTES + RULE_QUOTES)
def test_every_quote_is_verbatim_in_the_notice(owner: str, quote: str) -> None:
    assert squash(quote) in NOTICE, f"{owner}: {quote!r} is not in the notice"
    assert find_passages(quote, CORPUS.passages), f"{owner}: no passage holds {quote!r}"


ALL_FACT_TEXT = " ".join(
    [q for f in CORPUS.facts for q in f.quotes] + [q for t in CORPUS.topics for q in t.quotes()]
    + [f"{t.funding_text}万元" for t in CORPUS.topics] + [c.phone for t in CORPUS.topics for c in t.contacts]
)


@pytest.mark.parametrize("token", sorted(_numbers(CORPUS.clean_notice)))
def test_every_phone_date_and_amount_of_the_notice_belongs_to_a_fact(token: str) -> None:
    assert token in _numbers(ALL_FACT_TEXT), f"{token} appears in the notice but in no fact"


@pytest.mark.parametrize("fact", CORPUS.facts, ids=lambda f: f.id)
def test_answers_state_no_number_their_quotes_do_not_hold(fact) -> None:
    allowed = _numbers(" ".join(fact.quotes))
    for lang in ("zh", "en"):
        extra = _numbers(getattr(fact, lang)) - allowed
        assert not extra, f"{fact.id} ({lang}) states {extra} with no quote behind it"


@pytest.mark.parametrize("topic", CORPUS.topics, ids=lambda t: t.id)
def test_topic_values_come_from_their_own_quotes(topic) -> None:
    assert f"{topic.funding_text}万元" in squash(topic.funding_quote)
    for contact in topic.contacts:
        assert contact.office in topic.contact_quote and contact.phone in topic.contact_quote
    for report in topic.reports:
        assert any(squash(report) in squash(q) for q in [topic.report_quote, *topic.report_quotes_more])
    # Each quote resolved inside the topic's own section, so identical lines cite the right topic.
    for pid in topic.passage_of.values():
        assert CORPUS.passage(pid).topic == topic.id


def test_topic_tree_matches_the_guide() -> None:
    majors = [t for t in CORPUS.topics if t.level == "major"]
    keys = [t for t in CORPUS.topics if t.level == "key"]
    assert len(majors) == 2 and len(keys) == 10
    assert len([t for t in keys if t.parent == "major-1"]) == 7


def test_cleaning_joins_page_breaks_and_drops_the_duplicate_block() -> None:
    lines = clean_lines(CORPUS.raw_notice)
    text = "\n".join(lines)
    assert "严格按照申报指南和限额推荐要求" in text  # a sentence cut by a page break
    assert "对策研究——以一流大学（郑州）研究院建设为例" in text  # the split heading, its glyph once
    assert "对策研研究" not in text
    assert lines.count("联系单位：市科技局 法规处 67177127") == 1  # the duplicated lines under key project 1
    assert "67177039\n2024年9月" in text  # a contact line is not glued to the date line


def test_cleaning_keeps_every_character_of_the_notice_but_the_duplicate() -> None:
    raw = squash(CORPUS.raw_notice)
    cleaned = squash(CORPUS.clean_notice)
    duplicate = squash("项目经费：6万元联系单位：市科技局 法规处 67177127")
    # a list bullet ("- 附件：…") is markup, not the notice's words
    bullets = sum(1 for ln in CORPUS.raw_notice.splitlines() if re.match(r"^\s*-\s+\D", ln))
    assert bullets == 1
    assert len(raw) - len(cleaned) == len(duplicate) + 1 + bullets  # plus the glyph repeated at the heading cut


def test_passage_ids_are_unique_and_stable() -> None:
    ids = [p.id for p in CORPUS.passages]
    assert len(ids) == len(set(ids))
    again = segment(clean_lines(CORPUS.raw_notice))
    assert [p.id for p in again] == ids


def test_heading_paths_name_the_sub_topic() -> None:
    p = CORPUS.passage(CORPUS.topic("major-1-sub-5").passage_of["联系单位：市科技局 成果处 67180459"])
    assert p.section.startswith("附件1 申报指南 > 一、重大项目 > 1. ")
    assert p.section.endswith("> 子课题⑤")


def test_cleaning_joins_a_line_that_continues_the_sentence_before_it() -> None:
    lines = clean_lines("我单位（单位名称：___）\n(正楷填写或机打)，未处于失信保留期。\n(一) 网络申报。\n二、申报流程\n，续上一句。")
    assert lines[0] == "我单位（单位名称：___）(正楷填写或机打)，未处于失信保留期。"
    assert lines[1] == "(一) 网络申报。"  # a numbered heading starts a block
    assert lines[2] == "二、申报流程，续上一句。"  # a line that starts with a comma cannot start a sentence
