"""Fuzz of the Python API (issue 16): whatever the input, load_record, Pack.check, reports,
the text reader, overlays and workflows end normally or raise a GongkaiError — never
another exception — and never print invalid JSON."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai import WorkCalendar, load_pack, load_record
from gongkai.errors import GongkaiError
from gongkai.models import Record
from gongkai.text import extract, read_document
from gongkai.workflows import DocumentWorkflow, RequestWorkflow
from tests.fuzz.inputs import (
    EDGE_TEXT,
    SEEDS,
    deep_json_text,
    dumps,
    hostile,
    loads_or_none,
    mutated_records,
    mutated_text,
)

PACK = load_pack("national")
CALENDAR = WorkCalendar.default().with_policy("estimate")
AS_OF = datetime(2026, 6, 1, 9)
FIXTURES = sorted((Path(__file__).parents[1] / "text" / "fixtures").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in FIXTURES[:6]] or [
    "国务院办公厅关于印发……的通知\n国办发〔2026〕1号"
]


def _strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise AssertionError(f"invalid JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


def _judge(record: Record) -> None:
    """Check a loaded record and write its report: only GongkaiError may stop it."""
    try:
        report = PACK.check(record, as_of=AS_OF, calendar=CALENDAR)
    except GongkaiError:
        return
    _strict_json(report.model_dump_json())
    _strict_json(json.dumps(report.to_json_data(), ensure_ascii=False, allow_nan=False))


@given(mutated_records())
def test_load_record_and_check_a_mutated_mapping(data: dict[str, Any]) -> None:
    try:
        record = load_record(data)
    except GongkaiError:
        return
    _judge(record)


@given(
    st.sampled_from(SEEDS).map(dumps).flatmap(mutated_text)
    | mutated_records().map(dumps)
    | deep_json_text
)
def test_load_record_of_mutated_json_text(text: str) -> None:
    try:
        record = load_record(text)
    except GongkaiError:
        return
    _judge(record)


@given(hostile)
def test_load_record_of_any_value(value: Any) -> None:
    with contextlib.suppress(GongkaiError):
        load_record(value)


@given(
    st.sampled_from(TEXTS).flatmap(mutated_text)
    | st.text(max_size=200)
    | st.sampled_from(EDGE_TEXT)
)
def test_text_reader(text: str) -> None:
    for read in (extract, read_document):
        with contextlib.suppress(GongkaiError):
            read(text)


_OVERLAY = {
    "format": "gongkai-calendar/1",
    "covers": [2027],
    "sources": ["https://www.gov.cn/"],
    "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}],
}


@given(
    st.builds(lambda: dict(_OVERLAY))
    .map(dumps)
    .flatmap(mutated_text)
    .map(loads_or_none)
    .filter(lambda m: isinstance(m, dict))
    | st.dictionaries(
        st.sampled_from(["format", "covers", "sources", "days", "year", "papers"]), hostile
    )
)
def test_overlay_mapping(mapping: Any) -> None:
    try:
        calendar = WorkCalendar.default().with_overlay(mapping)
        calendar.add_workdays(datetime(2026, 12, 30).date(), 3)
    except GongkaiError:
        pass


_EVENTS = [
    "draft",
    "set_attribute",
    "submit",
    "review",
    "sign",
    "issue",
    "secrecy_review",
    "publish",
    "receive",
    "reply",
    "publsh",
]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_EVENTS),
            st.one_of(
                st.sampled_from(["2026-03-02T09:00", "9999-12-31T22:00", "0001-01-01", 12345]),
                st.datetimes(),
            ),
            st.dictionaries(
                st.sampled_from(["update", "items", "name", "by", "note"]), hostile, max_size=2
            ),
        ),
        max_size=6,
    )
)
def test_workflow_fire_and_snapshot(steps: list[tuple[str, Any, dict[str, Any]]]) -> None:
    for workflow in (
        DocumentWorkflow(pack=PACK, calendar=CALENDAR),
        RequestWorkflow(pack=PACK, calendar=CALENDAR),
    ):
        for event, at, data in steps:
            with contextlib.suppress(GongkaiError):
                workflow.fire(event, at, **data)
        snapshot = workflow.snapshot(key=b"k")
        _strict_json(json.dumps(snapshot, ensure_ascii=False, allow_nan=False))
        type(workflow).restore(
            json.loads(json.dumps(snapshot)), pack=PACK, calendar=CALENDAR, key=b"k"
        )
