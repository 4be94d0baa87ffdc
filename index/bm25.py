"""BM25 over jieba tokens of each passage in its heading context."""

from __future__ import annotations

import bm25s
import numpy as np

from corpus.passages import Passage
from index.tokenize import tokens


class Bm25Index:
    def __init__(self, passages: list[Passage]) -> None:
        self._ids = [p.id for p in passages]
        corpus_tokens = [tokens(p.context) or ["_"] for p in passages]
        vocab = sorted({t for doc in corpus_tokens for t in doc})
        self._vocab = {t: i for i, t in enumerate(vocab)}
        self._bm25 = bm25s.BM25()
        self._bm25.index(
            bm25s.tokenization.Tokenized(
                ids=[[self._vocab[t] for t in doc] for doc in corpus_tokens], vocab=self._vocab
            ),
            show_progress=False,
        )

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        ids = [self._vocab[t] for t in tokens(query) if t in self._vocab]
        if not ids:
            return []
        scores = self._bm25.get_scores(ids)
        order = np.argsort(-scores)[:k]
        # bm25s scores every document; a zero means no query word occurs in it.
        return [(self._ids[i], float(scores[i])) for i in order if scores[i] > 0]
