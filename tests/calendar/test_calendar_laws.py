"""Laws of working-day arithmetic, checked against chinese-calendar and a naive reference."""

from datetime import date, timedelta

import chinese_calendar
from hypothesis import assume, given
from hypothesis import strategies as st

from gongkai import WorkCalendar
from gongkai.calendar.statutory import statutory_holidays
from gongkai.clocks import Duration, due_after

CAL = WorkCalendar.default()
EST = WorkCalendar.default(policy="estimate")
FIRST, LAST = date(2004, 1, 1), date(2026, 12, 31)

# Keep results inside the data: a ±120-working-day walk stays within the years covered.
dates = st.dates(min_value=date(2004, 7, 1), max_value=date(2026, 6, 30))
counts = st.integers(min_value=-60, max_value=60)
small = st.integers(min_value=0, max_value=30)


def naive_add(day: date, n: int) -> date:
    """The n-th working day strictly after ``day`` (before it when n < 0), day by day."""
    step = timedelta(days=1 if n > 0 else -1)
    left = abs(n)
    while left:
        day += step
        if chinese_calendar.is_workday(day):
            left -= 1
    return day


def test_is_workday_agrees_with_chinese_calendar_on_every_day() -> None:
    day, disagreements, seen = FIRST, [], 0
    while day <= LAST:
        if CAL.is_workday(day) != chinese_calendar.is_workday(day):
            disagreements.append(day)
        if CAL.day_kind(day).is_workday != CAL.is_workday(day):
            disagreements.append(day)
        day += timedelta(days=1)
        seen += 1
    assert seen == 8401
    assert disagreements == []


@given(dates, counts)
def test_add_workdays_agrees_with_naive_reference(day: date, n: int) -> None:
    assert CAL.add_workdays(day, n) == naive_add(day, n)


@given(dates, counts)
def test_result_is_a_working_day(day: date, n: int) -> None:
    assume(n != 0)
    result = CAL.add_workdays(day, n)
    assert CAL.is_workday(result)
    assert (result > day) == (n > 0)


@given(dates, counts, counts)
def test_monotonic_in_n(day: date, a: int, b: int) -> None:
    if a < b:
        assert CAL.add_workdays(day, a) < CAL.add_workdays(day, b)
    elif a == b:
        assert CAL.add_workdays(day, a) == CAL.add_workdays(day, b)


@given(dates, counts)
def test_workdays_between_inverts_add_workdays(day: date, n: int) -> None:
    # Going back, (result, day] holds ``day`` itself, so the law needs a working day there.
    if n < 0:
        day = CAL.roll_forward(day)
    assert CAL.workdays_between(day, CAL.add_workdays(day, n)) == n


def test_workdays_between_back_from_a_day_off() -> None:
    # 2005-01-01 is a holiday: one working day back is 2004-12-31, yet (12-31, 01-01] is empty.
    assert CAL.add_workdays(date(2005, 1, 1), -1) == date(2004, 12, 31)
    assert CAL.workdays_between(date(2005, 1, 1), date(2004, 12, 31)) == 0


@given(dates, dates)
def test_workdays_between_is_antisymmetric_and_counts(a: date, b: date) -> None:
    assert CAL.workdays_between(a, b) == -CAL.workdays_between(b, a)
    if (b - a).days <= 120 and a <= b:
        expected = sum(
            chinese_calendar.is_workday(a + timedelta(days=k)) for k in range(1, (b - a).days + 1)
        )
        assert CAL.workdays_between(a, b) == expected


@given(dates, counts, counts)
def test_add_workdays_composes_from_a_working_day(day: date, a: int, b: int) -> None:
    day = CAL.roll_forward(day)
    assert CAL.add_workdays(CAL.add_workdays(day, a), b) == CAL.add_workdays(day, a + b)


@given(dates, small)
def test_estimate_policy_agrees_inside_coverage(day: date, n: int) -> None:
    assert EST.add_workdays(day, n) == CAL.add_workdays(day, n)
    assert not due_after(day, Duration.workdays(n), EST).estimated


@given(st.dates(min_value=date(2025, 6, 1), max_value=date(2029, 12, 31)), small)
def test_estimate_flag_iff_span_leaves_coverage(day: date, n: int) -> None:
    for duration in (Duration.workdays(n), Duration.days(n)):
        due = due_after(day, duration, EST)
        touches = any(y > 2026 for y in range(day.year, due.date.year + 1))
        assert due.estimated == touches


@given(st.dates(min_value=date(2027, 1, 1), max_value=date(2040, 12, 31)), counts)
def test_estimated_years_count_weekdays_that_are_not_statutory_holidays(day: date, n: int) -> None:
    assume(n != 0)
    result = EST.add_workdays(day, n)
    assume(result.year >= 2027)
    step = timedelta(days=1 if n > 0 else -1)
    cursor, left = day, abs(n)
    while left:
        cursor += step
        left -= cursor.weekday() < 5 and cursor not in statutory_holidays(cursor.year)
    assert result == cursor


@given(st.dates(min_value=date(2026, 1, 1), max_value=date(2098, 12, 31)), st.integers(1, 400))
def test_an_estimate_never_falls_on_a_statutory_holiday(day: date, n: int) -> None:
    result = EST.add_workdays(day, n)
    info = EST.day_kind(result)
    assert info.is_workday
    if info.estimated:  # a year without data: a weekday that the law does not give off
        assert result.weekday() < 5
        assert result not in statutory_holidays(result.year)
