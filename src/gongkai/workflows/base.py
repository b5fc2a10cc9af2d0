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
record and the state moves on. An event's ``update`` may not newly break a
guard or the step condition of an earlier event that cannot happen again (a
published document's review cannot turn 不通过, nor its attribute 不公开).

Replaying a history (a record from elsewhere) does not re-apply guards; where a
``when`` condition chose between steps, the replay takes the steps that lead
through the whole history. :meth:`Workflow.restore` also judges the record
again: the guards and step conditions of the events that cannot happen again
must hold, as ``fire`` kept them (a snapshot edited in storage is refused).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, Field, ValidationError
from transitions import Machine

from gongkai.calendar import WorkCalendar
from gongkai.errors import GongkaiError, WorkflowError
from gongkai.models import Event, Record, load_record
from gongkai.models.events import unknown_event
from gongkai.models.limits import instant
from gongkai.rules.expression import EvalContext, Expression, compile_expression
from gongkai.rules.pack import Pack, load_pack
from gongkai.rules.report import Finding, Report
from gongkai.rules.types import schema_of
from gongkai.workflows.signing import SIGNATURE_FIELD, sign, verify

R = TypeVar("R", bound=Record)
W = TypeVar("W", bound="Workflow[Any]")


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
    blocking: list[Finding] = Field(default_factory=list)
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
        self._guards: dict[str, tuple[str, ...]] = {}
        for step in self.steps:
            self._guards[step.event] = (*self._guards.get(step.event, ()), *step.guards)
        self._triggers = {
            state.name: tuple(e for e in self.events if (e, state.name) in self._by_key)
            for state in states
        }
        self._validate()

    def _validate(self) -> None:
        names = {s.name for s in self.states}
        if not isinstance(self.initial, self.states):
            raise _invalid(
                self.name,
                f"初始状态 {self.initial} 不是 {self.states.__name__} 的成员",
                f"the initial state {self.initial} is not a {self.states.__name__}",
            )
        for state in sorted(self.final - names):
            raise _invalid(self.name, f"终态 {state} 不存在", f"unknown final state {state}")
        kind = str(self.record_type.model_fields["kind"].default)
        found = unknown_event(kind, (step.event for step in self.steps))
        if found is not None:
            raise _invalid(self.name, found[1], found[2])
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

    def guards(self, event: str) -> tuple[str, ...]:
        """The rule ids the steps of ``event`` name as guards."""
        return self._guards.get(event, ())

    def triggers(self, state: str) -> list[str]:
        """The events that have a step from ``state``."""
        return list(self._triggers.get(state, ()))

    def possible_states(self, events: Sequence[str]) -> frozenset[str]:
        """The states that the event names ``events`` can lead to from the initial state,
        whatever the ``when`` conditions were at the time (empty: no path takes them)."""
        states = frozenset({self.initial.name})
        for event in events:
            states = frozenset(
                c.step.dest or state for state in states for c in self.candidates(event, state)
            )
        return states


def next_record(
    record: R,
    event: str,
    at: datetime,
    *,
    actor: str | None = None,
    update: Mapping[str, Any] | None = None,
    data: Mapping[str, Any] | None = None,
) -> R:
    """``record`` with ``event`` at ``at`` appended to its history and ``update`` applied:
    what firing the event commits if no rule blocks it. ``record`` is not changed.

    Raises WorkflowError when ``at`` is before the last event or the data is invalid.
    """
    history = record.history
    if history and at < history[-1].at:
        raise WorkflowError(
            f"事件 {event} 的时间 {at.isoformat()} 早于上一事件 {history[-1].name}",
            f"event {event} at {at.isoformat()} is before the last event {history[-1].name}",
        )
    if update is not None and not isinstance(update, Mapping):
        raise WorkflowError(
            f"update 须为字段到值的映射，而不是 {type(update).__name__}",
            f"update must be a mapping of fields to values, not {type(update).__name__}",
        )
    clash = sorted({"name", "at", "actor"}.intersection(data or {}))
    if clash:
        raise WorkflowError(
            f"事件数据不能使用保留键 {', '.join(clash)}",
            f"event data may not use the reserved key(s) {', '.join(clash)}",
        )
    try:
        new_event = Event(name=event, at=at, actor=actor, **copy.deepcopy(dict(data or {})))
        if not update:
            # nothing but the history changes, and the new event keeps it in time order
            return record.model_copy(update={"history": [*history, new_event]})
        # validated field values pass through as they are; only the update is read anew
        payload = {**dict(record), **update, "history": [*history, new_event]}
        return type(record).model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise WorkflowError(
            f"事件 {event} 的数据有误：{where} {first['msg']}",
            f"invalid data for event {event}: {where} {first['msg']}",
        ) from None


def _condition_broken(step: _Compiled) -> tuple[str, str]:
    source = step.when.source if step.when is not None else ""
    return (
        f"记录与历史不符：事件 {step.step.event} 的条件 {source} 现已不成立",
        f"the record disagrees with its history: the condition {source} of "
        f"{step.step.event} no longer holds",
    )


def _invalid(name: str, zh: str, en: str) -> WorkflowError:
    return WorkflowError(f"工作流 {name} 定义有误：{zh}", f"workflow {name} is invalid: {en}")


class Workflow(Generic[R]):
    """A record driven through its life by events; subclasses set ``definition``.

    Not thread-safe: ``fire`` replaces the record and the state, so one workflow must not
    be fired from two threads at once (distinct workflows sharing a pack may be).
    """

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
        self._record: R = record.model_copy(deep=True)  # the caller's objects stay theirs
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
        when = instant(at if at is not None else datetime.now().astimezone(), "at")
        candidate = self._candidate(event, when, actor, update, data)
        before = self._state
        step = self._select(event, candidate)
        if step is None:
            return Decision(
                event=event, at=when, allowed=False, state_before=before, state=before,
                reason=f"状态 {before} 下不能执行 {event}（not allowed in state {before}）",
            )  # fmt: skip
        after = step.step.dest or before
        blocking = self._blocking(event, step.step, candidate, when)
        if not blocking and update:
            blocking = self._broken_by_update(event, candidate, when, after)
            broken = None if blocking else self._broken_condition(candidate, after)
            if broken is not None and self._broken_condition(self._record, before) is None:
                return Decision(
                    event=event, at=when, allowed=False, state_before=before, state=before,
                    reason="{}（{}）".format(*_condition_broken(broken)),
                )  # fmt: skip
        if blocking:
            return Decision(
                event=event,
                at=when,
                allowed=False,
                state_before=before,
                state=before,
                blocking=blocking,
            )
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
        return next_record(self._record, event, at, actor=actor, update=update, data=data)

    def _select(self, event: str, candidate: R) -> _Compiled | None:
        steps = type(self).definition.candidates(event, self._state)
        ctx = EvalContext(candidate, events=candidate.history)
        return next((s for s in steps if s.when is None or s.when.evaluate(ctx)), None)

    def _blocking(self, event: str, step: Step, candidate: R, at: datetime) -> list[Finding]:
        return self._pack.guard(candidate, event, at, calendar=self._calendar, also=step.guards)

    def _broken_by_update(
        self, event: str, candidate: R, at: datetime, after: str
    ) -> list[Finding]:
        """What an ``update`` would newly violate among the guards of events already in the
        history that cannot happen again from ``after`` (and so will not be checked again):
        e.g. a published document's secrecy review cannot be changed to 不通过 later."""
        definition = type(self).definition
        again = set(definition.triggers(after))
        past = {e.name for e in self._record.history} - again - {event}
        if not past:
            return []
        kind = str(getattr(candidate, "kind", ""))
        ids = tuple(
            dict.fromkeys(
                [
                    *(g for name in sorted(past) for g in definition.guards(name)),
                    *(r.id for r in self._pack.rules_for(kind) if past.intersection(r.spec.blocks)),
                ]
            )
        )
        if not ids:
            return []
        cal = self._calendar
        found = self._pack.guard(candidate, "", at, calendar=cal, also=ids)
        if not found:
            return []
        already = {
            f.rule_id for f in self._pack.guard(self._record, "", at, calendar=cal, also=ids)
        }
        return [f for f in found if f.rule_id not in already]

    def _replay(self) -> str:
        """The state the record's history leads to (guards are not re-applied)."""
        path = self._path(self._record)
        return path[-1][2] if path else type(self).definition.initial.name

    def _path(self, record: R) -> list[tuple[_Compiled, bool, str]]:
        """The steps the history takes: each with whether its ``when`` holds now and the
        state it leads to.

        A step's ``when`` held or not when its event happened, but the record keeps only
        today's fields (a review that passed may have failed since). The replay prefers
        the steps whose condition holds on the record now, and takes another step where
        only that one leads through the rest of the history.
        """
        definition = type(self).definition
        names = [e.name for e in record.history]
        reach = [frozenset({definition.initial.name})]
        for name in names:
            following = frozenset(
                c.step.dest or state
                for state in reach[-1]
                for c in definition.candidates(name, state)
            )
            if not following:
                here = "/".join(sorted(reach[-1]))
                raise WorkflowError(
                    f"历史中的事件 {name} 在状态 {here} 下不允许",
                    f"history event {name} is not allowed in state {here}",
                )
            reach.append(following)
        alive = list(reach)
        for i in range(len(names) - 1, -1, -1):
            alive[i] = frozenset(
                state
                for state in reach[i]
                if any(
                    (c.step.dest or state) in alive[i + 1]
                    for c in definition.candidates(names[i], state)
                )
            )
        ctx = EvalContext(record, events=record.history)
        state = definition.initial.name
        path: list[tuple[_Compiled, bool, str]] = []
        for i, name in enumerate(names):
            steps = [
                c
                for c in definition.candidates(name, state)
                if (c.step.dest or state) in alive[i + 1]
            ]
            held = next((c for c in steps if c.when is None or c.when.evaluate(ctx)), None)
            step = held or steps[0]
            state = step.step.dest or state
            path.append((step, held is not None, state))
        return path

    def _broken_condition(self, record: R, state: str) -> _Compiled | None:
        """The first step of the history, of an event that cannot happen again from
        ``state``, whose ``when`` no longer holds on ``record`` (a published document now
        marked 不公开), or None."""
        again = set(type(self).definition.triggers(state))
        return next(
            (
                step
                for step, held, _ in self._path(record)
                if not held and step.when is not None and step.step.event not in again
            ),
            None,
        )

    # -- persistence -------------------------------------------------------------------

    def snapshot(self, *, key: bytes | str | None = None) -> dict[str, Any]:
        """Plain JSON-able data from which :meth:`restore` rebuilds this workflow.

        With ``key``, the data carries ``signature``: an HMAC-SHA256 of its canonical JSON
        under that key, which ``restore(…, key=…)`` requires.
        """
        data: dict[str, Any] = {
            "workflow": type(self).definition.name,
            "state": self._state,
            "pack": self._pack.reference,
            "pack_hash": self._pack.hash,
            "record": self._record.model_dump(mode="json"),
        }
        if key is not None:
            data[SIGNATURE_FIELD] = sign(data, key)
        return data

    @classmethod
    def restore(
        cls: type[W],
        snapshot: Mapping[str, Any],
        *,
        pack: Pack | str | None = None,
        calendar: WorkCalendar | None = None,
        same_rules: bool = False,
        key: bytes | str | None = None,
    ) -> W:
        """Rebuild a workflow from :meth:`snapshot` data (the pack by name unless given).

        The record and its history are judged again: the state must follow from the
        history, and the record must still meet the guards and step conditions of the
        events that cannot happen again (a published document's review cannot read 不通过),
        else WorkflowError names the rule. With ``same_rules=True`` a snapshot taken under
        other rules (its ``pack_hash`` differs from the pack's) is refused; with ``key``, a
        snapshot whose signature is missing or wrong is refused.
        """
        definition = cls.definition
        if not isinstance(snapshot, Mapping):
            raise WorkflowError("快照须为映射（dict）", "a snapshot must be a mapping (dict)")
        if key is not None:
            verify(snapshot, key)
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
        workflow = cls(record, pack=chosen, calendar=calendar, state=state)
        stored_hash = snapshot.get("pack_hash")
        if same_rules and stored_hash != workflow._pack.hash:
            raise WorkflowError(
                f"快照取自另一版本的规则（{stored_hash}），当前规则包为 {workflow._pack.hash}",
                f"the snapshot was taken under other rules ({stored_hash}); "
                f"the pack is now {workflow._pack.hash}",
            )
        possible = definition.possible_states([e.name for e in record.history])
        if state not in possible:
            raise WorkflowError(
                f"快照状态 {state} 与历史不一致（历史可到达：{'/'.join(sorted(possible)) or '无'}）",
                f"snapshot state {state} disagrees with its history "
                f"(which leads to: {'/'.join(sorted(possible)) or 'nothing'})",
            )
        workflow._rejudge()
        return workflow

    def _rejudge(self) -> None:
        """Refuse a record that breaks a guard or step condition of a past event that cannot
        happen again from the current state (its last occurrence, judged at its instant)."""
        definition = type(self).definition
        record, history = self._record, self._record.history
        again = set(definition.triggers(self._state))
        last = {e.name: i for i, e in enumerate(history) if e.name not in again}
        for name, index in last.items():
            at = history[index].at
            guards = definition.guards(name)
            for finding in self._pack.guard(record, name, at, calendar=self._calendar, also=guards):
                raise WorkflowError(
                    f"记录与历史不符：已发生的事件 {name} 受规则 {finding.rule_id} 约束，"
                    "而记录现在违反该规则",
                    f"the record disagrees with its history: event {name} happened under "
                    f"rule {finding.rule_id}, which the record now violates",
                )
        broken = self._broken_condition(record, self._state)
        if broken is not None:
            raise WorkflowError(*_condition_broken(broken))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(state={self._state}, events={len(self._record.history)})"
