"""The statutory holidays of 《全国年节及纪念日放假办法》 that the estimate policy counts.

第二条 of each revision (texts: 国务院令第513号, 2007-12-14, in force 2008-01-01; 第644号,
2013-12-11, in force 2014-01-01; 第795号, 2024-11-10, in force 2025-01-01; stored copies
cited in gongkai.calendar.statutory.LAWS). Lunar dates from lunar-python, 清明 from
chinese-calendar's solar terms; both checked against chinese-calendar's official data.
"""

from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest
from chinese_calendar import constants

from gongkai.calendar.statutory import LAWS, law_for, statutory_holidays
from gongkai.errors import CalendarDataError, GongkaiError


def names(year: int) -> dict[date, str]:
    return {day: info.name_zh or "" for day, info in statutory_holidays(year).items()}


def test_2027_under_the_2024_revision() -> None:
    # 元旦 1; 春节 4 (除夕 2027-02-05, 正月初一至初三); 清明 1; 劳动节 2; 端午 1; 中秋 1; 国庆 3.
    assert names(2027) == {
        date(2027, 1, 1): "元旦",
        date(2027, 2, 5): "春节",
        date(2027, 2, 6): "春节",
        date(2027, 2, 7): "春节",
        date(2027, 2, 8): "春节",
        date(2027, 4, 5): "清明节",
        date(2027, 5, 1): "劳动节",
        date(2027, 5, 2): "劳动节",
        date(2027, 6, 9): "端午节",
        date(2027, 9, 15): "中秋节",
        date(2027, 10, 1): "国庆节",
        date(2027, 10, 2): "国庆节",
        date(2027, 10, 3): "国庆节",
    }
    assert all(info.estimated for info in statutory_holidays(2027).values())


def test_each_revision_in_its_years() -> None:
    assert [law.number for law in LAWS] == ["国务院令第513号", "国务院令第644号", "国务院令第795号"]
    assert law_for(2013).number == "国务院令第513号" and law_for(2014).number == "国务院令第644号"
    assert law_for(2024).number == "国务院令第644号" and law_for(2025).number == "国务院令第795号"
    # 2013 (2007 revision): 春节 = 除夕、初一、初二 (除夕 2013-02-09); 劳动节 1 day.
    assert [d for d, n in names(2013).items() if n == "春节"] == [
        date(2013, 2, 9), date(2013, 2, 10), date(2013, 2, 11),
    ]  # fmt: skip
    # 2014 (2013 revision): 初一至初三 (初一 2014-01-31), no 除夕; 劳动节 1 day.
    assert [d for d, n in names(2014).items() if n == "春节"] == [
        date(2014, 1, 31), date(2014, 2, 1), date(2014, 2, 2),
    ]  # fmt: skip
    assert [d for d, n in names(2024).items() if n == "劳动节"] == [date(2024, 5, 1)]
    assert [d for d, n in names(2025).items() if n == "劳动节"] == [
        date(2025, 5, 1),
        date(2025, 5, 2),
    ]
    for law in LAWS:
        assert law.quote and law.url.startswith("https://")


def test_中秋_on_national_day_keeps_one_day_off() -> None:
    # 2020: 中秋 fell on 10-01, so the law gives 3 days, not 4 (the 2020 notice then
    # scheduled 8 days with 调休 — which the estimate cannot know).
    assert [d for d in names(2020) if d.month == 10] == [date(2020, 10, d) for d in (1, 2, 3)]


@pytest.mark.parametrize("year", range(2008, 2027))
def test_every_estimated_holiday_was_off_in_the_official_data(year: int) -> None:
    for day, info in statutory_holidays(year).items():
        assert not chinese_calendar.is_workday(day), (day, info.name_zh)
        official = constants.holidays.get(day)
        if official is not None and {official, info.name_en} != {
            "National Day",
            "Mid-autumn Festival",
        }:
            assert official == info.name_en, (day, official, info.name_en)


@pytest.mark.parametrize("year", [2007, 2101, 0, -1, 10000])
def test_years_outside_the_modelled_laws_are_a_clear_error(year: int) -> None:
    with pytest.raises(CalendarDataError) as info:
        statutory_holidays(year)
    assert isinstance(info.value, GongkaiError) and "2008" in info.value.zh


def test_the_tests_plausible_2027_files_list_the_2027_statutory_weekdays() -> None:
    from tests.statutory_2027 import WEEKDAY_HOLIDAYS_2027

    weekdays = {
        d.isoformat(): info.name_zh
        for d, info in statutory_holidays(2027).items()
        if d.weekday() < 5
    }
    assert weekdays == WEEKDAY_HOLIDAYS_2027
