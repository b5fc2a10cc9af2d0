"""An OA-style service: workflows persisted as snapshots in SQLite, and the nightly report.

Each action of a clerk is one request to the service: load the workflow from the
database (``restore``), ``fire`` the event, store the result. An allowed decision
replaces the stored snapshot; every decision, allowed or blocked, is written to an
audit table with the ids of the rules that blocked it. At night every stored record
is restored and checked as of a fixed instant; the report lists what is overdue or
violated (severity error or warning: ``info`` findings are advice, not work items),
and what falls due within 5 working days.

Run: ``python examples/oa_service_sqlite.py [DATABASE]``; DATABASE is a file path or
``:memory:`` (default: a file in a temporary directory, removed afterwards).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from gongkai import (
    SHANGHAI,
    DisclosureRequest,
    Document,
    Finding,
    Severity,
    Status,
    WorkCalendar,
)
from gongkai.workflows import Decision, DocumentWorkflow, RequestWorkflow, Workflow

#: The instant of the nightly run (fixed, so that the output is reproducible).
NIGHTLY = datetime(2026, 4, 1, 18, 0, tzinfo=SHANGHAI)
DUE_SOON_WORKDAYS = 5

WORKFLOWS: dict[str, type[Workflow[Any]]] = {
    "document": DocumentWorkflow,
    "request": RequestWorkflow,
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS workflows (
    id         TEXT PRIMARY KEY,  -- the OA system's key (文号, 申请编号)
    kind       TEXT NOT NULL,     -- snapshot["workflow"]: document | request | ...
    state      TEXT NOT NULL,     -- state name, e.g. SUBMITTED (for queries and work lists)
    snapshot   TEXT NOT NULL,     -- Workflow.snapshot() as JSON
    updated_at TEXT NOT NULL      -- instant of the last allowed decision (ISO 8601)
);
CREATE TABLE IF NOT EXISTS decisions (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    workflow_id TEXT NOT NULL REFERENCES workflows(id),
    event       TEXT NOT NULL,
    at          TEXT NOT NULL,
    allowed     INTEGER NOT NULL,
    state       TEXT NOT NULL,    -- the state after the decision (unchanged when blocked)
    blocking    TEXT NOT NULL,    -- JSON list of the rule ids that blocked the event
    reason      TEXT              -- why, when no rule blocked it (event not allowed in the state)
);
"""


def t(text: str) -> datetime:
    """An instant in Asia/Shanghai from 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


class Store:
    """Workflows as rows of snapshots, plus the audit trail of decisions."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.executescript(SCHEMA)

    def create(self, key: str, workflow: Workflow[Any], at: datetime) -> None:
        """Store a new workflow."""
        with self.conn:
            self._put(key, workflow, at)

    def load(self, key: str) -> Workflow[Any]:
        """Rebuild the workflow stored under ``key``."""
        row = self.conn.execute("SELECT snapshot FROM workflows WHERE id = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        snapshot = json.loads(row[0])
        return WORKFLOWS[snapshot["workflow"]].restore(snapshot)

    def record(self, key: str, workflow: Workflow[Any], decision: Decision) -> None:
        """Write the decision to the audit table; store the new snapshot when it was allowed."""
        with self.conn:  # one transaction: snapshot and audit row together
            if decision.allowed:
                self._put(key, workflow, decision.at)
            self.conn.execute(
                "INSERT INTO decisions (workflow_id, event, at, allowed, state, blocking, reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, decision.event, decision.at.isoformat(), int(decision.allowed),
                 decision.state, json.dumps([f.rule_id for f in decision.blocking]),
                 decision.reason),
            )  # fmt: skip

    def all(self) -> Iterator[tuple[str, Workflow[Any]]]:
        """Every stored workflow, restored, in key order."""
        keys = [row[0] for row in self.conn.execute("SELECT id FROM workflows ORDER BY id")]
        for key in keys:
            yield key, self.load(key)

    def blocked(self) -> list[tuple[str, str, str, list[str], str | None]]:
        """The audit rows of blocked decisions: key, event, at, rule ids, reason."""
        rows = self.conn.execute(
            "SELECT workflow_id, event, at, blocking, reason FROM decisions"
            " WHERE allowed = 0 ORDER BY seq"
        )
        return [(k, e, at, json.loads(b), r) for k, e, at, b, r in rows]

    def _put(self, key: str, workflow: Workflow[Any], at: datetime) -> None:
        snapshot = workflow.snapshot()
        self.conn.execute(
            "INSERT INTO workflows (id, kind, state, snapshot, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, state = excluded.state,"
            " snapshot = excluded.snapshot, updated_at = excluded.updated_at",
            (key, snapshot["workflow"], snapshot["state"],
             json.dumps(snapshot, ensure_ascii=False), at.isoformat()),
        )  # fmt: skip


