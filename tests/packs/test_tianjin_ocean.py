"""天津市海洋局 pack (seed 002): one violating and one satisfying case per rule at least."""

from __future__ import annotations

from datetime import datetime

import pytest

from gongkai.models import load_record
from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency, meeting
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

PUBLISH = ev("publish", "2026-06-20T10:00")
AS_OF = "2026-06-21T00:00"
BUREAU = {"name": "天津市海洋局", "level": "政府部门"}

CASES: list[RuleCase] = [
    # ---- 保密审查 before publication (L23)
    RuleCase("tianjin_ocean.document.secrecy_review",
             doc(PUBLISH, disclosure_marking="（此件主动公开）",
                 secrecy_review={"result": "通过", "at": "2026-06-19T15:00"}),
             "satisfied", as_of=AS_OF, name="reviewed the day before"),
    RuleCase("tianjin_ocean.document.secrecy_review",
             doc(PUBLISH, disclosure_marking="（此件主动公开）",
                 secrecy_review={"result": "不通过", "at": "2026-06-19T15:00"}),
             "violated", as_of=AS_OF, name="published although the review failed"),
    RuleCase("tianjin_ocean.document.secrecy_review",
             doc(PUBLISH, disclosure_marking="（此件主动公开）"),
             "violated", as_of=AS_OF, name="no review"),
    # ---- 解读预案 or 材料 ready before publication (L27)
    RuleCase("tianjin_ocean.document.interp_ready",
             doc(PUBLISH, is_policy=True, interpretation={"plan": True}),
             "satisfied", as_of=AS_OF, name="解读预案 ready"),
    RuleCase("tianjin_ocean.document.interp_ready",
             doc(PUBLISH, is_major_policy=True, interpretation={"materials": True}),
             "satisfied", as_of=AS_OF, name="解读材料 ready"),
    RuleCase("tianjin_ocean.document.interp_ready", doc(PUBLISH, is_policy=True),
             "violated", as_of=AS_OF, name="nothing prepared"),
    RuleCase("tianjin_ocean.document.interp_ready",
             doc(PUBLISH, is_policy=True, interpretation={"approved_by": "局长"}),
             "violated", as_of=AS_OF, name="an approval without plan or materials"),
    RuleCase("tianjin_ocean.document.interp_ready", doc(PUBLISH),
             "not_applicable", as_of=AS_OF, name="not a policy document"),
    # ---- 重大决策预公开: hear the public before deciding (L17)
    RuleCase("tianjin_ocean.meeting.adoption_report",
             meeting(ev("consult_public", "2026-05-04T09:00"), ev("decide", "2026-06-01T11:00"),
                     major_decision=True, major_livelihood=True),
             "satisfied", as_of="2026-06-02T00:00", name="consulted before the decision"),
    RuleCase("tianjin_ocean.meeting.adoption_report",
             meeting(ev("decide", "2026-06-01T11:00"), ev("consult_public", "2026-06-03T09:00"),
                     major_decision=True, public_interest=True),
             "violated", as_of="2026-06-04T00:00", name="consulted after the decision"),
    RuleCase("tianjin_ocean.meeting.adoption_report",
             meeting(ev("decide", "2026-06-01T11:00"), major_decision=True,
                     major_livelihood=True, involves_secrets=True),
             "not_applicable", as_of="2026-06-02T00:00", name="依法应当保密的 excepted"),
    # ---- 决策作出后 publish the 议定事项 (L17)
    RuleCase("tianjin_ocean.meeting.resolutions_published",
             meeting(ev("hold", "2026-06-01T09:00"), ev("decide", "2026-06-01T11:00"),
                     ev("publish_decisions", "2026-06-03T10:00")),
             "satisfied", as_of="2026-06-04T00:00", name="published after the decision"),
    RuleCase("tianjin_ocean.meeting.resolutions_published",
             meeting(ev("publish_decisions", "2026-05-29T10:00"), ev("decide", "2026-06-01T11:00")),
             "violated", as_of="2026-06-04T00:00", name="published before the decision"),
    RuleCase("tianjin_ocean.meeting.resolutions_published",
             meeting(ev("hold", "2026-06-01T09:00"), ev("publish_decisions", "2026-06-03T10:00")),
             "violated", as_of="2026-06-04T00:00", name="no decision on record"),
    # ---- agency: a yearly version of the 行政许可事项目录 (L20); 2025 is judged on 2026-01-01
    RuleCase("tianjin_ocean.obligation.licence_catalogue", agency(since="2025-01-01", **BUREAU),
             "violated", as_of="2026-01-01T00:00", name="no 2025 version"),
    RuleCase("tianjin_ocean.obligation.licence_catalogue",
             agency(ev("licence_catalogue_version_published", "2025-03-01T10:00"),
                    since="2025-01-01", **BUREAU),
             "satisfied", as_of="2026-01-01T00:00", name="2025 version in March"),
    RuleCase("tianjin_ocean.obligation.licence_catalogue",
             agency(ev("licence_catalogue_version_published", "2025-03-01T10:00"),
                    since="2026-01-01", **BUREAU),
             "pending", as_of="2026-06-01T00:00", name="last year's version does not count for 2026"),
    # ---- the 负面清单 system by 2020-12-31 (L15, a goal)
    RuleCase("tianjin_ocean.obligation.negative_list", agency(since="2020-01-01", **BUREAU),
             "violated", as_of="2021-01-01T00:00", name="no negative list by 2020"),
    RuleCase("tianjin_ocean.obligation.negative_list",
             agency(ev("negative_list_established", "2018-09-10T10:00"), since="2020-01-01", **BUREAU),
             "satisfied", as_of="2021-01-01T00:00", name="list drawn up in 2018"),
    RuleCase("tianjin_ocean.obligation.negative_list", agency(since="2020-01-01", **BUREAU),
             "pending", as_of="2020-12-31T20:00", name="still due on 2020-12-31"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_sync_release_stays_national() -> None:
    """公开时,同步配发解读材料: the national rule still runs in this pack (an office that reads
    同步 as within the hour sets the open tolerance)."""
    pack = load_pack(
        "tianjin_ocean", params={"national.document.interpretation_sync.tolerance": "1小时"}
    )
    assert not pack.has_rule("national.document.secrecy_review")
    record = load_record(
        doc(
            PUBLISH,
            ev("release_interpretation", "2026-06-20T15:00"),
            is_policy=True,
            interpretation={"plan": True, "materials": True},
        )
    )
    report = pack.check(record, datetime(2026, 6, 21))
    sync = report.finding("national.document.interpretation_sync")
    ready = report.finding("tianjin_ocean.document.interp_ready")
    assert sync is not None and sync.status.value == "violated"
    assert ready is not None and ready.status.value == "satisfied"


def test_negative_list_is_a_warning() -> None:
    finding = run_case(next(c for c in CASES if c.name == "no negative list by 2020"))
    assert finding.severity.value == "warning"
    assert finding.period == "2020-12-31"
