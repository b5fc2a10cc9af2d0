"""Every obligation of every bundled pack, over whole years: doing each duty on the last
allowed day of each period misses nothing, and leaving out any one occurrence reports
exactly that period missed (issue #7's law, on the real rules)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from gongkai.calendar import WorkCalendar
from gongkai.models import Event
from gongkai.rules.compiled import CompiledRule
from gongkai.rules.obligations import periods
from gongkai.rules.pack import available_packs, load_pack
from gongkai.rules.report import Status
from gongkai.timezone import SHANGHAI

CAL = WorkCalendar.default()
YEARS = range(2017, 2027)


def _obligations() -> list[CompiledRule]:
    seen: dict[str, CompiledRule] = {}
    for name in available_packs():
        for rule in load_pack(name).rules:
            if rule.spec.obligation is not None:
                seen.setdefault(rule.id, rule)
    return list(seen.values())


OBLIGATIONS = _obligations()


def test_there_are_locality_obligations() -> None:
    assert len([r for r in OBLIGATIONS if not r.id.startswith("national.")]) >= 55


def _judged(
    rule: CompiledRule, history: list[Event], as_of: datetime, window: tuple[date, date]
) -> dict[str, Status]:
    found = rule.obligation_periods(history, as_of, CAL, window)
    return {f.period or "": f.status for f in found}


@pytest.mark.parametrize("rule", OBLIGATIONS, ids=lambda r: r.id)
def test_last_allowed_day_misses_nothing_and_each_gap_is_reported(rule: CompiledRule) -> None:
    body = rule.spec.obligation
    assert body is not None
    for year in YEARS:
        window = (date(year, 1, 1), date(year, 12, 31))
        first = max(window[0], rule.spec.effective_from or date.min)
        last = min(window[1], rule.spec.effective_to or date.max)
        if first > last:
            continue
        found = periods(body, first, last, CAL, first)
        if not found:
            continue
        events = [
            Event(name=body.event, at=datetime.combine(p.due, time(17), SHANGHAI))
            for p in found
            for _ in range(body.at_least)
        ]
        as_of = max(p.due_at for p in found) + timedelta(microseconds=1)

        labels = [p.label for p in found]
        assert _judged(rule, events, as_of, window) == dict.fromkeys(labels, Status.SATISFIED), (
            rule.id,
            year,
        )
        for drop in {0, len(events) // 2, len(events) - 1}:
            missing = next(p.label for p in found if p.due == events[drop].at.date())
            after = _judged(rule, events[:drop] + events[drop + 1 :], as_of, window)
            expected = dict.fromkeys(labels, Status.SATISFIED) | {missing: Status.VIOLATED}
            assert after == expected, (rule.id, year, missing)
