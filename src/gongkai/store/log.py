"""The append-only event log of a stored workflow, and the replay that rebuilds its snapshot."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel

from gongkai.errors import StoreError
from gongkai.models import load_record
from gongkai.workflows.base import next_record


class LogEntry(BaseModel):
    """One row of the log: the creation of a workflow, or one decision on it.

    ``data`` holds, for ``create``, the snapshot created (``{"snapshot": …}``); for
    ``fire``, what was asked (``actor``, ``update``, ``data``), the ``decision`` and the
    ``pack`` / ``pack_hash`` that decided.
    """

    seq: int
    version: int
    action: Literal["create", "fire"]
    event: str | None
    at: datetime
    allowed: bool
    data: dict[str, Any]


def replay(entries: Iterable[LogEntry]) -> dict[str, Any]:
    """The snapshot the log leads to: the snapshot created, with every allowed event applied
    in order exactly as firing it did (guards are not evaluated again: they were, then)."""
    ordered = sorted(entries, key=lambda e: e.seq)
    if not ordered or ordered[0].action != "create":
        raise StoreError("日志不以创建记录开始", "the log does not start with a creation entry")
    snapshot = dict(ordered[0].data["snapshot"])
    record = load_record(snapshot["record"])
    for entry in ordered[1:]:
        if not entry.allowed or entry.event is None:
            continue
        asked = entry.data
        record = next_record(
            record,
            entry.event,
            entry.at,
            actor=asked.get("actor"),
            update=asked.get("update"),
            data=asked.get("data"),
        )
        snapshot.update(
            state=asked["decision"]["state"], pack=asked["pack"], pack_hash=asked["pack_hash"]
        )
    snapshot["record"] = record.model_dump(mode="json")
    return snapshot
