"""Builds a complete corpus directory from a notice's text, with no hand edits.

`ingest(notice_path, out_dir)` cleans and segments the text (corpus.cleaning, corpus.passages),
then finds, by patterns and not by any one notice's sentences, everything the assistant answers
from: every date and window (with what it is for), the funding per project level and per topic,
the project counts, the topic tree (each topic's title, research content, deliverables, contact
office and phone), the general and technical-support contacts, quotas per unit type, the leader
limits (per level where the notice differs), exclusion rules, materials and process steps, and the
title, year and issuer. Every value is written with the verbatim quote it rests on. It writes
notice.txt, facts.yaml, topics.yaml, rules.yaml, coverage.yaml, lexicon.txt, REVIEW.md (what was
found, with its quote, and what could not be placed) and, only if absent, overlay.yaml (hand
additions: aliases, English names, triggers; merged by the loader, never overwritten here).
"""

from __future__ import annotations

import itertools
import logging
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jieba
import yaml
from tqdm import tqdm

from corpus import INGEST_VOCAB_PATH as VOCAB_PATH
from corpus import NOT_YUAN, PHONE_EXTENSION, SERVICE_PHONE, SPACED_PHONE, batch_kind, format_wan, squash
from corpus.cleaning import SIGNATURE_NAME, TABLE_ROW, clean_lines, notice_source, translations
from corpus.dates import DATE, SHORT_DOTTED_RANGE, read_dates, times_as_written
from corpus.passages import (
    BATCH_HEAD,
    CONTACT_LABELS,
    LEVEL_ALTERNATION,
    LEVEL_EN,
    LEVEL_NAMES,
    LEVEL_WORDS,
    NOTE_MARK,
    OTHER_CALL,
    TIMELINE_ENTRY,
    TOPIC_CODE,
    UNFUNDED,
    Passage,
    arabic_numbers,
    block_number,
    cell_level,
    circled,
    cn_value,
    code_key,
    defined_level_aliases,
    footnote,
    forwarded_start,
    heading_label,
    label_row,
    level_aliases,
    level_of,
    level_tag,
    note_marks,
    number_of,
    row_header,
    row_title,
    segment,
    table_cells,
    with_figures,
)
from corpus.script import AsWritten, simplified

WORD_LEVEL = dict(LEVEL_WORDS)  # "重大" -> major
# Unit types as notices name them -> Profile.org_type (longest first wins).
ORG_WORDS = (
    ("新型研发机构", "new_rd_institution"), ("高等院校", "university"), ("高等学校", "university"),
    ("高校", "university"), ("科研院所", "research_institute"), ("研究院所", "research_institute"),
    ("事业单位", "public_institution"), ("医疗卫生机构", "public_institution"), ("医疗机构", "public_institution"),
    ("企业", "enterprise"), ("社会组织", "social_organization"),
)
PERSON_WORDS = (("个人", "individual"),)  # excluded as applicants beside the unit types
ORG_ZH = {"university": "高等院校", "research_institute": "科研院所", "public_institution": "事业单位",
          "enterprise": "企业", "social_organization": "社会组织", "individual": "个人", "other": "其他",
          "new_rd_institution": "新型研发机构"}
ORG_EN = {"university": "universities", "research_institute": "research institutes",
          "public_institution": "public institutions", "enterprise": "enterprises",
          "social_organization": "social organisations", "new_rd_institution": "new R&D institutions"}
TITLE_WORDS = (("正高", ["senior"]), ("副高", ["senior", "associate_senior"]), ("高级", ["senior", "associate_senior"]),
               ("中级", ["senior", "associate_senior", "intermediate"]))
DEGREE_WORDS = (("博士", ["doctorate"]), ("硕士", ["doctorate", "master"]), ("本科", ["doctorate", "master", "bachelor"]))

# A unit's own check of its applications ("单位审核", "单位内部审核"), not the review by those who recommend them: the
# review window is the recommenders' ("推荐 4.22–4.25", "开发区、区科技主管部门审核推荐时间")
_OWN_CHECK = re.compile(r"^(?:申报)?单位(?:内部)?(?:审核|审查|把关)$")


# "5月中旬", "2042年6月底", "6月中下旬": a part of a month
_MONTH_PART = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(上中旬|中下旬|上旬|中旬|下旬|月?底|月?末|初)")
# ... or a month alone ("2050年7月在市科技局网站公示"), no day or part of it after
_MONTH_ONLY = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*(?:\d|上|中|下|底|末|初|份?[上中下]))")
_PART_EN = {"上中旬": "early to mid", "中下旬": "mid to late", "上旬": "early", "中旬": "mid", "下旬": "late", "底": "end of", "月底": "end of", "末": "end of", "月末": "end of",
            "初": "early"}
# "网上申报自2028年3月20日起", "2064年5月11日9:00起开放网上填报"
_FROM = re.compile(r"(?:自\s*)?" + DATE + r"(?:\s*\d{1,2}\s*[:：]\s*\d{2})?\s*(?:起|开始)")
# "申报截止时间为2028年4月30日17:00", or a table's row "截止时间 | 2028年4月30日17:00…"
_UNTIL = re.compile(r"截止(?:时间|日期)?\s*(?:为|是|：|:|[|｜])?\s*" + DATE)
# "2029年3月10日9:00至4月8日17:00": a time of day after a date (and the zone it is in, "17:00（北京时间）")
_ZONE = r"(?:\s*[（(]北京时间[)）])?"
_TIME = r"(?:\s*\d{1,2}\s*[:：]\s*\d{2}" + _ZONE + r")?"
_WEEKDAY = r"(?:\s*[（(](?:星期|周)[一二三四五六日天][)）])?"  # "2035年5月6日（星期日）"
# "2029年3月10日9:00至4月8日17:00", "2034年3月1日至31日" (the month, or the year, the first date's)
_RANGE = re.compile(DATE + _WEEKDAY + _TIME + r"\s*起?\s*(?:[—\-－–~～至到]+|至)\s*(?:(\d{4})\s*年\s*)?"
                    r"(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日" + _WEEKDAY + _TIME)
# ... closed by a word after its last date ("…9:00起至3月31日（星期五）17:00止"): the range's, not what follows it
# (or "前", the close before its time of day: "…至4月17日17:30前。", "…17:00前完成在线审核推荐")
_RANGE_CLOSED = re.compile(r"^\s*(?:(?:为止|止)" + _ZONE + r"(?=[，,。；;\s]|$)|(?:之前|以前|前)" + _ZONE + ")")
# The same range as the notice writes it, dots or not: quoted beside the answer's own dates when it differs
_SAID_RANGE = re.compile(r"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[.．/／-]\d{1,2}[.．/／-]\d{1,2})" + _WEEKDAY + _TIME
                         + r"\s*起?\s*(?:[—\-－–~～至到]+|至)\s*(?:\d{4}\s*[年.．/／-]\s*)?(?:\d{1,2}\s*[月.．/／-]\s*)?\d{1,2}(?:\s*日)?"
                         + _WEEKDAY + _TIME)
# ... or in Chinese numerals, with its times of day in words ("二〇五九年三月十六日上午九时至二〇五九年四月二十四日下午五时三十分",
# its year left to the title's: "三月二十日上午九时至四月十五日下午五时")
_CN_CLOCK = r"(?:\s*(?:上午|下午|晚上|中午|早上)?\s*[零一二两三四五六七八九十]{1,3}\s*[时点](?:\s*[零一二三四五六七八九十]{1,3}\s*分|半|整)?)?"
_CN_SAID_RANGE = re.compile(r"(?:[〇零一二三四五六七八九]{4}\s*年\s*)?(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日"
                            + _WEEKDAY + _CN_CLOCK + r"\s*起?\s*(?:[—\-－–~～至到]+|至)\s*(?:[〇零一二三四五六七八九]{4}\s*年\s*)?"
                            r"(?:[一二三四五六七八九十]{1,2}\s*月\s*)?[一二三四五六七八九十]{1,3}\s*日" + _WEEKDAY + _CN_CLOCK)
_SINGLE = re.compile(DATE)
_YEARLESS = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")  # "4月25日24:00前": the year said before
# A window written without its year ("4月3日（周一）9:00至5月12日（周五）17:30"), or a date in the next year
# ("明年5月31日"): read in the year the notice said before
_YEARLESS_RANGE = re.compile(r"(?<![\d年])(?=\d{1,2}\s*月\s*\d{1,2}\s*日" + r"(?:\s*[（(](?:星期|周)[一二三四五六日天][)）])?"
                             r"(?:\s*\d{1,2}\s*[:：]\s*\d{2})?\s*起?\s*(?:[—\-－–~～至到]+|至)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)")
_NEXT_YEAR = re.compile(r"(?:明年|次年|下一年度?)\s*(?=\d{1,2}\s*月\s*\d{1,2}\s*日)")
# The notice's year said in its text when its title has none: "今年（2051年）", "本年度（2051年）"
_THIS_YEAR = re.compile(r"(?:今年|本年度?)\s*[（(]\s*(\d{4})\s*年?度?\s*[)）]")


def with_years(text: str, year: int | str | None, after: tuple[int, int] | None = None) -> str:
    """`text` with the year written into a yearless window and a next year's date ("明年5月31日" -> 2052年5月31日).
    Given the month and day of the notice's own date in `year` (`after`), a window opening before that day is in the
    year after: the call runs from the day it is issued on ("12月20日至1月31日" in a notice of 2052年12月10日)."""
    if not year:
        return text

    def dated(m: re.Match[str]) -> str:
        said = _YEARLESS.match(text, m.start())
        later = after is not None and said is not None and (int(said.group(1)), int(said.group(2))) < after
        return f"{int(year) + 1 if later else year}年"

    text = _YEARLESS_RANGE.sub(dated, text)
    return _NEXT_YEAR.sub(f"{int(year) + 1}年", text)


def _dated_before_its_year(passages: list[Passage], found: Found) -> tuple[str, tuple[int, int]] | None:
    """The year and day the notice is dated on ("2153年9月4日" under its text), where that year is before the one
    its title names (an autumn call for next year's plan, "关于组织申报2154年度…的通知"): the year its yearless dates
    are in, from that day on - not the plan's year - else None."""
    if not found.meta.get("year"):
        return None
    for p in passages:
        if p.kind == "dateline" and p.id.startswith("n-") and (m := _DATED_AT.match(read_dates(p.text))) and m.group(3):
            if int(m.group(1)) < int(found.meta["year"]):
                return m.group(1), (int(m.group(2)), int(m.group(3)))
            return None
    return None
# "自通知发布之日起至2036年4月15日17:00": a window opening on the notice's date; also in two phrases, its opening
# said first ("自本通知印发之日起开始，至2036年4月15日17:00截止", "自通知发布之日起开始受理，截至…"), or said
# "即日起至2072年4月30日17:00" ("from this day": the notice's own date, as its dateline gives it)
_FROM_ISSUE = re.compile(r"(?:自\s*(?:本)?通知(?:发布|印发|下发)之日起|(?<![\u4e00-\u9fff])(?:自|从)?即日起)\s*(?:(?:开始|开放|启动)?(?:受理|申报|填报)?\s*[，,]\s*)?"
                         r"(?:至|到|截至|截止(?:到|至|时间为|日期为)?)\s*" + DATE + _WEEKDAY + _TIME + r"(?:\s*(?:前|截止|止|结束))?")
# An article's own label at the start of its text ("第四条 "), and another article named inside it ("按第五条规定的时间")
_ARTICLE_LABEL = re.compile(r"^\s*第[一二三四五六七八九十百\d]+条\s*")
_CITED_ARTICLE = re.compile(r"第[一二三四五六七八九十百\d]+条")
_DATELINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$")
# The year a title names, in figures or in Chinese numerals ("2051年度", "二〇五一年度")
_YEAR_NAMED = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年")


def _year_named(text: str) -> int | None:
    """The year `text` names first (its Chinese numerals read digit by digit), or None."""
    m = _YEAR_NAMED.search(text)
    return None if m is None else int(m.group(1)) if m.group(1).isdigit() else cn_value(m.group(1))


# ... or a deck's, with where it is given ("2087年3月6日 · 科技大厦二楼报告厅": passages._DECK_DATE)
_DATED_AT = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:\s*[·•|｜]\s*[^。，,；;]{2,30})?$")
# (not digits inside a code of letters and figures: "事项编码：11410900MB1C82Q…", a credit code)
_PHONE = re.compile(r"(?:" + SPACED_PHONE + r"|(?<![\dA-Za-z])(?:0\d{2,3}[-－—]?)?\d{7,8}(?![\dA-Za-z])" + NOT_YUAN + r")" + PHONE_EXTENSION
                    + r"|(?<!\d)1[3-9]\d{9}(?!\d)" + "|" + SERVICE_PHONE)
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*万元")
_TOTAL_COUNT = re.compile(r"共(?:设定?|有|安排|支持|设立|发布)?\s*(?:课题|项目|定题项目|选题)?\s*\d+\s*(?:项|个)")  # "共设课题10项"
# a level's count ("重大项目2项", or its topics as a class: "其中重大类课题3个、一般类课题8个")
# (or a slide's figures, each project's amount times the count: "重点项目：8万/项 × 5项")
_COUNT = re.compile(r"(" + LEVEL_ALTERNATION + r")(?:项目\s*(\d+)\s*项|课题\s*(\d+)\s*项|类课题\s*(\d+)\s*[项个]|"
                    r"(?:项目|课题)\s*[：:]\s*\d+(?:\.\d+)?\s*万元?\s*[/／]\s*[项个]\s*[×xX*＊]\s*(\d+)\s*[项个])")
_REPORT = re.compile(r"《[^《》]{4,80}》")
_OFFICE = re.compile(r"([\u4e00-\u9fff]{1,10}(?:处|室|科|中心|办公室|研究所|所|部))")
_SPACED_NAME = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff])(?![\u4e00-\u9fff])")
_PERSON = re.compile(r"[\s|｜,，、:：;；]*([\u4e00-\u9fff]{2,4})[\s|｜,，、:：（(]*")
_NOT_A_NAME = r"电话|手机|座机|传真|联系|咨询|方式|归口|处|室|局|中心|科|部|所|限"
_UNIT = re.compile(r"([\u4e00-\u9fff]{1,8}(?:(?<![布格结大全])局|委(?![托派])|厅|委员会))")  # ("…平台布局" is no bureau, "定向委托" no committee)
_LABEL_PREFIX = re.compile(r"^(?:\d{1,2}\.\d{1,2}\s+|\d+\s*[.、．]\s*|[(（][一二三四五六七八九十\d]+[)）]\s*)")
_DOTTED_POINT = re.compile(r"^\d{1,2}\.\d{1,2}\s*\S")  # "1.1 创新投入…": a point of a topic's content
_TITLE_ECHO = re.compile(r"^\d{1,2}[.、．]|[。：:]$")
# A topic's own completion date: a line headed so ("完成时间：…", "结题时间：…") or saying the topic is done by a date
# ("本课题须于2094年11月30日前完成")
_TOPIC_DUE = re.compile(r"^(?:完成|结题|结项)(?:时间|期限|日期)\s*[：:]|本(?:课题|选题|项目)[^。；;]{0,12}?于[^。；;]{0,24}?(?:前|之前)"
                        r"\s*(?:完成|结题|结项)")
# ... or its period, labelled, its end a month perhaps ("研究期限：2147年7月至2148年12月")
_TOPIC_PERIOD = re.compile(r"^(?:研究|实施|执行|项目)(?:期限|周期|期)\s*[：:][^。；;]*?\d{4}\s*年\s*\d{1,2}\s*月")
_NOISE = re.compile(r"^(?:研究内容|主要研究内容|项目经费|联系单位)[：:]\s*")


@dataclass
class Found:
    """What ingest collected, for the data files and REVIEW.md."""

    facts: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)
    rules: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    org_types: dict[str, str] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what could not be placed
    level_quotes: dict[str, str] = field(default_factory=dict)  # level -> the clause stating its amount
    aliases: dict[str, str] = field(default_factory=dict)  # class names of levels ("A类" -> major)
    city: str = ""  # the city the applying unit must be in ("须为嵩川市行政区域内注册"), as the notice names it
    # the levels named by those classes alone, the notice never saying a level word of them ("A类项目", "C类项目")
    lettered: bool = False
    # quotes that exclude by the heading they stand under ("哪些情况不能报？" over "✗ 企业、社会组织及个人申报")
    excluding: set[str] = field(default_factory=set)
    # a bilingual edition's English line after each Chinese one (cleaning.translations): a topic's English title
    english: dict[str, str] = field(default_factory=dict)
    # a leader sentence naming no level -> the level its item's heading names ("（一）重大项目" over "项目负责人须…")
    item_levels: dict[str, str] = field(default_factory=dict)
    # a quote -> the footnotes it marks ("…其他事业单位〔注1〕" -> ["经备案的新型研发机构，可参照科研院所申报…"])
    footnoted: dict[str, list[str]] = field(default_factory=dict)

    def level_in(self, text: str) -> str | None:
        """The level a clause names first: "重大项目", "重点课题", or a class the notice defines ("A类")."""
        named = [(m.start(), level_of(m.group(0))) for m in re.finditer(r"(?:" + LEVEL_ALTERNATION + r")(?:项目|课题)", text)]
        named += [(text.find(a), lv) for a, lv in self.aliases.items() if a in text]
        return min(named)[1] if named else None

    def level_name(self, level: str) -> str:
        """A level as the notice calls it: "重大项目", or the class it names it by alone ("A类项目")."""
        alias = next((a for a, v in self.aliases.items() if v == level), None) if self.lettered else None
        return f"{alias}项目" if alias else LEVEL_NAMES[level]

    def level_en(self, level: str) -> str:
        """... in English: "Major project", "Class A project"."""
        alias = next((a for a, v in self.aliases.items() if v == level), None) if self.lettered else None
        return f"Class {alias.removesuffix('类')} project" if alias else LEVEL_EN[level]

    def fact(self, role: str) -> dict[str, Any] | None:
        return next((f for f in self.facts if f["id"] == role), None)


def _vocab() -> dict[str, Any]:
    return yaml.safe_load(VOCAB_PATH.read_text(encoding="utf-8"))


def _body(text: str) -> str:
    """A passage without its list number ("1. ", "（二）")."""
    return _LABEL_PREFIX.sub("", text).strip()


def _iso(y: str | int, m: str | int, d: str | int) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def _zh_date(y: str | int, m: str | int, d: str | int) -> str:
    return f"{int(y)}年{int(m)}月{int(d)}日"


# ------------------------------------------------------------------------------------------ facts
# A sentence introducing the unit types as a list ("…具有独立法人资格的以下单位：", "…并属于以下类型之一：")
LIST_INTRO = r"(?:以下|下列|如下)[^。，,；;]{0,4}(?:单位|机构|类型|类别)(?:之一)?[：:]?$"
# Unit types named as those who recommend or review ("高等院校、科研院所直接推荐"), and a sentence saying who may apply
# (or whom they go through: "市属高等院校、科研院所由市科技局直接受理", a step of the procedure)
_RECOMMENDING_TYPES = re.compile(r"(?:高等院校|高校|高等学校|科研院所|研究院所)(?:[^。，,；;]{0,4}?(?:直接|自行|统一|可)?(?:推荐|审核后)|"
                                 r"[^。，,；;由]{0,4}由[^。，,；;]{2,12}?(?:直接|统一)(?:受理|推荐|审核))")
_ASKS_TO_READ = re.compile(r"请[^。；;]{0,80}?(?:认真)?(?:阅读|转发|传达|周知)")
_MAY_APPLY = re.compile(r"申报对象|申报主体|申报单位(?:条件|范围|须为|应为|必须为|限于|仅限)|申报范围|(?:可以|可|能)(?:作为申报单位|申报)")
# Role -> (intent, pattern over a passage's text, where: notice | guide | any). First match wins;
# "all" roles take every matching passage. Order matters: specific before general.
# The application itself sent to a mailbox: what is sent (the 申报书, its electronic copy or scans), then the address
EMAIL_SUBMISSION = (r"(?:申报书|申报材料|申请书|电子版|电子文档|扫描件)[^。；;]{0,80}?(?:发送|发|报送|提交|传送|递交|报)(?:至|到)"
                    r"[^。；;@]{0,30}?[A-Za-z0-9._-]+@[A-Za-z0-9.-]+")

FACT_PATTERNS: list[tuple[str, str, str, str]] = [
    ("applicants", "eligibility", r"申报对象|申报主体|申报单位(?:条件|范围|须为|应为|必须为|限于|仅限)|申报范围|"
                                  # a sentence naming the unit types that may apply ("…的高等院校、科研院所和…")
                                  r"(?:高等院校|高校|高等学校)[^。]{0,4}[、和及或；;][^。]{0,8}(?:科研院所|研究院所)|"
                                  # ... or introducing them as a list ("具有独立法人资格的以下单位")
                                  r"法人[^。]{0,12}" + LIST_INTRO, "notice"),
    ("management_system", "rules", r"科研管理制度", "notice"),
    ("credit", "rules", r"黑名单|严重失信|失信[^。；，,（(]{0,6}名单", "notice"),
    # an age limit, or a birth date ("项目负责人须为1968年1月1日（含）以后出生", "出生日期须在2040年1月1日以后")
    ("leader_requirements", "eligibility", r"周岁|(?:以后|之后)出生|出生日期[^。，,；;]{0,6}\d{4}\s*年", "any"),
    # who may lead by their employment: staff at post, not retired ("须为申报单位在职在岗人员，离退休人员…不得作为
    # 项目负责人申报"), where no age sentence says it already
    ("leader_employment", "eligibility", r"^(?![^。]*(?:周岁|出生))[^。]*(?:在职在岗|(?:离退休|退休)[^。]{0,16}(?:不得|不能|不可|不予)|"
                                         r"(?:须|应|必须)(?:为|是)[^。]{0,12}在职(?:在岗)?(?:人员|职工|员工))", "notice"),
    # the leader's own limit, not a unit's quota ("其他事业单位限报1项")
    # ... or the case a list of exclusions names ("同一项目负责人本年度申报2个及以上软科学项目的")
    # ... or the case a list of exclusions names as an application the leader already made ("（五）本年度已作为负责人
    # 申报其他软科学研究计划项目的")
    # ... or in one track of a joint call ("只能在两类项目中选择一类申报1项")
    ("one_per_leader", "rules", r"负责人[^。]{0,12}?(?:只能|仅能|限|最多)(?:在[^。，,；;]{1,12}?中)?(?:选择?(?:一|1)类)?(?:牵头|主持)?(?:申报|申请|报)?\s*(?:一|1)\s*(?:个|项)|"
                                r"负责人[^。，,；;]{0,8}?(?:申报|申请|主持)\s*(?:两|二|2)\s*(?:个|项)(?:及|或)以上|"
                                r"(?:本年度|当年|同年|今年)已(?:作为(?:项目)?负责人)?(?:主持)?(?:申报|申请)了?其他[^。；;，,]{0,20}项目", "notice"),
    # "逾期未结题", "已逾期且尚未结题"
    # ("已超过合同约定完成时间仍未结题")
    # ("已超过执行期、尚未结题验收")
    ("overdue_projects", "rules", r"(?:逾期|超过规定期限|超期|超过[^。，,]{0,10}?(?:时间|期限|执行期|实施期|合同期))"
                                  r"[^。，,]{0,4}?未(?:结题|结项|验收)", "notice"),
    # a unit type's quota ("高校限报 5 项", "高校不超过6项"), not the leader's own limit ("每名项目负责人本年度限报1项")
    # ... or a table's row ("高等院校 | 6项")
    ("quota", "rules", r"(?:高校|高等院校|院所|事业单位|企业|机构|单位)(?:[^。；]{0,20}?(?:限报|不超过|最多推荐|最多申报)|\s*[|｜])"
                       r"\s*(?:\d+|[一二两三四五六七八九十]{1,2})\s*项|"
                       r"限额申报|推荐数量|实行[^。，,；;]{0,6}?限额|(?:限报|申报|推荐)(?:数量|名额|指标)\s*[|｜：:]|"
                       # ... or a list of them ("高等院校6项,科研院所3项,…")
                       # (or each type's "per unit": "高等院校每单位6项，科研院所每单位4项")
                       r"(?:高校|高等院校|院所|事业单位|机构)\s*(?:每个?单位|每家|各)?\s*\d+\s*项\s*[,，、；;]\s*[\u4e00-\u9fff]{2,}\s*\d+\s*项", "notice"),
    ("classified", "rules", r"涉密|国家秘密", "notice"),
    # only the topics listed may be applied for, no title of one's own ("申报人须从所列课题中选择申报，不受理自拟题目")
    ("set_topics", "topics", r"(?:不受理|不接受|不得|不能|不可|不允许|不再受理)\s*(?:申报人?)?自拟|自拟[^。；;]{0,8}(?:不予?受理|不接受)", "notice"),
    # how many partner units a project may have ("每个项目的合作单位不超过2家"), where the notice says it
    ("partners", "rules", r"合作单位[^。；;]{0,12}?(?:不超过|不得超过|不多于|最多|限)\s*(?:\d+|[一二两三四五六七八九十])\s*[家个]", "notice"),
    # a project funded already, not the leader's second application ("不得以不同单位名义重复申报")
    # ... or one item of a list of exclusions ("（5）同一项目已获得市级财政资金支持的；")
    ("duplicate_funding", "rules", r"(?:已获|获得|资金支持|资助)[^。]{0,30}重复|重复.{0,6}(?:支持|资助)|"
                                   # (or the same research content: "同一研究内容已获得市级及以上财政资金资助的；")
                                   r"同一(?:项目|课题|选题|研究内容|内容)[^。；，]{0,4}已(?:经)?获得?[^。；，]{0,12}(?:资金|财政)(?:支持|资助)", "notice"),
    # ... or one item of a list of exclusions ("（4）同一单位通过两个及以上推荐部门申报的；")
    ("single_recommender", "rules", r"多头申报|单个推荐部门|一个推荐部门|"
                                    r"(?:两|2|多)个(?:及|或)?以上[^。；，,]{0,4}推荐(?:部门|单位|渠道)", "notice"),
    # ("在本单位范围内公示不少于3个工作日": the unit's own publicity, said by where it is made)
    ("internal_publicity", "rules", r"内部公示|单位内部[^。；]{0,6}公示|本单位[^。；，,]{0,4}范围内[^。；，,]{0,4}公示", "notice"),
    # a list of what rules an application out ("有下列情形之一的，不得申报：（1）…；（2）…", "不予受理 | …；…")
    ("exclusions", "eligibility", r"有下列情形之一|(?:不予受理|不得申报)\s*[|｜：:]", "notice"),
    # the call's money in all ("本年度计划资助10项，经费总额79万元")
    # ("本年度计划安排市级财政资金112万元", "…安排市财政资金共112万元": what the call spends in all)
    # ... or its cap ("市财政安排软科学研究计划资助经费不超过60万元")
    ("funding_total", "funding", r"(?:经费|资助|资金)总额|总经费|(?:合计|共计)[^。；]{0,8}万元|"
                                 r"(?:计划|拟)?安排[^。；，,]{0,10}(?:资金|经费)\s*(?:共计|合计|总计|共)?\s*"
                                 r"(?:不超过|不高于|最高|最多|约)?\s*\d+(?:\.\d+)?\s*万元", "notice"),
    # (the policy, not the pledge form a materials list names: "“包干制”承诺书（签字…后上传）")
    ("lump_sum", "funding", r"包干制(?!”?承诺书)", "notice"),
    # how the grant is paid: in instalments, each a share at a stage ("分两次拨付：签订项目合同后拨付资助额度的70%，
    # 结题验收通过后拨付其余30%"), or at once ("立项后一次性拨付")
    ("disbursement", "funding", r"分\s*(?:两|二|三|2|3)\s*(?:次|期|批)拨付|拨付[^。；;]{0,24}?\d+(?:\.\d+)?\s*%|一次性(?:全额)?拨付", "notice"),
    # the limits a budget keeps to for some expense items ("劳务费和专家咨询费合计不超过市财政资助经费的40%")
    ("expense_limits", "funding", r"(?:劳务费|专家咨询费|间接费|管理费|绩效支出)[^。；]{0,30}(?:不超过|不得超过|不高于|比例|%)", "notice"),
    # how long the body takes to decide, as a service entry's field says it ("办理时限：法定办理时限：无" over
    # "承诺办理时限：45个工作日（…）")
    ("processing_time", "dates", r"^(?:(?:法定|承诺)?办理时限|承诺时限|办结时限|法定时限)\s*[：:]", "notice"),
    # what applying costs, as a service entry's field says it ("收费标准：不收费", "是否收费：否")
    ("fee", "process", r"^(?:收费(?:标准|依据|情况|项目)|是否收费)\s*[：:]|不收取(?:任何)?(?:费用|申报费)|不收费", "notice"),
    ("integrity_pledge", "rules", r"诚信承诺(?!书)|(?:签订|签署)[^。；]{0,24}诚信承诺书", "notice"),
    # (where to apply: a sentence naming the site or platform comes before one that only mentions it)
    # ... or names it with its address, as what the application goes through ("本次申报通过某市科技计划项目管理平台
    # （https://…）进行")
    ("online_application", "process", r"网络在线填报|在线填报|(?:系统|网站|平台).{0,24}注册|登[录陆].{0,30}(?:系统|网站|平台)|"
                                      r"通过[^。；;，,]{0,30}(?:系统|网站|平台)\s*[（(]\s*(?:https?://|www\.)", "notice"),
    ("registered_units", "process", r"已在该系统注册|已注册", "notice"),
    # the procedure as one line of its steps ("项目申报流程：单位注册—网上填报—单位审核—…—签订任务书")
    ("procedure", "process", r"(?:流程|程序|步骤)(?:为|是|如下)?[：:]\s*[^。；;，,—→]{2,12}(?:\s*(?:—+|→|－|->|＞)\s*[^。；;，,—→]{2,12}){2,}", "notice"),
    ("recommendation", "process", r"审核推荐|推荐要求审核|限额推荐", "notice"),
    ("paper_materials", "process", r"纸质", "notice"),
    # the application's electronic copy sent to a mailbox ("将申报书电子版（Word 和盖章 PDF 各一份）发送至rkx@…"): a route
    # of its own beside the paper copies, where a call has no online system (not a receipt or a contact's mailbox)
    ("email_submission", "process", EMAIL_SUBMISSION, "notice"),
    ("legal_basis", "rules", r"(?:根据|依据|按照)《.{4,40}》", "notice"),
    ("guide_direction", "topics", r"项目选题|选题要", "guide"),
    # what a project reports when it changes ("如发生项目负责人变更、承担单位变更……及时报主管部门和市科技局")
    ("major_changes", "rules", r"(?:负责人|承担单位|主要研究目标)[^。；]{0,4}(?:变更|调整|更换)[^。]{0,60}?(?:及时|立即|应当|须)?(?:报|报告|上报)", "any"),
    # what closing a project needs ("结题报告原则上需出具联系单位应用证明", "结题时须提交…成果采纳意见")
    ("liaison_mechanism", "rules", r"应用证明|沟通机制|结题[^。]{0,6}(?:须|需|应)[^。]{0,4}(?:提交|出具|提供)", "any"),
]


def _make_fact(role: str, intent: str, quotes: list[str], vocab: dict[str, Any],
               labels: Mapping[str, tuple[str, str]] = MappingProxyType({}), **extra: Any) -> dict[str, Any]:
    """A fact of `quotes`, its answer their bodies joined; `labels`: quote -> (Chinese, English) name of whose the
    sentence is, said before it in the answer ("重大项目：项目负责人须…"), the quote itself unchanged."""
    zh = ""
    for q in quotes:
        part = _body(q).rstrip("。；;")
        part = f"{labels[q][0]}：{part}" if q in labels else part
        zh += part if not zh or zh.endswith(("：", ":")) else "；" + part
    zh = zh.rstrip("：:") + "。"  # ("…资助标准如下：" closing the quotes: a sentence)
    v = vocab["roles"].get(role, {})
    said = zh if not labels else "; ".join(
        f"{labels[q][1]}: {_body(q).rstrip('。；;')}" if q in labels else _body(q).rstrip("。；;") for q in quotes) + "."
    en = f"{v['en']}. The notice says (in Chinese): {said}" if v.get("en") else f"The notice says (in Chinese): {said}"
    fact = {"id": role, "role": role, "intent": intent, "quotes": quotes, "zh": zh, "en": en,
            "triggers": list(v.get("triggers", []))}
    if v.get("also_intents"):
        fact["also_intents"] = list(v["also_intents"])
    fact.update(extra)
    return fact


def _in(p: Passage, where: str) -> bool:
    # (a forwarding office's own part, "f-", says what it adds: its facts are its own, `_forwarding`)
    return not p.id.startswith("f-") if where == "any" else p.id.startswith({"notice": "n-", "guide": "g-"}[where])


# The retired leading a project, a case a list of exclusions names ("离退休人员（含返聘人员）作为项目负责人申报的；")
_RETIRED_CASE = re.compile(r"^[^。]{0,10}(?:离退休|退休|返聘)[^。]{0,16}作为[^。，,]{0,6}负责人[^。，,]{0,8}的[；;。]?$")
# A sentence excluding some ("企业、社会组织和个人不在本次申报范围内"): not who may apply.
EXCLUSION = re.compile(r"不在[^。]{0,8}范围|不得申报|不(?:得|能|可)?作为[^。，,]{0,6}申报|不予?受理|不接受|不属于|除外|不能申报")
# A unit type's own condition for applying: "以新型研发机构名义申报的，须…", "科研院所申报的，应…", or the type
# itself the sentence's subject: "新型研发机构须经市级及以上科技主管部门备案"
_TYPE_CONDITION = re.compile(r"(?:以)?(?:" + "|".join(w for w, _ in ORG_WORDS) + r")(?:(?:名义)?申报的?\s*[，,]\s*|\s*)(?:须|应|需|必须)")
# A heading over a list of exclusions ("哪些情况不能报？", "不予受理的情形")
_EXCLUDING_HEADING = re.compile(EXCLUSION.pattern + r"|不(?:能|得|可以?)(?:申)?报|不予|负面清单")
# The unit types a call usually excludes, as ORG_WORDS and PERSON_WORDS name them
_EXCLUDED_TYPES = re.compile("|".join(w for w, v in ORG_WORDS + PERSON_WORDS
                                      if v in ("enterprise", "social_organization", "individual")))
