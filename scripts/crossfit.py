"""Cross-fitted figures for the dev gold sets: each dev file is answered by a kind-of-question model
fitted on the *other* dev files, so its figure is what a fresh question set would score.

    .venv/bin/python scripts/crossfit.py [--gold tests/gold/devN.jsonl ...] [--set rank.W_INTENT=3 ...]
    .venv/bin/python scripts/crossfit.py --search rank.W_INTENT=2,4,9 --search rank.W_RETRIEVAL=0.4,0.6,0.9

The figures of a dev file answered with the shipped model (fitted on every dev file, itself
included) flatter it: the model has seen those very questions. Weights of the engine that depend on
how sure the model is (`assistant/rank.py`, `assistant/engine.py`) are chosen on these cross-fitted
figures instead (`--set` tries a value; `--search` walks the listed values of each setting in turn, keeping the best,
twice over: coordinate ascent on the cross-fitted accuracy, ties keeping the current value). A test
split is refused.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_intent import C_DEFAULT, DEFAULT, collect, fit  # noqa: E402  (a script beside this one)

from assistant import engine, matching, quotes, rank, understand  # noqa: E402
from assistant.engine import Assistant  # noqa: E402
from assistant.intent_model import IntentModel  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from evaluation.gold import load_questions  # noqa: E402
from evaluation.runner import InProcessClient, run_questions  # noqa: E402
from evaluation.scoring import question_metrics  # noqa: E402

MODULES = {"rank": rank, "engine": engine, "quotes": quotes, "understand": understand, "matching": matching}


class CrossFit:
    """The features of every dev file (collected once, with the model off) and one model per file
    fitted on the others."""

    def __init__(self, paths: list[Path], c: float = C_DEFAULT) -> None:
        self.paths = paths
        self.assistant = Assistant.load(Settings(answer_cache_size=0, use_intent_model=False), progress=False)
        data = {p: collect(self.assistant, [p]) for p in paths}
        self.models: dict[Path, IntentModel] = {}
        for p in paths:
            X = [x for q in paths if q != p for x in data[q][0]]
            y = [v for q in paths if q != p for v in data[q][1]]
            self.models[p] = fit(X, y, c)
        self.golds = {p: load_questions(p) for p in paths}

    def run(self) -> dict[str, dict]:
        """Every file's metrics, each answered by the model that did not see it."""
        out = {}
        for p in self.paths:
            self.assistant.intents = self.models[p]
            results = run_questions(InProcessClient(self.assistant), self.golds[p], f"xfit-{uuid.uuid4().hex[:8]}",
                                    quiet=True)
            out[p.stem] = {"metrics": question_metrics(results), "results": results}
        return out


def summary(out: dict[str, dict]) -> str:
    parts = [f"{k} {v['metrics']['accuracy']:.3f}" for k, v in out.items()]
    total = sum(v["metrics"]["total"] for v in out.values())
    passed = sum(v["metrics"]["passed"] for v in out.values())
    results = [r for v in out.values() for r in v["results"]]
    gold_oos = [r for r in results if r.gold_intent == "out_of_scope"]
    said_oos = [r for r in results if r.got_intent == "out_of_scope"]
    right = sum(r.gold_intent == "out_of_scope" for r in said_oos)
    oos = f"out of scope P {right / max(len(said_oos), 1):.3f} R {right / max(len(gold_oos), 1):.3f}"
    return f"all {passed / total:.4f} ({passed}/{total}) | {oos} | " + " ".join(parts)


def _why(r) -> str:
    """What failed, one letter each: A answer, I intent, C citation, V verdict."""
    return "".join(c for c, bad in (("A", r.answer_ok is False), ("I", r.intent_ok is False),
                                    ("C", r.has_cite_gold and not r.hit3), ("V", r.verdict_ok is False)) if bad)


def apply(assignments: list[str]) -> None:
    for a in assignments:
        name, value = a.split("=", 1)
        module, attr = name.split(".", 1)
        current = getattr(MODULES[module], attr)
        if not isinstance(current, (bool, int, float, str)):
            # tuple("(a, b)") would silently become a tuple of characters
            raise SystemExit(f"--set/--search {name}: only bool, int, float and str settings can be set")
        parsed = value.lower() not in ("0", "false", "no", "off") if isinstance(current, bool) else type(current)(value)
        setattr(MODULES[module], attr, parsed)


def _passed(out: dict[str, dict]) -> int:
    return sum(v["metrics"]["passed"] for v in out.values())


def search(fitted: CrossFit, specs: list[str], rounds: int = 2) -> int:
    """Coordinate ascent: each setting in turn takes the listed value that passes most questions."""
    grid = {name: values.split(",") for name, values in (spec.split("=", 1) for spec in specs)}
    best = _passed(fitted.run())
    print(f"start: {best} passed")
    for _ in range(rounds):
        for name, values in grid.items():
            module, attr = name.split(".", 1)
            keep = getattr(MODULES[module], attr)
            for value in values:
                apply([f"{name}={value}"])
                if getattr(MODULES[module], attr) == keep:
                    continue
                out = fitted.run()
                print(f"{name}={value}: {summary(out)}", flush=True)
                if _passed(out) > best:
                    best, keep = _passed(out), getattr(MODULES[module], attr)
            setattr(MODULES[module], attr, keep)
    print("best: " + " ".join(f"{n}={getattr(MODULES[n.split('.')[0]], n.split('.', 1)[1])}" for n in grid)
          + f" ({best} passed)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", action="append", help="dev gold files (default: every dev file)")
    ap.add_argument("--set", action="append", default=[], help="module.NAME=value, e.g. rank.W_INTENT=3")
    ap.add_argument("--failures", action="store_true", help="print the failing questions' ids")
    ap.add_argument("--search", action="append", default=[], help="module.NAME=v1,v2,... (coordinate ascent)")
    args = ap.parse_args()
    paths = [Path(p) for p in (args.gold or [p for p in DEFAULT if Path(p).exists()])]
    if any("test" in p.name for p in paths):
        print("refusing to use a test split", file=sys.stderr)
        return 2
    apply(args.set)
    fitted = CrossFit(paths)  # the features do not depend on these settings: collected once
    if args.search:
        return search(fitted, args.search)
    out = fitted.run()
    print(summary(out))
    if args.failures:
        for v in out.values():
            for r in v["results"]:
                if not r.passed:
                    print(r.id, _why(r), f"{r.gold_intent}>{r.got_intent}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
