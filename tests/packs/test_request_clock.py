"""The reply clock as the 条例 counts it: 第三十条 to 第三十四条 (2019) and 第二十一条、第二十四条 (2007).

Each case is a clause's own example on real 2026 / 2018 dates (National Day 2026: 10-01..10-07
off, Saturday 10-10 worked; Dragon Boat Festival 2018-06-18 off). Texts:
* 《中华人民共和国政府信息公开条例》（国务院令第711号）第三十一条 (receipt by channel),
  第三十二条 (third party: 15 working days from its receipt), 第三十三条 (20 + 20 working days,
  consultation not counted), 第三十四条 (co-producer: 15 working days, silence = consent);
* the 2007 text (国务院令第492号) 第二十一条（四） (telling the applicant to change or supplement an
  unclear request is a reply) and 第二十四条 (15 + 15 working days);
* 国办公开办函〔2016〕235号 四: a reply served in person counts on the day the applicant signs,
  one sent by post on the day it is posted (交邮之日).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.calendar import WorkCalendar
from gongkai.models import load_record
from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import event as ev
from gongkai.testing.records import request as req
from gongkai.timezone import SHANGHAI

CAL = WorkCalendar.default()
NATIONAL = load_pack("national")
REPLY = "national.request.reply_20wd"
R2007 = "national.request.reply_15wd_2007"
APPROVED = {"approver": "政府信息公开工作机构负责人", "notice": "延期答复告知书"}


def end_of(day: date) -> datetime:
    """Where a working-day period ends: the last instant of its last day."""
    return datetime.combine(day, time.max, SHANGHAI)


def due(case: RuleCase) -> datetime | None:
    """The due instant the case's finding gives (after asserting its status)."""
    return run_case(case).due_at


# ---------------------------------------------------------------- 第三十一条: receipt by channel

# Each channel's event, recorded on Wed 2026-09-30: the 20 working days end on 11-03.
CHANNELS: list[tuple[str, list[dict[str, Any]]]] = [
    ("当面", [ev("submit", "2026-09-30T10:00")]),  # （一）以提交之日为收到申请之日
    ("邮寄签收", [ev("submit", "2026-09-25T10:00"), ev("sign_receipt", "2026-09-30T09:00")]),
    ("平常信函", [ev("submit", "2026-09-25T10:00"), ev("confirm_receipt", "2026-09-30T11:00")]),
    ("网络", [ev("submit", "2026-09-28T22:00"), ev("confirm_receipt", "2026-09-30T09:30")]),
    ("传真", [ev("submit", "2026-09-29T18:00"), ev("confirm_receipt", "2026-09-30T08:45")]),
]


@pytest.mark.parametrize(("channel", "events"), CHANNELS, ids=[c for c, _ in CHANNELS])
def test_receipt_day_comes_from_the_channel(channel: str, events: list[dict[str, Any]]) -> None:
    record = req(*events, channel=channel)
    running = RuleCase(REPLY, record, "pending", as_of="2026-11-03T12:00")
    assert due(running) == end_of(date(2026, 11, 3))
    run_case(RuleCase(REPLY, record, "overdue", as_of="2026-11-04T00:00"))


@pytest.mark.parametrize(
    ("channel", "events"),
    [
        ("邮寄签收", [ev("submit", "2026-09-25T10:00")]),  # not signed for yet
        ("网络", [ev("submit", "2026-09-28T22:00")]),  # not confirmed yet
        (None, [ev("submit", "2026-09-28T22:00")]),  # channel unknown
    ],
)
def test_no_receipt_before_the_channels_event(
    channel: str | None, events: list[dict[str, Any]]
) -> None:
    case = RuleCase(REPLY, req(*events, channel=channel), "not_applicable", as_of="2026-12-01")
    finding = run_case(case)
    assert finding.message.endswith("时钟未起算（尚无 receive）")  # says what the record lacks
    assert finding.message_en.endswith("the clock has not started (no receive yet)")


