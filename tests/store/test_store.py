"""WorkflowStore: versions, the stale-version refusal, the log and its replay, bad input.

The clerk actions follow the example service (examples/oa_service_sqlite.py): a request
received, replied without a reply type (条例 第三十六条: blocked), then with one.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai import SHANGHAI, DisclosureRequest, Document, Status
from gongkai.errors import ConflictError, StoreError, WorkflowError, WorkflowNotFoundError
from gongkai.store import WorkflowStore
from gongkai.workflows import DocumentWorkflow

KEY = "YSQ-2026-0015"
REPLY = {"reply_type": "予以公开"}


def test_fire_moves_the_version_and_the_snapshot_on(store_url: str) -> None:
    with WorkflowStore(store_url) as store:
        created = store.create(KEY, "request", DisclosureRequest(id=KEY), at="2026-03-02T08:00")
        assert (created.version, created.workflow.state.name) == (0, "NEW")
        fired = store.fire(KEY, "receive", "2026-03-02T09:00", expected_version=0)
        assert fired.decision.allowed and fired.version == 1
        read = store.get(KEY)
        assert read.version == 1 and read.workflow.state.name == "RECEIVED"
        assert [e.name for e in read.workflow.record.history] == ["receive"]
        assert store.index() == [(KEY, "request", "RECEIVED", 1)]


def test_a_blocked_decision_is_logged_and_keeps_the_version(store_url: str) -> None:
    with WorkflowStore(store_url) as store:
        store.create(KEY, "request")
        store.fire(KEY, "receive", "2026-03-02T09:00")
        blocked = store.fire(KEY, "reply", "2026-03-20T10:00", expected_version=1)
        assert not blocked.decision.allowed and blocked.version == 1
        assert [f.rule_id for f in blocked.decision.blocking] == ["national.request.reply_type"]
        replied = store.fire(KEY, "reply", "2026-03-20T10:05", expected_version=1, update=REPLY)
        assert replied.decision.allowed and replied.version == 2
        log = store.log(KEY)
        assert [(e.seq, e.version, e.action, e.event, e.allowed) for e in log] == [
            (0, 0, "create", None, True),
            (1, 1, "fire", "receive", True),
            (2, 1, "fire", "reply", False),
            (3, 2, "fire", "reply", True),
        ]
        assert log[2].data["decision"]["blocking"][0]["source"]["clause"] == "第三十六条"


def test_a_stale_version_is_refused_and_nothing_is_written(store_url: str) -> None:
    with WorkflowStore(store_url) as store:
        store.create(KEY, "request")
        clerk_a = store.get(KEY)
        clerk_b = store.get(KEY)
        assert store.fire(KEY, "receive", "2026-03-02T09:00", expected_version=clerk_a.version)
        before = store.snapshot(KEY), store.log(KEY)
        with pytest.raises(ConflictError, match="版本 1") as refused:
            store.fire(KEY, "submit", "2026-03-02T09:05", expected_version=clerk_b.version)
        assert refused.value.current_version == 1
        assert (store.snapshot(KEY), store.log(KEY)) == before


def test_the_log_replays_to_the_stored_snapshot(store_url: str) -> None:
    """The examples' day of a 公文: attribute, submit, sign, issue, a blocked publish (no
    secrecy review, 保密法 / 国办发〔2016〕80号), the review, the publication."""
    key = "某政办发〔2026〕25号"
    actions = [
        ("set_attribute", "2026-03-02T09:00", {"update": {"disclosure": "公开发布"}}),
        ("submit", "2026-03-02T10:00", {}),
        ("sign", "2026-03-03T10:00", {"actor": "市长"}),
        ("issue", "2026-03-03T15:00", {}),
        ("publish", "2026-03-04T09:00", {}),
        ("secrecy_review", "2026-03-05T10:00", {"update": {"secrecy_review": {"result": "通过"}}}),
        ("publish", "2026-03-05T15:00", {}),
    ]
    with WorkflowStore(store_url) as store:
        store.create(key, "document", Document(id=key, title="关于做好春季森林防火工作的通知"))
        allowed = [store.fire(key, e, at, **kw).decision.allowed for e, at, kw in actions]
        assert allowed == [True, True, True, True, False, True, True]
        version, stored = store.snapshot(key)
        assert version == 6 and stored["state"] == "PUBLISHED"
        assert store.rebuild(key) == stored
        assert DocumentWorkflow.restore(stored).record == store.get(key).workflow.record


def test_open_clocks_lists_pending_and_overdue_deadlines(store_url: str) -> None:
    """条例 第三十三条: 20 working days from receipt (2026-03-10 -> 2026-04-08; 2026-02-09 ->
    2026-03-13 across 春节: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04,
    https://politics.gmw.cn/2025-11/04/content_38391083.htm): "2月14日（周六）、2月28日（周六）上班")."""
    with WorkflowStore(store_url) as store:
        store.create("YSQ-2026-0007", "request")
        store.fire("YSQ-2026-0007", "receive", "2026-03-10T09:30")
        store.create("YSQ-2026-0011", "request")
        store.fire("YSQ-2026-0011", "receive", "2026-02-09T10:00")
        store.create("某政办函〔2026〕5号", "document")
        clocks = store.open_clocks("2026-04-01T18:00")
        assert [(c.key, c.finding.status, f"{c.finding.due_at:%Y-%m-%d}") for c in clocks] == [
            ("YSQ-2026-0011", Status.OVERDUE, "2026-03-13"),  # 春节 2026-02-15..23 off
            ("YSQ-2026-0007", Status.PENDING, "2026-04-08"),
        ]
        assert {c.finding.rule_id for c in clocks} == {"national.request.reply_20wd"}
        assert store.open_clocks("2026-04-01T18:00", kind="document") == []


def test_caller_errors_write_nothing(store_url: str) -> None:
    with WorkflowStore(store_url) as store:
        store.create(KEY, "request")
        store.fire(KEY, "receive", "2026-03-10T09:30")
        before = store.log(KEY)
        with pytest.raises(WorkflowError, match="早于上一事件"):
            store.fire(KEY, "register", "2026-03-09T09:00")
        with pytest.raises(WorkflowError, match="没有事件 publish"):
            store.fire(KEY, "publish", "2026-03-11T09:00")
        with pytest.raises(WorkflowNotFoundError, match="no workflow with key YSQ-404"):
            store.fire("YSQ-404", "receive")
        with pytest.raises(ConflictError, match="已存在"):
            store.create(KEY, "request")
        with pytest.raises(WorkflowError, match="没有 agency 工作流"):
            store.create("X", "agency")
        with pytest.raises(WorkflowError, match="needs a DisclosureRequest"):
            store.create("X", "request", Document())
        assert store.log(KEY) == before and [k for k, *_ in store.index()] == [KEY]


def test_bad_store_urls_say_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown store URL mysql://x"):
        WorkflowStore("mysql://x")
    with pytest.raises(StoreError, match="does not exist"):
        WorkflowStore(f"sqlite:///{tmp_path}/missing/folder.db")
    with pytest.raises(StoreError, match=r"cannot connect .*postgresql://u:\*\*\*@127.0.0.1:1/x"):
        WorkflowStore("postgresql://u:secret@127.0.0.1:1/x?connect_timeout=2")


def test_a_bare_path_and_memory_are_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "oa.db"
    with WorkflowStore(str(path)) as store:
        store.create(KEY, "request")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT id, version FROM gongkai_workflows").fetchall() == [(KEY, 0)]
    with WorkflowStore("sqlite:///:memory:") as store:
        assert store.index() == []


# -- the law: whatever is fired, the log replays to the stored snapshot ------------------

EVENTS = DocumentWorkflow.definition.events
UPDATES = st.one_of(
    st.none(),
    st.fixed_dictionaries({"disclosure": st.sampled_from(["公开发布", "依申请公开", "不公开"])}),
    st.fixed_dictionaries(
        {"secrecy_review": st.fixed_dictionaries({"result": st.sampled_from(["通过", "不通过"])})}
    ),
)
ACTIONS = st.lists(st.tuples(st.sampled_from(EVENTS), UPDATES, st.integers(0, 72)), max_size=15)


@settings(max_examples=30)
@given(ACTIONS)
def test_law_the_log_rebuilds_every_snapshot(actions: list[tuple[str, dict | None, int]]) -> None:
    store = WorkflowStore("sqlite:///:memory:")
    beside = DocumentWorkflow()  # the same events fired in memory
    store.create("doc", "document")
    now = datetime(2026, 3, 2, 9, tzinfo=SHANGHAI)
    for event, update, hours in actions:
        now += timedelta(hours=hours)
        fired = store.fire("doc", event, now, update=update)
        assert fired.decision == beside.fire(event, now, update=update)
    version, stored = store.snapshot("doc")
    assert store.rebuild("doc") == stored == json.loads(json.dumps(beside.snapshot()))
    assert version == sum(1 for e in store.log("doc") if e.allowed and e.action == "fire")
