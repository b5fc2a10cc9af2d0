"""Auditing many disclosure requests at once: which reply clocks are overdue or due soon.

:func:`audit` streams, for an iterable of requests (records or plain JSON-like
dicts), the open reply clocks (条例 第三十三条) that are overdue as of an
instant, or due within a number of working days. It is built for whole
registers (hundreds of thousands of requests): it does not call
:meth:`Pack.check` per record but takes the pack's reply deadline rules once,
picks the version in force by the receipt date, and folds each history straight
into a due date with the working-day calendar. The due dates are exactly those
``Pack.check`` gives (pauses, resumes, restarts and the extension included);
the tests check this on generated histories.

Which rules: those of kind ``request`` whose deadline body is a clock (a
``start`` and a ``within``, no ``before`` / ``with``) and whose ``stop``
includes ``reply``. A rule with a ``when`` condition, or a clock not counted
in working days, is evaluated with the rule itself for each record (slower,
same results).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter, itemgetter
from typing import Any

from pydantic import ValidationError

from gongkai.calendar import WorkCalendar
from gongkai.clocks import Duration, Unit
from gongkai.errors import CalendarCoverageError, DurationError, RecordError
from gongkai.models import DisclosureRequest, Event, Record, load_record
from gongkai.rules.compiled import CompiledRule
from gongkai.rules.derived import derive_events
from gongkai.rules.pack import Pack, load_pack
from gongkai.rules.report import Status
from gongkai.timezone import SHANGHAI, end_of_day, to_shanghai

__all__ = ["AuditItem", "audit", "reply_rules"]

# Event codes of a clock (bit flags: one name may play several parts).
_STOP, _RESTART, _PAUSE, _RESUME, _EXTEND = 1, 2, 4, 8, 16
_NAME_ATTR: Callable[[Any], Any] = attrgetter("name")
_AT_ATTR: Callable[[Any], Any] = attrgetter("at")
_NAME_ITEM: Callable[[Any], Any] = itemgetter("name")
_AT_ITEM: Callable[[Any], Any] = itemgetter("at")
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class AuditItem:
    """One open reply clock that needs attention.

    ``status`` is ``overdue`` (the due instant has passed without a reply),
    ``pending`` (due within the horizon asked for), ``violated`` (the history
    has an extension the clock cannot accept, so no due date can be given;
    ``message`` says why) or ``undetermined`` (the clock reaches a year the
    strict calendar has no holiday data for; ``message`` says which data to load). ``remaining`` counts the working days after the
    audit day up to the due day (as :meth:`Clock.remaining`): 0 on the due day,
    negative once overdue, None when there is no due date.
    """

    record_id: str | None
    rule_id: str
    status: Status
    due_at: datetime | None
    estimated: bool
    remaining: int | None
    message: str | None = None


def reply_rules(pack: Pack) -> list[CompiledRule]:
    """The pack's request reply clocks: kind ``request``, a deadline clock stopped by ``reply``."""
    found = []
    for rule in pack.rules_for("request"):
        body = rule.spec.deadline
        if body is None or "reply" not in body.stop or not body.start:
            continue
        if body.before is not None or body.with_ is not None:
            continue
        found.append(rule)
    return found


def audit(
    records: Iterable[DisclosureRequest | Mapping[str, Any]],
    as_of: datetime | date,
    *,
    pack: Pack | str = "national",
    calendar: WorkCalendar | None = None,
    due_within: int = 0,
) -> Iterator[AuditItem]:
    """Stream the reply clocks of ``records`` that are overdue at ``as_of`` or due within
    ``due_within`` working days of it (0: due today at the latest), in record order.

    ``records`` are :class:`DisclosureRequest` objects or plain mappings in the record
    JSON shape (``{"id", "history": [{"name", "at", ...}]}``; ``at`` a datetime or an
    ISO 8601 text, read as Asia/Shanghai when naive). Mappings are not validated as a
    whole: only the events the reply clocks use are read (an out-of-order clock event
    raises :class:`RecordError`). Records of another kind are skipped. Events after
    ``as_of`` are ignored, as in :meth:`Pack.check`. A reply clock that is paused
    (correction or consultation awaited) has no due date and is not listed.

    A clock that needs a year the calendar does not cover (strict policy) is listed as
    ``undetermined`` and the other clocks and records are audited as usual.
    """
    chosen = load_pack(pack) if isinstance(pack, str) else pack
    cal = calendar or WorkCalendar.default()
    when = to_shanghai(as_of)
    plan = _Plan(reply_rules(chosen), cal, when, due_within)
    return plan.run(records)


