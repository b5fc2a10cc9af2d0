"""Reading a :class:`~gongkai.models.Document` from the plain text of a 公文.

The text may come from a web page, a PDF or a word processor: line breaks fall
where they fall, titles are split or letter-spaced, brackets vary. Each element
is looked for where GB/T 9704 puts it:

- header (版头), the lines before the body: 份号/密级/紧急程度, the red header
  ``XX文件``, the 发文字号 standing on its own line (a number inside a sentence
  or after 根据/按照 is a citation, never the document's own);
- title (标题): the first line ending with a 文种 word, with the lines above it
  that belong to it;
- signature (落款): the issuer lines and the 成文日期 below the body;
- disclosure marking (公开属性): a line that is only ``（此件公开发布）`` or
  the like, normally right after the date.

Published texts add their own shapes: a web page's metadata rows (发文字号：…,
成文日期：…, see :mod:`gongkai.text.metadata`) used where the document itself
does not say (where both say and disagree, the document wins and a note says
so); the number on the title line; PDF page numbers (``—2—``, ``- 2 -``,
``第2页 共3页``) alone or glued to a line, which are dropped; a signature and
date ending the last paragraph line.

What is not found stays ``None`` and a bilingual note says so; nothing is guessed.
A text with too little of a 公文 to be one (see :func:`extract`) is refused with
:class:`~gongkai.errors.NotADocumentError`. All patterns are linear (no nested
quantifiers) and run line by line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from gongkai.errors import NotADocumentError, TextExtractionError
from gongkai.models.doc_number import find_doc_numbers, parse_doc_number
from gongkai.models.document import Document
from gongkai.models.marking import normalise_marking
from gongkai.models.vocab import DocType, SecrecyLevel, Urgency
from gongkai.text.dates import DATE, date_of, leading_date
from gongkai.text.metadata import metadata_rows

__all__ = ["Extraction", "extract"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class Extraction:
    """A document read from text, and the 1-based line where each element was found.

    ``lines`` maps each :class:`Document` field the text gave (``doc_number``,
    ``title``, ``doc_type``, ``issuer``, ``issue_date``, ``disclosure_marking``,
    ``secrecy_level`` …) to its line; a title split over lines gives its first
    line. Lines are counted as editors count them (``\\n``, ``\\r\\n`` or ``\\r``).
    """

    document: Document
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, element: str) -> int | None:
        """The line where ``element`` was found, or None."""
        return self.lines.get(element)


# --------------------------------------------------------------------------- patterns

_LINE_BREAK = re.compile(r"\r\n|[\r\n]")
_SPACE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
#: Whitespace next to a non-ASCII character: dropped when title lines are joined.
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")

_TYPE_WORDS: dict[str, DocType] = {
    "命令": DocType.ORDER,
    "令": DocType.ORDER,
    "决议": DocType.RESOLUTION,
    "决定": DocType.DECISION,
    "公报": DocType.COMMUNIQUE,
    "公告": DocType.ANNOUNCEMENT,
    "通告": DocType.PUBLIC_NOTICE,
    "意见": DocType.OPINION,
    "通知": DocType.NOTICE,
    "通报": DocType.CIRCULAR,
    "报告": DocType.REPORT,
    "请示": DocType.REQUEST,
    "批复": DocType.REPLY,
    "议案": DocType.MOTION,
    "函": DocType.LETTER,
    "纪要": DocType.MINUTES,
}
#: （试行）（征求意见稿） after the 文种; not a database's ``(2019修订)``, which has digits.
_QUALIFIER = r"(?:[（(][^（）()号0-9０-９]{1,12}[)）])?$"
#: A title's last word when it is one of the 15 文种 (令 only after an issuer: 国务院令).
_TYPE_END = re.compile(
    r"(命令|决议|决定|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|纪要|函|(?<=[府院部局会厅署委])令)"
    + _QUALIFIER
)
#: Titles of documents published without a 文种 (an attached 方案, 办法 … on its own).
_OTHER_END = re.compile(
    r"(?:方案|办法|细则|规定|要点|计划|规划|规则|指引|条例|制度|标准|目录|清单|指南|措施|安排|纲要)"
    + _QUALIFIER
)
_TITLE_VERB = re.compile(r"关于|印发|转发|批转|印送|颁布|发布")
#: Characters no title (or title line) contains: sentence punctuation, web breadcrumbs.
_NOT_TITLE = re.compile(r"[。；;，,：:！？!?>|»@/\\]|https?|www")
#: Words that make what follows a citation: 根据《…》（国办发〔2016〕80号）.
_CITING = re.compile(
    r"^(?:根据|按照|依据|依照|参照|遵照|对照|贯彻|落实|执行|结合|为|经|据|见|详见|参见)"
)
_SIGNER = re.compile(r"^签发人[：:]")

_ORG = re.compile(
    r"^[\u4e00-\u9fff][\u4e00-\u9fff（）()·]{0,38}"
    r"(?:政府|办公室|办公厅|委员会|委|厅|局|部|院|署|办|处|室|中心|公司|会|所|站|队|组|行|社|党组)$"
)
#: Name endings that are no agency on their own (``XX县人民政府 办公室`` is one name).
_BARE_SUFFIXES = frozenset({"办公室", "办公厅", "委员会", "人民政府", "政府", "党组"})
_ADDRESSEE = re.compile(r"^[^:：]{2,}[:：]$")
_SENTENCE_ENDS = "。；;！？!?"
_SENTENCE = re.compile(f"[{_SENTENCE_ENDS}]")
_SECRECY = re.compile(
    r"(?:份号[：:])?(?:[0-9０-９]{6})?"
    # 秘密★1年 (GB/T 9704); a PDF's text layer may give ★秘密1年, or lose the star
    r"(?:(?:密级[：:])?[★☆*＊]?(?P<level>绝密|机密|秘密)"
    r"(?:[★☆*＊]?(?P<period>(?:[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3})(?:年|个月|月)|长期)|[★☆*＊])?)?"
    r"(?:(?:紧急程度[：:])?(?P<urgency>特急|加急))?"
)
_MARKING = re.compile(
    r"[（(][^（）()“”\"]{2,24}[)）][。.]?"
    r"|(?:信息公开选项|公开选项|公开属性|公开方式|公开类型)[：:][^：:（）()]{2,12}"
)
_ISSUER_VALUE = re.compile(r"[^\s:：|\]】]{2,40}")
_ISSUED_BY = re.compile(r"(?:印发|转发|批转)$")  # 鹤岗市人民政府 鹤岗市中级人民法院印发 / 关于…
#: PDF page numbers (—2—, - 2 -, 第2页 共3页) at either end of a line; 2/3 alone on a line.
_PAGE = (
    r"(?:[—–\-－]\s*[0-9]{1,3}\s*[—–\-－]"
    r"|第\s*[0-9]{1,4}\s*页(?:[\s/,，]*共\s*[0-9]{1,4}\s*页)?"
    r"|共\s*[0-9]{1,4}\s*页\s*第\s*[0-9]{1,4}\s*页)"
)
_PAGE_EDGE = re.compile(rf"^{_PAGE}|{_PAGE}$|^[0-9]{{1,3}}\s*/\s*[0-9]{{1,3}}$")
_PAGE_FIRST = frozenset("—–-－第共0123456789")  # a stripped line a page number can start …
_PAGE_LAST = frozenset("—–-－页0123456789")  # … or end
_WEB_DATE = re.compile(
    r"(?:发布时间|发布日期)[：:]\s*(?P<value>[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?)"
)


def _flat(text: str) -> str:
    return _SPACE.sub("", text)


def _org(flat: str) -> bool:
    """Whether ``flat`` (no spaces) reads as the name of an agency."""
    return len(flat) <= 40 and _ORG.match(flat) is not None


def _names(raw: str) -> list[str]:
    """The agency names on a signature line (several when joint, spaces apart); [] if none."""
    parts = raw.split()
    if len(parts) > 1 and all(_org(p) and p not in _BARE_SUFFIXES for p in parts):
        return parts
    flat = _flat(raw)
    return [flat] if _org(flat) else []


def _marking(flat: str) -> bool:
    """Whether ``flat`` is nothing but a disclosure marking: （此件公开发布）, 公开方式：主动公开."""
    if len(flat) > 40 or _MARKING.fullmatch(flat) is None:
        return False
    return "公开" in flat or "此件" in flat


def _body(flat: str) -> bool:
    """Whether a line is body text: a sentence, or the 主送 line (各县（区）人民政府：)."""
    if len(flat) >= 15 and _SENTENCE.search(flat):
        return True
    if len(flat) >= 50 and ("，" in flat or "," in flat):
        return True
    if _ADDRESSEE.match(flat) is None:
        return False
    name = flat[:-1]
    return any(c in name for c in "、，,") or name.startswith("各") or _org(name)


def _join(parts: list[str]) -> str:
    """Title lines joined, letter spacing removed (spaces between ASCII words kept)."""
    return _CJK_SPACE.sub("", " ".join(p.strip() for p in parts))


def _title_type(flat: str) -> tuple[bool, DocType | None]:
    """Whether ``flat`` reads as a title, and the 文种 its last word names."""
    if not 4 <= len(flat) <= 150 or _NOT_TITLE.search(flat) or flat.startswith("《"):
        return False, None
    if _CITING.match(flat):
        return False, None
    end = _TYPE_END.search(flat)
    if end is None:
        return False, None
    head = flat[: end.start()]
    if _TITLE_VERB.search(head) or _org(head):
        return True, _TYPE_WORDS[end.group(1)]
    return False, None


# --------------------------------------------------------------------------- the text


def _without_page_number(line: str) -> str:
    """A stripped line without a PDF page number at its start or end (``(此件主动公开)—2—``)."""
    if line[:1] in _PAGE_FIRST or line[-1:] in _PAGE_LAST:
        return _PAGE_EDGE.sub("", line).strip()
    return line


class _Text:
    """The lines of a text, stripped and without spaces, with neighbour look-ups."""

    def __init__(self, text: str) -> None:
        lines = [line.strip() for line in _LINE_BREAK.split(text)]
        self.raw = [_without_page_number(line) for line in lines]
        #: lines that held only a page number: passed over as if the page break were not there
        self.pages = {i for i, line in enumerate(self.raw) if not line and lines[i]}
        self.flat = [_flat(line) for line in self.raw]
        self.rows = metadata_rows(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def prev(self, i: int, gap: int) -> int | None:
        """The non-empty line above ``i``, across at most ``gap`` blank lines."""
        return self._near(range(i - 1, -1, -1), gap)

    def next(self, i: int, gap: int) -> int | None:
        """The non-empty line below ``i``, across at most ``gap`` blank lines."""
        return self._near(range(i + 1, len(self)), gap)

    def _near(self, order: range, gap: int) -> int | None:
        """The first non-empty line in ``order``; up to two page-number lines are passed free."""
        free = 2
        for j in order:
            if self.flat[j]:
                return j
            if j in self.pages and free:
                free -= 1
            elif (gap := gap - 1) < 0:
                return None
        return None

    def indexes(self, start: int = 0, stop: int | None = None) -> Iterator[int]:
        """The non-empty lines in ``[start, stop)``."""
        end = len(self) if stop is None else min(stop, len(self))
        return (i for i in range(max(start, 0), end) if self.flat[i])

    def row(self, field: str, read: Callable[[str], _T | None]) -> tuple[_T, int] | None:
        """The first metadata row of ``field`` whose value ``read`` accepts, with its line."""
        for row in self.rows:
            if row.field == field and (value := read(row.value)) is not None:
                return value, row.line
        return None


@dataclass
class _Found:
    """What the reader found so far, with lines (0-based) and notes."""

    values: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def set(self, name: str, value: object, line: int) -> None:
        self.values[name] = value
        self.lines.setdefault(name, line + 1)


# --------------------------------------------------------------------------- elements


def _fragment(t: _Text, i: int) -> bool:
    """Whether line ``i`` can be the upper part of a split title."""
    flat = t.flat[i]
    if not 0 < len(flat) <= 60 or _NOT_TITLE.search(flat) or _CITING.match(flat):
        return False
    if (find_doc_numbers(flat) and "关于" not in flat) or DATE.fullmatch(flat) or _marking(flat):
        return False
    if _SECRECY.fullmatch(flat) is not None:
        return False
    return not (flat.endswith("文件") and _org(flat[:-2]))


def _unquoted(text: str) -> str:
    """``text`` without the 《》 around it, when it is one quoted title (a page heading)."""
    inner = text[1:-1]
    if text.startswith("《") and text.endswith("》") and "《" not in inner and "》" not in inner:
        return inner
    return text


def _without_number(raw: str) -> str:
    """A title line without the document's own number beside it.

    ``…的意见（国发〔2016〕1号）`` and ``国发〔2016〕1号 国务院关于…的意见`` both give the
    title; a page heading in 《》 gives what is inside.
    """
    numbers = find_doc_numbers(raw) if "号" in raw else []
    if numbers:
        start, written = numbers[-1]
        if raw[start + len(written) :].strip() in ("", "）", ")"):
            head = raw[:start].rstrip()
            raw = head[:-1].rstrip() if head.endswith(("（", "(")) else head
        elif not raw[: numbers[0][0]].strip():
            rest = _unquoted(raw[numbers[0][0] + len(numbers[0][1]) :].strip())
            raw = rest if _title_type(_flat(rest))[0] else raw
    return _unquoted(raw.strip())


def _issuer_line(flat: str) -> bool:
    """Whether a line above a 关于 line is the title's issuer part (``XX办公室``, ``XX印发``)."""
    verb = _ISSUED_BY.search(flat)
    return _org(flat[: verb.start()] if verb else flat)


