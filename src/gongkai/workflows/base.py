"""The workflow machinery shared by every record kind.

One ``transitions.Machine`` per workflow class describes the graph; it is
built once and validated when built (one initial state, every state
reachable, no trap states, every named guard an existing rule). Workflow
objects hold only their record, their state and references to the shared
pack and calendar, so an idle workflow costs a few hundred bytes.

Firing an event: the event is appended to a candidate copy of the record; the
pack's rules that guard the event (``blocks``) are evaluated on that
candidate; if one is violated the workflow is left unchanged and the
``Decision`` lists the blocking findings, else the candidate becomes the
record and the state moves on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from transitions import Machine

from gongkai.calendar import WorkCalendar
from gongkai.errors import GongkaiError, WorkflowError
from gongkai.models import Event, Record, load_record
from gongkai.rules.expression import EvalContext, Expression, compile_expression
from gongkai.rules.pack import Pack, load_pack
from gongkai.rules.report import Finding, Report
from gongkai.rules.types import schema_of
from gongkai.timezone import to_shanghai

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Step:
    """A transition: ``event`` moves from one of ``source`` to ``dest``.

    ``when`` is a condition in the rule expression language over the record
    (e.g. ``disclosure in ['公开发布']``) that selects between steps sharing an
    event; ``guards`` names rules that must exist in the national pack and
    guard the step (in addition to every pack rule whose ``blocks`` lists it).
    """

    event: str
    source: tuple[str, ...]
    dest: str | None  #: None: stay in the source state (the event is only recorded)
    when: str | None = None
    guards: tuple[str, ...] = ()
    zh: str = ""


class Decision(BaseModel):
    """The answer to firing an event: allowed or not, the state, and what blocked it."""

    event: str
    at: datetime
    allowed: bool
    state_before: str
    state: str
    blocking: list[Finding] = []
    reason: str | None = None  #: when not allowed for a reason other than a rule (wrong state)

    def __bool__(self) -> bool:
        return self.allowed


@dataclass(frozen=True)
class _Compiled:
    step: Step
    when: Expression | None


class WorkflowMachine:
    """The shared, validated graph of one workflow kind."""

    def __init__(
        self,
        name: str,
        record_type: type[Record],
        states: type[Enum],
        initial: Enum,
        steps: Sequence[Step],
        final: Sequence[Enum] = (),
    ) -> None:
        self.name = name
        self.record_type = record_type
        self.states = states
        self.initial = initial
        self.steps = tuple(steps)
        self.final = frozenset(s.name for s in final)
        self.machine = Machine(
            model=None,
            states=[s.name for s in states],
            initial=initial.name,
            auto_transitions=False,
            transitions=[
                {"trigger": s.event, "source": list(s.source), "dest": s.dest} for s in steps
            ],
        )
        schema = schema_of(record_type)
        self._by_key: dict[tuple[str, str], list[_Compiled]] = {}
        for step in self.steps:
            when = (
                compile_expression(step.when, schema, file=f"workflow:{name}", rule_id=step.event)
                if step.when
                else None
            )
            for source in step.source:
                self._by_key.setdefault((step.event, source), []).append(_Compiled(step, when))
        self.events = tuple(dict.fromkeys(s.event for s in self.steps))
        self._validate()

    def _validate(self) -> None:
        names = {s.name for s in self.states}
        for step in self.steps:
            for state in (*step.source, *([step.dest] if step.dest else [])):
                if state not in names:
                    raise _invalid(self.name, f"状态 {state} 不存在", f"unknown state {state}")
        reached = {self.initial.name}
        frontier = [self.initial.name]
        while frontier:
            here = frontier.pop()
            for step in self.steps:
                if here in step.source and step.dest and step.dest not in reached:
                    reached.add(step.dest)
                    frontier.append(step.dest)
        unreachable = sorted(names - reached)
        if unreachable:
            raise _invalid(
                self.name, f"状态不可达：{unreachable}", f"unreachable states: {unreachable}"
            )
        sources = {src for step in self.steps for src in step.source}
        traps = sorted(names - sources - self.final)
        if traps:
            raise _invalid(self.name, f"陷阱状态：{traps}", f"trap states: {traps}")
        national = load_pack("national")
        for step in self.steps:
            for rule_id in step.guards:
                if not national.has_rule(rule_id):
                    raise _invalid(
                        self.name,
                        f"事件 {step.event} 的守卫规则 {rule_id} 不存在",
                        f"guard {rule_id} of {step.event} names no rule",
                    )

    def candidates(self, event: str, state: str) -> list[_Compiled]:
        """The steps ``event`` may take from ``state``, in declaration order."""
        return self._by_key.get((event, state), [])

    def triggers(self, state: str) -> list[str]:
        """The events that have a step from ``state``."""
        return list(self.machine.get_triggers(state))


def _invalid(name: str, zh: str, en: str) -> WorkflowError:
    return WorkflowError(f"工作流 {name} 定义有误：{zh}", f"workflow {name} is invalid: {en}")


class Workflow(Generic[R]):
    """A record driven through its life by events; subclasses set ``definition``."""

    __slots__ = ("_calendar", "_pack", "_record", "_state")

    definition: ClassVar[WorkflowMachine]

    def __init__(
        self,
        record: R | None = None,
        *,
        pack: Pack | str = "national",
        calendar: WorkCalendar | None = None,
        state: str | None = None,
    ) -> None:
        definition = type(self).definition
        if record is None:
            record = definition.record_type()  # type: ignore[assignment]
        if not isinstance(record, definition.record_type):
            raise WorkflowError(
                f"工作流 {definition.name} 需要 {definition.record_type.__name__} 记录",
                f"workflow {definition.name} needs a {definition.record_type.__name__} record",
            )
        self._record: R = record
        self._pack = load_pack(pack) if isinstance(pack, str) else pack
        self._calendar = calendar or WorkCalendar.default()
        self._state = state if state is not None else self._replay()

    # -- reading -----------------------------------------------------------------------

    @property
    def record(self) -> R:
        """The record, history included (do not mutate; fire events instead)."""
        return self._record

    @property
    def state(self) -> Enum:
        """The current state."""
        return type(self).definition.states[self._state]

    @property
    def pack(self) -> Pack:
        """The rule pack that guards the events."""
        return self._pack

    def available(self) -> list[str]:
        """Events that have a step from the current state (rules may still block them)."""
        return type(self).definition.triggers(self._state)

    def check(self, as_of: datetime | date | None = None) -> Report:
        """Every finding of the pack on the record as of ``as_of``."""
        return self._pack.check(self._record, as_of, calendar=self._calendar)

    # -- acting ------------------------------------------------------------------------

    def may(
        self,
        event: str,
        at: datetime | date | None = None,
        *,
        update: Mapping[str, Any] | None = None,
        **data: Any,
    ) -> Decision:
        """Whether ``event`` would be allowed now, without changing anything."""
        return self._decide(event, at, None, update, data, commit=False)

    def fire(
        self,
        event: str,
        at: datetime | date | None = None,
        *,
        actor: str | None = None,
        update: Mapping[str, Any] | None = None,
        **data: Any,
    ) -> Decision:
        """Apply ``event`` at ``at`` (default now): record it in the history and move on,
        unless a rule blocks it. ``update`` sets record fields with the event (e.g. the
        attribute at ``set_attribute``); other keyword arguments are event data."""
        return self._decide(event, at, actor, update, data, commit=True)

    def _decide(
        self,
        event: str,
        at: datetime | date | None,
        actor: str | None,
        update: Mapping[str, Any] | None,
        data: Mapping[str, Any],
        *,
        commit: bool,
    ) -> Decision:
        definition = type(self).definition
        if event not in definition.events:
            raise WorkflowError(
                f"工作流 {definition.name} 没有事件 {event}（可用：{', '.join(definition.events)}）",
                f"workflow {definition.name} has no event {event} "
                f"(known: {', '.join(definition.events)})",
            )
        when = to_shanghai(at if at is not None else datetime.now().astimezone())
        candidate = self._candidate(event, when, actor, update, data)
        before = self._state
        step = self._select(event, candidate)
        if step is None:
            return Decision(
                event=event, at=when, allowed=False, state_before=before, state=before,
                reason=f"状态 {before} 下不能执行 {event}（not allowed in state {before}）",
            )  # fmt: skip
        blocking = self._blocking(event, step.step, candidate, when)
        if blocking:
            return Decision(
                event=event,
                at=when,
                allowed=False,
                state_before=before,
                state=before,
                blocking=blocking,
            )
        after = step.step.dest or before
        if commit:
            self._record = candidate
            self._state = after
        return Decision(event=event, at=when, allowed=True, state_before=before, state=after)

    def _candidate(
        self,
        event: str,
        at: datetime,
        actor: str | None,
        update: Mapping[str, Any] | None,
        data: Mapping[str, Any],
    ) -> R:
        history = self._record.history
        if history and at < history[-1].at:
            raise WorkflowError(
                f"事件 {event} 的时间 {at.isoformat()} 早于上一事件 {history[-1].name}",
                f"event {event} at {at.isoformat()} is before the last event {history[-1].name}",
            )
        try:
            new_event = Event(name=event, at=at, actor=actor, **data)
            payload = self._record.model_dump()
            payload.update(update or {})
            payload["history"] = [*history, new_event]
            return type(self._record).model_validate(payload)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise WorkflowError(
                f"事件 {event} 的数据有误：{where} {first['msg']}",
                f"invalid data for event {event}: {where} {first['msg']}",
            ) from None

    def _select(self, event: str, candidate: R) -> _Compiled | None:
        steps = type(self).definition.candidates(event, self._state)
        ctx = EvalContext(candidate, events=candidate.history)
        return next((s for s in steps if s.when is None or s.when.evaluate(ctx)), None)

    def _blocking(self, event: str, step: Step, candidate: R, at: datetime) -> list[Finding]:
        return self._pack.guard(candidate, event, at, calendar=self._calendar, also=step.guards)

    def _replay(self) -> str:
        """The state the record's history leads to (guards are not re-applied)."""
        definition = type(self).definition
        state = definition.initial.name
        for event in self._record.history:
            steps = definition.candidates(event.name, state)
            ctx = EvalContext(self._record, events=self._record.history)
            step = next((s for s in steps if s.when is None or s.when.evaluate(ctx)), None)
            if step is None:
                raise WorkflowError(
                    f"历史中的事件 {event.name} 在状态 {state} 下不允许",
                    f"history event {event.name} is not allowed in state {state}",
                )
            state = step.step.dest or state
        return state

    # -- persistence -------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Plain JSON-able data from which :meth:`restore` rebuilds this workflow."""
        return {
            "workflow": type(self).definition.name,
            "state": self._state,
            "pack": self._pack.name,
            "pack_hash": self._pack.hash,
            "record": self._record.model_dump(mode="json"),
        }

    @classmethod
    def restore(
        cls,
        snapshot: Mapping[str, Any],
        *,
        pack: Pack | str | None = None,
        calendar: WorkCalendar | None = None,
    ) -> Workflow[R]:
        """Rebuild a workflow from :meth:`snapshot` data (the pack by name unless given)."""
        definition = cls.definition
        try:
            if snapshot.get("workflow") != definition.name:
                raise WorkflowError(
                    f"快照不是 {definition.name} 工作流的", f"not a {definition.name} snapshot"
                )
            record = load_record(snapshot["record"])
            state = str(snapshot["state"])
            chosen = pack if pack is not None else str(snapshot["pack"])
        except (KeyError, TypeError, AttributeError):
            raise WorkflowError("快照数据不完整", "the snapshot is incomplete") from None
        except GongkaiError as err:
            raise WorkflowError(f"快照无效：{err.zh}", f"invalid snapshot: {err.en}") from None
        if state not in definition.states.__members__:
            raise WorkflowError(f"快照中的状态 {state} 不存在", f"unknown state {state}")
        workflow = cls(record, pack=chosen, calendar=calendar)  # type: ignore[arg-type]
        if workflow._state != state:
            raise WorkflowError(
                f"快照状态 {state} 与历史推出的状态 {workflow._state} 不一致",
                f"snapshot state {state} disagrees with its history ({workflow._state})",
            )
        return workflow

    def __repr__(self) -> str:
        return f"{type(self).__name__}(state={self._state}, events={len(self._record.history)})"
