"""A holiday notice's numbered sections, read sentence by sentence into days.

A section names its holidays ("二、春节：", "六、中秋节、国庆节：", or "三、清明节4月4日"
without the colon); each sentence is cut at its commas (not inside brackets) and every
part is read: days off ("放假", "补休"), make-up working days ("上班"), a count ("共N天",
checked), an explanation ("其中……为法定节假日……调至……", whose dates must be days read
elsewhere) or nothing to add ("与周末连休", "不调休"). Anything else is a NoticeError
naming the sentence.
"""

from __future__ import annotations

import re
from datetime import date

from gongkai.calendar.notice_checks import Section
from gongkai.calendar.notice_dates import DATE, RANGE_JOINERS, DateReader, Found
from gongkai.errors import NoticeError

#: How notices name a holiday, and the name gongkai gives it.
NAMES = {
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
QUOTES = str.maketrans("", "", "“”\"'‘’「」")
_MARKER = re.compile(r"(?m)^([一二三四五六七八九十]+)、")
_HEADING = re.compile(r"([^\d:。]{1,20}):")
_BARE_HEADING = re.compile(r"([^\d:。,]{1,12}?)\s*(?=\d)")
_COUNT = re.compile(r"(?:共|放假)(\d+)天")
_EXPLAINS = ("法定节假日", "公休", "调至", "调休", "照常")
_NOTHING_TO_ADD = ("与周末连休", "与周六连休", "与周日连休", "不调休", "其中")
_SCHEDULE_WORD = re.compile(r"放假(?!期间)|上班|补休")


def read_sections(body: str, year: int, default: tuple[str, ...] | None) -> list[Section]:
    """The sections of a notice's body (after "通知如下", before the signature) that give
    days; ``default`` names the holiday of a section that names none (a one-holiday notice)."""
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
    words = re.split(r"[、和]", bare.group(1).translate(QUOTES)) if bare else []
    if bare and all(w.strip() in NAMES for w in words):
        return _heading_names(bare.group(1), marker, chunk), chunk[bare.end() :]
    return None, chunk


def _heading_names(text: str, marker: str, chunk: str) -> tuple[str, ...]:
    names: list[str] = []
    for word in re.split(r"[、和]", text.translate(QUOTES)):
        canonical = NAMES.get(word.strip())
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
        return through(first, last)
    return [f.day for f in dates]


def _last_span(section: Section, sentence: str) -> list[date]:
    """The days off read so far, for a "共N天" on its own (a gap in them is a date misread)."""
    if not section.off:
        raise NoticeError(
            "“共N天”之前没有放假日期", '"共N天" follows no days off', sentence=sentence
        )
    return sorted(section.off)


def through(first: date, last: date) -> list[date]:
    """Every day from ``first`` to ``last``, both included."""
    return [date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]


def _check_count(stated: int, days: list[date], sentence: str) -> None:
    if stated != len(set(days)):
        raise NoticeError(
            f"通知写共 {stated} 天，日期算出 {len(set(days))} 天",
            f"the notice says {stated} days, its dates give {len(set(days))}",
            sentence=sentence,
        )
