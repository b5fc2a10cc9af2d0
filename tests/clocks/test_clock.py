"""Clock: worked examples of start, pause, resume, restart, extend, stop, status, remaining."""

from datetime import date, datetime

import pytest

from gongkai import SHANGHAI, Clock, ClockStatus, Duration, WorkCalendar, due_after
from gongkai.clocks import ClockEventKind, Unit
from gongkai.errors import ClockError

CAL = WorkCalendar.default()
EST = WorkCalendar.default(policy="estimate")
TWENTY = Duration.workdays(20)


def eod(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 23, 59, 59, 999999, tzinfo=SHANGHAI)


def at(y: int, m: int, d: int, h: int = 9, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=SHANGHAI)


@pytest.fixture
def clock() -> Clock:
    return Clock(TWENTY, CAL, max_extension=Duration.workdays(20)).start(date(2026, 9, 30))


def test_start(clock: Clock) -> None:
    assert clock.state is ClockStatus.RUNNING
    assert clock.due_at == eod(2026, 11, 3)
    assert clock.due is not None and not clock.due.estimated
    assert Clock(TWENTY, CAL).due is None
    assert Clock(TWENTY, CAL).state is ClockStatus.NOT_STARTED
    assert Clock(TWENTY, CAL).status(at(2026, 1, 1)) is ClockStatus.NOT_STARTED


def test_events_return_new_clocks(clock: Clock) -> None:
    paused = clock.pause(at(2026, 10, 12))
    assert clock.state is ClockStatus.RUNNING
    assert [e.kind for e in clock.events] == [ClockEventKind.START]
    assert [e.kind for e in paused.events] == [ClockEventKind.START, ClockEventKind.PAUSE]


def test_pause_and_resume_by_hand(clock: Clock) -> None:
    # Paused Mon 10-12 (that day is used), resumed Fri 10-16: (10-12, 10-16] holds
    # 4 working days (13, 14, 15, 16), so 11-03 moves 4 working days to Mon 11-09.
    paused = clock.pause(at(2026, 10, 12, 10))
    assert paused.state is ClockStatus.PAUSED
    assert paused.due_at is None
    assert paused.status(at(2026, 12, 31)) is ClockStatus.PAUSED
    assert paused.remaining(at(2026, 10, 13)) is None
    resumed = paused.resume(at(2026, 10, 16, 15))
    assert resumed.state is ClockStatus.RUNNING
    assert resumed.due_at == eod(2026, 11, 9)


def test_pause_and_resume_same_day_removes_nothing(clock: Clock) -> None:
    assert clock.pause(at(2026, 10, 12, 9)).resume(at(2026, 10, 12, 17)).due_at == eod(2026, 11, 3)


def test_pause_over_a_holiday_removes_only_working_days(clock: Clock) -> None:
    # (09-30, 10-09]: 10-08 and 10-09 only.
    resumed = clock.pause(at(2026, 9, 30, 18)).resume(at(2026, 10, 9, 9))
    assert resumed.due_at == eod(2026, 11, 5)


def test_pause_after_due_changes_nothing(clock: Clock) -> None:
    late = clock.pause(at(2026, 11, 10)).resume(at(2026, 11, 20))
    assert late.due_at == eod(2026, 11, 3)
    assert late.status(at(2026, 11, 20, 10)) is ClockStatus.OVERDUE


def test_restart_equals_fresh_clock() -> None:
    base = Clock(TWENTY, CAL).start(at(2026, 9, 1))
    restarted = base.pause(at(2026, 9, 10)).restart(at(2026, 10, 12, 14))
    fresh = Clock(TWENTY, CAL).start(at(2026, 10, 12, 14))
    assert restarted.state is ClockStatus.RUNNING
    assert restarted.due_at == fresh.due_at == eod(2026, 11, 9)
    assert base.restart(date(2026, 10, 12)).due_at == fresh.due_at


def test_extension_once(clock: Clock) -> None:
    extended = clock.extend(
        at(2026, 10, 30), Duration.workdays(20), approver="张三", notice="延期答复告知书"
    )
    assert extended.extended and not clock.extended
    assert extended.due_at == eod(2026, 12, 1)
    assert CAL.workdays_between(date(2026, 11, 3), date(2026, 12, 1)) == 20
    with pytest.raises(ClockError) as info:
        extended.extend(at(2026, 11, 1), Duration.workdays(1), approver="张三", notice="再次延期")
    assert "一次" in info.value.zh and "once" in info.value.en


def test_extension_less_than_the_allowance(clock: Clock) -> None:
    extended = clock.extend(at(2026, 10, 30), Duration.workdays(5), approver="李四", notice="告知")
    assert extended.due_at == eod(2026, 11, 10)


@pytest.mark.parametrize("by", [Duration.workdays(21), Duration.days(5)])
def test_bad_extensions(clock: Clock, by: Duration) -> None:
    with pytest.raises(ClockError):
        clock.extend(at(2026, 10, 30), by, approver="张三", notice="告知")


def test_an_unapproved_extension_still_counts(clock: Clock) -> None:
    """Approval is judged by a rule of its own (national.request.extension_approved)."""
    extended = clock.extend(at(2026, 10, 30), Duration.workdays(5), approver="", notice=None)
    assert extended.due_at == eod(2026, 11, 10)


def test_extension_until_a_day(clock: Clock) -> None:
    """As a 延期答复告知书 states it: extended to 2026-12-01 = 20 working days after 11-03."""
    assert clock.extend(at(2026, 10, 30), until=date(2026, 12, 1)).due_at == eod(2026, 12, 1)
    for too_far_or_early in (date(2026, 12, 2), date(2026, 11, 3)):
        with pytest.raises(ClockError):
            clock.extend(at(2026, 10, 30), until=too_far_or_early)
    with pytest.raises(ClockError):
        clock.extend(at(2026, 10, 30))  # neither by nor until


