"""Serves the embeddable chat widget (GET /widget.js) and the demo page that embeds it (GET /)."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response

STATIC = Path(__file__).resolve().parent / "static"

# Read once at import: the files are part of the release, so there is nothing to watch for changes.
WIDGET_JS: bytes = (STATIC / "widget.js").read_bytes()
WIDGET_JS_GZ: bytes = gzip.compress(WIDGET_JS, compresslevel=9, mtime=0)
WIDGET_ETAG: str = '"' + hashlib.sha256(WIDGET_JS).hexdigest()[:20] + '"'
DEMO_HTML: bytes = (STATIC / "demo.html").read_bytes()

# Short: host pages pick up a fixed widget within minutes; the ETag makes revalidation cheap.
WIDGET_CACHE = "public, max-age=300"

router = APIRouter(tags=["widget"])


@router.api_route("/widget.js", methods=["GET", "HEAD"], include_in_schema=False)
def widget_js(request: Request) -> Response:
    headers = {
        "Cache-Control": WIDGET_CACHE,
        "ETag": WIDGET_ETAG,
        "Vary": "Accept-Encoding",
        "X-Content-Type-Options": "nosniff",
        # Host pages on any origin load this file; it carries no cookies or secrets.
        "Cross-Origin-Resource-Policy": "cross-origin",
    }
    if WIDGET_ETAG in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    body = WIDGET_JS
    if "gzip" in request.headers.get("accept-encoding", "").lower():
        body = WIDGET_JS_GZ
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/javascript; charset=utf-8", headers=headers)


@router.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
def demo_page() -> Response:
    return Response(
        DEMO_HTML,
        media_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
    )
