"""Kinds of days on the Chinese working-day calendar and the names of holidays."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum

#: Years the calendar can speak of at all: overlays, estimates and duty calendars stay inside
#: (from the year 《全国年节及纪念日放假办法》 was first issued to the last year of
#: chinese-calendar's solar terms).
SUPPORTED_YEARS = (1949, 2100)


class DayKind(str, Enum):
    """What a date is on the official calendar."""

    WORKDAY = "workday"  #: 工作日: Monday–Friday, nothing special
    WEEKEND = "weekend"  #: 周末: Saturday or Sunday, nothing special
    HOLIDAY = "holiday"  #: 法定节假日: an off day of a holiday period
    SWAPPED_REST = "swapped_rest"  #: 调休休息: a weekday off, paid back by a make-up day
    MAKEUP_WORKDAY = "makeup_workday"  #: 调休上班: a weekend day worked

    @property
    def zh(self) -> str:
        """The Chinese name of the kind."""
        return _KIND_ZH[self]

    @property
    def is_workday(self) -> bool:
        """Whether a day of this kind is a working day."""
        return self in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)


_KIND_ZH = {
    DayKind.WORKDAY: "工作日",
    DayKind.WEEKEND: "周末",
    DayKind.HOLIDAY: "法定节假日",
    DayKind.SWAPPED_REST: "调休休息",
    DayKind.MAKEUP_WORKDAY: "调休上班",
}

#: Chinese and English names of the holidays the State Council schedules.
HOLIDAY_NAMES: dict[str, str] = {
    "元旦": "New Year's Day",
    "春节": "Spring Festival",
    "清明": "Tomb-sweeping Day",
    "清明节": "Tomb-sweeping Day",
    "劳动节": "Labour Day",
    "端午": "Dragon Boat Festival",
    "端午节": "Dragon Boat Festival",
    "国庆节": "National Day",
    "中秋": "Mid-autumn Festival",
    "中秋节": "Mid-autumn Festival",
    "国庆节、中秋节": "National Day and Mid-autumn Festival",
    "中秋节、国庆节": "Mid-autumn Festival and National Day",
    "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日": "Anti-Fascist 70th Day",
}


@dataclass(frozen=True, slots=True)
class DayInfo:
    """One date as the calendar sees it.

    ``name_zh`` / ``name_en`` name the holiday a special day belongs to (for a
    make-up workday, the holiday it pays for); ``estimated`` is true when the
    year has no official data and the day was judged by the statutory holidays
    of 《全国年节及纪念日放假办法》 and the weekday (see ``gongkai.calendar.statutory``).
    """

    date: date
    kind: DayKind
    name_zh: str | None = None
    name_en: str | None = None
    estimated: bool = False

    @property
    def is_workday(self) -> bool:
        """Whether people work on this day."""
        return self.kind.is_workday


def plain_kind(day: date) -> DayKind:
    """The kind of a day that no schedule mentions: by weekday alone."""
    return DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKDAY


def is_workday_in(days: Mapping[date, DayInfo], day: date) -> bool:
    """Whether ``day`` is a working day according to ``days`` (unlisted: by weekday)."""
    info = days.get(day)
    return info.is_workday if info is not None else day.weekday() < 5