def test_no_extension_allowed() -> None:
    clock = Clock(TWENTY, CAL).start(date(2026, 9, 30))
    with pytest.raises(ClockError) as info:
        clock.extend(at(2026, 10, 30), Duration.workdays(1), approver="张三", notice="告知")
    assert "cannot be extended" in info.value.en


def test_events_out_of_order(clock: Clock) -> None:
    with pytest.raises(ClockError):
        clock.pause(at(2026, 9, 29))  # before the start
    with pytest.raises(ClockError):
        clock.resume(at(2026, 10, 12))  # not paused
    with pytest.raises(ClockError):
        clock.start(at(2026, 10, 12))  # already started
    with pytest.raises(ClockError):
        clock.pause(at(2026, 10, 12)).pause(at(2026, 10, 13))  # already paused
    with pytest.raises(ClockError):
        Clock(TWENTY, CAL).pause(at(2026, 10, 12))  # not started
    with pytest.raises(ClockError):
        Clock(TWENTY, CAL).stop(at(2026, 10, 12))  # not started
    stopped = clock.stop(at(2026, 10, 20))
    for event in (stopped.pause, stopped.resume, stopped.restart, stopped.stop):
        with pytest.raises(ClockError):
            event(at(2026, 10, 21))


def test_status(clock: Clock) -> None:
    assert clock.status(at(2026, 10, 20)) is ClockStatus.RUNNING
    assert clock.status(eod(2026, 11, 3)) is ClockStatus.RUNNING
    assert clock.status(at(2026, 11, 4, 0)) is ClockStatus.OVERDUE
    met = clock.stop(at(2026, 11, 3, 17))
    assert met.stopped_at == at(2026, 11, 3, 17)
    assert met.status(at(2027, 6, 1)) is ClockStatus.MET
    assert met.due_at == eod(2026, 11, 3)
    late = clock.stop(at(2026, 11, 4, 8))
    assert late.status(at(2026, 11, 4, 9)) is ClockStatus.OVERDUE
    assert late.state is ClockStatus.MET  # the state after the last event


def test_stop_while_paused(clock: Clock) -> None:
    stopped = clock.pause(at(2026, 10, 12)).stop(at(2026, 11, 20))
    # Resumed at the stop: (10-12, 11-20] holds 29 working days.
    assert stopped.due_at is not None
    assert stopped.due_at.date() == CAL.add_workdays(date(2026, 11, 3), 29)
    assert stopped.status(at(2026, 12, 1)) is ClockStatus.MET


def test_remaining(clock: Clock) -> None:
    left = clock.remaining(at(2026, 10, 30, 16))
    assert left is not None
    assert (left.value, left.unit) == (2, Unit.WORKDAYS)  # Mon 11-02 and Tue 11-03
    assert clock.remaining(at(2026, 11, 3, 8)).value == 0  # type: ignore[union-attr]
    assert clock.remaining(at(2026, 11, 5)).value == -2  # type: ignore[union-attr]
    assert clock.stop(at(2026, 10, 30)).remaining(at(2026, 10, 30)) is None
    assert Clock(TWENTY, CAL).remaining(at(2026, 10, 30)) is None


def test_hour_clock() -> None:
    clock = Clock(Duration.hours(5), CAL).start(datetime(2026, 11, 22, 23, 0))
    assert clock.due_at == datetime(2026, 11, 23, 4, 0, tzinfo=SHANGHAI)
    left = clock.remaining(datetime(2026, 11, 23, 1, 30))
    assert left is not None and (left.value, left.unit) == (2.5, Unit.HOURS)
    # A pause removes the wall-clock time R - P.
    paused = clock.pause(datetime(2026, 11, 23, 1, 0)).resume(datetime(2026, 11, 23, 2, 15))
    assert paused.due_at == datetime(2026, 11, 23, 5, 15, tzinfo=SHANGHAI)


def test_hour_clock_needs_no_calendar_data() -> None:
    start = datetime(2030, 5, 1, 8, 0)
    clock = Clock(Duration.hours(24), CAL).start(start)
    assert clock.due == due_after(start, Duration.hours(24), CAL)
    assert clock.due is not None and not clock.due.estimated


def test_natural_day_clock() -> None:
    clock = Clock(Duration.days(3), CAL).start(date(2026, 9, 28))
    assert clock.due_at == eod(2026, 10, 8)
    assert Clock(Duration.days(3), CAL, roll=False).start(date(2026, 9, 28)).due_at == eod(
        2026, 10, 1
    )
    left = clock.remaining(at(2026, 10, 1))
    assert left is not None and (left.value, left.unit) == (7, Unit.DAYS)


def test_estimated_clock() -> None:
    clock = Clock(TWENTY, EST).start(date(2026, 12, 10))
    assert clock.due is not None
    assert clock.due.estimated
    assert clock.due.date == date(2027, 1, 8)  # 元旦 2027-01-01 is off
    inside = Clock(TWENTY, EST).start(date(2026, 11, 10))
    assert inside.due is not None and not inside.due.estimated
    # An extension that runs into 2027 makes the result estimated.
    ext = Clock(TWENTY, EST, max_extension=TWENTY).start(date(2026, 11, 10))
    ext = ext.extend(at(2026, 12, 1), TWENTY, approver="张三", notice="告知")
    assert ext.due is not None and ext.due.estimated
