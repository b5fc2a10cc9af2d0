"""The State Council's holiday notice read into a ``gongkai-calendar/1`` overlay.

``parse_notice(text)`` reads 国务院办公厅关于20XX年部分节假日安排的通知 (every
wording used since 2008: "1月1日至3日放假调休，共3天", "与周末连休", "补休",
"（农历除夕、周二）", "上班" lists, a holiday across the new year, the long
2008–2009 sentences with "其中……调至……") and the notices that change one holiday
of a year (调整2019年劳动节假期安排, the 2015 纪念日). The result is the mapping
:meth:`WorkCalendar.with_overlay` accepts.

Nothing is guessed: a sentence it cannot read, a date that does not exist, a
weekday in brackets that does not match its date, "共N天" that does not match the
days read, a year's notice without one of the seven statutory holidays — each is a
:class:`NoticeError` naming the sentence, never a partial overlay. Sentences that
only encourage ("鼓励……安排职工在除夕休息") are not schedule and are skipped. A
notice that extends a holiday (延长2020年春节假期至2月2日) gives every day from the
holiday's own day (正月初一) to the new last day off, laid over the year's notice.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from gongkai.calendar.notice_checks import Section, check_sections, own_day
from gongkai.calendar.notice_dates import DateReader, signed_date
from gongkai.calendar.notice_sections import NAMES, QUOTES, read_sections, through
from gongkai.calendar.overlays import OWN_FORMAT
from gongkai.errors import NoticeError

_INTRO = re.compile(
    r"(?:现将(?:调整)?|(?=\d{4}年))(?:(\d{4})年)?,?([^。\d]*?)放假(?:调休)?(?:日期|安排)"
)
_TITLE = re.compile(r"国务院(?:办公厅)?关于.*?的通知")
_TITLE_YEAR = re.compile(r"关于(?:调整)?(\d{4})年")
_TITLE_DAY = re.compile(r"关于(.+?)(?:调休)?放假的通知")
_NUMBER = re.compile(r"(国\w{0,4})[〔\[(](\d{4})[〕\])](\d+)号")
_BODY_START = re.compile(r"如下[^。:\n]{0,4}[。:]")
_ISSUERS = frozenset({"国务院办公厅", "国务院"})
_EXTENSION = re.compile(r"延长(\d{4})年(\S+?)假期至(\d{1,2}月\d{1,2}日(?:\([^()]*\))?)")


def parse_notice(text: str, *, year: int | None = None, url: str | None = None) -> dict[str, Any]:
    """Read a holiday notice into a ``gongkai-calendar/1`` mapping; raise NoticeError if incomplete.

    ``year`` is needed only when the notice does not say its year (the 2015 纪念日
    notice); when both say one they must agree. ``url`` is kept as the source.
    """
    lines = [line.strip() for line in _one_item_a_line(text).splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise NoticeError("通知是空的", "the notice is empty")
    whole = "\n".join(lines)
    body_start = _BODY_START.search(whole)
    if not body_start:
        raise NoticeError(
            "找不到“……具体安排通知如下”一句，这不像国务院办公厅的节假日安排通知",
            'no "...通知如下" sentence: this does not look like a State Council holiday notice',
        )
    preamble, body = whole[: body_start.start()], whole[body_start.end() :]
    title_match = _TITLE.search(preamble.replace("\n", ""))  # a title may be split over lines
    title = title_match.group(0) if title_match else ""
    extension = _EXTENSION.search(whole)
    if extension:
        return _extension(extension, year, _provenance(title, preamble, lines, url))
    intro = _INTRO.search(preamble)
    the_year = _the_year(year, title, intro)
    listed = _listed_names(intro) if intro else None
    sections = read_sections(_unsigned(body), the_year, _default_names(title, listed))
    annual = listed is not None and len(listed) > 1  # one holiday: an adjustment
    check_sections(sections, listed if annual else None, the_year)
    return _overlay(sections, the_year, annual, _provenance(title, preamble, lines, url))


def _extension(found: re.Match[str], given: int | None, notice: dict[str, str]) -> dict[str, Any]:
    """A notice extending a holiday ("延长2020年春节假期至2月2日"): every day from the
    holiday's own day (正月初一) to the new last day is off; it covers no whole year."""
    year = int(found.group(1))
    if given is not None and given != year:
        raise NoticeError(
            f"年份不一致（{given}、{year}）", f"the years do not agree ({given}, {year})"
        )
    name = NAMES.get(found.group(2).translate(QUOTES))
    start = own_day(name, year) if name else None
    if name is None or start is None:
        raise NoticeError(
            f"无法确定“{found.group(2)}”从哪天放假",
            f"cannot tell when {found.group(2)} begins",
            sentence=found.group(0),
        )
    (end,) = [f.day for f in DateReader(year, False, found.group(3)).read()]
    section = Section((name,), first_sentence=found.group(0))
    section.add(through(start, end), found.group(0))
    check_sections([section], None, year)
    return _overlay([section], year, False, notice)


