"""The rules a reading against their texts found wrong (issue 14), each with the case it got wrong.

Texts: 《关于全面推进政务公开工作的意见》实施细则（国办发〔2016〕80号）一（一）、二（一）;
《政府信息公开条例》（国务院令第711号）第五条、第十四条、第十六条、第三十七条、第四十九条;
《安徽省全面推进政务公开工作实施细则》四（二）; 《中卫市2020年政务公开工作要点》（卫政办发〔2020〕52号）;
邢宣文〔2017〕32号 二（三）; the 四平市卫生健康委员会 实施意见 五、17 and 国办发〔2016〕61号 三.
"""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.models import load_record
from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency, incident
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

SYNC = "national.document.interpretation_sync"
PUBLISH = ev("publish", "2026-03-20T09:00")
FIVE_MINUTES_LATER = ev("release_interpretation", "2026-03-20T09:05")


@pytest.mark.parametrize(
    "rule_id", ["national.document.attribute_required", "national.document.nonpublic_reason"]
)
def test_80_hao_duties_of_drafting_cite_one_one(rule_id: str) -> None:
    """「行政机关拟制公文时,要明确主动公开、依申请公开、不予公开等属性」 is 一（一）, not 四（一）."""
    assert load_pack("national").rule(rule_id).spec.source.clause == "一（一）"


def test_repost_clock_starts_when_the_superior_posts() -> None:
    """Issued Monday, posted on the portal Thursday 10:00, reposted at 12:00: in time."""
    record = doc(
        ev("issue", "2026-03-02T09:00"),
        ev("publish", "2026-03-05T10:00"),
        ev("repost", "2026-03-05T12:00"),
        is_policy=True,
        issuer="国务院办公厅",
    )
    run_case(RuleCase("anhui.document.repost_superior", record, "satisfied", "2026-03-10"))
    late = RuleCase("anhui.document.repost_superior_1h", record, "violated", "2026-03-10")
    assert run_case(late).due_at is not None and run_case(late).due_at.hour == 11


def test_interpretation_sync_cites_the_release_duty() -> None:
    source = load_pack("national").rule(SYNC).spec.source
    assert source.clause == "二（一）" and "同步在政府网站" in source.quote


def test_interpretation_sync_tolerance_is_an_open_parameter() -> None:
    """同步 gives no number: unset, materials 5 minutes late are not judged; an office's reading
    (here "1小时") decides."""
    assert load_pack("national").rule(SYNC).parameters == {"tolerance": None}
    record = doc(PUBLISH, FIVE_MINUTES_LATER, is_policy=True)
    run_case(RuleCase(SYNC, record, "pending", "2026-03-21"))
    hour = load_pack("national", params={f"{SYNC}.tolerance": "1小时"})
    run_case(RuleCase(SYNC, record, "satisfied", "2026-03-21"), hour)
    too_late = doc(PUBLISH, ev("release_interpretation", "2026-03-20T10:30"), is_policy=True)
    run_case(RuleCase(SYNC, too_late, "violated", "2026-03-21"), hour)


def test_exempt_parts_removed_may_be_published() -> None:
    """第三十七条: what can be separated is published; 删减后公开 is not a breach of 第十四条."""
    record = doc(disclosure="删减后公开", nondisclosure_ground="国家秘密")
    run_case(RuleCase("national.document.mandatory_exempt", record, "satisfied", "2026-03-03"))
    whole = doc(disclosure="公开发布", nondisclosure_ground="国家秘密")
    run_case(RuleCase("national.document.mandatory_exempt", whole, "violated", "2026-03-03"))


def test_minutes_have_no_unsourced_default() -> None:
    record = doc(doc_type="纪要", disclosure="公开发布")
    run_case(RuleCase("national.document.default_attribute", record, "satisfied", "2026-03-03"))


def gov(name: str, code: str | None, *events: dict[str, Any]) -> dict[str, Any]:
    return agency(*events, name=name, level="人民政府", division_code=code, since="2026-01-01")


@pytest.mark.parametrize(
    ("record", "expect"),
    [
        (gov("定远县人民政府", "341125"), "violated"),  # 县级以上地方人民政府
        (gov("定远县人民政府", None), "violated"),  # no code: the name is not a township's
        (gov("炉桥镇人民政府", None), "not_applicable"),  # 乡镇: not bound by 第四十九条
        (gov("城南街道办事处", None), "not_applicable"),
    ],
)
def test_government_annual_report_binds_county_level_and_above(
    record: dict[str, Any], expect: str
) -> None:
    rule = "national.obligation.annual_report_gov"
    run_case(RuleCase(rule, record, expect, "2026-04-01T00:00"))


def test_zhongwei_2020_work_points_govern_2020_only() -> None:
    record = agency(name="中卫市财政局", level="政府部门", since="2020-01-01")
    report = load_pack("zhongwei").check(load_record(record), "2022-06-30T00:00")
    periods = [f.period for f in report.findings if f.rule_id == "zhongwei.obligation.training"]
    assert periods == ["2020"]
    rules = load_pack("zhongwei").rules_for("agency") + load_pack("zhongwei").rules_for("document")
    assert all(r.spec.effective_to is not None for r in rules if r.id.startswith("zhongwei."))


