"""HTTP load test of `python -m assistant serve` on loopback (`./run load [options]`).

Starts the server itself on a free 127.0.0.1 port, measures cold start (process start to the first
GET /api/health 200) and RSS per process, then runs closed-loop clients (each one keep-alive
connection, next request as soon as the answer is in) at 1, 8 and 32 concurrent clients for:

- health:   GET /api/health, the framework ceiling (no engine work);
- distinct: POST /api/ask with every question text new to the server (gold questions, then the same
            questions with a number appended), so neither the answer cache nor the query-vector cache
            helps: the full embed + retrieve + compose path each time;
- repeat:   a realistic repeat-heavy mix: 80 % from 10 popular questions, 20 % from the other gold
            questions (cacheable after their first ask).

Each result also gives the server's CPU time per request (user + system time of every process of the
server, master and workers, over the scenario, divided by the requests): on a shared machine, where
other jobs take the cores and throughput swings by ±30 %, this is the figure that compares two trees.
`--tree DIR` serves another checkout (a `git worktree` of a baseline, its index built) with the same
interpreter and the same workload, so two trees can be measured alternately:

    git worktree add /tmp/base 9e2e573 && (cd /tmp/base && "$OLDPWD/.venv/bin/python" -m assistant index)
    for i in 1 2 3; do ./run load --tree /tmp/base; ./run load; done          # A B A B A B

Every run is bounded by --duration seconds and --max-requests requests. `--soak N` then sends N
requests (repeat mix plus 10 % new questions and 10 % sessions) and reports RSS growth. The client is
a minimal asyncio HTTP/1.1 client (no dependencies; far cheaper per request than httpx, so it measures
the server rather than itself). Prints a table and writes JSON to var/load/.

    python scripts/loadtest.py                         # settings defaults (workers, embed threads)
    python scripts/loadtest.py --config 1x1 --config 2x1 --config 1x2 --config 2x2   # compare
    python scripts/loadtest.py --soak 10000
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
OUT = REPO / "var" / "load"
TARGETS = {"distinct_rps": 60.0, "repeat_rps": 300.0, "p99_ms_at_32": 300.0}
POPULAR_COUNT = 10


# ----------------------------------------------------------------------------- workload
def gold_questions() -> list[str]:
    rows = [json.loads(line) for line in (REPO / "tests" / "gold" / "dev.jsonl").read_text().splitlines()
            if line.strip()]
    return [r["question"] for r in rows]


class Workload:
    def __init__(self, questions: list[str], seed: int = 7) -> None:
        self.questions = questions
        self.rng = random.Random(seed)
        # Popular: spread over the gold file (it is grouped by category).
        step = max(1, len(questions) // POPULAR_COUNT)
        self.popular = questions[::step][:POPULAR_COUNT]
        self.tail = [q for q in questions if q not in self.popular]
        self._distinct = 0

    def distinct(self) -> str:
        n = self._distinct
        self._distinct += 1
        q = self.questions[n % len(self.questions)]
        k = n // len(self.questions)
        return q if k == 0 else f"{q} {k}"

    def repeat(self) -> str:
        return self.rng.choice(self.popular) if self.rng.random() < 0.8 else self.rng.choice(self.tail)

    def soak(self) -> tuple[str, str | None]:
        r = self.rng.random()
        if r < 0.1:
            return self.distinct(), None
        if r < 0.2:
            return self.repeat(), f"soak-{self.rng.randrange(5000)}"
        return self.repeat(), None


def ask_request(question: str, session: str | None = None) -> bytes:
    body = {"question": question}
    if session:
        body["session_id"] = session
    data = json.dumps(body, ensure_ascii=False).encode()
    return (b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(len(data)).encode() + b"\r\n\r\n" + data)


HEALTH = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


# ----------------------------------------------------------------------------- client
class Conn:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, raw: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length = 0
        close = False
        for line in lines[1:]:
            name, _, value = line.partition(":")
            name = name.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "connection" and value.strip().lower() == "close":
                close = True
        body = await self.reader.readexactly(length) if length else b""
        if close:
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


@dataclass
class Result:
    scenario: str
    clients: int
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    error_samples: list[str] = field(default_factory=list)
    server_cpu_us: float = 0.0  # server CPU time (all its processes) per request


def pct(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return 0.0
    return sorted_ms[min(len(sorted_ms) - 1, int(round(p / 100 * (len(sorted_ms) - 1))))]


async def run_closed_loop(port: int, scenario: str, clients: int, make, duration: float,
                          max_requests: int) -> Result:
    latencies: list[float] = []
    errors: list[str] = []
    issued = 0
    deadline = time.perf_counter() + duration

    async def client() -> None:
        nonlocal issued
        conn = Conn(port)
        try:
            while issued < max_requests and time.perf_counter() < deadline:
                issued += 1
                raw = make()
                t0 = time.perf_counter()
                try:
                    status, body = await asyncio.wait_for(conn.request(raw), 30)
                except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])
                    await conn.close()
                    continue
                latencies.append((time.perf_counter() - t0) * 1000)
                if status != 200:
                    errors.append(f"HTTP {status}: {body[:160]!r}")
        finally:
            await conn.close()

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    seconds = time.perf_counter() - start
    ok = sorted(latencies)
    done = len(latencies)
    return Result(scenario, clients, done, len(errors), round(seconds, 2), round(done / seconds, 1),
                  round(pct(ok, 50), 1), round(pct(ok, 95), 1), round(pct(ok, 99), 1),
                  round(ok[-1] if ok else 0.0, 1), errors[:5])


# ----------------------------------------------------------------------------- server process
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def worker_pids(master: int, workers: int) -> list[int]:
    if workers <= 1:
        return [master]
    # uvicorn's workers are the master's children that run the app (the biggest; skips the
    # multiprocessing resource tracker).
    kids = sorted(children(master), key=rss_kib, reverse=True)
    return sorted(kids[:workers])


def session_cpu_seconds(sid: int) -> float:
    """User + system CPU time of every live process in session `sid` (the server: master and workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid:  # fields after the name: state ppid pgrp session ... utime(11) stime(12)
            total += int(fields[11]) + int(fields[12])
    return total / tick


class Server:
    def __init__(self, workers: int, threads: int, log_path: Path, tree: Path = REPO) -> None:
        self.workers, self.threads = workers, threads
        self.port = free_port()
        env = {**os.environ, "ASSISTANT_EMBED_THREADS": str(threads), "OMP_NUM_THREADS": str(threads),
               "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE"),
               "ASSISTANT_WORKERS": str(workers), "ANONYMIZED_TELEMETRY": "False",
               # The limiter stays in the path (its cost is measured) but never refuses the generator,
               # which is one client address; production keeps the per-client default.
               "ASSISTANT_RATE_LIMIT_PER_MINUTE": "100000000", "ASSISTANT_RATE_LIMIT_BURST": "100000"}
        self.log = open(log_path, "w")  # noqa: SIM115 (kept open for the server's lifetime)
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--workers", str(workers)],
            cwd=tree, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.cold_start_s = self._wait_healthy()

    def _wait_healthy(self, timeout: float = 180) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; see {self.log.name}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(HEALTH.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
                    # With several workers every one must be up: the kernel spreads connections.
                    if s.recv(64).startswith(b"HTTP/1.1 200") and (
                            self.workers <= 1 or self._all_workers_ready()):
                        return round(time.perf_counter() - self.started, 2)
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("server did not become healthy")

    def _all_workers_ready(self) -> bool:
        oks = 0
        for _ in range(4 * self.workers):
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                s.sendall(HEALTH.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
                oks += s.recv(64).startswith(b"HTTP/1.1 200")
        return oks == 4 * self.workers

    def cpu_seconds(self) -> float:
        return session_cpu_seconds(self.proc.pid)

    def rss(self) -> dict[int, int]:
        return {pid: rss_kib(pid) for pid in worker_pids(self.proc.pid, self.workers)}

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # the server's own session: master and its workers
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


# ----------------------------------------------------------------------------- runs
async def measure(server: Server, wl: Workload, levels: list[int], duration: float, max_requests: int,
                  ) -> list[Result]:
    # Warm-up: imports, first embeddings, connection setup (not measured).
    await run_closed_loop(server.port, "warmup", 2, lambda: ask_request(wl.repeat()), 2.0, 40)
    results = []
    scenarios = {
        "health": lambda: HEALTH,
        "distinct": lambda: ask_request(wl.distinct()),
        "repeat": lambda: ask_request(wl.repeat()),
    }
    for clients in levels:
        for name, make in scenarios.items():
            cpu = server.cpu_seconds()
            r = await run_closed_loop(server.port, name, clients, make, duration, max_requests)
            r.server_cpu_us = round((server.cpu_seconds() - cpu) / max(1, r.requests) * 1e6, 1)
            print(f"  {name:<9} {clients:>3} clients  {r.rps:>8.1f} req/s  p50 {r.p50_ms:>7.1f}  "
                  f"p95 {r.p95_ms:>7.1f}  p99 {r.p99_ms:>7.1f} ms  server CPU {r.server_cpu_us:>6.0f} µs/req  "
                  f"errors {r.errors}", flush=True)
            results.append(r)
    return results


async def soak(server: Server, wl: Workload, total: int, clients: int = 8) -> dict:
    before = server.rss()
    samples = [{"requests": 0, "rss_kib": before}]
    done = 0
    errors = 0
    chunk = max(1, total // 10)
    start = time.perf_counter()
    while done < total:
        n = min(chunk, total - done)

        def make() -> bytes:
            q, sid = wl.soak()
            return ask_request(q, sid)

        r = await run_closed_loop(server.port, "soak", clients, make, 600, n)
        done += r.requests + r.errors if r.requests + r.errors else n
        errors += r.errors
        samples.append({"requests": done, "rss_kib": server.rss()})
    after = server.rss()
    growth = {pid: round((after[pid] - before[pid]) / before[pid] * 100, 1) for pid in before if pid in after}
    return {"requests": done, "errors": errors, "seconds": round(time.perf_counter() - start, 1), "clients": clients,
            "rss_before_kib": before, "rss_after_kib": after, "growth_pct": growth, "samples": samples}


def print_table(config: str, cold: float, rss: dict[int, int], results: list[Result]) -> None:
    print(f"\n== {config}: cold start {cold:.2f} s (process start to /api/health 200 on every worker); "
          f"RSS per worker: " + ", ".join(f"{v / 1024:.0f} MiB" for v in rss.values()))
    print(f"{'scenario':<9} {'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>7} "
          f"{'p95 ms':>7} {'p99 ms':>7} {'max ms':>7} {'CPU µs/req':>10}")
    for r in results:
        print(f"{r.scenario:<9} {r.clients:>7} {r.requests:>8} {r.errors:>6} {r.rps:>8.1f} {r.p50_ms:>7.1f} "
              f"{r.p95_ms:>7.1f} {r.p99_ms:>7.1f} {r.max_ms:>7.1f} {r.server_cpu_us:>10.0f}")


def verdicts(results: list[Result]) -> dict[str, bool]:
    best = {s: max((r.rps for r in results if r.scenario == s), default=0.0) for s in ("distinct", "repeat")}
    at32 = [r for r in results if r.clients == 32 and r.scenario != "health"]
    return {
        "zero_errors": all(r.errors == 0 for r in results),
        f"distinct >= {TARGETS['distinct_rps']:.0f}/s": best["distinct"] >= TARGETS["distinct_rps"],
        f"repeat >= {TARGETS['repeat_rps']:.0f}/s": best["repeat"] >= TARGETS["repeat_rps"],
        f"p99 <= {TARGETS['p99_ms_at_32']:.0f} ms at 32 clients": bool(at32) and all(
            r.p99_ms <= TARGETS["p99_ms_at_32"] for r in at32),
    }


def git_commit(tree: Path) -> str | None:
    """The tree's commit, with `+` when it has uncommitted changes (None outside git)."""
    try:
        head = subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(tree), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return (head + ("+" if dirty else "")) or None


def parse_config(text: str) -> tuple[int, int]:
    w, _, t = text.lower().partition("x")
    return int(w), int(t or 1)


def main(argv: list[str] | None = None) -> int:
    from assistant.settings import Settings

    defaults = Settings()
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--config", action="append", metavar="WORKERSxTHREADS",
                   help=f"uvicorn workers x embedder OpenMP threads (default {defaults.workers}x"
                        f"{defaults.threads_for(defaults.workers)}, the settings defaults); repeat to compare")
    p.add_argument("--levels", default="1,8,32", help="concurrent clients, comma-separated")
    p.add_argument("--duration", type=float, default=5.0, help="seconds per scenario and level (bound)")
    p.add_argument("--max-requests", type=int, default=5000, help="requests per scenario and level (bound)")
    p.add_argument("--soak", type=int, default=0, metavar="N", help="then send N more requests and report RSS")
    p.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    p.add_argument("--tree", type=Path, default=REPO,
                   help="serve this checkout instead (a git worktree of a baseline with its index built), with "
                        "this interpreter and this script's workload, to compare trees run for run")
    args = p.parse_args(argv)
    configs = [parse_config(c) for c in (args.config or [f"{defaults.workers}x{defaults.threads_for(defaults.workers)}"])]
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    tree = args.tree.resolve()
    report = {"started": stamp, "host": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                                         "load_average": os.getloadavg()},
              "tree": {"path": str(tree), "commit": git_commit(tree)},
              "targets": TARGETS, "bounds": {"duration_s": args.duration, "max_requests": args.max_requests},
              "runs": []}
    ok = True
    for workers, threads in configs:
        name = f"{workers} worker(s) x {threads} embed thread(s)"
        print(f"== starting the server: {name}", flush=True)
        server = Server(workers, threads, OUT / f"server-{workers}x{threads}.log", tree)
        try:
            rss_start = server.rss()
            wl = Workload(gold_questions())
            results = asyncio.run(measure(server, wl, levels, args.duration, args.max_requests))
            rss_after = server.rss()
            run = {"workers": workers, "embed_threads": threads, "cold_start_s": server.cold_start_s,
                   "rss_start_kib": rss_start, "rss_after_load_kib": rss_after,
                   "results": [asdict(r) for r in results], "verdicts": verdicts(results)}
            if args.soak:
                print(f"  soak: {args.soak} requests ...", flush=True)
                run["soak"] = asyncio.run(soak(server, wl, args.soak))
        finally:
            server.stop()
        report["runs"].append(run)
        print_table(name, server.cold_start_s, rss_after, results)
        for label, passed in run["verdicts"].items():
            print(f"  {'PASS' if passed else 'MISS'}  {label}")
            ok &= passed
        if args.soak:
            s = run["soak"]
            print(f"  soak: {s['requests']} requests in {s['seconds']} s, {s['errors']} errors; RSS growth "
                  + ", ".join(f"{g:+.1f} %" for g in s["growth_pct"].values())
                  + " (" + ", ".join(f"{s['rss_before_kib'][pid] / 1024:.0f}->{s['rss_after_kib'][pid] / 1024:.0f} MiB"
                                     for pid in s["growth_pct"]) + ")")
            soak_ok = s["errors"] == 0 and all(g <= 10 for g in s["growth_pct"].values())
            print(f"  {'PASS' if soak_ok else 'MISS'}  soak: zero errors and RSS growth <= 10 %")
            ok &= soak_ok
    report["host"]["load_average_end"] = os.getloadavg()
    path = OUT / f"loadtest-{stamp}.json"
    text = json.dumps(report, indent=2, default=str)
    path.write_text(text)
    (OUT / "latest.json").write_text(text)
    print(f"\nJSON: {path.relative_to(REPO)}")
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
