"""What gongkai accepts as input: the range of instants, and the shape of JSON data.

* Instants and dates lie in the years :data:`FIRST_YEAR`–:data:`LAST_YEAR` (the years
  the disclosure law and the working-day calendar can mean; far enough from the ends of
  ``datetime`` that adding a deadline never overflows).
* Data (records, event data) is JSON-like: ``None``, ``bool``, ``int`` up to
  :data:`MAX_INT` in size, finite ``float``, ``str`` that UTF-8 can encode (no lone
  surrogates), lists and mappings with ``str`` keys, nested at most
  :data:`MAX_DEPTH` deep; dates, datetimes, enums and records are also accepted from
  Python. JSON text is checked for depth before it is parsed.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel

from gongkai.errors import GongkaiError, RecordError
from gongkai.timezone import parse_iso, to_shanghai

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_DEPTH",
    "MAX_INT",
    "check_day",
    "check_instant",
    "check_json_depth",
    "data_problem",
    "instant",
    "parse_json",
]

FIRST_YEAR = 1900
LAST_YEAR = 2100
#: Deepest nesting of lists and mappings in a record or in event data (default).
MAX_DEPTH = 64
#: Largest absolute value of an integer in a record or in event data.
MAX_INT = 2**53

_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


def _out_of_range(value: date) -> tuple[str, str]:
    return (
        f"{value.isoformat()} 超出可处理的年份范围 {FIRST_YEAR}–{LAST_YEAR}",
        f"{value.isoformat()} is outside the years gongkai handles ({FIRST_YEAR}-{LAST_YEAR})",
    )


def check_day(value: date) -> date:
    """``value`` if its year is in range; ValueError otherwise (a pydantic validator)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        zh, en = _out_of_range(value)
        raise ValueError(f"{zh}（{en}）")
    return value


def check_instant(value: datetime) -> datetime:
    """``value`` in Asia/Shanghai if its year is in range, ValueError otherwise (a pydantic
    validator: the range is checked before converting, which could overflow)."""
    check_day(value)
    return to_shanghai(value)


def instant(value: object, what: str = "at", what_zh: str | None = None) -> datetime:
    """An instant given to the API (datetime, date or ISO text) in Asia/Shanghai;
    RecordError naming ``what`` (``what_zh`` in Chinese) when it has another type or lies
    out of range."""
    label = what_zh or what
    if isinstance(value, str):
        try:
            value = parse_iso(value)
        except GongkaiError as err:
            raise RecordError(f"{label}：{err.zh}", f"{what}: {err.en}") from None
    if not isinstance(value, date):
        raise RecordError(
            f"{label} 须为日期或时间（datetime、date 或 ISO 文本），而不是 {type(value).__name__}",
            f"{what} must be a datetime, a date or ISO text, not {type(value).__name__}",
        )
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        zh, en = _out_of_range(value)
        raise RecordError(f"{label}：{zh}", f"{what}: {en}")
    return to_shanghai(value)


def data_problem(data: Any, max_depth: int | None = None) -> tuple[str, str] | None:
    """Why ``data`` is not acceptable record or event data, as (zh, en) naming the field
    (``history.2.items.0``), or None. Iterative: any depth is safe to check. The depth
    bound defaults to :data:`MAX_DEPTH` as set when called (assign it to configure)."""
    max_depth = MAX_DEPTH if max_depth is None else max_depth
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        where = path or "(record)"
        if depth > max_depth:
            return (
                f"字段 {where} 嵌套超过 {max_depth} 层",
                f"field {where} is nested deeper than {max_depth} levels",
            )
        if value is None or isinstance(value, bool | Enum | date):
            continue
        if isinstance(value, BaseModel):
            value = dict(value)
        if isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str):
                    return (
                        f"字段 {where} 的键须为字符串",
                        f"field {where} has a key that is not a str",
                    )
                stack.append((item, f"{path}.{key}" if path else key, depth + 1))
            problem = next(filter(None, (_text_problem(k, where) for k in value)), None)
        elif isinstance(value, list | tuple):
            stack.extend(
                (item, f"{path}.{i}" if path else str(i), depth + 1) for i, item in enumerate(value)
            )
            problem = None
        else:
            problem = _scalar_problem(value, where)
        if problem is not None:
            return problem
    return None


def _scalar_problem(value: object, where: str) -> tuple[str, str] | None:
    if isinstance(value, str):
        return _text_problem(value, where)
    if isinstance(value, int):
        if abs(value) <= MAX_INT:
            return None
        return (
            f"字段 {where} 的整数过大（绝对值上限 {MAX_INT}）",
            f"field {where} holds an integer too large (limit {MAX_INT})",
        )
    if isinstance(value, float):
        if math.isfinite(value):
            return None
        return (
            f"字段 {where} 不是有限数（{value}）",
            f"field {where} is not a finite number ({value})",
        )
    return (
        f"字段 {where} 的值不是 JSON 数据（{type(value).__name__}）",
        f"field {where} is not JSON data ({type(value).__name__})",
    )


def _text_problem(text: str, where: str) -> tuple[str, str] | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return (
            f"字段 {where} 含无法编码的字符（孤立代理项）",
            f"field {where} holds a character that cannot be encoded (a lone surrogate)",
        )
    return None


def parse_json(text: str | bytes, max_depth: int | None = None) -> Any:
    """JSON text parsed after its nesting is checked against ``max_depth``; NaN, Infinity
    and numbers Python cannot read are refused. RecordError on any problem."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise RecordError(
                "记录无效：JSON 不是 UTF-8 文本", "invalid record: the JSON is not UTF-8 text"
            ) from None
    check_json_depth(text, max_depth)
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except ValueError as err:  # JSONDecodeError, NaN/Infinity, an integer too long to read
        raise RecordError(
            f"记录无效：JSON 有误（{err}）", f"invalid record: invalid JSON: {err}"
        ) from None
    except RecursionError:
        raise RecordError(
            "记录无效：JSON 嵌套过深", "invalid record: the JSON is nested too deeply"
        ) from None


def check_json_depth(text: str, max_depth: int | None = None) -> None:
    """RecordError if the JSON ``text`` nests lists and objects deeper than ``max_depth``
    (default :data:`MAX_DEPTH`); checked without parsing, in linear time."""
    limit = MAX_DEPTH if max_depth is None else max_depth
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                raise RecordError(
                    f"JSON 嵌套超过 {limit} 层", f"the JSON is nested deeper than {limit} levels"
                )
        elif token in "]}":
            depth -= 1


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")
