"""Declarative rule checking against hand-written Python, and one condition against rule-engine.

Run: python benchmarks/bench_rules.py

1. ``pack.check(document, as_of)`` with the national pack (plus a locality pack when
   given as argv[1]) against a hand-written function that applies the same national
   document rules with the same calendar and returns the same ``Finding`` objects, and
   against a bare variant that returns only (rule id, passed) pairs.
2. One condition (``disclosure == '不公开' and not is_policy``) compiled by gongkai's
   expression language against the ``rule-engine`` package (optional: skipped if missing).
"""

from __future__ import annotations

import sys
import timeit
from datetime import datetime
from typing import Any

from gongkai import WorkCalendar, load_pack, load_record
from gongkai.clocks import Duration, due_after
from gongkai.models import Document
from gongkai.rules.expression import EvalContext, compile_expression
from gongkai.rules.report import Finding, Severity, Source, Status
from gongkai.rules.types import schema_of
from gongkai.timezone import to_shanghai

RECORD: dict[str, Any] = {
    "kind": "document",
    "title": "关于印发某办法的通知",
    "doc_type": "通知",
    "disclosure_marking": "（此件公开发布）",
    "is_policy": True,
    "interpretation": {"plan": True, "materials": True, "approved_by": "局长"},
    "secrecy_review": {"result": "通过", "at": "2026-03-05T08:00"},
    "history": [
        {"name": "draft", "at": "2026-03-01T09:00"},
        {"name": "submit", "at": "2026-03-02T09:00"},
        {"name": "sign", "at": "2026-03-03T09:00"},
        {"name": "release_interpretation", "at": "2026-03-05T09:00"},
        {"name": "publish", "at": "2026-03-05T09:00"},
    ],
}
AS_OF = to_shanghai(datetime(2026, 4, 1))
CAL = WorkCalendar.default()
SRC = Source(document="中华人民共和国政府信息公开条例", quote="…")
PUBLIC = {"公开发布", "删减后公开"}
MANDATORY = {"国家秘密", "法律行政法规禁止公开", "危及国家安全公共安全经济安全社会稳定"}


def _finding(rule_id: str, ok: bool | None) -> Finding:
    status = Status.NOT_APPLICABLE if ok is None else (Status.SATISFIED if ok else Status.VIOLATED)
    return Finding(
        rule_id=rule_id, title=rule_id, severity=Severity.ERROR, status=status,
        message=rule_id, message_en=rule_id, source=SRC,
    )  # fmt: skip


def hand_written(doc: Document, as_of: datetime) -> list[Finding]:
    """The national document rules, written by hand with the same calendar and outputs."""
    events = [e for e in doc.history if e.at <= as_of]
    names = {e.name for e in events}
    first = {e.name: e.at for e in reversed(events)}
    disclosure = doc.disclosure.value if doc.disclosure else None
    out = [
        _finding("attribute_required", disclosure is not None if "submit" in names else None),
        _finding(
            "nonpublic_reason",
            bool(doc.nondisclosure_reason and doc.nondisclosure_ground)
            if "submit" in names and disclosure == "不公开"
            else None,
        ),
        _finding(
            "mandatory_exempt",
            disclosure == "不公开"
            if doc.nondisclosure_ground and doc.nondisclosure_ground.value in MANDATORY
            else None,
        ),
        _finding("classified_not_public", disclosure not in PUBLIC if doc.secrecy_level else None),
    ]
    review = doc.secrecy_review
    published = first.get("publish")
    out.append(
        _finding(
            "secrecy_review",
            bool(
                review
                and review.result.value == "通过"
                and (review.at is None or review.at <= published)
            )
            if published
            else None,
        )
    )
    signed = first.get("sign")
    if disclosure in PUBLIC and signed is not None:
        due = due_after(signed, Duration.workdays(20), CAL)
        out.append(_finding("proactive_20wd", published is not None and published <= due.at))
    else:
        out.append(_finding("proactive_20wd", None))
    interp = doc.interpretation
    needs = doc.is_policy and doc.needs_interpretation is not False
    out.append(
        _finding(
            "interpretation_bundle",
            bool(interp and interp.plan and interp.materials and interp.approved_by)
            if needs and "submit" in names
            else None,
        )
    )
    released = first.get("release_interpretation")
    out.append(
        _finding("interpretation_sync", released == published if needs and published else None)
    )
    default = "不公开" if doc.doc_type and doc.doc_type.value in ("请示", "报告") else "公开发布"
    out.append(_finding("default_attribute", disclosure == default if disclosure else None))
    return out


