"""audit(): worked examples, what is listed and what is not, inputs, and equivalence with
Pack.check on generated histories (fast path and rule-engine path)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai import SHANGHAI, Clock, Duration, Pack, Status, WorkCalendar, load_pack, load_record
from gongkai.audit import AuditItem, audit, reply_rules
from gongkai.errors import RecordError
from gongkai.models import DisclosureRequest, Record
from gongkai.timezone import to_shanghai

CAL = WorkCalendar.default()
EST = WorkCalendar.default(policy="estimate")
NATIONAL = load_pack("national")
R2019 = "national.request.reply_20wd"
R2007 = "national.request.reply_15wd_2007"
EXT = {"by": "20个工作日", "approver": "王某", "notice": "已告知申请人"}

LOCAL_PACK = """
[pack]
name = "auditlocal"
title = "审计测试规则包"
extends = "national"

[[rules]]
id = "auditlocal.request.reply_online_10wd"
title = "网络申请10个工作日内答复"
kind = "request"
effective_from = 2019-05-15
when = "channel == '网络'"
source = { document = "测试", quote = "网络申请10个工作日内答复" }
[rules.deadline]
start = ["receive"]
stop = ["reply"]
within = "10个工作日"
pause = ["request_correction", "consult_third_party"]
resume = ["third_party_replied"]
restart = ["receive_correction"]
extend = "extend"
max_extension = "10个工作日"

[[rules]]
id = "auditlocal.request.reply_30d"
title = "30日内答复"
kind = "request"
source = { document = "测试", quote = "30日内答复" }
[rules.deadline]
start = ["receive"]
stop = ["reply", "abandon"]
within = "30日"
pause = ["consult_co_producer"]
resume = ["co_producer_replied"]

[[rules]]
id = "auditlocal.request.reply_by_submit"
title = "自提交之日起的版本"
kind = "request"
effective_from = 2020-01-01
effective_event = "submit"
source = { document = "测试", quote = "25个工作日" }
[rules.deadline]
start = ["receive"]
stop = ["reply"]
within = "25个工作日"
pause = ["consult_third_party", "consult_co_producer"]
resume = ["third_party_replied", "co_producer_replied"]
restart = ["receive_correction"]
extend = "extend"
max_extension = "25个工作日"

