"""Legal periods: durations, due instants by the counting conventions, and clocks over events."""

from gongkai.clocks.clock import Clock, ClockEvent, ClockEventKind, ClockStatus, Remaining
from gongkai.clocks.due import Due, due_after, due_before
from gongkai.clocks.duration import Duration, Unit

__all__ = [
    "Clock",
    "ClockEvent",
    "ClockEventKind",
    "ClockStatus",
    "Due",
    "Duration",
    "Remaining",
    "Unit",
    "due_after",
    "due_before",
]
