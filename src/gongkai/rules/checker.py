"""The checker of rule expressions: walks the whitelisted ``ast`` nodes, checks their
types against a :class:`~gongkai.rules.types.RecordSchema` and builds the closures.

Used by :func:`gongkai.rules.expression.compile_expression`; not a public API.
"""

from __future__ import annotations

import ast
import difflib
import math
import operator
from collections.abc import Callable, Collection
from enum import Enum
from operator import attrgetter
from typing import Any

from gongkai.errors import RuleDefinitionError
from gongkai.rules.functions import (
    FUNCTIONS,
    EvalContext,
    Fn,
    Node,
    Options,
    Site,
    aware,
    aware_or_none,
    const_node,
    function_names,
    present_fn,
)
from gongkai.rules.types import (
    BOOL,
    FLOAT,
    INT,
    NULL,
    STR,
    ExprType,
    RecordSchema,
    list_of,
)

__all__ = ["MAX_INT_LITERAL", "Compiler"]


#: Largest absolute value of an integer literal (keeps int/float arithmetic exact and safe).
MAX_INT_LITERAL = 2**53

_LITERAL_NAMES: dict[str, tuple[ExprType, object]] = {
    "true": (BOOL, True),
    "false": (BOOL, False),
    "null": (NULL, None),
}

_FORBIDDEN: dict[type[ast.AST], tuple[str, str]] = {
    ast.Subscript: ("下标 x[i]", "subscripts x[i] are"),
    ast.Slice: ("切片", "slices are"),
    ast.Lambda: ("lambda 表达式", "lambda is"),
    ast.ListComp: ("推导式", "comprehensions are"),
    ast.SetComp: ("推导式", "comprehensions are"),
    ast.DictComp: ("推导式", "comprehensions are"),
    ast.GeneratorExp: ("生成器表达式", "generator expressions are"),
    ast.JoinedStr: ("f 字符串", "f-strings are"),
    ast.FormattedValue: ("f 字符串", "f-strings are"),
    ast.NamedExpr: ("赋值表达式 :=", "assignment expressions := are"),
    ast.Tuple: ("元组", "tuples are"),
    ast.Dict: ("字典", "dicts are"),
    ast.Set: ("集合", "sets are"),
    ast.IfExp: ("条件表达式 a if c else b", "conditional expressions a if c else b are"),
    ast.Starred: ("星号展开 *x", "starred expressions *x are"),
    ast.Await: ("await 表达式", "await is"),
    ast.Yield: ("yield 表达式", "yield is"),
    ast.YieldFrom: ("yield 表达式", "yield is"),
}

_OPERATOR_SYMBOLS: dict[type[ast.AST], str] = {
    ast.Pow: "**",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.BitXor: "^",
    ast.Invert: "~",
    ast.Is: "is",
    ast.IsNot: "is not",
}

_ORDER: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}


