"""`check-corpus`: every problem of a corpus directory at once, for a maintainer or CI.

Problems: records that do not parse, quotes the notice does not hold, facts no quote supports
(or whose answers state numbers their quotes do not hold), dates, phones and amounts of the notice
that no fact, topic or rule covers, coverage.yaml words the notice does mention, rules whose
fields the profile lacks, unit types or project levels the profile cannot express, overlay entries
for ids the corpus does not have.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from corpus import SERVICE_PHONE, Corpus, inspect_corpus, squash
from corpus.passages import LEVEL_WORDS, OTHER_CALL, arabic_numbers

_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# (not digits inside a code of letters and figures, "事项编码：11410900MB1C82Q…": no phone, as ingest reads it)
_PHONE = re.compile(r"(?<![\d.A-Za-z])(?<!备)(?:0\d{2,3}[-－]?)?\d{7,8}(?![\d.A-Za-z])|(?<!\d)1[3-9]\d{9}(?!\d)" + "|" + SERVICE_PHONE)
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*万元")


def numbers(text: str) -> set[str]:
    """The dates, phone numbers and amounts of a text, in comparison form."""
    flat = squash(text)
    return set(_DATE.findall(flat)) | set(_PHONE.findall(flat)) | set(_AMOUNT.findall(flat))


def _answer_numbers(text: str) -> set[str]:
    flat = squash(text)
    return set(_PHONE.findall(flat)) | set(_AMOUNT.findall(flat))


def _coverage_problems(corpus: Corpus, directory: str) -> list[str]:
    path = os.path.join(directory, "coverage.yaml")
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) if os.path.exists(path) else {}
    flat = squash(corpus.clean_notice)
    out = []
    for item in (doc or {}).get("not_covered") or []:
        allowed = {str(w) for w in item.get("mentioned_elsewhere", [])}
        for word in item.get("words", []):
            if str(word) not in allowed and len(squash(str(word))) >= 2 and squash(str(word)) in flat:
                out.append(f"coverage.yaml {item.get('aspect')}: the notice does mention {word!r} "
                           f"(remove it, or list it under mentioned_elsewhere if the notice is still silent on the aspect)")
    return out


def check_corpus(directory: str | os.PathLike[str], profile_fields: Iterable[str] = (),
                 org_type_values: Iterable[str] = (), level_values: Iterable[str] = ()) -> list[str]:
    """Every problem of the corpus in `directory` (empty when it is sound)."""
    found = inspect_corpus(directory)
    problems = list(found.problems)
    corpus = found.corpus
    if corpus is None:
        return problems
    for fact in corpus.facts:
        if not fact.quotes:
            continue  # already reported
        # (a quote's amount in Chinese numerals, "人民币捌万元", holds the answer's "8万元")
        # (quotes parted by a full stop, as below: a phone closing one, "…| 0371-68812301", and a table row's number
        # opening the next, "4 | …", squashed together are no phone)
        held = _answer_numbers("。".join(fact.quotes)) | _answer_numbers(arabic_numbers("。".join(fact.quotes)))
        for lang in ("zh", "en"):
            extra = _answer_numbers(getattr(fact, lang)) - held
            if extra:
                problems.append(f"fact {fact.id}: its {lang} answer states {sorted(extra)} that no quote of it holds")
    # (quotes parted by a full stop: squashed together, a phone closing one would run into a number opening the next)
    covered_text = "。".join(
        [q for f in corpus.facts for q in f.quotes] + [q for t in corpus.topics for q in t.quotes()]
        + [r.quote for r in corpus.rules] + corpus.meta.quotes)
    # A number is covered when a quote holds it, or it sits in a passage some quote rests on.
    # (a topic's research content is answered as the topic's content: a date it mentions in passing,
    # "…于2024年6月29日印发…", is the topic's, not a fact left out)
    rested = {pid for f in corpus.facts for pid in f.passage_ids} | {
        pid for t in corpus.topics for pid in t.passage_of.values()} | {r.passage_id for r in corpus.rules} | {
        p.id for p in corpus.passages if p.topic and p.kind == "content"}
    # (nor is one of another call a joint notice announces, "二、科技战略研究专项": that call's, not this one's)
    rested |= {p.id for p in corpus.passages if p.kind == OTHER_CALL}
    covered = numbers(covered_text) | numbers("。".join(corpus.passage(pid).text for pid in rested if pid))
    for token in sorted(numbers(corpus.clean_notice) - covered):
        problems.append(f"notice: {token} appears in the notice but no fact, topic or rule covers it")
    if not any(f.window for f in corpus.facts):
        problems.append("no fact has a date window (opens, closes): the verdict reports the application window; "
                        "give the submission dates' fact a `window` in overlay.yaml")
    problems += _coverage_problems(corpus, str(found.directory))
    fields = set(profile_fields)
    if fields:
        for rule in corpus.rules:
            for name in rule.needs:
                if name not in fields:
                    problems.append(f"rule {rule.id}: field {name!r} is not a Profile field")
    # A notice's youth projects (passages.LEVEL_WORDS) are topic levels the Profile has no value for: asked
    # about, never in a verdict; a level neither knows is a typo.
    topic_levels = {level for _, level in LEVEL_WORDS}
    for values, known, what in ((org_type_values, corpus.org_types, "org_types"),
                              (level_values, corpus.levels, "project_levels")):
        accepted = set(values) | (topic_levels if what == "project_levels" and values else set())
        if accepted:
            for value in known:
                if value not in accepted:
                    problems.append(f"rules.yaml {what}: {value!r} is not a value the Profile accepts")
    for rule in corpus.rules:
        for org in rule.quota_by_org_type:
            if org not in corpus.org_types:
                problems.append(f"rule {rule.id}: quota for {org!r}, which is not among the notice's unit types")
        for level in [*rule.limit_by_level, *rule.titles_by_level, *rule.degrees_by_level, *rule.pairs_by_level,
                      *rule.pass_by_level, *rule.fail_by_level]:
            if level not in corpus.levels:
                problems.append(f"rule {rule.id}: level {level!r} is not a project level of the notice")
    overlay_path = os.path.join(found.directory, "overlay.yaml")
    if os.path.exists(overlay_path):
        overlay = yaml.safe_load(Path(overlay_path).read_text(encoding="utf-8")) or {}
        ids = {"facts": {f.id for f in corpus.facts}, "topics": {t.id for t in corpus.topics},
               "rules": {r.id for r in corpus.rules}}
        for kind, known_ids in ids.items():
            for item_id in (overlay.get(kind) or {}):
                if item_id not in known_ids:
                    problems.append(f"overlay.yaml {kind}.{item_id}: no such id in the corpus")
    return problems
