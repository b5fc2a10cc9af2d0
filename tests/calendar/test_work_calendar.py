"""Worked examples of WorkCalendar on the bundled (chinese-calendar) data."""

from datetime import date

import pytest

from gongkai import CoveragePolicy, DayKind, WorkCalendar
from gongkai.errors import CalendarCoverageError, CalendarDataError, GongkaiError


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.default()


@pytest.fixture(scope="module")
def est() -> WorkCalendar:
    return WorkCalendar.default(policy="estimate")


# -- add_workdays: the worked examples ---------------------------------------------------


def test_twenty_workdays_over_national_day(cal: WorkCalendar) -> None:
    assert cal.add_workdays(date(2026, 9, 30), 20) == date(2026, 11, 3)


def test_spring_festival_makeup_saturdays_count(cal: WorkCalendar) -> None:
    # 2026-02-14 and 2026-02-28 are make-up Saturdays; 02-15..02-23 are off.
    assert cal.add_workdays(date(2026, 2, 13), 7) == date(2026, 3, 2)


def test_start_day_never_counts_even_if_makeup_workday(cal: WorkCalendar) -> None:
    assert cal.is_workday(date(2026, 10, 10))
    assert cal.add_workdays(date(2026, 10, 10), 1) == date(2026, 10, 12)


def test_sunday_receipt_counts_from_next_workday(cal: WorkCalendar) -> None:
    sunday = date(2026, 3, 8)
    assert sunday.weekday() == 6
    assert cal.add_workdays(sunday, 1) == date(2026, 3, 9)
    assert cal.add_workdays(sunday, 5) == date(2026, 3, 13)
    # Same result as starting on the Saturday or the Friday before it.
    assert cal.add_workdays(sunday, 5) == cal.add_workdays(date(2026, 3, 6), 5)


def test_zero_and_negative(cal: WorkCalendar) -> None:
    assert cal.add_workdays(date(2026, 10, 3), 0) == date(2026, 10, 3)
    assert cal.add_workdays(date(2026, 10, 12), -1) == date(2026, 10, 10)
    assert cal.add_workdays(date(2026, 10, 8), -1) == date(2026, 9, 30)
    assert cal.add_workdays(date(2026, 10, 5), -1) == date(2026, 9, 30)


def test_next_workday_and_roll_forward(cal: WorkCalendar) -> None:
    # 2026 National Day: 10-01..10-07 off, 10-08 back at work.
    assert cal.next_workday(date(2026, 9, 30)) == date(2026, 10, 8)
    assert cal.roll_forward(date(2026, 10, 1)) == date(2026, 10, 8)
    assert cal.roll_forward(date(2026, 9, 30)) == date(2026, 9, 30)


def test_workdays_between(cal: WorkCalendar) -> None:
    assert cal.workdays_between(date(2026, 9, 30), date(2026, 11, 3)) == 20
    assert cal.workdays_between(date(2026, 11, 3), date(2026, 9, 30)) == -20
    assert cal.workdays_between(date(2026, 9, 30), date(2026, 10, 7)) == 0
    assert cal.workdays_between(date(2026, 9, 30), date(2026, 10, 8)) == 1
    assert cal.workdays_between(date(2026, 5, 5), date(2026, 5, 5)) == 0
    # (a, b]: b counts, a does not.
    assert cal.workdays_between(date(2026, 10, 9), date(2026, 10, 10)) == 1
    assert cal.workdays_between(date(2026, 10, 10), date(2026, 10, 12)) == 1


# -- day kinds --------------------------------------------------------------------------


def test_day_kinds(cal: WorkCalendar) -> None:
    makeup = cal.day_kind(date(2026, 2, 14))
    assert makeup.kind is DayKind.MAKEUP_WORKDAY
    assert makeup.name_zh == "春节"
    assert makeup.is_workday

    swapped = cal.day_kind(date(2026, 10, 6))
    assert swapped.kind is DayKind.SWAPPED_REST
    assert not swapped.is_workday

    national = cal.day_kind(date(2026, 10, 1))
    assert national.kind is DayKind.HOLIDAY
    assert national.name_zh == "国庆节"
    assert national.name_en == "National Day"

    saturday = cal.day_kind(date(2026, 3, 7))
    assert saturday.kind is DayKind.WEEKEND
    assert saturday.name_zh is None
    assert not saturday.estimated

    plain = cal.day_kind(date(2026, 3, 9))
    assert plain.kind is DayKind.WORKDAY
    assert plain.is_workday