def _title_start(t: _Text, i: int) -> bool:
    """Whether line ``i`` can begin a title: it has 关于 outside a quoted 《…》 title."""
    flat = t.flat[i]
    return "关于" in flat and not flat.startswith("《")


def _title_at(t: _Text, end: int) -> tuple[int, str, DocType | None] | None:
    """The title ending on line ``end`` (with up to two lines above), if it reads as one."""
    parts = [end]
    gaps: list[int] = []  # positions in parts after which a blank line was crossed
    while len(parts) < 3 and not _title_start(t, parts[0]):
        j = t.prev(parts[0], gap=1)
        if j is None or not _fragment(t, j):
            break
        if j != parts[0] - 1:
            gaps.append(len(parts))
        parts.insert(0, j)
    if gaps and not _title_start(t, parts[0]):
        parts = parts[-gaps[0] :]  # without 关于, keep only the lines that touch the last
    if t.flat[parts[0]].startswith("关于"):
        j = t.prev(parts[0], gap=0)
        if j is not None and _issuer_line(t.flat[j]):  # 国务院办公厅 / 关于…的通知
            parts.insert(0, j)
    title = _join([t.raw[i] for i in parts[:-1]] + [_without_number(t.raw[end])])
    ok, doc_type = _title_type(_flat(title))
    return (parts[0], title, doc_type) if ok else None