@dataclass(frozen=True)
class _Fast:
    """A reply rule folded by the fast path."""

    rule: CompiledRule
    rule_id: str
    n: int
    codes: dict[str, int]
    extend_limit: Duration | None
    effective_from: date | None
    effective_to: date | None


class _Plan:
    """The rules, calendar, instant and caches of one audit run."""

    def __init__(
        self, rules: list[CompiledRule], cal: WorkCalendar, when: datetime, due_within: int
    ) -> None:
        self.cal = cal
        self.when = when
        self.naive = when.replace(tzinfo=None)
        self.today = when.date()
        self.due_within = due_within
        self.years = cal.covered_years
        #: (start names, reference names) -> fast rules sharing them
        self.groups: dict[tuple[frozenset[str], tuple[str, ...]], list[_Fast]] = {}
        self.slow: list[CompiledRule] = []
        self.rules = rules
        for rule in rules:
            body = rule.spec.deadline
            within = rule.within
            if body is None or within is None:
                continue  # no period configured: never due
            if rule.when is not None or within.unit is not Unit.WORKDAYS:
                self.slow.append(rule)
                continue
            codes: dict[str, int] = {}
            for names, code in ((body.stop, _STOP), (body.restart, _RESTART),
                                (body.pause, _PAUSE), (body.resume, _RESUME),
                                ([body.extend] if body.extend else [], _EXTEND)):  # fmt: skip
                for name in names:
                    codes[name] = codes.get(name, 0) | code
            ref = (rule.spec.effective_event,) if rule.spec.effective_event else ()
            key = (frozenset(body.start), ref)
            self.groups.setdefault(key, []).append(
                _Fast(
                    rule,
                    rule.id,
                    within.value,
                    codes,
                    rule.max_extension,
                    rule.spec.effective_from,
                    rule.spec.effective_to,
                )
            )
        self._add: dict[tuple[date, int], date] = {}
        self._remaining: dict[date, int] = {}
        self._by: dict[str, Duration | None] = {}
        self._end_of_day: dict[date, datetime] = {}

    # -- calendar helpers (cached: dates repeat across a register) ----------------------

    def add(self, day: date, n: int) -> date:
        key = (day, n)
        found = self._add.get(key)
        if found is None:
            if len(self._add) > _CACHE_LIMIT:
                self._add.clear()
            found = self._add[key] = self.cal.add_workdays(day, n)
        return found

    def remaining(self, due: date) -> int:
        found = self._remaining.get(due)
        if found is None:
            if len(self._remaining) > _CACHE_LIMIT:
                self._remaining.clear()
            found = self._remaining[due] = self.cal.workdays_between(self.today, due)
        return found

    def estimated(self, a: date, b: date) -> bool:
        years = self.years
        if a.year == b.year:
            return a.year not in years
        low, high = (a.year, b.year) if a.year < b.year else (b.year, a.year)
        return any(y not in years for y in range(low, high + 1))

    def extension(self, by: object) -> Duration | None:
        """The duration of an extension's ``by``, or None when it cannot be read."""
        text = str(by)
        if text in self._by:
            return self._by[text]
        try:
            value: Duration | None = Duration.parse(text)
        except DurationError:
            value = None
        if len(self._by) < 1000:
            self._by[text] = value
        return value

    # -- the stream ---------------------------------------------------------------------

    def run(self, records: Iterable[DisclosureRequest | Mapping[str, Any]]) -> Iterator[AuditItem]:
        groups = list(self.groups.items())
        slow = self.slow
        as_naive = self.naive
        for record in records:
            if type(record) is dict or isinstance(record, Mapping):
                if record.get("kind", "request") != "request":
                    continue
                history = record.get("history") or ()
                name_of, at_of = _NAME_ITEM, _AT_ITEM
                record_id = record.get("id")
            elif isinstance(record, DisclosureRequest):
                history = record.history
                name_of, at_of = _NAME_ATTR, _AT_ATTR
                record_id = record.id
            elif isinstance(record, Record):
                continue
            else:
                raise RecordError(
                    f"无法审计 {type(record).__name__} 对象：应为依申请公开记录或字典",
                    f"cannot audit a {type(record).__name__}: expected a request record or a dict",
                )
            try:
                if _derives(record, history, name_of):
                    for whole in self.rules:
                        item = self._slow(whole, record, record_id)
                        if item is not None:
                            yield item
                    continue
                for (start, ref), fast in groups:
                    index = 0
                    for event in history:
                        if name_of(event) in start:
                            break
                        index += 1
                    else:
                        continue  # the clock never starts
                    started = _naive(at_of(history[index]))
                    if started > as_naive:
                        continue  # not started by as_of
                    day = (
                        started.date() if not ref else self._reference(history, name_of, at_of, ref)
                    )
                    for rule in fast:
                        if (rule.effective_from and day < rule.effective_from) or (
                            rule.effective_to and day > rule.effective_to
                        ):
                            continue
                        try:
                            item = self._fold(rule, record, record_id, history, index, started,
                                              name_of, at_of, as_naive)  # fmt: skip
                        except CalendarCoverageError:  # the rule itself may still judge it
                            item = self._judged(rule.rule, record, record_id)
                        if item is not None:
                            yield item
                for other in slow:
                    item = self._judged(other, record, record_id)
                    if item is not None:
                        yield item
            except (KeyError, TypeError, AttributeError, IndexError) as err:
                raise RecordError(
                    f"记录 {record_id} 的 history 无法读取：{err!r}",
                    f"the history of record {record_id} cannot be read: {err!r}",
                ) from None

    def _reference(self, history: Any, name_of: Any, at_of: Any, names: tuple[str, ...]) -> date:
        for event in history:
            if name_of(event) in names:
                return _naive(at_of(event)).date()
        return self.today

    def _fold(
        self,
        rule: _Fast,
        record: DisclosureRequest | Mapping[str, Any],
        record_id: str | None,
        history: Any,
        index: int,
        started: datetime,
        name_of: Any,
        at_of: Any,
        as_naive: datetime,
    ) -> AuditItem | None:
        """Replay one reply clock from its start event, as ``Clock`` does, to its due day."""
        codes = rule.codes
        n = rule.n
        add = self.add
        first = started.date()
        end = add(first, n)
        years = self.years
        estimated = (
            self.estimated(first, end) if first.year != end.year else first.year not in years
        )
        running = True
        paused_on = first
        extended: int | None = None  # the extension's value once extended
        broken = False
        last = started
        for event in history[index + 1 :]:
            code = codes.get(name_of(event))
            if code is None:
                continue
            moment = _naive(at_of(event))
            if moment < last:
                raise RecordError(
                    f"记录 {record_id} 的 history 未按时间顺序排列",
                    f"the history of record {record_id} is not in time order",
                )
            last = moment
            if moment > as_naive:
                break
            if code & _STOP:
                return None  # replied: the clock is closed
            if broken:
                continue
            if code & _RESTART:
                day = moment.date()
                end = add(day, n)
                estimated = estimated or self.estimated(day, end)
                running = True
                if extended is not None:
                    end = add(end, extended)
            elif code & _PAUSE and running:
                paused_on = moment.date()
                running = False
            elif code & _RESUME and not running:
                running = True
                if paused_on <= end:
                    span = self.cal.workdays_between(paused_on, moment.date())
                    new_end = add(end, span)
                    estimated = estimated or self.estimated(end, new_end)
                    end = new_end
            elif code & _EXTEND:
                by = self._valid_extension(rule, event, name_of is _NAME_ITEM, extended)
                if by is None:
                    broken = True
                    continue
                new_end = add(end, by)
                estimated = estimated or self.estimated(end, new_end)
                end = new_end
                extended = by
        if broken:
            return self._slow(rule.rule, record, record_id)
        if not running:
            return None  # paused: no due date
        remaining = self.remaining(end)
        if end < self.today:
            status = Status.OVERDUE
        elif remaining <= self.due_within:
            status = Status.PENDING
        else:
            return None
        due_at = self._end_of_day.get(end)
        if due_at is None:
            due_at = self._end_of_day[end] = end_of_day(end)
        return AuditItem(
            record_id, rule.rule_id, status, due_at, estimated or end.year not in years, remaining
        )

    def _valid_extension(
        self, rule: _Fast, event: Any, is_dict: bool, extended: int | None
    ) -> int | None:
        """The working days an extension adds, or None if ``Clock`` would refuse it."""
        data: Mapping[str, Any] = event if is_dict else (event.model_extra or {})
        by = data.get("by")
        limit = rule.extend_limit
        if by is None or extended is not None or limit is None:
            return None
        duration = self.extension(by)
        if duration is None or duration.unit is not limit.unit or duration.value > limit.value:
            return None
        return duration.value

    def _judged(
        self,
        rule: CompiledRule,
        record: DisclosureRequest | Mapping[str, Any],
        record_id: str | None,
    ) -> AuditItem | None:
        """:meth:`_slow`, a clock the calendar cannot place listed as undetermined."""
        try:
            return self._slow(rule, record, record_id)
        except CalendarCoverageError as err:
            return AuditItem(
                record_id, rule.id, Status.UNDETERMINED, None, False, None, f"无法判定：{err.zh}"
            )

    def _slow(
        self,
        rule: CompiledRule,
        record: DisclosureRequest | Mapping[str, Any],
        record_id: str | None,
    ) -> AuditItem | None:
        """Evaluate one rule with the rule engine itself (conditions, other units, errors)."""
        if isinstance(record, DisclosureRequest):
            model: Record = record
        else:
            model = load_record({"kind": "request", **record})
        when = self.when
        events = derive_events(model, [e for e in model.history if e.at <= when], when, self.cal)
        finding = rule.evaluate(model, events, when, self.cal)
        due = finding.due_at
        if finding.status is Status.UNDETERMINED:
            return AuditItem(record_id, rule.id, finding.status, None, False, None, finding.message)
        if finding.status is Status.VIOLATED:
            if _stopped(rule, events):
                return None
            return AuditItem(
                record_id, rule.id, finding.status, due, finding.estimated,
                None if due is None else self.remaining(due.date()), finding.message,
            )  # fmt: skip
        if due is None or finding.status not in (Status.OVERDUE, Status.PENDING):
            return None
        remaining = self.remaining(due.date())
        if finding.status is Status.PENDING and remaining > self.due_within:
            return None
        return AuditItem(record_id, rule.id, finding.status, due, finding.estimated, remaining)


