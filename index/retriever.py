"""Hybrid retrieval: BM25 and dense rankings fused by reciprocal rank, plus its LangChain face."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from threading import Lock
from typing import Literal

import numpy as np
from cachetools import LRUCache
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from corpus.passages import Passage
from index.bm25 import Bm25Index
from index.embedders import Embedder
from index.spelling import SpellingCorrector
from index.store import NoVectors, VectorStore
from index.tokenize import canonical

Mode = Literal["hybrid", "bm25", "dense"]
RRF_K = 60
EMBED_MAX_CHARS = 128
POOL = 20
# Weight of the dense ranking in the fusion (BM25's is 1): the e5-small vectors of this short,
# formulaic text rank worse than BM25 over expanded passages (hit@3 0.66 vs 0.89 on dev), so they
# break ties and rescue paraphrases rather than vote equally. Chosen on the dev split.
DENSE_WEIGHT = 0.05
BM25_SURE = 3.0


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float  # fused RRF score in hybrid mode; the ranking's own score otherwise
    dense: float = 0.0  # cosine similarity of the query and this passage (0 when not computed)


class _LruCache:
    """Query vectors by query text, least recently used out first (cachetools), safe across threads."""

    def __init__(self, size: int) -> None:
        self._data: LRUCache[str, np.ndarray] = LRUCache(max(1, size))
        self._lock = Lock()

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def get_or_compute(self, key: str, compute) -> np.ndarray:
        with self._lock:
            found = self._data.get(key)
        if found is not None:
            return found
        value = compute(key)
        with self._lock:
            self._data[key] = value
        return value


class HybridRetriever:
    def __init__(self, passages: list[Passage], bm25: Bm25Index, store: VectorStore | NoVectors, embedder: Embedder,
                 speller: SpellingCorrector | None = None) -> None:
        self._by_id = {p.id: p for p in passages}
        self.bm25, self.store, self.embedder, self.speller = bm25, store, embedder, speller
        self._vectors = _LruCache(2048)

    def clear_cache(self) -> None:
        self._vectors.clear()

    def query_vector(self, query: str) -> np.ndarray:
        # A question's first EMBED_MAX_CHARS characters say what it is about; a longer text would cost
        # the embedder one 512-token window per chunk (a 500-character question took 0.7 s).
        return self._vectors.get_or_compute(query[:EMBED_MAX_CHARS], self.embedder.embed_query)

    def dense(self, query: str, k: int = POOL) -> list[tuple[str, float]]:
        return self.store.query(self.query_vector(query), min(k, len(self._by_id)))

    def search(self, query: str, k: int = 3, mode: Mode = "hybrid", correct: bool = True) -> list[Hit]:
        """The k best passages for `query`, best first.

        Homophone typos are corrected first when a speller is set (`index.spelling`; the Assistant
        sets its own) and `correct` is true: text its understanding stage already corrected is not.
        `hybrid` fuses the BM25 and dense rankings (top POOL of each) by reciprocal rank, score =
        sum of 1 / (RRF_K + rank) with RRF_K = 60 as in Cormack, Clarke & Buettcher (SIGIR 2009); a
        Hit's `dense` is the cosine similarity of query and passage (0 when the passage was not in the
        dense pool)."""
        if self.speller is not None and correct:
            query = self.speller.correct(canonical(query))[0]
        if mode == "bm25":
            return [Hit(self._by_id[pid], s) for pid, s in self.bm25.search(query, k)]
        dense = self.dense(query, POOL)
        if mode == "dense":
            return [Hit(self._by_id[pid], s, s) for pid, s in dense[:k]]
        sims = dict(dense)
        sparse = self.bm25.search(query, POOL)
        # When BM25 is sure (its best passage shares many weighted terms), the dense ranking only
        # breaks ties; otherwise (paraphrase, English, few shared words) both vote.
        weight_dense = DENSE_WEIGHT if sparse and sparse[0][1] >= BM25_SURE else 1.0
        fused = fuse([(1.0, [pid for pid, _ in sparse]), (weight_dense, [pid for pid, _ in dense])])
        best = sorted(fused.items(), key=lambda kv: -kv[1])[:k]
        return [Hit(self._by_id[pid], s, sims.get(pid, 0.0)) for pid, s in best]


def fuse(rankings: Iterable[tuple[float, Sequence[str]]]) -> dict[str, float]:
    """Reciprocal-rank fusion of weighted rankings (passage ids, best first): each id scores the sum of
    weight / (RRF_K + rank) over the rankings it is in."""
    fused: dict[str, float] = {}
    for weight, ranking in rankings:
        for rank, pid in enumerate(ranking):
            fused[pid] = fused.get(pid, 0.0) + weight / (RRF_K + rank + 1)
    return fused


class PassageRetriever(BaseRetriever):
    """The hybrid retriever as a LangChain `BaseRetriever` (Documents carry id and section)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    retriever: HybridRetriever
    k: int = 3
    mode: Mode = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [
            Document(
                page_content=h.passage.text,
                id=h.passage.id,
                metadata={"id": h.passage.id, "section": h.passage.section, "score": h.score},
            )
            for h in self.retriever.search(query, self.k, self.mode)
        ]
