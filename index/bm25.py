"""BM25 over jieba tokens of each passage in its heading context."""

from __future__ import annotations

import bm25s
import numpy as np

from corpus.passages import Passage
from index.tokenize import tokens


class Bm25Index:
    """BM25 (bm25s, Lucene-style defaults k1=1.5, b=0.75) over each passage in its heading context.

    `expansions` adds text to a passage's document: the words by which the facts and topic
    attributes resting on it are asked for (see `index.cards`), so a question phrased the way
    applicants talk still finds the sentence that answers it."""

    def __init__(self, passages: list[Passage], expansions: dict[str, str] | None = None) -> None:
        self._ids = [p.id for p in passages]
        extra = expansions or {}
        corpus_tokens = [tokens(f"{p.context} {extra.get(p.id, '')}") or ["_"] for p in passages]
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
