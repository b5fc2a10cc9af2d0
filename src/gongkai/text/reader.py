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

What is not found stays ``None`` and a bilingual note says so; nothing is guessed.
All patterns are linear (no nested quantifiers) and run line by line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from gongkai.errors import TextExtractionError
from gongkai.models.doc_number import find_doc_numbers, parse_doc_number
from gongkai.models.document import Document
from gongkai.models.marking import normalise_marking
from gongkai.models.vocab import DocType, SecrecyLevel, Urgency
from gongkai.text.dates import DATE, date_of

__all__ = ["Extraction", "extract", "read_document"]


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
_QUALIFIER = r"(?:[（(][^（）()号]{1,12}[)）])?$"  # （试行）（征求意见稿） after the 文种
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
_NUMBER_LABEL = re.compile(r"(?:发文字号|文号|发文号|字号|发文编号)[：:]$")
_SIGNER = re.compile(r"^签发人[：:]")

_ORG = re.compile(
    r"^[\u4e00-\u9fff][\u4e00-\u9fff（）()·]{0,38}"
    r"(?:政府|办公室|办公厅|委员会|委|厅|局|部|院|署|办|处|室|中心|公司|会|所|站|队|组|行|社|党组)$"
)
#: Name endings that are no agency on their own (``XX县人民政府 办公室`` is one name).
_BARE_SUFFIXES = frozenset({"办公室", "办公厅", "委员会", "人民政府", "政府", "党组"})
_ADDRESSEE = re.compile(r"^[^:：]{2,}[:：]$")
_SENTENCE = re.compile(r"[。；;！？!?]")
_SECRECY = re.compile(
    r"(?:份号[：:])?(?:[0-9０-９]{6})?"
    r"(?:(?:密级[：:])?(?P<level>绝密|机密|秘密)"
    r"(?:[★☆*＊](?P<period>(?:[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3})(?:年|个月|月)|长期)?)?)?"
    r"(?:(?:紧急程度[：:])?(?P<urgency>特急|加急))?"
)
_MARKING = re.compile(
    r"[（(][^（）()“”\"]{2,24}[)）][。.]?"
    r"|(?:信息公开选项|公开选项|公开属性|公开方式|公开类型)[：:][^：:（）()]{2,12}"
)
_ISSUER_LABEL = re.compile(r"发文机关[：:]\s*(?P<value>[^\s:：]{2,40})")
_DATE_LABEL = re.compile(r"成文日期[：:]\s*")
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


class _Text:
    """The lines of a text, stripped and without spaces, with neighbour look-ups."""

    def __init__(self, text: str) -> None:
        self.raw = [line.strip() for line in _LINE_BREAK.split(text)]
        self.flat = [_flat(line) for line in self.raw]

    def __len__(self) -> int:
        return len(self.raw)

    def prev(self, i: int, gap: int) -> int | None:
        """The non-empty line above ``i``, across at most ``gap`` blank lines."""
        for j in range(i - 1, max(-1, i - 2 - gap), -1):
            if self.flat[j]:
                return j
        return None

    def next(self, i: int, gap: int) -> int | None:
        """The non-empty line below ``i``, across at most ``gap`` blank lines."""
        for j in range(i + 1, min(len(self), i + 2 + gap)):
            if self.flat[j]:
                return j
        return None

    def indexes(self, start: int = 0, stop: int | None = None) -> Iterator[int]:
        """The non-empty lines in ``[start, stop)``."""
        end = len(self) if stop is None else min(stop, len(self))
        return (i for i in range(max(start, 0), end) if self.flat[i])


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


def _without_number(raw: str) -> str:
    """A title line without the document's own number after it: ``…的意见（国发〔2016〕1号）``."""
    numbers = find_doc_numbers(raw)
    if numbers:
        start, written = numbers[-1]
        if raw[start + len(written) :].strip() in ("", "）", ")"):
            head = raw[:start].rstrip()
            return head[:-1].rstrip() if head.endswith(("（", "(")) else head
    return raw


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
        if j is not None and _org(t.flat[j]):  # 国务院办公厅 / 关于…的通知
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
    return not after or _SIGNER.match(after) is not None or _org(after)


def _find_number(t: _Text, body: int, found: _Found) -> None:
    """Set doc_number from the header, else from a labelled field (发文字号：…) of a web page."""
    for i in t.indexes(0, body + 1):
        raw = t.raw[i]
        for start, written in find_doc_numbers(raw):
            if _header_number(raw[:start], raw[start + len(written) :], body_line=i == body):
                found.set("doc_number", written.strip(), i)
                return
    for i in t.indexes():
        raw = t.raw[i]
        if "号" in raw and ("文号" in raw or "字号" in raw or "编号" in raw):
            for start, written in find_doc_numbers(raw):
                if _NUMBER_LABEL.search(_flat(raw[:start])):
                    found.set("doc_number", written.strip(), i)
                    return
    found.notes.append("未找到发文字号 / no document number found")


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
    """Line ``i`` as ``[issuer] date [marking]``, with the signature above it; None if not."""
    raw = t.raw[i]
    if len(t.flat[i]) > 60:
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
    names_line = i
    if not names:  # the signature lines above: one agency, or several stacked (联合发文)
        j = t.prev(i, gap=2)
        while j is not None and len(names) < 6 and (above := _names(t.raw[j])):
            names, names_line = above + names, j
            j = t.prev(j, gap=1)
    return _DateLine(i, _flat(m.group(0)), date_of(m), names, names_line, suffix or None)


def _find_date(t: _Text, after: int, found: _Found) -> _DateLine | None:
    """Set issue_date and the signing issuer: the first signed date, else the last date line."""
    lines = [d for i in t.indexes(after) if "日" in t.flat[i] and (d := _date_line(t, i))]
    valid = [d for d in lines if d.value is not None]
    signed = [d for d in valid if d.names]
    marked = [d for d in valid if d.marking or _next_marking(t, d.line)]
    pool = signed or marked or valid[-1:]
    chosen = pool[0] if pool else None
    if chosen is None:
        for i in t.indexes():
            label = _DATE_LABEL.search(t.raw[i])
            m = DATE.search(t.raw[i], label.end()) if label else None
            value = date_of(m) if m and label and m.start() == label.end() else None
            if value is not None:  # 成文日期：2016年11月10日 (web page metadata)
                found.set("issue_date", value, i)
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
    for i in t.indexes():
        m = _ISSUER_LABEL.search(t.raw[i])
        if m is not None and _org(m["value"]):
            found.set("issuer", m["value"], i)
            return
    found.notes.append("未找到发文机关 / no issuer found")


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


def extract(text: str) -> Extraction:
    """Read a 公文 from its plain text, with the line of each element found.

    Raises :class:`~gongkai.errors.TextExtractionError` only when ``text`` is
    empty, whitespace only, or not text (contains NUL).
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

    number = found.values.get("doc_number")
    if isinstance(number, str) and parse_doc_number(number) is None:
        found.notes.append(f"发文字号无法解析：{number} / the document number cannot be parsed")
    document = Document.model_validate({**found.values, "notes": found.notes})
    lines = {k: v for k, v in found.lines.items() if k in Document.model_fields}
    return Extraction(document=document, lines=lines)


def read_document(text: str) -> Document:
    """The :class:`~gongkai.models.Document` a 公文's plain text describes (see :func:`extract`)."""
    return extract(text).document
