"""The meeting workflow: 议题 → 会议方案 → 报批 → (决策前公开) → 召开 → 议定事项公开 → 解读."""

from __future__ import annotations

from enum import Enum

from gongkai.models import Meeting
from gongkai.workflows.base import Step, Workflow, WorkflowMachine


class MeetingState(str, Enum):
    """Where a meeting stands."""

    NEW = "新建"
    TOPIC_PROPOSED = "议题已提出"
    PLAN_DRAFTED = "会议方案已拟定"
    PLAN_SUBMITTED = "会议方案已报批"
    PLAN_APPROVED = "会议方案已批准"
    HELD = "已召开"
    DECIDED = "已作出决策"
    PUBLISHED = "议定事项已公开"
    INTERPRETED = "已解读"


#: Before the meeting is held: steps that prepare a decision may come at any of these.
_BEFORE_HELD = ("TOPIC_PROPOSED", "PLAN_DRAFTED", "PLAN_SUBMITTED", "PLAN_APPROVED")

STEPS = (
    Step("propose_topic", ("NEW",), "TOPIC_PROPOSED", zh="提出议题"),
    Step("draft_plan", ("TOPIC_PROPOSED", "PLAN_DRAFTED"), "PLAN_DRAFTED", zh="拟定会议方案"),
    Step("submit_plan", ("PLAN_DRAFTED",), "PLAN_SUBMITTED", zh="会议方案报批"),
    Step("approve_plan", ("PLAN_SUBMITTED",), "PLAN_APPROVED", zh="会议方案批准"),
    Step("pre_disclose", _BEFORE_HELD, None, zh="决策前公开草案"),
    Step("consult_public", _BEFORE_HELD, None, zh="征求公众意见"),
    Step("consult_experts", _BEFORE_HELD, None, zh="专家论证"),
    Step("assess_risk", _BEFORE_HELD, None, zh="风险评估"),
    Step("review_legality", _BEFORE_HELD, None, zh="合法性审查"),
    Step("assess_opinion_risk", _BEFORE_HELD, None, zh="舆情风险评估"),
    Step("hold", ("PLAN_APPROVED",), "HELD", zh="召开会议"),
    Step("stream_live", ("PLAN_APPROVED", "HELD"), None, zh="直播"),
    Step("decide", ("HELD",), "DECIDED", zh="作出决策"),
    Step("publish_decisions", ("DECIDED",), "PUBLISHED", zh="公开议定事项"),
    Step("publish_adoption", ("DECIDED", "PUBLISHED", "INTERPRETED"), None, zh="公布采纳情况"),
    Step("interpret", ("PUBLISHED",), "INTERPRETED", zh="解读"),
)

MEETING_MACHINE = WorkflowMachine(
    "meeting", Meeting, MeetingState, MeetingState.NEW, STEPS, final=(MeetingState.INTERPRETED,)
)


class MeetingWorkflow(Workflow[Meeting]):
    """A meeting driven from its topic to the interpretation of its decisions."""

    __slots__ = ()
    definition = MEETING_MACHINE
