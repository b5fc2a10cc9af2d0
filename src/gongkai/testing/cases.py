"""Table-driven rule tests, the way OPA users write them: record, instant → expected status."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from gongkai.calendar import WorkCalendar
from gongkai.models import load_record
from gongkai.rules.pack import Pack, load_pack
from gongkai.rules.report import Finding, Status


@dataclass(frozen=True)
class RuleCase:
    """One case: ``record`` (JSON-like mapping) checked by ``pack`` as of ``as_of`` must give
    ``expect`` for ``rule_id``. ``pack`` defaults to the rule id's first part; ``params`` sets
    open parameters (``{"rule.id.name": "3个工作日"}``)."""

    rule_id: str
    record: Mapping[str, Any]
    expect: Status | str
    as_of: datetime | date | str
    pack: str | None = None
    name: str = ""
    calendar: WorkCalendar | None = field(default=None, compare=False)
    #: parameter values the pack is loaded with, e.g. an office's reading of 及时
    params: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def pack_name(self) -> str:
        """The pack the case runs against."""
        return self.pack or self.rule_id.split(".", 1)[0]

    @property
    def label(self) -> str:
        """A readable test id."""
        return f"{self.rule_id}:{Status(self.expect).value}:{self.name}".rstrip(":")


def run_case(case: RuleCase, pack: Pack | None = None) -> Finding:
    """Evaluate a case and assert its expected status; return the finding for further asserts."""
    used = pack or load_pack(case.pack_name, case.params)
    as_of = datetime.fromisoformat(case.as_of) if isinstance(case.as_of, str) else case.as_of
    report = used.check(load_record(dict(case.record)), as_of, calendar=case.calendar)
    finding = report.finding(case.rule_id)
    assert finding is not None, f"{case.rule_id} did not run on a {case.record.get('kind')} record"
    expected = Status(case.expect)
    assert finding.status is expected, (
        f"{case.label}: expected {expected.value}, got {finding.status.value}: {finding.message}"
    )
    return finding


def coverage_gaps(pack: Pack, cases: Iterable[RuleCase], *, own_only: bool = True) -> list[str]:
    """Rules of ``pack`` lacking a case that violates them or one that satisfies them.

    With ``own_only`` only the rules whose id starts with the pack's name count.
    """
    seen: dict[str, set[Status]] = {}
    for case in cases:
        seen.setdefault(case.rule_id, set()).add(Status(case.expect))
    bad = {Status.VIOLATED, Status.OVERDUE}
    gaps = []
    for rule in pack.rules:
        if own_only and not rule.id.startswith(pack.name + "."):
            continue
        statuses = seen.get(rule.id, set())
        if not statuses & bad or Status.SATISFIED not in statuses:
            gaps.append(rule.id)
    return gaps
