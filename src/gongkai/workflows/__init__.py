"""Workflows: one shared ``transitions`` machine per record kind, guarded by the rule packs."""

from gongkai.workflows.base import Decision, Step, Workflow, WorkflowMachine
from gongkai.workflows.document import DocumentState, DocumentWorkflow
from gongkai.workflows.meeting import MeetingState, MeetingWorkflow

__all__ = [
    "Decision",
    "DocumentState",
    "DocumentWorkflow",
    "MeetingState",
    "MeetingWorkflow",
    "Step",
    "Workflow",
    "WorkflowMachine",
]
