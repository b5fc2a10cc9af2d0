"""发文字号: reading ``邢政办字〔2017〕12号`` into issuer code, year and serial."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

#: GB/T 9704—2012 7.2.4: the year is enclosed in 六角括号 〔〕.
STANDARD_BRACKETS = "〔〕"

_BRACKETS = {
    "〔": "〕",
    "【": "】",
    "[": "]",
    "［": "］",
    "(": ")",
    "（": "）",
    "﹝": "﹞",
    "〖": "〗",
}
_NUMBER = re.compile(
    r"(?P<code>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{0,15}?)\s*"
    r"(?P<open>[〔【\[［(（﹝〖])\s*(?P<year>(?:19|20|１９|２０)\d{2})\s*"
    r"(?P<close>[〕】\]］)）﹞〗])\s*(?:第\s*)?(?P<serial>\d{1,5})\s*号"
)
#: Words glued in front of a number that are not part of its code: a citing verb
#: (``根据国办发〔2016〕80号``) or the issuer's name (``国务院办公厅国办发〔2016〕80号``).
_NOT_CODE = re.compile(
    r"^(?:.*(?:人民政府|办公厅|办公室|委员会)"
    r"|(?:根据|按照|依据|依照|参照|遵照|对照|贯彻落实|贯彻|落实|执行|印发|转发|结合|详见|参见)+)"
    r"(?=[\u4e00-\u9fff])"
)


def _code_start(match: re.Match[str]) -> int:
    """Where the code really starts, past any citing verb or issuer name glued before it."""
    code = match.group("code")
    cut = _NOT_CODE.match(code)
    return match.start("code") + (cut.end() if cut else 0)


class DocNumber(BaseModel):
    """The parts of a 发文字号; ``brackets`` is the pair as written (``〔〕`` is the standard)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    issuer_code: str
    year: int
    serial: int
    brackets: str

    @property
    def standard_brackets(self) -> bool:
        """Whether the year is enclosed in 〔〕 as GB/T 9704 requires."""
        return self.brackets == STANDARD_BRACKETS


def parse_doc_number(text: str) -> DocNumber | None:
    """Read the first 发文字号 in ``text``; None if there is none (or its brackets do not pair)."""
    match = _NUMBER.search(text)
    if match is None or _BRACKETS[match.group("open")] != match.group("close"):
        return None
    return DocNumber(
        issuer_code=match.string[_code_start(match) : match.end("code")],
        year=int(match.group("year")),
        serial=int(match.group("serial")),
        brackets=match.group("open") + match.group("close"),
    )


def find_doc_numbers(text: str) -> list[tuple[int, str]]:
    """Every 发文字号-shaped string in ``text`` with its offset (for readers that must choose one)."""
    return [
        (start, text[start : m.end()]) for m in _NUMBER.finditer(text) for start in [_code_start(m)]
    ]
