"""Reading holiday schedules: chinese-calendar's data and overlay files.

Two overlay shapes are accepted, as a JSON file or an equivalent mapping:

* the holiday-cn shape, one year per file::

    {"year": 2027, "papers": ["https://www.gov.cn/..."],
     "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, ...]}

  It declares the year covered; off days are holidays (or 调休休息 when
  ``"kind": "swapped_rest"`` is added), worked days on a weekend are make-up days.

* gongkai's own minimal shape, for next year's notice or an agency's own days::

    {"format": "gongkai-calendar/1",
     "covers": [2027],                       # years this file fully schedules (may be [])
     "sources": ["https://www.gov.cn/..."],  # the notice(s), quoted in results
     "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}, ...]}

  ``kind`` is ``holiday``, ``swapped_rest``, ``makeup_workday`` or ``workday``.

Rules that keep an overlay from changing data silently (checked when a calendar is built):

* years and dates lie in 1949–2100 (:data:`SUPPORTED_YEARS`); a date listed twice with
  different kinds is an error;
* a national schedule may add years; for a year that earlier data (chinese-calendar, an
  earlier overlay) already covers, its days must agree day by day (working or not) —
  unless the file says ``"correction": true`` (an acknowledged correction of that data).
  This also catches a file for 2027 that rewrites 2026 days — except in 25–31 December,
  where a notice may place 元旦's days (the 2012 notice made Saturday 2011-12-31 a
  working day);
* an agency's own days (``"scope": "agency"``, gongkai's shape, ``covers`` empty: e.g. a
  local 少数民族 holiday) are meant to differ from the national schedule and are laid
  over it without this check.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from gongkai.calendar.days import HOLIDAY_NAMES, SUPPORTED_YEARS, DayInfo, DayKind, is_workday_in
from gongkai.errors import CalendarDataError

OWN_FORMAT = "gongkai-calendar/1"

#: From this day of December on, a schedule for next year may set days (元旦's run-up).
_EVE_FROM = 25

_OWN_KINDS = {
    "holiday": DayKind.HOLIDAY,
    "swapped_rest": DayKind.SWAPPED_REST,
    "makeup_workday": DayKind.MAKEUP_WORKDAY,
    "workday": DayKind.WORKDAY,
}


@dataclass(frozen=True)
class Overlay:
    """Special days read from one source, the years they fully cover, and where they come from."""

    days: Mapping[date, DayInfo]
    covers: frozenset[int]
    sources: tuple[str, ...]
    label: str
    correction: bool = False  #: may change days of years already covered
    agency: bool = False  #: an agency's own days, laid over any data unchecked

    @property
    def described(self) -> str:
        """The label and the sources, as reports quote them."""
        return f"{self.label}: {', '.join(self.sources)}" if self.sources else self.label

    def disagreements(self, days: Mapping[date, DayInfo], years: frozenset[int]) -> list[date]:
        """The days of ``years`` (covered by ``days``) whose working or not this overlay
        changes: the days it lists, and every day of a year both fully schedule. The last
        week of the year before one it covers is its own: a notice may place 元旦's days
        there (国办发明电〔2011〕45号: "2011年12月31日（星期六）上班")."""
        both = self.covers & years
        candidates = {d for d in self.days if d.year in years and not self._new_year_eve(d)}
        candidates |= {d for d in days if d.year in both}
        return sorted(
            d for d in candidates if is_workday_in(days, d) != is_workday_in(self.days, d)
        )

    def _new_year_eve(self, day: date) -> bool:
        """Whether ``day`` lies in the last week before a year this overlay covers."""
        return day.month == 12 and day.day >= _EVE_FROM and day.year + 1 in self.covers


def bundled_overlay() -> Overlay:
    """chinese-calendar's data as an overlay (read, never mutated)."""
    import chinese_calendar
    from chinese_calendar import constants

    english_to_zh = {h.value: h.chinese for h in constants.Holiday}
    days: dict[date, DayInfo] = {}
    for day, name in constants.holidays.items():
        kind = DayKind.SWAPPED_REST if day in constants.in_lieu_days else DayKind.HOLIDAY
        days[day] = DayInfo(day, kind, english_to_zh.get(name, name), name)
    for day, name in constants.workdays.items():
        kind = DayKind.MAKEUP_WORKDAY if day.weekday() >= 5 else DayKind.WORKDAY
        days[day] = DayInfo(day, kind, english_to_zh.get(name, name), name)
    first = min(days).year
    last = max(days).year
    version = getattr(chinese_calendar, "__version__", "unknown")
    return Overlay(
        days=days,
        covers=frozenset(range(first, last + 1)),
        sources=("https://github.com/LKI/chinese-calendar",),
        label=f"chinese-calendar {version}",
    )


