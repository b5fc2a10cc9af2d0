"""The 公文 workflow: worked paths, blocked steps, and a hypothesis state machine."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from gongkai.errors import WorkflowError
from gongkai.models import Document
from gongkai.models.vocab import Disclosure, ReviewResult
from gongkai.rules.pack import load_pack
from gongkai.timezone import to_shanghai
from gongkai.workflows import Decision, DocumentState, DocumentWorkflow

PACK = load_pack("national")
T0 = to_shanghai(datetime(2024, 3, 4, 9, 0))

POLICY = {
    "title": "关于促进中小企业发展的若干措施",
    "disclosure": "公开发布",
    "is_policy": True,
    "interpretation": {"plan": True, "materials": True, "approved_by": "起草处处长"},
}


class Clock:
    """Hands out increasing instants, one hour apart unless told."""

    def __init__(self) -> None:
        self.now = T0

    def next(self, hours: float = 1) -> datetime:
        self.now += timedelta(hours=hours)
        return self.now


def _rules(decision: Decision) -> list[str]:
    return [f.rule_id for f in decision.blocking]


def _to_issued(wf: DocumentWorkflow, clock: Clock, attribute: dict[str, Any] | None = None) -> None:
    for event, update in [
        ("draft", None),
        ("set_attribute", attribute if attribute is not None else POLICY),
        ("submit", None),
        ("review", None),
        ("sign", None),
        ("issue", None),
    ]:
        decision = wf.fire(event, clock.next(), update=update, actor="办公室")
        assert decision.allowed, (event, decision)


def _pass_review(wf: DocumentWorkflow, clock: Clock) -> Decision:
    at = clock.next()
    return wf.fire(
        "secrecy_review",
        at,
        update={"secrecy_review": {"result": "通过", "reviewer": "保密办", "at": at}},
    )


# -- worked paths ----------------------------------------------------------------------


def test_public_policy_document_from_draft_to_published() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    assert wf.state is DocumentState.DRAFT
    _to_issued(wf, clock)
    assert wf.state.name == "ISSUED"
    assert _pass_review(wf, clock).state == "CLEARED"
    at = clock.next()
    released = wf.fire("release_interpretation", at)
    assert released.allowed and released.state == "CLEARED"
    published = wf.fire("publish", at)
    assert published.allowed, published
    assert published.state_before == "CLEARED" and published.state == "PUBLISHED"
    assert wf.state.name == "PUBLISHED"
    assert [e.name for e in wf.record.history] == [
        "draft",
        "set_attribute",
        "submit",
        "review",
        "sign",
        "issue",
        "secrecy_review",
        "release_interpretation",
        "publish",
    ]
    assert wf.record.history[1].actor == "办公室"
    assert wf.record.disclosure is Disclosure.PUBLIC
    assert wf.record.secrecy_review is not None
    assert wf.record.secrecy_review.result is ReviewResult.PASSED
    # publishing within 20 working days of signing: the pack finds nothing wrong
    assert wf.check(clock.next()).ok
    assert set(wf.available()) >= {"withdraw", "repeal", "clean_up", "repost"}


def test_submit_without_attribute_is_blocked_with_its_source() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    decision = wf.fire("submit", clock.next())
    assert not decision.allowed and not decision
    assert decision.state == decision.state_before == "DRAFT"
    assert _rules(decision) == ["national.document.attribute_required"]
    finding = decision.blocking[0]
    assert finding.source.number == "国办发〔2016〕80号"
    assert finding.source.clause == "一（一）" and "属性" in finding.source.quote
    assert wf.record.history == [] and wf.state is DocumentState.DRAFT


def test_not_public_without_reason_is_blocked() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    assert wf.fire("set_attribute", clock.next(), update={"disclosure": "不公开"})
    decision = wf.fire("submit", clock.next())
    assert _rules(decision) == ["national.document.nonpublic_reason"]
    ok = wf.fire(
        "submit",
        clock.next(),
        update={"nondisclosure_reason": "内部人事安排", "nondisclosure_ground": "内部事务信息"},
    )
    assert ok.allowed and wf.state is DocumentState.SUBMITTED


def test_policy_document_without_interpretation_bundle_is_blocked_at_submit() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    wf.fire("set_attribute", clock.next(), update={"disclosure": "公开发布", "is_policy": True})
    decision = wf.fire("submit", clock.next())
    assert _rules(decision) == ["national.document.interpretation_bundle"]
    assert decision.blocking[0].source.clause == "二（一）"
    # a policy document that needs no interpretation may go without it
    assert wf.fire("submit", clock.next(), update={"needs_interpretation": False}).allowed


def test_publish_before_a_passed_secrecy_review_is_blocked() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    _to_issued(wf, clock, {"disclosure": "公开发布"})
    decision = wf.fire("publish", clock.next())
    assert not decision.allowed
    assert _rules(decision) == ["national.document.secrecy_review"]
    assert decision.blocking[0].source.clause == "第十七条"
    assert wf.state is DocumentState.ISSUED
    assert "publish" not in [e.name for e in wf.record.history]


def test_failed_review_blocks_publish() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    _to_issued(wf, clock, {"disclosure": "公开发布"})
    failed = wf.fire(
        "secrecy_review", clock.next(), update={"secrecy_review": {"result": "不通过"}}
    )
    assert failed.allowed and failed.state == "REVIEW_FAILED"
    decision = wf.fire("publish", clock.next())
    assert _rules(decision) == ["national.document.secrecy_review"]
    assert wf.state is DocumentState.REVIEW_FAILED
    # a second review that passes clears it
    assert _pass_review(wf, clock).state == "CLEARED"
    assert wf.fire("publish", clock.next()).state == "PUBLISHED"


def test_review_dated_after_publish_blocks_it() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    _to_issued(wf, clock, {"disclosure": "公开发布"})
    later = clock.now + timedelta(days=3)
    wf.fire(
        "secrecy_review",
        clock.next(),
        update={"secrecy_review": {"result": "通过", "at": later}},
    )
    assert _rules(wf.fire("publish", clock.next())) == ["national.document.secrecy_review"]


def test_policy_document_published_after_its_interpretation_is_blocked() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    _to_issued(wf, clock)
    _pass_review(wf, clock)
    wf.fire("release_interpretation", clock.next())
    # released an hour before: not "with" the document
    assert _rules(wf.fire("publish", clock.next())) == ["national.document.interpretation_sync"]


def test_on_request_document_is_catalogued_and_never_published() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    _to_issued(wf, clock, {"disclosure": "依申请公开"})
    assert _pass_review(wf, clock).allowed
    refused = wf.fire("publish", clock.next())
    assert not refused.allowed and refused.reason and "publish" in refused.reason
    catalogued = wf.fire("enter_catalogue", clock.next())
    assert catalogued.allowed and wf.state is DocumentState.CATALOGUED
    assert "publish" not in wf.available()
    for _ in range(2):
        assert not wf.fire("publish", clock.next()).allowed
    assert wf.fire("repeal", clock.next()).state == "REPEALED"
    assert not wf.fire("publish", clock.next()).allowed
    assert "publish" not in [e.name for e in wf.record.history]


def test_may_changes_nothing() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    before = wf.snapshot()
    blocked = wf.may("submit", clock.next())
    allowed = wf.may("set_attribute", clock.next(), update={"disclosure": "公开发布"})
    assert not blocked.allowed and allowed.allowed and allowed.state == "ATTRIBUTED"
    assert wf.snapshot() == before and wf.state is DocumentState.DRAFT
    # and it says what fire will do
    fired = wf.fire("set_attribute", clock.now, update={"disclosure": "公开发布"})
    assert fired == allowed


def test_events_out_of_time_order_raise() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    wf.fire("draft", clock.next())
    with pytest.raises(WorkflowError, match="早于") as err:
        wf.fire("set_attribute", clock.now - timedelta(minutes=1))
    assert "before the last event" in str(err.value)
    with pytest.raises(WorkflowError):
        wf.may("set_attribute", clock.now - timedelta(minutes=1))
    assert len(wf.record.history) == 1
    # the same instant is fine
    assert wf.fire("set_attribute", clock.now).allowed


def test_unknown_event_raises() -> None:
    wf = DocumentWorkflow(pack=PACK)
    with pytest.raises(WorkflowError, match="没有事件 approve") as err:
        wf.fire("approve", T0)
    assert "has no event approve" in str(err.value)
    with pytest.raises(WorkflowError):
        wf.may("approve", T0)


def test_wrong_state_event_is_refused_with_a_reason() -> None:
    wf = DocumentWorkflow(pack=PACK)
    decision = wf.fire("sign", T0)
    assert decision.allowed is False
    assert decision.blocking == []
    assert decision.reason is not None and "DRAFT" in decision.reason and "sign" in decision.reason
    assert wf.record.history == []


def test_bad_event_data_raises() -> None:
    wf = DocumentWorkflow(pack=PACK)
    with pytest.raises(WorkflowError, match="disclosure"):
        wf.fire("set_attribute", T0, update={"disclosure": "随便公开"})


def test_snapshot_restore_round_trip_through_json() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    _to_issued(wf, clock)
    data = json.loads(json.dumps(wf.snapshot(), ensure_ascii=False))
    back = DocumentWorkflow.restore(data)
    assert back.state is wf.state and back.record == wf.record
    with pytest.raises(WorkflowError):
        DocumentWorkflow.restore({**data, "state": "PUBLISHED"})
    with pytest.raises(WorkflowError):
        DocumentWorkflow.restore({**data, "workflow": "meeting"})
    with pytest.raises(WorkflowError):
        DocumentWorkflow.restore({"workflow": "document"})
    # rules changed since the snapshot: restored by default, refused when asked
    other = {**data, "pack_hash": "0" * 16}
    assert DocumentWorkflow.restore(other).state is wf.state
    assert DocumentWorkflow.restore(data, same_rules=True).state is wf.state
    with pytest.raises(WorkflowError, match="0000000000000000"):
        DocumentWorkflow.restore(other, same_rules=True)


def test_restore_when_later_updates_changed_what_chose_an_earlier_step() -> None:
    """A review passed (CLEARED), an interpretation released, then a second review failed:
    the record now says 不通过, yet the history is a valid path and must restore."""
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    _to_issued(wf, clock)
    _pass_review(wf, clock)
    assert wf.fire("release_interpretation", clock.next()).allowed
    failed = wf.fire(
        "secrecy_review", clock.next(), update={"secrecy_review": {"result": "不通过"}}
    )
    assert failed.state == "REVIEW_FAILED"
    back = DocumentWorkflow.restore(wf.snapshot())
    assert back.state is DocumentState.REVIEW_FAILED and back.record == wf.record
    # a record alone (no snapshot state) replays to the same state
    assert DocumentWorkflow(wf.record, pack=PACK).state is DocumentState.REVIEW_FAILED


def test_update_cannot_undo_what_an_earlier_step_was_checked_for() -> None:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    _to_issued(wf, clock, {"disclosure": "公开发布"})
    _pass_review(wf, clock)
    assert wf.fire("publish", clock.next()).allowed
    undone = wf.fire("repost", clock.next(), update={"secrecy_review": {"result": "不通过"}})
    assert _rules(undone) == ["national.document.secrecy_review"]
    made_policy = wf.fire("repost", clock.next(), update={"is_policy": True})
    # interpretation_sync stays pending: its tolerance (同步) is an open parameter
    assert _rules(made_policy) == ["national.document.interpretation_bundle"]
    unattributed = wf.fire("repost", clock.next(), update={"disclosure": None})
    assert _rules(unattributed) == ["national.document.attribute_required"]
    assert wf.fire("repost", clock.next(), update={"title": "新标题"}).allowed


def test_a_record_from_an_oa_system_replays_to_its_state() -> None:
    record = Document.model_validate(
        {
            "disclosure": "依申请公开",
            "history": [
                {"name": "set_attribute", "at": "2024-03-04T09:00:00"},
                {"name": "submit", "at": "2024-03-04T10:00:00"},
                {"name": "sign", "at": "2024-03-05T10:00:00"},
                {"name": "issue", "at": "2024-03-06T10:00:00"},
                {"name": "enter_catalogue", "at": "2024-03-07T10:00:00"},
            ],
        }
    )
    assert DocumentWorkflow(record, pack=PACK).state is DocumentState.CATALOGUED
    bad = record.model_copy(update={"history": record.history[2:]})
    with pytest.raises(WorkflowError, match="sign"):
        DocumentWorkflow(bad, pack=PACK)
