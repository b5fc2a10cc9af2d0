"""An OA-style service: workflows kept in SQLite by ``gongkai.store``, and the nightly report.

Each action of a clerk is one request to the service: ``WorkflowStore.fire`` reads
the workflow, fires the event and stores the result in ONE transaction, so two
clerks acting at once cannot both be "allowed" on the same state (the lost update of
reading the snapshot outside the transaction). A clerk's screen shows the version it
read; acting with ``expected_version`` refuses the action when someone else moved the
record on meanwhile (``ConflictError``: read again), and nothing is lost. Every
decision, allowed or blocked, is in the store's append-only log with the ids of the
rules that blocked it. At night every stored record is restored and checked as of a
fixed instant; the report lists what is overdue or violated (severity error or
warning: ``info`` findings are advice, not work items), and what falls due within 5
working days.

Run: ``python examples/oa_service_sqlite.py [DATABASE]``; DATABASE is a file path or
``:memory:`` (default: a file in a temporary directory, removed afterwards).
"""

from __future__ import annotations

import sys
import tempfile
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
from gongkai.errors import ConflictError
from gongkai.store import WorkflowStore
from gongkai.workflows import Decision

#: The instant of the nightly run (fixed, so that the output is reproducible).
NIGHTLY = datetime(2026, 4, 1, 18, 0, tzinfo=SHANGHAI)
DUE_SOON_WORKDAYS = 5


def t(text: str) -> datetime:
    """An instant in Asia/Shanghai from 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


class Service:
    """What the OA system calls when a clerk acts on a record."""

    def __init__(self, store: WorkflowStore) -> None:
        self.store = store

    def act(
        self, key: str, event: str, at: str, version: int | None = None, **kwargs: Any
    ) -> Decision:
        """One clerk action in one transaction. ``version``: the version the clerk's screen
        showed (ConflictError if the record moved on since); ``kwargs`` go to ``fire``
        (``actor``, ``update``, ``data``)."""
        return self.store.fire(key, event, t(at), expected_version=version, **kwargs).decision


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
        store.create(key, "document", Document(id=key, title=title), at=opened)
    for key, content in (
        ("YSQ-2026-0007", "2025年度某某街道老旧小区改造资金使用情况"),
        ("YSQ-2026-0011", "某某路拓宽工程环境影响评价报告"),
        ("YSQ-2026-0015", "2025年市政府常务会议纪要目录"),
        ("YSQ-2026-0018", "某某公司安全生产许可证核发材料"),
    ):
        store.create(key, "request", DisclosureRequest(id=key, content=content), at=opened)

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
    act(req, "request_correction", "2026-02-12 10:00", data={"items": ["所需信息的名称或文号"]})
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
    extension = {"by": "20个工作日", "notice": "延期答复告知书"}
    act(req, "extend", "2026-03-31 09:00", data=extension)
    act(req, "extend", "2026-03-31 10:00", data={**extension, "approver": "局长"})


def two_clerks_at_once(service: Service) -> None:
    """Two clerks open the same 公文 (their screens show the same version) and both record
    its secrecy review: the second is refused instead of both being "allowed" and one of
    the two events silently lost; the second clerk reads again and sees the review done."""
    doc = "某政办发〔2026〕12号"
    shown = service.store.get(doc).version
    passed = {"secrecy_review": {"result": "通过", "reviewer": "保密审查员"}}
    service.act(doc, "secrecy_review", "2026-03-20 09:00", shown, actor="clerk A", update=passed)
    try:
        service.act(
            doc, "secrecy_review", "2026-03-20 09:01", shown, actor="clerk B", update=passed
        )
    except ConflictError as err:
        print(f"clerk B refused: version {shown} is stale, now {err.current_version} ({err.en})")
    history = service.store.get(doc).workflow.record.history
    print(
        f"{doc} history: {', '.join(f'{e.name} ({e.actor})' if e.actor else e.name for e in history)}"
    )


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


def nightly_report(store: WorkflowStore) -> list[str]:
    """Restore every stored workflow and list the findings that need attention."""
    calendar = WorkCalendar.default()
    rows: list[tuple[int, str, str, Finding]] = []
    order = {Status.OVERDUE: 0, Status.VIOLATED: 1, Status.PENDING: 2}
    for key, *_ in store.index():
        for finding in store.get(key).workflow.check(NIGHTLY).findings:
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


def print_actions(store: WorkflowStore, key: str) -> None:
    """What the record's page shows: each available event, and what would refuse it."""
    workflow = store.get(key).workflow
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
        with WorkflowStore(database) as store:
            service = Service(store)
            run_day_to_day(service)

            print(f"database: {'temporary file' if len(argv) < 2 else database}")
            print("stored workflows (id, kind, state, version):")
            for key, kind, state, version in store.index():
                print(f"  {key}  {kind}  {state}  {version}")
            print("blocked decisions (audit):")
            for key, *_ in store.index():
                for entry in store.log(key):
                    if not entry.allowed:
                        decision = Decision.model_validate(entry.data["decision"])
                        rules = ", ".join(f.rule_id for f in decision.blocking)
                        print(
                            f"  {key} {entry.event} at {entry.at.isoformat()}: {rules or decision.reason}"
                        )
            two_clerks_at_once(service)

            print_actions(store, "某政办发〔2026〕30号")
            print(f"nightly report as of {NIGHTLY.isoformat()}:")
            report = nightly_report(store)
            print("\n".join(report) if report else "  nothing to report")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
