"""Gold files: one JSON object a line (format in shared/CONTRACT.md), validated up front.

Unknown keys are rejected rather than ignored: a typo such as "expect_al" would otherwise silently
switch a check off and the question would pass for the wrong reason.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assistant.models import Intent, Profile

RULE_IDS = (
    "org_type", "independent_legal_person", "location", "credit", "misconduct", "age",
    "major_leader_qualification", "one_per_leader", "overdue_project", "org_quota", "classified",
    "duplicate_funding", "single_recommender",
)

QuestionVerdict = Literal["eligible", "ineligible", "unknown", "not_ineligible"]
Verdict = Literal["eligible", "ineligible", "unknown"]


class GoldError(Exception):
    """Bad gold input; the CLI prints the message and exits 2."""


def _non_empty(values: list[str] | None, key: str) -> list[str] | None:
    if values is None:
        return None
    if not values:
        raise ValueError(f"{key} must not be an empty list (leave the key out instead)")
    if any(not v.strip() for v in values):
        raise ValueError(f"{key} must not contain empty strings (they match everything)")
    return values


class GoldQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    today: dt.date | None = None
    expect_all: list[str] | None = None
    expect_any: list[str] | None = None
    cite_any: list[str] | None = None
    intent: Intent | None = None
    verdict: QuestionVerdict | None = None
    category: str | None = None
    session: str | None = None
    lang: str | None = None
    style: str | None = None
    note: str | None = None

    @field_validator("today", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        # strict mode refuses ISO strings for dates; JSON has no date type, so parse here.
        return dt.date.fromisoformat(v) if isinstance(v, str) else v

    @field_validator("intent", mode="before")
    @classmethod
    def _intent(cls, v: Any) -> Any:
        return Intent(v) if isinstance(v, str) else v

    @field_validator("expect_all", "expect_any", "cite_any")
    @classmethod
    def _lists(cls, v: list[str] | None, info) -> list[str] | None:
        return _non_empty(v, info.field_name)

    @property
    def group(self) -> str:
        return self.category or (self.intent.value if self.intent else None) or "all"


class GoldProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: str = Field(min_length=1)
    profile: dict[str, Any]
    today: dt.date | None = None
    verdict: Verdict
    failed: str | None = None
    category: str | None = None
    note: str | None = None

    @field_validator("today", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        return dt.date.fromisoformat(v) if isinstance(v, str) else v

    @field_validator("profile")
    @classmethod
    def _profile(cls, v: dict[str, Any]) -> dict[str, Any]:
        Profile(**v)  # validate now, so a bad profile is a gold error and not a scoring failure
        return v

    @field_validator("failed")
    @classmethod
    def _rule(cls, v: str | None) -> str | None:
        if v is not None and v not in RULE_IDS:
            raise ValueError(f"unknown rule id {v!r}; known: {', '.join(RULE_IDS)}")
        return v

    @property
    def group(self) -> str:
        return self.category or self.verdict


M = TypeVar("M", bound=BaseModel)


def _describe(err: ValidationError) -> str:
    parts = []
    for e in err.errors()[:5]:
        loc = ".".join(str(p) for p in e.get("loc", ())) or "line"
        msg = e.get("msg", "invalid")
        if e.get("type") == "extra_forbidden":
            msg = "unknown key"
        parts.append(f"{loc}: {msg}")
    return "; ".join(parts)


def _load(path: Path, model: type[M]) -> list[M]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(f"{path}: cannot read ({e})") from None
    items: list[M] = []
    seen: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}:{n}: not valid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(data, dict):
            raise GoldError(f"{path}:{n}: expected a JSON object, got {type(data).__name__}")
        try:
            item = model.model_validate(data)
        except ValidationError as e:
            where = f" (id {data['id']!r})" if isinstance(data.get("id"), str) else ""
            raise GoldError(f"{path}:{n}{where}: {_describe(e)}") from None
        item_id = item.id  # type: ignore[attr-defined]
        if item_id in seen:
            raise GoldError(f"{path}:{n}: duplicate id {item_id!r} (first on line {seen[item_id]})")
        seen[item_id] = n
        items.append(item)
    if not items:
        raise GoldError(f"{path}: no gold lines")
    return items


def load_questions(path: Path) -> list[GoldQuestion]:
    return _load(path, GoldQuestion)


def load_profiles(path: Path) -> list[GoldProfile]:
    return _load(path, GoldProfile)


def load_thresholds(path: Path) -> dict[str, dict[str, float]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: thresholds file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(f"{path}: cannot read ({e})") from None
    except json.JSONDecodeError as e:
        raise GoldError(f"{path}: not valid JSON ({e.msg} at line {e.lineno})") from None
    ok = isinstance(data, dict) and all(
        isinstance(sec, dict)
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in sec.values())
        for sec in data.values()
    )
    if not ok:
        raise GoldError(f'{path}: expected {{"section": {{"metric": number, ...}}, ...}}')
    return data
