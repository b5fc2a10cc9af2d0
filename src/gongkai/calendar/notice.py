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
from datetime import date
from typing import Any

from gongkai.calendar.notice_checks import Section, check_sections, own_day
from gongkai.calendar.notice_dates import DATE, RANGE_JOINERS, DateReader, Found, signed_date
from gongkai.calendar.overlays import OWN_FORMAT
from gongkai.errors import NoticeError

#: How notices name a holiday, and the name gongkai gives it.
_NAMES = {
    "元旦": "元旦",
    "春节": "春节",
    "清明": "清明节",
    "清明节": "清明节",
    "五一": "劳动节",
    "劳动节": "劳动节",
    "国际劳动节": "劳动节",
    "五一国际劳动节": "劳动节",
    "端午": "端午节",
    "端午节": "端午节",
    "中秋": "中秋节",
    "中秋节": "中秋节",
    "国庆": "国庆节",
    "国庆节": "国庆节",
    "十一": "国庆节",
}
_QUOTES = str.maketrans("", "", "“”\"'‘’「」")
_MARKER = re.compile(r"(?m)^([一二三四五六七八九十]+)、")
_HEADING = re.compile(r"([^\d:。]{1,20}):")
_BARE_HEADING = re.compile(r"([^\d:。,]{1,12}?)\s*(?=\d)")
_INTRO = re.compile(
    r"(?:现将(?:调整)?|(?=\d{4}年))(?:(\d{4})年)?,?([^。\d]*?)放假(?:调休)?(?:日期|安排)"
)
_TITLE = re.compile(r"国务院(?:办公厅)?关于.*?的通知")
_TITLE_YEAR = re.compile(r"关于(?:调整)?(\d{4})年")
_TITLE_DAY = re.compile(r"关于(.+?)(?:调休)?放假的通知")
_NUMBER = re.compile(r"(国\w{0,4})[〔\[(](\d{4})[〕\])](\d+)号")
_BODY_START = re.compile(r"如下[^。:\n]{0,4}[。:]")
_ISSUERS = frozenset({"国务院办公厅", "国务院"})
_COUNT = re.compile(r"(?:共|放假)(\d+)天")
_EXTENSION = re.compile(r"延长(\d{4})年(\S+?)假期至(\d{1,2}月\d{1,2}日(?:\([^()]*\))?)")
_EXPLAINS = ("法定节假日", "公休", "调至", "调休", "照常")
_NOTHING_TO_ADD = ("与周末连休", "与周六连休", "与周日连休", "不调休", "其中")
_SCHEDULE_WORD = re.compile(r"放假(?!期间)|上班|补休")


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
    sections = _sections(_unsigned(body), the_year, _default_names(title, listed))
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
    name = _NAMES.get(found.group(2).translate(_QUOTES))
    start = own_day(name, year) if name else None
    if name is None or start is None:
        raise NoticeError(
            f"无法确定“{found.group(2)}”从哪天放假",
            f"cannot tell when {found.group(2)} begins",
            sentence=found.group(0),
        )
    (end,) = [f.day for f in DateReader(year, False, found.group(3)).read()]
    section = Section((name,), first_sentence=found.group(0))
    section.add(_through(start, end), found.group(0))
    check_sections([section], None, year)
    return _overlay([section], year, False, notice)


def _one_item_a_line(text: str) -> str:
    """NFKC text with each numbered section, the issuer and the date on lines of their own
    (copies of a notice often run it all into one paragraph)."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(?<=[。\s])\s*([一二三四五六七八九十]+、)", r"\n\1", text)
    return re.sub(r"\s+(国务院(?:办公厅)?)\s+(?=\S+日\s*$)", r"\n\1\n", text)


def decode_notice(data: bytes) -> str:
    """The text of a notice file: UTF-8 (BOM or not), UTF-16 with BOM, or GB18030, decoded strictly."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "gb18030"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NoticeError(
        "通知文件不是 UTF-8、带 BOM 的 UTF-16 或 GB18030 文本",
        "the notice file is not UTF-8, UTF-16 with a BOM or GB18030 text",
    )


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
        word = word.translate(_QUOTES).strip()
        if word.startswith("调整"):
            word = word[2:]
        if word and word not in _NAMES:
            raise NoticeError(
                f"不认识的节日名称“{word}”", f"unknown holiday {word!r}", sentence=intro.group(0)
            )
        if word:
            names.append(_NAMES[word])
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


# -- sections and sentences -------------------------------------------------------------


def _sections(body: str, year: int, default: tuple[str, ...] | None) -> list[Section]:
    parts = _MARKER.split(body)
    chunks = [("", parts[0])] + [(parts[i], parts[i + 1]) for i in range(1, len(parts) - 1, 2)]
    sections: list[Section] = []
    for marker, chunk in chunks:
        section = _section(marker, chunk, year, default)
        if section is not None:
            sections.append(section)
    if not sections:
        raise NoticeError("通知里没有任何放假安排", "the notice gives no holiday dates")
    return sections


def _section(marker: str, chunk: str, year: int, default: tuple[str, ...] | None) -> Section | None:
    names, rest = _heading(marker, chunk.strip())
    sentences = [s.strip() for s in re.split(r"[。\n]", rest) if s.strip()]
    schedule = [s for s in sentences if not s.startswith("鼓励") and _says_schedule(s)]
    if not schedule:
        if names:
            raise NoticeError(
                f"{marker}、{'、'.join(names)} 一节没有放假日期",
                f"section {marker} gives no dates",
                sentence=chunk.strip(),
            )
        return None
    names = names or default
    if names is None:
        raise NoticeError(
            "无法判断这段安排属于哪个节日",
            "cannot tell which holiday this part is about",
            sentence=schedule[0],
        )
    section = Section(names, first_sentence=schedule[0])
    for sentence in schedule:
        _read_sentence(section, sentence, year)
    return section


