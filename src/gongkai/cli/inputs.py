"""Reading a record from a file: JSON of any kind, or the plain text of a 公文."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.errors import GongkaiError, RecordError
from gongkai.models import AnyRecord, load_record
from gongkai.models.limits import check_json_depth


@dataclass(frozen=True)
class Input:
    """A record read from a file and, for a 公文's text, the 1-based line of each field found."""

    record: AnyRecord
    lines: dict[str, int] = field(default_factory=dict)


def read_record(path: str) -> Input:
    """The record in ``path``: JSON (``"kind"`` names the record) or a 公文's plain text."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as err:
        raise GongkaiError(
            f"无法读取文件 {path}：{err.strerror or err}",
            f"cannot read {path}: {err.strerror or err}",
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GongkaiError(f"文件 {path} 不是 UTF-8 文本", f"{path} is not UTF-8 text") from None
    if file.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        check_json_depth(text)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise GongkaiError(
                f"文件 {path} 不是有效的 JSON（第 {err.lineno} 行第 {err.colno} 列：{err.msg}）",
                f"{path} is not valid JSON (line {err.lineno} col {err.colno}: {err.msg})",
            ) from None
        except ValueError as err:  # e.g. an integer of more than 4,300 digits
            raise RecordError(
                f"文件 {path} 无法读取：{err}", f"cannot read {path}: {err}"
            ) from None
        if not isinstance(data, dict) or "kind" not in data:
            raise RecordError(
                f'{path} 应为带 "kind" 字段的 JSON 对象（document、meeting、request、incident、agency、message）',
                f'{path} must be a JSON object with a "kind" '
                "(document, meeting, request, incident, agency, message)",
            )
        return Input(load_record(data))
    from gongkai.text import extract

    found = extract(text)
    return Input(found.document, dict(found.lines))
