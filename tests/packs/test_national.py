"""Table-driven cases for every rule of the national pack, built from the law's own wording.

Dates are real: National Day 2026 (10-01..10-07 off, Saturday 10-10 a make-up workday),
Spring Festival 2026 (02-15..02-23 off, Saturdays 02-14 and 02-28 make-up workdays),
Dragon Boat Festival 2018-06-18. Working-day periods do not count the start day and end at
the end of the n-th working day after it; hour periods run on the wall clock.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev
from gongkai.testing.records import request as req
from gongkai.timezone import SHANGHAI


def inc(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A 政务舆情 record."""
    return {"kind": "incident", **fields, "history": list(events)}


def end_of(day: str) -> datetime:
    """The last instant of a day in Asia/Shanghai: where a working-day period ends."""
    return datetime.combine(datetime.fromisoformat(day).date(), time.max, SHANGHAI)


def at(text: str) -> datetime:
    """An Asia/Shanghai instant."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


# ------------------------------------------------------------------------------ documents

SUBMIT = ev("submit", "2026-03-02T09:00")
REASON = {"nondisclosure_reason": "系内部请示，属过程性信息", "nondisclosure_ground": "过程性信息"}
PASSED = {"result": "通过", "reviewer": "保密办", "at": "2026-03-19T16:00"}
INTERP = {"plan": True, "materials": True, "approved_by": "起草部门主要负责人"}

DOCUMENT_CASES: list[RuleCase] = [
    # 国办发〔2016〕80号：拟制公文时要明确……属性，随公文一并报批
    RuleCase(
        "national.document.attribute_required",
        doc(SUBMIT),
        "violated",
        as_of="2026-03-03T00:00",
        name="submitted without attribute",
    ),
    RuleCase(
        "national.document.attribute_required",
        doc(SUBMIT, disclosure_marking="（此件公开发布）"),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="marking 此件公开发布",
    ),
    RuleCase(
        "national.document.attribute_required",
        doc(SUBMIT, disclosure_marking="此件依申请公开"),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="marking 此件依申请公开",
    ),
    RuleCase(
        "national.document.attribute_required",
        doc(ev("draft", "2026-03-01T09:00")),
        "not_applicable",
        as_of="2026-03-03T00:00",
        name="still a draft",
    ),
    RuleCase(
        "national.document.attribute_required",
        doc(SUBMIT),
        "not_applicable",
        as_of="2026-03-02T08:59",
        name="submit after as_of is ignored",
    ),
    # 拟不公开的,要依法依规说明理由
    RuleCase(
        "national.document.nonpublic_reason",
        doc(SUBMIT, disclosure="不公开"),
        "violated",
        as_of="2026-03-03T00:00",
        name="no reason, no ground",
    ),
    RuleCase(
        "national.document.nonpublic_reason",
        doc(SUBMIT, disclosure="不公开", nondisclosure_reason="内部事项"),
        "violated",
        as_of="2026-03-03T00:00",
        name="reason without legal ground",
    ),
    RuleCase(
        "national.document.nonpublic_reason",
        doc(SUBMIT, disclosure="不公开", **REASON),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="reason and ground",
    ),
    RuleCase(
        "national.document.nonpublic_reason",
        doc(SUBMIT, disclosure="公开发布"),
        "not_applicable",
        as_of="2026-03-03T00:00",
        name="public needs no reason",
    ),
    # 第十四条：国家秘密……不予公开
    RuleCase(
        "national.document.mandatory_exempt",
        doc(disclosure="公开发布", nondisclosure_ground="国家秘密"),
        "violated",
        as_of="2026-03-03T00:00",
        name="state secret marked public",
    ),
    RuleCase(
        "national.document.mandatory_exempt",
        doc(disclosure="依申请公开", nondisclosure_ground="危及国家安全公共安全经济安全社会稳定"),
        "violated",
        as_of="2026-03-03T00:00",
        name="security ground marked on request",
    ),
    RuleCase(
        "national.document.mandatory_exempt",
        doc(disclosure="不公开", nondisclosure_ground="法律行政法规禁止公开"),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="prohibited and withheld",
    ),
    RuleCase(
        "national.document.mandatory_exempt",
        doc(disclosure="公开发布", nondisclosure_ground="过程性信息"),
        "not_applicable",
        as_of="2026-03-03T00:00",
        name="art 16 ground is discretionary",
    ),
    # 标有密级的公文只能标为不公开（第十四条：国家秘密不予公开）
    RuleCase(
        "national.document.classified_not_public",
        doc(secrecy_level="秘密", disclosure_marking="此件公开发布"),
        "violated",
        as_of="2026-03-03T00:00",
        name="classified marked public",
    ),
    RuleCase(
        "national.document.classified_not_public",
        doc(secrecy_level="机密", disclosure="删减后公开"),
        "violated",
        as_of="2026-03-03T00:00",
        name="classified marked partial",
    ),
    RuleCase(
        "national.document.classified_not_public",
        doc(secrecy_level="秘密", disclosure="依申请公开"),
        "violated",
        as_of="2026-03-03T00:00",
        name="classified marked on request",
    ),
    RuleCase(
        "national.document.classified_not_public",
        doc(secrecy_level="机密", disclosure="不公开", nondisclosure_ground="国家秘密"),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="classified withheld",
    ),
    RuleCase(
        "national.document.classified_not_public",
        doc(disclosure="公开发布"),
        "not_applicable",
        as_of="2026-03-03T00:00",
        name="not classified",
    ),
    # 第十七条：对拟公开的政府信息进行审查
    RuleCase(
        "national.document.secrecy_review",
        doc(ev("publish", "2026-03-20T09:00"), disclosure="公开发布"),
        "violated",
        as_of="2026-03-21T00:00",
        name="published without review",
    ),
    RuleCase(
        "national.document.secrecy_review",
        doc(
            ev("publish", "2026-03-20T09:00"),
            disclosure="公开发布",
            secrecy_review={"result": "不通过", "at": "2026-03-19T16:00"},
        ),
        "violated",
        as_of="2026-03-21T00:00",
        name="review failed",
    ),
    RuleCase(
        "national.document.secrecy_review",
        doc(
            ev("publish", "2026-03-20T09:00"),
            disclosure="公开发布",
            secrecy_review={"result": "通过", "at": "2026-03-20T10:00"},
        ),
        "violated",
        as_of="2026-03-21T00:00",
        name="review after publication",
    ),
    RuleCase(
        "national.document.secrecy_review",
        doc(ev("publish", "2026-03-20T09:00"), disclosure="公开发布", secrecy_review=PASSED),
        "satisfied",
        as_of="2026-03-21T00:00",
        name="passed before publication",
    ),
    RuleCase(
        "national.document.secrecy_review",
        doc(
            ev("publish", "2026-03-20T09:00"),
            disclosure="公开发布",
            secrecy_review={"result": "通过"},
        ),
        "satisfied",
        as_of="2026-03-21T00:00",
        name="passed, time not recorded",
    ),
    RuleCase(
        "national.document.secrecy_review",
        doc(ev("publish", "2026-03-20T09:00"), disclosure="公开发布"),
        "not_applicable",
        as_of="2026-03-19T00:00",
        name="publish after as_of is ignored",
    ),
    # 第二十六条：自该政府信息形成或者变更之日起20个工作日内及时公开 (形成 = 签发)
    RuleCase(
        "national.document.proactive_20wd",
        doc(
            ev("sign", "2026-09-30T10:00"), ev("publish", "2026-11-03T17:00"), disclosure="公开发布"
        ),
        "satisfied",
        as_of="2026-11-10T00:00",
        name="last day across National Day",
    ),
    RuleCase(
        "national.document.proactive_20wd",
        doc(
            ev("sign", "2026-09-30T10:00"), ev("publish", "2026-11-04T09:00"), disclosure="公开发布"
        ),
        "violated",
        as_of="2026-11-10T00:00",
        name="one working day late",
    ),
    RuleCase(
        "national.document.proactive_20wd",
        doc(ev("sign", "2026-09-30T10:00"), disclosure="删减后公开"),
        "overdue",
        as_of="2026-11-04T00:00",
        name="partial, not published",
    ),
    RuleCase(
        "national.document.proactive_20wd",
        doc(ev("sign", "2026-09-30T10:00"), disclosure="公开发布"),
        "pending",
        as_of="2026-11-03T23:00",
        name="still running on the last day",
    ),
    RuleCase(
        "national.document.proactive_20wd",
        doc(
            ev("sign", "2026-02-10T10:00"), ev("publish", "2026-03-16T09:00"), disclosure="公开发布"
        ),
        "satisfied",
        as_of="2026-03-20T00:00",
        name="last day across Spring Festival",
    ),
    RuleCase(
        "national.document.proactive_20wd",
        doc(
            ev("sign", "2026-02-10T10:00"), ev("publish", "2026-03-17T09:00"), disclosure="公开发布"
        ),
        "violated",
        as_of="2026-03-20T00:00",
        name="late across Spring Festival",
    ),
    RuleCase(
        "national.document.proactive_20wd",
        doc(ev("sign", "2026-09-30T10:00"), disclosure="依申请公开"),
        "not_applicable",
        as_of="2026-11-10T00:00",
        name="on request is not proactive",
    ),
    RuleCase(
        "national.document.proactive_20wd",
        doc(
            ev("sign", "2026-09-30T10:00"), ev("publish", "2026-11-05T09:00"), disclosure="公开发布"
        ),
        "overdue",
        as_of="2026-11-04T12:00",
        name="late publish after as_of is ignored",
    ),
    # 80号：上报代拟稿时应将……解读方案和解读材料一并报送
    RuleCase(
        "national.document.interpretation_bundle",
        doc(SUBMIT, is_policy=True),
        "violated",
        as_of="2026-03-03T00:00",
        name="no interpretation",
    ),
    RuleCase(
        "national.document.interpretation_bundle",
        doc(SUBMIT, is_policy=True, interpretation={"plan": True, "materials": True}),
        "violated",
        as_of="2026-03-03T00:00",
        name="not approved by the head",
    ),
    RuleCase(
        "national.document.interpretation_bundle",
        doc(SUBMIT, is_policy=True, interpretation={"plan": True, "approved_by": "局长"}),
        "violated",
        as_of="2026-03-03T00:00",
        name="plan without materials",
    ),
    RuleCase(
        "national.document.interpretation_bundle",
        doc(SUBMIT, is_policy=True, interpretation=INTERP),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="plan and materials approved",
    ),
    RuleCase(
        "national.document.interpretation_bundle",
        doc(SUBMIT, is_policy=True, needs_interpretation=False),
        "not_applicable",
        as_of="2026-03-03T00:00",
        name="declared not to need interpretation",
    ),
    RuleCase(
        "national.document.interpretation_bundle",
        doc(SUBMIT),
        "not_applicable",
        as_of="2026-03-03T00:00",
        name="not a policy document",
    ),
    # 政策性文件与解读方案、解读材料同步……
    RuleCase(
        "national.document.interpretation_sync",
        doc(
            ev("publish", "2026-03-20T09:00"),
            ev("release_interpretation", "2026-03-20T09:00"),
            is_policy=True,
        ),
        "satisfied",
        as_of="2026-03-21T00:00",
        name="released with the document",
    ),
    # 同步 sets no margin: the tolerance is an open parameter (tests/packs/test_legal_fixes.py)
    RuleCase(
        "national.document.interpretation_sync",
        doc(
            ev("publish", "2026-03-20T09:00"),
            ev("release_interpretation", "2026-03-21T09:00"),
            is_policy=True,
        ),
        "pending",
        as_of="2026-03-22T00:00",
        name="released a day later, tolerance not configured",
    ),
    RuleCase(
        "national.document.interpretation_sync",
        doc(
            ev("release_interpretation", "2026-03-19T09:00"),
            ev("publish", "2026-03-20T09:00"),
            is_policy=True,
        ),
        "violated",
        as_of="2026-03-22T00:00",
        name="released the day before the document",
    ),
    RuleCase(
        "national.document.interpretation_sync",
        doc(ev("publish", "2026-03-20T09:00"), is_policy=True),
        "pending",
        as_of="2026-03-22T00:00",
        name="not released, tolerance not configured",
    ),
    RuleCase(
        "national.document.interpretation_sync",
        doc(is_policy=True),
        "not_applicable",
        as_of="2026-03-22T00:00",
        name="not published yet",
    ),
    # 第五条 以公开为常态; 第十六条 请示报告等过程性信息可以不予公开
    RuleCase(
        "national.document.default_attribute",
        doc(doc_type="请示", disclosure="不公开"),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="请示 not public",
    ),
    RuleCase(
        "national.document.default_attribute",
        doc(doc_type="请示", disclosure_marking="此件公开发布"),
        "violated",
        as_of="2026-03-03T00:00",
        name="请示 marked 公开发布",
    ),
    RuleCase(
        "national.document.default_attribute",
        doc(doc_type="报告", disclosure="公开发布"),
        "violated",
        as_of="2026-03-03T00:00",
        name="报告 marked public",
    ),
    RuleCase(
        "national.document.default_attribute",
        doc(doc_type="纪要", disclosure="公开发布"),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="纪要 public: no text makes it 依申请公开 by default",
    ),
    RuleCase(
        "national.document.default_attribute",
        doc(doc_type="通知", disclosure="公开发布"),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="通知 public",
    ),
    RuleCase(
        "national.document.default_attribute",
        doc(doc_type="通知", disclosure="不公开"),
        "violated",
        as_of="2026-03-03T00:00",
        name="通知 withheld differs from default",
    ),
    RuleCase(
        "national.document.default_attribute",
        doc(doc_type="通知"),
        "not_applicable",
        as_of="2026-03-03T00:00",
        name="no attribute yet",
    ),
]

# ------------------------------------------------------------------------------ requests

RECEIVE = ev("receive", "2026-09-30T10:00")  # a Wednesday; due 2026-11-03 (20 WD)
APPROVED = {
    "by": "20个工作日",
    "approver": "政府信息公开工作机构负责人",
    "notice": "书面告知申请人",
}

REQUEST_CASES: list[RuleCase] = [
    # 第三十三条：自收到申请之日起20个工作日内予以答复
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("reply", "2026-11-03T17:00")),
        "satisfied",
        as_of="2026-11-10T00:00",
        name="Wed 09-30 replied on the 20th WD 11-03",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("reply", "2026-11-04T09:00")),
        "violated",
        as_of="2026-11-10T00:00",
        name="replied 11-04",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE),
        "overdue",
        as_of="2026-11-04T00:00",
        name="no reply after 11-03",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE),
        "pending",
        as_of="2026-11-03T23:59",
        name="running on the last day",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(),
        "not_applicable",
        as_of="2026-11-03T00:00",
        name="not received",
    ),
    # 第三十条：答复期限自行政机关收到补正的申请之日起计算
    RuleCase(
        "national.request.reply_20wd",
        req(
            RECEIVE,
            ev("request_correction", "2026-10-09T10:00", items=["所需信息名称"]),
            ev("receive_correction", "2026-10-12T10:00"),
            ev("reply", "2026-11-09T16:00"),
        ),
        "satisfied",
        as_of="2026-11-20T00:00",
        name="correction restarts: 20 WD from 10-12",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(
            RECEIVE,
            ev("request_correction", "2026-10-09T10:00"),
            ev("receive_correction", "2026-10-12T10:00"),
            ev("reply", "2026-11-10T09:00"),
        ),
        "violated",
        as_of="2026-11-20T00:00",
        name="correction restarts: late on 11-10",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("request_correction", "2026-10-09T10:00")),
        "pending",
        as_of="2026-11-20T00:00",
        name="waiting for the correction: paused",
    ),
    # 第三十二条：征求第三方意见所需时间不计算在期限内
    RuleCase(
        "national.request.reply_20wd",
        req(
            RECEIVE,
            ev("consult_third_party", "2026-10-09T10:00"),
            ev("third_party_replied", "2026-10-20T10:00"),
            ev("reply", "2026-11-13T16:00"),
        ),
        "satisfied",
        as_of="2026-11-20T00:00",
        name="third party pauses 8 WD",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(
            RECEIVE,
            ev("consult_third_party", "2026-10-09T10:00"),
            ev("third_party_replied", "2026-10-20T10:00"),
            ev("reply", "2026-11-16T09:00"),
        ),
        "violated",
        as_of="2026-11-20T00:00",
        name="third party pause, still late",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(
            RECEIVE,
            ev("consult_co_producer", "2026-10-09T10:00"),
            ev("co_producer_replied", "2026-10-20T10:00"),
            ev("reply", "2026-11-13T16:00"),
        ),
        "satisfied",
        as_of="2026-11-20T00:00",
        name="co-producer consultation pauses",
    ),
    # 第三十三条：延长……应当经……负责人同意并告知申请人，延长的期限最长不得超过20个工作日
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("extend", "2026-10-30T10:00", **APPROVED), ev("reply", "2026-12-01T16:00")),
        "satisfied",
        as_of="2026-12-10T00:00",
        name="extended 20 WD: due 12-01",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("extend", "2026-10-30T10:00", **APPROVED), ev("reply", "2026-12-02T09:00")),
        "violated",
        as_of="2026-12-10T00:00",
        name="extended, replied 12-02",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(
            RECEIVE,
            ev("extend", "2026-10-30T10:00", **{**APPROVED, "by": "10个工作日"}),
            ev("reply", "2026-11-17T16:00"),
        ),
        "satisfied",
        as_of="2026-12-10T00:00",
        name="extended 10 WD: due 11-17",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(
            RECEIVE,
            ev("extend", "2026-10-20T10:00", **{**APPROVED, "by": "10个工作日"}),
            ev("extend", "2026-10-30T10:00", **{**APPROVED, "by": "10个工作日"}),
        ),
        "violated",
        as_of="2026-11-05T00:00",
        name="second extension",
    ),
    # 第三十三条第二款: an unrecorded approval is its own finding; the due day still moves
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("extend", "2026-10-30T10:00", by="20个工作日", notice="已告知")),
        "pending",
        as_of="2026-11-05T00:00",
        name="extension without approver: still extended",
    ),
    RuleCase(
        "national.request.extension_approved",
        req(RECEIVE, ev("extend", "2026-10-30T10:00", by="20个工作日", notice="已告知")),
        "violated",
        as_of="2026-11-05T00:00",
        name="extension without approver",
    ),
    RuleCase(
        "national.request.extension_approved",
        req(RECEIVE, ev("extend", "2026-10-30T10:00", by="20个工作日", approver="主任")),
        "violated",
        as_of="2026-11-05T00:00",
        name="extension without notice",
    ),
    RuleCase(
        "national.request.extension_approved",
        req(RECEIVE, ev("extend", "2026-10-30T10:00", **APPROVED)),
        "satisfied",
        as_of="2026-11-05T00:00",
        name="approved and notified",
    ),
    RuleCase(
        "national.request.extension_approved",
        req(RECEIVE),
        "not_applicable",
        as_of="2026-11-05T00:00",
        name="not extended",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("extend", "2026-10-30T10:00", **{**APPROVED, "by": "25个工作日"})),
        "violated",
        as_of="2026-11-05T00:00",
        name="extension longer than 20 WD",
    ),
    # events after as_of are ignored
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("reply", "2026-10-20T10:00")),
        "pending",
        as_of="2026-10-15T00:00",
        name="reply after as_of is ignored",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("reply", "2026-11-05T10:00")),
        "overdue",
        as_of="2026-11-04T09:00",
        name="late reply after as_of: overdue not violated",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(RECEIVE, ev("extend", "2026-10-30T10:00", **APPROVED)),
        "pending",
        as_of="2026-10-29T00:00",
        name="extension after as_of is ignored",
    ),
    # the 2007 rule governs requests received 2008-05-01 … 2019-05-14
    RuleCase(
        "national.request.reply_20wd",
        req(ev("receive", "2018-06-01T10:00"), ev("reply", "2018-06-25T16:00")),
        "not_applicable",
        as_of="2018-07-10T00:00",
        name="2018 request runs under 2007",
    ),
    RuleCase(
        "national.request.reply_15wd_2007",
        req(ev("receive", "2018-06-01T10:00"), ev("reply", "2018-06-25T16:00")),
        "satisfied",
        as_of="2018-07-10T00:00",
        name="15 WD across Dragon Boat: due 06-25",
    ),
    RuleCase(
        "national.request.reply_15wd_2007",
        req(ev("receive", "2018-06-01T10:00"), ev("reply", "2018-06-26T09:00")),
        "violated",
        as_of="2018-07-10T00:00",
        name="replied 06-26",
    ),
    RuleCase(
        "national.request.reply_15wd_2007",
        req(ev("receive", "2018-06-01T10:00")),
        "overdue",
        as_of="2018-06-26T00:00",
        name="no reply",
    ),
    RuleCase(
        "national.request.reply_15wd_2007",
        req(
            ev("receive", "2018-06-01T10:00"),
            ev("extend", "2018-06-20T10:00", by="15个工作日", approver="主任", notice="已告知"),
            ev("reply", "2018-07-16T16:00"),
        ),
        "satisfied",
        as_of="2018-07-20T00:00",
        name="extended 15 WD: due 07-16",
    ),
    RuleCase(
        "national.request.reply_15wd_2007",
        req(
            ev("receive", "2018-06-01T10:00"),
            ev("extend", "2018-06-20T10:00", by="20个工作日", approver="主任", notice="已告知"),
        ),
        "violated",
        as_of="2018-06-21T00:00",
        name="2007 extension limited to 15 WD",
    ),
    RuleCase(
        "national.request.reply_15wd_2007",
        req(ev("receive", "2019-05-14T10:00"), ev("reply", "2019-06-04T16:00")),
        "satisfied",
        as_of="2019-06-10T00:00",
        name="received on the last 2007 day",
    ),
    RuleCase(
        "national.request.reply_15wd_2007",
        req(ev("receive", "2019-05-15T10:00"), ev("reply", "2019-06-04T16:00")),
        "not_applicable",
        as_of="2019-06-10T00:00",
        name="received under the 2019 text",
    ),
    RuleCase(
        "national.request.reply_20wd",
        req(ev("receive", "2019-05-15T10:00"), ev("reply", "2019-06-04T16:00")),
        "satisfied",
        as_of="2019-06-10T00:00",
        name="first day of the 2019 text",
    ),
    # 第三十条：自收到申请之日起7个工作日内一次性告知
    RuleCase(
        "national.request.correction_notice_7wd",
        req(RECEIVE, ev("request_correction", "2026-10-15T16:00")),
        "satisfied",
        as_of="2026-10-20T00:00",
        name="7th WD after National Day",
    ),
    RuleCase(
        "national.request.correction_notice_7wd",
        req(RECEIVE, ev("request_correction", "2026-10-16T09:00")),
        "violated",
        as_of="2026-10-20T00:00",
        name="8th WD",
    ),
    RuleCase(
        "national.request.correction_notice_7wd",
        req(RECEIVE),
        "not_applicable",
        as_of="2026-10-20T00:00",
        name="no correction needed",
    ),
    RuleCase(
        "national.request.correction_notice_7wd",
        req(ev("receive", "2018-06-01T10:00"), ev("request_correction", "2018-06-20T10:00")),
        "not_applicable",
        as_of="2018-06-21T00:00",
        name="2007 text has no 7 WD rule",
    ),
    RuleCase(
        "national.request.correction_once",
        req(RECEIVE, ev("request_correction", "2026-10-09T10:00")),
        "satisfied",
        as_of="2026-10-20T00:00",
        name="one notice",
    ),
    RuleCase(
        "national.request.correction_once",
        req(
            RECEIVE,
            ev("request_correction", "2026-10-09T10:00"),
            ev("receive_correction", "2026-10-12T10:00"),
            ev("request_correction", "2026-10-14T10:00"),
        ),
        "violated",
        as_of="2026-10-20T00:00",
        name="second notice",
    ),
    RuleCase(
        "national.request.correction_once",
        req(
            RECEIVE,
            ev("request_correction", "2026-10-09T10:00"),
            ev("request_correction", "2026-10-14T10:00"),
        ),
        "satisfied",
        as_of="2026-10-13T00:00",
        name="second notice after as_of ignored",
    ),
    # 第三十二条：第三方应当自收到征求意见书之日起15个工作日内提出意见
    RuleCase(
        "national.request.third_party_15wd",
        req(
            RECEIVE,
            ev("consult_third_party", "2026-10-09T10:00"),
            ev("third_party_received", "2026-10-09T15:00"),
            ev("third_party_replied", "2026-10-29T16:00"),
        ),
        "satisfied",
        as_of="2026-11-05T00:00",
        name="opinion on the 15th WD",
    ),
    RuleCase(
        "national.request.third_party_15wd",
        req(
            RECEIVE,
            ev("consult_third_party", "2026-10-09T10:00"),
            ev("third_party_received", "2026-10-09T15:00"),
            ev("third_party_replied", "2026-10-30T09:00"),
        ),
        "violated",
        as_of="2026-11-05T00:00",
        name="opinion on the 16th WD",
    ),
    RuleCase(
        "national.request.third_party_15wd",
        req(
            RECEIVE,
            ev("consult_third_party", "2026-10-09T10:00"),
            ev("third_party_received", "2026-10-09T15:00"),
        ),
        "overdue",
        as_of="2026-10-30T00:00",
        name="silent third party",
    ),
    # 第三十四条：被征求意见机关应当自收到征求意见书之日起15个工作日内提出意见
    RuleCase(
        "national.request.co_producer_15wd",
        req(
            RECEIVE,
            ev("consult_co_producer", "2026-10-09T10:00"),
            ev("co_producer_received", "2026-10-09T15:00"),
            ev("co_producer_replied", "2026-10-29T16:00"),
        ),
        "satisfied",
        as_of="2026-11-05T00:00",
        name="opinion on the 15th WD",
    ),
    RuleCase(
        "national.request.co_producer_15wd",
        req(
            RECEIVE,
            ev("consult_co_producer", "2026-10-09T10:00"),
            ev("co_producer_received", "2026-10-09T15:00"),
        ),
        "overdue",
        as_of="2026-10-30T00:00",
        name="silent: 视为同意公开",
    ),
    # 第三十六条
    RuleCase(
        "national.request.reply_type",
        req(RECEIVE, ev("reply", "2026-10-20T10:00")),
        "violated",
        as_of="2026-10-21T00:00",
        name="no reply type",
    ),
    RuleCase(
        "national.request.reply_type",
        req(RECEIVE, ev("reply", "2026-10-20T10:00"), reply_type="予以公开"),
        "satisfied",
        as_of="2026-10-21T00:00",
        name="disclosed",
    ),
    RuleCase(
        "national.request.reply_type",
        req(RECEIVE),
        "not_applicable",
        as_of="2026-10-21T00:00",
        name="not replied yet",
    ),
    RuleCase(
        "national.request.withhold_reason",
        req(RECEIVE, reply_type="不予公开"),
        "violated",
        as_of="2026-10-21T00:00",
        name="refusal without ground",
    ),
    RuleCase(
        "national.request.withhold_reason",
        req(RECEIVE, reply_type="不予公开", withhold_ground="商业秘密个人隐私"),
        "violated",
        as_of="2026-10-21T00:00",
        name="ground without reason",
    ),
    RuleCase(
        "national.request.withhold_reason",
        req(
            RECEIVE,
            reply_type="不予公开",
            withhold_ground="商业秘密个人隐私",
            withhold_reason="涉及第三方商业秘密，第三方不同意公开",
        ),
        "satisfied",
        as_of="2026-10-21T00:00",
        name="ground and reason",
    ),
    RuleCase(
        "national.request.already_public_where",
        req(RECEIVE, reply_type="已公开"),
        "violated",
        as_of="2026-10-21T00:00",
        name="no location",
    ),
    RuleCase(
        "national.request.already_public_where",
        req(RECEIVE, reply_type="已公开", reply_location="市政府门户网站政府信息公开专栏"),
        "satisfied",
        as_of="2026-10-21T00:00",
        name="location given",
    ),
    RuleCase(
        "national.request.not_ours_names_agency",
        req(RECEIVE, reply_type="非本机关负责公开"),
        "violated",
        as_of="2026-10-21T00:00",
        name="agency not named",
    ),
    RuleCase(
        "national.request.not_ours_names_agency",
        req(RECEIVE, reply_type="非本机关负责公开", right_agency="市自然资源和规划局"),
        "satisfied",
        as_of="2026-10-21T00:00",
        name="agency named",
    ),
]

# ------------------------------------------------------------------------------ incidents

MAJOR = {"is_emergency": True, "level": "重大"}
DETECT = ev("detect", "2026-03-10T22:00")  # 5 h -> 03:00, 24 h -> 22:00 next day, 48 h -> 03-12

INCIDENT_CASES: list[RuleCase] = [
    # 80号：最迟要在5小时内发布权威信息
    RuleCase(
        "national.incident.authoritative_info_5h",
        inc(DETECT, ev("release_information", "2026-03-11T02:59"), **MAJOR),
        "satisfied",
        as_of="2026-03-11T06:00",
        name="released 02:59 after midnight",
    ),
    RuleCase(
        "national.incident.authoritative_info_5h",
        inc(DETECT, ev("release_information", "2026-03-11T03:01"), **MAJOR),
        "violated",
        as_of="2026-03-11T06:00",
        name="released 03:01",
    ),
    RuleCase(
        "national.incident.authoritative_info_5h",
        inc(DETECT, **MAJOR),
        "overdue",
        as_of="2026-03-11T03:30",
        name="nothing released by 03:30",
    ),
    RuleCase(
        "national.incident.authoritative_info_5h",
        inc(
            DETECT,
            ev("release_information", "2026-03-11T02:00"),
            is_emergency=True,
            level="特别重大",
        ),
        "pending",
        as_of="2026-03-11T01:00",
        name="release after as_of is ignored",
    ),
    RuleCase(
        "national.incident.authoritative_info_5h",
        inc(DETECT, is_emergency=True, level="较大"),
        "not_applicable",
        as_of="2026-03-11T06:00",
        name="较大 has no 5 h clock",
    ),
    # 61号：最迟应在24小时内举行新闻发布会
    RuleCase(
        "national.incident.press_conference_24h",
        inc(DETECT, ev("hold_press_conference", "2026-03-11T21:59"), **MAJOR),
        "satisfied",
        as_of="2026-03-12T00:00",
        name="held 21:59 next day",
    ),
    RuleCase(
        "national.incident.press_conference_24h",
        inc(DETECT, ev("hold_press_conference", "2026-03-11T22:01"), **MAJOR),
        "violated",
        as_of="2026-03-12T00:00",
        name="held 22:01 next day",
    ),
    RuleCase(
        "national.incident.press_conference_24h",
        inc(DETECT, **MAJOR),
        "overdue",
        as_of="2026-03-11T22:30",
        name="no press conference",
    ),
    RuleCase(
        "national.incident.press_conference_24h",
        inc(DETECT, **MAJOR),
        "pending",
        as_of="2026-03-11T21:30",
        name="still within 24 h",
    ),
    # 61号：对其他政务舆情应在48小时内予以回应 (wall clock, holidays included)
    RuleCase(
        "national.incident.other_response_48h",
        inc(DETECT, ev("respond", "2026-03-12T21:30")),
        "satisfied",
        as_of="2026-03-13T00:00",
        name="responded within 48 h",
    ),
    RuleCase(
        "national.incident.other_response_48h",
        inc(DETECT, ev("release_information", "2026-03-12T22:30"), is_emergency=True, level="一般"),
        "violated",
        as_of="2026-03-13T00:00",
        name="ordinary emergency answered late",
    ),
    RuleCase(
        "national.incident.other_response_48h",
        inc(DETECT),
        "overdue",
        as_of="2026-03-12T22:01",
        name="no response after 48 h",
    ),
    RuleCase(
        "national.incident.other_response_48h",
        inc(ev("detect", "2026-09-30T20:00"), ev("respond", "2026-10-02T19:00")),
        "satisfied",
        as_of="2026-10-08T00:00",
        name="over National Day, in time",
    ),
    RuleCase(
        "national.incident.other_response_48h",
        inc(ev("detect", "2026-09-30T20:00"), ev("respond", "2026-10-02T21:00")),
        "violated",
        as_of="2026-10-08T00:00",
        name="holidays do not stop hour clocks",
    ),
    RuleCase(
        "national.incident.other_response_48h",
        inc(DETECT, **MAJOR),
        "not_applicable",
        as_of="2026-03-13T00:00",
        name="major emergencies have the 5 h / 24 h clocks",
    ),
    RuleCase(
        "national.incident.other_response_48h",
        inc(DETECT, ev("respond", "2026-03-12T23:00")),
        "pending",
        as_of="2026-03-12T21:00",
        name="late response after as_of is ignored",
    ),
]

# ------------------------------------------------------------------------------ agencies


def agency(level: str, since: str, *events: dict[str, Any]) -> dict[str, Any]:
    """An agency record whose duties are judged from ``since``."""
    return {"kind": "agency", "level": level, "since": since, "history": list(events)}


def report(day: str, year: int) -> dict[str, Any]:
    """The annual report for ``year`` published on ``day``."""
    return ev("annual_report_published", f"{day}T10:00", year=year)


AGENCY_CASES: list[RuleCase] = [
    # 第四十九条：政府部门 1月31日前；政府 3月31日前
    RuleCase(
        "national.obligation.annual_report_dept",
        agency("政府部门", "2026-01-01", report("2026-01-30", 2025)),
        "satisfied",
        as_of="2026-02-05T00:00",
        name="department report 01-30",
    ),
    RuleCase(
        "national.obligation.annual_report_dept",
        agency("政府部门", "2026-01-01"),
        "violated",
        as_of="2026-02-05T00:00",
        name="department report missing",
    ),
    RuleCase(
        "national.obligation.annual_report_dept",
        agency("人民政府", "2026-01-01"),
        "not_applicable",
        as_of="2026-02-05T00:00",
        name="a government has until 03-31",
    ),
    RuleCase(
        "national.obligation.annual_report_gov",
        agency("人民政府", "2026-01-01", report("2026-03-31", 2025)),
        "satisfied",
        as_of="2026-04-05T00:00",
        name="government report 03-31",
    ),
    RuleCase(
        "national.obligation.annual_report_gov",
        agency("人民政府", "2026-01-01", report("2026-04-02", 2025)),
        "violated",
        as_of="2026-04-05T00:00",
        name="government report 04-02",
    ),
    RuleCase(
        "national.obligation.annual_report_gov",
        agency("人民政府", "2026-01-01", report("2026-03-20", 2025)),
        "pending",
        as_of="2026-03-19T00:00",
        name="report after as_of is ignored: still due",
    ),
    # 2007年条例第三十一条：每年3月31日前
    RuleCase(
        "national.obligation.annual_report_2007",
        agency("人民政府", "2018-01-01", report("2018-03-20", 2017)),
        "satisfied",
        as_of="2018-04-05T00:00",
        name="2018 report 03-20",
    ),
    RuleCase(
        "national.obligation.annual_report_2007",
        agency("政府部门", "2018-01-01"),
        "violated",
        as_of="2018-04-05T00:00",
        name="2018 report missing",
    ),
]

CASES: list[RuleCase] = DOCUMENT_CASES + REQUEST_CASES + INCIDENT_CASES + AGENCY_CASES


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


# ------------------------------------------------------------------------------ due instants

DUE: list[tuple[RuleCase, datetime]] = [
    (
        RuleCase(
            "national.request.reply_20wd",
            req(RECEIVE, ev("reply", "2026-11-03T17:00")),
            "satisfied",
            as_of="2026-11-10T00:00",
            name="worked example",
        ),
        end_of("2026-11-03"),
    ),
    (
        RuleCase(
            "national.request.reply_20wd",
            req(RECEIVE),
            "pending",
            as_of="2026-10-10T12:00",
            name="running",
        ),
        end_of("2026-11-03"),
    ),
    (
        RuleCase(
            "national.request.reply_20wd",
            req(
                RECEIVE,
                ev("request_correction", "2026-10-09T10:00"),
                ev("receive_correction", "2026-10-12T10:00"),
            ),
            "pending",
            as_of="2026-10-20T00:00",
            name="restarted from the corrected request",
        ),
        end_of("2026-11-09"),
    ),
    (
        RuleCase(
            "national.request.reply_20wd",
            req(
                RECEIVE,
                ev("consult_third_party", "2026-10-09T10:00"),
                ev("third_party_replied", "2026-10-20T10:00"),
            ),
            "pending",
            as_of="2026-10-21T00:00",
            name="paused 10-09..10-20",
        ),
        end_of("2026-11-13"),
    ),
    (
        RuleCase(
            "national.request.reply_20wd",
            req(RECEIVE, ev("extend", "2026-10-30T10:00", **APPROVED)),
            "pending",
            as_of="2026-11-04T00:00",
            name="extended once by 20 WD",
        ),
        end_of("2026-12-01"),
    ),
    (
        RuleCase(
            "national.request.reply_15wd_2007",
            req(ev("receive", "2018-06-01T10:00")),
            "pending",
            as_of="2018-06-05T00:00",
            name="2007 text",
        ),
        end_of("2018-06-25"),
    ),
    (
        RuleCase(
            "national.request.correction_notice_7wd",
            req(RECEIVE, ev("request_correction", "2026-10-15T16:00")),
            "satisfied",
            as_of="2026-10-20T00:00",
            name="7 WD",
        ),
        end_of("2026-10-15"),
    ),
    (
        RuleCase(
            "national.document.proactive_20wd",
            doc(ev("sign", "2026-02-10T10:00"), disclosure="公开发布"),
            "pending",
            as_of="2026-02-20T00:00",
            name="Spring Festival",
        ),
        end_of("2026-03-16"),
    ),
    (
        RuleCase(
            "national.incident.authoritative_info_5h",
            inc(DETECT, **MAJOR),
            "pending",
            as_of="2026-03-11T00:30",
            name="5 h across midnight",
        ),
        at("2026-03-11T03:00"),
    ),
    (
        RuleCase(
            "national.incident.press_conference_24h",
            inc(DETECT, **MAJOR),
            "pending",
            as_of="2026-03-11T00:30",
            name="24 h",
        ),
        at("2026-03-11T22:00"),
    ),
    (
        RuleCase(
            "national.incident.other_response_48h",
            inc(DETECT),
            "pending",
            as_of="2026-03-11T00:30",
            name="48 h",
        ),
        at("2026-03-12T22:00"),
    ),
    (
        RuleCase(
            "national.incident.other_response_48h",
            inc(ev("detect", "2026-09-30T20:00")),
            "pending",
            as_of="2026-10-01T00:30",
            name="48 h over a holiday",
        ),
        at("2026-10-02T20:00"),
    ),
]


@pytest.mark.parametrize(("case", "due"), DUE, ids=[c.label for c, _ in DUE])
def test_due_at(case: RuleCase, due: datetime) -> None:
    assert run_case(case).due_at == due


# ------------------------------------------------------------------------------ details


def test_extension_errors_name_the_fault() -> None:
    second = run_case(
        RuleCase(
            "national.request.reply_20wd",
            req(
                RECEIVE,
                ev("extend", "2026-10-20T10:00", **{**APPROVED, "by": "10个工作日"}),
                ev("extend", "2026-10-30T10:00", **{**APPROVED, "by": "10个工作日"}),
            ),
            "violated",
            as_of="2026-11-05T00:00",
        )
    )
    assert "延长一次" in second.message
    unapproved = run_case(
        RuleCase(
            "national.request.extension_approved",
            req(RECEIVE, ev("extend", "2026-10-30T10:00", by="20个工作日", notice="已告知")),
            "violated",
            as_of="2026-11-05T00:00",
        )
    )
    assert "批准人" in unapproved.message


def test_check_messages_name_the_fields() -> None:
    finding = run_case(
        RuleCase(
            "national.document.nonpublic_reason",
            doc(SUBMIT, disclosure="不公开"),
            "violated",
            as_of="2026-03-03T00:00",
        )
    )
    assert "nondisclosure_reason" in finding.message
    assert finding.evidence["nondisclosure_ground"] is None
    table = run_case(
        RuleCase(
            "national.document.default_attribute",
            doc(doc_type="请示", disclosure_marking="此件公开发布"),
            "violated",
            as_of="2026-03-03T00:00",
        )
    )
    assert "不公开" in table.message and table.severity.value == "info"


def test_2018_request_runs_under_the_2007_text_only() -> None:
    record = req(ev("receive", "2018-06-01T10:00"), ev("reply", "2018-06-25T16:00"))
    from gongkai.models import load_record

    report = load_pack("national").check(load_record(record), at("2018-07-10T00:00"))
    statuses = {f.rule_id: f.status.value for f in report.findings}
    assert statuses["national.request.reply_20wd"] == "not_applicable"
    assert statuses["national.request.reply_15wd_2007"] == "satisfied"
    assert statuses["national.request.correction_notice_7wd"] == "not_applicable"


def test_extension_after_the_due_date_is_refused() -> None:
    run_case(
        RuleCase(
            "national.request.reply_20wd",
            req(
                RECEIVE,
                ev("extend", "2026-11-05T10:00", **APPROVED),
                ev("reply", "2026-11-20T10:00"),
            ),
            "violated",
            as_of="2026-12-10T00:00",
        )
    )