def _find_title(t: _Text, body: int, found: _Found) -> int | None:
    """Set title and doc_type; return the title's last line (the end of the header)."""
    for i in t.indexes(0, body):
        if len(t.flat[i]) <= 150 and _TYPE_END.search(_flat(_without_number(t.raw[i]))):
            hit = _title_at(t, i)
            if hit is not None:
                first, title, doc_type = hit
                found.set("title", title, first)
                found.set("doc_type", doc_type, first)
                return i
    row = t.row("title", _row_title)
    if row is not None:  # 标题：… of the page, when the text itself shows no title
        (title, doc_type), line = row
        found.set("title", title, line)
        found.set("doc_type", doc_type, line)
        return None
    for i in t.indexes(0, body):  # a 方案/办法/… published without a 文种
        flat = t.flat[i]
        if (
            6 <= len(flat) <= 100
            and _OTHER_END.search(flat)
            and not _NOT_TITLE.search(flat)
            and not _CITING.match(flat)
            and not find_doc_numbers(flat)
            and not flat.startswith("《")
        ):
            found.set("title", _join([t.raw[i]]), i)
            found.notes.append(
                "标题未以法定文种结尾，文种未知 / the title names none of the 15 文种"
            )
            return i
    found.notes.append("未找到标题 / no title found")
    return None


