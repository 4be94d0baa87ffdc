"""Segments the cleaned notice into citable passages, each with a stable id and a heading path.

Passages are sentences (short ones merged with a neighbour), so a citation shows the sentence
that matters; the heading path says where it sits, e.g.
`附件1 申报指南 > 一、重大项目 > 1. 郑州市建设及应用科创一体化… > 子课题⑤`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from corpus.cleaning import (
    ARTICLE_BYLINE,
    CSV_ROW,
    MAIL_QUOTE,
    MARKED_HEADING,
    MD_HEADING,
    PUBLISHED,
    SLIDE_MARK,
)
from corpus.script import AsWritten, simplified

_CN_NUM = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_CIRCLED = {c: i for i, c in enumerate("①②③④⑤⑥⑦⑧⑨⑩", start=1)}

# The project levels a notice may have, by the word that names them; a level's key is its English name.
# The eligibility schema (Profile.project_level) knows the first three; a notice's youth projects and
# self-funded projects (自筹项目, no city money) are topics and rules all the same.
LEVEL_WORDS = (("重大", "major"), ("重点", "key"), ("一般", "general"), ("青年", "youth"), ("自筹", "self_funded"))
LEVEL_NAMES = {level: f"{word}项目" for word, level in LEVEL_WORDS}
LEVEL_EN = {level: f"{level.replace('_', '-').capitalize()} project" for _, level in LEVEL_WORDS}
LEVEL_ALTERNATION = "|".join(word for word, _ in LEVEL_WORDS)  # "重大|重点|一般|青年|自筹", for patterns

# "附件1", or an annex with its title on the same line ("附件1 2031年度软科学研究项目指南"); in a notice forwarded
# whole by another office, the forwarded notice's own annexes are marked as its ("市通知附件1", "原通知附件2")
_ANNEX = re.compile(r"^(?:[\u4e00-\u9fff]{1,3}通知)?附件\s*(\d+)\s*(?:[：:]\s*|\s+)?((?<=[\s：:])\S.{2,40})?$")
# A forwarding notice ("转发《…的通知》的通知", "现将《…的通知》转发给你们"): the notice it names, pasted in after it
_FORWARDED_NAME = re.compile(r"《([^《》]{6,80}?(?:通知|公告|指南))》")
_L1 = re.compile(r"^([一二三四五六七八九十]+)(?:、|[)）](?=[\u4e00-\u9fff]))(.{1,12})$")  # "一、申报范围", an e-mail's "一）申报范围"
# ... or a level's heading whose note runs longer: "一、重大项目（2项，每项25万元）"
_LEVEL_L1 = re.compile(r"^([一二三四五六七八九十]+)、((?:" + "|".join(w for w, _ in LEVEL_WORDS) + r")(?:项目|课题)\s*[(（][^（）()]{1,30}[)）])$")
# "1. 申报条件" as a notice's top-level heading, where it numbers its sections in Arabic ("1.1 …" below)
# "01 申报对象": a section numbered with two digits, as an article sets its headings
_PADDED = re.compile(r"^(0[1-9]|[1-9]\d)\s+([\u4e00-\u9fff]{2,10})$")
_BARE_HEADING = re.compile(r"[\u4e00-\u9fff]{2,10}")  # "申报对象": a heading's words, no number, no punctuation
_YEAR_HEADING = re.compile(r"(?:\d{4}\s*年度?)?[\u4e00-\u9fff]{2,10}")  # ... or after the year they are of ("2050年工作安排")
# ... or one whose words run longer ("五、信用管理、回避事项和联系方式"), no sentence's punctuation in them: a heading
# where it numbers the notice's next section
_LONG_L1 = re.compile(r"^([一二三四五六七八九十]+)、([^，。；：,;:！？!?]{13,24})$")
_ARABIC_L1 = re.compile(r"^(\d{1,2})\s*[.、．]\s*([\u4e00-\u9fff]{2,10})$")
# A topic tagged with its level: "（3）[重点] 郑州市…研究。联系处室：成果处，电话：…"
_TAGGED_TOPIC = re.compile(r"^[(（](\d{1,2}|[一二三四五六七八九十]+)[)）]\s*[\[【［]([^\]】］]{1,8})[\]】］]\s*(\S.*)$")
# "第六条 研究课题指南", "第二部分 申报条件", "第三章 …": an article, part or chapter heading
_ARTICLE = re.compile(r"^第([一二三四五六七八九十]+)(?:条|部分|章|节)\s*(.{1,12})$")
# ... or an article that says its provision on its own line, after its number ("第三条 申报单位应当同时符合下列条件：",
# "第二条 本年度…共设课题11项，…"): the article's section all the same, its text the section's first passage
_ARTICLE_TEXT = re.compile(r"^第([一二三四五六七八九十]+)条\s*(\S.*)$")
_ARTICLE_LABEL = 30  # the whole line labels the article's section when this short and leading a list ("…条件：")
_BRACKETED = re.compile(r"^【([一二三四五六七八九十]+)(?:】\s*(.{1,12})|、(.{1,12})】)$")  # "【四】研究方向", "【四、研究方向】"
# "（五）【研究方向】": a numbered section whose title is set off in brackets, a top-level heading
# "【申报单位】": an unnumbered title in brackets, its words alone (not "【责任编辑：…】", nor "【四】…")
_TITLE_IN_BRACKETS = re.compile(r"^【[\u4e00-\u9fff]{2,12}】$")
_PAREN_BRACKETED = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]\s*【([^】]{1,12})】$")
_NOTE = re.compile(r"\s*[（(][^（）()]*[)）]$")  # "重大课题（每项资助30万元）": a heading's bracketed note
_CELL_SPLIT = re.compile(r"\s*[|｜\t]\s*")
_LABEL_CELL = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\s*\S")
_FIELD_SPLIT = re.compile(r"\s*[|｜；;]\s*|[，,]\s*(?=(?:联系|电话|手机|归口|资助|经费|级别|类别)[\u4e00-\u9fff]{0,3}[：:])")  # a line of fields: "级别：重大项目 | 归口：发展规划处 | 电话：…"
_PAREN = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]\s*(.*)$")
_NUMBERED = re.compile(r"^(\d+)\s*[.、．]\s*(.*)$")
# A numbered topic whose level closes its title: "1．郑州市…研究（重点项目）", "1. 郑州市…研究【重点项目】", the
# level perhaps by its word alone and with the level's other terms after it, each after a bar or a comma
# ("1. 郑州市…研究【重点｜8万元】", "…研究（一般类，3万元/项）")
_LEVEL_TAIL = re.compile(r"[（(【\[]([^（）()【】\[\]｜|，,；;/／]{2,6}?)(?:\s*[｜|，,；;/／]\s*([^（）()【】\[\]]{1,30}?))?\s*[)）】\]]$")
# Sub-topics of a guide's topic: 子课题①、 / 子课题一： / 子课题1. / ① / （一） at the start of a line.
_PAREN_SUB = re.compile(r"^[(（](\d{1,2})[)）]\s*([^，。；,;：:！？!?]{6,40})$")
_SUBTOPIC = re.compile(
    r"^(?:子(?:课题|选题)\s*([①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]+|\d{1,2})\s*[、.．：:]?|([①②③④⑤⑥⑦⑧⑨⑩])\s*[、.．]?)\s*(.*)$"
)
# A guide's level heading on a line of its own, unnumbered ("重大项目").
_BARE_LEVEL = re.compile(r"^(?:[\u4e00-\u9fff]{0,4})(?:项目|课题)$")
# A batch (group, round) of one call whose topics, windows or dates are its own ("第二批选题", "（二）第二批",
# "第一组课题（3月受理）"): its label ("第二批"), said alone or before what the batch holds
BATCH_HEAD = re.compile(r"^(?:[(（][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)?\s*"
                        r"(第[一二三四五六七八九十\d]{1,3}(?:批次?|组|轮))(?:申报)?(?:选题|课题|项目|题目|指南|选题指南|申报指南)?"
                        r"\s*(?:[（(][^（）()]{0,30}[）)])?\s*[：:]?$")
# ... one that heads topics ("第二批选题", "第一批课题（6项）"), not a schedule's "（二）第一批"
_BATCH_TOPICS = re.compile(r"第[一二三四五六七八九十\d]{1,3}(?:批次?|组|轮)(?:申报)?(?:选题|课题|题目|指南)")
# A topic as a labelled block: "【指南方向3】郑州市银发经济科技支撑体系研究", its fields on the lines below.
_BLOCK_TOPIC = re.compile(r"^【([^】\d一二三四五六七八九十]{0,8})(\d{1,2}|[一二三四五六七八九十]+)】\s*(\S.{5,})$")
# ... or labelled with a colon: "方向三：郑州市科技创新地方立法评估与修订对策研究"
# ... or by a space alone: "选题1  郑州市低空经济…研究"
# ... or by a bar: "课题1｜郑州市…研究"
# ... or by a full stop after its number: "选题4. 郑州市…研究" (not "课题1.2 …", a point numbered in two parts)
_COLON_BLOCK = re.compile(r"^((?:研究)?方向|选题|课题|题目)\s*(\d{1,2}|[一二三四五六七八九十]+)\s*(?:[：:、|｜]\s*|[.．](?!\d)\s*|\s+)(\S.{5,})$")
# A level named by a class letter the notice defines: "A类（重大项目）" or "重大项目（A类）".
_CLASS_ALIAS = (re.compile(r"([A-Z甲乙丙丁]类)(?:项目|课题)?[（(](" + LEVEL_ALTERNATION + r")(?:项目|课题)?[)）]"),
                re.compile(r"(" + LEVEL_ALTERNATION + r")(?:项目|课题)[（(]([A-Z甲乙丙丁]类)(?:项目|课题)?[)）]"))
# A topic numbered with three levels under its level's point: "5.2.3 郑州市…研究"
_DOTTED_TOPIC = re.compile(r"^\d{1,2}\.\d{1,2}\.(\d{1,2})\s*([^，。；,;：:]{6,60})$")
# A topic called by its level and number: "重大项目一：郑州市…研究。研究内容：…。联系人：…"
_LEVEL_NUMBERED = re.compile(r"^(" + LEVEL_ALTERNATION + r")(?:项目|课题)\s*([一二三四五六七八九十]+|\d{1,2})\s*[：:、]\s*(\S.{5,})$")
# A numbered point under a topic: "1.1 创新投入…；"
_DOTTED = re.compile(r"^\d{1,2}\.(\d{1,2})\s*(.+)$")
# A topic numbered within its group ("2.3 …研究" under "方向二"), its level in a field of its own below ("类别：重点")
_DOTTED_HEAD = re.compile(r"^()(\d{1,2}\.\d{1,2})\s*([^，。；,;：:]{6,60})$")
# A topic's fields in brackets, a line of their own or at the end of its title's line:
# "（资助强度：30万元；联系处室：规划处，电话：0371-67170001）"
# (a bracket inside them, "电话：（0371）67231719", is theirs)
_FIELDS = re.compile(r"[(（]((?:[^()（）]|[(（][^()（）]*[)）])*[：:](?:[^()（）]|[(（][^()（）]*[)）])*)[)）]$")
# ... or unlabelled, separated by semicolons, one a level or a phone: "（重大项目；战略规划处；0371-67170001）"
_BARE_FIELDS = re.compile(r"[(（]([^()（）：:]{2,}[；;][^()（）：:]{2,})[)）]$")
_PHONE_FIELD = r"(?:0\d{2,3}\s*[-－—]?\s*)?\d{7,8}|1[3-9]\d{9}"
# an office or a phone as such a field says it, unlabelled
_BARE_CONTACT = re.compile(r"[\u4e00-\u9fff]{2,12}(?:处|室|科|中心|办公室)|(?:电话)?\s*(?:" + _PHONE_FIELD + r")")


def _bare_fields(line: str) -> re.Match[str] | None:
    """A topic line's unlabelled fields in its closing brackets ("（重点项目；规划处；0371-…）"): a level among them or
    a phone, each field short; None for a bracket that says something else ("（郑州段）")."""
    m = _BARE_FIELDS.search(line)
    if not m:
        return None
    parts = [x.strip() for x in re.split(r"[；;]", m.group(1))]
    if any(len(x) > 20 for x in parts) or not any(
            (len(x) <= 6 and level_of(x)) or re.fullmatch(_PHONE_FIELD, x) for x in parts):
        return None
    return m


def _closing_fields(line: str) -> re.Match[str] | None:
    """A topic line's fields in its closing brackets, labelled ("（归口：规划处，电话：…）") or not."""
    return _FIELDS.search(line) or _bare_fields(line)


# A footnote the notice's text marks "[1]" ("…须为在某单位[1]"): "[1] 在某单位，指…", under a line "注释：" (or
# after it on that line); or a note it marks "〔注1〕" ("…不超过55周岁〔注4〕"): "注4：具有正高级职称的…"
FOOTNOTE = re.compile(r"^(?:[\[［【](\d{1,2})[\]］】]\s*|注\s*(\d{1,2})\s*[：:]\s*)(\S.*)$")
NOTES_HEAD = re.compile(r"^(?:注释|注解|脚注|注)\s*[：:]?\s*((?=[\[［【]\d{1,2}[\]］】]|注\s*\d{1,2}\s*[：:]).*)?$")
# ... the mark itself, in the text the note explains: "[1]", "〔注1〕", "（注1）", "[注1]"
NOTE_MARK = re.compile(r"[\[［【](\d{1,2})[\]］】]|[\[［【〔(（]注\s*(\d{1,2})[\]］】〕)）]")


