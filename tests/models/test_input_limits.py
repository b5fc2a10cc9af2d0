"""Bad values in records and API arguments are typed errors naming the field (issue 16):
extreme instants, unknown event names, lone surrogates, NaN/Infinity, huge integers,
deep nesting, reserved or non-JSON event data, shared objects."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from gongkai import load_pack, load_record
from gongkai.errors import RecordError, WorkflowError
from gongkai.models import Document, Event, SecrecyReview
from gongkai.models.limits import FIRST_YEAR, LAST_YEAR, instant
from gongkai.workflows import DocumentWorkflow

PACK = load_pack("national")


def _doc(**fields: Any) -> dict[str, Any]:
    return {"kind": "document", "title": "关于开展政务公开工作的通知", **fields}


@pytest.mark.parametrize(
    "at",
    [
        "0001-01-01T00:00+14:00",
        "9999-12-31T23:00-05:00",
        "9999-12-31T22:00",
        "1899-12-31",
        "2101-01-01",
    ],
)
def test_instant_out_of_range_is_a_record_error_naming_the_field(at: str) -> None:
    with pytest.raises(RecordError, match=r"history.*1900-2100"):
        load_record(_doc(history=[{"name": "draft", "at": at}]))


def test_instants_inside_the_range_are_read() -> None:
    record = load_record(_doc(history=[{"name": "draft", "at": f"{FIRST_YEAR}-01-01T00:00+08:00"}]))
    assert record.history[0].at.year == FIRST_YEAR
    assert instant(f"{LAST_YEAR}-12-31T23:59").year == LAST_YEAR


@pytest.mark.parametrize("value", [12345, 1.5, None, [2026], "soon"])
def test_instant_argument_of_another_type_is_a_record_error(value: object) -> None:
    with pytest.raises(RecordError, match="as_of"):
        PACK.check(Document(), as_of=value if value is not None else "soon")  # type: ignore[arg-type]


def test_fire_at_an_int_or_out_of_range_is_a_typed_error() -> None:
    wf = DocumentWorkflow(pack=PACK)
    with pytest.raises(RecordError, match="not int"):
        wf.fire("draft", 1_700_000_000)  # type: ignore[arg-type]
    with pytest.raises(RecordError, match="1900-2100"):
        wf.fire("draft", datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))))


def test_issue_date_out_of_range_is_refused() -> None:
    with pytest.raises(RecordError, match="issue_date"):
        load_record(_doc(issue_date="0001-01-01"))
    assert load_record(_doc(issue_date="2026-01-05")).issue_date == date(2026, 1, 5)  # type: ignore[union-attr]


def test_unknown_event_name_lists_the_known_ones() -> None:
    with pytest.raises(RecordError, match=r"history\.1\.name") as caught:
        load_record(
            _doc(
                history=[
                    {"name": "draft", "at": "2026-03-02"},
                    {"name": "publsh", "at": "2026-03-03"},
                ]
            )
        )
    assert "known: clean_up, confirm_with_agencies, draft" in caught.value.en
    # each language once: no pydantic prefix, no English in the Chinese half and back
    zh = "记录无效：字段 document有误（history.1.name：document 记录没有事件 'publsh'（可用：clean_up"
    assert caught.value.zh.startswith(zh)
    assert "Value error" not in str(caught.value) and "known:" not in caught.value.zh
    en = "invalid record: field document: history.1.name: a document record has no event"
    assert caught.value.en.startswith(en)
    assert "可用" not in caught.value.en


def test_pack_check_refuses_an_unknown_event_appended_afterwards() -> None:
    doc = Document()
    doc.history.append(Event(name="publsh", at=datetime(2026, 3, 2, 9)))  # bypasses validation
    with pytest.raises(RecordError, match="publsh"):
        PACK.check(doc, as_of="2026-03-03")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('{"kind": "document", "title": "\\ud800"}', "title"),
        ('{"kind": "document", "notes": ["ok", "\\udfff"]}', "notes.1"),
        (
            '{"kind": "document", "history": [{"name": "draft", "at": "2026-03-02", "by": "\\ud83d"}]}',
            "history.0.by",
        ),
    ],
)
def test_lone_surrogate_is_refused_naming_the_field(text: str, field: str) -> None:
    with pytest.raises(RecordError, match=field.replace(".", r"\.")):
        load_record(text)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_in_json(number: str) -> None:
    with pytest.raises(RecordError, match=number):
        load_record('{"kind": "agency", "assessment_weight_percent": ' + number + "}")


def test_non_finite_float_is_refused_from_python() -> None:
    with pytest.raises(RecordError, match="assessment_weight_percent"):
        load_record(
            {"kind": "agency", "name": "某县人民政府", "assessment_weight_percent": float("inf")}
        )


def test_five_thousand_digit_integer_is_refused() -> None:
    with pytest.raises(RecordError):
        load_record('{"kind": "agency", "nonpublic_documents": %s}' % ("9" * 5000))
    with pytest.raises(RecordError, match="too large"):
        load_record({"kind": "agency", "nonpublic_documents": 10**5000})


@pytest.mark.parametrize("depth", [100, 10_000])
@pytest.mark.parametrize(("open_", "close"), [("[", "]"), ('{"a":', "}")])
def test_deep_json_is_refused_before_parsing(depth: int, open_: str, close: str) -> None:
    nested = open_ * depth + "1" + close * depth
    text = _with_data(nested)
    with pytest.raises(RecordError, match="deeper than 64"):
        load_record(text)
    with pytest.raises(RecordError, match="deeper than 64"):
        load_record(
            json.loads(text) if depth < 500 else {"kind": "document", "notes": _deep_list(depth)}
        )


def _deep_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def _with_data(json_value: str) -> str:
    return (
        '{"kind": "document", "history": [{"name": "draft", "at": "2026-03-02", "x": '
        + json_value
        + "}]}"
    )


def test_depth_bound_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _with_data("[" * 70 + "]" * 70)
    with pytest.raises(RecordError, match="deeper than 64"):
        load_record(text)
    monkeypatch.setattr("gongkai.models.limits.MAX_DEPTH", 200)
    assert len(load_record(text).history) == 1


def test_event_data_named_like_an_event_field_is_a_workflow_error() -> None:
    wf = DocumentWorkflow(pack=PACK)
    with pytest.raises(WorkflowError, match="reserved key"):
        wf.fire("draft", "2026-03-02", **{"name": "x"})


@pytest.mark.parametrize("value", [{1, 2}, object(), b"bytes", float("nan")])
def test_non_json_event_data_is_refused_at_fire_so_snapshot_never_fails(value: object) -> None:
    wf = DocumentWorkflow(pack=PACK)
    with pytest.raises(WorkflowError):
        wf.fire("draft", "2026-03-02", note=value)
    assert wf.record.history == []
    json.dumps(wf.snapshot())


def test_callers_objects_are_copied_on_the_way_in() -> None:
    review = SecrecyReview(result="通过")  # type: ignore[arg-type]
    doc = Document(title="关于开展政务公开工作的通知", secrecy_review=review)
    wf = DocumentWorkflow(doc, pack=PACK)
    items = ["第一项"]
    assert wf.fire("draft", "2026-03-02", items=items).allowed
    items.append("事后加入")
    object.__setattr__(review, "result", "不通过")
    assert wf.record.history[0].data["items"] == ["第一项"]
    assert wf.record.secrecy_review is not None and wf.record.secrecy_review.result.value == "通过"


def test_json_schema_enumerates_the_kinds_event_names() -> None:
    items = Document.model_json_schema()["properties"]["history"]["items"]
    assert items["properties"]["name"]["enum"][:3] == ["clean_up", "confirm_with_agencies", "draft"]
    assert "publsh" not in items["properties"]["name"]["enum"]


@pytest.mark.parametrize("depth", [61, 62, 63])
def test_event_data_fire_accepts_is_restorable(depth: int) -> None:
    """Found by the thorough fuzz: data 62 deep passed fire but not restore."""
    wf = DocumentWorkflow(pack=PACK)
    items: list[Any] = []
    for _ in range(depth):
        items = [items]
    try:
        wf.fire("draft", "2026-03-02", items=items)
    except WorkflowError:
        return
    assert DocumentWorkflow.restore(wf.snapshot()).record == wf.record
