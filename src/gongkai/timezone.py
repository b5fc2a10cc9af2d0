"""The legal time zone: every instant gongkai handles is read in Asia/Shanghai."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

#: China Standard Time. Asia/Shanghai has kept UTC+08:00 without DST since 1991,
#: so a fixed offset is exact for every date the policies concern and needs no
#: tz database on the host.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


def to_shanghai(value: datetime | date) -> datetime:
    """Return ``value`` as an aware Asia/Shanghai datetime.

    Naive datetimes are read as Asia/Shanghai; aware ones are converted; a bare
    date means the start of that day.
    """
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), SHANGHAI)
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=SHANGHAI)
    return value.astimezone(SHANGHAI)


def local_date(value: datetime | date) -> date:
    """The Asia/Shanghai calendar date of an instant (a date is returned as is)."""
    if not isinstance(value, datetime):
        return value
    return to_shanghai(value).date()


def end_of_day(day: date) -> datetime:
    """The last instant of ``day`` in Asia/Shanghai (23:59:59.999999)."""
    return datetime.combine(day, time.max, SHANGHAI)
