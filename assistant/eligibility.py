"""Deterministic eligibility: each rule of corpus/rules.yaml evaluated by plain typed code.

Verdict semantics (CONTRACT.md): `ineligible` as soon as any rule fails on the facts given,
`eligible` only when every rule passes on stated facts, otherwise `unknown` with `missing`.
A failed "原则上" (in principle) rule still makes the verdict `ineligible`; its result carries
strength "in_principle" and the message says that exceptions are the bureau's call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal, cast

from assistant.models import Eligibility, MissingFact, Profile, RuleCitation, RuleResult, SubmissionWindow
from corpus import Corpus, CorpusError, Rule, batch_kind

NO_WINDOW = ("no fact has a date window: every verdict reports the application window, so give the fact of the "
             "submission dates a `window` (opens, closes) in facts.yaml or overlay.yaml")

Outcome = tuple[bool | None, str, list[str]]  # passed, message, fields still missing
WindowStatus = Literal["open", "not_yet_open", "closed"]
Strength = Literal["hard", "in_principle"]
Verdict = Literal["eligible", "ineligible", "unknown"]


def _fmt(template: str, **values: object) -> str:
    return template.format(**values) if values else template


def _field(rule: Rule) -> str:
    """The Profile field a single-field check reads; without one, a TypeError as getattr(p, None) raised."""
    if rule.field is None:
        raise TypeError(f"rule {rule.id}: check {rule.check!r} needs a field")
    return rule.field


# Kinds of unit that are registered as one of several others: the listed kind they may be registered as.
REGISTERED_AS_ANY = {"new_rd_institution": "public_institution"}


def _one_of(rule: Rule, p: Profile, lang: str) -> Outcome:
    field = _field(rule)
    value = getattr(p, field)
    if value is None:
        return None, "", [field]
    ok = value in rule.allowed
    if not ok and value in REGISTERED_AS_ANY and REGISTERED_AS_ANY[value] in rule.allowed:
        # A kind of unit the notice does not list, registered as one of several kinds, one of which it does
        # ("新型研发机构" may be a 事业单位): undecided until the kind it is registered as is stated.
        return None, "", [field]
    return ok, getattr(rule.pass_by_value.get(value, rule.pass_) if ok else rule.fail, lang), []


def _equals(rule: Rule, p: Profile, lang: str) -> Outcome:
    field = _field(rule)
    value = getattr(p, field)
    if value is None:
        return None, "", [field]
    ok = value == rule.value
    return ok, getattr(rule.pass_ if ok else rule.fail, lang), []


def _limits(rule: Rule, level: str | None, every: bool = False) -> tuple[set[int], bool]:
    """The limits that may be the profile's at `level` (with `every`, at any level the notice sets one for), and
    whether they differ by sex, which the Profile does not state ("男性不超过62周岁、女性不超过54周岁")."""
    if every:
        levels = [*rule.limit_by_level, *(lv for lv in rule.limit_by_level_sex if lv not in rule.limit_by_level)]
        each = [_limits(rule, lv) for lv in levels]
        return {x for limits, _ in each for x in limits}, any(sexed for _, sexed in each)
    if level in rule.limit_by_level_sex:
        return set(rule.limit_by_level_sex[level].values()), True
    if level in rule.limit_by_level:
        return {rule.limit_by_level[level]}, False
    if rule.limit_by_sex:
        return set(rule.limit_by_sex.values()), True
    return {rule.limit if rule.limit is not None else max(rule.limit_by_level.values(), default=0)}, False


def _at_most(rule: Rule, p: Profile, lang: str) -> Outcome:
    field = _field(rule)
    value = getattr(p, field)
    if value is None:
        return None, "", [field]
    # The notice sets this limit per project level (or per sex): decided only where every limit that may be the
    # profile's agrees; between them, the level is asked, or the message says the leader's sex decides.
    per_level = p.project_level is None and bool(rule.limit_by_level or rule.limit_by_level_sex)
    limits, sexed = _limits(rule, p.project_level, every=per_level)
    if value <= min(limits):
        limit = min(limits)
    elif value > max(limits) and rule.limit_by_title:
        # above the plain limit, where some titles have a higher one ("具有正高级职称的可放宽至62周岁"): the leader's
        # title decides, and is asked where it is not given and could
        if p.title is None and value <= max(rule.limit_by_title.values()):
            return None, "", ["title"]
        relaxed = rule.limit_by_title.get(p.title) if p.title is not None else None
        limit = relaxed if relaxed is not None and relaxed > max(limits) else max(limits)
    elif value > max(limits):
        limit = max(limits)
    else:
        message = _fmt(getattr(rule.unknown, lang), value=value) if sexed and rule.unknown else ""
        return None, message, ["project_level"] if per_level else []
    ok = value <= limit
    return ok, _fmt(getattr(rule.pass_ if ok else rule.fail, lang), value=value, limit=limit), []


def _below_quota(rule: Rule, p: Profile, lang: str) -> Outcome:
    field = _field(rule)
    used = getattr(p, field)
    if p.org_type in REGISTERED_AS_ANY and p.org_type not in rule.quota_by_org_type:
        return None, "", ["org_type"]  # its quota is that of the kind it is registered as
    if p.org_type is not None and p.org_type not in rule.quota_by_org_type and p.org_type not in rule.quota_by_named_unit:
        return None, "", []  # not a unit type with a quota: the org_type rule already decides
    missing = [f for f, v in (("org_type", p.org_type), (field, used)) if v is None]
    if missing:
        return None, getattr(rule.unknown, lang) if rule.unknown else "", missing
    assert p.org_type is not None  # else "org_type" is missing above
    # (a type whose named units have quotas of their own: the profile names no unit, so decided only where every
    # quota of the type agrees: below the least passes, at the most fails, between depends on which unit it is)
    # (and a type's lower quota for units in a case the profile does not state: the same, between the two)
    limits = {*([rule.quota_by_org_type[p.org_type]] if p.org_type in rule.quota_by_org_type else []),
              *rule.quota_by_named_unit.get(p.org_type, {}).values(),
              *([rule.reduced_quota_by_org_type[p.org_type]] if p.org_type in rule.reduced_quota_by_org_type else [])}
    if used < min(limits):
        limit = min(limits)
    elif used >= max(limits):
        limit = max(limits)
    else:
        return None, getattr(rule.unknown, lang) if rule.unknown else "", []
    ok = used < limit
    return ok, _fmt(getattr(rule.pass_ if ok else rule.fail, lang), value=used, limit=limit), []


def _requirement(rule: Rule, level: str) -> tuple[list[str], list[str]] | None:
    """The titles and degrees that qualify a leader at `level`, or None where the level has no requirement."""
    if level in rule.titles_by_level or level in rule.degrees_by_level or level in rule.pairs_by_level:
        return rule.titles_by_level.get(level, []), rule.degrees_by_level.get(level, [])
    if level in rule.qualifying_levels:
        return rule.qualifying_titles, rule.qualifying_degrees
    return None


def _qualifies(rule: Rule, level: str, p: Profile) -> bool | None:
    """Whether the leader's title or degree meets `level`'s requirement: either alone, or a title and a
    degree that qualify together; None when a missing one could still decide it."""
    need = _requirement(rule, level)
    if need is None or p.title in need[0] or p.degree in need[1]:
        return True
    pairs = rule.pairs_by_level.get(level, [])
    if any(p.title in pair.titles and p.degree in pair.degrees for pair in pairs):
        return True
    if p.title is None or p.degree is None:
        return None
    return False


def _major_leader(rule: Rule, p: Profile, lang: str) -> Outcome:
    unknown = getattr(rule.unknown, lang) if rule.unknown else ""
    if p.project_level is not None:
        if _requirement(rule, p.project_level) is None:
            return True, getattr(rule.pass_key or rule.pass_, lang), []
        ok = _qualifies(rule, p.project_level, p)
        if ok:
            return True, getattr(rule.pass_by_level.get(p.project_level, rule.pass_), lang), []
        if ok is None:
            return None, unknown, [f for f in ("title", "degree") if getattr(p, f) is None]
        return False, getattr(rule.fail_by_level.get(p.project_level, rule.fail), lang), []
    bound = [lv for lv in {*rule.qualifying_levels, *rule.titles_by_level, *rule.degrees_by_level, *rule.pairs_by_level}]
    if all(_qualifies(rule, lv, p) for lv in bound):
        return True, getattr(rule.pass_, lang), []
    # Whoever lacks the title may still lead a project of another level: undecided until the level is known.
    return None, unknown, ["project_level"] + [f for f in ("title", "degree") if getattr(p, f) is None]


CHECKS: dict[str, Callable[[Rule, Profile, str], Outcome]] = {
    "one_of": _one_of,
    "equals": _equals,
    "at_most": _at_most,
    "below_quota": _below_quota,
    "major_leader": _major_leader,
}


def _by_track(rule: Rule, p: Profile, lang: str) -> Outcome:
    """The rule's outcome; a rule a joint call sets apart for each track is checked on each track's terms, decided
    only where they agree (the profile names no track), else unknown with each track's verdict said."""
    check = CHECKS[rule.check]
    if not rule.tracks:
        return check(rule, p, lang)
    outcomes = [(name, check(rule.model_copy(update={**{k: getattr(terms, k) for k in terms.model_fields_set},
                                                      "tracks": {}}), p, lang))
                for name, terms in rule.tracks.items()]
    said = [o for _, o in outcomes]
    if all(o[0] is True for o in said):
        return said[0]
    if all(o[0] is False for o in said):
        return False, "；".join(f"{name}：{o[1]}" for name, o in outcomes), []
    needs = list(dict.fromkeys(f for o in said for f in o[2]))
    if needs:
        return None, "", needs
    lead = "各类项目的要求不同，是否符合取决于申报哪一类：" if lang == "zh" else "The programmes differ; it depends on which one is applied for: "
    return None, lead + ("；" if lang == "zh" else "; ").join(f"{name}：{o[1] or '-'}" for name, o in outcomes), []