def footnote(text: str) -> tuple[str, str] | None:
    """A footnote's number and what it says ("注4：具有正高级…" -> ("4", "具有正高级…")), or None."""
    m = FOOTNOTE.match(text)
    return (m.group(1) or m.group(2), m.group(3).strip()) if m else None


def note_marks(text: str) -> list[str]:
    """The numbers of the notes a text marks ("…不超过55周岁（…）〔注4〕" -> ["4"])."""
    return [m.group(1) or m.group(2) for m in NOTE_MARK.finditer(text)]


def _notes_heads(lines: list[str]) -> list[int]:
    """The lines heading a block of notes: "注释：" over "[1] …" or "注1：…" (or with the first on its line)."""
    return [i for i, line in enumerate(lines) if (m := NOTES_HEAD.match(line))
            and (m.group(1) or i + 1 < len(lines) and FOOTNOTE.match(lines[i + 1]))]
# "附：申报指南": an appended guide (or pledge) named after "附" alone, as a report or a letter closes with one
_APPENDED = re.compile(r"^附[：:]\s*(\S.{1,40})$")
_ANNEX_LIST = re.compile(r"^(?:- )?(?:相关)?(附件)[：:]\s*(\S.*)$")  # "附件：1. …申报书（模板）" lists the annexes
# An annex named by its file ("附件2：…信用承诺书（模板）.docx"): a page's list of its files to download, no annex's start
_ANNEX_FILE = re.compile(r"\.(?:docx?|pdf|xlsx?|wps|zip|rar|ofd)$", re.IGNORECASE)
# A file's address ("（https://…/sbs.docx）", a Markdown link's as corpus/cleaning.py writes it): an annex linked, not pasted in
_FILE_LINK = re.compile(r"https?://\S+?\.(?:docx?|pdf|xlsx?|wps|zip|rar|ofd)(?![\w.])", re.IGNORECASE)
# "2024年9月", "二〇四二年三月十日", "2043.3.8": the date a notice is signed
_DATELINE = re.compile(r"^(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?|"
                       r"\d{4}([.．/／-])\d{1,2}\1\d{1,2})$")
# A question and its answer as a notice's FAQ gives them ("问：…？" or "问3：…？", then "答：…"): one passage
# (a policy Q&A page numbers its pairs as its sections: "十六、问：研究内容涉密的项目能申报吗？" over "答：…")
_QUESTION = re.compile(r"^(?:([一二三四五六七八九十]+)、\s*)?(?:问|Q)\s*\d{0,2}\s*[：:]")
# A question as a heading, alone on its line: a few words, no sentence's punctuation before its question mark
_QUESTION_HEADING = re.compile(r"[^，。；：,;:！？?!\s]{3,16}[？?]")
_ANSWER = re.compile(r"^(?:答|A)\s*[：:]")
# "（3）郑州市…研究" in a guide whose fields state its level on the lines below ("项目类别：重点项目")
_PAREN_NUMBER_BLOCK = re.compile(r"^[(（]()(\d{1,2})[)）]\s*(\S.{5,})$")
# ... or "（三）…研究" in a guide's section of topics ("五、研究方向与课题"), its level in its fields below
# ("项目类别：重点项目；归口处室：…")
_PAREN_CN_BLOCK = re.compile(r"^[(（]()([一二三四五六七八九十]{1,3})[)）]\s*([^，。；,;：:]{6,60})$")
# ... and "3. 郑州市…研究" in a guide with no level heading, its level in the fields below ("类别：重点项目；…")
_NUMBER_BLOCK = re.compile(r"^()(\d{1,2})\s*[.、．]\s*([^：:。；;]{6,})$")
# ... the notice's own section of topics, by its heading ("七、研究选题（按归口处室列示）")
_TOPICS_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、\s*(?:研究|申报|本年度)?(?:选题|课题|题目|研究方向)")
# ... or a topic on one line of labelled fields: "序号：1；名称：郑州市…研究；类别：重大项目；归口：…；电话：…"
_RECORD_LABEL = re.compile(r"(?:^|(?<=[；;]))\s*([\u4e00-\u9fff]{1,6})\s*[：:]")
_RECORD_TITLE = re.compile(r"^(?:课题|选题|项目|研究)?(?:名称|题目)$")
_RECORD_HEAD = re.compile(r"^()(?:序号|编号)\s*[：:]\s*(\d{1,3})\s*[；;]\s*(\S.{5,})$")
# A topic table's code for its row ("R07", "A-3"), and a later line on that topic: "R07：研究…"
# (its letters perhaps in two groups, a series and a class: "RC-A01", "QX-B3")
TOPIC_CODE = re.compile(r"([A-Za-z]{1,3}(?:\s*[-－]\s*[A-Za-z]{1,2})?)\s*[-－]?\s*(\d{1,3})")


def code_key(label: str) -> str:
    """A topic code as a key its other writings share ("RC-A01", "rc－a01", "RCA01" -> "RCA01"); "" for no code."""
    return re.sub(r"[\s\-－]", "", label).upper() if TOPIC_CODE.fullmatch(label.strip()) else ""


_PHONE_CELL = re.compile(r"(?<!\d)(?:0\d{2,3}\s*[-－—]?\s*)?\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)")
_OFFICE_CELL = re.compile(r"[\u4e00-\u9fff]{2,12}(?:处|室|科|中心|办公室)")
_OFFICES = re.compile(f"{_OFFICE_CELL.pattern}(?:[、，,/／ ]+{_OFFICE_CELL.pattern})*")  # ("成果转化处、资源配置处")
# ... or a numbered point naming a row's title, its content after it: "9. 郑州市…研究。调查…" ("9、…研究：…")
_TITLED_POINT = re.compile(r"^\d{1,2}\s*[.、．]\s*([^。：:；;]{6,}?)(?:[。：:]|$)")
_CODE_LINE = re.compile(r"^([A-Za-z]{1,3}\s*[-－]?\s*\d{1,3})\s*[：:]\s*\S")
# (a semicolon joins clauses of one sentence; a sentence ending inside a quotation ends after its closing mark:
# "“…的重要渠道。”市科技局负责人介绍，…" parts after ”, no passage opening on it)
_SENTENCE_END = re.compile(r"(?<=[。！？])(?![”’」』])|(?<=[。！？][”’」』])")
_ENUMERATION = re.compile(_SENTENCE_END.pattern + r"|(?<=[；;])(?=\s*[一二三四五六七八九十]是)")
_LABEL = re.compile(r"^([^：:。]{2,20})[：:。]")
_MIN_SENTENCE = 12
_FIELD = re.compile(r"^[^：:。，,]{2,14}[：:]$")  # a form's labelled blank
_TITLE_CHARS = 18

DOC_NAMES = {"notice": "通知", "guide": "申报指南", "pledge": "信用承诺书模板", "annex": "", "supplement": "补充通知",
             "forward": "转发通知"}
# The title of a later notice amending this one, appended after it ("关于延长…申报时间的补充通知", "…的更正公告",
# an erratum: "关于《…的通知》的更正说明")
SUPPLEMENT_TITLE = re.compile(r"^(?:关于)?[^。；，,]{0,50}(?:补充通知|补充公告|更正通知|更正公告|更正说明|更正启事|勘误(?:说明|公告|启事)?|延期通知|延期公告|"
                              r"(?:延长|延期|调整|变更|推迟)[^。；，,]{0,40}(?:通知|公告))$")
# The title of an annex that sets out the call's terms the notice leaves to it: "申报要素一览表", "2050年度申报须知",
# "申报条件及要求"
# (or one of them, an annex each, as a letter leaves its schedule, its quotas and its contacts to tables annexed:
# "2077年度…计划申报时间安排", "…申报限额", "…联系方式")
# (or the table the call's conditions are checked against, which its conditions section only points to: "申报资格自查表",
# "申报条件自查清单", "资格审查表")
TERMS_ANNEX = re.compile(r"(?:\d{4}年度?)?[\u4e00-\u9fff]{0,12}?(?:申报(?:要素|须知|条件|要求|事项|时间安排|时间节点|进度安排|日程安排|限额|"
                         r"指标|名额)|时间安排|进度安排|申报限额|限额分配|联系方式|咨询方式|(?:申报)?(?:资格|条件)(?:条件)?(?:自查|审查|核查))(?:[及和与][\u4e00-\u9fff]{2,6})?"
                         r"(?:一览表|明细表|表|清单|说明)?")
# The title of an annex of questions and answers ("…申报指南问答", "常见问题解答", "申报工作答疑"): the terms of the call
FAQ_ANNEX = re.compile(r"问答|答疑|常见问题|问题解答")
# The labels a topic's contact field opens with ("联系处室：", "归口处室：")
CONTACT_LABELS = r"(?:联系单位|联系处室|联系人|联系电话|联系方式|咨询电话|归口处室|归口单位|责任处室|牵头处室|牵头单位|手机|移动电话)"
# ... and its level field ("类别：A类", "项目类别：重点项目")
LEVEL_LABEL = r"^(?:项目|课题|选题)?(?:类别|级别|层级|类型)[：:]"
_LEVEL_FIELD = re.compile(LEVEL_LABEL + r"\s*(.{1,16})$")
_LEVEL_NOTE = re.compile(r"(?<=项目|课题)\s*[(（][^()（）]{4,40}[)）]$")
# A labelled line's kind: what the engine and the index read from passages of a topic.
KIND_BY_PREFIX = (
    (re.compile(r"^(?:研究内容|主要研究内容|研究方向|主要内容|研究要点|研究重点)"), "content"),
    (re.compile(r"^(?:项目经费|支持经费|资助经费|经费额度|资助额度|资助金额|资助强度|支持额度|支持金额|支持强度|经费)"), "funding"),
    (re.compile(r"^(?:" + CONTACT_LABELS + r"|(?:联系|归口|电话)(?=[：:]))"), "contact"),
    (re.compile(r"^(?:成果形式|预期成果|成果要求|考核指标|研究成果)"), "deliverable"),
    (re.compile(LEVEL_LABEL), "level"),  # "类别：A类": not what the topic studies
)


_LABELLED = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}[：:]")  # a sentence starting with its label ("归口处室：…")


def _kind_of(text: str, default: str) -> str:
    """The kind of passage a field's label makes of its text ("联系电话：…": contact), else `default`."""
    return next((k for prefix, k in KIND_BY_PREFIX if prefix.match(text)), default)


# (a sentence's marks, which no topic's title has)
_SENTENCE_MARK = re.compile(r"[，。；]")
ROW_TITLE_MIN = 6  # a topic's title is a phrase ("…研究"), not a duration or a count ("18个月")


# Topics listed inline ("重点项目：（1）…；（2）…。"), then each tagged with its level and number: "（重点2）研究要点：…"
_INLINE_LIST = re.compile(r"^(" + LEVEL_ALTERNATION + r")(?:项目|课题)[：:]\s*(?=[(（]1[)）])")
_INLINE_ITEM = re.compile(r"[(（](\d{1,2})[)）]\s*([^；;。（(]{4,}(?:[(（][^)）]*[)）][^；;。（(]*)*)")
_LEVEL_TAGGED = re.compile(r"^[(（](" + LEVEL_ALTERNATION + r")(\d{1,2})[)）]\s*(.+)$")
_NUMBER_MARK = re.compile(r"^[(（]\d{1,2}[)）]\s*")
# A sub-topic named among a topic's fields: "子课题A：郑州市…研究"
_SUB_FIELD = re.compile(r"^子(?:课题|选题)\s*([A-Za-z]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]+|\d{1,2})\s*[：:、]\s*\S")
_SUB_AMONG = re.compile(r"[，,]\s*(?=子(?:课题|选题)\s*(?:[A-Za-z]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]+|\d{1,2})\s*[：:、])")
_ROW_SUB = re.compile(r"^(\d{1,2})\s*[-—－–]\s*(\d{1,2})\s*[、.．]?\s*(\S.{5,})$")  # "1-2 …研究": row 1's sub-topic 2
_TRAILING_FIELDS = re.compile(r"[，,；;]\s*(?=(?:联系|归口|电话|资助|经费)[\u4e00-\u9fff]{0,4}[：:])")


def table_cells(line: str) -> list[str] | None:
    """The cells of a table row written as text ("1 | 郑州市…研究 | 重大项目 | 25万元 | 政策法规处 |
    0371-…", or "1,郑州市…研究,重大项目,25,…" as CSV), or None for a line that is not one (three cells at least)."""
    if "|" not in line and "｜" not in line and "\t" not in line:
        return [c.strip() for c in line.strip().split(",")] if CSV_ROW.match(line.strip()) else None
    cells = [c.strip() for c in _CELL_SPLIT.split(line.strip().strip("|｜"))]
    return cells if len(cells) >= 3 and all(cells) else None


# A row of a two-column table of the call's terms: its label, a bar, what it says ("截止时间 | 2064年6月19日17:00…")
_LABEL_ROW = re.compile(r"^([^|｜\t。，,；;：:]{1,16}?)\s*[|｜\t]\s*([^|｜\t]+)$")


def label_row(text: str) -> tuple[str, str] | None:
    """A "label | value" row's label and value; None for any other line."""
    m = _LABEL_ROW.match(text.strip())
    return (m.group(1).strip(), m.group(2).strip()) if m else None


