"""Workflows: one shared machine (gongkai) against one ``transitions.Machine`` per document.

    python benchmarks/bench_workflows.py [--documents 10000] [--repeat 3]

Both sides create the same documents and drive each one from draft to published
(draft, set_attribute, submit, review, sign, issue, secrecy_review,
release_interpretation and publish at the same instant) with the same guards:
the peer's conditions build the same candidate record and call the same
``pack.guard``; only the machine differs. Timed three ways, in the same run:

1. full: records and guards (the national pack);
2. no guards: an empty pack, records still kept (what the machine and the
   record bookkeeping cost);
3. graph only: no records at all. The peer creates a ``transitions.Machine``
   per document and triggers the events on a bare model; gongkai walks its
   shared, precompiled graph (``WorkflowMachine.candidates``).

Memory: tracemalloc, bytes per idle workflow beyond its record, both sides.
Ratios are the peer's time (or bytes) divided by gongkai's.
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

import transitions
from transitions import EventData, Machine

from gongkai.calendar import WorkCalendar
from gongkai.models import DocType, Document
from gongkai.rules.expression import EvalContext
from gongkai.rules.pack import Pack, load_pack
from gongkai.rules.report import Finding
from gongkai.timezone import to_shanghai
from gongkai.workflows import DocumentWorkflow
from gongkai.workflows.base import Step, WorkflowMachine, next_record
from gongkai.workflows.document import DOCUMENT_MACHINE

T0 = to_shanghai(datetime(2024, 3, 4, 9, 0))
POLICY: dict[str, Any] = {
    "disclosure": "公开发布",
    "is_policy": True,
    "interpretation": {"plan": True, "materials": True, "approved_by": "起草处处长"},
}

Path_ = list[tuple[str, datetime, Mapping[str, Any] | None]]


def draft_to_published() -> Path_:
    """The events of one document's life, with their instants and updates."""
    hours = {"release_interpretation": 9, "publish": 9}
    names = (
        "draft",
        "set_attribute",
        "submit",
        "review",
        "sign",
        "issue",
        "secrecy_review",
        "release_interpretation",
        "publish",
    )
    out: Path_ = []
    for i, name in enumerate(names):
        at = T0 + timedelta(hours=hours.get(name, i))
        update: Mapping[str, Any] | None = None
        if name == "set_attribute":
            update = POLICY
        elif name == "secrecy_review":
            update = {"secrecy_review": {"result": "通过", "reviewer": "保密办", "at": at}}
        out.append((name, at, update))
    return out


def new_record(i: int) -> Document:
    """The i-th document, as an OA system would create it."""
    return Document(id=f"doc-{i}", title=f"关于第{i}号事项的通知", doc_type=DocType.NOTICE)


# -- gongkai ---------------------------------------------------------------------------


def run_gongkai(n: int, path: Path_, pack: Pack, calendar: WorkCalendar) -> list[DocumentWorkflow]:
    """Create n workflows and drive each through ``path``."""
    out = []
    for i in range(n):
        wf = DocumentWorkflow(new_record(i), pack=pack, calendar=calendar)
        for event, at, update in path:
            if not wf.fire(event, at, update=update):
                raise AssertionError(f"gongkai refused {event}")
        out.append(wf)
    return out


def graph_gongkai(n: int, path: Path_, machine: WorkflowMachine) -> list[str]:
    """The graph alone: n documents' states walked on the shared machine."""
    names = [event for event, _, _ in path]
    states = []
    for _ in range(n):
        state = machine.initial.name
        for event in names:
            step = machine.candidates(event, state)[0]
            state = step.step.dest or state
        states.append(state)
    return states


# -- the peer: one transitions.Machine per document ------------------------------------


class PeerDocument:
    """A document with its own ``transitions.Machine`` (the usual way to use the library)."""

    state: str

    def __init__(
        self, record: Document, pack: Pack, calendar: WorkCalendar, *, guarded: bool
    ) -> None:
        self.record = record
        self.pack = pack
        self.calendar = calendar
        self.candidate: Document | None = None
        self.blocking: list[Finding] = []
        self.machine = Machine(
            model=self,
            states=[s.name for s in DOCUMENT_MACHINE.states],
            initial=DOCUMENT_MACHINE.initial.name,
            auto_transitions=False,
            send_event=True,
            prepare_event="prepare",
            after_state_change="commit",
            transitions=[_transition(step, guarded) for step in DOCUMENT_MACHINE.steps],
        )

    def prepare(self, event: EventData) -> None:
        """Build the candidate record with gongkai's own function, as gongkai does."""
        self.candidate = next_record(
            self.record, event.event.name, event.kwargs["at"], update=event.kwargs.get("update")
        )
        self.blocking = []

    def commit(self, event: EventData) -> None:
        """The transition happened: the candidate becomes the record."""
        assert self.candidate is not None
        self.record = self.candidate


