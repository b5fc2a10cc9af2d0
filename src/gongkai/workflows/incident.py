"""The 政务舆情 / 突发事件 workflow: 发现 → 研判 → 发布权威信息 → 新闻发布会 → 回应、持续发布 → 结束.

Its clocks run on the wall clock from ``detect`` (国办发〔2016〕61号、80号): for
a 特别重大 or 重大 emergency, authoritative information within 5 hours and a
press conference within 24 hours; any other 政务舆情 answered within 48 hours.
The clocks are rules of the pack, read with :meth:`Workflow.check`; no event is
blocked for being late (a late response must still be given).

``assess`` decides the level: ``fire("assess", at, update={"level": "重大"})``;
the level is also written into the event's data, so the history says which
level was decided when. ``respond`` and ``update`` may repeat; ``determine``
and ``notify`` (邢台: 市委、市政府确定为重大舆情; 通知新闻办、应急办) are
recorded without changing the state.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any

from gongkai.models import Incident
from gongkai.workflows.base import Step, Workflow, WorkflowMachine


class IncidentState(str, Enum):
    """Where an incident stands."""

    NEW = "新建"
    DETECTED = "已发现"
    ASSESSED = "已研判"
    RELEASED = "已发布权威信息"
    BRIEFED = "已举行新闻发布会"
    RESPONDED = "已回应"
    CLOSED = "已结束"


_OPEN = ("DETECTED", "ASSESSED", "RELEASED", "BRIEFED", "RESPONDED")
_AFTER_ASSESS = ("ASSESSED", "RELEASED", "BRIEFED", "RESPONDED")

STEPS = (
    Step("detect", ("NEW",), "DETECTED", zh="发现舆情、事件发生"),
    Step("assess", ("DETECTED",), "ASSESSED", zh="研判（确定级别）"),
    Step("assess", _AFTER_ASSESS, None, zh="重新研判（调整级别）"),
    Step("determine", _OPEN, None, zh="市委、市政府确定为重大舆情"),
    Step("notify", _OPEN, None, zh="通知新闻办、应急办"),
    Step("approve_release", _OPEN, None, zh="领导审核把关（发布前）"),
    Step("confirm_with_agencies", _OPEN, None, zh="与涉及的其他机关沟通确认"),
    Step("report_same_level", _OPEN, None, zh="向本级机关报送舆情信息"),
    Step("report_higher_level", _OPEN, None, zh="向上级机关报送舆情信息"),
    Step("release_information", ("DETECTED", "ASSESSED"), "RELEASED", zh="发布权威信息"),
    Step("release_information", ("RELEASED", "BRIEFED", "RESPONDED"), None, zh="再次发布权威信息"),
    Step(
        "hold_press_conference",
        ("DETECTED", "ASSESSED", "RELEASED"),
        "BRIEFED",
        zh="举行新闻发布会",
    ),
    Step("hold_press_conference", ("BRIEFED", "RESPONDED"), None, zh="再次举行新闻发布会"),
    Step("respond", ("DETECTED", "ASSESSED", "RELEASED", "BRIEFED"), "RESPONDED", zh="回应"),
    Step("respond", ("RESPONDED",), None, zh="再次回应"),
    Step("update", ("RELEASED", "BRIEFED", "RESPONDED"), None, zh="持续发布进展"),
    Step("close", _AFTER_ASSESS, "CLOSED", zh="结束"),
)

INCIDENT_MACHINE = WorkflowMachine(
    "incident", Incident, IncidentState, IncidentState.NEW, STEPS, final=(IncidentState.CLOSED,)
)


class IncidentWorkflow(Workflow[Incident]):
    """An incident driven from detection to closing; see the module docstring."""

    __slots__ = ()
    definition = INCIDENT_MACHINE

    def _candidate(
        self,
        event: str,
        at: datetime,
        actor: str | None,
        update: Mapping[str, Any] | None,
        data: Mapping[str, Any],
    ) -> Incident:
        if event == "assess":
            # The level travels both ways: set on the record and kept in the event.
            update, data = dict(update or {}), dict(data)
            if "level" in update and "level" not in data:
                level = update["level"]
                data["level"] = level.value if isinstance(level, Enum) else level
            elif "level" in data and "level" not in update:
                update["level"] = data["level"]
        return super()._candidate(event, at, actor, update, data)
