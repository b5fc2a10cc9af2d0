"""``Clock``: a legal period as a pure computation over dated events.

A clock is started, may be paused and resumed (third-party consultation),
restarted from zero (a corrected request received), extended once (with
approver and notice) and stopped (the reply sent). Nothing runs in the
background: ``due_at`` and ``status(as_of)`` are computed from the events.

What a pause removes. A pause at instant P and a resume at instant R remove
the interval (P, R] from the count: for working-day clocks the working days
strictly after P's day up to and including R's day; the pause day itself has
been used. Equivalently (and this is tested as a law), a clock paused over
(P, R] ends where the unpaused clock ends plus the working days in (P, R], as
long as P is not after the unpaused end. Natural-day clocks remove the days in
(P, R]; hour clocks remove the wall-clock time R − P. A pause that begins after
the clock was already due changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import Enum

from gongkai.calendar import WorkCalendar
from gongkai.clocks.due import Due
from gongkai.clocks.duration import Duration, Unit
from gongkai.errors import ClockError
from gongkai.timezone import end_of_day, local_date, to_shanghai


class ClockStatus(str, Enum):
    """Where a clock stands at a given instant."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"  #: stopped on or before the due instant
    OVERDUE = "overdue"  #: due instant passed without a stop, or stopped late


class ClockEventKind(str, Enum):
    """What happened to a clock."""

    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    RESTART = "restart"
    EXTEND = "extend"
    STOP = "stop"


@dataclass(frozen=True, slots=True)
class ClockEvent:
    """One dated clock event; ``by`` (a length) or ``until`` (the new last day, as a 延期答复
    告知书 states it), ``approver`` and ``notice`` belong to an extension."""

    kind: ClockEventKind
    at: datetime
    by: Duration | None = None
    approver: str | None = None
    notice: str | None = None
    until: date | None = None


@dataclass(frozen=True, slots=True)
class Remaining:
    """Time left before the due instant, in the clock's unit; negative once overdue."""

    value: float
    unit: Unit


Point = date | datetime


