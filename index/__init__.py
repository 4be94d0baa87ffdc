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

__all__ = ["IndexConfig", "open_index", "HybridRetriever"]


def open_index(
    cfg: IndexConfig, corpus: Corpus, embedder: Embedder, *, progress: bool = True, rebuild: bool = False
) -> HybridRetriever:
    bar = tqdm(total=len(corpus.passages), desc="embedding passages", unit="passage", disable=not progress,
               leave=False)
    try:
        store = VectorStore.open(cfg, corpus.passages, corpus.digest, embedder, bar.update, rebuild)
    finally:
        bar.close()
    return HybridRetriever(corpus.passages, Bm25Index(corpus.passages), store, embedder)
