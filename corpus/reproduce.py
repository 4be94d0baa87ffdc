"""How an ingested corpus compares with a curated one, and an overlay carried over from it.

`reproduction(curated, ingested)` lists the checkable values of the curated corpus (dates,
amounts, phones, quotas, topic contacts) and which of them the ingested corpus reproduces.
`overlay_from(curated, ingested)` builds the hand additions (aliases, English names, triggers,
answer wording) of a curated corpus as an overlay for the ingested one, matching facts by role
or quote and topics by id and title, so a year's hand work carries over to its ingested corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from corpus import Corpus, Fact, format_wan, squash

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _dates(text: str) -> set[str]:
    return {f"{int(y):04d}-{int(m):02d}-{int(d):02d}" for y, m, d in _DATE.findall(text)}


def _items(corpus: Corpus) -> set[tuple[str, ...]]:
    """The checkable values: dates of facts, amounts per topic and level, phones, quotas, topic contacts."""
    out: set[tuple[str, ...]] = set()
    for f in corpus.facts:
        if f.window:
            out.add(("window", f.window.opens.isoformat(), f.window.closes.isoformat()))
        for d in _dates(" ".join(f.quotes)):
            out.add(("date", d))
        if f.intent == "contacts":
            for phone in re.findall(r"(?<!\d)\d{7,8}(?!\d)", " ".join(f.quotes)):
                out.add(("phone", phone))
        if f.intent == "funding":
            for value in re.findall(r"(\d+(?:\.\d+)?)\s*万元", " ".join(f.quotes)):
                out.add(("level amount", format_wan(float(value))))
    for t in corpus.topics:
        if t.funding_wan is not None:
            out.add(("topic amount", t.id, t.funding_text))
        for c in t.contacts:
            out.add(("topic contact", t.id, c.office, c.phone))
    for r in corpus.rules:
        for org, n in r.quota_by_org_type.items():
            out.add(("quota", org, str(n)))
        if r.check == "at_most" and r.field == "age":
            out.add(("age limit", str(r.limit)))
    return out


@dataclass
class Reproduction:
    expected: int
    reproduced: int
    missing: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.reproduced / self.expected if self.expected else 1.0


def reproduction(curated: Corpus, ingested: Corpus) -> Reproduction:
    want, got = _items(curated), _items(ingested)
    missing = sorted(want - got)
    return Reproduction(len(want), len(want) - len(missing), missing)


def _match_fact(fact: Fact, curated: Corpus) -> Fact | None:
    """The curated fact an ingested one stands for: same role/id, else the one whose quotes it holds."""
    same = curated.fact_by_role(fact.role or fact.id)
    if same:
        return same
    text = squash(" ".join(fact.quotes))
    scored = [(sum(len(squash(q)) for q in c.quotes if squash(q) in text), c) for c in curated.facts]
    best = max(scored, key=lambda s: s[0], default=(0, None))
    return best[1] if best[0] >= 6 else None


def overlay_from(curated: Corpus, ingested: Corpus) -> dict[str, Any]:
    """Hand additions of `curated` for `ingested` (an overlay.yaml document)."""
    facts: dict[str, Any] = {}
    used: set[str] = set()
    for fact in ingested.facts:
        match = _match_fact(fact, curated)
        if match is None or match.id in used:
            continue
        used.add(match.id)
        patch: dict[str, Any] = {"triggers": match.triggers, "en": match.en, "zh": match.zh}
        if match.window and fact.window:
            patch["window"] = {**fact.window.model_dump(mode="json"), "name_zh": match.window.name_zh,
                               "name_en": match.window.name_en}
        facts[fact.id] = patch
    # Curated facts ingest has no fact for: carried over whole (their quotes are checked at load).
    for fact in curated.facts:
        if fact.id not in used and fact.id not in {f.id for f in ingested.facts}:
            facts[fact.id] = fact.model_dump(mode="json", exclude={"passage_ids", "about_ids"}, exclude_none=True)
    topics: dict[str, Any] = {}
    by_title = {squash(t.title): t for t in curated.topics}
    for topic in ingested.topics:
        same = next((t for t in curated.topics if t.id == topic.id), None) or by_title.get(squash(topic.title))
        if same is None:
            continue
        topics[topic.id] = {"aliases": same.aliases, "label_en": same.label_en, "title_en": same.title_en,
                            "references": [r.model_dump() for r in same.references]}
    return {"facts": facts, "topics": topics}
