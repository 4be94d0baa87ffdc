"""Ask latency through the app (in process, TestClient) with the event log on and off (issue 13).

Usage: .venv/bin/python scripts/bench_event_log.py [--asks 500]
Interleaved rounds of 50 asks (five questions, answered from the engine's cache after the first
round, so the event log's share of the time is as large as it can be); prints mean, median and p95.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from assistant.engine import Assistant  # noqa: E402
from assistant.settings import Settings  # noqa: E402

QUESTIONS = ["申报截止时间是什么时候？", "项目经费是多少？", "咨询联系电话是多少？", "明天天气怎么样？", "我们是企业，能申报吗？"]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--asks", type=int, default=500)
    args = p.parse_args()
    base = Settings(data_dir=tempfile.mkdtemp(prefix="bench-events-"), rate_limit_per_minute=0)
    assistant = Assistant.load(base, progress=False)
    clients = {on: TestClient(create_app(base.model_copy(update={"event_log": on}), assistant)) for on in (True, False)}
    times: dict[bool, list[float]] = {True: [], False: []}
    for client in clients.values():
        client.__enter__()
        for q in QUESTIONS:
            client.post("/api/ask", json={"question": q})
    for rnd in range(max(1, args.asks // 50)):
        for on in ((True, False) if rnd % 2 else (False, True)):
            for i in range(50):
                start = time.perf_counter()
                r = clients[on].post("/api/ask", json={"question": QUESTIONS[i % 5], "session_id": f"s{i}"})
                times[on].append(time.perf_counter() - start)
                assert r.status_code == 200
    for client in clients.values():
        client.__exit__(None, None, None)
    for on in (False, True):
        v = sorted(times[on])
        print(f"event log {'on ' if on else 'off'}: {len(v)} asks, mean {statistics.mean(v) * 1000:.3f} ms, "
              f"median {statistics.median(v) * 1000:.3f} ms, p95 {v[int(0.95 * len(v))] * 1000:.3f} ms")


if __name__ == "__main__":
    main()
