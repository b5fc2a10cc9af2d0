"""gongkai: the rules of Chinese government information disclosure (政务公开), executable."""

from gongkai.calendar import CoveragePolicy, DayKind, WorkCalendar
from gongkai.clocks import Clock, ClockStatus, Due, Duration, due_after
from gongkai.errors import GongkaiError
from gongkai.timezone import SHANGHAI

__version__ = "0.1.0"

__all__ = [
    "SHANGHAI",
    "Clock",
    "ClockStatus",
    "CoveragePolicy",
    "DayKind",
    "Due",
    "Duration",
    "GongkaiError",
    "WorkCalendar",
    "__version__",
    "due_after",
]
