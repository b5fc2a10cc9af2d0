"""The service's request and response bodies (pydantic v2: they make the OpenAPI document)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from gongkai.models import AnyRecord
from gongkai.rules.report import Finding
from gongkai.workflows import Decision


class DeadlineIn(BaseModel):
    """A period to compute: ``start`` (ISO date or datetime; naive = Beijing time) plus
    ``duration`` (``20个工作日``, ``20 workdays``, ``5小时``, ``3日`` …)."""

    start: str = Field(examples=["2026-03-10T09:30"])
    duration: str = Field(examples=["20个工作日"])
    estimate: bool = False  #: count Monday-Friday in a year without an official schedule
    roll: bool = True  #: a natural-day period ending on a day off ends on the next working day


class DeadlineOut(BaseModel):
    """When the period ends; ``estimated`` when a year without official data was counted."""

    start: datetime
    duration: str
    due_at: datetime
    due_date: date
    estimated: bool
    calendar: list[str]


class PackInfo(BaseModel):
    """A bundled rule pack."""

    name: str
    title: str
    extends: list[str]  #: the packs it builds on, nearest first
    rules: int


class WorkflowIn(BaseModel):
    """A workflow to create under ``key`` (the OA system's 文号 or 申请编号, without ``/``)."""

    key: str = Field(min_length=1, pattern=r"^[^/]+$", examples=["YSQ-2026-0007"])
    kind: str = Field(examples=["request"])  #: document | meeting | request | incident
    record: AnyRecord | None = None  #: default: an empty record of the kind
    at: datetime | None = None  #: the instant of creation (default: now)


class EventIn(BaseModel):
    """An event to fire. With ``version`` (the version the caller read), a workflow that
    moved on since is refused with 409 and nothing is written."""

    event: str = Field(examples=["receive"])
    at: datetime | None = None  #: when it happened (default: now); naive = Beijing time
    actor: str | None = None
    update: dict[str, Any] | None = None  #: record fields set with the event
    data: dict[str, Any] = Field(default_factory=dict)  #: the event's data (approver, notice …)
    version: int | None = None


class WorkflowOut(BaseModel):
    """A stored workflow: its version, state, the events it has a step for, its snapshot."""

    key: str
    kind: str
    version: int
    state: str
    available: list[str]
    snapshot: dict[str, Any]


class WorkflowRow(BaseModel):
    """One line of the list of stored workflows."""

    key: str
    kind: str
    state: str
    version: int


class FiredOut(BaseModel):
    """The decision on an event; ``clocks``: the workflow's pending and overdue deadlines
    as of the event, once it is applied (or refused)."""

    decision: Decision
    version: int
    state: str
    clocks: list[Finding]
