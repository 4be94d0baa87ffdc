"""Prepares prometheus-client's multiprocess directory for `serve` (kept apart from api/metrics.py:
PROMETHEUS_MULTIPROC_DIR must be set before prometheus_client is first imported)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ENV = "PROMETHEUS_MULTIPROC_DIR"


def prepare_multiprocess_dir(data_dir: Path | str, port: int) -> Path:
    """Empties `DATA_DIR/prometheus-<port>/` and exports it; the workers spawned afterwards inherit it."""
    path = Path(data_dir) / f"prometheus-{port}"
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True, exist_ok=True)
    os.environ[ENV] = str(path)
    return path