def topic_record(line: str, aliases: dict[str, str] | None = None) -> tuple[str, str, str, str] | None:
    """A topic written as one line of three or more labelled fields, one its title and one its level: its level,
    its heading (the fields up to the title's), its title, and the fields after it; else None."""
    starts = list(_RECORD_LABEL.finditer(line))
    if len(starts) < 3 or starts[0].start() != 0:
        return None
    title = next((m for m in starts if _RECORD_TITLE.match(m.group(1))), None)
    level = next((lv for m, nxt in zip(starts, [*starts[1:], None], strict=True) if re.match(LEVEL_LABEL, m.group(0).strip())
                  and (lv := cell_level(line[m.end(): nxt.start() if nxt else len(line)].strip(" ；;。"), aliases))), None)
    if title is None or level is None:
        return None
    after = next((m for m in starts if m.start() > title.start()), None)
    name = line[title.end(): after.start() if after else len(line)].strip(" ；;。")
    if len(name) < ROW_TITLE_MIN:
        return None
    head = line[: after.start() if after else len(line)].rstrip(" ；;")
    return level, head, name, line[after.start():].strip() if after else ""


# A cell giving a measure, a bound on it or not ("不少于4万字", "3项", "不超过18个月", "60周岁以下"): a level's term in a
# table of the levels' terms ("重点项目 | 10万元/项 | 3项 | 不少于4万字"), never a topic's title however long
_MEASURE_CELL = re.compile(r"(?:不少于|不多于|不超过|不低于|不高于|至少|最多|原则上|一般)?\s*\d+(?:\.\d+)?\s*(?:万|千)?\s*"
                           r"(?:字|个月|月|年|项|个|人|名|周岁|岁|份|篇|天|日|个工作日|工作日)(?:以内|以上|以下|左右|内)?")


# The column of a topics table its header names as the titles' ("选题名称", "课题名称", "题目")
_TITLE_COLUMN = re.compile(r"^(?:(?:选题|课题|项目|研究)?(?:名称|题目)|选题|课题)$")


def title_column(header: list[str] | None) -> int | None:
    """Where a table's header names its titles' column: the one cell of it so named; None for none or two."""
    named = [i for i, c in enumerate(header or []) if _TITLE_COLUMN.match(re.sub(r"\s", "", c))]
    return named[0] if len(named) == 1 else None


def row_header(texts: list[str], at: int) -> list[str] | None:
    """The header of the table whose row is `texts[at]`: the first of the rows running up to it, when it names the
    titles' column; else None."""
    k = at
    while k > 0 and table_cells(texts[k - 1]) is not None:
        k -= 1
    header = table_cells(texts[k]) if k < at else None
    return header if title_column(header) is not None else None


def row_title(cells: list[str], header: list[str] | None = None) -> str:
    """A topic row's title: the cell under its header's title column ("选题名称"), where the header names one and has
    the row's cells (a cell saying who may apply, "限…科研院所、…机构申报", or what the topic studies with no
    sentence's marks, "研究…企业、…企业的衔接机制", is no title however long); else its longest cell that is no number, level,
    amount or phone; and no sentences, where a title stands beside them (a row giving what the topic studies,
    "…现状，研究…机制，提出…建议", in a cell of its own)."""
    if header and len(header) == len(cells) and (col := title_column(header)) is not None and len(cells[col]) >= ROW_TITLE_MIN:
        return cells[col]
    names = [c for c in cells if not re.fullmatch(r"[\d\s.,万元（）()-]+|[^\d]{0,4}(?:项目|课题)", c)
             and not re.search(r"\d{7,8}|\d\s*万元", c) and not _MEASURE_CELL.fullmatch(arabic_numbers(c))]
    if not names:
        return cells[0]
    longest = max(names, key=len)
    # (a title with a comma of its own, "…研究，兼论…", beside no other cell that could be one: an office is none)
    titles = [c for c in names if len(c) >= ROW_TITLE_MIN and not _SENTENCE_MARK.search(c) and not _OFFICES.fullmatch(c)]
    return max(titles, key=len) if titles and _SENTENCE_MARK.search(longest) else longest


def defined_level_aliases(text: str) -> dict[str, str]:
    """Class names a notice defines as its levels ("A类（重大项目）" -> {"A类": "major"})."""
    out: dict[str, str] = {}
    word_level = dict(LEVEL_WORDS)
    for m in _CLASS_ALIAS[0].finditer(text):
        out.setdefault(m.group(1), word_level[m.group(2)])
    for m in _CLASS_ALIAS[1].finditer(text):
        out.setdefault(m.group(2), word_level[m.group(1)])
    return out


def level_aliases(text: str) -> dict[str, str]:
    """Class names of a notice's levels: those it defines ("A类（重大项目）" -> {"A类": "major"}), else, for a
    notice naming its levels by class letters alone ("A类项目…每项资助16万元"), the levels they rank as."""
    return defined_level_aliases(text) or lettered_levels(text)


# A class of projects named by its letter alone: "A类项目", "乙类课题" (not "A类期刊", nor "第一类")
_LETTER_CLASS = re.compile(r"(?<![A-Za-z0-9])([A-Z]|[甲乙丙丁戊])类(?:项目|课题)")
_LETTER_ORDER = ("ABCDE", "甲乙丙丁戊")
# ... a class the notice funds with no city money ("C类项目。为自筹经费项目，市财政不予资助")
UNFUNDED = re.compile(r"自筹经费|自筹资金|自筹项目|不予(?:经费)?资助|不资助|不安排(?:财政)?(?:经费|资金)|无财政(?:经费|资金)?资助")
_RANKED_LEVELS = ("major", "key", "general")  # the Profile's levels, highest first


def lettered_levels(text: str) -> dict[str, str]:
    """A notice naming its project levels by class letters alone, never by a level word ("A类项目…每项资助16万元；
    B类项目…6.5万元；C类项目为自筹经费项目，不予资助"): each class is the level it ranks as. A class its own
    line says is paid for by the applicant is the self-funded level; the funded ones rank by the amount each
    project gets where every one states one (else by letter), first major, then key, then general. {} where
    the letters are no run from the first (A, B… / 甲, 乙…) or more classes are funded than there are levels."""
    letters = list(dict.fromkeys(m.group(1) for m in _LETTER_CLASS.finditer(text)))
    order = next((o for o in _LETTER_ORDER if letters and letters[0] in o), "")
    letters = sorted(letters, key=lambda c: order.find(c))
    if len(letters) < 2 or "".join(letters) != order[:len(letters)]:
        return {}
    # what each line says of a class: from its name to the next class's name on the line
    spans: list[tuple[str, str]] = []
    for ln in text.splitlines():
        if not (ms := list(_LETTER_CLASS.finditer(ln))):
            continue
        spans += [(m.group(1), ln[m.start():nxt.start() if nxt else len(ln)])
                  for m, nxt in zip(ms, [*ms[1:], None], strict=True)]
    amounts: dict[str, float] = {}
    unfunded: set[str] = set()
    for c in letters:
        said = [s for k, s in spans if k == c]
        if any(UNFUNDED.search(s) for s in said):
            unfunded.add(c)
        elif amount := next((m for s in said if (m := re.search(r"(\d+(?:\.\d+)?)\s*万元", s))), None):
            amounts[c] = float(amount.group(1))
    funded = [c for c in letters if c not in unfunded]
    if len(funded) > len(_RANKED_LEVELS):
        return {}
    if len(amounts) == len(funded):
        funded.sort(key=lambda c: -amounts[c])  # (stable: two classes funded alike keep their letters' order)
    return {f"{c}类": lv for c, lv in [*zip(funded, _RANKED_LEVELS, strict=False), *((c, "self_funded") for c in unfunded)]}


def level_of(heading: str, aliases: dict[str, str] | None = None) -> str | None:
    """The project level a heading names ("一、重大项目" -> major, "类别：B类" with B类 defined -> key), or None."""
    if aliases and (named := [(heading.find(a), lv) for a, lv in aliases.items() if a in heading]):
        return min(named)[1]
    if "项目" not in heading and "课题" not in heading:
        return None
    return next((level for word, level in LEVEL_WORDS if word in heading), None)


_BARE_LEVEL_CELL = re.compile(r"^(?:" + LEVEL_ALTERNATION + r")类?$")  # "重大" in a column headed 类别


def cell_level(cell: str, aliases: dict[str, str] | None = None) -> str | None:
    """The level a table cell names: "重大项目", a class the notice defines ("A类"), or the bare word ("重大")."""
    if len(cell) > 6:
        return None
    return level_of(cell, aliases) or (level_of(cell[:2] + "项目") if _BARE_LEVEL_CELL.match(cell) else None)


def level_tag(title: str, aliases: dict[str, str] | None = None) -> tuple[re.Match[str], str | None] | None:
    """The level tag closing a topic's title and the level it names: "（重点项目）" or "【重点｜8万元】" (the level's
    word alone, a class the notice defines, with the level's terms after it: `group(2)`); None for a bracket naming
    no level ("（郑州段）"). A tag "（培育项目）" naming a level no LEVEL_WORDS word names gives None for its level."""
    t = _LEVEL_TAIL.search(title)
    if not t or t.group(2) and _closing_fields(title):
        return None  # (fields of their own, "（重大项目；规划处；0371-…）", are read as such)
    if re.search(r"(?:项目|课题)$", t.group(1)):
        return t, level_of(t.group(1), aliases)
    lv = cell_level(t.group(1), aliases)
    return (t, lv) if lv else None


def block_number(heading: str) -> tuple[str, int] | None:
    """A labelled topic block's own label and number: "【指南方向3】…" -> ("指南方向", 3), "方向三：…" -> ("方向", 3),
    "（3）…" or "3. …" -> ("", 3) (a running number only when no two topics have one number: corpus/ingest.py)."""
    m = (_BLOCK_TOPIC.match(heading) or _COLON_BLOCK.match(heading) or _PAREN_NUMBER_BLOCK.match(heading)
         or _NUMBER_BLOCK.match(heading) or _RECORD_HEAD.match(heading) or _PAREN_CN_BLOCK.match(heading))
    return (m.group(1), number_of(m.group(2))) if m else None


# A point stating one of a level's terms under its label ("1. 立项数量。重大项目拟立项3项。", "3. 资助标准：每项资助
# 25万元。"), not a topic's title ("1. 郑州市…研究", "1. 题目：郑州市…研究")
_TERM_POINT = re.compile(r"^\d{1,2}\s*[.、．]\s*([\u4e00-\u9fff]{2,6})[。：:]\s*(\S.*[。；;])$")
_TITLE_LABEL = re.compile(r"^(?:课题|选题|项目|研究)?(?:名称|题目|方向|内容|要点)$")


def _term_point(line: str) -> bool:
    return bool((m := _TERM_POINT.match(line)) and not _TITLE_LABEL.match(m.group(1)))


def circled(n: int) -> str:
    return "①②③④⑤⑥⑦⑧⑨⑩"[n - 1] if 1 <= n <= 10 else str(n)


def number_of(token: str) -> int:
    """"③", "三", "十二", "3" -> the number."""
    if token in _CIRCLED:
        return _CIRCLED[token]
    if token.isdigit():
        return int(token)
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (_CN_NUM.get(tens, 1) if tens else 1) * 10 + (_CN_NUM.get(ones, 0) if ones else 0)
    return _CN_NUM.get(token, 2 if token == "两" else 0)


