"""The 依申请公开 workflow: worked deadline examples from the law's wording, guards, states,
and a hypothesis state machine over random valid event sequences."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from gongkai import SHANGHAI, Status, load_pack, load_record
from gongkai.errors import WorkflowError
from gongkai.rules.report import Finding
from gongkai.workflows import Decision, RequestState, RequestWorkflow

PACK = load_pack("national")
R2019 = "national.request.reply_20wd"
R2007 = "national.request.reply_15wd_2007"
EXT: dict[str, Any] = {
    "by": "20个工作日",
    "approver": "政府信息公开工作机构负责人 王某",
    "notice": "已书面告知申请人",
}


def at(y: int, m: int, d: int, h: int = 10, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=SHANGHAI)


def eod(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 23, 59, 59, 999999, tzinfo=SHANGHAI)


def finding(wf: RequestWorkflow, as_of: datetime, rule_id: str = R2019) -> Finding:
    found = wf.check(as_of).finding(rule_id)
    assert found is not None
    return found


def received(when: datetime) -> RequestWorkflow:
    wf = RequestWorkflow()
    assert wf.fire("submit", when - timedelta(hours=1))
    assert wf.fire("receive", when)
    assert wf.fire("register", when + timedelta(minutes=30))
    return wf


def blocked_by(decision: Decision) -> list[str]:
    return [f.rule_id for f in decision.blocking]


# ---------------------------------------------------------------- the 20 working days


def test_national_day_2026() -> None:
    # 第三十三条: 自收到申请之日起20个工作日内予以答复. Received Wed 2026-09-30: the day
    # itself is not counted; 10-01..07 are off, Sat 10-10 is a make-up working day:
    # 10-08 (1), 10-09 (2), 10-10 (3), 10-12..16 (8), 10-19..23 (13), 10-26..30 (18),
    # 11-02 (19), 11-03 (20).
    wf = received(at(2026, 9, 30, 16))
    pending = finding(wf, at(2026, 11, 3, 18))
    assert pending.status is Status.PENDING
    assert pending.due_at == eod(2026, 11, 3)
    assert finding(wf, at(2026, 11, 4, 0, 1)).status is Status.OVERDUE
    assert wf.fire("reply", at(2026, 11, 3, 17), update={"reply_type": "予以公开"})
    assert wf.state is RequestState.REPLIED
    assert finding(wf, at(2026, 12, 1)).status is Status.SATISFIED


def test_spring_festival_2026() -> None:
    # Received Fri 2026-02-13. Sat 02-14 is a make-up working day (1); 02-15..23 are off;
    # 02-24..27 (5); Sat 02-28 make-up (6); 03-02..06 (11); 03-09..13 (16); 03-16..19 (20).
    wf = received(at(2026, 2, 13, 11))
    assert finding(wf, at(2026, 2, 20)).due_at == eod(2026, 3, 19)


def test_received_on_a_sunday() -> None:
    # Received Sun 2026-03-08 (e.g. online): the day of receipt is not counted whatever it is;
    # 03-09..13 (5), 03-16..20 (10), 03-23..27 (15), 03-30..04-03 (20), before 清明 04-04..06.
    wf = RequestWorkflow()
    assert wf.fire("receive", at(2026, 3, 8, 21))
    assert finding(wf, at(2026, 3, 9)).due_at == eod(2026, 4, 3)


def test_late_reply_is_not_blocked_but_violated() -> None:
    wf = received(at(2026, 9, 30))
    decision = wf.fire("reply", at(2026, 11, 4, 9), update={"reply_type": "信息不存在"})
    assert decision.allowed and decision.state == "REPLIED"
    late = finding(wf, at(2026, 11, 5))
    assert late.status is Status.VIOLATED
    assert late.due_at == eod(2026, 11, 3)
    assert not wf.check(at(2026, 11, 5)).ok


# ---------------------------------------------------------------- 补正 (第三十条)


def test_correction_restarts_the_period() -> None:
    # 第三十条: 答复期限自行政机关收到补正的申请之日起计算. A request corrected on Fri
    # 2026-03-20 is due exactly when a fresh request received that day is.
    wf = received(at(2026, 3, 2, 9))
    assert wf.fire("request_correction", at(2026, 3, 5, 15), items=["所需信息的名称"])
    assert wf.state is RequestState.CORRECTION_REQUESTED
    waiting = finding(wf, at(2026, 3, 12))
    assert waiting.status is Status.PENDING and waiting.due_at is None  # paused: no due date
    assert wf.fire("receive_correction", at(2026, 3, 20, 14)).state == "CORRECTED"
    fresh = RequestWorkflow()
    fresh.fire("receive", at(2026, 3, 20, 9))
    # 03-23..27 (5), 03-30..04-03 (10), 04-07..10 (14), 04-13..17 (19), 04-20 (20)
    assert finding(wf, at(2026, 3, 21)).due_at == eod(2026, 4, 20)
    assert finding(fresh, at(2026, 3, 21)).due_at == eod(2026, 4, 20)
    notice = finding(wf, at(2026, 3, 21), "national.request.correction_notice_7wd")
    assert notice.status is Status.SATISFIED
    assert notice.due_at == eod(2026, 3, 11)


def test_correction_notice_within_7_workdays() -> None:
    # 自收到申请之日起7个工作日内一次性告知: received Mon 03-02, due Wed 03-11.
    wf = received(at(2026, 3, 2, 9))
    assert wf.fire("request_correction", at(2026, 3, 12, 9))  # late, but still recorded
    late = finding(wf, at(2026, 3, 12, 10), "national.request.correction_notice_7wd")
    assert late.status is Status.VIOLATED
    assert late.due_at == eod(2026, 3, 11)


def test_correction_only_once() -> None:
    # 一次性告知申请人作出补正: a second request for correction is blocked.
    wf = received(at(2026, 3, 2, 9))
    wf.fire("request_correction", at(2026, 3, 3))
    wf.fire("receive_correction", at(2026, 3, 6))
    before = wf.record
    decision = wf.fire("request_correction", at(2026, 3, 9))
    assert decision.allowed is False
    assert blocked_by(decision) == ["national.request.correction_once"]
    assert decision.blocking[0].source.clause == "第三十条"
    assert decision.state == "CORRECTED"
    assert wf.record == before and wf.state is RequestState.CORRECTED


def test_abandoned_request() -> None:
    # 申请人无正当理由逾期不补正的，视为放弃申请
    wf = received(at(2026, 3, 2, 9))
    wf.fire("request_correction", at(2026, 3, 3))
    assert wf.fire("abandon", at(2026, 4, 3)).state == "ABANDONED"
    assert wf.state is RequestState.ABANDONED
    assert wf.state.value == "视为放弃申请"
    assert wf.fire("archive", at(2026, 4, 7)).state == "ARCHIVED"
    assert wf.available() == []


# ---------------------------------------------------------------- 征求意见 (第三十二条、第三十四条)


def test_third_party_consultation_pauses_the_clock() -> None:
    # Received Mon 2026-06-01: unpaused due Tue 06-30 (端午 06-19 off). The third party is
    # asked on Wed 06-03 and has 15 working days (第三十二条): until Thu 06-25. It answers
    # on 06-25; 所需时间不计算在前款规定的期限内: the 15 working days in (06-03, 06-25] are
    # added: 07-01..03 (3), 07-06..10 (8), 07-13..17 (13), 07-20, 07-21 (15).
    wf = received(at(2026, 6, 1, 9))
    assert finding(wf, at(2026, 6, 2)).due_at == eod(2026, 6, 30)
    assert wf.fire("consult_third_party", at(2026, 6, 3, 10))
    assert wf.state is RequestState.CONSULTING_THIRD_PARTY
    assert wf.fire("third_party_received", at(2026, 6, 3, 15)).state == "CONSULTING_THIRD_PARTY"
    paused = finding(wf, at(2026, 6, 25))
    assert paused.status is Status.PENDING and paused.due_at is None  # never overdue while paused
    third = finding(wf, at(2026, 6, 4), "national.request.third_party_15wd")
    assert third.due_at == eod(2026, 6, 25)
    assert wf.fire("third_party_replied", at(2026, 6, 25, 16)).state == "CONSULTED"
    assert finding(wf, at(2026, 6, 26)).due_at == eod(2026, 7, 21)
    assert finding(wf, at(2026, 6, 26), "national.request.third_party_15wd").status is (
        Status.SATISFIED
    )


def test_third_party_late_is_noted() -> None:
    wf = received(at(2026, 6, 1, 9))
    wf.fire("consult_third_party", at(2026, 6, 3, 10))
    wf.fire("third_party_received", at(2026, 6, 3, 15))
    wf.fire("third_party_replied", at(2026, 6, 26, 10))
    late = finding(wf, at(2026, 6, 27), "national.request.third_party_15wd")
    assert late.status is Status.VIOLATED and late.severity.value == "info"


def test_co_producer_consultation_pauses_the_clock() -> None:
    # Paused Mon 10-12, resumed Fri 10-16: 4 working days more, 11-03 -> 11-09.
    wf = received(at(2026, 9, 30))
    wf.fire("consult_co_producer", at(2026, 10, 12, 9))
    assert wf.state is RequestState.CONSULTING_CO_PRODUCER
    wf.fire("co_producer_replied", at(2026, 10, 16, 17))
    assert finding(wf, at(2026, 10, 17)).due_at == eod(2026, 11, 9)


# ---------------------------------------------------------------- 延长 (第三十三条第二款)


def test_extension() -> None:
    # 需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限
    # 最长不得超过20个工作日. 11-03 + 20 working days = 12-01.
    wf = received(at(2026, 9, 30))
    decision = wf.fire("extend", at(2026, 10, 30), **EXT)
    assert decision.allowed and decision.state == decision.state_before == "REGISTERED"
    assert finding(wf, at(2026, 11, 10)).due_at == eod(2026, 12, 1)
    assert wf.record.last("extend") is not None
    assert wf.record.last("extend").data["approver"] == EXT["approver"]  # type: ignore[union-attr]


def test_second_extension_is_blocked() -> None:
    wf = received(at(2026, 9, 30))
    wf.fire("extend", at(2026, 10, 30), **{**EXT, "by": "10个工作日"})
    again = wf.fire("extend", at(2026, 11, 2), **EXT)
    assert again.allowed is False
    assert blocked_by(again) == [R2019]
    assert "只能延长一次" in again.blocking[0].message
    assert len(wf.record.events("extend")) == 1
    # a record that has two anyway (imported from elsewhere) is a violation
    record = wf.record.model_dump(mode="json")
    record["history"].append({"name": "extend", "at": "2026-11-02T10:00:00+08:00", **EXT})
    assert PACK.check(load_record(record), at(2026, 11, 3)).finding(R2019).status is (  # type: ignore[union-attr]
        Status.VIOLATED
    )


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ({**EXT, "by": "21个工作日"}, "最长不得超过20个工作日"),
        ({**EXT, "by": "20日"}, "最长不得超过20个工作日"),
        ({**EXT, "approver": ""}, "批准人"),
        ({"by": "20个工作日", "approver": "王某"}, "告知申请人"),
        ({"approver": "王某", "notice": "已告知"}, "by"),
    ],
)
def test_invalid_extensions_are_blocked(data: dict[str, Any], why: str) -> None:
    wf = received(at(2026, 9, 30))
    decision = wf.fire("extend", at(2026, 10, 30), **data)
    assert decision.allowed is False
    unapproved = data.get("approver") is not None and not (data["approver"] and data.get("notice"))
    assert blocked_by(decision) == (
        ["national.request.extension_approved"] if unapproved else [R2019]
    )
    assert why in decision.blocking[0].message
    assert wf.record.events("extend") == []


def test_extension_after_the_period_ran_out_is_blocked() -> None:
    wf = received(at(2026, 9, 30))
    decision = wf.fire("extend", at(2026, 11, 5), **{**EXT, "by": "1个工作日"})
    assert decision.allowed is False
    assert decision.blocking[0].status is Status.VIOLATED
    assert "届满前" in decision.blocking[0].message


def test_extension_while_consulting() -> None:
    wf = received(at(2026, 9, 30))
    wf.fire("consult_third_party", at(2026, 10, 12, 9))
    assert wf.fire("extend", at(2026, 10, 13), **EXT).state == "CONSULTING_THIRD_PARTY"
    wf.fire("third_party_replied", at(2026, 10, 16, 17))
    # 11-03, +4 for the pause (11-09), +20 for the extension: 12-07
    assert finding(wf, at(2026, 10, 17)).due_at == eod(2026, 12, 7)


# ---------------------------------------------------------------- the 2007 text


def test_request_received_under_the_2007_text() -> None:
    # 2007年条例第二十四条: 15个工作日; 延长答复的期限最长不得超过15个工作日. Received Fri
    # 2018-06-01: 06-04..08 (5), 06-11..15 (10), 06-18 端午 off, 06-19..22 (14), 06-25 (15).
    wf = received(at(2018, 6, 1))
    report = wf.check(at(2018, 6, 5))
    assert report.finding(R2019).status is Status.NOT_APPLICABLE  # type: ignore[union-attr]
    old = report.finding(R2007)
    assert old is not None and old.status is Status.PENDING and old.due_at == eod(2018, 6, 25)
    too_long = wf.fire("extend", at(2018, 6, 20), **EXT)
    assert too_long.allowed is False and blocked_by(too_long) == [R2007]
    assert wf.fire("extend", at(2018, 6, 20), **{**EXT, "by": "15个工作日"})
    # 06-26..29 (4), 07-02..06 (9), 07-09..13 (14), 07-16 (15)
    assert finding(wf, at(2018, 6, 21), R2007).due_at == eod(2018, 7, 16)
    # 2007 第二十一条（四）: telling the applicant to supplement is a reply; the supplemented
    # request counts anew (no correction-once rule under the 2007 text)
    wf.fire("request_correction", at(2018, 6, 21))
    assert finding(wf, at(2018, 6, 22), R2007).due_at is None
    wf.fire("receive_correction", at(2018, 6, 25))
    # 15 from 06-25 (07-16), then the extension's 15 again (08-06)
    assert finding(wf, at(2018, 6, 26), R2007).due_at == eod(2018, 8, 6)


@pytest.mark.parametrize(
    ("day", "rule_id"),
    [(date(2019, 5, 14), R2007), (date(2019, 5, 15), R2019)],
)
def test_the_2019_text_applies_from_2019_05_15(day: date, rule_id: str) -> None:
    wf = received(datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI))
    report = wf.check(datetime(day.year, day.month, day.day, 12, tzinfo=SHANGHAI))
    applicable = [
        f.rule_id
        for f in report.findings
        if f.rule_id in (R2007, R2019) and f.status is Status.PENDING
    ]
    assert applicable == [rule_id]


# ---------------------------------------------------------------- reply guards (第三十六条)


def test_reply_without_a_reply_type_is_blocked() -> None:
    wf = received(at(2026, 9, 30))
    decision = wf.fire("reply", at(2026, 10, 9))
    assert isinstance(decision, Decision)
    assert decision.allowed is False and not decision
    assert blocked_by(decision) == ["national.request.reply_type"]
    assert decision.state == "REGISTERED"
    assert wf.state is RequestState.REGISTERED
    assert wf.record.events("reply") == []


def test_refusal_needs_ground_and_reason() -> None:
    wf = received(at(2026, 9, 30))
    refused = wf.fire("reply", at(2026, 10, 9), update={"reply_type": "不予公开"})
    assert blocked_by(refused) == ["national.request.withhold_reason"]
    assert wf.record.reply_type is None
    ok = wf.fire(
        "reply",
        at(2026, 10, 9),
        update={
            "reply_type": "不予公开",
            "withhold_ground": "国家秘密",
            "withhold_reason": "经定密",
        },
    )
    assert ok.allowed and wf.state is RequestState.REPLIED
    assert wf.record.reply_type is not None and wf.record.reply_type.value == "不予公开"


def test_already_public_says_where() -> None:
    wf = received(at(2026, 9, 30))
    assert blocked_by(wf.fire("reply", at(2026, 10, 9), update={"reply_type": "已公开"})) == [
        "national.request.already_public_where"
    ]
    assert wf.fire(
        "reply", at(2026, 10, 9), update={"reply_type": "已公开", "reply_location": "门户网站"}
    )


def test_wrong_state_and_unknown_event() -> None:
    wf = RequestWorkflow()
    decision = wf.fire("reply", at(2026, 10, 9), update={"reply_type": "予以公开"})
    assert decision.allowed is False and decision.blocking == []
    assert decision.reason is not None and "NEW" in decision.reason
    with pytest.raises(WorkflowError):
        wf.fire("approve", at(2026, 10, 9))


# ---------------------------------------------------------------- states, replay, snapshot


def test_states_and_events() -> None:
    assert RequestState.RECEIVED.value == "已收到"
    assert all(any("\u4e00" <= c <= "\u9fff" for c in s.value) for s in RequestState)
    assert set(RequestWorkflow.definition.events) == {
        "submit", "receive", "sign_receipt", "confirm_receipt", "register", "request_correction",
        "receive_correction", "abandon", "consult_third_party", "third_party_received",
        "third_party_replied", "consult_co_producer", "co_producer_received",
        "co_producer_replied", "extend", "reply", "serve", "archive",
    }  # fmt: skip
    wf = RequestWorkflow()
    assert wf.available() == ["submit", "receive"]


def test_snapshot_restore_and_replay() -> None:
    wf = received(at(2026, 9, 30))
    wf.fire("consult_third_party", at(2026, 10, 9))
    wf.fire("extend", at(2026, 10, 10), **EXT)
    snap = wf.snapshot()
    back = RequestWorkflow.restore(snap)
    assert back.state is wf.state is RequestState.CONSULTING_THIRD_PARTY
    assert back.record == wf.record
    assert RequestWorkflow(load_record(snap["record"])).state is wf.state  # type: ignore[arg-type]
    assert back.snapshot() == snap