def test_a_recorded_receive_wins_over_the_channel() -> None:
    record = req(
        ev("submit", "2026-09-28T10:00"), ev("receive", "2026-09-30T10:00"), channel="当面"
    )
    assert due(RuleCase(REPLY, record, "pending", as_of="2026-11-03T12:00")) == end_of(
        date(2026, 11, 3)
    )


def test_the_derived_receipt_picks_the_text_in_force() -> None:
    """Submitted in person on 2019-05-14, the last day of the 2007 text: 15 working days."""
    record = req(ev("submit", "2019-05-14T10:00"), ev("reply", "2019-06-04T16:00"), channel="当面")
    run_case(RuleCase(R2007, record, "satisfied", as_of="2019-06-10"))
    run_case(RuleCase(REPLY, record, "not_applicable", as_of="2019-06-10"))


# ---------------------------------------------------------------- 第三十二条: third party

RECEIVED = ev("receive", "2026-09-30T10:00")  # 10-08 and 10-09 used before the consultation
SENT = ev("consult_third_party", "2026-10-09T10:00")
GOT = ev("third_party_received", "2026-10-12T09:00")  # the third party's 15th WD: 11-02


def test_third_partys_period_runs_from_its_receipt() -> None:
    assert CAL.add_workdays(date(2026, 10, 12), 15) == date(2026, 11, 2)
    replied = req(RECEIVED, SENT, GOT, ev("third_party_replied", "2026-11-02T16:00"))
    rule = "national.request.third_party_15wd"
    run_case(RuleCase(rule, replied, "satisfied", as_of="2026-11-10"))
    late = req(RECEIVED, SENT, GOT, ev("third_party_replied", "2026-11-03T09:00"))
    run_case(RuleCase(rule, late, "violated", as_of="2026-11-10"))


def test_silent_third_party_ends_the_pause_after_its_15_days() -> None:
    """18 of the 20 working days remain when the third party's period ends on 11-02."""
    silent = req(RECEIVED, SENT, GOT)
    paused = RuleCase(REPLY, silent, "pending", as_of="2026-11-02T12:00")
    assert due(paused) is None  # still paused: no due day yet
    expected = end_of(CAL.add_workdays(date(2026, 11, 2), 18))
    assert due(RuleCase(REPLY, silent, "pending", as_of="2026-11-03T09:00")) == expected
    run_case(RuleCase(REPLY, silent, "overdue", as_of="2027-08-01"))  # not "paused" months on


def test_silence_counts_from_the_sending_when_the_receipt_is_not_recorded() -> None:
    silent = req(RECEIVED, SENT)  # the earliest reading: the 15 days end on 10-29
    expected = end_of(CAL.add_workdays(date(2026, 10, 29), 18))
    assert due(RuleCase(REPLY, silent, "pending", as_of="2026-11-02T09:00")) == expected


def test_the_2007_text_sets_the_third_party_no_period() -> None:
    silent = req(
        ev("receive", "2018-06-01T10:00"),
        ev("consult_third_party", "2018-06-04T10:00"),
        ev("third_party_received", "2018-06-05T10:00"),
    )
    assert due(RuleCase(R2007, silent, "pending", as_of="2018-12-01")) is None


# ---------------------------------------------------------------- 第三十四条: co-producing agency


def test_silent_co_producer_consents_and_the_clock_runs_again() -> None:
    silent = req(
        RECEIVED,
        ev("consult_co_producer", "2026-10-09T10:00"),
        ev("co_producer_received", "2026-10-12T09:00"),
    )
    run_case(RuleCase("national.request.co_producer_15wd", silent, "overdue", as_of="2026-11-03"))
    expected = end_of(CAL.add_workdays(date(2026, 11, 2), 18))
    assert due(RuleCase(REPLY, silent, "pending", as_of="2026-11-03T09:00")) == expected
    answered = req(
        RECEIVED,
        ev("consult_co_producer", "2026-10-09T10:00"),
        ev("co_producer_received", "2026-10-12T09:00"),
        ev("co_producer_replied", "2026-10-30T15:00"),
    )
    run_case(
        RuleCase("national.request.co_producer_15wd", answered, "satisfied", as_of="2026-11-03")
    )


# ---------------------------------------------------------------- 2007: change or supplement


