"""Runs gold lines through the assistant, in-process or over HTTP, behind one small interface."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, cast

import httpx
from pydantic import ValidationError
from tqdm import tqdm

from assistant.models import Answer, Eligibility, Profile
from evaluation.gold import GoldProfile, GoldQuestion
from evaluation.scoring import (
    ProfileResult,
    QuestionResult,
    cite_rank,
    percentile,
    retrieval_metrics,
    score_profile,
    score_question,
)

RETRIEVAL_MODES = ("bm25", "dense", "hybrid")
VARIANT_K = 10  # deep enough that MRR says something beyond hit@3


class RunnerError(Exception):
    """The run cannot start (server unreachable, engine fails to load); the CLI exits 2."""


class CallFailed(Exception):
    """One call failed; the question is scored as failed and the run goes on."""


class Client(Protocol):
    where: str

    def ask(self, question: str, today: dt.date | None, session_id: str | None) -> Answer: ...

    def check(self, profile: dict[str, Any], today: dt.date | None) -> Eligibility: ...

    def close(self) -> None: ...


class InProcessClient:
    def __init__(self, assistant: Any):
        self.assistant = assistant
        self.where = "in-process"

    def ask(self, question: str, today: dt.date | None, session_id: str | None) -> Answer:
        return self.assistant.ask(question, today=today, session_id=session_id)

    def check(self, profile: dict[str, Any], today: dt.date | None) -> Eligibility:
        return self.assistant.check(Profile(**profile), today, "zh")

    def close(self) -> None:
        pass


class HttpClient:
    def __init__(self, url: str, timeout: float = 60.0):
        self.where = url.rstrip("/")
        self.http = httpx.Client(base_url=self.where, timeout=timeout)
        try:
            health = self.http.get("/api/health")
        except httpx.HTTPError as e:
            self.http.close()
            raise RunnerError(f"cannot reach {self.where}/api/health: {e}") from None
        if health.status_code != 200:
            self.http.close()
            raise RunnerError(f"{self.where}/api/health answered HTTP {health.status_code}; is the index loaded?")

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        try:
            resp = self.http.post(path, json=body)
        except httpx.HTTPError as e:
            raise CallFailed(f"POST {path}: {type(e).__name__}: {e}") from None
        if resp.status_code != 200:
            try:
                msg = resp.json()["error"]["message"]
            except (ValueError, KeyError, TypeError):
                msg = resp.text[:200]
            raise CallFailed(f"POST {path}: HTTP {resp.status_code}: {msg}")
        try:
            return resp.json()
        except ValueError:
            raise CallFailed(f"POST {path}: response is not JSON") from None

    def ask(self, question: str, today: dt.date | None, session_id: str | None) -> Answer:
        body: dict[str, Any] = {"question": question}
        if today is not None:
            body["today"] = today.isoformat()
        if session_id is not None:
            body["session_id"] = session_id
        data = self._post("/api/ask", body)
        try:
            return Answer.model_validate(data)
        except ValidationError as e:
            raise CallFailed(f"/api/ask response does not match the Answer contract: {e.errors()[:2]}") from None

    def check(self, profile: dict[str, Any], today: dt.date | None) -> Eligibility:
        body = dict(profile)
        if today is not None:
            body["today"] = today.isoformat()
        data = self._post("/api/eligibility", body)
        try:
            return Eligibility.model_validate(data)
        except ValidationError as e:
            raise CallFailed(f"/api/eligibility response does not match the contract: {e.errors()[:2]}") from None

    def close(self) -> None:
        self.http.close()


def session_id_for(run_id: str, session: str) -> str:
    """Unique per run, so answers never lean on a conversation left over from an earlier run.

    The API accepts only [A-Za-z0-9_.:-]{1,128}; other session names get a hash suffix to stay distinct.
    """
    safe = re.sub(r"[^A-Za-z0-9_.:\-]", "_", session)[:48]
    if safe != session:
        safe += "-" + hashlib.sha1(session.encode()).hexdigest()[:8]
    return f"eval-{run_id}-{safe}"


def _progress(total: int, desc: str, quiet: bool) -> tqdm:
    return tqdm(total=total, desc=desc, unit="q", file=sys.stderr, disable=quiet, leave=False)


def _failure(e: Exception) -> str:
    return str(e) if isinstance(e, CallFailed) else f"{type(e).__name__}: {e}"


def run_questions(client: Client, golds: Sequence[GoldQuestion], run_id: str, quiet: bool = False) -> list[QuestionResult]:
    # Strictly sequential in file order: questions sharing a `session` build on each other.
    results: list[QuestionResult] = []
    with _progress(len(golds), "questions", quiet) as bar:
        for g in golds:
            sid = session_id_for(run_id, g.session) if g.session is not None else None
            start = time.perf_counter()
            answer, error = None, None
            try:
                answer = client.ask(g.question, g.today, sid)
            except Exception as e:  # one broken question must not hide the others' scores
                error = _failure(e)
            ms = (time.perf_counter() - start) * 1000
            results.append(score_question(g, answer, ms, error))
            bar.update()
    return results


def run_profiles(client: Client, golds: Sequence[GoldProfile], quiet: bool = False) -> list[ProfileResult]:
    results: list[ProfileResult] = []
    with _progress(len(golds), "profiles", quiet) as bar:
        for g in golds:
            start = time.perf_counter()
            result, error = None, None
            try:
                result = client.check(g.profile, g.today)
            except Exception as e:
                error = _failure(e)
            ms = (time.perf_counter() - start) * 1000
            results.append(score_profile(g, result, ms, error))
            bar.update()
    return results


# ---- retrieval variants --------------------------------------------------------------------------


def retrieval_ranks(retriever: Any, golds: Sequence[GoldQuestion], mode: str, bar: tqdm) -> tuple[list, list]:
    """Ranks through the LangChain face of the retriever (`PassageRetriever`, a `BaseRetriever`), as a
    LangChain pipeline would call it; its latency includes LangChain's per-call overhead."""
    from index.retriever import Mode, PassageRetriever

    lc = PassageRetriever(retriever=retriever, k=VARIANT_K, mode=cast(Mode, mode))  # one of RETRIEVAL_MODES
    ranks: list[int | None] = []
    lat: list[float] = []
    for g in golds:
        start = time.perf_counter()
        docs = lc.invoke(g.question)
        lat.append((time.perf_counter() - start) * 1000)
        ranks.append(cite_rank([d.page_content for d in docs], g.cite_any or []))
        bar.update()
    return ranks, lat


