"""Runs the app under uvicorn (the `serve` command).

Defaults come from measurement on the 2-core reference box (docs/deployment.md, `./run load`):
`settings.workers` = 2 processes, each with `settings.embed_threads` = 1 OpenMP thread and
`OMP_WAIT_POLICY=PASSIVE`, so idle OpenMP threads sleep instead of spinning on the cores that the
other requests need.
"""

from __future__ import annotations

import logging
import os

import uvicorn

from assistant.settings import Settings

log = logging.getLogger(__name__)
LOG_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s [%(request_id)s] %(message)s"


def log_config(level: str) -> dict:
    """uvicorn's dictConfig, with the request id on every line (see api.observability)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "api.server.RequestIdDefault"}},
        "formatters": {"default": {"format": LOG_FORMAT}},
        "handlers": {
            "default": {"class": "logging.StreamHandler", "formatter": "default", "filters": ["request_id"],
                        "stream": "ext://sys.stderr"},
        },
        "root": {"handlers": ["default"], "level": level},
        "loggers": {
            "uvicorn": {"handlers": [], "level": level, "propagate": True},
            "uvicorn.error": {"handlers": [], "level": level, "propagate": True},
            # Our api.access line replaces uvicorn's (it has the request id and the duration).
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }


class RequestIdDefault(logging.Filter):
    """Guarantees `record.request_id` for records made before the record factory was installed."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = "-"
        return True


def prepare_environment(settings: Settings) -> None:
    """OpenMP settings must be in the environment before the embedder's library loads (and for the
    worker processes uvicorn spawns)."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    if settings.embed_threads:
        os.environ.setdefault("OMP_NUM_THREADS", str(settings.embed_threads))
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def serve(settings: Settings, host: str, port: int, workers: int = 1) -> int:
    prepare_environment(settings)
    from api.observability import install_request_id_logging

    install_request_id_logging()
    workers = workers if workers and workers > 1 else settings.workers
    common = dict(
        host=host, port=port, log_config=log_config(settings.log_level.upper()), access_log=False,
        proxy_headers=True, forwarded_allow_ips=settings.forwarded_allow_ips, timeout_graceful_shutdown=10,
    )
    if workers > 1:
        # Each worker process builds its own app from the environment; the index is shared on disk
        # (or in the Chroma server) and built once under a file lock.
        uvicorn.run("api.app:create_app", factory=True, workers=workers, **common)
        return 0
    from api.app import create_app

    uvicorn.run(create_app(settings), **common)
    return 0
