"""Runtime side of rule expressions: the evaluation context, compiled nodes, error sites,
and the whitelisted functions (``len``, ``present``, ``matches``, ``date``, ``datetime``,
``duration``, ``has_event``, ``event_at``, ``count_events``, ``distinct``).
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from pydantic import BaseModel

from gongkai.errors import GongkaiError, RuleDefinitionError
from gongkai.rules.regexes import MAX_REGEX_CHARS, REGEX_INPUT_LIMIT, regex_problem
from gongkai.rules.types import (
    BOOL,
    DATE,
    DATETIME,
    DURATION,
    INT,
    ExprType,
)
from gongkai.timezone import SHANGHAI, to_shanghai

__all__ = [
    "MAX_REGEX_CHARS",
    "REGEX_INPUT_LIMIT",
    "EvalContext",
    "EventLike",
    "Fn",
    "Node",
    "Options",
    "Site",
    "function_names",
    "regex_problem",
]


class EventLike(Protocol):
    """What an event must offer: its ``name`` and the instant ``at`` it happened."""

    @property
    def name(self) -> str: ...

    @property
    def at(self) -> datetime: ...


class EvalContext:
    """What an expression is evaluated against: a record and its events (in time order).

    Cheap to build; the per-name event index is made on first use by an event function.
    """

    __slots__ = ("_index", "events", "record")

    def __init__(self, record: BaseModel, events: Sequence[EventLike] = ()) -> None:
        self.record = record
        self.events = events
        self._index: dict[str, list[datetime]] | None = None

    def event_times(self, name: str) -> Sequence[datetime]:
        """The (Asia/Shanghai) instants of the events called ``name``, in the given order."""
        index = self._index
        if index is None:
            index = {}
            for event in self.events:
                index.setdefault(event.name, []).append(aware(event.at))
            self._index = index
        return index.get(name, ())


def aware(value: datetime | date) -> datetime:
    """``value`` as an aware datetime; naive ones and dates are read as Asia/Shanghai."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    return to_shanghai(value)


#: A compiled (sub-)expression: context -> value.
Fn = Callable[[EvalContext], Any]


@dataclass(frozen=True, slots=True, eq=False)
class Node:
    """One checked, compiled sub-expression.

    ``const`` nodes (literals and what folds to them) carry their ``value`` and are
    left out of explanations.
    """

    type: ExprType
    fn: Fn
    text: str
    src: ast.expr
    children: tuple[Node, ...] = ()
    const: bool = False
    value: Any = None


def const_node(typ: ExprType, value: Any, text: str, src: ast.expr) -> Node:
    """A node whose value is known at load time."""
    return Node(typ, lambda _ctx: value, text, src, const=True, value=value)


@dataclass(slots=True)
class Options:
    """Compile-time settings and what the compiler collects on the way."""

    duration_parser: Callable[[str], Any] | None = None
    event_names: Collection[str] | None = None
    events_used: set[str] = field(default_factory=set)


