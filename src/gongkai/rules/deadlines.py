"""Deadline rules: a clock over a record's history, a lead time, or a same-instant requirement."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from gongkai.calendar import WorkCalendar
from gongkai.clocks import (
    Clock,
    ClockEvent,
    ClockEventKind,
    ClockStatus,
    Due,
    Duration,
    Unit,
    due_after,
    due_before,
)
from gongkai.clocks.clock import judge
from gongkai.errors import CalendarCoverageError, ClockError, DurationError
from gongkai.models import Event
from gongkai.rules.definition import DeadlineBody
from gongkai.rules.report import Status
from gongkai.timezone import shown


class Verdict(NamedTuple):
    """What a deadline rule concludes: status, due instant, and a sentence in each language
    (``missing_year``: the year without holiday data that left it undetermined)."""

    status: Status
    due_at: datetime | None = None
    estimated: bool = False
    zh: str = ""
    en: str = ""
    missing_year: int | None = None


def _first(events: Sequence[Event], names: Sequence[str]) -> Event | None:
    return next((e for e in events if e.name in names), None)


def _not_started(body: DeadlineBody) -> Verdict:
    """Not applicable yet, naming the events that would start the clock."""
    return Verdict(
        Status.NOT_APPLICABLE,
        zh=f"时钟未起算（尚无 {'、'.join(body.start) or '起算事件'}）",
        en=f"the clock has not started (no {', '.join(body.start) or 'start event'} yet)",
    )


def evaluate_deadline(
    body: DeadlineBody,
    within: Duration | None,
    max_extension: Duration | None,
    events: Sequence[Event],
    as_of: datetime,
    calendar: WorkCalendar,
) -> Verdict:
    """Judge a deadline body over ``events`` (already cut at ``as_of``); ``undetermined`` when
    the period reaches a year the (strict) calendar has no data for."""
    if body.with_ is not None:
        return _same_instant(body, within, events, calendar)
    if within is None:
        if _first(events, body.stop) is not None:
            return Verdict(Status.SATISFIED)
        if not body.start or _first(events, body.start) is None:
            return _not_started(body)
        return Verdict(
            Status.PENDING,
            zh="期限未配置（原文未规定具体时限），请在规则包或参数中设定",
            en="the period is not configured (the text sets no number); set it in a pack or parameter",
        )
    try:
        if body.before is not None:
            return _lead_time(body, within, events, calendar)
        return _clock(body, within, max_extension, events, as_of, calendar)
    except CalendarCoverageError as err:
        return undetermined(err)


def undetermined(err: CalendarCoverageError) -> Verdict:
    """The verdict on a period that needs a year without holiday data."""
    return Verdict(
        Status.UNDETERMINED,
        zh=f"无法判定：{err.zh}",
        en=f"undetermined: {err.en}",
        missing_year=err.year,
    )


def _same_instant(
    body: DeadlineBody, tolerance: Duration | None, events: Sequence[Event], calendar: WorkCalendar
) -> Verdict:
    """``stop`` with the anchor event: at the same instant, or within ``tolerance`` after it
    (``within``), never before it; a tolerance left open (a parameter without value) leaves
    a stop after the anchor, or none yet, pending."""
    anchor = _first(events, [body.with_ or ""])
    done = _first(events, body.stop)
    if anchor is None:
        return Verdict(
            Status.NOT_APPLICABLE, zh=f"尚未发生 {body.with_}", en=f"no {body.with_} yet"
        )
    if done is not None and done.at == anchor.at:
        return Verdict(Status.SATISFIED, anchor.at)
    early = done is not None and done.at < anchor.at
    if tolerance is None and body.within is not None and not early:
        return Verdict(
            Status.PENDING,
            anchor.at,
            zh=f"{'/'.join(body.stop)} 未与 {body.with_} 同时发生；“同步”的容差未配置（原文未规定），请在规则包或参数中设定",
            en=f"{'/'.join(body.stop)} did not happen at the instant of {body.with_}; the tolerance "
            "of 'together' is not configured (the text sets none); set it in a pack or parameter",
        )
    due = Due(anchor.at) if tolerance is None else due_after(anchor.at, tolerance, calendar)
    if done is not None and not early and done.at <= due.at:
        return Verdict(Status.SATISFIED, due.at, due.estimated)
    when = done.at.isoformat() if done else "未发生 / never"
    margin = f"（容差 {tolerance}）" if tolerance else ""
    return Verdict(
        Status.VIOLATED,
        due.at,
        due.estimated,
        zh=f"{'/'.join(body.stop)} 应与 {body.with_}（{anchor.at.isoformat()}）同步{margin}，实际：{when}",
        en=f"{'/'.join(body.stop)} must happen with {body.with_} at {anchor.at.isoformat()}"
        + (f" (tolerance {tolerance.en})" if tolerance else "")
        + f"; was: {when}",
    )


def _lead_time(
    body: DeadlineBody, within: Duration, events: Sequence[Event], calendar: WorkCalendar
) -> Verdict:
    anchor = _first(events, [body.before or ""])
    done = _first(events, body.stop)
    if anchor is None:
        status = Status.SATISFIED if done else Status.PENDING
        return Verdict(status, zh=f"尚未发生 {body.before}", en=f"no {body.before} yet")
    due = due_before(anchor.at, within, calendar)
    if done is not None and done.at <= due.at:
        return Verdict(Status.SATISFIED, due.at, due.estimated)
    return Verdict(
        Status.VIOLATED,
        due.at,
        due.estimated,
        zh=f"{'/'.join(body.stop)} 应在 {body.before} 前{within}（{due.at.date()} 前）完成",
        en=f"{'/'.join(body.stop)} must be done {within.en} before {body.before} "
        f"(by {due.at.date()})",
    )


def _clock(
    body: DeadlineBody,
    within: Duration,
    max_extension: Duration | None,
    events: Sequence[Event],
    as_of: datetime,
    calendar: WorkCalendar,
) -> Verdict:
    due: Due | None
    try:
        if not (body.pause or body.restart or body.extend):  # it can only start and stop
            start, stopped = _start_stop(body, events)
            if start is None:
                return _not_started(body)
            state, due = _started(start, stopped, within, body.roll, as_of, calendar)
        else:  # pauses, restarts, an extension: the clock folds them (and validates them)
            folded = _fold(body, events)
            if not folded:
                return _not_started(body)
            if all(e.kind in _PLAIN for e in folded):  # it only started (and stopped)
                stopped = folded[1].at if len(folded) > 1 else None
                state, due = _started(folded[0].at, stopped, within, body.roll, as_of, calendar)
            else:
                try:
                    clock = Clock(
                        within, calendar, max_extension=max_extension, roll=body.roll, events=folded
                    )
                    state, stopped = clock.status(as_of), clock.stopped_at
                    due = clock.due
                except CalendarCoverageError:  # a clock paused in time has no due day anyway
                    if not _paused_in_time(folded, within, calendar):
                        raise
                    state, stopped, due = ClockStatus.PAUSED, None, None
    except (ClockError, DurationError) as err:
        return Verdict(Status.VIOLATED, zh=err.zh, en=err.en)
    due_at, estimated = (due.at, due.estimated) if due else (None, False)
    if state is ClockStatus.MET:
        return Verdict(Status.SATISFIED, due_at, estimated)
    stop = "/".join(body.stop)
    if state in (ClockStatus.RUNNING, ClockStatus.PAUSED):
        paused = "（已暂停 paused）" if state is ClockStatus.PAUSED else ""
        return Verdict(
            Status.PENDING,
            due_at,
            estimated,
            zh=f"{stop} 尚未发生，期限 {within}{paused}",
            en=f"{stop} not yet done; period {within.en}",
        )
    return Verdict(
        Status.VIOLATED if stopped else Status.OVERDUE,
        due_at,
        estimated,
        zh=f"{stop} 应于 {shown(due_at)} 前完成（{within}），"
        + (f"实际 {shown(stopped)}，已超期" if stopped else "已逾期"),
        en=f"{stop} was due by {shown(due_at)} ({within.en}); "
        + (f"done late at {shown(stopped)}" if stopped else "overdue"),
    )


_PLAIN = (ClockEventKind.START, ClockEventKind.STOP)


def _started(
    start: datetime,
    stopped: datetime | None,
    within: Duration,
    roll: bool,
    as_of: datetime,
    calendar: WorkCalendar,
) -> tuple[ClockStatus, Due | None]:
    """The state and due instant of a clock that started at ``start`` and nothing else
    happened but, maybe, its stop. A stop surely inside the period is met even when the
    due day lies in a year without data (no due instant then); else that raises."""
    try:
        due = due_after(start, within, calendar, roll=roll)
    except CalendarCoverageError:
        if stopped is not None and _surely_in_time(start, stopped, within, calendar):
            return ClockStatus.MET, None
        raise
    return judge(due.at, stopped, as_of), due


def _paused_in_time(folded: Sequence[ClockEvent], within: Duration, calendar: WorkCalendar) -> bool:
    """Whether the clock only started and then paused, surely inside the period."""
    kinds = [e.kind for e in folded]
    return kinds == [ClockEventKind.START, ClockEventKind.PAUSE] and _surely_in_time(
        folded[0].at, folded[1].at, within, calendar
    )


def _surely_in_time(
    start: datetime, stopped: datetime, within: Duration, calendar: WorkCalendar
) -> bool:
    """Whether ``stopped`` lies inside the period although its due day cannot be computed:
    fewer than ``within`` working days (or at most ``within`` natural days) after ``start``."""
    if within.unit is Unit.WORKDAYS:
        return calendar.workdays_between(start.date(), stopped.date()) < within.value
    return within.unit is Unit.DAYS and (stopped.date() - start.date()).days <= within.value


def _start_stop(
    body: DeadlineBody, events: Sequence[Event]
) -> tuple[datetime | None, datetime | None]:
    """The first start and the first stop after it (None when not there)."""
    start = next((i for i, e in enumerate(events) if e.name in body.start), None)
    if start is None:
        return None, None
    stop = next((i for i in range(start + 1, len(events)) if events[i].name in body.stop), None)
    return events[start].at, None if stop is None else _stopped_at(body, events, stop)


def _stopped_at(body: DeadlineBody, events: Sequence[Event], stop: int) -> datetime:
    """When the stop at ``events[stop]`` counts: at its delivery (送达) when one follows."""
    if body.delivery is not None:
        served = _first(events[stop + 1 :], [body.delivery])
        if served is not None:
            return served.at
    return events[stop].at


def _fold(body: DeadlineBody, events: Sequence[Event]) -> tuple[ClockEvent, ...]:
    """Turn the history's events into clock events, in order, until the stop."""
    folded: list[ClockEvent] = []
    state = ClockStatus.NOT_STARTED
    for index, event in enumerate(events):
        name = event.name
        kind: ClockEventKind | None = None
        if state is ClockStatus.NOT_STARTED:
            if name in body.start:
                kind, state = ClockEventKind.START, ClockStatus.RUNNING
        elif name in body.stop:
            folded.append(ClockEvent(ClockEventKind.STOP, _stopped_at(body, events, index)))
            break
        elif name in body.restart:
            kind, state = ClockEventKind.RESTART, ClockStatus.RUNNING
        elif name in body.pause and state is ClockStatus.RUNNING:
            kind, state = ClockEventKind.PAUSE, ClockStatus.PAUSED
        elif name in body.resume and state is ClockStatus.PAUSED:
            kind, state = ClockEventKind.RESUME, ClockStatus.RUNNING
        elif body.extend and name == body.extend:
            folded.append(_extension(event))
        if kind is not None:
            folded.append(ClockEvent(kind, event.at))
    return tuple(folded)


def _extension(event: Event) -> ClockEvent:
    """An ``extend`` event as a clock event: ``by`` (a length) or ``until`` (the new last day)."""
    data = event.data
    by, until = data.get("by"), data.get("until")
    if (by is None) == (until is None):
        raise DurationError(
            "延长事件须写明延长期限 by（如 “20个工作日”）或延长至的日期 until（如 “2026-12-01”）之一",
            "the extension event needs one of 'by' (e.g. '20 workdays') or 'until' "
            "(e.g. '2026-12-01')",
        )
    return ClockEvent(
        ClockEventKind.EXTEND,
        event.at,
        None if by is None else Duration.parse(str(by)),
        str(data.get("approver") or ""),
        str(data.get("notice") or ""),
        None if until is None else _day(until),
    )


def _day(value: object) -> date:
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        raise DurationError(
            f"延长至的日期 until 无法识别：{value!r}（应为 YYYY-MM-DD）",
            f"the extension's 'until' is not a date: {value!r} (expected YYYY-MM-DD)",
        ) from None
