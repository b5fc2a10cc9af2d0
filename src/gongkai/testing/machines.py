"""Ready hypothesis state machines, one per workflow: subclass one to drive your adapter.

Needs hypothesis: ``pip install "gongkai[testing]"`` (``import gongkai.testing`` alone
does not; this module is not imported by it).

Each machine starts a workflow on a drawn record, then, at increasing instants, fires the
next usual event with fields that pass the guards, any event with random fields (often
refused), an event dated before the last one (must raise), or goes on with the workflow
restored from its stored snapshot. gongkai's invariants are checked after every step.

Override the hooks in your subclass:

- :meth:`~WorkflowStateMachine.on_started` ``(workflow)``: the record entered the
  workflow; create it in your system.
- :meth:`~WorkflowStateMachine.on_fired` ``(step, decision)``: a step was fired on the
  workflow; ``step`` (:class:`~gongkai.testing.strategies.Fired`) is what to pass to your
  adapter, ``decision`` is gongkai's answer, ``self.workflow`` the workflow after it.
- :meth:`~WorkflowStateMachine.stored` ``(snapshot)``: what your storage gives back for a
  snapshot (default: a JSON text round trip).

Add your own ``@invariant()`` methods to compare your system with ``self.workflow``.

Example::

    from gongkai.testing.machines import DocumentMachine

    class OADocuments(DocumentMachine):
        def on_started(self, workflow):
            self.oa = MyOA()  # yours
            self.oa.create(workflow.record)

        def on_fired(self, step, decision):
            assert self.oa.act(step.event, step.at, step.update, step.data) == decision.allowed

    TestOADocuments = OADocuments.TestCase
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar, Generic, TypeVar

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from hypothesis.strategies import SearchStrategy

from gongkai.calendar import WorkCalendar
from gongkai.errors import WorkflowError
from gongkai.models import (
    DisclosureRequest,
    Document,
    Incident,
    IncidentLevel,
    Meeting,
    Record,
    ReviewResult,
)
from gongkai.rules.pack import Pack
from gongkai.rules.report import Status
from gongkai.testing.strategies import (
    Fired,
    _allowance,
    _capped,
    _start_instants,
    _under_2019_text,
    next_move,
    starts,
)
from gongkai.timezone import SHANGHAI
from gongkai.workflows import (
    Decision,
    DocumentState,
    DocumentWorkflow,
    IncidentWorkflow,
    MeetingState,
    MeetingWorkflow,
    RequestWorkflow,
    Workflow,
)

R = TypeVar("R", bound=Record)

#: Minutes between steps: the same instant (解读 released with publication) up to ten days.
_GAPS = st.sampled_from((0, 1, 30, 60, 240, 24 * 60, 3 * 24 * 60, 10 * 24 * 60))


class WorkflowStateMachine(RuleBasedStateMachine, Generic[R]):
    """The rules, hooks and invariants every workflow machine shares."""

    #: The workflow class driven (set by each machine).
    workflow_type: ClassVar[type[Workflow[Any]]]
    #: The pack that guards the events; the invariants are those of the national pack.
    pack: ClassVar[Pack | str] = "national"
    #: Random record fields sent with :meth:`any_event` (None: no update).
    random_updates: ClassVar[SearchStrategy[dict[str, Any] | None]] = st.none()

    def __init__(self) -> None:
        super().__init__()
        self.workflow: Workflow[R] = self.workflow_type(pack=self.pack)
        self.now = datetime.min.replace(tzinfo=SHANGHAI)  # set when the record enters

    # -- hooks -------------------------------------------------------------------------

    def on_started(self, workflow: Workflow[R]) -> None:
        """Called once the record entered the workflow (override: create it in your system)."""

    def on_fired(self, step: Fired, decision: Decision) -> None:
        """Called after each fire, allowed or not (override: fire ``step`` on your adapter)."""

    def stored(self, snapshot: dict[str, Any]) -> Mapping[str, Any]:
        """What your storage gives back for ``snapshot`` (default: JSON text round trip)."""
        loaded: Mapping[str, Any] = json.loads(json.dumps(snapshot, ensure_ascii=False))
        return loaded

    def starts(self) -> SearchStrategy[R]:
        """The records the machine starts from (default: ``strategies.starts``)."""
        return starts(self.workflow_type)

    def probe(self, event: str, at: datetime) -> SearchStrategy[Fired]:
        """``event`` at ``at`` with random, possibly rule-breaking fields."""
        return self.random_updates.map(lambda update: Fired(event, at, update))

    # -- rules -------------------------------------------------------------------------

    @initialize(data=st.data())
    def enter(self, data: st.DataObject) -> None:
        """A drawn record enters the workflow, at an office-hours instant."""
        record = data.draw(self.starts(), label="record")
        self.now = data.draw(_start_instants(), label="now")
        self.workflow = self.workflow_type(record, pack=self.pack)
        self.on_started(self.workflow)

    @rule(data=st.data(), gap=_GAPS)
    def next_event(self, data: st.DataObject, gap: int) -> None:
        """An event the workflow allows next, with fields that pass the guards."""
        self._wait(gap)
        for step in data.draw(next_move(self.workflow, self.now), label="move"):
            self._fire(step)

    @rule(data=st.data(), gap=_GAPS)
    def any_event(self, data: st.DataObject, gap: int) -> None:
        """Any event of the workflow, with random fields: refused ones change nothing."""
        self._wait(gap)
        event = data.draw(st.sampled_from(self.workflow_type.definition.events), label="event")
        self._fire(data.draw(self.probe(event, self.now), label="step"))

    @precondition(lambda self: bool(self.workflow.record.history))
    @rule(data=st.data(), minutes=st.integers(1, 10_000))
    def earlier_than_the_last(self, data: st.DataObject, minutes: int) -> None:
        """An event dated before the last one raises WorkflowError and changes nothing."""
        event = data.draw(st.sampled_from(self.workflow_type.definition.events), label="event")
        before = self.workflow.snapshot()
        at = self.workflow.record.history[-1].at - timedelta(minutes=minutes)
        try:
            self.workflow.fire(event, at)
        except WorkflowError:
            assert self.workflow.snapshot() == before
        else:
            raise AssertionError(f"{event} dated before the last event was accepted")

    @rule()
    def reload(self) -> None:
        """Go on with the workflow restored from its stored snapshot."""
        self.workflow = self._restored()

    # -- invariants --------------------------------------------------------------------

    @invariant()
    def restores_from_its_snapshot(self) -> None:
        """snapshot → storage → restore gives the same state, record and history."""
        restored = self._restored()
        assert restored.state is self.workflow.state
        assert restored.record == self.workflow.record
        assert restored.snapshot() == self.workflow.snapshot()

    @invariant()
    def state_follows_from_the_history(self) -> None:
        """The state is one the history's events lead to."""
        names = [e.name for e in self.workflow.record.history]
        assert self.workflow.state.name in self.workflow_type.definition.possible_states(names)

    # -- internals ---------------------------------------------------------------------

    def _wait(self, minutes: int) -> None:
        self.now = _capped(self.now, self.now + timedelta(minutes=minutes))

    def _restored(self) -> Workflow[R]:
        stored = self.stored(self.workflow.snapshot())
        return self.workflow_type.restore(stored, pack=self.workflow.pack)

    def _fire(self, step: Fired) -> None:
        before = self.workflow.snapshot()
        predicted = step.may(self.workflow)
        assert self.workflow.snapshot() == before, "may() changed the workflow"
        decision = step.fire(self.workflow)
        assert decision == predicted, "fire() and may() disagree"
        if decision:
            assert self.workflow.record.history[-1].name == step.event
            assert self.workflow.state.name == decision.state
        else:
            assert decision.blocking or decision.reason
            assert self.workflow.snapshot() == before, "a refused event changed the workflow"
        self._observe(step, decision)
        self.on_fired(step, decision)

    def _observe(self, step: Fired, decision: Decision) -> None:
        """What a machine records after a fire for its invariants (default: nothing)."""


