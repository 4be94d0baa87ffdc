"""The notice and the curated knowledge about it, as typed data.

`load_corpus()` reads corpus/notice.txt, repairs it, segments it into passages and loads the
facts, topics and rules, each quote resolved to the passages that contain it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from corpus.cleaning import clean_lines
from corpus.passages import Passage, segment

CORPUS_DIR = Path(__file__).resolve().parent
NOTICE_PATH = CORPUS_DIR / "notice.txt"
LEXICON_PATH = CORPUS_DIR / "lexicon.txt"
DATA_FILES = ("facts.yaml", "topics.yaml", "rules.yaml", "coverage.yaml", "lexicon.txt")


class CorpusError(ValueError):
    """The data files contradict the notice (a quote that is not there, a bad field)."""


def squash(text: str) -> str:
    """Comparison form for verbatim checks: no whitespace at all (the contract lets it differ)."""
    return re.sub(r"\s+", "", text)


class Bilingual(BaseModel):
    zh: str
    en: str


class Window(BaseModel):
    opens: dt.date
    closes: dt.date
    name_zh: str
    name_en: str


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    intent: str
    quotes: list[str]
    zh: str
    en: str
    triggers: list[str] = Field(default_factory=list)
    window: Window | None = None
    passage_ids: list[str] = Field(default_factory=list)


class Contact(BaseModel):
    office: str
    phone: str


class Reference(BaseModel):
    zh: str
    en: str
    quote: str


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    parent: str | None = None
    level: Literal["major", "key"]
    label: str
    label_en: str
    title: str
    title_en: str
    title_quote: str
    funding_wan: int
    funding_quote: str
    contacts: list[Contact]
    contact_quote: str
    reports: list[str]
    report_quote: str
    report_quotes_more: list[str] = Field(default_factory=list)
    focus_quote: str
    references: list[Reference] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    # quote -> passage id, filled when the corpus loads
    passage_of: dict[str, str] = Field(default_factory=dict)

    def quotes(self) -> list[str]:
        return [
            self.title_quote, self.funding_quote, self.contact_quote, self.report_quote,
            *self.report_quotes_more, self.focus_quote, *(r.quote for r in self.references),
        ]


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    check: Literal["one_of", "equals", "at_most", "below_quota", "major_leader"]
    field: str | None = None
    fields: list[str] = Field(default_factory=list)
    allowed: list[str] = Field(default_factory=list)
    value: bool | None = None
    limit: int | None = None
    quota_by_org_type: dict[str, int] = Field(default_factory=dict)
    qualifying_titles: list[str] = Field(default_factory=list)
    qualifying_degrees: list[str] = Field(default_factory=list)
    strength: Literal["hard", "in_principle"] = "hard"
    quote: str
    pass_: Bilingual = Field(alias="pass")
    pass_key: Bilingual | None = None
    fail: Bilingual
    unknown: Bilingual | None = None
    passage_id: str = ""

    @property
    def needs(self) -> list[str]:
        return self.fields or [self.field or ""]


class Corpus(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    raw_notice: str
    clean_notice: str
    passages: list[Passage]
    facts: list[Fact]
    topics: list[Topic]
    rules: list[Rule]
    questions: dict[str, Bilingual]
    not_covered: list[str]  # words of aspects the notice does not speak about (coverage.yaml)
    digest: str

    def passage(self, pid: str) -> Passage:
        return self._by_id[pid]

    @property
    def title(self) -> str:
        """The notice's title as it stands in the text (its first line that names the call)."""
        for line in self.clean_notice.splitlines():
            if "通知" in line and len(line) <= 80:
                return squash(line)
        return "申报通知"

    def model_post_init(self, _: object) -> None:
        self._by_id = {p.id: p for p in self.passages}

    def fact(self, fid: str) -> Fact:
        return next(f for f in self.facts if f.id == fid)

    def topic(self, tid: str) -> Topic:
        return next(t for t in self.topics if t.id == tid)


def find_passages(quote: str, passages: list[Passage]) -> list[str]:
    """Ids of the passages a quote lies in; a quote may span consecutive sentence passages."""
    q = squash(quote)
    # A passage that is exactly the quote wins (a dateline "2024年9月" is not "2024年9月4日").
    exact = [p.id for p in passages if squash(p.text).rstrip("。；;") == q]
    if exact:
        return exact
    hits = [p.id for p in passages if q in squash(p.text)]
    if hits:
        return hits
    # Spanning: the quote starts inside one passage and runs on into the next ones.
    texts = [squash(p.text) for p in passages]
    for i in range(len(passages)):
        joined, ids = "", []
        for j in range(i, min(i + 4, len(passages))):
            joined += texts[j]
            ids.append(passages[j].id)
            if q in joined and q not in joined[len(texts[i]) :] and q not in joined[: -len(texts[j])]:
                return ids
    return []


def _resolve(quote: str, passages: list[Passage], where: str) -> list[str]:
    ids = find_passages(quote, passages)
    if not ids:
        raise CorpusError(f"{where}: quote not found in the notice: {quote!r}")
    return ids


def _digest() -> str:
    h = hashlib.sha256(NOTICE_PATH.read_bytes())
    for name in DATA_FILES:
        h.update((CORPUS_DIR / name).read_bytes())
    for module in ("cleaning.py", "passages.py"):
        h.update((CORPUS_DIR / module).read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def load_corpus() -> Corpus:
    raw = NOTICE_PATH.read_text(encoding="utf-8")
    lines = clean_lines(raw)
    passages = segment(lines)

    def read(name: str) -> dict:
        return yaml.safe_load((CORPUS_DIR / name).read_text(encoding="utf-8"))

    facts = [Fact(**f) for f in read("facts.yaml")["facts"]]
    for fact in facts:
        fact.passage_ids = [pid for q in fact.quotes for pid in _resolve(q, passages, f"fact {fact.id}")]
        fact.passage_ids = list(dict.fromkeys(fact.passage_ids))
    topics = [Topic(**t) for t in read("topics.yaml")["topics"]]
    for topic in topics:
        own = [p for p in passages if p.topic == topic.id]
        for q in topic.quotes():
            topic.passage_of[q] = _resolve(q, own, f"topic {topic.id}")[0]
    rules_doc = read("rules.yaml")
    rules = [Rule(**r) for r in rules_doc["rules"]]
    for rule in rules:
        rule.passage_id = _resolve(rule.quote, passages, f"rule {rule.id}")[0]
    questions = {k: Bilingual(**v) for k, v in rules_doc["questions"].items()}
    not_covered = [str(w) for item in read("coverage.yaml")["not_covered"] for w in item["words"]]
    return Corpus(
        raw_notice=raw, clean_notice="\n".join(lines), passages=passages, facts=facts, topics=topics,
        rules=rules, questions=questions, not_covered=not_covered, digest=_digest(),
    )
