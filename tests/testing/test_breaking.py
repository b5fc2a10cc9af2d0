"""gongkai.testing.strategies.breaking: every record it draws violates its rule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai import Status, load_pack, load_record
from gongkai.errors import GongkaiError
from gongkai.models import Record
from gongkai.testing.strategies import BREAKABLE_RULES, breaking

NATIONAL = load_pack("national")
KEEPER = load_pack("zhongwei")


def statuses(rule_id: str, record_json: dict[str, object], *, later: timedelta) -> list[Status]:
    """The rule's status as of the record's last event, and ``later``."""
    record = load_record(record_json)
    last = record.history[-1].at
    found = [NATIONAL.check(record, as_of).finding(rule_id) for as_of in (last, last + later)]
    return [f.status for f in found if f is not None]


@pytest.mark.parametrize("rule_id", BREAKABLE_RULES)
@settings(max_examples=max(settings().max_examples // 2, 10))  # 20 rules: keep the run short
@given(data=st.data(), minutes=st.integers(0, 60 * 24 * 30))
def test_breaking_records_violate_their_rule(
    rule_id: str, data: st.DataObject, minutes: int
) -> None:
    record = data.draw(breaking(rule_id))
    found = statuses(rule_id, record.model_dump(mode="json"), later=timedelta(minutes=minutes))
    assert found and all(s in (Status.VIOLATED, Status.OVERDUE) for s in found), found


def test_every_national_rule_that_guards_an_event_can_be_broken() -> None:
    guarding = {r.id for r in NATIONAL.rules if r.spec.blocks}
    assert guarding <= set(BREAKABLE_RULES)
    for rule_id in ("national.request.reply_20wd", "national.request.reply_15wd_2007"):
        assert rule_id in BREAKABLE_RULES


@given(breaking("national.document.secrecy_review", pack="zhongwei"))
def test_breaking_under_a_pack_that_keeps_the_rule(record: Record) -> None:
    found = KEEPER.check(record, record.history[-1].at).finding("national.document.secrecy_review")
    assert found is not None and found.status is Status.VIOLATED


def test_unsupported_rule_lists_the_supported_ones() -> None:
    with pytest.raises(GongkaiError) as err:
        breaking("national.obligation.annual_report_gov")
    assert "national.obligation.annual_report_gov" in err.value.en
    assert "supported rules: " + ", ".join(BREAKABLE_RULES) in err.value.en
    assert "支持的规则" in err.value.zh


def test_a_rule_the_pack_overrides_is_refused() -> None:
    # xingtai replaces the national secrecy review rule with its own
    with pytest.raises(
        GongkaiError, match=r"pack xingtai has no rule national\.document\.secrecy_review"
    ):
        breaking("national.document.secrecy_review", pack="xingtai")