def _variant(retriever: Any, golds: Sequence[GoldQuestion], mode: str, label: str, bar: tqdm) -> dict[str, Any]:
    try:
        ranks, lat = retrieval_ranks(retriever, golds, mode, bar)
    except Exception as e:  # a missing mode is reported, not fatal
        return {"label": label, "skipped": f"{type(e).__name__}: {e}"}
    out = {"label": label, **retrieval_metrics(ranks), "latency_ms_p50": percentile(lat, 50)}
    out["misses@3"] = [g.id for g, r in zip(golds, ranks, strict=True) if r is None or r > 3]
    # Per category too: a variant can win overall yet lose on, say, English or typo questions.
    groups: dict[str, list[int | None]] = {}
    for g, r in zip(golds, ranks, strict=True):
        groups.setdefault(g.group, []).append(r)
    out["per_category"] = {cat: retrieval_metrics(rs) for cat, rs in sorted(groups.items())}
    return out


def load_assistant(settings: Any, quiet: bool = False) -> Any:
    """Assistant.load, with its own progress bar (index build) silenced when the eval is quiet."""
    import inspect

    from assistant.engine import Assistant

    if "progress" in inspect.signature(Assistant.load).parameters:
        return Assistant.load(settings, progress=not quiet)
    return Assistant.load(settings)


@contextlib.contextmanager
def sentence_transformers_assistant(quiet: bool = False) -> Iterator[tuple[Any | None, str | None]]:
    """(assistant, None) on the sentence-transformers backend, or (None, why it was skipped)."""
    try:
        import sentence_transformers  # noqa: F401
    except Exception as e:  # torch import errors are not always ImportError
        yield None, f"sentence-transformers not installed ({type(e).__name__})"
        return
    try:
        from index.embedders import packaged_minilm_dir
    except Exception as e:
        yield None, f"index.embedders.packaged_minilm_dir unavailable ({type(e).__name__}: {e})"
        return
    model_dir = packaged_minilm_dir()
    if model_dir is None:
        yield None, "no packaged MiniLM model found (install the `st` extra)"
        return
    from assistant.settings import Settings

    # A private index dir: the shipped index was built with another embedder and must not be overwritten.
    with tempfile.TemporaryDirectory(prefix="eval-st-index-") as tmp:
        try:
            st = load_assistant(Settings(embedder="sentence-transformers", embedding_model=str(model_dir),
                                         index_dir=Path(tmp), chroma_host=None), quiet)
        except Exception as e:
            yield None, f"loading the sentence-transformers backend failed: {type(e).__name__}: {e}"
            return
        yield st, None


def run_variants(assistant: Any, golds: Sequence[GoldQuestion], with_st: bool = True,
                 quiet: bool = False) -> dict[str, Any]:
    """hit@1/hit@3/MRR@10 of raw retrieval (no answer pipeline) against cite_any, one entry per variant."""
    cited = [g for g in golds if g.cite_any is not None]
    out: dict[str, Any] = {"k": VARIANT_K, "n": len(cited), "variants": {}, "notes": []}
    if not cited:
        out["notes"].append("no gold question has cite_any; retrieval variants not measured")
        return out
    retriever = getattr(assistant, "retriever", None)
    if retriever is None:
        out["notes"].append("the engine exposes no `retriever`; retrieval variants not measured")
        return out
    labels = {"bm25": "BM25 only", "dense": "dense only", "hybrid": "hybrid (shipped)"}
    for mode in RETRIEVAL_MODES:
        with _progress(len(cited), f"retrieval {mode}", quiet) as bar:
            out["variants"][mode] = _variant(retriever, cited, mode, labels[mode], bar)
    if not with_st:
        out["notes"].append("sentence-transformers variant not requested")
        return out
    with sentence_transformers_assistant(quiet) as (st, why):
        if st is None:
            out["notes"].append(f"sentence-transformers variant skipped: {why}")
            return out
        for mode in ("dense", "hybrid"):
            with _progress(len(cited), f"retrieval MiniLM {mode}", quiet) as bar:
                out["variants"][f"st_{mode}"] = _variant(st.retriever, cited, mode, f"MiniLM {mode}", bar)
    return out
