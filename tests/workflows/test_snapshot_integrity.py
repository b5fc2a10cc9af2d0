"""Snapshots edited outside gongkai (issue 16): restore judges the record and history again
under the pack's guards, and an optional keyed signature detects any edit."""

from __future__ import annotations

import copy
import json
import time
from typing import Any

import pytest

from gongkai.errors import WorkflowError
from gongkai.workflows import DocumentWorkflow, RequestWorkflow
from tests.workflows.test_document import PACK, Clock, _pass_review, _to_issued

KEY = b"an integrator's secret"


def _published() -> DocumentWorkflow:
    clock = Clock()
    wf = DocumentWorkflow(pack=PACK)
    _to_issued(wf, clock)
    _pass_review(wf, clock)
    at = clock.next()
    assert wf.fire("release_interpretation", at).allowed
    assert wf.fire("publish", at).allowed
    return wf


def test_genuine_snapshot_restores() -> None:
    wf = _published()
    back = DocumentWorkflow.restore(json.loads(json.dumps(wf.snapshot(), ensure_ascii=False)))
    assert back.state.name == "PUBLISHED"
    assert back.record == wf.record


def _edited(field: str, value: Any) -> dict[str, Any]:
    snap = copy.deepcopy(_published().snapshot())
    target = snap["record"]
    *parents, last = field.split(".")
    for part in parents:
        target = target[part]
    target[last] = value
    return snap


def test_published_document_whose_review_now_failed_is_refused() -> None:
    with pytest.raises(WorkflowError, match=r"national\.document\.secrecy_review"):
        DocumentWorkflow.restore(_edited("secrecy_review.result", "不通过"))


def test_published_document_now_marked_not_public_is_refused() -> None:
    with pytest.raises(WorkflowError, match="disagrees with its history"):
        DocumentWorkflow.restore(_edited("disclosure", "不公开"))
    snap = _edited("disclosure", "不公开")  # with a reason, no guard is broken: the step is
    snap["record"].update(nondisclosure_reason="涉及国家秘密", nondisclosure_ground="国家秘密")
    with pytest.raises(WorkflowError, match="publish") as caught:
        DocumentWorkflow.restore(snap)
    assert "condition disclosure in" in caught.value.en


def test_an_update_may_not_unmake_a_past_step() -> None:
    """What restore refuses, fire refuses too: a published document cannot become 不公开."""
    wf = _published()
    update = {
        "disclosure": "不公开",
        "nondisclosure_reason": "涉密",
        "nondisclosure_ground": "国家秘密",
    }
    decision = wf.fire("post_platforms", update=update)
    assert not decision.allowed
    assert decision.reason is not None and "condition disclosure in" in decision.reason
    assert wf.record.disclosure is not None and wf.record.disclosure.value == "公开发布"


def test_signed_snapshot_restores_with_the_key() -> None:
    snap = _published().snapshot(key=KEY)
    assert len(snap["signature"]) == 64
    stored = json.loads(json.dumps(snap, ensure_ascii=False))
    assert DocumentWorkflow.restore(stored, key=KEY).state.name == "PUBLISHED"
    assert DocumentWorkflow.restore(stored, key=KEY.decode()).state.name == "PUBLISHED"


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: s["record"].update(title="另一个标题"),  # passes every guard, still an edit
        lambda s: s.update(signature="0" * 64),
        lambda s: s.update(signature="签名"),
        lambda s: s.pop("signature"),
    ],
)
def test_edited_or_unsigned_snapshot_is_refused_with_the_key(edit: Any) -> None:
    snap = copy.deepcopy(_published().snapshot(key=KEY))
    edit(snap)
    with pytest.raises(WorkflowError, match=r"signature|not signed"):
        DocumentWorkflow.restore(snap, key=KEY)


def test_other_key_is_refused() -> None:
    snap = _published().snapshot(key=KEY)
    with pytest.raises(WorkflowError, match="signature"):
        DocumentWorkflow.restore(snap, key=b"another key")


def test_restoring_a_long_history_stays_cheap() -> None:
    """A request with 2,000 recorded events restores in well under a second per 1,000."""
    clock = Clock()
    wf = RequestWorkflow(pack="national")
    for event in ("submit", "receive", "register"):
        assert wf.fire(event, clock.next()).allowed
    for _ in range(1_000):
        assert wf.fire("consult_third_party", clock.next(0.001)).allowed
        assert wf.fire("third_party_replied", clock.next(0.001)).allowed
    snap = wf.snapshot()
    started = time.perf_counter()
    back = RequestWorkflow.restore(snap)
    assert back.state == wf.state
    assert time.perf_counter() - started < 5
