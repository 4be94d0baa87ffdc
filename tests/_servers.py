"""Real servers started by the tests as subprocesses: redis-server (Debian package) and
`python -m assistant serve` (the default multi-worker mode), each on a free loopback port."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen, timeout: float = 20) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


def redis_binary() -> str:
    found = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: `./run test` installs Debian's redis-server")
        pytest.skip("redis-server is not installed (./run test installs it)")
    return found


@contextmanager
def redis_server() -> Iterator[str]:
    """A throwaway redis-server (no persistence) on a free port; yields its URL."""
    port = free_port()
    proc = subprocess.Popen([redis_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(proc)


@dataclass
class Served:
    url: str
    proc: subprocess.Popen
    log: Path


@contextmanager
def serve(env: dict[str, str], log: Path, workers: int | None = None, ready: bool = True,
          prefix: list[str] | None = None) -> Iterator[Served]:
    """`python -m assistant serve` on a free port with the default worker count (or `workers`);
    `prefix` runs it under another command (e.g. in a private mount namespace)."""
    port = free_port()
    cmd = [*(prefix or []), sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    full_env = {**os.environ, "ANONYMIZED_TELEMETRY": "False", "ASSISTANT_LOG_LEVEL": "WARNING", **env}
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=full_env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    served = Served(f"http://127.0.0.1:{port}", proc, log)
    try:
        if ready:
            wait_ready(served)
        yield served
    finally:
        _stop(proc)


def wait_ready(served: Served, timeout: float = 120) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if served.proc.poll() is not None:
            raise RuntimeError("serve exited:\n" + served.log.read_text(errors="replace")[-3000:])
        try:
            if httpx.get(served.url + "/api/ready", timeout=2).status_code == 200:
                return time.monotonic() - start
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("serve did not become ready:\n" + served.log.read_text(errors="replace")[-3000:])


def fresh_post(url: str, **kwargs) -> httpx.Response:
    """One request on its own connection (a new client each time), as browsers and WeChat reconnect."""
    with httpx.Client(timeout=kwargs.pop("timeout", 30), headers={"Connection": "close"}) as client:
        return client.post(url, **kwargs)
