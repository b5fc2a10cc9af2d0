"""``Incident``: a public-opinion incident (政务舆情) or emergency (突发事件)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gongkai.models.base import Record
from gongkai.models.vocab import IncidentLevel, Speaker


class Incident(Record):
    """An incident and the responses to it; its clocks run on the wall clock.

    Events: ``detect``, ``assess`` (level decided), ``release_information``,
    ``hold_press_conference``, ``respond``, ``update``, ``close``.
    """

    kind: Literal["incident"] = "incident"
    title: str | None = None
    level: IncidentLevel | None = None
    is_emergency: bool = False  #: concerns a 突发事件
    is_public_opinion: bool = True  #: a 政务舆情
    determined_by_party_gov: bool = False  #: 市委、市政府确定的重大舆情 (邢台)
    #: who spoke at its press conferences or briefings (出席新闻发布会、吹风会的人员)
    press_speakers: list[Speaker] = Field(default_factory=list)
    #: other agencies a release concerns (涉及其他行政机关), confirmed with before it goes out
    other_agencies: list[str] = Field(default_factory=list)
