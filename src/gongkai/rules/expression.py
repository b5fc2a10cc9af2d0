"""Rule expressions: parsed with ``ast`` against a whitelist, type-checked against a
:class:`~gongkai.rules.types.RecordSchema`, compiled once into nested closures, explained.

``compile_expression(source, schema, ...)`` gives an :class:`Expression`; evaluate it
against an :class:`EvalContext` (a record and its events). Nothing is ever ``eval``-ed.
The language is described in ``docs/expressions.md``.
"""

from __future__ import annotations

import ast
import contextlib
import re
import warnings
from collections.abc import Callable, Collection
from datetime import date, datetime

from gongkai.clocks.duration import Duration
from gongkai.errors import RuleDefinitionError
from gongkai.rules.checker import Compiler
from gongkai.rules.functions import EvalContext, Fn, Node, Options, Site
from gongkai.rules.types import ExprType, RecordSchema

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_SOURCE_CHARS",
    "EvalContext",
    "Expression",
    "compile_expression",
]

#: Longest expression source, in characters.
MAX_SOURCE_CHARS = 2_000
#: Deepest nesting of sub-expressions.
MAX_DEPTH = 32
#: Most sub-expressions (``ast.expr`` nodes) in one expression.
MAX_NODES = 400

_EXPECT_KINDS: dict[object, tuple[str, ...]] = {
    bool: ("bool",),
    int: ("int",),
    float: ("int", "float"),
    str: ("str", "enum"),
    date: ("date",),
    datetime: ("datetime",),
    Duration: ("duration",),
}


class Expression:
    """A compiled, type-checked rule expression.

    ``source`` is the text as given; ``fields`` the dotted field paths it reads;
    ``events`` the event names it asks about; ``type`` its static type.
    """

    __slots__ = ("_fn", "_root", "events", "fields", "source", "type")

    def __init__(
        self,
        source: str,
        root: Node,
        fn: Fn,
        fields: frozenset[str],
        events: frozenset[str],
        typ: ExprType,
    ) -> None:
        self.source = source
        self.fields = fields
        self.events = events
        self.type = typ
        self._root = root
        self._fn = fn

    def evaluate(self, ctx: EvalContext) -> object:
        """The value of the expression for ``ctx`` (a ``bool`` for conditions)."""
        return self._fn(ctx)

    def explain(self, ctx: EvalContext) -> list[tuple[str, object]]:
        """Each sub-expression's source text and value, outermost first (depth-first).

        Every sub-expression is evaluated on its own, also those that ``and``/``or``
        would short-circuit; literals are left out (their value is their text).
        """
        out: list[tuple[str, object]] = [(self._root.text, self._fn(ctx))]
        stack = list(reversed(self._root.children))
        while stack:
            node = stack.pop()
            if not node.const:
                out.append((node.text, node.fn(ctx)))
            stack.extend(reversed(node.children))
        return out

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"


def compile_expression(
    source: str,
    schema: RecordSchema,
    *,
    file: str | None = None,
    rule_id: str | None = None,
    duration_parser: Callable[[str], object] | None = None,
    expect: type | None = bool,
    event_names: Collection[str] | None = None,
) -> Expression:
    """Parse, check and compile ``source`` against ``schema``.

    ``file`` and ``rule_id`` go into errors. ``duration_parser`` turns the text of
    ``duration("…")`` into a value (without it ``duration`` is an unknown function).
    ``expect`` is the required result type: ``bool`` (default), ``int``, ``float``,
    ``str``, ``date``, ``datetime``, ``Duration`` or ``None`` for any. When
    ``event_names`` is given, event functions may only name those events.
    Raises :class:`~gongkai.errors.RuleDefinitionError` with a position on any problem.
    """
    if not isinstance(source, str):
        raise RuleDefinitionError(
            f"规则表达式必须是字符串，而不是 {type(source).__name__}",
            f"a rule expression must be a string, not {type(source).__name__}",
            file=file,
            rule_id=rule_id,
        )
    site = Site(source, file, rule_id)
    if len(source) > MAX_SOURCE_CHARS:
        head = re.split(r"\r\n|\r|\n", source[:MAX_SOURCE_CHARS])
        raise site.error(
            f"表达式过长（{len(source)} 字符，上限 {MAX_SOURCE_CHARS}）",
            f"expression too long ({len(source)} chars, limit {MAX_SOURCE_CHARS})",
            pos=(len(head), len(head[-1]) + 1),
        )
    tree = _parse(site)
    _check_bounds(tree, site)
    opts = Options(duration_parser=duration_parser, event_names=event_names)
    compiler = Compiler(schema, site, opts)
    root = compiler.compile(tree.body)
    fn = _check_result(root, expect, site)
    typ = root.type.with_optional(False) if fn is not root.fn else root.type
    fields, events = frozenset(compiler.fields), frozenset(opts.events_used)
    return Expression(source, root, fn, fields, events, typ)


