"""Search index over the notice's passages: jieba + BM25, dense vectors in Chroma, fused.

`open_index()` returns a ready HybridRetriever, building (with a progress bar) or rebuilding
the vector store first when it is missing or stale. A store that cannot be opened (corrupt, missing
on a read-only disk, a Chroma server that is down) never stops it: the retriever then has no dense
ranking (`retriever.store.degraded`, with `reason`), and the store is repaired at once (the CLI;
`REPAIR = "now"`) or in the background and swapped in (servers set `REPAIR = "background"`).
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import replace
from pathlib import Path

from tqdm import tqdm

from corpus import CORPUS_DIR, Corpus
from index.bm25 import Bm25Index
from index.cards import expansions
from index.embedders import Embedder
from index.retriever import HybridRetriever
from index.store import IndexConfig, open_vectors
from index.tokenize import add_words

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)

__all__ = ["IndexConfig", "open_index", "HybridRetriever"]
REPAIR = "now"  # "now" | "background" | "never": what a broken vector store gets (see index.store.open_vectors)


def index_config_for(cfg: IndexConfig, corpus: Corpus) -> IndexConfig:
    """Another corpus directory (ASSISTANT_CORPUS_DIR) gets its own generations under the index directory,
    so serving it never evicts the packaged corpus's index; freshness is still the manifest's corpus digest."""
    if not corpus.directory or Path(corpus.directory) == CORPUS_DIR:
        return cfg
    key = hashlib.sha256(corpus.directory.encode()).hexdigest()[:12]
    return replace(cfg, index_dir=cfg.index_dir / "corpora" / key)


def open_index(
    cfg: IndexConfig, corpus: Corpus, embedder: Embedder, *, progress: bool = True, rebuild: bool = False,
    with_triggers: bool = True,
) -> HybridRetriever:
    cfg = index_config_for(cfg, corpus)
    add_words(corpus.lexicon)  # the served notice's own domain words, before anything is tokenised
    bars: list[tqdm] = []

    def advance(n: int) -> None:
        # Created on the first batch, so a fresh index opens without an empty bar.
        if not bars:
            bars.append(tqdm(total=len(corpus.passages), desc="building index", unit="passage", disable=not progress))
        bars[0].update(n)

    built: list[HybridRetriever] = []
    repaired: list = []

    def swap_in(store) -> None:  # a background repair finished: dense ranking is back
        repaired.append(store)
        if built:
            built[0].store = store

    try:
        store = open_vectors(cfg, corpus.passages, corpus.digest, embedder, advance, rebuild, REPAIR, swap_in)
    finally:
        for bar in bars:
            bar.close()
    bm25 = Bm25Index(corpus.passages, expansions(corpus, with_triggers))
    built.append(HybridRetriever(corpus.passages, bm25, repaired[-1] if repaired else store, embedder))
    return built[0]
