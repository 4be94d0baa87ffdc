"""The notice and the knowledge about it, as typed data.

`load_corpus(path)` reads a corpus directory (the packaged `corpus/` by default, or
`ASSISTANT_CORPUS_DIR`): notice.txt, cleaned and segmented into passages, and the facts, topics
and rules, each quote resolved to the passages that contain it. `overlay.yaml` (hand additions:
aliases, English names, triggers; never written by `ingest`) is merged over the data first.
`inspect_corpus(path)` returns every problem found instead of stopping at the first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from corpus.cleaning import clean_lines, notice_source
from corpus.passages import Passage, segment

CORPUS_DIR = Path(__file__).resolve().parent
# The wording `ingest` gives every notice of this family (triggers by role, profile questions, aspects
# such notices are silent on); the engine reads its English as words of any loaded notice.
INGEST_VOCAB_PATH = CORPUS_DIR / "ingest_vocab.yaml"
NOTICE_PATH = CORPUS_DIR / "notice.txt"
LEXICON_PATH = CORPUS_DIR / "lexicon.txt"
DATA_FILES = ("facts.yaml", "topics.yaml", "rules.yaml", "coverage.yaml", "lexicon.txt", "overlay.yaml")
CODE_FILES = ("cleaning.py", "passages.py")
ENV_VAR = "ASSISTANT_CORPUS_DIR"
# Values every notice of this family is judged on (CONTRACT.md); a notice adds its own.
DEFAULT_ORG_TYPES = {
    "university": "高等院校", "research_institute": "科研院所", "public_institution": "事业单位",
    "enterprise": "企业", "social_organization": "社会组织", "individual": "个人", "other": "其他",
}
DEFAULT_LEVELS = {"major": "重大项目", "key": "重点项目"}


class CorpusError(ValueError):
    """The data files contradict the notice (quotes that are not there, bad fields); lists them all."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the corpus:\n" + "\n".join(f"- {p}" for p in problems))


# A service line ("400-160-3371", "800-…"): a phone with no area code and a 10-digit national number
SERVICE_PHONE = r"(?<!\d)[48]00[-－—]?\d{3}[-－—]?\d{4}(?!\d)"
# A number written in groups after its area code, as a web page or a WeChat article sets it: "0371-6717 1234" (or
# the area code in brackets: "（0371）6717 1234")
SPACED_PHONE = r"(?<!\d)(?:0\d{2,3}\s*[-－—]|[（(]0\d{2,3}[)）])\s*\d{3,4}\s\d{4}(?!\d)"
# A switchboard's extension after the number ("0371-67182260转802", "分机 806"): part of the phone, since two
# contacts on one switchboard differ only by it
PHONE_EXTENSION = r"(?:\s*(?:转|分机)\s*\d{1,5}(?!\d))?"
# A sum written in yuan ("（1380000元）", "250000 元") is no phone however many digits it has
NOT_YUAN = r"(?!\s*(?:\.\d+\s*)?(?:万|亿)?元)"


# A batch's window is named by its batch ("第二批网上填报"): the batch word, then the window's own kind.
_BATCH = re.compile(r"^第[^批组轮]{1,3}(?:批次?|组|轮)")


def batch_kind(window_name: str) -> str | None:
    """The kind of a batch's window, its name without the batch ("第二批网上填报" -> "网上填报"); None when
    the window is no batch's."""
    m = _BATCH.match(window_name)
    return window_name[m.end():] if m else None


def squash(text: str) -> str:
    """Comparison form for verbatim checks: no whitespace at all (the contract lets it differ)."""
    return re.sub(r"\s+", "", text)


