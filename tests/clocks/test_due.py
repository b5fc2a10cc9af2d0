"""due_after / due_before: the counting conventions on worked examples."""

from datetime import date, datetime, time, timedelta, timezone

import pytest

from gongkai import SHANGHAI, Duration, WorkCalendar, due_after
from gongkai.clocks import due_before
from gongkai.errors import CalendarCoverageError
from gongkai.timezone import end_of_day, local_date, to_shanghai

CAL = WorkCalendar.default()
EST = WorkCalendar.default(policy="estimate")


def eod(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 23, 59, 59, 999999, tzinfo=SHANGHAI)


def test_twenty_workdays_from_wednesday_before_national_day() -> None:
    due = due_after(date(2026, 9, 30), Duration.parse("20个工作日"), CAL)
    assert due.at == eod(2026, 11, 3)
    assert due.at.utcoffset() == timedelta(hours=8)
    assert due.date == date(2026, 11, 3)
    assert not due.estimated


def test_time_of_day_does_not_matter_for_day_periods() -> None:
    for at in (datetime(2026, 9, 30, 0, 0), datetime(2026, 9, 30, 23, 59)):
        assert due_after(at, Duration.workdays(20), CAL).at == eod(2026, 11, 3)


def test_spring_festival() -> None:
    assert due_after(date(2026, 2, 13), Duration.workdays(7), CAL).date == date(2026, 3, 2)


def test_makeup_saturday_start() -> None:
    assert due_after(date(2026, 10, 10), Duration.workdays(1), CAL).date == date(2026, 10, 12)


def test_hours_run_over_night() -> None:
    due = due_after(datetime(2026, 11, 22, 23, 0), Duration.parse("5小时"), CAL)
    assert due.at == datetime(2026, 11, 23, 4, 0, tzinfo=SHANGHAI)
    assert not due.estimated


def test_hours_run_over_holidays_and_ignore_coverage() -> None:
    due = due_after(datetime(2026, 9, 30, 20, 0), Duration.hours(48), CAL)
    assert due.at == datetime(2026, 10, 2, 20, 0, tzinfo=SHANGHAI)
    # No calendar data needed: works in 2030 under the strict policy.
    assert due_after(datetime(2030, 1, 1), Duration.hours(24), CAL).at == datetime(
        2030, 1, 2, tzinfo=SHANGHAI
    )


def test_aware_utc_input_is_read_in_shanghai() -> None:
    utc = datetime(2026, 11, 22, 16, 0, tzinfo=timezone.utc)
    assert to_shanghai(utc) == datetime(2026, 11, 23, 0, 0, tzinfo=SHANGHAI)
    assert local_date(utc) == date(2026, 11, 23)
    # The date for day counting is 11-23 (Mon), not 11-22 (Sun).
    assert due_after(utc, Duration.workdays(1), CAL).date == date(2026, 11, 24)
    assert due_after(date(2026, 11, 22), Duration.workdays(1), CAL).date == date(2026, 11, 23)
    assert due_after(utc, Duration.hours(5), CAL).at == datetime(2026, 11, 23, 5, tzinfo=SHANGHAI)


def test_naive_input_is_shanghai() -> None:
    naive = datetime(2026, 11, 22, 23, 0)
    assert to_shanghai(naive) == datetime(2026, 11, 22, 23, 0, tzinfo=SHANGHAI)
    assert to_shanghai(date(2026, 11, 22)) == datetime(2026, 11, 22, tzinfo=SHANGHAI)
    assert end_of_day(date(2026, 11, 22)).time() == time.max


def test_sunday_receipt() -> None:
    sunday = date(2026, 11, 22)
    assert sunday.weekday() == 6
    assert due_after(sunday, Duration.workdays(5), CAL).date == date(2026, 11, 27)
    assert due_after(datetime(2026, 11, 22, 15, 30), Duration.workdays(1), CAL).date == date(
        2026, 11, 23
    )


def test_natural_days_roll_to_next_working_day() -> None:
    # 2026-09-28 + 3日 = 10-01 (National Day): rolls to 10-08.
    assert due_after(date(2026, 9, 28), Duration.parse("3日"), CAL).at == eod(2026, 10, 8)
    assert due_after(date(2026, 9, 28), Duration.days(3), CAL, roll=False).at == eod(2026, 10, 1)
    # A plain weekend also rolls: 2026-11-19 (Thu) + 3日 = Sun 11-22 -> Mon 11-23.
    assert due_after(date(2026, 11, 19), Duration.days(3), CAL).date == date(2026, 11, 23)
    # A last day that is a make-up workday does not roll.
    assert due_after(date(2026, 10, 7), Duration.days(3), CAL).date == date(2026, 10, 10)


def test_due_before() -> None:
    # Two working days before Mon 2026-10-12: Fri 10-09 (Sat 10-10 counts as one).
    assert due_before(date(2026, 10, 12), Duration.workdays(2), CAL).at == eod(2026, 10, 9)
    assert due_before(date(2026, 10, 12), Duration.days(2), CAL).date == date(2026, 10, 10)
    assert due_before(datetime(2026, 10, 12, 9, 0), Duration.hours(24), CAL).at == datetime(
        2026, 10, 11, 9, 0, tzinfo=SHANGHAI
    )


def test_coverage_strict_and_estimate() -> None:
    with pytest.raises(CalendarCoverageError) as info:
        due_after(date(2026, 12, 10), Duration.workdays(20), CAL)
    assert info.value.year == 2027
    due = due_after(date(2026, 12, 10), Duration.workdays(20), EST)
    assert due.date == date(2027, 1, 8)  # 元旦 2027-01-01 is off
    assert due.estimated
    inside = due_after(date(2026, 11, 10), Duration.workdays(20), EST)
    assert inside.date == date(2026, 12, 8)
    assert not inside.estimated
    assert due_before(date(2027, 1, 5), Duration.workdays(5), EST).estimated
    assert not due_before(date(2026, 12, 31), Duration.workdays(5), EST).estimated