# The sentences after a fact's first one, in its item, that say more of it: the leader's limits, the
# paper copies' number and time (and the day ages are counted on, "年龄计算截至2147年1月1日", the age limit's).
MORE_SENTENCES = {"leader_requirements": r"周岁|职称|学历|学位|出生|年龄[^。；;]{0,8}(?:计算|截至|截止|为准)", "paper_materials": r"纸质|一式|份",
                  # (the retired barred, said in a sentence of its own after "须为…在职在岗人员")
                  "leader_employment": r"(?:离退休|退休|返聘)[^。]{0,16}(?:不得|不能|不可|不予)",
                  # (the other rows of a table of expense items' limits, "专家咨询费 | 不超过资助额度的10%", each an
                  # item's own; and what the funds may not pay, said beside them: "劳务费不得支付给…有工资性收入的人员")
                  "disbursement": r"拨付",  # (the instalment withheld when the project fails its review: "…不通过的，不再拨付")
                  "expense_limits": r"^[^。|｜]{2,30}\s*[|｜]\s*[^|｜。]*(?:不超过|不得超过|不高于|%)|"
                                    r"(?:经费|资金|劳务费)[^。；;，,]{0,6}不得(?:用于|支付|列支|开支)|不得(?:列支|开支)[^。；;]{0,6}费",
                  # (the mail's subject line, its files' names and size, when it counts as received: "邮件主题统一为…")
                  "email_submission": r"邮件|邮箱|主题|文件名|命名",
                  "processing_time": r"^[\u4e00-\u9fff]{0,4}(?:办理时限|时限)\s*[：:]",  # (the 法定 one and the 承诺 one)
                  # (the items of one list of exclusions: "有下列情形之一的，不得申报：（1）…黑名单的；（2）…严重失信…的")
                  # (and a research-misconduct record in its penalty period, said without "严重": "项目负责人存在科研失信行为，
                  # 且仍处于惩戒期内的")
                  "credit": r"黑名单|严重失信|失信[^。；，,（(]{0,6}名单|失信行为[^。；;]{0,16}惩戒|惩戒(?:执行)?期[^。；;]{0,4}内",
                  "exclusions": r"^[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|^\d{1,2}\s*[.、．]\s*\S",  # the list's items
                  # (and "根据实际每年实行动态调整": whether the quota changes)
                  "quota": r"^[^。]{2,20}?(?:[：:]\s*(?:每个?单位|每家|各单位|各)?(?:不超过|限报|最多)|限报|\s*[|｜]\s*(?:各|每家|每个?单位)?)\s*"
                           r"(?:\d+|[一二两三四五六七八九十])\s*项|调整|"
                           # (a quota table's header row, "单位类型 | 申报限额 | …的单位", whose columns the rows fill)
                           r"^[^。|｜]{2,12}\s*[|｜][^。]*(?:限额|指标|名额)[^。]*$|"
                           # (a quota lowered in a case the notice names: "…的单位，按上表第三列核减后的限额申报")
                           r"(?:限额|指标|名额)[^。]{0,12}(?:核减|减半|扣减|压减|缩减|下调|减少)|(?:核减|减半|扣减|压减|缩减|下调|减少)[^。]{0,8}(?:限额|指标|名额)|"
                           # (or raised for units in a case the notice names: "建有省级以上重点实验室的单位，在上表限额基础上增加1项")
                           r"(?:限额|指标|名额)[^。]{0,12}(?:增加|追加|增报)\s*(?:\d+|[一二两三])\s*(?:项|个名额)|"
                           r"^[\u4e00-\u9fff]{2,12}\d+\s*项\s*[,，、；;]|"  # ("高等院校6项,科研院所3项,…": a list of them)
                           # (a table's row aligned with spaces, a named unit's or a type's: "郑州大学  6项", "其他高校  各2项")
                           r"^[\u4e00-\u9fff（）()]{2,20}\s+(?:各|每家|每个?单位)?\s*(?:\d+|[一二两三四五六七八九十]{1,2})\s*项$"}
# What a FAQ's question asks of, for a fact its answers go on with ("…负责人需要什么职称或学历？", "…能报几项？")
_ASKED_OF = {"leader_requirements": r"负责人", "quota": r"限报|指标|限额|名额|(?:单位|院校|高校|院所|机构)[^？?]{0,8}(?:几项|多少项)", "paper_materials": r"纸质"}
# The number of paper copies: "一式两份", "纸质版3份", "纸质材料（一式三份）"
_NO_PAPER = re.compile(r"(?:不|无需|无须|不需|不必)(?:再)?(?:报送|提交|寄送|邮寄)[^。；;]{0,4}纸质|纸质[^。；;]{0,8}(?:另行通知|不再?报送|无需|免于)")
# Where a notice sends its materials: "报送至市科技局政策法规处（…1207室）", "寄送到…路88号"
_SENT_TO = re.compile(r"(?:报送|送交|寄送|递交|提交|送)(?:至|到)[^。；;]{0,60}?(?:\d+\s*室|\d+\s*号|房间)")
_COPIES = re.compile(r"一式\s*(?:[一二两三四五六七八九十]|\d{1,2})\s*份|纸质[版件]?[^。；;，,]{0,4}?(?:[一二两三四五六七八九十]|\d{1,2})\s*份")
ITEM_SENTENCES = 2  # a rule's list item's sentences after its first, taken with it
ITEM_SENTENCE_MIN = 8
_LIST_ITEM = re.compile(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[.、．](?!\d))")
# ... and those anywhere in its item that state the applicants' other conditions ("注册地在郑州市，具有独立法人资格")
BESIDE_SENTENCES = {"applicants": r"法人|注册地|市内|行政区域内"}
# ... each of its conditions (a legal person, where it is registered): one the hit does not say, a sentence beside says
BESIDE_CONDITIONS = {"applicants": (r"法人", r"注册地|市内|行政区域内")}


_SUB_ITEM = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")
_POINT = re.compile(r"^\d{1,2}\s*[.、．]")


# A level's leader, the subject of a sentence on its conditions ("一般项目负责人须具有…", "申报重大项目的，负责人…")
_LEVEL_LEADER = re.compile(r"(?:" + LEVEL_ALTERNATION + r")(?:项目|课题)(?:的)?[，,]?\s*(?:项目|课题)?负责人")


def _leader_levels(text: str, found: Found) -> set[str]:
    """The levels whose leader a text sets conditions for ("重大项目负责人须…": {major}), by the subject of its sentences."""
    return {lv for m in _LEVEL_LEADER.finditer(text) if (lv := found.level_in(m.group(0)))}


def _item_levels(quotes: list[str], passages: list[Passage], found: Found) -> None:
    """The level of each leader sentence naming none, by the item it stands in: "（一）重大项目。拟立项2项，…。" then
    "项目负责人须具有正高级专业技术职称，年龄不超过60周岁。" sets the major projects' leader apart."""
    for quote in quotes:
        if found.level_in(quote):
            continue
        for p in passages:
            if p.topic or not p.id.startswith("n-") or _body(p.text) != quote:
                continue
            named = {lv for label in p.section.split(" > ")[1:] if (lv := found.level_in(label))}
            if len(named) == 1:
                found.item_levels[quote] = named.pop()
                break


LEVELS_TOLD = True  # the leader's sentences each told with its item's level in the answer (not in the quotes)


# The notice's schedule, its steps each under it ("七、时间安排", "工作进度安排", "时间节点")
_SCHEDULE_SECTION = re.compile(r"时间安排|时间节点|进度安排|日程安排|时间表|工作安排")
# A step due a span after another ("网上截止后5个工作日内", "公示结束后10个工作日内", "接到通知后3日内")
_DUE_AFTER = re.compile(r"(?:后|之日起|起)\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个)?(?:工作日|日|天|周)(?:内|之内)")


def _due(text: str) -> bool:
    """Whether `text` says when something is due: on a date, or a span after another step."""
    return bool(_SINGLE.search(read_dates(text)) or _DUE_AFTER.search(text))


def _same_item(p: Passage, hit: Passage, points: bool = False) -> bool:
    """p is in hit's item: its section, or a sibling sub-item "（二）" of an article whose "（一）" hit is in;
    with `points`, any numbered point "2." beside hit's "1." (each its own subject, so a caller filters them)."""
    if p.section == hit.section:
        return True
    parent, _, last = hit.section.rpartition(" > ")
    own_parent, _, own_last = p.section.rpartition(" > ")
    if not parent or parent != own_parent:
        return False
    if _SUB_ITEM.match(last) and _SUB_ITEM.match(own_last):
        return True
    # the numbered points "1. 2." of one sub-item ("（二）项目负责人条件"): that sub-item's one subject
    return bool(_POINT.match(last) and _POINT.match(own_last) and (points or _SUB_ITEM.match(parent.rpartition(" > ")[2])))


@dataclass
class _Notes:
    """The notice's footnotes, each where it stands among the passages ("[1] 在某单位，指…" under its "注释：" line, or
    "注4：具有正高级…" closing its section, each section numbering its own from 注1 again)."""
    passages: list[Passage]
    said: list[tuple[int, str, str]]  # (where among the passages, its number, what it says as the notice writes it)

    def of(self, text: str, near: str = "") -> list[str]:
        """The notes `text` marks ("…不超过55周岁〔注4〕", "…记录[3]"): each the first of its number after where the text
        (or the quote `near` it, for a text of ingest's own) stands - its section's block, or the notice's - else the
        last before it."""
        marks = note_marks(text)
        if not marks:
            return []
        body = squash(_body(near or text))
        at = next((i for i, p in enumerate(self.passages) if body and body in squash(p.text)), -1)
        out = []
        for number in marks:
            after = [x for i, n, x in self.said if n == number and i > at]
            before = [x for i, n, x in self.said if n == number and i <= at]
            if note := (after[:1] or before[-1:]):
                out.append(note[0])
        return out


def _footnotes(passages: list[Passage]) -> _Notes:
    """The notice's footnotes: under a "注释：" line (the notice's, or a section's), or a topic's own."""
    return _Notes(passages, [(i, said[0], said[1]) for i, p in enumerate(passages) if p.id.startswith("n-")
                             and (p.section.endswith(" > 注释") or p.topic) and (said := footnote(p.text))])


def _noted(quotes: list[str], notes: _Notes, found: Found | None = None) -> list[str]:
    """`quotes` and the footnotes their marks point to, each after them ("…记录[3]且…" and "科研严重失信行为记录，指…");
    each quote's own kept in `found`, for the rules its quote states."""
    for q in quotes:
        if found is not None and (said := notes.of(q)):
            found.footnoted[q] = said
    return list(dict.fromkeys([*quotes, *(x for q in quotes for x in notes.of(q))]))


def _footnoted_rules(found: Found, notes: _Notes) -> None:
    """A rule whose quote marks a footnote says it beside its verdict (what "科研严重失信行为记录[3]" counts, what a
    "新型研发机构[2]" must be): the unit types' rule, the notes its list of types marks that name an allowed type."""
    app = found.fact("applicants")
    for rule in found.rules:
        said = notes.of(rule["quote"])
        if rule["id"] == "org_type" and app:
            said += [x for q in app["quotes"] for x in notes.of(q) if any(w in x for w, v in ORG_WORDS if v in rule["allowed"])]
        said = list(dict.fromkeys(said))
        if said:
            for key in ("pass", "fail"):
                rule[key]["zh"] = rule[key]["zh"].rstrip("。") + "。" + "".join(f"（注：{x.rstrip('。')}。）" for x in said)
                rule[key]["en"] += "".join(f" (Note: “{x}”)" for x in said)
        for key in ("pass_by_level", "fail_by_level"):
            # (a level's own words, where they mark a note: "重大项目负责人须具有正高级职称〔注5〕" with "注5：具有副高级
            # 职称且具有博士学位的，可作为重大项目负责人申报")
            for message in rule.get(key, {}).values():
                if own := notes.of(message["zh"], near=rule["quote"]):
                    message["zh"] = message["zh"].rstrip("。") + "。" + "".join(f"（注：{x.rstrip('。')}。）" for x in own)
                    message["en"] += "".join(f" (Note: “{x}”)" for x in own)


# The notice leaving its particulars to its guide ("申报条件、限项要求…等具体内容，详见附件1《…申报指南》")
# (or to a guide appended without its title in brackets: "各类申报单位限报项目数见附：申报指南")
_REFERS_TO_GUIDE = re.compile(r"(?:详见|参见|见|按照|依据)\s*(?:附件\s*\d*\s*)?《[^《》]{0,60}指南》|"
                              r"(?:详见|参见|见)\s*附(?:件\s*\d*)?\s*[：:]?\s*[^《》。；;，,（）()]{0,20}?指南")


def _refers_to_guide(passages: list[Passage]) -> bool:
    return any(p.id.startswith("n-") and _REFERS_TO_GUIDE.search(p.text) for p in passages)


def _addressed(p: Passage) -> bool:
    """A line closing with a colon is no statement of who may apply (a salutation, "各有关高等院校、科研院所：", or a
    list's lead), unless it introduces the types that may apply ("…具有独立法人资格，并属于以下类型之一：")."""
    return p.text.rstrip().endswith(("：", ":")) and not re.search("法人[^。]{0,12}" + LIST_INTRO, p.text)


# A sentence leaving its figures to an annex ("各单位按附件3所列限额申报", "限额详见附件3")
_ANNEX_REFERENCE = re.compile(r"(?:按|按照|依|依照|见|详见|参见)\s*附件\s*(\d{1,2})(?!\d)")


# A sentence pointing to a part (and an item) of the notice itself: "按本通知第一部分第4项执行", "见本通知第二部分"
_NOTICE_REFERENCE = re.compile(r"(?:按|按照|依|依照|依据|见|详见|参见|执行)\s*本通知\s*(?:的)?\s*第\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*部分"
                               r"(?:\s*(?:的)?\s*第\s*[（(]?([一二三四五六七八九十]{1,3}|\d{1,2})[)）]?\s*(?:项|条|点|款))?")
_PART_LABEL = re.compile(r"^([一二三四五六七八九十]{1,3})、")
_ITEM_NUMBER = re.compile(r"^(?:(\d{1,2})\s*[.、．]|[(（]([一二三四五六七八九十]{1,3})[)）])")


def _in_part(p: Passage, part: int, item: int | None) -> bool:
    """p stands in part `part` of the notice ("一、…"), in its item `item` ("4. …", "（四）…") when one is given."""
    path = p.section.split(" > ")
    at = next((i for i, label in enumerate(path) if _PART_LABEL.match(label)), None)
    label = _PART_LABEL.match(path[at]) if at is not None else None
    if at is None or label is None or number_of(label.group(1)) != part:
        return False
    if item is None:
        return True
    below = path[at + 1:at + 2]
    return bool(below and (m := _ITEM_NUMBER.match(below[0])) and number_of(m.group(1) or m.group(2)) == item)


def _referred(passages: list[Passage], hit: Passage, quotes: list[str], role: str, rx: re.Pattern[str]) -> list[str]:
    """The sentences a fact's own point to ("按本通知第一部分第4项执行": that item's, saying the fact), and those pointing
    to its hit's item (the pointer, and its item's sentences saying the fact); none already quoted."""
    body = [p for p in passages if p.id.startswith("n-") and not p.topic]
    said = re.compile(MORE_SENTENCES[role])
    out: list[str] = []
    for p in body:
        if _body(p.text) in quotes:
            for ref in _NOTICE_REFERENCE.finditer(p.text):
                part, item = number_of(ref.group(1)), number_of(ref.group(2)) if ref.group(2) else None
                out += [_body(x.text) for x in body if x is not p and _in_part(x, part, item)
                        and (said.search(x.text) or rx.search(x.text))]
    for p in body:
        for ref in _NOTICE_REFERENCE.finditer(p.text):
            if ref.group(2) and _in_part(hit, number_of(ref.group(1)), number_of(ref.group(2))) and not _in_part(
                    p, number_of(ref.group(1)), None):
                out += [_body(p.text)] + [_body(x.text) for x in body if x is not p and _same_item(x, p, points=True)
                                          and said.search(x.text)]
    return [q for q in dict.fromkeys(out) if q not in quotes]


# A count of the topics a notice lists ("发布选题11个", "共设课题10项")
_TOPICS_COUNTED = re.compile(r"(?:选题|课题|题目)\s*\d+\s*[个项]")


