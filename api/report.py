"""`python -m assistant report [--since 7d] [--out DIR] [--data DIR ...]`: the operator report.

Reads the event logs (api/events.py) of one or more hosts (`--data` repeated; each a data directory
holding `events-*.sqlite3`, or one such file) and writes `report.json`, `report.md` and PNG charts:

- `asks`, `intents`, `per_day` (dates in ASSISTANT_TIMEZONE), `latency_ms` (mean, p50, p95, max);
- `out_of_scope`: `count`, `questions` ([{question, count}], exact masked text) and `groups`: the same
  questions grouped by similarity (paraphrases together) with counts and the variants. Grouping uses
  the assistant's own embedder (multilingual-e5-small; greedy leader clustering, cosine >= 0.92,
  measured on paraphrase pairs such as 明天天气怎么样？/明天的天气如何 = 0.99 versus unrelated
  out-of-scope questions <= 0.91); `grouping` says which was used. When the embedder cannot load
  (or `--grouping bigram`), character-bigram Jaccard >= 0.5 is used instead;
- `feedback`: `up`, `down` (one mark per answer: a later mark on the same answer replaces the earlier);
  `low_rated`: answers with 👎 marks, grouped by question and answer text, worst first, each with its
  question, answer, latest comment and all comments;
- `most_asked`: the most frequent (masked) questions.

`build_report` is also what `/admin` shows (api/admin.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sqlite3
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

EMBED_THRESHOLD = 0.92
BIGRAM_THRESHOLD = 0.5
TOP = 20
NOT_LOGGED = "(question text not logged)"
_SINCE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_since(text: str) -> float:
    """'7d', '24h', '30m', '2w', '90s' → seconds."""
    m = _SINCE.match(text or "")
    if not m:
        raise argparse.ArgumentTypeError(f"not a duration like 7d, 24h or 30m: {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2).lower()]


def event_files(dirs: Sequence[Path | str]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        p = Path(d)
        found = sorted(p.glob("events-*.sqlite3")) if p.is_dir() else ([p] if p.is_file() else [])
        files.extend(f for f in found if f not in files)
    return files


def _rows(path: Path, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10.0)) as conn:
        conn.row_factory = sqlite3.Row
        try:
            return conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError:  # a file without our tables
            return []


def load_events(dirs: Sequence[Path | str], since_ts: float) -> tuple[list[dict], list[dict], dict[str, dict]]:
    """Asks and feedback since `since_ts` from every host's log, and the asks the feedback refers to."""
    files = event_files(dirs)
    asks = [dict(r) for f in files for r in _rows(f, "SELECT * FROM asks WHERE ts >= ?", (since_ts,))]
    marks = [dict(r) for f in files for r in _rows(f, "SELECT * FROM feedback WHERE ts >= ?", (since_ts,))]
    by_id = {a["answer_id"]: a for a in asks}
    missing = sorted({m["answer_id"] for m in marks} - by_id.keys())
    for i in range(0, len(missing), 500):  # feedback in the window on an older ask
        chunk = missing[i:i + 500]
        marks_sql = "SELECT * FROM asks WHERE answer_id IN (" + ",".join("?" * len(chunk)) + ")"
        for f in files:
            for r in _rows(f, marks_sql, chunk):
                by_id[r["answer_id"]] = dict(r)
    return asks, marks, by_id


def _key(q: str) -> str:
    return re.sub(r"[\s?？!！。.，,]+", "", unicodedata.normalize("NFKC", q).lower())