class Service:
    """What the OA system calls when a clerk acts on a record."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def act(self, key: str, event: str, at: str, **kwargs: Any) -> Decision:
        """Load, fire, store: one clerk action. ``kwargs`` go to ``fire`` (actor, update, data)."""
        workflow = self.store.load(key)
        decision = workflow.fire(event, t(at), **kwargs)
        self.store.record(key, workflow, decision)
        return decision


def run_day_to_day(service: Service) -> None:
    """A month of clerk actions on four documents and four disclosure requests."""
    store = service.store
    opened = t("2026-02-01 09:00")
    for key, title in (
        ("某政办发〔2026〕12号", "关于印发某某市数字政府建设三年行动方案的通知"),
        ("某政办发〔2026〕30号", "关于进一步优化营商环境的若干措施"),
        ("某政办函〔2026〕5号", "关于某某工程项目用地有关问题的函"),
        ("某政办发〔2026〕25号", "关于做好春季森林防火工作的通知"),
    ):
        store.create(key, DocumentWorkflow(Document(id=key, title=title)), opened)
    for key, content in (
        ("YSQ-2026-0007", "2025年度某某街道老旧小区改造资金使用情况"),
        ("YSQ-2026-0011", "某某路拓宽工程环境影响评价报告"),
        ("YSQ-2026-0015", "2025年市政府常务会议纪要目录"),
        ("YSQ-2026-0018", "某某公司安全生产许可证核发材料"),
    ):
        store.create(key, RequestWorkflow(DisclosureRequest(id=key, content=content)), opened)

    act = service.act
    public = {"disclosure": "公开发布"}
    passed = {"secrecy_review": {"result": "通过", "reviewer": "保密审查员"}}

    # A document signed in February and never published: its 20 working days run out.
    doc = "某政办发〔2026〕12号"
    act(doc, "set_attribute", "2026-02-09 09:00", update=public)
    act(doc, "submit", "2026-02-09 10:00")
    act(doc, "sign", "2026-02-10 16:00", actor="常务副市长")
    act(doc, "issue", "2026-02-11 09:00")
    act(doc, "publish", "2026-03-02 10:00")  # blocked: no secrecy review yet

    # A policy document: submitted without attribute and interpretation, then completed.
    doc = "某政办发〔2026〕30号"
    act(doc, "draft", "2026-03-02 09:00", actor="市发展改革委", update={"is_policy": True})
    act(doc, "submit", "2026-03-02 10:00")  # blocked: attribute and interpretation missing
    act(doc, "set_attribute", "2026-03-02 11:00", update=public)
    bundle = {"plan": True, "materials": True, "approved_by": "市发展改革委主任"}
    act(doc, "submit", "2026-03-02 14:00", update={"interpretation": bundle})
    act(doc, "review", "2026-03-04 10:00")
    act(doc, "sign", "2026-03-06 16:00", actor="市长")
    act(doc, "issue", "2026-03-09 09:00")

    # A letter disclosed on request only: catalogued, no publication clock.
    doc = "某政办函〔2026〕5号"
    act(doc, "set_attribute", "2026-03-03 09:00", update={"disclosure": "依申请公开"})
    act(doc, "submit", "2026-03-03 10:00")
    act(doc, "sign", "2026-03-04 10:00")
    act(doc, "issue", "2026-03-04 15:00")
    act(doc, "enter_catalogue", "2026-03-05 09:00")

    # A document published in time, after a passed secrecy review.
    doc = "某政办发〔2026〕25号"
    act(doc, "set_attribute", "2026-03-02 09:00", update=public)
    act(doc, "submit", "2026-03-02 10:00")
    act(doc, "sign", "2026-03-03 10:00")
    act(doc, "issue", "2026-03-03 15:00")
    act(doc, "secrecy_review", "2026-03-05 10:00", update=passed)
    act(doc, "publish", "2026-03-05 15:00")

    # A request received on 10 March, being handled: due soon.
    req = "YSQ-2026-0007"
    act(req, "receive", "2026-03-10 09:30", update={"channel": "网络"})
    act(req, "register", "2026-03-10 10:00")

    # A request corrected once (the clock restarts from zero), never answered: overdue.
    req = "YSQ-2026-0011"
    act(req, "receive", "2026-02-09 10:00")
    act(req, "request_correction", "2026-02-12 10:00", items=["所需信息的名称或文号"])
    act(req, "receive_correction", "2026-02-26 10:00")

    # A reply without a reply type is blocked; with one it goes through.
    req = "YSQ-2026-0015"
    act(req, "receive", "2026-03-02 09:00")
    act(req, "reply", "2026-03-20 10:00")  # blocked: no reply type (第三十六条)
    act(req, "reply", "2026-03-20 10:05", update={"reply_type": "予以公开"})
    act(req, "archive", "2026-03-23 09:00")

    # A third party consulted (the clock pauses), then an extension: first without the
    # approver (blocked), then approved and notified.
    req = "YSQ-2026-0018"
    act(req, "receive", "2026-03-16 09:00")
    act(req, "consult_third_party", "2026-03-18 09:00")
    act(req, "third_party_replied", "2026-03-30 09:00")
    act(req, "extend", "2026-03-31 09:00", by="20个工作日", notice="延期答复告知书")
    act(req, "extend", "2026-03-31 10:00", by="20个工作日", approver="局长",
        notice="延期答复告知书")  # fmt: skip


def needs_attention(finding: Finding, calendar: WorkCalendar) -> bool:
    """Overdue or violated, or pending with a due date within DUE_SOON_WORKDAYS working days
    (``info`` findings, such as a non-default 公开属性, are left to the record's own page)."""
    if finding.severity is Severity.INFO:
        return False
    if finding.status in (Status.OVERDUE, Status.VIOLATED):
        return True
    if finding.status is not Status.PENDING or finding.due_at is None:
        return False
    left = calendar.workdays_between(NIGHTLY.date(), finding.due_at.date())
    return left <= DUE_SOON_WORKDAYS


def nightly_report(store: Store) -> list[str]:
    """Restore every stored workflow and list the findings that need attention."""
    calendar = WorkCalendar.default()
    rows: list[tuple[int, str, str, Finding]] = []
    order = {Status.OVERDUE: 0, Status.VIOLATED: 1, Status.PENDING: 2}
    for key, workflow in store.all():
        for finding in workflow.check(NIGHTLY).findings:
            if needs_attention(finding, calendar):
                due = finding.due_at.isoformat() if finding.due_at else ""
                rows.append((order[finding.status], due, key, finding))
    lines = []
    for _, _, key, f in sorted(rows, key=lambda r: r[:3]):
        due = f"{f.due_at:%Y-%m-%d}" if f.due_at else "—"
        if f.status is Status.PENDING and f.due_at is not None:
            left = calendar.workdays_between(NIGHTLY.date(), f.due_at.date())
            due += f" ({left} working days left)"
        estimated = " estimated" if f.estimated else ""
        lines.append(f"{f.status.value:<8} {due}{estimated}  {key}  {f.rule_id}")
        lines.append(f"         {f.title}（{f.source.document} {f.source.clause or ''}）")
    return lines


def print_actions(store: Store, key: str) -> None:
    """What the record's page shows: each available event, and what would refuse it."""
    workflow = store.load(key)
    print(f"actions for {key} in state {workflow.state.name}:")
    for event in workflow.available():
        decision = workflow.may(event, NIGHTLY)
        if decision.allowed:
            print(f"  {event}: allowed")
        elif decision.blocking:
            print(f"  {event}: blocked by {', '.join(f.rule_id for f in decision.blocking)}")
        else:  # no rule refused it: the workflow has no step for it now
            print(f"  {event}: not allowed ({decision.reason})")


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        database = argv[1] if len(argv) > 1 else str(Path(tmp) / "oa.sqlite3")
        conn = sqlite3.connect(database)
        try:
            store = Store(conn)
            run_day_to_day(Service(store))

            print(f"database: {'temporary file' if len(argv) < 2 else database}")
            print("stored workflows (id, kind, state, updated_at):")
            for row in conn.execute(
                "SELECT id, kind, state, updated_at FROM workflows ORDER BY id"
            ):
                print("  " + "  ".join(row))
            print("blocked decisions (audit):")
            for key, event, at, rules, reason in store.blocked():
                print(f"  {key} {event} at {at}: {', '.join(rules) or reason}")

            print_actions(store, "某政办发〔2026〕30号")
            print(f"nightly report as of {NIGHTLY.isoformat()}:")
            report = nightly_report(store)
            print("\n".join(report) if report else "  nothing to report")
        finally:
            conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
