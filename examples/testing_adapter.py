"""Property-test an OA adapter with gongkai's hypothesis kit (docs/testing.md).

``OAService`` stands for your integration: it keeps each workflow as a JSON snapshot text
(a database row) and answers clerk actions. Three kinds of tests drive it:

1. a state machine: ``DocumentMachine`` subclassed so that every event gongkai fires is
   also sent to the service, which must answer the same and keep the same state;
2. records that break a rule (``breaking``): the service's audit must flag the rule;
3. walks through a workflow (``histories``): replayed into the service, every step passes.

Run: ``python examples/testing_adapter.py`` (needs ``pip install "gongkai[testing]"``), or
``python -m pytest examples/testing_adapter.py``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from hypothesis import given, settings
from hypothesis.stateful import invariant, run_state_machine_as_test

from gongkai import load_pack
from gongkai.models import Record
from gongkai.testing.machines import DocumentMachine
from gongkai.testing.strategies import Fired, History, breaking, histories
from gongkai.workflows import Decision, DocumentWorkflow, RequestWorkflow, Workflow

WORKFLOWS: dict[str, type[Workflow[Any]]] = {
    "document": DocumentWorkflow,
    "request": RequestWorkflow,
}


class OAService:
    """A toy OA back end: one JSON snapshot text per record, as a database would keep it."""

    def __init__(self) -> None:
        self.rows: dict[str, str] = {}
        self.pack = load_pack("national")

    def create(self, key: str, record: Record) -> None:
        """Register a new record and start its workflow."""
        workflow = WORKFLOWS[str(getattr(record, "kind", ""))](record, pack=self.pack)
        self.rows[key] = json.dumps(workflow.snapshot(), ensure_ascii=False)

    def act(
        self, key: str, event: str, at: datetime, update: Mapping[str, Any] | None, **data: Any
    ) -> bool:
        """A clerk's action: stored only if gongkai allows it."""
        workflow = self.load(key)
        decision = workflow.fire(event, at, update=update, **data)
        if decision:
            self.rows[key] = json.dumps(workflow.snapshot(), ensure_ascii=False)
        return decision.allowed

    def load(self, key: str) -> Workflow[Any]:
        """The workflow as stored."""
        snapshot = json.loads(self.rows[key])
        return WORKFLOWS[snapshot["workflow"]].restore(snapshot, pack=self.pack)

    def audit(self, record: Record) -> set[str]:
        """The rules an imported record violates, as of its last event."""
        report = self.pack.check(record, record.history[-1].at)
        return {finding.rule_id for finding in report.violations}


# -- 1. the state machine ------------------------------------------------------------------


@settings(max_examples=20, stateful_step_count=20)
class OADocumentMachine(DocumentMachine):
    """gongkai's document machine, every fire mirrored into the OA service."""

    def on_started(self, workflow: Workflow[Any]) -> None:
        self.oa = OAService()
        self.oa.create("doc", workflow.record)

    def on_fired(self, step: Fired, decision: Decision) -> None:
        allowed = self.oa.act("doc", step.event, step.at, step.update, **step.data)
        assert allowed == decision.allowed, f"the OA service and gongkai disagree on {step}"

    @invariant()
    def oa_keeps_the_same_workflow(self) -> None:
        stored = self.oa.load("doc")
        assert stored.state is self.workflow.state
        assert stored.record == self.workflow.record


TestOADocuments = OADocumentMachine.TestCase


# -- 2. records that break a rule -------------------------------------------------------


@settings(max_examples=25)
@given(breaking("national.document.secrecy_review"))
def test_audit_flags_publication_without_review(record: Record) -> None:
    assert "national.document.secrecy_review" in OAService().audit(record)


@settings(max_examples=25)
@given(breaking("national.request.reply_20wd"))
def test_audit_flags_late_replies(record: Record) -> None:
    assert "national.request.reply_20wd" in OAService().audit(record)


# -- 3. walks replayed into the service -------------------------------------------------


@settings(max_examples=25)
@given(histories(RequestWorkflow))
def test_request_histories_replay(history: History[Any]) -> None:
    oa = OAService()
    oa.create("req", history.start)
    for step in history.steps:
        assert oa.act("req", step.event, step.at, step.update, **step.data), step
    assert oa.load("req").state.name == history.state


if __name__ == "__main__":
    run_state_machine_as_test(OADocumentMachine)
    print("ok  state machine: the OA service agrees with DocumentWorkflow on every fire")
    test_audit_flags_publication_without_review()
    test_audit_flags_late_replies()
    print("ok  breaking records: the audit flags unreviewed publication and late replies")
    test_request_histories_replay()
    print("ok  histories: request walks replay into the OA service, every step allowed")
