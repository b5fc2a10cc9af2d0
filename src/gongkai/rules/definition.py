"""The shape of a rule pack file (TOML), as pydantic models: what ``gongkai schema pack`` prints."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gongkai.rules.report import Severity, Source

RecordKind = Literal["document", "meeting", "request", "incident", "agency", "message"]

_ID = r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Parameter(_Strict):
    """A value the policy leaves open (及时, 第一时间, 限期 …): set by a pack or the integrator."""

    description: str = Field(min_length=1)  #: the wording of the text, e.g. "及时"
    value: str | None = None  #: a duration such as "5个工作日"; None = not configured


class CheckBody(_Strict):
    """``require`` must hold whenever the rule's ``when`` holds."""

    require: str


class DeadlineBody(_Strict):
    """A clock over the history: from ``start`` until one of ``stop``, within ``within``.

    ``within`` is a duration text or ``"$name"``, a parameter of the rule. With
    ``before``, the stop must come ``within`` before that event (lead time);
    with ``with_``, at the same instant as that event (``with`` in TOML). ``delivery``
    names the event that records when the stop reached its addressee (送达): when one
    follows the stop, the period is judged at it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: list[str] = Field(default_factory=list)
    stop: list[str] = Field(min_length=1)
    within: str | None = None
    pause: list[str] = Field(default_factory=list)
    resume: list[str] = Field(default_factory=list)
    restart: list[str] = Field(default_factory=list)
    extend: str | None = None
    max_extension: str | None = None
    roll: bool = True
    before: str | None = None
    with_: str | None = Field(default=None, alias="with")
    delivery: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> DeadlineBody:
        if self.with_ is None and self.within is None:
            raise ValueError("a deadline needs 'within' (or 'with')")
        if self.with_ is None and self.before is None and not self.start:
            raise ValueError("a deadline needs 'start' (or 'before' / 'with')")
        if self.extend and not self.max_extension:
            raise ValueError("'extend' needs 'max_extension'")
        if bool(self.pause) != bool(self.resume):
            raise ValueError("'pause' and 'resume' go together")
        return self


class TableRow(_Strict):
    """One row: a cell per input (``"*"`` any, a value, or a list of values) and the output."""

    when: list[str | bool | list[str | bool] | None]
    then: str
    note: str | None = None


class TableBody(_Strict):
    """A decision table over ``inputs``; its output is compared with the field ``expect``."""

    hit: Literal["unique", "first", "collect"] = "unique"
    inputs: list[str] = Field(min_length=1)
    expect: str
    rows: list[TableRow] = Field(min_length=1)
    default: str | None = None


class ObligationBody(_Strict):
    """A duty of an agency: ``event`` done ``at_least`` times in each period.

    ``every`` is the cadence (``once`` for a dated one-off duty; ``workdays`` for
    periods of ``interval`` working days counted from the first judged day). ``by`` is
    the due day: ``"MM-DD"`` within a yearly period (e.g. ``"01-31"``), or
    ``"YYYY-MM-DD"`` for ``once``; without it a period is due at its end. ``month``
    confines a yearly duty to one month (安徽: 每年11月份); ``days`` confines a monthly
    one to days of the month (定远: 每月中旬 = ``[11, 20]``).
    """

    event: str
    every: Literal["once", "year", "quarter", "month", "week", "workdays"] = "year"
    at_least: int = Field(default=1, ge=1)
    by: str | None = Field(default=None, pattern=r"^(\d{4}-)?\d{2}-\d{2}$")
    month: int | None = Field(default=None, ge=1, le=12)
    days: tuple[int, int] | None = None
    interval: int | None = Field(default=None, ge=1, le=1000)
    workdays: bool = False  #: the text says 工作日: a due day off moves back to a working day

    @property
    def counts_workdays(self) -> bool:
        """True when due days depend on the working-day calendar."""
        return self.workdays or self.every == "workdays"

    @model_validator(mode="after")
    def _shape(self) -> ObligationBody:
        full = self.by is not None and len(self.by) == 10
        if (self.every == "once") != full:
            raise ValueError("'once' needs by = 'YYYY-MM-DD', and only 'once' takes a full date")
        if self.by and self.every not in ("once", "year"):
            raise ValueError("'by' is for yearly or one-off duties")
        if self.month and self.every != "year":
            raise ValueError("'month' is for yearly duties")
        if self.days and (self.every != "month" or not 1 <= self.days[0] <= self.days[1] <= 28):
            raise ValueError(
                "'days' is for monthly duties: [first, last], 1 <= first <= last <= 28"
            )
        if (self.interval is not None) != (self.every == "workdays"):
            raise ValueError("every = 'workdays' needs 'interval', and only it takes one")
        if self.by and not full:
            month, day = (int(x) for x in self.by.split("-"))
            try:
                date(2000, month, day)  # a leap year: allows 02-29
            except ValueError:
                raise ValueError(f"'by' {self.by} is not a day of the year") from None
        return self


class RuleSpec(_Strict):
    """One rule as written in a pack."""

    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    kind: RecordKind
    severity: Severity = Severity.ERROR
    source: Source
    effective_from: date | None = None
    effective_to: date | None = None  #: last day in force
    effective_event: str | None = None  #: the event whose date picks the version in force
    overrides: str | None = None
    #: ids of the catalogue candidates (../shared/domain/RULES-*.md) this rule encodes, besides its own
    catalogue: list[str] = Field(default_factory=list)
    note: str | None = None  #: why the pack chose a parameter or start event
    when: str | None = None
    blocks: list[str] = Field(default_factory=list)  #: workflow events this rule guards
    params: dict[str, Parameter] = Field(default_factory=dict)
    message: str | None = None  #: Chinese message when violated (default: from the title)
    message_en: str | None = None
    check: CheckBody | None = None
    deadline: DeadlineBody | None = None
    table: TableBody | None = None
    obligation: ObligationBody | None = None

    def event_references(self) -> dict[str, list[str]]:
        """The event names the rule names outside its expressions, by the key naming them."""
        refs: dict[str, list[str]] = {"blocks": list(self.blocks)}
        if self.effective_event:
            refs["effective_event"] = [self.effective_event]
        if self.obligation is not None:
            refs["obligation.event"] = [self.obligation.event]
        if self.deadline is not None:
            d = self.deadline
            for key, names in (("start", d.start), ("stop", d.stop), ("pause", d.pause),
                               ("resume", d.resume), ("restart", d.restart)):  # fmt: skip
                refs[f"deadline.{key}"] = list(names)
            for key, name in (("extend", d.extend), ("before", d.before), ("with", d.with_)):
                if name:
                    refs[f"deadline.{key}"] = [name]
        return refs

    @model_validator(mode="after")
    def _one_body(self) -> RuleSpec:
        bodies = [b for b in (self.check, self.deadline, self.table, self.obligation) if b]
        if len(bodies) != 1:
            raise ValueError("a rule has exactly one of check, deadline, table, obligation")
        if self.obligation is not None and self.kind != "agency":
            raise ValueError("obligation rules apply to kind 'agency'")
        if self.effective_from and self.effective_to and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self


class PackInfo(_Strict):
    """The ``[pack]`` table."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=1)
    extends: str | None = None
    description: str | None = None
    disable: list[str] = Field(default_factory=list)


