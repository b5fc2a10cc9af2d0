"""What the days read from a holiday notice must satisfy before they become an overlay.

Each section's days off must include the holiday's own date (《全国年节及纪念日放假办法》
第二条: 元旦 1月1日, 劳动节 5月1日, 国庆节 10月1日, 清明 the solar term, 4月3–6日 here;
春节 正月初一, 端午 五月初五, 中秋 八月十五 of the notice's year, from ``lunar_python``,
the first month when a month repeats); the days of a section lie close together; a day is
a day off or a make-up working day (a weekend day), never both, and belongs to one
holiday of the notice's year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NoReturn

from gongkai.calendar.statutory import lunar_day
from gongkai.errors import NoticeError

#: The seven holidays every year's notice schedules, in the notices' order.
SEVEN = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
#: Solar holidays: one day off must fall from the first to the second month-day.
_SOLAR = {
    "元旦": ((1, 1), (1, 1)),
    "清明节": ((4, 3), (4, 6)),
    "劳动节": ((5, 1), (5, 1)),
    "国庆节": ((10, 1), (10, 1)),
}
#: Lunar holidays: the lunar month and day that must be off.
_LUNAR = {"春节": (1, 1), "端午节": (5, 5), "中秋节": (8, 15)}
_LONGEST_BREAK = 14  # days from the first to the last day off of one holiday
_FARTHEST_MAKEUP = 14  # days between a make-up working day and its break (most: 11, 国庆 2026)


@dataclass
class Section:
    """One holiday's part of a notice: its days off and make-up working days."""

    names: tuple[str, ...]
    off: set[date] = field(default_factory=set)
    work: set[date] = field(default_factory=set)
    explained: list[tuple[date, str]] = field(default_factory=list)
    origin: dict[date, str] = field(default_factory=dict)  # the sentence that gave each day
    first_sentence: str = ""

    def add(self, days: list[date], sentence: str, *, work: bool = False) -> None:
        """Days off (or make-up working days) read from ``sentence``."""
        (self.work if work else self.off).update(days)
        for day in days:
            self.origin.setdefault(day, sentence)

    @property
    def name(self) -> str:
        """The holiday's name as the overlay gives it ("国庆节、中秋节" for two)."""
        return "、".join(self.names)


def check_sections(sections: list[Section], listed: tuple[str, ...] | None, year: int) -> None:
    """Raise NoticeError at the first day or section that cannot be right; ``listed`` (the
    holidays a year's notice names in its opening sentence) must all be scheduled, and so
    must the seven holidays of 《全国年节及纪念日放假办法》."""
    seen: dict[date, str] = {}
    for section in sections:
        _check_section(section, year)
        for day in sorted(section.off | section.work):
            if day in seen:
                _refuse(section, day, f"同时出现在 {seen[day]}", f"also appears under {seen[day]}")
            seen[day] = section.name
    if listed is not None:  # a year's notice: what it lists, and every statutory holiday
        wanted = dict.fromkeys((*listed, *SEVEN))
        missing = [n for n in wanted if not any(n in s.names for s in sections)]
        if missing:
            raise NoticeError(
                f"年度通知缺少 {'、'.join(missing)} 的放假安排",
                f"the year's notice gives no dates for {', '.join(missing)}",
            )


def _check_section(section: Section, year: int) -> None:
    if not section.off:
        raise NoticeError(
            f"{section.name} 只有上班日，没有放假日期",
            f"{section.name} gives make-up days but no days off",
            sentence=section.first_sentence,
        )
    for day, sentence in section.explained:
        if day not in section.off and day not in section.work:
            raise NoticeError(
                f"{day.isoformat()} 既不在放假日期内，也不是上班日",
                f"{day.isoformat()} is neither a day off nor a make-up day",
                sentence=sentence,
            )
    first, last = min(section.off), max(section.off)
    for day in sorted(section.off | section.work):
        if day.year != year and not (day.year == year - 1 and section.names[0] == "元旦"):
            _refuse(section, day, "不在该年", "is outside the notice's year")
        if day in section.work and day in section.off:
            _refuse(section, day, "既放假又上班", "is both a day off and a working day")
        if day in section.work and day.weekday() < 5:
            _refuse(section, day, "是工作日，不需要调休上班", "is a weekday, not a make-up day")
        if (last - first).days > _LONGEST_BREAK or (
            max((first - day).days, (day - last).days) > _FARTHEST_MAKEUP
        ):
            _refuse(
                section, day, "离这个假期的其他日期太远", "is too far from the holiday's other days"
            )
    for holiday in section.names:
        if not _includes_its_day(holiday, section.off, year):
            raise NoticeError(
                f"{holiday} 的放假日期不含该节日当天",
                f"the days off for {holiday} do not include the holiday itself",
                sentence=section.origin[first],
            )


def own_day(holiday: str, year: int) -> date | None:
    """The day a holiday is for in ``year`` (元旦 1月1日, 春节 正月初一 …); None for 清明,
    whose day moves with the solar term, and for days the law does not name."""
    if holiday in _LUNAR:
        return lunar_day(year, *_LUNAR[holiday])
    if holiday in _SOLAR and _SOLAR[holiday][0] == _SOLAR[holiday][1]:
        return date(year, *_SOLAR[holiday][0])
    return None


def _includes_its_day(holiday: str, days: set[date], year: int) -> bool:
    if holiday in _SOLAR:
        earliest, latest = _SOLAR[holiday]
        return any(earliest <= (d.month, d.day) <= latest for d in days)
    if holiday in _LUNAR:
        return lunar_day(year, *_LUNAR[holiday]) in days
    return True  # a day the law does not name (the 2015 纪念日): its notice is the only source


def _refuse(section: Section, day: date, zh: str, en: str) -> NoReturn:
    raise NoticeError(
        f"{day.isoformat()} {zh}", f"{day.isoformat()} {en}", sentence=section.origin[day]
    )