#: Events whose clock effects only the rule engine folds: consultations (a silent party
#: ends the pause) and delivery (the clock is judged at 送达).
_ENGINE_EVENTS = frozenset({"consult_third_party", "consult_co_producer", "serve"})


def _derives(record: Any, history: Any, name_of: Any) -> bool:
    """Whether the 条例 derives events for this request (see :mod:`gongkai.rules.derived`) or
    its clock is judged at delivery: such records are evaluated with the rule engine."""
    names = {name_of(e) for e in history}
    if names & _ENGINE_EVENTS:
        return True
    channel = record.get("channel") if isinstance(record, Mapping) else record.channel
    return channel is not None and "receive" not in names


def _stopped(rule: CompiledRule, events: Sequence[Event]) -> bool:
    """Whether a stop event follows the clock's first start event."""
    body = rule.spec.deadline
    assert body is not None
    started = False
    for event in events:
        if started and event.name in body.stop:
            return True
        started = started or event.name in body.start
    return False


def _naive(value: Any) -> datetime:
    """The Asia/Shanghai wall-clock time of an event's ``at``, without tzinfo."""
    if type(value) is datetime:
        tz = value.tzinfo
        if tz is None:
            return value
        if tz is SHANGHAI:
            return value.replace(tzinfo=None)
        return value.astimezone(SHANGHAI).replace(tzinfo=None)
    if isinstance(value, str) and value[4:5] == "-" and (len(value) == 10 or value[13:14] == ":"):
        try:
            return _naive(datetime.fromisoformat(value))
        except ValueError:
            pass
    if isinstance(value, datetime):
        return to_shanghai(value).replace(tzinfo=None)
    try:  # anything else: exactly as the record model reads it
        return Event(name="at", at=value).at.replace(tzinfo=None)
    except ValidationError:
        raise RecordError(
            f"事件时间 {value!r} 无法识别", f"cannot read the event time {value!r}"
        ) from None