class NotEncoded(_Strict):
    """A duty of the pack's text left out on purpose (``[[not_encoded]]``), with the reason.

    ``catalogue`` names the catalogue candidate; ``what`` states a duty the catalogue does not
    list (one of the two is required).
    """

    catalogue: str | None = Field(default=None, pattern=_ID)
    what: str | None = Field(default=None, min_length=1)
    reason: str = Field(min_length=1)

    @model_validator(mode="after")
    def _named(self) -> NotEncoded:
        if self.catalogue is None and self.what is None:
            raise ValueError("a not-encoded row needs 'catalogue' or 'what'")
        return self


class PackSpec(_Strict):
    """A whole pack file."""

    pack: PackInfo
    rules: list[RuleSpec] = Field(default_factory=list)
    not_encoded: list[NotEncoded] = Field(default_factory=list)

    @model_validator(mode="after")
    def _accounted_once(self) -> PackSpec:
        encoded = {r.id for r in self.rules} | {c for r in self.rules for c in r.catalogue}
        left = [row.catalogue for row in self.not_encoded if row.catalogue]
        twice = sorted({c for c in left if left.count(c) > 1} | (encoded & set(left)))
        if twice:
            raise ValueError(f"listed twice (encoded or not_encoded): {', '.join(twice)}")
        return self