def _one_item_a_line(text: str) -> str:
    """NFKC text with each numbered section, the issuer and the date on lines of their own
    (copies of a notice often run it all into one paragraph)."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(?<=[。\s])\s*([一二三四五六七八九十]+、)", r"\n\1", text)
    return re.sub(r"\s+(国务院(?:办公厅)?)\s+(?=\S+日\s*$)", r"\n\1\n", text)


# -- the notice's frame: year, holidays listed, signature -------------------------------


def _the_year(given: int | None, title: str, intro: re.Match[str] | None) -> int:
    said = {int(m.group(1)) for m in (_TITLE_YEAR.search(title), intro) if m and m.group(1)}
    if len(said) > 1 or (given is not None and said and given not in said):
        years = "、".join(str(y) for y in sorted(said | ({given} if given else set())))
        raise NoticeError(
            f"年份不一致（{years}）", f"the years do not agree ({years.replace('、', ', ')})"
        )
    if given is not None:
        return given
    if not said:
        raise NoticeError(
            "通知没有写明年份，请用 year= 或 --year 指定",
            "the notice does not say its year; give it with year= or --year",
        )
    return said.pop()


def _listed_names(intro: re.Match[str]) -> tuple[str, ...]:
    names: list[str] = []
    for word in re.split(r"[、和,]", intro.group(2)):
        word = word.translate(QUOTES).strip()
        if word.startswith("调整"):
            word = word[2:]
        if word and word not in NAMES:
            raise NoticeError(
                f"不认识的节日名称“{word}”", f"unknown holiday {word!r}", sentence=intro.group(0)
            )
        if word:
            names.append(NAMES[word])
    return tuple(names)


def _default_names(title: str, listed: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The holiday of a section that names none: the only one listed, or the title's day."""
    if listed is not None and len(listed) == 1:
        return listed
    day = _TITLE_DAY.search(title)
    return (day.group(1),) if day and "部分节假日" not in day.group(1) else None


def _unsigned(body: str) -> str:
    """The body without the signature (issuer and date lines) and anything after it."""
    kept: list[str] = []
    for line in body.splitlines():
        if line in _ISSUERS or signed_date(line):
            break
        kept.append(line)
    return "\n".join(kept)


def _provenance(title: str, preamble: str, lines: list[str], url: str | None) -> dict[str, str]:
    notice = {"title": title} if title else {}
    number = _NUMBER.search(preamble)
    if number:
        notice["number"] = f"{number.group(1)}〔{number.group(2)}〕{number.group(3)}号"
    issued = next(filter(None, (signed_date(line) for line in reversed(lines))), None)
    if issued:
        notice["date"] = issued.isoformat()
    if url:
        notice["url"] = url
    return notice


def _overlay(
    sections: list[Section], year: int, annual: bool, notice: dict[str, str]
) -> dict[str, Any]:
    days: list[dict[str, str]] = []
    for section in sections:
        for kind, chosen in (("holiday", section.off), ("makeup_workday", section.work)):
            days += [{"date": d.isoformat(), "kind": kind, "name": section.name} for d in chosen]
    said = "，".join(notice[k] for k in ("number", "date") if k in notice)
    sources = [notice.get("title", "国务院节假日安排通知") + (f"（{said}）" if said else "")]
    if "url" in notice:
        sources.append(notice["url"])
    overlay: dict[str, Any] = {
        "format": OWN_FORMAT,
        "covers": [year] if annual else [],
        "sources": sources,
        "notice": notice,
        "days": sorted(days, key=lambda d: d["date"]),
    }
    if not annual:  # a later notice that changes a published schedule (2019 劳动节, 2020 春节)
        overlay["correction"] = True
    return overlay