def format_wan(value: float | Decimal | int) -> str:
    """An amount in 万元 as the notice writes it: 20 -> "20", 7.5 -> "7.5"."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


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
    role: str | None = None  # what the fact is, independent of the notice: submission_window, applicants...
    intent: str
    # other kinds of question it answers as well ("包干制" is asked as funding and as a rule)
    also_intents: list[str] = Field(default_factory=list)
    quotes: list[str]
    zh: str
    en: str
    triggers: list[str] = Field(default_factory=list)
    window: Window | None = None
    passage_ids: list[str] = Field(default_factory=list)  # every passage a quote lies in (what it cites)
    # The passages it is about: not one where each of its quotes is a clause of another fact's quote there
    # ("逾期不再受理", cited by the dates fact, ends the registration steps): what retrieval finds it by.
    about_ids: list[str] = Field(default_factory=list)


class TitleDegree(BaseModel):
    """Titles and degrees that qualify a leader together: a title of `titles` and a degree of `degrees`."""

    titles: list[str]
    degrees: list[str]


class Contact(BaseModel):
    office: str
    phone: str
    unit: str = ""  # the body the office belongs to, as the notice writes it ("市科技局")
    person: str = ""  # the person the notice names beside the phone ("李明 67171234"), when it names one


class Reference(BaseModel):
    zh: str
    en: str
    quote: str


# A clause naming what a topic delivers: "形成《…研究报告》及相关政策建议", "最终形成《…》", not "形成合力".
OUTPUT_CLAUSE = re.compile(r"(?:最终)?形成[^，。；]*?(?:报告|建议|方案)[^，。；]*")


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    parent: str | None = None
    level: str  # a key of Corpus.levels: major, key, general...
    label: str
    label_en: str = ""
    title: str
    title_en: str = ""
    title_quote: str
    funding_wan: float | None = None
    funding_quote: str = ""
    contacts: list[Contact] = Field(default_factory=list)
    contact_quote: str = ""
    reports: list[str] = Field(default_factory=list)
    report_quote: str = ""
    report_quotes_more: list[str] = Field(default_factory=list)
    focus_quote: str = ""
    # When the topic itself must be done, where the notice gives it a date apart from the call's ("完成时间：本课题须于
    # 2094年11月30日前完成"): that line, verbatim
    due_quote: str = ""
    # Who may apply for the topic, in the notice's words ("本课题仅限高校申报", "不限", "定向委托…承担"): the
    # cell of its table row under the column of applying units, or its own clause ("本课题限科研院所申报"); and the
    # passage saying it
    applicants: str = ""
    applicants_quote: str = ""
    references: list[Reference] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    # The notice's own running number of the topic across levels (a table's "序号"), when it has one
    serial: int | None = None
    # The field group the notice lists it under ("（三）社会民生类") and its place there (1, 2, …), when the
    # topics are grouped by anything but their level
    group: str = ""
    group_number: int | None = None
    # quote -> passage id, filled when the corpus loads
    passage_of: dict[str, str] = Field(default_factory=dict)
    # What the topic must deliver, each clause verbatim as its passages say it ("形成《…研究报告》及相关
    # 政策建议", "形成立法相关调研报告"), filled when the corpus loads
    outputs: list[str] = Field(default_factory=list)

    def quotes(self) -> list[str]:
        return [q for q in (
            self.title_quote, self.funding_quote, self.contact_quote, self.report_quote, self.applicants_quote,
            *self.report_quotes_more, self.focus_quote, self.due_quote, *(r.quote for r in self.references),
        ) if q]

    @property
    def funding_text(self) -> str:
        return format_wan(self.funding_wan) if self.funding_wan is not None else ""


class RuleTerms(BaseModel):
    """The terms a rule is checked on (its limits, quotas and qualifying titles and degrees); a joint call's track may
    set its own (`RuleTrack`)."""

    model_config = ConfigDict(extra="forbid")
    limit: int | None = None
    # at_most / major_leader: the limit or the requirement where the notice differs by project level
    limit_by_level: dict[str, int] = Field(default_factory=dict)
    # at_most where the notice's limit differs by sex ("男性不超过62周岁、女性不超过54周岁"): sex -> limit, for every
    # level (or, in limit_by_level_sex, for one level); the Profile states no sex, so decided only where both agree
    limit_by_sex: dict[str, int] = Field(default_factory=dict)
    limit_by_level_sex: dict[str, dict[str, int]] = Field(default_factory=dict)
    # at_most where leaders of some title have a higher limit ("年龄不超过57周岁，具有正高级职称的可放宽至62周岁"):
    # title -> that limit; an age above the plain limit and within it is decided by the leader's title
    limit_by_title: dict[str, int] = Field(default_factory=dict)
    quota_by_org_type: dict[str, int] = Field(default_factory=dict)
    # below_quota where the notice lowers a type's quota for units in a case the Profile cannot state ("上一年度有
    # 项目逾期未结题的单位…高等院校限报4项"): type -> that lower quota; decided only where both quotas agree
    reduced_quota_by_org_type: dict[str, int] = Field(default_factory=dict)
    # below_quota where the notice gives some units of a type their own quota ("郑州大学 6项" over "其他高校
    # 各2项"): type -> unit -> quota; a profile names no unit, so its type's quotas decide only where all agree
    quota_by_named_unit: dict[str, dict[str, int]] = Field(default_factory=dict)
    qualifying_titles: list[str] = Field(default_factory=list)
    qualifying_degrees: list[str] = Field(default_factory=list)
    qualifying_levels: list[str] = Field(default_factory=lambda: ["major"])  # levels the title/degree rule binds
    # major_leader where the requirement differs by level: level -> titles / degrees that qualify
    titles_by_level: dict[str, list[str]] = Field(default_factory=dict)
    degrees_by_level: dict[str, list[str]] = Field(default_factory=dict)
    # ... and a title and a degree that qualify only together ("或者同时具有副高级职称和博士学位")
    pairs_by_level: dict[str, list[TitleDegree]] = Field(default_factory=dict)


class RuleTrack(RuleTerms):
    """A rule's terms for one track of a joint call (a programme of its own, "软科学研究项目" beside "社科专项课题"), where
    the notice sets them apart: the terms it sets replace the rule's own when that track's terms are checked."""


class Rule(RuleTerms):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    id: str
    check: str
    field: str | None = None
    fields: list[str] = Field(default_factory=list)
    allowed: list[str] = Field(default_factory=list)
    value: bool | None = None
    strength: str = "hard"
    quote: str
    pass_: Bilingual = Field(alias="pass")
    pass_key: Bilingual | None = None
    fail: Bilingual
    # major_leader: what the notice says of a level's leader, said when the profile's level is that one (a level
    # whose conditions are set out apart: "一般项目负责人须具有中级以上职称或博士学位（二者具备其一即可）")
    pass_by_level: dict[str, Bilingual] = Field(default_factory=dict)
    fail_by_level: dict[str, Bilingual] = Field(default_factory=dict)
    # one_of: what the notice asks further of one allowed value, said with the pass ("企业申报的，须为…高新技术企业")
    pass_by_value: dict[str, Bilingual] = Field(default_factory=dict)
    unknown: Bilingual | None = None
    # a joint call's tracks, each with its own terms for this rule: track -> those terms; a profile names no track,
    # so the rule is decided only where every track's terms agree
    tracks: dict[str, RuleTrack] = Field(default_factory=dict)
    passage_id: str = ""

    @field_validator("check")
    @classmethod
    def _known_check(cls, v: str) -> str:
        if v not in RULE_CHECKS:
            raise ValueError(f"unknown check {v!r}; known: {', '.join(RULE_CHECKS)}")
        return v

    @property
    def needs(self) -> list[str]:
        return self.fields or [self.field or ""]


RULE_CHECKS = ("one_of", "equals", "at_most", "below_quota", "major_leader")


class NoticeMeta(BaseModel):
    """Who issued the call, for which year, under what title: what greetings and page titles show."""

    title: str = ""
    issuer: str = ""
    year: int | None = None
    programme: str = ""  # e.g. 软科学研究计划
    quotes: list[str] = Field(default_factory=list)


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
    meta: NoticeMeta = Field(default_factory=NoticeMeta)
    org_types: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_ORG_TYPES))  # accepted value -> zh
    levels: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_LEVELS))  # project level -> zh
    lexicon: list[str] = Field(default_factory=list)
    directory: str = ""

    def passage(self, pid: str) -> Passage:
        try:
            return self._by_id[pid]
        except KeyError:
            raise KeyError(f"no passage {pid!r} in the corpus at {self.directory}") from None

    @property
    def title(self) -> str:
        """The notice's title: from its data, else its first line that names the call."""
        if self.meta.title:
            return self.meta.title
        for line in self.clean_notice.splitlines():
            if "通知" in line and len(line) <= 80:
                return squash(line)
        return "申报通知"

    def model_post_init(self, _: object) -> None:
        self._by_id = {p.id: p for p in self.passages}

    def fact(self, fid: str) -> Fact:
        for f in self.facts:
            if f.id == fid:
                return f
        raise KeyError(f"no fact {fid!r}; known: {', '.join(f.id for f in self.facts)}")

    def main_window(self) -> Fact | None:
        """The fact of the call's own (application) window: the dated fact that opens first; None without one."""
        windows = [f for f in self.facts if f.window]
        return min(windows, key=lambda f: f.window.opens if f.window else dt.date.max) if windows else None

    def fact_by_role(self, role: str) -> Fact | None:
        """The fact that plays `role` (its `role`, or else its id), or None if the notice has none."""
        return next((f for f in self.facts if f.role == role), None) or next(
            (f for f in self.facts if f.id == role), None)

    def topic(self, tid: str) -> Topic:
        for t in self.topics:
            if t.id == tid:
                return t
        raise KeyError(f"no topic {tid!r}; known: {', '.join(t.id for t in self.topics)}")

    def info(self) -> dict[str, Any]:
        """What a front-end shows: title, issuer, year, levels, unit types, the submission window."""
        window = self.fact_by_role("submission_window")
        return {
            "title": self.title, "issuer": self.meta.issuer, "year": self.meta.year,
            "programme": self.meta.programme, "digest": self.digest,
            "project_levels": self.levels, "org_types": self.org_types,
            "submission_window": ({"opens": window.window.opens.isoformat(), "closes": window.window.closes.isoformat()}
                                  if window and window.window else None),
        }


