"""`python -m assistant index | ask | check | serve | eval | ingest | check-corpus | report`."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from pydantic import ValidationError

if TYPE_CHECKING:
    from index.store import NoVectors

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    i = sub.add_parser("index", help="build (or rebuild when stale) the search index")
    i.add_argument("--rebuild", action="store_true", help="rebuild even if the index is fresh")
    a = sub.add_parser("ask", help="answer one question")
    a.add_argument("question")
    a.add_argument("--json", action="store_true", help="print the Answer object as JSON")
    a.add_argument("--today", type=_date)
    a.add_argument("--session")
    a.add_argument("--explain", action="store_true", help="also print each stage: understanding, candidates, choice")
    c = sub.add_parser("check", help="check a profile (JSON file, or - for stdin) against the rules")
    c.add_argument("profile")
    c.add_argument("--json", action="store_true")
    c.add_argument("--today", type=_date)
    c.add_argument("--lang", choices=["zh", "en"], default="zh")
    s = sub.add_parser("serve", help="serve the HTTP API, widget and WeChat endpoint")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--workers", type=int, default=None, help="API worker processes (default: ASSISTANT_WORKERS)")
    g = sub.add_parser("ingest", help="build a complete corpus directory from a notice's text, with DIR/REVIEW.md")
    g.add_argument("notice", type=Path)
    g.add_argument("--out", type=Path, required=True, help="the corpus directory to write")
    g.add_argument("--overlay-from", type=Path, default=None,
                   help="a curated corpus directory whose hand additions become DIR/overlay.yaml (only if DIR has none)")
    k = sub.add_parser("check-corpus", help="list every problem of a corpus directory; non-zero exit if any")
    k.add_argument("directory", type=Path)
    sub.add_parser("eval", help="run the evaluation (see: python -m assistant eval --help)", add_help=False)
    sub.add_parser("report", help="operator report from the event log (see: python -m assistant report --help)",
                   add_help=False)
    return p


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=os.environ.get("ASSISTANT_LOG_LEVEL", "WARNING"),
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if argv[:1] == ["report"]:
        from api.report import main as report_main

        return report_main(argv[1:])
    if argv[:1] == ["eval"]:
        # The evaluation scripts sit above the assistant; imported only when asked for.
        from evaluation.cli import main as eval_main

        return eval_main(argv[1:])
    args = _parser().parse_args(argv)
    if args.command in ("ingest", "check-corpus"):
        from assistant.corpus_tools import check_corpus_command, ingest_command

        return ingest_command(args) if args.command == "ingest" else check_corpus_command(args.directory)
    from assistant.settings import get_settings

    try:
        settings = get_settings()
    except ValidationError as exc:
        return _fail(f"bad ASSISTANT_* setting: {exc}")
    if args.command == "serve":
        # The HTTP layer sits above the assistant; imported only to serve.
        from api.metrics_dir import prepare_multiprocess_dir

        prepare_multiprocess_dir(settings.data_dir, args.port)  # before any worker (or prometheus_client) starts
        from api.server import serve

        return serve(settings, args.host, args.port, args.workers)

    from assistant.engine import Assistant
    from assistant.models import Profile

    if args.command == "index":
        start = time.perf_counter()
        assistant = Assistant.load(settings, rebuild=args.rebuild)
        m = assistant.retriever.store.manifest
        if m is None:  # could not be built or repaired here (e.g. a read-only directory): no traceback
            store = cast("NoVectors", assistant.retriever.store)  # no manifest: the NoVectors stand-in
            return _fail(f"the vector index is unavailable: {store.reason}. To fix: {store.fix}. "
                         "Questions are still answered from the fact cards and BM25.")
        print(f"index ready: {m.passages} passages, embedder {m.embedder}, corpus {m.corpus_digest}, "
              f"built in {m.build_seconds:.1f}s ({time.perf_counter() - start:.1f}s this run)")
        return 0
    if args.command == "check":
        try:
            raw = sys.stdin.read() if args.profile == "-" else Path(args.profile).read_text(encoding="utf-8")
            profile = Profile.model_validate_json(raw)
        except OSError as exc:
            return _fail(f"cannot read {args.profile}: {exc.strerror}")
        except ValidationError as exc:
            return _fail("invalid profile: " + "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'profile'}: {e['msg']}" for e in exc.errors()[:5]))
        assistant = Assistant.load(settings, progress=False)
        result = assistant.check(profile, args.today, args.lang)
        if args.json:
            print(result.model_dump_json(indent=2))
        else:
            print(f"verdict: {result.verdict}")
            for r in result.rules:
                mark = {True: "PASS", False: "FAIL", None: "?   "}[r.passed]
                print(f"  {mark} {r.id}: {r.message}")
            if result.missing:
                print("missing: " + ", ".join(result.missing))
            w = result.submission_window
            print(f"submission window {w.opens} to {w.closes}: {w.status}")
        return 0
    if args.command == "ask":
        if not args.question.strip():
            return _fail("the question is empty")
        if len(args.question) > settings.max_question_chars:
            return _fail(f"the question is longer than {settings.max_question_chars} characters")
        assistant = Assistant.load(settings)
        if args.explain:
            answer, lines = assistant.explain(args.question, args.today, args.session)
            for line in lines:
                print(line, file=sys.stderr if args.json else sys.stdout)
        else:
            answer = assistant.ask(args.question, args.today, args.session)
        if args.json:
            print(answer.model_dump_json(indent=2))
        else:
            print(answer.answer)
            for c in answer.citations[:3]:
                print(f"  [{c.section}] {c.text}")
        return 0
    return _fail(f"unknown command {args.command}")
