"""The embeddable widget in a real browser (Debian chromium through Playwright), embedded on a hostile host page
served from another origin, against the real API server.

Screenshots go to var/screenshots/ (gitignored) so a person can look at what the tests saw.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:
    from conftest import LiveServer

playwright_api = pytest.importorskip("playwright.sync_api")

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "var" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
ANSWER_TIMEOUT_MS = 20_000
# Budgets for "keep it small": what a visitor downloads is the gzipped file.
MAX_RAW_BYTES = 40_000
MAX_GZIP_BYTES = 15_000

# CSS a careless or hostile host page might ship. Body stays visible; everything else is fair game.
HOSTILE_CSS = """
* { all: unset !important; font-size: 2px !important; line-height: 1 !important; }
:root { font-size: 2px !important; }
html, body { display: block !important; direction: rtl !important; }
body { transform: translateZ(0) !important; filter: saturate(1) !important; }
head, script, style, title { display: none !important; }
button, input, textarea, select, svg, form, section, blockquote { display: none !important; }
div { position: static !important; }
[data-assistant], [role=dialog], [hidden] { display: none !important; }
.launcher, .panel, .chat, .message, .widget, .open, .close, .input, .send, .btn, .bubble, .active,
.l, .p, .m, .b, .u, .v, .c, .q, .hd, .tb, .log, .cp, .sd { display: none !important; opacity: 0 !important; }
#overlay { display: block !important; position: fixed !important; top: 0 !important; left: 0 !important;
  width: 100vw !important; height: 100vh !important; z-index: 2147483647 !important;
  pointer-events: none !important; background: rgba(255, 0, 0, 0.06) !important; }
"""

# A page-wide keyboard handler of the kind that hijacks keys for site shortcuts; the widget must still get
# its typing and Enter. A second full-screen overlay arrives after the widget, on top of it in DOM order.
HOSTILE_JS = """
document.addEventListener('keydown', function (e) {
  if (e.key === 'Enter' || e.key === 'Escape' || e.key.length === 1) { e.preventDefault(); window.__hostKeys = (window.__hostKeys || 0) + 1; }
});
setTimeout(function () {
  var o = document.createElement('div');
  o.id = 'overlay2';
  o.setAttribute('style', 'position:fixed!important;inset:0!important;z-index:2147483647!important;pointer-events:none!important;display:block!important');
  document.documentElement.appendChild(o);
}, 300);
"""


def hostile_page(api: str) -> str:
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hostile host</title><style>{HOSTILE_CSS}</style></head>
<body>
<p id="host-text">某高校科研处 · 通知公告（宿主页面）</p>
<button id="host-btn" type="button">host button</button>
<div id="overlay"></div>
<script>{HOSTILE_JS}</script>
<script src="{api}/widget.js" async></script>
</body></html>"""


def options_page(api: str) -> str:
    # A strict CSP (no inline styles at all) and the snippet pasted twice by mistake.
    csp = f"default-src 'none'; script-src {api}; connect-src {api}; style-src 'self'"
    tag = (f'<script src="{api}/widget.js" async data-title="科研处申报咨询" data-position="left" '
           'data-primary-color="rgb(200, 30, 30)" data-open="true"></script>')
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{csp}">
<title>Options</title></head><body><p>Options page</p>{tag}{tag}</body></html>"""


def wide_page(api: str) -> str:
    # Common on older sites: content wider than a phone screen, so the layout viewport outgrows the screen.
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wide</title></head><body><table style="width:900px;border:1px solid #999"><tr><td>通知公告 · 一张很宽的表格</td>
</tr></table><script src="{api}/widget.js" async></script></body></html>"""