def _general_facts(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    notes = _footnotes(passages)
    refers_to_guide = _refers_to_guide(passages)
    for role, intent, pattern, where in FACT_PATTERNS:
        rx = re.compile(pattern)
        hits = [p for p in passages if _in(p, where) and not p.topic and rx.search(p.text)
                # a dated range is a window, not a step (unless a FAQ's question asks of the step: "需要报送纸质材料吗？")
                and not (intent == "process" and _RANGE.search(p.text) and not rx.search(_asked(p.text)))
                # (whom the notice is addressed to, "各有关高等院校、科研院所…：", is not who may apply)
                and not (role == "applicants" and _addressed(p))]
        if role == "paper_materials" and not hits:
            # the paper copies said only in their dated step ("（四）纸质材料报送。…加盖单位公章后一式两份，于4月13日—
            # 4月15日报送至…612室"): that step says how many and where, as well as when
            hits = [p for p in passages if _in(p, where) and not p.topic and rx.search(p.text) and _RANGE.search(p.text)
                    and (_COPIES.search(p.text) or _SENT_TO.search(p.text)) and not _NO_PAPER.search(p.text)]
        if where == "notice" and refers_to_guide and (not hits or _REFERS_TO_GUIDE.search(hits[0].text)):
            # a short notice that leaves its conditions to its guide ("具体内容详见附件1《…申报指南》"): what the
            # notice does not say, or says first by pointing there ("纸质材料报送要求见《指南》第六部分"), the guide does
            hits = [p for p in passages if _in(p, "guide") and not p.topic and rx.search(p.text)
                    and not (intent == "process" and _RANGE.search(p.text))
                    and not (role == "applicants" and _addressed(p))] + hits
        if role == "leader_requirements":
            # the limit for every leader before one a level or class sets for its own ("C类项目（青年）…负责人年龄不超过40周岁")
            hits.sort(key=lambda p: bool(re.search(r"[A-Z甲乙丙丁]类|(?:" + LEVEL_ALTERNATION + r")(?:项目|课题)", next(
                (c for c in re.split(r"[。；;]", p.text) if re.search(r"周岁|出生", c)), p.text))))
        if role == "internal_publicity":  # the sentence saying how long, before one that only mentions it
            hits.sort(key=lambda p: not re.search(r"\d+\s*(?:个)?(?:工作日|日|天)", p.text))
        if role == "quota":
            # the sentence giving each unit type its number before one that only names the quota ("推荐数量超出
            # 规定限额的，不予受理", an exclusion listed earlier)
            # (or a sentence introducing the list it gives, "…不得超过以下限额：高等院校6项，科研院所4项，…"; a list on
            # its own after its introduction, "限报数量如下：" over "高等院校6项,…", keeps the introduction first)
            hits.sort(key=lambda p: not re.search(r"(?:高校|高等院校|院所|事业单位|企业|机构)[^。；]{0,8}?(?:限报|不超过|最多推荐|最多申报)"
                                                  r"\s*(?:\d+|[一二两三四五六七八九十]{1,2})\s*项|[：:][^。；]*?(?:高校|高等院校|院所|事业单位|机构)"
                                                  r"\s*(?:每个?单位|每家|各)?\s*(?:\d+|[一二两三四五六七八九十]{1,2})\s*项\s*[,，、；;]", p.text))
        if role == "paper_materials":
            # the sentence saying how many copies, before one that only names the paper copies among other things
            # ("两个批次的…纸质材料报送时间各不相同"); a sentence pointing to other articles for what it sends and
            # when ("按第五条规定的时间，将第四条所列申报书的纸质版一式三份报送…") comes after, its count joining it
            hits.sort(key=lambda p: (bool(_CITED_ARTICLE.search(_ARTICLE_LABEL.sub("", p.text, count=1))),
                                     not re.search(r"一式[一二两三四五六七八九十\d]+份|[一二两三四五六七八九十\d]+份", p.text)))
        if role == "lump_sum":
            # the sentence putting the funding under it ("项目经费实行“包干制”") before one naming a regulation of that
            # name ("根据《…经费包干制管理办法》…")
            hits.sort(key=lambda p: not re.search(r"包干制(?![^《》]*》)", p.text))
        if role == "online_application":
            hits.sort(key=lambda p: not re.search(r"https?://|www\.|[\u4e00-\u9fff]{2,}(?:平台|系统|网站)[（(]", p.text))
        if role == "applicants":  # who may apply, not who may not, nor whom the notice is addressed to ("…：")
            # (a sentence introducing them as a list, "…并属于以下类型之一：", names them in its items)
            hits = sorted((p for p in hits if not p.text.rstrip().endswith(("：", ":")) or re.search("法人[^。]{0,12}" + LIST_INTRO, p.text)),
                          # a heading ("（一）申报单位条件") names no unit type: the sentence below does
                          key=lambda p: (not any(w in p.text for w, _ in ORG_WORDS) and not re.search(LIST_INTRO, p.text),
                                         # (a sentence only naming the unit types it asks to read or pass the page on,
                                         # "请…各高等院校、科研院所认真阅读", after one that says they may apply)
                                         not _MAY_APPLY.search(p.text) and bool(_ASKS_TO_READ.search(p.text)),
                                         # (a step where the unit types recommend, "高等院校、科研院所直接推荐", says
                                         # through whom, not who may apply: after a sentence that says who may)
                                         bool(_RECOMMENDING_TYPES.search(p.text)) and not _MAY_APPLY.search(p.text),
                                         bool(EXCLUSION.search(p.text))))
        hit = hits[0] if hits else None
        if hit is None:
            continue
        quotes = [_body(hit.text)]
        if role == "set_topics":
            # the sentence saying so and those before it in its passage (the topics it bars others beside: "本年度发布
            # 选题11个，其中公开申报选题10个…。申报人须从公开申报选题中选择申报，不受理自拟题目"), not the list's
            # introduction the passage goes on with ("各类项目资助标准如下：")
            parts = re.findall(r"[^。]+。?", quotes[0])
            quotes = ["".join(parts[: next(k for k, x in enumerate(parts) if rx.search(x)) + 1])]
            # ... and the sentence of its item before it that counts them, a passage of its own ("（一）本年度发布选题
            # 11个，其中公开申报选题10个…" over "申报人须从公开申报选题中选择申报，不受理自拟题目")
            quotes = [_body(x.text) for x in passages if x.section == hit.section and x.order < hit.order and not x.topic
                      and _TOPICS_COUNTED.search(arabic_numbers(x.text))][-1:] + quotes
        if role == "legal_basis" and BASIS_CLAUSE_ONLY and (basis := _BASIS_CLAUSE.search(quotes[0])) \
                and _PURPOSE_CLAUSE.search(quotes[0]):
            # the opening sentence also says what the call is for (a fact of its own, `_purpose`): the basis is the
            # clause naming the regulation ("根据《…管理办法》（…〔2023〕3号）")
            quotes = [basis.group(0)]
        if _POINT.match(hit.section.rpartition(" > ")[2]) and re.search(r"的[。；;]?$", hit.text.strip()):
            # a case of a list's point closed by "…的。", the point going on with what to do about it ("5.申报内容
            #涉及国家秘密的。申报材料须作脱密处理后提交。"): its further sentences are the fact's too
            quotes += [_body(p.text) for p in passages if p.section == hit.section and p.order > hit.order
                       and _body(p.text) not in quotes]
        if role in MORE_SENTENCES:  # a fact may run over several sentences of one item
            # (or over the points a sentence ending in a colon introduces: "…实行限额申报：" over "（一）高等院校限报六项；",
            # "限额如下：" over its "1." points: the sections under the sentence's own)
            listing = hit.text.rstrip().endswith(("：", ":"))
            quotes += [_body(p.text) for p in passages if (_same_item(p, hit, points=True) or listing and p.section.startswith(
                hit.section + " > ")) and p.order > hit.order and re.search(MORE_SENTENCES[role], p.text)
                and _body(p.text) not in quotes]
        if role in MORE_SENTENCES and role in _ASKED_OF and _asked(hit.text):
            # a page of questions and answers, each pair its own section: the other pairs asking of the same subject
            # ("十一、问：重点项目负责人需要什么职称或学历？答：须具有副高级…", "五、问：新型研发机构能报几项？答：…限报2项")
            quotes += [_body(p.text) for p in passages if p is not hit and _in(p, where) and not p.topic
                       and re.search(_ASKED_OF[role], _asked(p.text)) and re.search(MORE_SENTENCES[role], _answered(_body(p.text))[1])
                       and _body(p.text) not in quotes]
        if role in MORE_SENTENCES and (ref := _ANNEX_REFERENCE.search(hit.text)):
            # "各单位按附件3所列限额申报": the annex it points to says the rest (its table's rows)
            quotes += [_body(p.text) for p in passages if re.match(r"附件\s*" + ref.group(1) + r"(?!\d)", p.section)
                       and not p.topic and p is not hit and re.search(MORE_SENTENCES[role], p.text) and _body(p.text) not in quotes]
        if role in MORE_SENTENCES:
            # an item of the notice pointing to another ("年龄要求按本通知第一部分第3项执行", as a call written as changes
            # against last year's defers to its list of changes): the item it points to says the fact too; and a hit in
            # an item pointed to, the items pointing to it (the conditions said beside the pointer: "2．重大项目负责人须…")
            quotes += _referred(passages, hit, quotes, role, rx)
        if role == "paper_materials" and not any(_due(q) for q in quotes):
            # when they are due, said in the schedule ("纸质材料报送截止时间：2070年5月8日", or after another step:
            # "网上截止后5个工作日内报送纸质材料"), when the fact's own sentences do not say it
            # (one date: a call in batches sends them by each batch's own)
            dated = [_body(p.text) for p in passages if _in(p, "notice") and not p.topic and "纸质" in p.text
                     and _due(p.text) and not _NO_PAPER.search(p.text) and _body(p.text) not in quotes]
            quotes += dated if len(dated) == 1 else []
        if role == "leader_employment":
            # the retired barred as a case of a list of exclusions ("有下列情形之一的，不得申报：" over "8．离退休人员（含返聘
            # 人员）作为项目负责人申报的。"), apart from the sentence asking for staff at their post
            quotes += [_body(p.text) for p in passages if _in(p, where) and not p.topic and _RETIRED_CASE.search(_body(p.text))
                       and _body(p.text) not in quotes]
        if role == "leader_requirements":
            _item_levels(quotes, passages, found)
        if role == "leader_requirements" and (said := _leader_levels(" ".join(quotes), found)):
            # conditions set out per level, a block for each ("（一）重大项目" … "4. 负责人条件。重大项目负责人须…；
            # 年龄不超过55周岁。", "（二）一般项目" … "4. 负责人条件。一般项目负责人…"): the other levels' own sentences
            for p in passages:
                if (p.id.startswith("n-") and not p.topic and _LEVEL_LEADER.search(p.text) and re.search(MORE_SENTENCES[role], p.text)
                        and (lv := _leader_levels(p.text, found)) and not lv & said and _body(p.text) not in quotes):
                    quotes.append(_body(p.text))
                    said |= lv
        # where they go, said where the materials are listed ("由系统导出申报书，连同下列材料报送至市科技局政策法规处
        # （…1207室）："), when the fact's own sentences (a step of the schedule) do not say it; the copies its list
        # asks for ("…申报书（…），一式3份；") with it
        if role == "paper_materials" and not any(_SENT_TO.search(q) for q in quotes) and not _NO_PAPER.search(
                " ".join(quotes)) and (sent := next((p for p in passages if _in(p, where) and not p.topic and _SENT_TO.search(
                p.text) and _MATERIAL_NOUN.search(p.text) and _body(p.text) not in quotes), None)):
            quotes.append(_body(sent.text))
            if not any(_COPIES.search(q) for q in quotes):
                quotes += [_body(p.text) for p in passages if p.section.startswith(sent.section) and not p.topic
                           and _COPIES.search(p.text) and _body(p.text) not in quotes][:1]
        if role == "paper_materials" and not any(_COPIES.search(q) for q in quotes):
            # how many paper copies, said where another article or step sends them ("将第八条第（一）项材料的纸质版
            # 一式两份…报送至…"), when the fact's own sentences do not say it
            # (or under a heading of its own that names them, "六、纸质材料报送" over "…加盖单位公章，一式两份，报送至…")
            quotes += [_body(p.text) for p in passages if _in(p, where) and not p.topic
                       and ("纸质" in p.text or "纸质" in p.section.rpartition(" > ")[2])
                       and _COPIES.search(p.text) and _body(p.text) not in quotes][:1]
        if (intent == "rules" and role not in MORE_SENTENCES and _LIST_ITEM.match(hit.text) and re.search(r"[。；;]$", hit.text)
                and len(_body(hit.text)) >= ITEM_SENTENCE_MIN):  # (an item's sentence, not a part's "3.2 申报材料。")
            # a rule that is one item of a list, saying what it means in a sentence of its own after it
            # ("（四）申报内容涉及国家秘密的。" + "本计划不受理涉密项目，申报材料须事先作脱密处理；"): the item's sentences
            # (not an office's name alone, the letterhead of what follows a form: "郑州市科学技术局")
            quotes += [_body(p.text) for p in passages if p.section == hit.section
                       and 0 < p.order - hit.order <= ITEM_SENTENCES and not p.topic and _body(p.text) not in quotes
                       and not SIGNATURE_NAME.fullmatch(squash(p.text))]
        if role in BESIDE_SENTENCES and re.search(BESIDE_SENTENCES[role], hit.text):
            # (the hit says one of them, its section another in a sentence of its own: "申报单位为在某市行政区域内注册
            # 登记的高等院校…" beside "申报单位具有独立法人资格…", as a self-check table's rows say them)
            for condition in BESIDE_CONDITIONS[role]:
                if not re.search(condition, hit.text):
                    quotes += [_body(p.text) for p in passages if p.section == hit.section and p is not hit
                               and re.search(condition, p.text) and not EXCLUSION.search(p.text) and _body(p.text) not in quotes][:1]
        elif role in BESIDE_SENTENCES:
            # (the numbered points under a heading that names the fact, "二、申报单位条件" over "1. 申报单位须在…
            # 注册登记，具有独立法人资格" and "2. 可申报的单位类型为：…": each point a condition of it)
            named = bool(rx.search(hit.section.rpartition(" > ")[0].rpartition(" > ")[2]))
            quotes += [_body(p.text) for p in passages if _same_item(p, hit, points=named) and p is not hit
                       and re.search(BESIDE_SENTENCES[role], p.text) and not EXCLUSION.search(p.text)][:2]
        if role == "applicants" and re.search(LIST_INTRO, hit.text):
            # "…具有独立法人资格的以下单位" over the unit types as list items ("高等院校", "科研院所", …)
            quotes += [_body(p.text) for p in passages if p.section == hit.section and 0 < p.order - hit.order <= 8
                       and len(p.text) <= 30 and any(w in p.text for w, _ in ORG_WORDS)]
        if role == "applicants":
            # what one unit type must have to apply, an item of its own beside ("以新型研发机构名义申报的，须已经…备案")
            quotes += [_body(p.text) for p in passages if _same_item(p, hit) and p is not hit
                       and _TYPE_CONDITION.match(_body(p.text)) and not EXCLUSION.search(p.text)
                       and _body(p.text) not in quotes][:1]
            # who may not apply, said in a sentence of its own ("企业不在本年度…申报范围之内"), in its item or, when
            # not there, anywhere in the notice ("2.问：企业…能申报吗？答：不能。…不受理企业、社会团体…以及个人的申报")
            # (not when the hit says it itself: "…和其他事业单位。企业、社会组织和个人不能作为申报单位")
            says_excluded = bool(EXCLUSION.search(hit.text) and _EXCLUDED_TYPES.search(hit.text))
            beside = [_body(p.text) for p in passages if _same_item(p, hit) and p is not hit and not says_excluded
                      and EXCLUSION.search(p.text) and any(w in p.text for w, _ in ORG_WORDS + PERSON_WORDS)
                      and _body(p.text) not in quotes][:1]
            quotes += beside or [_body(p.text) for p in passages if p.id.startswith("n-") and not p.topic and p is not hit
                                 and not says_excluded and EXCLUSION.search(p.text) and _EXCLUDED_TYPES.search(p.text)][:1]
            if not beside and len(quotes) == len(set(quotes)) and not any(EXCLUSION.search(x) for x in quotes[1:]):
                # ... or an item under a heading that excludes ("哪些情况不能报？" over "企业、社会组织及个人申报")
                under = [_body(p.text) for p in passages if p.id.startswith("n-") and not p.topic and p is not hit
                         and _EXCLUDING_HEADING.search(p.section.rpartition(" > ")[2]) and _EXCLUDED_TYPES.search(p.text)][:1]
                quotes += under
                found.excluding.update(under)
        quotes = _noted(quotes, notes, found)  # ("…须为在某单位[1]": what "在某单位" means, as the notice's footnote says)
        if role == "applicants" and (subunit := next((c for p in passages if p.id.startswith("n-") and not p.topic
                                                       # (a FAQ's pair whole: its question names the unit, its
                                                       # answer "不能。…须由所属法人单位统一申报" what it does)
                                                       for c in ([_body(p.text)] if _asked(p.text) else re.findall(r"[^。]+。?", _body(p.text)))
                                                       if _SUBUNIT.search(c)
                                                       and _SUBUNIT_BARRED.search(c)), None)) and subunit not in quotes:
            # what a unit that is no legal person of its own does ("二级学院…须由所属法人单位统一申报")
            quotes.append(subunit)
        # (the leader's sentences that name no level, each told with the level its item stands under: "重大项目：项目
        # 负责人须具有正高级…"; the rules read the same levels)
        labels = {q: (found.level_name(item), found.level_en(item)) for q in quotes
                  if (item := found.item_levels.get(q)) and not found.level_in(_body(q))} if (
            role == "leader_requirements" and LEVELS_TOLD) else {}
        found.facts.append(_make_fact(role, intent, quotes, vocab, labels))


BASIS_CLAUSE_ONLY = True
# A regulation named as what the call is made under, with its document number ("根据《…办法》（郑科规〔2023〕3号）")
_BASIS_CLAUSE = re.compile(r"(?:根据|依据|按照)《[^》]{4,40}》(?:\s*[（(][^（()）]{2,30}[）)])?")
# What the call is for, as a notice opens ("为更好地服务……，助推全市经济高质量发展，根据《…》…，现将有关事项通知如下："):
# the clause before the legal basis or the decision.
# (after the salutation, when the two are one passage: "各有关单位：为……")
_PURPOSE_CLAUSE = re.compile(r"(?:^|[：:])\s*(为(?:了)?[^。；;：:《》]{4,120}?)(?=[，,]\s*(?:根据|依据|按照|经研究|现将|现就|特|决定|结合))")


def _purpose(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """The purpose the notice's opening sentence states, a fact of its own ("这次申报是为了什么目的")."""
    for p in passages:
        if p.id.startswith("n-") and not p.topic and (m := _PURPOSE_CLAUSE.search(_body(p.text))):
            found.facts.append(_make_fact("purpose", "other", [m.group(1)], vocab))
            return


# A credit blacklist, by that name or as the list of dishonest entities ("列入严重失信主体名单", "失信被执行人名单")
BLACKLIST = re.compile(r"黑名单|失信[^。；，,（(]{0,6}名单")


# A unit inside another ("二级学院", "内设机构"), said not to apply by itself
_SUBUNIT = re.compile(r"二级学院|二级单位|内设机构|分支机构|下属单位|下属机构|院系")
_SUBUNIT_BARRED = re.compile(r"不能|不得|不予|须由|应由|统一|不可|单独|自身名义|自己的名义")


# What dates the project's completion ("不晚于…", "2035年4月30日前完成"); not a step's deadline ("…前完成审核")
FINISHING = r"不晚于|完成时间|结题|(?:项目|研究)完成[：:]|前完成(?![^。；，]*(?:审核|推荐|填报|报送|提交))"
COMPLETION = FINISHING + r"|截止"  # ("…截止" dates a step too: "单位审核截止：2037年4月16日" is a step's date)


# A schedule's row: its dates, a bar, the step ("2044年6月下旬 | 拟立项项目公示（公示期5个工作日）")
# (read_dates writes a short label cell's bar as a colon: "2044年5月19日前：报送纸质材料")
_DATED_ROW = re.compile(r"^(\d{4}\s*年[^|｜\t。，,；;：:]{2,26}?)\s*[|｜\t：:]\s*([^|｜\t。]{2,40})$")
_ROW_EVENT = re.compile(r"^\s*[^|｜\t：:]{0,4}?[|｜\t：:]\s*([^|｜\t。；;，,]{2,30})")  # the cell after a row's dates
# ... or a schedule item's words after its dates and a colon ("5月6日—5月12日：组织专家评审")
_NOTE_TAIL = re.compile(r"[（(][^（）()]*[)）]$")


# The clause before a range that names only who acts, not the step: "由市科技局于", "市科技局将于", "由各推荐部门于"
_AGENT_ON = re.compile(r"^(?:由|请)?[\u4e00-\u9fff（）()]{0,16}?(?:局|委|厅|部门|处|办|中心|单位|机构|小组)(?:拟|将|定|计划)?于$")
# The clause before a range that only restates a span said before it ("网上申报截止后3个工作日内，即4月13日至4月15日"):
# the step is the item's own label ("推荐部门审核推荐："), not that connective nor the span's anchor
# A step's own label leading its item ("第二步：单位审核。", "（四）部门推荐。"): what the step's dates are the time of
_STEP_LABEL = re.compile(r"^\s*(?:第[一二三四五六七八九十\d]{1,3}步|[(（][一二三四五六七八九十\d]+[)）]|\d+\s*[.、．])?\s*[：:，,、]?\s*"
                         r"([\u4e00-\u9fff]{2,8})[。：:](?=\s*\S)")
_RESTATED = re.compile(r"^(?:即|亦即|也即|也就是|具体为|具体时间为)$")
_ITEM_LABEL = re.compile(r"^\s*([^：:。，,；;|｜]{2,16})[：:]")
# ... or that says only when ("…一式两份，于4月13日—4月15日报送至…"): the step is the item's run-in heading, its first
# words closed by a full stop or a colon ("（四）纸质材料报送。网上申报经推荐后，…")
_RUN_IN_STEP = re.compile(r"^([\u4e00-\u9fff]{2,12})[。：:]")
# ... and the step it does, said after the dates: "组织专家进行评审" (the verb that sets it going left off)
_DONE_AFTER = re.compile(r"^\s*(?:前|内|期间)?\s*(?:组织|开展|统一|集中)?\s*([\u4e00-\u9fff]{2,12}?)(?=[。；;，,（(]|$)")


def _windows(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """Every date range (a window, named by the words before it) and every single date. Dates written
    with dots are read as 年月日; the quotes stay the notice's own text."""
    n_other = 0
    last_year: str | None = None  # the year of the last full date: a later "4月25日" is in it
    # (a notice dated in the year before its title's: its yearless dates are in the year it is dated, from its day on)
    issued = _dated_before_its_year(passages, found)
    from_issue: list[tuple[Passage, Passage, re.Match[str]]] = []
    opened: tuple[Passage, Passage, re.Match[str]] | None = None  # the passage before, when it dates an opening only
    items: list[tuple[dict[str, Any], tuple[str, str, str], str, str]] = []  # a schedule's dated items, one date each
    for original in passages:
        if original.id.startswith(("s-", "f-")):
            # a later notice's changes amend these windows (_amendments), they are none of their own; a forwarding
            # office's own dates are its part's (_forwarding)
            continue
        # (a yearless date under a heading that says its year, "（二）2050年工作安排", is in that year)
        said_year = re.search(r"(\d{4})\s*年", original.section)
        this_year = said_year.group(1) if said_year else last_year or (issued[0] if issued else found.meta.get("year"))
        p = replace(original, text=with_years(read_dates(original.text), this_year,
                                              issued[1] if issued and this_year == issued[0] else None))
        opened, after_opening = None, opened  # (an opening date's passage, the last one: a closing one may follow it)
        if p.kind == "dateline":
            m = _DATED_AT.match(p.text)
            if m and not found.fact("issue_date"):
                fact = _make_fact("issue_date", "other", [original.text], vocab)
                if m.group(3) and squash(p.text) != squash(original.text):
                    # ("二〇七八年三月五日": the date it is, said as the notice's dates are)
                    fact["zh"] = fact["zh"].removesuffix("。") + f"（即{_zh_date(*m.groups())}）。"
                found.facts.append(fact)
            continue
        # (the clauses of a schedule's sentence past its windows that date a step each: "…；纸质材料须于…前报送；专家评审拟于
        # …上旬进行。")
        clauses = _step_clauses(p.text) if _RANGE.search(p.text) and p.id.startswith("n-") and not p.topic else []
        for m in _RANGE.finditer(p.text):
            last_year = m.group(1)
            # (in a question of the FAQ with its answer, the answer's words before the dates; the question asked
            # names the step where they name none: "问21：需要报送纸质材料吗？答：需要。…一式三份，于…")
            question, before = _answered(_body(p.text[: m.start()]))
            # ("专家评审时间：拟于…至…": the step, not what the notice plans)
            clause = re.split(r"[。；;，,]", before)[-1]
            if cells := [c.strip() for c in re.split(r"[|｜\t]", clause) if c.strip() and not re.fullmatch(r"[\d.、．\s]+", c.strip())]:
                clause = cells[-1]  # ("1 | 网上申报 | 2075年3月6日…": a schedule's row, its step in the cell before the dates)
            # ("专家评审预计在…至…进行": the step, not when the notice expects it)
            name = re.sub(r"(?:时间|日期|期限)?\s*[为是：:]?\s*(?:(?:拟|将|定|计划|预计|预定)\s*[于在]?)?\s*$", "", clause).strip()
            if _AGENT_ON.match(clause.strip()) and (done := _DONE_AFTER.match(p.text[m.end():])):
                # ("由市科技局于6月8日至6月19日组织专家进行评审": the clause before the dates says who, the words after
                # them what is done: the step is "专家评审")
                name = re.sub(r"(?<=[\u4e00-\u9fff])进行(?=[\u4e00-\u9fff])", "", done.group(1))
            if _RESTATED.match(name) and (label := _ITEM_LABEL.match(_body(p.text[: m.start()]))):
                name = label.group(1).strip()
            y2, m2 = m.group(4) or m.group(1), m.group(5) or m.group(2)
            if (re.fullmatch(r"[于在]", name) or question) and any(f.get("window") and (f["window"]["opens"], f["window"]["closes"]) == (
                    _iso(m.group(1), m.group(2), m.group(3)), _iso(y2, m2, m.group(6))) for f in found.facts):
                # ("…纸质版一式三份，于4.21—4.24报送至…": a dated step's dates said again in passing, no window; or
                # answering the FAQ's question, "问22：网上申报的起止时间是什么？答：…", the window said again)
                continue
            if (not name or name.endswith(("于", "在"))) and (label := _STEP_LABEL.match(_body(original.text))):
                # ("第二步：单位审核。…完成内部公示后，于…至…在线提交", "审核推荐：各…主管部门于…": the step it is labelled,
                # not who does it)
                name = label.group(1)
            if re.fullmatch(r"[于在]", name) and (lead := _RUN_IN_STEP.match(_body(original.text))):
                name = lead.group(1)  # ("（四）纸质材料报送。…加盖单位公章后一式两份，于…报送至…": the item's own heading)
            if question and (not name or name.endswith(("于", "在"))) and (asked := _asked_step(question)):
                name = asked  # ("…有关单位于…": who does it; "推荐部门什么时候审核推荐？" asked what)
            # ("2044年5月6日—2044年5月12日 | 专家评审": a schedule's row, its step in the cell after the dates)
            row = None if name else _ROW_EVENT.match(p.text[m.end():])
            name = (_NOTE_TAIL.sub("", row.group(1)).strip() if row else name) or "申报"
            if (batch := _batch_of_section(original.section)) and batch not in name:
                name = batch + name  # "（二）第二批 > 1. 网上填报时间：…": the second batch's window, called so
            if re.search(r"填报|申报|提交|报送", name) and not found.fact("submission_window") and not from_issue:
                # (not when the call's own window opened on the notice's date above: "网上申报：自本通知印发之日起至…",
                # read once the dateline is; a later "纸质材料报送：4月20日至4月24日" is a step of its own)
                role = "submission_window"
            elif re.search(r"审核|推荐|评审", name) and not found.fact("review_window") and not _OWN_CHECK.search(name):
                role = "review_window"
            else:
                n_other += 1
                role = f"window_{n_other}"
            found.facts.append(_window_fact(role, name, (m.group(1), m.group(2), m.group(3)), (y2, m2, m.group(6)),
                                            _body(original.text), times_as_written(_RANGE_CLOSED.sub("", _body(p.text[m.end():_said_until(
                                                p.text, m.end(), clauses)])).lstrip("。；;，, "), original.text), vocab))
        for begin, stop, on, named, subject in clauses:
            # each a dated step of its own, called by the batch its heading names ("第二批纸质材料报送"), and asked by
            # its subject alone too ("纸质材料哪天送到")
            if (in_batch := _batch_of_section(original.section)) and in_batch not in named:
                named = in_batch + named
            clause = p.text[begin:stop].strip().rstrip("。；;")
            day = (_iso(*on.groups()) if on.re is _SINGLE else f"{_PART_EN[on.group(3)]} {on.group(1) or this_year}-{int(on.group(2)):02d}")
            n_other += 1
            fact = _make_fact(f"date_{n_other}", "dates", [_body(original.text)], vocab,
                              triggers=list(dict.fromkeys([*_named(named), subject])))
            fact["zh"] = f"{named}：{clause}。"
            words = " ".join(en for zh, en in vocab.get("event_words_en", {}).items() if zh in named)
            fact["en"] = f"{named}{f' ({words})' if words else ''}: {day} (the notice says, in Chinese: {clause})"
            found.facts.append(fact)
        if _RANGE.search(p.text):
            continue
        if (since := _FROM_ISSUE.search(p.text)) and not found.fact("submission_window") and not from_issue:
            # "自通知发布之日起至2036年4月15日17:00": opens on the notice's date (its dateline, read below)
            from_issue.append((p, original, since))
            continue
        start, end = _FROM.search(p.text), _UNTIL.search(p.text)
        # (or the window's ends each said by its verb after the date, a sentence each: "第一批网上填报系统于2097年3月4日
        # 9:00开放。" and "第一批网上填报于2097年3月29日（星期五）17:00截止，…")
        opens_on = None if start or end else _OPENS_ON.search(p.text)
        closes = end or (_CLOSES_ON.search(p.text) if after_opening and not start else None)
        batch = _batch_of_section(original.section)
        if after_opening and closes and not start and not opens_on and (
                not found.fact("submission_window") or batch and after_opening[2].re is _OPENS_ON) and (
                _iso(*after_opening[2].groups()) < _iso(*closes.groups())):
            # the window in two rows, one right after the other: "申报时间 | 2064年5月11日9:00起开放网上填报" and
            # "截止时间 | 2064年6月19日17:00系统关闭…"; in a call in batches, each batch's ("（三）第二批 > 1．网上填报"),
            # called by its batch
            said, opening, since = after_opening
            name = re.sub(r"(?:时间|日期)?[\s|｜：:]*$", "", re.split(r"[。；;，,]", _body(said.text[: since.start()]))[-1]).strip()
            if since.re is _OPENS_ON:
                name = _OPENER.sub("", name)  # ("第一批网上填报系统于": the submitting, not the system it is done in)
                if batch and batch not in name:
                    name = batch + name
            role = "submission_window"
            if found.fact("submission_window"):
                n_other += 1
                role = f"window_{n_other}"
            fact = _window_fact(role, name or "申报", since.groups(), closes.groups(), _body(opening.text),
                                _body(original.text), vocab)
            fact["quotes"].append(_body(original.text))
            found.facts.append(fact)
            continue
        if (opening := start or opens_on) and not end and (not found.fact("submission_window") or batch and opens_on) and (
                SUBMITTING.search(p.text)):
            # (what opens is the submitting, not a project's term: "实施期自…起")
            opened = (p, original, opening)
        if start and end and start.end() <= end.start() and not found.fact("submission_window"):
            # "网上申报自2028年3月20日起，申报截止时间为2028年4月30日17:00": a window in two phrases
            name = re.split(r"[。；;，,]", _body(p.text[: start.start()]))[-1].strip() or "申报"
            found.facts.append(_window_fact("submission_window", name, start.groups(), end.groups(), _body(original.text),
                                            _body(p.text), vocab))
            continue
        if not p.topic and (row := _DATED_ROW.match(p.text)) and (
                m := _SINGLE.search(row.group(1)) or _MONTH_PART.search(row.group(1))) and not (
                m.re is _SINGLE and re.search(COMPLETION, row.group(2)) and not found.fact("completion_deadline")):
            # a schedule's row, in the notice or its guide: "2044年6月下旬 | 拟立项项目公示（公示期5个工作日）",
            # "2044年5月19日前 | 报送纸质材料": the step of its second cell on its date
            row_step = _NOTE_TAIL.sub("", row.group(2)).strip()
            when = (_iso(*m.groups()) if m.re is _SINGLE else f"{_PART_EN[m.group(3)]} {m.group(1) or found.meta.get('year')}"
                    f"-{int(m.group(2)):02d}")
            n_other += 1
            fact = _make_fact(f"date_{n_other}", "dates", [_body(original.text)], vocab, triggers=_named(row_step))
            fact["zh"] = f"{row_step}：{row.group(1).strip()}（通知原文：{_body(original.text)}）。"
            said = " ".join(en for zh, en in vocab.get("event_words_en", {}).items() if zh in row_step)
            fact["en"] = f"{row_step}{f' ({said})' if said else ''}: {when} (the notice says, in Chinese: {_body(original.text)})"
            found.facts.append(fact)
            if m.re is _SINGLE:
                last_year = m.group(1)
            continue
        undated = not _SINGLE.search(p.text) and p.id.startswith("n-") and not p.topic
        if undated and (m := _YEARLESS.search(p.text) or _MONTH_PART.search(p.text) or _MONTH_ONLY.search(p.text)) and (
                year := (m.group(1) if m.re is not _YEARLESS else None) or this_year) \
                and (step := _event_name(p.text[: m.start()], p.text[m.end():])):
            # a step dated in the notice's year, named by its label: "申报单位网上确认：4月25日24:00前完成",
            # "（四）部门推荐。…于4月20日前推荐"; or dated to a part of a month: "专家评审：2042年5月中旬组织专家评审";
            # or to a month: "拟立项项目将于2050年7月在市科技局网站公示"
            steps = [(m, step)]
            if m.re is _MONTH_PART:
                # the sentence's further steps, each dated to a part of a month ("市科技局于4月下旬组织专家评审，5月中旬在
                # 市科技局网站公示拟立项项目"): each a step of its own, in the year of the one before
                since_last = m.end()
                for later in _MONTH_PART.finditer(p.text, m.end()):
                    if then := _event_name(p.text[since_last: later.start()], p.text[later.end():]):
                        steps.append((later, then))
                    since_last = later.end()
            for m, step in steps:
                year = m.group(1) if m.re is not _YEARLESS and m.group(1) else year
                when = (_iso(str(year), m.group(1), m.group(2)) if m.re is _YEARLESS
                        else f"{year}-{int(m.group(2)):02d}" if m.re is _MONTH_ONLY
                        else f"{_PART_EN[m.group(3)]} {year}-{int(m.group(2)):02d}")
                n_other += 1
                fact = _make_fact(f"date_{n_other}", "dates", [_body(original.text)], vocab, triggers=_named(step))
                if squash(m.group(0)) not in squash(original.text):
                    # ("六月上旬", "四月二十日前": the date as it is read, said as the notice's dates are, after its words)
                    read = m.group(0) if m.re is not _YEARLESS and m.group(1) else f"{year}年{m.group(0)}"
                    fact["zh"] = fact["zh"].removesuffix("。") + f"（即{squash(read)}）。"
                # (with the step's English words, as a step dated by its full date: "专家评审" is asked as "expert review")
                said = " ".join(en for zh, en in vocab.get("event_words_en", {}).items() if zh in step)
                fact["en"] = f"{step}{f' ({said})' if said else ''}: {when} (the notice says, in Chinese: {_body(original.text)})"
                found.facts.append(fact)
                if m.re is _YEARLESS and m.start() == 0:
                    items.append((fact, (str(year), m.group(1), m.group(2)), step, p.text[m.end():]))
            continue
        if undated and _SCHEDULE_SECTION.search(p.section) and (due := _DUE_AFTER.search(p.text)) and (
                step := _event_name(p.text[: due.start()], p.text[due.end():])):
            # a step of the schedule due a span after another, no date of its own ("（二）审核推荐：推荐部门须在网上
            # 截止后3个工作日内完成审核推荐"): a dated step all the same, its span said as the notice says it
            n_other += 1
            fact = _make_fact(f"date_{n_other}", "dates", [_body(original.text)], vocab, triggers=_named(step))
            said = " ".join(en for zh, en in vocab.get("event_words_en", {}).items() if zh in step)
            fact["en"] = f"{step}{f' ({said})' if said else ''}: the notice says, in Chinese: {_body(original.text)}"
            found.facts.append(fact)
            continue
        for m in _SINGLE.finditer(p.text):
            if _BIRTH.match(p.text[m.end():]):
                continue  # (a leader's birth date, "2022年1月1日以后出生", dates no step: no year of the call's either)
            year_before, last_year = last_year, m.group(1)
            # the clause the date is in says so ("即项目完成时间不晚于…"), not another of its passage ("出生于…；四是结题要求")
            clause = re.split(r"[，,；;。]", p.text[: m.start()])[-1] + m.group(0) + re.split(r"[，,；;。]", p.text[m.end():])[0]
            # (not a submission's closing, "网上填报将于2071年4月30日17:00截止": the window's end, the project's none)
            if re.search(COMPLETION, clause) and not found.fact("completion_deadline") and not (
                    SUBMITTING.search(clause) and not re.search(FINISHING, clause)):
                fact = _make_fact("completion_deadline", "dates", [_body(original.text)], vocab)
                fact["en"] = f"Projects must be completed by {_iso(*m.groups())}."
                if _NEXT_YEAR.search(original.text) or squash(_zh_date(*m.groups())) not in squash(original.text):
                    # "明年3月31日", "2075.3.31前": the date it is, said as the notice's dates are
                    fact["zh"] = fact["zh"].removesuffix("。") + f"（即{_zh_date(*m.groups())}）。"
                found.facts.append(fact)
                if (call_year := issued[0] if issued else found.meta.get("year")) and int(m.group(1)) > int(call_year):
                    # (the project's end, in a later year than the call's: no year of the call's own steps, which a
                    # yearless "4.16-4.20" after it still is in; the call's year the one it is dated in, where that is
                    # before its title's)
                    last_year = year_before
                break
            if (finish := found.fact("completion_deadline")) and p.id[:2] in ("n-", "g-") and not p.topic and re.search(FINISHING, clause) and (
                    levels := _levels_named(re.split(r"[；;。]", p.text[: m.start()])[-1])) and (
                    squash(m.group(0)) not in squash("".join(finish["quotes"]))):
                # "重点项目和一般项目须于2081年3月31日前完成…" after "重大项目…须于2081年9月30日前完成": the levels' own
                # completion date, in a sentence of its own, said with the first
                finish["quotes"].append(_body(original.text))
                finish["zh"] = finish["zh"].removesuffix("。") + "；" + _body(original.text).rstrip("。；;") + "。"
                named = " and ".join(LEVEL_EN[lv].removesuffix(" project").lower() for lv in levels)
                finish["en"] += f" {named[:1].upper() + named[1:]} projects must be completed by {_iso(*m.groups())}."
                break
            if p.id.startswith("n-") and not p.topic and not re.search(FINISHING, clause) and not _BIRTH.match(p.text[m.end():]) and (
                    event := _event_name(p.text[: m.start()], p.text[m.end():])):
                # "专家评审：市科学技术局拟于2029年4月25日组织专家评审": a dated step of the call
                n_other += 1
                fact = _make_fact(f"date_{n_other}", "dates", [_body(original.text)], vocab, triggers=_named(event))
                if squash(_zh_date(*m.groups())) not in squash(original.text):
                    # ("二〇五九年六月二十日", "2075.6.20": the date it is, said as the notice's dates are)
                    fact["zh"] = fact["zh"].removesuffix("。") + f"（即{_zh_date(*m.groups())}）。"
                said = " ".join(en for zh, en in vocab.get("event_words_en", {}).items() if zh in event + p.text[: m.start()])
                fact["en"] = (f"{event}{f' ({said})' if said else ''}: {_iso(*m.groups())} "
                              f"(the notice says, in Chinese: {_body(original.text)})")
                found.facts.append(fact)
                break
    _schedule_window(items, found, vocab)
    _timeline(passages, found, vocab)
    _batch_windows(found)
    issue = found.fact("issue_date")
    dated = _DATED_AT.match(read_dates(issue["quotes"][0])) if issue else None
    if from_issue and issue and dated and dated.group(3) and not found.fact("submission_window"):
        p, original, since = from_issue[0]
        name = re.split(r"[。；;，,：:]", _body(p.text[: since.start()]).rstrip("：: "))[-1].strip() or "申报"
        name = re.sub(r"(?:时间|日期|期限)\s*$", "", name) or "申报"
        # (the opening is the dateline's date, the notice's own words saying so beside it)
        fact = _window_fact("submission_window", name, dated.groups(), since.groups()[:3], _body(original.text),
                            _body(p.text[since.end():]).lstrip("。；;，, "), vocab, said=since.group(0))
        fact["quotes"].append(issue["quotes"][0])  # the opening date is the notice's own
        found.facts.append(fact)


# A question of the FAQ with its answer ("问21：…？答：…", "Q23: …? A: …"), or an answer alone ("答：…")
# ("十六、问：…？答：…": a policy Q&A page numbers its pairs as its sections)
_ANSWERED = re.compile(r"^(?:(?:[一二三四五六七八九十]+、\s*)?(?:问|Q)\s*\d{0,2}\s*[：:]\s*([^？?]{2,60})[？?]\s*)?(?:答|A)\s*[：:]\s*")
# ... the words its question asks with, around the step it asks of ("需要报送纸质材料吗", "网上申报的起止时间是什么",
# "推荐部门什么时候审核推荐")
_ASKING = re.compile(r"^(?:请问)?(?:需不需要|要不要|是否需要|是否要|是否|需要|何时|什么时候)|什么时候|何时|哪天|几号|"
                     r"(?:的)?(?:起止|开始|截止)?(?:时间|日期)(?:是|为)?(?:什么|多少)?(?:吗|呢)?$|(?:吗|呢)$")


def _asked(text: str) -> str:
    """The question of a FAQ's question with its answer ("问21：需要报送纸质材料吗？答：…"), "" for other passages."""
    m = _ANSWERED.match(_body(text))
    return m.group(1) or "" if m else ""


def _answered(before: str) -> tuple[str | None, str]:
    """The question a FAQ's answer answers (None where the passage is none) and the answer's words in `before`."""
    m = _ANSWERED.match(before)
    return (m.group(1), before[m.end():]) if m else (None, before)


def _with_subject(said: str, words: tuple[tuple[str, str], ...]) -> str:
    """A FAQ's pair read with its question's subject where its answer names none of `words` ("五、问：新型研发机构能报
    几项？答：须已在市科技局备案，限报2项。" -> "新型研发机构须已在市科技局备案，限报2项。"); any other text as it is."""
    question, answer = _answered(_body(said))
    if not question or any(w in answer for w, _ in words):
        return said
    subject = [w for w, _ in words if w in question and not any(w != o and w in o for o, _ in words if o in question)]
    return "、".join(subject) + answer if subject else said


# A FAQ's question asking whether someone may apply or lead ("在站博士后能否作为项目负责人申报？", "退休返聘人员可以
# 申报吗？")
_MAY_ASKED = re.compile(r"(?:能否|能不能|可否|可不可以|是否可以|是否能|可以|能)[^？?，,。]{0,8}?(?:负责人|申报|牵头)")
# ... its asking words, which no condition is found by
_ASKING_WORD = re.compile(r"能否|可否|是否|可以|能不能|可不可以|是否可以|是否能|能当|能报|可以当|怎么|怎么办|怎样|如何|什么|哪些|"
                          r"多少|请问")


# ... the kinds of what other pairs ask, by their questions' words (a contact, money, a date, the materials)
_FAQ_KINDS = (("contacts", r"电话|联系|咨询|找谁"), ("funding", r"经费|预算|拨付|资助|劳务费"),
              ("dates", r"什么时候|何时|哪天|几号|(?:日期|时间)(?:是|为)?(?:什么|哪)"), ("materials", r"材料|申报书|附件|邮寄|纸质"))
# ... and words too common in questions to find a pair by ("数量有限制吗", "有什么要求")
# (nor the year a question is asked in: "今年能否再报同一题目")
_FAQ_COMMON = re.compile(r"数量|限制|要求|问题|情况|需要|还能|办法|规定|方面|相关|具体|一般|哪里|几个|多少|今年|去年|明年|往年|本年度")


def _faq_facts(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """A FAQ's pair no fact of the notice quotes, stating what only the FAQ states: a fact of its own, found by the
    words its question says and no other passage of the notice does (nor another pair), and by the English the
    vocabulary's `faq_en` gives the question's words. A pair asking whether someone may apply or lead ("问：在站博士后能否作为项目负责人
    申报？答：可以。在站博士后以设站单位名义申报，…") is a condition of who may apply; another is of the kind its
    question's words say ("问：纸质材料可以邮寄吗？" asks of the materials), of the rules when they say none."""
    quoted = [q for f in found.facts for q in f["quotes"]]
    glossary: dict[str, list[str]] = vocab.get("faq_en", {})
    counts: dict[str, int] = {}
    for p in passages:
        asked = _asked(p.text)
        if not asked or p.topic or not p.id.startswith("n-"):
            continue
        pair = _body(p.text)
        if any(pair in q or q in pair for q in quoted):
            continue
        rest = "".join(o.text for o in passages if o is not p)  # (every other passage, the other pairs too)
        words = [w for w in dict.fromkeys(jieba.lcut(asked)) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)
                 and w not in rest and not _ASKING_WORD.fullmatch(w) and not _FAQ_COMMON.fullmatch(w)]
        english = [en for zh, ens in glossary.items() if zh in asked for en in ens]
        if not words and not english:
            continue
        condition = bool(_MAY_ASKED.search(asked))
        intent = "eligibility" if condition else next((k for k, pattern in _FAQ_KINDS if re.search(pattern, asked)), "rules")
        kind = "faq_condition" if condition else "faq"
        counts[kind] = counts.get(kind, 0) + 1
        found.facts.append(_make_fact(f"{kind}_{counts[kind]}", intent, [pair], vocab, triggers=[*words, *english]))


def _asked_step(question: str) -> str | None:
    """The step a FAQ's question asks the time of, without its asking words ("需要报送纸质材料吗" -> 报送纸质材料)."""
    step = _ASKING.sub("", question).strip()
    return step if re.fullmatch(r"[\u4e00-\u9fff]{2,16}", step) else None


def _levels_named(text: str) -> list[str]:
    """The project levels a clause's subject names ("重点项目和一般项目须于…"), in the order it names them."""
    return list(dict.fromkeys(WORD_LEVEL[m.group(1)] for m in re.finditer(r"(" + LEVEL_ALTERNATION + r")(?:项目|课题)", text)))


def _named_in_english(found: Found, vocab: dict[str, Any]) -> None:
    """A fact the notice names in its own words (a dated step "纸质材料报送截止时间", a contact headed "宏观指导"),
    no role of the vocabulary with English triggers of its own: found by the English an applicant asks it by
    too ("By what date must the printed copies be delivered?"), for each word of the vocabulary's `named_en`
    its names hold."""
    glossary: dict[str, list[str]] = vocab.get("named_en", {})
    for fact in found.facts:
        if fact["role"] in vocab["roles"]:
            continue
        names = [t for t in fact["triggers"] if re.search(r"[\u4e00-\u9fff]", t)]
        english = [en for zh, ens in glossary.items() if any(zh in t for t in names) for en in ens]
        fact["triggers"] = list(dict.fromkeys([*fact["triggers"], *english]))


def _batch_of_section(section: str) -> str | None:
    """The batch a passage's heading names ("通知 > 六、时间安排 > （二）第二批 > 1. 网上填报时间" -> 第二批)."""
    for part in reversed(section.split(" > ")):
        if m := BATCH_HEAD.match(part.strip()):
            return m.group(1)
    return None


def _batch_windows(found: Found) -> None:
    """A call in batches, each with its own window of the same kind ("第一批网上填报" … "第二批网上填报"): the
    submission window says every batch's, so that "when is the deadline" gives them all, each called by its
    batch; the first batch's stays the one the dates are read by."""
    main = found.fact("submission_window")
    if not main or (kind := batch_kind(main["window"]["name_zh"])) is None:
        return
    others = [f for f in found.facts if f is not main and f.get("window") and batch_kind(f["window"]["name_zh"]) == kind]
    if not others:
        return
    for other in others:
        w = other["window"]
        main["zh"] = main["zh"].removesuffix("。") + f"；{w['name_zh']}时间为{_zh_date(*w['opens'].split('-'))}—" \
            f"{_zh_date(*w['closes'].split('-'))}，截止日为{_zh_date(*w['closes'].split('-'))}。"
        main["en"] += (f" {_window_en(w['name_zh']).capitalize()} ({w['name_zh']}): {w['opens']} to {w['closes']} "
                       f"(deadline {w['closes']}).")
        main["quotes"] += [q for q in other["quotes"][:1] if q not in main["quotes"]]


# The date a submitting opens on, said by its verb after it ("…系统于2097年3月4日9:00开放"), and the date it closes on
# ("…于2097年3月29日（星期五）17:00截止")
_OPENS_ON = re.compile(DATE + _WEEKDAY + _TIME + r"\s*(?:正式)?\s*(?:开放|开通|开启|启动)")
_CLOSES_ON = re.compile(DATE + _WEEKDAY + _TIME + r"\s*(?:截止|关闭|结束)")
# ... and the words before the opening's date naming where, not what, is opened ("网上填报系统于")
_OPENER = re.compile(r"\s*(?:系统|平台)?\s*(?:将|拟)?\s*[于在]?$")
_SCHEDULE_OPENS = re.compile(r"(?:系统|平台|网上|在线)[^。；;]{0,6}?(?:开放|开通|开启|启动)|开始[^。；;]{0,8}?(?:填报|申报|提交)")
_BEFORE = re.compile(r"^\s*(?:\d{1,2}\s*[:：]\s*\d{2})?\s*(?:前|之前|以前)")


def _schedule_window(items: list[tuple[dict[str, Any], tuple[str, str, str], str, str]], found: Found,
                     vocab: dict[str, Any]) -> None:
    """A schedule's items, each one date ("3月2日：申报系统开放，开始在线填报" … "4月9日17:00前：完成网上填报"): the
    item opening the system and the first later one closing its submission ("…前" a step of submitting) are the
    submission window, when the notice states it no other way."""
    if found.fact("submission_window"):
        return
    for k, (fact, opens, step, _) in enumerate(items):
        if not _SCHEDULE_OPENS.search(step):
            continue
        close = next((x for x in items[k + 1:] if _BEFORE.match(x[3]) and SUBMITTING.search(x[2])), None)
        if close is None:
            return
        window = _window_fact("submission_window", "网上填报", opens, close[1], fact["quotes"][0], "", vocab)
        window["quotes"].append(close[0]["quotes"][0])
        window["zh"] = window["zh"].removesuffix("。") + f"（通知原文：{fact['quotes'][0]}；{close[0]['quotes'][0]}）。"
        found.facts.append(window)
        return


def _named(name: str) -> list[str]:
    """How an applicant names a dated step: its name, or the last two words of it ("申报单位网上确认"
    is asked as "网上确认")."""
    jieba.setLogLevel(logging.WARNING)  # (its dictionary's loading is no news to the bureau's staff)
    # ("专家评审时间" is asked as "专家评审什么时候": the step, without the word for its time)
    step = re.sub(r"(?:截止)?(?:时间|日期|期限)$", "", name)
    ws = [w for w in jieba.lcut(step) if len(w) >= 2]
    # (a step on the projects to be approved, "拟立项项目公示", is asked as the approval's: "立项公示什么时候")
    approval = re.sub(r"^拟", "", step.replace("立项项目", "立项")) if re.search(r"立项项目(?=[\u4e00-\u9fff])", step) else ""
    return list(dict.fromkeys([name, *([step] if len(step) >= 2 else []), *([approval] if approval else []),
                               *(["+".join(ws[-2:])] if len(ws) >= 2 else ws)]))


_OPENS = re.compile(r"(?:开放|开始|启动|开通|开启)$")
_CLOSES = re.compile(r"(?:关闭|截止|结束|关停)$")


def _timeline(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """A timeline's entries ("05.11 系统开放", "06.19 系统关闭", "06.26 推荐截止" under "时间轴（2052年）"): in
    the year its heading (else the notice) says; a thing opening and later closing is a window, the
    other entries dated steps."""
    entries = []
    for p in passages:
        if p.topic or not p.id.startswith("n-") or not (m := TIMELINE_ENTRY.match(p.text)):
            continue
        said = re.search(r"(\d{4})\s*年", p.section)
        year = said.group(1) if said else found.meta.get("year")
        if year:
            entries.append((p, (str(year), str(int(m.group(1))), str(int(m.group(2)))), m.group(3)))
    used: set[str] = set()
    for k, (p, opens, event) in enumerate(entries):
        if not _OPENS.search(event):
            continue
        subject = _OPENS.sub("", event)
        close = next((e for e in entries[k + 1:] if _CLOSES.search(e[2]) and _CLOSES.sub("", e[2]) in (subject, "")), None)
        if close is None:
            continue
        submitting = re.search(r"填报|申报|提交|报送|系统|平台|网上", subject)
        role = ("submission_window" if submitting and not found.fact("submission_window") else
                f"window_{sum(f['id'].startswith('window_') for f in found.facts) + 1}")
        fact = _window_fact(role, subject + ("填报" if subject in ("系统", "平台") else ""), opens, close[1], p.text, "", vocab)
        fact["quotes"].append(close[0].text)
        fact["zh"] = fact["zh"].removesuffix("。") + f"（通知原文：{p.text}；{close[0].text}）。"
        found.facts.append(fact)
        used.update((p.id, close[0].id))
    n_other = sum(f["id"].startswith("date_") for f in found.facts)
    for p, when, event in entries:
        if p.id in used:
            continue
        n_other += 1
        fact = _make_fact(f"date_{n_other}", "dates", [p.text], vocab, triggers=_named(event))
        fact["zh"] = f"{event}：{_zh_date(*when)}（通知原文：{p.text}）。"
        fact["en"] = f"{event}: {_iso(*when)} (the notice says, in Chinese: {p.text})"
        found.facts.append(fact)


# A date of birth the leader's age is counted by ("2008年6月20日（含）以后出生"): a condition, no step of the call
_BIRTH = re.compile(r"\s*(?:[（(]含[)）])?\s*(?:以后|之后|以前|之前|前|后)?\s*出生")


_BAR_BEFORE = re.compile(r"[|｜]\s*$")  # the date opens a cell of its row
_ROW_STEP = re.compile(r"[\u4e00-\u9fff（）()、]{2,16}")  # ... and the cell before it names a step, no sentence


# A clause of a sentence, up to its stop ("；", "。")
_CLAUSE = re.compile(r"[^。；;]+[。；;]?")
# ... the words before its date that say only when or who must ("时间为", "须于", "拟于"), not the step
_WHEN_WORDS = re.compile(r"(?:时间|日期)?\s*(?:为|是)?\s*(?:须|应|需|必须|要)?\s*(?:拟|将|定|计划|预计)?\s*[于在]?\s*$")
# ... and the verb after it ("…17:00前报送", "…上旬进行": 报送; a verb that sets going or finishes no step's name)
_DONE_VERB = re.compile(r"\s*(?:\d{1,2}\s*[:：]\s*\d{2})?\s*(?:前|之前|以前|起|左右)?\s*(?:组织|开展|进行|完成)?\s*"
                        r"([\u4e00-\u9fff]{0,6}?)\s*(?:进行|完成)?\s*(?=[。；;，,（(]|$)")


def _step_clauses(text: str) -> list[tuple[int, int, re.Match[str], str, str]]:
    """The clauses of a schedule's sentence (one with a window) dating a step each by one date or a part of a month,
    its subject before the date ("网上填报时间为…至…；纸质材料须于2093年4月14日17:00前报送；专家评审拟于2093年5月上旬
    进行。"): (start, end, the date, the step: 纸质材料报送, 专家评审; its subject: 纸质材料). A clause with a window, a completion date or a birth
    date is none."""
    out = []
    for c in _CLAUSE.finditer(text):
        clause = c.group(0)
        if _RANGE.search(clause) or re.search(FINISHING, clause):
            continue
        m = _SINGLE.search(clause) or _MONTH_PART.search(clause)
        if not m or _BIRTH.match(clause[m.end():]) or (m.re is _MONTH_PART and not m.group(1)):
            continue
        subject = _WHEN_WORDS.sub("", re.split(r"[，,：:]", clause[: m.start()])[-1]).strip()
        verb = _DONE_VERB.match(clause[m.end():])
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", subject) or not verb:
            continue
        step = subject + (verb.group(1) if verb.group(1) not in subject else "")
        out.append((c.start(), c.end(), m, step, subject))
    return out


def _said_until(text: str, at: int, steps: list[tuple[int, int, re.Match[str], str, str]]) -> int:
    """Where what a window's sentence says of it ends (its words after its dates, from `at`): at the next clause with a
    window or a dated step of its own ("…至3月31日17:00；申报单位审核提交时间为…"), else the passage's end."""
    for c in _CLAUSE.finditer(text, at):
        if c.start() > at and (_RANGE.search(c.group(0)) or any(s <= c.start() < e or c.start() <= s < c.end() for s, e, *_ in steps)):
            return c.start()
    return len(text)


def _event_name(before: str, after: str) -> str | None:
    """What a single date in the notice dates, in the notice's words: a label before it ("专家评审："),
    else the verb phrase after it ("…组织专家评审"); None for a date only mentioned in passing."""
    # a schedule's row, its step in the cell before the date's ("7 | 立项公示 | 2085年5月下旬 | 市科技局 | …"), a row's
    # number no step
    cells = [c.strip() for c in re.split(r"[|｜]", before) if c.strip() and not re.fullmatch(r"[\d.、．\s]+", c.strip())]
    if _BAR_BEFORE.search(before) and cells and _ROW_STEP.fullmatch(cells[-1]):
        return cells[-1]
    label = re.search(r"(?:^|[。；;])\s*(?:[(（]?[一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)+\s*|\d+\s*[.、．])?\s*([\u4e00-\u9fff]{2,10})[：:]", before)
    if label:
        return label.group(1)
    # a timeline's step, its words and its date alone ("纸质 4月28日", "评审 5月中旬": a step of "… → 纸质 4.28 → …")
    if (step := re.fullmatch(r"\s*([\u4e00-\u9fff]{2,10})\s*", before)) and re.fullmatch(
            r"\s*(?:\d{1,2}\s*[:：]\s*\d{2})?\s*(?:前|之前|以前|起|开始|截止|止)?\s*", after):
        return step.group(1)
    # an item's own label, closed by a full stop: "（四）部门推荐。各开发区…于"
    if item := re.match(r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|\d+\s*[.、．])\s*([\u4e00-\u9fff]{2,8})。", before):
        return item.group(1)
    # "项目实施起始时间为2039年7月1日": what the date is the time of
    if named := re.search(r"([\u4e00-\u9fff]{2,10}?)(?:时间|日期)\s*(?:为|是|定为)\s*$", before):
        return named.group(1)
    # a schedule's dated item, its step after the colon: "5月6日17:00前：报送纸质材料"
    if item := re.match(r"\s*(?:\d{1,2}\s*[:：]\s*\d{2})?\s*(?:前|之前|以前|起|开始)?\s*[：:]\s*([^。；;]{2,40})", after):
        return item.group(1).strip()
    # (the bodies taking it each or together: "…于5月中旬分别组织专家评审")
    tail = re.match(r"\s*(?:前|起|之前|以前)?\s*(?:分别|统一|集中|共同|联合)?\s*(?:组织|开展|召开|进行|完成|公布|发布)([\u4e00-\u9fff]{2,8})", after)
    if tail:
        return tail.group(1)
    # what is made public where, its subject before the date: "拟立项项目将于2050年7月在市科技局网站公示" -> 拟立项项目公示
    shown = re.match(r"\s*(?:前后|左右)?\s*(?:在|于|通过)[^，。；,;]{1,20}?(公示|公布|发布)", after)
    subject = re.search(r"([\u4e00-\u9fff]{2,10}?)(?:将|拟|计划|预计)?于\s*$", before)
    # ... or its object after it: "5月中旬在市科技局网站公示拟立项项目" -> 拟立项项目公示
    shown_what = re.match(r"([\u4e00-\u9fff]{2,10}?)(?=[。；;，,（(]|$)", after[shown.end():]) if shown and not subject else None
    if shown and not subject and not shown_what and re.search(r"[，,]\s*(?:于|在)?\s*$", before):
        # ("…组织专家评审，评审结果经研究后，于2089年6月中旬在市科技局网站公示，公示期…": a further step of the
        # sentence, no subject of its own, made public where the verb says)
        return shown.group(1)
    return subject.group(1) + shown.group(1) if shown and subject else shown_what.group(1) + shown.group(1) if shown and shown_what else None


# Advice on when to submit, in the window's item ("为避免因集中提交造成网络拥堵，请…妥善安排提交时间")
SUBMITTING = re.compile(r"提交|填报|申报")
# What happens to a late submission ("逾期不再受理", "逾期系统自动关闭，不予受理"): said of the window.
LATE = re.compile(r"逾期(?!未)[^，,。]{0,6}?(?:受理|接收|关闭)|不予受理|不再受理|不予接收")


def _late_sentences(passages: list[Passage], found: Found) -> None:
    """The submission window's fact also quotes the sentences after it in its item that say what happens
    to a late submission or when to submit ("为避免因集中提交造成网络拥堵…"), and, when none says what
    happens to a late one, the procedure's clause that does."""
    window = found.fact("submission_window")
    if not window:
        return
    first = next((p for p in passages if _body(p.text) == window["quotes"][0]), None)
    if first is None:
        return
    # (a row of a table of terms, "截止时间 | …", is an item of its own: the rows below it are other items)
    last = max((p.order for p in passages if _body(p.text) in window["quotes"]), default=first.order)
    below = next((p.order for p in passages if p.order > last and label_row(p.text)), None) if label_row(first.text) else None
    # (nor does a schedule's row, "2 | 网上填报 | …", go on in the rows below it: each is a step of its own)
    row = bool(TABLE_ROW.match(_body(first.text)))
    more = [_body(p.text) for p in passages if p.section == first.section and p.order > first.order and not p.topic
            and (below is None or p.order < below) and not (row and TABLE_ROW.match(_body(p.text)))
            and (LATE.search(p.text) or SUBMITTING.search(p.text) and not _SINGLE.search(p.text))
            and _body(p.text) not in window["quotes"]]
    if not any(LATE.search(q) for q in window["quotes"] + more):
        # said in the procedure instead ("经单位管理员审核后在限定时间内提交，逾期不再受理"): that clause and
        # the one before it, verbatim
        said_late = []
        for p in passages:
            clauses = re.split(r"(?<=[，,])", _body(p.text).rstrip("。"))
            at = next((i for i, c in enumerate(clauses) if LATE.search(c)), None)
            # (a sentence, not a heading or a list's opening: "（三）不予受理情形", "有下列情形之一的，不予受理：")
            # (and one on a late submission, not "课题内容涉及国家秘密的不予受理": what is refused there is no lateness)
            said = "".join(clauses[max(at - 1, 0): at + 1]).rstrip("，,") if at is not None else ""
            if p.id.startswith("n-") and not p.topic and at is not None and not _SINGLE.search(p.text) \
                    and not p.text.rstrip().endswith(("：", ":")) and re.search(r"[，,。；;]", p.text) and (
                    re.search(r"逾期|截止|过期|提交|填报|申报|报送", said)):
                said_late.append((said, bool(_asked(p.text))))
        # (one saying the time is past, "各批次截止后均不再受理补报", before one naming only what is submitted:
        # "申报内容涉及国家秘密的，不予受理；申报材料…" refuses the content, not the late; a FAQ's answer is its
        # question's, "纸质材料可以邮寄吗？", and stays a fact of its own)
        more += ([x for x, faq in said_late if re.search(r"逾期|截止|过期", x) and not faq] or [x for x, _ in said_late])[:1]
    for sentence in more:
        window["quotes"].append(sentence)
        window["zh"] = window["zh"].rstrip("。") + "；" + sentence.rstrip("。") + "。"


def _windows_as_read(found: Found) -> None:
    """A fact that quotes a dated step's passage, not its dates ("5 | 纸质材料报送 | 2085/4/21—2085/4/23 | … 一式三份…",
    the paper copies' fact), says the step's window as the notice's dates are said when its words do not already
    ("2085/4/21" is no "4月21日"): asked when the paper copies go, it answers with the dates read."""
    windows = [f for f in found.facts if f.get("window")]
    for fact in found.facts:
        if fact.get("window") or fact["intent"] == "dates":
            continue
        for window in windows:
            w = window["window"]
            days = list(dict.fromkeys(tuple(str(w[k]).split("-")) for k in ("opens", "closes")))
            if window["quotes"][0] in fact["quotes"] and not all(f"{int(m)}月{int(d)}日" in squash(fact["zh"]) for _, m, d in days):
                span = "—".join(_zh_date(*day) for day in days)
                fact["zh"] = fact["zh"].removesuffix("。") + f"（{w['name_zh']}时间为{span}）。"


PROCESS_SECTION = re.compile(r"程序|流程|步骤")
# A sentence that only says what follows ("申报工作按以下程序进行。", "具体流程如下："): no step of its own
_INTRODUCES = re.compile(r"(?:以下|如下|下列)[^。，,；;]{0,8}[。：:]?$")
INTRO_MAX = 30


def _steps(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """Each step of the notice's procedure section that no fact quotes yet ("（三）评审立项。市科学技术局
    组织专家评审…"): a process fact of its own, so the procedure is answered whole."""
    quoted = [squash(q) for f in found.facts for q in f["quotes"]]
    n = 0
    by_item: dict[str, dict[str, Any]] = {}  # a numbered item's step, by its section
    for p in passages:
        if (not p.id.startswith("n-") or p.topic or not PROCESS_SECTION.search(p.section) or len(p.text) < 12
                or _RANGE.search(p.text) or _SINGLE.search(p.text) or p.kind != "text" or LATE.search(p.text)):
            continue  # (a dated sentence is a date's fact)
        body = squash(_body(p.text))
        if any(body in q or q in body for q in quoted) or len(body) <= INTRO_MAX and _INTRODUCES.search(body):
            continue  # (quoted already, or only saying that steps follow: "申报工作按以下程序进行。")
        step = by_item.get(p.section)
        if step is not None and not _LABEL_PREFIX.match(p.text):
            # a later sentence of the same numbered item ("2. 网上填报。…" then "请合理安排…"): that step's
            step["quotes"].append(_body(p.text))
            step["zh"] = step["zh"].rstrip("。") + "。" + _body(p.text).rstrip("。") + "。"
            continue
        n += 1
        step = _make_fact(f"step_{n}", "process", [_body(p.text)], vocab)
        found.facts.append(step)
        if p.section.count(" > ") >= 2:  # an item of the procedure section, not the section's own text
            by_item[p.section] = step


# Hours of the day, from one clock time to another ("上午9:00—12:00，下午13:30—17:30")
_HOURS_SPAN = re.compile(r"\d{1,2}\s*[:：]\s*\d{2}\s*(?:[—\-－–~～至到]+)\s*\d{1,2}\s*[:：]\s*\d{2}")
HOURS_LINE_MAX = 60


def _window_hours(passages: list[Passage], found: Found) -> None:
    """The hours a window is open, said on the line after its dates with no date of its own ("受理时间：网上受理：
    2082年3月2日9:00至…" over "窗口受理：工作日上午9:00—12:00，下午13:30—17:30"): said with the window."""
    for k, p in enumerate(passages[:-1]):
        nxt = passages[k + 1]
        fact = next((f for f in found.facts if f.get("window") and f["quotes"][0] == _body(p.text)), None)
        if (fact is None or p.topic or nxt.topic or nxt.section != p.section or len(nxt.text) > HOURS_LINE_MAX
                or not _HOURS_SPAN.search(nxt.text) or _SINGLE.search(nxt.text) or _YEARLESS.search(nxt.text)
                or _PHONE.search(nxt.text) or _body(nxt.text) in fact["quotes"]):
            continue
        fact["quotes"].append(_body(nxt.text))
        fact["zh"] = fact["zh"].rstrip("。") + "。" + _body(nxt.text).rstrip("。；;") + "。"


# A step of the procedure labelled by its order, on a line of its own ("第三步：审核推荐。各县（市、区）…"), perhaps
# after the label of the block it opens ("办理流程：第一步：网上填报。")
_ORDERED_STEP = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}[：:])?\s*第([一二三四五六七八九十]|\d{1,2})步\s*[：:，,、 ]?\s*"
                           r"([\u4e00-\u9fff]{2,10})(?=[。：:；;，,（(\s]|$)")
ORDERED_STEPS_MIN = 3


def _ordered_steps(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """A procedure laid out as its ordered steps, each on its own line ("第一步：网上填报。…" … "第五步：评审立项。…"),
    when no sentence gives it as a whole: the procedure fact names the steps in order, each by its label (a step
    dated is a window's fact, and not a step's, so the procedure is not otherwise answered whole)."""
    if found.fact("procedure"):
        return
    steps: list[str] = []
    for p in passages:
        if p.id.startswith("n-") and not p.topic and (m := _ORDERED_STEP.match(p.text)) and number_of(m.group(1)) == len(steps) + 1:
            steps.append(m.group(0)[m.group(0).find("第"):].strip())
    if len(steps) >= ORDERED_STEPS_MIN:
        found.facts.append(_make_fact("procedure", "process", steps, vocab))


def _window_fact(role: str, name: str, opens: tuple[str, ...], closes: tuple[str, ...], quote: str, rest: str,
                 vocab: dict[str, Any], said: str = "") -> dict[str, Any]:
    """A dated window's fact: opens and closes as (year, month, day), named by the words before it, with
    what the notice says after the dates (`rest`) at the end of its answer; `said`, the notice's own words for
    the window when its dates are not both written out ("自本通知印发之日起开始，至…17:00截止")."""
    a, b = _iso(*opens), _iso(*closes)
    window = {"opens": a, "closes": b, "name_zh": name, "name_en": _window_en(name)}
    fact = _make_fact(role, "dates", [quote], vocab, window=window)
    if not fact["triggers"]:
        # a window of its own kind ("专家评审时间：…至…"), not one every notice has: asked by its name, as a dated step is
        fact["triggers"] = _named(name)
    fact["zh"] = f"{name}时间为{_zh_date(*opens)}—{_zh_date(*closes)}" + (
        f"，截止日为{_zh_date(*closes)}" if role == "submission_window" else "")
    if (written := _SAID_RANGE.search(quote) or _CN_SAID_RANGE.search(quote) or SHORT_DOTTED_RANGE.search(quote)) and squash(written.group(0)) != squash(
            f"{_zh_date(*opens)}—{_zh_date(*closes)}"):
        fact["zh"] += f"（通知原文：{written.group(0)}）"  # the notice's own way of writing them, too
    elif said:
        fact["zh"] += f"（通知原文：{said}）"
    fact["zh"] += "。"
    if rest:
        fact["zh"] += rest if rest.endswith("。") else rest + "。"
    fact["en"] = f"{_window_en(name).capitalize()}: {a} to {b} (deadline {b})."
    return fact


# A change a later notice makes: "系统填报截止时间延长至2048年5月8日17:00", "…调整为2048年5月9日—5月13日",
# "第5个课题联系电话变更为67188097"
_CHANGE = re.compile(r"([^。；;，,]{2,40}?)(?:延长至|延长到|延期至|延期到|推迟至|推迟到|调整为|调整至|调整到|变更为|更改为|更正为|改为)"
                     r"\s*([^。；;]+)")
_TOPIC_NUMBER = re.compile(r"第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个|项)?\s*(?:课题|选题|题目|方向)|(?:课题|选题|方向)\s*(\d{1,2})")


# A value a call changes against last year's, said with the one it replaces ("重大项目资助额度由每项15万元调整为每项
# 20万元", "年龄上限由55周岁调整为57周岁", "由“具有副高级职称”调整为“…或博士学位”"): only the new one holds
_CHANGED_FROM = re.compile(r"由\s*(?:原来的?|原定的?|原|往年的?|上年度?的?|去年的?)?\s*(?:[“\"「『][^”\"」』]{1,60}[”\"」』]|[^。；;，,“”\"由为]{1,30}?)"
                           r"\s*(?:调整|提高|提升|上调|调增|增加|降低|下调|调减|减少|变更|更改|修改|改|延长|缩短|提前|推迟|放宽|压缩|扩大)"
                           r"(?:为|至|到)")


def current(text: str) -> str:
    """`text` read for the values that hold: a change's old value dropped ("…由每项15万元调整为每项20万元" reads as
    "…为每项20万元"); for reading numbers only, never for a quote."""
    return _CHANGED_FROM.sub("为", text)


# A correction naming the value it replaces: "网上申报截止时间，原“4月9日”更正为“4月16日”" (what it changes is
# the clause before 原, the old value and the new one each quoted)
_CORRECTION = re.compile(r"([^。；;]{2,80}?)[，,]?\s*原(?:为|定|定为)?\s*[“\"「『]([^”\"」』]{1,40})[”\"」』]\s*"
                         r"(?:更正为|更改为|变更为|调整为|修改为|改为)\s*[“\"「『]([^”\"」』]{1,60})[”\"」』]")
# ... and the topic an item of the later notice is about: "重点项目第3项", "一般课题2"
_LEVEL_NUMBER = re.compile(r"(?:项目|课题)\s*第?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:项|个|题)?")
# A topic's field a change names ("…的归口处室，原“X”更正为“Y”"): its office, its contact person
_OFFICE_CHANGED = re.compile(r"(?:归口|联系|责任|牵头)(?:处室|单位|部门)$|处室$")
_PERSON_CHANGED = re.compile(r"联系人$")


def _changes(text: str) -> list[tuple[str, str | None, str]]:
    """The changes one item of a later notice makes, in order: (what it changes, the old value if it says
    it, the new value). A correction ('原“X”更正为“Y”') first; then the changes said without the old value,
    in the rest of the item ("…，即网上申报时间调整为…", "联系电话相应调整为…")."""
    found: list[tuple[int, str, str | None, str]] = []
    rest = text
    for m in _CORRECTION.finditer(text):
        found.append((m.start(), m.group(1), m.group(2), m.group(3)))
        rest = rest[: m.start()] + "，" * (m.end() - m.start()) + rest[m.end():]
    found += [(m.start(), m.group(1), None, m.group(2)) for m in _CHANGE.finditer(rest)]
    return [(subject, old, value) for _, subject, old, value in sorted(found, key=lambda c: c[0])]


def _topic_named(text: str, found: Found) -> dict[str, Any] | None:
    """The topic an item of a later notice is about: by its title quoted, or by its level and number
    ("重点项目第3项"); else None."""
    tops = [t for t in found.topics if not t.get("parent")]
    quoted = [q for q in re.findall(r"[“\"「『]([^”\"」』]{6,80})[”\"」』]", text)]
    by_title = [t for t in tops if any(squash(t["title"]) == squash(q) for q in quoted)]
    if len(by_title) == 1:
        return by_title[0]
    level = found.level_in(text)
    if level and (m := _LEVEL_NUMBER.search(text[text.find("项目") if "项目" in text else 0:])):
        return next((t for t in tops if t["id"] == f"{level}-{number_of(m.group(1))}"), None)
    return None


# The heading of a call's list of what changed against last year's ("一、今年主要变化", "（二）主要调整事项")
_CHANGES_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．])?\s*"
                              r"(?:今年|本年度?|今年度|本次)?(?:的)?(?:主要|重要|重点)?(?:变化|调整|变更)(?:事项|内容|情况|说明)?$")
