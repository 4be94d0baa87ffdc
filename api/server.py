"""Runs the app under uvicorn (the `serve` command).

Defaults come from measurement on the 2-core reference box (docs/deployment.md, `./run load`):
`settings.workers` = 2 processes, each with `settings.embed_threads` = 1 OpenMP thread and
`OMP_WAIT_POLICY=PASSIVE`, so idle OpenMP threads sleep instead of spinning on the cores that the
other requests need.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import time

import uvicorn

from assistant.settings import Settings

log = logging.getLogger(__name__)
LOG_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s [%(request_id)s] %(message)s"


def log_config(level: str) -> dict:
    """uvicorn's dictConfig, with the request id on every line (see api.observability)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "api.server.RequestIdDefault"}},
        "formatters": {"default": {"format": LOG_FORMAT}},
        "handlers": {
            "default": {"class": "logging.StreamHandler", "formatter": "default", "filters": ["request_id"],
                        "stream": "ext://sys.stderr"},
        },
        "root": {"handlers": ["default"], "level": level},
        "loggers": {
            "uvicorn": {"handlers": [], "level": level, "propagate": True},
            "uvicorn.error": {"handlers": [], "level": level, "propagate": True},
            # Our api.access line replaces uvicorn's (it has the request id and the duration).
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }


class RequestIdDefault(logging.Filter):
    """Guarantees `record.request_id` for records made before the record factory was installed."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = "-"
        return True


def prepare_environment(settings: Settings) -> None:
    """OpenMP settings must be in the environment before the embedder's library loads (and for the
    worker processes uvicorn spawns)."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    if settings.embed_threads:
        os.environ.setdefault("OMP_NUM_THREADS", str(settings.embed_threads))
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def serve(settings: Settings, host: str, port: int, workers: int | None = None) -> int:
    prepare_environment(settings)
    from api.observability import install_request_id_logging

    install_request_id_logging()
    workers = workers if workers is not None else settings.workers
    common = uvicorn_options(settings)
    if workers > 1:
        if hasattr(socket, "SO_REUSEPORT"):
            return serve_reuseport(host, port, workers, common)
        # Each worker process builds its own app from the environment; the index is shared on disk
        # (or in the Chroma server) and built once under a file lock.
        uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers, **common)
        return 0
    from api.app import create_app

    uvicorn.run(create_app(settings), host=host, port=port, **common)
    return 0


def uvicorn_options(settings: Settings) -> dict:
    return dict(
        log_config=log_config(settings.log_level.upper()), access_log=False, proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips, timeout_graceful_shutdown=10,
    )


def _listen(host: str, port: int, backlog: int | None = 2048) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    if backlog is not None:
        sock.listen(backlog)
    return sock


def _worker(host: str, port: int, common: dict) -> None:
    """One worker process: its own SO_REUSEPORT listening socket, its own app (settings from the env)."""
    sock = _listen(host, port)
    config = uvicorn.Config("api.app:create_app", factory=True, **common)
    uvicorn.Server(config).run(sockets=[sock])


def serve_reuseport(host: str, port: int, workers: int, common: dict) -> int:
    """N worker processes, each listening on the same port with SO_REUSEPORT, so the kernel spreads
    new connections evenly over them. uvicorn's own multi-worker mode shares one socket: a burst of
    keep-alive connections (a proxy's pool, a load test) tends to be accepted by whichever worker is
    awake, and one worker did all the work while the other idled (docs/deployment.md). The master
    restarts a worker that dies and stops them all on SIGTERM/SIGINT."""
    # Bound, not listening: reserves the port (fails early if taken) but never receives connections.
    try:
        guard = _listen(host, port, backlog=None)
    except OSError as exc:
        log.critical("cannot bind %s:%d: %s", host, port, exc.strerror)
        return 1
    ctx = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def start(i: int):
        proc = ctx.Process(target=_worker, args=(host, port, common), name=f"assistant-worker-{i}", daemon=False)
        proc.start()
        return proc, time.monotonic()

    procs = [start(i) for i in range(workers)]
    log.info("serving on http://%s:%d with %d workers (SO_REUSEPORT), master pid %d", host, port, workers, os.getpid())
    quick_deaths = 0
    code = 0
    try:
        while not stopping:
            time.sleep(0.5)
            for i, (proc, started) in enumerate(procs):
                if proc.is_alive() or stopping:
                    continue
                quick_deaths = quick_deaths + 1 if time.monotonic() - started < 30 else 0
                log.error("worker %d (pid %s) exited with %s", i, proc.pid, proc.exitcode)
                if quick_deaths > 2 * workers:
                    log.critical("workers keep dying at start; giving up")
                    stopping, code = True, 1
                    break
                procs[i] = start(i)
    finally:
        for proc, _ in procs:
            if proc.is_alive():
                os.kill(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for proc, _ in procs:
            proc.join(max(0.1, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join()
        guard.close()
    return code
