"""What evaluation returns: findings with their evidence and source, gathered in a ``Report``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, NoReturn

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

if TYPE_CHECKING:
    from gongkai.rules.pack import Pack


class Severity(str, Enum):
    """How much a violation weighs: ``error`` (法定/必须/实行), ``warning`` (一般/原则上), ``info``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Status(str, Enum):
    """The outcome of one rule for one record at one instant."""

    VIOLATED = "violated"
    SATISFIED = "satisfied"
    PENDING = "pending"  #: a clock runs, or a parameter (及时 …) is not configured
    OVERDUE = "overdue"
    NOT_APPLICABLE = "not_applicable"
    #: a deadline reaches a year without holiday data (strict calendar): neither kept nor broken
    UNDETERMINED = "undetermined"


class Source(BaseModel):
    """Where a rule comes from: document title and number, clause, a short verbatim quote."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: str = Field(min_length=1)
    number: str | None = None  #: 文号, e.g. 国办发〔2016〕80号
    clause: str | None = None  #: 第三十三条, or the seed file and line
    quote: str = Field(min_length=1)
    url: str | None = None


class SharedEvidence(dict[str, Any]):
    """The empty evidence of a finding that several reports share; it refuses changes.

    A rule's finding that depends on nothing but its outcome (satisfied, not applicable) is
    built once and reused, so its evidence must not be changed in place.
    """

    def __reduce__(self) -> tuple[type[SharedEvidence], tuple[dict[str, Any]]]:
        return (SharedEvidence, (dict(self),))  # copied and pickled by value, not item by item

    def __setitem__(self, key: str, value: Any) -> None:
        _refuse()

    def __delitem__(self, key: str) -> None:
        _refuse()

    def __ior__(self, other: Any) -> SharedEvidence:  # type: ignore[override,misc]
        _refuse()

    def clear(self) -> None:
        _refuse()

    def pop(self, *args: Any) -> Any:
        _refuse()

    def popitem(self) -> tuple[str, Any]:
        _refuse()

    def setdefault(self, *args: Any) -> Any:
        _refuse()

    def update(self, *args: Any, **kwargs: Any) -> None:
        _refuse()


def _refuse() -> NoReturn:
    raise TypeError(
        "发现（Finding）及其证据不可修改；请复制后再改：dict(finding.evidence) / "
        "findings and their evidence are immutable; copy first: dict(finding.evidence)"
    )


class Finding(BaseModel):
    """One rule's verdict on one record (immutable, evidence included)."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    title: str
    severity: Severity
    status: Status
    message: str  #: Chinese, naming the fields and values involved
    message_en: str
    source: Source
    due_at: datetime | None = None
    estimated: bool = False
    evidence: dict[str, Any] = Field(default_factory=dict)  #: field or event -> value used
    blocks: tuple[str, ...] = ()  #: workflow events this rule guards
    period: str | None = None  #: the period an obligation finding judges, e.g. "2026-Q1"

    @property
    def is_violation(self) -> bool:
        """Violated or overdue."""
        return self.status in (Status.VIOLATED, Status.OVERDUE)


class ReportHeader(BaseModel):
    """What is needed to reproduce a decision later."""

    model_config = ConfigDict(frozen=True)

    pack: str
    pack_hash: str
    calendar: tuple[str, ...]
    as_of: datetime
    input_hash: str
    gongkai_version: str
    record_kind: str
    record_id: str | None = None


class Report(BaseModel):
    """Every finding of a pack on a record at ``as_of``; ``ok`` when no error is violated.

    A finding ``undetermined`` (its deadline reaches a year without holiday data under the
    strict calendar) is not a violation, so it leaves ``ok`` as it is; it is not a pass
    either: ``complete`` is False while any finding is undetermined.
    """

    header: ReportHeader
    findings: list[Finding]
    #: the pack and record the report was made from (for explain); absent when loaded
    _origin: tuple[Pack, Any] = PrivateAttr()

    @property
    def ok(self) -> bool:
        """True when no finding of severity ``error`` is violated or overdue."""
        return not any(f.is_violation and f.severity is Severity.ERROR for f in self.findings)

    @property
    def undetermined(self) -> list[Finding]:
        """Findings that could not be judged for want of calendar data."""
        return [f for f in self.findings if f.status is Status.UNDETERMINED]

    @property
    def complete(self) -> bool:
        """True when every rule could be judged (no finding is undetermined)."""
        return not any(f.status is Status.UNDETERMINED for f in self.findings)

    @property
    def violations(self) -> list[Finding]:
        """Violated or overdue findings, any severity."""
        return [f for f in self.findings if f.is_violation]

    def finding(self, rule_id: str) -> Finding | None:
        """The finding of one rule, if the rule applied to this record kind."""
        return next((f for f in self.findings if f.rule_id == rule_id), None)

    def to_json_data(self, *, lines: Mapping[str, int] | None = None) -> dict[str, Any]:
        """The report as JSON-able data: ``record`` (when the report was made by a check, not
        loaded), ``ok``, ``header``, ``findings`` and, for a 公文 read from text, ``lines``
        (field -> 1-based line). The command line and the service both print this."""
        origin: tuple[Pack, Any] | None = getattr(self, "_origin", None)
        out: dict[str, Any] = {}
        if origin is not None:
            out["record"] = origin[1].model_dump(mode="json")
        out["ok"] = self.ok
        out["complete"] = self.complete
        out["header"] = self.header.model_dump(mode="json")
        out["findings"] = [f.model_dump(mode="json") for f in self.findings]
        if lines:
            out["lines"] = dict(lines)
        return out

    def explain(self, rule_id: str) -> list[tuple[str, object]]:
        """Each sub-expression of the rule's conditions with its value on this record."""
        origin: tuple[Pack, Any] | None = getattr(self, "_origin", None)
        if origin is None:
            return []
        pack, record = origin
        return pack.explain(rule_id, record, self.header.as_of)


def json_value(value: object) -> object:
    """A value as it should appear in JSON evidence."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value
