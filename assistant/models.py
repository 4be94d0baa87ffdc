"""Pydantic models at the public edge, exactly as ../shared/CONTRACT.md names them."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Intent(StrEnum):
    ELIGIBILITY = "eligibility"
    DATES = "dates"
    FUNDING = "funding"
    CONTACTS = "contacts"
    MATERIALS = "materials"
    PROCESS = "process"
    TOPICS = "topics"
    RULES = "rules"
    OTHER = "other"
    OUT_OF_SCOPE = "out_of_scope"


class Citation(BaseModel):
    id: str
    section: str
    text: str
    score: float = 0.0


class RuleCitation(BaseModel):
    id: str
    section: str
    text: str


class RuleResult(BaseModel):
    id: str
    passed: bool | None
    message: str
    strength: Literal["hard", "in_principle"] = "hard"
    citation: RuleCitation


class SubmissionWindow(BaseModel):
    status: Literal["open", "not_yet_open", "closed"]
    opens: dt.date
    closes: dt.date


class MissingFact(BaseModel):
    field: str
    question: str


class Eligibility(BaseModel):
    verdict: Literal["eligible", "ineligible", "unknown"]
    rules: list[RuleResult]
    missing: list[str]
    # Beside `missing` (kept a plain list of field names, as the contract says): the question
    # to ask the user for each missing fact, in the language of the request.
    follow_up: list[MissingFact] = Field(default_factory=list)
    submission_window: SubmissionWindow


class Answer(BaseModel):
    answer: str
    intent: Intent
    citations: list[Citation] = Field(default_factory=list)
    eligibility: Eligibility | None = None
    language: Literal["zh", "en"] = "zh"
    session_id: str | None = None
    topic: str | None = None
    # Set at the HTTP edge (api/app.py) for `POST /api/feedback`; None outside the API.
    answer_id: str | None = None


OrgType = Literal[
    "university", "research_institute", "public_institution", "enterprise",
    "social_organization", "individual", "other", "new_rd_institution",
]
# Which of these a notice accepts comes from the loaded corpus (Corpus.org_types, Corpus.levels);
# api/app.py answers a value the notice does not know with a 422 naming the allowed ones.
ProjectLevel = Literal["major", "key", "general"]
Title = Literal["senior", "associate_senior", "intermediate", "junior", "none"]
Degree = Literal["doctorate", "master", "bachelor", "other"]


class Profile(BaseModel):
    """What an applicant tells us; every field optional (unknown until stated)."""

    model_config = ConfigDict(extra="forbid")

    org_type: OrgType | None = None
    independent_legal_person: bool | None = None
    located_in_zhengzhou: bool | None = None
    credit_blacklisted: bool | None = None
    serious_misconduct_in_penalty: bool | None = None
    age: int | None = Field(default=None, ge=0, le=150, strict=True)  # strict: `true` is not 1
    project_level: ProjectLevel | None = None
    title: Title | None = None
    degree: Degree | None = None
    applications_this_year: int | None = Field(default=None, ge=0, le=1000, strict=True)
    overdue_city_project: bool | None = None
    org_quota_used: int | None = Field(default=None, ge=0, le=1000, strict=True)
    classified_content: bool | None = None
    already_city_funded: bool | None = None
    recommending_departments: int | None = Field(default=None, ge=0, le=1000, strict=True)

    def merged(self, newer: Profile) -> Profile:
        """Facts stated later override earlier ones; unstated ones are kept."""
        data = self.model_dump()
        data.update(newer.model_dump(exclude_none=True))
        return Profile(**data)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # (a bound on what is parsed at all; the served limit is ASSISTANT_MAX_QUESTION_CHARS, checked after NFKC)
    question: str = Field(min_length=1, max_length=4000)
    today: dt.date | None = None
    session_id: str | None = Field(default=None, min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:\-]+$")


class FeedbackRequest(BaseModel):
    """`POST /api/feedback`; rating and comment length are checked by the handler (their own 422 codes)."""

    model_config = ConfigDict(extra="forbid")

    answer_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")
    rating: str = Field(max_length=16)
    comment: str | None = Field(default=None, max_length=5000)


class EligibilityRequest(Profile):
    today: dt.date | None = None
    language: Literal["zh", "en"] = "zh"
