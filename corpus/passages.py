"""Segments the cleaned notice into citable passages, each with a stable id and a heading path.

Passages are sentences (short ones merged with a neighbour), so a citation shows the sentence
that matters; the heading path says where it sits, e.g.
`附件1 申报指南 > 一、重大项目 > 1. 郑州市建设及应用科创一体化… > 子课题⑤`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CN_NUM = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_CIRCLED = {c: i for i, c in enumerate("①②③④⑤⑥⑦⑧⑨⑩", start=1)}

_ANNEX = re.compile(r"^附件\s*(\d+)$")
_L1 = re.compile(r"^([一二三四五六七八九十]+)、(.{1,12})$")
_PAREN = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]\s*(.*)$")
_NUMBERED = re.compile(r"^(\d+)\s*[.、]\s*(.*)$")
_SUBTOPIC = re.compile(r"^子课题([①②③④⑤⑥⑦⑧⑨⑩])、(.*)$")
_ANNEX_LIST = re.compile(r"^- (附件)：(.*)$")
_DATELINE = re.compile(r"^\d{4}年\d{1,2}月$")
_SENTENCE_END = re.compile(r"(?<=[。；！？])")
_LABEL = re.compile(r"^([^：:。]{2,20})[：:。]")
_MIN_SENTENCE = 12
_TITLE_CHARS = 18

DOC_NAMES = {"notice": "通知", "guide": "附件1 申报指南", "pledge": "附件2 信用承诺书模板"}
KIND_BY_PREFIX = (("研究内容", "content"), ("项目经费", "funding"), ("联系单位", "contact"))


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

    def set(self, level: int, number: int, label: str) -> None:
        del self.path[level - 1 :]
        while len(self.path) < level - 1:
            self.path.append((0, ""))
        self.path.append((number, label))

    def topic(self) -> str | None:
        if self.doc != "guide" or len(self.path) < 2 or not self.path[1][0]:
            return None
        base = f"{'major' if self.path[0][0] == 1 else 'key'}-{self.path[1][0]}"
        return f"{base}-sub-{self.path[2][0]}" if len(self.path) > 2 and self.path[2][0] else base

    def key(self) -> str:
        nums = [n for n, _ in self.path] + [0] * (3 - len(self.path))
        return "-".join([self.doc[0], *map(str, nums[:3])])

    def section(self) -> str:
        return " > ".join([DOC_NAMES[self.doc], *(label for _, label in self.path if label)])


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_CHARS else title[:_TITLE_CHARS] + "…"


def split_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and (len(part) < _MIN_SENTENCE or len(merged[-1]) < _MIN_SENTENCE):
            merged[-1] += part
        else:
            merged.append(part)
    return merged


def segment(lines: list[str]) -> list[Passage]:
    cur = _Cursor()
    out: list[Passage] = []
    counters: dict[str, int] = {}

    def emit(text: str, kind: str, sentences: bool = True) -> None:
        key = cur.key()
        for sentence in split_sentences(text) if sentences else [text]:
            n = counters.get(key, 0)
            counters[key] = n + 1
            out.append(Passage(f"{key}-{n}", cur.section(), sentence, kind, cur.topic(), len(out)))

    for line in lines:
        if m := _ANNEX.match(line):
            cur = _Cursor(doc={"1": "guide", "2": "pledge"}.get(m.group(1), "notice"))
            continue
        if m := _L1.match(line):
            cur.set(1, _CN_NUM[m.group(1)[0]], line)
            cur.numbered_level = 2
            continue
        if m := _ANNEX_LIST.match(line):
            cur.set(1, 9, m.group(1))
            emit(line[2:], "text", sentences=False)
            continue
        if m := _SUBTOPIC.match(line):
            cur.set(3, _CIRCLED[m.group(1)], f"子课题{m.group(1)}")
            emit(line, "heading", sentences=False)
            continue
        if m := _PAREN.match(line):
            label = _LABEL.match(m.group(2))
            cur.set(2, _CN_NUM[m.group(1)[0]], line[: line.index(m.group(2))] + (label.group(1) if label else ""))
            cur.numbered_level = 3  # "1. 2." under a "(四)" heading are its items
            emit(line, "text")
            continue
        if (m := _NUMBERED.match(line)) and cur.path:
            number, body = int(m.group(1)), m.group(2)
            level = cur.numbered_level if cur.doc == "notice" else 2
            if cur.doc == "guide":
                cur.set(2, number, f"{number}. {_short(body)}")
                emit(line, "heading", sentences=False)
                continue
            label = _LABEL.match(body)
            cur.set(level, number, f"{number}. {label.group(1) if label else _short(body.rstrip('；。;'))}")
            if len(body) > 12:  # a bare "1. 业务咨询" is a heading; its content follows on the next line
                emit(line, "text")
            continue
        if _DATELINE.match(line):
            saved, cur.path = cur.path, []
            emit(line, "dateline", sentences=False)
            cur.path = saved
            continue
        kind = next((k for prefix, k in KIND_BY_PREFIX if line.startswith(prefix)), "text")
        if cur.doc == "guide" and not cur.path and kind == "text" and len(line) < 40:
            kind = "title"
        emit(line, kind)
    return out