def _row_title(value: str) -> tuple[str, DocType] | None:
    """The title a 标题 row's value starts with, when it ends in one of the 15 文种."""
    title = value.split()[0]
    ok, doc_type = _title_type(title)
    return (title, doc_type) if ok and doc_type is not None else None


def _header_number(prefix: str, suffix: str, body_line: bool) -> bool:
    """Whether a number with this text before and after it on its line is the header's own."""
    before = _flat(prefix)
    after = _flat(suffix)
    if before.endswith(("（", "(")) and after.startswith(("）", ")")):
        before, after = before[:-1], after[1:]  # （国办发〔2016〕80号） under a title
    if before and (_CITING.match(before) or not (_org(before) or _title_type(before)[0])):
        return False
    if body_line:  # 卫政办发〔2020〕52号各县（区）人民政府： glued to the 主送 line
        return not before and _ADDRESSEE.match(after) is not None
    return (
        not after
        or _SIGNER.match(after) is not None
        or _org(after)
        or _title_type(_unquoted(after))[0]
    )


def _row_number(value: str) -> str | None:
    """The number a 发文字号 row's value starts with."""
    numbers = find_doc_numbers(value)
    return numbers[0][1].strip() if numbers and numbers[0][0] == 0 else None


def _header_number_line(t: _Text, body: int) -> tuple[str, int] | None:
    """The document's own number in its header (or glued to the 主送 line), with its line."""
    for i in t.indexes(0, body + 1):
        raw = t.raw[i]
        for start, written in find_doc_numbers(raw):
            if _header_number(raw[:start], raw[start + len(written) :], body_line=i == body):
                return written.strip(), i
    return None


