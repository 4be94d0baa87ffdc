"""Runs the app under uvicorn (the `serve` command).

Defaults come from measurement on the 2-core reference box (docs/deployment.md, `./run load`):
`settings.workers` = 2 processes, each with its share of the cores as OpenMP threads (1 on 2 cores,
`settings.threads_for`) and `OMP_WAIT_POLICY=PASSIVE`, so idle OpenMP threads sleep instead of spinning on
the cores that the other requests need.

- Readiness: a worker loads the assistant (and builds or repairs the index) *before* it opens its
  listening socket, so a connection only ever reaches a worker that can answer: no `/api/ask` gets a
  503 `not_ready` after `/api/ready` said 200 (before the first worker is up, connections are refused).
- Each worker has its own SO_REUSEPORT socket (the kernel spreads connections evenly; measured better
  than one shared socket, docs/deployment.md). The master restarts a worker that dies.
- SIGTERM drains: a worker first stops new connections from reaching its socket (a drop-all socket
  filter: new SYNs go unanswered and are retried by the client until the socket closes, then refused),
  accepts and serves everything already queued, answers the requests in flight and one more request
  on each keep-alive connection (with `Connection: close`), then closes. Nothing is reset.
- Edge limits at the HTTP parser (`GuardedHttpToolsProtocol`): request line + headers at most
  `max_header_bytes` (431), complete within `header_timeout_seconds`, at most `max_connections` per
  worker and `max_connections_per_client` per client address (trusted proxies exempt).
"""

from __future__ import annotations

import asyncio
import ctypes
import json
import logging
import logging.config
import multiprocessing
import os
import signal
import socket
import sys
import time
from collections import Counter
from typing import ClassVar

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

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


def prepare_environment(settings: Settings, workers: int = 1) -> None:
    """OpenMP settings must be in the environment before the embedder's library loads (and for the
    worker processes that are spawned): each of `workers` processes gets its share of the cores, and
    with several, idle threads sleep instead of spinning on the cores the other workers need."""
    threads = settings.threads_for(workers)
    if workers > 1:
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    os.environ.setdefault("ASSISTANT_EMBED_THREADS", str(threads))
    if threads:
        os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


