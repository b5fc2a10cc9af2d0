"""Pictures and tables of the workflow graphs, for people who read them rather than run them.

``mermaid(machine)`` draws a ``stateDiagram-v2`` with the Chinese state names;
``transition_table(machine)`` lists every step as a Markdown table (event, its
Chinese meaning, from, to, the condition that selects the step, and the rules
that guard it); ``markdown_section(machine)`` puts both under a heading, as in
``docs/workflows.md``. The output depends only on the machine and the pack, so
it can be regenerated and compared.

``workflow_machine(name)`` and ``workflow_machines()`` find the workflows that
exist: ``document`` is ``gongkai.workflows.DocumentWorkflow.definition``, and a
new workflow module ``gongkai.workflows.<name>`` defining ``<Name>Workflow`` is
found without being registered anywhere.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from enum import Enum
from typing import Any

from gongkai.errors import WorkflowError
from gongkai.rules.pack import Pack, load_pack
from gongkai.workflows.base import Step, Workflow, WorkflowMachine

#: The workflows the public contract names, in the order documents list them.
KNOWN_WORKFLOWS = ("document", "meeting", "request", "incident")

#: Chinese names of the known workflows, for headings.
WORKFLOW_TITLES = {
    "document": "公文",
    "meeting": "会议",
    "request": "依申请公开",
    "incident": "政务舆情",
}

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_NOT_WORKFLOW_MODULES = frozenset({"base", "diagram"})

# -- finding the workflows -------------------------------------------------------------


def _class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_")) + "Workflow"


def _find_class(name: str) -> type[Workflow[Any]] | None:
    """``<Name>Workflow`` from ``gongkai.workflows`` or its module ``gongkai.workflows.<name>``."""
    if not _NAME.match(name) or name in _NOT_WORKFLOW_MODULES:
        return None
    package = importlib.import_module("gongkai.workflows")
    found = getattr(package, _class_name(name), None)
    if found is None:
        module_name = f"gongkai.workflows.{name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name != module_name:
                raise  # the module exists but something it imports does not
            return None
        found = getattr(module, _class_name(name), None)
    if (
        isinstance(found, type)
        and issubclass(found, Workflow)
        and isinstance(getattr(found, "definition", None), WorkflowMachine)
    ):
        return found
    return None


def _candidate_names() -> list[str]:
    package = importlib.import_module("gongkai.workflows")
    modules = sorted(
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_") and info.name not in _NOT_WORKFLOW_MODULES
    )
    return [*KNOWN_WORKFLOWS, *(m for m in modules if m not in KNOWN_WORKFLOWS)]


def workflow_machines() -> dict[str, WorkflowMachine]:
    """Every workflow that exists, by name: the known ones first, then any other module's."""
    found: dict[str, WorkflowMachine] = {}
    for name in _candidate_names():
        cls = _find_class(name)
        if cls is not None:
            found.setdefault(name, cls.definition)
    return found


def workflow_machine(name: str) -> WorkflowMachine:
    """The shared machine of the workflow called ``name`` (``document``, ``meeting`` …).

    Raises WorkflowError (one sentence, Chinese then English) when there is none.
    """
    cls = _find_class(name)
    if cls is None:
        available = ", ".join(workflow_machines())
        raise WorkflowError(
            f"没有名为 {name} 的工作流（可用：{available}）",
            f"no workflow named {name} (available: {available})",
        )
    return cls.definition


# -- labels ----------------------------------------------------------------------------


def _state_label(machine: WorkflowMachine, name: str) -> str:
    value = machine.states[name].value
    return value if isinstance(value, str) else name


def _mermaid_text(text: str) -> str:
    """Text safe inside a Mermaid label or note (no statement or entity separators)."""
    return (
        text.replace(":", "：")
        .replace(";", "；")
        .replace("#", "＃")
        .replace('"', "＂")
        .replace("\n", " ")
    )


def _edge_label(step: Step) -> str:
    return _mermaid_text(f"{step.event} {step.zh}".strip())


def _state_names(machine: WorkflowMachine) -> list[str]:
    members: list[Enum] = list(machine.states)
    return [s.name for s in members]


# -- Mermaid ---------------------------------------------------------------------------


