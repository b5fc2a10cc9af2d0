"""What every record shares: a kind, an id and a dated history of events."""

from __future__ import annotations

from datetime import date, datetime
from itertools import pairwise
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from gongkai.models import limits
from gongkai.models.events import event_names, unknown_event
from gongkai.models.limits import check_day, check_instant, data_problem

#: An instant read as Asia/Shanghai when naive and converted when aware (every record field),
#: in the years FIRST_YEAR-LAST_YEAR.
Instant = Annotated[datetime, AfterValidator(check_instant)]
#: A calendar day in the years FIRST_YEAR-LAST_YEAR.
Day = Annotated[date, AfterValidator(check_day)]


def _json_like(data: Any, below: int) -> Any:
    """``data`` if JSON-like (see gongkai.models.limits), judged as if ``below`` levels deep
    in a record; ValueError otherwise."""
    problem = data_problem(data, limits.MAX_DEPTH - below)
    if problem is not None:
        raise ValueError("{}（{}）".format(*problem))
    return data


def _json_like_record(data: Any) -> Any:
    return _json_like(data, 0)


def _json_like_event(data: Any) -> Any:
    """An event is judged as deep as it sits in ``history``: one ``fire`` accepts is one
    its record accepts too."""
    return _json_like(data, 2)


class Event(BaseModel):
    """One dated event in a record's history: ``{"name", "at", "actor", ...}``.

    ``at`` is read as Asia/Shanghai when naive and converted when aware. Extra
    keys (``approver``, ``notice``, ``by``, ``level`` …) are kept as event data.
    """

    model_config = ConfigDict(extra="allow", frozen=True)

    name: str = Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$")

    _checked = model_validator(mode="before")(_json_like_event)
    at: Instant
    actor: str | None = None

    @property
    def data(self) -> dict[str, Any]:
        """The event's extra keys."""
        return dict(self.model_extra or {})


class Record(BaseModel):
    """Base of the record kinds (``RECORD_KINDS``)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)

    id: str | None = None
    history: list[Event] = Field(default_factory=list)

    _checked = model_validator(mode="before")(_json_like_record)

    @field_validator("history")
    @classmethod
    def _in_time_order(cls, events: list[Event]) -> list[Event]:
        for earlier, later in pairwise(events):
            if later.at < earlier.at:
                raise ValueError(
                    f"history 须按时间顺序排列：{later.name} 早于 {earlier.name}"
                    f"（history must be in time order: {later.name} is before {earlier.name}）"
                )
        return events

    @model_validator(mode="after")
    def _known_events(self) -> Record:
        kind = str(getattr(self, "kind", ""))
        found = unknown_event(kind, (e.name for e in self.history))
        if found is not None:
            index, zh, en = found
            raise ValueError(f"history.{index}.name：{zh}（history.{index}.name: {en}）")
        return self

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The schema, with the event names of the record's kind enumerated in ``history``."""
        json_schema = handler(core_schema)
        field = cls.model_fields.get("kind")
        names = event_names(str(field.default)) if field is not None else ()
        history = handler.resolve_ref_schema(json_schema).get("properties", {}).get("history")
        if names and history is not None:
            history["items"] = {
                "allOf": [history["items"]],
                "properties": {"name": {"enum": list(names)}},
            }
        return json_schema

    def events(self, name: str) -> list[Event]:
        """Every event called ``name``, in time order."""
        return [e for e in self.history if e.name == name]

    def first(self, name: str) -> Event | None:
        """The first event called ``name``, if any."""
        return next((e for e in self.history if e.name == name), None)

    def last(self, name: str) -> Event | None:
        """The last event called ``name``, if any."""
        return next((e for e in reversed(self.history) if e.name == name), None)
