"""The published shape of a report's JSON (``Report.to_json_data()``) and its JSON Schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonSchemaMode

from gongkai.models import AnyRecord
from gongkai.rules.report import Finding, ReportHeader

#: The JSON Schema dialect of every schema gongkai publishes.
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class ReportData(BaseModel):
    """A report as JSON: what ``gongkai check --format json`` and ``check -`` print."""

    model_config = ConfigDict(title="gongkai report", extra="allow")

    record: AnyRecord | None = Field(
        default=None, description="the record checked (absent for a report loaded back)"
    )
    ok: bool = Field(description="true when no finding of severity error is violated or overdue")
    header: ReportHeader
    findings: list[Finding] = Field(description="every rule's finding, in pack order")
    lines: dict[str, int] | None = Field(
        default=None, description="for a 公文 read from text: field -> 1-based line"
    )


def published_schema(
    model: type[BaseModel], *, mode: JsonSchemaMode = "validation"
) -> dict[str, Any]:
    """``model``'s JSON Schema with ``$schema`` (draft 2020-12) first."""
    body = model.model_json_schema(by_alias=True, mode=mode)
    return {"$schema": JSON_SCHEMA_DIALECT, **body}


def report_schema() -> dict[str, Any]:
    """The JSON Schema of ``Report.to_json_data()`` (one line of ``gongkai check -``)."""
    return published_schema(ReportData, mode="serialization")
