"""A rule compiled once at load time, and its evaluation on one record into a ``Finding``."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from operator import attrgetter
from typing import Any

from gongkai.calendar import WorkCalendar
from gongkai.clocks import Duration
from gongkai.errors import CalendarCoverageError, DurationError, RuleDefinitionError
from gongkai.models import RECORD_KINDS, Event, Record
from gongkai.models.events import event_names, unknown_event
from gongkai.rules.deadlines import Verdict, evaluate_deadline, undetermined
from gongkai.rules.definition import RuleSpec
from gongkai.rules.expression import EvalContext, Expression, compile_expression
from gongkai.rules.obligations import occurrences, periods
from gongkai.rules.report import Finding, SharedEvidence, Status, json_value
from gongkai.rules.tables import CompiledTable, compile_table
from gongkai.rules.types import schema_of


@dataclass(frozen=True)
class CompiledRule:
    """A rule ready to evaluate: expressions compiled, durations read, table analysed."""

    spec: RuleSpec
    file: str
    when: Expression | None
    require: Expression | None
    within: Duration | None
    max_extension: Duration | None
    table: CompiledTable | None
    #: the fields every finding of the rule shares
    _base: dict[str, Any] = field(init=False, repr=False, compare=False)
    #: whether the rule has effective dates (else it is always in force)
    _dated: bool = field(init=False, repr=False, compare=False)
    #: findings that depend only on their outcome or on a table's values, built once
    _shared: dict[Hashable, Finding] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        spec = self.spec
        base = {
            "rule_id": spec.id,
            "title": spec.title,
            "severity": spec.severity,
            "source": spec.source,
            "blocks": tuple(spec.blocks),
        }
        object.__setattr__(self, "_base", base)
        object.__setattr__(self, "_dated", bool(spec.effective_from or spec.effective_to))

    @property
    def id(self) -> str:
        """The rule id."""
        return self.spec.id

    @property
    def parameters(self) -> dict[str, str | None]:
        """The rule's open parameters and their configured values."""
        return {name: p.value for name, p in self.spec.params.items()}

    def expressions(self) -> list[Expression]:
        """The compiled expressions of the rule (for explain)."""
        return [e for e in (self.when, self.require) if e is not None]

    # -- evaluation ------------------------------------------------------------------

    def in_force(
        self, record: Record, as_of: datetime, events: Sequence[Event] | None = None
    ) -> bool:
        """Whether this version of the rule governs the record (by the event that starts it);
        ``events``: the events the rules see (default: the history up to ``as_of``)."""
        spec = self.spec
        if not self._dated:
            return True
        history = [e for e in record.history if e.at <= as_of] if events is None else events
        day = _reference_day(self, history, as_of)
        if spec.effective_from and day < spec.effective_from:
            return False
        return not (spec.effective_to and day > spec.effective_to)

    def evaluate_all(
        self,
        record: Record,
        events: Sequence[Event],
        as_of: datetime,
        calendar: WorkCalendar,
        ctx: EvalContext | None = None,
    ) -> list[Finding]:
        """The rule's findings: one per period for an obligation, else exactly one.

        ``ctx`` (record and the same events) may be shared by the rules of one check.
        """
        ctx = ctx or EvalContext(record, events=events)
        if self.spec.obligation is None:
            return [self.evaluate(record, events, as_of, calendar, ctx)]
        if self.when is not None and not self.when.evaluate(ctx):
            return [
                self._finding(Status.NOT_APPLICABLE, "适用条件不成立", "condition does not apply")
            ]
        since = getattr(record, "since", None) or date(as_of.year, 1, 1)
        return self.obligation_periods(events, as_of, calendar, (since, as_of.date()))

    def obligation_periods(
        self,
        events: Sequence[Event],
        as_of: datetime,
        calendar: WorkCalendar,
        window: tuple[date, date],
        anchor: date | None = None,
    ) -> list[Finding]:
        """One finding per period of this obligation overlapping ``window``, judged at ``as_of``
        (periods outside the rule's effective dates are left out). Periods of N working days
        count from ``anchor`` (default: the window's first day), never before the rule's
        ``effective_from``. One ``undetermined`` finding when the periods need a year the
        (strict) calendar has no data for."""
        body = self.spec.obligation
        assert body is not None
        start = self.spec.effective_from or date.min
        first = max(window[0], start)
        last = min(window[1], self.spec.effective_to or date.max)
        try:
            expanded = periods(body, first, last, calendar, max(anchor or first, start))
        except CalendarCoverageError as err:
            return [self._from_verdict(undetermined(err))]
        found = []
        for period in expanded:
            done = occurrences(body, period, events)
            tally = f"{period.label}：已完成 {done}/{body.at_least} 次"
            tally_en = f"{period.label}: done {done} of {body.at_least}"
            if done >= body.at_least:
                status = Status.SATISFIED
            elif as_of <= period.due_at:
                status = Status.PENDING
            else:
                status = Status.VIOLATED
                tally += f"，{period.due} 前未完成"
                tally_en += f", not done by {period.due}"
            found.append(
                self._finding(
                    status,
                    f"{self.spec.title}（{tally}）",
                    f"{self.spec.message_en or self.spec.id} ({tally_en})",
                    due_at=period.due_at,
                    estimated=calendar.is_estimated(period.due) if body.counts_workdays else False,
                    period=period.label,
                    evidence={"event": body.event, "count": done, "at_least": body.at_least},
                )
            )
        return found

    def evaluate(
        self,
        record: Record,
        events: Sequence[Event],
        as_of: datetime,
        calendar: WorkCalendar,
        ctx: EvalContext | None = None,
    ) -> Finding:
        """This rule's finding on ``record`` as of ``as_of``; ``events`` are those up to as_of."""
        if self._dated and not self.in_force(record, as_of, events):
            return self._finding(
                Status.NOT_APPLICABLE,
                "该版本规则对此记录不适用（生效期间）",
                "this version of the rule is not in force for the record",
            )
        ctx = ctx or EvalContext(record, events=events)
        if self.when is not None and not self.when.evaluate(ctx):
            return self._finding(
                Status.NOT_APPLICABLE, "适用条件不成立", "condition does not apply"
            )
        spec = self.spec
        if spec.deadline is not None:
            verdict = evaluate_deadline(
                spec.deadline, self.within, self.max_extension, events, as_of, calendar
            )
            return self._from_verdict(verdict)
        if self.table is not None:
            return self._table(record)
        assert self.require is not None
        if self.require.evaluate(ctx):
            return self._finding(Status.SATISFIED, "", "")
        used = self.require.fields
        paths = sorted(used) + sorted(self.when.fields - used if self.when else ())
        evidence = {path: json_value(_resolve(record, path)) for path in paths}
        shown = "，".join(f"{k}={v!r}" for k, v in evidence.items()) or "—"
        return self._finding(
            Status.VIOLATED,
            f"{spec.message or spec.title}（{shown}）",
            f"{spec.message_en or spec.id + ': requirement not met'} ({shown})",
            evidence=evidence,
        )

    def _table(self, record: Record) -> Finding:
        """A decision table's finding: a function of the input and expected values alone, so
        it is shared by every record with the same values."""
        assert self.table is not None
        body = self.table.body
        inputs = [_resolve(record, path) for path in body.inputs]
        actual = json_value(_resolve(record, body.expect))
        shown = tuple(json_value(v) for v in inputs)
        return self._shared_finding(
            ("table", shown, actual), lambda: self._table_finding(inputs, shown, actual)
        )

    def _table_finding(
        self, inputs: list[object], shown: tuple[object, ...], actual: object
    ) -> Finding:
        assert self.table is not None
        body = self.table.body
        evidence = dict(zip(body.inputs, shown, strict=True))
        evidence[body.expect] = actual
        outputs = self.table.lookup(inputs)
        if not outputs or actual is None:
            return self._finding(Status.NOT_APPLICABLE, "", "", evidence=evidence)
        if actual in outputs:
            return self._finding(Status.SATISFIED, "", "", evidence=evidence)
        want = "/".join(outputs)
        return self._finding(
            Status.VIOLATED,
            f"{self.spec.message or self.spec.title}：{body.expect} 应为 {want}，实为 {actual}",
            f"{self.spec.message_en or self.spec.id}: {body.expect} should be {want}, is {actual}",
            evidence=evidence,
        )

    def _from_verdict(self, verdict: Verdict) -> Finding:
        zh = f"{self.spec.title}：{verdict.zh}" if verdict.zh else ""
        en = f"{self.spec.message_en or self.spec.id}: {verdict.en}" if verdict.en else ""
        extra: dict[str, Any] = {"due_at": verdict.due_at, "estimated": verdict.estimated}
        if verdict.missing_year is not None:
            extra["evidence"] = {"missing_year": verdict.missing_year}
        return self._finding(verdict.status, zh, en, **extra)

    def _finding(self, status: Status, zh: str, en: str, **extra: Any) -> Finding:
        """A finding of this rule; one without extras that is satisfied or not applicable is
        the same on every record, so it is shared."""
        if not extra and status in _SHAREABLE:
            shared = self._shared.get((status, zh, en))
            if shared is not None:
                return shared
        spec = self.spec
        values = {
            **self._base,
            "status": status,
            "message": zh or spec.title,
            "message_en": en or spec.message_en or spec.id,
        }
        if extra or status not in _SHAREABLE:
            return Finding.model_validate(values | extra)
        return self._shared_finding((status, zh, en), lambda: Finding.model_validate(values))

    def _shared_finding(self, key: Hashable, build: Callable[[], Finding]) -> Finding:
        """The finding remembered under ``key``, built once (findings are immutable; the
        evidence of a shared one refuses changes). At most ``_SHARED_LIMIT`` per rule."""
        shared = self._shared.get(key)
        if shared is None:
            made = build()
            shared = made.model_copy(update={"evidence": SharedEvidence(made.evidence)})
            if len(self._shared) < _SHARED_LIMIT:
                self._shared[key] = shared
        return shared