# A number in Chinese numerals, small ("五十五", "二〇五九") or the financial capitals ("贰拾伍", "壹佰壹拾"),
# before what it counts ("五十五周岁", "限报六项", "人民币捌万元", "上午九时"): read as Arabic digits where a
# value is read (an age, a quota, an amount, a count, a time); the quotes stay as the notice writes them
_CN_VALUE = {**{c: i for i, c in enumerate("〇一二三四五六七八九")}, **{c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")},
             "两": 2, "貳": 2, "參": 3, "陸": 6}
_CN_POWER = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_NUMBER = re.compile(r"([〇零一二两三四五六七八九十百千壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+)"
                        r"(?=万元|元|周岁|岁|项(?!目)|个|份|家|名|人|时|点|分|天|倍|次|日|月|年)")


def cn_value(token: str) -> int:
    """"五十五" -> 55, "贰拾伍" -> 25, "壹佰壹拾" -> 110, "二〇五九" -> 2059 (digit by digit when no 十/百/千)."""
    if not any(c in _CN_POWER for c in token):
        return int("".join(str(_CN_VALUE.get(c, 0)) for c in token))
    total, digit = 0, None
    for c in token:
        if c in _CN_POWER:
            total += (1 if digit is None else digit) * _CN_POWER[c]
            digit = None
        else:
            digit = _CN_VALUE.get(c, 0)
    return total + (digit or 0)


def arabic_numbers(text: str) -> str:
    """`text` with the numbers it writes in Chinese numerals before a measure word in Arabic digits
    ("年龄不超过五十五周岁" -> "年龄不超过55周岁", "每项资助人民币贰拾伍万元" -> "每项资助人民币25万元"), and an amount
    per project a slide writes without its 元 as a sum ("8万/项" -> "8万元/项")."""
    text = _THOUSAND_YUAN.sub(lambda m: f"{_wan(m.group(1), 10)}万元", text)
    text = _WHOLE_YUAN.sub(lambda m: f"{_wan(m.group(1), 10000)}万元", text)
    return _CN_NUMBER.sub(lambda m: str(cn_value(m.group(1))), _WAN_PER_ITEM.sub("万元", text))


# A sum in thousands of yuan ("每项资助150千元") or in yuan, five figures or more ("300000元/项", "（1380000元）"): read in
# 万元, as every amount is read ("15万元", "30万元"); a small sum in yuan ("每人每天不超过1500元") is no project's amount
_THOUSAND_YUAN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*千元")
_WHOLE_YUAN = re.compile(r"(?<![\d.,，])(\d{5,})\s*元")


def _wan(figure: str, per_wan: int) -> str:
    """`figure` counted in units `per_wan` of which make 1万元, in 万元: ("150", 10) -> "15", ("75000", 10000) -> "7.5"."""
    value = format(Decimal(figure) / per_wan, "f")
    return value.rstrip("0").rstrip(".") if "." in value else value


# "8万/项", "八万/个": ten thousand yuan a project, its 元 left off as a slide's figures leave it
_WAN_PER_ITEM = re.compile(r"(?<=[\d〇零一二两三四五六七八九十百千壹贰貳叁參肆伍陆陸柒捌玖拾佰仟])\s*万(?=\s*[/／]\s*[项个题])")


# A sum in Chinese numerals, the financial capitals or the small ones ("叁拾万元", "人民币伍万元", "八万元"),
# not one said roughly ("数百万元", "上千万元")
_CN_SUM = re.compile(r"(?<![数几上近逾多余])(?![百千佰仟])([〇零一二两三四五六七八九十百千壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+)(万元|元)")


def with_figures(text: str) -> str:
    """`text` with each sum it writes in Chinese numerals said in figures after it, where it does not say them
    ("…每项资助伍万元。" -> "…每项资助伍万元。（伍万元即5万元）"): a wrong reading of capitals shows."""
    said = [f"{m.group(0)}即{cn_value(m.group(1))}{m.group(2)}" for m in _CN_SUM.finditer(text)]
    said = [x for x in dict.fromkeys(said) if x.partition("即")[2] not in text]
    return text.removesuffix("。") + f"。（{'；'.join(said)}）" if said else text


@dataclass(frozen=True)
class Passage:
    id: str
    section: str
    text: str
    kind: str
    topic: str | None = None
    order: int = 0

    @property
    def context(self) -> str:
        """What the index sees: the heading path gives a lone sentence its subject."""
        return f"{self.section}：{self.text}"


@dataclass
class _Cursor:
    doc: str = "notice"
    path: list[tuple[int, str]] = field(default_factory=list)  # (number, label) per level
    numbered_level: int = 2
    annex: int = 0
    level: str | None = None  # the project level of the guide section we are in
    paren_topics: bool = False  # the section numbers its topics "（一）（二）" (not their sub-topics)
    number_blocks: bool = False  # the guide's "1. title" topics state their levels in their fields
    paren_blocks: bool = False  # ... or its "（一）title" topics
    dotted_groups: bool = False  # the guide's "方向一" blocks group topics "1.1 title", each stating its level
    name: str = ""  # an annex read as the notice: its title

    def set(self, level: int, number: int, label: str) -> None:
        del self.path[level - 1 :]
        while len(self.path) < level - 1:
            self.path.append((0, ""))
        self.path.append((number, label))

    def topic(self) -> str | None:
        if self.doc not in ("guide", "notice") or len(self.path) < 2 or not self.path[1][0] or not self.level:
            return None
        base = f"{self.level}-{self.path[1][0]}"
        return f"{base}-sub-{self.path[2][0]}" if len(self.path) > 2 and self.path[2][0] else base

    def key(self) -> str:
        nums = [n for n, _ in self.path] + [0] * (3 - len(self.path))
        prefix = {"notice": "n", "guide": "g", "pledge": "p", "supplement": "s", "forward": "f"}.get(self.doc, f"a{self.annex}")
        return "-".join([prefix, *map(str, nums[:3])])

    def section(self) -> str:
        root = f"附件{self.annex} {self.name or DOC_NAMES[self.doc]}".strip() if self.annex else DOC_NAMES[self.doc]
        return " > ".join([root, *(label for _, label in self.path if label)])


# (the numbering ends at its mark or a space: "三、一般项目" is numbered "三、", its name "一般项目" keeps its numeral)
_HEADING_NUMBER = re.compile(r"^\s*(?:(?:[(（]\s*[\d一二三四五六七八九十]+\s*[)）]|[\d一二三四五六七八九十]+(?:[.．]\d+)*"
                             r"(?:\s*[、.．)）]|\s+|$))\s*)+")


def heading_label(heading: str) -> str:
    """A heading without its numbering: "二、申报流程" -> "申报流程", "(一) 网络申报" -> "网络申报"."""
    return _HEADING_NUMBER.sub("", heading).strip()


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_CHARS else title[:_TITLE_CHARS] + "…"


def split_sentences(text: str, enumerations: bool = False) -> list[str]:
    """Sentences, short ones merged; with `enumerations`, the points of a running enumeration too
    ("…：一是…；二是…；三是…", each a condition of its own)."""
    parts = [p.strip() for p in (_ENUMERATION if enumerations else _SENTENCE_END).split(text) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and (len(part) < _MIN_SENTENCE or len(merged[-1]) < _MIN_SENTENCE):
            merged[-1] += part
        else:
            merged.append(part)
    return merged


def _block_level(lines: list[str], start: int, aliases: dict[str, str],
                 block: re.Pattern[str] | None = None) -> tuple[str, str] | None:
    """The level a labelled topic block states in its fields ("类别：A类"), before the next block (one
    of the labelled kinds, or one opening as `block` does), with the field's words ("A类")."""
    if own := _FIELDS.search(lines[start]):  # "方向一：…研究（重大，归口处室：…，电话：…）": its own line says it
        for part in _FIELD_SPLIT.split(own.group(1)):
            if len(part.strip()) <= 6 and (lv := level_of(part.strip(), aliases) or level_of(part.strip() + "项目")):
                return lv, part.strip()
    for line in lines[start + 1 : start + 9]:
        if _BLOCK_TOPIC.match(line) or _COLON_BLOCK.match(line) or _ANNEX.match(line) or _PAREN_NUMBER_BLOCK.match(line) or (
                block is not None and block.match(line)):
            return None
        for part in _FIELD_SPLIT.split(line):
            # (the level with a note of its own after it: "项目类别：重点项目（本选题资助额度为12万元）")
            if (m := _LEVEL_FIELD.match(_LEVEL_NOTE.sub("", part.strip()))) and (
                    lv := level_of(m.group(1), aliases) or level_of(m.group(1) + "项目")):
                return lv, m.group(1).strip()
    return None


# A topic's title alone on its line, unnumbered, a phrase with no sentence's punctuation ("郑州市…研究"), its fields on
# the next line: "类别：重点项目；资助额度：9万元；联系处室：政策法规处；电话：0371—…转8012"
_BARE_TITLE = re.compile(r"^[^\s，。；：,;:！？!?|｜\t]{6,60}$")
# ... the fields: labelled ones, two or more, apart by semicolons or bars
_ATTRIBUTE = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\s*\S")
# ... under a domain's heading in brackets, no number in them: "（科技创新治理方向）"
_DOMAIN_HEAD = re.compile(r"^[(（]([^（）()，。；：,;:！？!?\d一二三四五六七八九十]{2,16}|[^（）()，。；：,;:！？!?\d]{4,16})[)）]$")


def _attribute_fields(line: str) -> list[str]:
    """A line of a topic's labelled fields ("类别：…；资助额度：…；联系处室：…；电话：…"): its fields, where two or
    more are, each labelled, one of them the topic's funding or contact; else []."""
    parts = [x.strip() for x in re.split(r"\s*[；;|｜]\s*", line.strip().rstrip("。；;")) if x.strip()]
    if len(parts) < 2 or not all(_ATTRIBUTE.match(x) for x in parts):
        return []
    return parts if any(_kind_of(x, "") in ("funding", "contact") for x in parts) else []


def _bare_titles(lines: list[str]) -> set[int]:
    """The lines that are topics' titles, unnumbered, each followed by its line of fields: a list of them, two or
    more (one alone is no list of topics)."""
    titled = {i for i, x in enumerate(lines[:-1]) if _BARE_TITLE.match(x) and not _attribute_fields(x)
              and not _NUMBERED.match(x) and not _PAREN.match(x) and not _L1.match(x) and not _DOMAIN_HEAD.match(x)
              and not level_of(x) and _attribute_fields(lines[i + 1])}
    return titled if len(titled) >= 2 else set()


def _stated_level(line: str, aliases: dict[str, str]) -> tuple[str, str] | None:
    """The level a topic's line of fields states ("类别：重点项目"), with the field's words."""
    for part in _attribute_fields(line):
        if (m := _LEVEL_FIELD.match(part)) and (lv := level_of(m.group(1), aliases) or level_of(m.group(1) + "项目")):
            return lv, m.group(1).strip()
    return None


def _level_line(line: str) -> str | None:
    """A line that is a level's name and no more, perhaps with a bracketed note ("重点课题（每项资助5万元）"): its
    level, else None."""
    name = _NOTE.sub("", line).strip()
    return level_of(name) if len(name) <= 6 and _BARE_LEVEL.match(name) else None


def _track_heading(lines: list[str], i: int) -> bool:
    """Whether line `i` heads one track's topics with the liaison of them all in its closing brackets, a level's
    line under it ("（二）社科专项课题选题（联系处室：市社科联科研处，电话：…）" over "重点课题（每项资助5万元）")."""
    fields = _FIELDS.search(lines[i]) if _PAREN.match(lines[i]) else None
    return bool(fields and _PHONE_CELL.search(fields.group(1)) and not level_of(lines[i][: fields.start()])
                and i + 1 < len(lines) and _level_line(lines[i + 1]) and i + 2 < len(lines) and _NUMBERED.match(lines[i + 2]))


def _groups_dotted_topics(lines: list[str], start: int, aliases: dict[str, str]) -> bool:
    """Whether the labelled block at `start` ("方向二 科技成果转化研究") is a group of topics: before the next
    block, lines "2.1 …研究" each stating its own level below it ("类别：重大")."""
    for k in range(start + 1, len(lines)):
        if _BLOCK_TOPIC.match(lines[k]) or _COLON_BLOCK.match(lines[k]) or _ANNEX.match(lines[k]):
            return False
        if _DOTTED_HEAD.match(lines[k]) and _block_level(lines, k, aliases, _DOTTED_HEAD):
            return True
    return False


def _bare_run(out: list[Passage], topic: str | None) -> bool:
    """Whether the passages just emitted are two or more sub-topic headings of one topic, each right
    after the other, the last of them `topic`'s."""
    if not topic or not out or out[-1].topic != topic or out[-1].kind != "heading":
        return False
    parent = topic.rsplit("-sub-", 1)[0]
    return len(out) >= 2 and out[-2].kind == "heading" and (out[-2].topic or "").startswith(parent + "-sub-")


def _questions_answered(lines: list[str]) -> list[str]:
    """Lines with each FAQ question joined to its answer (and the answer's further lines, up to the next
    question or a heading-like short line)."""
    out: list[str] = []
    answering = False
    for line in lines:
        if _ANSWER.match(line) and out and _QUESTION.match(out[-1]):
            out[-1] += line
            answering = True
        elif answering and not _QUESTION.match(line) and len(line) > 12 and not _ANNEX.match(line) and not _DATELINE.match(line) \
                and not _ANNEX_LIST.match(line):  # (nor the list of annexes after the last answer, "附件：…指南")
            out[-1] += line  # the answer's next sentence
        else:
            out.append(line)
            answering = False
    return out


# A page of labelled blocks (a government service portal's 办事指南 entry): a field's label leading a list, a table or
# ordered steps ("受理条件：1. 申报单位须为…", "申请材料：序号 | 材料名称 | …", "办理流程：第一步：…"), the label and
# its first line one line once cleaned (corpus/cleaning.py joins a bare label to its value)
_BLOCK_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,8})[：:]\s*(\S.*)$")
_STEP = re.compile(r"^第([一二三四五六七八九十]|\d{1,2})步")
LABELLED_BLOCKS_MIN = 2


def _block_kind(line: str) -> str:
    """How a line opens a list, a table or ordered steps ("" when it does not)."""
    if (m := _NUMBERED.match(line)) and m.group(1) == "1":
        return "numbered"
    if (m := _STEP.match(line)) and number_of(m.group(1)) == 1:
        return "steps"
    return "table" if table_cells(line) is not None else ""


def _continues(kind: str, line: str) -> bool:
    return bool(kind == "numbered" and _NUMBERED.match(line) or kind == "steps" and _STEP.match(line)
                or kind == "table" and table_cells(line) is not None)


def _labelled_blocks(lines: list[str]) -> tuple[list[str], dict[int, str], set[int]]:
    """The lines with each block's label on a line of its own, where the notice is a page of labelled blocks and
    numbers no section of its own (no "一、"): the labels' lines (each a section) and where each block ends (the
    line after its last item, back in the page's own text)."""
    body = next((i for i, x in enumerate(lines) if _ANNEX.match(x) or _APPENDED.match(x) or x == "附件"), len(lines))
    # (nor where its sections have headings of their own, numbered or not: "一、申报要求", "申报对象" over its "1. …")
    if any(_L1.match(x) or _ARTICLE.match(x) or _BRACKETED.match(x) or MD_HEADING.match(x) or _BARE_HEADING.fullmatch(x)
           and _block_kind(lines[i + 1]) for i, x in enumerate(lines[:body]) if i + 1 < len(lines)):
        return lines, {}, set()
    # (the list of annexes, "附件：1. …申报书", is no block of the page's)
    blocks = [i for i, x in enumerate(lines[:body]) if (m := _BLOCK_LABEL.match(x)) and m.group(1) != "附件" and _block_kind(m.group(2))
              and (_block_kind(m.group(2)) != "table" or i + 1 < body and table_cells(lines[i + 1]) is not None)]
    if len(blocks) < LABELLED_BLOCKS_MIN:
        return lines, {}, set()
    out: list[str] = []
    heads: dict[int, str] = {}
    ends: set[int] = set()
    kind = ""
    for i, line in enumerate(lines):
        if kind and not _continues(kind, line):
            kind = ""
            if i < body:
                ends.add(len(out))
        if i in blocks and (m := _BLOCK_LABEL.match(line)):
            heads[len(out)] = m.group(1)
            out.append(m.group(1))
            line, kind = m.group(2), _block_kind(m.group(2))
        out.append(line)
    return out, heads, ends


