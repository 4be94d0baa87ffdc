"""The OpenAI-compatible endpoint, driven over real HTTP by the official `openai` client, and the
LangChain runnable it answers through.

Assertions are about the protocol and stable facts of the notice (a phone number, the model id), not
the engine's wording, which changes as answers improve."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import httpx
import openai
import pytest
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.runnables import RunnableLambda, RunnableParallel

from api.app import create_app
from api.openai_compat import MODEL_ID, count_tokens, stream_pieces
from assistant.models import Answer
from assistant.runnable import AssistantRunnable, parse_input
from assistant.settings import Settings
from index.retriever import PassageRetriever
from tests.conftest import free_port, start_server

TOPIC_Q = "子课题⑤是做什么的？"
ELLIPTICAL_Q = "那它的电话呢？"
TOPIC_PHONE = "67180459"  # 子课题⑤'s contact (市科技局成果处)
DEADLINE_Q = "申报截止时间是什么时候？"
KEY = "test-key-7f3a"


def _serve(assistant, **overrides) -> Iterator[str]:
    settings = Settings(**{"openai_api_key": None, **overrides})
    port = free_port()
    server, thread = start_server(create_app(settings, assistant), port)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(assistant) -> Iterator[str]:
    yield from _serve(assistant)


@pytest.fixture(scope="module")
def keyed_url(assistant) -> Iterator[str]:
    yield from _serve(assistant, openai_api_key=KEY)


@pytest.fixture(scope="module")
def client(base_url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=base_url + "/v1", api_key="anything", max_retries=0, timeout=30)


def _user(text: str) -> dict:
    return {"role": "user", "content": text}


def _assert_error_shape(body: object) -> dict:
    # The openai client hands back the `error` object itself as `exc.body`; raw HTTP has it wrapped.
    err = body["error"] if isinstance(body, dict) and "error" in body else body
    assert isinstance(err, dict), body
    assert isinstance(err["message"], str) and err["message"]
    assert isinstance(err["type"], str) and err["type"]
    assert isinstance(err["code"], str) and err["code"]
    return err


# ---- HTTP, official client ------------------------------------------------------------------------


def test_models_lists_the_assistant(client: openai.OpenAI) -> None:
    ids = [m.id for m in client.models.list()]
    assert ids == [MODEL_ID]


def test_plain_completion(client: openai.OpenAI) -> None:
    r = client.chat.completions.create(
        model=MODEL_ID, messages=[{"role": "system", "content": "You are helpful."}, _user("子课题⑤的联系电话是多少？")],
        temperature=0.2, max_tokens=50, top_p=0.9, n=1,  # accepted and ignored
    )
    assert r.object == "chat.completion" and r.model == MODEL_ID and r.id.startswith("chatcmpl-")
    choice = r.choices[0]
    assert choice.message.role == "assistant" and choice.finish_reason == "stop"
    content = choice.message.content
    assert TOPIC_PHONE in content
    # A short numbered Markdown source list, and the full Answer in the extra field.
    assert "\n1. " in content
    extra = r.model_extra["assistant"]
    answer = Answer.model_validate(extra)
    assert answer.intent.value in ("contacts", "topics") and answer.citations
    assert any(TOPIC_PHONE in c.text for c in answer.citations)
    assert "eligibility" in extra
    assert r.usage.completion_tokens == count_tokens(content) > 0
    assert r.usage.prompt_tokens > 0
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens


def test_tools_and_other_parameters_are_ignored(client: openai.OpenAI) -> None:
    tool = {"type": "function", "function": {"name": "noop", "parameters": {"type": "object", "properties": {}}}}
    r = client.chat.completions.create(model=MODEL_ID, messages=[_user(DEADLINE_Q)], tools=[tool],
                                       tool_choice="auto", stop=["\n\n\n"], seed=1, presence_penalty=0.5)
    assert "10月24日" in r.choices[0].message.content


def test_streaming_joins_to_the_plain_answer(client: openai.OpenAI) -> None:
    plain = client.chat.completions.create(model=MODEL_ID, messages=[_user(DEADLINE_Q)])
    chunks = list(client.chat.completions.create(model=MODEL_ID, messages=[_user(DEADLINE_Q)], stream=True,
                                                 stream_options={"include_usage": True}))
    with_choices = [c for c in chunks if c.choices]
    assert all(c.object == "chat.completion.chunk" and c.model == MODEL_ID for c in chunks)
    assert len({c.id for c in chunks}) == 1
    assert with_choices[0].choices[0].delta.role == "assistant"
    assert with_choices[-1].choices[0].finish_reason == "stop"
    assert all(c.choices[0].finish_reason is None for c in with_choices[:-1])
    pieces = [c.choices[0].delta.content for c in with_choices[1:-1]]
    assert len(pieces) > 2 and all(pieces), pieces  # the text really comes in several pieces
    assert "".join(pieces) == plain.choices[0].message.content
    assert with_choices[-1].model_extra["assistant"]["intent"] == plain.model_extra["assistant"]["intent"]
    assert chunks[-1].usage is not None and chunks[-1].usage.total_tokens == plain.usage.total_tokens


def test_stream_is_server_sent_events_ending_done(base_url: str) -> None:
    body = {"model": MODEL_ID, "messages": [_user(DEADLINE_Q)], "stream": True}
    with httpx.stream("POST", base_url + "/v1/chat/completions", json=body, timeout=30) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = [line for line in r.iter_lines() if line]
    assert all(e.startswith("data: ") for e in events)
    assert events[-1] == "data: [DONE]"
    assert json.loads(events[0][6:])["choices"][0]["delta"]["role"] == "assistant"


def test_elliptical_follow_up_is_answered_from_the_history(client: openai.OpenAI) -> None:
    first = client.chat.completions.create(model=MODEL_ID, messages=[_user(TOPIC_Q)])
    history = [_user(TOPIC_Q), {"role": "assistant", "content": first.choices[0].message.content},
               _user(ELLIPTICAL_Q)]
    second = client.chat.completions.create(model=MODEL_ID, messages=history)
    assert TOPIC_PHONE in second.choices[0].message.content
    # The throw-away replay session is not reported back; the same question without history is not
    # about sub-topic ⑤ (so the history is what made the difference).
    assert second.model_extra["assistant"]["session_id"] is None
    alone = client.chat.completions.create(model=MODEL_ID, messages=[_user(ELLIPTICAL_Q)])
    assert TOPIC_PHONE not in alone.choices[0].message.content


def test_follow_up_by_user_session_id(client: openai.OpenAI) -> None:
    conv, fresh = f"conv-{uuid.uuid4().hex}", f"conv-{uuid.uuid4().hex}"  # sessions may outlive the run
    client.chat.completions.create(model=MODEL_ID, messages=[_user(TOPIC_Q)], user=conv)
    second = client.chat.completions.create(model=MODEL_ID, messages=[_user(ELLIPTICAL_Q)], user=conv)
    assert TOPIC_PHONE in second.choices[0].message.content
    assert second.model_extra["assistant"]["session_id"] == "oa:" + conv
    other = client.chat.completions.create(model=MODEL_ID, messages=[_user(ELLIPTICAL_Q)],
                                           extra_headers={"X-Session-Id": fresh})
    assert TOPIC_PHONE not in other.choices[0].message.content


def test_empty_messages_is_a_bad_request(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as exc:
        client.chat.completions.create(model=MODEL_ID, messages=[])
    assert exc.value.status_code == 400
    assert _assert_error_shape(exc.value.body)["type"] == "invalid_request_error"


def test_other_bad_requests(client: openai.OpenAI, base_url: str) -> None:
    with pytest.raises(openai.BadRequestError) as exc:
        client.chat.completions.create(model=MODEL_ID, messages=[{"role": "system", "content": "hi"}])
    assert _assert_error_shape(exc.value.body)["code"] == "no_user_message"
    with pytest.raises(openai.NotFoundError) as exc:
        client.chat.completions.create(model="gpt-4o", messages=[_user(DEADLINE_Q)])
    assert _assert_error_shape(exc.value.body)["code"] == "model_not_found"
    with pytest.raises(openai.BadRequestError) as exc:
        client.chat.completions.create(model=MODEL_ID, messages=[_user("问" * 1100)])
    assert _assert_error_shape(exc.value.body)["code"] == "question_too_long"
    url = base_url + "/v1/chat/completions"
    for raw in (b"{not json", b"[1, 2]", json.dumps({"model": MODEL_ID}).encode(),
                json.dumps({"model": MODEL_ID, "messages": "hello"}).encode(),
                json.dumps({"messages": [_user("hi")]}).encode()):
        r = httpx.post(url, content=raw, headers={"Content-Type": "application/json"}, timeout=10)
        assert r.status_code == 400, (raw, r.text)
        _assert_error_shape(r.json())  # the OpenAI shape (with `type`), not the /api one


def test_key_is_enforced_when_set(keyed_url: str) -> None:
    wrong = openai.OpenAI(base_url=keyed_url + "/v1", api_key="wrong", max_retries=0, timeout=30)
    with pytest.raises(openai.AuthenticationError) as exc:
        wrong.chat.completions.create(model=MODEL_ID, messages=[_user(DEADLINE_Q)])
    assert exc.value.status_code == 401
    assert _assert_error_shape(exc.value.body)["code"] == "invalid_api_key"
    with pytest.raises(openai.AuthenticationError):
        wrong.models.list()
    r = httpx.post(keyed_url + "/v1/chat/completions", json={"model": MODEL_ID, "messages": [_user("hi")]})
    assert r.status_code == 401
    _assert_error_shape(r.json())
    right = openai.OpenAI(base_url=keyed_url + "/v1", api_key=KEY, max_retries=0, timeout=30)
    assert "10月24日" in right.chat.completions.create(model=MODEL_ID, messages=[_user(DEADLINE_Q)]) \
        .choices[0].message.content


def test_rate_limit_applies_in_the_openai_shape(assistant) -> None:
    for url in _serve(assistant, rate_limit_per_minute=1, rate_limit_burst=1):
        c = openai.OpenAI(base_url=url + "/v1", api_key="x", max_retries=0, timeout=30)
        c.chat.completions.create(model=MODEL_ID, messages=[_user(DEADLINE_Q)])
        with pytest.raises(openai.RateLimitError) as exc:
            c.chat.completions.create(model=MODEL_ID, messages=[_user(DEADLINE_Q)])
        assert int(exc.value.response.headers["Retry-After"]) >= 1
        _assert_error_shape(exc.value.body)
        # The bucket is the one /api/ask uses: that client is now limited there too.
        assert httpx.post(url + "/api/ask", json={"question": DEADLINE_Q}).status_code == 429


def test_stream_pieces_cover_the_text_and_keep_numbers_whole() -> None:
    text = "系统填报时间为2024年9月4日—2024年10月24日；逾期不再受理。\n\n**来源**\n1. 联系电话 67180459"
    pieces = stream_pieces(text)
    assert "".join(pieces) == text and len(pieces) > 2
    assert any("67180459" in p for p in pieces) and not any(p.endswith("6718") for p in pieces)
    assert count_tokens("申报 deadline 2024") == 4


# ---- LangChain runnable ---------------------------------------------------------------------------


def test_runnable_invoke_and_batch(assistant) -> None:
    runnable = AssistantRunnable(assistant)
    one = runnable.invoke("子课题⑤的联系电话是多少？")
    assert isinstance(one, Answer) and TOPIC_PHONE in one.answer
    follow = runnable.invoke([HumanMessage(TOPIC_Q), AIMessage("…"), HumanMessage(ELLIPTICAL_Q)])
    assert TOPIC_PHONE in follow.answer and follow.session_id is None
    as_dicts = runnable.invoke({"messages": [_user(TOPIC_Q), _user(ELLIPTICAL_Q)], "today": "2024-09-15"})
    assert TOPIC_PHONE in as_dicts.answer
    many = runnable.batch([DEADLINE_Q, {"question": "子课题⑤的联系电话是多少？"}, [("user", DEADLINE_Q)]])
    assert [type(a) for a in many] == [Answer] * 3
    assert "10月24日" in many[0].answer and TOPIC_PHONE in many[1].answer
    assert many[2].answer == many[0].answer
    with pytest.raises(ValueError):
        runnable.invoke([AIMessage("no question here")])


def test_runnable_composes_with_the_retriever(assistant) -> None:
    chain = RunnableParallel(
        answer=AssistantRunnable(assistant) | RunnableLambda(lambda a: a.answer),
        passages=PassageRetriever(retriever=assistant.retriever, k=3),
    )
    out = chain.invoke("子课题⑤的联系电话是多少？")
    assert TOPIC_PHONE in out["answer"]
    assert len(out["passages"]) == 3 and all(d.metadata["section"] for d in out["passages"])


def test_parse_input_forms() -> None:
    assert parse_input("  问题 ") == (["问题"], None, None)
    turns, today, sid = parse_input({"messages": [{"role": "user", "content": [{"type": "text", "text": "a"}]},
                                                  {"role": "assistant", "content": "b"}, ("human", "c")],
                                     "today": "2024-09-15", "session_id": "s"})
    assert turns == ["a", "c"] and str(today) == "2024-09-15" and sid == "s"


def test_replayed_history_leaves_no_session_behind(assistant) -> None:
    from assistant.runnable import ask_conversation

    before = assistant.sessions.count()
    answer = ask_conversation(assistant, ["子课题⑤是做什么的？", "那它的电话呢？"])
    assert "67180459" in answer.answer and answer.session_id is None
    assert assistant.sessions.count() == before  # the throw-away session was discarded
