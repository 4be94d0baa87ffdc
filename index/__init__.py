"""Search index over the notice's passages: jieba + BM25, dense vectors in Chroma, fused.

`open_index()` returns a ready HybridRetriever, building (with a progress bar) or rebuilding
the vector store first when it is missing or stale.
"""

from __future__ import annotations

import logging
import os

from tqdm import tqdm

from corpus import Corpus
from index.bm25 import Bm25Index
from index.embedders import Embedder
from index.retriever import HybridRetriever
from index.store import IndexConfig, VectorStore

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)

__all__ = ["IndexConfig", "open_index", "HybridRetriever"]


def open_index(
    cfg: IndexConfig, corpus: Corpus, embedder: Embedder, *, progress: bool = True, rebuild: bool = False
) -> HybridRetriever:
    bars: list[tqdm] = []

    def advance(n: int) -> None:
        # Created on the first batch, so a fresh index opens without an empty bar.
        if not bars:
            bars.append(tqdm(total=len(corpus.passages), desc="building index", unit="passage", disable=not progress))
        bars[0].update(n)

    try:
        store = VectorStore.open(cfg, corpus.passages, corpus.digest, embedder, advance, rebuild)
    finally:
        for bar in bars:
            bar.close()
    return HybridRetriever(corpus.passages, Bm25Index(corpus.passages), store, embedder)
