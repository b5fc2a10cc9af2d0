"""Due instants: when a period that starts at an instant ends, by the counting conventions of the law.

* The start day is never counted; a working-day period ends at the end of the
  n-th working day after the start day (民法典 第二百零一条, as practised for
  《政府信息公开条例》第三十三条).
* A natural-day period ends at the end of the n-th day after the start day; if
  that day is off, it ends on the next working day (民法典 第二百零三条) unless
  ``roll=False``.
* An hour period runs on the wall clock, nights and holidays included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gongkai.calendar import WorkCalendar
from gongkai.clocks.duration import Duration, Unit
from gongkai.timezone import end_of_day, local_date, to_shanghai


@dataclass(frozen=True, slots=True)
class Due:
    """A due instant (aware, Asia/Shanghai) and whether it rests on estimated calendar data."""

    at: datetime
    estimated: bool = False

    @property
    def date(self) -> date:
        """The Asia/Shanghai date of the due instant."""
        return self.at.date()


def due_after(
    start: datetime | date, duration: Duration, calendar: WorkCalendar, *, roll: bool = True
) -> Due:
    """When ``duration`` counted from ``start`` ends."""
    if duration.unit is Unit.HOURS:
        return Due(to_shanghai(start) + timedelta(hours=duration.value))
    day = local_date(start)
    if duration.unit is Unit.WORKDAYS:
        last = calendar.add_workdays(day, duration.value)
    else:
        last = day + timedelta(days=duration.value)
        if roll:
            last = calendar.roll_forward(last)
    return Due(end_of_day(last), calendar.is_estimated(day, last))


def due_before(anchor: datetime | date, duration: Duration, calendar: WorkCalendar) -> Due:
    """The latest instant that is ``duration`` before ``anchor`` (lead time, e.g. 发布前2日).

    Day periods end at the end of the day that lies ``n`` (working) days before
    the anchor's day.
    """
    if duration.unit is Unit.HOURS:
        return Due(to_shanghai(anchor) - timedelta(hours=duration.value))
    day = local_date(anchor)
    if duration.unit is Unit.WORKDAYS:
        last = calendar.add_workdays(day, -duration.value)
    else:
        last = day - timedelta(days=duration.value)
    return Due(end_of_day(last), calendar.is_estimated(last, day))
