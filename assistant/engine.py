"""The Assistant: answers a question deterministically from corpus data, cites the notice,
checks eligibility, and remembers per-session context."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock
from zoneinfo import ZoneInfo

import yaml

from assistant import vocabulary as V
from assistant.compose import (
    Draft,
    eligibility_answer,
    facts_answer,
    greeting,
    not_covered,
    office_answer,
    topic_facet,
    topic_list,
    topic_overview,
)
from assistant.eligibility import EligibilityChecker
from assistant.extract import extract_profile
from assistant.models import Answer, Citation, Eligibility, Intent, Profile
from assistant.sessions import SessionState, SessionStore
from assistant.settings import Settings
from assistant.topics import TopicResolver
from corpus import CORPUS_DIR, Corpus, Fact, load_corpus
from index import HybridRetriever, IndexConfig, open_index
from index.embedders import make_embedder
from index.tokenize import canonical, normalize

log = logging.getLogger(__name__)
MAX_CITATIONS = 5
FACET_INTENT = {"funding": Intent.FUNDING, "contact": Intent.CONTACTS}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def language_of(text: str) -> str:
    return "en" if len(_LATIN.findall(text)) > 2 * len(_CJK.findall(text)) else "zh"


def _has(q: str, words: tuple[str, ...] | list[str]) -> bool:
    return any(w in q for w in words)


@dataclass
class _Matched:
    facts: list[Fact]
    best: int


class FactMatcher:
    """Scores general facts by the triggers a question contains (longest, non-overlapping)."""

    def __init__(self, facts: list[Fact]) -> None:
        self.triggers = sorted(
            ((canonical(t), f) for f in facts for t in f.triggers), key=lambda tf: -len(tf[0])
        )

    def match(self, q: str) -> _Matched:
        scores: dict[str, int] = {}
        by_id: dict[str, Fact] = {}
        spans: list[tuple[int, int]] = []
        for trig, fact in self.triggers:  # longest first
            start = q.find(trig)
            while start != -1:
                end = start + len(trig)
                # Words inside a longer trigger already matched ("经费" in "经费管理") do not count again.
                if not any(s <= start and end <= e for s, e in spans):
                    scores[fact.id] = scores.get(fact.id, 0) + len(trig)
                    by_id[fact.id] = fact
                    spans.append((start, end))
                start = q.find(trig, start + 1)
        if not scores:
            return _Matched([], 0)
        best = max(scores.values())
        keep: dict[str, Fact] = {}
        per_intent: dict[str, int] = {}
        for fid, score in scores.items():
            intent = by_id[fid].intent
            per_intent[intent] = max(per_intent.get(intent, 0), score)
        for fid, score in sorted(scores.items(), key=lambda kv: -kv[1]):
            fact = by_id[fid]
            if score == per_intent[fact.intent] and score * 2 >= best:
                keep[fid] = fact
        return _Matched(list(keep.values())[:3], best)


class Assistant:
    def __init__(self, corpus: Corpus, retriever: HybridRetriever, settings: Settings) -> None:
        self.corpus, self.retriever, self.settings = corpus, retriever, settings
        self.checker = EligibilityChecker(corpus)
        self.topics = TopicResolver(corpus.topics)
        self.matcher = FactMatcher(corpus.facts)
        self.sessions = SessionStore(settings.session_max, settings.session_ttl_seconds)
        coverage = yaml.safe_load((CORPUS_DIR / "coverage.yaml").read_text(encoding="utf-8"))
        self.uncovered = [canonical(w) for item in coverage["not_covered"] for w in item["words"]]
        self.offices = sorted(
            {c.office for t in corpus.topics for c in t.contacts}
            | {q.split("：")[0] for f in corpus.facts if f.intent == "contacts" for q in f.quotes},
            key=len, reverse=True,
        )
        self._cache: OrderedDict[tuple, tuple[Answer, SessionState]] = OrderedDict()
        self._cache_lock = Lock()
        self.tz = ZoneInfo(settings.timezone)

    # ----------------------------------------------------------------- construction
    @classmethod
    def load(cls, settings: Settings, *, progress: bool = True, rebuild: bool = False) -> Assistant:
        corpus = load_corpus()
        embedder = make_embedder(settings.embedder, settings.embedding_model, settings.embed_threads)
        cfg = IndexConfig(settings.index_dir, settings.chroma_host, settings.chroma_port, settings.collection_prefix)
        retriever = open_index(cfg, corpus, embedder, progress=progress, rebuild=rebuild)
        return cls(corpus, retriever, settings)

    @property
    def passage_count(self) -> int:
        return len(self.corpus.passages)

    def today(self) -> dt.date:
        return dt.datetime.now(self.tz).date()

    # ----------------------------------------------------------------- public API
    def check(self, profile: Profile, today: dt.date | None = None, language: str = "zh") -> Eligibility:
        return self.checker.check(profile, today or self.today(), "en" if language == "en" else "zh")

    def ask(self, question: str, today: dt.date | None = None, session_id: str | None = None) -> Answer:
        today = today or self.today()
        state = self.sessions.get(session_id)
        q = canonical(question)
        key = (q, today, state.key())
        with self._cache_lock:
            cached = self._cache.get(key)
            if cached:
                self._cache.move_to_end(key)
        if cached is None:
            cached = self._answer(question, q, today, state)
            with self._cache_lock:
                self._cache[key] = cached
                while len(self._cache) > self.settings.answer_cache_size:
                    self._cache.popitem(last=False)
        answer, new_state = cached
        self.sessions.put(session_id, new_state)
        return answer.model_copy(update={"session_id": session_id})

    # ----------------------------------------------------------------- routing
    def _answer(self, question: str, q: str, today: dt.date, state: SessionState) -> tuple[Answer, SessionState]:
        lang = language_of(normalize(question))
        delta = extract_profile(q)
        topics = self.topics.resolve(q)
        facets = [f for f, words in V.FACETS.items() if _has(q, words)]
        matched = self.matcher.match(q)
        asks_eligibility = _has(q, V.ASK_ELIGIBLE)
        time_now = _has(q, V.TIME_NOW)
        stated = delta.model_dump(exclude_none=True)
        follow_up = not topics and state.topics and (
            _has(q, V.PRONOUNS) or (facets and len(q) <= 14 and not matched.facts)
            or (facets and len(q) <= 10)
        )

        def done(draft: Draft, intent: Intent, topic_ids=(), elig: Eligibility | None = None,
                 profile: Profile | None = None) -> tuple[Answer, SessionState]:
            new_state = SessionState(
                topics=tuple(topic_ids) or state.topics, intent=intent.value, profile=profile or state.profile
            )
            citations = self._citations(draft.passages, q, topic_ids) if intent != Intent.OUT_OF_SCOPE else []
            return Answer(answer=draft.text, intent=intent, citations=citations, eligibility=elig, language=lang,
                          topic=topic_ids[0] if topic_ids else None), new_state

        # 1. Eligibility: stated personal facts with a may-I-apply question, or a session already on it.
        wants_eligibility = (asks_eligibility and not (time_now and not stated)) or (
            stated and (state.intent == Intent.ELIGIBILITY.value or _has(q, V.SELF))
        )
        if wants_eligibility and not (topics and facets and not stated and not asks_eligibility):
            profile = state.profile.merged(delta)
            if topics and profile.project_level is None:
                profile = profile.merged(Profile(project_level=self.corpus.topic(topics[0]).level))
            result = self.checker.check(profile, today, lang)
            stated_any = bool(profile.model_dump(exclude_none=True))
            draft = eligibility_answer(result, lang, self.corpus, stated_any)
            return done(draft, Intent.ELIGIBILITY, topics, result, profile)

        # 2. Questions about something the notice does not say.
        if _has(q, self.uncovered) and not (topics and facets):
            return done(not_covered(self.corpus, lang), Intent.OUT_OF_SCOPE)

        # 3. Topics: named now, or carried over from the previous turn.
        if follow_up:
            topics = list(state.topics)
        if topics and not (matched.facts and not facets and not follow_up and matched.best >= 4
                           and self._general_wins(matched)):
            return done(self._topic_draft(topics, facets, lang, q), self._topic_intent(facets), topics)

        # 4. An office by name ("成果处的电话").
        office = next((o for o in self.offices if canonical(o) in q), None)
        if office and (not matched.facts or "contact" in facets or matched.facts[0].intent == "contacts"):
            return done(office_answer(office, self.corpus, lang), Intent.CONTACTS)

        # 5. Lists of topics ("有哪些课题", "各课题的联系电话").
        listing = self._listing(q, facets, lang)
        if listing:
            return done(listing, Intent.TOPICS if not facets else self._topic_intent(facets))

        # 6. General facts.
        if matched.facts:
            facts = matched.facts
            if time_now:
                window_facts = [f for f in facts if f.window]
                facts = window_facts or [self.corpus.fact("submission_window"), *facts]
            draft = facts_answer(facts, today, lang)
            intent = Intent(facts[0].intent)
            elig = None
            if intent == Intent.ELIGIBILITY:
                elig = self.checker.check(state.profile, today, lang)
            return done(draft, intent, (), elig)

        if _has(q, V.GREETINGS) and len(q) <= 12:
            return done(greeting(lang), Intent.OTHER)
        if time_now and _has(q, ("申报", "报名", "apply", "submit", "报")):
            return done(facts_answer([self.corpus.fact("submission_window")], today, lang), Intent.DATES)

        # 7. Nothing matched: answer only if retrieval is sure the notice says it.
        return self._fallback(q, lang, done)

    def _general_wins(self, matched: _Matched) -> bool:
        # A date or process question that names a topic is still about the whole call.
        return matched.facts[0].intent in ("dates", "process", "materials", "rules", "eligibility")

    def _topic_intent(self, facets: list[str]) -> Intent:
        for f in facets:
            if f in FACET_INTENT:
                return FACET_INTENT[f]
        return Intent.TOPICS

    def _topic_draft(self, topic_ids: list[str], facets: list[str], lang: str, q: str) -> Draft:
        wanted = [f for f in facets if f != "content"] or facets
        parts, ids = [], []
        for tid in topic_ids:
            topic = self.corpus.topic(tid)
            parent = self.corpus.topic(topic.parent) if topic.parent else None
            children = self.topics.children(tid)
            if children and ("子课题" in q or "sub-topic" in q or _has(q, V.LIST_WORDS)) and not wanted:
                d = topic_list(children, None, lang, f"{topic.label}包含以下子课题（均为重点项目）：" if lang == "zh"
                               else f"{topic.label_en} has these sub-topics (all key projects):")
                parts.append(d.text)
                ids.extend(d.passages)
                continue
            if not wanted:
                d = topic_overview(topic, lang, parent)
                parts.append(d.text)
                ids.extend(d.passages)
                continue
            for facet in wanted:
                d = topic_facet(topic, facet, lang, parent)
                parts.append(d.text)
                ids.extend(d.passages)
        return Draft("\n".join(dict.fromkeys(parts)), list(dict.fromkeys(ids)))

    def _listing(self, q: str, facets: list[str], lang: str) -> Draft | None:
        asks_list = _has(q, V.LIST_WORDS)
        mentions_topics = _has(q, ("课题", "题目", "选题", "项目", "topic", "project"))
        if not (asks_list and mentions_topics):
            return None
        facet = next((f for f in facets if f in ("funding", "contact", "deliverable")), None)
        if facet and not _has(q, V.ALL_WORDS):
            return None
        if "子课题" in q or "sub-topic" in q or "subtopic" in q:
            chosen = [t for t in self.corpus.topics if t.parent]
            head = "7个子课题（均为重点项目）：" if lang == "zh" else "The sub-topics (all key projects):"
        elif "重大" in q or "major" in q:
            chosen = [t for t in self.corpus.topics if t.level == "major"]
            head = "重大项目共2项：" if lang == "zh" else "The major projects:"
        elif "重点" in q or "key" in q:
            chosen = [t for t in self.corpus.topics if t.level == "key"]
            head = "重点项目共10项（7个子课题和3个其他领域重点课题）：" if lang == "zh" else "The key projects:"
        else:
            chosen = list(self.corpus.topics)
            head = "本次均为定题项目，共12项：" if lang == "zh" else "All set topics:"
        draft = topic_list(chosen, facet, lang, head)
        counts = self.corpus.fact("project_counts")
        draft.passages = [*counts.passage_ids, *draft.passages] if not facet else draft.passages
        return draft

    def _fallback(self, q: str, lang: str, done) -> tuple[Answer, SessionState]:
        hits = self.retriever.search(q, 3)
        top = hits[0] if hits else None
        bm25 = dict(self.retriever.bm25.search(q, 5))
        if top and top.dense >= self.settings.min_dense_score and bm25.get(top.passage.id, 0) >= 3.0:
            owner = next((f for f in self.corpus.facts if top.passage.id in f.passage_ids), None)
            if owner:
                return done(facts_answer([owner], self.today(), lang), Intent(owner.intent))
            if top.passage.topic:
                topic = self.corpus.topic(top.passage.topic)
                return done(topic_overview(topic, lang), Intent.TOPICS, [topic.id])
        return done(not_covered(self.corpus, lang), Intent.OUT_OF_SCOPE)

    # ----------------------------------------------------------------- citations
    def _citations(self, primary: list[str], q: str, topic_ids) -> list[Citation]:
        out: list[Citation] = []
        seen: set[str] = set()
        for i, pid in enumerate(dict.fromkeys(primary)):
            p = self.corpus.passage(pid)
            out.append(Citation(id=p.id, section=p.section, text=p.text, score=round(1.0 - 0.01 * i, 3)))
            seen.add(pid)
        if len(out) < MAX_CITATIONS:
            query = q
            if topic_ids:
                query = f"{self.corpus.topic(topic_ids[0]).title} {q}"
            for hit in self.retriever.search(query, MAX_CITATIONS):
                if hit.passage.id in seen or (topic_ids and hit.passage.topic not in (None, *topic_ids)):
                    continue
                out.append(Citation(id=hit.passage.id, section=hit.passage.section, text=hit.passage.text,
                                    score=round(min(hit.dense, 0.9), 3)))
                seen.add(hit.passage.id)
                if len(out) >= MAX_CITATIONS:
                    break
        return out

