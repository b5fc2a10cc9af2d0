"""Stages of a 公文 that exists only as a text: the workflow events a stage stands for.

A text read from a file has no history, so rules that apply "when the draft is
submitted" (``has_event('submit')``) would never apply to it. Judging a text *at a
stage* adds the events of the document workflow's main path up to that stage, all at
one instant, before the pack checks it: the same thing an OA does when it checks a
draft just before firing ``submit``.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from gongkai.errors import RecordError
from gongkai.models import Document, Event
from gongkai.timezone import to_shanghai


class DocumentStage(str, Enum):
    """Where a 公文 stands on the workflow's main path; each value is the event that reaches it."""

    DRAFT = "draft"  #: 拟稿
    SUBMIT = "submit"  #: 报送 (the default for a text: a draft being submitted)
    SIGN = "sign"  #: 签发
    ISSUE = "issue"  #: 印发
    PUBLISH = "publish"  #: 公开发布

    @classmethod
    def parse(cls, name: str) -> DocumentStage:
        """The stage called ``name``; an unknown name is a ``RecordError`` listing the stages."""
        try:
            return cls(name)
        except ValueError:
            known = "、".join(s.value for s in cls)
            raise RecordError(
                f"未知的公文阶段 {name!r}；可用：{known}",
                f"unknown document stage {name!r}; known: {', '.join(s.value for s in cls)}",
            ) from None

    @property
    def events(self) -> tuple[str, ...]:
        """The main-path events up to and including this stage, in workflow order."""
        path = list(DocumentStage)
        return tuple(s.value for s in path[: path.index(self) + 1])


def document_at_stage(document: Document, stage: DocumentStage | str, at: datetime) -> Document:
    """A copy of ``document`` whose history also holds the events of ``stage`` at ``at``.

    The stage's events after the last one already in the history are appended at ``at``
    (naive = Asia/Shanghai), which must not be earlier than the last recorded event; a
    history that already reached the stage is kept as it is.
    """
    stage = stage if isinstance(stage, DocumentStage) else DocumentStage.parse(stage)
    instant = to_shanghai(at)
    history = list(document.history)
    if history and history[-1].at > instant:
        raise RecordError(
            f"阶段时点 {instant.isoformat()} 早于历史中最后的事件 {history[-1].name}",
            f"the stage instant {instant.isoformat()} is before the last event "
            f"{history[-1].name} in the history",
        )
    have = {e.name for e in history}
    reached = [i for i, name in enumerate(stage.events) if name in have]
    start = reached[-1] + 1 if reached else 0
    history += [Event(name=name, at=instant) for name in stage.events[start:]]
    return document.model_copy(update={"history": history})