@dataclass(frozen=True)
class Clock:
    """An immutable legal clock; each event method returns a new clock.

    Its events are validated when it is built: an impossible sequence (a pause before the
    start, a second extension …) raises :class:`~gongkai.errors.ClockError`.

    ``max_extension`` is the most one extension may add (``None``: no extension
    allowed); ``roll`` applies to natural-day clocks (see :func:`due_after`).
    """

    duration: Duration
    calendar: WorkCalendar
    max_extension: Duration | None = None
    roll: bool = True
    events: tuple[ClockEvent, ...] = field(default=())
    _run: _Run = field(init=False, repr=False, compare=False)
    _due: Due | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A clock is immutable: its events are folded once, here, which also validates them.
        run = _replay(self)
        object.__setattr__(self, "_run", run)
        stalled = run.state in (ClockStatus.NOT_STARTED, ClockStatus.PAUSED)
        due = None if stalled and run.stopped is None else self._finish(run.end, run.estimated)
        object.__setattr__(self, "_due", due)

    # -- events ----------------------------------------------------------------------

    def start(self, at: datetime | date) -> Clock:
        """Start counting at ``at`` (the start day itself is not counted)."""
        return self._add(ClockEvent(ClockEventKind.START, to_shanghai(at)))

    def pause(self, at: datetime | date) -> Clock:
        """Stop counting from ``at`` (e.g. a third party consulted)."""
        return self._add(ClockEvent(ClockEventKind.PAUSE, to_shanghai(at)))

    def resume(self, at: datetime | date) -> Clock:
        """Count again from ``at`` (``at``'s day itself is not counted)."""
        return self._add(ClockEvent(ClockEventKind.RESUME, to_shanghai(at)))

    def restart(self, at: datetime | date) -> Clock:
        """Count the whole period again from ``at`` (e.g. a corrected request received)."""
        return self._add(ClockEvent(ClockEventKind.RESTART, to_shanghai(at)))

    def extend(
        self,
        at: datetime | date,
        by: Duration | None = None,
        *,
        until: date | None = None,
        approver: str | None = None,
        notice: str | None = None,
    ) -> Clock:
        """Extend once by ``by``, or to the end of the day ``until``, adding at most
        ``max_extension``. Approver and notice are recorded, not judged here: rule
        ``national.request.extension_approved`` reports a missing one on its own."""
        if (by is None) == (until is None):
            raise ClockError(
                "延长须给出延长期限 by 或延长至的日期 until（二者之一）",
                "an extension needs either 'by' (a length) or 'until' (the new last day)",
            )
        event = ClockEvent(ClockEventKind.EXTEND, to_shanghai(at), by, approver, notice, until)
        return self._add(event)

    def stop(self, at: datetime | date) -> Clock:
        """The act the clock waits for happened at ``at``."""
        return self._add(ClockEvent(ClockEventKind.STOP, to_shanghai(at)))

    # -- results ---------------------------------------------------------------------

    @property
    def state(self) -> ClockStatus:
        """The state after the last event (not judged against any instant)."""
        return self._run.state

    @property
    def due(self) -> Due | None:
        """The due instant with its ``estimated`` flag; None before start or while paused."""
        return self._due

    @property
    def due_at(self) -> datetime | None:
        """The due instant (aware, Asia/Shanghai), or None before start or while paused."""
        due = self.due
        return None if due is None else due.at

    @property
    def stopped_at(self) -> datetime | None:
        """When the clock was stopped, if it was."""
        return self._run.stopped

    @property
    def extended(self) -> bool:
        """Whether the clock was extended."""
        return any(e.kind is ClockEventKind.EXTEND for e in self.events)

    def status(self, as_of: datetime | date) -> ClockStatus:
        """Running, paused, met or overdue as of ``as_of``."""
        run = self._run
        if run.state is ClockStatus.NOT_STARTED:
            return run.state
        due = self.due
        if run.stopped is None and run.state is ClockStatus.PAUSED:
            return ClockStatus.PAUSED
        assert due is not None
        return judge(due.at, run.stopped, to_shanghai(as_of))

    def remaining(self, as_of: datetime | date) -> Remaining | None:
        """Time left at ``as_of`` in the clock's unit (working days strictly after as_of's day
        up to the due day; hours as a fraction); None before start, while paused or once stopped."""
        run = self._run
        if run.state is not ClockStatus.RUNNING:
            return None
        due = self.due
        assert due is not None
        unit = self.duration.unit
        if unit is Unit.HOURS:
            return Remaining((due.at - to_shanghai(as_of)) / timedelta(hours=1), unit)
        today, last = local_date(as_of), due.at.date()
        if unit is Unit.WORKDAYS:
            return Remaining(self.calendar.workdays_between(today, last), unit)
        return Remaining((last - today).days, unit)

    # -- internals -------------------------------------------------------------------

    def _add(self, event: ClockEvent) -> Clock:
        if self.events and event.at < self.events[-1].at:
            raise ClockError(
                f"时钟事件 {event.kind.value} 的时间 {event.at.isoformat()} 早于上一事件",
                f"clock event {event.kind.value} at {event.at.isoformat()} is before the last event",
            )
        return replace(self, events=(*self.events, event))

    def _finish(self, end: Point, estimated: bool) -> Due:
        if isinstance(end, datetime):  # hour clocks run on the wall clock, not on calendar data
            return Due(end)
        last = end
        if self.duration.unit is Unit.DAYS and self.roll:
            last = self.calendar.roll_forward(end)
        return Due(end_of_day(last), estimated or self.calendar.is_estimated(end, last))


def judge(due_at: datetime, stopped: datetime | None, as_of: datetime) -> ClockStatus:
    """The status at ``as_of`` of a started clock that is not paused: met or overdue once
    stopped, else running until ``due_at`` and overdue after it."""
    if stopped is not None:
        return ClockStatus.MET if stopped <= due_at else ClockStatus.OVERDUE
    return ClockStatus.OVERDUE if as_of > due_at else ClockStatus.RUNNING


@dataclass
class _Run:
    state: ClockStatus = ClockStatus.NOT_STARTED
    end: Point = date.min  # unrolled due point
    paused_at: datetime | None = None
    stopped: datetime | None = None
    extended: bool = False
    extension: int = 0  # what the extension added, in the clock's unit
    estimated: bool = False


def _replay(clock: Clock) -> _Run:
    """Fold the events into the current due point, validating their order."""
    run = _Run()
    unit = clock.duration.unit
    cal = clock.calendar
    for event in clock.events:
        kind = event.kind
        _require_state(run, event)
        if kind in (ClockEventKind.START, ClockEventKind.RESTART):
            anchor = event.at if unit is Unit.HOURS else local_date(event.at)
            run.end = _shift(cal, unit, anchor, clock.duration.value)
            run.estimated = run.estimated or _estimated(cal, anchor, run.end)
            run.state = ClockStatus.RUNNING
            run.paused_at = None
            if kind is ClockEventKind.RESTART and run.extended:
                run.end = _shift(cal, unit, run.end, run.extension)
        elif kind is ClockEventKind.PAUSE:
            run.paused_at = event.at
            run.state = ClockStatus.PAUSED
        elif kind is ClockEventKind.RESUME:
            _resume(cal, unit, run, event.at)
        elif kind is ClockEventKind.EXTEND:
            run.extension = _check_extension(clock, run, event)
            new_end = _shift(cal, unit, run.end, run.extension)
            run.estimated = run.estimated or _estimated(cal, run.end, new_end)
            run.end = new_end
            run.extended = True
        else:  # STOP; a stop while paused first resumes at the same instant
            if run.state is ClockStatus.PAUSED:
                _resume(cal, unit, run, event.at)
            run.stopped = event.at
            run.state = ClockStatus.MET
    return run


