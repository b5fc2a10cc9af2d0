"""Declarative rule checking against hand-written Python, and one condition against rule-engine.

Run: python benchmarks/bench_rules.py

1. ``pack.check(document, as_of)`` with the national pack (plus a locality pack when
   given as argv[1]) against a hand-written function that applies the same national
   document rules with the same calendar and returns the same ``Finding`` objects, and
   against a bare variant that returns only (rule id, passed) pairs. Before timing, the
   hand-written function is checked against ``pack.check`` on VARIED documents drawn with a
   fixed seed (per rule: status and due instant); on any disagreement the script prints
   the records and exits 1, so a peer gone stale is never timed.
2. One condition (``disclosure == '不公开' and not is_policy``) compiled by gongkai's
   expression language against the ``rule-engine`` package (optional: skipped if missing).
"""

from __future__ import annotations

import random
import sys
import timeit
from datetime import date, datetime, timedelta
from typing import Any

from gongkai import WorkCalendar, load_pack, load_record
from gongkai.clocks import Duration, due_after
from gongkai.errors import CalendarCoverageError
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
#: How many varied documents the peer is checked on before it is timed.
VARIED = 400
PUBLIC = {"公开发布", "删减后公开"}
TWENTY_WORKDAYS = Duration.workdays(20)
WITHHELD = {"不公开", "删减后公开"}  # 第十四条 with 第三十七条: the exempt parts removed
MANDATORY = {"国家秘密", "法律行政法规禁止公开", "危及国家安全公共安全经济安全社会稳定"}


def _finding(rule_id: str, ok: bool | None) -> Finding:
    status = Status.NOT_APPLICABLE if ok is None else (Status.SATISFIED if ok else Status.VIOLATED)
    return _timed(rule_id, status, None)


def _timed(rule_id: str, status: Status, due_at: datetime | None) -> Finding:
    return Finding(
        rule_id=rule_id, title=rule_id, severity=Severity.ERROR, status=status,
        message=rule_id, message_en=rule_id, source=SRC, due_at=due_at,
    )  # fmt: skip


def hand_written(doc: Document, as_of: datetime) -> list[Finding]:
    """The national document rules, written by hand with the same calendar and outputs."""
    submitted = False
    signed = published = released = stop = None
    for event in doc.history:  # in time order
        if event.at > as_of:
            break
        name = event.name
        if name == "submit":
            submitted = True
        elif name == "sign" and signed is None:
            signed = event.at
        elif name == "publish":
            published = published or event.at
            if signed is not None and stop is None:  # the first publish after the sign
                stop = event.at
        elif name == "release_interpretation" and released is None:
            released = event.at
    disclosure = doc.disclosure.value if doc.disclosure else None
    ground = doc.nondisclosure_ground
    out = [
        _finding("attribute_required", disclosure is not None if submitted else None),
        _finding(
            "nonpublic_reason",
            bool(doc.nondisclosure_reason and ground)
            if submitted and disclosure == "不公开"
            else None,
        ),
        _finding(
            "mandatory_exempt",
            disclosure in WITHHELD if ground and ground.value in MANDATORY else None,
        ),
        _finding(
            "classified_not_public",
            disclosure in (None, "不公开") if doc.secrecy_level else None,
        ),
    ]
    review = doc.secrecy_review
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
    if disclosure in PUBLIC and signed is not None:
        try:
            due = due_after(signed, TWENTY_WORKDAYS, CAL).at
        except CalendarCoverageError:  # the 20 days reach a year without holiday data
            out.append(_timed("proactive_20wd", _in_time_anyway(signed, stop), None))
        else:
            if stop is not None:
                status = Status.SATISFIED if stop <= due else Status.VIOLATED
            else:
                status = Status.OVERDUE if as_of > due else Status.PENDING
            out.append(_timed("proactive_20wd", status, due))
    else:
        out.append(_finding("proactive_20wd", None))
    interp = doc.interpretation
    needs = doc.is_policy and doc.needs_interpretation is not False
    out.append(
        _finding(
            "interpretation_bundle",
            bool(interp and interp.plan and interp.materials and interp.approved_by)
            if needs and submitted
            else None,
        )
    )
    if needs and published:  # 同步: the same instant; later ones wait for the open tolerance
        if released == published:
            out.append(_timed("interpretation_sync", Status.SATISFIED, published))
        elif released is not None and released < published:
            out.append(_timed("interpretation_sync", Status.VIOLATED, published))
        else:
            out.append(_timed("interpretation_sync", Status.PENDING, published))
    else:
        out.append(_finding("interpretation_sync", None))
    default = "不公开" if doc.doc_type and doc.doc_type.value in ("请示", "报告") else "公开发布"
    out.append(_finding("default_attribute", disclosure == default if disclosure else None))
    return out


