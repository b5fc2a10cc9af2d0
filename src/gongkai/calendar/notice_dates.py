"""Dates as the State Council's holiday notices write them.

A notice leaves out what the previous date already said ("2月20日（星期六）、21日
（星期日）"), puts the year only where it differs ("2018年12月30日至2019年1月1日"),
and follows a date with notes in brackets ("（农历除夕、周二）"). These helpers read
one sentence's dates in order, carrying the month and an explicit year forward,
and check every weekday a bracket states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from gongkai.errors import NoticeError

#: One date: optional year and month, the day, optional notes in brackets (text is NFKC-normalised).
DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^()]*)\))?")
_WEEKDAY = re.compile(r"(?:星期|周)([一二三四五六日天])")
_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}
_CN_DATE = re.compile(
    r"([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)
_ARABIC_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
#: What joins the two ends of a range of days.
RANGE_JOINERS = frozenset({"至", "到", "—", "-", "–", "~", "——"})


@dataclass(frozen=True)
class Found:
    """A date found in a sentence and where it stands (``start``/``end`` index the sentence)."""

    day: date
    start: int
    end: int


@dataclass
class DateReader:
    """Reads the dates of one sentence of a notice of ``year``; ``new_year`` for the 元旦 section.

    In the 元旦 section a December date without a year is the December before the
    holiday (the notice of 2008: "2007年12月30日—2008年1月1日"; of 2019: "2018年12月29日").
    """

    year: int
    new_year: bool
    sentence: str

    def read(self) -> list[Found]:
        """Every date of the sentence, in order."""
        month: int | None = None
        explicit_year: int | None = None
        found: list[Found] = []
        for match in DATE.finditer(self.sentence):
            year_text, month_text, day_text, notes = match.groups()
            if year_text:
                explicit_year = int(year_text)
            if month_text:
                month = int(month_text)
            if month is None:
                raise NoticeError(
                    f"日期 {match.group(0)} 没有写月份",
                    f"date {match.group(0)} has no month",
                    sentence=self.sentence,
                )
            year = explicit_year or (self.year - 1 if self.new_year and month == 12 else self.year)
            try:
                day = date(year, month, int(day_text))
            except ValueError:
                raise NoticeError(
                    f"{year}年{month}月{day_text}日不存在",
                    f"{year}-{month:02d}-{day_text} is not a date",
                    sentence=self.sentence,
                ) from None
            self._check_weekday(day, notes or "")
            found.append(Found(day, match.start(), match.end()))
        return found

    def _check_weekday(self, day: date, notes: str) -> None:
        stated = _WEEKDAY.search(notes)
        if stated and _WEEKDAY_INDEX[stated.group(1)] != day.weekday():
            actual = "一二三四五六日"[day.weekday()]
            raise NoticeError(
                f"{day.isoformat()} 是星期{actual}，通知写作{stated.group(0)}",
                f"{day.isoformat()} is weekday {day.weekday() + 1}, the notice says "
                f"{stated.group(0)}",
                sentence=self.sentence,
            )


def signed_date(line: str) -> date | None:
    """The date of a signature line ("2025年11月4日" or "二〇〇九年十二月七日"), if it is one."""
    arabic = _ARABIC_DATE.fullmatch(line)
    if arabic:
        parts = tuple(int(p) for p in arabic.groups())
    else:
        chinese = _CN_DATE.fullmatch(line)
        if not chinese:
            return None
        year = int("".join(str(_CN_DIGITS[c]) for c in chinese.group(1)))
        parts = (year, _cn_number(chinese.group(2)), _cn_number(chinese.group(3)))
    try:
        return date(*parts)
    except ValueError:
        return None


def _cn_number(text: str) -> int:
    """一 … 九, 十, 十二, 二十, 二十一, 三十一."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
