"""The 政务舆情 workflow: the 5 h / 24 h / 48 h wall clocks, the level set at ``assess``,
states, snapshots, and a hypothesis state machine."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from gongkai import SHANGHAI, Status
from gongkai.models import IncidentLevel
from gongkai.rules.report import Finding
from gongkai.workflows import IncidentState, IncidentWorkflow

INFO_5H = "national.incident.authoritative_info_5h"
PRESS_24H = "national.incident.press_conference_24h"
OTHER_48H = "national.incident.other_response_48h"


def at(y: int, m: int, d: int, h: int = 10, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=SHANGHAI)


def finding(wf: IncidentWorkflow, as_of: datetime, rule_id: str) -> Finding:
    found = wf.check(as_of).finding(rule_id)
    assert found is not None
    return found


def major_emergency(detected: datetime) -> IncidentWorkflow:
    wf = IncidentWorkflow()
    assert wf.fire("detect", detected, update={"is_emergency": True, "title": "某化工厂爆炸"})
    assert wf.fire("assess", detected + timedelta(minutes=40), update={"level": "重大"})
    return wf


def test_major_emergency_clocks_run_through_the_night_and_holidays() -> None:
    # 国办发〔2016〕80号: 最迟要在5小时内发布权威信息; 国办发〔2016〕61号: 最迟应在24小时内
    # 举行新闻发布会. Hours run on the wall clock: detected at 22:30 on 2026-09-30, the eve
    # of National Day, information is due at 03:30 on 10-01 and the conference at 22:30.
    wf = major_emergency(at(2026, 9, 30, 22, 30))
    info = finding(wf, at(2026, 10, 1, 1), INFO_5H)
    assert info.status is Status.PENDING and info.due_at == at(2026, 10, 1, 3, 30)
    assert finding(wf, at(2026, 10, 1, 1), PRESS_24H).due_at == at(2026, 10, 1, 22, 30)
    assert finding(wf, at(2026, 10, 1, 1), OTHER_48H).status is Status.NOT_APPLICABLE
    assert finding(wf, at(2026, 10, 1, 3, 31), INFO_5H).status is Status.OVERDUE
    assert wf.fire("release_information", at(2026, 10, 1, 3, 30)).state == "RELEASED"
    assert finding(wf, at(2026, 10, 1, 4), INFO_5H).status is Status.SATISFIED
    assert wf.fire("hold_press_conference", at(2026, 10, 1, 23)).state == "BRIEFED"
    late = finding(wf, at(2026, 10, 2), PRESS_24H)
    assert late.status is Status.VIOLATED and late.due_at == at(2026, 10, 1, 22, 30)


def test_other_public_opinion_48h() -> None:
    # 对其他政务舆情应在48小时内予以回应: any of respond / release / press conference stops it.
    wf = IncidentWorkflow()
    wf.fire("detect", at(2026, 2, 14, 8))  # a make-up Saturday; hours ignore the calendar anyway
    wf.fire("assess", at(2026, 2, 14, 9), update={"level": IncidentLevel.ORDINARY})
    assert finding(wf, at(2026, 2, 15), OTHER_48H).due_at == at(2026, 2, 16, 8)
    assert finding(wf, at(2026, 2, 15), INFO_5H).status is Status.NOT_APPLICABLE
    assert wf.fire("respond", at(2026, 2, 16, 7, 59)).state == "RESPONDED"
    assert finding(wf, at(2026, 2, 20), OTHER_48H).status is Status.SATISFIED


def test_level_is_set_on_the_record_and_kept_in_the_event() -> None:
    wf = major_emergency(at(2026, 5, 1, 8))
    assert wf.record.level is IncidentLevel.MAJOR
    assess = wf.record.last("assess")
    assert assess is not None and assess.data == {"level": "重大"}
    # the level may also be given as event data only
    other = IncidentWorkflow()
    other.fire("detect", at(2026, 5, 1, 8))
    other.fire("assess", at(2026, 5, 1, 9), level="较大")
    assert other.record.level == "较大"
    # re-assessment keeps the state and escalates the clocks
    other.fire("respond", at(2026, 5, 1, 10))
    assert other.fire("assess", at(2026, 5, 1, 11), update={"level": "特别重大"}).state == (
        "RESPONDED"
    )
    assert other.record.level is IncidentLevel.EXTREMELY_MAJOR


def test_respond_and_update_repeat_then_close() -> None:
    wf = major_emergency(at(2026, 5, 1, 8))
    wf.fire("release_information", at(2026, 5, 1, 10))
    for hour in (11, 12, 13):
        assert wf.fire("update", at(2026, 5, 1, hour)).state == "RELEASED"
    assert wf.fire("respond", at(2026, 5, 1, 14)).state == "RESPONDED"
    assert wf.fire("respond", at(2026, 5, 1, 15)).state == "RESPONDED"
    assert wf.fire("update", at(2026, 5, 1, 16)).state == "RESPONDED"
    assert wf.fire("close", at(2026, 5, 2, 8)).state == "CLOSED"
    assert wf.state is IncidentState.CLOSED and wf.state.value == "已结束"
    assert wf.available() == []
    assert len(wf.record.events("update")) == 4


def test_wrong_order() -> None:
    wf = IncidentWorkflow()
    refused = wf.fire("release_information", at(2026, 5, 1, 8))
    assert refused.allowed is False and refused.reason is not None
    wf.fire("detect", at(2026, 5, 1, 8))
    assert wf.fire("update", at(2026, 5, 1, 9)).allowed is False  # nothing released yet
    assert wf.fire("close", at(2026, 5, 1, 9)).allowed is False  # not assessed
    assert set(wf.available()) == {
        "assess", "determine", "notify", "approve_release", "confirm_with_agencies",
        "report_same_level", "report_higher_level", "release_information",
        "hold_press_conference", "respond",
    }  # fmt: skip


@pytest.mark.parametrize("level", ["特别重大", "重大"])
def test_snapshot_restore(level: str) -> None:
    wf = major_emergency(at(2026, 5, 1, 8))
    wf.fire("assess", at(2026, 5, 1, 9), update={"level": level})
    wf.fire("hold_press_conference", at(2026, 5, 1, 12))
    snap = wf.snapshot()
    back = IncidentWorkflow.restore(snap)
    assert back.state is wf.state is IncidentState.BRIEFED
    assert back.record == wf.record
    assert back.snapshot() == snap
