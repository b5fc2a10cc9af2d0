"""Events the 条例 derives from a request's history: the receipt day from the channel
(第三十一条) and the end of a consultation the consulted party let pass (第三十二条、第三十四条).

Derived events are added to the events the rules see, never to the record; each carries
``derived_from`` (the event it was read from) so a report can say where a date came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from gongkai.calendar import WorkCalendar
from gongkai.clocks import Duration, due_after
from gongkai.errors import CalendarCoverageError
from gongkai.models import DisclosureRequest, Event, Record
from gongkai.models.vocab import Channel

__all__ = ["CONSULTATIONS", "RECEIPT_EVENTS", "Consultation", "derive_events"]

#: 第三十一条: the event whose day is 收到申请之日 when no ``receive`` is recorded.
RECEIPT_EVENTS: dict[Channel, str] = {
    Channel.IN_PERSON: "submit",  # （一）以提交之日为收到申请之日
    Channel.POST_SIGNED: "sign_receipt",  # （二）以行政机关签收之日为收到申请之日
    Channel.POST_UNSIGNED: "confirm_receipt",  # （二）平常信函：确认之日为收到申请之日
    Channel.ONLINE: "confirm_receipt",  # （三）以双方确认之日为收到申请之日
    Channel.FAX: "confirm_receipt",  # （三）
}


class Consultation(NamedTuple):
    """A consultation's events: sent, received by the consulted party, answered, let pass."""

    sent: str
    received: str
    replied: str
    silent: str


#: 第三十二条 (third party) and 第三十四条 (co-producing agency): 15 working days from the
#: consulted party's receipt of the letter; silence ends the consultation.
CONSULTATIONS = (
    Consultation("consult_third_party", "third_party_received", "third_party_replied",
                 "third_party_silent"),
    Consultation("consult_co_producer", "co_producer_received", "co_producer_replied",
                 "co_producer_silent"),
)  # fmt: skip
CONSULTATION_PERIOD = Duration.workdays(15)


def derive_events(
    record: Record, events: Sequence[Event], as_of: datetime, calendar: WorkCalendar
) -> Sequence[Event]:
    """``events`` (already cut at ``as_of``) with the events the 条例 derives for ``record``.

    * No ``receive`` but a ``channel``: ``receive`` at the channel's event (``RECEIPT_EVENTS``).
    * A consultation sent and not answered: once 15 working days have passed since the
      consulted party received it (``*_received``; the sending when that is not recorded, the
      earliest reading), ``*_silent`` at the end of the 15th day.
    """
    if not isinstance(record, DisclosureRequest):
        return events
    added = [*_receipt(record, events), *_silences(events, as_of, calendar)]
    if not added:
        return events
    return sorted([*events, *added], key=lambda e: e.at)


def _first(events: Sequence[Event], name: str, after: datetime | None = None) -> Event | None:
    return next((e for e in events if e.name == name and (after is None or e.at >= after)), None)


def _receipt(record: DisclosureRequest, events: Sequence[Event]) -> list[Event]:
    if record.channel is None or _first(events, "receive") is not None:
        return []
    source = _first(events, RECEIPT_EVENTS[record.channel])
    if source is None:
        return []
    return [_derived("receive", source.at, source)]


def _silences(events: Sequence[Event], as_of: datetime, calendar: WorkCalendar) -> list[Event]:
    found = []
    for step in CONSULTATIONS:
        sent = _first(events, step.sent)
        if sent is None or _first(events, step.replied, sent.at) is not None:
            continue
        received = _first(events, step.received, sent.at) or sent
        end = _period_end(received.at, as_of, calendar)
        if end is not None and end < as_of:
            found.append(_derived(step.silent, end, received))
    return found


def _period_end(start: datetime, as_of: datetime, calendar: WorkCalendar) -> datetime | None:
    """The end of the 15 working days from ``start``; None when it surely falls after ``as_of``.

    When the period runs into a year without holiday data and ``as_of`` lies in that year
    too, the end is placed by the statutory-holiday estimate: the clocks that resume there
    then run in that year, so the strict calendar reports them ``undetermined``.
    """
    try:
        return due_after(start, CONSULTATION_PERIOD, calendar).at
    except CalendarCoverageError as err:
        if as_of.year < err.year:  # the period ends in a year that starts after as_of
            return None
        return due_after(start, CONSULTATION_PERIOD, calendar.with_policy("estimate")).at


def _derived(name: str, at: datetime, source: Event) -> Event:
    return Event.model_validate({"name": name, "at": at, "derived_from": source.name})
