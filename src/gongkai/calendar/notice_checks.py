"""What the days read from a holiday notice must satisfy before they become an overlay.

Each section's days off must include the holiday's own date (元旦 1月1日, 劳动节
5月1日, 国庆节 10月1日, 清明 4月3–6日) or, for the lunar holidays, fall where their
dates can fall in the Gregorian calendar (《全国年节及纪念日放假办法》 第二条); the
days of a section lie close together; a day is a day off or a make-up working day
(a weekend day), never both, and belongs to one holiday of the notice's year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NoReturn

from gongkai.errors import NoticeError

#: The seven holidays every year's notice schedules, and the (earliest, latest) month-day
#: one of a holiday's days off must fall on.
_ANCHORS = {
    "元旦": ((1, 1), (1, 1)),
    "春节": ((1, 19), (2, 22)),  # 除夕 and 正月初一 fall from 1月20日 to 2月20日
    "清明节": ((4, 3), (4, 6)),  # the solar term 清明, 4月4日 or 5日
    "劳动节": ((5, 1), (5, 1)),
    "端午节": ((5, 26), (6, 27)),  # 五月初五: 5月28日 to 6月25日
    "中秋节": ((9, 6), (10, 9)),  # 八月十五: 9月7日 to 10月7日
    "国庆节": ((10, 1), (10, 1)),
}
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
        wanted = dict.fromkeys((*listed, *_ANCHORS))
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
        if holiday in _ANCHORS and not _anchored(section.off, *_ANCHORS[holiday]):
            raise NoticeError(
                f"{holiday} 的放假日期不含该节日当天",
                f"the days off for {holiday} do not include the holiday itself",
                sentence=section.origin[first],
            )


def _anchored(days: set[date], earliest: tuple[int, int], latest: tuple[int, int]) -> bool:
    return any(earliest <= (d.month, d.day) <= latest for d in days)


def _refuse(section: Section, day: date, zh: str, en: str) -> NoReturn:
    raise NoticeError(
        f"{day.isoformat()} {zh}", f"{day.isoformat()} {en}", sentence=section.origin[day]
    )