def _count_questions(asks: list[dict]) -> list[dict]:
    """[{question, count}] by normalised text, most frequent first; shows the most frequent spelling."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    for a in asks:
        q = a["question"] if a["question"] is not None else NOT_LOGGED
        spellings[_key(q) or q][q] += 1
    out = [{"question": c.most_common(1)[0][0], "count": sum(c.values())} for c in spellings.values()]
    return sorted(out, key=lambda x: (-x["count"], x["question"]))


def _bigrams(text: str) -> set[str]:
    t = _key(text)
    return {t[i:i + 2] for i in range(len(t) - 1)} or {t}


def group_similar(items: list[dict], embed: Callable[[list[str]], np.ndarray] | None) -> tuple[list[dict], str]:
    """Greedy leader clustering of [{question, count}] (most frequent first): each question joins the first
    group whose leader is similar enough, else starts a group."""
    texts = [x["question"] for x in items]
    vectors = None
    method = "bigram-jaccard"
    if embed is not None and texts:
        try:
            vectors = np.asarray(embed(texts), dtype=np.float32)
            method = "embedder"
        except Exception:  # the report must not fail because the model cannot load
            vectors = None
    grams = [_bigrams(t) for t in texts]
    groups: list[dict] = []
    leaders: list[int] = []
    for i, item in enumerate(items):
        home = None
        for g, j in enumerate(leaders):
            if vectors is not None:
                similar = float(vectors[i] @ vectors[j]) >= EMBED_THRESHOLD
            else:
                similar = len(grams[i] & grams[j]) / max(1, len(grams[i] | grams[j])) >= BIGRAM_THRESHOLD
            if similar:
                home = g
                break
        if home is None:
            leaders.append(i)
            groups.append({"question": item["question"], "count": 0, "variants": []})
            home = len(groups) - 1
        groups[home]["count"] += item["count"]
        groups[home]["variants"].append(item)
    groups.sort(key=lambda g: -g["count"])
    return groups, (method if items else "none")


def build_report(dirs: Sequence[Path | str], since_seconds: float, *, now: float | None = None,
                 embed: Callable[[list[str]], np.ndarray] | None = None, timezone: str = "Asia/Shanghai") -> dict:
    now = time.time() if now is None else now
    since_ts = now - since_seconds
    asks, marks, by_id = load_events(dirs, since_ts)
    tz = ZoneInfo(timezone)
    day = lambda ts: dt.datetime.fromtimestamp(ts, tz).date().isoformat()  # noqa: E731

    oos = [a for a in asks if a["out_of_scope"]]
    oos_questions = _count_questions(oos)
    groups, method = group_similar([q for q in oos_questions if q["question"] != NOT_LOGGED], embed)

    per_day: dict[str, dict[str, int]] = defaultdict(lambda: {"asks": 0, "out_of_scope": 0})
    for a in asks:
        d = per_day[day(a["ts"])]
        d["asks"] += 1
        d["out_of_scope"] += int(a["out_of_scope"])
    latencies = np.array([a["latency_ms"] for a in asks], dtype=float)

    # One mark per answer: a later mark on the same answer replaces the earlier one (the widget sends 👎
    # at once and 👎 again with the comment; a visitor may change their mind). Comments are all kept.
    final: dict[str, dict] = {}
    comments: dict[str, list[str]] = defaultdict(list)
    for m in sorted(marks, key=lambda m: m["ts"]):
        final[m["answer_id"]] = m
        if m["comment"]:
            comments[m["answer_id"]].append(m["comment"])
    up = sum(1 for m in final.values() if m["rating"] == "up")
    down = sum(1 for m in final.values() if m["rating"] == "down")
    # Answers rated 👎, grouped by question and answer text (the same answer to the same question, marked
    # by several visitors, is one line with its counts), worst first.
    rated: dict[tuple, dict] = {}
    for answer_id, m in final.items():
        ask = by_id.get(answer_id)
        question = ask["question"] if ask and ask["question"] is not None else NOT_LOGGED
        answer = ask["answer"] if ask else ""
        entry = rated.setdefault((question, answer), {
            "question": question, "answer": answer, "intent": ask["intent"] if ask else None,
            "up": 0, "down": 0, "comment": "", "comments": [], "last_ts": 0.0, "answer_ids": [],
        })
        entry[m["rating"]] += 1
        entry["answer_ids"].append(answer_id)
        entry["comments"].extend(comments[answer_id])
        if m["ts"] >= entry["last_ts"]:
            entry["last_ts"] = m["ts"]
            entry["comment"] = comments[answer_id][-1] if comments[answer_id] else entry["comment"]
    low = [e for e in rated.values() if e["down"] > 0]
    low.sort(key=lambda e: (e["up"] - e["down"], -e["down"], -e["last_ts"]))

    return {
        "generated_at": dt.datetime.fromtimestamp(now, tz).isoformat(timespec="seconds"),
        "since": dt.datetime.fromtimestamp(since_ts, tz).isoformat(timespec="seconds"),
        "sources": [str(f) for f in event_files(dirs)],
        "asks": len(asks),
        "sessions": len({a["session"] for a in asks if a["session"]}),
        "channels": dict(Counter(a["channel"] for a in asks)),
        "intents": dict(Counter(a["intent"] for a in asks).most_common()),
        "per_day": {k: per_day[k] for k in sorted(per_day)},
        "latency_ms": {
            "mean": round(float(latencies.mean()), 2) if len(latencies) else None,
            "p50": round(float(np.percentile(latencies, 50)), 2) if len(latencies) else None,
            "p95": round(float(np.percentile(latencies, 95)), 2) if len(latencies) else None,
            "max": round(float(latencies.max()), 2) if len(latencies) else None,
        },
        "out_of_scope": {
            "count": len(oos),
            "share": round(len(oos) / len(asks), 4) if asks else 0.0,
            "questions": oos_questions[:100],
            "groups": groups[:TOP],
            "grouping": method,
        },
        "feedback": {"up": up, "down": down},
        "low_rated": low[:TOP],
        "most_asked": _count_questions(asks)[:TOP],
    }


# ---------------------------------------------------------------------------------------- output files
def _md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(r: dict) -> str:
    lat = r["latency_ms"]
    lines = [
        "# Operator report", "",
        f"{r['since']} to {r['generated_at']}: **{r['asks']}** questions from {r['sessions']} sessions; "
        f"**{r['out_of_scope']['count']}** out of scope ({r['out_of_scope']['share']:.0%}); "
        f"feedback 👍 {r['feedback']['up']} · 👎 {r['feedback']['down']}; "
        f"latency p50 {lat['p50']} ms, p95 {lat['p95']} ms.", "",
        "![questions per day](questions_per_day.png) ![intents](intents.png) "
        "![out-of-scope share](out_of_scope_share.png) ![latency](latency.png)", "",
        f"## Unanswered questions, grouped by similarity ({r['out_of_scope']['grouping']})", "",
        "| count | question | paraphrases |", "| ---: | --- | --- |",
    ]
    for g in r["out_of_scope"]["groups"]:
        others = "; ".join(f"{v['question']} ({v['count']})" for v in g["variants"][1:6])
        lines.append(f"| {g['count']} | {_md_escape(g['question'])} | {_md_escape(others)} |")
    lines += ["", "## Lowest-rated answers", "", "| 👎 | 👍 | question | answer | comments |",
              "| ---: | ---: | --- | --- | --- |"]
    for e in r["low_rated"]:
        answer = e["answer"][:160] + ("…" if len(e["answer"]) > 160 else "")
        lines.append(f"| {e['down']} | {e['up']} | {_md_escape(e['question'])} | {_md_escape(answer)} | "
                     f"{_md_escape(' / '.join(e['comments']))} |")
    lines += ["", "## Most asked", "", "| count | question |", "| ---: | --- |"]
    lines += [f"| {q['count']} | {_md_escape(q['question'])} |" for q in r["most_asked"]]
    lines += ["", "## Intents", "", "| intent | answers |", "| --- | ---: |"]
    lines += [f"| {k} | {v} |" for k, v in r["intents"].items()]
    return "\n".join(lines) + "\n"


def write_charts(r: dict, out: Path, asks_latencies: list[float] | None = None) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.sans-serif"] = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "DejaVu Sans"]
    written = []
    days = list(r["per_day"])

    def save(fig, name: str) -> None:
        fig.tight_layout()
        fig.savefig(out / name, dpi=100)
        plt.close(fig)
        written.append(out / name)

    fig, ax = plt.subplots(figsize=(7, 3))
    ax.bar(days, [r["per_day"][d]["asks"] for d in days], color="#1a5fb4")
    ax.set_title("Questions per day")
    ax.tick_params(axis="x", rotation=45)
    save(fig, "questions_per_day.png")

    fig, ax = plt.subplots(figsize=(7, 3))
    ax.barh(list(r["intents"])[::-1], list(r["intents"].values())[::-1], color="#1a5fb4")
    ax.set_title("Answers by intent")
    save(fig, "intents.png")

    fig, ax = plt.subplots(figsize=(7, 3))
    share = [r["per_day"][d]["out_of_scope"] / max(1, r["per_day"][d]["asks"]) for d in days]
    ax.plot(days, share, marker="o", color="#c01c28")
    ax.set_ylim(0, 1)
    ax.set_title("Out-of-scope share per day")
    ax.tick_params(axis="x", rotation=45)
    save(fig, "out_of_scope_share.png")

    fig, ax = plt.subplots(figsize=(7, 3))
    ax.hist(asks_latencies or [0.0], bins=30, color="#1a5fb4")
    ax.set_xlabel("ms")
    ax.set_title(f"Answer latency (p50 {r['latency_ms']['p50']} ms, p95 {r['latency_ms']['p95']} ms)")
    save(fig, "latency.png")
    return written


def write_report(r: dict, out: Path | str, dirs: Sequence[Path | str], since_seconds: float) -> None:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(r, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "report.md").write_text(render_markdown(r), encoding="utf-8")
    asks, _, _ = load_events(dirs, time.time() - since_seconds)
    write_charts(r, out, [a["latency_ms"] for a in asks])


def make_embed(settings: Any) -> Callable[[list[str]], np.ndarray] | None:
    try:
        from index.embedders import make_embedder

        embedder = make_embedder(settings.embedder, settings.embedding_model, settings.threads_for())
    except Exception:
        return None
    return lambda texts: np.stack([embedder.embed_query(t) for t in texts])


def main(argv: Sequence[str] | None = None, settings: Any = None) -> int:
    p = argparse.ArgumentParser(prog="python -m assistant report", description=__doc__.split("\n")[0])
    p.add_argument("--since", type=parse_since, default=parse_since("7d"), help="window: 7d, 24h, 30m (default 7d)")
    p.add_argument("--out", default="report", help="output directory (default ./report)")
    p.add_argument("--data", action="append", help="a data directory (ASSISTANT_DATA_DIR) or events file; repeat "
                   "for several hosts (default: this host's ASSISTANT_DATA_DIR)")
    p.add_argument("--grouping", choices=["embedder", "bigram"], default="embedder")
    args = p.parse_args(list(argv or []))
    if settings is None:
        from assistant.settings import get_settings

        settings = get_settings()
    dirs = args.data or [settings.data_dir]
    if not event_files(dirs):
        print(f"error: no event log (events-*.sqlite3) under {', '.join(map(str, dirs))}", file=sys.stderr)
        return 2
    embed = make_embed(settings) if args.grouping == "embedder" else None
    report = build_report(dirs, args.since, embed=embed, timezone=settings.timezone)
    write_report(report, args.out, dirs, args.since)
    print(f"{report['asks']} questions, {report['out_of_scope']['count']} out of scope, "
          f"feedback up {report['feedback']['up']} / down {report['feedback']['down']}; "
          f"wrote {Path(args.out) / 'report.json'}, report.md and 4 charts")
    return 0