class HostSite:
    """A tiny threaded static server for the 'host page' on its own origin (http://localhost:PORT)."""

    def __init__(self, port: int, pages: dict[str, str]):
        self.origin = f"http://localhost:{port}"
        encoded = {path: body.encode() for path, body in pages.items()}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                body = encoded.get(self.path.split("?")[0])
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def host_site(live_server: LiveServer, host_page_port: int) -> Iterator[HostSite]:
    site = HostSite(host_page_port, {
        "/hostile.html": hostile_page(live_server.url),
        "/options.html": options_page(live_server.url),
        "/wide.html": wide_page(live_server.url),
    })
    yield site
    site.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def new_page(browser) -> Iterator[Callable[..., object]]:
    """Opens pages in fresh contexts (fresh sessionStorage); fails the test on any uncaught page error."""
    contexts, errors = [], []

    def make(locale: str = "zh-CN", width: int = 1280, height: int = 800, **kw: object):
        ctx = browser.new_context(locale=locale, viewport={"width": width, "height": height}, **kw)
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(10_000)
        page.on("pageerror", lambda e: errors.append(str(e)))
        return page

    yield make
    for ctx in contexts:
        ctx.close()
    assert not errors, f"uncaught errors in the page: {errors}"


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def in_shadow(page, js_body: str):
    """Evaluates `js_body` with `root` bound to the widget's shadow root."""
    return page.evaluate(
        f"() => {{ const root = document.querySelector('soft-science-assistant').shadowRoot; {js_body} }}"
    )


def open_chat(page) -> None:
    page.locator("[data-assistant=launcher]").click()
    page.locator("[data-assistant=input]").wait_for(state="visible")


def ask(page, question: str) -> object:
    """Types a question, sends it with Enter and returns the locator of the new answer bubble."""
    before = page.locator("[data-assistant=message]").count()
    box = page.locator("[data-assistant=input]")
    box.fill(question)
    box.press("Enter")
    answer = page.locator("[data-assistant=message]").nth(before)
    answer.wait_for(timeout=ANSWER_TIMEOUT_MS)
    return answer


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# ---------------------------------------------------------------- plain HTTP: the files themselves


