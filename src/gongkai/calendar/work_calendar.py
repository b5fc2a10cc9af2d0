"""``WorkCalendar``: working-day arithmetic on the official Chinese calendar.

Counting is done on a precomputed table of cumulative working days, so
``add_workdays`` costs one binary search and ``workdays_between`` two lookups,
whatever the span. Under the estimate policy a year without official data counts the
statutory holidays of its year (``gongkai.calendar.statutory``) and weekends.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Mapping
from datetime import date, timedelta
from enum import Enum
from functools import cache
from pathlib import Path
from threading import Lock
from typing import Any

from gongkai.calendar.days import DayInfo, is_workday_in, plain_kind
from gongkai.calendar.overlays import Overlay, bundled_overlay, read_overlay
from gongkai.calendar.statutory import ESTIMABLE_YEARS, law_for, statutory_holidays
from gongkai.calendar.user_overlays import ENV_VAR, FOLDER_VAR, user_overlay_paths
from gongkai.errors import CalendarCoverageError, CalendarDataError

#: Years the table may be stretched to under the estimate policy.
_MIN_YEAR, _MAX_YEAR = ESTIMABLE_YEARS


class CoveragePolicy(str, Enum):
    """What to do with a date in a year that has no official schedule."""

    STRICT = "strict"  #: raise CalendarCoverageError (default)
    ESTIMATE = "estimate"  #: count statutory holidays and weekends, mark results estimated


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
        years: frozenset[int] = frozenset()
        for overlay in overlays:
            if days and not (overlay.agency or overlay.correction):
                _refuse_disagreements(overlay, days, years)
                _refuse_years_without_days_off(overlay)
            days.update(overlay.days)
            years |= overlay.covers
        if not years:
            raise CalendarDataError("日历没有任何官方数据", "the calendar has no official data")
        self._days = days
        self._years = years
        self._coverage = (min(years), max(years))
        self._table = _Table(self._table_days(*self._coverage), *self._coverage)
        self._lock = Lock()

    # -- construction ---------------------------------------------------------------

    @classmethod
    def default(cls, policy: CoveragePolicy | str = CoveragePolicy.STRICT) -> WorkCalendar:
        """chinese-calendar's bundled data with the user's overlays laid over it: the
        ``*.json`` files of the user's calendar folder, then those named in
        ``GONGKAI_CALENDAR`` (see ``gongkai.calendar.user_overlays``). Built once per
        policy and environment: the files are listed and read once per process for each
        value of ``GONGKAI_CALENDAR`` and ``XDG_CONFIG_HOME`` (``APPDATA`` on Windows)."""
        env = os.environ  # two look-ups and one cache hit per call (pack.check calls this)
        return _default_for(policy, env.get(ENV_VAR), env.get(FOLDER_VAR))

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
        """Which data produced this calendar's results: the package and each overlay, in order,
        and under the estimate policy the law it counts for years without data."""
        found = tuple(o.described for o in self._overlays)
        if self._policy is CoveragePolicy.ESTIMATE:
            found += (
                f"估算 estimate {_MIN_YEAR}-{_MAX_YEAR}: 全国年节及纪念日放假办法 + 周末 weekends",
            )
        return found

    def source_of(self, year: int) -> str:
        """Which data decides the days of ``year``: the last overlay that covers it (label and
        sources), else the statutory-holiday estimate it would get, or nothing."""
        for overlay in reversed(self._overlays):
            if year in overlay.covers:
                return overlay.described
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            return "无数据 no data"
        law = law_for(year)
        estimate = f"全国年节及纪念日放假办法（{law.number}）+ 周末 weekends"
        if self._policy is CoveragePolicy.ESTIMATE:
            return f"估算 estimate: {estimate}"
        return f"无数据 no data（--estimate: {estimate}）"

    @property
    def agency_overlays(self) -> tuple[str, ...]:
        """The agency's own-days overlays laid over the national data (label, days)."""
        return tuple(f"{o.label} ({len(o.days)} 天 days)" for o in self._overlays if o.agency)

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
        if info is None and estimated:
            info = statutory_holidays(day.year).get(day)
        return info or DayInfo(day, plain_kind(day), estimated=estimated)

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
        """Raise for an uncovered year under STRICT (or one that cannot be estimated);
        under ESTIMATE, say whether one was hit."""
        low, high = (first, last) if first <= last else (last, first)
        estimated = False
        for year in range(low.year, high.year + 1):
            if year not in self._years:
                if self._policy is CoveragePolicy.STRICT:
                    raise CalendarCoverageError(year, self._coverage)
                law_for(year)  # CalendarDataError outside the estimable years
                estimated = True
        return estimated

    def _table_days(self, first: int, last: int) -> Mapping[date, DayInfo]:
        """The official days and, under ESTIMATE, the statutory holidays of the uncovered
        estimable years from ``first`` to ``last`` (official days win)."""
        if self._policy is CoveragePolicy.STRICT:
            return self._days
        missing = [
            y
            for y in range(max(first, _MIN_YEAR), min(last, _MAX_YEAR) + 1)
            if y not in self._years
        ]
        if not missing:
            return self._days
        days: dict[date, DayInfo] = {}
        for year in missing:
            days.update(statutory_holidays(year))
        days.update(self._days)
        return days

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
                table = _Table(self._table_days(first_year, last_year), first_year, last_year)
                self._table = table
        return table

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(coverage={self._coverage[0]}-{self._coverage[1]}, "
            f"policy={self._policy.value}, sources={len(self._overlays)})"
        )


