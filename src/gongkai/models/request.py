"""``DisclosureRequest``: a 依申请公开 request and how it was handled."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gongkai.models.base import Day, Record
from gongkai.models.vocab import Channel, ExemptionGround, ReplyType


class DisclosureRequest(Record):
    """A request for government information (条例 第二十七条 to 第四十五条).

    Dates of receipt, correction, consultation, extension and reply are events in
    ``history`` (``receive``, ``request_correction``, ``receive_correction``,
    ``consult_third_party``, ``third_party_replied``, ``extend``, ``reply`` …).
    """

    kind: Literal["request"] = "request"
    applicant: str | None = None
    channel: Channel | None = None
    content: str | None = None  #: the information asked for
    third_party_involved: bool = False
    #: in substance a 信访、投诉、举报 sent as a request (条例 第三十九条), as the agency judged it
    is_petition: bool = False
    #: judged fit for wide knowledge (可以让社会广泛知晓): also published proactively (四川)
    fit_for_proactive: bool = False
    #: other agencies the request concerns (涉及其他行政机关), consulted before the reply
    other_agencies: list[str] = Field(default_factory=list)
    reply_type: ReplyType | None = None
    partial: bool = False  #: 第三十七条: disclosed after removing what may not be
    reply_location: str | None = None  #: where already-public information can be found
    withhold_ground: ExemptionGround | None = None
    withhold_reason: str | None = None
    right_agency: str | None = None  #: the agency that holds the information (非本机关)
    documents: list[str] = Field(default_factory=list)  #: related document ids
    received_on: Day | None = None  #: 收到申请之日 as the agency recorded it (条例 第三十一条)
