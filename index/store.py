"""Dense vectors of the passages in Chroma: embedded (PersistentClient) by default, Chroma's own
server (HttpClient) when a host is configured.

Failures degrade instead of stopping the service (`open_vectors`): a missing, corrupt or unreadable
store gives `NoVectors` (no dense ranking; fact cards and BM25 still answer) with the reason and the
command that fixes it; where the directory can be written, the store is rebuilt (at once for the
CLI, in a background thread for a server, which swaps the rebuilt store in). An index directory that
cannot be written is opened from a private copy of its current generation (Chroma writes to its
SQLite file even to read), so a read-only deployment still has its vectors.

A generation some process still reads is never removed: each embedded store holds a shared lock on
its generation's `readers.lock` for as long as it lives, and pruning skips a generation whose lock
it cannot take exclusively (a later build removes it once released). Without this, a worker that
opened its index before two rebuilds by other processes lost it ("Failed to get segments").

A build never leaves a broken index behind. Embedded: each build writes a fresh generation
directory and only then swaps the `current` symlink (an atomic rename); a crash leaves an orphan
generation that the next build removes. Server: each build fills a `-building-` collection and
renames it to its final name when complete. The manifest (corpus digest, embedder, settings)
tells whether what exists is still fresh.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import chromadb
import numpy as np

from corpus.passages import Passage
from index.embedders import Embedder

log = logging.getLogger(__name__)
BATCH = 16
KEEP_GENERATIONS = 2
LEASE = "readers.lock"  # in each generation: readers hold it shared, pruning needs it exclusive
SCHEMA = 1


@dataclass(frozen=True)
class IndexConfig:
    index_dir: Path
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection_prefix: str = "soft_science"


@dataclass(frozen=True)
class Manifest:
    schema: int
    corpus_digest: str
    embedder: str
    dim: int
    passages: int
    collection: str
    built_at: float
    build_seconds: float


def _chroma_settings() -> chromadb.Settings:
    return chromadb.Settings(anonymized_telemetry=False, allow_reset=False)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text)[:60]


def collection_name(cfg: IndexConfig, digest: str, embedder: Embedder) -> str:
    return f"{cfg.collection_prefix}-{digest}-{_slug(embedder.name)}"


@contextlib.contextmanager
def _build_lock(cfg: IndexConfig) -> Iterator[None]:
    # Several API workers may start together on a fresh checkout: one builds, the others wait.
    cfg.index_dir.mkdir(parents=True, exist_ok=True)
    with open(cfg.index_dir / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _embed_all(
    passages: list[Passage], embedder: Embedder, progress: Callable[[int], None] | None
) -> np.ndarray:
    out = []
    for start in range(0, len(passages), BATCH):
        batch = passages[start : start + BATCH]
        out.append(embedder.embed_passages([p.context for p in batch]))
        if progress:
            progress(len(batch))
    return np.vstack(out)


def _fill(collection, passages: list[Passage], vectors: np.ndarray) -> None:
    collection.add(
        ids=[p.id for p in passages],
        embeddings=vectors.tolist(),
        documents=[p.text for p in passages],
        metadatas=[{"section": p.section, "kind": p.kind, "topic": p.topic or ""} for p in passages],
    )


class IndexUnavailable(Exception):
    """The vector store cannot be opened; `reason` says why in words an operator can act on."""

    def __init__(self, reason: str, repairable: bool) -> None:
        super().__init__(reason)
        self.reason, self.repairable = reason, repairable


FIX = "run `python -m assistant index` (add --rebuild to force) where the index directory is writable"


class NoVectors:
    """Stands in for a store that could not be opened: dense ranking returns nothing."""

    degraded = True
    manifest = None

    def __init__(self, reason: str, fix: str = FIX) -> None:
        self.reason, self.fix = reason, fix
        self.repairing = False

    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        return []


class VectorStore:
    """The passage vectors of one corpus digest and embedder, opened (and built if needed)."""

    degraded = False
    reason = ""

    def __init__(self, collection, manifest: Manifest, lease: _Lease | None = None) -> None:
        self._collection = collection
        self.manifest = manifest
        self._lease = lease  # released when the store is dropped (a rebuilt store swapped in)

    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) best first."""
        res = self._collection.query(query_embeddings=[vector.tolist()], n_results=k, include=["distances"])
        return [(pid, 1.0 - float(d)) for pid, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    @classmethod
    def open(
        cls,
        cfg: IndexConfig,
        passages: list[Passage],
        digest: str,
        embedder: Embedder,
        progress: Callable[[int], None] | None = None,
        rebuild: bool = False,
    ) -> VectorStore:
        opener = _open_server if cfg.chroma_host else _open_embedded
        return opener(cfg, passages, digest, embedder, progress, rebuild)


def _manifest_for(digest: str, embedder: Embedder, n: int, name: str, seconds: float) -> Manifest:
    return Manifest(SCHEMA, digest, embedder.name, embedder.dim, n, name, time.time(), round(seconds, 2))


def _is_fresh(m: Manifest | None, digest: str, embedder: Embedder, n: int) -> bool:
    return bool(
        m and m.schema == SCHEMA and m.corpus_digest == digest and m.embedder == embedder.name
        and m.dim == embedder.dim and m.passages == n
    )


def read_manifest(index_dir: Path) -> Manifest | None:
    path = index_dir / "current" / "manifest.json"
    try:
        return Manifest(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def _writable(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK | os.X_OK)


def _open_collection(chroma_dir: Path, manifest: Manifest, n: int):
    """Opens and checks a generation's collection; IndexUnavailable when it is broken."""
    try:
        client = chromadb.PersistentClient(path=str(chroma_dir), settings=_chroma_settings())
        # Vectors are always computed by us; no embedding function means Chroma never loads its own.
        collection = client.get_collection(manifest.collection, embedding_function=None)
        count = collection.count()
        if count != n:
            raise IndexUnavailable(f"the index holds {count} passages, the corpus {n}", True)
        probe: list[Sequence[float]] = [[0.0] * manifest.dim]
        collection.query(query_embeddings=probe, n_results=1, include=["distances"])
    except IndexUnavailable:
        raise
    except Exception as exc:  # Chroma raises many kinds on a truncated or foreign file
        log.error("opening %s failed: %s", chroma_dir, type(exc).__name__)
        raise IndexUnavailable(f"the index at {chroma_dir} is unreadable or corrupt", True) from exc
    return collection


def _read_only_copy(generation: Path) -> Path:
    """A private, writable copy of a generation (Chroma writes to its SQLite file even to read).

    The copy lives in its own temporary directory, removed when the process exits (and at once when
    the copy cannot be made), so restarts against a read-only index leave nothing behind."""
    root = Path(tempfile.mkdtemp(prefix="assistant-index-ro-"))
    atexit.register(shutil.rmtree, root, True)
    target = root / generation.name
    try:
        shutil.copytree(generation, target)
    except OSError:
        shutil.rmtree(root, True)
        raise
    return target


class _Lease:
    """A shared lock on a generation's lock file, held while a store reads that generation."""

    def __init__(self, generation: Path) -> None:
        fd = os.open(generation / LEASE, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_SH)
        self._finalizer = weakref.finalize(self, os.close, fd)  # closing the file releases the lock


def _in_use(generation: Path) -> bool:
    """Whether some process (this one included) holds a lease on the generation."""
    try:
        fd = os.open(generation / LEASE, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def _open_embedded(cfg, passages, digest, embedder, progress, rebuild) -> VectorStore:
    current = cfg.index_dir / "current"
    manifest = None if rebuild else read_manifest(cfg.index_dir)
    writable = _writable(cfg.index_dir)
    if not _is_fresh(manifest, digest, embedder, len(passages)):
        if not writable:
            what = "missing" if manifest is None else "stale (built from another corpus or embedder)"
            raise IndexUnavailable(f"the index in {cfg.index_dir} is {what} and the directory is read-only",
                                   False)
        with _build_lock(cfg):
            manifest = None if rebuild else read_manifest(cfg.index_dir)
            if not _is_fresh(manifest, digest, embedder, len(passages)):
                manifest = _build_embedded(cfg, passages, digest, embedder, progress)
    generation = Path(os.path.realpath(current))
    if manifest is None:  # a fresh build always writes one; a missing one means no usable index
        raise IndexUnavailable(f"no index manifest under {cfg.index_dir}", writable)
    if writable and os.access(generation / "chroma", os.W_OK):
        try:
            lease = _Lease(generation)
        except FileNotFoundError:
            lease = None  # pruned between reading `current` and taking the lease
        if lease is None or not (generation / "manifest.json").exists():
            raise IndexUnavailable(f"the index generation {generation.name} was removed while opening it", True)
        return VectorStore(_open_collection(generation / "chroma", manifest, len(passages)), manifest, lease)
    log.warning("index directory %s is read-only: opening a private copy of %s", cfg.index_dir, generation.name)
    try:
        copy = _read_only_copy(generation)
    except OSError as exc:
        raise IndexUnavailable(f"cannot copy the read-only index {generation} ({exc.strerror})", False) from exc
    try:
        collection = _open_collection(copy / "chroma", manifest, len(passages))
    except IndexUnavailable as exc:
        shutil.rmtree(copy.parent, True)  # a broken copy is of no further use
        exc.repairable = writable
        raise
    return VectorStore(collection, manifest)


def repair_embedded(cfg, passages, digest, embedder, progress, broken: Path | None) -> VectorStore:
    """Rebuilds unless another process already replaced the broken generation meanwhile."""
    with _build_lock(cfg):
        now = Path(os.path.realpath(cfg.index_dir / "current")) if (cfg.index_dir / "current").exists() else None
        if broken is None or now is None or now == broken:
            log.warning("rebuilding the index in %s", cfg.index_dir)
            _build_embedded(cfg, passages, digest, embedder, progress)
    return _open_embedded(cfg, passages, digest, embedder, progress, rebuild=False)


def open_vectors(cfg: IndexConfig, passages: list[Passage], digest: str, embedder: Embedder,
                 progress: Callable[[int], None] | None = None, rebuild: bool = False,
                 repair: str = "now", on_repaired: Callable[[VectorStore], None] | None = None,
                 ) -> VectorStore | NoVectors:
    """`VectorStore.open`, degrading instead of raising. `repair`: "now" rebuilds a broken store before
    returning (the CLI), "background" returns `NoVectors` at once and rebuilds in a thread, then calls
    `on_repaired` with the new store (a server), "never" only reports."""
    try:
        return VectorStore.open(cfg, passages, digest, embedder, progress, rebuild)
    except IndexUnavailable as exc:
        problem = exc
    except Exception as exc:  # a Chroma server that is down, a full disk while building, ...
        log.error("opening the vector store failed: %s", type(exc).__name__)
        problem = IndexUnavailable("the vector store could not be opened or built (the log says why)", True)
    where = cfg.chroma_host and f"the Chroma server {cfg.chroma_host}:{cfg.chroma_port}"
    log.error("vector index unavailable: %s; answering without dense ranking. To fix: %s", problem.reason, FIX)
    if not problem.repairable or repair == "never":
        return NoVectors(problem.reason)
    broken = None if cfg.chroma_host else Path(os.path.realpath(cfg.index_dir / "current"))

    def attempt() -> VectorStore:
        if cfg.chroma_host:
            return VectorStore.open(cfg, passages, digest, embedder, progress, rebuild=True)
        return repair_embedded(cfg, passages, digest, embedder, progress, broken)

    if repair == "now":
        try:
            return attempt()
        except Exception as exc:
            reason = f"{problem.reason}; rebuilding failed too"
            log.error("index repair failed: %s (%s)", reason, type(exc).__name__)
            return NoVectors(reason)
    placeholder = NoVectors(problem.reason + (f" ({where})" if where else "") + "; rebuilding in the background")
    placeholder.repairing = True

    def background() -> None:
        for delay in (0, 5, 30, 120):
            time.sleep(delay)
            try:
                store = attempt()
            except Exception as exc:
                log.error("background index repair failed (%s); will retry", type(exc).__name__)
                continue
            log.warning("index repaired in the background: vectors are back")
            if on_repaired is not None:
                on_repaired(store)
            return
        placeholder.repairing = False

    threading.Thread(target=background, name="index-repair", daemon=True).start()
    return placeholder


def _build_embedded(cfg, passages, digest, embedder, progress) -> Manifest:
    start = time.perf_counter()
    generation = cfg.index_dir / f"gen-{digest}-{uuid.uuid4().hex[:8]}"
    name = collection_name(cfg, digest, embedder)
    log.info("building the index into %s (%d passages, %s)", generation.name, len(passages), embedder.name)
    vectors = _embed_all(passages, embedder, progress)
    client = chromadb.PersistentClient(path=str(generation / "chroma"), settings=_chroma_settings())
    collection = client.create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine"})
    _fill(collection, passages, vectors)
    manifest = _manifest_for(digest, embedder, len(passages), name, time.perf_counter() - start)
    (generation / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2))
    link = cfg.index_dir / f".current-{uuid.uuid4().hex[:8]}"
    link.symlink_to(generation.name)
    os.replace(link, cfg.index_dir / "current")  # the commit point: atomic on POSIX
    _prune(cfg.index_dir, keep=generation.name)
    return manifest


def _prune(index_dir: Path, keep: str) -> None:
    """Removes orphaned and old generations, keeping the newest few for processes still reading."""
    gens = sorted((p for p in index_dir.glob("gen-*") if p.is_dir()), key=lambda p: p.stat().st_mtime)
    old = [p for p in gens if p.name != keep][: max(0, len(gens) - KEEP_GENERATIONS)]
    for path in old:
        if _in_use(path):
            log.info("keeping index generation %s: a process still reads it", path.name)
            continue
        shutil.rmtree(path, ignore_errors=True)
    for stray in index_dir.glob(".current-*"):
        stray.unlink(missing_ok=True)


def _open_server(cfg, passages, digest, embedder, progress, rebuild) -> VectorStore:
    client = chromadb.HttpClient(host=cfg.chroma_host, port=cfg.chroma_port, settings=_chroma_settings())
    name = collection_name(cfg, digest, embedder)
    existing = {c.name if hasattr(c, "name") else str(c) for c in client.list_collections()}
    if name in existing and not rebuild:
        collection = client.get_collection(name, embedding_function=None)
        meta = collection.metadata or {}
        if meta.get("complete") and collection.count() == len(passages):
            return VectorStore(collection, Manifest(**json.loads(meta["manifest"])))
    start = time.perf_counter()
    building = f"{name}-building-{uuid.uuid4().hex[:8]}"
    vectors = _embed_all(passages, embedder, progress)
    collection = client.create_collection(building, embedding_function=None, metadata={"hnsw:space": "cosine"})
    _fill(collection, passages, vectors)
    manifest = _manifest_for(digest, embedder, len(passages), name, time.perf_counter() - start)
    if name in existing:
        client.delete_collection(name)
    collection.modify(name=name, metadata={"complete": True, "manifest": json.dumps(asdict(manifest))})
    for stale in existing:
        if stale.startswith(f"{cfg.collection_prefix}-") and "-building-" in stale:
            with contextlib.suppress(Exception):
                client.delete_collection(stale)
    return VectorStore(client.get_collection(name, embedding_function=None), manifest)
