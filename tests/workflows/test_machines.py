"""Build-time validation of workflow graphs, replay of histories, diagrams and the CLI; the
state machines gongkai ships for integrators (gongkai.testing.machines) run and call their
hooks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import Enum
from typing import Any

import pytest
from hypothesis import Phase, settings
from hypothesis.stateful import invariant, run_state_machine_as_test

from gongkai.cli.main import main
from gongkai.errors import GongkaiError, WorkflowError
from gongkai.models import Document, Meeting, MeetingKind
from gongkai.testing.machines import (
    DocumentMachine,
    IncidentMachine,
    MeetingMachine,
    RequestMachine,
)
from gongkai.testing.strategies import Fired
from gongkai.workflows import Decision, DocumentWorkflow, MeetingWorkflow, Workflow
from gongkai.workflows.base import Step, WorkflowMachine
from gongkai.workflows.diagram import (
    markdown_section,
    mermaid,
    transition_table,
    workflow_machine,
    workflow_machines,
)


class Light(Enum):
    OFF = "关"
    ON = "开"
    BROKEN = "坏"
    GONE = "拆除"


class Other(Enum):
    OFF = "关"
    FLICKER = "闪烁"


def _build(
    steps: Sequence[Step],
    *,
    final: Sequence[Enum] = (Light.GONE,),
    initial: Enum = Light.OFF,
) -> WorkflowMachine:
    return WorkflowMachine("light", Meeting, Light, initial, steps, final=final)


GOOD = (
    Step("propose_topic", ("OFF",), "ON", zh="开灯"),
    Step("draft_plan", ("ON",), "OFF", zh="关灯"),
    Step("submit_plan", ("ON", "OFF"), "BROKEN", zh="损坏"),
    Step("approve_plan", ("BROKEN",), "OFF", zh="修理"),
    Step("hold", ("BROKEN",), "GONE", zh="拆除"),
)


def test_a_valid_machine_builds() -> None:
    machine = _build(GOOD)
    assert machine.events == ("propose_topic", "draft_plan", "submit_plan", "approve_plan", "hold")
    assert machine.triggers("BROKEN") == ["approve_plan", "hold"]
    assert machine.final == {"GONE"}


def test_unreachable_state_is_refused() -> None:
    steps = [s for s in GOOD if s.event != "submit_plan"]
    with pytest.raises(WorkflowError) as err:
        _build(steps)
    assert "不可达" in err.value.zh and "BROKEN" in err.value.zh
    assert "unreachable states: ['BROKEN', 'GONE']" in err.value.en
    assert str(err.value).startswith("工作流 light 定义有误")


def test_trap_state_is_refused() -> None:
    # BROKEN can be entered but never left, and it is not final
    trapped = [s for s in GOOD if s.event not in ("approve_plan", "hold")]
    trapped.append(Step("hold", ("ON",), "GONE"))
    with pytest.raises(WorkflowError) as err:
        _build(trapped)
    assert "陷阱状态" in err.value.zh and "BROKEN" in err.value.zh
    assert "trap states: ['BROKEN']" in err.value.en
    # declared final, the same state is fine
    assert _build(trapped, final=(Light.GONE, Light.BROKEN)).final == {"GONE", "BROKEN"}


def test_unknown_guard_rule_is_refused() -> None:
    steps = [*GOOD[:-1], Step("hold", ("BROKEN",), "GONE", guards=("national.light.nope",))]
    with pytest.raises(WorkflowError) as err:
        _build(steps)
    assert "national.light.nope" in err.value.zh and "hold" in err.value.zh
    assert "guard national.light.nope of hold names no rule" in err.value.en


def test_a_known_guard_rule_is_accepted() -> None:
    steps = [
        *GOOD[:-1],
        Step("hold", ("BROKEN",), "GONE", guards=("national.document.attribute_required",)),
    ]
    assert _build(steps).steps[-1].guards == ("national.document.attribute_required",)


@pytest.mark.parametrize(
    "step",
    [
        Step("propose_topic", ("OFF",), "DIMMED"),
        Step("propose_topic", ("DIMMED",), "ON"),
    ],
    ids=["unknown dest", "unknown source"],
)
def test_unknown_state_is_refused(step: Step) -> None:
    with pytest.raises(WorkflowError) as err:
        _build([step, *GOOD])
    assert "状态 DIMMED 不存在" in err.value.zh and "unknown state DIMMED" in err.value.en


def test_initial_and_final_states_must_be_members() -> None:
    with pytest.raises(WorkflowError, match="初始状态"):
        _build(GOOD, initial=Other.OFF)
    with pytest.raises(WorkflowError, match="unknown final state FLICKER"):
        _build(GOOD, final=(Light.GONE, Other.FLICKER))


def test_event_name_must_be_known_to_the_record_kind() -> None:
    with pytest.raises(WorkflowError, match=r"no event 'Remove' \(known: approve_plan"):
        _build([*GOOD, Step("Remove", ("ON",), "GONE")])


def test_when_is_checked_against_the_record_schema() -> None:
    with pytest.raises(GongkaiError, match="nope"):
        _build([*GOOD, Step("hold", ("ON",), "GONE", when="nope == 1")])


def test_possible_states() -> None:
    machine = _build(GOOD)
    assert machine.possible_states([]) == {"OFF"}
    assert machine.possible_states(["propose_topic", "submit_plan"]) == {"BROKEN"}
    assert machine.possible_states(["approve_plan"]) == frozenset()
    document = DocumentWorkflow.definition
    path = ["set_attribute", "submit", "sign", "issue", "secrecy_review"]
    assert document.possible_states(path) == {"CLEARED", "REVIEW_FAILED"}
    assert document.possible_states([*path, "release_interpretation"]) == {"CLEARED"}


def test_replay_of_an_invalid_history_names_the_event() -> None:
    record = Document.model_validate({"history": [{"name": "sign", "at": datetime(2024, 1, 2, 9)}]})
    with pytest.raises(WorkflowError) as err:
        DocumentWorkflow(record)
    assert "sign" in err.value.zh and "DRAFT" in err.value.zh


def test_workflow_needs_its_own_record_kind() -> None:
    with pytest.raises(WorkflowError, match="Document"):
        DocumentWorkflow(Meeting())  # type: ignore[arg-type]


# -- diagrams --------------------------------------------------------------------------


def test_mermaid_diagram() -> None:
    text = mermaid(_build(GOOD))
    lines = text.splitlines()
    assert lines[0] == "stateDiagram-v2"
    assert '    state "开" as ON' in lines
    assert "    [*] --> OFF" in lines
    assert "    GONE --> [*]" in lines
    assert "    OFF --> ON : propose_topic 开灯" in lines
    assert text == mermaid(_build(GOOD))  # deterministic


def test_document_diagram_notes_recording_events() -> None:
    text = mermaid(DocumentWorkflow.definition)
    assert '    state "已公开" as PUBLISHED' in text
    assert "    CLEARED --> PUBLISHED : publish 公开发布" in text
    assert "    WITHDRAWN --> [*]" in text and "    CLEANED_UP --> [*]" in text
    note = text[text.index("    note right of PUBLISHED") :]
    assert "repost 转载" in note.split("end note")[0]
    for forbidden in (";", "#"):
        assert forbidden not in text


def test_transition_table_lists_guards_with_titles() -> None:
    table = transition_table(DocumentWorkflow.definition)
    header, _rule, *rows = table.splitlines()
    assert header.startswith("| 事件 event | 中文 |")
    assert len(rows) == len(DocumentWorkflow.definition.steps)
    publish = next(r for r in rows if r.startswith("| `publish`"))
    assert "`national.document.secrecy_review` 公开前须经保密审查并通过" in publish
    assert "`national.document.interpretation_sync`" in publish
    assert "`disclosure in ['公开发布', '删减后公开']`" in publish
    draft = next(r for r in rows if r.startswith("| `draft`"))
    assert "不变（仅记录事件）" in draft
    assert all(r.count(" | ") == 5 for r in rows)


def test_transition_table_follows_the_pack() -> None:
    national = transition_table(MeetingWorkflow.definition)
    anhui = transition_table(MeetingWorkflow.definition, "anhui")
    assert "anhui.meeting.pre_disclosure" not in national
    decide = next(r for r in anhui.splitlines() if r.startswith("| `decide`"))
    assert "`anhui.meeting.pre_disclosure`" in decide


def test_registry_finds_the_workflows() -> None:
    machines = workflow_machines()
    assert list(machines)[:2] == ["document", "meeting"]
    assert machines["document"] is DocumentWorkflow.definition
    assert workflow_machine("meeting") is MeetingWorkflow.definition
    for name in ("nope", "base", "diagram", "Document", "../x"):
        with pytest.raises(WorkflowError, match="没有名为"):
            workflow_machine(name)


# -- command line ----------------------------------------------------------------------


def test_cli_diagram(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagram", "document"]) == 0
    assert capsys.readouterr().out == mermaid(DocumentWorkflow.definition)
    assert main(["diagram", "meeting", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == markdown_section(MeetingWorkflow.definition)


def test_cli_diagram_unknown_workflow(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagram", "lamp"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert err.startswith("gongkai: 没有名为 lamp 的工作流")
    assert "（no workflow named lamp" in err and "\n" not in err


# -- the shipped state machines --------------------------------------------------------

#: The machines as an integrator subclasses them, with fewer steps than hypothesis's 50.
MODEST = settings(stateful_step_count=25)


@MODEST
class Documents(DocumentMachine):
    """The shipped 公文 machine, as is."""


@MODEST
class Meetings(MeetingMachine):
    """The shipped meeting machine, as is."""


@MODEST
class Requests(RequestMachine):
    """The shipped 依申请公开 machine, as is."""


@MODEST
class Incidents(IncidentMachine):
    """The shipped 政务舆情 machine, as is."""


@MODEST
class AnhuiMeetings(MeetingMachine):
    """Under the anhui pack, whose ``anhui.meeting.pre_disclosure`` guards ``decide``."""

    pack = "anhui"

    @invariant()
    def major_decision_disclosed_before(self) -> None:
        record = self.workflow.record
        decided = record.first("decide")
        kinds = (
            MeetingKind.EXECUTIVE,
            MeetingKind.COLLECTIVE_DELIBERATION,
            MeetingKind.DEPARTMENT_OFFICE,
        )
        if decided is None or not record.major_decision or record.involves_secrets:
            return
        if record.meeting_kind in kinds:
            disclosed = record.first("pre_disclose")
            assert disclosed is not None and disclosed.at <= decided.at


TestDocuments = Documents.TestCase
TestMeetings = Meetings.TestCase
TestRequests = Requests.TestCase
TestIncidents = Incidents.TestCase
TestAnhuiMeetings = AnhuiMeetings.TestCase


#: What the hooks of each run of ``Hooked`` were given.
HOOKED_RUNS: list[list[tuple[Fired, Decision]]] = []


class Hooked(DocumentMachine):
    """An integrator's subclass: the hooks record what they are given."""

    def on_started(self, workflow: Workflow[Document]) -> None:
        assert workflow is self.workflow and workflow.record.history == []
        self.fired: list[tuple[Fired, Decision]] = []
        HOOKED_RUNS.append(self.fired)

    def on_fired(self, step: Fired, decision: Decision) -> None:
        assert decision.event == step.event and decision.at == step.at
        self.fired.append((step, decision))

    @invariant()
    def every_allowed_fire_is_in_the_history(self) -> None:
        allowed = [step.event for step, decision in self.fired if decision]
        assert allowed == [e.name for e in self.workflow.record.history]


def test_hooks_are_called_after_each_fire() -> None:
    HOOKED_RUNS.clear()
    run_state_machine_as_test(Hooked, settings=settings(max_examples=20, stateful_step_count=20))
    assert len(HOOKED_RUNS) >= 20  # one list per run, replays of saved examples included
    fired = [pair for run in HOOKED_RUNS for pair in run]
    assert any(decision.allowed for _, decision in fired)
    assert any(not decision.allowed for _, decision in fired)


class LossyStorage(DocumentMachine):
    """A storage that loses the title: the snapshot invariant catches it."""

    def stored(self, snapshot: dict[str, Any]) -> Mapping[str, Any]:
        return {**snapshot, "record": {**snapshot["record"], "title": None}}


def test_a_lossy_storage_is_caught() -> None:
    with pytest.raises(AssertionError):
        run_state_machine_as_test(
            LossyStorage,
            settings=settings(
                max_examples=5, stateful_step_count=5, database=None, phases=[Phase.generate]
            ),
        )
