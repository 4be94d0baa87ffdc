"""Scale-out mode: the passage vectors in one Chroma server shared by stateless API workers.

Starts `chroma run` (the CLI of the chromadb wheel) on a free loopback port with a temporary data
directory, builds the index into it, answers through it, checks that a second worker reuses the
collection without rebuilding, and stops the server by its PID."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import chromadb
import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.engine import Assistant
from assistant.settings import Settings
from index import store as index_store
from tests.conftest import free_port

CHROMA = Path(sys.executable).parent / "chroma"


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    exe = str(CHROMA) if CHROMA.exists() else shutil.which("chroma")
    if not exe:
        pytest.skip("the chroma CLI (chromadb wheel) is not installed")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-data")
    log = open(data.parent / "chroma.log", "w")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(
        [exe, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"chroma exited with {proc.returncode}: {Path(log.name).read_text()[-2000:]}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("chroma server did not answer its heartbeat")
            time.sleep(0.1)
        yield port
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


def test_workers_share_one_chroma_server(chroma_server: int, tmp_path: Path, monkeypatch) -> None:
    settings = Settings(chroma_host="127.0.0.1", chroma_port=chroma_server, index_dir=tmp_path / "index",
                        collection_prefix="ci")
    first = Assistant.load(settings, progress=False)
    manifest = first.retriever.store.manifest
    assert manifest.passages == first.passage_count > 0

    answer = first.ask("法规处的电话")
    assert "67177127" in answer.answer and answer.citations

    # Through the HTTP app as a worker would serve it.
    with TestClient(create_app(settings, first)) as client:
        r = client.post("/api/ask", json={"question": "法规处的电话"})
        assert r.status_code == 200 and "67177127" in r.json()["answer"]
        assert client.get("/api/ready").json()["passages"] == first.passage_count

    # A second worker finds the complete collection and does not rebuild (building embeds every passage).
    def no_rebuild(*args, **kwargs):
        raise AssertionError("the second worker rebuilt the index")

    monkeypatch.setattr(index_store, "_embed_all", no_rebuild)
    second = Assistant.load(settings, progress=False)
    assert second.retriever.store.manifest == manifest
    assert "67177127" in second.ask("法规处的电话").answer
    names = [c.name for c in chromadb.HttpClient(host="127.0.0.1", port=chroma_server).list_collections()]
    assert names == [manifest.collection]  # no leftover -building- collection
