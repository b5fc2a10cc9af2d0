"""``WorkflowStore``: workflows kept in a database, versioned, with their event log.

Every change is one transaction that reads the workflow's row (locked), restores the
workflow, fires the event and writes the new snapshot with ``version + 1`` together
with a log entry. A caller that read version *v* and passes ``expected_version=v`` is
refused with :class:`~gongkai.errors.ConflictError` when another request moved the
workflow on in between: nothing is written, nothing is lost, the caller reads again.
Blocked decisions are logged too (for the audit trail) and leave the version as it is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from gongkai.calendar import WorkCalendar
from gongkai.errors import ConflictError, WorkflowError, WorkflowNotFoundError
from gongkai.models import Record
from gongkai.rules.pack import Pack, load_pack
from gongkai.rules.report import Finding, Status
from gongkai.store.database import Database, Execute, connect
from gongkai.store.log import LogEntry, replay
from gongkai.timezone import to_shanghai
from gongkai.workflows import WORKFLOW_KINDS, Decision, Workflow


@dataclass(frozen=True)
class Stored:
    """A workflow as stored: its key, its version and the restored workflow."""

    key: str
    version: int
    workflow: Workflow[Any]


@dataclass(frozen=True)
class Fired:
    """The outcome of :meth:`WorkflowStore.fire`: the decision and the version after it."""

    decision: Decision
    version: int
    workflow: Workflow[Any]


class OpenClock(BaseModel):
    """A pending or overdue deadline of a stored workflow."""

    key: str
    workflow: str
    state: str
    finding: Finding


class WorkflowStore:
    """Workflows persisted in SQLite (default) or PostgreSQL; see the module docstring.

    ``url``: ``sqlite:///path.db`` (or a bare path), ``postgresql://…``, or an open
    :class:`~gongkai.store.database.Database`. ``pack`` guards every event (a name, a path
    or a loaded pack); ``calendar`` counts the working days. A store may be shared by
    threads; several processes (or machines, with PostgreSQL) may open the same database.
    """

    def __init__(
        self,
        url: str | Database,
        *,
        pack: Pack | str = "national",
        calendar: WorkCalendar | None = None,
    ) -> None:
        self.database = connect(url) if isinstance(url, str) else url
        self.pack = load_pack(pack) if isinstance(pack, str) else pack
        self.calendar = calendar or WorkCalendar.default()

    # -- writing -----------------------------------------------------------------------

    def create(
        self,
        key: str,
        kind: str,
        record: Record | None = None,
        *,
        at: datetime | date | str | None = None,
    ) -> Stored:
        """Store a new workflow of ``kind`` (``document``, ``meeting``, ``request``,
        ``incident``) under ``key``, from ``record`` (default: an empty record; a record
        with a history starts in the state it leads to). ConflictError if ``key`` exists."""
        if not key.strip():
            raise WorkflowError("工作流编号不能为空", "the workflow key must not be empty")
        workflow = _workflow_class(kind)(record, pack=self.pack, calendar=self.calendar)
        when = _instant(at)
        snapshot = workflow.snapshot()
        with self.database.transaction() as execute:
            if execute("SELECT 1 FROM gongkai_workflows WHERE id = ?", (key,)):
                raise ConflictError(f"工作流 {key} 已存在", f"workflow {key} exists already")
            execute(
                "INSERT INTO gongkai_workflows (id, kind, state, version, snapshot, updated_at)"
                " VALUES (?, ?, ?, 0, ?, ?)",
                (key, kind, snapshot["state"], _json(snapshot), when.isoformat()),
            )
            _append(execute, key, 0, 0, "create", None, when, True, {"snapshot": snapshot})
        return Stored(key, 0, workflow)

    def fire(
        self,
        key: str,
        event: str,
        at: datetime | date | str | None = None,
        *,
        expected_version: int | None = None,
        actor: str | None = None,
        update: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> Fired:
        """Fire ``event`` on the stored workflow in one transaction (see ``Workflow.fire``).

        With ``expected_version``, refuse with ConflictError unless the stored version is
        still that one. Raises WorkflowNotFoundError, WorkflowError (unknown event, bad
        data, an instant before the last event): then nothing is written.
        """
        when = _instant(at)
        with self.database.transaction() as execute:
            version, workflow = self._locked(execute, key)
            if expected_version is not None and expected_version != version:
                raise ConflictError(
                    f"工作流 {key} 已被更新到版本 {version}（请求基于版本 {expected_version}），"
                    "请重新读取后再操作",
                    f"workflow {key} is at version {version}, not {expected_version}: "
                    "read it again before acting",
                    current_version=version,
                )
            decision = workflow.fire(event, when, actor=actor, update=update, **(data or {}))
            after = version + 1 if decision.allowed else version
            if decision.allowed:
                snapshot = workflow.snapshot()
                execute(
                    "UPDATE gongkai_workflows SET state = ?, version = ?, snapshot = ?,"
                    " updated_at = ? WHERE id = ? AND version = ?",
                    (decision.state, after, _json(snapshot), when.isoformat(), key, version),
                )
            (last,) = execute("SELECT MAX(seq) FROM gongkai_log WHERE workflow_id = ?", (key,))
            asked = {
                "actor": actor,
                "update": to_jsonable_python(update),
                "data": to_jsonable_python(data or {}),
                "decision": decision.model_dump(mode="json"),
                "pack": self.pack.name,
                "pack_hash": self.pack.hash,
            }
            _append(execute, key, last[0] + 1, after, "fire", event, when, decision.allowed, asked)
        return Fired(decision, after, workflow)

    # -- reading -----------------------------------------------------------------------

    def get(self, key: str) -> Stored:
        """The workflow stored under ``key``; WorkflowNotFoundError if none."""
        with self.database.transaction(write=False) as execute:
            version, workflow = self._locked(execute, key, lock=False)
        return Stored(key, version, workflow)

    def snapshot(self, key: str) -> tuple[int, dict[str, Any]]:
        """The stored version and snapshot of ``key``, as stored."""
        with self.database.transaction(write=False) as execute:
            row = _row(execute, key, "version, snapshot", "")
        return int(row[0]), json.loads(row[1])

    def log(self, key: str) -> list[LogEntry]:
        """Every entry of the workflow's log, oldest first."""
        with self.database.transaction(write=False) as execute:
            _row(execute, key, "version", "")
            rows = execute(
                "SELECT seq, version, action, event, at, allowed, data FROM gongkai_log"
                " WHERE workflow_id = ? ORDER BY seq",
                (key,),
            )
        return [
            LogEntry(
                seq=s, version=v, action=a, event=e, at=at, allowed=bool(ok), data=json.loads(d)
            )
            for s, v, a, e, at, ok, d in rows
        ]

    def rebuild(self, key: str) -> dict[str, Any]:
        """The snapshot of ``key`` rebuilt from its log alone (equal to the stored one)."""
        return replay(self.log(key))

    def index(self, kind: str | None = None) -> list[tuple[str, str, str, int]]:
        """Key, kind, state and version of every stored workflow (of ``kind``), by key."""
        with self.database.transaction(write=False) as execute:
            rows = execute(
                "SELECT id, kind, state, version FROM gongkai_workflows"
                " WHERE kind = COALESCE(?, kind) ORDER BY id",
                (kind,),
            )
        return [(k, kd, s, int(v)) for k, kd, s, v in rows]

    def open_clocks(
        self, as_of: datetime | date | str, *, kind: str | None = None
    ) -> list[OpenClock]:
        """The pending and overdue deadlines of every stored workflow as of ``as_of``,
        the earliest due first."""
        when = to_shanghai(as_of)
        with self.database.transaction(write=False) as execute:
            rows = execute(
                "SELECT id, kind, snapshot FROM gongkai_workflows"
                " WHERE kind = COALESCE(?, kind) ORDER BY id",
                (kind,),
            )
        found = []
        for key, name, text in rows:
            workflow = self._restore(name, json.loads(text))
            for finding in workflow.check(when).findings:
                if finding.due_at and finding.status in (Status.PENDING, Status.OVERDUE):
                    state = workflow.state.name
                    found.append(OpenClock(key=key, workflow=name, state=state, finding=finding))
        return sorted(found, key=lambda c: (c.finding.due_at, c.key, c.finding.rule_id))

    # -- plumbing ----------------------------------------------------------------------

    def _locked(self, execute: Execute, key: str, *, lock: bool = True) -> tuple[int, Any]:
        suffix = self.database.lock_row if lock else ""
        version, kind, text = _row(execute, key, "version, kind, snapshot", suffix)
        return int(version), self._restore(kind, json.loads(text))

    def _restore(self, kind: str, snapshot: dict[str, Any]) -> Workflow[Any]:
        return _workflow_class(kind).restore(snapshot, pack=self.pack, calendar=self.calendar)

    def close(self) -> None:
        """Close the database connection."""
        self.database.close()

    def __enter__(self) -> WorkflowStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _workflow_class(kind: str) -> type[Workflow[Any]]:
    try:
        return WORKFLOW_KINDS[kind]
    except KeyError:
        known = ", ".join(WORKFLOW_KINDS)
        raise WorkflowError(
            f"没有 {kind} 工作流（可用：{known}）", f"no workflow of kind {kind} (known: {known})"
        ) from None


def _row(execute: Execute, key: str, columns: str, suffix: str) -> tuple[Any, ...]:
    rows = execute(f"SELECT {columns} FROM gongkai_workflows WHERE id = ?{suffix}", (key,))
    if not rows:
        raise WorkflowNotFoundError(f"没有编号为 {key} 的工作流", f"no workflow with key {key}")
    return rows[0]


def _append(
    execute: Execute,
    key: str,
    seq: int,
    version: int,
    action: str,
    event: str | None,
    at: datetime,
    allowed: bool,
    data: dict[str, Any],
) -> None:
    execute(
        "INSERT INTO gongkai_log (workflow_id, seq, version, action, event, at, allowed, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (key, seq, version, action, event, at.isoformat(), int(allowed), _json(data)),
    )


def _instant(at: datetime | date | str | None) -> datetime:
    return to_shanghai(at if at is not None else datetime.now().astimezone())


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
