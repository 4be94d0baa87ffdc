"""Shared fixtures: one real Assistant per test session and a real HTTP server on loopback."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# Shared state (sessions, de-duplication, rate limits) persists in the data directory: each test run
# gets a fresh one, so a session id reused by two runs starts empty. It is removed when the run ends
# (TemporaryDirectory's finaliser), so runs do not pile data directories up in TMPDIR.
if "ASSISTANT_DATA_DIR" not in os.environ:
    _DATA_DIR = tempfile.TemporaryDirectory(prefix="assistant-test-data-", ignore_cleanup_errors=True)
    os.environ["ASSISTANT_DATA_DIR"] = _DATA_DIR.name

from api.app import create_app  # noqa: E402
from assistant.engine import Assistant  # noqa: E402
from assistant.settings import Settings  # noqa: E402


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    # The default embedded index lives in the repo (index/store); tests reuse it when it is fresh.
    return Settings()


@pytest.fixture(scope="session")
def assistant(settings: Settings) -> Assistant:
    return Assistant.load(settings)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    settings: Settings


def start_server(app, port: int) -> tuple[uvicorn.Server, threading.Thread]:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return server, thread
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("server did not become healthy")


@pytest.fixture(scope="session")
def host_page_port() -> int:
    """Port reserved for a test 'host site' on another origin (allowed by the live server's CORS list)."""
    return free_port()


@pytest.fixture(scope="session")
def live_server(assistant: Assistant, host_page_port: int) -> Iterator[LiveServer]:
    """A real uvicorn server on 127.0.0.1 serving the real app; CORS allows the host page's origin."""
    port = free_port()
    s = Settings(cors_origins=f"http://localhost:{host_page_port},http://127.0.0.1:{host_page_port}")
    server, thread = start_server(create_app(s, assistant), port)
    yield LiveServer(url=f"http://127.0.0.1:{port}", settings=s)
    server.should_exit = True
    thread.join(timeout=10)


REPO = Path(__file__).resolve().parent.parent
