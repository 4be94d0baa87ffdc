"""The notice's own outline: its top-level sections ("一、申报要求") and the numbered parts under each.

"申报要求一共有哪几条", "整个申报流程分哪几步" ask for a section as the notice lays it out. The
outline is read from the served corpus's passage sections, so next year's notice brings its own; an
answer quotes each part verbatim (its first sentences, or a list label with its items) under the
part's heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.compose import Draft
from assistant.quotes import says_something
from corpus import Corpus
from corpus.passages import DOC_NAMES, heading_label

# A bare turn's words without its punctuation and particles ("流程？", "课题呢"), a few characters at most
BARE_FILLER = re.compile(r"[\s？?。.！!，,、]|[呢吗啊呀吧嘛哈]+$")
BARE_MAX = 4
# A question asks for a section as a whole: how many parts, what it says, how it is laid out.
OUTLINE_ASKED = re.compile(r"哪几条|哪几步|几条|几步|几个环节|哪些环节|哪些步骤|讲了|讲的|主要|大概|大致|"
                           r"哪些内容|什么内容|怎么规定|如何规定|有哪些规定|分哪|包括哪些|包含哪些|包括什么|包含什么|都有什么|都有哪些|有哪些|有啥|"
                           r"整体|整个|总体|全部|所有|"
                           # "申报流程是怎样的": what the named section is like, asked of all of it
                           r"(?:是|为)(?:怎样|什么样|怎么样|啥样)(?:的|子)?|(?:是|该)如何(?:进行|安排|走)的?")
# A question asking what changed ("今年的申报要求和去年相比有哪些变化"): of the changes, not of the section it names
CHANGE_ASKED = re.compile(r"变化|变动|相比|(?:和|跟|与|较)(?:去年|上年|往年)")
# Words a question may use for a section's own (its label "申报程序", asked as "申报流程")
SAME_WORDS = (("程序", "流程", "步骤"), ("条件", "要求"))
# An English question asking for the procedure as a whole ("What are the steps of the application process?",
# "How many steps does the procedure have?"): the one section the notice heads with a word of the procedure
EN_PROCEDURE_ASKED = re.compile(r"(?i)\b(?:steps?|stages?)\b[^?？]{0,40}\b(?:process|procedure)\b|\bhow many steps\b|"
                                r"\b(?:whole|entire|overall|full)\s+(?:application\s+)?(?:process|procedure)\b")
PROCEDURE_BY_WORD = True  # a word of the group asked of the whole, no label named: the one section labelled with one
LIST_MAX = 6  # items of a listed part quoted
PART_MAX = 3  # sentences of a part quoted


@dataclass(frozen=True)
class Part:
    heading: str  # "1. 申报对象", "(二) 项目推荐"
    passage_ids: tuple[str, ...]  # its sentences; a label ending in "：" with the list under it


@dataclass(frozen=True)
class Section:
    heading: str  # "一、申报要求"
    label: str  # "申报要求"
    parts: tuple[Part, ...]


class Outline:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        found: dict[str, dict[str, list[str]]] = {}
        for p in corpus.passages:
            path = [x.strip() for x in p.section.split(">")]
            if len(path) < 3 or p.topic or not path[0].startswith(DOC_NAMES["notice"]):
                continue  # the notice's own numbered sections (annexes have their own outline)
            found.setdefault(path[1], {}).setdefault(path[2], []).append(p.id)
        self.sections: list[Section] = []
        self._labels: set[str] = set()  # passages that only introduce a list
        for heading, parts in found.items():
            label = heading_label(heading)
            chosen = []
            for sub, pids in parts.items():
                first = corpus.passage(pids[0]).text.strip()
                if first.endswith(("：", ":")) and len(pids) > 1:
                    self._labels.add(pids[0])
                    chosen.append(Part(sub, tuple(pids[:LIST_MAX + 1])))  # "(四) 项目申报材料包括：" and its items
                elif texts := [pid for pid in pids if says_something(corpus.passage(pid).text)]:
                    chosen.append(Part(sub, tuple(texts[:PART_MAX])))
            if len(label) >= 2 and len(chosen) >= 2:
                self.sections.append(Section(heading, label, tuple(chosen)))

    def asked(self, q: str) -> Section | None:
        """The section a question asks for as a whole: it names the section and asks for its parts."""
        if not OUTLINE_ASKED.search(q) or CHANGE_ASKED.search(q):
            return None
        # (a section labelled "申报程序" is asked for as "申报流程" too)
        named = [s for s in self.sections if s.label in q or any(
            a in s.label and s.label.replace(a, b) in q for group in SAME_WORDS for a in group for b in group if a != b)]
        if not named and PROCEDURE_BY_WORD:
            # "整个申报要走哪些步骤": no label named, a word of the procedure asked as a whole: the one section
            # the notice heads with such a word ("七、申报流程")
            groups = [g for g in SAME_WORDS[:1] if any(w in q for w in g)]  # (the procedure's words only)
            named = [s for s in self.sections if any(w in s.label for g in groups for w in g)]
            named = named if len(named) == 1 else []
        return max(named, key=lambda s: len(s.label)) if named else None

    def asked_en(self, q: str) -> Section | None:
        """The procedure section an English question asks for as a whole, when the notice has one section so headed."""
        if not EN_PROCEDURE_ASKED.search(q):
            return None
        named = [s for s in self.sections if any(w in s.label for w in SAME_WORDS[0])]
        return named[0] if len(named) == 1 else None

    def named_by(self, q: str) -> Section | None:
        """The section a bare word names ("流程", "联系咨询？"): a turn of a few characters, no more than a
        part of one section's label."""
        bare = BARE_FILLER.sub("", q)
        named = [s for s in self.sections if 2 <= len(bare) <= BARE_MAX and bare in s.label]
        return named[0] if len(named) == 1 else None

    def answer(self, section: Section, lang: str = "zh") -> Draft:
        lines = []
        for part in section.parts:
            text = "".join(self.corpus.passage(pid).text.strip() for pid in part.passage_ids)
            sub = heading_label(part.heading)
            # A part's sentence usually opens with its own heading ("1. 申报对象：…"); else it is put first.
            lines.append(text if text.startswith(part.heading[:4]) or text.startswith(sub) else f"{part.heading}：{text}")
        head = (f"通知“{section.heading}”共{len(section.parts)}部分：\n" if lang == "zh" else
                f"The notice's section “{section.heading}” has {len(section.parts)} parts (in Chinese):\n")
        return Draft(head + "\n".join(lines), [p.passage_ids[1 if p.passage_ids[0] in self._labels else 0]
                                                for p in section.parts])
