"""Obligation rules: periods of every cadence, met / due / missed, and a period property.

Real days used: 2026-03-01 and 2026-05-31 are Sundays; Saturday 2026-02-28 is a make-up
workday of the Spring Festival; 2026-10-01..10-07 are National Day holidays; the week
2019-02-04..02-10 (Spring Festival) has no working day at all.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from gongkai.calendar import WorkCalendar
from gongkai.models import Agency, Event
from gongkai.rules.compiled import CompiledRule, compile_rule
from gongkai.rules.definition import ObligationBody, RuleSpec
from gongkai.rules.obligations import Period, periods
from gongkai.rules.pack import Pack
from gongkai.rules.report import Finding, Status
from gongkai.timezone import SHANGHAI

CAL = WorkCalendar.default()
SOURCE = {"document": "测试文件", "quote": "每年公布工作年度报告"}


def body(**fields: Any) -> ObligationBody:
    """An obligation body; the event defaults to ``annual_report_published``."""
    return ObligationBody.model_validate({"event": "annual_report_published", **fields})


def rule(effective_from: str | None = None, **fields: Any) -> CompiledRule:
    """An agency obligation rule compiled the way a pack compiles it."""
    spec: dict[str, Any] = {
        "id": "test.obligation.duty",
        "title": "测试义务",
        "kind": "agency",
        "source": SOURCE,
        "obligation": {"event": "annual_report_published", **fields},
    }
    if effective_from:
        spec["effective_from"] = effective_from
    return compile_rule(RuleSpec.model_validate(spec), "test")


def pack(*rules: CompiledRule) -> Pack:
    """A pack of the given rules only."""
    return Pack("test", "测试", list(rules), ["test"], "0" * 16, ("test",))


def ev(at: str, name: str = "annual_report_published") -> dict[str, Any]:
    return {"name": name, "at": at}


def agency(*events: dict[str, Any], **fields: Any) -> Agency:
    return Agency.model_validate({"history": list(events), **fields})


def end_of(day: str | date) -> datetime:
    """The last instant of a day, Asia/Shanghai."""
    d = date.fromisoformat(day) if isinstance(day, str) else day
    return datetime.combine(d, time.max, SHANGHAI)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def spans(found: list[Period]) -> list[tuple[str, str, str]]:
    return [(p.label, p.start.isoformat(), p.due.isoformat()) for p in found]


def judge(r: CompiledRule, record: Agency, as_of: datetime) -> list[Finding]:
    return pack(r).check(record, as_of, calendar=CAL).findings


# ----------------------------------------------------------------------------- periods


def test_once() -> None:
    b = body(every="once", by="2026-06-30")
    assert spans(periods(b, date(2026, 1, 1), date(2026, 12, 31), CAL)) == [
        ("2026-06-30", date.min.isoformat(), "2026-06-30")
    ]
    assert periods(b, date(2026, 7, 1), date(2026, 12, 31), CAL) == []


def test_once_workdays_moves_back_to_a_make_up_workday() -> None:
    b = body(every="once", by="2026-03-01", workdays=True)  # a Sunday
    (p,) = periods(b, date(2026, 1, 1), date(2026, 12, 31), CAL)
    assert p.label == "2026-03-01"
    assert p.due == date(2026, 2, 28)  # Saturday, a make-up workday


def test_year_with_by() -> None:
    b = body(every="year", by="01-31")
    assert spans(periods(b, date(2025, 1, 1), date(2026, 12, 31), CAL)) == [
        ("2025", "2025-01-01", "2025-01-31"),
        ("2026", "2026-01-01", "2026-01-31"),
    ]
    # a window starting after the due day leaves the year out
    assert periods(b, date(2026, 2, 1), date(2026, 12, 31), CAL) == []


def test_year_without_by_is_due_at_the_end_of_the_year() -> None:
    assert spans(periods(body(every="year"), date(2026, 5, 1), date(2026, 5, 2), CAL)) == [
        ("2026", "2026-01-01", "2026-12-31")
    ]


def test_year_by_end_of_february_follows_leap_years() -> None:
    b = body(every="year", by="02-29")
    found = periods(b, date(2023, 1, 1), date(2024, 12, 31), CAL)
    assert [p.due for p in found] == [date(2023, 2, 28), date(2024, 2, 29)]


def test_year_with_month() -> None:
    b = body(every="year", month=11)
    assert spans(periods(b, date(2026, 1, 1), date(2026, 12, 31), CAL)) == [
        ("2026-11", "2026-11-01", "2026-11-30")
    ]
    # the window [first, last] must overlap November
    assert periods(b, date(2026, 1, 1), date(2026, 10, 31), CAL) == []
    assert periods(b, date(2026, 12, 1), date(2026, 12, 31), CAL) == []
    feb = body(every="year", month=2)
    assert periods(feb, date(2024, 1, 1), date(2024, 12, 31), CAL)[0].due == date(2024, 2, 29)


def test_quarter() -> None:
    found = periods(body(every="quarter"), date(2026, 1, 1), date(2026, 12, 31), CAL)
    assert spans(found) == [
        ("2026-Q1", "2026-01-01", "2026-03-31"),
        ("2026-Q2", "2026-04-01", "2026-06-30"),
        ("2026-Q3", "2026-07-01", "2026-09-30"),
        ("2026-Q4", "2026-10-01", "2026-12-31"),
    ]
    # a window inside a quarter gives that quarter
    inside = periods(body(every="quarter"), date(2026, 5, 10), date(2026, 5, 11), CAL)
    assert [p.label for p in inside] == ["2026-Q2"]


def test_month() -> None:
    found = periods(body(every="month"), date(2026, 1, 15), date(2026, 3, 2), CAL)
    assert spans(found) == [
        ("2026-01", "2026-01-01", "2026-01-31"),
        ("2026-02", "2026-02-01", "2026-02-28"),
        ("2026-03", "2026-03-01", "2026-03-31"),
    ]


def test_month_workdays_moves_a_sunday_back() -> None:
    (may,) = periods(body(every="month", workdays=True), date(2026, 5, 1), date(2026, 5, 31), CAL)
    assert may.label == "2026-05"
    assert may.due == date(2026, 5, 29)  # 05-31 is a Sunday
    (plain,) = periods(body(every="month"), date(2026, 5, 1), date(2026, 5, 31), CAL)
    assert plain.due == date(2026, 5, 31)


def test_month_days_confine_the_window_to_mid_month() -> None:
    """定远: 每月中旬 = days 11..20; an event on the 10th or the 21st does not count."""
    b = body(every="month", days=[11, 20])
    found = periods(b, date(2026, 1, 1), date(2026, 2, 28), CAL)
    assert spans(found) == [
        ("2026-01", "2026-01-11", "2026-01-20"),
        ("2026-02", "2026-02-11", "2026-02-20"),
    ]
    # 2026-02-20 is a Spring Festival holiday: with workdays the due day moves back,
    # but never before the window opens
    mid_workdays = body(every="month", days=[11, 20], workdays=True)
    (feb,) = periods(mid_workdays, date(2026, 2, 1), date(2026, 2, 28), CAL)
    assert feb.due == date(2026, 2, 14)  # a make-up Saturday, the last working day before
    r = rule(every="month", days=[11, 20])
    outside = agency(ev("2026-03-10T09:00"), ev("2026-03-21T09:00"), since="2026-03-01")
    (march,) = judge(r, outside, at("2026-03-25T00:00"))
    assert march.status is Status.VIOLATED
    inside = agency(ev("2026-03-20T17:00"), since="2026-03-01")
    assert judge(r, inside, at("2026-03-25T00:00"))[0].status is Status.SATISFIED


def test_every_n_workdays_counts_working_days_from_the_first_judged_day() -> None:
    """Periods of 5 working days, back to back; the Spring Festival holiday is skipped and
    the make-up Saturday 2026-02-14 counts."""
    b = body(every="workdays", interval=5)
    found = periods(b, date(2026, 2, 9), date(2026, 2, 27), CAL)
    assert spans(found) == [
        ("2026-02-09", "2026-02-09", "2026-02-13"),  # Monday .. Friday
        ("2026-02-14", "2026-02-14", "2026-02-27"),  # make-up Saturday, holidays, 02-24..27
    ]
    # a first day off is not counted: Sunday 2026-03-01 .. 5 working days = Friday 03-06
    (p,) = periods(b, date(2026, 3, 1), date(2026, 3, 1), CAL)
    assert (p.start, p.due) == (date(2026, 3, 1), date(2026, 3, 6))
    # an anchor before the window keeps the periods where they fall: a calendar of March
    # for periods counted from 02-09 starts with the one running 02-28 .. 03-05
    march = periods(b, date(2026, 3, 1), date(2026, 3, 10), CAL, anchor=date(2026, 2, 9))
    assert spans(march)[0] == ("2026-02-28", "2026-02-28", "2026-03-05")


def test_week() -> None:
    found = periods(body(every="week"), date(2026, 3, 4), date(2026, 3, 10), CAL)
    assert spans(found) == [
        ("2026-W10", "2026-03-02", "2026-03-08"),
        ("2026-W11", "2026-03-09", "2026-03-15"),
    ]
    (w10,) = periods(body(every="week", workdays=True), date(2026, 3, 4), date(2026, 3, 4), CAL)
    assert w10.due == date(2026, 3, 6)  # Friday


def test_week_labels_use_iso_years() -> None:
    found = periods(body(every="week"), date(2026, 1, 1), date(2026, 1, 1), CAL)
    assert spans(found) == [("2026-W01", "2025-12-29", "2026-01-04")]


def test_year_workdays_moves_a_holiday_back() -> None:
    b = body(every="year", by="10-04", workdays=True)  # National Day holiday
    (p,) = periods(b, date(2026, 1, 1), date(2026, 12, 31), CAL)
    assert p.due == date(2026, 9, 30)


def test_a_due_day_never_moves_out_of_its_year() -> None:
    """by 01-01 (New Year's Day, a holiday): no working day of the year precedes it."""
    (p,) = periods(
        body(every="year", by="01-01", workdays=True), date(2026, 1, 1), date(2026, 12, 31), CAL
    )
    assert (p.start, p.due) == (date(2026, 1, 1), date(2026, 1, 1))


def test_week_without_a_working_day_keeps_its_due_day_in_the_week() -> None:
    b = body(every="week", workdays=True)
    (p,) = periods(b, date(2019, 2, 6), date(2019, 2, 6), CAL)  # Spring Festival week
    assert p.label == "2019-W06"
    assert p.start <= p.due
    assert p.due == date(2019, 2, 10)


def test_due_at_is_end_of_the_due_day_in_shanghai() -> None:
    p = Period("2026", date(2026, 1, 1), date(2026, 1, 31))
    assert p.due_at == datetime(2026, 1, 31, 23, 59, 59, 999999, SHANGHAI)
    assert p.due_at.utcoffset() == timedelta(hours=8)


# ----------------------------------------------------------------------------- statuses

ANNUAL = {"every": "year", "by": "01-31"}


def test_met() -> None:
    (f,) = judge(rule(**ANNUAL), agency(ev("2026-01-20T10:00")), at("2026-06-01T00:00"))
    assert f.status is Status.SATISFIED
    assert f.period == "2026"
    assert f.evidence == {"event": "annual_report_published", "count": 1, "at_least": 1}


def test_due_is_pending_with_due_at() -> None:
    (f,) = judge(rule(**ANNUAL), agency(), at("2026-01-31T23:00"))
    assert f.status is Status.PENDING
    assert f.due_at == end_of("2026-01-31")
    assert f.due_at is not None and f.due_at.utcoffset() == timedelta(hours=8)


def test_missed_after_the_due_day() -> None:
    (f,) = judge(rule(**ANNUAL), agency(), at("2026-02-01T00:00"))
    assert f.status is Status.VIOLATED
    assert f.period == "2026"
    assert "2026-01-31" in f.message and "0/1" in f.message


def test_event_outside_the_window_does_not_count() -> None:
    late = agency(ev("2026-02-01T09:00"))
    (f,) = judge(rule(**ANNUAL), late, at("2026-03-01T00:00"))
    assert f.status is Status.VIOLATED


def test_at_least_counts_occurrences() -> None:
    r = rule(every="quarter", at_least=2)
    once = agency(ev("2026-02-01T09:00"))
    twice = agency(ev("2026-02-01T09:00"), ev("2026-03-31T23:00"))
    assert judge(r, once, at("2026-04-01T00:00"))[0].status is Status.VIOLATED
    assert judge(r, once, at("2026-03-15T00:00"))[0].status is Status.PENDING
    (q1,) = judge(r, twice, at("2026-04-01T00:00"))[:1]
    assert q1.status is Status.SATISFIED and q1.evidence["count"] == 2


def test_events_after_as_of_are_ignored() -> None:
    record = agency(ev("2026-01-20T10:00"))
    (before,) = judge(rule(**ANNUAL), record, at("2026-01-19T12:00"))
    assert before.status is Status.PENDING
    assert before.evidence["count"] == 0
    (after,) = judge(rule(**ANNUAL), record, at("2026-01-20T10:00"))
    assert after.status is Status.SATISFIED


def test_other_events_do_not_count() -> None:
    record = agency(ev("2026-01-20T10:00", name="training_held"))
    (f,) = judge(rule(**ANNUAL), record, at("2026-02-01T00:00"))
    assert f.status is Status.VIOLATED


def test_default_window_is_the_as_of_year() -> None:
    found = judge(rule(every="quarter"), agency(), at("2026-05-01T00:00"))
    assert [(f.period, f.status) for f in found] == [
        ("2026-Q1", Status.VIOLATED),
        ("2026-Q2", Status.PENDING),
    ]


def test_since_widens_the_window() -> None:
    record = agency(ev("2025-01-10T09:00"), since="2024-01-01")
    found = judge(rule(**ANNUAL), record, at("2026-06-01T00:00"))
    assert [(f.period, f.status) for f in found] == [
        ("2024", Status.VIOLATED),
        ("2025", Status.SATISFIED),
        ("2026", Status.VIOLATED),
    ]


def test_periods_before_effective_from_are_not_judged() -> None:
    r = rule(effective_from="2025-03-01", **ANNUAL)
    record = agency(since="2024-01-01")
    found = judge(r, record, at("2026-06-01T00:00"))
    assert [f.period for f in found] == ["2026"]  # 2024 and 2025 were due before 2025-03-01
    # a period that runs across effective_from is judged
    quarterly = rule(effective_from="2026-02-15", every="quarter")
    found = judge(quarterly, agency(since="2026-01-01"), at("2026-04-01T00:00"))
    assert [(f.period, f.status) for f in found] == [
        ("2026-Q1", Status.VIOLATED),
        ("2026-Q2", Status.PENDING),
    ]


def test_when_false_is_not_applicable() -> None:
    spec = RuleSpec.model_validate(
        {
            "id": "test.obligation.dept",
            "title": "部门义务",
            "kind": "agency",
            "source": SOURCE,
            "when": "level == '政府部门'",
            "obligation": ANNUAL | {"event": "annual_report_published"},
        }
    )
    r = compile_rule(spec, "test")
    (f,) = judge(r, agency(level="人民政府"), at("2026-06-01T00:00"))
    assert f.status is Status.NOT_APPLICABLE
    (g,) = judge(r, agency(level="政府部门"), at("2026-06-01T00:00"))
    assert g.status is Status.VIOLATED


def test_workdays_due_day_is_judged_on_the_moved_day() -> None:
    r = rule(every="month", workdays=True)
    record = agency(since="2026-05-01")
    may = judge(r, record, at("2026-05-30T00:00"))[0]  # Saturday after the moved due day
    assert may.period == "2026-05"
    assert may.status is Status.VIOLATED
    assert may.due_at == end_of("2026-05-29")
    assert may.estimated is False
    done = agency(ev("2026-05-29T17:00"), since="2026-05-01")
    assert judge(r, done, at("2026-05-30T00:00"))[0].status is Status.SATISFIED


def test_obligation_body_shape() -> None:
    with pytest.raises(ValueError):
        body(every="once")
    with pytest.raises(ValueError):
        body(every="year", by="2026-01-31")
    with pytest.raises(ValueError):
        body(every="quarter", by="03-31")
    with pytest.raises(ValueError):
        body(every="month", month=3)
    with pytest.raises(ValueError):
        body(every="year", by="02-30")
    with pytest.raises(ValueError):
        body(every="year", at_least=0)
    with pytest.raises(ValueError):
        body(every="year", days=[11, 20])
    with pytest.raises(ValueError):
        body(every="month", days=[20, 11])
    with pytest.raises(ValueError):
        body(every="month", days=[25, 31])
    with pytest.raises(ValueError):
        body(every="workdays")
    with pytest.raises(ValueError):
        body(every="month", interval=5)


# ----------------------------------------------------------------------------- property

_YEARLY_EXTRA = st.one_of(
    st.just({}),
    st.builds(lambda m: {"month": m}, st.integers(1, 12)),
    st.builds(
        lambda d: {"by": d.strftime("%m-%d")}, st.dates(date(2000, 1, 1), date(2000, 12, 31))
    ),
)
_EXTRA = {
    "year": _YEARLY_EXTRA,
    "quarter": st.just({}),
    "month": st.one_of(
        st.just({}),
        st.builds(
            lambda a, n: {"days": [a, min(a + n, 28)]}, st.integers(1, 28), st.integers(0, 27)
        ),
    ),
    "week": st.just({}),
    "workdays": st.builds(lambda n: {"interval": n}, st.integers(1, 60)),
}
bodies = st.sampled_from(sorted(_EXTRA)).flatmap(
    lambda every: st.builds(
        lambda at_least, workdays, extra: ObligationBody.model_validate(
            {"event": "training_held", "every": every, "at_least": at_least, "workdays": workdays}
            | extra
        ),
        st.integers(1, 3),
        st.booleans(),
        _EXTRA[every],
    )
)


def _obligation_rule(b: ObligationBody) -> CompiledRule:
    spec = RuleSpec.model_validate(
        {
            "id": "test.obligation.random",
            "title": "随机义务",
            "kind": "agency",
            "source": SOURCE,
            "obligation": b.model_dump(),
        }
    )
    return compile_rule(spec, "test")


@given(bodies, st.integers(2010, 2025), st.integers(0, 10**6))
@example(ObligationBody(event="training_held", every="week", workdays=True), 2019, 5).via(
    "2019-W06 has no working day (Spring Festival)"
)
@example(ObligationBody(event="training_held", by="01-01", workdays=True), 2026, 0).via(
    "01-01 is a holiday and the first day of its year"
)
def test_doing_the_duty_on_each_last_allowed_day_misses_nothing(
    b: ObligationBody, year: int, seed: int
) -> None:
    first, last = date(year, 1, 1), date(year, 12, 31)
    found = periods(b, first, last, CAL)
    assert found, b
    labels = [p.label for p in found]
    assert len(set(labels)) == len(labels)
    for p in found:
        assert p.start <= p.due, p
        assert p.due >= first and p.start <= last
    events = [
        Event(name="training_held", at=datetime.combine(p.due, time(12), SHANGHAI))
        for p in found
        for _ in range(b.at_least)
    ]
    events.sort(key=lambda e: e.at)
    r = _obligation_rule(b)
    # just after the end of the year (of its last due day: a last week may end in January)
    as_of = max(p.due_at for p in found) + timedelta(microseconds=1)

    def statuses(history: list[Event]) -> dict[str, Status]:
        judged = r.obligation_periods(history, as_of, CAL, (first, last))
        return {f.period or "": f.status for f in judged}

    assert statuses(events) == dict.fromkeys(labels, Status.SATISFIED)
    drop = seed % len(events)
    after = statuses(events[:drop] + events[drop + 1 :])
    dropped = next(p.label for p in found if p.due == events[drop].at.date())
    assert after == dict.fromkeys(labels, Status.SATISFIED) | {dropped: Status.VIOLATED}