def test_2007_corrected_then_extended_request_counts_from_the_corrected_request() -> None:
    """Told on 06-05 to supplement, supplemented on 06-11, extended by 15: due 07-24 (not 07-16)."""
    assert CAL.add_workdays(CAL.add_workdays(date(2018, 6, 11), 15), 15) == date(2018, 7, 24)
    record = req(
        ev("receive", "2018-06-01T10:00"),
        ev("request_correction", "2018-06-05T10:00"),
        ev("receive_correction", "2018-06-11T10:00"),
        ev("extend", "2018-06-28T10:00", by="15个工作日", **APPROVED),
        ev("reply", "2018-07-20T16:00"),
    )
    assert due(RuleCase(R2007, record, "satisfied", as_of="2018-08-01")) == end_of(
        date(2018, 7, 24)
    )


def test_2007_clock_waits_while_the_applicant_supplements() -> None:
    record = req(ev("receive", "2018-06-01T10:00"), ev("request_correction", "2018-06-05T10:00"))
    run_case(RuleCase(R2007, record, "pending", as_of="2018-09-01"))


# Two real cases of the same applicant against 上海市黄浦区人民政府, decided by 上海市高级人民法院
# on 2013-11-04; the 原审 (上海市第二中级人民法院) held each reply 「在法定期限内作出答复,程序合法」.
# The dates are those the judgments recite; no approver of the extensions is recited.


def test_2007_real_case_supplemented_request_counts_from_the_supplement() -> None:
    """(2013)沪高行终字第73号, reciting (2013)沪二中行初字第29号: timely.

    http://www.law-lib.com/cpws/cpws_view.asp?id=200402561680 — received 2012-01-27, told to
    supplement 02-13, supplement received 02-20, extended 02-21 to 03-14, supplemented again
    02-22, reply 03-12 (信息不存在). Counted from 01-27 the reply is late even with the longest
    extension (03-08); the court held it timely.
    """
    assert CAL.add_workdays(CAL.add_workdays(date(2012, 1, 27), 15), 15) == date(2012, 3, 8)
    received = ev("receive", "2012-01-27T10:00")
    extended = ev(
        "extend",
        "2012-02-21T10:00",
        until="2012-03-14",
        notice="告知陈某延期至同年3月14日前作出答复",
    )
    replied = ev("reply", "2012-03-12T10:00")
    record = req(
        received,
        ev("request_correction", "2012-02-13T10:00"),
        ev("receive_correction", "2012-02-20T10:00"),
        extended,
        ev("receive_correction", "2012-02-22T10:00"),
        replied,
    )
    run_case(RuleCase(R2007, record, "satisfied", as_of="2012-04-01"))
    without_supplement = req(received, extended, replied)
    run_case(RuleCase(R2007, without_supplement, "violated", as_of="2012-04-01"))


def test_2007_real_case_without_supplement_counts_from_receipt() -> None:
    """(2013)沪高行终字第74号, reciting (2013)沪二中行初字第30号: timely.

    http://zenchang.cn/cpws/cpws_view.asp?id=200402561683 — received 2012-02-04, extended 02-22
    to 03-16, reply 03-15 (不属于政府信息). 15 + 15 working days from 02-04 end on 03-16.
    """
    record = req(
        ev("receive", "2012-02-04T10:00"),
        ev(
            "extend",
            "2012-02-22T10:00",
            until="2012-03-16",
            notice="告知陈某延期至同年3月16日前作出答复",
        ),
        ev("reply", "2012-03-15T10:00"),
    )
    timely = RuleCase(R2007, record, "satisfied", as_of="2012-04-01")
    assert due(timely) == end_of(date(2012, 3, 16))


# ---------------------------------------------------------------- 第三十三条第二款: extensions


def test_an_extension_given_as_its_end_date() -> None:
    """延期答复告知书: "延期至2026年12月1日" = 20 working days after 11-03."""
    record = req(RECEIVED, ev("extend", "2026-10-30T10:00", until="2026-12-01", **APPROVED))
    assert due(RuleCase(REPLY, record, "pending", as_of="2026-11-20")) == end_of(date(2026, 12, 1))