def _quoted(values: Collection[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class Compiler:
    """One compilation: checks each AST node and builds its closure.

    ``fields`` collects the field paths read; ``opts.events_used`` the event names.
    """

    def __init__(self, schema: RecordSchema, site: Site, opts: Options) -> None:
        self.schema = schema
        self.site = site
        self.opts = opts
        self.fields: set[str] = set()

    def error(self, zh: str, en: str, node: ast.AST) -> RuleDefinitionError:
        """A ``RuleDefinitionError`` at ``node``."""
        return self.site.error(zh, en, node)

    def compile(self, node: ast.expr) -> Node:
        """Check and compile ``node``; refuse anything not whitelisted."""
        if isinstance(node, ast.Constant):
            return self._constant(node)
        if isinstance(node, (ast.Name, ast.Attribute)):
            return self._path(node)
        if isinstance(node, ast.List):
            return self._list(node)
        if isinstance(node, ast.BoolOp):
            return self._boolop(node)
        if isinstance(node, ast.UnaryOp):
            return self._unary(node)
        if isinstance(node, ast.BinOp):
            return self._binop(node)
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        name = type(node).__name__
        zh, en = _FORBIDDEN.get(type(node), (name, f"{name} is"))
        raise self.error(
            f"规则表达式中不允许使用{zh}", f"{en} not allowed in rule expressions", node
        )

    # ------------------------------------------------------------------ leaves

    def _constant(self, node: ast.Constant) -> Node:
        value = node.value
        text = self.site.text_of(node)
        if value is None:
            return const_node(NULL, None, text, node)
        if type(value) is int and abs(value) > MAX_INT_LITERAL:
            raise self.error(
                f"整数字面量过大（绝对值上限 {MAX_INT_LITERAL}）",
                f"integer literal too large (absolute value limit {MAX_INT_LITERAL})",
                node,
            )
        if type(value) is float and not math.isfinite(value):
            raise self.error(
                f"数字字面量 {text} 超出浮点数范围（得到 {value}）",
                f"number literal {text} is out of the float range (gives {value})",
                node,
            )
        for kind, typ in ((bool, BOOL), (int, INT), (float, FLOAT), (str, STR)):
            if type(value) is kind:
                return const_node(typ, value, text, node)
        raise self.error(f"不支持的字面量 {text}", f"unsupported literal {text}", node)

    def _path(self, node: ast.Name | ast.Attribute) -> Node:
        parts: list[tuple[str, ast.AST, tuple[int, int]]] = []
        current: ast.expr = node
        while isinstance(current, ast.Attribute):
            end_line = current.end_lineno or current.lineno
            end_col = current.end_col_offset or current.col_offset
            where = (end_line, end_col - len(current.attr.encode("utf-8")))
            parts.append((current.attr, current, where))
            current = current.value
        if not isinstance(current, ast.Name):
            raise self.error(
                "只能读取字段路径的属性（如 a.b），不能读取其他值的属性",
                "attributes may only be read along field paths (like a.b)",
                node,
            )
        parts.append((current.id, current, (current.lineno, current.col_offset)))
        parts.reverse()
        first = parts[0][0]
        if len(parts) == 1 and first in _LITERAL_NAMES:
            typ, value = _LITERAL_NAMES[first]
            return const_node(typ, value, first, node)
        return self._field(node, parts)

    def _field(self, node: ast.expr, parts: list[tuple[str, ast.AST, tuple[int, int]]]) -> Node:
        schema: RecordSchema | None = self.schema
        typ: ExprType = NULL
        through_optional = False
        names: list[str] = []
        for index, (name, _part, where) in enumerate(parts):
            pos = self.site.position_at(*where)
            if name.startswith("_"):
                raise self.site.error(
                    f"不允许以下划线开头的名称 {name}",
                    f"names starting with an underscore are not allowed: {name}",
                    pos=pos,
                )
            prefix = ".".join(names)
            if schema is None:
                raise self.site.error(
                    f"{prefix} 是 {typ.describe()}，没有字段 {name}",
                    f"{prefix} is {typ.describe()} and has no field {name!r}",
                    pos=pos,
                )
            found = schema.field(name)
            if found is None:
                raise self._unknown_field(schema, prefix, name, pos)
            if index < len(parts) - 1:
                through_optional = through_optional or found.optional
            typ = found
            names.append(name)
            schema = found.record if found.kind == "record" else None
        path = ".".join(names)
        self.fields.add(path)
        typ = typ.with_optional(typ.optional or through_optional)
        return Node(typ, _getter(names, through_optional, typ), self.site.text_of(node), node)

    def _unknown_field(
        self, schema: RecordSchema, prefix: str, name: str, pos: tuple[int, int]
    ) -> RuleDefinitionError:
        path = f"{prefix}.{name}" if prefix else name
        if name in schema.unsupported:
            ann = schema.unsupported[name]
            return self.site.error(
                f"字段 {path} 的类型 {ann} 不能在表达式中使用",
                f"field {path!r} has type {ann}, which rule expressions cannot use",
                pos=pos,
            )
        if not prefix and name in FUNCTIONS:
            return self.site.error(
                f"{name} 是函数，应写作 {name}(…)",
                f"{name} is a function: call it as {name}(...)",
                pos=pos,
            )
        available = sorted(schema.fields)
        close = difflib.get_close_matches(name, available, n=1)
        shown = ", ".join(available[:40]) + (" …" if len(available) > 40 else "")
        return self.site.error(
            f"未知字段 {path}（{schema.name} 的字段：{shown}）"
            + (f"；是否应为 {close[0]}？" if close else ""),
            f"unknown field {path!r} (fields of {schema.name}: {shown})"
            + (f"; did you mean {close[0]!r}?" if close else ""),
            pos=pos,
        )

    def _list(self, node: ast.List) -> Node:
        items = [self.compile(element) for element in node.elts]
        for item in items:
            if not item.const or item.type.kind == "list":
                raise self.error(
                    "列表中只能写字面量（字符串、数字、true/false、null、date(…) 等）",
                    "list elements must be literals (strings, numbers, true/false, null, "
                    "date(...) ...)",
                    item.src,
                )
        typed = [item for item in items if item.type.kind != "null"]
        item_type: ExprType | None = None
        if typed:
            first = typed[0].type
            if all(i.type.numeric for i in typed):
                item_type = FLOAT if any(i.type.kind == "float" for i in typed) else INT
            else:
                for other in typed:
                    if other.type.kind != first.kind:
                        raise self.error(
                            f"列表元素类型不一致：{first.describe()} 与 {other.type.describe()}",
                            f"list elements of different types: {first.describe()} and "
                            f"{other.type.describe()}",
                            other.src,
                        )
                item_type = first
            item_type = item_type.with_optional(len(typed) < len(items))
        elif items:
            item_type = NULL
        value = tuple(item.value for item in items)
        return Node(
            list_of(item_type),
            lambda _ctx: value,
            self.site.text_of(node),
            node,
            tuple(items),
            const=True,
            value=value,
        )

    # ------------------------------------------------------------------ logic

    def _truth(self, node: Node) -> Fn:
        """A function giving the truth of ``node`` in ``and``/``or``/``not``."""
        typ = node.type
        get = node.fn
        if typ.kind == "bool":
            return get if not typ.optional else (lambda ctx: bool(get(ctx)))
        if typ.kind == "null":
            return lambda _ctx: False
        if typ.optional:
            return present_fn(node)
        hint_zh = hint_en = ""
        if typ.kind in ("str", "list"):
            hint_zh = f"；判断是否填写请用 present({node.text})"
            hint_en = f"; use present({node.text}) to test whether it is filled in"
        raise self.error(
            f"{node.text} 是 {typ.describe()}，不能作为条件（需要布尔值）{hint_zh}",
            f"{node.text} is {typ.describe()}, not a condition (bool needed){hint_en}",
            node.src,
        )

    def _fold(self, node: Node) -> Node:
        """Replace a node whose children are all constant by its value."""
        if not node.children or not all(child.const for child in node.children):
            return node
        try:
            value = node.fn(EvalContext.__new__(EvalContext))
        except Exception as exc:  # any failure here is the rule's fault
            raise self.error(
                f"无法计算 {node.text}：{exc}", f"cannot compute {node.text}: {exc}", node.src
            ) from None
        return const_node(node.type, value, node.text, node.src)

    def _boolop(self, node: ast.BoolOp) -> Node:
        operands = tuple(self.compile(value) for value in node.values)
        tests = tuple(self._truth(operand) for operand in operands)
        fn: Fn
        if isinstance(node.op, ast.And):
            if len(tests) == 2:
                a, b = tests
                fn = lambda ctx: a(ctx) and b(ctx)  # noqa: E731
            else:
                fn = lambda ctx: all(test(ctx) for test in tests)  # noqa: E731
        elif len(tests) == 2:
            a, b = tests
            fn = lambda ctx: a(ctx) or b(ctx)  # noqa: E731
        else:
            fn = lambda ctx: any(test(ctx) for test in tests)  # noqa: E731
        return self._fold(Node(BOOL, fn, self.site.text_of(node), node, operands))

    def _unary(self, node: ast.UnaryOp) -> Node:
        if isinstance(node.op, ast.Invert):
            raise self.error("不允许使用运算符 ~", "operator ~ is not allowed", node)
        operand = self.compile(node.operand)
        text = self.site.text_of(node)
        if isinstance(node.op, ast.Not):
            test = self._truth(operand)
            return self._fold(Node(BOOL, lambda ctx: not test(ctx), text, node, (operand,)))
        if not operand.type.numeric:
            raise self.error(
                f"正负号只能用于数字，而 {operand.text} 是 {operand.type.describe()}",
                f"unary +/- needs a number, but {operand.text} is {operand.type.describe()}",
                node,
            )
        get = operand.fn
        fn: Fn
        if isinstance(node.op, ast.UAdd):
            fn = get
        elif operand.type.optional:
            fn = lambda ctx: None if (v := get(ctx)) is None else -v  # noqa: E731
        else:
            fn = lambda ctx: -get(ctx)  # noqa: E731
        return self._fold(Node(operand.type, fn, text, node, (operand,)))

    def _binop(self, node: ast.BinOp) -> Node:
        if not isinstance(node.op, (ast.Add, ast.Sub)):
            symbol = _OPERATOR_SYMBOLS.get(type(node.op), type(node.op).__name__)
            raise self.error(
                f"不允许使用运算符 {symbol}（只能对数字用 + 和 -）",
                f"operator {symbol} is not allowed (only + and - on numbers)",
                node,
            )
        left, right = self.compile(node.left), self.compile(node.right)
        for side in (left, right):
            if not side.type.numeric:
                raise self.error(
                    f"+ 和 - 只能用于数字，而 {side.text} 是 {side.type.describe()}",
                    f"+ and - need numbers, but {side.text} is {side.type.describe()}",
                    side.src,
                )
        op = operator.add if isinstance(node.op, ast.Add) else operator.sub
        both_int = left.type.kind == "int" and right.type.kind == "int"
        optional = left.type.optional or right.type.optional
        typ = (INT if both_int else FLOAT).with_optional(optional)
        lf, rf = left.fn, right.fn
        fn: Fn
        if optional:

            def fn(ctx: EvalContext) -> Any:
                a = lf(ctx)
                if a is None:
                    return None
                b = rf(ctx)
                return None if b is None else op(a, b)

        elif right.const:
            c = right.value
            fn = lambda ctx: op(lf(ctx), c)  # noqa: E731
        else:
            fn = lambda ctx: op(lf(ctx), rf(ctx))  # noqa: E731
        return self._fold(Node(typ, fn, self.site.text_of(node), node, (left, right)))

    # ------------------------------------------------------------------ comparisons

    def _compare(self, node: ast.Compare) -> Node:
        for op in node.ops:
            if isinstance(op, (ast.Is, ast.IsNot)):
                symbol = _OPERATOR_SYMBOLS[type(op)]
                raise self.error(
                    f"不允许使用 {symbol}；请用 == null 或 != null",
                    f"{symbol} is not allowed; use == null or != null",
                    node,
                )
        operands = [self.compile(node.left), *(self.compile(c) for c in node.comparators)]
        pairs = [
            self._pair(op, operands[i], operands[i + 1], node) for i, op in enumerate(node.ops)
        ]
        text = self.site.text_of(node)
        if len(pairs) == 1:
            fn = _single(node.ops[0], pairs[0], operands[0], operands[1])
        else:
            first = operands[0].fn
            steps = tuple(zip(pairs, (o.fn for o in operands[1:]), strict=True))

            def fn(ctx: EvalContext) -> bool:
                a = first(ctx)
                for test, get in steps:
                    b = get(ctx)
                    if not test(a, b):
                        return False
                    a = b
                return True

        return self._fold(Node(BOOL, fn, text, node, tuple(operands)))

    def _pair(
        self, op: ast.cmpop, left: Node, right: Node, node: ast.Compare
    ) -> Callable[[Any, Any], bool]:
        """Check ``left op right`` and give the two-argument test for it."""
        lt, rt = left.type, right.type
        if isinstance(op, (ast.Eq, ast.NotEq)):
            self._check_equal(left, right, node)
            test: Callable[[Any, Any], bool] = (
                operator.eq if isinstance(op, ast.Eq) else operator.ne
            )
            if lt.kind == "duration":
                compare = test
                test = lambda a, b: bool(compare(a, b))  # noqa: E731
            return test
        if isinstance(op, (ast.In, ast.NotIn)):
            contains = self._check_in(left, right, node)
            if isinstance(op, ast.In):
                return contains
            return lambda a, b: not contains(a, b)
        order = _ORDER[type(op)]
        self._check_order(left, right, node)
        if lt.optional and rt.optional:
            return lambda a, b: a is not None and b is not None and order(a, b)
        if lt.optional:
            return lambda a, b: a is not None and order(a, b)
        if rt.optional:
            return lambda a, b: b is not None and order(a, b)
        return order

    def _mismatch(self, verb_zh: str, verb_en: str, left: Node, right: Node, node: ast.AST) -> None:
        lt, rt = left.type.describe(), right.type.describe()
        hint_zh = hint_en = ""
        if {left.type.kind, right.type.kind} == {"date", "datetime"}:
            hint_zh = "；日期与时间不能直接比较，请统一用 date(…) 或 datetime(…)"
            hint_en = "; dates and datetimes do not compare: use date(...) or datetime(...)"
        raise self.error(
            f"无法{verb_zh}：{left.text} 是 {lt}，{right.text} 是 {rt}{hint_zh}",
            f"cannot {verb_en}: {left.text} is {lt}, {right.text} is {rt}{hint_en}",
            node,
        )

    def _check_equal(self, left: Node, right: Node, node: ast.AST) -> None:
        if left.type.kind == "null" or right.type.kind == "null":
            other = right if left.type.kind == "null" else left
            if not other.type.optional:
                raise self.error(
                    f"{other.text} 是 {other.type.describe()}，不可能为 null",
                    f"{other.text} is {other.type.describe()} and is never null",
                    node,
                )
            return
        if not _comparable(left.type, right.type):
            self._mismatch("比较是否相等", "compare for equality", left, right, node)
        self._check_enum_literal(left.type, right)
        self._check_enum_literal(right.type, left)

    def _check_order(self, left: Node, right: Node, node: ast.AST) -> None:
        lt, rt = left.type, right.type
        if (lt.numeric and rt.numeric) or (
            lt.kind == rt.kind and lt.kind in ("str", "date", "datetime")
        ):
            return
        self._mismatch("比较大小", "compare the order of values", left, right, node)

    def _check_in(self, left: Node, right: Node, node: ast.AST) -> Callable[[Any, Any], bool]:
        lt, rt = left.type, right.type
        if rt.kind == "str":
            if lt.kind != "str":
                self._mismatch("判断子串", "test for a substring", left, right, node)
            return lambda a, b: a is not None and b is not None and a in b
        if rt.kind != "list":
            raise self.error(
                f"in 的右边必须是列表或字符串，而 {right.text} 是 {rt.describe()}",
                f"the right side of 'in' must be a list or a str, but {right.text} is "
                f"{rt.describe()}",
                right.src,
            )
        item = rt.item
        if item is not None:
            if lt.kind == "null" or item.kind == "null":
                nullable = item if lt.kind == "null" else lt
                if not nullable.optional:
                    self._mismatch("判断是否包含", "test membership", left, right, node)
            elif not _comparable(lt, item):
                self._mismatch("判断是否包含", "test membership", left, right, node)
            if right.const:
                for element in right.children:
                    self._check_enum_literal(lt, element)
            self._check_enum_literal(item, left)
        if rt.optional:
            return lambda a, b: b is not None and a in b
        return lambda a, b: a in b

    def _check_enum_literal(self, enum: ExprType, literal: Node) -> None:
        if enum.kind != "enum" or not literal.const or not isinstance(literal.value, str):
            return
        if literal.value not in enum.enum_values:
            allowed = _quoted(enum.enum_values)
            raise self.error(
                f"'{literal.value}' 不是 {enum.enum_name} 的取值；可用取值：{allowed}",
                f"'{literal.value}' is not a value of {enum.enum_name}; allowed values: {allowed}",
                literal.src,
            )

    # ------------------------------------------------------------------ calls

    def _call(self, node: ast.Call) -> Node:
        func = node.func
        if isinstance(func, ast.Attribute):
            raise self.error(
                f"不允许调用方法 .{func.attr}()；只能调用白名单函数",
                f"method calls like .{func.attr}() are not allowed; only whitelisted functions",
                node,
            )
        if not isinstance(func, ast.Name):
            raise self.error("只能按名称调用白名单函数", "only named functions can be called", node)
        allowed = function_names(self.opts)
        if func.id not in allowed:
            listed = ", ".join(allowed)
            raise self.error(
                f"未知函数 {func.id}（可用函数：{listed}）",
                f"unknown function {func.id!r} (allowed: {listed})",
                func,
            )
        if node.keywords:
            raise self.error(
                "函数调用不允许使用关键字参数",
                "keyword arguments are not allowed",
                node.keywords[0],
            )
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self.error("不允许使用星号展开 *x", "starred arguments are not allowed", arg)
        args = [self.compile(arg) for arg in node.args]
        return FUNCTIONS[func.id](node, args, self.opts, self.site)


def _comparable(a: ExprType, b: ExprType) -> bool:
    """Whether values of types ``a`` and ``b`` may be compared for equality."""
    if a.numeric and b.numeric:
        return True
    kinds = {a.kind, b.kind}
    if kinds == {"enum"}:
        return set(a.enum_values) == set(b.enum_values)
    if kinds == {"enum", "str"}:
        return True
    return a.kind == b.kind and a.kind in ("str", "bool", "date", "datetime", "duration")


def _single(op: ast.cmpop, test: Callable[[Any, Any], bool], left: Node, right: Node) -> Fn:
    """The closure of a one-operator comparison, specialised for a constant side."""
    lf, rf = left.fn, right.fn
    if isinstance(op, (ast.In, ast.NotIn)) and right.const and right.type.kind == "list":
        members: Collection[Any]
        try:
            members = frozenset(right.value)
        except TypeError:
            members = right.value
        if isinstance(op, ast.In):
            return lambda ctx: lf(ctx) in members
        return lambda ctx: lf(ctx) not in members
    if right.const:
        c = right.value
        return lambda ctx: test(lf(ctx), c)
    if left.const:
        c = left.value
        return lambda ctx: test(c, rf(ctx))
    return lambda ctx: test(lf(ctx), rf(ctx))


def _getter(names: list[str], through_optional: bool, typ: ExprType) -> Fn:
    """Read a checked field path from ``ctx.record``; enums give their ``.value``."""
    get: Fn
    if not through_optional:
        get = attrgetter("record." + ".".join(names))
    else:
        steps = tuple(attrgetter(name) for name in names)

        def get(ctx: EvalContext) -> Any:
            value: Any = ctx.record
            for step in steps:
                if value is None:
                    return None
                value = step(value)
            return value

    raw = get
    kind = typ.kind
    item = typ.item.kind if typ.item is not None else None
    if kind == "enum":
        return lambda ctx: v.value if isinstance(v := raw(ctx), Enum) else v
    if kind == "datetime":
        return lambda ctx: aware_or_none(raw(ctx))
    if kind == "list" and item == "enum":
        return lambda ctx: (
            None if (v := raw(ctx)) is None else [x.value if isinstance(x, Enum) else x for x in v]
        )
    if kind == "list" and item == "datetime":
        return lambda ctx: (
            None if (v := raw(ctx)) is None else [None if x is None else aware(x) for x in v]
        )
    return get
