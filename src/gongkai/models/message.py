"""``Message``: a public message (网民留言, 意见建议, 咨询投诉) and the reply to it."""

from __future__ import annotations

from typing import Literal

from gongkai.models.base import Record
from gongkai.models.vocab import MessageChannel, MessageKind


class Message(Record):
    """A message from the public (意见建议、咨询投诉、反映问题) and how it was answered.

    Events: ``receive`` (收到留言), ``extend`` (情况复杂，延长反馈期限; ``approver``
    optional), ``reply`` (反馈处理意见、予以答复; ``channel``), ``explain`` (无法办理的，
    予以解释说明). Rules read ``is_complex`` for the longer period; ``extend`` dates
    that decision.
    """

    kind: Literal["message"] = "message"
    message_kind: MessageKind | None = None
    channel: MessageChannel | None = None  #: the column or line it came through
    platform: str | None = None  #: where that column sits, e.g. 省政府门户网站, 政务微博
    is_valuable: bool | None = None  #: 有价值、有意义 (the agency's judgement; None = not judged)
    is_complex: bool = False  #: 情况复杂: a suggestion may take 15 working days in all
    summary: str | None = None  #: what the message says
    reply_summary: str | None = None  #: the 处理意见 or answer given
