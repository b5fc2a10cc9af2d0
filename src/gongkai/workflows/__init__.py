"""Workflows: one shared ``transitions`` machine per record kind, guarded by the rule packs."""

from typing import Any

from gongkai.workflows.base import Decision, Step, Workflow, WorkflowMachine
from gongkai.workflows.document import DocumentState, DocumentWorkflow
from gongkai.workflows.incident import IncidentState, IncidentWorkflow
from gongkai.workflows.meeting import MeetingState, MeetingWorkflow
from gongkai.workflows.request import RequestState, RequestWorkflow
from gongkai.workflows.stages import DocumentStage, document_at_stage

#: The workflow class of each record kind that has one (``snapshot()["workflow"]``).
WORKFLOW_KINDS: dict[str, type[Workflow[Any]]] = {
    cls.definition.name: cls
    for cls in (DocumentWorkflow, MeetingWorkflow, RequestWorkflow, IncidentWorkflow)
}

__all__ = [
    "WORKFLOW_KINDS",
    "Decision",
    "DocumentStage",
    "DocumentState",
    "DocumentWorkflow",
    "IncidentState",
    "IncidentWorkflow",
    "MeetingState",
    "MeetingWorkflow",
    "RequestState",
    "RequestWorkflow",
    "Step",
    "Workflow",
    "WorkflowMachine",
    "document_at_stage",
]
