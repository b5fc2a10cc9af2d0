"""``Meeting``: a government meeting, its plan, and the disclosure facts around its decisions."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from gongkai.models.base import Record
from gongkai.models.vocab import MeetingKind


class MeetingPlan(BaseModel):
    """会议方案: what it states about attendance and openness."""

    model_config = ConfigDict(extra="forbid")

    states_attendance: bool = False  #: says whether 利益相关方 etc. are invited to 列席
    states_openness: bool = False  #: says whether the meeting is public
    openness_manner: str | None = None  #: how it is made public (直播, 公众旁听 …)
    feedback_note_attached: bool = False  #: 意见采纳情况 of an earlier consultation attached


class Meeting(Record):
    """A meeting (会议) and the topics and decisions it handles."""

    kind: Literal["meeting"] = "meeting"
    title: str | None = None
    meeting_kind: MeetingKind | None = None
    major_livelihood: bool = False  #: a topic touching 重大民生 / 公众切身利益
    major_decision: bool = False  #: 重大行政决策 / 改革方案 / 重大政策 to be decided
    involves_secrets: bool = False  #: 涉密 or 依法不得公开
    public_interest: bool = False  #: of public interest (teleconference streaming)
    consulted_before: bool = False  #: the topic was put to public consultation earlier
    #: concentrated opinions of the consultation were not adopted (相对集中的意见建议不予采纳)
    opinions_rejected: bool = False
    #: the published adoption states why they were not adopted (公布时说明理由)
    rejection_reasons_given: bool = False
    plan: MeetingPlan | None = None
