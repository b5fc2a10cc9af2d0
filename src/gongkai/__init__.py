"""gongkai: the rules of Chinese government information disclosure (政务公开), executable."""

from gongkai._version import __version__
from gongkai.calendar import CoveragePolicy, DayKind, WorkCalendar
from gongkai.clocks import Clock, ClockStatus, Due, Duration, due_after
from gongkai.errors import GongkaiError
from gongkai.models import (
    Agency,
    DisclosureRequest,
    Document,
    Incident,
    Meeting,
    Message,
    load_record,
)
from gongkai.rules.pack import Pack, available_packs, load_pack
from gongkai.rules.report import Finding, Report, Severity, Status
from gongkai.timezone import SHANGHAI

__all__ = [
    "SHANGHAI",
    "Agency",
    "Clock",
    "ClockStatus",
    "CoveragePolicy",
    "DayKind",
    "DisclosureRequest",
    "Document",
    "Due",
    "Duration",
    "Finding",
    "GongkaiError",
    "Incident",
    "Meeting",
    "Message",
    "Pack",
    "Report",
    "Severity",
    "Status",
    "WorkCalendar",
    "__version__",
    "available_packs",
    "due_after",
    "load_pack",
    "load_record",
]
