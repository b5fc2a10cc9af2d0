"""The type system of rule expressions, and record schemas derived from pydantic models.

``schema_of(Model)`` lists the fields an expression may address and their ``ExprType``:
``str``, ``int``, ``float``, ``bool``, ``date``, ``datetime``, ``duration``
(:class:`gongkai.clocks.duration.Duration`), enums (``Enum`` subclasses with ``str``
values, or ``Literal`` of strings), ``list[X]`` and nested models (``record``); ``X | None``
makes a type optional. Fields of any other type are not addressable.
"""

from __future__ import annotations

import contextlib
import threading
import types
import typing
import weakref
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from gongkai.clocks.duration import Duration

__all__ = [
    "BOOL",
    "DATE",
    "DATETIME",
    "DURATION",
    "FLOAT",
    "INT",
    "NULL",
    "STR",
    "ExprType",
    "RecordSchema",
    "TypeKind",
    "enum_type",
    "list_of",
    "record_of",
    "schema_of",
]

#: The kinds of expression values. ``null`` is the type of the ``null`` literal only.
TypeKind = Literal[
    "bool", "int", "float", "str", "date", "datetime", "duration", "enum", "list", "record", "null"
]


@dataclass(frozen=True, slots=True)
class ExprType:
    """The static type of an expression or field.

    ``optional`` means the value may be ``None``. ``item`` is the element type of a
    ``list`` (``None`` for an empty list literal). ``enum_values`` are the allowed
    ``.value`` strings of an ``enum``; ``record`` is the schema of a nested model.
    """

    kind: TypeKind
    optional: bool = False
    item: ExprType | None = None
    enum_name: str = ""
    enum_values: tuple[str, ...] = ()
    record: RecordSchema | None = None

    @property
    def numeric(self) -> bool:
        """True for ``int`` and ``float``."""
        return self.kind in ("int", "float")

    def with_optional(self, optional: bool = True) -> ExprType:
        """The same type, optional or not."""
        return self if self.optional == optional else replace(self, optional=optional)

    def describe(self) -> str:
        """A short readable form, e.g. ``str | None``, ``list[int]``, ``enum Mode(a, b)``."""
        if self.kind == "list":
            text = f"list[{self.item.describe() if self.item else '?'}]"
        elif self.kind == "enum":
            text = f"enum {self.enum_name}({', '.join(self.enum_values)})"
        elif self.kind == "record":
            text = f"record {self.record.name if self.record else '?'}"
        else:
            text = self.kind
        return f"{text} | None" if self.optional and self.kind != "null" else text


BOOL = ExprType("bool")
INT = ExprType("int")
FLOAT = ExprType("float")
STR = ExprType("str")
DATE = ExprType("date")
DATETIME = ExprType("datetime")
DURATION = ExprType("duration")
NULL = ExprType("null", optional=True)


def enum_type(name: str, values: Sequence[str]) -> ExprType:
    """An enum type named ``name`` whose allowed values are ``values``."""
    return ExprType("enum", enum_name=name, enum_values=tuple(values))


def list_of(item: ExprType | None) -> ExprType:
    """A list whose elements have type ``item`` (``None``: unknown, an empty literal)."""
    return ExprType("list", item=item)


def record_of(schema: RecordSchema) -> ExprType:
    """The type of a nested model field described by ``schema``."""
    return ExprType("record", record=schema)


