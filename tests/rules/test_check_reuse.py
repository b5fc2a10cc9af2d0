"""What checking many records in a row must keep true: findings shared between reports cannot
be changed, remembered table outputs never leak from one record to the next, and a clock that
only starts and stops is judged exactly as :class:`~gongkai.Clock` judges it."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai import Clock, Duration, WorkCalendar, load_pack, load_record
from gongkai.clocks import ClockStatus
from gongkai.errors import ClockError, RuleDefinitionError
from gongkai.models import Document
from gongkai.rules.pack import Pack
from gongkai.rules.report import Report
from gongkai.testing.records import document
from gongkai.testing.records import event as ev
from gongkai.timezone import SHANGHAI

NATIONAL = load_pack("national")
CAL = WorkCalendar.default()
AS_OF = "2026-04-01T00:00"


def doc(*events: dict[str, Any], **fields: Any) -> Document:
    """A loaded document record."""
    record = load_record(document(*events, **fields))
    assert isinstance(record, Document)
    return record


def test_a_shared_finding_refuses_changes_to_its_evidence() -> None:
    first = NATIONAL.check(doc(), AS_OF).finding("national.document.attribute_required")
    again = NATIONAL.check(doc(), AS_OF).finding("national.document.attribute_required")
    assert first is not None and again is not None
    assert first.status.value == "not_applicable" and first == again
    for change in (
        lambda: first.evidence.__setitem__("note", "x"),
        lambda: first.evidence.update(note="x"),
        lambda: first.evidence.setdefault("note", "x"),
        lambda: first.evidence.pop("note", None),
        lambda: first.evidence.clear(),
    ):
        with pytest.raises(TypeError, match=r"不可修改.*immutable"):
            change()
    with pytest.raises(TypeError, match="immutable"):
        first.evidence |= {"note": "x"}
    assert again.evidence == {} and dict(first.evidence) | {"note": "x"} == {"note": "x"}
    assert json.loads(first.model_dump_json())["evidence"] == {}


def test_table_outputs_do_not_leak_between_records() -> None:
    rule = "national.document.default_attribute"
    public = {"disclosure_marking": "（此件公开发布）"}
    seen = [
        NATIONAL.check(doc(doc_type=kind, **public), AS_OF).finding(rule)
        for kind in ("请示", "通知", "请示", "报告", "通知")
    ]
    assert [f.status.value for f in seen if f] == [
        "violated", "satisfied", "violated", "violated", "satisfied",
    ]  # fmt: skip
    assert [f.evidence["doc_type"] for f in seen if f] == ["请示", "通知", "请示", "报告", "通知"]


def test_a_clock_refuses_impossible_events_when_built() -> None:
    from gongkai.clocks import ClockEvent, ClockEventKind

    pause = ClockEvent(ClockEventKind.PAUSE, datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
    with pytest.raises(ClockError, match="cannot pause"):
        Clock(Duration.workdays(20), CAL, events=(pause,))


_STATUS = {
    ClockStatus.MET: "satisfied",
    ClockStatus.RUNNING: "pending",
    ClockStatus.OVERDUE: "overdue",
}


@given(
    sign=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2026, 10, 31)),
    publish_after=st.none() | st.timedeltas(timedelta(0), timedelta(days=60)),
    look_after=st.timedeltas(timedelta(0), timedelta(days=60)),
)
def test_start_stop_deadlines_judge_as_the_clock(
    sign: datetime, publish_after: timedelta | None, look_after: timedelta
) -> None:
    signed = sign.replace(tzinfo=SHANGHAI)
    history = [ev("sign", signed.isoformat())]
    clock = Clock(Duration.workdays(20), CAL).start(signed)
    if publish_after is not None:
        history.append(ev("publish", (signed + publish_after).isoformat()))
        clock = clock.stop(signed + publish_after)
    as_of = signed + max(look_after, publish_after or timedelta(0))
    record = doc(*history, disclosure="公开发布")
    finding = NATIONAL.check(record, as_of).finding("national.document.proactive_20wd")
    assert finding is not None and clock.due is not None
    expected = _STATUS[clock.status(as_of)]
    if expected == "overdue" and publish_after is not None:
        expected = "violated"  # published, but late
    assert (finding.status.value, finding.due_at) == (expected, clock.due.at)


def test_explain_needs_the_record_a_report_was_made_from() -> None:
    report = NATIONAL.check(doc(doc_type="请示"), AS_OF)
    rule = "national.document.attribute_required"
    assert ("has_event('submit')", False) in report.explain(rule)
    loaded = Report.model_validate_json(report.model_dump_json())
    assert loaded.model_dump() == report.model_dump() and loaded.explain(rule) == []


def test_a_report_pickles_and_copies_with_its_pack() -> None:
    record = doc(
        ev("submit", "2026-03-01T09:00"), doc_type="请示", disclosure_marking="（此件公开发布）"
    )
    report = NATIONAL.check(record, AS_OF)
    rule = "national.document.attribute_required"
    for copied in (pickle.loads(pickle.dumps(report)), copy.deepcopy(report)):
        assert copied.model_dump() == report.model_dump()
        assert copied.explain(rule) == report.explain(rule) != []
        table = copied.finding("national.document.default_attribute")
        assert table is not None and table.evidence == {
            "doc_type": "请示",
            "disclosure": "公开发布",
        }
        with pytest.raises(TypeError, match="immutable"):
            table.evidence["doc_type"] = "通知"


def test_an_unpickled_pack_must_have_the_same_content(tmp_path: Path) -> None:
    path = tmp_path / "city.toml"
    path.write_text('[pack]\nname = "city"\ntitle = "市"\nextends = "national"\n', encoding="utf-8")
    pickled = pickle.dumps(load_pack(path))
    assert pickle.loads(pickled).hash == load_pack(path).hash
    path.write_text(
        path.read_text(encoding="utf-8") + 'disable = ["national.document.default_attribute"]\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleDefinitionError, match=r"已改变.*changed since it was pickled"):
        pickle.loads(pickled)


def test_a_pack_built_in_code_refuses_pickling() -> None:
    rules = NATIONAL.rules_for("document")
    made = Pack("made", "代码构造", rules, ["made"], "0" * 16, ("made",))
    with pytest.raises(TypeError, match="load_pack"):
        pickle.dumps(made)


def test_report_json_data_is_what_the_cli_prints() -> None:
    pack = load_pack("national")
    report = pack.check(load_record(document()), "2026-04-10T09:00")
    data = report.to_json_data(lines={"title": 3})
    assert list(data) == ["record", "ok", "complete", "header", "findings", "lines"]
    assert data["record"]["kind"] == "document" and data["lines"] == {"title": 3}
    assert json.loads(json.dumps(data))["ok"] is report.ok
    loaded = Report.model_validate_json(report.model_dump_json())
    assert "record" not in loaded.to_json_data()  # a loaded report has no record
