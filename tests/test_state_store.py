"""The shared state store (memory, SQLite across processes, a real redis-server), the generic
SessionState round trip, channel namespacing and the edge checks that bound a request's cost."""

from __future__ import annotations

import dataclasses
import multiprocessing
import time
from pathlib import Path

import pytest

from api.limits import TokenBucketLimiter, check_question, client_key
from assistant.models import Profile
from assistant.sessions import SessionState, SessionStore, channel_session_id, dump_state, load_state
from assistant.state_store import MemoryStore, RedisStore, SqliteStore, StateStore
from tests._servers import redis_server


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as url:
        yield url


@pytest.fixture(params=["memory", "sqlite", "redis"])
def store(request, tmp_path: Path) -> StateStore:
    if request.param == "memory":
        return MemoryStore()
    if request.param == "sqlite":
        return SqliteStore(tmp_path / "state.sqlite3")
    s = RedisStore(request.getfixturevalue("redis_url"), prefix=f"t{time.monotonic_ns()}:")
    assert s.ping()
    return s


def test_get_put_add_delete_and_expiry(store: StateStore) -> None:
    assert store.get("k") is None
    store.put("k", b"v1", ttl=60)
    assert store.get("k") == b"v1"
    assert store.add("k", b"v2", ttl=60) is False and store.get("k") == b"v1"  # claimed already
    assert store.add("c", b"1", ttl=60) is True and store.add("c", b"2", ttl=60) is False
    store.delete("k")
    assert store.get("k") is None
    store.put("short", b"x", ttl=0.2)
    time.sleep(0.3)
    assert store.get("short") is None
    assert store.add("short", b"y", ttl=60) is True  # an expired claim can be taken again


def test_group_keeps_the_most_recent(store: StateStore) -> None:
    for i in range(5):
        store.put(f"g{i}", b"x", ttl=60, group="g", max_items=3)
    if isinstance(store, SqliteStore):
        store.prune()  # SQLite bounds in periodic sweeps
    assert [store.get(f"g{i}") is not None for i in range(5)] == [False, False, True, True, True]


def test_token_bucket(store: StateStore) -> None:
    key = f"rl-{time.monotonic_ns()}"
    assert store.take(key, per_second=0.5, capacity=2) == 0
    assert store.take(key, per_second=0.5, capacity=2) == 0
    wait = store.take(key, per_second=0.5, capacity=2)
    assert 1.0 < wait <= 2.0  # half a token a second: up to two seconds to the next one
    assert store.take(key + "-other", per_second=0.5, capacity=2) == 0


def _hammer(path: str, key: str, n: int) -> None:
    s = SqliteStore(Path(path))
    for _ in range(n):
        s.take(key, per_second=1e-9, capacity=150)


