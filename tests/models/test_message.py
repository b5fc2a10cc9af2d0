"""The ``message`` record kind: JSON round-trip, schema, registration beside the other kinds."""

from __future__ import annotations

from typing import get_args

import pytest

from gongkai import Message, load_record
from gongkai.cli.schema_cmd import schema
from gongkai.errors import RecordError
from gongkai.models import RECORD_KINDS, MessageChannel, MessageKind
from gongkai.rules.definition import RecordKind
from gongkai.testing.records import event, message

FULL = message(
    event("receive", "2026-03-01T20:00"),
    event("extend", "2026-03-09T10:00", approver="办公室主任"),
    event("reply", "2026-03-20T17:00+08:00", channel="网民留言", actor="某市交通运输局"),
    id="ly-2026-0301",
    message_kind="意见建议",
    channel="网民留言",
    platform="某市人民政府门户网站",
    is_valuable=True,
    is_complex=True,
    summary="建议增设通往高铁站的公交线路",
    reply_summary="已纳入年度线网优化方案",
)


def test_json_round_trip_is_exact() -> None:
    record = load_record(FULL)
    assert isinstance(record, Message)
    assert record.message_kind is MessageKind.SUGGESTION
    assert record.channel is MessageChannel.NETIZEN_MESSAGE
    text = record.model_dump_json()
    again = load_record(text)
    assert again == record and again.model_dump_json() == text
    reply = record.last("reply")
    assert reply is not None and reply.data == {"channel": "网民留言"}


def test_defaults_leave_unknown_facts_unknown() -> None:
    record = load_record(message())
    assert isinstance(record, Message)
    assert record.is_valuable is None and record.message_kind is None and not record.is_complex


@pytest.mark.parametrize(
    "bad", [{"message_kind": "表扬"}, {"channel": "微博"}, {"colour": "red"}], ids=str
)
def test_invalid_message_is_a_record_error(bad: dict[str, str]) -> None:
    with pytest.raises(RecordError):
        load_record(message(**bad))


def test_schema_of_message() -> None:
    out = schema("message")
    assert out["properties"]["kind"]["const"] == "message"
    assert set(out["$defs"]["MessageKind"]["enum"]) == {"意见建议", "咨询投诉", "反映问题"}


def test_rule_kinds_are_the_record_kinds() -> None:
    assert set(get_args(RecordKind)) == set(RECORD_KINDS)
