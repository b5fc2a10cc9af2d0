"""The meeting workflow: worked paths, guards from a locality pack, a hypothesis state machine."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from gongkai.errors import WorkflowError
from gongkai.models import Meeting
from gongkai.rules.pack import load_pack
from gongkai.timezone import to_shanghai
from gongkai.workflows import Decision, MeetingState, MeetingWorkflow

NATIONAL = load_pack("national")
ANHUI = load_pack("anhui")
T0 = to_shanghai(datetime(2024, 5, 6, 9, 0))

MAJOR = {
    "title": "市政府常务会议：老旧小区改造方案",
    "meeting_kind": "常务会议",
    "major_decision": True,
    "major_livelihood": True,
}
GOOD_PLAN = {"plan": {"states_attendance": True, "states_openness": True}}


def _rules(decision: Decision) -> list[str]:
    return [f.rule_id for f in decision.blocking]


def _drive(wf: MeetingWorkflow, events: list[tuple[str, dict[str, Any] | None]]) -> datetime:
    at = T0
    for event, update in events:
        at += timedelta(days=1)
        decision = wf.fire(event, at, update=update)
        assert decision.allowed, (event, decision)
    return at


def test_meeting_from_topic_to_interpretation() -> None:
    wf = MeetingWorkflow(Meeting.model_validate(MAJOR), pack=NATIONAL)
    assert wf.state is MeetingState.NEW
    _drive(
        wf,
        [
            ("propose_topic", None),
            ("draft_plan", GOOD_PLAN),
            ("pre_disclose", None),
            ("consult_public", None),
            ("submit_plan", None),
            ("approve_plan", None),
            ("stream_live", None),
            ("hold", None),
            ("decide", None),
            ("publish_decisions", None),
            ("publish_adoption", None),
            ("interpret", None),
        ],
    )
    assert wf.state.name == "INTERPRETED"
    assert wf.available() == ["publish_adoption"]
    assert len(wf.record.history) == 12


def test_decision_without_prior_disclosure_is_blocked_by_anhui() -> None:
    wf = MeetingWorkflow(Meeting.model_validate(MAJOR), pack=ANHUI)
    at = _drive(
        wf,
        [
            ("propose_topic", None),
            ("draft_plan", GOOD_PLAN),
            ("submit_plan", None),
            ("approve_plan", None),
            ("hold", None),
        ],
    )
    decision = wf.fire("decide", at + timedelta(hours=2))
    assert not decision.allowed
    assert set(_rules(decision)) == {
        "anhui.meeting.pre_disclosure",
        "anhui.meeting.participation_mandatory",
    }
    assert all(f.source.document for f in decision.blocking)
    assert wf.state is MeetingState.HELD
    # the draft can no longer be published before the meeting: the step is closed
    late = wf.fire("pre_disclose", at + timedelta(hours=3))
    assert not late.allowed and late.reason and "HELD" in late.reason


def test_plan_without_openness_opinion_is_blocked_by_anhui() -> None:
    wf = MeetingWorkflow(Meeting.model_validate(MAJOR), pack=ANHUI)
    at = _drive(wf, [("propose_topic", None), ("draft_plan", None)])
    blocked = wf.fire("submit_plan", at + timedelta(hours=1))
    assert _rules(blocked) == ["anhui.meeting.plan_disclosure_opinion"]
    # the same plan is fine under the national pack, which has no such rule
    assert MeetingWorkflow(wf.record, pack=NATIONAL).may("submit_plan", at + timedelta(hours=1))
    assert wf.fire("draft_plan", at + timedelta(hours=2), update=GOOD_PLAN).allowed
    assert wf.fire("submit_plan", at + timedelta(hours=3)).state == "PLAN_SUBMITTED"


def test_wrong_state_unknown_event_and_time_order() -> None:
    wf = MeetingWorkflow(pack=NATIONAL)
    refused = wf.fire("hold", T0)
    assert not refused.allowed and refused.reason and "NEW" in refused.reason
    with pytest.raises(WorkflowError, match="publish"):
        wf.fire("publish", T0)
    wf.fire("propose_topic", T0)
    with pytest.raises(WorkflowError):
        wf.fire("draft_plan", T0 - timedelta(seconds=1))
    before = wf.snapshot()
    assert wf.may("draft_plan", T0).allowed
    assert wf.snapshot() == before


def test_snapshot_restore() -> None:
    wf = MeetingWorkflow(Meeting.model_validate(MAJOR), pack=ANHUI)
    _drive(wf, [("propose_topic", None), ("draft_plan", GOOD_PLAN), ("pre_disclose", None)])
    data = json.loads(json.dumps(wf.snapshot(), ensure_ascii=False))
    assert data["pack"] == "anhui"
    back = MeetingWorkflow.restore(data)
    assert back.pack.name == "anhui"
    assert back.state is wf.state and back.record == wf.record