def _find_number(t: _Text, body: int, found: _Found) -> None:
    """Set doc_number from the header, else from a web page's 发文字号 row; note a disagreement."""
    header = _header_number_line(t, body)
    row = t.row("doc_number", _row_number)
    chosen = header or row
    if chosen is None:
        found.notes.append("未找到发文字号 / no document number found")
        return
    found.set("doc_number", *chosen)
    if header is not None and row is not None and _flat(row[0]) != _flat(header[0]):
        found.notes.append(
            f"网页发文字号 {row[0]} 与文中发文字号 {header[0]} 不一致，以文中为准 / the page's "
            f"发文字号 row ({row[0]}) differs from the number in the text ({header[0]}); "
            "the text's number is used"
        )


def _find_marks(t: _Text, stop: int, found: _Found) -> None:
    """Set 密级, 保密期限 and 紧急程度 from the header lines before ``stop``."""
    for i in t.indexes(0, stop):
        flat = t.flat[i]
        if len(flat) > 30:
            continue
        m = _SECRECY.fullmatch(flat)
        if m is None or not (m["level"] or m["urgency"]):
            continue
        if m["level"] and "secrecy_level" not in found.values:
            found.set("secrecy_level", SecrecyLevel(m["level"]), i)
            if m["period"]:
                found.set("secrecy_period", m["period"], i)
        if m["urgency"] and "urgency" not in found.values:
            found.set("urgency", Urgency(m["urgency"]), i)


@dataclass(frozen=True)
class _DateLine:
    line: int
    written: str
    value: date | None
    names: list[str]  #: the issuer signature above (or before) the date
    names_line: int
    marking: str | None  #: a marking glued after the date on the same line


def _date_line(t: _Text, i: int) -> _DateLine | None:
    """Line ``i`` as ``[issuer] date [marking]``, with the signature above it; None if not.

    A line of sentences counts by its tail after the last full stop, and only when the
    issuer's name or a marking stands beside it: ``…请认真贯彻执行。国务院办公厅 2019年4月15日``.
    """
    raw = t.raw[i]
    cut = 0
    if _SENTENCE.search(raw) is not None:
        cut = max(raw.rfind(mark) for mark in _SENTENCE_ENDS) + 1
        raw = raw[cut:]
    if len(_flat(raw) if cut else t.flat[i]) > 60:
        return None
    m = DATE.search(raw)
    if m is None:
        return None
    prefix, suffix = raw[: m.start()].strip(), raw[m.end() :].strip()
    names = _names(prefix) if prefix else []
    if prefix and not names:
        return None
    if suffix and not _marking(_flat(suffix)):
        return None
    if cut and not (names or suffix or _next_marking(t, i) is not None):
        return None  # a date ending a sentence line is signed only beside a name or a marking
    names_line = i
    if not names:  # the signature lines above: one agency, or several stacked (联合发文)
        j = t.prev(i, gap=2)
        while j is not None and len(names) < 6 and (above := _names(t.raw[j])):
            names, names_line = above + names, j
            j = t.prev(j, gap=1)
    return _DateLine(i, _flat(m.group(0)), date_of(m), names, names_line, suffix or None)