def bare(doc: Document, as_of: datetime) -> list[tuple[str, bool]]:
    """The same decisions as plain booleans: the floor any implementation pays."""
    events = [e for e in doc.history if e.at <= as_of]
    first = {e.name: e.at for e in reversed(events)}
    disclosure = doc.disclosure.value if doc.disclosure else None
    published = first.get("publish")
    signed = first.get("sign")
    due = CAL.add_workdays(signed.date(), 20) if signed else None
    return [
        ("attribute_required", "submit" not in first or disclosure is not None),
        ("nonpublic_reason", disclosure != "不公开" or bool(doc.nondisclosure_reason)),
        ("secrecy_review", published is None or bool(doc.secrecy_review)),
        ("proactive_20wd", due is None or (published is not None and published.date() <= due)),
        (
            "interpretation_sync",
            published is None or first.get("release_interpretation") == published,
        ),
    ]


def best(fn: Any, number: int) -> float:
    """Best of 5 repeats, µs per call."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


def interleaved(fns: list[Any], number: int, rounds: int = 9) -> list[float]:
    """Best µs per call of each function, timed in turns so that a change in the machine's
    load during the run weighs on all of them alike."""
    times = [[timeit.timeit(fn, number=number) for fn in fns] for _ in range(rounds)]
    return [min(column) / number * 1e6 for column in zip(*times, strict=True)]


def main() -> None:
    doc = load_record(RECORD)
    assert isinstance(doc, Document)
    packs = [load_pack(name) for name in ["national", *sys.argv[1:2]]]
    checks = [lambda pack=pack: pack.check(doc, AS_OF) for pack in packs]
    *ours, hand, floor = interleaved(
        [*checks, lambda: hand_written(doc, AS_OF), lambda: bare(doc, AS_OF)], 2000
    )
    rows = [
        (f"pack.check ({pack.name}, {len(pack.rules_for('document'))} document rules)", took)
        for pack, took in zip(packs, ours, strict=True)
    ]
    print("| implementation | µs per document | declarative / this |")
    print("|---|---:|---:|")
    national = rows[0][1]
    for label, value in rows:
        print(
            f"| {label} | {value:.1f} | 1× |"
            if value == national
            else f"| {label} | {value:.1f} | — |"
        )
    print(
        f"| hand-written, same national rules, same Finding output | {hand:.1f} | {national / hand:.1f}× |"
    )
    print(f"| hand-written, booleans only (5 rules) | {floor:.1f} | {national / floor:.1f}× |")

    schema = schema_of(Document)
    condition = "disclosure == '不公开' and not is_policy"
    ours = compile_expression(condition, schema, file="bench", rule_id="bench.one.condition")
    ctx = EvalContext(doc, events=doc.history)
    t_ours = best(lambda: ours.evaluate(ctx), 200_000)
    print(f"\none condition `{condition}`:")
    print(f"| gongkai expression | {t_ours:.3f} µs | 1× |")
    try:
        import rule_engine  # type: ignore[import-not-found]
    except ImportError:
        print("| rule-engine | (not installed: pip install rule-engine) | |")
        return
    theirs = rule_engine.Rule('disclosure == "不公开" and not is_policy')
    data = {
        "disclosure": doc.disclosure.value if doc.disclosure else None,
        "is_policy": doc.is_policy,
    }
    assert theirs.matches(data) == ours.evaluate(ctx)
    t_theirs = best(lambda: theirs.matches(data), 20_000)
    print(
        f"| rule-engine {rule_engine.__version__} | {t_theirs:.3f} µs | gongkai {t_theirs / t_ours:.0f}× faster |"
    )


if __name__ == "__main__":
    main()
