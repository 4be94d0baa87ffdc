"""`/admin`: the operator report (api/report.py) as a page for staff.

Only when `ASSISTANT_ADMIN_TOKEN` is set; otherwise no route exists and `/admin` is a 404. The token
comes in an `Authorization: Bearer` header, or through the login form (POST, never in the URL), which
sets an HttpOnly, SameSite=Strict cookie scoped to /admin holding an HMAC of the token (not the token).
Without either, the page is the login form (401): no question text is shown to anyone without the token.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
from urllib.parse import parse_qs

import numpy as np
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from api.report import build_report, parse_since
from assistant.settings import Settings

COOKIE = "assistant_admin"
_CSS = """body{font:14px/1.5 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#1f2328}
table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;
vertical-align:top;max-width:520px}th{background:#f6f8fa}.n{text-align:right}h1{font-size:20px}h2{font-size:16px}"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}'
                        f'</title><meta name="robots" content="noindex"><style>{_CSS}</style></head><body>{body}'
                        "</body></html>", status_code=status,
                        headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"})


def _login(message: str = "") -> HTMLResponse:
    note = f'<p role="alert" data-admin="error">{html.escape(message)}</p>' if message else ""
    return _page("Operator login", f"""<h1>Operator report: sign in</h1>{note}
<form method="post" action="/admin/login"><label for="t">Admin token</label>
<input id="t" name="token" type="password" autocomplete="current-password" required data-admin="token">
<button type="submit" data-admin="login">Sign in</button></form>""", 401)


def _table(headers: list[str], rows: list[list], numeric: int = 0) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(
        f'<td class="{"n" if i < numeric else ""}">{html.escape(str(c))}</td>' for i, c in enumerate(row)) + "</tr>"
        for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_page(r: dict) -> HTMLResponse:
    lat, oos = r["latency_ms"], r["out_of_scope"]
    parts = [
        "<h1>Operator report</h1>",
        f"<p>{html.escape(r['since'])} – {html.escape(r['generated_at'])}: <b data-admin='asks'>{r['asks']}</b> "
        f"questions, <b>{oos['count']}</b> out of scope ({oos['share']:.0%}), feedback 👍 "
        f"<b data-admin='up'>{r['feedback']['up']}</b> · 👎 <b data-admin='down'>{r['feedback']['down']}</b>, "
        f"latency p50 {lat['p50']} ms, p95 {lat['p95']} ms. "
        "<a href='/admin/report.json'>report.json</a></p>",
        "<form method='post' action='/admin/logout'><button type='submit'>Sign out</button></form>",
        f"<h2>Unanswered questions, grouped by similarity ({html.escape(oos['grouping'])})</h2>",
        _table(["count", "question", "paraphrases"], [
            [g["count"], g["question"], "; ".join(f"{v['question']} ({v['count']})" for v in g["variants"][1:6])]
            for g in oos["groups"]], 1),
        "<h2>Lowest-rated answers</h2>",
        _table(["👎", "👍", "question", "answer", "comments"], [
            [e["down"], e["up"], e["question"], e["answer"][:300], " / ".join(e["comments"])] for e in r["low_rated"]],
            2),
        "<h2>Most asked</h2>", _table(["count", "question"], [[q["count"], q["question"]] for q in r["most_asked"]], 1),
        "<h2>Intents</h2>", _table(["answers", "intent"], [[v, k] for k, v in r["intents"].items()], 1),
        "<h2>Per day</h2>", _table(["questions", "out of scope", "day"],
                                   [[v["asks"], v["out_of_scope"], k] for k, v in r["per_day"].items()], 2),
    ]
    return _page("Operator report", "".join(parts))


def build_router(settings: Settings) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    if settings.admin_token is None or not settings.admin_token.get_secret_value():
        return router
    token = settings.admin_token.get_secret_value()
    cookie_value = hmac.new(token.encode(), b"assistant-admin-cookie", hashlib.sha256).hexdigest()

    def authorized(request: Request) -> bool:
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer " and hmac.compare_digest(auth[7:].strip().encode(), token.encode()):
            return True
        return hmac.compare_digest(request.cookies.get(COOKIE, "").encode(), cookie_value.encode())

    async def report(request: Request) -> dict:
        event_log = getattr(request.app.state, "event_log", None)
        if event_log is not None:
            await run_in_threadpool(event_log.flush, 2.0)
        found = getattr(request.app.state, "assistant", None)
        embed = None
        if found is not None and getattr(found, "retriever", None) is not None:
            embedder = found.retriever.embedder
            embed = lambda texts: np.stack([embedder.embed_query(t) for t in texts])  # noqa: E731
        try:
            since = parse_since(request.query_params.get("since", "7d"))
        except Exception:
            since = parse_since("7d")
        return await run_in_threadpool(lambda: build_report([settings.data_dir], since, embed=embed,
                                                            timezone=settings.timezone))

    @router.get("/admin")
    async def page(request: Request) -> Response:
        if not authorized(request):
            return _login()
        return render_page(await report(request))

    @router.get("/admin/report.json")
    async def report_json(request: Request) -> Response:
        if not authorized(request):
            return JSONResponse({"error": {"code": "unauthorized", "message": "The admin token is required."}},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return Response(json.dumps(await report(request), ensure_ascii=False), media_type="application/json",
                        headers={"Cache-Control": "no-store"})

    @router.post("/admin/login")
    async def login(request: Request) -> Response:
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        given = (form.get("token") or [""])[0]
        if not hmac.compare_digest(given.encode(), token.encode()):
            return _login("Wrong token.")
        response = RedirectResponse("/admin", status_code=303)
        response.set_cookie(COOKIE, cookie_value, httponly=True, samesite="strict", path="/admin",
                            secure=request.url.scheme == "https", max_age=8 * 3600)
        return response

    @router.post("/admin/logout")
    async def logout() -> Response:
        response = RedirectResponse("/admin", status_code=303)
        response.delete_cookie(COOKIE, path="/admin")
        return response

    return router
