"""Build-time validation of workflow graphs, replay of histories, diagrams and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import Enum

import pytest

from gongkai.cli.main import main
from gongkai.errors import GongkaiError, WorkflowError
from gongkai.models import Document, Meeting
from gongkai.workflows import DocumentWorkflow, MeetingWorkflow
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
    Step("switch_on", ("OFF",), "ON", zh="开灯"),
    Step("switch_off", ("ON",), "OFF", zh="关灯"),
    Step("break_down", ("ON", "OFF"), "BROKEN", zh="损坏"),
    Step("repair", ("BROKEN",), "OFF", zh="修理"),
    Step("remove", ("BROKEN",), "GONE", zh="拆除"),
)


def test_a_valid_machine_builds() -> None:
    machine = _build(GOOD)
    assert machine.events == ("switch_on", "switch_off", "break_down", "repair", "remove")
    assert machine.triggers("BROKEN") == ["repair", "remove"]
    assert machine.final == {"GONE"}


def test_unreachable_state_is_refused() -> None:
    steps = [s for s in GOOD if s.event != "break_down"]
    with pytest.raises(WorkflowError) as err:
        _build(steps)
    assert "不可达" in err.value.zh and "BROKEN" in err.value.zh
    assert "unreachable states: ['BROKEN', 'GONE']" in err.value.en
    assert str(err.value).startswith("工作流 light 定义有误")


def test_trap_state_is_refused() -> None:
    # BROKEN can be entered but never left, and it is not final
    trapped = [s for s in GOOD if s.event not in ("repair", "remove")]
    trapped.append(Step("remove", ("ON",), "GONE"))
    with pytest.raises(WorkflowError) as err:
        _build(trapped)
    assert "陷阱状态" in err.value.zh and "BROKEN" in err.value.zh
    assert "trap states: ['BROKEN']" in err.value.en
    # declared final, the same state is fine
    assert _build(trapped, final=(Light.GONE, Light.BROKEN)).final == {"GONE", "BROKEN"}


def test_unknown_guard_rule_is_refused() -> None:
    steps = [*GOOD[:-1], Step("remove", ("BROKEN",), "GONE", guards=("national.light.nope",))]
    with pytest.raises(WorkflowError) as err:
        _build(steps)
    assert "national.light.nope" in err.value.zh and "remove" in err.value.zh
    assert "guard national.light.nope of remove names no rule" in err.value.en


def test_a_known_guard_rule_is_accepted() -> None:
    steps = [
        *GOOD[:-1],
        Step("remove", ("BROKEN",), "GONE", guards=("national.document.attribute_required",)),
    ]
    assert _build(steps).steps[-1].guards == ("national.document.attribute_required",)


@pytest.mark.parametrize(
    "step",
    [
        Step("switch_on", ("OFF",), "DIMMED"),
        Step("switch_on", ("DIMMED",), "ON"),
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


def test_event_name_must_be_storable() -> None:
    with pytest.raises(WorkflowError, match="snake_case"):
        _build([*GOOD, Step("Remove", ("ON",), "GONE")])


def test_when_is_checked_against_the_record_schema() -> None:
    with pytest.raises(GongkaiError, match="nope"):
        _build([*GOOD, Step("remove", ("ON",), "GONE", when="nope == 1")])


def test_possible_states() -> None:
    machine = _build(GOOD)
    assert machine.possible_states([]) == {"OFF"}
    assert machine.possible_states(["switch_on", "break_down"]) == {"BROKEN"}
    assert machine.possible_states(["repair"]) == frozenset()
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
    assert "    OFF --> ON : switch_on 开灯" in lines
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