def _parse(site: Site) -> ast.Expression:
    """``ast.parse`` in eval mode; line breaks outside brackets are allowed too."""
    if not site.text:
        raise site.error("表达式为空", "the expression is empty", pos=site.shift(1, 1))
    try:
        return _ast_parse(site.text)
    except SyntaxError as exc:
        if re.search(r"[\r\n]", site.text) and _brackets_balanced(site.text):
            with contextlib.suppress(SyntaxError, ValueError, RecursionError, MemoryError):
                tree = _ast_parse("(" + site.text + "\n)")
                site.wrap()
                return tree
        pos = site.shift(max(exc.lineno or 1, 1), max(exc.offset or 1, 1))
        hint_zh = hint_en = ""
        if "escape" in exc.msg:
            hint_zh = "；反斜杠请写成原始字符串 r'\\d' 或双写 '\\\\d'"
            hint_en = "; write backslashes in a raw string r'\\d' or doubled '\\\\d'"
        raise site.error(
            f"表达式语法错误：{exc.msg}{hint_zh}", f"syntax error: {exc.msg}{hint_en}", pos=pos
        ) from None
    except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
        raise site.error(
            f"无法解析表达式：{type(exc).__name__}",
            f"cannot parse the expression: {type(exc).__name__}",
            pos=site.shift(1, 1),
        ) from None


def _ast_parse(text: str) -> ast.Expression:
    """``ast.parse`` with warnings (e.g. invalid escape sequences) raised as SyntaxError."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return ast.parse(text, mode="eval")


def _brackets_balanced(text: str) -> bool:
    """Whether no closing bracket outside strings and comments lacks its opening one."""
    depth, i, n = 0, 0, len(text)
    while i < n:
        char = text[i]
        if char in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else char
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                i += 2 if text[i] == "\\" else 1
            i += len(quote)
            continue
        if char == "#":
            while i < n and text[i] not in "\r\n":
                i += 1
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return True


def _check_bounds(tree: ast.Expression, site: Site) -> None:
    """Refuse too deep or too large trees without recursing."""
    count = 0
    stack: list[tuple[ast.AST, int]] = [(tree.body, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, ast.expr):
            count += 1
            if depth > MAX_DEPTH:
                raise site.error(
                    f"表达式嵌套过深（上限 {MAX_DEPTH} 层）",
                    f"expression nested too deeply (limit {MAX_DEPTH})",
                    node,
                )
            if count > MAX_NODES:
                raise site.error(
                    f"表达式过大（上限 {MAX_NODES} 个子表达式）",
                    f"expression too large (limit {MAX_NODES} sub-expressions)",
                    node,
                )
        for child in ast.iter_child_nodes(node):
            stack.append((child, depth + 1 if isinstance(child, ast.expr) else depth))


def _check_result(root: Node, expect: type | None, site: Site) -> Fn:
    if expect is None:
        return root.fn
    kinds = _EXPECT_KINDS.get(expect)
    if kinds is None:
        raise TypeError(f"compile_expression(expect=...) cannot be {expect!r}")
    if root.type.kind not in kinds:
        hint_zh, hint_en = "", ""
        if expect is bool and root.type.optional:
            hint_zh = f"；判断是否填写请用 present({root.text})"
            hint_en = f"; to test whether it is filled in, use present({root.text})"
        raise site.error(
            f"表达式的结果应为 {kinds[-1]}，而 {root.text} 是 {root.type.describe()}{hint_zh}",
            f"the expression must give {kinds[-1]}, but {root.text} is "
            f"{root.type.describe()}{hint_en}",
            root.src,
        )
    if expect is bool and root.type.optional:
        get = root.fn
        return lambda ctx: bool(get(ctx))
    return root.fn
