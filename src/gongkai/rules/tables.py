"""Decision tables: load-time analysis (overlaps, gaps, unreachable rows) and lookup."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import product

from gongkai.errors import RuleDefinitionError
from gongkai.rules.definition import TableBody
from gongkai.rules.types import ExprType, RecordSchema

Cell = frozenset[object] | None  # None = any value ("*")
Value = str | bool | None
Fail = Callable[[str, str], RuleDefinitionError]


@dataclass(frozen=True)
class CompiledTable:
    """A checked decision table: ``lookup`` gives the output(s) for a record's input values."""

    body: TableBody
    cells: tuple[tuple[Cell, ...], ...]

    def lookup(self, values: Sequence[object]) -> tuple[str, ...]:
        """The outputs of the rows that match (one for unique/first, all for collect)."""
        keys = [v.value if isinstance(v, Enum) else v for v in values]
        hits = tuple(
            row.then
            for row, cells in zip(self.body.rows, self.cells, strict=True)
            if _matches(cells, keys)
        )
        if not hits:
            return (self.body.default,) if self.body.default is not None else ()
        return hits if self.body.hit == "collect" else hits[:1]


def _matches(cells: tuple[Cell, ...], keys: Sequence[object]) -> bool:
    return all(cell is None or key in cell for cell, key in zip(cells, keys, strict=True))


def compile_table(
    body: TableBody, schema: RecordSchema, *, file: str, rule_id: str
) -> CompiledTable:
    """Check a table against the record schema and analyse it; RuleDefinitionError if unsound."""

    def fail(zh: str, en: str) -> RuleDefinitionError:
        return RuleDefinitionError(zh, en, file=file, rule_id=rule_id)

    paths = schema.paths()
    domains: list[tuple[Value, ...] | None] = []
    for name in [*body.inputs, body.expect]:
        if name not in paths:
            raise fail(f"决策表引用了未知字段 {name}", f"decision table uses unknown field {name}")
    for name in body.inputs:
        if paths[name].kind == "list":
            raise fail(
                f"决策表的输入 {name} 是列表，不能按取值匹配",
                f"decision table input {name} is a list, which cells cannot match",
            )
        domains.append(_domain(paths[name]))
    expect_type = paths[body.expect]
    outputs = [r.then for r in body.rows] + ([body.default] if body.default else [])
    if expect_type.kind == "enum":
        for out in outputs:
            if out not in expect_type.enum_values:
                raise fail(
                    f"决策表输出 {out!r} 不是 {body.expect} 的取值 {list(expect_type.enum_values)}",
                    f"output {out!r} is not a value of {body.expect}: {list(expect_type.enum_values)}",
                )
    cells: list[tuple[Cell, ...]] = []
    for n, row in enumerate(body.rows, 1):
        if len(row.when) != len(body.inputs):
            raise fail(
                f"第 {n} 行有 {len(row.when)} 个条件，应为 {len(body.inputs)} 个",
                f"row {n} has {len(row.when)} cells, expected {len(body.inputs)}",
            )
        row_cells = tuple(
            _cell(cell, domain, body.inputs[i], n, fail)
            for i, (cell, domain) in enumerate(zip(row.when, domains, strict=True))
        )
        cells.append(row_cells)
    table = CompiledTable(body, tuple(cells))
    if all(d is not None for d in domains):
        _analyse(table, [d for d in domains if d is not None], fail)
    return table


def _domain(typ: ExprType) -> tuple[Value, ...] | None:
    """The finite set of values an input can take, or None if it is not enumerable."""
    extra: tuple[Value, ...] = (None,) if typ.optional else ()
    if typ.kind == "bool":
        return (True, False, *extra)
    if typ.kind == "enum":
        return (*typ.enum_values, *extra)
    return None


def _cell(cell: object, domain: tuple[Value, ...] | None, name: str, row: int, fail: Fail) -> Cell:
    if cell == "*":
        return None
    values = cell if isinstance(cell, list) else [cell]
    if domain is not None:
        for value in values:
            if value not in domain:
                raise fail(
                    f"第 {row} 行 {name} 的取值 {value!r} 不在 {list(domain)} 中",
                    f"row {row}: {value!r} is not a value of {name}: {list(domain)}",
                )
    return frozenset(values)


def _analyse(table: CompiledTable, domains: list[tuple[Value, ...]], fail: Fail) -> None:
    body = table.body
    reached: set[int] = set()
    for combo in product(*domains):
        hits = [i for i, cells in enumerate(table.cells) if _matches(cells, combo)]
        shown = dict(zip(body.inputs, combo, strict=True))
        if not hits and body.default is None:
            raise fail(
                f"决策表有缺口：{shown} 没有任何行匹配（可加 default）",
                f"decision table has a gap: no row matches {shown} (add a default)",
            )
        if body.hit == "unique" and len(hits) > 1:
            raise fail(
                f"唯一命中表的第 {hits[0] + 1} 行与第 {hits[1] + 1} 行重叠：{shown}",
                f"unique table: rows {hits[0] + 1} and {hits[1] + 1} overlap on {shown}",
            )
        if hits:
            reached.add(hits[0])
            if body.hit != "first":
                reached.update(hits)
    unreachable = [i + 1 for i in range(len(table.cells)) if i not in reached]
    if unreachable:
        raise fail(
            f"决策表第 {unreachable} 行永远不会命中",
            f"decision table rows {unreachable} can never be hit",
        )
