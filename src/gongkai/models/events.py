"""The event names each record kind knows: one registry for records, packs, workflows and
the JSON Schema (``docs/events.md`` describes each event; a test keeps the two equal)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["EVENTS", "event_names", "unknown_event"]

#: kind -> event name -> its Chinese meaning.
EVENTS: dict[str, dict[str, str]] = {
    "document": {
        "draft": "拟稿",
        "set_attribute": "公开属性认定",
        "submit": "报送（送审、报批）",
        "review": "核稿（主办科室审核）",
        "return": "退文",
        "sign": "签发（成文日期）",
        "issue": "印发",
        "secrecy_review": "保密审查",
        "publish": "公开发布（上网公开）",
        "release_interpretation": "发布解读材料",
        "hold_briefing": "召开吹风会",
        "hold_press_conference": "召开新闻发布会",
        "post_platforms": "在各平台（门户网站、新媒体）发布",
        "enter_catalogue": "编入依申请公开目录",
        "repost": "转载上级政策文件",
        "confirm_with_agencies": "公开前与涉及的其他行政机关沟通确认（四川）",
        "publish_gazette": "刊登政府公报",
        "withdraw": "撤回",
        "repeal": "失效、废止",
        "clean_up": "清理",
    },
    "meeting": {
        "propose_topic": "提出议题",
        "draft_plan": "拟定会议方案",
        "submit_plan": "会议方案报批",
        "approve_plan": "会议方案批准",
        "pre_disclose": "决策前公开决策草案及依据",
        "consult_public": "征求公众意见",
        "consult_experts": "专家论证",
        "assess_risk": "风险评估（社会稳定、公共安全等）",
        "review_legality": "合法性审查",
        "assess_opinion_risk": "舆情风险评估",
        "hold": "召开会议",
        "stream_live": "直播",
        "decide": "作出决策（议定事项）",
        "publish_decisions": "公开议定事项和相关文件",
        "publish_adoption": "公布意见采纳情况",
        "interpret": "解读会议精神",
    },
    "request": {
        "submit": "申请人提交申请",
        "receive": "收到申请（条例第三十一条确定的收到之日）",
        "sign_receipt": "行政机关签收邮寄的申请",
        "confirm_receipt": "与申请人确认收到申请（平常信函、网络、传真）",
        "register": "登记",
        "request_correction": "一次性告知补正（2007年条例：告知作出更改、补充）",
        "receive_correction": "收到补正后的申请（期限重新计算）",
        "abandon": "视为放弃申请",
        "consult_third_party": "书面征求第三方意见（发出征求意见书）",
        "third_party_received": "第三方收到征求意见书",
        "third_party_replied": "第三方提出意见",
        "third_party_silent": "第三方逾期未提出意见（gongkai 推导，勿记录）",
        "consult_co_producer": "征求共同制作机关意见（发出征求意见书）",
        "co_producer_received": "被征求意见机关收到征求意见书",
        "co_producer_replied": "共同制作机关答复",
        "co_producer_silent": "被征求意见机关逾期未提出意见，视为同意公开（gongkai 推导，勿记录）",
        "extend": "延长答复期限",
        "confirm_with_agencies": "答复前与涉及的其他行政机关会商协调（四川）",
        "reply": "作出答复（答复书落款、签发之时）",
        "serve": "送达答复",
        "publish_proactively": "通过主动公开渠道公开答复所涉信息（四川：答复的同时）",
        "archive": "归档",
    },
    "incident": {
        "detect": "发现舆情、事件发生",
        "assess": "研判（确定级别）",
        "determine": "市委、市政府确定为重大舆情（邢台）",
        "notify": "通知新闻办、应急办通知",
        "confirm_with_agencies": "发布前与涉及的其他行政机关沟通确认",
        "approve_release": "领导审核把关：发布前审核（富阳、北岸）",
        "report_same_level": "向本级机关报送政务舆情信息（富阳、北岸）",
        "report_higher_level": "向上级机关报送政务舆情信息（富阳、北岸）",
        "release_information": "发布权威信息",
        "hold_press_conference": "举行新闻发布会",
        "respond": "回应",
        "update": "持续发布进展",
        "close": "结束",
    },
    "agency": {
        "annual_report_published": "公布政府信息公开工作年度报告",
        "head_report_heard": "主要负责人听取政务公开工作汇报",
        "training_held": "举办政务公开业务培训",
        "press_conference_held": "召开新闻发布会",
        "head_attended_press_conference": "主要负责人出席新闻发布会",
        "self_check_done": "不予公开信息全面自查",
        "inspection_held": "专项督查",
        "workpoints_issued": "印发政务公开工作要点",
        "open_day_held": "政府开放日",
        "evaluation_held": "测评、评估",
        "campaign_held": "宣传活动",
        "head_interpreted_policy": "负责人解读政策",
        "spot_check_held": "政府办公厅（室）年底抽查",
        "staff_rotation_completed": "政务公开工作人员轮训一遍完成",
        "interpretation_plan_made": "制定下月政策解读内容",
        "policy_interpretation_held": "政策解读日开展一次政策主题解读",
        "joint_meeting_held": "召开政务公开联席会议（集中会商）",
        "catalogue_compiled": "编制完成主动公开基本目录／政务公开（标准）目录",
        "catalogue_published": "公开政务公开事项标准目录",
        "catalogue_revised": "标准目录调整完善、查漏补缺、优化升级",
        "workpoints_progress_reported": "年度报告中公开工作要点落实情况",
        "new_media_register_built": "建立政务新媒体“账号、主体、责任人”清单",
        "new_media_list_filed": "政务新媒体核查名单报备案",
        "court_hearing_observed": "组织法院庭审现场观摩活动",
        "work_plan_issued": "出台工作方案或细则",
        "village_lists_established": "指导村（居）委会建立公开事项清单",
        "website_checklist_completed": "完成网站规范化清单（基本信息表、标签、索引号、标识、域名、IPv6）",
        "website_integrated": "网站完成集约化（统一平台）",
        "gazette_database_built": "建成政府公报历史数据库",
        "attendance_system_established": "建立健全利益相关方、公众代表、专家、媒体等列席政府有关会议的制度",
        "opinion_contacts_designated": "明确政务舆情协调部门及责任人、联络人和承办人",
        "normative_collection_published": "集中统一对外公开现行有效的政府规章和行政规范性文件",
        "licence_catalogue_version_published": "发布行政许可事项目录年度版本",
        "negative_list_established": "建立政务公开负面清单制度",
        "files_cleaned_up_since_2008": "完成2008年以来的文件清理公开",
        "files_cleaned_up_since_2000": "完成2000年以来的文件清理公开",
        "information_inventoried_since_2016": "完成2016年以来的政府信息梳理",
        "information_inventoried_since_2008": "完成2008年以来的政府信息梳理",
        "information_inventoried_since_2005": "完成2005年以来的政府信息梳理",
        "secrecy_coordination_established": "建立政府信息公开与保密工作沟通协作机制",
        "new_media_platform_built": "建成政务新媒体统一监管平台",
    },
    "message": {
        "receive": "收到留言",
        "extend": "情况复杂，延长反馈期限（安徽：可延长至15个工作日）",
        "reply": "反馈处理意见、予以答复",
        "explain": "无法办理的，予以解释说明",
    },
}


def event_names(kind: str) -> tuple[str, ...]:
    """The event names a record of ``kind`` knows, sorted (empty for an unknown kind)."""
    return tuple(sorted(EVENTS.get(kind, {})))


def unknown_event(kind: str, names: Iterable[str]) -> tuple[int, str, str] | None:
    """The first name a ``kind`` record does not know, as (index, zh, en) messages, or None
    (also for a kind without a registry: a record class defined outside gongkai)."""
    known = EVENTS.get(kind)
    if known is None:
        return None
    for index, name in enumerate(names):
        if name not in known:
            listed = ", ".join(event_names(kind))
            return (
                index,
                f"{kind} 记录没有事件 {name!r}（可用：{listed}）",
                f"a {kind} record has no event {name!r} (known: {listed})",
            )
    return None