def _date_row(t: _Text, found: _Found, signed: date | None) -> date | None:
    """The page's 成文日期 row: noted when it disagrees with the signed date; its value if unsigned."""
    row = t.row("issue_date", leading_date)
    if row is None:
        return None
    value, line = row
    if signed is None:
        found.set("issue_date", value, line)
        found.notes.append(
            f"成文日期取自网页的成文日期行 {value.isoformat()} / the date of issue is the web "
            "page's 成文日期 row: no dated signature was read"
        )
    elif value != signed:
        found.notes.append(
            f"网页成文日期 {value.isoformat()} 与落款日期 {signed.isoformat()} 不一致，以落款为准 / "
            f"the page's 成文日期 row ({value.isoformat()}) differs from the signed date "
            f"({signed.isoformat()}); the signed date is used"
        )
    return value


def _find_date(t: _Text, after: int, found: _Found) -> _DateLine | None:
    """Set issue_date and the signing issuer: the first signed date, else the last date line."""
    lines = [d for i in t.indexes(after) if "日" in t.flat[i] and (d := _date_line(t, i))]
    valid = [d for d in lines if d.value is not None]
    signed = [d for d in valid if d.names]
    marked = [d for d in valid if d.marking or _next_marking(t, d.line)]
    pool = signed or marked or valid[-1:]
    chosen = pool[0] if pool else None
    row = _date_row(t, found, chosen.value if chosen else None)
    if chosen is None:
        if row is not None:
            return None
        if lines:
            found.notes.append(
                f"成文日期无效：{lines[-1].written} / the date of issue is not a real day"
            )
        else:
            web = next(
                (m for i in t.indexes() if (m := _WEB_DATE.search(t.raw[i])) is not None), None
            )
            found.notes.append("未找到成文日期 / no date of issue (成文日期) found")
            if web is not None:
                found.notes.append(
                    f"网页发布时间 {web['value']} 不是成文日期 / the web page's publication "
                    "date is not the date of issue"
                )
        return None
    found.set("issue_date", chosen.value, chosen.line)
    if chosen.names:
        found.set("issuer", chosen.names[0], chosen.names_line)
        if len(chosen.names) > 1:
            found.set("joint_issuers", chosen.names, chosen.names_line)
    return chosen


def _next_marking(t: _Text, i: int) -> int | None:
    """The marking line right below line ``i``, if there is one."""
    j = t.next(i, gap=2)
    return j if j is not None and _marking(t.flat[j]) else None


def _find_marking(t: _Text, dated: _DateLine | None, body: int, found: _Found) -> None:
    """Set disclosure_marking: the marking line after the date, else the first one.

    A bare ``公开方式：主动公开`` counts only below the header: above it, it is page metadata.
    """

    def marking_at(i: int) -> bool:
        return _marking(t.flat[i]) and (t.flat[i][0] in "（(" or i > body)

    if dated is not None and dated.marking is not None:
        found.set("disclosure_marking", dated.marking, dated.line)
    else:
        start = dated.line + 1 if dated is not None else 0
        hit = next((i for i in t.indexes(start) if marking_at(i)), None)
        if hit is None and start:  # misplaced, above the date
            hit = next((i for i in t.indexes(0, start) if marking_at(i)), None)
        if hit is None:
            found.notes.append("未找到公开属性标注 / no disclosure marking found")
            return
        found.set("disclosure_marking", t.raw[hit], hit)
    marking = str(found.values["disclosure_marking"])
    if normalise_marking(marking) is None:
        found.notes.append(f"公开属性标注无法识别：{marking} / unknown disclosure marking wording")


