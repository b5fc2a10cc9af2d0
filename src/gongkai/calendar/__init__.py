"""The Chinese working-day calendar: day kinds, working-day arithmetic, overlays, coverage, notices."""

from gongkai.calendar.days import SUPPORTED_YEARS, DayInfo, DayKind
from gongkai.calendar.notice import parse_notice
from gongkai.calendar.overlays import OWN_FORMAT, Overlay, read_overlay
from gongkai.calendar.work_calendar import CoveragePolicy, WorkCalendar, coverage_policy

__all__ = [
    "OWN_FORMAT",
    "SUPPORTED_YEARS",
    "CoveragePolicy",
    "DayInfo",
    "DayKind",
    "Overlay",
    "WorkCalendar",
    "coverage_policy",
    "parse_notice",
    "read_overlay",
]
