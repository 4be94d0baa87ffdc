"""report.json, report.md and report.png from one run's results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evaluation.scoring import (
    ProfileResult,
    QuestionResult,
    by_category,
    by_style,
    eligibility_question_metrics,
    profile_metrics,
    question_metrics,
)

CHART_NAME = "report.png"


def build_report(questions: list[QuestionResult], profiles: list[ProfileResult] | None,
                 variants: dict[str, Any] | None, meta: dict[str, Any]) -> dict[str, Any]:
    profiles = profiles or []
    return {
        "meta": meta,
        "questions": question_metrics(questions),
        "profiles": profile_metrics(profiles),
        "eligibility_questions": eligibility_question_metrics(questions),
        "per_category": by_category(questions, question_metrics),
        "per_style": by_style(questions),
        "profiles_per_category": by_category(profiles, profile_metrics),
        "latency_ms": question_metrics(questions)["latency_ms"],
        "variants": variants or {"variants": {}, "notes": ["retrieval variants not run"]},
        "failures": [r.to_dict() for r in questions if not r.passed],
        "profile_failures": [r.to_dict() for r in profiles if not r.passed],
        "results": [r.to_dict() for r in questions],
        "profile_results": [r.to_dict() for r in profiles],
    }


def fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def summary_lines(report: dict[str, Any]) -> list[str]:
    """The figures printed to stdout (the same ones report.json holds)."""
    q, p, e = report["questions"], report["profiles"], report["eligibility_questions"]
    lat = report["latency_ms"]
    lines = [
        f"questions: {q['passed']}/{q['total']} passed, accuracy {fmt(q['accuracy'])}, "
        f"answer accuracy {fmt(q['answer_accuracy'])}, intent accuracy {fmt(q['intent_accuracy'])}",
        f"citations: hit@1 {fmt(q['hit@1'])}, hit@3 {fmt(q['hit@3'])}, MRR {fmt(q['mrr'])} "
        f"(over {q['cite_checked']} questions with cite_any)",
        f"out of scope: precision {fmt(q['oos_precision'])}, recall {fmt(q['oos_recall'])}; "
        f"confidently wrong {fmt(q.get('confidently_wrong'))}",
        f"eligibility questions: verdict accuracy {fmt(e['verdict_accuracy'])} ({e['passed']}/{e['total']})",
        f"profiles: {p['passed']}/{p['total']} passed, accuracy {fmt(p['accuracy'])}",
        f"latency: p50 {fmt(lat['p50'], 1)} ms, p99 {fmt(lat['p99'], 1)} ms",
    ]
    if q["errors"] or p["errors"]:
        lines.append(f"errors: {q['errors']} questions, {p['errors']} profiles failed to run")
        # A run where everything errors usually has one cause; show each distinct one once.
        distinct: dict[str, str] = {}
        for r in report["failures"] + report["profile_failures"]:
            if r["error"] and r["error"] not in distinct:
                distinct[r["error"]] = r["id"]
        lines.extend(f"  error ({gid} and maybe others): {err}" for err, gid in list(distinct.items())[:3])
    for name, v in report["variants"].get("variants", {}).items():
        if "skipped" in v:
            lines.append(f"retrieval {name}: skipped ({v['skipped']})")
        else:
            lines.append(f"retrieval {name}: hit@1 {fmt(v['hit@1'])}, hit@3 {fmt(v['hit@3'])}, "
                         f"MRR@{report['variants']['k']} {fmt(v['mrr'])}")
    lines.extend(f"note: {n}" for n in report["variants"].get("notes", []))
    return lines


def write_json(report: dict[str, Any], out: Path) -> Path:
    path = out / "report.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return path


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_markdown(report: dict[str, Any], out: Path) -> Path:
    q, p, e = report["questions"], report["profiles"], report["eligibility_questions"]
    meta = report["meta"]
    md = [
        "# Evaluation report",
        "",
        f"- gold: `{meta.get('gold')}`" + (f", profiles: `{meta['profiles']}`" if meta.get("profiles") else ""),
        f"- target: {meta.get('target')}; run `{meta.get('run_id')}` at {meta.get('started')}",
        "",
        "## Summary",
        "",
        "| figure | value |",
        "| --- | --- |",
        f"| questions passed | {q['passed']}/{q['total']} |",
        f"| accuracy (all checks) | {fmt(q['accuracy'])} |",
        f"| answer-only accuracy (expect_all/expect_any) | {fmt(q['answer_accuracy'])} ({q['answer_checked']} checked) |",
        f"| intent accuracy | {fmt(q['intent_accuracy'])} ({q['intent_checked']} checked) |",
        f"| verdict accuracy (questions) | {fmt(e['verdict_accuracy'])} ({e['total']} checked) |",
        f"| citation hit@1 / hit@3 / MRR | {fmt(q['hit@1'])} / {fmt(q['hit@3'])} / {fmt(q['mrr'])} "
        f"({q['cite_checked']} checked) |",
        f"| out-of-scope precision / recall | {fmt(q['oos_precision'])} / {fmt(q['oos_recall'])} |",
        f"| profiles passed | {p['passed']}/{p['total']} (accuracy {fmt(p['accuracy'])}) |",
        f"| latency p50 / p99 | {fmt(q['latency_ms']['p50'], 1)} / {fmt(q['latency_ms']['p99'], 1)} ms |",
        "",
    ]
    th = report.get("thresholds")
    if th:
        md += ["## Thresholds", "", f"From `{th['file']}`: " + ("**met**" if not th["failures"] else "**NOT met**"), ""]
        md += [f"- FAIL {f}" for f in th["failures"]] + [f"- skipped {s}" for s in th["skipped"]] + [""]
    md += [
        "## Per category",
        "",
        "| category | n | accuracy | answer acc. | intent acc. | verdict acc. | hit@1 | hit@3 | MRR | p50 ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for cat, m in report["per_category"].items():
        md.append(
            f"| {cat} | {m['total']} | {fmt(m['accuracy'])} | {fmt(m['answer_accuracy'])} | "
            f"{fmt(m['intent_accuracy'])} | {fmt(m['verdict_accuracy'])} | {fmt(m['hit@1'])} | "
            f"{fmt(m['hit@3'])} | {fmt(m['mrr'])} | {fmt(m['latency_ms']['p50'], 1)} |"
        )
    if report.get("per_style"):
        md += ["", "## Per style", "", "| style | n | accuracy | hit@3 |", "| --- | --- | --- | --- |"]
        md += [f"| {st} | {m['total']} | {fmt(m['accuracy'])} | {fmt(m['hit@3'])} |"
               for st, m in report["per_style"].items()]
    var = report["variants"]
    md += ["", "## Retrieval variants", ""]
    if var.get("variants"):
        md += [
            f"Raw retrieval of the question text alone (no session context, no answer pipeline), top {var['k']}, "
            f"scored against `cite_any` on {var['n']} questions.",
            "",
            f"| variant | hit@1 | hit@3 | MRR@{var['k']} | p50 ms | misses@3 |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for name, v in var["variants"].items():
            if "skipped" in v:
                md.append(f"| {v['label']} (`{name}`) | skipped: {_md_escape(v['skipped'])} | | | | |")
                continue
            misses = ", ".join(v["misses@3"][:12]) + (" …" if len(v["misses@3"]) > 12 else "")
            md.append(f"| {v['label']} (`{name}`) | {fmt(v['hit@1'])} | {fmt(v['hit@3'])} | {fmt(v['mrr'])} | "
                      f"{fmt(v['latency_ms_p50'], 1)} | {misses or '-'} |")
    measured = {k: v for k, v in var.get("variants", {}).items() if "skipped" not in v}
    if measured:
        cats = sorted({c for v in measured.values() for c in v["per_category"]})
        md += ["", "hit@3 per category:", "", "| category | n | " + " | ".join(measured) + " |",
               "| --- | --- |" + " --- |" * len(measured)]
        for c in cats:
            n = next(v["per_category"][c]["n"] for v in measured.values() if c in v["per_category"])
            cells = [fmt(v["per_category"].get(c, {}).get("hit@3")) for v in measured.values()]
            md.append(f"| {c} | {n} | " + " | ".join(cells) + " |")
    md += [""] + [f"- {n}" for n in var.get("notes", [])]
    md += ["", f"![per-category figures and retrieval variants]({CHART_NAME})", "",
           f"## Failing questions ({len(report['failures'])})", ""]
    if not report["failures"]:
        md.append("None.")
    for f in report["failures"]:
        md += [
            f"### `{f['id']}` ({f['category']})",
            "",
            f"- question: {_md_escape(f['question'])}",
            *[f"- **{_md_escape(r)}**" for r in f["reasons"]],
            f"- got intent `{f['got_intent']}`, verdict `{f['got_verdict']}`",
            f"- answer: {_md_escape(f['answer_excerpt']) or '(none)'}",
            *[f"- citation {i}: {_md_escape(c)}" for i, c in enumerate(f["top_citations"], start=1)],
            "",
        ]
    md += [f"## Failing profiles ({len(report['profile_failures'])})", ""]
    if not report["profile_failures"]:
        md.append("None.")
    for f in report["profile_failures"]:
        md.append(f"- `{f['id']}`: " + "; ".join(f["reasons"]) + f" (rules failed: {', '.join(f['failed_rules']) or '-'})")
    path = out / "report.md"
    path.write_text("\n".join(md) + "\n", encoding="utf-8")
    return path


def write_chart(report: dict[str, Any], out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")  # headless: CI and servers have no display
    import matplotlib.pyplot as plt
    import numpy as np

    path = out / CHART_NAME
    per_cat = report["per_category"]
    cats = list(per_cat)
    series = [("accuracy", "accuracy"), ("answer_accuracy", "answer acc."), ("intent_accuracy", "intent acc."),
              ("verdict_accuracy", "verdict acc."), ("hit@3", "hit@3")]
    variants = {k: v for k, v in report["variants"].get("variants", {}).items() if "skipped" not in v}
    groups = len(cats) + (1 if report["profiles"]["total"] else 0)

    # Two rows so the figure stays readable however many categories the gold set has.
    fig = plt.figure(figsize=(max(12.0, 0.85 * groups + 2), 10))
    grid = fig.add_gridspec(2, 2, height_ratios=[1.1, 1], width_ratios=[1, 1.4])
    ax = fig.add_subplot(grid[0, :])
    x = np.arange(len(cats), dtype=float)
    width = 0.8 / len(series)
    for i, (key, label) in enumerate(series):
        # Unmeasured figures are drawn as missing bars, not zeros, so they are not mistaken for failures.
        vals = [np.nan if per_cat[c][key] is None else per_cat[c][key] for c in cats]
        ax.bar(x + (i - (len(series) - 1) / 2) * width, vals, width, label=label, color=f"C{i}")
    labels = [f"{c}\n(n={per_cat[c]['total']})" for c in cats]
    if report["profiles"]["total"]:
        # Profiles go through the rule checker, not the answer pipeline: one extra group, accuracy only.
        ax.bar(len(cats), report["profiles"]["accuracy"], width * 2, color="C0", hatch="//")
        x = np.append(x, len(cats))
        labels.append(f"profiles\n(n={report['profiles']['total']})")
    ax.set_xticks(x, labels, fontsize=8)
    ax.set_ylim(0, 1.18)  # headroom so the legend sits above the bars instead of over them
    ax.set_ylabel("share of gold lines")
    ax.set_title("Per category: answer pipeline (questions) and rule checker (profiles)")
    ax.axhline(0.95, color="grey", linestyle=":", linewidth=1)
    ax.legend(loc="upper center", fontsize=8, ncols=len(series))

    ax = fig.add_subplot(grid[1, 0])
    heat = fig.add_subplot(grid[1, 1])
    if variants:
        metrics = [("hit@1", "hit@1"), ("hit@3", "hit@3"), ("mrr", f"MRR@{report['variants']['k']}")]
        xv = np.arange(len(variants))
        w = 0.8 / len(metrics)
        for i, (key, label) in enumerate(metrics):
            vals = [np.nan if v[key] is None else v[key] for v in variants.values()]
            bars = ax.bar(xv + (i - 1) * w, vals, w, label=label, color=f"C{i + 5}")
            ax.bar_label(bars, fmt="%.2f", fontsize=7)
        ax.set_xticks(xv, [v["label"] for v in variants.values()], rotation=15, ha="right", fontsize=8)
        ax.set_ylim(0, 1.18)
        ax.legend(loc="upper center", fontsize=8, ncols=len(metrics))

        vcats = sorted({c for v in variants.values() for c in v["per_category"]})
        grid_vals = np.array([[np.nan if (m := v["per_category"].get(c, {}).get("hit@3")) is None else m
                               for c in vcats] for v in variants.values()])
        im = heat.imshow(grid_vals, vmin=0, vmax=1, cmap="RdYlGn", aspect="auto")
        for (r, c), val in np.ndenumerate(grid_vals):
            if not np.isnan(val):
                heat.text(c, r, f"{val:.2f}", ha="center", va="center", fontsize=7)
        heat.set_xticks(range(len(vcats)), vcats, rotation=35, ha="right", fontsize=8)
        heat.set_yticks(range(len(variants)), list(variants), fontsize=8)
        heat.set_title("Raw retrieval hit@3 per category")
        fig.colorbar(im, ax=heat, fraction=0.03)
    else:
        for a in (ax, heat):
            a.text(0.5, 0.5, "retrieval variants not measured", ha="center", va="center", transform=a.transAxes)
            a.set_xticks([])
            a.set_yticks([])
    ax.set_title(f"Raw retrieval variants (n={report['variants'].get('n', 0)} questions with cite_any)")

    q, p = report["questions"], report["profiles"]
    fig.suptitle(f"questions {q['passed']}/{q['total']} (acc {fmt(q['accuracy'])}, hit@3 {fmt(q['hit@3'])}), "
                 f"profiles {p['passed']}/{p['total']}, latency p50/p99 {fmt(q['latency_ms']['p50'], 0)}/"
                 f"{fmt(q['latency_ms']['p99'], 0)} ms")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
