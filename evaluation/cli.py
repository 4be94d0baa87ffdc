"""`python -m assistant eval --gold FILE.jsonl [--profiles FILE.jsonl] [--out DIR] [--url URL]`.

Exit codes: 0 all thresholds met (or none given), 1 a threshold not met, 2 bad input or the run could not start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from evaluation.gold import GoldError, load_profiles, load_questions, load_thresholds
from evaluation.report import build_report, summary_lines, write_chart, write_json, write_markdown
from evaluation.runner import (
    Client,
    HttpClient,
    InProcessClient,
    RunnerError,
    load_assistant,
    run_profiles,
    run_questions,
    run_variants,
)
from evaluation.scoring import check_thresholds

DEFAULT_OUT = Path("var") / "eval"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m assistant eval",
        description="Score the assistant against gold question/profile files and write report.json, "
        "report.md and report.png.",
    )
    p.add_argument("--gold", type=Path,
                   help="gold questions, one JSON object a line; without it, the project's dev and test splits "
                   "(tests/gold/) are scored separately, plus the test split with the hand triggers removed")
    p.add_argument("--profiles", type=Path, help="gold eligibility profiles, one JSON object a line")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"report directory (default: {DEFAULT_OUT})")
    p.add_argument("--url", help="score a running server (POST /api/ask, /api/eligibility) instead of in-process")
    p.add_argument("--thresholds", type=Path,
                   help="minimum figures; default: thresholds.json beside the gold file, if present")
    p.add_argument("--variants", action=argparse.BooleanOptionalAction, default=None,
                   help="compare raw retrieval variants (default: on in-process, off with --url since they "
                   "need the index locally)")
    p.add_argument("--st", action=argparse.BooleanOptionalAction, default=True,
                   help="include the sentence-transformers variant when it is installed (default: on)")
    p.add_argument("--timeout", type=float, default=60.0, help="HTTP timeout per request in seconds")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def _err(msg: str) -> None:
    print(f"eval: {msg}", file=sys.stderr)


def main(argv: list[str] | None = None, *, assistant: Any = None) -> int:
    """Entry point. `assistant` lets a caller that already holds a loaded engine reuse it."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as e:  # argparse exits on bad usage; callers get a code, not an exception
        return int(e.code or 0)
    try:
        return _run(args, assistant) if args.gold is not None else _run_splits(args, assistant)
    except (GoldError, RunnerError) as e:
        _err(str(e))
        return 2
    except KeyboardInterrupt:
        _err("interrupted")
        return 130


def _thresholds_path(args: argparse.Namespace) -> Path | None:
    """--thresholds, else `thresholds-<gold stem>.json` beside the gold file, else `thresholds.json`."""
    if args.thresholds is not None:
        return args.thresholds
    for name in (f"thresholds-{args.gold.stem}.json", "thresholds.json"):
        beside = args.gold.parent / name
        if beside.is_file():
            return beside
    return None


GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold"


def _run_splits(args: argparse.Namespace, assistant: Any) -> int:
    """dev (tuned on), test (frozen, never tuned on) and, for the ablation, the test split answered
    with the hand triggers removed (reported, never judged against thresholds)."""
    import copy

    from assistant.settings import Settings

    engine = assistant if assistant is not None else _load_engine(args.quiet)
    codes, figures = [], []
    for split, triggers in (("dev", True), ("test", True), ("test", False)):
        label = split if triggers else f"{split}-no-triggers"
        sub = copy.copy(args)
        sub.gold = GOLD_DIR / f"{split}.jsonl"
        sub.profiles = GOLD_DIR / "profiles.jsonl" if split == "dev" else None
        sub.out = args.out / label
        if not triggers:
            sub.no_thresholds, sub.variants = True, False
        print(f"== {label}")
        code = _run(sub, engine if triggers else _load_engine(args.quiet, Settings(use_triggers=False)))
        if triggers:
            codes.append(code)
        report = json.loads((sub.out / "report.json").read_text(encoding="utf-8"))
        figures.append((label, report["questions"]["accuracy"], report["questions"]["hit@3"]))
    print("== summary (questions: accuracy, citation hit@3)")
    for label, acc, hit in figures:
        print(f"{label:18s} accuracy {acc or 0:.3f}  hit@3 {hit or 0:.3f}")
    return max(codes)


def _run(args: argparse.Namespace, assistant: Any) -> int:
    # Validate every input before the (slow) engine load, so a typo fails in milliseconds.
    questions = load_questions(args.gold)
    profiles = load_profiles(args.profiles) if args.profiles else []
    th_path = None if getattr(args, "no_thresholds", False) else _thresholds_path(args)
    thresholds = load_thresholds(th_path) if th_path else None
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise GoldError(f"cannot create output directory {args.out}: {e}") from None

    want_variants = args.variants if args.variants is not None else args.url is None
    if (args.url is None or want_variants) and assistant is None:
        assistant = _load_engine(args.quiet)

    client: Client = HttpClient(args.url, args.timeout) if args.url else InProcessClient(assistant)
    run_id = uuid.uuid4().hex[:10]
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    try:
        q_results = run_questions(client, questions, run_id, args.quiet)
        p_results = run_profiles(client, profiles, args.quiet)
    finally:
        client.close()
    variants = run_variants(assistant, questions, with_st=args.st, quiet=args.quiet) if want_variants else None

    meta = {
        "run_id": run_id, "started": started.isoformat(timespec="seconds"), "target": client.where,
        "gold": str(args.gold), "profiles": str(args.profiles) if args.profiles else None,
        "duration_s": round(time.perf_counter() - t0, 2),
    }
    report = build_report(q_results, p_results, variants, meta)
    failures: list[str] = []
    if thresholds is not None:
        failures, skipped = check_thresholds(report, thresholds)
        report["thresholds"] = {"file": str(th_path), "values": thresholds, "failures": failures, "skipped": skipped}
    try:
        paths = [write_json(report, args.out), write_markdown(report, args.out), write_chart(report, args.out)]
    except OSError as e:
        raise GoldError(f"cannot write the report to {args.out}: {e}") from None

    for line in summary_lines(report):
        print(line)
    print("report: " + ", ".join(str(p) for p in paths))
    if thresholds is not None:
        for s in report["thresholds"]["skipped"]:
            _err(f"threshold skipped: {s}")
        if failures:
            for f in failures:
                _err(f"threshold not met: {f}")
            return 1
        print(f"thresholds met ({th_path})")
    return 0


def _load_engine(quiet: bool, settings: Any = None) -> Any:
    from assistant.settings import Settings

    try:
        return load_assistant(settings or Settings(), quiet)
    except Exception as e:  # the CLI promises a message, not a traceback
        raise RunnerError(f"cannot load the assistant: {type(e).__name__}: {e}") from e