[[rules]]
id = "auditlocal.request.reply_before_archive"
title = "归档前1个工作日答复（不是时钟）"
kind = "request"
source = { document = "测试", quote = "归档前答复" }
[rules.deadline]
stop = ["reply"]
before = "archive"
within = "1个工作日"
"""


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    path: Path = tmp_path_factory.mktemp("packs") / "auditlocal.toml"
    path.write_text(LOCAL_PACK, encoding="utf-8")
    return load_pack(path)


def at(y: int, m: int, d: int, h: int = 10, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=SHANGHAI)


def eod(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 23, 59, 59, 999999, tzinfo=SHANGHAI)


def request(rid: str, *events: tuple[str, datetime] | dict[str, Any]) -> dict[str, Any]:
    history = [e if isinstance(e, dict) else {"name": e[0], "at": e[1]} for e in events]
    return {"kind": "request", "id": rid, "history": history}


# ---------------------------------------------------------------- worked examples


def test_reply_rules_of_the_national_pack() -> None:
    assert [r.id for r in reply_rules(NATIONAL)] == [R2019, R2007]


def test_worked_examples() -> None:
    records = [
        request("national-day", ("receive", at(2026, 9, 30))),
        request("spring", ("receive", at(2026, 2, 13))),
        request("sunday", ("receive", at(2026, 3, 8, 21))),
        request(
            "corrected",
            ("receive", at(2026, 3, 2)),
            ("request_correction", at(2026, 3, 5)),
            ("receive_correction", at(2026, 3, 20)),
        ),
        request(
            "third-party",
            ("receive", at(2026, 6, 1)),
            ("consult_third_party", at(2026, 6, 3)),
            ("third_party_replied", at(2026, 6, 25)),
        ),
        request(
            "extended",
            ("receive", at(2026, 9, 30)),
            {"name": "extend", "at": at(2026, 10, 30), **EXT},
        ),
        request("2007", ("receive", at(2018, 6, 1))),
    ]
    items = {i.record_id: i for i in audit(records, at(2026, 11, 4), due_within=100_000)}
    assert items["national-day"].due_at == eod(2026, 11, 3)
    assert items["national-day"].status is Status.OVERDUE
    assert items["national-day"].remaining == -1
    assert items["spring"].due_at == eod(2026, 3, 19)
    assert items["sunday"].due_at == eod(2026, 4, 3)
    assert items["corrected"].due_at == eod(2026, 4, 20)
    assert items["third-party"].due_at == eod(2026, 7, 21)
    assert items["extended"].due_at == eod(2026, 12, 1)
    assert items["extended"].status is Status.PENDING
    assert items["extended"].remaining == 19  # 11-05 .. 12-01
    assert items["2007"].rule_id == R2007
    assert items["2007"].due_at == eod(2018, 6, 25)
    assert all(i.rule_id == R2019 for k, i in items.items() if k != "2007")
    assert not any(i.estimated for i in items.values())


def test_due_within_and_what_is_not_listed() -> None:
    # as of Mon 2026-11-02: due 11-03 is 1 working day away, 11-02 is today.
    records = [
        request("today", ("receive", at(2026, 9, 29))),  # due 11-02
        request("tomorrow", ("receive", at(2026, 9, 30))),  # due 11-03
        request("late", ("receive", at(2026, 9, 28))),  # due 10-30
        request("far", ("receive", at(2026, 10, 20))),
        request("replied", ("receive", at(2026, 9, 28)), ("reply", at(2026, 10, 9))),
        request("replied-late", ("receive", at(2026, 9, 1)), ("reply", at(2026, 10, 30))),
        request("paused", ("receive", at(2026, 10, 20)), ("consult_third_party", at(2026, 10, 28))),
        # 第三十二条: the third party's 15 working days ended 09-24; the clock ran again
        request("silent", ("receive", at(2026, 9, 1)), ("consult_third_party", at(2026, 9, 3))),
        request("future", ("receive", at(2026, 11, 3))),
        request("never", ("submit", at(2026, 9, 1))),
        {"kind": "document", "id": "doc", "history": []},
        {"id": "no-kind", "history": [{"name": "receive", "at": at(2026, 9, 29)}]},
    ]
    as_of = at(2026, 11, 2, 9)
    listed = {i.record_id: i for i in audit(records, as_of)}
    assert set(listed) == {"today", "late", "no-kind", "silent"}
    assert listed["silent"].status is Status.OVERDUE
    assert listed["late"].status is Status.OVERDUE and listed["late"].remaining == -1
    assert listed["today"].status is Status.PENDING and listed["today"].remaining == 0
    assert set(i.record_id for i in audit(records, as_of, due_within=1)) == {
        "today", "tomorrow", "late", "no-kind", "silent",
    }  # fmt: skip
    assert [i.record_id for i in audit(records, as_of, due_within=-1)] == ["late", "silent"]


@pytest.mark.parametrize(
    ("paused", "due"),
    [
        (at(2026, 11, 3, 16), eod(2026, 11, 5)),  # on the due day: 11-04, 11-05 added
        (at(2026, 11, 4, 9), eod(2026, 11, 3)),  # after it: changes nothing, still overdue
    ],
)
def test_pause_on_and_after_the_due_day(paused: datetime, due: datetime) -> None:
    record = request(
        "x",
        ("receive", at(2026, 9, 30)),
        ("consult_third_party", paused),
        ("third_party_replied", at(2026, 11, 5, 9)),
    )
    as_of = at(2026, 11, 6)
    (item,) = audit([record], as_of)
    assert item.due_at == due and item.status is Status.OVERDUE
    found = NATIONAL.check(load_record(record), as_of).finding(R2019)
    assert found is not None and found.due_at == due


def test_remaining_agrees_with_clock_remaining() -> None:
    clock = Clock(Duration.workdays(20), CAL).start(at(2026, 9, 30))
    for day in range(1, 40):
        as_of = at(2026, 10, 1) + timedelta(days=day)
        (item,) = audit([request("x", ("receive", at(2026, 9, 30)))], as_of, due_within=99)
        remaining = clock.remaining(as_of)
        assert remaining is not None and item.remaining == remaining.value


def test_invalid_extension_is_listed_as_violated() -> None:
    twice = request(
        "twice",
        ("receive", at(2026, 9, 30)),
        {"name": "extend", "at": at(2026, 10, 9), **EXT},
        {"name": "extend", "at": at(2026, 10, 12), **EXT},
    )
    (item,) = audit([twice], at(2026, 10, 13))
    assert item.status is Status.VIOLATED and item.due_at is None and item.remaining is None
    assert item.message is not None and "只能延长一次" in item.message
    # once replied, the clock is closed: nothing to list
    twice["history"].append({"name": "reply", "at": at(2026, 10, 20)})
    assert list(audit([twice], at(2026, 10, 21))) == []
    no_approver = request(
        "x",
        ("receive", at(2026, 9, 30)),
        {"name": "extend", "at": at(2026, 10, 9), "by": "5个工作日"},
    )
    # 第三十三条第二款: an unrecorded approval is a finding of its own; the due day still moves
    (item,) = audit([no_approver], at(2026, 10, 10), due_within=100)
    assert item.status is Status.PENDING and item.due_at == eod(2026, 11, 10)


def test_inputs_models_dicts_and_time_forms() -> None:
    forms: list[object] = [
        datetime(2026, 9, 30, 10),  # naive: Asia/Shanghai
        at(2026, 9, 30),
        datetime(2026, 9, 30, 2, tzinfo=timezone.utc),
        "2026-09-30T10:00:00+08:00",
        "2026-09-30T02:00:00Z",
        "2026-09-30 10:00",
        "2026-09-30",
        date(2026, 9, 30),
    ]
    for form in forms:
        (item,) = audit([request("x", {"name": "receive", "at": form})], at(2026, 11, 4))
        assert item.due_at == eod(2026, 11, 3), form
    model = load_record(request("m", ("receive", at(2026, 9, 30))))
    assert isinstance(model, DisclosureRequest)
    (item,) = audit([model], date(2026, 11, 4))
    assert item == AuditItem("m", R2019, Status.OVERDUE, eod(2026, 11, 3), False, -1)
    # UTC late evening is already the next day in Beijing
    (item,) = audit([request("u", ("receive", datetime(2026, 9, 29, 17, tzinfo=timezone.utc)))],
                    at(2026, 11, 4))  # fmt: skip
    assert item.due_at == eod(2026, 11, 3)


def test_bad_inputs() -> None:
    with pytest.raises(RecordError):
        list(audit([object()], at(2026, 11, 4)))  # type: ignore[list-item]
    with pytest.raises(RecordError):
        list(audit([{"id": "x", "history": [{"at": at(2026, 9, 30)}]}], at(2026, 11, 4)))
    with pytest.raises(RecordError):
        list(audit([request("x", {"name": "receive", "at": "yesterday"})], at(2026, 11, 4)))
    out_of_order = request(
        "x", ("receive", at(2026, 9, 30)), ("consult_third_party", at(2026, 9, 29))
    )
    with pytest.raises(RecordError, match="time order"):
        list(audit([out_of_order], at(2026, 11, 4)))
    # As Pack.check: no 2027 data by default, so the clock is undetermined, not an error.
    (item,) = audit([request("x", ("receive", at(2026, 12, 20)))], at(2026, 12, 21))
    assert item.status is Status.UNDETERMINED and item.due_at is None
    assert item.message is not None and "2027" in item.message
    (item,) = audit([request("x", ("receive", at(2026, 12, 20)))], at(2027, 2, 1), calendar=EST)
    assert item.estimated and item.status is Status.OVERDUE


def test_streams_lazily() -> None:
    def endless() -> Iterator[dict[str, Any]]:
        n = 0
        while True:
            n += 1
            yield request(f"R{n}", ("receive", at(2026, 9, 1)))

    stream = audit(endless(), at(2026, 11, 4))
    assert [next(stream).record_id for _ in range(3)] == ["R1", "R2", "R3"]


def test_rule_engine_path_for_conditions_other_units_and_reference_events(local: Pack) -> None:
    assert [r.id for r in reply_rules(local)] == [
        R2019,
        R2007,
        "auditlocal.request.reply_online_10wd",
        "auditlocal.request.reply_30d",
        "auditlocal.request.reply_by_submit",
    ]
    record = request("x", ("submit", at(2026, 3, 1)), ("receive", at(2026, 3, 2)))
    record["channel"] = "网络"
    items = {i.rule_id: i for i in audit([record], at(2026, 6, 1), pack=local)}
    assert items["auditlocal.request.reply_online_10wd"].due_at == eod(2026, 3, 16)
    assert items["auditlocal.request.reply_30d"].due_at == eod(2026, 4, 1)
    assert items["auditlocal.request.reply_by_submit"].due_at == eod(2026, 4, 7)
    record["channel"] = "当面"
    items = {i.rule_id: i for i in audit([record], at(2026, 6, 1), pack=local)}
    assert "auditlocal.request.reply_online_10wd" not in items


# ---------------------------------------------------------------- equivalence with Pack.check

# Weighted by repetition: resumes and restarts more often than the pauses they end,
# replies rarely (a replied clock is never listed), invalid extensions now and then.
NAMES = [
    "receive", "request_correction", "receive_correction", "receive_correction",
    "consult_third_party", "third_party_replied", "third_party_replied", "consult_co_producer",
    "co_producer_replied", "co_producer_replied", "extend", "extend", "reply", "register",
    "submit", "abandon",
]  # fmt: skip
EXTENSIONS = st.fixed_dictionaries(
    {
        "by": st.sampled_from(
            [
                "20个工作日",
                "15个工作日",
                "25个工作日",
                "5个工作日",
                "10个工作日",
                "0个工作日",
                "21个工作日",
                "10日",
                "abc",
                20,
                None,
            ]
        ),
        "approver": st.sampled_from(["王某", "王某", "王某", "", "  ", None]),
        "notice": st.sampled_from(["已告知", "已告知", "已告知", "", None]),
    }
)


def time_form(draw: st.DrawFn, moment: datetime) -> object:
    """One of the ways an OA system may write an instant."""
    form = draw(st.integers(0, 5))
    if form == 0:
        return moment
    if form == 1:
        return moment.replace(tzinfo=None)
    if form == 2:
        return moment.astimezone(timezone.utc)
    if form == 3:
        return moment.isoformat()
    if form == 4:
        return moment.replace(tzinfo=None).isoformat()
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


@st.composite
def requests(
    draw: st.DrawFn, first: datetime = datetime(2016, 1, 1), last: datetime = datetime(2026, 3, 31)
) -> tuple[dict[str, Any], datetime]:
    start = draw(st.datetimes(min_value=first, max_value=last)).replace(tzinfo=SHANGHAI)
    start = start.replace(second=0, microsecond=0)
    moment = start
    history: list[dict[str, Any]] = []
    if draw(st.integers(0, 9)):  # mostly received first
        history.append({"name": "receive", "at": moment})
    for _ in range(draw(st.integers(0, 7))):
        moment += timedelta(days=draw(st.integers(0, 6)), minutes=draw(st.integers(0, 1439)))
        name = draw(st.sampled_from(NAMES))
        event: dict[str, Any] = {"name": name, "at": moment}
        if name == "extend":
            event |= {k: v for k, v in draw(EXTENSIONS).items() if v is not None}
        history.append(event)
    for event in history:
        event["at"] = time_form(draw, event["at"])
    record = {
        "kind": "request",
        "id": f"R{draw(st.integers(0, 999))}",
        "channel": draw(st.sampled_from(["网络", "当面"])),
        "history": history,
    }
    as_of = start + timedelta(days=draw(st.integers(-1, 80)), minutes=draw(st.integers(0, 1439)))
    return record, as_of


def expected(
    pack: Pack, record: Record, as_of: datetime, due_within: int, cal: WorkCalendar
) -> list[tuple[Any, ...]]:
    """What audit must list, derived from Pack.check's findings."""
    when = to_shanghai(as_of)
    report = pack.check(record, when, calendar=cal)
    events = [e for e in record.history if e.at <= when]
    out = []
    for rule in reply_rules(pack):
        body = rule.spec.deadline
        assert body is not None
        found = report.finding(rule.id)
        assert found is not None
        started = stopped = False
        for event in events:
            stopped = stopped or (started and event.name in body.stop)
            started = started or event.name in body.start
        due = found.due_at
        remaining = None if due is None else cal.workdays_between(when.date(), due.date())
        keep = (
            found.status is Status.OVERDUE
            or (
                found.status is Status.PENDING and remaining is not None and remaining <= due_within
            )
            or (found.status is Status.VIOLATED and not stopped)
        )
        if keep:
            out.append((rule.id, found.status, due, found.estimated, remaining))
    return sorted(out, key=str)