def test_sqlite_bucket_is_shared_by_processes(tmp_path: Path) -> None:
    path = str(tmp_path / "state.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_hammer, args=(path, "ip", 100)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    # 200 takes against one bucket of 150 (no refill): exactly 150 went through, whoever took them.
    s = SqliteStore(Path(path))
    assert s.take("ip", per_second=1e-9, capacity=150) > 0
    row = s._conn().execute("SELECT tokens FROM buckets WHERE k = 'ip'").fetchone()
    assert row[0] == pytest.approx(0.0, abs=1e-6)


def test_backend_failure_degrades_instead_of_failing() -> None:
    dead = RedisStore("redis://127.0.0.1:1/0", timeout=0.2)
    assert dead.get("k") is None and dead.add("k", b"1", 5) is False
    dead.put("k", b"1", 5)
    assert dead.take("k", 1.0, 1.0) == 0.0  # rate limits fail open
    assert SessionStore(10, 60, backend=dead).get("web:x") == SessionState()


# ----------------------------------------------------------------------------- sessions
@dataclasses.dataclass(frozen=True)
class Nested:
    name: str = ""
    weights: tuple[float, ...] = ()


@dataclasses.dataclass(frozen=True)
class LaterState(SessionState):
    """What the engine may add later: tuples, dicts, nested models and dataclasses, all with defaults."""

    asked: tuple[str, ...] = ()
    entities: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    last_profile: Profile | None = None
    nested: Nested = dataclasses.field(default_factory=Nested)
    turn: int = 0


def test_session_state_round_trip_is_generic(monkeypatch) -> None:
    state = SessionState(topics=("t5", "t1"), intent="eligibility", profile=Profile(age=45, org_type="university"))
    assert load_state(dump_state(state)) == state
    import assistant.sessions as sessions

    monkeypatch.setattr(sessions, "SessionState", LaterState)
    later = LaterState(topics=("t2",), intent="funding", profile=Profile(age=30), asked=("funding", "contact"),
                       entities={"topic": ["t2"]}, last_profile=Profile(title="senior"),
                       nested=Nested("n", (0.5, 1.0)), turn=3)
    assert sessions.load_state(sessions.dump_state(later)) == later
    # Written by an older version (missing keys) or a newer one (unknown keys): defaults / ignored.
    assert sessions.load_state(b'{"topics": ["t3"], "future_field": 1}') == LaterState(topics=("t3",))
    # A field that no longer validates keeps its default; the rest survives.
    assert sessions.load_state(b'{"topics": ["t3"], "profile": {"age": "old"}}') == LaterState(topics=("t3",))
    assert sessions.load_state(b"not json") == LaterState()


def test_session_store_over_sqlite_is_bounded_and_expires(tmp_path: Path) -> None:
    backend = SqliteStore(tmp_path / "s.sqlite3")
    store = SessionStore(max_sessions=2, ttl_seconds=0.3, backend=backend)
    for sid in ("a", "b", "c"):
        store.put(sid, SessionState(topics=(sid,)))
    backend.prune()
    assert store.get("a") == SessionState() and store.get("c").topics == ("c",)
    time.sleep(0.4)
    assert store.get("c") == SessionState()
    assert store.get(None) == SessionState() and store.get("") == SessionState()


def test_channels_never_share_a_key() -> None:
    wechat_key = channel_session_id("wechat", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
    assert wechat_key == "wx:oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
    # A web client choosing the WeChat key as its id still lands in the web namespace.
    assert channel_session_id("web", wechat_key) == "web:" + wechat_key != wechat_key
    assert channel_session_id("web", None) is None
    with pytest.raises(ValueError):
        channel_session_id("fax", "x")


# ----------------------------------------------------------------------------- edge checks
def test_ipv6_is_limited_per_64() -> None:
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key("::ffff:10.0.0.7") == "10.0.0.7" and client_key("10.0.0.7") == "10.0.0.7"
    assert client_key(None) == "unknown"
    lim = TokenBucketLimiter(per_minute=60, burst=1)
    assert lim.take("2001:db8::1") == 0 and lim.take("2001:db8::2") > 0  # same /64, same bucket


def test_question_length_is_checked_after_nfkc() -> None:
    from api.errors import ApiError

    with pytest.raises(ApiError) as exc:
        check_question("\ufdfa" * 500, 500)  # 500 characters that NFKC turns into 9 000
    assert exc.value.code == "question_too_long"
    with pytest.raises(ApiError):
        check_question("\u3392" * 200, 500)  # ㎒ -> MHz
    assert check_question("  申报截止时间？ ", 500) == "申报截止时间？"
    assert check_question("a" + "\u0301" * 400, 500) == "a\u0301\u0301"  # stacked marks cut to two
    with pytest.raises(ApiError) as exc:
        check_question("   ", 500)
    assert exc.value.code == "empty_question"


def test_a_damaged_sqlite_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    first = SqliteStore(path)
    first.put("k", b"v", 60)
    first.close()
    path.write_bytes(b"this is not a database" * 100)
    fresh = SqliteStore(path)  # does not raise: the state is expendable
    assert fresh.get("k") is None
    fresh.put("k", b"v2", 60)
    assert fresh.get("k") == b"v2" and (tmp_path / "state.sqlite3.damaged").exists()


def test_a_timed_out_answer_keeps_its_slot_until_it_ends() -> None:
    import asyncio
    import threading

    from api.errors import ApiError
    from api.limits import run_answer

    release = threading.Event()

    async def scenario() -> None:
        gate = asyncio.Semaphore(1)
        with pytest.raises(ApiError) as exc:
            await run_answer(0.1, gate, release.wait, 10)
        assert exc.value.code == "timeout"
        assert gate.locked()  # the abandoned thread still runs: its slot is still counted
        with pytest.raises(ApiError):  # so the next request waits (and times out), no pile-up
            await run_answer(0.1, gate, lambda: "x")
        release.set()
        for _ in range(100):
            if not gate.locked():
                break
            await asyncio.sleep(0.01)
        assert await run_answer(1.0, gate, lambda: "answered") == "answered"

    asyncio.run(scenario())


def test_leases_never_exceed_the_limit(store: StateStore) -> None:
    key = f"lease-{time.monotonic_ns()}"
    assert store.take_up_to(key, 1e-9, 40, 8) == (8, 0.0)  # 40 -> 32: leases come from the upper half
    assert [store.take_up_to(key, 1e-9, 40, 8)[0] for _ in range(3)] == [6, 3, 1]  # 26, 23, 22 left
    assert sum(store.take_up_to(key, 1e-9, 40, 8)[0] for _ in range(30)) == 22  # then one at a time
    assert store.take_up_to(key, 1e-9, 40, 8)[0] == 0
    # Two workers' limiters on one store: 30 tokens, 1 000 requests, exactly 30 let through.
    a = TokenBucketLimiter(per_minute=1, burst=30, store=store)
    b = TokenBucketLimiter(per_minute=1, burst=30, store=store)
    ip = f"10.{time.monotonic_ns() % 200}.0.1"
    allowed = sum((a if i % 3 else b).take(ip) == 0 for i in range(1000))
    assert allowed == 30


def test_count_sees_live_keys_of_a_group(store: StateStore) -> None:
    group = f"c{time.monotonic_ns()}"
    for i in range(3):
        store.put(f"{group}-{i}", b"x", ttl=60, group=group, max_items=10)
    store.put(f"{group}-other", b"x", ttl=60)
    assert store.count(group) == 3
