"""``Duration``: a legal period in hours, natural days or working days, and its text forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from gongkai.errors import DurationError


class Unit(str, Enum):
    """How a period is counted."""

    HOURS = "hours"  #: wall-clock hours, nights and holidays included
    DAYS = "days"  #: natural days (日/天)
    WORKDAYS = "workdays"  #: working days (工作日) on the official calendar

    @property
    def zh(self) -> str:
        """The Chinese unit as written in the policy texts."""
        return {"hours": "小时", "days": "日", "workdays": "个工作日"}[self.value]


_UNIT_WORDS: dict[str, Unit] = {
    "个工作日": Unit.WORKDAYS,
    "工作日": Unit.WORKDAYS,
    "workdays": Unit.WORKDAYS,
    "workday": Unit.WORKDAYS,
    "working days": Unit.WORKDAYS,
    "working day": Unit.WORKDAYS,
    "wd": Unit.WORKDAYS,
    "小时": Unit.HOURS,
    "个小时": Unit.HOURS,
    "hours": Unit.HOURS,
    "hour": Unit.HOURS,
    "h": Unit.HOURS,
    "日": Unit.DAYS,
    "天": Unit.DAYS,
    "days": Unit.DAYS,
    "day": Unit.DAYS,
    "d": Unit.DAYS,
}

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip

#: The largest value a duration may have: far beyond any legal period, small enough
#: that every due date stays representable.
MAX_VALUE = 100_000

_PATTERN = re.compile(r"^\s*([0-9]+|[零〇一二两三四五六七八九十百]+)\s*(.*?)\s*$")


def _chinese_number(text: str) -> int | None:
    """Read 一 … 九百九十九 (e.g. 二十, 十五, 四十八); None if it is not such a numeral."""
    total, current = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


@dataclass(frozen=True, slots=True)
class Duration:
    """A period: ``value`` units of ``unit``. ``str()`` gives the Chinese form, e.g. ``20个工作日``."""

    value: int
    unit: Unit

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not isinstance(self.value, int) or self.value < 0:
            raise DurationError(
                f"期限数值应为非负整数，而不是 {self.value!r}",
                f"a duration value must be a non-negative integer, not {self.value!r}",
            )
        if self.value > MAX_VALUE:
            raise DurationError(
                f"期限 {self.value} 过长（最多 {MAX_VALUE}）",
                f"the duration {self.value} is too long (at most {MAX_VALUE})",
            )

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read ``"20个工作日"``, ``"20 workdays"``, ``"5小时"``, ``"5h"``, ``"3日"``, ``"3 days"`` …"""
        match = _PATTERN.match(text) if isinstance(text, str) else None
        unit = _UNIT_WORDS.get(match.group(2).lower()) if match else None
        number = match.group(1) if match else ""
        value = int(number) if number.isdigit() else _chinese_number(number)
        if match is None or unit is None or value is None:
            raise DurationError(
                f"无法识别期限 {text!r}：应写作“20个工作日”“5小时”“3日”或“20 workdays”“5h”“3 days”",
                f"cannot read the duration {text!r}: write e.g. 20个工作日, 5小时, 3日 or "
                "20 workdays, 5h, 3 days",
            )
        return cls(value, unit)

    @classmethod
    def workdays(cls, n: int) -> Duration:
        """``n`` working days."""
        return cls(n, Unit.WORKDAYS)

    @classmethod
    def days(cls, n: int) -> Duration:
        """``n`` natural days."""
        return cls(n, Unit.DAYS)

    @classmethod
    def hours(cls, n: int) -> Duration:
        """``n`` wall-clock hours."""
        return cls(n, Unit.HOURS)

    def __str__(self) -> str:
        return f"{self.value}{self.unit.zh}"

    @property
    def en(self) -> str:
        """The English form, e.g. ``20 workdays``."""
        return f"{self.value} {self.unit.value}"
