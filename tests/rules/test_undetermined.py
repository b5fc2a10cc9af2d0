"""A deadline that reaches a year without holiday data is `undetermined`; every other rule is
still judged (check, audit, obligations, workflow guards, the command line).

The bundled data (chinese-calendar 1.11.0, pinned by the test extra) ends with 2026; a
request received on 2026-12-04 is due 20 working days later (条例 第三十三条), in 2027.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai import WorkCalendar, load_pack, load_record
from gongkai.audit import audit
from gongkai.cli import main
from gongkai.models import DisclosureRequest
from gongkai.rules.report import Status
from gongkai.timezone import SHANGHAI
from gongkai.workflows import Decision, RequestWorkflow

NATIONAL = load_pack("national")
REPLY = "national.request.reply_20wd"
CORRECTION_NOTICE = "national.request.correction_notice_7wd"


def request(*events: tuple[str, str]) -> dict[str, Any]:
    return {
        "kind": "request",
        "id": "依申请〔2026〕88号",
        "history": [{"name": name, "at": at} for name, at in events],
    }


#: Received on Friday 2026-12-04; the 补正 notice came on 12-18, past its 7 working days
#: (第三十条: due 2026-12-15), so that rule is violated whatever 2027 holds.
LATE_CORRECTION = request(
    ("receive", "2026-12-04T10:00"),
    ("request_correction", "2026-12-18T10:00"),
    ("receive_correction", "2026-12-21T10:00"),  # the reply clock starts again: due in 2027
)


def test_one_clock_in_2027_does_not_hide_the_other_rules() -> None:
    report = NATIONAL.check(load_record(LATE_CORRECTION), "2026-12-22T09:00")
    reply = report.finding(REPLY)
    assert reply is not None and reply.status is Status.UNDETERMINED
    assert reply.due_at is None and not reply.is_violation
    assert reply.evidence == {"missing_year": 2027}
    for hint in ("2027", "import-notice", "GONGKAI_CALENDAR", "--estimate"):
        assert hint in reply.message and (hint == "import-notice" or hint in reply.message_en)
    late = report.finding(CORRECTION_NOTICE)
    assert late is not None and late.status is Status.VIOLATED
    assert len(report.findings) == len(NATIONAL.rules_for("request"))
    assert not report.ok and not report.complete
    assert report.undetermined == [reply]
    data = report.to_json_data()
    assert data["complete"] is False
    assert {f["rule_id"]: f["status"] for f in data["findings"]}[REPLY] == "undetermined"


def test_undetermined_alone_is_no_violation_and_no_pass() -> None:
    report = NATIONAL.check(load_record(request(("receive", "2026-12-04T10:00"))), "2026-12-10")
    assert report.ok and not report.complete
    assert [f.rule_id for f in report.undetermined] == [REPLY]


def test_a_reply_surely_in_time_is_satisfied_without_2027_data() -> None:
    # 4 working days after receipt: in time whatever the 2027 schedule says.
    replied = request(("receive", "2026-12-04T10:00"), ("reply", "2026-12-10T10:00"))
    report = NATIONAL.check(load_record(replied), "2026-12-11T09:00")
    reply = report.finding(REPLY)
    assert reply is not None and reply.status is Status.SATISFIED and reply.due_at is None
    # and audit() lists nothing for it
    assert list(audit([replied], datetime(2026, 12, 11, 9, tzinfo=SHANGHAI))) == []


def test_a_clock_paused_in_time_is_pending_without_2027_data() -> None:
    # 补正 asked on the day of receipt (第三十条): the reply clock waits, whatever 2027 holds.
    waiting = request(("receive", "2026-12-04T10:00"), ("request_correction", "2026-12-04T15:00"))
    report = NATIONAL.check(load_record(waiting), "2026-12-10")
    reply = report.finding(REPLY)
    assert reply is not None and reply.status is Status.PENDING and reply.due_at is None
    assert "paused" in reply.message_en or "暂停" in reply.message
    assert report.complete


def test_the_estimate_judges_it() -> None:
    estimate = WorkCalendar.default("estimate")
    record = load_record(request(("receive", "2026-12-04T10:00")))
    reply = NATIONAL.check(record, "2026-12-10", calendar=estimate).finding(REPLY)
    assert reply is not None and reply.status is Status.PENDING and reply.estimated
    # Dec 7-31 give 19 working days; 元旦 2027-01-01 is a statutory holiday; Monday 01-04.
    assert reply.due_at is not None and reply.due_at.date() == date(2027, 1, 4)


def test_audit_lists_the_clock_as_undetermined_and_goes_on() -> None:
    older = request(("receive", "2026-10-09T10:00"))  # due 2026-11-06: overdue
    items = list(audit([LATE_CORRECTION, older], datetime(2026, 12, 22, 9, tzinfo=SHANGHAI)))
    assert [(i.rule_id, i.status) for i in items] == [
        (REPLY, Status.UNDETERMINED),
        (REPLY, Status.OVERDUE),
    ]
    assert items[0].message is not None and "2027" in items[0].message


def test_a_guard_that_cannot_be_judged_blocks_and_says_why() -> None:
    record = load_record(request(("receive", "2026-12-04T10:00")))
    at = datetime(2026, 12, 10, 9, tzinfo=SHANGHAI)
    (blocking,) = NATIONAL.guard(record, "", at, also=(REPLY,))
    assert blocking.status is Status.UNDETERMINED and "2027" in blocking.message
    assert (
        NATIONAL.guard(record, "", at, also=(REPLY,), calendar=WorkCalendar.default("estimate"))
        == []
    )


def test_check_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request(("receive", "2026-12-04T10:00"))), encoding="utf-8")
    code = main(["check", str(path), "--as-of", "2026-12-10T09:00"])
    out, err = capsys.readouterr()
    assert code == 0  # not a violation …
    assert (
        f"? [error] {REPLY}" in out and "待定 UNDETERMINED：违反 0，待定 1，" in out
    )  # … nor a pass
    assert "通过 OK" not in out
    assert err.count("\n") == 1 and "--estimate" in err and "GONGKAI_CALENDAR" in err

    path.write_text(json.dumps(LATE_CORRECTION), encoding="utf-8")
    assert main(["check", str(path), "--as-of", "2026-12-22T09:00", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["complete"] is False

    assert main(["check", str(path), "--as-of", "2026-12-22T09:00", "--estimate"]) == 1
    out, err = capsys.readouterr()
    assert "待定" not in out and err == ""


EVENTS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "request_correction",
                "receive_correction",
                "consult_third_party",
                "third_party_replied",
                "reply",
            ]
        ),
        st.integers(min_value=0, max_value=20 * 24 * 60),
    ),
    max_size=4,
)


@given(st.dates(min_value=date(2026, 10, 1), max_value=date(2026, 12, 31)), EVENTS)
def test_strict_either_agrees_with_the_estimate_or_is_undetermined(
    received: date, later: list[tuple[str, int]]
) -> None:
    start = datetime(received.year, received.month, received.day, 10, tzinfo=SHANGHAI)
    events, at = [("receive", start.isoformat())], start
    for name, minutes in later:
        at += timedelta(minutes=minutes)
        events.append((name, at.isoformat()))
    record = load_record(request(*events))
    as_of = at + timedelta(hours=1)
    strict = NATIONAL.check(record, as_of)
    rough = NATIONAL.check(record, as_of, calendar=WorkCalendar.default("estimate"))
    assert len(strict.findings) == len(rough.findings) == len(NATIONAL.rules_for("request"))
    for s, e in zip(strict.findings, rough.findings, strict=True):
        if s.status is Status.UNDETERMINED:
            assert "2027" in s.message  # the estimate may judge it (or find it paused)
        else:
            assert s.status is e.status, (s.rule_id, s.message, e.message)
            assert s.due_at in (e.due_at, None)


def test_a_workflow_step_guarded_by_an_undetermined_clock_is_refused_with_the_reason() -> None:
    # 第三十三条: an extension must come before the period ends; in December 2026 the
    # period ends in 2027, which the strict calendar cannot place.
    def extend(calendar: WorkCalendar | None) -> Decision:
        flow = RequestWorkflow(DisclosureRequest(id="依申请〔2026〕88号"), calendar=calendar)
        flow.fire("receive", at=datetime(2026, 12, 4, 10, tzinfo=SHANGHAI))
        return flow.fire(
            "extend",
            at=datetime(2026, 12, 20, 10, tzinfo=SHANGHAI),
            by="20个工作日",
            approver="办公室主任",
            notice="延长答复期限告知书",
        )

    refused = extend(None)
    assert not refused.allowed and refused.state == refused.state_before
    (finding,) = refused.blocking
    assert finding.rule_id == REPLY and finding.status is Status.UNDETERMINED
    assert "2027" in finding.message and "--estimate" in finding.message
    assert extend(WorkCalendar.default("estimate")).allowed


def test_a_batch_table_does_not_call_it_a_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.json").write_text(json.dumps(request(("receive", "2026-12-04T10:00"))))
    (tmp_path / "b.json").write_text(json.dumps(LATE_CORRECTION))
    assert main(["check", str(tmp_path), "--as-of", "2026-12-22T09:00"]) == 1
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].split()[-3:] == ["0", "待定", "UNDETERMINED"]
    assert rows[2].split()[-3:] == ["1", "不通过", "NOT"] or rows[2].endswith(
        "不通过 NOT OK，待定 UNDETERMINED"
    )
    assert rows[3].endswith("（待定 UNDETERMINED 2）")


@pytest.mark.parametrize("as_of", ["2026-12-31T12:00", "2027-02-20T12:00"])
def test_a_silent_third_party_whose_15_days_reach_2027_leaves_the_report_whole(as_of: str) -> None:
    # 第三十二条: the third party's 15 working days from 2026-12-15 end in 2027; the strict
    # calendar cannot place them, so the reply clock is undetermined, never a crash.
    record = load_record(
        request(("receive", "2026-12-01T10:00"), ("consult_third_party", "2026-12-15T10:00"))
    )
    report = NATIONAL.check(record, as_of)
    assert len(report.findings) == len(NATIONAL.rules_for("request"))
    reply = report.finding("national.request.reply_20wd")
    assert reply is not None
    assert reply.status is (Status.PENDING if as_of.startswith("2026") else Status.UNDETERMINED)