def _in_time_anyway(signed: datetime, stop: datetime | None) -> Status:
    """Satisfied when ``stop`` lies surely within the 20 working days although their last
    day cannot be computed (fewer working days between), else undetermined."""
    try:
        if stop is not None and CAL.workdays_between(signed.date(), stop.date()) < 20:
            return Status.SATISFIED
    except CalendarCoverageError:
        pass
    return Status.UNDETERMINED


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


#: 文种, markings and grounds the varied records draw from (None: not recorded).
DOC_TYPES = [None, "通知", "请示", "报告", "纪要", "决定", "意见", "函", "批复", "通报"]
MARKINGS = [
    None, "（此件公开发布）", "（此件主动公开）", "（此件删减后公开）", "（此件依申请公开）",
    "（此件不公开）", "（公开方式：主动公开）", "（内部资料）",
]  # fmt: skip
GROUNDS = [
    None, "国家秘密", "法律行政法规禁止公开", "危及国家安全公共安全经济安全社会稳定",
    "商业秘密个人隐私", "内部事务信息", "过程性信息", "行政执法案卷信息",
]  # fmt: skip
#: Days just before holidays (春节, 清明, 劳动节, 国庆), ordinary ones, and late 2026, whose
#: 20 working days reach 2027 (no holiday data yet: undetermined unless surely in time).
START_DAYS = [
    date(2024, 2, 5), date(2024, 4, 1), date(2024, 4, 28), date(2024, 9, 20),
    date(2025, 1, 20), date(2025, 4, 30), date(2025, 9, 26), date(2026, 2, 9),
    date(2026, 9, 25), date(2026, 6, 15), date(2026, 12, 1), date(2026, 12, 20),
]  # fmt: skip
STEPS = ["draft", "submit", "sign", "issue", "publish"]


def varied_record(rng: random.Random) -> tuple[dict[str, Any], datetime]:
    """One document record and an ``as_of``, drawn from ``rng``: every field the national
    document rules read, histories cut at any step, ties, late and early events."""
    day = (
        rng.choice(START_DAYS)
        if rng.random() < 0.6
        else date(2024, 1, 1) + timedelta(days=rng.randrange(1000))
    )
    at = to_shanghai(datetime(day.year, day.month, day.day, rng.randrange(24), rng.choice([0, 30])))
    times: dict[str, datetime] = {}
    for name in STEPS[: rng.choice([0, 1, 2, 3, 4, 5, 5, 5, 5, 5])]:
        times[name] = at
        gap = rng.choice([0, 0, 3, 20, 24 * 7, 24 * 25, 24 * 30, 24 * 45])
        at += timedelta(hours=gap + rng.randrange(2))
    if "publish" in times and "sign" in times and rng.random() < 0.05:
        times["publish"] = times["sign"] - timedelta(days=1)  # published before it was signed
    anchor = times.get("publish") or times.get("sign") or at
    offsets = [None, 0, 0, -2, -48, 1, 30, 24 * 3]
    if (release := rng.choice(offsets)) is not None:
        times["release_interpretation"] = anchor + timedelta(hours=release)
    events = sorted(times.items(), key=lambda item: (item[1], rng.random()))
    record: dict[str, Any] = {
        "kind": "document",
        "doc_type": rng.choice(DOC_TYPES),
        "disclosure_marking": rng.choice(MARKINGS),
        "nondisclosure_ground": rng.choice(GROUNDS),
        "nondisclosure_reason": rng.choice([None, "", "涉及国家秘密"]),
        "secrecy_level": rng.choice([None] * 9 + ["秘密", "机密", "绝密"]),
        "is_policy": rng.random() < 0.6,
        "needs_interpretation": rng.choice([None, True, False]),
        "history": [{"name": name, "at": when.isoformat()} for name, when in events],
    }
    if rng.random() < 0.7:
        review = rng.choice([None, 0, -5, 5, -24 * 3])
        record["secrecy_review"] = {
            "result": rng.choice(["通过", "通过", "不通过"]),
            "at": None if review is None else (anchor + timedelta(hours=review)).isoformat(),
        }
    if rng.random() < 0.7:
        record["interpretation"] = {
            "plan": rng.random() < 0.8,
            "materials": rng.random() < 0.8,
            "approved_by": rng.choice([None, "", "局长", "起草部门主要负责人"]),
        }
    moments = [when for _, when in events] or [anchor]
    base = moments[-1] if rng.random() < 0.5 else rng.choice(moments)
    as_of = base + timedelta(hours=rng.choice([-1, 0, 0, 1, 24 * 10, 24 * 60]))
    return record, as_of