@cache
def _default_for(
    policy: CoveragePolicy | str, env_calendar: str | None, env_folder: str | None
) -> WorkCalendar:
    """The default calendar for a policy and the values of the two variables that place the
    user's overlays (a policy name and its enum member hash alike: one entry)."""
    return _default(coverage_policy(policy), _user_paths((env_calendar, env_folder)))


@cache
def _default(policy: CoveragePolicy, paths: tuple[Path, ...]) -> WorkCalendar:
    return WorkCalendar((_bundled(), *(read_overlay(p) for p in paths)), policy)


@cache
def _user_paths(key: tuple[str | None, str | None]) -> tuple[Path, ...]:
    """The user's overlay files, listed once per value of ``GONGKAI_CALENDAR`` and of the
    variable that places the config folder (``key``)."""
    return user_overlay_paths()


def _refuse_disagreements(
    overlay: Overlay, days: Mapping[date, DayInfo], years: frozenset[int]
) -> None:
    """CalendarDataError naming the days of already covered years that ``overlay`` changes."""
    wrong = overlay.disagreements(days, years)
    if not wrong:
        return

    def kind(d: date, source: Mapping[date, DayInfo]) -> tuple[str, str]:
        return ("工作日", "working") if is_workday_in(source, d) else ("休息日", "off")

    shown = wrong[:5]
    zh = "，".join(
        f"{d}（原为{kind(d, days)[0]}，文件为{kind(d, overlay.days)[0]}）" for d in shown
    )
    en = ", ".join(f"{d} ({kind(d, days)[1]}, file: {kind(d, overlay.days)[1]})" for d in shown)
    more_zh, more_en = (
        (f" 等 {len(wrong)} 天", f" and {len(wrong) - 5} more") if len(wrong) > 5 else ("", "")
    )
    raise CalendarDataError(
        f"日历文件 {overlay.label} 改变了已有数据的日期：{zh}{more_zh}；"
        '如确为更正，请在文件中写明 "correction": true',
        f"calendar file {overlay.label} changes days of years already covered: {en}{more_en}; "
        'if it is a correction, say "correction": true in the file',
    )


def _refuse_years_without_days_off(overlay: Overlay) -> None:
    """CalendarDataError if ``overlay`` covers a year but lists no day off in it: every
    notice gives days off, and an empty year would count 元旦 and 春节 as working days."""
    off = {d.year for d, info in overlay.days.items() if not info.is_workday}
    empty = sorted(overlay.covers - off)
    if not empty:
        _refuse_missing_statutory_holidays(overlay)
    if empty:
        listed = "、".join(map(str, empty))
        raise CalendarDataError(
            f"日历文件 {overlay.label} 在 {listed} 年没有列出任何休息日，元旦、春节等将被算作工作日；"
            "请用 gongkai calendar import-notice 从国务院办公厅的通知生成",
            f"calendar file {overlay.label} lists no day off in {', '.join(map(str, empty))}, "
            "so 元旦, 春节 … would count as working days; build it from the State Council "
            "notice with gongkai calendar import-notice",
        )


def _refuse_missing_statutory_holidays(overlay: Overlay) -> None:
    """CalendarDataError if a statutory holiday of a year ``overlay`` covers (《全国年节及纪念日
    放假办法》 in force that year) falls on a weekday it leaves working: every notice gives
    them off, and a file listing 元旦 alone would count 春节 as working days."""
    missing = [
        (day, info)
        for year in sorted(overlay.covers)
        if ESTIMABLE_YEARS[0] <= year <= ESTIMABLE_YEARS[1]
        for day, info in statutory_holidays(year).items()
        if not _off_in(overlay, day)
    ]
    if missing:
        named = "、".join(f"{d.isoformat()}（{i.name_zh}）" for d, i in missing)
        raise CalendarDataError(
            f"日历文件 {overlay.label} 把法定节假日算作工作日：{named}；"
            "请用 gongkai calendar import-notice 从国务院办公厅的通知生成完整的一年",
            f"calendar file {overlay.label} counts statutory holidays as working days: "
            f"{', '.join(d.isoformat() for d, _ in missing)}; build the whole year from the "
            "State Council notice with gongkai calendar import-notice",
        )


def _off_in(overlay: Overlay, day: date) -> bool:
    """Whether ``day`` is off in ``overlay``: listed as a day off, or an unlisted weekend."""
    listed = overlay.days.get(day)
    return not listed.is_workday if listed is not None else day.weekday() >= 5


@cache
def _bundled() -> Overlay:
    return bundled_overlay()
