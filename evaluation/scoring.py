"""Pure scoring functions: gold line + what the assistant returned -> result; results -> figures.

Nothing here calls the engine, so tests can feed hand-built answers and know the right score.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.models import Answer, Eligibility
from evaluation.gold import GoldProfile, GoldQuestion

OOS = "out_of_scope"


def normalize(text: str) -> str:
    """Contract matching: NFKC (full/half width), no white space at all, case-folded."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace()).casefold()


def contains(haystack: str, needle: str) -> bool:
    return normalize(needle) in normalize(haystack)


def cite_rank(citation_texts: Sequence[str], cite_any: Sequence[str]) -> int | None:
    """1-based rank of the first citation holding any of the gold strings, None when none does."""
    wanted = [normalize(c) for c in cite_any]
    for rank, text in enumerate(citation_texts, start=1):
        norm = normalize(text)
        if any(w in norm for w in wanted):
            return rank
    return None


@dataclass
class QuestionResult:
    id: str
    question: str
    category: str
    passed: bool
    latency_ms: float
    style: str | None = None  # how the question is phrased (gold `style`), when the gold file says
    # None = the gold line does not check this.
    answer_ok: bool | None = None
    intent_ok: bool | None = None
    verdict_ok: bool | None = None
    cite_rank: int | None = None
    has_cite_gold: bool = False
    gold_intent: str | None = None
    got_intent: str | None = None
    got_verdict: str | None = None
    answer_excerpt: str = ""
    top_citations: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def hit1(self) -> bool:
        return self.cite_rank is not None and self.cite_rank <= 1

    @property
    def hit3(self) -> bool:
        return self.cite_rank is not None and self.cite_rank <= 3

    @property
    def rr(self) -> float:
        return 1.0 / self.cite_rank if self.cite_rank else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.has_cite_gold:
            d.update({"hit@1": self.hit1, "hit@3": self.hit3})
        return d


def _excerpt(text: str, limit: int = 160) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def verdict_matches(expected: str, got: str | None) -> bool:
    if got is None:
        return False
    if expected == "not_ineligible":
        return got in ("eligible", "unknown")
    return got == expected


def score_question(gold: GoldQuestion, answer: Answer | None, latency_ms: float, error: str | None = None) -> QuestionResult:
    """One question. `answer` None (with `error`) means the call itself failed: every check fails."""
    res = QuestionResult(
        id=gold.id, question=gold.question, category=gold.group, passed=False, latency_ms=latency_ms,
        style=gold.style,
        gold_intent=gold.intent.value if gold.intent else None, has_cite_gold=gold.cite_any is not None,
        error=error,
    )
    if answer is None:
        res.reasons.append(f"request failed: {error or 'no answer'}")
        if gold.expect_all is not None or gold.expect_any is not None:
            res.answer_ok = False
        if gold.intent is not None:
            res.intent_ok = False
        if gold.verdict is not None:
            res.verdict_ok = False
        return res

    res.got_intent = answer.intent.value if hasattr(answer.intent, "value") else str(answer.intent)
    res.got_verdict = answer.eligibility.verdict if answer.eligibility else None
    res.answer_excerpt = _excerpt(answer.answer)
    res.top_citations = [f"{c.section} | {_excerpt(c.text, 80)}" for c in answer.citations[:3]]

    if gold.expect_all is not None or gold.expect_any is not None:
        missing = [s for s in gold.expect_all or [] if not contains(answer.answer, s)]
        if missing:
            res.reasons.append("answer lacks " + ", ".join(repr(s) for s in missing))
        any_ok = gold.expect_any is None or any(contains(answer.answer, s) for s in gold.expect_any)
        if not any_ok:
            res.reasons.append("answer has none of " + ", ".join(repr(s) for s in gold.expect_any or []))
        res.answer_ok = not missing and any_ok

    if gold.intent is not None:
        res.intent_ok = res.got_intent == gold.intent.value
        if not res.intent_ok:
            res.reasons.append(f"intent {res.got_intent!r}, expected {gold.intent.value!r}")

    if gold.verdict is not None:
        res.verdict_ok = verdict_matches(gold.verdict, res.got_verdict)
        if not res.verdict_ok:
            got = "no eligibility object" if res.got_verdict is None else f"verdict {res.got_verdict!r}"
            res.reasons.append(f"{got}, expected {gold.verdict!r}")

    if gold.cite_any is not None:
        res.cite_rank = cite_rank([c.text for c in answer.citations], gold.cite_any)
        if not res.hit3:
            where = "no citation" if res.cite_rank is None else f"citation rank {res.cite_rank}"
            res.reasons.append(f"cited passage not in top 3 ({where} matches cite_any)")

    res.passed = all(ok is not False for ok in (res.answer_ok, res.intent_ok, res.verdict_ok)) and (
        gold.cite_any is None or res.hit3
    )
    return res


@dataclass
class ProfileResult:
    id: str
    category: str
    passed: bool
    latency_ms: float
    expected: str
    got: str | None = None
    failed_rules: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def score_profile(gold: GoldProfile, result: Eligibility | None, latency_ms: float, error: str | None = None) -> ProfileResult:
    res = ProfileResult(id=gold.id, category=gold.group, passed=False, latency_ms=latency_ms,
                        expected=gold.verdict, error=error)
    if result is None:
        res.reasons.append(f"request failed: {error or 'no result'}")
        return res
    res.got = result.verdict
    res.failed_rules = [r.id for r in result.rules if r.passed is False]
    if result.verdict != gold.verdict:
        res.reasons.append(f"verdict {result.verdict!r}, expected {gold.verdict!r}")
    if gold.failed is not None:
        rule = next((r for r in result.rules if r.id == gold.failed), None)
        if rule is None:
            res.reasons.append(f"rule {gold.failed!r} missing from the result")
        elif rule.passed is not False:
            res.reasons.append(f"rule {gold.failed!r} has passed={rule.passed}, expected false")
    res.passed = not res.reasons
    return res


