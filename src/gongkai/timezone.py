"""The legal time zone: every instant gongkai handles is read in Asia/Shanghai."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from gongkai.errors import GongkaiError

#: China Standard Time. Asia/Shanghai has kept UTC+08:00 without DST since 1991,
#: so a fixed offset is exact for every date the policies concern and needs no
#: tz database on the host.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


def to_shanghai(value: datetime | date | str) -> datetime:
    """Return ``value`` as an aware Asia/Shanghai datetime.

    Naive datetimes are read as Asia/Shanghai; aware ones are converted; a bare
    date means the start of that day; a string is read as ISO 8601.
    """
    if isinstance(value, str):
        value = parse_iso(value)
    elif isinstance(value, datetime) and value.tzinfo is SHANGHAI:
        return value
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), SHANGHAI)
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=SHANGHAI)
    return value.astimezone(SHANGHAI)


def parse_iso(text: str) -> datetime | date:
    """Read an ISO 8601 date or datetime; GongkaiError if it is neither."""
    try:
        if len(text.strip()) <= 10:
            return date.fromisoformat(text.strip())
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise GongkaiError(
            f"{text!r} 不是 ISO 日期或时间（如 2026-09-30 或 2026-09-30T08:00）",
            f"{text!r} is not an ISO date or datetime (e.g. 2026-09-30 or 2026-09-30T08:00)",
        ) from None


def local_date(value: datetime | date) -> date:
    """The Asia/Shanghai calendar date of an instant (a date is returned as is)."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is SHANGHAI:
        return value.date()
    return to_shanghai(value).date()


def end_of_day(day: date) -> datetime:
    """The last instant of ``day`` in Asia/Shanghai (23:59:59.999999)."""
    return datetime.combine(day, time.max, SHANGHAI)


def shown(at: datetime | None) -> str:
    """An instant as a clerk reads it, in Asia/Shanghai: a day's last instant is "24:00"."""
    if at is None:
        return "?"
    local = to_shanghai(at)
    if (local.hour, local.minute, local.second) == (23, 59, 59):
        return f"{local.date().isoformat()} 24:00"
    return local.strftime("%Y-%m-%d %H:%M")
