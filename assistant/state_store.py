"""Conversation state shared by every worker process (and, with Redis, every host).

One small interface, `StateStore`, for the three kinds of state that must not live in one process:
conversation sessions, WeChat MsgId replies (de-duplication of WeChat's retries) and rate-limit
token buckets. Values are bytes with an expiry; `take` is an atomic token-bucket step.

- `SqliteStore` (default): one SQLite file in WAL mode under `ASSISTANT_DATA_DIR` (default `var/`),
  shared by the workers of one host. One connection per thread; every write is a single statement
  (an upsert), so two processes never wait on each other for more than one statement.
- `RedisStore` (`ASSISTANT_REDIS_URL`): the same over Redis, for several hosts; the token bucket is a
  Lua script run on the server's clock.
- `MemoryStore`: process memory; used by unit tests and as the fallback when the data directory
  cannot be written (logged).

A backend failure (Redis down, disk full) never fails a request: reads see nothing, writes are
dropped and the rate limit lets the request through; each is logged at most once a minute.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
import threading
import time
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

log = logging.getLogger(__name__)
T = TypeVar("T")
PRUNE_EVERY = 200  # writes per process between expiry/size sweeps (SQLite)


class StateStore(ABC):
    """Keyed bytes with expiry; `group` + `max_items` bound how many keys of one kind are kept
    (least recently written dropped first)."""

    kind = "abstract"

    @abstractmethod
    def get(self, key: str) -> bytes | None: ...

    @abstractmethod
    def put(self, key: str, value: bytes, ttl: float, group: str | None = None, max_items: int = 0) -> None: ...

    @abstractmethod
    def add(self, key: str, value: bytes, ttl: float) -> bool:
        """Stores only if the key is absent (or expired); True when this call stored it (a claim)."""

    @abstractmethod
    def delete(self, key: str) -> None: ...

    def count(self, group: str) -> int:
        """Live keys of a group (sessions, for the metrics); 0 where a backend cannot tell."""
        return 0

    def take(self, key: str, per_second: float, capacity: float, ttl: float = 3600) -> float:
        """One token-bucket step: 0 when a token was taken, else the seconds until one is available."""
        return self.take_up_to(key, per_second, capacity, 1, ttl)[1]

    @abstractmethod
    def take_up_to(self, key: str, per_second: float, capacity: float, want: int,
                   ttl: float = 3600) -> tuple[int, float]:
        """Takes 1 token, or up to `want` from the upper half of the bucket only (a worker's lease:
        never more than half of what lies above half the capacity, so a client's burst reserve is
        never leased away): (tokens taken, 0.0), or (0, seconds until one is available)."""

    def close(self) -> None:  # noqa: B027 - optional
        pass


_last_warning: dict[str, float] = {}


def _warn(kind: str, exc: BaseException) -> None:
    now = time.monotonic()
    if now - _last_warning.get(kind, -1e9) >= 60:
        _last_warning[kind] = now
        log.warning("shared state (%s) unavailable, continuing without it: %s", kind, type(exc).__name__)


def _safe(default: Any) -> Callable[[Callable[..., T]], Callable[..., T]]:
    def wrap(fn: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(fn)
        def inner(self: StateStore, *args, **kwargs):
            try:
                return fn(self, *args, **kwargs)
            except Exception as exc:  # a backend failure must not fail the request
                _warn(self.kind, exc)
                return default

        return inner

    return wrap


class MemoryStore(StateStore):
    kind = "memory"

    def __init__(self, clock: Callable[[], float] = time.time, max_buckets: int = 100_000) -> None:
        self.max_buckets = max_buckets
        self._data: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._groups: dict[str, OrderedDict[str, None]] = {}
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()
        self.clock = clock

    def get(self, key: str) -> bytes | None:
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None
            if item[0] < self.clock():
                del self._data[key]
                return None
            return item[1]

    def put(self, key: str, value: bytes, ttl: float, group: str | None = None, max_items: int = 0) -> None:
        with self._lock:
            self._data[key] = (self.clock() + ttl, value)
            self._data.move_to_end(key)
            if group:
                members = self._groups.setdefault(group, OrderedDict())
                members[key] = None
                members.move_to_end(key)
                while max_items and len(members) > max_items:
                    old, _ = members.popitem(last=False)
                    self._data.pop(old, None)
            while len(self._data) > 1_000_000:
                self._data.popitem(last=False)

    def add(self, key: str, value: bytes, ttl: float) -> bool:
        with self._lock:
            item = self._data.get(key)
            if item is not None and item[0] >= self.clock():
                return False
            self._data[key] = (self.clock() + ttl, value)
            return True

    def delete(self, key: str) -> None:
        with self._lock:
            self._data.pop(key, None)

    def count(self, group: str) -> int:
        with self._lock:
            now = self.clock()
            return sum(1 for k in self._groups.get(group, ()) if (item := self._data.get(k)) and item[0] >= now)

    def take_up_to(self, key: str, per_second: float, capacity: float, want: int,
                   ttl: float = 3600) -> tuple[int, float]:
        with self._lock:
            now = self.clock()
            tokens, last = self._buckets.get(key, (capacity, now))
            tokens = min(capacity, tokens + max(0.0, now - last) * per_second)
            taken, wait = 0, 0.0
            if tokens >= 1.0:
                taken = max(1, min(want, int((tokens - capacity / 2) // 2)))
                tokens -= taken
            else:
                wait = (1.0 - tokens) / per_second
            self._buckets[key] = (tokens, now)
            self._buckets.move_to_end(key)
            while len(self._buckets) > self.max_buckets:
                self._buckets.popitem(last=False)
            return taken, wait


_SCHEMA = """
CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v BLOB NOT NULL, exp REAL NOT NULL, grp TEXT);
CREATE INDEX IF NOT EXISTS kv_exp ON kv (exp);
CREATE INDEX IF NOT EXISTS kv_grp ON kv (grp, exp);
CREATE TABLE IF NOT EXISTS buckets (k TEXT PRIMARY KEY, tokens REAL NOT NULL, last REAL NOT NULL,
                                    took INTEGER NOT NULL DEFAULT 1);
