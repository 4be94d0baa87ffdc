"""The event log: every answered ask and every feedback mark, for the operator report (api/report.py).

One SQLite file per host, `DATA_DIR/events-<host>.sqlite3` (WAL; the worker processes of a host share
it), so `python -m assistant report --data DIR --data DIR2` can read several hosts' logs side by side.

- Off the request path: `record_ask` puts a tuple on a queue and returns (a few microseconds). One
  writer thread per process takes what has queued up (it lingers `LINGER_SECONDS` after the first
  item so a burst becomes one transaction), masks the question and inserts the batch. `close()` (the
  app's shutdown) and `atexit` flush what is left, so a worker restart loses nothing it answered.
- Privacy: the session id is stored hashed; phone numbers, ID-card numbers and e-mail addresses in
  questions and comments are masked before anything is written. `ASSISTANT_LOG_QUESTIONS=false`
  stores no question text at all (every other field is kept); unset or true stores the masked text.
- Known answer ids (for `POST /api/feedback`): the answer ids this process has queued but not yet
  written, then the file (which the other workers of the host write), then, with Redis configured,
  the shared state store (the writer thread puts each id there, for feedback arriving at another host).
  The feedback handler polls a moment for an id it does not know yet (`known_soon`): an ask answered by
  another worker reaches the file within `LINGER_SECONDS` plus one insert. Answer ids carry their
  minting time, so only an id minted within the last second is waited for; an unknown older (or
  made-up) id is a 404 at once. The ask path itself does no I/O at all.
- Retention: events older than `ASSISTANT_LOG_RETENTION_DAYS` are deleted when the log opens and
  then once an hour by the writer thread.
"""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import json
import logging
import queue
import re
import secrets
import socket
import sqlite3
import threading
import time
import weakref
from contextlib import closing
from pathlib import Path
from typing import Any

import anyio.to_thread

log = logging.getLogger(__name__)
LINGER_SECONDS = 0.05
MAX_BATCH = 1000
MAX_ANSWER_CHARS = 4000
PRUNE_EVERY_SECONDS = 3600.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS asks (
  answer_id TEXT PRIMARY KEY, ts REAL NOT NULL, channel TEXT NOT NULL, session TEXT,
  question TEXT, intent TEXT NOT NULL, citations TEXT NOT NULL, latency_ms REAL NOT NULL,
  out_of_scope INTEGER NOT NULL, answer TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS asks_ts ON asks (ts);
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL, answer_id TEXT NOT NULL,
  rating TEXT NOT NULL, comment TEXT);