def _find_issuer(t: _Text, body: int, found: _Found) -> None:
    """Set issuer when no signature gave it: red header, letterhead, title, web metadata."""
    if "issuer" in found.values:
        return
    number_line = found.lines.get("doc_number")
    for i in t.indexes(0, body):
        flat = t.flat[i]
        if flat.endswith("文件") and _org(flat[:-2]):  # XX市人民政府办公室文件
            found.set("issuer", flat[:-2], i)
            return
        if number_line is not None and t.next(i, gap=1) == number_line - 1 and _org(flat):
            found.set("issuer", flat, i)  # 信函格式: the agency's name above the number
            return
    title = found.values.get("title")
    if isinstance(title, str):
        flat = _flat(title)
        verb = _TITLE_VERB.search(flat)
        if verb is not None and _org(flat[: verb.start()]):
            found.set("issuer", flat[: verb.start()], found.lines["title"] - 1)
            return
        above = t.prev(found.lines["title"] - 1, gap=2) if flat.startswith("关于") else None
        if above is not None and _org(t.flat[above]):  # the agency's name above 关于…的通知
            found.set("issuer", t.flat[above], above)
            return
    row = t.row("issuer", _row_issuer)
    if row is not None:
        found.set("issuer", *row)
        return
    found.notes.append("未找到发文机关 / no issuer found")


def _row_issuer(value: str) -> str | None:
    """The agency a 发文机关 row's value starts with."""
    m = _ISSUER_VALUE.match(value)
    return m.group(0) if m is not None and _org(m.group(0)) else None


# --------------------------------------------------------------------------- API


def _checked(text: object) -> str:
    if not isinstance(text, str):
        raise TextExtractionError(
            f"输入不是文本（{type(text).__name__}）",
            f"the input is not text ({type(text).__name__})",
        )
    if "\x00" in text:
        raise TextExtractionError(
            "文本含有空字符（NUL），不是纯文本", "the text contains NUL characters: not plain text"
        )
    if not text.isascii() and any("\ud800" <= char <= "\udfff" for char in text):
        raise TextExtractionError(
            "文本含有无法编码的字符（孤立代理项）", "the text holds lone surrogates: not text"
        )
    cleaned = text.translate(_INVISIBLE)
    if not cleaned.strip():
        raise TextExtractionError("文本为空", "the text is empty")
    return cleaned


#: The elements that make a text a 公文, as the refusal names them.
_ELEMENTS = {
    "doc_number": ("文号", "document number"),
    "title": ("标题", "title"),
    "issuer": ("发文机关", "issuer"),
    "issue_date": ("成文日期", "date of issue"),
}


def _looks_like_a_document(found: _Found) -> None:
    """Refuse a text with too little of a 公文: it needs a title (ending in a 文种, or a
    方案/办法/… published on its own), or two of 文号, 发文机关, 成文日期.

    README files, "hello", a word processor's XML or a JSON text have neither.
    """
    present = [name for name in _ELEMENTS if name in found.values]
    if "title" in present or len(present) >= 2:
        return
    missing = [name for name in _ELEMENTS if name not in present]
    zh_found = f"只找到{_ELEMENTS[present[0]][0]}，" if present else ""
    en_found = f"found only a {_ELEMENTS[present[0]][1]} and " if present else "found "
    raise NotADocumentError(
        f"此文本不像公文：{zh_found}未找到{'、'.join(_ELEMENTS[m][0] for m in missing)}"
        "（至少需要标题，或文号、发文机关、成文日期中的两项）",
        f"this text does not look like a 公文: {en_found}no "
        + ", ".join(_ELEMENTS[m][1] for m in missing)
        + " (it needs a title, or two of document number, issuer, date of issue)",
    )


def extract(text: str) -> Extraction:
    """Read a 公文 from its plain text, with the line of each element found.

    Raises :class:`~gongkai.errors.TextExtractionError` when ``text`` is empty,
    whitespace only, or not text (contains NUL), and its subclass
    :class:`~gongkai.errors.NotADocumentError` when it holds neither a title
    nor two of 文号, 发文机关, 成文日期.
    """
    t = _Text(_checked(text))
    found = _Found()
    body = next((i for i in t.indexes() if _body(t.flat[i])), len(t))
    title_end = _find_title(t, body, found)
    _find_number(t, body, found)
    _find_marks(t, body, found)
    dated = _find_date(t, 0 if title_end is None else title_end + 1, found)
    _find_marking(t, dated, body, found)
    _find_issuer(t, body, found)
    _looks_like_a_document(found)

    number = found.values.get("doc_number")
    if isinstance(number, str) and parse_doc_number(number) is None:
        found.notes.append(f"发文字号无法解析：{number} / the document number cannot be parsed")
    document = Document.model_validate({**found.values, "notes": found.notes})
    lines = {k: v for k, v in found.lines.items() if k in Document.model_fields}
    return Extraction(document=document, lines=lines)
