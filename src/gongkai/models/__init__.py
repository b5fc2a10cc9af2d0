"""The records gongkai checks: pydantic v2 models whose JSON round-trips exactly."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from gongkai.errors import RecordError, split_bilingual
from gongkai.models.agency import Agency
from gongkai.models.base import Event, Record
from gongkai.models.doc_number import DocNumber, parse_doc_number
from gongkai.models.document import Document, Interpretation, SecrecyReview
from gongkai.models.incident import Incident
from gongkai.models.limits import data_problem, parse_json
from gongkai.models.marking import normalise_marking
from gongkai.models.meeting import Meeting, MeetingPlan
from gongkai.models.message import Message
from gongkai.models.request import DisclosureRequest
from gongkai.models.vocab import (
    AgencyLevel,
    Channel,
    Disclosure,
    DisclosureMethod,
    DocType,
    ExemptionGround,
    IncidentLevel,
    MeetingKind,
    MessageChannel,
    MessageKind,
    ReplyType,
    ReviewResult,
    SecrecyLevel,
    Speaker,
    Urgency,
)

_RecordUnion = Document | Meeting | DisclosureRequest | Incident | Agency | Message

AnyRecord = Annotated[_RecordUnion, Field(discriminator="kind")]

#: The record class of each ``kind``.
RECORD_KINDS: dict[str, type[Record]] = {
    "document": Document,
    "meeting": Meeting,
    "request": DisclosureRequest,
    "incident": Incident,
    "agency": Agency,
    "message": Message,
}

_ADAPTER: TypeAdapter[_RecordUnion] = TypeAdapter(AnyRecord)


def load_record(data: Any) -> _RecordUnion:
    """Validate a mapping (or JSON text) into the record its ``kind`` names; RecordError if
    invalid. JSON text is checked for nesting (``gongkai.models.limits.MAX_DEPTH``) before
    it is parsed; values must be JSON-like (see :mod:`gongkai.models.limits`)."""
    if isinstance(data, str | bytes):
        data = parse_json(data)
    problem = data_problem(data)
    if problem is not None:
        raise RecordError(*problem)
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise RecordError(_zh_summary(exc), _en_summary(exc)) from None


def _where(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(record)"


def _zh_summary(exc: ValidationError) -> str:
    first = exc.errors()[0]
    more = f"等 {exc.error_count()} 处" if exc.error_count() > 1 else ""
    return f"记录无效：字段 {_where(first['loc'])}{more}有误（{split_bilingual(first['msg'])[0]}）"


def _en_summary(exc: ValidationError) -> str:
    first = exc.errors()[0]
    more = f" and {exc.error_count() - 1} more" if exc.error_count() > 1 else ""
    return f"invalid record: field {_where(first['loc'])}{more}: {split_bilingual(first['msg'])[1]}"


__all__ = [
    "RECORD_KINDS",
    "Agency",
    "AgencyLevel",
    "AnyRecord",
    "Channel",
    "Disclosure",
    "DisclosureMethod",
    "DisclosureRequest",
    "DocNumber",
    "DocType",
    "Document",
    "Event",
    "ExemptionGround",
    "Incident",
    "IncidentLevel",
    "Interpretation",
    "Meeting",
    "MeetingKind",
    "MeetingPlan",
    "Message",
    "MessageChannel",
    "MessageKind",
    "Record",
    "ReplyType",
    "ReviewResult",
    "SecrecyLevel",
    "SecrecyReview",
    "Speaker",
    "Urgency",
    "load_record",
    "normalise_marking",
    "parse_doc_number",
]
