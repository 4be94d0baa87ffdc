"""WeChat endpoint, driven exactly as WeChat's servers drive it.

Signatures and the safe-mode AES envelope are computed here from WeChat's documented algorithm with
the `cryptography` package, independently of wechatpy and of api/wechat.py, so a shared mistake in
the code under test cannot make the tests pass.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
import secrets
import struct
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from defusedxml.ElementTree import fromstring
from fastapi.testclient import TestClient

from api import wechat
from api.app import create_app
from api.wechat_format import (
    CONTENT_BUDGET_BYTES,
    MORE_ZH,
    WECHAT_TEXT_LIMIT_BYTES,
    format_answer,
    strip_markdown,
)
from assistant.models import Answer, Citation
from assistant.settings import Settings
from tests.conftest import free_port, start_server

TOKEN = "zz_soft_science_token"
APP_ID = "wx5823bf96d3bd56c7"
AES_KEY = base64.b64encode(os.urandom(32)).decode().rstrip("=")  # WeChat's EncodingAESKey: 43 chars
OFFICIAL = "gh_0123456789ab"
OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
PHONE_Q = "法规处的电话是多少"


# --- WeChat's side of the protocol, from the documentation -------------------------------------------


def sha1_sorted(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def _aes_key() -> bytes:
    return base64.b64decode(AES_KEY + "=")


def wx_encrypt(xml: str, app_id: str = APP_ID) -> str:
    key = _aes_key()
    body = xml.encode("utf-8")
    plain = os.urandom(16) + struct.pack(">I", len(body)) + body + app_id.encode("utf-8")
    pad = 32 - len(plain) % 32
    plain += bytes([pad]) * pad
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(encryptor.update(plain) + encryptor.finalize()).decode("ascii")


def wx_decrypt(encrypt: str) -> tuple[str, str]:
    key = _aes_key()
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    plain = decryptor.update(base64.b64decode(encrypt)) + decryptor.finalize()
    pad = plain[-1]
    assert 1 <= pad <= 32 and plain[-pad:] == bytes([pad]) * pad, "reply is not PKCS#7-padded to 32"
    plain = plain[16:-pad]
    (length,) = struct.unpack(">I", plain[:4])
    return plain[4 : 4 + length].decode("utf-8"), plain[4 + length :].decode("utf-8")


def text_xml(content: str, msg_id: int, openid: str = OPENID) -> str:
    return (
        f"<xml><ToUserName><![CDATA[{OFFICIAL}]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>"
    )


def message_xml(msg_type: str, fields: str, msg_id: int | None = None, openid: str = OPENID) -> str:
    tail = f"<MsgId>{msg_id}</MsgId>" if msg_id is not None else ""
    return (
        f"<xml><ToUserName><![CDATA[{OFFICIAL}]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[{msg_type}]]></MsgType>{fields}{tail}</xml>"
    )


def new_msg_id() -> int:
    return secrets.randbits(62)


def signed_query(timestamp: int | None = None, token: str = TOKEN) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    nonce = str(secrets.randbelow(10**9))
    return {"signature": sha1_sorted(token, ts, nonce), "timestamp": ts, "nonce": nonce, "openid": OPENID}


def push_request(xml: str, safe: bool = False, timestamp: int | None = None) -> tuple[dict[str, str], bytes]:
    """Query string and body of one push from WeChat; safe mode wraps the message in the AES envelope."""
    params = signed_query(timestamp)
    if not safe:
        return params, xml.encode("utf-8")
    encrypt = wx_encrypt(xml)
    params["encrypt_type"] = "aes"
    params["msg_signature"] = sha1_sorted(TOKEN, params["timestamp"], params["nonce"], encrypt)
    body = f"<xml><ToUserName><![CDATA[{OFFICIAL}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    return params, body.encode("utf-8")


@dataclass
class Reply:
    to_user: str
    from_user: str
    msg_type: str
    content: str


def read_reply(response: httpx.Response, safe: bool) -> Reply:
    assert response.status_code == 200, response.text
    root = fromstring(response.text)
    if safe:
        encrypt = root.findtext("Encrypt")
        assert encrypt, "safe mode must answer with an encrypted reply"
        assert root.findtext("MsgSignature") == sha1_sorted(
            TOKEN, root.findtext("TimeStamp"), root.findtext("Nonce"), encrypt
        )
        inner, app_id = wx_decrypt(encrypt)
        assert app_id == APP_ID
        root = fromstring(inner)
    return Reply(
        to_user=root.findtext("ToUserName"),
        from_user=root.findtext("FromUserName"),
        msg_type=root.findtext("MsgType"),
        content=root.findtext("Content") or "",
    )


def within_limit(content: str) -> bool:
    return 0 < len(content.encode("utf-8")) < WECHAT_TEXT_LIMIT_BYTES


# --- the app, with a counting wrapper around the real engine ------------------------------------------


class CountingAssistant:
    """Delegates to the real Assistant; records every ask() and can add latency to it."""

    def __init__(self, inner, delay: float = 0.0):
        self.inner, self.delay = inner, delay
        self.calls: list[tuple[str, str | None]] = []
        self._lock = threading.Lock()

    def ask(self, question, today=None, session_id=None):
        with self._lock:
            self.calls.append((question, session_id))
        if self.delay:
            time.sleep(self.delay)
        return self.inner.ask(question, today, session_id)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def safe_settings() -> Settings:
    return Settings(wechat_token=TOKEN, wechat_aes_key=AES_KEY, wechat_app_id=APP_ID)


@pytest.fixture
def counting(assistant) -> CountingAssistant:
    return CountingAssistant(assistant)


@pytest.fixture
def plain_client(counting) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(wechat_token=TOKEN), counting)) as client:
        yield client


@pytest.fixture
def safe_client(counting) -> Iterator[TestClient]:
    with TestClient(create_app(safe_settings(), counting)) as client:
        yield client


@pytest.fixture(params=["plain", "safe"])
def mode(request, counting) -> Iterator[tuple[TestClient, bool]]:
    settings = Settings(wechat_token=TOKEN) if request.param == "plain" else safe_settings()
    with TestClient(create_app(settings, counting)) as client:
        yield client, request.param == "safe"


def post(client: TestClient, xml: str, safe: bool = False, timestamp: int | None = None) -> httpx.Response:
    params, body = push_request(xml, safe, timestamp)
    return client.post("/wechat", params=params, content=body, headers={"Content-Type": "text/xml"})


# --- URL verification ---------------------------------------------------------------------------------


def test_get_verification_echoes_echostr(plain_client):
    params = signed_query() | {"echostr": "6917283650827312345"}
    r = plain_client.get("/wechat", params=params)
    assert r.status_code == 200
    assert r.text == "6917283650827312345"


def test_get_verification_works_in_safe_mode_too(safe_client):
    r = safe_client.get("/wechat", params=signed_query() | {"echostr": "abc123"})
    assert r.status_code == 200 and r.text == "abc123"


def test_get_forged_signature_is_403(plain_client):
    params = signed_query(token="not-the-token") | {"echostr": "123"}
    r = plain_client.get("/wechat", params=params)
    assert r.status_code == 403
    assert "123" not in r.text


@pytest.mark.parametrize("missing", ["signature", "timestamp", "nonce", "echostr"])
def test_get_missing_params_is_403(plain_client, missing):
    params = signed_query() | {"echostr": "123"}
    del params[missing]
    assert plain_client.get("/wechat", params=params).status_code == 403


def test_get_stale_timestamp_is_403(plain_client):
    params = signed_query(int(time.time()) - 301) | {"echostr": "123"}
    assert plain_client.get("/wechat", params=params).status_code == 403


def test_disabled_without_token(counting):
    with TestClient(create_app(Settings(wechat_token=None, wechat_aes_key=None), counting)) as client:
        for r in (client.get("/wechat", params=signed_query()), client.post("/wechat", content=b"<xml/>")):
            assert r.status_code == 404
            assert r.json()["error"]["code"] == "wechat_disabled"


def test_bad_aes_key_fails_at_startup_without_echoing_it(assistant):
    with pytest.raises(ValueError) as info:
        create_app(Settings(wechat_token=TOKEN, wechat_aes_key="short-key", wechat_app_id=APP_ID), assistant)
    assert "short-key" not in str(info.value)


# --- text replies -------------------------------------------------------------------------------------


def test_text_reply_plain_and_safe(mode, counting):
    client, safe = mode
    start = time.monotonic()
    r = post(client, text_xml(PHONE_Q, new_msg_id()), safe)
    assert time.monotonic() - start < 5
    reply = read_reply(r, safe)
    # Protocol: the reply goes back to the user, from the official account, as text.
    assert (reply.to_user, reply.from_user, reply.msg_type) == (OPENID, OFFICIAL, "text")
    assert within_limit(reply.content)
    # Follow-ups: the engine sees one session per OpenID.
    assert counting.calls == [(PHONE_Q, "wx:" + OPENID)]
    # Content (needs the real engine).
    assert "67177127" in reply.content
    assert re.search(r"(?m)^出处：\S", reply.content), reply.content
    assert "**" not in reply.content


def test_safe_mode_accepts_plain_posts_as_compatible_mode(safe_client):
    reply = read_reply(post(safe_client, text_xml(PHONE_Q, new_msg_id()), safe=False), safe=False)
    assert reply.msg_type == "text" and within_limit(reply.content)


def test_english_question_is_only_formatted(plain_client, assistant):
    question = "What is the phone number of the Regulations Division?"
    reply = read_reply(post(plain_client, text_xml(question, new_msg_id())), safe=False)
    expected = assistant.ask(question)
    assert within_limit(reply.content) and "**" not in reply.content
    if expected.language == "en" and expected.citations:
        assert "Sources: " in reply.content and "出处" not in reply.content


# --- authentication of pushes -------------------------------------------------------------------------


def test_post_forged_signature_is_403(plain_client, counting):
    params, body = push_request(text_xml(PHONE_Q, new_msg_id()))
    params["signature"] = sha1_sorted("forged", params["timestamp"], params["nonce"])
    assert plain_client.post("/wechat", params=params, content=body).status_code == 403
    del params["signature"]
    assert plain_client.post("/wechat", params=params, content=body).status_code == 403
    assert counting.calls == []


def test_safe_mode_forged_msg_signature_is_403(safe_client, counting):
    params, body = push_request(text_xml(PHONE_Q, new_msg_id()), safe=True)
    params["msg_signature"] = "0" * 40
    assert safe_client.post("/wechat", params=params, content=body).status_code == 403
    del params["msg_signature"]
    assert safe_client.post("/wechat", params=params, content=body).status_code == 403
    assert counting.calls == []


def test_safe_mode_message_for_another_app_is_403(safe_client, counting):
    params = signed_query()
    encrypt = wx_encrypt(text_xml(PHONE_Q, new_msg_id()), app_id="wx0000000000000000")
    params |= {"encrypt_type": "aes", "msg_signature": sha1_sorted(TOKEN, params["timestamp"], params["nonce"], encrypt)}
    body = f"<xml><ToUserName><![CDATA[{OFFICIAL}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    assert safe_client.post("/wechat", params=params, content=body).status_code == 403
    assert counting.calls == []


@pytest.mark.parametrize("skew", [-301, 301, -3600])
def test_post_stale_timestamp_is_403(mode, counting, skew):
    client, safe = mode
    r = post(client, text_xml(PHONE_Q, new_msg_id()), safe, timestamp=int(time.time()) + skew)
    assert r.status_code == 403
    assert counting.calls == []


def test_timestamp_inside_window_is_accepted(plain_client):
    r = post(plain_client, text_xml(PHONE_Q, new_msg_id()), timestamp=int(time.time()) - 250)
    assert read_reply(r, safe=False).msg_type == "text"


# --- retries ------------------------------------------------------------------------------------------


def test_duplicate_msgid_same_reply_engine_called_once(mode, counting):
    client, safe = mode
    xml = text_xml(PHONE_Q, new_msg_id())
    # WeChat re-sends the same message; each delivery is signed afresh.
    first, second, third = (read_reply(post(client, xml, safe), safe) for _ in range(3))
    assert first.content == second.content == third.content
    assert len(counting.calls) == 1


def test_timeout_replies_pending_then_retry_gets_the_answer(assistant, monkeypatch, caplog):
    monkeypatch.setattr(wechat, "ANSWER_TIMEOUT_SECONDS", 0.3)
    monkeypatch.setattr(wechat, "SLOW_REPLY_SECONDS", 0.1)
    slow = CountingAssistant(assistant, delay=1.0)
    xml = text_xml(PHONE_Q, new_msg_id())
    with TestClient(create_app(safe_settings(), slow)) as client, caplog.at_level("WARNING", "api.wechat"):
        start = time.monotonic()
        pending = read_reply(post(client, xml, safe=True), safe=True)
        assert time.monotonic() - start < 1.0
        assert "正在查询，请稍后再问一次" in pending.content
        time.sleep(1.2)
        final = read_reply(post(client, xml, safe=True), safe=True)
        assert "正在查询" not in final.content
        assert len(slow.calls) == 1
        # The same user asking the same question again (a new MsgId) gets the finished answer too.
        again = read_reply(post(client, text_xml(PHONE_Q, new_msg_id()), safe=True), safe=True)
        assert again.content == final.content and len(slow.calls) == 1
    logged = "\n".join(rec.getMessage() for rec in caplog.records)
    assert "wechat reply took" in logged
    for secret in (TOKEN, AES_KEY, PHONE_Q):
        assert secret not in logged


def test_concurrent_retries_on_a_real_server(assistant):
    """Retries of a MsgId still being answered wait for that answer instead of asking again."""
    slow = CountingAssistant(assistant, delay=0.6)
    port = free_port()
    server, thread = start_server(create_app(safe_settings(), slow), port)
    try:
        xml = text_xml(PHONE_Q, new_msg_id())

        def deliver(_: int) -> Reply:
            params, body = push_request(xml, safe=True)
            r = httpx.post(f"http://127.0.0.1:{port}/wechat", params=params, content=body, timeout=10)
            return read_reply(r, safe=True)

        with ThreadPoolExecutor(3) as pool:
            replies = list(pool.map(deliver, range(3)))
        assert len({r.content for r in replies}) == 1
        assert "正在查询" not in replies[0].content
        assert len(slow.calls) == 1
        # Uvicorn's access log must not carry the echostr (or signatures) of a verification request.
        record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 0, '%s - "%s %s HTTP/%s" %d',
                                   ("127.0.0.1:1", "GET", "/wechat?echostr=s3cr3t&signature=x", "1.1", 200), None)
        for f in logging.getLogger("uvicorn.access").filters:
            f.filter(record)
        assert "s3cr3t" not in record.getMessage()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# --- hostile XML --------------------------------------------------------------------------------------

XXE = (
    '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<xml><ToUserName>{OFFICIAL}</ToUserName><FromUserName>{OPENID}</FromUserName>"
    "<CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>42</MsgId></xml>"
)

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + f"]><xml><ToUserName>{OFFICIAL}</ToUserName><FromUserName>{OPENID}</FromUserName>"
    "<CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>&lol9;</Content><MsgId>43</MsgId></xml>"
)


def _assert_refused_without_leak(r: httpx.Response, counting: CountingAssistant) -> None:
    assert 400 <= r.status_code < 500 or (r.status_code == 200 and "root:" not in r.text)
    assert "root:" not in r.text and "/bin/" not in r.text
    assert all("root:" not in q for q, _ in counting.calls)


def test_xxe_is_refused(mode, counting):
    client, safe = mode
    _assert_refused_without_leak(post(client, XXE, safe), counting)


def test_xxe_in_the_outer_envelope_is_refused(safe_client, counting):
    params, _ = push_request(text_xml(PHONE_Q, new_msg_id()), safe=True)
    body = XXE.replace("<Content>&xxe;</Content>", "<Encrypt>&xxe;</Encrypt>")
    _assert_refused_without_leak(safe_client.post("/wechat", params=params, content=body), counting)


def test_billion_laughs_refused_fast(mode, counting):
    client, safe = mode
    start = time.monotonic()
    r = post(client, BILLION_LAUGHS, safe)
    assert time.monotonic() - start < 1.0
    assert 400 <= r.status_code < 500
    assert "lollol" not in r.text and counting.calls == []


def test_malformed_or_oversized_bodies_are_refused(plain_client):
    params, _ = push_request("")
    assert plain_client.post("/wechat", params=params, content=b"<xml><Content>").status_code == 400
    assert plain_client.post("/wechat", params=params, content=b"\xff\xfe<\x00").status_code == 400
    assert plain_client.post("/wechat", params=params, content=b"<root><a/></root>").status_code == 400
    assert plain_client.post("/wechat", params=params, content=b"<xml><MsgType>text</MsgType></xml>").status_code == 400
    assert plain_client.post("/wechat", params=params, content=b" " * (wechat.MAX_BODY_BYTES + 1)).status_code == 413


# --- odd inputs and other message types ---------------------------------------------------------------


def test_empty_content_gets_a_prompt(mode, counting):
    client, safe = mode
    reply = read_reply(post(client, text_xml("", new_msg_id()), safe), safe)
    assert within_limit(reply.content) and "问题" in reply.content
    assert counting.calls == []


def test_10kb_content_reply_within_limit(mode):
    client, safe = mode
    content = ("请问申报截止时间和联系电话分别是什么？" * 200).encode("utf-8")[:10240].decode("utf-8", "ignore")
    start = time.monotonic()
    reply = read_reply(post(client, text_xml(content, new_msg_id()), safe), safe)
    assert time.monotonic() - start < 5
    assert reply.msg_type == "text" and within_limit(reply.content)


def test_subscribe_gets_welcome_with_three_examples(mode, counting):
    client, safe = mode
    xml = message_xml("event", "<Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[]]></EventKey>")
    reply = read_reply(post(client, xml, safe), safe)
    assert within_limit(reply.content)
    examples = [line for line in reply.content.splitlines() if re.match(r"^\d\. .+？$", line)]
    assert len(examples) == 3
    assert counting.calls == []


def test_unsubscribe_gets_success(mode):
    client, safe = mode
    r = post(client, message_xml("event", "<Event><![CDATA[unsubscribe]]></Event>"), safe)
    assert r.status_code == 200 and r.text == "success"


@pytest.mark.parametrize(
    ("msg_type", "fields"),
    [
        ("image", "<PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl><MediaId><![CDATA[m1]]></MediaId>"),
        ("voice", "<MediaId><![CDATA[m2]]></MediaId><Format><![CDATA[amr]]></Format>"),
        ("location", "<Location_X>34.75</Location_X><Location_Y>113.62</Location_Y><Scale>15</Scale>"
                     "<Label><![CDATA[郑州]]></Label>"),
        ("link", "<Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description><Url><![CDATA[u]]></Url>"),
        ("video", "<MediaId><![CDATA[m3]]></MediaId><ThumbMediaId><![CDATA[t3]]></ThumbMediaId>"),
        ("shortvideo", "<MediaId><![CDATA[m4]]></MediaId><ThumbMediaId><![CDATA[t4]]></ThumbMediaId>"),
    ],
)
def test_non_text_messages_ask_for_text(plain_client, counting, msg_type, fields):
    reply = read_reply(post(plain_client, message_xml(msg_type, fields, new_msg_id())), safe=False)
    assert reply.msg_type == "text" and "文字" in reply.content and within_limit(reply.content)
    assert counting.calls == []


def test_image_message_in_safe_mode(safe_client):
    xml = message_xml("image", "<PicUrl><![CDATA[http://x]]></PicUrl><MediaId><![CDATA[m]]></MediaId>", 7)
    assert "文字" in read_reply(post(safe_client, xml, safe=True), safe=True).content


def test_voice_with_recognition_is_answered(mode, counting):
    client, safe = mode
    fields = f"<MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[{PHONE_Q}]]></Recognition>"
    reply = read_reply(post(client, message_xml("voice", fields, new_msg_id()), safe), safe)
    assert counting.calls == [(PHONE_Q, "wx:" + OPENID)]
    assert within_limit(reply.content)
    assert "67177127" in reply.content


# --- formatting (pure functions on Answer objects) ----------------------------------------------------


def test_format_strips_markdown_and_dedupes_sources():
    answer = Answer(
        answer="**申报对象**：\n- 高等院校\n- 科研院所\n\n## 注意\n请按时提交。",
        intent="eligibility",
        citations=[
            Citation(id=str(i), section=s, text="…")
            for i, s in enumerate([
                "通知 > 一、申报要求 > 1. 申报对象", "通知 > 一、申报要求 > 1. 申报对象",
                "附件1 申报指南 > 一、重大项目 > 2. 郑州市科技创新指标评价与数据监测分析研究",
                "通知 > 四、联系咨询", "通知 > 二、申报流程",
            ])
        ],
    )
    text = format_answer(answer)
    assert "**" not in text and "\n- " not in text and "#" not in text
    assert "申报对象：\n高等院校\n科研院所" in text
    assert text.endswith("出处：一、申报要求 > 1. 申报对象；附件1 申报指南 > 一、重大项目 > …；四、联系咨询")


def test_long_answer_cut_at_sentence_end_with_pointer():
    sentence = "项目负责人年龄不超过60周岁，重大项目负责人原则上需具有副高以上职称或博士以上学历。"
    answer = Answer(
        answer=sentence * 80,
        intent="eligibility",
        citations=[Citation(id="a", section="附件1 > 一、重大项目 > 1. 研究方向", text="…")],
    )
    text = format_answer(answer)
    assert len(text.encode("utf-8")) <= CONTENT_BUDGET_BYTES < WECHAT_TEXT_LIMIT_BYTES
    body, _, rest = text.partition("\n\n" + MORE_ZH)
    assert body.endswith("。") and body.count(sentence) == len(body) // len(sentence)
    assert rest == "\n\n出处：附件1 > 一、重大项目 > 1. 研究方向"


def test_english_long_answer_is_cut_at_a_full_stop():
    answer = Answer(answer="The deadline is 24 October 2024. " * 120, intent="dates", language="en")
    text = format_answer(answer)
    assert len(text.encode("utf-8")) <= CONTENT_BUDGET_BYTES
    assert text.split("\n\n")[0].endswith("2024.") and "please ask a more specific question" in text


def test_strip_markdown_keeps_urls_and_numbers():
    assert strip_markdown("登录 [门户网站](http://zzkj.zhengzhou.gov.cn/) 申报，资助3.5万元") == (
        "登录 门户网站 http://zzkj.zhengzhou.gov.cn/ 申报，资助3.5万元"
    )


def test_reply_text_is_xml_safe():
    text = format_answer(Answer(answer="a]]>b\x00c\x1fd", intent="other"))
    assert "]]>" not in text and "\x00" not in text and "\x1f" not in text