def test_widget_js_and_demo_are_served(live_server: LiveServer) -> None:
    raw = (REPO / "api" / "static" / "widget.js").read_bytes()
    r = httpx.get(f"{live_server.url}/widget.js", headers={"Accept-Encoding": "identity"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/javascript")
    assert "max-age=300" in r.headers["cache-control"]
    assert r.content == raw
    again = httpx.get(f"{live_server.url}/widget.js", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304
    zipped = httpx.get(f"{live_server.url}/widget.js", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers.get("content-encoding") == "gzip" and zipped.content == raw

    gz = len(gzip.compress(raw, 9))
    print(f"widget.js: {len(raw)} bytes raw, {gz} bytes gzipped")
    assert len(raw) <= MAX_RAW_BYTES and gz <= MAX_GZIP_BYTES

    # No HTML sinks at all: every string from the user or the server goes in as text.
    source = raw.decode()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, sink

    demo = httpx.get(f"{live_server.url}/")
    assert demo.status_code == 200 and demo.headers["content-type"].startswith("text/html")
    assert '<script src="/widget.js" async></script>' in demo.text


# ---------------------------------------------------------------- the browser


@pytest.mark.browser
def test_answer_with_citation_on_hostile_cross_origin_page(new_page, host_site: HostSite) -> None:
    page = new_page()
    page.goto(f"{host_site.origin}/hostile.html")
    launcher = page.locator("[data-assistant=launcher]")
    launcher.wait_for(state="visible")

    # Mounted in an open shadow root, styled by itself: the host's `* {all: unset; font-size: 2px}`,
    # `button {display: none}` and `[data-assistant] {display: none}` do not reach inside.
    assert in_shadow(page, "return root.mode") == "open"
    box = launcher.bounding_box()
    assert box and box["width"] >= 48 and box["x"] > 1280 - 120 and box["y"] > 800 - 120, box
    # ... and the widget does not change the host: its own rules still apply to its own elements.
    assert page.evaluate("getComputedStyle(document.getElementById('host-text')).fontSize") == "2px"
    assert page.evaluate("getComputedStyle(document.getElementById('host-btn')).display") == "none"
    assert page.evaluate("document.styleSheets.length") == 1

    launcher.click()
    panel = page.locator("[data-assistant=panel]")
    panel.wait_for(state="visible")
    assert launcher.get_attribute("aria-expanded") == "true"
    assert in_shadow(page, "return root.activeElement && root.activeElement.dataset.assistant") == "input"
    assert in_shadow(page, "return getComputedStyle(root.querySelector('.bb')).fontSize") == "14px"

    answer = ask(page, "法规处的联系电话是多少？")
    assert "67177127" in answer.inner_text()
    citations = answer.locator("[data-assistant=citation]")
    assert citations.count() >= 1
    notice = squash((REPO / "corpus" / "notice.txt").read_text(encoding="utf-8"))
    cited = [squash(citations.nth(i).locator("[data-assistant=citation-text]").text_content() or "")
             for i in range(citations.count())]
    assert any(c and c in notice for c in cited), cited
    shot(page, "hostile-answer")

    # A citation shows its section path and a two-line preview, and expands to the whole passage.
    # (The contact passages are short, so a question citing a long passage is asked too.)
    answer = ask(page, "重大项目负责人需要什么职称？")
    citation = answer.locator("[data-assistant=citation]").first
    toggle = citation.locator("[data-assistant=citation-toggle]")
    text = citation.locator("[data-assistant=citation-text]")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert ">" in toggle.inner_text()  # the section path, e.g. 通知 > 一、申报要求 > 2. 项目负责人
    clipped = "el => el.scrollHeight > el.clientHeight + 1"
    assert text.evaluate(clipped), "a long passage starts clipped to its preview"
    collapsed = text.bounding_box()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert not text.evaluate(clipped)
    expanded = text.bounding_box()
    assert collapsed and expanded and expanded["height"] > collapsed["height"]
    assert squash(text.inner_text()) in notice
    shot(page, "hostile-citation-expanded")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false" and text.evaluate(clipped)


@pytest.mark.browser
def test_eligibility_form_shows_rules_verdict_and_follow_ups(new_page, host_site: HostSite) -> None:
    page = new_page()
    page.goto(f"{host_site.origin}/hostile.html")
    open_chat(page)
    page.locator("[data-assistant=tab-eligibility]").click()
    form = page.locator("[data-assistant=eligibility-form]")
    form.wait_for(state="visible")

    # Nothing stated: no verdict either way, and the widget asks for the missing facts.
    form.locator("[data-assistant=eligibility-submit]").click()
    verdict = page.locator("[data-assistant=eligibility-result] [data-assistant=verdict]")
    verdict.wait_for()
    assert verdict.get_attribute("data-verdict") == "unknown"
    follow_ups = page.locator("[data-assistant=eligibility-result] [data-assistant=follow-up] li")
    assert follow_ups.count() >= 1 and follow_ups.first.inner_text().strip()

    form.locator("[data-field=org_type]").select_option("university")
    form.locator("[data-field=located_in_zhengzhou]").select_option("true")
    form.locator("[data-field=age]").fill("61")
    form.locator("[data-assistant=eligibility-submit]").click()
    page.locator("[data-assistant=eligibility-result] [data-verdict=ineligible]").wait_for()
    assert "不符合" in verdict.inner_text()
    age = page.locator("[data-assistant=eligibility-result] [data-assistant=rule][data-rule=age]")
    assert age.get_attribute("data-passed") == "false"
    assert age.inner_text().strip()
    rule_cite = age.locator("[data-assistant=rule-citation]")
    assert rule_cite.count() == 1
    # A rule's citation is folded to its section path until asked for.
    assert not rule_cite.locator("[data-assistant=citation-text]").is_visible()
    rule_cite.locator("[data-assistant=citation-toggle]").click()
    assert "60" in rule_cite.locator("[data-assistant=citation-text]").inner_text()
    passed = page.locator("[data-assistant=eligibility-result] [data-assistant=rule][data-passed=true]")
    assert passed.count() >= 1  # e.g. the unit type and location stated above
    assert page.locator("[data-assistant=eligibility-result] [data-assistant=rule]").count() == 13
    shot(page, "hostile-eligibility-age61")


@pytest.mark.browser
def test_markup_in_questions_and_answers_stays_text(new_page, host_site: HostSite, live_server: LiveServer) -> None:
    page = new_page()
    page.goto(f"{host_site.origin}/hostile.html")
    open_chat(page)
    evil = "<img src=x onerror=window.__pwned=1>"
    box = page.locator("[data-assistant=input]")
    box.fill(evil)
    box.press("Enter")
    page.locator("[data-assistant=message], [data-assistant=error]").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert page.locator("[data-assistant=user-message]").last.inner_text() == evil
    page.wait_for_timeout(200)  # an injected onerror would have fired by now
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert in_shadow(page, "return root.querySelectorAll('img').length") == 0
    assert page.evaluate("document.images.length") == 0

    # A hostile or broken server reply: markup must show as text; only the small Markdown subset becomes nodes.
    fake = {
        "answer": "**加粗** 普通 <b>粗</b>\n- 第一项\n- 第二项 <img src=x onerror=window.__pwned=2>\n"
                  "[点我](javascript:window.__pwned=3) 详见 https://zzkj.zhengzhou.gov.cn/ 。",
        "intent": "other",
        "citations": [{"id": "x1", "section": "<b>一、申报要求</b>", "text": "<script>window.__pwned=4</script>",
                       "score": 1.0}],
        "eligibility": None,
    }
    page.route(f"{live_server.url}/api/ask", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(fake),
        headers={"Access-Control-Allow-Origin": host_site.origin}))
    answer = ask(page, "测试")
    page.wait_for_timeout(200)
    assert answer.locator("strong").inner_text() == "加粗"
    assert answer.locator("li").count() == 2
    links = answer.locator("a")
    assert links.count() == 1 and links.get_attribute("href") == "https://zzkj.zhengzhou.gov.cn/"
    assert "<b>粗</b>" in answer.inner_text() and "[点我](javascript:" in answer.inner_text()
    assert "<b>一、申报要求</b>" in answer.locator("[data-assistant=citation-toggle]").inner_text()
    assert in_shadow(page, "return root.querySelectorAll('img, script, b, iframe').length") == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "xss-as-text")


@pytest.mark.browser
def test_narrow_screen_gets_a_full_screen_panel(new_page, host_site: HostSite) -> None:
    page = new_page(width=375, height=667, is_mobile=True, has_touch=True)
    page.goto(f"{host_site.origin}/hostile.html")
    page.locator("[data-assistant=launcher]").tap()
    panel = page.locator("[data-assistant=panel]")
    panel.wait_for(state="visible")
    assert panel.bounding_box() == {"x": 0, "y": 0, "width": 375, "height": 667}
    assert not page.locator("[data-assistant=launcher]").is_visible()  # the panel has its own close button
    box = page.locator("[data-assistant=input]")
    ib = box.bounding_box()
    assert ib and ib["y"] + ib["height"] <= 667 and ib["width"] >= 200, ib
    box.tap()
    box.fill("申报截止时间是什么时候？")
    page.locator("[data-assistant=send]").tap()
    page.locator("[data-assistant=message]").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert box.input_value() == ""
    shot(page, "mobile-375")
    page.locator("[data-assistant=close]").tap()
    panel.wait_for(state="hidden")
    assert page.locator("[data-assistant=launcher]").is_visible()


@pytest.mark.browser
def test_phone_on_a_page_wider_than_the_screen(new_page, host_site: HostSite) -> None:
    page = new_page(width=375, height=667, is_mobile=True, has_touch=True)
    page.goto(f"{host_site.origin}/wide.html")
    assert page.evaluate("innerWidth") > 375  # the host page overflows
    launcher = page.locator("[data-assistant=launcher]")
    launcher.wait_for(state="visible")
    lb = launcher.bounding_box()
    assert lb and lb["x"] >= 0 and lb["x"] + lb["width"] <= 375 and lb["y"] + lb["height"] <= 667, lb
    launcher.tap()
    panel = page.locator("[data-assistant=panel]")
    panel.wait_for(state="visible")
    pb = panel.bounding_box()
    assert pb and (pb["x"], pb["y"], pb["width"], pb["height"]) == (0, 0, 375, 667), pb
    shot(page, "mobile-wide-host")


@pytest.mark.browser
def test_keyboard_focus_and_aria(new_page, host_site: HostSite) -> None:
    page = new_page()
    page.goto(f"{host_site.origin}/hostile.html")
    launcher = page.locator("[data-assistant=launcher]")
    launcher.wait_for(state="visible")
    assert launcher.get_attribute("aria-label") == "打开申报咨询助手"
    assert launcher.get_attribute("aria-expanded") == "false"
    launcher.focus()
    page.keyboard.press("Enter")
    panel = page.locator("[data-assistant=panel]")
    panel.wait_for(state="visible")
    assert panel.get_attribute("role") == "dialog" and panel.get_attribute("aria-label")
    assert in_shadow(page, "return root.activeElement.dataset.assistant") == "input"
    assert page.locator("[data-assistant=log]").get_attribute("aria-live") == "polite"

    # The host's document-level key handler swallows keys; typing inside the widget still works.
    box = page.locator("[data-assistant=input]")
    box.press_sequentially("ab")
    page.keyboard.press("Shift+Enter")  # a new line, not a send
    box.press_sequentially("c")
    assert box.input_value() == "ab\nc"
    assert page.locator("[data-assistant=user-message]").count() == 0
    assert page.evaluate("window.__hostKeys || 0") == 0

    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    assert in_shadow(page, "return root.activeElement.dataset.assistant") == "launcher"
    assert launcher.get_attribute("aria-expanded") == "false"


@pytest.mark.browser
def test_rate_limit_and_network_errors_are_polite(new_page, host_site: HostSite, live_server: LiveServer) -> None:
    page = new_page()
    page.goto(f"{host_site.origin}/hostile.html")
    open_chat(page)
    url = f"{live_server.url}/api/ask"
    cors = {"Access-Control-Allow-Origin": host_site.origin, "Access-Control-Expose-Headers": "Retry-After"}
    page.route(url, lambda route: route.fulfill(
        status=429, content_type="application/json", headers={**cors, "Retry-After": "3"},
        body=json.dumps({"error": {"code": "rate_limited", "message": "Too many requests"}})))
    box = page.locator("[data-assistant=input]")
    box.fill("截止时间？")
    box.press("Enter")
    error = page.locator("[data-assistant=error]").last
    error.wait_for()
    assert "3 秒" in error.inner_text()
    assert page.locator("[data-assistant=send]").is_disabled()
    # Enter during the cool-down says how long to wait and keeps the question in the box.
    box.fill("经费？")
    box.press("Enter")
    page.locator("[data-assistant=error]").nth(1).wait_for()
    assert box.input_value() == "经费？"
    assert page.locator("[data-assistant=message]").count() == 0
    shot(page, "error-429")

    page.unroute(url)
    page.route(url, lambda route: route.abort("internetdisconnected"))
    page.wait_for_function(
        "() => !document.querySelector('soft-science-assistant').shadowRoot"
        ".querySelector('[data-assistant=send]').disabled", timeout=6_000)
    box.fill("截止时间？")
    box.press("Enter")
    page.locator("[data-assistant=error][data-status='0']").wait_for()
    assert "网络" in page.locator("[data-assistant=error]").last.inner_text()

    page.unroute(url)
    page.locator("[data-assistant=retry]").click()  # the same question again, now answered
    page.locator("[data-assistant=message]").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert page.locator("[data-assistant=error][data-status='0']").count() == 0


@pytest.mark.browser
def test_session_id_is_kept_for_the_tab(new_page, host_site: HostSite) -> None:
    page = new_page()
    sent: list[dict] = []
    page.on("request", lambda r: sent.append(json.loads(r.post_data or "{}"))
            if r.method == "POST" and r.url.endswith("/api/ask") else None)
    page.goto(f"{host_site.origin}/hostile.html")
    open_chat(page)
    ask(page, "申报截止时间是什么时候？")
    ask(page, "那经费呢？")
    sids = {body["session_id"] for body in sent}
    assert len(sids) == 1
    sid = sids.pop()
    assert re.fullmatch(r"[A-Za-z0-9_.:-]{8,128}", sid)
    assert page.evaluate("sessionStorage.getItem('ssa:sid')") == sid

    # Another page of the same site in the same tab: same session, and the conversation is still there.
    page.reload()
    open_chat(page)
    assert page.locator("[data-assistant=message]").count() == 2
    ask(page, "联系电话是多少？")
    assert sent[-1]["session_id"] == sid

    other = new_page()
    other.goto(f"{host_site.origin}/hostile.html")
    other.locator("[data-assistant=launcher]").wait_for()
    assert other.evaluate("sessionStorage.getItem('ssa:sid')") not in (None, sid)


@pytest.mark.browser
def test_english_ui_follows_the_browser_language(new_page, host_site: HostSite) -> None:
    page = new_page(locale="en-US")
    page.goto(f"{host_site.origin}/hostile.html")
    launcher = page.locator("[data-assistant=launcher]")
    launcher.wait_for(state="visible")
    assert launcher.get_attribute("aria-label") == "Open the application assistant"
    launcher.click()
    chips = page.locator("[data-assistant=chip]").all_inner_texts()
    assert chips == ["Deadline", "Funding", "Contact phone", "Can I apply?"]
    assert page.locator("[data-assistant=send]").inner_text() == "Send"
    page.locator("[data-assistant=chip]").first.click()  # a quick reply sends its question
    page.locator("[data-assistant=message]").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert page.locator("[data-assistant=user-message]").inner_text() == "What is the application deadline?"
    shot(page, "english-ui")


@pytest.mark.browser
def test_data_options_strict_csp_and_double_include(new_page, host_site: HostSite) -> None:
    page = new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(f"{host_site.origin}/options.html")
    panel = page.locator("[data-assistant=panel]")
    panel.wait_for(state="visible")  # data-open="true"
    assert page.evaluate("document.querySelectorAll('soft-science-assistant').length") == 1
    assert "科研处申报咨询" in panel.locator("h2").inner_text()
    launcher = page.locator("[data-assistant=launcher]")
    lb = launcher.bounding_box()
    assert lb and lb["x"] < 100  # data-position="left"
    assert launcher.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(200, 30, 30)"
    # Opening on load must not take the focus away from the host page.
    assert page.evaluate("document.activeElement === document.body")
    # Styled although the page's CSP forbids inline styles (constructed stylesheet).
    assert panel.evaluate("el => getComputedStyle(el).position") == "fixed"
    assert not [m for m in console if "Content Security Policy" in m], console
    shot(page, "options-left-red-csp")


@pytest.mark.browser
def test_demo_page_shows_a_copyable_snippet(new_page, live_server: LiveServer) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{live_server.url}/")
    snippet = f'<script src="{live_server.url}/widget.js" async></script>'
    assert page.locator("#snippet").inner_text() == snippet
    page.locator("#copy").click()
    page.wait_for_function("() => document.getElementById('copy').textContent.includes('已复制')")
    assert page.evaluate("navigator.clipboard.readText()") == snippet
    # The demo's example buttons ask through the widget's small page API; an eligibility question gets
    # its verdict and the rule-by-rule result inside the answer.
    page.locator("#try button", has_text="61").click()
    answer = page.locator("[data-assistant=message]").first
    answer.wait_for(timeout=ANSWER_TIMEOUT_MS)
    verdict = answer.locator("[data-assistant=eligibility] [data-assistant=verdict]")
    assert verdict.get_attribute("data-verdict") == "ineligible"
    answer.locator("[data-assistant=eligibility] summary").click()
    assert answer.locator("[data-assistant=rule][data-rule=age]").get_attribute("data-passed") == "false"
    shot(page, "demo-page")