# -- 公文 -------------------------------------------------------------------------------

#: Submitted and not sent back: a returned draft (退文) is checked again when resubmitted.
_AFTER_SUBMIT = frozenset(DocumentState.__members__) - {"DRAFT", "ATTRIBUTED", "RETURNED"}


@st.composite
def _document_updates(draw: st.DrawFn, at: datetime) -> dict[str, Any] | None:
    """A random update at ``at``, biased towards what moves a document on."""
    if draw(st.integers(0, 3)) == 0:
        return None
    review = st.fixed_dictionaries(
        {
            "result": st.sampled_from(["通过", "通过", "不通过"]),
            "at": st.sampled_from([None, at, at - timedelta(hours=2), at + timedelta(days=2)]),
        }
    )
    fields: dict[str, SearchStrategy[Any]] = {
        "disclosure": st.sampled_from([None, "公开发布", "删减后公开", "依申请公开", "不公开"]),
        "is_policy": st.booleans(),
        "needs_interpretation": st.sampled_from([None, True, False]),
        "interpretation": st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {
                    "plan": st.booleans(),
                    "materials": st.booleans(),
                    "approved_by": st.sampled_from([None, "起草处处长"]),
                }
            ),
        ),
        "secrecy_review": st.one_of(st.none(), review),
        "nondisclosure_reason": st.sampled_from([None, "属于内部事务信息"]),
        "nondisclosure_ground": st.sampled_from([None, "内部事务信息"]),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(fields)), max_size=3, unique=True))
    return {name: draw(fields[name]) for name in chosen}