def test_an_end_date_past_the_longest_extension_is_refused() -> None:
    record = req(RECEIVED, ev("extend", "2026-10-30T10:00", until="2026-12-02", **APPROVED))
    finding = run_case(RuleCase(REPLY, record, "violated", as_of="2026-11-20"))
    assert "20个工作日" in finding.message


@pytest.mark.parametrize("until", ["2027-06-01", "9999-01-01"])
def test_an_end_date_in_a_year_without_holiday_data_is_still_too_far(until: str) -> None:
    """Past the longest extension (12-01), whatever the later year's holidays: refused, not
    left undetermined for want of a 2027 (or 9999) notice."""
    record = req(RECEIVED, ev("extend", "2026-10-30T10:00", until=until, **APPROVED))
    finding = run_case(RuleCase(REPLY, record, "violated", as_of="2026-11-20"))
    assert "20个工作日" in finding.message and "2026-12-01" in finding.message


def test_an_unapproved_extension_still_moves_the_due_day() -> None:
    record = req(RECEIVED, ev("extend", "2026-10-30T10:00", by="20个工作日"))
    assert due(RuleCase(REPLY, record, "pending", as_of="2026-11-20")) == end_of(date(2026, 12, 1))
    finding = run_case(
        RuleCase("national.request.extension_approved", record, "violated", as_of="2026-11-20")
    )
    assert "批准人" in finding.message


def test_an_extension_needs_by_or_until() -> None:
    record = req(RECEIVED, ev("extend", "2026-10-30T10:00", **APPROVED))
    finding = run_case(RuleCase(REPLY, record, "violated", as_of="2026-11-20"))
    assert "until" in finding.message_en


# ---------------------------------------------------------------- reply made vs served


def test_reply_is_judged_when_served() -> None:
    """Made on the last day but signed for by the applicant two days later: late."""
    record = req(
        RECEIVED,
        ev("reply", "2026-11-03T16:00"),
        ev("serve", "2026-11-05T10:00", method="直接送达"),
    )
    run_case(RuleCase(REPLY, record, "violated", as_of="2026-11-10"))


def test_a_posted_reply_counts_on_the_day_it_is_posted() -> None:
    record = req(
        RECEIVED,
        ev("reply", "2026-11-02T16:00"),
        ev("serve", "2026-11-03T11:00", method="邮寄送达"),  # 交邮之日
    )
    run_case(RuleCase(REPLY, record, "satisfied", as_of="2026-11-10"))


def test_without_serve_the_reply_counts() -> None:
    record = req(RECEIVED, ev("reply", "2026-11-03T16:00"))
    run_case(RuleCase(REPLY, record, "satisfied", as_of="2026-11-10"))


# ---------------------------------------------------------------- laws


@given(
    received=st.dates(date(2025, 1, 2), date(2026, 6, 30)),
    used=st.integers(0, 19),
    delay=st.integers(0, 10),
    kind=st.sampled_from(["third_party", "co_producer"]),
)
def test_silence_is_an_answer_at_the_end_of_the_15th_day(
    received: date, used: int, delay: int, kind: str
) -> None:
    """A silent consulted party ends the pause exactly as an answer given at the end of its
    15th working day after receipt would (第三十二条、第三十四条)."""
    sent = CAL.add_workdays(received, used) if used else received
    got = sent + timedelta(days=delay)
    last = CAL.add_workdays(got, 15)
    events = [
        ev("receive", f"{received}T09:00"),
        ev(f"consult_{kind}", f"{sent}T10:00"),
        ev(f"{kind}_received", f"{got}T11:00"),
    ]
    answered = [*events, ev(f"{kind}_replied", end_of(last).isoformat())]
    as_of = end_of(last) + timedelta(seconds=1)
    silent = NATIONAL.check(load_record(req(*events)), as_of).finding(REPLY)
    spoken = NATIONAL.check(load_record(req(*answered)), as_of).finding(REPLY)
    assert silent is not None and spoken is not None
    assert silent.due_at == spoken.due_at is not None