class RecordSchema:
    """The addressable fields of one pydantic model class (build it with :func:`schema_of`).

    Compared and hashed by identity: there is one schema per model class.
    """

    __slots__ = ("__weakref__", "_fields", "_unsupported", "model")

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self._fields: dict[str, ExprType] = {}
        self._unsupported: dict[str, str] = {}

    @property
    def name(self) -> str:
        """The model's class name."""
        return self.model.__name__

    @property
    def fields(self) -> Mapping[str, ExprType]:
        """Addressable field name -> type (read-only view)."""
        return types.MappingProxyType(self._fields)

    @property
    def unsupported(self) -> Mapping[str, str]:
        """Fields whose type expressions cannot use: name -> the annotation as text."""
        return types.MappingProxyType(self._unsupported)

    def field(self, name: str) -> ExprType | None:
        """The type of field ``name``, or None if it is not addressable."""
        return self._fields.get(name)

    def paths(self) -> dict[str, ExprType]:
        """Every addressable dotted path (``a``, ``a.b`` …) -> its type, as written in rules.

        A path through an optional nested model is optional. Recursive models stop
        at the first repetition.
        """
        out: dict[str, ExprType] = {}
        for path, typ in self._walk("", False, (self,)):
            out[path] = typ
        return out

    def _walk(
        self, prefix: str, optional: bool, seen: tuple[RecordSchema, ...]
    ) -> Iterator[tuple[str, ExprType]]:
        for name, typ in self._fields.items():
            path = prefix + name
            full = typ.with_optional(typ.optional or optional)
            yield path, full
            if typ.kind == "record" and typ.record is not None and typ.record not in seen:
                yield from typ.record._walk(path + ".", full.optional, (*seen, typ.record))

    def __repr__(self) -> str:
        return f"RecordSchema({self.name}: {', '.join(self._fields)})"

    def _fill(self) -> None:
        model = self.model
        if not getattr(model, "__pydantic_complete__", True):
            # unresolved forward references just leave those fields unaddressable
            with contextlib.suppress(Exception):
                model.model_rebuild()
        annotations: dict[str, Any] = {
            name: info.annotation for name, info in model.model_fields.items()
        }
        for name, computed in model.model_computed_fields.items():
            annotations[name] = computed.return_type
        for name, annotation in annotations.items():
            if name.startswith("_"):
                continue
            typ = _type_of(annotation)
            if typ is None:
                self._unsupported[name] = _annotation_text(annotation)
            else:
                self._fields[name] = typ


def _annotation_text(annotation: Any) -> str:
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation).replace("typing.", "")


_SCALARS: dict[Any, ExprType] = {
    bool: BOOL,
    int: INT,
    float: FLOAT,
    str: STR,
    date: DATE,
    datetime: DATETIME,
    Duration: DURATION,
}

_SEQUENCES: tuple[Any, ...] = (list, tuple, set, frozenset, Sequence, typing.Sequence)


def _type_of(annotation: Any) -> ExprType | None:
    """The expression type of a field annotation, or None when it is not addressable."""
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Annotated:
        return _type_of(args[0])
    if origin is Union or origin is types.UnionType:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1 or len(rest) == len(args):
            return None  # only ``X | None`` is supported, not ``X | Y``
        inner = _type_of(rest[0])
        return inner.with_optional() if inner is not None else None
    if origin is Literal:
        if args and all(isinstance(a, str) for a in args):
            return enum_type("Literal", list(dict.fromkeys(args)))
        return None
    if origin in _SEQUENCES:
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return None
        inner = _type_of(args[0]) if args else None
        return list_of(inner) if inner is not None else None
    if origin is not None:
        return None
    scalar = _SCALARS.get(annotation)
    if scalar is not None:
        return scalar
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            values = [member.value for member in annotation]
            if values and all(isinstance(v, str) for v in values):
                return enum_type(annotation.__name__, values)
            return None
        if issubclass(annotation, BaseModel):
            return record_of(schema_of(annotation))
    return None


_CACHE: weakref.WeakKeyDictionary[type[BaseModel], RecordSchema] = weakref.WeakKeyDictionary()
_LOCK = threading.RLock()


def schema_of(model_cls: type[BaseModel]) -> RecordSchema:
    """The :class:`RecordSchema` of a pydantic v2 model class (cached per class).

    Nested ``BaseModel`` fields become ``record`` types with their own schema;
    self-referencing models are supported. Raises ``TypeError`` for a non-model.
    """
    if not (isinstance(model_cls, type) and issubclass(model_cls, BaseModel)):
        raise TypeError(f"schema_of() needs a pydantic model class, not {model_cls!r}")
    with _LOCK:
        cached = _CACHE.get(model_cls)
        if cached is not None:
            return cached
        schema = RecordSchema(model_cls)
        _CACHE[model_cls] = schema  # before filling, so recursive models find it
        try:
            schema._fill()
        except BaseException:
            del _CACHE[model_cls]
            raise
        return schema