#: How many shared findings a rule remembers (tables over free-text fields have many).
_SHARED_LIMIT = 4096
#: outcomes whose finding carries nothing but the rule's own text
_SHAREABLE = frozenset({Status.SATISFIED, Status.NOT_APPLICABLE})


def _reference_day(rule: CompiledRule, history: Sequence[Event], as_of: datetime) -> date:
    spec = rule.spec
    names: list[str] = []
    if spec.effective_event:
        names = [spec.effective_event]
    elif spec.deadline is not None:
        names = spec.deadline.start
    event = next((e for e in history if e.name in names), None) if names else None
    if event is None and not names and history:
        event = history[0]
    return (event.at if event else as_of).date()


def _resolve(record: object, path: str) -> object:
    """The value at a dotted field path of ``record`` (None once a step is None)."""
    return _reader(path)(record)


@cache
def _reader(path: str) -> Callable[[object], object]:
    """A function reading the checked field ``path`` (paths come from loaded packs)."""
    if "." not in path:
        return attrgetter(path)
    steps = tuple(attrgetter(part) for part in path.split("."))

    def read(record: object) -> object:
        value = record
        for step in steps:
            if value is None:
                return None
            value = step(value)
        return value

    return read


def compile_rule(
    spec: RuleSpec, file: str, params: Mapping[str, str] | None = None
) -> CompiledRule:
    """Compile a rule spec; ``params`` sets parameter values (name -> duration text)."""
    schema = schema_of(RECORD_KINDS[spec.kind])
    known = event_names(spec.kind)
    for key, names in spec.event_references().items():
        found = unknown_event(spec.kind, names)
        if found is not None:
            raise RuleDefinitionError(
                f"{key}：{found[1]}", f"{key}: {found[2]}", file=file, rule_id=spec.id
            )

    def expr(source: str | None) -> Expression | None:
        if source is None:
            return None
        return compile_expression(
            source,
            schema,
            file=file,
            rule_id=spec.id,
            duration_parser=Duration.parse,
            event_names=known,
        )

    def duration(text: str | None, what: str) -> Duration | None:
        if text is None:
            return None
        if text.startswith("$"):
            name = text[1:]
            if name not in spec.params:
                raise RuleDefinitionError(
                    f"{what} 引用了未声明的参数 {text}",
                    f"{what} refers to undeclared parameter {text}",
                    file=file,
                    rule_id=spec.id,
                )
            text = (params or {}).get(name) or spec.params[name].value
            if text is None:
                return None
        try:
            return Duration.parse(text)
        except DurationError as err:
            raise RuleDefinitionError(err.zh, err.en, file=file, rule_id=spec.id) from None

    body = spec.deadline
    table = compile_table(spec.table, schema, file=file, rule_id=spec.id) if spec.table else None
    return CompiledRule(
        spec=spec,
        file=file,
        when=expr(spec.when),
        require=expr(spec.check.require if spec.check else None),
        within=duration(body.within, "within") if body else None,
        max_extension=duration(body.max_extension, "max_extension") if body else None,
        table=table,
    )