def listed(items: list[AuditItem]) -> list[tuple[Any, ...]]:
    return sorted(
        ((i.rule_id, i.status, i.due_at, i.estimated, i.remaining) for i in items), key=str
    )


def check_equivalent(
    pack: Pack, record: Mapping[str, Any], as_of: datetime, due_within: int, cal: WorkCalendar
) -> None:
    model = load_record(dict(record))
    want = expected(pack, model, as_of, due_within, cal)
    from_dict = list(audit([record], as_of, pack=pack, calendar=cal, due_within=due_within))
    from_model = list(audit([model], as_of, pack=pack, calendar=cal, due_within=due_within))  # type: ignore[list-item]
    assert listed(from_dict) == want
    assert listed(from_model) == want
    assert all(i.record_id == record["id"] for i in from_dict + from_model)


@given(requests(), st.sampled_from([0, 1, 3, 10, 100_000]))
def test_same_due_dates_as_pack_check(
    case: tuple[dict[str, Any], datetime], due_within: int
) -> None:
    record, as_of = case
    check_equivalent(NATIONAL, record, as_of, due_within, CAL)


@given(
    requests(first=datetime(2019, 5, 10), last=datetime(2026, 3, 31)),
    st.sampled_from([0, 1, 3, 10, 100_000]),
)
def test_same_as_pack_check_through_the_rule_engine_path(
    local: Pack, case: tuple[dict[str, Any], datetime], due_within: int
) -> None:
    record, as_of = case
    check_equivalent(local, record, as_of, due_within, CAL)


@given(
    requests(first=datetime(2026, 8, 1), last=datetime(2027, 6, 30)),
    st.sampled_from([0, 1, 3, 10, 100_000]),
)
def test_same_estimates_as_pack_check(
    case: tuple[dict[str, Any], datetime], due_within: int
) -> None:
    record, as_of = case
    check_equivalent(NATIONAL, record, as_of, due_within, EST)