_AMOUNT_SAID = re.compile(r"\d\s*万元")
_CONTENTS_ENTRY = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3}、)\s*[^。，,；;：:]{2,16}$")  # "01 今年怎么支持"
# A deck's date on its title slide, with the place it is given at after a dot or a bar ("2087年3月6日 · 科技大厦报告厅")
_DECK_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:[·•|｜]\s*[^。，,；;]{2,30})?$")
# A slide deck's page mark ("— 第3页 —", "—— 3 / 18 ——", "Slide 3": cleaning.SLIDE_MARK): the short line after it is
# the slide's title
_SLIDE_TITLE = re.compile(r"^[^。，,；;]{2,24}$")
# A timeline's entry, "05.11 系统开放": a month and a day before a few words, not a point numbered "5.11"
TIMELINE_ENTRY = re.compile(r"^(0[1-9]|1[0-2])[.．/](0[1-9]|[12]\d|3[01])\s+([^\s。，,；;]{2,16})$")
# A timeline written on one line as steps parted by arrows, as a slide draws it ("注册 3.1 → 填报 3.16–4.18 → 推荐
# 4.22–4.25 → 评审 5月中旬"): three or more steps, each a few words and its date or span of dates (dotted, "4/18",
# "4月18日", a part of a month), either way round; each step is a passage of its own, named by its words
_ARROW = re.compile(r"\s*(?:[→⟶➝➔➜➡⇒]\ufe0f?|->|=>)\s*")
_STEP_DAY = r"(?:\d{1,2}\s*[.．/／]\s*\d{1,2}|\d{1,2}\s*月\s*(?:\d{1,2}\s*日|上旬|中旬|下旬|上中旬|中下旬|底|末|初))"
_STEP_WHEN = _STEP_DAY + r"(?:\s*[—\-－–~～至到]+\s*" + _STEP_DAY + r"|\s*[—\-－–~～至到]+\s*\d{1,2}\s*日?)?\s*(?:前|之前|起|止)?"
_STEP_WORDS = r"[\u4e00-\u9fff][\u4e00-\u9fff/／、]{0,9}"
TIMELINE_STEP = re.compile(r"^(?:" + _STEP_WORDS + r"\s*[：:]?\s*" + _STEP_WHEN + "|" + _STEP_WHEN + r"\s*[：:]?\s*" + _STEP_WORDS + ")$")
ARROW_STEPS_MIN = 3


def timeline_steps(line: str) -> list[str]:
    """The steps of a timeline written on one line with arrows (each as the line writes it); [] for any other line
    (a payment "立项后60% → 结题后40%" has no dates; a sentence has more than a step's words)."""
    steps = [x.strip() for x in _ARROW.split(line.strip())]
    if len(steps) < ARROW_STEPS_MIN or not all(TIMELINE_STEP.match(x) for x in steps):
        return []
    return steps


def _slides_and_contents(lines: list[str]) -> tuple[list[str], set[int]]:
    """The lines without a table of contents (three or more section headings in a row, nothing under
    them, after "目录" or not) and without slide marks; and where the slides' titles now stand."""
    out: list[str] = []
    titles: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _L1.match(lines[j]):
            j += 1
        if j - i >= 3:
            if out and re.fullmatch(r"目\s*录", out[-1]):
                out.pop()
            i = j  # the contents: the same headings come again, each over its section
            continue
        if out and re.fullmatch(r"目\s*录", out[-1]):
            # a deck's contents slide, its entries numbered "01 今年怎么支持" (each again a slide's title later)
            j = i
            while j < len(lines) and _CONTENTS_ENTRY.match(lines[j]):
                j += 1
            if j - i >= 3:
                out.pop()
                titles.discard(len(out))
                i = j
                continue
        if SLIDE_MARK.match(lines[i]):
            if i + 1 < len(lines) and _SLIDE_TITLE.match(lines[i + 1]):
                titles.add(len(out))
            i += 1
            continue
        out.append(lines[i])
        i += 1
    return out, titles


def forwarded_start(lines: list[str]) -> int | None:
    """Where the notice a forwarding notice forwards begins, pasted in whole as its annex: the annex mark ("附件1")
    whose title (on its line or the next two: "郑州市科学技术局" / "关于…的通知") is the notice its opening names
    as forwarded ("转发《…》的通知"); None for a notice that forwards none. (Its list of annexes, "附件1：…的通知"
    above its signature, names it too: the last mark naming it, with the notice's text after it, is the notice.)"""
    # (an e-mail forwarding it quotes it under its mail program's line, "-----原始邮件-----")
    quoted = next((i for i, line in enumerate(lines) if MAIL_QUOTE.match(line)), None)
    if quoted is not None and len(lines) - quoted > FORWARDED_MIN_LINES:
        return quoted
    opening = "".join(lines[:8])
    if "转发" not in opening:
        return None
    # (the notice named where it is forwarded, "现将《…》转发给你们": not one a sentence asking readers to pass the
    # page on merely mentions, "具体选题见附件《…指南》" / "请认真阅读，并转发至有关科研人员")
    names = {re.sub(r"\s+", "", n) for clause in re.split(r"[，,。；;！？?\n]", opening) if "转发" in clause
             for n in _FORWARDED_NAME.findall(clause)}
    start = None
    for i, line in enumerate(lines):
        if (m := _ANNEX.match(line)) or line == "附件":
            head = re.sub(r"\s+", "", ((m.group(2) or "") if m else "") + "".join(lines[i + 1 : i + 3]))
            if any(n in head for n in names) and len(lines) - i > FORWARDED_MIN_LINES:
                start = i
    return start


FORWARDED_MIN_LINES = 10  # a forwarded notice pasted in has its sections after its title; a list's mention has not


# A joint notice announces another call beside its own, its title joining their names ("关于组织申报2050年度某市软科学
# 研究计划项目和科技战略研究专项的通知"): the first named is the notice's programme, the others each a programme's
# name of its own (…专项, …计划, …基金, …工程)
_TITLE_CALLS = re.compile(r"^(?:.*年度|.*?关于(?:组织|开展)?(?:申报|征集)?)?(.+?)(?:申报工作|征集工作|申报)?的?(?:通知|公告)$")
_CALL_JOIN = re.compile(r"以及|[和及与、]")
_CALL_NAME = re.compile(r"([\u4e00-\u9fff]{2,20}?)((?:研究)?(?:专项|计划|基金|工程))(?:项目)?")
_CITY_HEAD = re.compile(r"^[\u4e00-\u9fff]{1,3}?(?<![城都])市")  # "郑州市", not "城市更新…" (城市, 都市 are no place)
OTHER_CALL = "other_call"  # the kind of a passage on another call a joint notice announces (not the notice's programme)
# A point's own number ("4. ", "（二）") before the words that say whose it is
_POINT_NUMBER = re.compile(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[.、．](?!\d))\s*")


def joint_calls(lines: list[str]) -> tuple[str, list[str]]:
    """A joint notice's own programme, by the words that name it ("软科学"), and the names the notice gives the
    other calls its title announces, each as the notice writes it whole or short ("科技战略研究专项", "战略专项");
    ("", []) for a notice of one call."""
    title = next((re.sub(r"\s+", "", x) for x in lines[:12] if "通知" in x and len(x) <= 80), "")
    m = _TITLE_CALLS.match(title)
    parts = [x for x in _CALL_JOIN.split(m.group(1))] if m else []
    named = [c for x in parts if (c := _CALL_NAME.fullmatch(_CITY_HEAD.sub("", re.sub(r"^\d{4}年度?", "", x))))]
    if len(parts) < 2 or len(named) != len(parts):
        return "", []
    own = named[0].group(1)
    text = re.sub(r"\s+", "", "\n".join(lines))
    others: list[str] = []
    for call in named[1:]:
        whole = call.group(1) + call.group(2)
        if own in whole:
            continue
        head, tail = call.group(1), re.sub(r"^研究", "", call.group(2))
        # its short names: a run of its head's words before its kind ("战略专项"), written on its own (not only
        # inside the whole name)
        names, rest = [whole], text.replace(whole, "|")
        for name in sorted({head[i:j] + tail for i in range(len(head)) for j in range(i + 2, len(head) + 1)} - {whole},
                           key=lambda x: -len(x)):
            if name in rest:  # (written on its own, not only inside a longer name of the call)
                names.append(name)
                rest = rest.replace(name, "|")
        others += names
    return own, others


def _other_call(p: Passage, own: str, others: list[str]) -> bool:
    """A passage on another call of a joint notice: under a heading naming that call and not the notice's own
    programme ("二、科技战略研究专项"), or a sentence of a shared part whose subject is the other call ("战略专项不报送
    纸质材料。")."""
    labels = p.section.split(" > ")[1:]
    if any(any(o in x for o in others) and own not in x for x in labels):
        return True
    text = _POINT_NUMBER.sub("", p.text)
    return own not in text and any(text.startswith(o) for o in others)


def segment(lines: list[str], as_written: bool = True) -> list[Passage]:
    """The notice's passages. A notice in traditional characters is segmented as its simplified form reads;
    its passages say what it says in its own characters unless not `as_written` (what ingest reads)."""
    simple = [simplified(x) for x in lines]
    passages = _segment(simple)
    own, others = joint_calls(simple)
    if others:
        passages = [replace(p, kind=OTHER_CALL) if p.kind not in ("title", "dateline") and not p.topic and _other_call(p, own, others) else p
                    for p in passages]
    if not as_written or simple == lines:
        return passages
    back = AsWritten("\n".join(lines))
    return [replace(p, text=back(p.text, whole=True), section=back(p.section)) for p in passages]