def mermaid(machine: WorkflowMachine) -> str:
    """A Mermaid ``stateDiagram-v2`` of ``machine``.

    States carry their Chinese names; ``[*]`` points at the initial state and
    final states point at ``[*]``; each step is an edge per source state,
    labelled with the event and its Chinese meaning. Events that only record
    something (the state stays) are listed in a note beside each state that
    allows them.
    """
    lines = ["stateDiagram-v2"]
    names = _state_names(machine)
    for name in names:
        lines.append(f'    state "{_mermaid_text(_state_label(machine, name))}" as {name}')
    lines.append(f"    [*] --> {machine.initial.name}")
    recorded: dict[str, list[Step]] = {}
    for step in machine.steps:
        for source in step.source:
            if step.dest is None:
                recorded.setdefault(source, []).append(step)
            else:
                lines.append(f"    {source} --> {step.dest} : {_edge_label(step)}")
    for name in names:
        if name in machine.final:
            lines.append(f"    {name} --> [*]")
    for name in names:
        if name in recorded:
            lines.append(f"    note right of {name}")
            lines.append("        记录事件，状态不变")
            lines.extend(f"        {_edge_label(step)}" for step in recorded[name])
            lines.append("    end note")
    return "\n".join(lines) + "\n"


# -- Markdown --------------------------------------------------------------------------


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _kind(machine: WorkflowMachine) -> str:
    field = machine.record_type.model_fields.get("kind")
    return str(field.default) if field is not None else machine.name


def _guards(machine: WorkflowMachine, step: Step, pack: Pack) -> list[str]:
    """The step's named guards, then the pack's rules whose ``blocks`` lists the event."""
    ids = list(step.guards)
    ids += [r.id for r in pack.rules_for(_kind(machine)) if step.event in r.spec.blocks]
    out = []
    for rule_id in dict.fromkeys(ids):
        title = pack.rule(rule_id).spec.title if pack.has_rule(rule_id) else "（本规则包中没有）"
        out.append(f"`{rule_id}` {title}")
    return out


def _state_cell(machine: WorkflowMachine, name: str) -> str:
    return f"{_state_label(machine, name)}（`{name}`）"


def state_table(machine: WorkflowMachine) -> str:
    """A Markdown table of the states: name, Chinese name, initial or final."""
    rows = ["| 状态 state | 中文 | 说明 |", "|---|---|---|"]
    for name in _state_names(machine):
        role = (
            "初始 initial"
            if name == machine.initial.name
            else "终态 final"
            if name in machine.final
            else ""
        )
        rows.append(f"| `{name}` | {_cell(_state_label(machine, name))} | {role} |")
    return "\n".join(rows) + "\n"


def transition_table(machine: WorkflowMachine, pack: Pack | str = "national") -> str:
    """A Markdown table of every step of ``machine``, one row per step.

    Columns: the event, its Chinese meaning, the states it leaves from, the
    state it goes to (or 不变 when it only records), the ``when`` condition that
    selects this step among steps of the same event, and the guard rules of
    ``pack`` (default ``national``) that must hold for it to happen.
    """
    rules = load_pack(pack) if isinstance(pack, str) else pack
    rows = [
        "| 事件 event | 中文 | 从 from | 到 to | 条件 when | 守卫规则 guard rules |",
        "|---|---|---|---|---|---|",
    ]
    for step in machine.steps:
        sources = "<br>".join(_state_cell(machine, s) for s in step.source)
        dest = _state_cell(machine, step.dest) if step.dest else "不变（仅记录事件）"
        when = f"`{step.when}`" if step.when else "—"
        guards = "<br>".join(_guards(machine, step, rules)) or "—"
        cells = (f"`{step.event}`", step.zh or "—", sources, dest, when, guards)
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows) + "\n"


def markdown_section(
    machine: WorkflowMachine, pack: Pack | str = "national", *, level: int = 2
) -> str:
    """A Markdown section: heading, the Mermaid diagram, the states and the transitions."""
    hashes = "#" * level
    return "\n".join(
        [
            f"{hashes} {machine.name}",
            "",
            f"{WORKFLOW_TITLES.get(machine.name, machine.name)}，记录类型 record"
            f" `{machine.record_type.__name__}`，初始状态 initial `{machine.initial.name}`。",
            "",
            "```mermaid",
            mermaid(machine).rstrip("\n"),
            "```",
            "",
            f"{hashes}# 状态 states",
            "",
            state_table(machine).rstrip("\n"),
            "",
            f"{hashes}# 转换 transitions",
            "",
            transition_table(machine, pack).rstrip("\n"),
            "",
        ]
    )