CREATE INDEX IF NOT EXISTS feedback_ts ON feedback (ts);
CREATE INDEX IF NOT EXISTS feedback_answer ON feedback (answer_id);
"""

# Full-width digits and @ are folded first so "１３８…" is masked like "138…".
_FOLD = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "＠": "@", "－": "-"})
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_ID_CARD = re.compile(r"(?<![0-9])(?:[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[\s\-]?)?1[3-9][0-9](?:[\s\-]?[0-9]{4}){2}(?![0-9])")
# Landlines with their area code (a bare 7-8 digit number may be a date or an amount), and 400/800 lines.
_LANDLINE = re.compile(r"(?<![0-9])(?:\(?0[0-9]{2,3}\)?[\s\-]?[2-9][0-9]{6,7}|[48]00[\s\-]?[0-9]{3}[\s\-]?[0-9]{4})"
                       r"(?![0-9])")


def mask(text: str) -> str:
    """Phone numbers, ID-card numbers and e-mail addresses replaced by [phone], [id], [email]."""
    text = text.translate(_FOLD)
    text = _EMAIL.sub("[email]", text)
    text = _ID_CARD.sub("[id]", text)
    text = _MOBILE.sub("[phone]", text)
    return _LANDLINE.sub("[phone]", text)


def new_answer_id() -> str:
    """32 hex digits: the time in milliseconds (12) and 80 random bits; opaque to clients."""
    return f"{int(time.time() * 1000):012x}{secrets.token_hex(10)}"


def answer_id_time(answer_id: str) -> float:
    """When the id was minted (seconds since the epoch); 0 for an id we did not make."""
    try:
        return int(answer_id[:12], 16) / 1000 if len(answer_id) == 32 else 0.0
    except ValueError:
        return 0.0


def hash_session(session_id: str | None) -> str | None:
    if not session_id:
        return None
    return hashlib.sha256(("assistant-session:" + session_id).encode()).hexdigest()[:16]


def host_name() -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", socket.gethostname())[:64] or "host"


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


_open_logs: weakref.WeakSet[EventLog] = weakref.WeakSet()


@atexit.register
def _flush_all() -> None:
    for event_log in list(_open_logs):
        event_log.close()


class EventLog:
    def __init__(self, data_dir: Path | str, *, keep_questions: bool = True, retention_days: int = 90,
                 shared: Any = None, host: str | None = None) -> None:
        self.dir = Path(data_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.path = self.dir / f"events-{host or host_name()}.sqlite3"
        self.keep_questions, self.retention_days, self.shared = keep_questions, retention_days, shared
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._read = threading.local()
        with closing(connect(self.path)) as conn:
            conn.executescript(_SCHEMA)
        self.prune()
        _open_logs.add(self)

    # ------------------------------------------------------------------ the request path
    def record_ask(self, *, answer_id: str, channel: str, session_id: str | None, question: str, intent: str,
                   citations: list[str], latency_ms: float, answer: str, ts: float | None = None) -> None:
        """Queues one ask; masking and writing happen on the writer thread."""
        if self._closed:
            return
        with self._lock:
            self._pending.add(answer_id)
            if self._thread is None:  # started on first use: safe in a process forked after creation
                self._thread = threading.Thread(target=self._run, name="event-log-writer", daemon=True)
                self._thread.start()
        self._queue.put((answer_id, ts or time.time(), channel, session_id, question, intent, citations,
                         latency_ms, answer))

    def record_feedback(self, answer_id: str, rating: str, comment: str | None, ts: float | None = None) -> None:
        """Written at once (a feedback mark is rare and must survive a restart right after it)."""
        comment = mask(comment.strip())[:500] if comment and comment.strip() else None
        with closing(connect(self.path)) as conn:
            conn.execute("INSERT INTO feedback (ts, answer_id, rating, comment) VALUES (?, ?, ?, ?)",
                         (ts or time.time(), answer_id, rating, comment))

    def known(self, answer_id: str) -> bool:
        if answer_id in self._pending:
            return True
        conn = getattr(self._read, "conn", None)
        if conn is None:
            conn = self._read.conn = connect(self.path)
        if conn.execute("SELECT 1 FROM asks WHERE answer_id = ?", (answer_id,)).fetchone():
            return True
        return bool(self.shared is not None and self.shared.get("answer:" + answer_id))

    async def known_soon(self, answer_id: str, wait: float = 1.0) -> bool:
        """`known`, polled while the id is young: another worker's ask reaches the file within
        LINGER_SECONDS plus one insert, so an id minted less than `wait` seconds ago is looked up again
        until then. An older (or made-up) id gets one look: a 404 at once, no waiting."""
        deadline = time.monotonic() + max(0.0, min(wait, answer_id_time(answer_id) + wait - time.time()))
        while True:
            if answer_id in self._pending or await anyio.to_thread.run_sync(self.known, answer_id):
                return True
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(LINGER_SECONDS)

    # ------------------------------------------------------------------ the writer thread
    def _run(self) -> None:
        conn = connect(self.path)
        last_prune = time.monotonic()
        while True:
            item = self._queue.get()
            time.sleep(LINGER_SECONDS)
            batch, waiters, stop = [], [], False
            while True:
                if item is None:
                    stop = True
                elif isinstance(item, threading.Event):
                    waiters.append(item)
                else:
                    batch.append(item)
                if len(batch) >= MAX_BATCH:
                    break
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            if batch:
                self._write(conn, batch)
            for event in waiters:
                event.set()
            if stop:
                conn.close()
                return
            if time.monotonic() - last_prune > PRUNE_EVERY_SECONDS:
                last_prune = time.monotonic()
                self.prune()

    def _write(self, conn: sqlite3.Connection, batch: list[tuple]) -> None:
        rows = []
        for answer_id, ts, channel, session_id, question, intent, citations, latency_ms, answer in batch:
            rows.append((answer_id, ts, channel, hash_session(session_id),
                         mask(question) if self.keep_questions else None, intent,
                         json.dumps(citations[:5]), round(latency_ms, 3), int(intent == "out_of_scope"),
                         answer[:MAX_ANSWER_CHARS]))
        try:
            # One transaction per batch: the connection is in autocommit mode (isolation_level=None),
            # where `with conn:` begins nothing and every row was its own transaction (7 page writes
            # and 6 lock calls a row, ~20 µs of CPU per ask; now a fraction of that).
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR IGNORE INTO asks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:  # a full disk must not stop answering; the batch is lost, logged
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            log.warning("event log: %d asks not written: %s", len(rows), exc)
        if self.shared is not None:
            ttl = self.retention_days * 86400
            for row in rows:
                self.shared.put("answer:" + row[0], b"1", ttl)
        with self._lock:
            for row in rows:
                self._pending.discard(row[0])

    # ------------------------------------------------------------------ maintenance
    def flush(self, timeout: float = 10.0) -> bool:
        """Waits until everything queued before this call is written."""
        if self._thread is None or not self._thread.is_alive():
            return True
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout)

    def prune(self) -> None:
        cutoff = time.time() - self.retention_days * 86400
        try:
            with closing(connect(self.path)) as conn:
                conn.execute("DELETE FROM asks WHERE ts < ?", (cutoff,))
                conn.execute("DELETE FROM feedback WHERE ts < ?", (cutoff,))
        except sqlite3.Error as exc:
            log.warning("event log: pruning failed: %s", exc)

    def close(self, timeout: float = 10.0) -> None:
        if self._closed:
            return
        self._closed = True
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)
        conn = getattr(self._read, "conn", None)
        if conn is not None:
            conn.close()


def open_event_log(settings: Any) -> EventLog | None:
    """The event log these settings describe, or None when it is off or the data directory is unusable."""
    if not getattr(settings, "event_log", True) or not getattr(settings, "data_dir", None):
        return None
    shared = None
    if getattr(settings, "redis_url", None):
        from assistant.state_store import state_store_for

        shared = state_store_for(settings)
    try:
        return EventLog(settings.data_dir, keep_questions=settings.log_questions is not False,
                        retention_days=settings.log_retention_days, shared=shared)
    except (OSError, sqlite3.Error) as exc:
        log.warning("event log off: cannot write under %s (%s)", settings.data_dir, exc)
        return None
