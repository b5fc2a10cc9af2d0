"""The exceptions gongkai raises: one base class, every message Chinese first, then English."""

from __future__ import annotations


class GongkaiError(Exception):
    """Base of every gongkai error.

    ``zh`` and ``en`` are the same sentence in Chinese and English; ``str(err)``
    gives both, Chinese first, on one line.
    """

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en
        super().__init__(f"{zh}（{en}）")


def split_bilingual(message: str) -> tuple[str, str]:
    """(zh, en) of a message joined as ``zh（en）`` (``str()`` of a GongkaiError, the
    ValueErrors of gongkai's validators), without pydantic's ``Value error,`` prefix; a
    message not in that form is both."""
    text = message.removeprefix("Value error, ")
    depth = 0
    for index in range(len(text) - 1, -1, -1) if text.endswith("）") else ():
        depth += {"）": 1, "（": -1}.get(text[index], 0)
        if depth == 0:
            zh, en = text[:index], text[index + 1 : -1]
            if zh and en[:1].isascii() and en[:1].isalpha():
                return zh, en
            break
    return text, text


class CalendarCoverageError(GongkaiError):
    """A date falls in a year for which no official holiday schedule is loaded."""

    def __init__(self, year: int, coverage: tuple[int, int]) -> None:
        self.year = year
        super().__init__(
            f"{year} 年没有官方节假日安排数据（已有 {coverage[0]}–{coverage[1]} 年）；"
            f"请把国务院办公厅关于{year}年部分节假日安排的通知存为文本，用 "
            f"gongkai calendar import-notice 通知.txt > {year}.json 生成日历文件，"
            f"再用 --calendar {year}.json、环境变量 GONGKAI_CALENDAR 或用户配置目录"
            "（~/.config/gongkai/calendar/）加载（Python：with_overlay()）；"
            "或用 --estimate（policy='estimate'）按法定节假日和周末估算",
            f"no official holiday schedule for {year} (data covers "
            f"{coverage[0]}-{coverage[1]}); save the State Council notice on {year}'s "
            f"holidays as text, turn it into a calendar file with gongkai calendar "
            f"import-notice NOTICE.txt > {year}.json and load it with --calendar {year}.json, "
            "the GONGKAI_CALENDAR variable or the user folder ~/.config/gongkai/calendar/ "
            "(Python: with_overlay()), or use --estimate (policy='estimate') to count the "
            "statutory holidays and weekends",
        )


class CalendarDataError(GongkaiError):
    """An overlay (holiday schedule file or mapping) is malformed."""


class NoticeError(CalendarDataError):
    """A State Council holiday notice cannot be read completely; ``sentence`` is where it failed."""

    def __init__(self, zh: str, en: str, *, sentence: str | None = None) -> None:
        self.sentence = sentence
        if sentence:
            zh, en = f"{zh}：「{sentence}」", f"{en}: \u201c{sentence}\u201d"
        super().__init__(zh, en)


class DurationError(GongkaiError):
    """A duration text cannot be read, or a duration is used with the wrong unit."""


class ClockError(GongkaiError):
    """Clock events are out of order or not allowed in the clock's state."""


class RecordError(GongkaiError):
    """A record (document, meeting, request, incident, agency, message) is invalid."""


class RuleDefinitionError(GongkaiError):
    """A rule pack is invalid: names the file, the rule and the position."""

    def __init__(
        self,
        zh: str,
        en: str,
        *,
        file: str | None = None,
        rule_id: str | None = None,
        position: tuple[int, int] | None = None,
    ) -> None:
        self.file = file
        self.rule_id = rule_id
        self.position = position
        where = ", ".join(
            part
            for part in (
                file,
                f"rule {rule_id}" if rule_id else None,
                f"line {position[0]} col {position[1]}" if position else None,
            )
            if part
        )
        prefix = f"[{where}] " if where else ""
        super().__init__(prefix + zh, en)


class PackNotFoundError(GongkaiError):
    """No rule pack has the given name or path."""


class WorkflowError(GongkaiError):
    """A workflow was given an unknown event, a bad snapshot or an invalid definition."""


class TextExtractionError(GongkaiError):
    """The text of a 公文 cannot be read at all (not text, empty)."""


class NotADocumentError(TextExtractionError):
    """A text holds too few elements of a 公文 (文号, 标题, 发文机关, 成文日期) to be one."""


class StoreError(GongkaiError):
    """The workflow store cannot be opened or used (bad URL, missing driver, database error)."""


class WorkflowNotFoundError(StoreError):
    """No workflow is stored under the given key."""


class ConflictError(StoreError):
    """A write lost a race: the key exists already, or the workflow moved past the expected
    version (``current_version``, when known); nothing was written."""

    def __init__(self, zh: str, en: str, *, current_version: int | None = None) -> None:
        self.current_version = current_version
        super().__init__(zh, en)