def peer_disagreements(count: int, seed: int = 20261204) -> tuple[list[str], int]:
    """Check ``hand_written`` against ``pack.check`` (national) on ``count`` varied records:
    per rule, the status and the due instant. The disagreements (record, as_of, rules)
    and the number of rule decisions compared."""
    pack = load_pack("national")
    rng = random.Random(seed)
    problems: list[str] = []
    decisions = 0
    for _ in range(count):
        data, as_of = varied_record(rng)
        doc = load_record(data)
        assert isinstance(doc, Document)
        ours = {
            f.rule_id.rsplit(".", 1)[-1]: (f.status, f.due_at)
            for f in pack.check(doc, as_of).findings
        }
        peer = {f.rule_id: (f.status, f.due_at) for f in hand_written(doc, as_of)}
        decisions += len(ours)
        differ = [
            f"  {rule}: pack.check {ours.get(rule)} / hand-written {peer.get(rule)}"
            for rule in sorted(ours.keys() | peer.keys())
            if ours.get(rule) != peer.get(rule)
        ]
        if differ:
            problems.append("\n".join([f"{data} as of {as_of.isoformat()}", *differ]))
    return problems, decisions


def best(fn: Any, number: int) -> float:
    """Best of 5 repeats, µs per call."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


def interleaved(fns: list[Any], number: int, rounds: int = 9) -> list[float]:
    """Best µs per call of each function, timed in turns so that a change in the machine's
    load during the run weighs on all of them alike."""
    times = [[timeit.timeit(fn, number=number) for fn in fns] for _ in range(rounds)]
    return [min(column) / number * 1e6 for column in zip(*times, strict=True)]


def main() -> None:
    problems, decisions = peer_disagreements(VARIED)
    if problems:
        print(
            f"hand-written peer disagrees with pack.check on {len(problems)} of {VARIED} documents:"
        )
        print("\n".join(problems))
        sys.exit(1)
    print(
        f"peer agrees with pack.check on {VARIED} varied documents ({decisions} rule decisions)\n"
    )
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
    expression = compile_expression(condition, schema, file="bench", rule_id="bench.one.condition")
    ctx = EvalContext(doc, events=doc.history)
    t_ours = best(lambda: expression.evaluate(ctx), 200_000)
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
    assert theirs.matches(data) == expression.evaluate(ctx)
    t_theirs = best(lambda: theirs.matches(data), 20_000)
    print(
        f"| rule-engine {rule_engine.__version__} | {t_theirs:.3f} µs | gongkai {t_theirs / t_ours:.0f}× faster |"
    )


if __name__ == "__main__":
    main()
