"""Searches the ranker's weights (assistant/rank.py) on the DEV split only and prints each setting.

    .venv/bin/python scripts/fit_ranker.py [--gold tests/gold/dev.jsonl]

The test split is never read here: its figure stays an honest estimate of unseen questions. The
printed best setting is what assistant/rank.py should hold; ties keep the current value.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import rank  # noqa: E402
from assistant.engine import Assistant  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from evaluation.gold import load_questions  # noqa: E402
from evaluation.runner import InProcessClient, run_questions  # noqa: E402
from evaluation.scoring import question_metrics  # noqa: E402

GRID = {
    "W_TRIGGER": (0.5, 1.0),
    "W_RETRIEVAL": (0.4, 0.6, 0.9),
    "W_ATTRIBUTE_MATCH": (1.0, 2.0, 3.0),
    "W_ATTRIBUTE_MISMATCH": (2.0, 3.0, 5.0),
    "MIN_SCORE": (1.5, 2.5),
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", action="append", help="development gold files (default: dev.jsonl and dev2.jsonl)")
    args = ap.parse_args()
    paths = [Path(p) for p in (args.gold or ["tests/gold/dev.jsonl", "tests/gold/dev2.jsonl"])]
    if any("test" in p.name for p in paths):
        print("refusing to fit on a test split", file=sys.stderr)
        return 2
    golds = [g for p in paths for g in load_questions(p)]
    settings = Settings(answer_cache_size=0)
    assistant = Assistant.load(settings, progress=False)
    results = []
    for values in itertools.product(*GRID.values()):
        for name, value in zip(GRID, values, strict=True):
            setattr(rank, name, value)
        client = InProcessClient(assistant)
        m = question_metrics(run_questions(client, golds, f"fit-{values}", quiet=True))
        results.append((m["accuracy"], m["hit@3"] or 0.0, dict(zip(GRID, values, strict=True))))
        print(f"{m['accuracy']:.4f} {m['hit@3']:.4f} {results[-1][2]}", flush=True)
    best = max(results, key=lambda r: (r[0], r[1]))
    print("best:", best)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