# ---- aggregation ---------------------------------------------------------------------------------


def ratio(num: int, den: int) -> float | None:
    """None rather than 0 or 1 when nothing was measured, so an empty set never looks perfect or broken."""
    return num / den if den else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile: always a value that was actually observed."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def question_metrics(results: Iterable[QuestionResult]) -> dict[str, Any]:
    rs = list(results)
    answered = [r for r in rs if r.answer_ok is not None]
    intents = [r for r in rs if r.intent_ok is not None]
    verdicts = [r for r in rs if r.verdict_ok is not None]
    cited = [r for r in rs if r.has_cite_gold]
    # Out-of-scope detection as a binary classifier; a line without a gold intent counts as in scope
    # (every gold question is about the notice unless it is labelled out_of_scope).
    tp = sum(1 for r in rs if r.gold_intent == OOS and r.got_intent == OOS)
    pred = sum(1 for r in rs if r.got_intent == OOS)
    pos = sum(1 for r in rs if r.gold_intent == OOS)
    lat = [r.latency_ms for r in rs]
    passed = sum(r.passed for r in rs)
    # Confidently wrong: the expected answer is missing (or the verdict is wrong) and yet the assistant
    # answered, instead of saying the notice does not cover it. A refusal is a miss, not a wrong fact.
    wrong = sum(1 for r in rs if (r.answer_ok is False or r.verdict_ok is False) and r.got_intent != OOS)
    return {
        "total": len(rs),
        "passed": passed,
        "accuracy": ratio(passed, len(rs)),
        "answer_accuracy": ratio(sum(bool(r.answer_ok) for r in answered), len(answered)),
        "answer_checked": len(answered),
        "intent_accuracy": ratio(sum(bool(r.intent_ok) for r in intents), len(intents)),
        "intent_checked": len(intents),
        "verdict_accuracy": ratio(sum(bool(r.verdict_ok) for r in verdicts), len(verdicts)),
        "verdict_checked": len(verdicts),
        "hit@1": ratio(sum(r.hit1 for r in cited), len(cited)),
        "hit@3": ratio(sum(r.hit3 for r in cited), len(cited)),
        "mrr": sum(r.rr for r in cited) / len(cited) if cited else None,
        "cite_checked": len(cited),
        "oos_precision": ratio(tp, pred),
        "oos_recall": ratio(tp, pos),
        "confidently_wrong": ratio(wrong, len(rs)),
        "errors": sum(r.error is not None for r in rs),
        "latency_ms": {"p50": percentile(lat, 50), "p99": percentile(lat, 99)},
    }


def eligibility_question_metrics(results: Iterable[QuestionResult]) -> dict[str, Any]:
    rs = [r for r in results if r.verdict_ok is not None]
    ok = sum(bool(r.verdict_ok) for r in rs)
    return {"total": len(rs), "passed": ok, "verdict_accuracy": ratio(ok, len(rs))}


def profile_metrics(results: Iterable[ProfileResult]) -> dict[str, Any]:
    rs = list(results)
    passed = sum(r.passed for r in rs)
    lat = [r.latency_ms for r in rs]
    return {
        "total": len(rs),
        "passed": passed,
        "accuracy": ratio(passed, len(rs)),
        "errors": sum(r.error is not None for r in rs),
        "latency_ms": {"p50": percentile(lat, 50), "p99": percentile(lat, 99)},
    }


def by_style(results: Sequence[QuestionResult]) -> dict[str, dict[str, Any]]:
    """Figures per phrasing style (plain, typo, english, multipart, …) for gold files that give one."""
    groups: dict[str, list[QuestionResult]] = {}
    for r in results:
        if r.style:
            groups.setdefault(r.style, []).append(r)
    return {style: question_metrics(groups[style]) for style in sorted(groups)}


def by_category(results: Sequence[Any], metrics) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Any]] = {}
    for r in results:
        groups.setdefault(r.category, []).append(r)
    return {cat: metrics(groups[cat]) for cat in sorted(groups)}


def retrieval_metrics(ranks: Sequence[int | None]) -> dict[str, Any]:
    """Figures for raw retrieval: `ranks` holds one 1-based rank (or None) per gold question."""
    n = len(ranks)
    return {
        "n": n,
        "hit@1": ratio(sum(1 for r in ranks if r is not None and r <= 1), n),
        "hit@3": ratio(sum(1 for r in ranks if r is not None and r <= 3), n),
        "mrr": sum(1.0 / r for r in ranks if r) / n if n else None,
    }


# ---- thresholds ----------------------------------------------------------------------------------

EPS = 1e-9  # 19/20 must meet 0.95 despite float rounding


def check_thresholds(report: dict[str, Any], thresholds: dict[str, dict[str, float]]) -> tuple[list[str], list[str]]:
    """(failures, skipped): a metric not measured in this run is skipped, never silently passed."""
    failures: list[str] = []
    skipped: list[str] = []
    for section, metrics in thresholds.items():
        for metric, minimum in metrics.items():
            value = (report.get(section) or {}).get(metric)
            name = f"{section}.{metric}"
            if value is None:
                skipped.append(f"{name}: not measured in this run (threshold {minimum})")
            elif value + EPS < minimum:
                failures.append(f"{name} = {value:.4f} < {minimum}")
    return failures, skipped
