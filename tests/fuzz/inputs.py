"""Hostile inputs for the fuzz suite: edge values, JSON-like trees, mutations of valid
records and overlays (issue 16's classes: extreme instants, deep nesting, surrogates,
NaN/Infinity, huge integers, misspelt events, wrong types)."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

from gongkai.testing import records as rec

#: Values each of which broke something once (issue 16) or sits on a boundary.
EDGE_TEXT = [
    "\ud800",
    "\udfff",
    "",
    " ",
    "\x00",
    "0001-01-01T00:00+14:00",
    "9999-12-31T23:00-05:00",
    "9999-12-31T22:00",
    "1899-12-31T23:59",
    "2101-01-01",
    "2026-02-30",
    "2026-03-02T09:00",
    "2026-03-02",
    "NaN",
    "publsh",
    "draft",
    "publish",
    "通过",
    "不通过",
    "公开发布",
    "不公开",
    "（此件公开发布）",
    "国办发〔2026〕1号",
    "5小时",
    "20个工作日",
    "a" * 3000,
]
EDGE_NUMBERS: list[Any] = [
    0,
    -1,
    2**53 + 1,
    -(2**63),
    10**400,
    float("nan"),
    float("inf"),
    -0.0,
    1e308,
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(EDGE_NUMBERS),
    st.floats(),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=20),
    st.sampled_from(EDGE_TEXT),
)

json_like = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["name", "at", "kind", "x", "年", ""]) | st.text(max_size=6),
            inner,
            max_size=4,
        )
    ),
    max_leaves=10,
)


def nested(depth: int, mapping: bool) -> Any:
    """A list (or ``{"a": …}``) nested ``depth`` deep."""
    value: Any = 1
    for _ in range(depth):
        value = {"a": value} if mapping else [value]
    return value


hostile = st.one_of(
    json_like,
    st.builds(nested, st.integers(30, 900), st.booleans()),  # json.dumps can still write it
)


def deep_record_text(depth: int, kind: str, mapping: bool) -> str:
    """A record's JSON text whose first event holds data nested ``depth`` deep."""
    value = ('{"a":' * depth + "1" + "}" * depth) if mapping else ("[" * depth + "]" * depth)
    event = '{"name": "draft", "at": "2026-03-02", "x": ' + value + "}"
    return '{"kind": "' + kind + '", "history": [' + event + "]}"


#: JSON text nested 500-10,000 deep (issue 16: RecursionError while decoding).
deep_json_text = st.builds(
    deep_record_text,
    st.integers(500, 10_000),
    st.sampled_from(["document", "meeting", "request", "incident", "agency", "message"]),
    st.booleans(),
)


#: Valid records of every kind, as JSON-like mappings, to mutate.
SEEDS: list[dict[str, Any]] = [
    rec.document(
        rec.event("draft", "2026-03-02T09:00"),
        rec.event("set_attribute", "2026-03-02T10:00"),
        rec.event("submit", "2026-03-03T09:00"),
        title="某县人民政府关于开展政务公开工作的通知",
        doc_number="某政发〔2026〕3号",
        disclosure_marking="（此件公开发布）",
        is_policy=True,
        secrecy_review={"result": "通过", "at": "2026-03-04T09:00"},
    ),
    rec.meeting(
        rec.event("propose_topic", "2026-03-02T09:00"), rec.event("hold", "2026-03-10T09:00")
    ),
    rec.request(
        rec.event("submit", "2026-03-01T09:00"),
        rec.event("receive", "2026-03-02T09:00"),
        rec.event("extend", "2026-03-20T09:00", by="20个工作日", approver="主任", notice=True),
    ),
    rec.incident(
        rec.event("detect", "2026-03-02T09:00"),
        rec.event("assess", "2026-03-02T10:00", level="重大"),
    ),
    rec.agency(
        rec.event("annual_report_published", "2026-01-20T09:00", year=2025), name="某县人民政府"
    ),
    rec.message(rec.event("receive", "2026-03-02T09:00"), rec.event("reply", "2026-03-05T09:00")),
]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if len(prefix) > 6:  # a hostile value already planted there: do not walk into it
        return out
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.extend(_paths(item, (*prefix, i)))
    return out


@st.composite
def mutated_records(draw: st.DrawFn) -> dict[str, Any]:
    """A valid record with one to three of its values (or keys) replaced by hostile ones."""
    record = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(record) if p]
        path = draw(st.sampled_from(paths))
        parent: Any = record
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["set", "set", "delete", "add"]))
        if action == "set":
            parent[path[-1]] = draw(hostile)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "name", "at", "kind", "history"]))] = draw(
                hostile
            )
        if path[-1] == "kind" and action == "delete":
            break
    return record


@st.composite
def mutated_text(draw: st.DrawFn, seed: str) -> str:
    """``seed`` with a few slices deleted, duplicated or replaced by hostile text."""
    text = seed
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 20)))
        piece = draw(
            st.sampled_from(["", text[i:j] * 2, *EDGE_TEXT[:12], "[", "{", '"', "\\", "1e999", "-"])
        )
        text = text[:i] + piece + text[j:]
    return text


def loads_or_none(text: str) -> Any:
    """``json.loads(text)``, or None when the text is not JSON."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def dumps(value: Any) -> str:
    """JSON text of ``value`` whatever it holds (NaN and surrogates included)."""
    return json.dumps(value, ensure_ascii=True, allow_nan=True, default=str)
