"""gongkai.testing.strategies: valid records, replayable histories, instants and days."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai import SHANGHAI, WorkCalendar, load_pack, load_record
from gongkai.calendar import DayKind
from gongkai.models import Agency, Disclosure, DisclosureRequest, Document, Message, Record
from gongkai.models.marking import normalise_marking
from gongkai.rules.report import Status
from gongkai.testing.strategies import (
    _near_holidays,
    agencies,
    days_near_holidays,
    documents,
    histories,
    incidents,
    instants,
    meetings,
    messages,
    requests,
    starts,
)
from gongkai.workflows import (
    DocumentWorkflow,
    IncidentWorkflow,
    MeetingWorkflow,
    RequestWorkflow,
    Workflow,
)

CALENDAR = WorkCalendar.default()
FIRST, LAST = CALENDAR.coverage
WORKFLOWS: list[type[Workflow[Any]]] = [
    DocumentWorkflow,
    MeetingWorkflow,
    RequestWorkflow,
    IncidentWorkflow,
]
RECORDS = {
    "documents": documents,
    "meetings": meetings,
    "requests": requests,
    "incidents": incidents,
    "agencies": agencies,
    "messages": messages,
}


def in_covered_years(record: Record) -> bool:
    """Every event in Asia/Shanghai, in a year the calendar covers."""
    return all(
        FIRST <= e.at.year <= LAST and e.at.utcoffset() == timedelta(hours=8)
        for e in record.history
    )


@pytest.mark.parametrize("name", RECORDS)
@given(data=st.data())
def test_records_are_valid_and_round_trip(name: str, data: st.DataObject) -> None:
    record = data.draw(RECORDS[name]())
    assert load_record(record.model_dump(mode="json")) == record
    assert load_record(record.model_dump_json()) == record
    assert in_covered_years(record)


@given(documents())
def test_documents_are_consistent(doc: Document) -> None:
    assert doc.title is not None and doc.doc_type is not None
    assert doc.title.startswith(doc.issuer or "") and doc.title.endswith(doc.doc_type.value)
    if doc.disclosure_marking is not None:
        assert doc.disclosure is normalise_marking(doc.disclosure_marking)
    if doc.secrecy_level is not None and doc.disclosure is not None:
        assert doc.disclosure is Disclosure.NOT_PUBLIC
    signed = doc.last("sign")
    assert (doc.issue_date is None) == (signed is None)
    if signed is not None:
        assert doc.issue_date == signed.at.date()
        parts = doc.doc_number_parts
        assert parts is not None and doc.doc_number is not None
        assert parts.year == signed.at.year and parts.standard_brackets
        assert doc.doc_number == f"{parts.issuer_code}〔{parts.year}〕{parts.serial}号"


@given(requests())
def test_requests_record_the_day_received(request: DisclosureRequest) -> None:
    received = request.first("receive")
    assert request.received_on == (received.at.date() if received else None)


@given(agencies())
def test_agency_reports_name_the_previous_year(agency: Agency) -> None:
    for report in agency.events("annual_report_published"):
        assert report.data["year"] == report.at.year - 1


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.definition.name)
@given(data=st.data())
def test_histories_replay_with_every_fire_allowed(
    workflow: type[Workflow[Any]], data: st.DataObject
) -> None:
    history = data.draw(histories(workflow))
    assert history.start.history == []
    replay = workflow(history.start)
    for step in history.steps:
        decision = step.fire(replay)
        assert decision.allowed, decision
    assert replay.record == history.record and replay.state.name == history.state
    moments = [step.at for step in history.steps]
    assert moments == sorted(moments)
    # the record alone leads to the same state
    assert workflow(history.record).state.name == history.state


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.definition.name)
def test_starts_have_no_history(workflow: type[Workflow[Any]]) -> None:
    @given(starts(workflow))
    def check(record: Record) -> None:
        assert isinstance(record, workflow.definition.record_type) and record.history == []

    check()


@given(instants())
def test_instants_are_shanghai_in_covered_years(at: Any) -> None:
    assert at.tzinfo is SHANGHAI and FIRST <= at.year <= LAST
    assert at.second == at.microsecond == 0


@given(instants(first=date(2026, 9, 30), last=date(2026, 10, 8)))
def test_instants_between_dates(at: Any) -> None:
    assert date(2026, 9, 30) <= at.date() <= date(2026, 10, 8)


def near_an_anchor(day: date) -> bool:
    """Within 3 days of a Spring Festival or National Day day off, or of a make-up workday."""
    for k in range(-3, 4):
        other = day + timedelta(days=k)
        if not FIRST <= other.year <= LAST:
            continue
        info = CALENDAR.day_kind(other)
        off = info.kind in (DayKind.HOLIDAY, DayKind.SWAPPED_REST)
        if info.kind is DayKind.MAKEUP_WORKDAY or (off and info.name_zh in ("春节", "国庆节")):
            return True
    return False


@given(days_near_holidays())
def test_days_near_holidays(day: date) -> None:
    assert FIRST <= day.year <= LAST and near_an_anchor(day)


@given(days_near_holidays(workdays_only=True))
def test_workdays_near_holidays(day: date) -> None:
    assert CALENDAR.is_workday(day) and near_an_anchor(day)


def test_days_near_holidays_cover_the_2026_festivals() -> None:
    # 2026: 春节 off 15–23 February, 调休上班 Sat 14 and Sat 28 February; 国庆节 off 1–7
    # October, 调休上班 Sun 20 September and Sat 10 October
    near = set(_near_holidays(CALENDAR, False))
    for day in (date(2026, 2, 11), date(2026, 3, 3), date(2026, 9, 17), date(2026, 10, 13)):
        assert day in near
    for day in (date(2026, 3, 4), date(2026, 8, 1), date(2026, 10, 14)):
        assert day not in near


def test_gongkai_testing_works_without_hypothesis() -> None:
    """The table-driven helpers import without hypothesis; the strategies say what they need."""
    script = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "from gongkai.testing import RuleCase, document, event, run_case\n"
        "case = RuleCase('national.document.attribute_required',"
        " document(event('submit', '2026-03-02T10:00')), 'violated', as_of='2026-03-03')\n"
        "run_case(case)\n"
        "try:\n"
        "    import gongkai.testing.strategies\n"
        "except ImportError as err:\n"
        "    print('ImportError', err.name)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ImportError hypothesis"


@given(messages())
def test_messages_are_judged_by_the_anhui_reply_rules(message: Message) -> None:
    report = load_pack("anhui").check(message, message.history[-1].at)
    timed = [f for f in report.findings if f.rule_id.startswith("anhui.message.")]
    applicable = [f for f in timed if f.status is not Status.NOT_APPLICABLE]
    assert len(applicable) <= 1  # one reply period per message, by its kind
    for finding in applicable:
        assert finding.due_at is not None and finding.due_at > message.history[0].at


@pytest.mark.parametrize(("first", "under_2019"), [("2018-06-01", False), ("2019-06-03", True)])
def test_the_kit_reads_the_text_in_force_as_the_rules_do(first: str, under_2019: bool) -> None:
    """No receipt yet (邮寄 needs `sign_receipt`, only `confirm_receipt` was fired): the rules
    take the first event's day, and so does the kit's one-correction invariant (a 2018
    request may be asked for a correction twice; found by the request state machine)."""
    from gongkai.testing.strategies import _under_2019_text

    record = load_record(
        {
            "kind": "request",
            "channel": "邮寄签收",
            "history": [
                {"name": "submit", "at": f"{first}T09:00"},
                {"name": "confirm_receipt", "at": f"{first}T10:00"},
                {"name": "request_correction", "at": f"{first}T11:00"},
                {"name": "receive_correction", "at": f"{first}T12:00"},
                {"name": "request_correction", "at": f"{first}T13:00"},
            ],
        }
    )
    assert isinstance(record, DisclosureRequest)
    once = (
        load_pack("national")
        .check(record, f"{first}T14:00")
        .finding("national.request.correction_once")
    )
    assert once is not None
    assert _under_2019_text(record) is under_2019
    assert once.status is (Status.VIOLATED if under_2019 else Status.NOT_APPLICABLE)
