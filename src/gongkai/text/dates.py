"""Dates as 公文 write them: ``2017年10月17日`` and ``二〇一七年十月十七日``."""

from __future__ import annotations

import re
from datetime import date

#: Characters read as digits in a Chinese-numeral year; 〇 is often typed as ○, O, 0 or 零.
_CN_DIGITS = {
    **dict.fromkeys("〇○OoＯｏΟО零0０", 0),
    **{c: i for i, c in enumerate("一二三四五六七八九", start=1)},
}
_YEAR = r"[0-9０-９]{4}|[〇○OoＯｏΟО零0０一二三四五六七八九]{4}"
_MONTH = r"[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九元]"
_DAY = r"[0-9０-９]{1,2}|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]"

#: A date written with 年月日, Arabic or Chinese numerals, spaces allowed between the parts.
DATE = re.compile(
    rf"(?<![0-9０-９])(?P<year>{_YEAR})\s*年\s*(?P<month>{_MONTH})\s*月\s*(?P<day>{_DAY})\s*日"
)


def _number(text: str) -> int:
    """An Arabic or Chinese number of a date part (at most four characters)."""
    if text.isdigit():
        return int(text)
    if text == "元":
        return 1
    if text[0] in "廿卅":
        return (20 if text[0] == "廿" else 30) + (_CN_DIGITS[text[1]] if len(text) > 1 else 0)
    tens, ten, ones = text.partition("十")
    if not ten:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def date_of(match: re.Match[str]) -> date | None:
    """The calendar date a :data:`DATE` match names, or None if there is no such day."""
    try:
        return date(_number(match["year"]), _number(match["month"]), _number(match["day"]))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The first valid date written in ``text``, or None."""
    for match in DATE.finditer(text):
        found = date_of(match)
        if found is not None:
            return found
    return None


#: A date as web pages write it in metadata rows: 2019-04-15, 2019/4/15, 2019.4.15.
NUMERIC_DATE = re.compile(
    r"(?<![0-9])(?P<year>[0-9]{4})[-/.](?P<month>[0-9]{1,2})[-/.](?P<day>[0-9]{1,2})(?![0-9])"
)


def leading_date(text: str) -> date | None:
    """The valid date ``text`` starts with (年月日 or numeric), or None."""
    match = DATE.match(text) or NUMERIC_DATE.match(text)
    return date_of(match) if match is not None else None