"""
# One statement: refill, take one if there is one, remember; RETURNING gives what is left.
_REFILLED = "min(:cap, tokens + max(0.0, :now - last) * :rate)"
# CAST truncates toward zero: below half the capacity this is <= 0 and max() makes it 1.
_LEASE = f"{_REFILLED} >= 1.0 THEN max(1, min(:want, CAST(({_REFILLED} - :cap / 2) / 2 AS INTEGER)))"
_TAKE = f"""
INSERT INTO buckets (k, tokens, last, took) VALUES (:k, :cap - :first, :now, :first)
ON CONFLICT (k) DO UPDATE SET
  took = CASE WHEN {_LEASE} ELSE 0 END,
  tokens = {_REFILLED} - CASE WHEN {_LEASE} ELSE 0 END,
  last = :now
RETURNING tokens, took
"""


class SqliteStore(StateStore):
    """SQLite in WAL mode: readers never block, one writer at a time, each write one statement."""

    kind = "sqlite"

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.clock = clock
        self._local = threading.local()
        self._writes = 0
        self._groups: dict[str, int] = {}
        try:
            self._conn()  # fails here (not on the first request) if the directory is not writable
            if self._write("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            self._schema()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):  # cannot open or write: not damage
                raise
            log.warning("shared state file %s is damaged; setting it aside and starting afresh", self.path)
            self.close()
            for suffix in ("", "-wal", "-shm"):
                broken = Path(f"{self.path}{suffix}")
                if broken.exists():
                    broken.replace(Path(f"{self.path}{suffix}.damaged"))
            self._schema()

    def _schema(self) -> None:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self._write(statement)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            # No busy handler: SQLite's sleeps at least 1 ms when the other worker holds the write lock,
            # which would stall this worker's event loop; `_write` retries after tens of microseconds.
            conn = sqlite3.connect(self.path, timeout=0, isolation_level=None, check_same_thread=False)
            for attempt in range(50):  # workers starting together race to switch the file to WAL
                try:
                    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                        conn.execute("PRAGMA journal_mode=WAL")
                    break
                except sqlite3.OperationalError:
                    if attempt == 49:
                        raise
                    time.sleep(0.05)
            # Expendable state (conversations, de-dup, buckets): no fsync, not even at checkpoints, which
            # would stall the event loop for milliseconds. A crash of the OS (not of a process) may lose
            # or damage it; a damaged file is set aside and started afresh at the next start.
            conn.execute("PRAGMA synchronous=OFF")
            self._local.conn = conn
        return conn

    def _write(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        """Runs one write statement, retrying briefly while another process holds the write lock
        (each write holds it for ~10 µs; up to 2 s in all, then the caller's fallback applies)."""
        conn, delay, deadline = self._conn(), 0.00002, 0.0
        while True:
            try:
                return conn.execute(sql, params)
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                now = time.monotonic()
                deadline = deadline or now + 2.0
                if now > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.002)

    @_safe(None)
    def get(self, key: str) -> bytes | None:
        row = self._conn().execute("SELECT v, exp FROM kv WHERE k = ?", (key,)).fetchone()
        if row is None or row[1] < self.clock():
            return None
        return bytes(row[0])

    @_safe(None)
    def put(self, key: str, value: bytes, ttl: float, group: str | None = None, max_items: int = 0) -> None:
        self._write(
            "INSERT INTO kv (k, v, exp, grp) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (k) DO UPDATE SET v = excluded.v, exp = excluded.exp, grp = excluded.grp",
            (key, value, self.clock() + ttl, group),
        )
        if group and max_items:
            self._groups[group] = max_items
        self._writes += 1
        if self._writes % PRUNE_EVERY == 0:
            self.prune()

    def prune(self) -> None:
        """Drops expired keys and the oldest keys of a group over its bound."""
        now = self.clock()
        self._write("DELETE FROM kv WHERE exp < ?", (now,))
        self._write("DELETE FROM buckets WHERE last < ?", (now - 3600,))
        for group, limit in self._groups.items():
            self._write(
                "DELETE FROM kv WHERE grp = ? AND k IN (SELECT k FROM kv WHERE grp = ? ORDER BY exp DESC "
                "LIMIT -1 OFFSET ?)", (group, group, limit),
            )

    @_safe(False)
    def add(self, key: str, value: bytes, ttl: float) -> bool:
        now = self.clock()
        cur = self._write(
            "INSERT INTO kv (k, v, exp) VALUES (?, ?, ?) "
            "ON CONFLICT (k) DO UPDATE SET v = excluded.v, exp = excluded.exp WHERE kv.exp < ?",
            (key, value, now + ttl, now),
        )
        return cur.rowcount == 1

    @_safe(None)
    def delete(self, key: str) -> None:
        self._write("DELETE FROM kv WHERE k = ?", (key,))

    @_safe(0)
    def count(self, group: str) -> int:
        row = self._conn().execute("SELECT COUNT(*) FROM kv WHERE grp = ? AND exp >= ?", (group, self.clock())).fetchone()
        return int(row[0])

    @_safe((1, 0.0))
    def take_up_to(self, key: str, per_second: float, capacity: float, want: int,
                   ttl: float = 3600) -> tuple[int, float]:
        first = max(1, min(want, int((capacity / 2) // 2)))
        row = self._write(_TAKE, {"k": key, "cap": float(capacity), "now": self.clock(), "rate": per_second,
                                  "want": want, "first": first}).fetchone()
        tokens, taken = float(row[0]), int(row[1])
        return (taken, 0.0) if taken else (0, (1.0 - tokens) / per_second)

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


# KEYS[1] bucket; ARGV: per_second, capacity, ttl seconds. The server's clock, so hosts need not agree.
_REDIS_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local rate, cap, ttl, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'last')
local tokens, last = tonumber(b[1]), tonumber(b[2])
if tokens == nil then tokens = cap; last = now end
tokens = math.min(cap, tokens + math.max(0, now - last) * rate)
local wait, taken = 0, 0
if tokens >= 1 then
  taken = math.max(1, math.min(want, math.floor((tokens - cap / 2) / 2)))
  tokens = tokens - taken
else
  wait = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', tostring(now))
redis.call('EXPIRE', KEYS[1], ttl)
return {taken, tostring(wait)}
"""


class RedisStore(StateStore):
    """Redis: keys with PX expiry; a group is a sorted set of its keys by write time, trimmed to its bound."""

    kind = "redis"

    def __init__(self, url: str, prefix: str = "assistant:", timeout: float = 0.5) -> None:
        import redis

        self.prefix = prefix
        self.client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                           health_check_interval=30)
        self._take = self.client.register_script(_REDIS_TAKE)

    def _k(self, key: str) -> str:
        return self.prefix + key

    @_safe(None)
    def get(self, key: str) -> bytes | None:
        value = self.client.get(self._k(key))
        return value.encode() if isinstance(value, str) else value

    @_safe(None)
    def put(self, key: str, value: bytes, ttl: float, group: str | None = None, max_items: int = 0) -> None:
        ms = max(1, int(ttl * 1000))
        if not (group and max_items):
            self.client.set(self._k(key), value, px=ms)
            return
        index = self._k("group:" + group)
        pipe = self.client.pipeline(transaction=False)
        pipe.set(self._k(key), value, px=ms)
        pipe.zadd(index, {key: time.time()})
        pipe.zcard(index)
        size = pipe.execute()[2]
        if size > max_items:
            dropped = self.client.zpopmin(index, size - max_items)
            if dropped:
                members = [m for m, _ in cast(list[tuple[bytes | str, float]], dropped)]
                self.client.delete(*(self._k(m.decode() if isinstance(m, bytes) else m) for m in members))

    @_safe(False)
    def add(self, key: str, value: bytes, ttl: float) -> bool:
        return bool(self.client.set(self._k(key), value, px=max(1, int(ttl * 1000)), nx=True))

    @_safe(None)
    def delete(self, key: str) -> None:
        self.client.delete(self._k(key))

    @_safe(0)
    def count(self, group: str) -> int:
        # The group's sorted set may still name keys that have expired since: an upper bound.
        return int(cast(int, self.client.zcard(self._k("group:" + group))))

    @_safe((1, 0.0))
    def take_up_to(self, key: str, per_second: float, capacity: float, want: int,
                   ttl: float = 3600) -> tuple[int, float]:
        taken, wait = self._take(keys=[self._k("bucket:" + key)], args=[per_second, capacity, int(ttl), want])
        return int(taken), float(wait)

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except Exception:
            return False

    def close(self) -> None:
        self.client.close()


_stores: dict[tuple[str, str], StateStore] = {}
_stores_lock = threading.Lock()


def open_state_store(data_dir: Path | str | None, redis_url: str | None) -> StateStore:
    """The process's store for these settings (one per process and configuration).

    Redis when a URL is given; else SQLite under `data_dir`; process memory when `data_dir` is empty
    or cannot be written (logged: each worker then keeps its own state)."""
    key = (str(data_dir or ""), redis_url or "")
    with _stores_lock:
        found = _stores.get(key)
        if found is not None:
            return found
        store: StateStore
        if redis_url:
            store = RedisStore(redis_url)
        elif data_dir:
            try:
                store = SqliteStore(Path(data_dir) / "state.sqlite3")
            except (OSError, sqlite3.Error) as exc:
                log.warning("cannot keep shared state under %s (%s); using process memory: sessions, WeChat "
                            "de-duplication and rate limits are per worker until ASSISTANT_DATA_DIR is writable",
                            data_dir, type(exc).__name__)
                store = MemoryStore()
        else:
            store = MemoryStore()
        _stores[key] = store
        return store


def state_store_for(settings: Any) -> StateStore:
    """`open_state_store` from a Settings object (`data_dir`, `redis_url`)."""
    return open_state_store(getattr(settings, "data_dir", None), getattr(settings, "redis_url", None))