def find_passages(quote: str, passages: list[Passage]) -> list[str]:
    """Ids of the passages a quote lies in; a quote may span consecutive sentence passages."""
    q = squash(quote)
    if not q:
        return []
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


def corpus_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The corpus directory to serve: `path`, else ASSISTANT_CORPUS_DIR, else the packaged one."""
    chosen = path or os.environ.get(ENV_VAR) or CORPUS_DIR
    return Path(chosen).expanduser().resolve()


def digest_of(directory: Path) -> str:
    """Changes whenever the notice, any data file or the cleaning/segmenting code changes."""
    h = hashlib.sha256((directory / "notice.txt").read_bytes())
    for name in DATA_FILES:
        path = directory / name
        h.update(name.encode() + (path.read_bytes() if path.exists() else b""))
    for module in CODE_FILES:
        h.update((CORPUS_DIR / module).read_bytes())
    return h.hexdigest()[:16]


def _merge_overlay(docs: dict[str, Any], overlay: dict[str, Any]) -> None:
    """Hand additions over ingested data: lists are extended, scalars replaced; keyed by id."""
    for kind, key in (("facts", "facts"), ("topics", "topics"), ("rules", "rules")):
        patches = overlay.get(kind) or {}
        holder = docs["rules.yaml" if kind == "rules" else f"{kind}.yaml"]
        items = {item.get("id"): item for item in holder.get(key) or []}
        for item_id, patch in patches.items():
            target = items.get(item_id)
            if target is None:
                if kind == "facts" and isinstance(patch, dict) and patch.get("quotes"):
                    holder.setdefault(key, []).append({"id": item_id, **patch})  # a whole fact added by hand
                continue
            for name, value in (patch or {}).items():
                if isinstance(value, list) and isinstance(target.get(name), list):
                    target[name] = list(dict.fromkeys([*target[name], *value]))
                else:
                    target[name] = value
    if overlay.get("questions"):
        docs["rules.yaml"].setdefault("questions", {}).update(overlay["questions"])
    if overlay.get("not_covered"):
        docs["coverage.yaml"].setdefault("not_covered", []).extend(overlay["not_covered"])


def _read_docs(directory: Path, problems: list[str]) -> dict[str, Any]:
    docs: dict[str, Any] = {}
    for name in ("facts.yaml", "topics.yaml", "rules.yaml", "coverage.yaml", "overlay.yaml"):
        path = directory / name
        if not path.exists():
            if name in ("facts.yaml", "topics.yaml", "rules.yaml"):
                problems.append(f"{name}: missing in {directory}")
            docs[name] = {}
            continue
        try:
            docs[name] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            problems.append(f"{name}: not valid YAML: {exc}")
            docs[name] = {}
    return docs


def _typed(model: type[BaseModel], items: list[dict], where: str, problems: list[str]) -> list:
    out = []
    for item in items or []:
        try:
            out.append(model(**item))
        except (ValidationError, TypeError) as exc:
            name = item.get("id", "?") if isinstance(item, dict) else "?"
            errors = exc.errors() if isinstance(exc, ValidationError) else [{"loc": (), "msg": str(exc)}]
            for e in errors:
                problems.append(f"{where} {name}: {'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}")
    return out


def _resolve_all(facts: list[Fact], topics: list[Topic], rules: list[Rule], meta: NoticeMeta,
                 passages: list[Passage], problems: list[str]) -> None:
    def resolve(quote: str, within: list[Passage], where: str) -> list[str]:
        ids = find_passages(quote, within)
        if not ids:
            problems.append(f"{where}: quote not found in the notice: {quote!r}")
        return ids

    quoted: dict[tuple[str, str], list[str]] = {}  # (fact id, passage id) -> the fact's quotes lying there
    for fact in facts:
        for q in fact.quotes:
            for pid in resolve(q, passages, f"fact {fact.id}"):
                quoted.setdefault((fact.id, pid), []).append(squash(q))
        fact.passage_ids = list(dict.fromkeys(pid for fid, pid in quoted if fid == fact.id))
        if not fact.quotes:
            problems.append(f"fact {fact.id}: no quote supports it")
    for fact in facts:
        fact.about_ids = [pid for pid in fact.passage_ids if not all(
            any(x in y and x != y for g in facts if g is not fact for y in quoted.get((g.id, pid), ()))
            for x in quoted[(fact.id, pid)])]
    for topic in topics:
        own = [p for p in passages if p.topic == topic.id]
        if not own:
            problems.append(f"topic {topic.id}: the notice has no passages of this topic (heading not found)")
            continue
        shared = [p for p in passages if not p.topic]
        # a sub-topic may rest on its topic's words: the contact stated once after the sub-topics' list
        above = [p for p in passages if p.topic == topic.parent] if topic.parent else []
        for q in topic.quotes():
            # A level's amount stated once for all its topics ("（一）重大课题（每项资助30万元）") is the
            # topic's funding quote, said outside its own passages; so is the phone of the office a topic
            # names, in the notice's list of offices.
            found = (find_passages(q, own) or (find_passages(q, shared) if q in (topic.funding_quote, topic.contact_quote) else [])
                     or find_passages(q, above)) or resolve(q, own, f"topic {topic.id}")
            if found:
                topic.passage_of[q] = found[0]
        for p in own:
            for clause in OUTPUT_CLAUSE.findall(p.text):
                if clause not in topic.passage_of:
                    topic.outputs.append(clause)
                    topic.passage_of[clause] = p.id
                elif clause not in topic.outputs:
                    topic.outputs.append(clause)
    for rule in rules:
        found = resolve(rule.quote, passages, f"rule {rule.id}")
        rule.passage_id = found[0] if found else ""
    for q in meta.quotes:
        resolve(q, passages, "notice meta")


@dataclass
class Inspection:
    """A corpus directory read as far as it goes, with every problem found on the way."""

    directory: Path
    corpus: Corpus | None
    problems: list[str] = field(default_factory=list)


def inspect_corpus(path: str | os.PathLike[str] | None = None) -> Inspection:
    """Reads a corpus directory and collects every problem (bad records, unresolved quotes)."""
    directory = corpus_dir(path)
    problems: list[str] = []
    notice_path = directory / "notice.txt"
    if not notice_path.exists():
        return Inspection(directory, None, [f"notice.txt: missing in {directory}"])
    raw = notice_path.read_text(encoding="utf-8")
    lines = clean_lines(raw)
    passages = segment(lines)
    docs = _read_docs(directory, problems)
    _merge_overlay(docs, docs["overlay.yaml"])
    facts_doc, rules_doc = docs["facts.yaml"], docs["rules.yaml"]
    facts = _typed(Fact, facts_doc.get("facts"), "fact", problems)
    topics = _typed(Topic, docs["topics.yaml"].get("topics"), "topic", problems)
    rules = _typed(Rule, rules_doc.get("rules"), "rule", problems)
    try:
        meta = NoticeMeta(**(facts_doc.get("notice") or {}))
    except ValidationError as exc:
        problems.append(f"notice meta: {exc}")
        meta = NoticeMeta()
    levels = {str(k): str(v) for k, v in (rules_doc.get("project_levels") or DEFAULT_LEVELS).items()}
    org_types = {str(k): str(v) for k, v in (rules_doc.get("org_types") or DEFAULT_ORG_TYPES).items()}
    for topic in topics:
        if topic.level not in levels:
            problems.append(f"topic {topic.id}: level {topic.level!r} is not a project level of this notice "
                            f"({', '.join(levels)}); add it to rules.yaml project_levels")
        if topic.group and squash(topic.group) not in squash(notice_source(raw)):
            problems.append(f"topic {topic.id}: group {topic.group!r} is not in the notice")
        said = squash(topic.contact_quote)
        for c in topic.contacts if said else ():
            # a topic's phone and named person are the notice's own words beside it, like every fact's value
            for value in (c.phone, c.person):
                if value and squash(value) not in said:
                    problems.append(f"topic {topic.id}: contact {value!r} is not in its contact_quote")
    _resolve_all(facts, topics, rules, meta, passages, problems)
    questions: dict[str, Bilingual] = {}
    for k, v in (rules_doc.get("questions") or {}).items():
        try:
            questions[k] = Bilingual(**v)
        except (ValidationError, TypeError):
            problems.append(f"rules.yaml questions.{k}: needs zh and en")
    not_covered = [str(w) for item in docs["coverage.yaml"].get("not_covered") or [] for w in item.get("words", [])]
    lexicon_path = directory / "lexicon.txt"
    lexicon = ([w.split()[0] for w in lexicon_path.read_text(encoding="utf-8").splitlines() if w.strip()]
               if lexicon_path.exists() else [])
    corpus = Corpus(
        raw_notice=raw, clean_notice="\n".join(lines), passages=passages, facts=facts, topics=topics,
        rules=rules, questions=questions, not_covered=not_covered, digest=digest_of(directory), meta=meta,
        org_types=org_types, levels=levels, lexicon=lexicon, directory=str(directory),
    )
    return Inspection(directory, corpus, problems)


@lru_cache(maxsize=8)
def _load(directory: str, digest: str) -> Corpus:
    found = inspect_corpus(directory)
    if found.problems or found.corpus is None:
        raise CorpusError(found.problems)
    return found.corpus


def load_corpus(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Loads a corpus directory (default: ASSISTANT_CORPUS_DIR, else the packaged corpus/).

    Raises:
        CorpusError: listing every problem at once (unresolved quotes, bad records).
    """
    directory = corpus_dir(path)
    if not (directory / "notice.txt").exists():
        raise CorpusError([f"notice.txt: missing in {directory} (is {ENV_VAR} right?)"])
    return _load(str(directory), digest_of(directory))


@lru_cache(maxsize=1)
def family_vocabulary() -> dict[str, Any]:
    """`ingest_vocab.yaml`, read once per process for the served side (which only reads it; `ingest` reads its own)."""
    return yaml.safe_load(INGEST_VOCAB_PATH.read_text(encoding="utf-8")) or {}


def glossary_pattern(english: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One pattern for a word's English forms, as whole words, a space or a hyphen between theirs ("concept
    verification", "concept-verification")."""
    forms = "|".join(r"[\s-]+".join(map(re.escape, e.split())) for e in english)
    return re.compile(r"(?<![a-z])(?:" + forms + r")(?![a-z])")


def english_glossary(key: str) -> dict[str, tuple[str, ...]]:
    """One of the vocabulary's lists of the English of Chinese words ("office_en": 人才 -> talent; "topic_en": 人工智能
    -> ai): each word -> its English, lower-cased."""
    return {zh: tuple(str(e).lower() for e in ens) for zh, ens in (family_vocabulary().get(key) or {}).items()}