def _transition(step: Step, guarded: bool) -> dict[str, Any]:
    """The peer's transition for one step: the same ``when`` and the same guards."""
    compiled = DOCUMENT_MACHINE.candidates(step.event, step.source[0])
    when = next(c.when for c in compiled if c.step is step)
    conditions: list[Callable[[EventData], bool]] = []
    if when is not None:

        def selected(event: EventData) -> bool:
            model = cast(PeerDocument, event.model)
            assert model.candidate is not None
            return bool(when.evaluate(EvalContext(model.candidate, events=model.candidate.history)))

        conditions.append(selected)
    if guarded:

        def allowed(event: EventData) -> bool:
            model = cast(PeerDocument, event.model)
            assert model.candidate is not None
            model.blocking = model.pack.guard(
                model.candidate,
                step.event,
                event.kwargs["at"],
                calendar=model.calendar,
                also=step.guards,
            )
            return not model.blocking

        conditions.append(allowed)
    return {
        "trigger": step.event,
        "source": list(step.source),
        "dest": step.dest,
        "conditions": conditions,
    }


def run_peer(
    n: int, path: Path_, pack: Pack, calendar: WorkCalendar, *, guarded: bool = True
) -> list[PeerDocument]:
    """Create n documents, each with its own Machine, and drive each through ``path``."""
    out = []
    for i in range(n):
        doc = PeerDocument(new_record(i), pack, calendar, guarded=guarded)
        for event, at, update in path:
            if not doc.trigger(event, at=at, update=update):  # type: ignore[attr-defined]
                raise AssertionError(f"peer refused {event}: {doc.blocking}")
        out.append(doc)
    return out


class _Bare:
    state: str


def graph_peer(n: int, path: Path_) -> list[_Bare]:
    """The graph alone: a Machine per document, events triggered on a bare model (kept, as
    the other runs keep their documents)."""
    names = [event for event, _, _ in path]
    spec = [
        {"trigger": s.event, "source": list(s.source), "dest": s.dest}
        for s in DOCUMENT_MACHINE.steps
        if s.when is None or s.event == "publish" or s.dest == "CLEARED"
    ]
    models = []
    for _ in range(n):
        model = _Bare()
        Machine(
            model=model,
            states=[s.name for s in DOCUMENT_MACHINE.states],
            initial=DOCUMENT_MACHINE.initial.name,
            auto_transitions=False,
            transitions=spec,
        )
        for event in names:
            model.trigger(event)  # type: ignore[attr-defined]
        models.append(model)
    return models


# -- measuring -------------------------------------------------------------------------


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The best wall time of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def bytes_per_workflow(n: int, make: Callable[[Document], object]) -> float:
    """tracemalloc: bytes allocated per object made by ``make`` beyond its (existing) record."""
    records = [new_record(i) for i in range(n)]
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    keep = [make(r) for r in records]
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(keep) == n
    return (after - before) / n


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description="workflow benchmark")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory-documents", type=int, default=2_000)
    args = parser.parse_args(argv)
    n, repeat = args.documents, args.repeat

    national = load_pack("national")
    with tempfile.TemporaryDirectory() as tmp:
        empty_file = Path(tmp) / "empty.toml"
        empty_file.write_text('[pack]\nname = "empty"\ntitle = "空规则包"\n', encoding="utf-8")
        empty = load_pack(empty_file)
    calendar = WorkCalendar.default()
    path = draft_to_published()

    # the two sides agree before anything is timed
    ours = run_gongkai(50, path, national, calendar)
    theirs = run_peer(50, path, national, calendar)
    assert all(w.state.name == "PUBLISHED" for w in ours)
    assert all(p.state == "PUBLISHED" for p in theirs)
    assert all(w.record == p.record for w, p in zip(ours, theirs, strict=True))
    assert graph_gongkai(5, path, DOCUMENT_MACHINE) == ["PUBLISHED"] * 5
    assert [m.state for m in graph_peer(5, path)] == ["PUBLISHED"] * 5

    rows: list[tuple[str, float, float]] = []
    for label, ours_fn, theirs_fn in (
        (
            "full (records + national guards)",
            lambda: run_gongkai(n, path, national, calendar),
            lambda: run_peer(n, path, national, calendar),
        ),
        (
            "no guards (records, empty pack)",
            lambda: run_gongkai(n, path, empty, calendar),
            lambda: run_peer(n, path, empty, calendar, guarded=False),
        ),
        (
            "graph only (no records)",
            lambda: graph_gongkai(n, path, DOCUMENT_MACHINE),
            lambda: graph_peer(n, path),
        ),
    ):
        rows.append((label, best_of(repeat, ours_fn), best_of(repeat, theirs_fn)))

    m = args.memory_documents
    ours_bytes = bytes_per_workflow(
        m, lambda r: DocumentWorkflow(r, pack=national, calendar=calendar)
    )
    theirs_bytes = bytes_per_workflow(
        m,
        lambda r: PeerDocument(r, national, calendar, guarded=True),
    )

    print(
        f"Python {platform.python_version()}, transitions {transitions.__version__}, "
        f"{platform.machine()}; {n:,} documents x {len(path)} events, best of {repeat}"
    )
    print()
    print("| what is timed | gongkai (shared machine) | transitions.Machine per document | ratio |")
    print("|---|---:|---:|---:|")
    for label, ours_s, theirs_s in rows:
        print(
            f"| {label} | {ours_s:.3f} s ({ours_s / n * 1e6:.1f} µs/doc) "
            f"| {theirs_s:.3f} s ({theirs_s / n * 1e6:.1f} µs/doc) "
            f"| {theirs_s / ours_s:.1f}× |"
        )
    print(
        f"| memory per idle workflow beyond its record ({m:,} documents) "
        f"| {ours_bytes:,.0f} B | {theirs_bytes:,.0f} B | {theirs_bytes / ours_bytes:.0f}× |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
