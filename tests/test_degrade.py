"""A broken index degrades the service instead of stopping it: a truncated `chroma.sqlite3` and a
read-only index directory. The service starts, answers fact questions, reports `degraded` (with no
exception text in any HTTP body), repairs in the background where it can write, and
`python -m assistant index` repairs without a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant.settings import Settings
from tests._servers import REPO, fresh_post, serve

pytestmark = pytest.mark.slow
FACT_Q = "申报截止时间是什么时候？"
FACT_A = "2024年10月24日"


def copy_index(settings: Settings, target: Path) -> Path:
    """A private copy of the repo's current index (built by the session's `assistant` fixture)."""
    current = Path(os.path.realpath(settings.index_dir / "current"))
    target.mkdir(parents=True)
    shutil.copytree(current, target / current.name)
    (target / "current").symlink_to(current.name)
    return target / current.name / "chroma" / "chroma.sqlite3"


def truncate(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(4096)


def health(url: str) -> dict:
    r = httpx.get(url + "/api/health", timeout=10)
    assert r.status_code == 200, r.text
    return r.json()


def assert_no_internals(text: str) -> None:
    for word in ("Traceback", "Error:", "sqlite3.", "chromadb"):
        assert word not in text, text


def test_truncated_chroma_sqlite_serves_degraded_then_repairs(assistant, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    truncate(copy_index(assistant.settings, index_dir))
    env = {"ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    with serve(env, tmp_path / "serve.log", workers=1) as served:
        body = health(served.url)
        assert body["status"] in ("degraded", "ok")  # "ok" only if the repair already finished
        if body["status"] == "degraded":
            assert body["vectors"] is False and "corrupt" in body["reason"] and body["repairing"]
            assert "python -m assistant index" in body["fix"]
            assert_no_internals(str(body))
        r = fresh_post(served.url + "/api/ask", json={"question": FACT_Q})
        assert r.status_code == 200 and FACT_A in r.json()["answer"]
        deadline = time.monotonic() + 90
        while health(served.url)["status"] != "ok":
            assert time.monotonic() < deadline, "the background repair did not finish"
            time.sleep(0.5)
        r = fresh_post(served.url + "/api/ask", json={"question": "火星上有申报点吗"})
        assert r.status_code == 200
    log = (tmp_path / "serve.log").read_text(errors="replace")
    assert "index repaired in the background" in log


def test_assistant_index_repairs_a_truncated_store_without_a_traceback(assistant, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    truncate(copy_index(assistant.settings, index_dir))
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, "-m", "assistant", "index"], cwd=REPO, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "index ready: " in run.stdout
    again = subprocess.run([sys.executable, "-m", "assistant", "ask", FACT_Q], cwd=REPO, env=env,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and FACT_A in again.stdout


def read_only_serve_prefix(index_dir: Path) -> list[str]:
    """Runs the server with `index_dir` read-only: a read-only bind mount in a private mount namespace
    when we are root (root ignores permission bits), else the permission bits."""
    if os.geteuid() != 0:
        for path in [index_dir, *index_dir.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode & 0o555)
        return []
    unshare = shutil.which("unshare")
    probe = unshare and subprocess.run([unshare, "-m", "sh", "-c", f"mount --bind -o ro {index_dir} {index_dir}"],
                                       capture_output=True)
    if not probe or probe.returncode != 0:
        pytest.skip("cannot make a read-only mount here (unshare -m not permitted)")
    return [unshare, "-m", "sh", "-c", f'mount --bind -o ro "{index_dir}" "{index_dir}" && exec "$@"', "sh"]


@pytest.mark.parametrize("state", ["intact", "truncated", "missing"])
def test_read_only_index_directory(assistant, tmp_path: Path, state: str) -> None:
    index_dir = tmp_path / "index"
    if state == "missing":
        index_dir.mkdir()
    else:
        sqlite = copy_index(assistant.settings, index_dir)
        if state == "truncated":
            truncate(sqlite)
    prefix = read_only_serve_prefix(index_dir)
    scratch = tmp_path / "tmp"  # where the private copy goes; it must be gone once the process stops
    scratch.mkdir()
    env = {"ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_DATA_DIR": str(tmp_path / "data"), "TMPDIR": str(scratch)}
    with serve(env, tmp_path / "serve.log", workers=1, prefix=prefix) as served:
        body = health(served.url)
        r = fresh_post(served.url + "/api/ask", json={"question": FACT_Q})
        assert r.status_code == 200 and FACT_A in r.json()["answer"]
        if state == "intact":
            assert body["status"] == "ok"  # opened from a private copy: vectors and all
        else:
            assert body["status"] == "degraded" and body["repairing"] is False, body
            assert "read-only" in body["reason"] or "corrupt" in body["reason"]
            assert_no_internals(str(body))
    if prefix:  # the index directory itself was never written
        assert sorted(p.name for p in index_dir.iterdir()) == (["current", sqlite.parent.parent.name]
                                                             if state != "missing" else [])
    cli = subprocess.run([*prefix, sys.executable, "-m", "assistant", "index"], cwd=REPO,
                         env={**os.environ, **env}, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in cli.stderr
    if state == "intact":
        assert cli.returncode == 0
    else:
        assert cli.returncode != 0 and "To fix" in cli.stderr and "python -m assistant index" in cli.stderr
    assert not any(p.name.startswith("assistant-index-ro-") for p in scratch.iterdir()), list(scratch.iterdir())
