"""Laws of clocks: pauses, extensions, restarts, hour clocks and the estimate flag."""

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gongkai import Clock, Duration, WorkCalendar, due_after
from gongkai.errors import ClockError
from gongkai.timezone import local_date, to_shanghai

CAL = WorkCalendar.default()
EST = WorkCalendar.default(policy="estimate")
MAX_EXT = 30

instants = st.datetimes(
    min_value=datetime(2004, 3, 1), max_value=datetime(2026, 3, 31, 23, 59)
).flatmap(
    lambda dt: st.sampled_from(
        [dt, dt.replace(tzinfo=timezone.utc), dt.replace(tzinfo=timezone(timedelta(hours=-5)))]
    )
)
gaps = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=45))
workdays = st.integers(min_value=0, max_value=30)


@given(instants, workdays, gaps, gaps)
def test_pause_law(start: datetime, n: int, to_pause: timedelta, paused_for: timedelta) -> None:
    clock = Clock(Duration.workdays(n), CAL).start(start)
    assert clock.due is not None
    unpaused = clock.due.date
    pause, resume = start + to_pause, start + to_pause + paused_for
    assume(local_date(pause) <= unpaused)
    resumed = clock.pause(pause).resume(resume)
    assert resumed.due is not None
    expected = CAL.add_workdays(
        unpaused, CAL.workdays_between(local_date(pause), local_date(resume))
    )
    assert resumed.due.date == expected
    assert resumed.due.at >= clock.due.at


@given(instants, workdays, gaps, gaps)
def test_a_pause_never_shortens(
    start: datetime, n: int, to_pause: timedelta, paused_for: timedelta
) -> None:
    for duration in (Duration.workdays(n), Duration.days(n), Duration.hours(n)):
        clock = Clock(duration, CAL).start(start)
        pause = start + to_pause
        resumed = clock.pause(pause).resume(pause + paused_for)
        assert resumed.due_at is not None and clock.due_at is not None
        assert resumed.due_at >= clock.due_at


@given(instants, workdays, gaps, st.integers(min_value=0, max_value=MAX_EXT))
def test_extension_after_the_end_is_refused(
    start: datetime, n: int, when: timedelta, k: int
) -> None:
    clock = Clock(Duration.workdays(n), CAL, max_extension=Duration.workdays(MAX_EXT)).start(start)
    assert clock.due is not None
    late = clock.due.at + timedelta(days=1) + when
    with pytest.raises(ClockError, match="届满前"):
        clock.extend(late, Duration.workdays(k), approver="张三", notice="告知书")


@given(instants, workdays, gaps, st.integers(min_value=0, max_value=MAX_EXT))
def test_extension_adds_exactly_k_working_days(
    start: datetime, n: int, when: timedelta, k: int
) -> None:
    clock = Clock(Duration.workdays(n), CAL, max_extension=Duration.workdays(MAX_EXT)).start(start)
    assert clock.due is not None
    # an extension is decided while the period runs
    decided = min(to_shanghai(start + when), clock.due.at)
    extended = clock.extend(decided, Duration.workdays(k), approver="张三", notice="告知书")
    assert extended.due is not None
    assert extended.due.date == CAL.add_workdays(clock.due.date, k)
    assert CAL.workdays_between(clock.due.date, extended.due.date) == k


@given(instants, workdays, gaps, st.booleans())
def test_restart_equals_fresh_clock(
    start: datetime, n: int, later: timedelta, paused_first: bool
) -> None:
    for duration in (Duration.workdays(n), Duration.days(n), Duration.hours(n)):
        clock = Clock(duration, CAL).start(start)
        if paused_first:
            clock = clock.pause(start + later / 2)
        restarted = clock.restart(start + later)
        fresh = Clock(duration, CAL).start(start + later)
        assert restarted.due == fresh.due


@given(
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)),
    st.integers(min_value=0, max_value=1000),
    st.sampled_from([CAL, EST]),
)
def test_hour_clocks_are_wall_clock(start: datetime, hours: int, cal: WorkCalendar) -> None:
    expected = to_shanghai(start) + timedelta(hours=hours)
    due = Clock(Duration.hours(hours), cal).start(start).due
    assert due is not None
    assert due.at == expected
    assert not due.estimated
    assert due_after(start, Duration.hours(hours), cal).at == expected


@given(
    st.dates(min_value=date(2025, 6, 1), max_value=date(2028, 12, 31)),
    st.integers(min_value=0, max_value=40),
)
def test_estimate_flag_propagates(start: date, n: int) -> None:
    for duration in (Duration.workdays(n), Duration.days(n)):
        due = Clock(duration, EST).start(start).due
        assert due is not None
        assert due == due_after(start, duration, EST)
        touches = any(
            year not in EST.covered_years for year in range(start.year, due.date.year + 1)
        )
        assert due.estimated == touches