class DocumentMachine(WorkflowStateMachine[Document]):
    """公文: attribute before submission (国办发〔2016〕80号 四（一）), a passed secrecy
    review before publication (条例 第十七条), policy and interpretation published at the
    same instant (三同步)."""

    workflow_type = DocumentWorkflow

    def probe(self, event: str, at: datetime) -> SearchStrategy[Fired]:
        """``event`` with a random update of the fields the guards read."""
        return _document_updates(at).map(lambda update: Fired(event, at, update))

    @invariant()
    def published_only_after_a_passed_review(self) -> None:
        """Never published without a secrecy review that passed, before publication."""
        record = self.workflow.record
        published = record.first("publish")
        if published is None:
            return
        review = record.secrecy_review
        assert review is not None and review.result is ReviewResult.PASSED
        assert review.at is None or review.at <= published.at

    @invariant()
    def policy_published_with_its_interpretation(self) -> None:
        """A policy document's interpretation is released at the instant it is published."""
        record = self.workflow.record
        published = record.first("publish")
        if published is None or not record.is_policy or record.needs_interpretation is False:
            return
        assert any(e.at == published.at for e in record.events("release_interpretation"))

    @invariant()
    def submitted_only_with_an_attribute(self) -> None:
        """Past submission (and not sent back), the document has its attribute."""
        if self.workflow.state.name in _AFTER_SUBMIT:
            assert self.workflow.record.first("submit") is not None
            assert self.workflow.record.disclosure is not None

    @invariant()
    def published_or_catalogued_by_its_event(self) -> None:
        """The states 已公开 / 已编入目录 are reached only by their events."""
        if self.workflow.state is DocumentState.PUBLISHED:
            assert self.workflow.record.first("publish") is not None
        if self.workflow.state is DocumentState.CATALOGUED:
            assert self.workflow.record.first("enter_catalogue") is not None


# -- 会议 -------------------------------------------------------------------------------