BRIEFED_THE_DAY_BEFORE = doc(
    ev("hold_briefing", "2026-03-19T10:00"), ev("publish", "2026-03-20T09:00"), is_policy=True
)


def test_xingtai_lead_time_reading_is_a_parameter() -> None:
    """发布前2日: T−2 by default (the number as written); "1日" reads it as the two days before."""
    rule = "xingtai.document.pre_briefing"
    assert load_pack("xingtai").rule(rule).parameters == {"lead": "2日"}
    run_case(RuleCase(rule, BRIEFED_THE_DAY_BEFORE, "violated", "2026-03-21"))
    day_before = load_pack("xingtai", params={f"{rule}.lead": "1日"})
    run_case(RuleCase(rule, BRIEFED_THE_DAY_BEFORE, "satisfied", "2026-03-21"), day_before)


def test_siping_press_conference_is_not_narrower_than_national() -> None:
    """A major emergency not (yet) tagged as public opinion still needs its press conference."""
    record = incident(
        ev("detect", "2026-03-10T22:00"), is_emergency=True, level="重大", is_public_opinion=False
    )
    for pack in ("national", "siping_health"):
        rule = f"{pack}.incident.press_conference_24h"
        run_case(RuleCase(rule, record, "overdue", "2026-03-12T00:00", pack=pack))


NORMATIVE_PACKS = [
    "anhui.document.normative_public",
    "chuzhou.document.normative_key",
    "quzhou.document.normative_column",
    "siping_health.document.normative_public",
    "xingtai.document.normative_public",
]


@pytest.mark.parametrize("rule_id", NORMATIVE_PACKS)
def test_the_regulation_wins_over_publish_every_normative_document(rule_id: str) -> None:
    """第十四条: a classified 规范性文件 is not public; the locality duty yields, and a record
    satisfying the 条例 is reported once, not as a breach of the local rule."""
    pack = load_pack(rule_id.split(".")[0])
    classified = load_record(
        doc(
            ev("submit", "2021-03-02T09:00"),
            is_normative=True,
            disclosure="不公开",
            secrecy_level="秘密",
            nondisclosure_ground="国家秘密",
            nondisclosure_reason="定密文件",
        )
    )
    report = pack.check(classified, "2021-03-10T00:00")
    assert report.finding(rule_id).status.value == "not_applicable"  # type: ignore[union-attr]
    for national in (
        "national.document.mandatory_exempt",
        "national.document.classified_not_public",
    ):
        assert report.finding(national).status.value == "satisfied"  # type: ignore[union-attr]
    partial = load_record(
        doc(
            ev("submit", "2021-03-02T09:00"),
            is_normative=True,
            disclosure="删减后公开",
            nondisclosure_ground="国家秘密",
            nondisclosure_reason="密级部分已删除",
        )
    )
    statuses = {f.rule_id: f.status.value for f in pack.check(partial, "2021-03-10").findings}
    assert statuses["national.document.mandatory_exempt"] == "satisfied"
    assert statuses[rule_id] in ("satisfied", "not_applicable")


RESTATED = [
    ("anhui", "anhui.document.attr_required", "national.document.attribute_required"),
    ("anhui", "anhui.document.secrecy_review", "national.document.secrecy_review"),
    ("anhui", "anhui.document.interp_sync", "national.document.interpretation_sync"),
    ("anhui", "anhui.incident.authoritative_info_5h", "national.incident.authoritative_info_5h"),
    ("anhui", "anhui.incident.press_conference_24h", "national.incident.press_conference_24h"),
    ("chuzhou", "chuzhou.document.proactive_20wd", "national.document.proactive_20wd"),
    ("land_expropriation", "land_expropriation.document.mode_required",
     "national.document.attribute_required"),
    ("pingding", "pingding.document.attr_required", "national.document.attribute_required"),
    ("pingding", "pingding.document.interp_sync", "national.document.interpretation_sync"),
    ("quzhou", "quzhou.document.interp_sync", "national.document.interpretation_sync"),
    ("sanming", "sanming.document.attr_required", "national.document.attribute_required"),
    ("zhejiang", "zhejiang.document.interp_sync", "national.document.interpretation_sync"),
]  # fmt: skip


@pytest.mark.parametrize(("pack", "local", "national"), RESTATED, ids=[r[1] for r in RESTATED])
def test_a_restated_national_duty_is_reported_once(pack: str, local: str, national: str) -> None:
    loaded = load_pack(pack)
    assert loaded.rule(local).spec.overrides == national
    assert not loaded.has_rule(national)


def test_an_unattributed_submission_is_one_finding_in_anhui() -> None:
    record = load_record(
        doc(ev("submit", "2026-03-02T09:00"), doc_type="请示", disclosure="不公开")
    )
    report = load_pack("anhui").check(record, "2026-03-03")
    violated = [f.rule_id for f in report.findings if f.status.value == "violated"]
    assert violated == ["anhui.document.attr_required"]


def test_quzhou_2021_work_points_govern_2021_only() -> None:
    record = doc(ev("submit", "2023-03-02T09:00"), is_normative=True, disclosure="依申请公开")
    rule = "quzhou.document.normative_column"
    run_case(RuleCase(rule, record, "not_applicable", "2023-03-03"))
