"""The ``agency`` record kind: the division code and the general office."""

from __future__ import annotations

import pytest

from gongkai import Agency, load_record
from gongkai.errors import RecordError
from gongkai.testing.records import agency


def test_division_code_and_general_office() -> None:
    record = load_record(agency(division_code="341125", is_general_office=True))
    assert isinstance(record, Agency)
    assert record.division_code == "341125" and record.is_general_office


def test_defaults_leave_the_division_unknown() -> None:
    record = load_record(agency())
    assert isinstance(record, Agency)
    assert record.division_code is None and not record.is_general_office


@pytest.mark.parametrize("code", ["3411", "3411250", "34112x", "３４１１２５"])
def test_bad_division_code_is_a_record_error(code: str) -> None:
    with pytest.raises(RecordError, match="division_code"):
        load_record({"kind": "agency", "division_code": code})