def _segment(lines: list[str]) -> list[Passage]:
    lines = _questions_answered(lines)
    lines, slide_titles = _slides_and_contents(lines)
    title_slide_end = sorted(slide_titles)[1] if len(slide_titles) >= 2 else -1  # where a deck's second slide begins
    # (a slide deck's titles are found by their places, which no label's line moves)
    lines, block_heads, block_ends = _labelled_blocks(lines) if not slide_titles else (lines, {}, set())
    # A forwarding notice: what the forwarding office adds is its own part ("f-"), the notice it forwards the call
    forwarded = forwarded_start(lines)
    cur = _Cursor(doc="forward") if forwarded is not None else _Cursor()
    aliases = level_aliases("\n".join(lines))
    block_counts: dict[str, int] = {}
    # Arabic top-level headings only where the notice has no "一、" kind and numbers its points "1.1"
    arabic_sections = not any(_L1.match(x) or _ARTICLE.match(x) or _BRACKETED.match(x) or _PAREN_BRACKETED.match(x)
                              for x in lines) and any(
        re.match(r"^\d{1,2}\.\d{1,2}\s*\S", x) and not TIMELINE_ENTRY.match(x) for x in lines)
    # Topics whose level closes their numbered title ("1．…研究（重点项目）"): the "（一）科技创新类" lines
    # between them group topics, they are not sub-topics
    tail_tagged = any((m := _NUMBERED.match(x)) and (t := level_tag(m.group(2), aliases)) and t[1]
                      for x in lines)
    # Headings with no number ("■ 申报对象" with its bullet cleaned off, "## 联系方式"): in a notice that numbers
    # none of its sections, a short line of words alone that a list or a table starts under
    numbered = arabic_sections or any(_L1.match(x) or _ARTICLE.match(x) or _BRACKETED.match(x) or _PAREN_BRACKETED.match(x)
                                      or _PADDED.match(x) for x in lines)
    bare_headings = {
        i for i, x in enumerate(lines[:-1]) if _BARE_HEADING.fullmatch(x) and not level_of(x) and (
            not numbered and (table_cells(lines[i + 1]) is not None or (m1 := _NUMBERED.match(lines[i + 1])) and m1.group(1) == "1"
                              or (m2 := _PAREN.match(lines[i + 1])) and m2.group(1) == "一" or re.match(r"^[(（]1[)）]", lines[i + 1]))
            # ("常见问题解答" over its questions, in any notice: no topic's title is followed by one)
            or _QUESTION.match(lines[i + 1]))}
    # A news report's question subheadings ("哪些单位可以申报？", "“限额”怎么分配？"): short questions alone on their
    # lines, each over the paragraphs that answer it; a report asking two or more is sectioned by them
    asked = [i for i, x in enumerate(lines[:-1]) if _QUESTION_HEADING.fullmatch(x) and not _QUESTION.match(x)
             and not _QUESTION_HEADING.fullmatch(lines[i + 1]) and len(lines[i + 1]) > _MIN_SENTENCE]
    if len(asked) >= 2:
        bare_headings |= set(asked)
    # Headings an article marks with a symbol ("📅 申报时间", "☎️ 联系方式"; corpus/cleaning.py keeps the symbol): each a
    # section, whatever follows it, in an article with two or more of them (a run of such lines is a list)
    marked = [i for i, x in enumerate(lines) if MARKED_HEADING.match(x)]
    marked_headings = {i for i in marked if i + 1 not in marked and i - 1 not in marked} if len(marked) >= 2 else set()
    # Topics listed by their titles alone, unnumbered, each over its line of fields, perhaps grouped under domain
    # headings in brackets ("（产业科技创新方向）")
    bare_titles = _bare_titles(lines)
    domain_heads = {i: m.group(1) for i in range(len(lines) - 1) if i + 1 in bare_titles and (m := _DOMAIN_HEAD.match(lines[i]))}
    marked_number = 0  # the last one's number: the next one's follows it, whatever "（一）重点项目" numbered between them
    # A Markdown export's headings with no number, their marks kept (corpus/cleaning.py): "## 申报条件" a section,
    # "### 申报单位条件" a part of it, by how deep they are below the shallowest
    md_top = min((len(m.group(1)) for x in lines if (m := MD_HEADING.match(x))), default=0)
    out: list[Passage] = []
    counters: dict[str, int] = {}
    notes_heads = _notes_heads(lines)
    in_notes = False  # in a block of notes, after its "注释：" line
    note_marked: dict[str, _Cursor] = {}  # a note's number -> where a topic's passage marked it, since the last block
    field_line = -2  # the line of the last form blank emitted

    def emit(text: str, kind: str, sentences: bool = True) -> None:
        key = cur.key()
        # the notice's own conditions point by point; a topic's content stays as its sentences
        for sentence in split_sentences(text, enumerations=cur.topic() is None) if sentences else [text]:
            n = counters.get(key, 0)
            counters[key] = n + 1
            out.append(Passage(f"{key}-{n}", cur.section(), sentence, kind, cur.topic(), len(out)))
            if cur.topic() and not in_notes:
                for number in note_marks(sentence):  # (a topic's passage marking a note: the note is the topic's)
                    note_marked.setdefault(number, replace(cur, path=list(cur.path)))

    def emit_note(text: str) -> None:
        """A note, whole: the topic's whose heading or field marks it ("课题9：…研究〔注2〕" over "注2：课题9面向…"),
        where a topic's passage marked it since the last block of notes, else the block's own."""
        said = footnote(text)
        where = note_marked.get(said[0]) if said else None
        if where is None:
            emit(text, "text", sentences=False)
            return
        key = where.key()
        n = counters.get(key, 0)
        counters[key] = n + 1
        out.append(Passage(f"{key}-{n}", where.section(), text, "text", where.topic(), len(out)))

    def emit_fields(text: str) -> None:
        """A topic's bracketed fields, each a passage of its kind ("资助强度：30万元", "联系处室：规划处，电话：…").
        Sub-topics named among them ("…，下设2个子课题，子课题A：…；子课题B：…；成果形式：…") are sub-topics, and
        the fields after them their topic's."""
        parts = [y.strip() for x in _FIELD_SPLIT.split(text) for y in _SUB_AMONG.split(x)]
        named_here = False
        for part in (x for x in parts if x):
            if len(cur.path) >= 2 and cur.level and (sub := _SUB_FIELD.match(part)):
                n = number_of(sub.group(1)) if not sub.group(1).isascii() or sub.group(1).isdigit() else (
                    ord(sub.group(1).upper()) - ord("A") + 1)
                cur.set(3, n, f"子课题{sub.group(1)}")
                emit(part, "heading", sentences=False)
                named_here = True
                continue
            kind = _kind_of(part, "text")
            if named_here and len(cur.path) > 2 and kind in ("contact", "funding", "deliverable"):
                del cur.path[2:]  # back to the topic the sub-topics just listed belong to
            if part:
                if kind == "text" and _BARE_CONTACT.fullmatch(part):
                    kind = "contact"  # "规划处", "0371-67170001": an office or a phone unlabelled
                elif kind == "text" and re.search(r"\d\s*万元", part):
                    kind = "funding"  # "B类，每项不超过8万元": an amount unlabelled
                elif kind == "text" and len(part) <= 6 and level_of(part):
                    kind = "level"  # "（重点项目，联系人：…）": the level alone
                emit(part, kind, sentences=False)

    # Topics listed inline under their level ("重大项目：（1）郑州市…研究；（2）…。"), by (level, number): the
    # item as the notice writes it, which a block tagged "（重大1）" below gives the content of
    listed: dict[tuple[str, int], str] = {}
    for sentence in (x for line in lines for x in re.split(r"(?<=。)", line)):
        if (opening := _INLINE_LIST.match(sentence)) and (lv := level_of(opening.group(1) + "项目", aliases)):
            for item in _INLINE_ITEM.finditer(sentence[opening.end():]):
                listed[(lv, int(item.group(1)))] = item.group(0).rstrip("；;。")

    in_table = False
    row_counts: dict[str, int] = {}
    # The topics of a table, by title and by running number: a later block "选题3：…" gives that row's content.
    rows: dict[str, tuple[str, int, str]] = {}
    # The topics labelled by a code ("【RC-A01】…研究"), by their code_key: a later table keyed by the codes ("选题代码 |
    # 联系处室 | 联系人 | 联系电话") gives each row's topic its fields there.
    coded: dict[str, tuple[str, int, str]] = {}

    def enter_row(row: tuple[str, int, str]) -> None:
        """Back in a table row's topic (its level, number within the level, heading label)."""
        cur.level = row[0]
        cur.set(2, row[1], row[2])
    article = 0  # the notice's last article ("第七条"): the next one in order opens a section, its text on its line or not
    topics_part: int | None = None  # the number of the notice's own section of topics ("七、研究选题"), once it is entered
    for i, line in enumerate(lines):
        if cur.doc == "notice" and cur.path and _TOPICS_HEADING.search(cur.path[0][1]):
            topics_part = cur.path[0][0]
        in_topics = cur.doc == "notice" and bool(cur.path) and cur.path[0][0] == topics_part
        if in_notes and i not in notes_heads and not FOOTNOTE.match(line):
            in_notes = False  # the block of notes is over
            note_marked.clear()
        if i == forwarded:
            cur = _Cursor()  # the forwarded notice's annex mark: the notice itself begins
            continue
        if i in block_ends:
            cur.path, cur.level, cur.numbered_level = [], None, 2  # a labelled block's list is over: the page's own text
        if i in block_heads:
            cur.set(1, list(block_heads).index(i) + 1, block_heads[i])  # "受理条件" over its items, the page's Nth block
            cur.numbered_level = 2
            cur.level = None
            continue
        cells = table_cells(line)
        header = row_header(lines, i) if cells is not None else None
        if in_table and cells is None:
            # the table is over: what follows belongs to the section, not to its last topic
            in_table, cur.level = False, None
            del cur.path[1:]
        # (a table of topics with no level column, under the heading of the level its rows are, "一、重大项目（每项资助
        # 12万元）" over "序号 | 选题名称 | 研究内容 | 联系处室 | 电话": a row numbered or giving a phone is a topic of
        # that level)
        # (not a topic's fields on a line, "级别：重大项目 | 归口：发展规划处 | 电话：…", nor a row of the contacts of topics
        # keyed by code, "RC-B01 | 高新技术处 | 张老师 | …", both read below: a row titling no topic)
        under = cur.level if cells is not None and cur.level and (
            cells[0].isdigit() or any(_PHONE_CELL.search(c) for c in cells)) and not all(
            _LABEL_CELL.match(c) for c in cells) and not _OFFICE_CELL.fullmatch(row_title(cells, header)) and not any(
            (key := code_key(c)) and key in coded for c in cells[:2]) else None
        if cells is not None and len(row_title(cells, header)) >= ROW_TITLE_MIN and (
                lv := next((x for c in cells if (x := cell_level(c, aliases))), None) or under):
            # (a row naming a level with no title, "重大项目 | 30万元/项 | 18个月", states the level's terms)
            # A topic as a table row: its level, title, amount and contact are its cells, one passage.
            if not in_table:
                row_counts = {}
            in_table = True
            row_counts[lv] = row_counts.get(lv, 0) + 1
            cur.level = lv
            cur.set(2, row_counts[lv], f"{row_counts[lv]}. {_short(row_title(cells, header))}")
            rows[row_title(cells, header)] = rows[cells[0]] = (lv, row_counts[lv], cur.path[1][1])
            emit(line, "heading", sentences=False)
            cur.level = lv
            continue
        if cells is not None and coded and (row := next((r for c in cells[:2] if (r := coded.get(code_key(c)))), None)):
            # "RC-A01 | 高新技术处 | 张老师 | 0396-…" in a table after the topics (its code first, or after a running
            # number): the fields of the topic of that code, its contact (or its amount, "RC-A01 | 15万元"); the
            # table's last row the last of them, back in the section after it
            in_table = True
            enter_row(row)
            contact = _PHONE_CELL.search(line) or any(_OFFICE_CELL.fullmatch(c) for c in cells)
            emit(line, "contact" if contact else "funding" if re.search(r"\d\s*万元", line) else "text", sentences=False)
            continue
        if cells is not None and cur.level and len(cur.path) >= 2 and all(_LABEL_CELL.match(c) for c in cells):
            emit_fields(line)  # a topic's fields on one line: "级别：重大项目 | 归口：发展规划处 | 电话：…"
            continue
        if cells is not None:
            emit(line, "text", sentences=False)  # a table's header ("序号 | 课题名称 | …")
            continue
        if cur.doc in ("notice", "guide") and (record := topic_record(line, aliases)):
            # A topic as one line of labelled fields: numbered within its level as a labelled block is; its
            # heading the fields up to its title ("序号：1；名称：…"), the others each a passage of its kind.
            lv, record_head, name, record_fields = record
            if lv not in block_counts and cur.doc == "guide":
                cur.set(1, len(block_counts) + 1, LEVEL_NAMES[lv])
            block_counts[lv] = block_counts.get(lv, 0) + 1
            cur.level = lv
            cur.set(2, block_counts[lv], f"{block_counts[lv]}. {_short(name)}")
            emit(record_head, "heading", sentences=False)
            if record_fields:
                emit_fields(record_fields)
            continue
        if md := MD_HEADING.match(line):
            words = md.group(2)
            listed_files = words == "附件" and i + 1 < len(lines) and bool(_FILE_LINK.search(lines[i + 1]))
            if cur.doc == "notice" and not (_ANNEX.match(words) or words == "附件") or listed_files:
                # (an annex heading over links to its files lists the annexes; one over its text begins it)
                depth = min(len(md.group(1)) - md_top, 1) + 1
                number = cur.path[depth - 1][0] + 1 if len(cur.path) >= depth else 1
                cur.set(depth, number, words)
                cur.numbered_level = depth + 1
                name = _NOTE.sub("", words)
                cur.level = level_of(words) if len(name) <= 6 and level_of(name) else None
                continue
            line = words  # an annex's heading, or a heading in an annex: read by its words as the annex reads them
        if PUBLISHED.match(line) or ARTICLE_BYLINE.match(line):
            continue  # a posting's publication line (its place in the postings' order: corpus/cleaning.py), an article's byline
        if mark := MARKED_HEADING.match(line):
            line = mark.group(1)  # its words, read as the heading they are ("附件" alone: the notice's annex)
            if i in marked_headings and cur.doc == "notice" and line != "附件":
                marked_number = max(marked_number, cur.path[0][0] if cur.path else 0) + 1
                cur.set(1, marked_number, line)
                cur.numbered_level = 2
                cur.level = None
                continue
        if (SUPPLEMENT_TITLE.match(line) or i + 1 < len(lines) and PUBLISHED.match(lines[i + 1])) and any(
                p.kind == "dateline" for p in out):
            # A later notice amending this one, after this one's date line (not a title such as "关于调整…的通知"
            # heading the notice itself), or a later posting on the call, its title over its publication line
            # ("…申报工作答疑" / "发布时间：…"): its own document, read for what it changes (corpus/ingest.py)
            cur = _Cursor(doc="supplement")
            emit(line, "title", sentences=False)
            continue
        if cur.doc != "forward" and (appended := _APPENDED.match(line)) and i + 1 < len(lines) and (
                doc := "guide" if re.search(r"指南|选题|课题", appended.group(1)) else "pledge" if "承诺书" in appended.group(1) else ""):
            # "附：申报指南" closing a report or a letter: what it appends begins, an annex as "附件1" is
            cur = _Cursor(doc=doc, annex=cur.annex + 1)
            emit(appended.group(1), "title" if doc == "guide" else "text", sentences=False)
            continue
        if cur.doc != "forward" and (m := _ANNEX.match(line)) and m.group(2) and _ANNEX_FILE.search(m.group(2).strip()):
            cur.set(1, 9, "附件")  # (with the list's other files: "相关附件：附件1：….docx")
            emit(line, "text", sentences=False)
            continue
        if cur.doc != "forward" and ((m := _ANNEX.match(line)) or line == "附件"):  # "附件" alone: a notice's one annex
            # (the forwarding part's list of annexes names the forwarded notice, which begins later)
            # What an annex is, from its title (on its line or the next lines): the guide holds the topics.
            head = (m.group(2) or "" if m else "") + "".join(lines[i + 1 : i + 3])
            # ("2036年度…项目选题表": a list of the call's topics is its guide too)
            doc = "guide" if re.search(r"指南|选题|课题", head) else "pledge" if "承诺书" in head else "annex"
            # an annex setting out the call's own terms ("申报要素一览表", "申报须知"), which the notice leaves to it
            # ("申报条件、时间节点…详见附件一览表"): read as the notice, under its own title
            title = (m.group(2) if m else None) or (lines[i + 1] if i + 1 < len(lines) else "")
            # (and an annex answering the applicants' questions, "申报指南问答" or "常见问题解答", whatever else its
            # title says: its answers are the call's terms, its topics listed in a guide of their own)
            terms = doc == "annex" and bool(TERMS_ANNEX.fullmatch(title)) or doc != "pledge" and bool(FAQ_ANNEX.search(title))
            cur = _Cursor(doc="notice" if terms else doc, annex=int(m.group(1)) if m else 1, name=title if terms else "")
            if m and m.group(2):
                emit(m.group(2), "title" if doc == "guide" and not terms else "text", sentences=False)
            continue
        if rows and (m := _CODE_LINE.match(line)) and (row := rows.get(m.group(1))):
            # "R03：研究…" after the table whose row R03 is: that topic's content
            enter_row(row)
            emit(line, "content", sentences=False)
            continue
        if rows and (m := _BLOCK_TOPIC.match(line) or _COLON_BLOCK.match(line)) and (
                row := rows.get(m.group(3).strip()) or rows.get(str(number_of(m.group(2))))):
            # "选题3：…研究" after the topic table: that row's topic again, its content below
            enter_row(row)
            emit(line, "text", sentences=False)
            continue
        if rows and (m := _TITLED_POINT.match(line)) and (row := rows.get(m.group(1).strip())):
            # "9. 郑州市…研究。调查…" after the topic table: that row's title again, then what it studies
            enter_row(row)
            emit(line[: m.end()], "text", sentences=False)
            if rest := line[m.end():].strip():
                emit(rest, "content")
            continue
        if (m := _LEVEL_TAGGED.match(line)) and (lv := level_of(m.group(1) + "项目", aliases)) and (
                (lv, int(m.group(2))) in listed):
            # "（重大1）研究要点：…；成果形式：…；归口处室：…；联系电话：…": the listed topic's fields
            n = int(m.group(2))
            cur.level = lv
            cur.set(2, n, f"{n}. {_short(_NUMBER_MARK.sub('', listed[(lv, n)]))}")
            emit(listed[(lv, n)], "heading", sentences=False)
            emit_fields(m.group(3))
            continue
        if rows and (m := _ROW_SUB.match(line)) and (row := rows.get(m.group(1))):
            # "1-2 郑州市…研究（重点项目，联系人：…）" after the topic table: row 1's second sub-topic
            enter_row(row)
            n = int(m.group(2))
            cur.set(3, n, f"子课题{circled(n)}")
            bracket = _FIELDS.search(line)
            emit(line[: bracket.start()] if bracket else line, "heading", sentences=False)
            if bracket:
                emit_fields(bracket.group(1))
            continue
        if cur.doc == "guide" and (m := _BLOCK_TOPIC.match(line) or _COLON_BLOCK.match(line)) and (
                _groups_dotted_topics(lines, i, aliases)):
            # "方向二 科技成果转化研究" over its topics "2.1 …" "2.2 …": a group, its contact line theirs (corpus/ingest.py)
            cur.set(1, number_of(m.group(2)), line)
            cur.level, cur.dotted_groups = None, True
            emit(line, "text", sentences=False)
            continue
        if cur.doc == "guide" and cur.dotted_groups and cur.path and (m := _DOTTED_HEAD.match(line)) and (
                own_level := _block_level(lines, i, aliases, _DOTTED_HEAD)):
            # "2.3 …研究" in its group: a topic, numbered within the level its field states
            lv = own_level[0]
            block_counts[lv] = block_counts.get(lv, 0) + 1
            cur.level = lv
            cur.set(2, block_counts[lv], f"{m.group(2)} {_short(m.group(3))}")
            emit(line, "heading", sentences=False)
            continue
        if in_topics and (m := _PAREN.match(line)) and (office := _FIELDS.search(line)) and _OFFICE_CELL.fullmatch(
                line[m.start(2) : office.start()].strip()):
            # "（二）战略规划处（联系人：…；电话：…；邮箱：…）" in the notice's own section of topics: the office the topics
            # below are listed under (numbered afresh under it), whose contact is theirs (corpus/ingest.py)
            cur.set(1, cur.path[0][0], line[: office.start()])
            cur.level = None
            emit(line, "contact", sentences=False)
            continue
        if (cur.doc == "guide" and (m := _BLOCK_TOPIC.match(line) or _COLON_BLOCK.match(line)) and (
                stated := _block_level(lines, i, aliases) or (cur.level and (cur.level, "")))) or (
                cur.doc == "guide" and (m := _PAREN_NUMBER_BLOCK.match(line)) and (stated := _block_level(lines, i, aliases))) or (
                cur.doc == "guide" and (not cur.level or cur.paren_blocks) and (m := _PAREN_CN_BLOCK.match(line))
                and not level_of(m.group(3), aliases) and (stated := _block_level(lines, i, aliases, _PAREN_CN_BLOCK))) or (
                cur.doc == "guide" and (not cur.level or cur.number_blocks) and (m := _NUMBER_BLOCK.match(line))
                and (stated := _block_level(lines, i, aliases, _NUMBER_BLOCK))) or (
                cur.doc == "notice" and (m := _BLOCK_TOPIC.match(line) or _COLON_BLOCK.match(line))
                # (or, as in a guide, the level heading it is under, the notice's own "（一）重大项目")
                and (stated := _block_level(lines, i, aliases) or (cur.level and (cur.level, "")))) or (
                # ... or "（3）…研究" in the notice's own section of topics, its level in a field below it ("项目类别：
                # 重点项目"), as a guide's
                cur.doc == "notice" and (m := _PAREN_NUMBER_BLOCK.match(line)) and (stated := _block_level(lines, i, aliases))) or (
                # ... or "1．…研究" numbered afresh under each group of the notice's own section of topics ("七、研究选题"
                # over "（一）政策法规处（联系人：…）"), its level in a field below it ("项目类别：重大项目")
                in_topics and (m := _NUMBER_BLOCK.match(line)) and (stated := _block_level(lines, i, aliases, _NUMBER_BLOCK))):
            # A labelled topic block, numbered within its level (its own number stays in its heading);
            # in a guide the levels it states ("类别：B类") are its sections, in the order they first come;
            # in the notice it stays in its section ("（五）【研究方向】").
            lv, word = stated
            cur.number_blocks = cur.number_blocks or bool(_NUMBER_BLOCK.match(line))
            cur.paren_blocks = cur.paren_blocks or bool(_PAREN_CN_BLOCK.match(line))
            if lv not in block_counts and cur.doc == "guide":
                cur.set(1, len(block_counts) + 1, word or LEVEL_NAMES[lv])
            block_counts[lv] = block_counts.get(lv, 0) + 1
            cur.level = lv
            on_line = _FIELDS.search(line)
            head = line[: on_line.start()] if on_line else line
            cur.set(2, block_counts[lv], f"{block_counts[lv]}. {_short(head[m.start(3):])}")
            if code := code_key(m.group(1) + m.group(2)):
                # "【RC-A01】…研究": called by its code, which a later table's rows give its fields by
                coded[code] = (lv, block_counts[lv], cur.path[1][1])
            emit(head, "heading", sentences=False)
            if on_line:  # its fields on its line: each a passage
                emit_fields(on_line.group(1))
            continue
        if cur.doc in ("notice", "guide") and i in domain_heads:
            # "（社会民生科技方向）" over topics listed by title: the group they are in (corpus/ingest.py), under the
            # section's number
            cur.set(1, cur.path[0][0] if cur.path else 0, domain_heads[i])
            cur.level = None
            continue
        if cur.doc in ("notice", "guide") and i in bare_titles and (
                stated := _stated_level(lines[i + 1], aliases) or (cur.level and (cur.level, ""))):
            # "嵩原市…研究" then "类别：重点项目；资助额度：…；联系处室：…；电话：…": a topic, numbered within the level
            # its fields state (or the level heading it is under), its fields each a passage
            lv, word = stated
            if lv not in block_counts and cur.doc == "guide" and not domain_heads:
                cur.set(1, len(block_counts) + 1, word or LEVEL_NAMES[lv])
            block_counts[lv] = block_counts.get(lv, 0) + 1
            cur.level = lv
            cur.set(2, block_counts[lv], f"{block_counts[lv]}. {_short(line)}")
            emit(line, "heading", sentences=False)
            continue
        if cur.doc in ("notice", "guide") and (m := _LEVEL_NUMBERED.match(line)) and (lv := level_of(m.group(1) + "项目")):
            # the title up to its full stop, then its fields ("研究内容：…。联系人：…"), each a passage
            title, _, fields = m.group(3).partition("。")
            n = number_of(m.group(2))
            cur.level = lv
            cur.set(2, n, f"{n}. {_short(title)}")
            emit(line[: line.index(m.group(3))] + title + ("。" if fields or line.endswith("。") else ""), "heading",
                 sentences=False)
            for part in re.split(r"(?<=。)(?=[\u4e00-\u9fff]{2,6}[：:])", fields.strip()):
                if part.strip():
                    emit_fields(part.strip().rstrip("。"))
            continue
        if cur.doc in ("notice", "guide") and (m := _TAGGED_TOPIC.match(line)) and (
                lv := level_of(m.group(2), aliases) or level_of(m.group(2) + "项目")):
            # the title up to its full stop, then its fields ("联系处室：…，电话：…")
            title, _, fields = m.group(3).partition("。")
            block_counts[lv] = block_counts.get(lv, 0) + 1
            cur.level = lv
            cur.set(2, block_counts[lv], f"{block_counts[lv]}. {_short(title)}")
            emit(line[: line.index(m.group(3))] + title + ("。" if fields or line.endswith("。") else ""), "heading",
                 sentences=False)
            if fields.strip():
                emit_fields(fields.strip())
            continue
        if TIMELINE_ENTRY.match(line):
            emit(line, "text", sentences=False)  # "06.26 推荐截止": a dated step, no numbered point
            continue
        if steps := timeline_steps(line):
            for step in steps:  # "注册 3.1 → 填报 3.16–4.18 → …": each step dated on its own
                emit(step, "text", sentences=False)
            continue
        if arabic_sections and cur.doc == "notice" and (m := _ARABIC_L1.match(line)):
            cur.set(1, int(m.group(1)), line)
            cur.numbered_level = 2
            cur.level = None
            continue
        if arabic_sections and cur.doc == "notice" and cur.path and (m := _DOTTED_TOPIC.match(line)) and cur.level:
            # "5.2.3 …研究" under "5.2 B类项目": a topic, numbered within its level's point
            n = int(m.group(1))
            cur.set(2, n, f"{n}. {_short(m.group(2))}")
            emit(line, "heading", sentences=False)
            continue
        if arabic_sections and cur.doc == "notice" and cur.path and (m := re.match(r"^\d{1,2}\.(\d{1,2})\s*(\S.*)$", line)) and (
                len(m.group(2)) <= 8 and (lv := level_of(m.group(2), aliases))):
            # "5.2 B类项目": the level whose topics follow ("5.2.1 …")
            cur.level = lv
            del cur.path[1:]
            continue
        if arabic_sections and cur.doc == "notice" and cur.path and (m := re.match(r"^\d{1,2}\.(\d{1,2})\s*(\S.*)$", line)):
            # "1.2 项目负责人。…": a point of the section, named by its label
            label = _LABEL.match(m.group(2))
            cur.set(2, int(m.group(1)), f"{line[: line.index(m.group(2))].strip()} {label.group(1) if label else ''}".strip())
            emit(line, "text")
            continue
        if i in slide_titles and cur.doc == "notice":
            # a slide's title: the deck's next section (a guide's slide, "选题指南（2）：重点项目", heads that level)
            cur.set(1, (cur.path[0][0] if cur.path else 0) + 1, line)
            cur.numbered_level = 2
            cur.level = level_of(line, aliases)
            if _AMOUNT_SAID.search(arabic_numbers(line)):
                emit(line, "heading", sentences=False)  # ("…（二）重点项目｜8万元/项": the level's amount, said once for its slide)
            continue
        if i in bare_headings and (cur.doc == "notice" or _QUESTION.match(lines[i + 1])):
            # (numbered after the last section of its document, not after where the cursor stands: a FAQ's heading
            # after the annex list and the date line, "申报常见问题解答", is no repeat of the last numbered section)
            prefix = cur.key().split("-")[0] + "-"
            last = max((int(p.id.split("-")[1]) for p in out if p.id.startswith(prefix)), default=0)
            cur.set(1, max(cur.path[0][0] if cur.path else 0, last) + 1, line)
            cur.numbered_level = 2
            cur.level = None
            continue
        if cur.doc == "notice" and (m := _ARTICLE_TEXT.match(line)) and not _ARTICLE.match(line) and (
                number_of(m.group(1)) == article + 1):
            # "第十条 市科技局对申报项目进行形式审查，…": an article's own section, not the last item of the article before
            article = number_of(m.group(1))
            lead = len(line) <= _ARTICLE_LABEL and line.endswith(("：", ":"))
            cur.set(1, article, line if lead else f"第{m.group(1)}条")
            cur.numbered_level = 2
            cur.level = None
            emit(line, "text")
            continue
        if (m := _ARTICLE.match(line)) and line.startswith("第") and "条" in line[:6]:
            article = number_of(m.group(1))
        if m := _L1.match(line) or _LEVEL_L1.match(line) or _ARTICLE.match(line) or _BRACKETED.match(line) or _PAREN_BRACKETED.match(line) or (
                _PADDED.match(line) if cur.doc == "notice" else None) or (
                long if cur.doc == "notice" and (long := _LONG_L1.match(line)) and cur.path
                and number_of(long.group(1)) == cur.path[0][0] + 1 else None):
            cur.set(1, number_of(m.group(1)), line)
            cur.numbered_level = 2
            # (in the notice, a heading that is a level's name and no more, "一、重大项目（每项25万元）", heads its
            # topics as in a guide; its note says something)
            name = _NOTE.sub("", heading_label(line))
            cur.level = level_of(line) if cur.doc == "guide" or len(name) <= 6 and level_of(name) else None
            if cur.level and name != heading_label(line):
                emit(line, "text", sentences=False)
            continue
        if cur.doc == "guide" and len(line) <= 6 and _BARE_LEVEL.match(line) and (lv := level_of(line)):
            # "重大项目" alone on its line: the guide's next section, numbered in order
            cur.set(1, (cur.path[0][0] if cur.path else 0) + 1, line)
            cur.numbered_level = 2
            cur.level, cur.paren_topics = lv, False
            continue
        if cur.doc == "notice" and i in notes_heads:
            # "注释：" over the footnotes "[1] 在某单位，指…" the notice's text marks: a section of their own, not
            # the last item's (whose fact or contact they are not) - the notice's, where it has one such block; where
            # each section closes with its own ("注释：" + "注1：…", numbered afresh), that section's
            if len(notes_heads) > 1 and cur.path and cur.path[0][1] != "注释":
                cur.set(2, 90, "注释")
            else:
                cur.set(1, 90, "注释")
            cur.level = None
            in_notes = True
            if rest := NOTES_HEAD.match(line).group(1):  # type: ignore[union-attr]
                emit_note(rest)
            continue
        if cur.doc == "notice" and in_notes and FOOTNOTE.match(line):
            emit_note(line)  # a footnote whole, its definition one passage
            continue
        if (m := _ANNEX_LIST.match(line)) and line in lines[:i] and re.search(r"指南|选题|课题|承诺书", m.group(2)):
            # "附件：2042年度…项目指南" again, after the list of annexes named it: the annex itself begins
            doc = "guide" if re.search(r"指南|选题|课题", m.group(2)) else "pledge"
            cur = _Cursor(doc=doc, annex=1)
            emit(m.group(2), "title" if doc == "guide" else "text", sentences=False)
            continue
        if m := _ANNEX_LIST.match(line):
            cur.set(1, 9, m.group(1))
            emit(line.removeprefix("- "), "text", sentences=False)
            continue
        # A guide's topics, or topics the notice lists itself under a level heading ("（一）重大项目").
        topical = cur.doc == "guide" or cur.doc == "notice" and cur.level is not None
        if topical and cur.level and len(cur.path) >= 2 and (m := _FIELDS.fullmatch(line)):
            emit_fields(m.group(1))
            continue
        if topical and cur.level and len(cur.path) >= 2 and _DOTTED.match(line):
            # "1.1 创新投入…；": a point of the topic's content (a sub-topic is named 子课题 and has its own
            # funding and contact; these do not)
            emit(line, "content", sentences=False)
            continue
        if topical and cur.level and len(cur.path) >= 2 and (m := _SUBTOPIC.match(line)):
            token = m.group(1) or m.group(2)
            n = number_of(token)
            cur.set(3, n, f"子课题{circled(n)}")
            # its fields may close its line: "子课题①：…研究（B类，每项不超过8万元；归口处室：…，联系电话：…）"
            fields = _FIELDS.search(line) if m.group(1) else None
            # ... or follow it after a comma: "子课题1：…研究，联系电话：0371-…"
            trailing = None if fields else _TRAILING_FIELDS.search(line)
            emit(line[: fields.start()] if fields else line[: trailing.start()] if trailing else line, "heading",
                 sentences=False)
            if fields:
                emit_fields(fields.group(1))
            elif trailing:
                emit_fields(line[trailing.end():])
            continue
        if topical and cur.level and len(cur.path) >= 2 and (m := _PAREN_SUB.match(line)):
            # "（1）郑州市工业大模型应用场景培育研究" under a topic: a sub-topic's title (its content points are
            # sentences, punctuated)
            n = int(m.group(1))
            cur.set(3, n, f"子课题{circled(n)}")
            emit(line, "heading", sentences=False)
            continue
        group_fields = _FIELDS.search(line) if tail_tagged and _PAREN.match(line) else None
        group = line[: group_fields.start()] if group_fields else line
        if tail_tagged and cur.doc in ("notice", "guide") and (m := _PAREN.match(group)) and len(group) <= 16 and not re.search(
                r"[，。；：,;:]", group) and not level_of(group, aliases):
            cur.set(1, number_of(m.group(1)), group)  # "（二）产业发展类": a group of the topics below
            cur.level = None
            if group_fields:
                # "（二）高新技术处（联系人：王老师，电话：…）": the office its topics are listed under, whose contact
                # is theirs (corpus/ingest.py)
                emit(line, "contact", sentences=False)
            continue
        if cur.doc in ("notice", "guide") and _track_heading(lines, i) and (m := _PAREN.match(line)):
            # "（二）社科专项课题选题（联系处室：…，电话：…）" over its levels' lines and their topics: a group of the topics
            # below, its liaison theirs (corpus/ingest.py), as an office's heading over its topics is
            fields = _FIELDS.search(line)
            cur.set(1, number_of(m.group(1)), line[: fields.start()] if fields else line)
            cur.level = None
            emit(line, "contact", sentences=False)
            continue
        if cur.doc == "notice" and cur.path and (lv := _level_line(line)) and i + 1 < len(lines) and (
                _NUMBERED.match(lines[i + 1]) or _BLOCK_TOPIC.match(lines[i + 1]) or _COLON_BLOCK.match(lines[i + 1])):
            # "重点课题（每项资助5万元）" alone on its line over numbered topics: their level, its note their amount
            # (corpus/ingest.py), whatever another track's same level is funded; or over labelled ones ("📌 重点项目
            # （15万元/项）" over "课题一：…研究"), which take the level as under a guide's level heading
            cur.level = lv
            del cur.path[1:]
            emit(line, "funding" if _AMOUNT_SAID.search(arabic_numbers(line)) else "text", sentences=False)
            continue
        if cur.doc == "notice" and BATCH_HEAD.match(line) and _BATCH_TOPICS.search(line):
            # "（二）第二批选题" over the notice's own topics: the batch's heading (as a guide's is, corpus/ingest.py
            # giving each topic below it its batch), no sub-topic of the topic above it
            if m := _PAREN.match(line):
                cur.set(2, _CN_NUM[m.group(1)[0]], line)
            cur.level = None
            emit(line, "title", sentences=False)
            continue
        if cur.doc in ("notice", "guide") and cur.path and cur.path[0][0] and _TITLE_IN_BRACKETS.match(line):
            # "【项目负责人】" alone on its line in a numbered part ("第二部分　申报条件"): a block of the part, the next
            # after the part's last, its items ("1." again) its own
            cur.set(2, (cur.path[1][0] if len(cur.path) > 1 else 0) + 1, line)
            cur.numbered_level = 3
            emit(line, "text", sentences=False)
            continue
        if m := _PAREN.match(line):
            # ("（一）重大项目", "（二）其他重点项目"; in the notice only a heading that is little more than a level's
            # name, not "（三）重点项目申报要求")
            name = _NOTE.sub("", m.group(2))
            if (lv := level_of(name)) and len(name) <= {"guide": 12, "notice": 6}.get(cur.doc, 0) and not (
                    cur.doc == "notice" and i + 1 < len(lines) and _term_point(lines[i + 1])):
                # (not a level whose points below state its terms, "1. 立项数量。重大项目拟立项3项。": a heading of
                # the section it is in, its points conditions, no topics)
                cur.set(1, _CN_NUM[m.group(1)[0]], line)  # "（一）重大项目" as the guide's section heading
                cur.level = lv
                if name != m.group(2):
                    emit(line, "text", sentences=False)  # its note says something ("每项资助30万元")
                continue
            if topical and cur.level and len(cur.path) >= 2 and not cur.paren_topics:
                n = number_of(m.group(1))  # "（二）…" under a guide topic: its sub-topic
                cur.set(3, n, f"子课题{circled(n)}")
                emit(line, "heading", sentences=False)
                continue
            if cur.doc == "guide" and cur.level and (len(cur.path) == 1 or cur.paren_topics):
                # "（一）…" right under "重大项目": the section's topics, their fields perhaps on the same
                # line ("（一）…研究（资助强度：30万元；联系处室：规划处，电话：…）")
                n = number_of(m.group(1))
                fields = _closing_fields(line)
                head = line[: fields.start()] if fields else line
                cur.set(2, n, f"{n}. {_short(head[m.start(2):])}")
                cur.paren_topics = True
                emit(head, "heading", sentences=False)
                if fields:
                    emit_fields(fields.group(1))
                continue
            label = _LABEL.match(m.group(2))
            # ("（一）申报单位条件" alone on its line: a heading, its words its label)
            bare = m.group(2) if not label and 2 <= len(m.group(2)) <= 16 and _YEAR_HEADING.fullmatch(m.group(2)) else ""
            cur.set(2, _CN_NUM[m.group(1)[0]], line[: line.index(m.group(2))] + (label.group(1) if label else bare))
            cur.numbered_level = 3  # "1. 2." under a "(四)" heading are its items
            emit(line, "text")
            continue
        if tail_tagged and cur.doc in ("notice", "guide") and (m := _NUMBERED.match(line)) and (
                tagged := level_tag(m.group(2), aliases)):
            # "1．郑州市…研究（重点项目）": a topic, numbered within its level; one tagged with a level no
            # LEVEL_WORDS word names ("（培育项目）") is no topic
            tag, lv = tagged
            cur.level = lv
            if lv:
                block_counts[lv] = block_counts.get(lv, 0) + 1
                cur.set(2, block_counts[lv], f"{block_counts[lv]}. {_short(m.group(2)[: tag.start()])}")
                emit(line, "heading", sentences=False)
            else:
                cur.set(2, int(m.group(1)), f"{m.group(1)}. {_short(m.group(2))}")
                emit(line, "text", sentences=False)
            continue
        if (m := _NUMBERED.match(line)) and cur.doc == "notice" and cur.level and _QUESTION.match(m.group(2)):
            cur.level = None  # "24.问：…" after topics listed in an answer: the questions go on, the topics are over
        if (m := _NUMBERED.match(line)) and cur.path:
            number, body = int(m.group(1)), m.group(2)
            # (in a guide too: "1. 2." under its "（一）申报单位条件" are that sub-item's points)
            level = cur.numbered_level if cur.doc in ("notice", "guide") else 2
            if topical and cur.level:
                # its fields may close its line: "1. 郑州市…研究（归口：规划处，电话：67172315）", or unlabelled
                # ("1. 郑州市…研究（重点项目；规划处；0371-…）")
                fields = _closing_fields(line)
                head = line[: fields.start()] if fields else line
                cur.set(2, number, f"{number}. {_short(head[m.start(2):])}")
                emit(head, "heading", sentences=False)
                if fields:
                    emit_fields(fields.group(1))
                continue
            label = _LABEL.match(body)
            cur.set(level, number, f"{number}. {label.group(1) if label else _short(body.rstrip('；。;'))}")
            if len(body) > 12 or body.endswith(("。", "；", ";")):  # a bare "1. 业务咨询" is a heading
                emit(line, "text")
            continue
        if _DATELINE.match(line) or i < title_slide_end and _DECK_DATE.match(line):
            # (a deck's title slide dates it with where it is given: "2087年3月6日 · 科技大厦二楼报告厅")
            saved, cur.path = cur.path, []
            emit(line, "dateline", sentences=False)
            cur.path = saved
            continue
        if (m := _QUESTION.match(line)) and re.search(r"[？?]\s*(?:答|A)\s*[：:]", line):
            if m.group(1) and cur.doc == "notice":
                # "十六、问：…？答：…": a pair numbered as a section is one, headed by its question (the answer's facts
                # are the question's subject's)
                cur.set(1, number_of(m.group(1)), line[: line.index("答" if "答" in line[m.end():] else "A", m.end())].strip())
                cur.numbered_level, cur.level = 2, None
            emit(line, "text", sentences=False)  # a question of the FAQ with its answer, whole
            continue
        if cur.doc == "guide" and BATCH_HEAD.match(line):
            # "第二批选题" over topics numbered from 1 again: the batch's heading, in no topic (corpus/ingest.py
            # gives each topic below it its batch and its place there)
            saved, cur.path = cur.path, []
            emit(line, "title", sentences=False)
            cur.path = saved
            continue
        kind = _kind_of(line, "text")
        if kind in ("contact", "funding", "level") and len(cur.path) > 2 and _bare_run(out, cur.topic()):
            # "子选题1：…" "子选题2：…" "子选题3：…" then "联系处室：…": sub-topics named one per line, and
            # the fields after them the parent topic's
            del cur.path[2:]
        if kind != "text" and cur.level and any(
                prefix.match(part.strip()) for part in re.split(r"[；;]", line)[1:] for prefix, _ in KIND_BY_PREFIX):
            # "研究要点：…；联系：成果转化处，0371-…": a topic's labelled fields on one line, each a passage
            emit_fields(line)
            continue
        if kind != "text" and cur.level and len(sentences := [x for x in re.split(r"(?<=。)", line) if x.strip()]) > 1 and any(
                _LABELLED.match(x) and _kind_of(x.strip(), "") for x in sentences[1:]):
            # "研究内容：…。归口处室：…，联系电话：…。": a topic's labelled fields as the sentences of one line, each
            # sentence of a field's label starting that field's passages
            for sentence in sentences:
                kind = _kind_of(sentence.strip(), kind) if _LABELLED.match(sentence) else kind
                emit(sentence.strip(), kind)
            continue
        if cur.doc == "guide" and not cur.path and kind == "text" and len(line) < 40:
            kind = "title"
        if kind == "text" and _FIELD.match(line) and field_line == i - 1 and out and out[-1].section == cur.section():
            # A form's signature block ("单位（公章）：" / "法定代表人签字："): one passage, as it is signed.
            out[-1] = replace(out[-1], text=out[-1].text + line)
            field_line = i
            continue
        emit(line, kind)
        if kind == "text" and _FIELD.match(line):
            field_line = i
    return out