def window_status(opens: dt.date, closes: dt.date, today: dt.date) -> WindowStatus:
    if today < opens:
        return "not_yet_open"
    return "closed" if today > closes else "open"


class EligibilityChecker:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.rules = corpus.rules
        main = corpus.fact_by_role("submission_window")
        # The application window; a notice without one named so: its dated fact that opens first.
        windows = [f.window for f in corpus.facts if f.window]
        if not windows:
            raise CorpusError([NO_WINDOW])
        self.window = main.window if main and main.window else min(windows, key=lambda w: w.opens)
        # A call in batches ("第一批网上填报", "第二批网上填报"): each batch's window of that kind, in order
        kind = batch_kind(self.window.name_zh)
        self.batches = sorted((w for w in windows if kind is not None and batch_kind(w.name_zh) == kind),
                              key=lambda w: w.opens)

    def submission_window(self, today: dt.date) -> SubmissionWindow:
        # (a call in batches: the batch still to close, not the first one closed while the next is to open)
        w = next((b for b in self.batches if today <= b.closes), self.batches[-1]) if len(self.batches) > 1 else self.window
        return SubmissionWindow(status=window_status(w.opens, w.closes, today), opens=w.opens, closes=w.closes)

    def failing(self, profile: Profile) -> list[str]:
        """The ids of the rules the profile fails, without building a verdict (the ranker's
        'stated' feature asks this of every question that states something)."""
        return [rule.id for rule in self.rules if _by_track(rule, profile, "zh")[0] is False]

    def bearing(self, profile: Profile) -> list[str]:
        """The ids of the rules that read a fact the profile states, whether it passes or not ("Do I need a
        PhD to lead a major project?" states a degree: the leader's qualification rule reads it). The project
        level is left out: it names what is asked of more often than it states a condition."""
        stated = set(profile.model_dump(exclude_none=True)) - {"project_level"}
        return [rule.id for rule in self.rules if stated & {*rule.fields, *([rule.field] if rule.field else [])}]

    def check(self, profile: Profile, today: dt.date, lang: str = "zh") -> Eligibility:
        results: list[RuleResult] = []
        missing: list[str] = []
        first: list[str] = []  # the missing facts of rules something stated already bears on
        stated = set(profile.model_dump(exclude_none=True))
        for rule in self.rules:
            passed, message, needs = _by_track(rule, profile, lang)
            if passed is None and not message:
                message = self._unknown_message(needs, lang)
            if rule.strength == "in_principle" and passed is False:
                message += " （“原则上”要求，例外情况以市科技局意见为准。）" if lang == "zh" else (
                    " (an 'in principle' requirement: exceptions are at the bureau's discretion.)"
                )
            passage = self.corpus.passage(rule.passage_id)
            results.append(
                RuleResult(
                    id=rule.id, passed=passed, message=message, strength=cast(Strength, rule.strength),
                    citation=RuleCitation(id=passage.id, section=passage.section, text=passage.text),
                )
            )
            if passed is None:
                missing.extend(f for f in needs if f not in missing)
                if stated & {rule.field, *rule.fields}:
                    # A rule half-known from what was said ("想当重大项目负责人" without a title) is
                    # the one to ask about first.
                    first.extend(f for f in needs if f not in first)
        verdict: Verdict
        if any(r.passed is False for r in results):
            verdict = "ineligible"
        elif all(r.passed is True for r in results):
            verdict = "eligible"
        else:
            verdict = "unknown"
        follow_up = [
            MissingFact(field=f, question=getattr(self.corpus.questions[f], lang))
            for f in [*first, *(f for f in missing if f not in first)] if f in self.corpus.questions
        ]
        return Eligibility(
            verdict=verdict, rules=results, missing=missing, follow_up=follow_up,
            submission_window=self.submission_window(today),
        )

    def _unknown_message(self, needs: list[str], lang: str) -> str:
        if not needs:
            return "不适用。" if lang == "zh" else "Not applicable."
        asks = [getattr(self.corpus.questions[f], lang) for f in needs if f in self.corpus.questions]
        prefix = "尚缺信息：" if lang == "zh" else "Still needed: "
        return prefix + " ".join(asks)
