"""Property-based fuzzing of the HTTP API from its own OpenAPI schema (schemathesis, in process).

Every generated request (valid and, with negative testing, invalid) must get no 5xx, no traceback in
the body, and, on the JSON API, errors in the contract's shape {"error": {"code", "message"}}.
Bounded: a few dozen examples per operation, no shrinking deadline, no example database.
"""

from __future__ import annotations

import json

import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error

from api.app import create_app
from assistant.engine import Assistant
from assistant.settings import Settings

MAX_EXAMPLES = 40


class _LazyAssistant:
    """The real Assistant, loaded on first use (not at collection time; reuses the on-disk index)."""

    _real: Assistant | None = None

    def __getattr__(self, name: str):
        if _LazyAssistant._real is None:
            _LazyAssistant._real = Assistant.load(Settings(), progress=False)
        return getattr(_LazyAssistant._real, name)


# Rate limiting off: the fuzzer is one client sending hundreds of requests on purpose.
app = create_app(Settings(rate_limit_per_minute=0, wechat_token="fuzz-token"), _LazyAssistant())
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


def no_traceback_and_error_shape(ctx, response, case) -> bool | None:
    text = response.content.decode("utf-8", "replace") if response.content else ""
    for marker in ("Traceback (most recent call last)", 'File "/', "Internal Server Error"):
        assert marker not in text, f"internals leaked in the body: {text[:300]}"
    path = case.operation.path
    if 400 <= response.status_code < 500 and path.startswith("/api/"):
        body = json.loads(text)
        assert set(body) == {"error"}, body
        assert isinstance(body["error"].get("code"), str) and isinstance(body["error"].get("message"), str), body
    return None


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
def test_api_survives_generated_requests(case) -> None:
    case.call_and_validate(checks=[not_a_server_error, no_traceback_and_error_shape])