def read_overlay(source: str | Path | Mapping[str, Any]) -> Overlay:
    """Read an overlay from a JSON file path or a mapping; raise CalendarDataError if malformed."""
    if isinstance(source, Mapping):
        return _parse(source, "mapping")
    path = Path(source)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CalendarDataError(
            f"无法读取日历文件 {path}：{exc.strerror or exc}",
            f"cannot read calendar file {path}: {exc.strerror or exc}",
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CalendarDataError(
            f"日历文件 {path} 不是有效的 UTF-8 JSON：{exc}",
            f"calendar file {path} is not valid UTF-8 JSON: {exc}",
        ) from None
    if not isinstance(data, Mapping):
        raise _bad(str(path), "顶层应为对象", "the top level must be an object")
    return _parse(data, str(path))


def _bad(where: str, zh: str, en: str) -> CalendarDataError:
    return CalendarDataError(
        f"日历数据 {where} 有误：{zh}", f"calendar data {where} is invalid: {en}"
    )


def _parse(data: Mapping[str, Any], where: str) -> Overlay:
    if data.get("format") == OWN_FORMAT:
        return _parse_own(data, where)
    if "year" in data and "days" in data:
        return _parse_holiday_cn(data, where)
    raise _bad(
        where,
        f'无法识别格式（需要 holiday-cn 格式或 "format": "{OWN_FORMAT}"）',
        f'unknown shape (expected the holiday-cn shape or "format": "{OWN_FORMAT}")',
    )


def _date(value: object, where: str, index: int) -> date:
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        raise _bad(
            where,
            f"第 {index + 1} 个日期 {value!r} 不是 YYYY-MM-DD",
            f"day {index + 1}: date {value!r} is not YYYY-MM-DD",
        ) from None
    _year(day.year, where)
    return day


def _year(year: object, where: str) -> int:
    """A year of the supported range, else CalendarDataError."""
    first, last = SUPPORTED_YEARS
    if not isinstance(year, int) or isinstance(year, bool) or not first <= year <= last:
        raise _bad(
            where,
            f"年份 {year!r} 应为 {first}–{last} 之间的整数",
            f"year {year!r} must be an integer from {first} to {last}",
        )
    return year


def _correction(data: Mapping[str, Any], where: str) -> bool:
    correction = data.get("correction", False)
    if not isinstance(correction, bool):
        raise _bad(where, '"correction" 应为 true 或 false', '"correction" must be true or false')
    return correction


def _add(days: dict[date, DayInfo], info: DayInfo, where: str) -> None:
    """Record one day; the same date listed again with another kind is an error."""
    seen = days.get(info.date)
    if seen is not None and seen.kind is not info.kind:
        raise _bad(
            where,
            f"{info.date} 列出两次且类型矛盾（{seen.kind.value} 与 {info.kind.value}）",
            f"{info.date} is listed twice with contradictory kinds "
            f"({seen.kind.value} and {info.kind.value})",
        )
    days[info.date] = info


def _entries(data: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
    days = data.get("days")
    if not isinstance(days, list) or not all(isinstance(d, Mapping) for d in days):
        raise _bad(where, '"days" 应为对象列表', '"days" must be a list of objects')
    return days


def _strings(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(where, f'"{key}" 应为字符串列表', f'"{key}" must be a list of strings')
    return tuple(value)


def _info(day: date, kind: DayKind, name: object) -> DayInfo:
    zh = str(name) if name else None
    return DayInfo(day, kind, zh, HOLIDAY_NAMES.get(zh, zh) if zh else None)


def _parse_holiday_cn(data: Mapping[str, Any], where: str) -> Overlay:
    year = _year(data.get("year"), where)
    days: dict[date, DayInfo] = {}
    for i, entry in enumerate(_entries(data, where)):
        day = _date(entry.get("date"), where, i)
        off = entry.get("isOffDay")
        if not isinstance(off, bool):
            raise _bad(
                where,
                f"第 {i + 1} 项缺少布尔值 isOffDay",
                f"day {i + 1}: isOffDay must be a boolean",
            )
        if off:
            kind = DayKind.SWAPPED_REST if entry.get("kind") == "swapped_rest" else DayKind.HOLIDAY
        else:
            kind = DayKind.MAKEUP_WORKDAY if day.weekday() >= 5 else DayKind.WORKDAY
        _add(days, _info(day, kind, entry.get("name")), where)
    papers = _strings(data, "papers", where)
    correction = _correction(data, where)
    return Overlay(days, frozenset({year}), papers, f"{where} ({year})", correction)


def _parse_own(data: Mapping[str, Any], where: str) -> Overlay:
    covers = data.get("covers", [])
    if not isinstance(covers, list):
        raise _bad(where, '"covers" 应为年份整数列表', '"covers" must be a list of years')
    covers = [_year(y, where) for y in covers]
    scope = data.get("scope", "national")
    if scope not in ("national", "agency") or (scope == "agency" and covers):
        raise _bad(
            where,
            '"scope" 应为 national 或 agency（agency 文件的 covers 须为空）',
            '"scope" must be national or agency (an agency file covers no year)',
        )
    correction = _correction(data, where)
    days: dict[date, DayInfo] = {}
    for i, entry in enumerate(_entries(data, where)):
        day = _date(entry.get("date"), where, i)
        kind = _OWN_KINDS.get(str(entry.get("kind")))
        if kind is None:
            raise _bad(
                where,
                f"第 {i + 1} 项的 kind 应为 {'/'.join(_OWN_KINDS)}",
                f"day {i + 1}: kind must be one of {', '.join(_OWN_KINDS)}",
            )
        _add(days, _info(day, kind, entry.get("name")), where)
    sources = _strings(data, "sources", where)
    return Overlay(days, frozenset(covers), sources, where, correction, scope == "agency")
