"""What integrators test with: table-driven rule cases and rule coverage."""

from gongkai.testing.cases import RuleCase, coverage_gaps, run_case
from gongkai.testing.records import (
    agency,
    document,
    event,
    incident,
    meeting,
    message,
    request,
)

__all__ = [
    "RuleCase",
    "agency",
    "coverage_gaps",
    "document",
    "event",
    "incident",
    "meeting",
    "message",
    "request",
    "run_case",
]
