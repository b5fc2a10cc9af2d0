"""``WorkCalendar``: working-day arithmetic on the official Chinese calendar.

Counting is done on a precomputed table of cumulative working days, so
``add_workdays`` costs one binary search and ``workdays_between`` two lookups,
whatever the span.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from datetime import date, timedelta
from enum import Enum
from functools import cache
from pathlib import Path
from threading import Lock
from typing import Any

from gongkai.calendar.days import DayInfo, plain_kind
from gongkai.calendar.overlays import Overlay, bundled_overlay, read_overlay
from gongkai.errors import CalendarCoverageError, CalendarDataError

#: Years the table may be stretched to under the estimate policy.
_MIN_YEAR, _MAX_YEAR = 1949, 2199


class CoveragePolicy(str, Enum):
    """What to do with a date in a year that has no official schedule."""

    STRICT = "strict"  #: raise CalendarCoverageError (default)
    ESTIMATE = "estimate"  #: count Monday–Friday and mark results estimated


def coverage_policy(value: CoveragePolicy | str) -> CoveragePolicy:
    """Read a coverage policy name; raise CalendarDataError for an unknown one."""
    try:
        return CoveragePolicy(value)
    except ValueError:
        raise CalendarDataError(
            f"未知的覆盖策略 {value!r}（应为 strict 或 estimate）",
            f"unknown coverage policy {value!r} (expected strict or estimate)",
        ) from None


class _Table:
    """Cumulative working-day counts for the days of years ``first``..``last``."""

    __slots__ = ("cum", "first", "last", "origin")

    def __init__(self, days: Mapping[date, DayInfo], first: int, last: int) -> None:
        self.first = first
        self.last = last
        self.origin = date(first, 1, 1).toordinal()
        end = date(last, 12, 31).toordinal()
        cum: list[int] = []
        total = 0
        weekday = date(first, 1, 1).weekday()
        for ordinal in range(self.origin, end + 1):
            info = days.get(date.fromordinal(ordinal)) if days else None
            if info is not None:
                total += info.kind.is_workday
            else:
                total += weekday < 5
            cum.append(total)
            weekday = (weekday + 1) % 7
        self.cum = cum


class WorkCalendar:
    """The Chinese working-day calendar: official schedules plus overlays, immutable.

    Build it with :meth:`default`; add next year's State Council notice or an
    agency's own days with :meth:`with_overlay`, which returns a new calendar.
    """

    def __init__(
        self,
        overlays: tuple[Overlay, ...],
        policy: CoveragePolicy | str = CoveragePolicy.STRICT,
    ) -> None:
        self._policy = coverage_policy(policy)
        self._overlays = overlays
        days: dict[date, DayInfo] = {}
        years: set[int] = set()
        for overlay in overlays:
            days.update(overlay.days)
            years |= overlay.covers
        if not years:
            raise CalendarDataError("日历没有任何官方数据", "the calendar has no official data")
        self._days = days
        self._years = frozenset(years)
        self._coverage = (min(years), max(years))
        self._table = _Table(days, *self._coverage)
        self._lock = Lock()

    # -- construction ---------------------------------------------------------------

    @classmethod
    def default(cls, policy: CoveragePolicy | str = CoveragePolicy.STRICT) -> WorkCalendar:
        """The calendar of chinese-calendar's bundled data (built once per policy)."""
        return _default(coverage_policy(policy))

    def with_overlay(self, source: str | Path | Mapping[str, Any]) -> WorkCalendar:
        """A new calendar with the days of ``source`` (JSON path or mapping) laid over this one."""
        return WorkCalendar((*self._overlays, read_overlay(source)), self._policy)

    def with_policy(self, policy: CoveragePolicy | str) -> WorkCalendar:
        """The same data under another coverage policy."""
        return WorkCalendar(self._overlays, policy)

    # -- what the calendar knows -----------------------------------------------------

    @property
    def policy(self) -> CoveragePolicy:
        """The coverage policy for years without official data."""
        return self._policy

    @property
    def coverage(self) -> tuple[int, int]:
        """First and last year with official data (see :attr:`covered_years` for gaps)."""
        return self._coverage

    @property
    def covered_years(self) -> frozenset[int]:
        """Every year with an official schedule."""
        return self._years

    @property
    def provenance(self) -> tuple[str, ...]:
        """Which data produced this calendar's results: the package and each overlay, in order."""
        return tuple(
            f"{o.label}: {', '.join(o.sources)}" if o.sources else o.label for o in self._overlays
        )

    def is_estimated(self, first: date, last: date | None = None) -> bool:
        """Whether any day from ``first`` to ``last`` (inclusive) lies in a year without data."""
        if last is None or last.year == first.year:
            return first.year not in self._years
        low, high = (first, last) if first <= last else (last, first)
        return any(y not in self._years for y in range(low.year, high.year + 1))

    # -- single days -----------------------------------------------------------------

    def day_kind(self, day: date) -> DayInfo:
        """What ``day`` is: workday, weekend, holiday (named), swapped rest day or make-up workday."""
        estimated = self._check_years(day, day)
        info = self._days.get(day)
        if info is not None:
            return info
        return DayInfo(day, plain_kind(day), estimated=estimated)

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        table = self._table_for(day, day)
        if day.year not in self._years:
            self._check_years(day, day)
        i = day.toordinal() - table.origin
        return table.cum[i] != (table.cum[i - 1] if i else 0)

    def next_workday(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_workdays(day, 1)

    def roll_forward(self, day: date) -> date:
        """``day`` itself if it is a working day, else the next one."""
        return day if self.is_workday(day) else self.next_workday(day)

    # -- arithmetic ------------------------------------------------------------------

    def add_workdays(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``day`` itself never counts); negative goes back.

        ``add_workdays(d, 0)`` is ``d``.
        """
        if n == 0:
            return day
        table = self._table_for(day, day)
        while True:
            i = day.toordinal() - table.origin
            cum = table.cum
            target = (cum[i] if n > 0 else (cum[i - 1] if i else 0) + 1) + n
            if 1 <= target <= cum[-1]:
                break
            # Past the table: stretch it (estimate) or name the missing year (strict).
            # (capped: a longer span cannot fit the estimable range and would overflow)
            span = timedelta(days=min(abs(n) * 2 + 30, (_MAX_YEAR - _MIN_YEAR + 1) * 366))
            table = self._table_for(day, day + span if n > 0 else day - span)
        result = date.fromordinal(table.origin + bisect_left(cum, target))
        self._check_years(day, result)
        return result

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in ``(a, b]``; negative when ``b`` is before ``a``."""
        if b < a:
            return -self.workdays_between(b, a)
        table = self._table_for(a, b)
        self._check_years(a, b)
        return table.cum[b.toordinal() - table.origin] - table.cum[a.toordinal() - table.origin]

    # -- internals -------------------------------------------------------------------

    def _check_years(self, first: date, last: date) -> bool:
        """Raise for an uncovered year under STRICT; under ESTIMATE, say whether one was hit."""
        low, high = (first, last) if first <= last else (last, first)
        for year in range(low.year, high.year + 1):
            if year not in self._years:
                if self._policy is CoveragePolicy.STRICT:
                    raise CalendarCoverageError(year, self._coverage)
                return True
        return False

    def _table_for(self, first: date, last: date) -> _Table:
        low, high = (first, last) if first <= last else (last, first)
        table = self._table
        if table.first <= low.year and high.year <= table.last:
            return table
        if self._policy is CoveragePolicy.STRICT:
            year = low.year if low.year < table.first else high.year
            raise CalendarCoverageError(year, self._coverage)
        if low.year < _MIN_YEAR or high.year > _MAX_YEAR:
            raise CalendarDataError(
                f"日期超出可估算范围 {_MIN_YEAR}–{_MAX_YEAR} 年",
                f"date outside the range that can be estimated ({_MIN_YEAR}-{_MAX_YEAR})",
            )
        with self._lock:
            table = self._table
            first_year = min(table.first, low.year)
            last_year = max(table.last, high.year)
            if (first_year, last_year) != (table.first, table.last):
                table = _Table(self._days, first_year, last_year)
                self._table = table
        return table

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(coverage={self._coverage[0]}-{self._coverage[1]}, "
            f"policy={self._policy.value}, sources={len(self._overlays)})"
        )


@cache
def _default(policy: CoveragePolicy) -> WorkCalendar:
    return WorkCalendar((_bundled(),), policy)


@cache
def _bundled() -> Overlay:
    return bundled_overlay()
