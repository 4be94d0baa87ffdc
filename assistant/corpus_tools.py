"""`ingest` and `check-corpus`: the corpus commands, with the Profile's fields and values to check against."""

from __future__ import annotations

import argparse
import sys
import time
import typing
from pathlib import Path

import yaml

from assistant.models import Profile


def profile_values(name: str) -> tuple[str, ...]:
    """The values a Profile field's Literal accepts (org_type, project_level)."""
    annotation = Profile.model_fields[name].annotation
    literal = next(a for a in typing.get_args(annotation) if a is not type(None))
    return typing.get_args(literal)


def check_corpus_command(directory: Path) -> int:
    from corpus.check import check_corpus

    problems = check_corpus(directory, Profile.model_fields, profile_values("org_type"), profile_values("project_level"))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {directory.resolve()}" if problems else f"ok: {directory.resolve()}",
          file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


def ingest_command(args: argparse.Namespace) -> int:
    from corpus import inspect_corpus, load_corpus
    from corpus.ingest import OVERLAY_TEMPLATE, ingest
    from corpus.reproduce import overlay_from

    if not args.notice.is_file():
        print(f"error: no such notice file: {args.notice}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    found = ingest(args.notice, args.out)
    overlay = args.out / "overlay.yaml"
    if args.overlay_from and overlay.read_text(encoding="utf-8") == OVERLAY_TEMPLATE:
        ingested = inspect_corpus(args.out).corpus
        if ingested is not None:
            doc = overlay_from(load_corpus(args.overlay_from), ingested)
            overlay.write_text("# Carried over from " + str(args.overlay_from) + " by ingest --overlay-from.\n"
                               + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    seconds = time.perf_counter() - start
    print(f"ingested {args.notice} into {args.out} in {seconds:.1f}s: {len(found.facts)} facts, "
          f"{len(found.topics)} topics, {len(found.rules)} rules; review {args.out / 'REVIEW.md'} "
          f"({len(found.notes)} note(s) on what could not be placed)")
    return check_corpus_command(args.out)
