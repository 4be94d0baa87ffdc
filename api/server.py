"""Runs the app under uvicorn (the `serve` command)."""

from __future__ import annotations

import logging

import uvicorn

from assistant.settings import Settings

log = logging.getLogger(__name__)


def serve(settings: Settings, host: str, port: int, workers: int = 1) -> int:
    if workers > 1:
        # Each worker process builds its own app from the environment; the index is shared on disk
        # (or in the Chroma server) and built once under a file lock.
        uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="info")
        return 0
    from api.app import create_app

    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
    return 0