_CHANGE_SAID = re.compile(_CHANGED_FROM.pattern + r"|不再|新增|取消")


def _changes_listed(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """A call written as changes against last year's lists them under a heading of their own ("一、今年主要变化" over
    "1. 重大项目资助额度由15万元调整为20万元" …): what changed, one fact quoting the list's items (the values each
    fact reads are the new ones, `current`)."""
    body = [p for p in passages if p.id.startswith("n-") and not p.topic]
    for p in body:
        path = p.section.split(" > ")
        at = next((i for i, label in enumerate(path) if _CHANGES_HEADING.match(label.strip())), None)
        if at is None:
            continue
        head = " > ".join(path[:at + 1])
        items = [x for x in body if x.section.startswith(head + " > ")] or [x for x in body if x.section == head]
        if any(_CHANGE_SAID.search(x.text) for x in items):
            found.facts.append(_make_fact("changes", "rules", list(dict.fromkeys(_body(x.text) for x in items)), vocab))
        return


def _amendments(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """What a later notice appended to this one changes ("补充通知", "更正说明": passages "s-…"): a window's dates,
    a topic's office or phone, a contact's phone. The changed fact quotes the later notice's sentence first and
    says what the first notice had; one fact lists every change, under the later notice's title and date."""
    later = [p for p in passages if p.id.startswith("s-")]
    # (several later postings, each under its title, oldest first: "…申报工作答疑", then "关于延长…的通知")
    postings: list[list[Passage]] = []
    for p in later:
        if p.kind == "title" or not postings:
            postings.append([])
        postings[-1].append(p)
    quotes: list[str] = []
    parts: list[str] = []
    for posting in postings:
        changes = [_body(p.text) for p in posting if _CHANGE.search(read_dates(p.text)) or _OTHER_CHANGE.search(p.text)]
        if changes:
            title = next((p.text for p in posting if p.kind == "title"), "补充通知")
            dated = [p.text for p in posting if p.kind == "dateline"][:1]
            quotes += [title, *changes, *dated]
            parts.append(f"{title}{f'（{dated[0]}）' if dated else ''}：" + "".join(
                c if c.endswith("。") else c + "。" for c in changes))
    if quotes:
        fact = _make_fact("amendments", "dates", quotes, vocab)
        fact["zh"] = "".join(parts)
        found.facts.append(fact)
    originals: dict[str, tuple[str, str]] = {}  # each amended window's dates as the first notice had them
    title = "补充通知"
    for p in later:
        if p.kind == "title":
            title = p.text
        text = read_dates(p.text)
        said = _body(p.text)
        item_topic = _topic_named(text, found)
        for raised in _AMOUNT_CHANGE.finditer(arabic_numbers(said)):
            _amend_amount(found, raised, said, title)
        if "负责人" in said and _LEADER_TERMS.search(said) and (_CHANGE.search(text) or _OTHER_CHANGE.search(said)) and (leader := found.fact("leader_requirements")) and said not in leader["quotes"]:
            # a leader's condition the later notice changes ("申报一般项目的，项目负责人年龄放宽至不超过60周岁", not a
            # later FAQ's answer restating one, "项目负责人须为…在职人员，且年龄不超过58周岁"): the
            # leader's conditions quote it first, and the rules read it before the first notice's (its limits win)
            leader["quotes"] = [said, *leader["quotes"]]
            leader["zh"] = f"{said.rstrip('。')}（{title}）。原通知：{leader['zh']}"
            leader["en"] = f"As changed by a later notice ({title}): {said} Before the change: {leader['en']}"
        for subject, old, value in _changes(text):
            subject = _GROUP_NUMBER.sub("", re.sub(r"^[一二三四五六七八九十]+、", "", subject.strip()))
            year_said = _SINGLE.search(value)
            span = _RANGE.search(value) or year_said
            if span is None and (bare := _YEARLESS.search(value)):
                span = bare  # "原“4月9日”更正为“4月16日”": in the year of the date it replaces
            if span is not None:
                role = ("submission_window" if re.search(r"填报|申报|提交|报送", subject) and not re.search(r"审核|推荐", subject)
                        else "review_window" if re.search(r"审核|推荐|评审", subject) else None)
                amended = found.fact(role) if role else None
                if was := _ORIGINALLY.search(subject):
                    # "…截止时间由原定的2069年4月17日延长至…": what held that date, whatever the words name
                    holder = _holding_date(found, _iso(*was.groups()))
                    if holder is not None and not holder.get("window"):
                        _amend_date(holder, was.groups(), span, said, title)
                        # (and every other fact quoting the replaced date: the paper copies' fact that quotes the
                        # schedule's line says the moved date too)
                        for other in _saying_date(found, _iso(*was.groups()), holder):
                            _amend_date(other, was.groups(), span, said, title)
                        continue
                    amended = holder or amended
                    role = amended["role"] if amended is not None else role
                if amended is None or not amended.get("window"):
                    # (the window the change names by the notice's own name for it: "申报单位审核时间相应调整为…",
                    # the "单位审核" step's)
                    named = [f for f in found.facts if f.get("window") and len(f["window"].get("name_zh") or "") >= 2
                             and f["window"]["name_zh"] in subject]
                    amended = named[0] if len(named) == 1 else amended
                    role = amended["role"] if amended is not None else role
                if amended is None or not amended.get("window"):
                    found.notes.append(f"补充通知：找不到“{subject}”所改的时间段。")
                    continue
                window = amended["window"]
                before = (window["opens"], window["closes"])
                originals.setdefault(amended["id"], before)
                if span.re is _RANGE:
                    opens = (span.group(1), span.group(2), span.group(3))
                    closes = (span.group(4) or span.group(1), span.group(5) or span.group(2), span.group(6))
                else:
                    single = ((span.group(1), span.group(2), span.group(3)) if span.re is _SINGLE
                              else (before[1].split("-")[0], span.group(1), span.group(2)))
                    opens, closes = tuple(before[0].split("-")), single
                    if re.search(r"开始|起始|开放|开启", subject):
                        opens, closes = closes, tuple(before[1].split("-"))
                window.update(opens=_iso(*opens), closes=_iso(*closes))
                if said not in amended["quotes"]:
                    amended["quotes"] = [said, *amended["quotes"]]
                name = window["name_zh"]
                first = originals[amended["id"]]
                amended["zh"] = (f"{name}时间为{_zh_date(*opens)}—{_zh_date(*closes)}"
                              + (f"，截止日为{_zh_date(*closes)}" if role == "submission_window" else "")
                              + f"（{title}：{said.rstrip('。')}；原定{_zh_date(*first[0].split('-'))}—"
                              + f"{_zh_date(*first[1].split('-'))}）。")
                amended["en"] = (f"{window['name_en'].capitalize()}: {window['opens']} to {window['closes']} (deadline "
                              f"{window['closes']}), as changed by a later notice (it was {first[0]} to {first[1]}).")
            elif phone := _PHONE.search(value):
                new = phone.group(0)
                topic = item_topic
                if topic is None and (numbered := _TOPIC_NUMBER.search(subject)):
                    n = number_of(numbered.group(1) or numbered.group(2))
                    tops = [t for t in found.topics if not t.get("parent")]
                    # (its own number: "5. …", "（5）…", "课题5：…"; else the fifth topic listed)
                    topic = next((t for t in tops if re.match(
                        rf"^(?:{n}\s*[.、．]|[(（]{n}[)）]|【?(?:指南方向|研究方向|课题|选题|方向|题目)\s*{n}(?!\d))",
                        t.get("title_quote", ""))), None) or (
                        tops[n - 1] if 0 < n <= len(tops) else None)
                    if topic is None:
                        found.notes.append(f"补充通知：找不到“{subject}”所说的课题或其唯一的联系电话。")
                        continue
                if topic is not None:
                    if len(topic.get("contacts") or []) != 1:
                        found.notes.append(f"补充通知：找不到“{subject}”所说的课题或其唯一的联系电话。")
                        continue
                    topic["contacts"][0]["phone"] = new
                    if (was := topic.get("contact_quote")) and (listed := found.fact("amendments")) and was not in listed["quotes"]:
                        listed["quotes"].append(was)  # (the line it replaces, cited by the list of changes)
                    topic["contact_quote"] = said
                    continue
                contact = _contact_changed(found, subject, old)
                old_phone = _PHONE.search(" ".join(contact["quotes"])) if contact else None
                if contact is None or old_phone is None:
                    found.notes.append(f"补充通知：找不到“{subject}”所说的联系方式。")
                    continue
                _amend_contact(contact, old_phone.group(0), new, said, title)
            elif item_topic is not None and old and (field := "office" if _OFFICE_CHANGED.search(subject) else
                                                    "person" if _PERSON_CHANGED.search(subject) else None):
                contacts = item_topic.get("contacts") or []
                held = [c for c in contacts if c.get(field) == old] or (contacts if len(contacts) == 1 else [])
                if not held:
                    found.notes.append(f"补充通知：找不到“{subject}”所说的“{old}”。")
                    continue
                for c in held:
                    c[field] = value
                item_topic["contact_quote"] = said
            elif old and (contact := _contact_changed(found, subject, old)) is not None:
                _amend_contact(contact, old, value, said, title)  # a contact's office or person the notice names
            else:
                found.notes.append(f"补充通知：找不到“{subject}”所改的内容。")


# A change a later notice makes that _CHANGE does not say: a sum raised or lowered ("由每项3万元提高至每项4万元"), a
# condition relaxed ("年龄放宽至不超过60周岁"), topics added ("在一般项目中增加1个选题")
_OTHER_CHANGE = re.compile(r"(?:提高|提升|上调|增加|降低|下调|放宽|放开)(?:至|到|为)|(?:增加|新增|增设)[^。；;，,]{0,8}(?:选题|课题|题目|研究方向)")
# ... a level's amount per project changed: "一般项目资助额度由每项3万元提高至每项4万元"
_AMOUNT_CHANGE = re.compile(r"([^。；;，,]{2,30}?)由\s*(?:每项)?\s*(\d+(?:\.\d+)?)\s*万元\s*(?:提高|提升|上调|增加|调增|降低|下调|调减|调整|变更|改)"
                            r"(?:至|到|为)\s*(?:每项)?\s*(\d+(?:\.\d+)?)\s*万元")
# ... and the words of a leader's condition
_LEADER_TERMS = re.compile(r"周岁|(?:以后|之后)出生|职称|学历|学位")


def _amend_amount(found: Found, change: re.Match[str], said: str, title: str) -> None:
    """A level's amount per project a later notice changed ("一般项目资助额度由每项3万元提高至每项4万元"): the level's
    topics that had the old amount have the new one, quoting the change; the funding levels' fact says it first."""
    level = found.level_in(change.group(1))
    if level is None:
        found.notes.append(f"补充通知：找不到“{change.group(0)}”所说的项目级别。")
        return
    old, new = float(change.group(2)), float(change.group(3))
    for topic in found.topics:
        if topic.get("level") == level and topic.get("funding_wan") == old:
            topic["funding_wan"], topic["funding_quote"] = new, said
    fact = found.fact("funding_levels")
    if fact is None:
        return
    fact["quotes"] = [said, *(q for q in fact["quotes"] if q != said)]
    fact["zh"] = f"{said.rstrip('。')}（{title}）。原通知：{fact['zh']}"
    was = f"{found.level_en(level)}: CNY {round(old * 10000):,} ({format_wan(old)}万元) each"
    fact["en"] = fact["en"].replace(was, f"{found.level_en(level)}: CNY {round(new * 10000):,} ({format_wan(new)}万元) each "
                                         f"(changed by a later notice from {format_wan(old)}万元)")


# The date a change names as the one it replaces: "由原定的2069年4月10日17:00延长至…", "原定于2069年4月17日"
_ORIGINALLY = re.compile(r"原(?:定|来|先|为|定为|定于)?的?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _holding_date(found: Found, when: str) -> dict[str, Any] | None:
    """The one dated fact of the notice a change's old date is: the window that closes (else opens) on it, else
    the one other fact of dates whose quote says it; None when there is none or more than one."""
    for end in ("closes", "opens"):
        windows = [f for f in found.facts if f.get("window") and f["window"].get(end) == when]
        if len(windows) == 1:
            return windows[0]
    singles = [f for f in _saying_date(found, when) if f["intent"] == "dates"]
    return singles[0] if len(singles) == 1 else None


def _saying_date(found: Found, when: str, holder: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The facts besides `holder` (no window, not the list of changes) whose quotes say the date `when`."""
    return [f for f in found.facts if f is not holder and not f.get("window") and f["id"] != "amendments" and any(
        _iso(*m.groups()) == when for q in f["quotes"] for m in _SINGLE.finditer(read_dates(q)))]


def _amend_date(fact: dict[str, Any], old: tuple[str, ...], span: re.Match[str], said: str, title: str) -> None:
    """A dated fact (not a window: "纸质材料报送截止时间：…") a later notice moved to the date `span` ends on: the
    change quoted first, said first in its answer, the notice's own sentence after it."""
    new = (span.group(4) or span.group(1), span.group(5) or span.group(2), span.group(6)) if span.re is _RANGE else (
        (span.group(1), span.group(2), span.group(3)) if span.re is _SINGLE else (old[0], span.group(1), span.group(2)))
    if said not in fact["quotes"]:
        fact["quotes"] = [said, *fact["quotes"]]
    fact["zh"] = f"{said.rstrip('。')}（{title}）。原通知：{fact['zh']}"
    if _iso(*old) in fact["en"]:
        fact["en"] = fact["en"].replace(_iso(*old), f"{_iso(*new)} (moved by a later notice from {_iso(*old)})", 1)
    else:  # (its English quotes the notice's Chinese only: the move said first)
        fact["en"] = f"Moved by a later notice from {_iso(*old)} to {_iso(*new)} ({said.rstrip('。')}). {fact['en']}"


def _contact_changed(found: Found, subject: str, old: str | None) -> dict[str, Any] | None:
    """The notice's contact a later notice's change is about: the one holding the value it replaces, else
    the one whose words the change names."""
    contacts = [f for f in found.facts if f["intent"] == "contacts"]
    if old and (holding := [f for f in contacts if any(old in q for q in f["quotes"])]):
        return holding[0] if len(holding) == 1 else None
    # the one whose label the change names ("经费预算咨询电话变更为…": the line "经费预算咨询：…，电话：…", not the
    # first contact for a word every contact says, "电话")
    labelled = [f for f in contacts if any((label := _LED_CONTACT.match(q.strip())) and label.group(0)[:-1] in subject
                                           for q in f["quotes"])]
    if len(labelled) == 1:
        return labelled[0]
    return next((f for f in contacts if any(
        w in subject for w in re.findall(r"[\u4e00-\u9fff]{2,4}", " ".join(f["quotes"][:1])) if len(w) >= 2)), None)


def _amend_contact(contact: dict[str, Any], old: str, new: str, said: str, title: str) -> None:
    """`contact` as a later notice changed it: its new value in its answer, the change's sentence quoted first."""
    if said not in contact["quotes"]:
        contact["quotes"] = [said, *contact["quotes"]]
    contact["zh"] = contact["zh"].replace(old, new) + f"（{title}：{said.rstrip('。')}）"
    contact["en"] = contact["en"].replace(old, new)


def _window_en(name: str) -> str:
    if re.search(r"填报|申报|提交", name):
        return "online submission"
    if re.search(r"审核|推荐", name):
        return "review and recommendation"
    return "period"


_CONTACT_FIELD = re.compile(r"^(?:处室|单位|部门|联系人|联系处室|联系单位|邮箱|电子邮箱|传真)[：:]")
_GROUP_NUMBER = re.compile(r"^(?:\d{1,2}\s*[.、．)）]\s*|[(（][一二三四五六七八九十\d]+[)）]\s*)")
_GROUP_NAME = re.compile(_GROUP_NUMBER.pattern + r"?[\u4e00-\u9fff]{2,10}")


# A contact line led by what it is for: "资金监管咨询：王平 监督处 0371-…" (a person's name after the colon)
_OWN_PURPOSE = re.compile(r"^([\u4e00-\u9fff]{2,10})[：:]\s*(?=[\u4e00-\u9fff]{2,4}[\s，,])")


# ... or by the subject asked of, whatever follows: "经费预算咨询：市科技局规划与财务处，…" (what it is asked about)
_SUBJECT_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,10}?(?:咨询|问题|事宜))[：:]")


# One of several contacts a sentence gives, each led by what it is for ("申报政策咨询：市科技局发展规划处，刘老师，
# 0376-…；系统技术支持：…中心，0376-…")
_LED_CONTACT = re.compile(r"^[\u4e00-\u9fff]{2,10}[：:]")


def _contact_parts(p: Passage) -> list[tuple[Passage, str]]:
    """A contact passage, or each of the contacts it gives one after another, led by what each is for (in a FAQ's
    answer, the answer's): with the label that leads it, "" for a passage whole."""
    parts = re.split(r"(?<=[；;])", _answered(_body(p.text))[1])
    led = [part for part in parts if _PHONE.search(part)]
    # (each led by a purpose, not by a field of one contact: "联系人：张老师，电话：…；技术支持：…" goes on with the line above)
    if len(led) < 2 or not all((label := _LED_CONTACT.match(part.strip())) and not re.fullmatch(
            CONTACT_LABELS + r"|电话|手机|邮箱|电子邮箱|传真|地址|处室|单位|部门", label.group(0)[:-1]) for part in led):
        # (a FAQ's question with its answer giving one contact, "问：平台无法登录怎么办？答：请联系平台技术支持：…
        # 电话：…": the answer is the contact, the question no office's name)
        pair = _ANSWERED.match(_body(p.text))
        return [(replace(p, text=_body(p.text)[pair.end():]) if pair and pair.group(1) else p, "")]
    out: list[tuple[Passage, str]] = []
    for part in parts:
        if out and not _PHONE.search(part):
            out[-1] = (replace(out[-1][0], text=out[-1][0].text + part), out[-1][1])  # (its further words, no phone)
        else:
            label = _LEADING_LABEL.match(part.strip())
            out.append((replace(p, text=part.strip().rstrip("；;")), label.group(0) if label else ""))
    return out


# A line for complaints about how the call is handled ("监督投诉电话：…", "评审工作接受社会监督，监督电话：…"): asked of
# when a complaint is, not when an applicant asks whom to call
_COMPLAINT = re.compile(r"(?:监督|投诉|举报)(?:投诉|举报)?(?:电话|热线|邮箱|渠道)")


def _contacts(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """The notice's own contacts: lines with phone numbers outside the topics, named by their heading."""
    seen_roles: set[str] = set()
    n = 0
    for i, p, led in ((i, part, led) for i, whole in enumerate(passages) for part, led in _contact_parts(whole)):
        if p.topic or not p.id.startswith("n-") or not _PHONE.search(p.text) or _RANGE.search(p.text):
            continue
        if p.section.endswith(" > 注释") and all(any(ph in x.text for x in passages[:i]) for ph in _PHONE.findall(p.text)):
            continue  # a footnote on a contact line above ("信息中心[5]：0371-…"), its phone that line's: no contact of its own
        purpose = p.section.split(" > ")[-1] + " " + p.text
        # The contact's own labelled lines above its phone ("处室：战略规划处" / "联系人：韩工" / "电话：…"), and
        # the line naming what they are for above those ("1）业务咨询")
        fields: list[str] = []
        k = i - 1
        while k >= 0 and i - k <= 3 and passages[k].section == p.section and _CONTACT_FIELD.match(passages[k].text) \
                and not _PHONE.search(passages[k].text) and not passages[k].topic:
            fields.insert(0, _body(passages[k].text))
            k -= 1
        before = passages[k] if k >= 0 else None
        if fields and not (before and before.section == p.section and _GROUP_NAME.fullmatch(before.text)):
            fields, before = [], passages[i - 1]  # (no group named above them: the line above, as before)
        # (not a table's header, "处室 | 联系人 | 电话": the row below names its own office)
        # (or, under a heading its section names nothing by, "（二）市社科联（社科专项课题）": the agency whose contact it is)
        label = led or (_GROUP_NUMBER.sub("", before.text) if before and before.section == p.section and len(before.text) <= 30
                        and not _PHONE.search(before.text) and (re.search(r"咨询|支持|联系|服务|指导", before.text) or (
                            not heading_label(p.section.split(" > ")[-1]) and _GROUP_NUMBER.match(before.text)))
                        and table_cells(before.text) is None else "")
        if label:  # "业务咨询（市科技局政策法规处）" on the line above "联系人：王立新，电话：…"
            purpose = label + " " + purpose
        if _COMPLAINT.search(purpose):
            role = "contact_complaint"  # (whom to complain to about the handling, no applicant's enquiry line)
        elif re.search(r"技术支持|系统|技术咨询|技术问题", purpose):
            role = "contact_tech"
        elif "contact_business" not in seen_roles and (
            re.search(r"业务咨询|政策咨询|业务", purpose) or not re.search(r"宏观|指导", purpose)
        ):
            role = "contact_business"
        else:
            n += 1
            role = f"contact_{n}"
        if role in seen_roles:
            n += 1
            role = f"contact_{n}"
        seen_roles.add(role)
        # (the heading without its list number, "（三）纸质材料接收" as "纸质材料接收")
        # (not a document's own name, "通知" for a notice with no heading above the line, nor a report's question
        # heading, "有问题找谁？": neither says what the contact is for)
        # (nor a FAQ's heading over its pairs, "申报常见问题解答": the pair's answer says what its contact is for)
        heading = label or ("" if " > " not in p.section or p.section.endswith(("？", "?")) or _asked(passages[i].text)
                            else _body(p.section.split(" > ")[-1]))
        if not label and (row := label_row(p.text)) and not _PHONE.search(row[0]):
            heading = row[0]  # a row of a table of terms, "业务咨询 | 市科技局政策法规处：0371-…": what its label cell says
        if not label and (own := _OWN_PURPOSE.match(_body(p.text))) and not re.fullmatch(
                CONTACT_LABELS + r"|电话|手机|邮箱|电子邮箱|传真|地址|处室|单位|部门", own.group(1)):
            heading = own.group(1)  # "信用审查咨询：王平 监督处 0371-…": the line says what it is for, before its colon
        if (cells := table_cells(p.text)) and (office := next((c for c in cells if _OFFICE.fullmatch(c)), None)):
            heading = office  # a row of a table of offices ("规划统计处 | 刘老师 | 0371-…") is that office's contact
        fact = _make_fact(role, vocab["roles"].get(role, {}).get("intent", "contacts"),
                          [*([label] if label and not led else []), *fields, _body(p.text)], vocab)
        said = "，".join([*fields, _body(p.text)])
        fact["zh"] = f"{heading}请联系{said.rstrip('。')}。" if heading and heading not in p.text else f"{said.rstrip('。')}。"
        # (业务咨询 is "business enquiries": what an English question on the programme's matters calls it)
        general = "Business enquiries" if role == "contact_business" and "业务" in f"{heading}{label}{p.text}" else "Enquiries"
        fact["en"] = (f"{'Technical support' if role == 'contact_tech' else 'Complaints' if role == 'contact_complaint' else general}"
                      f"{f' ({heading})' if heading else ''}: {said}.")
        if role.startswith("contact_") and role not in ("contact_business", "contact_tech", "contact_complaint"):
            # (and the heading's own subject, "规划指导" asked as "规划方面的问题找谁")
            # (and the subject its own line is led by, under a heading that names none: "经费预算咨询：…" under
            # "十、联系方式" is asked as "经费预算有问题找谁")
            subject = _SUBJECT_LABEL.match(_body(p.text))
            named = [x for x in (heading, subject.group(1) if subject else "") if x]
            fact["triggers"] = list(dict.fromkeys(
                [*named, *(w for x in named for w in jieba.lcut(x) if len(w) >= 2 and w not in named
                           and not re.search(r"咨询|指导|支持|服务|联系|方式|电话", w))]))
        found.facts.append(fact)
    _paper_contact(found)
    _contact_hours(passages, found)


# When the notice's phones are answered ("咨询电话接听时间为工作日上午8:30—12:00、下午14:30—17:30")
_HOURS = re.compile(r"(?:咨询|接听|答疑|服务|受理)[^。；;]{0,6}?时间[^。；;]{0,8}?(?:工作日|周[一二三四五]|星期|上午|下午)"
                    r"[^。；;]{0,20}?\d{1,2}\s*[:：]\s*\d{2}")


def _contact_hours(passages: list[Passage], found: Found) -> None:
    """The hours the notice's phones are answered, said apart from its contacts (a tip after its dateline): said with
    its business and technical-support contacts, unless one of them says them already."""
    contacts = [f for f in found.facts if f["role"] in ("contact_business", "contact_tech")]
    said = [_body(p.text) for p in passages if p.id.startswith("n-") and not p.topic and _HOURS.search(p.text)][:1]
    if not said or any(said[0] in q or q in said[0] for f in contacts for q in f["quotes"]):
        return
    # (the hours of one of them, "技术支持服务时间为…", are that one's)
    whose = "contact_tech" if re.search(r"技术|系统", said[0]) else "contact_business" if re.search(r"业务|政策", said[0]) else ""
    for fact in contacts if not whose or not any(f["role"] == whose for f in contacts) else [
            f for f in contacts if f["role"] == whose]:
        fact["quotes"].append(said[0])
        fact["zh"] = fact["zh"].rstrip("。") + "。" + said[0].rstrip("。；;") + "。"
        fact["en"] += f" (The notice says, in Chinese: {said[0]})"


_LEADING_LABEL = re.compile(r"^[^：:，,。；;]{2,12}(?=[：:])")


def _leading_label(line: str) -> str:
    """What a line says it is about before its colon ("（三）纸质材料受理：…" -> "纸质材料受理"), or ""."""
    m = _LEADING_LABEL.match(_GROUP_NUMBER.sub("", line))
    return m.group(0) if m else ""


def _paper_contact(found: Found) -> None:
    """The paper copies' fact also says whom they go to, when the notice has a contact headed for them ("（三）纸质
    材料接收" over "市科技局政务服务窗口：0371-…"): "纸质材料交到哪里，电话多少？" is asked of the paper copies."""
    paper = found.fact("paper_materials")
    # (headed so above the line, or labelled so on it: "纸质材料受理：市科技局政务服务窗口 赵老师 0371-…")
    contact = next((f for f in found.facts if f["intent"] == "contacts" and f["role"] not in ("contact_business", "contact_tech")
                    and "纸质" in (f["zh"].partition("请联系")[0] if "请联系" in f["zh"] else _leading_label(f["quotes"][-1]))), None)
    if paper and contact and contact["quotes"][-1] not in paper["quotes"]:
        paper["quotes"].append(contact["quotes"][-1])
        paper["zh"] = paper["zh"].rstrip("。") + "。" + contact["zh"]


PLEDGE_SENTENCES = 8  # of a pledge template, quoted whole up to this many
_MATERIALS_HEADING = r"申报材料|申请材料|材料清单|提交材料|报送材料|材料要求|所需材料"  # (申请材料: a service entry's)


# Materials a prose sentence lists, after words that say it does ("在申报材料方面，…", "申报材料包括…")
_PROSE_MATERIALS = re.compile(r"(?:申报|所需|提交的?)材料(?:方面|包括|主要有|主要包括|有|为)")
_MATERIAL_NOUN = re.compile(r"申报书|申请书|承诺书|身份证|证书|扫描件|复印件|证明|协议")


def _materials(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """The materials list: the passages under a heading that names the application materials."""
    def heads(p: Passage) -> list[str]:
        return p.section.split(" > ")[1:]

    # a heading naming the materials ("(四) 项目申报材料包括", "五、材料要求"), not a rule's sentence that
    # mentions them ("（六）不接受涉密项目申报，申报材料须作脱密处理"), nor a numbered point's sentence cut short
    # as its label ("3. 申报内容涉及国家秘密的（申报材料须作…")
    def listed(doc: str) -> list[Passage]:
        return [p for p in passages if p.id.startswith(doc) and not p.topic and any(
            re.search(_MATERIALS_HEADING, h)
            and not re.search(r"[，。；]", heading_label(h)) and not h.endswith("…") for h in heads(p))
            and not any("纸质" in h for h in heads(p))
            # (a FAQ's questions under it are headings of their own: "五、关于申报材料与程序" over "问20：在哪里申报？")
            and (not (q := _asked(p.text)) or "材料" in q and "纸质" not in q)]
    def row(doc: str) -> list[Passage]:
        """A row of a table of terms labelled as the materials ("申报材料 | ①…申报书；②…承诺书"), its sentences."""
        start = next((p for p in passages if p.id.startswith(doc) and not p.topic and (cells := label_row(p.text))
                      and re.fullmatch(_MATERIALS_HEADING + r"|材料", cells[0])), None)
        if start is None:
            return []
        end = next((p.order for p in passages if p.order > start.order and label_row(p.text)), None)
        return [p for p in passages if p.section == start.section and start.order <= p.order and (end is None or p.order < end)]
    # (a short notice leaving the materials to its guide lists them there: "六、申报材料" of the guide)
    def prose(doc: str) -> list[Passage]:
        """A sentence of running prose listing the materials ("在申报材料方面，项目负责人须在线填写申报书，并上传…承诺书，
        以及…身份证…的扫描件"), with the sentences right after it on them (the pledge's template, where it is got)."""
        start = next((p for p in passages if p.id.startswith(doc) and not p.topic and _PROSE_MATERIALS.search(p.text)
                      and len(_MATERIAL_NOUN.findall(p.text)) >= 2), None)
        if start is None:
            return []
        after = [p for p in passages if p.section == start.section and start.order < p.order <= start.order + 2]
        return [start, *[p for p in after if _MATERIAL_NOUN.search(p.text) and not _SINGLE.search(p.text)]]
    items = listed("n-") or row("n-") or (listed("g-") if _refers_to_guide(passages) else []) or prose("n-")
    if items:
        found.facts.append(_make_fact("materials", "materials", [_body(p.text) for p in items[:8]], vocab))
    else:
        found.notes.append("申报材料：找不到列出申报材料的小节。")
    # (not the signature under the annex list, the issuer's name over the dateline: "荥川市科学技术局" / "2081年2月24日")
    signed = {p.order - 1 for p in passages if p.kind == "dateline"}
    attach = [p for p in passages if p.id.startswith("n-") and any(h.startswith("附件") for h in heads(p)[:1])
              and not (p.order in signed and SIGNATURE_NAME.fullmatch(squash(p.text)))]
    if attach:
        # (each annex said with its number, "附件2：…信用承诺书（参考模板）", the number the list gives it)
        fact = _make_fact("attachments", "materials", [p.text for p in attach[:6]], vocab)
        listed_as = [(m.group(1), p.text[m.end():].rstrip("。；;")) for p in attach[:6]
                     if (m := re.match(r"\s*(?:附件\s*[:：]?\s*)?(\d{1,2})\s*[.．、]\s*(?=\S)", p.text))]
        if len(listed_as) == len(attach[:6]):
            fact["zh"] = "；".join(f"附件{n}：{title}" for n, title in listed_as) + "。"
            fact["en"] = "The notice says (in Chinese): " + "; ".join(f"Annex {n}: {title}" for n, title in listed_as) + "."
        found.facts.append(fact)
    # What the pledge template annexed has the unit declare and sign: its sentences after its title.
    pledge = [p for p in passages if p.id.startswith("p-") and p.kind == "text"]
    # (its own annex's: a second pledge annexed after it, "附件3 项目负责人…承诺书", is another form)
    # (nor an office's name alone after it, the letterhead of a notice that follows: "郑州市科学技术局")
    pledge = [p for p in pledge if p.section.split(" > ")[0] == pledge[0].section.split(" > ")[0]] if pledge else []
    pledge = pledge[:1] + [p for p in pledge[1:] if not SIGNATURE_NAME.fullmatch(squash(p.text))]
    if len(pledge) >= 2:
        fact = _make_fact("credit_pledge_template", "materials", [_body(p.text) for p in pledge[1:PLEDGE_SENTENCES + 1]], vocab)
        # (which annex it is said first, "附件2 信用承诺书模板", where the form is found; its title line stays no quote
        # of it, which would draw to it every question naming the form)
        annex = pledge[0].section.split(" > ")[0]
        if number := re.match(r"附件\s*(\d{1,2})", annex):
            fact["zh"] = f"{annex}：{fact['zh']}"
            fact["en"] = f"Annex {number.group(1)} ({annex}). {fact['en']}"
        found.facts.append(fact)


# The amount a level has in all ("重大项目安排经费75万元", "一般项目经费总额96万元"), not each project's ("每项资助25万元")
_LEVEL_TOTAL = re.compile(r"安排(?:经费|资金)|(?:经费|资金)总[额量计]|总经费|合计|共计|总计|累计|共安排")
_PER_PROJECT = re.compile(r"每[项个]|单[项个]|资助(?:强度|额度|标准)|不超过|最高")


def _level_total(said: str) -> bool:
    """Whether a level's amount is what it has in all, not what each of its projects gets."""
    return bool(_LEVEL_TOTAL.search(said)) and not _PER_PROJECT.search(said)


# A level's funding in a clause of its own ("重大项目安排经费75万元") and the number of projects it plans ("重大项目拟立项3项")
_LEVEL_BUDGET = re.compile(r"(" + LEVEL_ALTERNATION + r")(?:项目|课题)[^。；;，,]{0,10}?(\d+(?:\.\d+)?)\s*万元")
_LEVEL_PLANNED = re.compile(r"(" + LEVEL_ALTERNATION + r")(?:项目|课题)\s*(?:拟|计划)?(?:立项|支持|资助|安排)\s*\d+\s*项")


# A level's projects choosing among a class of topics: "青年项目可从一般类课题中任选一个申报", "重大项目只能选择
# 重大类课题" (a level's subject, a choosing verb, a class of topics, in one clause or sentence)
_LEVEL_CHOICE = re.compile(r"(?:" + LEVEL_ALTERNATION + r")项目[^。；;]{0,30}?(?:选择|任选|选报|选取|选用)[^。；;]{0,12}?(?:"
                           + LEVEL_ALTERNATION + r")类(?:课题|选题)|(?:" + LEVEL_ALTERNATION + r")项目[^。；;]{0,12}?从[^。；;]{0,12}?(?:"
                           + LEVEL_ALTERNATION + r")类(?:课题|选题)[^。；;]{0,4}?中[^。；;]{0,4}?(?:选|任选|选择)")


# The sentence saying what a topic's closing tag holds ("每个课题名称后的括号内标注其项目类别和每项资助额度")
_AMOUNT_CELL = re.compile(r"(?:每项)?(\d+(?:\.\d+)?)\s*万元(?:\s*/\s*项)?")  # a table's cell holding an amount alone
_TAGS_SAID = re.compile(r"(?:课题|选题|题目)(?:名称)?后[^。；;]{0,12}(?:标注|注明|列明)[^。；;]{0,16}(?:资助|经费|额度|金额)")


# A note in a topic's title giving the topic's own amount ("…研究（本选题资助200千元）", "（本课题资助额度为12万元）")
_OWN_AMOUNT_NOTE = re.compile(r"[（(]\s*本(?:选题|课题|项目)[^（）()]{0,10}?\d+(?:\.\d+)?\s*万元\s*[)）]")


# The rule that a topic naming its own amount gets it ("另行标注资助额度的选题，按标注额度执行", "个别选题另行标明资助额度的，
# 按该选题标明的额度资助")
_OWN_AMOUNT_RULE = re.compile(r"(?:另行|单独)(?:标注|标明|注明|列明)[^。；;]{0,12}(?:额度|经费|金额)[^。；;]{0,16}按")


def _tag_amount(title: str, found: Found) -> float | None:
    """The amount in the tag closing a topic's title after its level ("…研究【重点｜8万元】": 8.0), None for none."""
    tag = level_tag(title, found.aliases)
    m = _AMOUNT.search(arabic_numbers(tag[0].group(2) or "")) if tag and tag[1] else None
    return float(m.group(1)) if m else None


TOTAL_BEFORE_COUNT = 3  # the passages before a level's count (a reference to a table, its caption) the total is among


def _parent(p: Passage) -> str | None:
    """The section a list item's passage is under ("通知 > 一、… > （二）" -> "通知 > 一、…"), None for no item."""
    head, _, last = p.section.rpartition(" > ")
    return head if head and _LABEL_PREFIX.match(last) else None


def _table_header(passages: list[Passage], row: Passage) -> Passage | None:
    """The header of the table `row` is a row of: the first of the rows of its section running up to it, when it
    names the columns (no figure in it); else None."""
    at = passages.index(row)
    k = at
    while k > 0 and passages[k - 1].section == row.section and table_cells(passages[k - 1].text):
        k -= 1
    return passages[k] if k < at and not re.search(r"\d", passages[k].text) else None


def _counts_and_levels(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> dict[str, float]:
    """Project counts and the funding of each project level, from the guide's preamble."""
    amounts: dict[str, float] = {}
    quotes: list[str] = []
    totals: dict[str, float] = {}  # what a level has in all ("重大项目安排经费75万元")
    total_quotes: list[tuple[int, str]] = []  # ... said so, and each level's count beside it, in order
    for p in passages:
        if p.topic or p.id.startswith("f-"):
            continue
        for clause in re.split(r"[。；;，,]", p.text):
            read = arabic_numbers(current(clause))
            if (m := _LEVEL_BUDGET.search(read)) and _level_total(m.group(0)):
                totals.setdefault(WORD_LEVEL[m.group(1)], float(m.group(2)))
                total_quotes.append((p.order, clause.strip()))
            elif (m := _LEVEL_PLANNED.search(read)) and not _PER_PROJECT.search(read):
                total_quotes.append((p.order, clause.strip()))
        if _COUNT.search(arabic_numbers(p.text)) and not found.fact("project_counts"):
            # a level's count alone on its line ("重大项目 2 项" as a list item): the other levels' lines beside
            # it, and the total above them ("本年度全部为定题项目，共设课题10项"), say the rest
            beside = [x for x in passages if not x.topic and x is not p and x.section == p.section and abs(x.order - p.order) <= 4
                      and (_COUNT.search(arabic_numbers(x.text)) and len(x.text) <= 20
                           or x.order < p.order and _TOTAL_COUNT.search(arabic_numbers(x.text)))
                      ] if len(p.text) <= 20 else [
                # ... or the sentence before it says the total ("…共设定课题12项，分为…三个类别。" over "其中重大项目2项，…"),
                # above a list whose first item it is, with a table of the topics it refers to between them or not;
                # or the item before its own under one heading ("（一）分批申报。…共设选题11项，其中第一批6项…" over
                # "（二）项目类别。…全年共设重大项目2项…")
                x for x in [y for y in passages if y.order < p.order and not y.topic and not table_cells(y.text)
                            and (y.section in (p.section, _parent(p)) or _parent(p) is not None and _parent(y) == _parent(p))
                            ][-TOTAL_BEFORE_COUNT:][::-1]
                if _TOTAL_COUNT.search(arabic_numbers(x.text)) and not _TOTAL_COUNT.search(arabic_numbers(p.text))][:1] + [
                # ... and the other levels' items after its own, each its sentence ("（二）重点项目4项，每项资助…")
                x for x in passages if not x.topic and x.order in range(p.order + 1, p.order + 4)
                and _parent(x) == _parent(p) != p.section and x.section != p.section
                and _COUNT.match(arabic_numbers(_body(x.text)))]
            found.facts.append(_make_fact("project_counts", "topics",
                                          [_body(x.text) for x in sorted([p, *beside], key=lambda x: x.order)], vocab))
        heading: str | None = None  # the level the passage's first sentence names alone ("（一）重大项目。")
        for clause in re.split(r"[。；;]", p.text):
            read = arabic_numbers(current(clause))  # ("重点项目每项资助人民币捌万元": 8万元; a changed one's new amount)
            m = re.search(r"(\d+(?:\.\d+)?)\s*万元", read)
            if heading and not found.level_in(read) and (
                    _PER_PROJECT.search(read) and m and not _level_total(read) or not m and UNFUNDED.search(read)):
                # a level's item, its name a sentence of its own before its amount ("（一）重大项目。拟立项2项，每项
                # 资助经费叁拾万元（300000元）。") or before saying it gets none ("（三）C类项目。为自筹经费项目，市财政
                # 不予资助"): that level's, quoted from its name on
                name = _body(p.text)
                # (from the level's name on, as the notice writes it: "A类项目。…", not a level word said later)
                start = min((i for w in [LEVEL_NAMES[heading][:2], *(a for a, v in found.aliases.items() if v == heading)]
                             if 0 <= (i := name.find(w)) < len(name.split("。")[0])), default=0)
                clause = name[start: name.index(clause) + len(clause)].strip()
                if m:
                    amounts.setdefault(heading, float(m.group(1)))
                found.level_quotes.setdefault(heading, clause)
                quotes.append(clause)
                continue
            heading = (found.level_in(clause) if heading is None and re.fullmatch(
                r"\s*(?:[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[.、．])?\s*[\u4e00-\u9fffA-Z]{2,8}\s*", clause) else None)
            # (the amount of the level named last before it: "项目分为重大项目、重点项目和一般项目：重大项目每项资助
            # 30万元" is the major projects', not the key projects' the list before it names)
            # (its count may carry a note: "重大项目2项（每批各1项），每项资助25万元")
            said = [(WORD_LEVEL[m.group(1)], m.group(2)) for m in re.finditer(
                r"(" + LEVEL_ALTERNATION + r")(?:项目|课题)(?:\s*\d+\s*[项个]\s*(?:[（(][^（）()。；;]{0,16}[)）]\s*)?[，,])?(?:(?!(?:" + LEVEL_ALTERNATION
                + r")(?:项目|课题))[^。；;，,]){0,14}?(\d+(?:\.\d+)?)\s*万元", read)
                # (not what a level has in all, "重大项目安排经费75万元", beside what each of its projects gets)
                if not _level_total(m.group(0))]
            if found.aliases and not said:
                # a class the notice defines ("A类项目（重大）2项，每项不超过30万元"): its level's amount
                classes = "|".join(map(re.escape, found.aliases))
                said = [(found.aliases[name], value) for name, value in re.findall(
                    r"(" + classes + r")(?:项目|课题)?(?:[（(][^（）()]{0,8}[)）])?[^。；;]{0,16}?(\d+(?:\.\d+)?)\s*万元", read)]
            for level, value in said:
                amounts.setdefault(level, float(value))
                found.level_quotes.setdefault(level, clause.strip())
                quotes.append(clause.strip())
    _counts_total(passages, found, vocab)
    if totals:
        # each level's count and funding in all, set out level by level apart from what each project gets
        told = [q for _, q in sorted(total_quotes) if found.level_in(q) in totals]
        fact = _make_fact("level_budgets", "funding", list(dict.fromkeys(told)), vocab)
        fact["en"] = "; ".join(f"{found.level_en(lv)}s: CNY {round(v * 10000):,} ({format_wan(v)}万元) in total"
                               for lv, v in totals.items()) + f". (The notice says, in Chinese: {fact['zh']})"
        found.facts.append(fact)
    choice = [_body(p.text) for p in passages if not p.topic and not p.id.startswith("f-") and any(
        _LEVEL_CHOICE.search(s) for s in re.split(r"[。；;]", p.text))]
    if choice:
        # which class of topics each level's projects may take ("青年项目可从一般类课题中任选一个申报", "重大项目
        # 只能选择重大类课题"), in the notice and in its guide
        found.facts.append(_make_fact("level_topics", "topics", list(dict.fromkeys(choice)), vocab))
    by_tag: dict[str, list[tuple[float, str]]] = {}
    for p in passages:
        if p.topic and p.kind == "heading" and (tag := level_tag(p.text, found.aliases)) and tag[1] and (
                value := _tag_amount(p.text, found)) is not None:
            by_tag.setdefault(tag[1], []).append((value, p.text))
    for level, tags in by_tag.items():
        if level not in amounts and len({v for v, _ in tags}) == 1:
            # a level's amount said only in the tags closing its topics' titles ("…研究【重点｜8万元】"), each the same:
            # the first of them says it (and the sentence saying what the tags hold, "课题名称后…标注…资助额度")
            amounts[level] = tags[0][0]
            found.level_quotes[level] = tags[0][1]
            quotes += [_body(p.text) for p in passages if not p.topic and _TAGS_SAID.search(p.text)][:1] + [tags[0][1]]
    by_row: dict[str, list[tuple[float, Passage]]] = {}
    for p in passages:
        if p.topic and p.kind == "heading" and (row_cells := table_cells(p.text)) and (
                row_level := next((x for c in row_cells if (x := cell_level(c, found.aliases))), None)) and (
                said_amounts := [float(a.group(1)) for c in row_cells if (a := _AMOUNT_CELL.fullmatch(arabic_numbers(c)))]):
            by_row.setdefault(row_level, []).append((said_amounts[0], p))
    for row_level, rows in by_row.items():
        if row_level not in amounts and len({v for v, _ in rows}) == 1:
            # a level's amount said only in its topics' table rows ("1 | 郑州市…研究 | 重点项目 | 12万元 | …"), each the
            # same: the table's header (what its columns hold) and the level's first row say it
            first = rows[0][1]
            amounts[row_level] = rows[0][0]
            found.level_quotes[row_level] = _body(first.text)
            header = [_body(x.text) for x in passages if x.order < first.order and not x.topic
                      and x.section == first.section.rpartition(" > ")[0] and table_cells(x.text)][-1:]
            quotes += [*header, _body(first.text)]
    term_rows = [p for p in passages if not p.topic and table_cells(p.text) and _body(p.text) in quotes]
    columns: list[str] = []
    if term_rows and (names := _table_header(passages, term_rows[0])) and _body(names.text) not in quotes:
        # the levels' terms said in a table's rows ("重大项目 | 15万元/项 | 2项 | 不少于5万字"): its header, what each
        # column holds ("项目层次 | 资助额度 | 拟支持数量 | 结题研究报告篇幅"), quoted before them, as a topics' table's is;
        # and a column is asked by its name ("报告+篇幅": "结题报告篇幅有什么要求"), as a dated step is
        quotes.insert(quotes.index(_body(term_rows[0].text)), _body(names.text))
        columns = [w for cell in table_cells(names.text) or [] if len(jieba.lcut(cell)) >= 2 for w in _named(cell)]
    if quotes:
        # (and the sentence saying a topic with an amount of its own gets that, not its level's: "附件1中另行标注资助额度的
        # 选题，按标注额度执行", where no quote says it already)
        quotes += [said for p in passages if not p.topic and not p.id.startswith("f-")
                   for said in re.findall(r"[^。；;]+[。；;]?", _body(p.text)) if _OWN_AMOUNT_RULE.search(said)
                   and not any(said.strip("。；; ") in q for q in quotes)][:1]
        fact = _make_fact("funding_levels", "funding", list(dict.fromkeys(quotes)), vocab)
        fact["triggers"] = list(dict.fromkeys([*fact["triggers"], *columns]))
        # in English with the amounts themselves (an English question's answer states them, as the curated one does)
        fact["en"] = "; ".join([*(f"{found.level_en(lv)}: CNY {round(v * 10000):,} ({format_wan(v)}万元) each"
                                  for lv, v in amounts.items()),
                                *(f"{found.level_en(lv)}: no city funding (self-funded)" for lv, said in found.level_quotes.items()
                                  if lv not in amounts and UNFUNDED.search(said))]) + f". (The notice says, in Chinese: {fact['zh']})"
        found.facts.append(fact)
    return amounts


# An article's lead saying when the call was issued ("2月26日，郑州市科学技术局印发《关于组织申报…的通知》（…号），…"):
# its date, in the notice's year when it says none, who issued it, and the notice it names
_ISSUED = re.compile(r"^\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[，,]\s*([^。；;，,《》]{2,30}?)\s*"
                     r"(?:正式)?(?:印发|发布|下发|出台)了?\s*《[^《》]{6,80}?(?:通知|公告)》")


# The notice's own document number, on a line of its own under the issuer's heading ("某科〔2098〕6号", "某科函〔2094〕11号"),
# or a labelled field of its page ("发文字号：某科〔2080〕9号")
_DOC_NUMBER_LINE = re.compile(r"^(?:(?:发文字号|文号)\s*[：:]\s*)?([\u4e00-\u9fff]{1,8}[〔\[［][12]\d{3}[〕\]］]\s*\d{1,4}\s*号)$")
DOC_NUMBER_LEAD = 6  # ... among the notice's first lines (its heading and title), not a regulation cited later
# A notice's title on a line of its own, no sentence ("某市科学技术局关于组织申报2154年度…项目的通知")
_NOTICE_TITLE = re.compile(r"[^。，,；;！？!?《》]{4,80}关于[^。，,；;！？!?《》]{4,80}的通知")


def _doc_number(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """The notice's document number (文号), where its heading gives one on a line of its own."""
    notice = [p for p in passages if p.id.startswith("n-")]
    head = notice[:DOC_NUMBER_LEAD]
    if not any(_DOC_NUMBER_LINE.match(p.text.strip()) for p in head) and (titled := next(
            (k for k, p in enumerate(notice) if _NOTICE_TITLE.fullmatch(p.text.strip())), None)) is not None:
        # (an article reprinting the notice below its own header and lead, "以下为通知全文": the lines under the
        # notice's own title, "…关于…的通知" over "某科〔2153〕23号", are its heading)
        head = notice[titled : titled + DOC_NUMBER_LEAD]
    # (a joint notice's numbers, one per issuer, each on its line: all of them)
    if said_all := [m for p in head if not p.topic and (m := _DOC_NUMBER_LINE.match(p.text.strip()))]:
        fact = _make_fact("doc_number", "other", [m.group(0) for m in said_all], vocab)
        number = "、".join(re.sub(r"\s", "", m.group(1)) for m in said_all)
        fact["zh"], fact["en"] = f"本通知的文号为{number}。", f"The notice's document number (文号) is {number}."
        found.facts.append(fact)


def _issued_on(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """The notice's date when a report of it says so in its lead and it has no dateline of its own."""
    if found.fact("issue_date"):
        return
    for p in passages:
        if p.id.startswith("n-") and not p.topic and (m := _ISSUED.match(p.text)) and (year := m.group(1) or found.meta.get("year")):
            fact = _make_fact("issue_date", "other", [_body(p.text)], vocab)
            when = _zh_date(year, m.group(2), m.group(3))
            fact["zh"] = f"通知印发日期为{when}，由{m.group(4).strip()}印发（通知原文：{_body(p.text)}）。"
            fact["en"] = f"Issued on {_iso(year, m.group(2), m.group(3))} by {m.group(4).strip()}. (The notice says, in Chinese: {_body(p.text)})"
            found.facts.append(fact)
            return


def _counts_total(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """The levels' counts said apart from their total ("今年共设9个定题课题" in an article's lead, "重点项目3项、一般项目
    6项" under its funding heading): the sentence saying the total joins them, when its number is their sum."""
    counts = found.fact("project_counts")
    if not counts or any(_TOTAL_COUNT.search(arabic_numbers(q)) for q in counts["quotes"]):
        return
    said = {(m.group(1), next(g for g in m.groups()[1:] if g)) for q in counts["quotes"] for m in _COUNT.finditer(arabic_numbers(q))}
    if len({level for level, _ in said}) < 2 or len(said) != len({level for level, _ in said}):
        return  # (one level's count, or a level counted twice: no sum to check a total by)
    total = next((p for p in passages if p.id.startswith("n-") and not p.topic and (m := _TOTAL_COUNT.search(arabic_numbers(p.text)))
                  and re.sub(r"\D", "", m.group(0)) == str(sum(int(n) for _, n in said))), None)
    if total is not None:
        found.facts[found.facts.index(counts)] = _make_fact("project_counts", "topics", [_body(total.text), *counts["quotes"]],
                                                            vocab)


# ------------------------------------------------------------------------------------------ meta
def _title_line(lines: list[str]) -> str:
    """The notice's title (a call may be titled as its guide or an announcement: "…项目申报指南", "…申报公告")."""
    # (no sentence: "记者注意到，今年的申报通知有三处调整。" in a report names the notice, it is no title)
    return next((ln for ln in lines[:12] if "通知" in ln and len(ln) <= 80 and not ln.endswith(("。", "？", "！"))), "") or next(
        (ln for ln in lines[:12] if re.search(r"\d{4}\s*年度?.{0,40}(?:指南|公告)$", ln) and len(ln) <= 80), "") or next(
        # ... or any paper on the call, its year and programme named on its first line ("…项目申报工作培训课件"), or
        # a report's headline under its paper's name ("2050年度市软科学研究计划项目启动申报"): no sentence either
        (ln for k, ln in enumerate(lines[:3]) if re.search(r"\d{4}\s*年度?.{0,30}计划", ln) and len(ln) <= 60
         and (k == 0 or not re.search(r"[。，；：,;:]", ln))), "") or next(
        # ... or a service portal's entry for the call, its matter named in its field ("事项名称：市级软科学研究计划项目申报")
        (ln for ln in lines[:30] if _ENTRY_NAME.match(ln)), "")


# A service portal's entry (办事指南): the matter it is for, and the body that carries it out, in labelled fields
_ENTRY_NAME = re.compile(r"^(?:事项名称|服务事项名称|办理事项)\s*[：:]\s*(\S.{3,60})$")
_ENTRY_BODY = re.compile(r"^(?:实施主体|实施机关|实施机构|办理机构)\s*[：:]\s*([\u4e00-\u9fff]{4,20}(?:局|委员会|厅|委|办公室))$")


def _issuer_line(lines: list[str]) -> str:
    """The line naming who issues the notice: its head ("郑州市科学技术局"), else its signature before the dateline."""
    issuer_line = next((ln for ln in lines[:6] if _UNIT.fullmatch(squash(ln)) or re.fullmatch(r"[\u4e00-\u9fff]{4,20}(?:局|委员会|厅|委|办公室)", squash(ln))), "")
    if not issuer_line:  # (an entry's field: "实施主体：淇州市科学技术局")
        issuer_line = next((ln for ln in lines[:40] if _ENTRY_BODY.match(ln)), "")
    if not issuer_line:  # the signature before the dateline
        for i, ln in enumerate(lines):
            # (a dateline in Chinese numerals, "二〇五一年二月二十日", is one as "2051年2月20日" is)
            if _DATELINE.match(read_dates(ln)) and i and re.search(r"(?:局|委员会|厅|委)$", lines[i - 1]):
                issuer_line = lines[i - 1]
                break
    return issuer_line


# A second issuer's name on the line under the first's, as a joint notice heads itself ("…科学技术局" over
# "…社会科学界联合会"): a bureau, a committee, an office, a federation or an association
_CO_ISSUER = re.compile(r"[\u4e00-\u9fff]{4,20}(?:局|委员会|厅|委|办公室|联合会|协会)")


def _co_issuers(lines: list[str], issuer_line: str) -> list[str]:
    """The issuers named on the lines right under the head's issuer line, each a line of its own (a joint notice)."""
    if issuer_line not in lines[:6]:
        return []
    i = lines.index(issuer_line) + 1
    more: list[str] = []
    while i < len(lines) and _CO_ISSUER.fullmatch(squash(lines[i])) and lines[i] != issuer_line:
        more.append(lines[i])
        i += 1
    return more


def _meta(lines: list[str], passages: list[Passage], found: Found) -> None:
    title_line = _title_line(lines)
    title = squash(entry.group(1) if (entry := _ENTRY_NAME.match(title_line)) else title_line)
    year = _year_named(title)
    programme = re.search(r"(?:年度?)?([\u4e00-\u9fff]{2,20}?计划)", title.split("年度")[-1] if "年度" in title else title)
    issuer_line = _issuer_line(lines)
    if not issuer_line and (issue := found.fact("issue_date")) and (lead := _ISSUED.match(issue["quotes"][0])) and (
            _UNIT.fullmatch(lead.group(4).strip())):
        issuer_line = lead.group(4).strip()  # (a report's lead names who issued the call: "…，郑州市科学技术局印发《…》")
    issuer = squash(body.group(1) if (body := _ENTRY_BODY.match(issuer_line)) else issuer_line)
    co_issuers = _co_issuers(lines, issuer_line)
    if co_issuers:
        issuer = "、".join([issuer, *(squash(x) for x in co_issuers)])  # a joint notice's issuers, each named
    # (a title naming no year: the year the call's window opens, "2082年3月2日9:00至…", when it is an entry's)
    window = found.fact("submission_window") if entry else None
    found.meta = {
        "title": title, "issuer": issuer,
        "year": year or (int(window["window"]["opens"][:4]) if window else None),
        "programme": programme.group(1) if programme else "", "quotes": [q for q in (title_line, issuer_line, *co_issuers) if q],
    }
    if not title:
        found.notes.append("标题：找不到含“通知”的标题行。")
    if not issuer_line:
        found.notes.append("发文单位：找不到以局/委/厅结尾的发文单位行。")
    issue = found.fact("issue_date")
    if issue and issuer_line and not _ISSUED.match(issue["quotes"][0]):  # (a lead's sentence names its issuer itself)
        issue["quotes"].extend([issuer_line, *co_issuers])
        dated = squash(issue["quotes"][0])
        # (a dateline in Chinese numerals, "二〇九七年三月五日", said as the notice's dates are beside it)
        read = f"（即{read_dates(dated)}）" if read_dates(dated) != dated else ""
        issue["zh"] = f"落款日期为{dated}{read}，发文单位为{issuer}。"
        issue["en"] = f"Dated {squash(issue['quotes'][0])}, issued by {issuer}."


# The salutation under the title naming whom the notice is sent to ("有关开发区、市辖区科技主管部门，各有关单位："):
# bodies (各…/有关…) and a colon closing the line, before the text begins.
_SALUTATION = re.compile(r"^[^。；;！？?]{0,60}?(?:各|有关)[^。；;！？?]{0,60}?(?:单位|部门|机构|院校|高校|学校|局|委|办|企业|医院)"
                         r"[^。；;！？?]{0,20}?[：:]$")


def _addressee(lines: list[str], found: Found, vocab: dict[str, Any]) -> None:
    """Whom the notice is addressed to: the salutation line between its title and its first heading."""
    title = _title_line(lines)
    start = lines.index(title) + 1 if title in lines else 0
    for line in lines[start: start + 8]:
        text = line.strip()
        if not text:
            continue
        if _SALUTATION.match(squash(text)):
            fact = _make_fact("addressee", "other", [text], vocab)
            fact["zh"] = f"本通知发给：{squash(text).rstrip('：:')}。"
            found.facts.append(fact)
            return
        if len(squash(text)) > 80:  # the text has begun: no salutation
            return


# A place a forwarding office serves, as its name says it ("郑州市中原区科学技术局" -> 中原区, a district: 区), after
# the city or province it lies in
_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}?[省市](?=[\u4e00-\u9fff]{2,}[区县旗]))?([\u4e00-\u9fff]{1,5}?([区县市旗]))")
_PLACE_EN = {"区": "district", "县": "county", "旗": "county", "市": "city"}
# An item of the forwarding office's own text: "一、区级提交时间。…", "（二）…", "2. …", or a note of its own after
# them ("请注意：以上…为学校内部截止时间")
_ITEM_START = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．]|"
                         r"(?:请注意|注意|特别提醒|温馨提示|提醒|注)[：:])")
# An office of an organisation forwarding the notice inside it, as its signature names it ("嵩岳大学科研处"): the
# organisation ("嵩岳大学") and its office ("科研处")
_ORG_OFFICE = re.compile(r"^([\u4e00-\u9fff]{2,16}?(大学|学院|学校|研究院|研究所|科学院|医院))([\u4e00-\u9fff]{2,10}(?:处|办公室|办|部|科|中心))$")
# ... which its own people call by a word of its kind ("学校", "校内")
_ORG_WORDS = {"大学": ["学校", "校内", "我校", "校级", "学校内部"], "学院": ["学校", "校内", "我校", "校级", "学校内部"],
              "学校": ["学校", "校内", "我校", "校级", "学校内部"], "研究院": ["院里", "院内", "我院", "院级"],
              "研究所": ["所里", "所内", "我所", "所级"], "科学院": ["院里", "院内", "我院", "院级"], "医院": ["院里", "院内", "我院", "院级"]}
_ORG_EN = {"大学": "university", "学院": "university", "学校": "university", "研究院": "institute", "研究所": "institute",
           "科学院": "academy", "医院": "hospital"}


def _forwarder_line(lines: list[str]) -> str:
    """Who forwards the notice: the issuer of its own part, or an organisation's office signing it ("嵩岳大学科研处"
    above its date) as an e-mail forwarding the notice inside the organisation is signed."""
    if said := _issuer_line(lines):
        return said
    return next((lines[i - 1] for i, ln in enumerate(lines) if i and _DATELINE.match(read_dates(ln))
                 and _ORG_OFFICE.match(squash(lines[i - 1]))), "")


def _forwarding(passages: list[Passage], found: Found, vocab: dict[str, Any], issuer: str) -> None:
    """What a forwarding office adds to the notice it forwards ("转发…的通知"; passages "f-"): its own items, each
    a fact of the forwarding part, called by the office's place ("区里", "区科技局", "中原区"): an item with a date
    (its own deadline, earlier than the call's) a dates fact, one with a phone a contacts fact, the others process
    facts; and the forwarding itself (its title, number and what it forwards)."""
    part = [p for p in passages if p.id.startswith("f-")]
    # (its items end at its list of annexes, "附件1：…的通知", above its signature and date)
    # (and its signature above them, "嵩岳大学科研处")
    office = squash(issuer)
    end = next((k for k, p in enumerate(part) if p.text.startswith("附件") or p.kind == "dateline"
                or office and squash(p.text) == office and k + 1 < len(part) and part[k + 1].kind == "dateline"), len(part))
    own, signed = part[:end], [p.text for p in part if p.kind == "dateline"][:1]
    if not own:
        return
    place = _PLACE.match(office)
    words = [office] if office else []
    en: list[str] = []
    if org := _ORG_OFFICE.match(office):
        # an office of the organisation the notice is forwarded inside: called by its name, its office's, and its
        # people's word for it ("学校内部截止", "科研处要求…")
        words += [org.group(1), org.group(3), *_ORG_WORDS[org.group(2)]]
        kind = _ORG_EN[org.group(2)]
        en = [kind, f"{kind}+deadline", f"{kind}+internal", f"{kind}+contact", f"{kind}+phone", "research office"]
    elif place:
        name, level = place.group(1), place.group(2)
        words += [name, f"{level}科技局", f"{level}局", f"{level}里", f"{level}级", f"{level}科技部门"]
        if level in _PLACE_EN:
            en = [f"{_PLACE_EN[level]} bureau", f"{_PLACE_EN[level]}+deadline", f"{_PLACE_EN[level]}+contact",
                  f"{_PLACE_EN[level]}+phone"]
    items: list[list[Passage]] = []
    for p in own:
        if not items or _ITEM_START.match(p.text) or p.section != items[-1][-1].section:
            items.append([])
        items[-1].append(p)
    intro = [p for p in items[0] if "转发" in p.text or re.search(r"〔\d{4}〕\s*\d+\s*号", p.text)]
    if intro:
        fact = _make_fact("forwarding", "other", [p.text for p in intro] + signed, vocab)
        fact["triggers"] = list(dict.fromkeys([*fact["triggers"], *words]))
        fact["zh"] = f"本通知由{office}转发：" + fact["zh"]
        fact["en"] = f"This notice is forwarded by {office}. (The notice says, in Chinese: {fact['zh']})"
        found.facts.append(fact)
    roles: dict[str, int] = {}
    deadlines: dict[tuple[int, int], dict[str, Any]] = {}  # its own deadlines' facts by their month and day
    for item in items[1:] if intro else items:
        text = "".join(p.text for p in item)
        dated = _SINGLE.search(read_dates(text))
        if not dated and (days := {(int(m.group(1)), int(m.group(2))) for m in _YEARLESS.finditer(text)}) and all(
                d in deadlines for d in days):
            # a note of its own on a deadline it set, naming its day only ("请注意：以上3月10日为学校内部截止时间，
            # 仅用于科研处审核；…以下方原通知为准"): that deadline's, said with it
            fact = deadlines[next(iter(days))]
            fact["quotes"] += [_body(p.text) for p in item]
            fact["zh"] = fact["zh"].rstrip("。") + "；" + "；".join(_body(p.text).rstrip("。；;") for p in item) + "。"
            continue
        role = "forward_deadline" if dated else "forward_contact" if _PHONE.search(text) else "forward_step"
        roles[role] = roles.get(role, 0) + 1
        fid = role if roles[role] == 1 else f"{role}_{roles[role]}"
        intent = {"forward_deadline": "dates", "forward_contact": "contacts"}.get(role, "process")
        quotes = [_body(p.text) for p in item]
        fact = _make_fact(role, intent, quotes, vocab)
        fact["id"] = fid
        label = _event_name(item[0].text, "") or ""
        fact["triggers"] = list(dict.fromkeys([*fact["triggers"], *words, *en, *([label] if label else [])]))
        fact["zh"] = f"{office}（转发通知）：" + fact["zh"]
        said = f"(the notice says, in Chinese: {fact['zh']})"
        if dated:
            fact["en"] = f"{office}, forwarding the notice, sets its own date: {_iso(*dated.groups())} {said}"
            deadlines.setdefault((int(dated.group(2)), int(dated.group(3))), fact)
        elif role == "forward_contact":
            fact["en"] = f"Enquiries to the forwarding office, {office} {said}"
        else:
            fact["en"] = f"What {office}, forwarding the notice, adds {said}"
        found.facts.append(fact)


# ------------------------------------------------------------------------------------------ topics
def _topic_numbers(tid: str) -> tuple[str, int, int | None]:
    m = re.match(r"^([a-z_]+)-(\d+)(?:-sub-(\d+))?$", tid)
    assert m
    return m.group(1), int(m.group(2)), int(m.group(3)) if m.group(3) else None


def _title_of(heading: str, aliases: dict[str, str] | None = None) -> str:
    heading = NOTE_MARK.sub("", heading).strip()  # "…研究〔注1〕": the mark of the topic's note is no part of its title
    heading = re.split(r"\s+(?:联系处室|联系单位|联系电话|联系人|联系)[：:]", heading)[0]  # "… 联系处室：规划处 …"
    heading = re.sub(r"^(\d+\s*[.、．]\s*)(?:题目|课题名称|名称)[：:]\s*", r"\1", heading)  # "1. 题目：…"
    heading = re.sub(r"^(?:(?:序号|编号)\s*[：:]\s*\d{1,3}\s*[；;]\s*)?(?:课题|选题|项目|研究)?(?:名称|题目)\s*[：:]\s*", "",
                     heading)  # "序号：1；名称：…": a topic's line of fields
    # "（3）[重点] 郑州市…研究。": the level tag after the number is no part of the title
    heading = re.sub(r"^([(（][一二三四五六七八九十\d]+[)）])\s*[\[【［][^\]】］]{1,8}[\]】］]\s*", r"\1", heading)
    text = re.sub(r"^(?:(?:研究)?方向|选题|课题|题目)\s*(?:\d{1,2}|[一二三四五六七八九十]+)\s*(?:[：:、|｜]\s*|[.．](?!\d)\s*|\s+)", "", heading)  # "课题六、…", "选题1 …", "课题1｜…", "选题4. …"
    text = re.sub(r"^\d{1,2}\s*[-—－–]\s*\d{1,2}\s*[、.．]?\s*", "", text)  # "1-2 …": a table row's sub-topic
    text = re.sub(r"^(?:" + LEVEL_ALTERNATION + r")(?:项目|课题)\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[：:、]\s*", "", text)  # "重大项目一：…"
    text = re.sub(r"^(?:【[^】]{1,10}】|\d+(?:\.\d+)+\s|\d+\s*[.、．]|子(?:课题|选题)\s*(?:[①-⑩一二三四五六七八九十\d]+|[A-Za-z](?![A-Za-z]))\s*[、.．：:]?|[①-⑩]\s*[、.．]?|[(（][一二三四五六七八九十\d]+[)）])\s*", "", text)
    text = re.sub(r"[（(][^（）()]*(?:子课题|项目)[^（）()]*[)）]\s*$|【[^【】]{0,6}(?:项目|课题)】\s*$", "", text)
    if tagged := level_tag(text, aliases):
        text = text[: tagged[0].start()]  # "…研究【重点｜8万元】", "…研究（A类）": its level and terms
    return text.strip().rstrip("。")


_CITY = re.compile(r"^[\u4e00-\u9fff]{2,3}?(?<![城都])市")  # "洛滨市科学技术局": the city the issuer is of
_LOCATED = re.compile(r"([\u4e00-\u9fff]{2,4}市)(?:内|行政区域内|辖区内|注册)|注册地(?:在|为|位于)([\u4e00-\u9fff]{2,4}市)")


_PROGRAMME_CITY = re.compile(r"([\u4e00-\u9fff]{2,3})市(?:[软軟]科[学學]|科[学學]技[术術]局|科技局)")


def _programme_city(text: str) -> str:
    """The city whose programme or bureau the text names most often ("2071年度郑州市软科学研究计划": 郑州市, not
    "年度市", the bare "市" of "年度市软科学"): of the two or three characters before "市", the longest that the text
    never names "市" without ("度郑州市" is named less often than "郑州市"; "石家庄市" as often as "家庄市")."""
    names = [m.group(1) for m in _PROGRAMME_CITY.finditer(text)]
    if not names:
        return ""
    name = max(names, key=lambda n: text.count(n[-2:] + "市"))
    short = text.count(name[-2:] + "市")
    return (name if text.count(name + "市") == short else name[-2:]) + "市"


def _located_in(quotes: list[str]) -> tuple[str, str] | None:
    """The sentence saying which city an applying unit must be in, and that city's name ("须为在嵩川市…" is 嵩川市,
    not the words before it; "注册地在郑州市" 郑州市)."""
    where = next((x for x in quotes if _LOCATED.search(x)), None)
    if not where or not (city := _LOCATED.search(where)):
        return None
    return where, re.sub(r"^(?:[须須应應][为為在]|[为為]在|地在|面向|[在于於为為地])+(?=[\u4e00-\u9fff]+市$)", "",
                         city.group(1) or city.group(2))


def _aliases(title: str, city: str = "") -> list[str]:
    """What a topic is called by, short: its title without the city it is of (the notice's own, `city`, as its
    issuer names it: "洛滨市") and without "研究", and the head and the parts of what is left."""
    place = f"{re.escape(city)}|{re.escape(city.removesuffix('市'))}|" if len(city) > 2 else ""
    core = re.sub(r"^(?:" + place + r"我市|本市|基于)", "", title)
    core = re.sub(r"(?:的)?(?:实践与对策研究|路径与对策研究|对策研究|应用研究|研究报告|研究)$", "", core)
    out = [core] if 4 <= len(core) < len(title) else []
    out += [core[:n] for n in (4, 6) if len(core) > n + 1]  # "低空物流那个课题": the head of the title
    for part in re.split(r"[，,、与和及——]|助推|推进|加快|视角下|背景下|基于", core):
        part = re.sub(r"^(?:" + place + r"我市|本市)", "", part)
        if 4 <= len(part) <= 12:
            out.append(part)
    return list(dict.fromkeys(out))


_LIST_GAP = re.compile(r"[\s、，,/／;；]*")  # what parts two items of a list in one cell ("0374-… 0374-…", "…、…")


def _contact_of(own: list[Passage]) -> tuple[list[dict[str, str]], str]:
    """Contacts of a topic: its labelled contact line(s), consecutive (office and phone may be apart)."""
    idx = [i for i, p in enumerate(own) if p.kind == "contact"]
    if not idx:
        idx = [i for i, p in enumerate(own) if _PHONE.search(p.text) and p.kind != "content"]
    if not idx:
        return [], ""
    run = [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
    texts = [own[i].text for i in run]
    joined = " ".join(texts)
    if first := re.search(r"(?:" + CONTACT_LABELS + r"|联系)[：:]", joined):
        joined = joined[first.start():]  # a title line with its contact fields: the title names no office
    body = re.sub(CONTACT_LABELS + r"[：:]", " ", joined)
    contacts: list[dict[str, str]] = []
    unit_m = _UNIT.search(body)
    unit = unit_m.group(1) if unit_m else ""
    last_end = 0
    phones = list(_PHONE.finditer(body))
    listed: dict[int, str] = {}  # a phone's office, when offices listed together are followed by their phones
    for k, m in enumerate(phones):
        seg = body[phones[k - 1].end() if k else 0 : m.start()]
        cell = next((c for c in reversed(re.split(r"[|｜\t]", seg.replace(unit, " ") if unit else seg)) if c.strip()), "")
        offices = list(_OFFICE.finditer(cell)) if _LIST_GAP.fullmatch(_OFFICE.sub("", cell)) else []
        rest = phones[k + 1 : k + len(offices)]
        if len(offices) >= 2 and len(rest) == len(offices) - 1 and all(
                _LIST_GAP.fullmatch(body[a.end() : b.start()]) for a, b in zip([m, *rest], rest, strict=False)):
            # "政策法规处 资源配置处 | 0374-… 0374-…": two offices in a cell, their phones in the next, in order
            listed.update({k + j: o.group(1) for j, o in enumerate(offices)})
    for k, m in enumerate(phones):
        seg = body[last_end : m.start()]
        seg_wo_unit = seg.replace(unit, " ") if unit else seg
        offices = list(_OFFICE.finditer(seg_wo_unit))
        office = listed.get(k) or (offices[-1].group(1) if offices else (contacts[-1]["office"] if contacts else ""))
        contact = {"unit": unit, "office": office, "phone": m.group(0)}
        # a person named between the office and the phone ("规划处 | 李明 67171234", "联系人：王立新，电话："), a name of
        # two characters perhaps spaced out to the width of three ("社会发展处　舒　婷　0697-…": "舒婷")
        named = _PERSON.fullmatch(_SPACED_NAME.sub(r"\1\2", seg_wo_unit[offices[-1].end():] if offices else seg_wo_unit))
        if named and not re.search(_NOT_A_NAME, named.group(1)):
            contact["person"] = named.group(1)
        elif person := next((w for w in reversed(re.split(r"[，,、|｜;；:：\s（()）]+", _without_sentences(seg_wo_unit)))
                             if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", w) and not re.search(_NOT_A_NAME + r"|项目|课题", w)
                             and not _BATCH_CELL.fullmatch(w)), None):
            contact["person"] = person  # the last name-like words before the phone: "重点项目，联系人：王工，电话：…"
        contacts.append(contact)
        last_end = m.end()
    return contacts, "".join(texts)


# A batch's label in a table's cell ("第二批"), no person's name
_BATCH_CELL = re.compile(r"第(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:批次?|组|轮)")


def _without_sentences(seg: str) -> str:
    """A table row's text before a phone less its cells of sentences (what the topic studies, "…梳理检验检测、技术转移、
    知识产权等…"), whose words name no person; any other text as it is."""
    if not re.search(r"[|｜]", seg):
        return seg
    return " | ".join(c for c in re.split(r"[|｜]", seg) if not re.search(r"[，。；]", c))


# Who may apply for a topic: the column of a topics table its header names so ("申报单位限制", "申报要求", "承担单位"),
# a cell of a row saying it with no such header ("仅限高等院校申报", "定向委托…"), or a topic's own clause ("本课题限
# 科研院所申报"); never a quota ("限额申报", "限报2项") nor a deadline ("限期")
_APPLICANTS_COLUMN = re.compile(r"^(?:(?:申报|承担)(?:单位|主体|对象)(?:限制|要求|范围|条件|资格)?|申报(?:限制|要求|范围|资格)|(?:单位)?限制(?:条件)?)$")
_APPLICANTS_LIMIT = r"(?:仅|只)?限(?![额报期时定])[^。；;，,|｜]{1,30}?(?:申报|承担)"
_APPLICANTS_CELL = re.compile(r"^(?:本(?:选题|课题)\s*)?" + _APPLICANTS_LIMIT + r"|^(?:本(?:选题|课题)\s*)?(?:为)?定向委托")
_APPLICANTS_CLAUSE = re.compile(r"本(?:选题|课题)\s*(?:" + _APPLICANTS_LIMIT + r"|[^。；;，,]{0,4}定向委托[^。；;]{0,30})")


def _topic_applicants(own: list[Passage], head: Passage, cells: list[str] | None,
                      header: list[str] | None) -> tuple[str, str] | None:
    """Who may apply for a topic, in the notice's words, and the passage saying it; None where it says nothing."""
    if cells and header and len(header) == len(cells):
        named = [i for i, c in enumerate(header) if _APPLICANTS_COLUMN.match(re.sub(r"\s", "", c))]
        if len(named) == 1:
            return cells[named[0]], head.text
    if cells and (cell := next((c for c in cells if _APPLICANTS_CELL.match(c)), None)):
        return cell, head.text
    for p in own:
        if p.kind != "heading" and (m := _APPLICANTS_CLAUSE.search(p.text)):
            return m.group(0), p.text
    return None


_OFFICE_FIELD = re.compile(r"(?:归口处室|联系处室|责任处室|归口单位|联系单位|归口)[：:]\s*(?:市科技局)?\s*([\u4e00-\u9fff]{1,10}(?:处|室|科|中心|办公室))")


def _office_named(own: list[Passage], cells: list[str] | None, title: str) -> str | None:
    """The office a topic names without a phone: its table row's office cell, or its "归口处室：…" field."""
    if cells and (office := next((c for c in cells if c != title and _OFFICE.fullmatch(c)), None)):
        return office
    return next((m.group(1) for p in own if (m := _OFFICE_FIELD.search(p.text))), None)


def _group_contact(passages: list[Passage], head: Passage) -> Passage | None:
    """The contact line of the group heading a topic is listed under ("（二）高新技术处（联系人：…，电话：…）")."""
    group = head.section.rpartition(" > ")[0]
    return next((p for p in passages if not p.topic and p.kind == "contact" and p.section == group
                 and _PHONE.search(p.text)), None) if " > " in group else None


def _level_heading_amount(passages: list[Passage], head: Passage, level: str) -> Passage | None:
    """The funding line of the level a topic is listed under in its group ("重点课题（每项资助5万元）" over it)."""
    group = head.section.rpartition(" > ")[0]
    return next((p for p in reversed(passages[: passages.index(head)]) if not p.topic and p.kind == "funding"
                 and p.section == group and level_of(p.text) == level and _AMOUNT.search(arabic_numbers(p.text))), None)


def _group_of(head: Passage) -> str | None:
    """The field group a topic's heading sits under ("附件2 申报指南 > （三）社会民生类 > 1. …" -> 社会民生类),
    not a level's section ("一、重大项目")."""
    parts = head.section.split(" > ")
    if len(parts) < 3:
        return None
    label = heading_label(parts[-2])
    return label if label and not level_of(parts[-2]) and not re.search(r"[。，；：,;:]", label) else None


def _topics(passages: list[Passage], found: Found, level_amounts: dict[str, float], vocab: dict[str, Any]) -> None:
    ids = list(dict.fromkeys(p.topic for p in passages if p.topic))
    by_topic: dict[str, list[Passage]] = {}
    for p in passages:
        if p.topic:
            by_topic.setdefault(p.topic, []).append(p)
    sub_level: dict[str, str] = {}
    groups: dict[str, int] = {}
    # "第二批选题" over topics numbered from 1 again: each topic below it is in that batch, called by its place there
    batch_of: dict[str, str] = {}
    batch = None
    topic_word = "选题"
    for p in passages:
        if p.kind == "title" and not p.topic and (m := BATCH_HEAD.match(p.text)):
            batch = m.group(1)
        elif batch and p.topic and p.kind == "heading":
            batch_of.setdefault(p.topic, batch)
    # the city the notice is of, which its topics' titles open with: as its issuer names it ("洛滨市科学技术局": 洛滨市),
    # or, where no issuer is found (a news report, a forwarded mail), as the city applying units must be in
    city = m.group(0) if (m := _CITY.match(squash(str(found.meta.get("issuer") or "")))) else ""
    if not city and (app := found.fact("applicants")) and (located := _located_in(app["quotes"])):
        city = located[1]
    city = city or _programme_city("\n".join(p.text for p in passages))
    texts = [p.text for p in passages]
    for tid in tqdm(ids, desc="topics", unit="topic", leave=False):
        own = by_topic[tid]
        level, num, sub = _topic_numbers(tid)
        head = next((p for p in own if p.kind == "heading"), own[0])
        cells = table_cells(head.text)  # a topic given as a table row
        header = row_header(texts, passages.index(head)) if cells else None
        title = row_title(cells, header) if cells else _title_of(head.text, found.aliases)
        parent = f"{level}-{num}" if sub else None
        if cells and header and (batch_cell := next((c for h, c in zip(header, cells, strict=False)
                                                     if re.fullmatch(r"(?:所属)?批次|批", h.strip()) and _BATCH_CELL.fullmatch(c)), None)):
            # a table's column of batches ("序号 | 批次 | 选题名称 | …", "7 | 第二批 | …"): the topic is in that batch
            batch_of.setdefault(tid, batch_cell.removesuffix("次"))
            # (what the notice calls a topic, by its column of titles: "课题名称" -> 课题)
            topic_word = next((m.group(1) for h in header if (m := re.match(r"(选题|课题|题目|方向)", h.strip()))), "选题")
        if sub:
            # its own fields' level ("（B类，每项不超过8万元；…）"), or "子课题为重点项目" in the parent's heading or
            # the guide
            assert parent is not None  # set above for a sub-topic
            lv = found.level_in("".join(p.text.removeprefix(head.text) for p in own if p is not head))
            lv = lv or sub_level.get(parent)
            level = lv or ("key" if level == "major" else level)
        else:
            m = re.search(r"子课题为(" + LEVEL_ALTERNATION + r")项目", head.text + " ".join(p.text for p in passages if not p.topic))
            if m:
                sub_level[tid] = WORD_LEVEL[m.group(1)]
                if not found.fact("subtopic_level"):
                    # "（含 7 个子课题，子课题为重点项目）": what level the sub-topics are, and that level's amount
                    said = re.search(r"[^（(，,。]*子课题[^（(。]*?子课题为(?:" + LEVEL_ALTERNATION + r")项目", m.string)
                    quotes = [said.group(0).strip() if said else m.group(0)]
                    lv = sub_level[tid]
                    if lv in found.level_quotes:
                        quotes.append(found.level_quotes[lv])
                    fact = _make_fact("subtopic_level", "topics", quotes, vocab)
                    fact["en"] = (f"The sub-topics are {LEVEL_EN[lv].lower()}s. (The notice says, in Chinese: {fact['zh']})")
                    found.facts.append(fact)
        topic: dict[str, Any] = {
            "id": tid, "parent": parent, "level": level,
            "label": f"子课题{circled(sub)}" if sub else f"{found.level_name(level)}{num}",
            "label_en": f"Sub-topic {sub}" if sub else f"{found.level_en(level)} {num}",
            "title": title, "title_en": title, "title_quote": head.text,
        }
        if said_en := found.english.get(head.text):
            # the notice's own English for the title, as a bilingual edition gives it (its number left out)
            topic["title_en"] = re.sub(r"^(?:\d{1,2}\s*[.、．)）]|[(（]\d{1,2}[)）])\s*", "", said_en)
        if sub and (dashed := re.match(r"^(\d{1,2})\s*[-—－–]\s*(\d{1,2})(?!\d)", head.text)):
            # "1-2 郑州市…研究", "子课题B：…": the sub-topic is called by the notice's own number or letter
            topic["label"], topic["label_en"] = f"子课题{dashed.group(1)}-{dashed.group(2)}", f"Sub-topic {dashed.group(1)}-{dashed.group(2)}"
        elif sub and (lettered := re.match(r"^子(?:课题|选题)\s*([A-Za-z])(?![A-Za-z])", head.text)):
            topic["label"], topic["label_en"] = f"子课题{lettered.group(1).upper()}", f"Sub-topic {lettered.group(1).upper()}"
        if cells and cells[0].isdigit():
            topic["serial"] = int(cells[0])  # the table's running number ("序号")
        elif cells and (code := TOPIC_CODE.fullmatch(cells[0])):
            # the table's code for it ("R07"): its label, and its number the running one
            topic["label"], topic["label_en"] = cells[0], f"Topic {cells[0]}"
            topic["serial"] = int(code.group(2))
        elif block := block_number(head.text):
            # a labelled block is called by its own label and number ("【指南方向3】": 指南方向3, its serial 3;
            # "方向三：…": 方向三)
            word, n = block
            own_number = re.match(r"^【?[^】\d一二三四五六七八九十]{0,8}(\d{1,2}|[一二三四五六七八九十]+)", head.text)
            topic["serial"] = n
            if word:  # ("（3）…": a running number only, the topic keeps its level's label)
                topic["label"] = f"{word}{own_number.group(1) if own_number else n}"
                # (a code, "【RC-B02】", is its name in English too: its number alone is RC-A02's as well)
                topic["label_en"] = f"Topic {topic['label']}" if code_key(topic["label"]) else f"Topic {n}"
        # ("资助额度：二十五万元": 25万元)
        # (or its title's closing tag, "…研究【重点｜8万元】")
        # (or its level's field with an amount of its own, "项目类别：重点项目（本选题资助额度为12万元）", which the level's
        # amount does not override)
        # (or its title's own note of it, "…研究（本选题资助200千元）")
        fund = next((p for p in own if (p.kind in ("funding", "level") or p is head and (
                        cells or _tag_amount(p.text, found) or _OWN_AMOUNT_NOTE.search(arabic_numbers(p.text))))
                     and _AMOUNT.search(arabic_numbers(p.text))), None)
        if fund:
            fund_amount = _AMOUNT.search(arabic_numbers(fund.text))
            assert fund_amount is not None  # `fund` was chosen for matching _AMOUNT
            topic["funding_wan"] = float(fund_amount.group(1))
            topic["funding_quote"] = fund.text
        elif under := _level_heading_amount(passages, head, level):
            # listed under its level's own line in its group ("重点课题（每项资助5万元）"): that line's amount, which
            # another group's same level need not share
            amount = _AMOUNT.search(arabic_numbers(under.text))
            assert amount is not None  # chosen for matching _AMOUNT
            topic["funding_wan"], topic["funding_quote"] = float(amount.group(1)), under.text
        elif level in level_amounts:
            topic["funding_wan"] = level_amounts[level]
            if level in found.level_quotes:
                topic["funding_quote"] = found.level_quotes[level]  # "（一）重大课题（每项资助30万元）"
            found.notes.append(f"{topic['label']}（{title}）：没有本课题的经费行，经费取{found.level_name(level)}的额度"
                               f"{level_amounts[level]:g}万元。")
        elif UNFUNDED.search(found.level_quotes.get(level, "")):
            # a level the notice funds with no city money ("C类项目。为自筹经费项目，市财政不予资助"): its topics' funding is that
            topic["funding_quote"] = found.level_quotes[level]
        else:
            found.notes.append(f"{topic['label']}（{title}）：找不到经费。")
        contacts, contact_quote = _contact_of(own)
        above = next((t for t in found.topics if t["id"] == parent and t.get("contacts")), None) if parent else None
        if contacts:
            topic["contacts"], topic["contact_quote"] = contacts, contact_quote
        elif above:
            # a sub-topic named on one line, its topic's contact after the list: that contact is its own
            topic["contacts"], topic["contact_quote"] = above["contacts"], above["contact_quote"]
        elif not sub and (listed := _group_contact(passages, head)):
            # listed under its office's heading, which gives the contact ("（二）高新技术处（联系人：…，电话：…）")
            heading = heading_label(head.section.split(" > ")[-2])
            topic["contacts"] = [{**c, "office": c["office"] or (heading if _OFFICE.fullmatch(heading) else "")}
                                 for c in _contact_of([listed])[0]]
            topic["contact_quote"] = listed.text
        elif (office := _office_named(own, cells, title)) and (listed := next(
                (p for p in passages if not p.topic and office in p.text and _PHONE.search(p.text)), None)):
            # the topic names its office only ("归口处室：规划统计处"); the notice's list of offices has its phone
            found_contacts = _contact_of([listed])[0]
            topic["contacts"] = [c for c in found_contacts if c["office"] == office] or found_contacts
            topic["contact_quote"] = listed.text
        else:
            found.notes.append(f"{topic['label']}（{title}）：找不到联系单位/电话。")
        # (a line naming the topic again, "9. 郑州市…研究。", before what it studies, is not what it studies)
        content = [p for p in own if p.kind in ("content", "text", "deliverable") and p.id != head.id
                   and _TITLE_ECHO.sub("", squash(p.text)) != squash(title) and not footnote(p.text)]
        report_ps = sorted((p for p in content if _REPORT.search(p.text) and re.search(r"形成|提交|完成|成果", p.text)),
                           key=lambda p: ("形成《" not in squash(p.text) and "成果" not in p.text, p.order))
        deliver = [p for p in own if p.kind == "deliverable"]
        if report_ps:
            topic["reports"] = list(dict.fromkeys(r for p in report_ps for r in _REPORT.findall(p.text)
                                                  if "报告" in r or "方案" in r or "建议" in r or "研究" in r))
            topic["report_quote"] = _body(report_ps[0].text)
            topic["report_quotes_more"] = [_body(p.text) for p in report_ps[1:]]
        elif deliver:
            topic["reports"] = [re.sub(r"^[^：:]{2,8}[：:]", "", deliver[0].text).strip().rstrip("。")]
            topic["report_quote"] = deliver[0].text
        else:
            found.notes.append(f"{topic['label']}（{title}）：找不到成果形式（《…报告》）。")
        focus = next((p for p in content if re.search(r"本研究|本项目|本课题|研究需|需要|重点", p.text)
                      and p.kind != "deliverable"), None) or (content[0] if content else None)
        if not focus and cells and (studies := max((c for c in cells if c != title and re.search(r"[，；]", c)), key=len, default="")):
            # a table row with a column of what the topic studies ("…现状，研究…机制，提出…建议"): that cell
            topic["focus_quote"] = studies.rstrip("。；")
        if focus:
            topic["focus_quote"] = _NOISE.sub("", focus.text).rstrip("。；")
            # The topic's numbered content points ("1.1 创新投入…") are what else it is asked to do.
            points = [p.text.rstrip("。；;") for p in own if p.kind == "content" and p is not focus and _DOTTED_POINT.match(p.text)]
            if points:
                topic["references"] = [{"zh": x, "en": f"(in the notice's words) {x}", "quote": x} for x in points]
        for p in own:
            if p is not head and (note := footnote(p.text)):
                # the note its heading marks ("课题9：…研究〔注2〕" over "注2：课题9面向青年科技人员，项目负责人年龄不超过
                # 40周岁"): what else the topic asks, as the notice says it
                asks = note[1].rstrip("。；;")
                topic.setdefault("references", []).append({"zh": asks, "en": f"(in the notice's words) {asks}", "quote": p.text})
        if due := next((p for p in own if p is not head and (_TOPIC_DUE.search(p.text) and _SINGLE.search(read_dates(p.text))
                                                            or _TOPIC_PERIOD.search(read_dates(p.text)))), None):
            topic["due_quote"] = due.text  # its own completion date, apart from the call's
        if who := _topic_applicants(own, head, cells, header):
            topic["applicants"], topic["applicants_quote"] = who
        topic["aliases"] = _aliases(title, city)
        if dotted := re.match(r"^\d{1,2}(?:\.\d{1,2}){2,}(?=\s)", head.text):
            topic["aliases"].append(dotted.group())  # "5.2.3": the notice's own number for it
        elif not sub and (dotted := re.match(r"^\d{1,2}\.\d{1,2}(?=\s)", head.text)):
            # "2.3 …研究", numbered within its group ("方向二"): called by that number, its level in its fields
            topic["aliases"].append(dotted.group())
            topic["label"], topic["label_en"] = f"课题{dotted.group()}", f"Topic {dotted.group()}"
        if not sub and (group := batch_of.get(tid) or _group_of(head)):
            # "社会民生类第2个选题": the topic's place in the field group it is listed under
            groups[group] = groups.get(group, 0) + 1
            topic["group"], topic["group_number"] = group, groups[group]
            if tid in batch_of:
                # called by its batch and its place there, its level beside ("第二批选题3（重点项目）"): the level's
                # running number ("重点项目5") is no number the notice gives it
                k = re.fullmatch(r"第(\d{1,3}|[一二三四五六七八九十]{1,3})(批|组|轮)次?", group)
                said_en = f"{dict(批='batch', 组='group', 轮='round')[k.group(2)]} {number_of(k.group(1))}" if k else group
                topic["label"] = f"{group}选题{groups[group]}（{found.level_name(level)}）"
                topic["label_en"] = f"Topic {groups[group]} of {said_en} ({found.level_en(level).lower()})"
        found.topics.append(topic)
    counts: dict[str, int] = {}
    for t in found.topics:
        for alias in t["aliases"]:
            counts[alias] = counts.get(alias, 0) + 1
    # (nor does one the name of a field group holds: "科技创新", the head of one title, in "产业科技创新方向", names
    # that group, whose topics a question asks for by it)
    named_groups = {t["group"] for t in found.topics if t.get("group")}
    for t in found.topics:  # an alias two topics share names neither
        t["aliases"] = [a for a in t["aliases"] if counts[a] == 1 and not any(a in g for g in named_groups)]
    serials = [t["serial"] for t in found.topics if "serial" in t and not t["parent"]]
    if len(serials) != len(set(serials)):  # numbers restarting in each level are no running number
        for t in found.topics:
            t.pop("serial", None)
    batched = [t for t in found.topics if t["id"] in batch_of and t.get("serial")]
    through = any(t["serial"] != t.get("group_number") for t in batched)
    # numbered through the batches ("选题7" the second batch's first): each is called by the notice's own number, its
    # batch and level beside ("选题9（第二批，重点项目）"), not by its place in its batch
    for t in batched if through else []:
        k = re.fullmatch(r"第(\d{1,3}|[一二三四五六七八九十]{1,3})(批|组|轮)", t["group"])
        said_en = f"{dict(批='batch', 组='group', 轮='round')[k.group(2)]} {number_of(k.group(1))}" if k else t["group"]
        t["label"] = f"{topic_word}{t['serial']}（{t['group']}，{found.level_name(t['level'])}）"
        t["label_en"] = f"Topic {t['serial']} ({said_en}, {found.level_en(t['level']).lower()})"
    for t in found.topics:  # sub-topic levels are known once their parent is
        if t["parent"] and t["parent"] in sub_level:
            t["level"] = sub_level[t["parent"]]
    # Each level by the notice's own name for it ("重大课题" where it says 课题 rather than 项目).
    text = "".join(p.text for p in passages)
    def name(lv: str) -> str:
        word = LEVEL_NAMES[lv][:2]
        base = f"{word}课题" if text.count(f"{word}课题") > text.count(f"{word}项目") else LEVEL_NAMES[lv]
        alias = next((a for a, v in found.aliases.items() if v == lv), None)
        if alias and found.lettered:
            # a class the notice names by its letter alone ("A类项目"): its own name, not a level word it never says
            return f"{alias}课题" if text.count(f"{alias}课题") > text.count(f"{alias}项目") else f"{alias}项目"
        return f"{alias}（{base}）" if alias else base  # "A类（重大项目）", as the notice defines it
    # (and a level funded at an amount of its own whose projects take another level's topics: "青年项目每项资助3万元"
    # beside "青年项目…可从一般类课题中任选一个申报")
    found.levels = {lv: name(lv) for lv in dict.fromkeys([*(t["level"] for t in found.topics),
                                                          *(level_amounts if found.topics else [])])} or {
        "major": LEVEL_NAMES["major"], "key": LEVEL_NAMES["key"]}


# ------------------------------------------------------------------------------------------ rules
def _bi(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


# A unit type named in brackets after the count it is given ("每个单位限报数为5项（高等院校）"): read as its subject
_TYPE_AFTER_COUNT = re.compile(r"((?:限报|不超过|最多推荐|最多申报)[^。；;，,（(]{0,4}?(?:\d+|[一二两三四五六七八九十]{1,2})\s*项)\s*[（(]("
                               + "|".join(w for w, _ in ORG_WORDS) + r")[)）]")


# A sentence admitting a unit type besides those listed ("经备案的新型研发机构，可参照科研院所申报"): the types before it
_ADMITS = re.compile(r"(?:均|也|亦)?(?:可|可以)(?:参照[^。；;，,]{0,12})?(?:申报|作为申报(?:单位|主体))|参照[^。；;，,]{0,12}(?:申报|执行)")


def _rules(found: Found) -> None:
    app = found.fact("applicants")
    if app:
        # the sentence naming who may apply, not one that excludes some
        q = next((x for x in app["quotes"] if not EXCLUSION.search(x) and any(w in x for w, _ in ORG_WORDS)),
                 app["quotes"][0])
        allowed: list[str] = []
        # Unit types a clause excludes ("企业、社会组织和个人不在本次申报范围内") are not among the allowed.
        rest = "".join(c for c in re.split(r"(?<=[。；，,])", q) if not EXCLUSION.search(c))
        if re.search(LIST_INTRO, app["quotes"][0]):
            # the sentence introducing them as a list, and the list's items
            q = app["quotes"][0]
            rest = "。".join(x for x in app["quotes"][1:] if not EXCLUSION.search(x) and x not in found.excluding)
        for word, value in ORG_WORDS:
            if word in rest:
                allowed.append(value)
                rest = rest.replace(word, "")
        # (a type its note admits besides: "…和其他事业单位〔注1〕" with "注1：经备案的新型研发机构，可参照科研院所申报")
        for note in found.footnoted.get(q, []):
            for said in re.split(r"[。；;]", note):
                if (admits := _ADMITS.search(said)) and not EXCLUSION.search(said):
                    allowed += [value for word, value in ORG_WORDS if word in said[: admits.start()]]
        allowed = list(dict.fromkeys(allowed))
        # the notice's own sentence excluding some types, said with the refusal
        cases = found.fact("exclusions")
        excluded = next((x for x in app["quotes"] if x != q and (EXCLUSION.search(x) or x in found.excluding)
                         and any(w in x for w, _ in ORG_WORDS + PERSON_WORDS)), None) or next(
            # ... or the case of the notice's list of exclusions naming them ("以企业、社会组织名义申报的，…")
            (x for x in (cases["quotes"][1:] if cases else [])
             if _EXCLUDED_TYPES.search(x) and not any(w in x for w, v in ORG_WORDS if v in allowed)), None)
        if not allowed:
            # An exclusion alone names no unit type that may apply: a rule admitting none would refuse everyone.
            found.notes.append(f"申报对象：这句话没有列出可申报的单位类型，单位类型规则未生成：{q}")
        else:
            found.org_types = {k: ORG_ZH[k] for k in dict.fromkeys(
                [*allowed, "university", "research_institute", "public_institution", "enterprise",
                 "social_organization", "individual", "other"])}
            names = "、".join(ORG_ZH[a] for a in allowed)
            pass_zh = f"单位类型属于申报对象（{names}）。"
            pass_en = "The unit type is eligible (" + ", ".join(ORG_EN.get(a, a) for a in allowed) + ")."
            # what one type must be besides, in a sentence of its own ("企业申报的，须为在有效期内的高新技术企业")
            conditions: dict[str, dict[str, str]] = {}
            for x in app["quotes"]:
                if (cond := _TYPE_CONDITION.search(x)) and (kind := next((v for w, v in ORG_WORDS if w in cond.group(0)), None)) \
                        and kind in allowed:
                    said = x[x.rfind("。", 0, cond.start()) + 1:]  # (its sentence, not the label before it: "企业申报条件。")
                    conditions.setdefault(kind, _bi(pass_zh + said, f"{pass_en} (Notice: “{said}”)"))
            found.rules.append({
                "id": "org_type", "check": "one_of", "field": "org_type", "allowed": allowed, "quote": q,
                **({"pass_by_value": conditions} if conditions else {}),
                "pass": _bi(pass_zh, pass_en),
                "fail": _bi(f"申报对象仅限{names}。" + (excluded or ""),
                            "Only " + ", ".join(ORG_EN.get(a, a) for a in allowed) + " may apply."
                            + (f" (Notice: “{excluded}”)" if excluded else "")),
            })
        # The legal-person and location conditions may be a sentence of their own beside it.
        legal = next((x for x in app["quotes"] if "法人" in x and not _SUBUNIT.search(x)), None) or next(
            (x for x in app["quotes"] if "法人" in x), None)
        if legal:
            # (and what a unit inside another does instead, as the notice says it)
            inside = next((x for x in app["quotes"] if _SUBUNIT.search(x) and x != legal), "")
            found.rules.append({"id": "independent_legal_person", "check": "equals", "field": "independent_legal_person",
                                "value": True, "quote": legal, "pass": _bi("单位具有独立法人资格。", "The unit is an independent legal person."),
                                "fail": _bi("申报单位须具有独立法人资格。" + (f"通知原文：“{inside}”" if inside else ""),
                                            "The applying unit must be an independent legal person."
                                            + (f" (Notice: “{inside}”)" if inside else ""))})
        if located := _located_in(app["quotes"]):
            where, name = located
            found.city = found.city or name
            found.rules.append({"id": "location", "check": "equals", "field": "located_in_zhengzhou", "value": True,
                                "quote": where, "pass": _bi(f"单位位于{name}内。", "The unit is located in the city."),
                                "fail": _bi(f"申报单位须为{name}内的单位。", "The applying unit must be located in the city.")})
    else:
        found.notes.append("申报对象：找不到“申报对象”一句，单位类型规则未生成。")
    credit = found.fact("credit")
    if credit:
        q = next((x for x in credit["quotes"] if BLACKLIST.search(x)), credit["quotes"][0])
        if BLACKLIST.search(q):
            found.rules.append({"id": "credit", "check": "equals", "field": "credit_blacklisted", "value": False, "quote": q,
                                "pass": _bi("单位和负责人无信用“黑名单”记录。", "Neither the unit nor the leader is on the credit blacklist."),
                                "fail": _bi("项目负责人或申报单位有信用“黑名单”记录的不得申报。", "A unit or leader on the credit blacklist may not apply.")})
        # (a misconduct record, not the list of dishonest entities: "列入严重失信主体名单" is the blacklist)
        # (a record said without "严重", "科研失信行为…惩戒期内", before the list of dishonest entities that says it)
        q = next((x for x in credit["quotes"] if "严重失信" in x and not BLACKLIST.search(x)), None) or next(
            (x for x in credit["quotes"] if "失信" in x and not BLACKLIST.search(x)), None) or next(
            (x for x in credit["quotes"] if "严重失信" in x), None) or next(
            (x for x in credit["quotes"] if "失信" in x), q)
        if "失信" in q:
            found.rules.append({"id": "misconduct", "check": "equals", "field": "serious_misconduct_in_penalty", "value": False,
                                "quote": q, "pass": _bi("无在惩戒执行期内的科研严重失信行为记录。", "No serious research-misconduct record in its penalty period."),
                                "fail": _bi("有在惩戒执行期内的科研严重失信行为记录的不得申报。", "A serious research-misconduct record in its penalty period rules the application out.")})
    _leader_rules(found)
    simple = [
        ("one_per_leader", "one_per_leader", "at_most", "applications_this_year", 0,
         ("负责人本年度尚未申报其他项目。", "The leader has no other application this year."),
         ("同一个项目负责人在本年度只能申报一个项目，已申报过的不能再报。", "A leader may submit only one application this year and already has one.")),
        ("overdue_projects", "overdue_project", "equals", "overdue_city_project", False,
         ("负责人没有逾期未结题的项目。", "The leader has no overdue, unclosed project."),
         ("负责人承担的项目逾期未结题，不得申报。", "A leader with an overdue, unclosed project may not apply.")),
        ("classified", "classified", "equals", "classified_content", False,
         ("项目不含涉密内容。", "The project has no classified content."),
         ("不接受涉密内容项目申报。", "Projects with classified content are not accepted.")),
        ("duplicate_funding", "duplicate_funding", "equals", "already_city_funded", False,
         ("该项目未获得过财政资金支持。", "The project has not received city funding before."),
         ("同一项目已获得财政资金支持的，不得重复申请。", "A project that already received funding may not apply again.")),
        ("single_recommender", "single_recommender", "at_most", "recommending_departments", 1,
         ("单位通过单个推荐部门申报。", "The unit applies through a single recommending department."),
         ("同一申报单位须通过单个推荐部门申报，不得多头申报（现为{value}个部门）。", "A unit must apply through one recommending department only (now {value}).")),
    ]
    for role, rid, check, fld, val, ok, bad in simple:
        fact = found.fact(role)
        if not fact:
            continue
        q = fact["quotes"][0]
        if role == "classified":
            q = next((c for c in re.split(r"[。；]", q) if re.search(r"涉密|国家秘密", c)), q)
        rule: dict[str, Any] = {"id": rid, "check": check, "field": fld, "quote": q, "pass": _bi(*ok), "fail": _bi(*bad)}
        rule["limit" if check == "at_most" else "value"] = val
        found.rules.append(rule)
    quota = found.fact("quota")
    if quota:
        # the quota per unit type may be a line each ("高等院校：不超过6项；"), or a table's row, its notes after it
        # ("高等院校 | 限报4项 | 含…研究生院": a row ends where the next type's begins)
        # (a sentence raising the quota of units in a case, "建有…新型研发机构的单位，在上表限额基础上增加1项", gives no
        # type a quota of that number: the fact says it, the rule keeps each type's own)
        # (a changed quota read as its new value: "每单位限报数由3项调整为5项"; a type named in brackets after its count,
        # "限报数为5项（高等院校）", that type's)
        q = "".join(_TYPE_AFTER_COUNT.sub(r"\2\1", current(_with_subject(x, ORG_WORDS)))
                    + ("；" if table_cells(x) or _SPACED_ROW.match(x) else "")
                    for x in quota["quotes"] if not _QUOTA_RAISE.search(x))
        per: dict[str, int] = {}
        named: dict[str, dict[str, int]] = {}  # unit type -> a unit the notice names -> its own quota
        others: int | None = None
        # ("高等院校 ▶ 限报 6 项": an arrow, as a slide writes it, for the colon; "其他高校  各2项": a row set with spaces)
        for m in re.finditer(r"([\u4e00-\u9fff、，,和及（）()]{2,30}?)(?:\s*[：:▶►→➤|｜]?\s*(?:每家|每个?单位|各单位|各)?"
                             r"(?:限报|不超过|最多推荐|最多申报)|\s*[|｜]\s*(?:各|每家)?(?=\d+\s*项)|\s*[|｜]|(?=\d+\s*项)|\s+(?:各|每家)?(?=\d+\s*项))"
                             r"\s*(?<!第)(\d+|[一二两三四五六七八九十]{1,2})\s*项", q):
            group = m.group(1)  # ("…按本通知第一部分第4项执行": an item of the notice, no count)
            typed = False
            for word, value in ORG_WORDS:
                if word in group:
                    per.setdefault(value, number_of(m.group(2)))  # "不超过五项" as "不超过5项"
                    group = group.replace(word, "")
                    typed = True
            if not typed and (unit := _NAMED_UNIT.search(group)):
                # a unit named with its own quota ("郑州大学 6项" above "其他高校 各2项"): its type's, apart
                named.setdefault(_named_unit_type(unit.group(0)), {}).setdefault(unit.group(0), number_of(m.group(2)))
            if re.search(r"其[他它](?:各类)?单位|^[^、，,]{0,4}(?:每个?|各)(?:申报)?单位", group):
                others = number_of(m.group(2))  # "其他单位不超过2项", "每个申报单位…不超过3项": every type not named
        for m in re.finditer(r"([\u4e00-\u9fff、]{2,20}?)(?:可)?(?:放宽|增加|提高|上调|调增)(?:至|到)\s*(\d+|[一二两三四五六七八九十]{1,2})\s*项", q):
            for word, value in ORG_WORDS:  # "高等院校可放宽至6项", "本年度新型研发机构每单位限报数增加至3项": that type's own
                # (not for the units of a case the Profile cannot state: "绩效评价为优秀的新型研发机构限报数增加至4项")
                if word in m.group(1) and "的" not in m.group(1)[: m.group(1).index(word)]:
                    per[value] = number_of(m.group(2))
        # a type's lower quota for units in a case the Profile cannot state ("2074年度有项目逾期未结题的单位，按上表
        # 第三列核减后的限额申报" beside a table's rows "高等院校 | 9项 | 4项"; "…的单位，申报限额减半")
        cut = next((x for x in quota["quotes"] if _QUOTA_CUT.search(x) and not table_cells(x)), None)
        reduced: dict[str, int] = {}
        if cut:
            for x in quota["quotes"]:
                cells = table_cells(x) or []
                kind = next((v for w, v in ORG_WORDS if cells and w in cells[0]), None)
                counts = [number_of(n.group(1)) for c in cells[1:] if (n := re.fullmatch(
                    r"(?:每个?单位|每家|各)?(?:限报|不超过)?\s*(\d+|[一二两三四五六七八九十]{1,2})\s*项", c.strip()))]
                if kind in per and len(counts) >= 2 and min(counts) < per[kind]:
                    reduced[kind] = min(counts)
            for m in re.finditer(r"([\u4e00-\u9fff、]{2,12}?)(?:每个?单位|每家|各)?(?:限报|不超过)\s*(\d+|[一二两三四五六七八九十]{1,2})\s*项", cut):
                for word, value in ORG_WORDS:  # "…的单位，高等院校限报4项": that type's lower quota, said in the sentence
                    if word in m.group(1) and value in per and number_of(m.group(2)) < per[value]:
                        reduced.setdefault(value, number_of(m.group(2)))
            if not reduced and "减半" in cut:
                reduced = {k: v // 2 for k, v in per.items()}  # (half of an odd quota read down: undecided from there)
        org_rule = next((r for r in found.rules if r["id"] == "org_type"), None)
        if others is not None and org_rule:
            for value in org_rule["allowed"]:  # the unit types that may apply, each not named
                per.setdefault(value, others)
        if per or named:
            # the quota sentence (or, with a line per unit type, the first line stating a number)
            first = next((x for x in quota["quotes"] if re.search(r"(?:\d+|[一二两三四五六七八九十])\s*项", x)), quota["quotes"][0])
            if named and quota["quotes"][0].rstrip().endswith(("：", ":")):
                first = quota["quotes"][0]  # (a table of units, each row one unit's: the sentence over it is the rule's)
            clause = re.sub(r"^申报指标[。：:]\s*", "", first.split("根据")[0]).rstrip("。；，,：: ")
            text = "，".join(f"{ORG_ZH[k]}限报{v}项" for k, v in per.items())
            if named:
                # (the named units' own quotas said first, the others of their type after them; asked by their names)
                text = "，".join([*(f"{unit}限报{v}项" for units in named.values() for unit, v in units.items()),
                                  *(f"{'其他' if k in named else ''}{ORG_ZH[k]}限报{v}项" for k, v in per.items())])
                quota["triggers"] = [*quota.get("triggers", []), *(u for units in named.values() for u in units)]
            if reduced:
                # (said with every verdict the lower quota leaves undecided: the notice's case, and each type's number)
                assert cut is not None
                text += "。" + _body(cut).rstrip("。") + "（" + "，".join(f"{ORG_ZH[k]}限报{v}项" for k, v in reduced.items()) + "）"
            found.rules.append({
                "id": "org_quota", "check": "below_quota", "field": "org_quota_used", "quota_by_org_type": per,
                **({"quota_by_named_unit": named} if named else {}),
                **({"reduced_quota_by_org_type": reduced} if reduced else {}),
                "quote": clause,
                "pass": _bi("单位已推荐{value}项，未达到限报{limit}项。", "The unit has put forward {value}, below its quota of {limit}."),
                "fail": _bi("单位已推荐{value}项，已达到限报{limit}项的指标。", "The unit has already put forward {value}, reaching its quota of {limit}."),
                "unknown": _bi(text + "。", "; ".join(f"{ORG_EN.get(k, k)}: {v}" for k, v in per.items()) + "."
                               + (" Units in the case the notice names get a lower quota (" + "; ".join(
                                   f"{ORG_EN.get(k, k)}: {v}" for k, v in reduced.items()) + "), so it depends on that."
                                  if reduced else "")),
            })
        else:
            found.notes.append(f"申报指标：找到“限报”一句但认不出单位类型与项数：{q}")
    for rule in found.rules:
        if rule["id"] == "org_type":
            continue


# A clause naming who does not qualify ("具有博士学位但未取得正高级职称的，不得担任…")
_NEGATED_QUALIFICATION = re.compile(r"未取得|不具备|不具有|但未|不得担任|不能担任")
_ANSWER_MARK = re.compile(r"^(?:(?:答|A)\s*[：:]|\d{1,2}[)）])\s*")  # an FAQ's answer, "答：重大项目负责人须…"
# What a case may lead, said after it ("…的，可作为重大项目负责人申报", "…的，也可以担任重点项目负责人")
_MAY_LEAD = re.compile(r"^\s*(?:均|也|亦)?(?:可|可以|允许|能够?)(?:作为|担任|申报|牵头)")
# ... or what it may not ("未取得副高级…职称且不具有博士学位的，不得作为重点项目负责人申报")
_MAY_NOT_LEAD = re.compile(r"^\s*(?:均|也|亦|则)?(?:不得|不能|不可|不允许)(?:作为|担任|申报|牵头)")
# A title and a degree asked together ("同时具有副高级职称和博士学位", "副高级职称且具有博士学位")
_BOTH = re.compile(r"同时|且|并(?:具有|取得)")


def _either(clause: str) -> bool:
    """Whether a clause naming a title and a degree offers them as alternatives, "或" between them with no "和" or
    "同时" of its own ("并具有副高级及以上专业技术职称或博士学位": the "并" joins the clause to a condition before it)."""
    at = [m.start() for w, _ in TITLE_WORDS if (m := re.search(w, clause))]
    to = [m.start() for w, _ in DEGREE_WORDS if (m := re.search(w, clause))]
    if not at or not to:
        return False
    between = clause[min(min(at), min(to)): max(min(at), min(to))]
    return bool(re.search(r"或", between)) and not re.search(r"和|及其|与|同时|并且|且", between)


# A unit's quota lowered in a case the notice names ("…逾期未结题的单位，按上表第三列核减后的限额申报", "限额减半")
# A quota raised for units in a case the notice names ("建有省级以上重点实验室的单位，在上表限额基础上增加1项")
_QUOTA_RAISE = re.compile(r"(?:限额|指标|名额)[^。]{0,12}(?:增加|追加|增报)\s*(?:\d+|[一二两三])\s*(?:项|个名额)")
_QUOTA_CUT = re.compile(r"核减|减半|扣减|压减|缩减|下调|相应减少|减少\s*(?:\d+|[一二两三四五六七八九十])\s*项")


# A unit a quota table names ("郑州大学", "河南省科学院"), its type by what it is called
_NAMED_UNIT = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:大学|学院|科学院|研究院|研究所)")
# A table's row set with spaces, a unit and its number: "郑州大学  6项", "其他高校  各2项" (or its two cells parted by a
# bar, as the cleaner writes a two-column table's rows: "其他高校 | 各2项")
_SPACED_ROW = re.compile(r"^[\u4e00-\u9fff（）()]{2,20}(?:\s+|\s*[|｜]\s*)(?:各|每家|每个?单位)?\s*(?:\d+|[一二两三四五六七八九十]{1,2})\s*项$")


def _named_unit_type(unit: str) -> str:
    return "research_institute" if re.search(r"科学院|研究院|研究所$", unit) else "university"


_NOTE_IN_BRACKETS = re.compile(r"[（(][^（）()]*[)）]")
# A line labelled by a level, saying a title or a degree ("重大项目：正高级职称或博士学位", "- 重点项目 → 副高级及以上职称")
_LEVEL_LABELLED = re.compile(r"^\s*(?:" + LEVEL_ALTERNATION + r")(?:项目|课题|类)?\s*(?:[：:]|→|▶)\s*[^：:]*(?:职称|学历|学位)")
_LACKING = re.compile(r"不具有|不具备|未取得|没有|无")


def _lacks_all(clause: str) -> bool:
    """A case of a leader lacking every title and degree it names ("项目负责人既不具有副高级及以上专业技术职称、又不
    具有博士学位的", an item of a list of exclusions): those it names are what qualifies, any one of them."""
    # (each named lacking: "仅具有副高级职称且没有博士学位的" has the one and lacks the other)
    named = [x for x in re.split(r"[、，,]|又|也|且", clause) if re.search(r"职称|学历|学位", x)]
    return clause.endswith("的") and "但" not in clause and bool(named) and all(_LACKING.search(x) for x in named)


# An age limit: "不超过60周岁", "60周岁以下" (or the case a list of exclusions names, "年龄超过57周岁的": 57 at most)
_AGE_LIMIT = re.compile(r"(?:不超过|不得超过|不大于|以下|(?<![不得])超过|年龄上限\s*(?:为|是|[：:]))\s*(\d{2})\s*周岁|(\d{2})\s*周岁以下")
# An exception to the age limit for leaders of some title ("具有正高级职称的可放宽至62周岁", "正高级职称人员年龄可放宽到
# 60周岁"): the title, and the limit it raises the age to
_AGE_RELAXED_BY_TITLE = re.compile(r"((?:正高|副高|高级)[^，,。；;]{0,12}?)(?:年龄)?(?:可|可以)?(?:适当)?放宽(?:至|到)\s*(?:不超过)?\s*(\d{2})\s*周岁")
# ... the title said in the clause before, the leaders the relaxation is for ("具有正高级职称的项目负责人，年龄可放宽至60周岁")
_AGE_RELAXED = re.compile(r"^\s*(?:其)?(?:年龄)?(?:上限)?(?:可|可以)?(?:适当)?放宽(?:至|到)\s*(?:不超过)?\s*(\d{2})\s*周岁")
_TITLED_LEADERS = re.compile(r"(?:正高|副高|高级)[^，,。；;]{0,16}?(?:的|的项目负责人|的负责人|人员|者)$")
# An age reached, said as the case that bars a leader ("年满61周岁（2086年1月1日以前出生）的，不得作为项目负责人申报",
# "已满60周岁者不得申报"): the age below it is the limit (not an age a clause requires, "须年满18周岁")
_AGE_REACHED = re.compile(r"(?:年满|已满|满)\s*(\d{2})\s*周岁(?:[（(][^（）()]*[)）])?\s*(的|者)?")
_BARRED = re.compile(r"不得|不能|不予|不可|不再")
# A clause that favours younger leaders rather than bars older ones ("鼓励45周岁以下的青年科研人员牵头申报",
# "优先支持40周岁以下…")
_ENCOURAGED = re.compile(r"鼓励|优先|倾斜|倾向")
# ... set for one sex: "男性不超过62周岁", "女同志年龄不超过54周岁", "女性未满55周岁"
_SEX_AGE = re.compile(r"(男|女)(?:性|同志|士|职工)?(?:项目负责人|负责人)?(?:年龄)?(?:须|应|应当)?(?:在)?"
                      r"(不超过|不得超过|不大于|未满)?\s*(\d{2})\s*周岁(以下)?")


def _sex_ages(clause: str) -> dict[str, int]:
    """The age limit a clause sets for each sex it names ({"male": 62, "female": 54}); {} for none."""
    return {("male" if m.group(1) == "男" else "female"): int(m.group(3)) - (m.group(2) == "未满")
            for m in _SEX_AGE.finditer(clause) if m.group(2) or m.group(4)}


# A date of birth a leader must be born on or after, as the age condition ("须为1968年1月1日（含）以后出生",
# "出生于1994年1月1日之后", "出生日期在2021年7月1日（含）以后"): its year, and its month and day where said
_BORN_AFTER = re.compile(r"(?:出生于|出生日期(?:须|应|应当|需)?(?:为|在)?)\s*(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?"
                         r"[^，,。]{0,8}?(?:以后|之后)|(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?[^，,。]{0,12}?"
                         r"(?:以后|之后)出生")
# ... and the day a notice counts ages on, where it says one ("截至2053年4月17日", "以2076年1月1日计算")
_AGE_ON = re.compile(r"(?:截至|截止到?|以)\s*" + DATE)


def _age_born(born: re.Match[str], clause: str, found: Found) -> int:
    """The age limit a birth date sets: the age, on the day ages are counted, of a leader born on that date. That
    day is the one the clause or the leader's conditions name, else the close of the online submission window (a
    leader applies before it), else the call's year's end (its year minus the birth year, as a year alone says).
    ("2021年7月1日（含）以后出生" in a call closing on 2079年3月31日: 57, not 58 - a leader of 58 then was born
    before July 2021.)"""
    y, mo, d = (born.group(1), born.group(2), born.group(3)) if born.group(1) else (born.group(4), born.group(5), born.group(6))
    birth = (int(y), int(mo or 1), int(d or 1))
    leader = found.fact("leader_requirements")
    said = _AGE_ON.search(clause) or next((x for q in (leader["quotes"] if leader else []) if (x := _AGE_ON.search(q))), None)
    window = found.fact("submission_window")
    if said:
        on = (int(said.group(1)), int(said.group(2)), int(said.group(3)))
    elif window and window.get("window") and (closes := str(window["window"].get("closes") or "")):
        on = (int(closes[:4]), int(closes[5:7]), int(closes[8:10]))
    else:
        on = (int(found.meta["year"]), 12, 31)
    return on[0] - birth[0] - (on[1:] < birth[1:])


def _leader_rules(found: Found) -> None:
    fact = found.fact("leader_requirements")
    if not fact:
        found.notes.append("项目负责人：找不到年龄（周岁）要求。")
        return
    q = "。".join(fact["quotes"])
    clauses = [c for c in re.split(r"[。；;，,]", q) if c]
    by_level: dict[str, int] = {}
    general_age = None
    by_sex: dict[tuple[str, ...], dict[str, int]] = {}  # the levels a clause speaks of -> each sex's limit
    by_title: dict[str, int] = {}  # a title -> the higher limit its leaders have ("具有正高级职称的可放宽至62周岁")
    relaxed_clause = ""
    # the levels the sentence so far is about: a clause with no subject of its own goes on with them
    # ("一般项目负责人须具有中级以上职称；年龄不超过60周岁": 60 for general projects)
    subject: list[str] = []
    case_before = False  # the clause before says a case ("申报一般项目的")
    # (each sentence with the level of its item, where it names none: "（一）重大项目" over "项目负责人须…")
    wholes = [(whole, found.item_levels.get(quote)) for quote in fact["quotes"] for whole in re.split(r"[。]", quote)]
    split = [(x, item) for whole, item in wholes for x in re.split(r"[；;，,]", whole) + ["。"] if x]
    for k, (said_c, item) in enumerate(split):
        if said_c == "。":
            subject, case_before = [], False
            continue
        prev_c = split[k - 1][0] if k and split[k - 1][0] != "。" else ""  # the clause before, in its sentence
        # ("不超过五十五周岁": 55; "上限由55周岁调整为57周岁": 57; a birth date written "2038-01-01（含）以后出生" or
        # "2038/1/1" read as "2038年1月1日")
        c = read_dates(arabic_numbers(current(said_c)))
        named_here = list(dict.fromkeys(WORD_LEVEL[w] for w in re.findall(r"(" + LEVEL_ALTERNATION + r")(?:项目|课题)", c)))
        if named_here or "负责人" in c:
            # (a leader after the case it is of, "申报一般项目的，项目负责人年龄…", is that case's leader)
            subject = named_here or ([item] if item else []) or (subject if case_before else [])
        case_before = said_c.strip().endswith("的")
        if sexes := _sex_ages(c):
            # a limit for each sex ("男性不超过62周岁、女性不超过54周岁"), in one clause or two
            said = named_here or [level for level in [found.level_in(c)] if level] or subject
            by_sex.setdefault(tuple(said), {}).update(sexes)
            if rest := _AGE_LIMIT.search(_SEX_AGE.sub("", c)):  # "年龄不超过60周岁（女性不超过55周岁）": the rest's
                by_sex[tuple(said)].setdefault("male" if "female" in sexes else "female", int(rest.group(1) or rest.group(2)))
            continue
        if relaxed := _AGE_RELAXED_BY_TITLE.search(c):
            # a higher limit for leaders of a title ("具有正高级职称的可放宽至62周岁"): the titles it names and above
            for raised in next(ts for w, ts in TITLE_WORDS if w in relaxed.group(1)):
                by_title[raised] = max(by_title.get(raised, 0), int(relaxed.group(2)))
            relaxed_clause = said_c
            continue
        if (relaxed := _AGE_RELAXED.search(c)) and _TITLED_LEADERS.search(prev_c.strip()):
            # ... the leaders of that title said in the clause before ("具有正高级专业技术职称的项目负责人，年龄可放宽至
            # 60周岁", as a note to the limit says it)
            for raised in next(ts for w, ts in TITLE_WORDS if w in prev_c):
                by_title[raised] = max(by_title.get(raised, 0), int(relaxed.group(1)))
            whole = next((w for w, _ in wholes if prev_c in w and said_c in w), "")
            relaxed_clause = whole[whole.index(prev_c): whole.index(said_c, whole.index(prev_c)) + len(said_c)] if whole else said_c
            continue
        # (or the case a list of exclusions names, "项目负责人年龄超过57周岁的": 57 at most)
        m = _AGE_LIMIT.search(c)
        if m and _ENCOURAGED.search(c[: m.start()]):
            continue  # "一般项目鼓励45周岁以下的青年科研人员牵头申报": whom the call favours, no limit on who may lead
        under = re.search(r"未满\s*(\d{2})\s*周岁", c)  # "未满60周岁": 59 at most
        born = _BORN_AFTER.search(c)
        reached = _AGE_REACHED.search(c)
        # (the rest of its sentence: "…的，不得作为项目负责人申报")
        sentence_on = "".join(x for x, _ in split[k: next((j for j in range(k, len(split)) if split[j][0] == "。"), len(split))])
        if m:
            age = int(m.group(1) or m.group(2))
        elif under:
            age = int(under.group(1)) - 1
        elif reached and reached.group(2) and _BARRED.search(sentence_on) and not _ENCOURAGED.search(c[: reached.start()]):
            age = int(reached.group(1)) - 1
        elif born and found.meta.get("year"):
            age = _age_born(born, c, found)
        else:
            continue
        # every level the clause names ("重点项目和一般项目负责人须未满60周岁"), else all of them
        said = named_here or [level for level in [found.level_in(c)] if level] or subject
        for level in said:
            by_level.setdefault(level, age)
        if not said:
            general_age = age
    age_clause = next((c for c in clauses if "周岁" in c or "出生" in c), q)
    # each sex's limit (the other sex's, where one clause gives one sex's only, is the limit said for everyone)
    general_sex: dict[str, int] = {}
    by_level_sex: dict[str, dict[str, int]] = {}
    for said_levels, sexes in by_sex.items():
        for level in said_levels or [""]:
            other = by_level.get(level, general_age) if level else general_age
            both = {**({"male": other, "female": other} if other is not None else {}), **sexes}
            if len(both) < 2:
                found.notes.append(f"项目负责人年龄：只找到一种性别的年龄上限，另一性别的上限不明，未按性别生成规则：{age_clause}")
            elif level:
                by_level_sex[level] = both
            else:
                general_sex = both
    if by_level or general_age is not None or general_sex or by_level_sex:
        sex_clause = next((c for c in clauses if _SEX_AGE.search(c)), age_clause)
        rule: dict[str, Any] = {
            "id": "age", "check": "at_most", "field": "age",
            "quote": (sex_clause if general_sex else age_clause) if not (by_level or by_level_sex) else fact["quotes"][0],
            "pass": _bi("项目负责人{value}周岁，未超过{limit}周岁。", "The leader is {value}, not over {limit}."),
            "fail": _bi("项目负责人{value}周岁，超过了{limit}周岁的年龄上限。", "The leader is {value}, over the age limit of {limit}."),
        }
        if general_sex or by_level_sex:
            # (the Profile states no sex: an age between the two limits is the leader's sex to decide, said so)
            said_by_sex = "；".join(f"{_body(c)}" for c in dict.fromkeys(c for c in clauses if _SEX_AGE.search(c)))
            rule["pass"] = _bi(f"项目负责人{{value}}周岁，未超过{{limit}}周岁（通知原文：{said_by_sex}）。",
                               "The leader is {value}, not over {limit} (the notice's limit for either sex).")
            rule["fail"] = _bi(f"项目负责人{{value}}周岁，超过了{{limit}}周岁的年龄上限（通知原文：{said_by_sex}）。",
                               "The leader is {value}, over the age limit of {limit} for either sex.")
            limits_en = "; ".join(f"{'men' if x == 'male' else 'women'} {v}" for x, v in (general_sex or next(iter(by_level_sex.values()))).items())
            rule["unknown"] = _bi(f"项目负责人{{value}}周岁：通知按性别规定年龄上限（{said_by_sex}），是否符合取决于负责人的性别。",
                                  f"The leader is {{value}}: the notice sets the age limit by sex ({limits_en}), so it depends on the leader's sex.")
        if general_sex:
            rule["limit_by_sex"] = general_sex
        if by_level_sex:
            rule["limit_by_level_sex"] = by_level_sex
        if by_title:
            rule["limit_by_title"] = by_title
            # (the quote says the exception beside the limit, where one sentence holds both)
            whole = next((w for w, _ in wholes if relaxed_clause in w and age_clause in w), "")
            if whole and not (by_level or by_level_sex):
                rule["quote"] = whole[whole.index(age_clause):whole.index(relaxed_clause) + len(relaxed_clause)]
            rule["fail"] = _bi(rule["fail"]["zh"].rstrip("。") + f"（{_body(relaxed_clause)}）。",
                               rule["fail"]["en"].rstrip(".") + " (higher for some titles: "
                               + ", ".join(f"{t} {v}" for t, v in by_title.items()) + ").")
        if general_age is not None:
            rule["limit"] = general_age
        elif general_sex:
            rule["limit"] = max(general_sex.values())
        if by_level:
            rule["limit_by_level"] = {lv: by_level.get(lv, general_age or max(by_level.values()))
                                      for lv in dict.fromkeys([*by_level, *found.levels]) if lv not in by_level_sex}
        found.rules.append(rule)
    titles: dict[str, list[str]] = {}
    degrees: dict[str, list[str]] = {}
    pairs: dict[str, list[dict[str, list[str]]]] = {}
    req_clauses = []
    req_by_level: dict[str, str] = {}  # each level's sentence asking its title or degree
    barred: dict[str, list[str]] = {}  # ... and the notice's sentences on who may not lead a level's project
    lv: str | None = None
    # (a clause after a semicolon goes on with its sentence's leader and level: "重大项目负责人须具有正高级
    # 职称；仅具有副高级职称的，须同时具有博士学位")
    # (a level's requirement as a slide's labelled line under the leader's conditions, "重大项目：正高级职称或博士学位",
    # is the leader's as well: the line names no leader, its level and a title or degree are all it says)
    for sentence, item in ((part, item) for whole, item in wholes if "负责人" in whole or _LEVEL_LABELLED.match(whole)
                           for part in re.split(r"[；;]", whole)):
        if "负责人" not in sentence and not _BOTH.search(sentence) and not _LEVEL_LABELLED.match(sentence):
            continue
        lv = lv if "负责人" not in sentence and not found.level_in(sentence) else item
        if _NEGATED_QUALIFICATION.search(sentence) and re.search(r"职称|学历|学位", sentence) and (
                named := found.level_in(sentence)):
            # "具有副高级职称或仅具有博士学位但无正高级职称的，不得担任重大项目负责人"
            barred.setdefault(named, []).append(sentence.strip())
        clauses_here = re.split(r"[，,]", current(sentence))  # (a changed condition: its new words)
        for i, c in enumerate(clauses_here):
            # the level a clause speaks of: its own, or the one named earlier in the sentence
            # ("申报重大项目的，负责人应当具有正高级专业技术职称，或者已取得博士学位"), not one a note in brackets
            # names ("…的（一般项目不限职称和学历）")
            if named := found.level_in(_NOTE_IN_BRACKETS.sub("", c)):
                lv = named
            elif c.endswith("的") and i + 1 < len(clauses_here) and (
                    _MAY_LEAD.match(clauses_here[i + 1]) or _MAY_NOT_LEAD.match(clauses_here[i + 1]) and _lacks_all(c)) and (
                    ahead := found.level_in(clauses_here[i + 1])):
                # a case whose level the clause after names ("具有副高级职称且具有博士学位的，可作为重大项目负责人申报"; a
                # case lacking all it names barred from it, "未取得副高级职称且不具有博士学位的，不得作为重点项目负责人申报")
                lv = ahead
            if not lv or not re.search(r"职称|学历|学位", c):
                continue
            if _NEGATED_QUALIFICATION.search(c) and not _lacks_all(_NOTE_IN_BRACKETS.sub("", c).strip()):
                continue  # "具有博士学位但未取得正高级职称的": who does not qualify
            t = next((v for w, v in TITLE_WORDS if w in c), None)
            d = next((v for w, v in DEGREE_WORDS if w in c), None)
            if (t and not d and c.endswith("的") and i + 1 < len(clauses_here) and _BOTH.search(clauses_here[i + 1])
                    and (d := next((v for w, v in DEGREE_WORDS if w in clauses_here[i + 1]), None))):
                c += clauses_here[i + 1]  # "仅具有副高级职称的，须同时具有博士学位": the two together
            elif not t and d and i and clauses_here[i - 1].endswith("的") and _BOTH.search(c) and any(
                    w in clauses_here[i - 1] for w, _ in TITLE_WORDS):
                continue  # that pair's second clause, read with its first
            # (a case lacking a title and a degree, "未取得副高级职称且不具有博士学位的": either one qualifies)
            if t and d and _BOTH.search(c) and not _either(c) and not _lacks_all(_NOTE_IN_BRACKETS.sub("", c).strip()):
                # "或者同时具有副高级职称和博士学位": the two together, neither alone
                pairs.setdefault(lv, []).append({"titles": t, "degrees": d})
                titles.setdefault(lv, [])
                degrees.setdefault(lv, [])
            elif t or d:
                titles.setdefault(lv, []).extend(x for x in t or [] if x not in titles[lv])
                degrees.setdefault(lv, []).extend(x for x in d or [] if x not in degrees[lv])
            if t or d:
                req_by_level.setdefault(lv, sentence.strip())
            if (t or d) and sentence.strip() not in req_clauses:
                req_clauses.append(sentence.strip())
    # (an exception said after a semicolon, "…的，不得申报；具有副高级…且具有博士学位的除外", is quoted with the
    # requirement it excepts: read apart, as its own pair, and said together)
    excepted = {part.strip(): f"{part.strip()}；{after.strip()}" for whole, _ in wholes
                for part, after in itertools.pairwise(re.split(r"[；;]", whole)) if after.strip().endswith("除外")}
    req_clauses = [excepted.get(c, c) for c in req_clauses if not any(c in x and c != x for x in excepted.values())
                   or c in excepted]
    req_by_level = {lv: excepted.get(said, said) for lv, said in req_by_level.items()}
    if titles:
        levels_zh = "、".join(found.level_name(lv) for lv in titles)
        others = [lv for lv in found.levels if lv not in titles]
        found.rules.append({
            "id": "major_leader_qualification", "check": "major_leader", "fields": ["project_level", "title", "degree"],
            "qualifying_levels": list(titles), "titles_by_level": titles, "degrees_by_level": degrees,
            **({"pairs_by_level": pairs} if pairs else {}),
            "qualifying_titles": next(iter(titles.values())), "qualifying_degrees": next(iter(degrees.values())),
            "strength": "in_principle" if "原则上" in q else "hard", "quote": req_clauses[0],
            "pass": _bi(f"负责人具备{levels_zh}要求的职称或学历。", "The leader has the title or degree the project level asks for."),
            "pass_key": _bi(("、".join(found.level_name(lv) for lv in others) or "该级别项目") + "不限职称学历。",
                            "This project level has no title or degree requirement."),
            "fail": _bi(f"{req_clauses[0]}。", "The leader lacks the title or degree this project level asks for."),
            "unknown": _bi(f"{req_clauses[0]}。", "Some project levels ask for a title or degree of the leader."),
        })
        if len(set(req_by_level.values())) > 1 or barred:
            # each level's requirement in its own words (set out level by level), and who the notice says may not
            # lead that level's project, said with the verdict of that level
            rule = found.rules[-1]
            req_by_level = {lv: _ANSWER_MARK.sub("", _body(said)) for lv, said in req_by_level.items()}
            rule["pass_by_level"] = {lv: _bi(f"负责人符合{found.levels.get(lv, LEVEL_NAMES[lv])}的职称学历要求（{said}）。",
                                             "The leader has the title or degree this project level asks for.")
                                     for lv, said in req_by_level.items()}
            rule["fail_by_level"] = {lv: _bi("。".join([said, *barred.get(lv, [])]) + "。",
                                             "The leader lacks the title or degree this project level asks for.")
                                     for lv, said in req_by_level.items()}


# ------------------------------------------------------------------------------------------ output
def _questions(vocab: dict[str, Any], found: Found) -> dict[str, Any]:
    qs = dict(vocab["questions"])
    orgs = "／".join(ORG_ZH[k] for k in found.org_types if k != "other")
    qs["org_type"] = {"zh": f"您的单位属于哪一类？（{orgs}）", "en": "What kind of organisation is applying? ("
                      + " / ".join(k.replace("_", " ") for k in found.org_types if k != "other") + ")"}
    levels = "还是".join(found.levels.values())
    if (city := found.city) and simplified(city) != "郑州市":
        # (the notice's own city, where the generic wording names the family's usual one)
        qs["located_in_zhengzhou"] = {"zh": f"您的单位是否位于{city}内？", "en": f"Is your unit located in the city ({city})?"}
    qs["project_level"] = {"zh": f"您打算申报{levels}？", "en": "Which project level are you applying for? ("
                           + " / ".join(found.levels) + ")"}
    return qs


def _coverage(vocab: dict[str, Any], notice: str) -> list[dict[str, Any]]:
    """The aspects such notices are silent on, less the words this notice does mention. An aspect whose
    first word the notice says ("拨付": it says how the funding is paid) keeps none of its English words:
    they ask about the aspect as a whole ("How is the funding disbursed?")."""
    flat = squash(notice)
    out = []
    for item in vocab["not_covered"]:
        if item.get("covered_by") and re.search(item["covered_by"], flat):
            continue  # the notice says it in its own words ("拟立项项目将于…7月…公示": when the results come out)
        said = squash(str(item["words"][0])) in flat
        words = [w for w in item["words"] if squash(str(w)) not in flat and not (said and str(w).isascii())]
        if words:
            out.append({"aspect": item["aspect"], "words": words})
    return out


def _numbers(text: str) -> set[str]:
    text = simplified(text)
    found = {squash(m.group(0)) for m in _SINGLE.finditer(text)}
    found |= {m.group(0) for m in _PHONE.finditer(text)}
    found |= {f"{float(m.group(1)):g}万元" for m in _AMOUNT.finditer(text)}
    return found


def _review(found: Found, passages: list[Passage], notice: str) -> str:
    lines = ["# REVIEW: what ingest found in this notice", "",
             f"标题：{found.meta.get('title')}  年度：{found.meta.get('year')}  发文单位：{found.meta.get('issuer')}",
             f"项目级别：{', '.join(f'{k}={v}' for k, v in found.levels.items())}",
             f"单位类型（可接受的取值）：{', '.join(found.org_types)}", "", "## Facts (role, quote)", ""]
    for f in found.facts:
        window = f" window {f['window']['opens']}..{f['window']['closes']} ({f['window']['name_zh']})" if f.get("window") else ""
        lines.append(f"- **{f['id']}** ({f['intent']}){window}: " + " | ".join(f"“{q}”" for q in f["quotes"]))
    lines += ["", "## Topics", ""]
    for t in found.topics:
        contacts = "、".join(f"{c['unit']}{c['office']} {c['phone']}" for c in t.get("contacts", []))
        wan = t.get("funding_wan")
        lines.append(f"- **{t['id']}** {t['label']}「{t['title']}」 level={t['level']} "
                     f"funding={f'{wan:g}万元' if wan is not None else '?'} contacts={contacts or '?'} "
                     f"reports={'、'.join(t.get('reports', [])) or '?'}"
                     + (f" applicants={t['applicants']}" if t.get("applicants") else ""))
        for key in ("title_quote", "funding_quote", "contact_quote", "report_quote", "due_quote"):
            if t.get(key):
                lines.append(f"  - {key}: “{t[key]}”")
    lines += ["", "## Rules", ""]
    for r in found.rules:
        extra = {k: r[k] for k in ("allowed", "limit", "limit_by_level", "limit_by_title", "quota_by_org_type", "quota_by_named_unit", "titles_by_level",
                                   "degrees_by_level", "pairs_by_level", "value") if k in r}
        lines.append(f"- **{r['id']}** {r['check']} {extra}: “{r['quote']}”")
    covered = " ".join(" ".join(f["quotes"]) + " " + f["zh"] for f in found.facts) + " ".join(
        " ".join(str(v) for v in t.values()) for t in found.topics)
    missing = sorted(_numbers(notice) - _numbers(covered))
    lines += ["", "## Could not place", ""]
    lines += [f"- {n}" for n in found.notes] or ["- (nothing)"]
    if missing:
        lines.append("- numbers in the notice that no fact or topic holds: " + "、".join(missing))
    held = {t.get("contact_quote") for t in found.topics}  # (a group heading's contact is its topics')
    unplaced = [p for p in passages if p.kind in ("funding", "contact") and not p.topic and p.text not in held]
    for p in unplaced:
        lines.append(f"- a {p.kind} line outside any topic: “{p.text}” ({p.section})")
    return "\n".join(lines) + "\n"


OVERLAY_TEMPLATE = """# Hand additions to this corpus, merged by the loader over what `ingest` wrote; ingest never
# overwrites this file. Keyed by id: lists (triggers, aliases) are extended, other fields replaced.
# facts:
#   submission_window: {en: "...", triggers: [...]}
# topics:
#   major-1: {aliases: [...], title_en: "..."}
facts: {}
topics: {}
"""


def _dump(path: Path, data: Any, header: str = "") -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)
    path.write_text(header + text, encoding="utf-8")


def extract(raw: str, vocab: dict[str, Any] | None = None) -> tuple[Found, list[str], list[Passage]]:
    """Everything ingest finds in a notice's text (no files written)."""
    vocab = vocab or _vocab()
    written = clean_lines(raw)
    # (a notice in traditional characters is read in simplified ones, and what is found given back in its own)
    lines = [simplified(x) for x in written]
    passages = segment(written, as_written=False)
    # (a joint notice's passages on the other call it announces are that call's: no fact, rule or topic of this one)
    others = [p for p in passages if p.kind == OTHER_CALL]
    passages = [p for p in passages if p.kind != OTHER_CALL]
    found = Found(aliases=level_aliases("\n".join(lines)), english=translations(raw))
    found.lettered = bool(found.aliases) and not defined_level_aliases("\n".join(lines))
    # the notice's year, for the dates it writes without one, before the rest of its meta is read
    this_year = _THIS_YEAR.search("\n".join(lines))
    found.meta = {"year": _year_named(squash(_title_line(lines))) or (int(this_year.group(1)) if this_year else None)}
    steps = [("dates", lambda: _windows(passages, found, vocab)),
             ("facts", lambda: _general_facts(passages, found, vocab)),
             ("contacts", lambda: _contacts(passages, found, vocab)),
             ("materials", lambda: _materials(passages, found, vocab)),
             ("steps", lambda: _steps(passages, found, vocab)),
             ("ordered steps", lambda: _ordered_steps(passages, found, vocab))]
    for _name, step in tqdm(steps, desc="ingest", unit="step", leave=False):
        step()
    _late_sentences(passages, found)
    _windows_as_read(found)
    _window_hours(passages, found)
    _issued_on(passages, found, vocab)
    _doc_number(passages, found, vocab)
    amounts = _counts_and_levels(passages, found, vocab)
    if (own := found.fact("set_topics")) and (counts := found.fact("project_counts")) and any(
            own["quotes"][0] in q for q in counts["quotes"]):
        found.facts.remove(own)  # (the count of the topics says it already: "共设课题10项，…不受理自拟题目")
    # (a forwarding notice's title, issuer and date are the forwarded notice's: that is the call; its own are its part's)
    _meta(lines[forwarded + 1:] if (forwarded := forwarded_start(lines)) is not None else lines, passages, found)
    _addressee(lines[forwarded + 1:] if forwarded is not None else lines, found, vocab)
    _purpose(passages, found, vocab)
    if forwarded is not None:
        _forwarding(passages, found, vocab, _forwarder_line(lines[:forwarded]))
    _topics(passages, found, amounts, vocab)
    _changes_listed(passages, found, vocab)
    _amendments(passages, found, vocab)
    _faq_facts(passages, found, vocab)
    _named_in_english(found, vocab)
    _rules(found)
    _track_rules(passages, found, vocab)
    _footnoted_rules(found, _footnotes(passages))
    _figures(found)
    if not found.topics:
        found.notes.append("课题：附件中找不到申报指南的课题（“一、重大项目”之类的标题和编号课题）。")
    for p in others:
        found.notes.append(f"另一项目：通知同时发布的另一项目的内容，不作为本计划的事实：“{p.text}”（{p.section}）")
    if lines != written:
        _as_written(found, AsWritten("\n".join(written)))
        passages = segment(written)
    return found, written, passages


# A part of a joint call set apart for one programme of its own ("（二）社科专项课题负责人条件", "（一）软科学研究项目：高等
# 院校每单位限报5项…"): the programme's name, which names no project level
_TRACK_HEAD = re.compile(r"^(?:[(（][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)\s*"
                         r"([\u4e00-\u9fff]{2,12}?(?:项目|课题))(?=负责人|申报条件|申报要求|[：:])")
# the terms of a rule a track may set apart, by rule
_TRACK_TERMS = {
    "age": ("limit", "limit_by_level", "limit_by_sex", "limit_by_level_sex", "limit_by_title"),
    "major_leader_qualification": ("qualifying_titles", "qualifying_degrees", "qualifying_levels", "titles_by_level",
                                   "degrees_by_level", "pairs_by_level"),
    "org_quota": ("quota_by_org_type", "reduced_quota_by_org_type", "quota_by_named_unit"),
}


def _track_rules(passages: list[Passage], found: Found, vocab: dict[str, Any]) -> None:
    """A joint call whose tracks (programmes of their own, each under its heading) set the leader's conditions or the
    quotas apart: each track's are read as the notice's would be alone, and the rule keeps each track's terms (a
    profile names no track: decided where they agree, assistant/eligibility.py); the leader's conditions answered
    are every track's, each said with its track's name."""
    heads = {p.section: m.group(1) for p in passages if p.id.startswith("n-") and not p.topic
             and (m := _TRACK_HEAD.match(p.text)) and not level_of(m.group(1))}
    if len(set(heads.values())) < 2:
        return
    said: dict[str, dict[str, list[str]]] = {}  # track -> fact role -> its sentences
    for p in passages:
        track = next((t for sec, t in heads.items() if p.section == sec or p.section.startswith(sec + " > ")), None)
        if track is None or not p.id.startswith("n-") or p.topic:
            continue
        body = _body(p.text)
        if "负责人" in body and re.search(r"周岁|出生|职称|学历|学位", body):
            said.setdefault(track, {}).setdefault("leader_requirements", []).append(body)
        elif re.search(r"限报|不超过\s*\d+\s*项", body):
            said.setdefault(track, {}).setdefault("quota", []).append(body)
    for role, ids in (("leader_requirements", ("age", "major_leader_qualification")), ("quota", ("org_quota",))):
        own = {t: roles[role] for t, roles in said.items() if role in roles}
        fact = found.fact(role)
        if len(own) < 2 or not fact:
            continue
        terms: dict[str, dict[str, dict[str, Any]]] = {}  # rule id -> track -> its terms
        for track, quotes in own.items():
            alone = replace(found, facts=[f for f in found.facts if f["role"] in ("applicants", "exclusions")]
                            + [{**fact, "quotes": quotes}], rules=[], notes=[])
            _rules(alone)
            for made_rule in alone.rules:
                if made_rule["id"] in ids:
                    terms.setdefault(made_rule["id"], {})[track] = made_rule
        for rid, by_track in terms.items():
            rule = next((r for r in found.rules if r["id"] == rid), None)
            if rule is None:
                rule = next(iter(by_track.values()))
                found.rules.append(rule)
            # (every term of the track's own, none left over from the rule's: a track that sets no such term, "不限职称",
            # has none)
            rule["tracks"] = {t: {k: by_track.get(t, {}).get(k, None if k == "limit" else [] if k.startswith("qualifying") else {})
                                  for k in _TRACK_TERMS[rid]} for t in own}
        if role == "leader_requirements":
            quotes = [q for track in own for q in own[track]]
            labels = {q: (track, track) for track in own for q in own[track]}
            made = _make_fact(role, fact["intent"], quotes, vocab, labels=labels)
            fact.update(quotes=quotes, zh=made["zh"], en=made["en"])


def _figures(found: Found) -> None:
    """A fact whose sums the notice writes in Chinese numerals says each in figures too, after its own words
    ("…每项资助伍万元。（伍万元即5万元）"): the amount is read, not left to the reader, the quote kept as written."""
    for fact in found.facts:
        fact["zh"] = with_figures(fact["zh"])


_READ_AS_TYPED = ("triggers", "aliases")  # matched against questions, which are read in simplified characters


def _as_written(found: Found, back: AsWritten) -> None:
    """What was read from a notice in traditional characters, in its characters: every quote whole, every
    run of the notice's words in the sentences composed around them."""
    def restore(value: Any, key: str = "") -> Any:
        if isinstance(value, str):
            return back(value, whole="quote" in key or key in ("title", "office", "person", "group"))
        if isinstance(value, list):
            return value if key in _READ_AS_TYPED else [restore(v, key) for v in value]
        if isinstance(value, dict):
            return {k: restore(v, str(k)) for k, v in value.items()}
        return value
    found.facts = restore(found.facts)
    found.topics = restore(found.topics)
    found.rules = restore(found.rules)
    found.meta = restore(found.meta)
    # (the levels too, the notice's names for them, "重點項目": questions name them through their simplified form)
    found.levels = {lv: back(name, whole=True) for lv, name in found.levels.items()}


def ingest(notice: Path, out: Path, *, progress: bool = True) -> Found:
    """Writes a complete corpus directory for `notice` into `out`; returns what was found."""
    raw = notice.read_text(encoding="utf-8")
    vocab = _vocab()
    found, lines, passages = extract(raw, vocab)
    out.mkdir(parents=True, exist_ok=True)
    if notice.resolve() != (out / "notice.txt").resolve():
        shutil.copyfile(notice, out / "notice.txt")
    _dump(out / "facts.yaml", {"notice": found.meta, "facts": found.facts},
          "# Written by `python -m assistant ingest`; hand additions go to overlay.yaml.\n")
    _dump(out / "topics.yaml", {"topics": found.topics}, "# Written by `python -m assistant ingest`.\n")
    _dump(out / "rules.yaml", {"org_types": found.org_types, "project_levels": found.levels, "rules": found.rules,
                               "questions": _questions(vocab, found)}, "# Written by `python -m assistant ingest`.\n")
    # (a dated step the notice names in other words, "组织专家进行评审" read as 专家评审, is said all the same)
    steps = "\n".join(str(f["window"]["name_zh"]) for f in found.facts if f.get("window"))
    # (and the notice as its lines are read, which the corpus check reads: a word a PDF's layout parted between two
    # lines, beside another column's words, "高新" / "技术企业", is said in them)
    said = simplified(notice_source(raw)) + "\n" + simplified("\n".join(lines)) + "\n" + steps
    _dump(out / "coverage.yaml", {"not_covered": _coverage(vocab, said)},
          "# What the notice does NOT say.\n")
    words = {simplified(c["office"]) for t in found.topics for c in t.get("contacts", []) if c["office"]}
    words |= {a for t in found.topics for a in t.get("aliases", [])}
    (out / "lexicon.txt").write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    (out / "REVIEW.md").write_text(_review(found, passages, "\n".join(lines)), encoding="utf-8")
    if not (out / "overlay.yaml").exists():
        (out / "overlay.yaml").write_text(OVERLAY_TEMPLATE, encoding="utf-8")
    return found
