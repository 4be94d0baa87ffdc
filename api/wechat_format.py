"""Turns an engine Answer into plain text that fits one WeChat passive text reply.

Size limit: WeChat drops or truncates a passive text reply whose Content is longer than 2048 bytes
of UTF-8 (the figure WeChat documents for text message content, e.g. wechatpy's WeCom docstrings
"最长不超过2048个字节"; the Official Account passive-reply page gives no number, and SDK users report
2047 bytes as the largest that still arrives). We therefore budget `CONTENT_BUDGET_BYTES` (2000),
leaving a margin under 2047 for clients that count differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.models import Answer

WECHAT_TEXT_LIMIT_BYTES = 2048
CONTENT_BUDGET_BYTES = 2000
MAX_SOURCES = 3
# A heading path can be long; one reference should not crowd out the answer itself.
MAX_SOURCE_CHARS = 40
# The notice's own root heading adds nothing to a reference on a phone screen.
_ROOT_HEADINGS = ("通知",)

MORE_ZH = "内容较长，请把问题问得更具体些。"
MORE_EN = "The answer is long; please ask a more specific question."
SOURCES_ZH = "出处："
SOURCES_EN = "Sources: "

_WELCOME_TAIL = (
    "可以回答申报条件、时间、材料、联系方式等问题。\n"
    "您可以这样问：\n"
    "1. 申报截止时间是什么时候？\n"
    "2. 项目负责人需要什么职称或学历？\n"
    "3. 业务咨询电话是多少？\n"
    "（English questions are welcome too.）"
)
WELCOME_ZH = "您好！我是项目申报助手，" + _WELCOME_TAIL


def welcome_zh(notice_title: str | None = None) -> str:
    """The subscribe greeting, naming the loaded notice (Corpus.title) when given."""
    return f"您好！我是《{notice_title}》的申报助手，" + _WELCOME_TAIL if notice_title else WELCOME_ZH
TEXT_ONLY_ZH = "抱歉，我目前只能理解文字消息。请用文字输入您关于软科学项目申报的问题，例如：申报截止时间是什么时候？"
EMPTY_ZH = "请输入您的问题，例如：申报截止时间是什么时候？"
PENDING_ZH = "正在查询，请稍后再问一次。"
PENDING_EN = "Still looking this up; please ask again in a moment."
FAILED_ZH = "抱歉，暂时无法回答，请稍后再试。"
FAILED_EN = "Sorry, I cannot answer right now; please try again later."
LOADING_ZH = "服务正在启动，请稍后再试。"

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Characters XML 1.0 forbids; WeChat rejects a reply containing them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BOLD = re.compile(r"(\*\*|__)(.+?)\1", re.S)
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])")
_CODE = re.compile(r"`([^`\n]*)`")
_LINK = re.compile(r"\[([^\]\n]+)\]\((\S+?)\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_BULLET = re.compile(r"^[ \t]*[-*+•][ \t]+", re.M)
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
_BLANKS = re.compile(r"\n{3,}")
# Sentence ends: CJK full stops etc. anywhere; an ASCII . ! ? ; only before white space or the end,
# so "3.5万元" and "zzkj.zhengzhou.gov.cn" are not split.
_SENTENCE_END = re.compile(r"[。！？；!?;]|[.](?=\s|$)")


def is_english(text: str) -> bool:
    return bool(text.strip()) and not _CJK.search(text)


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def xml_safe(text: str) -> str:
    """Text that survives wechatpy's CDATA rendering: no XML-illegal characters, no CDATA terminator."""
    return _XML_ILLEGAL.sub("", text).replace("]]>", "]] >")


def strip_markdown(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _RULE.sub("", text)
    text = _HEADING.sub("", text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub("", text)
    text = _LINK.sub(lambda m: f"{m.group(1)} {m.group(2)}", text)
    text = _BOLD.sub(r"\2", text)
    text = _ITALIC.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = text.replace("**", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


def short_section(path: str) -> str:
    """A heading path cut to whole levels that fit MAX_SOURCE_CHARS: "附件1 > 一、重大项目 > …"."""
    parts = [p for p in (" ".join(x.split()) for x in (path or "").split(">")) if p]
    if len(parts) > 1 and parts[0] in _ROOT_HEADINGS:
        parts = parts[1:]
    if not parts:
        return ""
    shown = parts[0] if len(parts[0]) <= MAX_SOURCE_CHARS else parts[0][: MAX_SOURCE_CHARS - 1] + "…"
    for part in parts[1:]:
        longer = f"{shown} > {part}"
        if len(longer) > MAX_SOURCE_CHARS:
            return f"{shown} > …"
        shown = longer
    return shown


def sources_line(sections: Iterable[str], english: bool) -> str:
    seen: list[str] = []
    for raw in sections:
        section = short_section(raw)
        if not section or section in seen:
            continue
        seen.append(section)
        if len(seen) == MAX_SOURCES:
            break
    if not seen:
        return ""
    return (SOURCES_EN + "; ".join(seen)) if english else (SOURCES_ZH + "；".join(seen))


def cut_to_bytes(text: str, budget: int) -> str:
    """Longest prefix of `text` that ends at a sentence end and fits `budget` UTF-8 bytes.

    Falls back to a line break, then to a hard cut with an ellipsis, for a text with no usable end.
    """
    if utf8_len(text) <= budget:
        return text
    # Work on the prefix that can possibly fit (each character is at least one byte).
    fit = text.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= len(fit)]
    if ends:
        return fit[: ends[-1]].rstrip()
    newline = fit.rfind("\n")
    if newline > 0:
        return fit[:newline].rstrip()
    ellipsis = "…"
    return text.encode("utf-8")[: budget - utf8_len(ellipsis)].decode("utf-8", errors="ignore") + ellipsis


def fit_reply(body: str, sources: str, english: bool, budget: int = CONTENT_BUDGET_BYTES) -> str:
    """Body, then the source line; a body too long is cut at a sentence end with a pointer to ask narrower."""
    body = xml_safe(body).strip()
    sources = xml_safe(sources)
    tail = f"\n\n{sources}" if sources else ""
    if utf8_len(tail) > budget // 2:
        tail = ""
    if utf8_len(body + tail) <= budget:
        return body + tail
    more = MORE_EN if english else MORE_ZH
    room = budget - utf8_len(tail) - utf8_len("\n\n" + more)
    return f"{cut_to_bytes(body, room)}\n\n{more}{tail}"


def format_answer(answer: Answer, question: str = "") -> str:
    english = answer.language == "en" or (not answer.answer.strip() and is_english(question))
    body = strip_markdown(answer.answer) or (FAILED_EN if english else FAILED_ZH)
    sources = sources_line((c.section for c in answer.citations), english)
    return fit_reply(body, sources, english)


def plain_reply(text: str) -> str:
    """Fixed texts (welcome, please-use-text, ...) still go through the same size and XML guard."""
    return fit_reply(text, "", is_english(text))
