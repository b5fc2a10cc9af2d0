"""Builders of JSON-like records for table-driven tests: ``document(event("submit", "2026-03-02"))``."""

from __future__ import annotations

from typing import Any


def event(name: str, at: str, **data: Any) -> dict[str, Any]:
    """One history event: ``{"name", "at", ...data}``."""
    return {"name": name, "at": at, **data}


def _record(
    kind: str, events: tuple[dict[str, Any], ...], fields: dict[str, Any]
) -> dict[str, Any]:
    return {"kind": kind, **fields, "history": list(events)}


def document(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A document (公文) record with these events and fields."""
    return _record("document", events, fields)


def meeting(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A meeting record with these events and fields."""
    return _record("meeting", events, fields)


def request(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A disclosure request (依申请公开) record with these events and fields."""
    return _record("request", events, fields)


def incident(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An incident (政务舆情) record with these events and fields."""
    return _record("incident", events, fields)


def agency(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An agency record whose history records duties done."""
    return _record("agency", events, fields)


def message(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A public message (网民留言、意见建议、咨询投诉) record with these events and fields."""
    return _record("message", events, fields)