def _resume(cal: WorkCalendar, unit: Unit, run: _Run, at: datetime) -> None:
    assert run.paused_at is not None
    paused = run.paused_at
    run.paused_at = None
    run.state = ClockStatus.RUNNING
    if _point(unit, paused) <= run.end:
        new_end = _shift(cal, unit, run.end, _span(cal, unit, paused, at))
        run.estimated = run.estimated or _estimated(cal, run.end, new_end)
        run.end = new_end


_ALLOWED = {
    ClockEventKind.START: {ClockStatus.NOT_STARTED},
    ClockEventKind.PAUSE: {ClockStatus.RUNNING},
    ClockEventKind.RESUME: {ClockStatus.PAUSED},
    ClockEventKind.RESTART: {ClockStatus.RUNNING, ClockStatus.PAUSED},
    ClockEventKind.EXTEND: {ClockStatus.RUNNING, ClockStatus.PAUSED},
    ClockEventKind.STOP: {ClockStatus.RUNNING, ClockStatus.PAUSED},
}


def _require_state(run: _Run, event: ClockEvent) -> None:
    if run.state not in _ALLOWED[event.kind]:
        raise ClockError(
            f"时钟处于“{run.state.value}”状态，不能执行 {event.kind.value}",
            f"a clock that is {run.state.value} cannot {event.kind.value}",
        )


def _check_extension(clock: Clock, run: _Run, event: ClockEvent) -> int:
    """What a valid extension adds, in the clock's unit; a ClockError says why it is not."""
    limit = clock.max_extension
    if run.extended:
        raise ClockError("期限只能延长一次", "a period can be extended only once")
    if limit is None:
        raise ClockError("该期限不允许延长", "this period cannot be extended")
    by = event.by if event.until is None else _length_until(clock, run, event.until)
    if by is None or by.unit is not limit.unit or by.value > limit.value:
        raise ClockError(
            f"延长期限最长不得超过{limit}，而申请延长 {by}",
            f"an extension may add at most {limit.en}, not {by.en if by else None}",
        )
    if run.end < _point(by.unit, event.at):
        raise ClockError(
            "延长须在答复期限届满前决定，期限届满后不能再延长",
            "an extension must be decided before the period ends, not after",
        )
    return by.value


def _length_until(clock: Clock, run: _Run, until: date) -> Duration:
    """The extension that moves the due day ``run.end`` to ``until``."""
    unit = clock.duration.unit
    if unit is Unit.HOURS or not isinstance(run.end, date) or until <= run.end:
        raise ClockError(
            f"延长至的日期 {until} 须晚于原期限届满日 {run.end}",
            f"the extended last day {until} must be after the original one {run.end}",
        )
    limit = clock.max_extension
    if limit is not None and limit.unit is unit:
        latest = _shift(clock.calendar, unit, run.end, limit.value)
        if until > latest:  # judged before counting into years the calendar may not hold
            raise ClockError(
                f"延长期限最长不得超过{limit}（至 {latest}），而申请延长至 {until}",
                f"an extension may add at most {limit.en} (to {latest}), not up to {until}",
            )
    if unit is Unit.WORKDAYS:
        return Duration.workdays(clock.calendar.workdays_between(run.end, until))
    return Duration.days((until - run.end).days)


def _point(unit: Unit, at: datetime) -> Point:
    return at if unit is Unit.HOURS else local_date(at)


def _shift(cal: WorkCalendar, unit: Unit, point: Point, amount: int | timedelta) -> Point:
    if unit is Unit.HOURS:
        assert isinstance(point, datetime)
        return point + (amount if isinstance(amount, timedelta) else timedelta(hours=amount))
    assert isinstance(amount, int)
    day = point.date() if isinstance(point, datetime) else point
    if unit is Unit.WORKDAYS:
        return cal.add_workdays(day, amount)
    return day + timedelta(days=amount)


def _span(cal: WorkCalendar, unit: Unit, start: datetime, end: datetime) -> int | timedelta:
    if unit is Unit.HOURS:
        return end - start
    a, b = local_date(start), local_date(end)
    return cal.workdays_between(a, b) if unit is Unit.WORKDAYS else (b - a).days


def _estimated(cal: WorkCalendar, first: Point, last: Point) -> bool:
    a = first.date() if isinstance(first, datetime) else first
    b = last.date() if isinstance(last, datetime) else last
    return cal.is_estimated(a, b)
