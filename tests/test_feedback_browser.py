"""Issue 13 in real Chromium: 👎 and a comment from the widget (keyboard only) reach the operator report,
and staff read it on /admin after signing in with the token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import free_port, start_server

from api.app import create_app
from api.report import build_report
from assistant.settings import Settings

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
TOKEN = "browser-admin-token"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("feedback-data"), admin_token=TOKEN, rate_limit_per_minute=0)
    port = free_port()
    server, thread = start_server(create_app(settings, assistant), port)
    yield f"http://127.0.0.1:{port}", settings
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(site) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    errors: list[str] = []
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        pg = browser.new_context(locale="zh-CN").new_page()
        pg.set_default_timeout(20_000)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        yield pg
        browser.close()
    assert not errors, errors


def test_thumbs_down_with_a_comment_reaches_the_report_and_admin(site, page) -> None:
    url, settings = site
    page.goto(f"{url}/")
    page.locator("[data-assistant=launcher]").click()
    page.locator("[data-assistant=input]").fill("明天天气怎么样？")
    page.locator("[data-assistant=input]").press("Enter")
    answer = page.locator("[data-assistant=message]").last
    answer.wait_for(state="visible")
    up, down = answer.locator("[data-assistant=feedback-up]"), answer.locator("[data-assistant=feedback-down]")
    assert up.get_attribute("aria-label") == "有帮助" and down.get_attribute("aria-label") == "没有帮助"
    assert answer.locator("[data-assistant=feedback]").get_attribute("role") == "group"

    down.focus()  # keyboard only: focus the button, Enter presses it
    page.keyboard.press("Enter")
    comment = answer.locator("[data-assistant=feedback-comment]")
    comment.wait_for(state="visible")
    assert down.get_attribute("aria-pressed") == "true" and up.is_disabled()
    assert comment.evaluate("el => el.getRootNode().activeElement === el")  # focus moved to the comment box
    page.keyboard.type("我问的是天气，这里答不了")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    status = answer.locator("[data-assistant=feedback-status]")
    page.wait_for_function("() => !document.querySelector('soft-science-assistant').shadowRoot"
                           ".querySelector('[data-assistant=feedback-form]')")
    assert status.inner_text() == "感谢您的反馈！" and status.get_attribute("role") == "status"

    report = build_report([settings.data_dir], 3600)
    assert report["feedback"] == {"up": 0, "down": 1}
    assert report["low_rated"][0]["comment"] == "我问的是天气，这里答不了"
    assert report["low_rated"][0]["question"] == "明天天气怎么样？"

    # Staff: /admin asks for the token (no question text before), then shows the report.
    page.goto(f"{url}/admin")
    assert "天气" not in page.content()
    page.locator("[data-admin=token]").fill(TOKEN)
    page.locator("[data-admin=login]").click()
    page.wait_for_selector("text=我问的是天气，这里答不了")
    assert page.locator("[data-admin=down]").inner_text() == "1"
    assert TOKEN not in page.url
    cookies = page.context.cookies()
    assert any(c["name"] == "assistant_admin" and c["httpOnly"] for c in cookies)
