"""Obligation rules: an agency's recurring duties, expanded into periods with dateutil.rrule.

Each period has a window (its first day to its due day) and needs ``at_least``
occurrences of the duty's event inside the window. A period is met when it has
them, due (pending, with the due instant) while its due day has not passed, and
missed after. Periods that end before the rule's ``effective_from`` are not judged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule

from gongkai.calendar import WorkCalendar
from gongkai.models import Event
from gongkai.rules.definition import ObligationBody
from gongkai.timezone import end_of_day

Frequency = Literal[0, 1, 2, 3, 4, 5, 6]  # dateutil's YEARLY … SECONDLY

_STEP: dict[str, tuple[Frequency, int]] = {
    "year": (YEARLY, 1),
    "quarter": (MONTHLY, 3),
    "month": (MONTHLY, 1),
    "week": (WEEKLY, 1),
}


@dataclass(frozen=True)
class Period:
    """One period of a duty: its label, the window in which it counts, and its due day."""

    label: str
    start: date
    due: date

    @property
    def due_at(self) -> datetime:
        """The end of the due day, Asia/Shanghai."""
        return end_of_day(self.due)


def periods(
    body: ObligationBody,
    first: date,
    last: date,
    calendar: WorkCalendar,
    anchor: date | None = None,
) -> list[Period]:
    """The periods of ``body`` whose window overlaps ``[first, last]``, in order.

    Periods of N working days run back to back from ``anchor`` (default ``first``).
    """
    if body.every == "once":
        assert body.by is not None
        due = _adjust(date.fromisoformat(body.by), body, calendar)
        return [Period(body.by, date.min, due)] if first <= due else []
    if body.every == "workdays":
        found = _workday_periods(body, anchor or first, last, calendar)
        return [p for p in found if p.due >= first]
    freq, interval = _STEP[body.every]
    anchor = _period_start(body, first)
    out: list[Period] = []
    for start in rrule(freq, interval=interval, dtstart=anchor, until=last):
        period = _period(body, start.date(), calendar)
        if period.due >= first and period.start <= last:
            out.append(period)
    return out


def _workday_periods(
    body: ObligationBody, first: date, last: date, calendar: WorkCalendar
) -> list[Period]:
    """Back-to-back periods of ``interval`` working days each, the first starting on
    ``first``, up to the one containing ``last``; a period runs from the day after the
    previous one's due day to its own."""
    assert body.interval is not None
    out: list[Period] = []
    start = first
    while start <= last:
        due = calendar.add_workdays(start - timedelta(days=1), body.interval)
        out.append(Period(start.isoformat(), start, due))
        start = due + timedelta(days=1)
    return out


def _period_start(body: ObligationBody, day: date) -> datetime:
    if body.every == "year":
        return datetime(day.year, 1, 1)
    if body.every == "quarter":
        return datetime(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if body.every == "month":
        return datetime(day.year, day.month, 1)
    monday = day - timedelta(days=day.weekday())
    return datetime(monday.year, monday.month, monday.day)


def _period(body: ObligationBody, start: date, calendar: WorkCalendar) -> Period:
    if body.every == "year":
        if body.month:
            window = date(start.year, body.month, 1)
            end = window + relativedelta(months=1, days=-1)
            label = f"{start.year}-{body.month:02d}"
            return Period(label, window, _adjust(end, body, calendar, window))
        end = date(start.year, 12, 31)
        if body.by:
            month, day = (int(x) for x in body.by.split("-"))
            end = date(start.year, month, 1) + relativedelta(day=day)  # 02-29: 02-28 if not leap
        return Period(str(start.year), start, _adjust(end, body, calendar, start))
    if body.every == "quarter":
        end = start + relativedelta(months=3, days=-1)
        return Period(
            f"{start.year}-Q{(start.month - 1) // 3 + 1}",
            start,
            _adjust(end, body, calendar, start),
        )
    if body.every == "month":
        label = f"{start.year}-{start.month:02d}"
        if body.days:
            window, end = (start.replace(day=d) for d in body.days)
            return Period(label, window, _adjust(end, body, calendar, window))
        end = start + relativedelta(months=1, days=-1)
        return Period(label, start, _adjust(end, body, calendar, start))
    iso = start.isocalendar()
    end = start + timedelta(days=6)
    return Period(f"{iso[0]}-W{iso[1]:02d}", start, _adjust(end, body, calendar, start))


def _adjust(
    due: date, body: ObligationBody, calendar: WorkCalendar, start: date = date.min
) -> date:
    """A due day off moves back to the last working day when the text counts working days
    (never out of the window: a week without a working day keeps its last day)."""
    if body.workdays and not calendar.is_workday(due):
        moved = calendar.add_workdays(due, -1)
        return moved if moved >= start else due
    return due


def occurrences(body: ObligationBody, period: Period, events: Sequence[Event]) -> int:
    """How many times the duty's event happened inside the period's window."""
    return sum(
        1 for e in events if e.name == body.event and period.start <= e.at.date() <= period.due
    )