def test_day_kind_chinese_names() -> None:
    assert DayKind.MAKEUP_WORKDAY.zh == "调休上班"
    assert DayKind.SWAPPED_REST.zh == "调休休息"
    assert DayKind.HOLIDAY.zh == "法定节假日"


# -- coverage ---------------------------------------------------------------------------


def test_coverage(cal: WorkCalendar) -> None:
    assert cal.coverage == (2004, 2026)
    assert cal.policy is CoveragePolicy.STRICT
    assert 2015 in cal.covered_years
    assert "chinese-calendar" in cal.provenance[0]


def test_strict_raises_naming_the_missing_year(cal: WorkCalendar) -> None:
    with pytest.raises(CalendarCoverageError) as info:
        cal.add_workdays(date(2026, 12, 10), 20)
    assert info.value.year == 2027
    assert "2027" in str(info.value)
    assert "2027 年" in info.value.zh and "2027" in info.value.en
    for call in (
        lambda: cal.is_workday(date(2027, 1, 4)),
        lambda: cal.day_kind(date(2003, 6, 2)),
        lambda: cal.workdays_between(date(2026, 12, 1), date(2027, 1, 5)),
        lambda: cal.add_workdays(date(2004, 1, 5), -10),
    ):
        with pytest.raises(CalendarCoverageError):
            call()


def test_strict_does_not_raise_when_result_stays_in_covered_year(cal: WorkCalendar) -> None:
    assert cal.add_workdays(date(2026, 12, 1), 20) == date(2026, 12, 29)
    assert cal.add_workdays(date(2026, 12, 30), 1) == date(2026, 12, 31)


def test_strict_huge_period_is_a_coverage_error_not_overflow(cal: WorkCalendar) -> None:
    with pytest.raises(CalendarCoverageError):
        cal.add_workdays(date(2020, 1, 1), 10**12)
    with pytest.raises(CalendarCoverageError):
        cal.add_workdays(date(2020, 1, 1), -(10**12))


def test_estimate_policy_counts_statutory_holidays_and_weekends(est: WorkCalendar) -> None:
    assert est.policy is CoveragePolicy.ESTIMATE
    # 2026-12-10 (Thu): 15 working days left in 2026; 元旦 Fri 2027-01-01 is a statutory
    # holiday (全国年节及纪念日放假办法 第二条（一）), then 01-04..08.
    assert est.add_workdays(date(2026, 12, 10), 20) == date(2027, 1, 8)
    info = est.day_kind(date(2027, 1, 1))
    assert (info.kind, info.name_zh, info.estimated) == (DayKind.HOLIDAY, "元旦", True)
    plain = est.day_kind(date(2027, 1, 4))
    assert (plain.kind, plain.estimated) == (DayKind.WORKDAY, True)
    assert est.is_workday(date(2030, 6, 3))
    assert not est.is_workday(date(2030, 6, 2))
    assert est.is_estimated(date(2026, 12, 10), date(2027, 1, 7))
    assert not est.is_estimated(date(2026, 1, 1), date(2026, 12, 31))
    # The estimated data does not leak into the strict calendar.
    with pytest.raises(CalendarCoverageError):
        WorkCalendar.default().is_workday(date(2030, 6, 3))


def test_estimate_has_a_limit(est: WorkCalendar) -> None:
    with pytest.raises(CalendarDataError):
        est.add_workdays(date(2026, 1, 1), 100_000)
    with pytest.raises(CalendarDataError):
        est.add_workdays(date(2026, 1, 1), 10**12)


def test_with_policy_and_unknown_policy(cal: WorkCalendar) -> None:
    assert cal.with_policy("estimate").policy is CoveragePolicy.ESTIMATE
    assert cal.policy is CoveragePolicy.STRICT
    with pytest.raises(CalendarDataError) as info:
        WorkCalendar.default(policy="guess")
    assert isinstance(info.value, GongkaiError)
    assert "strict" in str(info.value)