def _heading(marker: str, chunk: str) -> tuple[tuple[str, ...] | None, str]:
    """The holidays a section names ("二、春节：" or, without the colon, "三、清明节4月4日")
    and the rest of the section."""
    heading = _HEADING.match(chunk)
    if heading:
        return _heading_names(heading.group(1), marker, chunk), chunk[heading.end() :]
    bare = _BARE_HEADING.match(chunk)
    words = re.split(r"[、和]", bare.group(1).translate(_QUOTES)) if bare else []
    if bare and all(w.strip() in _NAMES for w in words):
        return _heading_names(bare.group(1), marker, chunk), chunk[bare.end() :]
    return None, chunk


def _heading_names(text: str, marker: str, chunk: str) -> tuple[str, ...]:
    names: list[str] = []
    for word in re.split(r"[、和]", text.translate(_QUOTES)):
        canonical = _NAMES.get(word.strip())
        if canonical is None:
            raise NoticeError(
                f"第{marker}部分的节日名称“{text}”无法识别",
                f"unknown holiday name {text!r}",
                sentence=chunk.strip(),
            )
        names.append(canonical)
    return tuple(names)


def _says_schedule(sentence: str) -> bool:
    """Whether a sentence gives days: it has a date, or a schedule word (then a date is missing)."""
    if _SCHEDULE_WORD.search(sentence) and not re.search(r"\d+日", sentence):
        raise NoticeError("这句安排没有日期", "this sentence gives no date", sentence=sentence)
    return bool(re.search(r"\d+日", sentence))


def _clauses(sentence: str) -> list[tuple[int, str]]:
    """The comma/semicolon-separated parts of a sentence (not split inside brackets), with offsets."""
    parts: list[tuple[int, str]] = []
    depth, begin = 0, 0
    for i, char in enumerate(sentence):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;" and depth == 0:
            parts.append((begin, sentence[begin:i]))
            begin = i + 1
    parts.append((begin, sentence[begin:]))
    return parts


def _read_sentence(section: Section, sentence: str, year: int) -> None:
    found = DateReader(year, section.names[0] == "元旦", sentence).read()
    if re.search(r"\d", _COUNT.sub("", DATE.sub("", sentence))):
        raise NoticeError(
            "句中有无法读取的日期或数字", "a date or number here cannot be read", sentence=sentence
        )
    for offset, clause in _clauses(sentence):
        dates = [f for f in found if offset <= f.start < offset + len(clause)]
        _read_clause(section, sentence, clause, dates)


def _read_clause(section: Section, sentence: str, clause: str, dates: list[Found]) -> None:
    days = [f.day for f in dates]
    count = _COUNT.search(clause)
    if not dates and _SCHEDULE_WORD.search(clause) and not count:
        raise NoticeError(
            "这句安排缺少日期", "a date is missing in this sentence", sentence=sentence
        )
    if "上班" in clause:
        if "起" in clause:
            raise NoticeError(
                "“……起上班”不是调休上班日的写法",
                '"work resumes from ..." is not a make-up day',
                sentence=sentence,
            )
        section.add(days, sentence, work=True)
    elif "补休" in clause:
        section.add(days, sentence)
    elif "放假" in clause and dates:
        span = _span(sentence, dates)
        section.add(span, sentence)
        if count:
            _check_count(int(count.group(1)), span, sentence)
    elif count and not dates:
        _check_count(int(count.group(1)), _last_span(section, sentence), sentence)
    elif dates and (sentence.startswith("其中") or any(w in clause for w in _EXPLAINS)):
        section.explained.extend((d, sentence) for d in days)
    elif dates or not any(w in clause for w in (*_NOTHING_TO_ADD, *_EXPLAINS)):
        raise NoticeError("无法读懂这句安排", "cannot read this sentence", sentence=sentence)


def _span(sentence: str, dates: list[Found]) -> list[date]:
    """The days a 放假 clause gives: a range "A至B", or each date listed."""
    if len(dates) == 2 and sentence[dates[0].end : dates[1].start].strip() in RANGE_JOINERS:
        first, last = dates[0].day, dates[1].day
        if last < first:
            raise NoticeError(
                "日期范围首尾颠倒", "the range ends before it starts", sentence=sentence
            )
        return _through(first, last)
    return [f.day for f in dates]


def _last_span(section: Section, sentence: str) -> list[date]:
    """The days off read so far, for a "共N天" on its own (a gap in them is a date misread)."""
    if not section.off:
        raise NoticeError(
            "“共N天”之前没有放假日期", '"共N天" follows no days off', sentence=sentence
        )
    return sorted(section.off)


def _through(first: date, last: date) -> list[date]:
    return [date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]


def _check_count(stated: int, days: list[date], sentence: str) -> None:
    if stated != len(set(days)):
        raise NoticeError(
            f"通知写共 {stated} 天，日期算出 {len(set(days))} 天",
            f"the notice says {stated} days, its dates give {len(set(days))}",
            sentence=sentence,
        )


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
    return {
        "format": OWN_FORMAT,
        "covers": [year] if annual else [],
        "sources": sources,
        "notice": notice,
        "days": sorted(days, key=lambda d: d["date"]),
    }
