"""The statutory holidays of 《全国年节及纪念日放假办法》, for years without an official schedule.

Each revision's 第二条 lists the days off for all citizens; the State Council's yearly
notice then moves them next to weekends (调休) in ways the law does not fix. The
estimate counts exactly the days the law names, plus weekends: no 调休, no 补假. The
law says a holiday that falls on a weekend 应当在工作日补假 (第六条 before 2025) but fixes
no day, so no 补假 day is modelled (the back-test in benchmarks/README.md measures what
this costs).

Lunar dates (除夕, 正月初一…, 端午, 中秋) come from ``lunar_python``; the 清明 solar
term from chinese-calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from gongkai.calendar.days import HOLIDAY_NAMES, DayInfo, DayKind
from gongkai.errors import CalendarDataError


@dataclass(frozen=True)
class HolidayLaw:
    """One revision of 《全国年节及纪念日放假办法》 第二条 and where it is published."""

    in_force: date  #: first day the revision applies
    number: str  #: 国务院令 number of the revising decision
    url: str
    quote: str  #: 第二条, verbatim (the festival items)
    spring: tuple[int, ...]  #: days of 春节 as offsets from 正月初一 (-1 = 除夕)
    labour: tuple[int, ...]  #: days of May off for 劳动节


_TITLE = "全国年节及纪念日放假办法"

#: The revisions in force since 2008, newest last (第二条 of each).
LAWS: tuple[HolidayLaw, ...] = (
    HolidayLaw(
        date(2008, 1, 1),
        "国务院令第513号",
        "https://zh.wikisource.org/zh-hant/国务院关于修改《全国年节及纪念日放假办法》的决定_(2007年)",
        "（一）新年，放假1天（1月1日）；（二）春节，放假3天（农历除夕、正月初一、初二）；"
        "（三）清明节，放假1天（农历清明当日）；（四）劳动节，放假1天（5月1日）；"
        "（五）端午节，放假1天（农历端午当日）；（六）中秋节，放假1天（农历中秋当日）；"
        "（七）国庆节，放假3天（10月1日、2日、3日）",
        (-1, 0, 1),
        (1,),
    ),
    HolidayLaw(
        date(2014, 1, 1),
        "国务院令第644号",
        "https://www.gov.cn/zhuanti/2013-12/11/content_2610576.htm",
        "（二）春节，放假3天（农历正月初一、初二、初三）；（四）劳动节，放假1天（5月1日）",
        (0, 1, 2),
        (1,),
    ),
    HolidayLaw(
        date(2025, 1, 1),
        "国务院令第795号",
        "https://cj.sina.com.cn/articles/view/1715196611/663bd2c301901axe4",  # 中国政府网 text
        "（一）元旦，放假1天（1月1日）；（二）春节，放假4天（农历除夕、正月初一至初三）；"
        "（三）清明节，放假1天（农历清明当日）；（四）劳动节，放假2天（5月1日、2日）；"
        "（五）端午节，放假1天（农历端午当日）；（六）中秋节，放假1天（农历中秋当日）；"
        "（七）国庆节，放假3天（10月1日至3日）",
        (-1, 0, 1, 2),
        (1, 2),
    ),
)

#: First and last year the estimate can count: the 2007 revision (清明、端午、中秋 become
#: holidays) and the last year of chinese-calendar's solar terms.
ESTIMABLE_YEARS = (2008, 2100)


def law_for(year: int) -> HolidayLaw:
    """The revision in force on 1 January of ``year``; CalendarDataError outside the
    estimable years."""
    first, last = ESTIMABLE_YEARS
    if not first <= year <= last:
        raise CalendarDataError(
            f"{year} 年无法按《{_TITLE}》估算（可估算 {first}–{last} 年）",
            f"{year} cannot be estimated from the statutory holidays (estimable: {first}-{last})",
        )
    return [law for law in LAWS if law.in_force <= date(year, 1, 1)][-1]


@cache
def statutory_holidays(year: int) -> dict[date, DayInfo]:
    """The days off that the law in force names for ``year`` (marked estimated, named)."""
    from chinese_calendar import get_solar_terms

    law = law_for(year)
    new_year = lunar_day(year, 1, 1)
    days: list[tuple[date, str]] = [(date(year, 1, 1), "元旦")]
    days += [(new_year + timedelta(days=k), "春节") for k in law.spring]
    days += [(d, "清明节") for d, term in get_solar_terms(date(year, 4, 1), date(year, 4, 30))
             if term == "清明"]  # fmt: skip
    days += [(date(year, 5, day), "劳动节") for day in law.labour]
    days += [(date(year, 10, day), "国庆节") for day in (1, 2, 3)]
    days += [(lunar_day(year, 5, 5), "端午节"), (lunar_day(year, 8, 15), "中秋节")]
    out: dict[date, DayInfo] = {}
    for day, name in days:  # 中秋 on 10-01..03 keeps 国庆节's name, as the notices do
        out.setdefault(day, DayInfo(day, DayKind.HOLIDAY, name, HOLIDAY_NAMES[name], True))
    return out


@cache
def lunar_day(year: int, month: int, day: int) -> date:
    """The Gregorian date of a day of the lunar year that begins in ``year``."""
    from lunar_python import Lunar

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())
