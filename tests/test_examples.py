"""Every example in examples/ runs as a script and prints what its docstring promises;
every Python block of the guide pages in docs/ runs."""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gongkai import WorkCalendar, load_pack
from gongkai.errors import ConflictError
from gongkai.store import WorkflowStore
from gongkai.workflows import Decision

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run a Python script as a user would, with UTF-8 output."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_every_example_is_tested() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py")}
    tested = {
        "validate_draft_json.py",
        "validate_draft_text.py",
        "oa_service_sqlite.py",
        "overlay_next_year.py",
        "locality_pack.py",
        "testing_adapter.py",
    }
    assert scripts == tested, "add a test for each new example"


def test_validate_draft_json() -> None:
    out = run(EXAMPLES / "validate_draft_json.py")
    assert out.returncode == 1, out.stderr
    assert "[violated/error] national.document.interpretation_bundle" in out.stdout
    assert "[overdue/error] national.document.proactive_20wd" in out.stdout
    assert "期限 due: 2026-04-02 23:59" in out.stdout
    assert "国办发〔2016〕80号" in out.stdout and "第二十六条" in out.stdout
    assert out.stdout.rstrip().endswith("NOT OK: 2 violation(s)")


def test_validate_draft_json_clean_record_exits_0(tmp_path: Path) -> None:
    record = tmp_path / "ok.json"
    record.write_text(
        '{"kind": "document", "disclosure": "依申请公开", "doc_type": "函",'
        ' "history": [{"name": "submit", "at": "2026-03-02T10:00"}]}',
        encoding="utf-8",
    )
    out = run(EXAMPLES / "validate_draft_json.py", record)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.rstrip().endswith("OK")


def test_validate_draft_json_bad_input_exits_2(tmp_path: Path) -> None:
    out = run(EXAMPLES / "validate_draft_json.py", tmp_path / "missing.json")
    assert out.returncode == 2 and "cannot read" in out.stderr


def test_validate_draft_text() -> None:
    out = run(EXAMPLES / "validate_draft_text.py")
    assert out.returncode == 1, out.stderr
    for line in (
        "doc_number: 某政办发〔2026〕21号",
        "secrecy_level: 机密",
        "issue_date: 2026-04-08",
        "disclosure: 公开发布",
        "[violated/error] national.document.classified_not_public",
    ):
        assert line in out.stdout
    assert "第十四条" in out.stdout


def test_oa_service_sqlite_in_a_temporary_file() -> None:
    out = run(EXAMPLES / "oa_service_sqlite.py")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "database: temporary file" in text
    assert "某政办发〔2026〕30号  document  ISSUED" in text
    assert "YSQ-2026-0015  request  ARCHIVED" in text
    # blocked decisions are audit rows with their rule ids
    assert (
        "某政办发〔2026〕30号 submit at 2026-03-02T10:00:00+08:00: "
        "national.document.attribute_required, national.document.interpretation_bundle"
    ) in text
    assert "YSQ-2026-0015 reply at 2026-03-20T10:00:00+08:00: national.request.reply_type" in text
    assert (
        "YSQ-2026-0018 extend at 2026-03-31T09:00:00+08:00: national.request.extension_approved"
        in (text)
    )
    assert "publish: blocked by national.document.secrecy_review" in text
    report = text.split("nightly report as of 2026-04-01T18:00:00+08:00:\n", 1)[1]
    lines = [line for line in report.splitlines() if not line.startswith(" ")]
    assert lines == [
        "overdue  2026-03-16  某政办发〔2026〕12号  national.document.proactive_20wd",
        "overdue  2026-03-25  YSQ-2026-0011  national.request.reply_20wd",
        "pending  2026-04-03 (2 working days left)  某政办发〔2026〕30号  "
        "national.document.proactive_20wd",
        "pending  2026-04-08 (4 working days left)  YSQ-2026-0007  national.request.reply_20wd",
    ]


def test_oa_service_sqlite_in_memory_and_in_a_given_file(tmp_path: Path) -> None:
    memory = run(EXAMPLES / "oa_service_sqlite.py", ":memory:")
    assert memory.returncode == 0, memory.stderr
    assert "database: :memory:" in memory.stdout
    database = tmp_path / "oa.sqlite3"
    out = run(EXAMPLES / "oa_service_sqlite.py", database)
    assert out.returncode == 0, out.stderr
    with sqlite3.connect(database) as conn:
        kinds = dict(conn.execute("SELECT kind, COUNT(*) FROM gongkai_workflows GROUP BY kind"))
        blocked = conn.execute("SELECT COUNT(*) FROM gongkai_log WHERE allowed = 0").fetchone()
    assert kinds == {"document": 4, "request": 4}
    assert blocked == (4,)
    # the report is the same whichever database holds the snapshots
    tail = "nightly report"
    assert memory.stdout[memory.stdout.index(tail) :] == out.stdout[out.stdout.index(tail) :]


def test_oa_service_sqlite_refuses_the_second_clerk() -> None:
    out = run(EXAMPLES / "oa_service_sqlite.py")
    assert out.returncode == 0, out.stderr
    assert "clerk B refused: version 4 is stale, now 5" in out.stdout
    assert (
        "某政办发〔2026〕12号 history: set_attribute, submit, sign (常务副市长), issue,"
        " secrecy_review (clerk A)\n"
    ) in out.stdout


