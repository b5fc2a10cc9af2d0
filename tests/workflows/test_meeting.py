"""The meeting workflow: worked paths, guards from a locality pack, a hypothesis state machine."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

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


# -- hypothesis ------------------------------------------------------------------------

EVENTS = MeetingWorkflow.definition.events
USUAL: dict[str, tuple[str, ...]] = {
    "NEW": ("propose_topic",),
    "TOPIC_PROPOSED": ("draft_plan", "pre_disclose"),
    "PLAN_DRAFTED": ("submit_plan", "consult_public", "draft_plan"),
    "PLAN_SUBMITTED": ("approve_plan",),
    "PLAN_APPROVED": ("hold", "pre_disclose"),
    "HELD": ("decide",),
    "DECIDED": ("publish_decisions",),
    "PUBLISHED": ("interpret", "publish_adoption"),
    "INTERPRETED": ("publish_adoption",),
}
_gaps = st.sampled_from([0, 1, 60, 60 * 24])
_updates = st.one_of(
    st.none(),
    st.fixed_dictionaries(
        {},
        optional={
            "meeting_kind": st.sampled_from([None, "常务会议", "专题会议", "电视电话会议"]),
            "major_decision": st.booleans(),
            "major_livelihood": st.booleans(),
            "involves_secrets": st.booleans(),
            "public_interest": st.booleans(),
            "consulted_before": st.booleans(),
            "plan": st.one_of(
                st.none(),
                st.fixed_dictionaries(
                    {
                        "states_attendance": st.booleans(),
                        "states_openness": st.booleans(),
                        "feedback_note_attached": st.booleans(),
                    }
                ),
            ),
        },
    ),
)
ORDER = ("hold", "decide", "publish_decisions")


class MeetingMachine(RuleBasedStateMachine):
    """Random events and updates under the anhui pack, which guards ``submit_plan``/``decide``."""

    def __init__(self) -> None:
        super().__init__()
        self.wf = MeetingWorkflow(Meeting.model_validate(MAJOR), pack=ANHUI)
        self.now = T0

    def _fire(self, event: str, gap: int, update: dict[str, Any] | None) -> Decision:
        self.now += timedelta(minutes=gap)
        before = self.wf.snapshot()
        decision = self.wf.fire(event, self.now, update=update)
        if not decision.allowed:
            assert self.wf.snapshot() == before
        return decision

    @rule(event=st.sampled_from(EVENTS), gap=_gaps, update=_updates)
    def random_event(self, event: str, gap: int, update: dict[str, Any] | None) -> None:
        self._fire(event, gap, update)

    @rule(data=st.data(), gap=_gaps, update=_updates)
    def usual_event(self, data: st.DataObject, gap: int, update: dict[str, Any] | None) -> None:
        event = data.draw(st.sampled_from(USUAL[self.wf.state.name]))
        if not data.draw(st.booleans()):
            update = GOOD_PLAN if event == "draft_plan" else None
        self._fire(event, gap, update)

    @rule(minutes=st.integers(1, 1000))
    @precondition(lambda self: bool(self.wf.record.history))
    def out_of_order(self, minutes: int) -> None:
        with pytest.raises(WorkflowError):
            self.wf.fire(
                "propose_topic", self.wf.record.history[-1].at - timedelta(minutes=minutes)
            )

    @rule(event=st.sampled_from(EVENTS), gap=_gaps, update=_updates)
    def snapshot_restore(self, event: str, gap: int, update: dict[str, Any] | None) -> None:
        copy = MeetingWorkflow.restore(json.loads(json.dumps(self.wf.snapshot())))
        assert copy.state is self.wf.state and copy.record == self.wf.record
        self.now += timedelta(minutes=gap)
        predicted = copy.may(event, self.now, update=update)
        assert copy.fire(event, self.now, update=update) == predicted
        assert self.wf.fire(event, self.now, update=update) == predicted
        assert copy.state is self.wf.state and copy.record == self.wf.record
        self.wf = copy

    @invariant()
    def decisions_follow_the_meeting(self) -> None:
        names = [e.name for e in self.wf.record.history]
        if self.wf.state in (MeetingState.PUBLISHED, MeetingState.INTERPRETED):
            positions = [names.index(e) for e in ORDER]
            assert positions == sorted(positions)

    @invariant()
    def major_decision_disclosed_before(self) -> None:
        record = self.wf.record
        decided = record.first("decide")
        if decided is None:
            return
        if (
            record.major_decision
            and record.meeting_kind is not None
            and record.meeting_kind.value in ("常务会议", "集体审议", "部门办公会议")
            and not record.involves_secrets
        ):
            disclosed = record.first("pre_disclose")
            assert disclosed is not None and disclosed.at <= decided.at

    @invariant()
    def state_follows_from_the_history(self) -> None:
        names = [e.name for e in self.wf.record.history]
        assert self.wf.state.name in MeetingWorkflow.definition.possible_states(names)


MeetingMachine.TestCase.settings = settings(
    max_examples=settings().max_examples,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestMeetingMachine = MeetingMachine.TestCase