_MEETING_UPDATES = st.one_of(
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


class MeetingMachine(WorkflowStateMachine[Meeting]):
    """Meetings: decisions are taken at the meeting and published after them."""

    workflow_type = MeetingWorkflow
    random_updates = _MEETING_UPDATES

    @invariant()
    def decisions_follow_the_meeting(self) -> None:
        """召开 → 作出决策 → 公开议定事项, in that order."""
        if self.workflow.state in (MeetingState.PUBLISHED, MeetingState.INTERPRETED):
            names = [e.name for e in self.workflow.record.history]
            positions = [names.index(e) for e in ("hold", "decide", "publish_decisions")]
            assert positions == sorted(positions)


# -- 依申请公开 ---------------------------------------------------------------------------

#: The reply deadline rules of the national pack (2019 text and 2007 text).
_REPLY_RULES = ("national.request.reply_20wd", "national.request.reply_15wd_2007")
_EXTENSIONS = st.fixed_dictionaries(
    {"by": st.sampled_from(["20个工作日", "15个工作日", "5个工作日", "21个工作日", "10日"])},
    optional={
        "approver": st.sampled_from(["政府信息公开工作机构负责人 王某", ""]),
        "notice": st.just("已书面告知申请人"),
    },
)
_REPLIES = st.fixed_dictionaries(
    {"reply_type": st.sampled_from([None, "予以公开", "信息不存在", "不予公开", "已公开"])},
    optional={
        "reply_location": st.just("门户网站"),
        "withhold_ground": st.just("国家秘密"),
        "withhold_reason": st.just("经依法定密"),
    },
)


class RequestMachine(WorkflowStateMachine[DisclosureRequest]):
    """依申请公开: the reply clock (条例 第三十三条) never runs shorter, whatever pauses,
    corrections and extensions happen; one extension, one correction notice."""

    workflow_type = RequestWorkflow

    def __init__(self) -> None:
        super().__init__()
        self.due: datetime | None = None  #: the reply due instant now (None while paused)
        self.dues: list[datetime] = []  #: the reply due instant after each allowed fire
        #: each allowed extension of a running deadline, with the due instants around it
        self.extensions: list[tuple[Fired, datetime | None, datetime | None]] = []

    def probe(self, event: str, at: datetime) -> SearchStrategy[Fired]:
        """An extension with random (maybe invalid) data, a reply with a random type."""
        if event == "extend":
            return _EXTENSIONS.map(lambda data: Fired(event, at, data=data))
        if event == "reply":
            return _REPLIES.map(lambda update: Fired(event, at, update))
        return super().probe(event, at)

    def _observe(self, step: Fired, decision: Decision) -> None:
        if not decision:
            return
        report = self.workflow.check(self.now)
        running = [
            f
            for f in report.findings
            if f.rule_id in _REPLY_RULES and f.status is not Status.NOT_APPLICABLE
        ]
        assert len(running) <= 1, "both reply deadline texts apply"
        due = running[0].due_at if running else None
        if step.event == "extend" and running:
            self.extensions.append((step, self.due, due))
        self.due = due
        if due is not None:
            self.dues.append(due)

    @invariant()
    def reply_clock_never_shortened(self) -> None:
        """No event (a pause, a correction, an extension) moves the reply due earlier."""
        assert self.dues == sorted(self.dues), "the reply deadline moved earlier"

    @invariant()
    def extension_adds_its_working_days(self) -> None:
        """A running reply deadline is extended once at most, with approval, by no more than
        the text allows, adding exactly its working days to the due date."""
        assert len(self.extensions) <= 1, "extended twice"
        for step, before, after in self.extensions:
            days = int(str(step.data["by"]).split("个")[0])
            assert days <= _allowance(self.workflow.record) and step.data.get("approver")
            if before is not None and after is not None:  # not while a consultation pauses it
                assert after.date() == WorkCalendar.default().add_workdays(before.date(), days)

    @invariant()
    def correction_requested_once(self) -> None:
        """Under the 2019 text, the applicant is asked for a correction once at most."""
        if _under_2019_text(self.workflow.record):
            assert len(self.workflow.record.events("request_correction")) <= 1


# -- 政务舆情 ---------------------------------------------------------------------------

_HOURS = {
    "national.incident.authoritative_info_5h": 5,
    "national.incident.press_conference_24h": 24,
    "national.incident.other_response_48h": 48,
}
_OTHER = "national.incident.other_response_48h"


class IncidentMachine(WorkflowStateMachine[Incident]):
    """政务舆情: the 5 h / 24 h / 48 h clocks run on the wall clock from detection."""

    workflow_type = IncidentWorkflow
    random_updates = st.one_of(
        st.none(), st.fixed_dictionaries({"level": st.sampled_from([None, *IncidentLevel])})
    )

    @invariant()
    def clocks_are_detection_plus_hours(self) -> None:
        """Each clock that applies is due exactly its hours after ``detect``."""
        record = self.workflow.record
        detected = record.first("detect")
        if detected is None:
            return
        report = self.workflow.check(self.now + timedelta(hours=1))
        major = record.is_emergency and record.level in (
            IncidentLevel.EXTREMELY_MAJOR,
            IncidentLevel.MAJOR,
        )
        for rule_id, hours in _HOURS.items():
            found = report.finding(rule_id)
            assert found is not None, f"{rule_id} did not run"
            applies = record.is_public_opinion and not major if rule_id == _OTHER else major
            if applies:
                assert found.due_at == detected.at + timedelta(hours=hours)
            else:
                assert found.status is Status.NOT_APPLICABLE


__all__ = [
    "DocumentMachine",
    "IncidentMachine",
    "MeetingMachine",
    "RequestMachine",
    "WorkflowStateMachine",
]