def test_oa_service_sqlite_loses_no_update_when_clerks_act_at_once(tmp_path: Path) -> None:
    """The example's old lost update: two clerks read the same snapshot, both were "allowed"
    and the stored snapshot kept only the second event. Now one wins, one is refused."""
    spec = importlib.util.spec_from_file_location("oa_service", EXAMPLES / "oa_service_sqlite.py")
    assert spec and spec.loader
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    key = "YSQ-2026-0007"
    store = WorkflowStore(f"sqlite:///{tmp_path}/oa.sqlite3")
    service = example.Service(store)
    store.create(key, "request")
    service.act(key, "receive", "2026-03-10 09:30")
    shown = store.get(key).version  # both screens
    start = threading.Barrier(2)
    outcomes: list[object] = []

    def clerk(event: str) -> None:
        start.wait()
        try:
            outcomes.append(service.act(key, event, "2026-03-11 09:00", shown))
        except ConflictError as err:
            outcomes.append(err)

    threads = [
        threading.Thread(target=clerk, args=(e,)) for e in ("register", "consult_third_party")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    allowed = [o for o in outcomes if isinstance(o, Decision) and o.allowed]
    refused = [o for o in outcomes if isinstance(o, ConflictError)]
    assert len(allowed) == 1 and len(refused) == 1 and refused[0].current_version == shown + 1
    assert [e.name for e in store.get(key).workflow.record.history] == ["receive", allowed[0].event]
    assert store.rebuild(key) == store.snapshot(key)[1]


def test_overlay_next_year() -> None:
    out = run(EXAMPLES / "overlay_next_year.py")
    assert out.returncode == 0, out.stderr
    if 2027 in WorkCalendar.default().covered_years:  # the official schedule has arrived
        assert "already covered" in out.stdout
        return
    assert "strict: CalendarCoverageError for 2027" in out.stdout
    assert "estimate: due 2027-01-08 estimated=True" in out.stdout
    assert "overlay: 2027-01-01 is holiday (元旦)" in out.stdout
    assert "overlay: due 2027-01-08 estimated=False" in out.stdout
    assert "holidays-2027.json (2027)" in out.stdout


def test_illustrative_overlay_says_so() -> None:
    text = (EXAMPLES / "data" / "holidays-2027.json").read_text(encoding="utf-8")
    assert "ILLUSTRATIVE" in text and '"papers": []' in text


def test_locality_pack() -> None:
    out = run(EXAMPLES / "locality_pack.py")
    assert out.returncode == 1, out.stderr
    text = out.stdout
    assert "chain my_city -> national" in text
    assert "national.document.proactive_20wd in my_city: False" in text
    national, unset, configured = text.split("== ")[1:]
    assert "national.document.proactive_20wd: satisfied" in national
    assert "my_city.document.proactive_10wd: violated, due 2026-03-19" in unset
    assert "my_city.document.new_media_sync: pending" in unset and "期限未配置" in unset
    assert "my_city.document.new_media_sync: overdue, due 2026-03-27" in configured
    assert "示政办发〔2026〕1号" in configured


def test_locality_pack_through_the_command_line() -> None:
    pack = EXAMPLES / "locality_pack" / "my_city.toml"
    out = run("-m", "gongkai", "rules", "--pack", pack, "my_city.document.new_media_sync")
    assert out.returncode == 0, out.stderr
    assert "参数 $period: 及时 = 未配置 not configured" in out.stdout


def test_testing_adapter() -> None:
    out = run(EXAMPLES / "testing_adapter.py")
    assert out.returncode == 0, out.stdout + out.stderr
    assert [line.split(":")[0] for line in out.stdout.splitlines()] == [
        "ok  state machine",
        "ok  breaking records",
        "ok  histories",
    ]


# -- the guide's code ------------------------------------------------------------------

GUIDE_PAGES = ("index.md", "concepts.md", "packs.md", "integration.md")
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_python_blocks_of_the_guide_run(page: str, tmp_path: Path) -> None:
    """The Python blocks of a page run in order as one script, from the repository root."""
    blocks = _BLOCK.findall((ROOT / "docs" / page).read_text(encoding="utf-8"))
    assert blocks, f"docs/{page} has no python block"
    script = tmp_path / f"{Path(page).stem}_blocks.py"
    script.write_text("\n\n".join(blocks), encoding="utf-8")
    out = run(script)
    assert out.returncode == 0, f"docs/{page}:\n{out.stdout}\n{out.stderr}"


_TOML = re.compile(r"^```toml\n(.*?)^```", re.DOTALL | re.MULTILINE)
_HEADER = '[pack]\nname = "my_city"\ntitle = "文档示例"\nextends = "national"\n\n'


def test_toml_samples_of_the_pack_guide_load(tmp_path: Path) -> None:
    """Each TOML sample of docs/packs.md is a valid pack (a lone rule under a national header)."""
    samples = _TOML.findall((ROOT / "docs" / "packs.md").read_text(encoding="utf-8"))
    assert len(samples) >= 6
    for n, sample in enumerate(samples):
        path = tmp_path / f"sample_{n}.toml"
        path.write_text(sample if sample.startswith("[pack]") else _HEADER + sample, "utf-8")
        pack = load_pack(path)
        assert pack.chain == ("my_city", "national")
