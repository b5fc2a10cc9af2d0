"""Workflows: one shared ``transitions`` machine per record kind, guarded by the rule packs."""

from gongkai.workflows.base import Decision, Step, Workflow, WorkflowMachine
from gongkai.workflows.document import DocumentState, DocumentWorkflow
from gongkai.workflows.incident import IncidentState, IncidentWorkflow
from gongkai.workflows.meeting import MeetingState, MeetingWorkflow
from gongkai.workflows.request import RequestState, RequestWorkflow
from gongkai.workflows.stages import DocumentStage, document_at_stage

__all__ = [
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