class Site:
    """Where an expression comes from; turns AST positions into ``RuleDefinitionError``.

    The text is stripped (and maybe wrapped in parentheses) before parsing; positions are
    reported in the original source, 1-based, in characters.
    """

    __slots__ = ("col_off", "file", "line_off", "lines", "rule_id", "text")

    def __init__(self, source: str, file: str | None, rule_id: str | None) -> None:
        self.file = file
        self.rule_id = rule_id
        self.text = source.strip()
        removed = re.split(r"\r\n|\r|\n", source[: len(source) - len(source.lstrip())])
        self.line_off = len(removed) - 1
        self.col_off = len(removed[-1])
        self.lines = re.split(r"\r\n|\r|\n", self.text)

    def wrap(self) -> None:
        """Parse ``(text)`` instead, so that line breaks may separate tokens."""
        self.text = "(" + self.text + "\n)"
        self.lines = re.split(r"\r\n|\r|\n", self.text)
        self.col_off -= 1

    def shift(self, line: int, col: int) -> tuple[int, int]:
        """A 1-based (line, col) in the stripped text -> the same in the original source."""
        return (line + self.line_off, col + (self.col_off if line == 1 else 0))

    def position(self, node: ast.AST) -> tuple[int, int]:
        """The 1-based (line, col) of ``node`` in the original source."""
        return self.position_at(getattr(node, "lineno", 1), getattr(node, "col_offset", 0))

    def position_at(self, line: int, col_bytes: int) -> tuple[int, int]:
        """Like :meth:`position`, from ``ast``'s 1-based line and 0-based UTF-8 byte column."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        col = len(text.encode("utf-8", "surrogatepass")[:col_bytes].decode("utf-8", "ignore"))
        return self.shift(line, col + 1)

    def error(
        self, zh: str, en: str, node: ast.AST | None = None, pos: tuple[int, int] | None = None
    ) -> RuleDefinitionError:
        """A ``RuleDefinitionError`` at ``node`` (or ``pos``) naming this file and rule."""
        if node is not None:
            pos = self.position(node)
        return RuleDefinitionError(zh, en, file=self.file, rule_id=self.rule_id, position=pos)

    def text_of(self, node: ast.AST) -> str:
        """The source text of ``node``."""
        segment = ast.get_source_segment(self.text, node)
        return segment if segment is not None else ast.unparse(node)


# --------------------------------------------------------------------------- functions

#: (call node, compiled arguments, options, site) -> compiled node
FunctionCompiler = Callable[[ast.Call, list[Node], Options, Site], Node]


def _arity(call: ast.Call, args: list[Node], count: int, site: Site) -> None:
    name = call.func.id if isinstance(call.func, ast.Name) else "?"
    if len(args) != count:
        raise site.error(
            f"函数 {name}() 需要 {count} 个参数，实际给了 {len(args)} 个",
            f"{name}() takes {count} argument(s), {len(args)} given",
            call,
        )


def _literal_str(call: ast.Call, arg: Node, site: Site, what_zh: str, what_en: str) -> str:
    name = call.func.id if isinstance(call.func, ast.Name) else "?"
    if not (arg.const and isinstance(arg.value, str)):
        raise site.error(
            f"{name}() 的{what_zh}必须是字符串字面量",
            f"the {what_en} of {name}() must be a string literal",
            arg.src,
        )
    return arg.value


def _len(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    _arity(call, args, 1, site)
    (arg,) = args
    if arg.type.kind not in ("str", "list"):
        raise site.error(
            f"len() 只能用于字符串或列表，而 {arg.text} 是 {arg.type.describe()}",
            f"len() needs a str or a list, but {arg.text} is {arg.type.describe()}",
            arg.src,
        )
    get = arg.fn
    if arg.type.optional:

        def length(ctx: EvalContext) -> int | None:
            value = get(ctx)
            return None if value is None else len(value)

        return Node(INT.with_optional(), length, site.text_of(call), call, (arg,))
    return Node(INT, lambda ctx: len(get(ctx)), site.text_of(call), call, (arg,))


def _present(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    _arity(call, args, 1, site)
    return Node(BOOL, present_fn(args[0]), site.text_of(call), call, (args[0],))


def present_fn(arg: Node) -> Fn:
    """A function giving True when ``arg`` is not None and not an empty str or list."""
    get = arg.fn
    if arg.type.kind in ("str", "list"):
        return lambda ctx: bool(get(ctx))
    return lambda ctx: get(ctx) is not None


def _matches(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    _arity(call, args, 2, site)
    subject, pattern_node = args
    if subject.type.kind != "str":
        raise site.error(
            f"matches() 的第一个参数必须是字符串，而 {subject.text} 是 {subject.type.describe()}",
            f"the first argument of matches() must be a str, but {subject.text} is "
            f"{subject.type.describe()}",
            subject.src,
        )
    pattern = _literal_str(call, pattern_node, site, "正则表达式", "pattern")
    problem = regex_problem(pattern)
    if problem is not None:
        raise site.error(*problem, node=pattern_node.src)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # e.g. FutureWarning "possible nested set"
            search = re.compile(pattern).search
    except (re.error, OverflowError, RecursionError, ValueError, Warning) as exc:
        raise site.error(
            f"正则表达式无效：{exc}", f"invalid regular expression: {exc}", pattern_node.src
        ) from None
    get = subject.fn
    limit = REGEX_INPUT_LIMIT

    def matches(ctx: EvalContext) -> bool:
        value = get(ctx)
        return value is not None and search(value[:limit]) is not None

    return Node(BOOL, matches, site.text_of(call), call, (subject,))


def _date(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    _arity(call, args, 1, site)
    text = _literal_str(call, args[0], site, "参数", "argument")
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise site.error(
            f"无效日期 {text!r}：应写作 YYYY-MM-DD",
            f"invalid date {text!r}: write YYYY-MM-DD",
            args[0].src,
        ) from None
    return const_node(DATE, value, site.text_of(call), call)


def _datetime(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    _arity(call, args, 1, site)
    text = _literal_str(call, args[0], site, "参数", "argument")
    iso = text.strip()
    if iso[-1:] in ("Z", "z"):
        iso = iso[:-1] + "+00:00"
    try:
        value = to_shanghai(datetime.fromisoformat(iso))
    except (ValueError, OverflowError):
        raise site.error(
            f"无效时间 {text!r}：应写作 ISO 8601，如 2019-05-15T08:00:00+08:00（无时区按北京时间）",
            f"invalid datetime {text!r}: write ISO 8601, e.g. 2019-05-15T08:00:00+08:00 "
            "(no offset means Asia/Shanghai)",
            args[0].src,
        ) from None
    return const_node(DATETIME, value, site.text_of(call), call)


def _duration(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    _arity(call, args, 1, site)
    text = _literal_str(call, args[0], site, "参数", "argument")
    parser = opts.duration_parser
    assert parser is not None  # duration() is only offered when a parser is given
    try:
        value = parser(text)
    except (GongkaiError, ValueError, TypeError) as exc:
        raise site.error(
            f"无效期限 {text!r}：{getattr(exc, 'zh', exc)}",
            f"invalid duration {text!r}: {getattr(exc, 'en', exc)}",
            args[0].src,
        ) from None
    return const_node(DURATION, value, site.text_of(call), call)


def _event_name(call: ast.Call, args: list[Node], opts: Options, site: Site) -> str:
    _arity(call, args, 1, site)
    name = _literal_str(call, args[0], site, "事件名", "event name")
    known = opts.event_names
    if known is not None and name not in known:
        listed = ", ".join(sorted(known))
        raise site.error(
            f"未知事件 {name!r}（可用：{listed}）",
            f"unknown event {name!r} (known: {listed})",
            args[0].src,
        )
    opts.events_used.add(name)
    return name


def _has_event(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    name = _event_name(call, args, opts, site)
    return Node(BOOL, lambda ctx: bool(ctx.event_times(name)), site.text_of(call), call)


def _event_at(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    name = _event_name(call, args, opts, site)

    def event_at(ctx: EvalContext) -> datetime | None:
        times = ctx.event_times(name)
        return times[0] if times else None

    return Node(DATETIME.with_optional(), event_at, site.text_of(call), call)


def _count_events(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    name = _event_name(call, args, opts, site)
    return Node(INT, lambda ctx: len(ctx.event_times(name)), site.text_of(call), call)


def _events_carry(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    _arity(call, args, 2, site)
    name = _event_name(call, args[:1], opts, site)
    key = _literal_str(call, args[1], site, "数据键", "data key")

    def carry(ctx: EvalContext) -> bool:
        return all(
            str((getattr(e, "data", None) or {}).get(key) or "").strip()
            for e in ctx.events
            if e.name == name
        )

    return Node(BOOL, carry, site.text_of(call), call)


def _distinct(call: ast.Call, args: list[Node], opts: Options, site: Site) -> Node:
    _arity(call, args, 1, site)
    (arg,) = args
    if arg.type.kind != "list" or (arg.type.item is not None and arg.type.item.kind == "record"):
        raise site.error(
            f"distinct() 只能用于由值组成的列表，而 {arg.text} 是 {arg.type.describe()}",
            f"distinct() needs a list of values, but {arg.text} is {arg.type.describe()}",
            arg.src,
        )
    get = arg.fn

    def distinct(ctx: EvalContext) -> bool | None:
        items = get(ctx)
        return None if items is None else len(set(items)) == len(items)

    typ = BOOL.with_optional(arg.type.optional)
    return Node(typ, distinct, site.text_of(call), call, (arg,))


FUNCTIONS: dict[str, FunctionCompiler] = {
    "len": _len,
    "present": _present,
    "matches": _matches,
    "date": _date,
    "datetime": _datetime,
    "duration": _duration,
    "has_event": _has_event,
    "event_at": _event_at,
    "count_events": _count_events,
    "events_carry": _events_carry,
    "distinct": _distinct,
}


def function_names(opts: Options) -> list[str]:
    """The functions an expression compiled with ``opts`` may call."""
    return [n for n in FUNCTIONS if n != "duration" or opts.duration_parser is not None]


def aware_or_none(value: datetime | None) -> datetime | None:
    """``value`` made aware (Asia/Shanghai when naive); None stays None."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=SHANGHAI)
