"""Reading a record from a file: JSON of any kind, or a 公文 (.txt, .docx, .pdf, .html)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.errors import GongkaiError, RecordError
from gongkai.models import AnyRecord, load_record
from gongkai.models.limits import check_json_depth
from gongkai.text import Extraction, detect_format, extract, read_document, read_file
from gongkai.text.encoding import decode_text


@dataclass(frozen=True)
class Input:
    """A record read from a file and, for a 公文's text, the 1-based line of each field found."""

    record: AnyRecord
    lines: dict[str, int] = field(default_factory=dict)
    from_text: bool = False  #: read from a 公文's text (judged at a stage, see ``check --stage``)


def _found(found: Extraction) -> Input:
    return Input(found.document, dict(found.lines), from_text=True)


def read_record(path: str) -> Input:
    """The record in ``path``: JSON (``"kind"`` names the record) or a 公文 in any format read.

    The file's size is bounded (:data:`gongkai.text.MAX_BYTES`) before it is parsed; a
    公文's text may be in any encoding :func:`gongkai.text.read_text` reads, JSON is UTF-8.
    """
    raw = read_file(path)
    if Path(path).suffix.lower() != ".json":
        if detect_format(raw, path) != "txt":
            return _found(read_document(raw, name=path))
        text = decode_text(raw, path)
        if not text.lstrip().startswith("{"):
            return _found(extract(text))
    try:  # JSON is UTF-8 (RFC 8259 §8.1)
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GongkaiError(
            f"JSON 文件 {path} 不是 UTF-8 文本", f"the JSON file {path} is not UTF-8 text"
        ) from None
    check_json_depth(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise GongkaiError(
            f"文件 {path} 不是有效的 JSON（第 {err.lineno} 行第 {err.colno} 列：{err.msg}）",
            f"{path} is not valid JSON (line {err.lineno} col {err.colno}: {err.msg})",
        ) from None
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        raise RecordError(f"文件 {path} 无法读取：{err}", f"cannot read {path}: {err}") from None
    if not isinstance(data, dict) or "kind" not in data:
        raise RecordError(
            f'{path} 应为带 "kind" 字段的 JSON 对象（document、meeting、request、incident、agency、message）',
            f'{path} must be a JSON object with a "kind" '
            "(document, meeting, request, incident, agency, message)",
        )
    return Input(load_record(data))