# ----------------------------------------------------------------------------- edge limits
def _raw_response(status: bytes, code: str, message: str) -> bytes:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    return (b"HTTP/1.1 " + status + b"\r\ncontent-type: application/json\r\ncontent-length: "
            + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n" + body)


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the limits it lacks: header size and time, connections per
    worker and per client, and a graceful close of idle keep-alive connections at shutdown.

    Configure by subclassing (`guarded_protocol(settings)`); the class attributes are the limits."""

    max_header_bytes: ClassVar[int] = 32_768
    header_timeout: ClassVar[float] = 10.0
    max_connections: ClassVar[int] = 1000
    per_client: ClassVar[int] = 64
    trusted: ClassVar[frozenset[str]] = frozenset({"127.0.0.1"})
    linger: ClassVar[float] = 0.5
    _clients: ClassVar[Counter] = Counter()
    _sweeping: ClassVar[set] = set()  # the connection sets that have a header-timeout sweeper

    # Header timeouts: one sweep a second per worker over its connections (cheaper than a timer per
    # request); `_headers_since` is when the connection started waiting for a request's headers.
    @classmethod
    def _ensure_sweeper(cls, loop, connections: set) -> None:
        if id(connections) in cls._sweeping:
            return
        cls._sweeping.add(id(connections))

        def sweep() -> None:
            deadline = loop.time() - cls.header_timeout
            for conn in list(connections):
                since = getattr(conn, "_headers_since", None)
                if since is not None and since < deadline:
                    conn._header_timed_out()
            loop.call_later(min(1.0, cls.header_timeout / 2), sweep)

        loop.call_later(min(1.0, cls.header_timeout / 2), sweep)

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._header_bytes = 0
        self._awaiting_headers = True
        self._closing = False
        self._peer = self.client[0] if self.client else None
        self._counted = bool(self._peer) and self._peer not in self.trusted and "*" not in self.trusted
        if self._counted:
            self._clients[self._peer] += 1
        self._headers_since: float | None = self.loop.time()
        self._ensure_sweeper(self.loop, self.connections)
        if len(self.connections) > self.max_connections:
            self._refuse(b"503 Service Unavailable", "too_many_connections",
                         "This server has too many open connections; retry shortly.")
        elif self._counted and self._clients[self._peer] > self.per_client:
            self._refuse(b"503 Service Unavailable", "too_many_connections",
                         "Too many open connections from this address.")

    def connection_lost(self, exc) -> None:
        if self._counted:
            self._clients[self._peer] -= 1
            if self._clients[self._peer] <= 0:
                del self._clients[self._peer]
            self._counted = False
        self._headers_since = None
        super().connection_lost(exc)

    def _refuse(self, status: bytes, code: str, message: str) -> None:
        if not self.transport.is_closing():
            self.transport.write(_raw_response(status, code, message))
            self.transport.close()

    def _header_timed_out(self) -> None:
        self._headers_since = None
        if self._awaiting_headers and not self.transport.is_closing():
            if self._header_bytes:
                self._refuse(b"408 Request Timeout", "header_timeout", "The request headers took too long.")
            else:
                self.transport.close()  # an idle connection: nothing to say

    def data_received(self, data: bytes) -> None:
        if self._awaiting_headers:
            self._header_bytes += len(data)
        super().data_received(data)
        if self._awaiting_headers and self._header_bytes > self.max_header_bytes:
            self._refuse(b"431 Request Header Fields Too Large", "headers_too_large",
                         f"The request line and headers exceed {self.max_header_bytes} bytes.")

    def on_headers_complete(self) -> None:
        self._awaiting_headers = False
        self._headers_since = None
        super().on_headers_complete()
        if self._closing and self.cycle is not None:
            self.cycle.keep_alive = False  # shutting down: answer this one, then close

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._awaiting_headers, self._header_bytes = True, 0
            self._headers_since = self.loop.time()

    def shutdown(self) -> None:
        """Graceful: a busy connection finishes its response and closes; an idle keep-alive
        connection may still have a request on its way, so it is served (with `Connection: close`)
        if one comes within `linger` seconds, and closed otherwise. Closing at once would reset it."""
        self._closing = True
        if self.cycle is None or self.cycle.response_complete:
            self.loop.call_later(self.linger, self._close_if_idle)
        else:
            self.cycle.keep_alive = False

    def _close_if_idle(self) -> None:
        if (self.cycle is None or self.cycle.response_complete) and not self.transport.is_closing():
            self.transport.close()


def guarded_protocol(settings: Settings) -> type[GuardedHttpToolsProtocol]:
    trusted = frozenset(ip.strip() for ip in settings.forwarded_allow_ips.split(",") if ip.strip())
    return type("ConfiguredHttpToolsProtocol", (GuardedHttpToolsProtocol,), {
        "max_header_bytes": settings.max_header_bytes,
        "header_timeout": settings.header_timeout_seconds,
        "max_connections": settings.max_connections,
        "per_client": settings.max_connections_per_client,
        "trusted": trusted | {"127.0.0.1", "::1"} if "127.0.0.1" in trusted else trusted,
        "linger": max(0.2, settings.shutdown_drain_seconds),
        "_clients": Counter(),
    })


# ----------------------------------------------------------------------------- draining shutdown
class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_SockFilter))]


_DROP_ALL = (_SockFilter * 1)(_SockFilter(0x06, 0, 0, 0))  # BPF_RET | BPF_K, 0: keep no bytes
SO_ATTACH_FILTER = 26


def stop_new_connections(sock: socket.socket) -> bool:
    """Linux: a listening socket whose filter drops every packet gets no new connections (the client's
    SYN goes unanswered and is retried), while the ones already queued can still be accepted."""
    if not sys.platform.startswith("linux"):
        return False
    prog = _SockFprog(1, _DROP_ALL)
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, ctypes.string_at(ctypes.addressof(prog),
                                                                              ctypes.sizeof(prog)))
    except OSError as exc:
        log.warning("cannot filter the listening socket (%s); queued connections may be reset", exc.strerror)
        return False
    return True


class DrainingServer(uvicorn.Server):
    """On shutdown, first lets the queue of accepted-but-unread connections drain (see module doc)."""

    def __init__(self, config: uvicorn.Config, listeners: list[socket.socket], drain_seconds: float) -> None:
        super().__init__(config)
        self.listeners, self.drain_seconds = listeners, drain_seconds

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self.drain_seconds > 0 and any([stop_new_connections(s) for s in self.listeners]):
            await asyncio.sleep(self.drain_seconds)  # the event loop keeps accepting what was queued
        await super().shutdown(sockets)


# ----------------------------------------------------------------------------- serving
def uvicorn_options(settings: Settings) -> dict:
    return dict(
        log_config=log_config(settings.log_level.upper()), access_log=False, proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips, timeout_graceful_shutdown=10,
        timeout_keep_alive=5, http=guarded_protocol(settings), backlog=2048,
    )


def _listen(host: str, port: int, backlog: int | None = 2048) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if hasattr(socket, "SO_REUSEPORT"):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    if backlog is not None:
        sock.listen(backlog)
    return sock


EXIT_LOAD_FAILED = 3


def _exit_after_drain(signum, frame) -> None:
    """uvicorn re-raises the SIGTERM it drained on once it has stopped; the default action would end the
    process without running `atexit` handlers (the private index copy under TMPDIR would stay behind)."""
    sys.exit(0)


def _worker(host: str, port: int) -> None:
    """One worker process: load (build or repair) first, then listen, then serve until SIGTERM."""
    from assistant.settings import get_settings

    settings = get_settings()
    prepare_environment(settings)
    from api.observability import install_request_id_logging

    install_request_id_logging()
    logging.config.dictConfig(log_config(settings.log_level.upper()))
    import index
    from api.app import create_app
    from assistant.engine import Assistant

    index.REPAIR = "background"  # a broken vector store: answer without it now, rebuild meanwhile
    try:
        assistant = Assistant.load(settings, progress=False)
    except Exception:
        log.exception("worker %d cannot load the assistant; fix the cause above (corpus, settings), then "
                      "run `python -m assistant index`", os.getpid())
        sys.exit(EXIT_LOAD_FAILED)
    app = create_app(settings, assistant)
    sock = _listen(host, port)
    config = uvicorn.Config(app, **uvicorn_options(settings))
    log.info("worker %d ready: %d passages, listening on %s:%d", os.getpid(), assistant.passage_count, host, port)
    signal.signal(signal.SIGTERM, _exit_after_drain)
    DrainingServer(config, [sock], settings.shutdown_drain_seconds).run(sockets=[sock])


def serve(settings: Settings, host: str, port: int, workers: int | None = None) -> int:
    workers = workers if workers is not None else settings.workers
    prepare_environment(settings, workers)
    from api.observability import install_request_id_logging

    install_request_id_logging()
    logging.config.dictConfig(log_config(settings.log_level.upper()))
    if workers == 1:
        try:
            _worker(host, port)
        except SystemExit as exc:
            return int(exc.code or 0)
        return 0
    if not hasattr(socket, "SO_REUSEPORT"):
        # Not Linux/BSD: uvicorn's own workers on one shared socket, loading in the background.
        common = uvicorn_options(settings)
        common.pop("http")
        uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers, **common)
        return 0
    return serve_reuseport(host, port, workers)


def serve_reuseport(host: str, port: int, workers: int) -> int:
    """N worker processes, each listening on the same port with SO_REUSEPORT, so the kernel spreads
    new connections evenly over them. uvicorn's own multi-worker mode (and gunicorn) share one socket:
    a burst of keep-alive connections (a proxy's pool, a load test) tends to be accepted by whichever
    worker is awake, and one worker did all the work while the other idled (docs/deployment.md); a
    shared socket also accepts connections before any worker can answer them. The master restarts a
    worker that dies and stops them all on SIGTERM/SIGINT (each drains first)."""
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
        proc = ctx.Process(target=_worker, args=(host, port), name=f"assistant-worker-{i}", daemon=False)
        proc.start()
        return proc, time.monotonic()

    procs = [start(i) for i in range(workers)]
    log.info("serving on http://%s:%d with %d workers (SO_REUSEPORT), master pid %d", host, port, workers, os.getpid())
    quick_deaths = 0
    code = 0
    try:
        while not stopping:
            time.sleep(0.2)
            for i, (proc, started) in enumerate(procs):
                if proc.is_alive() or stopping:
                    continue
                quick_deaths = quick_deaths + 1 if time.monotonic() - started < 30 else 0
                log.error("worker %d (pid %s) exited with %s", i, proc.pid, proc.exitcode)
                if proc.exitcode == EXIT_LOAD_FAILED or quick_deaths > 2 * workers:
                    log.critical("workers cannot start (see above); giving up")
                    stopping, code = True, 1
                    break
                procs[i] = start(i)
    finally:
        for proc, _ in procs:
            if proc.is_alive():
                os.kill(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for proc, _ in procs:
            proc.join(max(0.1, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join()
        guard.close()
    return code
