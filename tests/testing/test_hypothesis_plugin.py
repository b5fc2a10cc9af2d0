"""The hypothesis entry point: ``st.from_type(<record kind>)`` draws gongkai's strategies.

Without the plugin, hypothesis builds a pydantic model from its field types: random
strings for titles and histories that no workflow allows.
"""

from __future__ import annotations

import importlib.metadata
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai import load_pack
from gongkai.models import RECORD_KINDS, Document, Record
from gongkai.testing._hypothesis_plugin import STRATEGIES


def test_the_entry_point_is_declared_by_the_installed_package() -> None:
    found = [
        e
        for e in importlib.metadata.entry_points(group="hypothesis")
        if e.value.startswith("gongkai.")
    ]
    assert [e.value for e in found] == ["gongkai.testing._hypothesis_plugin:_hypothesis_setup_hook"]


def test_every_record_kind_has_a_strategy() -> None:
    assert set(STRATEGIES) == set(RECORD_KINDS)


@settings(max_examples=20)
@given(st.from_type(Document))
def test_from_type_document_draws_realistic_documents(doc: Document) -> None:
    assert doc.title is not None
    assert re.search(r"关于.+的", doc.title), doc.title
    assert re.fullmatch(r"gw-\d{6}", doc.id or ""), doc.id


@pytest.mark.parametrize("kind", sorted(RECORD_KINDS))
def test_from_type_draws_records_the_national_pack_can_judge(kind: str) -> None:
    model = RECORD_KINDS[kind]
    pack = load_pack("national")

    @settings(max_examples=5, database=None)
    @given(st.from_type(model))
    def drawn(record: Record) -> None:
        assert isinstance(record, model)
        assert re.fullmatch(r"[a-z]+-\d{6}", record.id or ""), record.id  # gongkai's ids
        as_of = record.history[-1].at if record.history else None
        assert pack.check(record, as_of).header.record_kind == kind

    drawn()
