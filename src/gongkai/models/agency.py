"""``Agency``: a disclosure office's own recurring duties, recorded as dated events."""

from __future__ import annotations

from datetime import date
from typing import Literal

from gongkai.models.base import Record
from gongkai.models.vocab import AgencyLevel


class Agency(Record):
    """An agency (行政机关) whose history records duties done.

    Events: ``annual_report_published``, ``head_report_heard``, ``training_held``,
    ``press_conference_held``, ``self_check_done``, ``inspection_held`` …
    """

    kind: Literal["agency"] = "agency"
    name: str | None = None
    level: AgencyLevel | None = None
    is_key_department: bool = False  #: 重点部门 (安徽: quarterly press conferences)
    assessment_weight_percent: float | None = None  #: 政务公开 share of performance assessment
    since: date | None = None  #: first day duties are judged (default: 1 January of the as-of year)
