"""`gongkai check`, `rules`, `schema` and `obligations`: output, exit codes, one-sentence errors.

Exit 0 = no violation, 1 = violations, 2 = bad input (one line on stderr, Chinese then
English, never a traceback). 2026-03-30 is the 20th working day after 2026-03-02.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gongkai.cli import main
from gongkai.models import (
    Agency,
    DisclosureRequest,
    Document,
    Event,
    Incident,
    Meeting,
    Message,
)
from gongkai.rules.definition import PackSpec
from gongkai.rules.pack import PACK_DIR

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
REPLY_QUOTE = "应当自收到申请之日起20个工作日内予以答复"

LATE = {
    "kind": "request",
    "id": "r-1",
    "history": [{"name": "receive", "at": "2026-03-02T09:00"}],
}
ANSWERED = {
    "kind": "request",
    "id": "r-2",
    "reply_type": "予以公开",
    "history": [
        {"name": "receive", "at": "2026-03-02T09:00"},
        {"name": "reply", "at": "2026-03-10T09:00"},
    ],
}
DEPARTMENT = {
    "kind": "agency",
    "id": "a-1",
    "name": "某市司法局",
    "level": "政府部门",
    "since": "2026-01-01",
    "history": [{"name": "annual_report_published", "at": "2026-01-20T10:00"}],
}

EXTRA_PACK = """
[pack]
name = "mine"
title = "测试规则包"
extends = "national"

[[rules]]
id = "mine.request.content_required"
title = "申请须写明所需政府信息的内容"
kind = "request"
source = { document = "测试办法", clause = "第一条", quote = "申请应当写明所需政府信息的名称" }
[rules.check]
require = "present(content)"
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_bad_input(code: int, out: str, err: str) -> None:
    """Exit 2, nothing on stdout, one line ``gongkai: <中文>（<English>）``, no traceback."""
    assert code == 2, (code, out, err)
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    match = re.fullmatch(r"gongkai: (.+)（(.+)）", lines[0])
    assert match, err
    zh, en = match.groups()
    assert HAS_CJK.search(zh), err
    assert re.search(r"[A-Za-z]{4,}", en), err


def write(tmp_path: Path, name: str, data: Any) -> str:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return str(path)


# ----------------------------------------------------------------------------- check


def test_check_violation_names_rule_and_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", write(tmp_path, "r.json", LATE), "--as-of", "2026-04-15")
    assert code == 1 and err == ""
    assert "national.request.reply_20wd" in out
    assert f"「{REPLY_QUOTE}」" in out
    assert "第三十三条" in out
    assert "2026-03-30" in out
    assert "不通过 NOT OK" in out


def test_check_clean_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "check", write(tmp_path, "r.json", ANSWERED), "--as-of", "2026-04-15"
    )
    assert code == 0 and err == ""
    assert "通过 OK" in out and "NOT OK" not in out
    assert "✗" not in out


def test_check_as_of_decides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "r.json", LATE)
    code, out, _ = run(capsys, "check", path, "--as-of", "2026-03-30T23:59")
    assert code == 0
    assert "national.request.reply_20wd" in out  # pending: shown with its due time
    assert "2026-03-30T23:59" in out
    code, _, _ = run(capsys, "check", path, "--as-of", "2026-03-31T00:00")
    assert code == 1
    # the reply after as_of is ignored
    code, _, _ = run(capsys, "check", write(tmp_path, "a.json", ANSWERED), "--as-of", "2026-03-05")
    assert code == 0


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "r.json", LATE)
    code, out, _ = run(capsys, "check", path, "--as-of", "2026-04-15", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert {"record", "findings", "ok", "header"} <= set(data)
    assert data["ok"] is False
    assert data["record"]["id"] == "r-1" and data["record"]["kind"] == "request"
    assert data["header"]["pack"] == "national"
    assert data["header"]["as_of"] == "2026-04-15T00:00:00+08:00"
    (reply,) = [f for f in data["findings"] if f["rule_id"] == "national.request.reply_20wd"]
    assert reply["status"] in ("violated", "overdue")
    assert reply["source"]["quote"] == REPLY_QUOTE
    assert reply["due_at"] == "2026-03-30T23:59:59.999999+08:00"
    code, out, _ = run(
        capsys,
        "check",
        write(tmp_path, "a.json", ANSWERED),
        "--as-of",
        "2026-04-15",
        "--format",
        "json",
    )
    assert code == 0 and json.loads(out)["ok"] is True


CLASSIFIED_TEXT = """机密★1年

某某市人民政府办公室文件
某政办发〔2026〕21号

某某市人民政府办公室关于做好汛期安全防范工作的通知

各县（市、区）人民政府：
　　现就有关事项通知如下。

某某市人民政府办公室
2026年4月8日
（此件公开发布）
"""


def test_check_text_shows_the_lines_evidence_was_read_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "draft.txt", CLASSIFIED_TEXT)
    code, out, _ = run(capsys, "check", path, "--as-of", "2026-04-10")
    assert code == 1
    assert "位置 line: 第 1 行 secrecy_level，第 13 行 disclosure_marking" in out
    code, out, _ = run(capsys, "check", path, "--as-of", "2026-04-10", "--format", "json")
    data = json.loads(out)
    assert data["lines"]["secrecy_level"] == 1 and data["lines"]["disclosure_marking"] == 13
    assert data["lines"]["doc_number"] == 4
    # JSON input has no lines
    _, out, _ = run(capsys, "check", write(tmp_path, "r.json", LATE), "--format", "json")
    assert "lines" not in json.loads(out)


def test_check_pack_file_extending_national(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path, "mine.toml", EXTRA_PACK)
    record = write(tmp_path, "a.json", ANSWERED)
    code, out, _ = run(capsys, "check", record, "--pack", pack, "--as-of", "2026-04-15")
    assert code == 1
    assert "mine.request.content_required" in out
    assert "「申请应当写明所需政府信息的名称」" in out
    code, out, _ = run(
        capsys, "check", record, "--pack", pack, "--as-of", "2026-04-15", "--format", "json"
    )
    data = json.loads(out)
    ids = {f["rule_id"] for f in data["findings"]}
    assert {"mine.request.content_required", "national.request.reply_20wd"} <= ids
    assert data["header"]["pack"] == "mine"
    with_content = write(tmp_path, "c.json", ANSWERED | {"content": "2025年财政预算"})
    code, _, _ = run(capsys, "check", with_content, "--pack", pack, "--as-of", "2026-04-15")
    assert code == 0


def test_check_agency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a.json", DEPARTMENT)
    assert run(capsys, "check", path, "--as-of", "2026-06-01")[0] == 0
    late = write(tmp_path, "b.json", DEPARTMENT | {"history": []})
    code, out, _ = run(capsys, "check", late, "--as-of", "2026-06-01")
    assert code == 1
    assert "national.obligation.annual_report_dept" in out


@pytest.mark.parametrize(
    "name, content",
    [
        ("broken.json", '{"kind": "request", '),
        ("list.json", "[1, 2]"),
        ("nokind.json", {"id": "r-1", "history": []}),
        ("badkind.json", {"kind": "memo"}),
        ("badfield.json", {"kind": "request", "reply_type": "随便答复"}),
        ("badtime.json", {"kind": "request", "history": [{"name": "receive", "at": "soon"}]}),
        (
            "badorder.json",
            {
                "kind": "request",
                "history": [
                    {"name": "reply", "at": "2026-03-10"},
                    {"name": "receive", "at": "2026-03-02"},
                ],
            },
        ),
        ("extra.json", {"kind": "agency", "colour": "red"}),
    ],
)
def test_check_bad_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: Any
) -> None:
    assert_bad_input(*run(capsys, "check", write(tmp_path, name, content)))


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(*run(capsys, "check", str(tmp_path / "nope.json")))


def test_check_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes('{"kind": "request", "content": "预算"}'.encode("gbk"))
    assert_bad_input(*run(capsys, "check", str(path)))


PRESSER = "xingtai.document.major_presser_3d"
MAJOR_POLICY = {
    "kind": "document",
    "is_policy": True,
    "is_major_policy": True,
    "history": [
        {"name": "publish", "at": "2026-03-02T10:00"},
        {"name": "hold_press_conference", "at": "2026-03-06T09:00"},  # the 4th day
    ],
}


def test_check_param_sets_an_open_parameter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "d.json", MAJOR_POLICY)
    common = ("check", path, "--pack", "xingtai", "--as-of", "2026-03-10", "--format", "json")
    code, out, _ = run(capsys, *common)
    by_id = {f["rule_id"]: f for f in json.loads(out)["findings"]}
    assert code == 1 and by_id[PRESSER]["status"] == "violated"  # the pack's own 3日
    _, out, _ = run(capsys, *common, "--param", f"{PRESSER}.period=5日")
    report = json.loads(out)
    assert {f["rule_id"]: f for f in report["findings"]}[PRESSER]["status"] == "satisfied"
    assert (
        report["header"]["pack_hash"] != json.loads(run(capsys, *common)[1])["header"]["pack_hash"]
    )


@pytest.mark.parametrize(
    "param", ["period=5日", f"{PRESSER}.period", f"{PRESSER}.perod=5日", f"{PRESSER}.period=五天后"]
)
def test_check_bad_param(tmp_path: Path, capsys: pytest.CaptureFixture[str], param: str) -> None:
    path = write(tmp_path, "d.json", MAJOR_POLICY)
    assert_bad_input(*run(capsys, "check", path, "--pack", "xingtai", "--param", param))


@pytest.mark.parametrize("pack", ["nopack", "missing/dir/pack.toml", "Bad-Name"])
def test_check_unknown_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str], pack: str) -> None:
    path = write(tmp_path, "r.json", LATE)
    assert_bad_input(*run(capsys, "check", path, "--pack", pack))


def test_check_broken_pack_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "r.json", LATE)
    broken = write(tmp_path, "broken.toml", EXTRA_PACK.replace("present(content)", "nosuch > 1"))
    assert_bad_input(*run(capsys, "check", path, "--pack", broken))
    unparsable = write(tmp_path, "bad.toml", "[pack\nname =")
    assert_bad_input(*run(capsys, "check", path, "--pack", unparsable))


@pytest.mark.parametrize("as_of", ["2026-13-01", "yesterday", "2026-04-15T25:00"])
def test_check_bad_as_of(tmp_path: Path, capsys: pytest.CaptureFixture[str], as_of: str) -> None:
    path = write(tmp_path, "r.json", LATE)
    assert_bad_input(*run(capsys, "check", path, "--as-of", as_of))


def test_check_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check")
    assert code == 2 and "Traceback" not in err
    assert HAS_CJK.search(err) and "bad arguments" in err


# ----------------------------------------------------------------------------- rules


def test_rules_lists_national(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rules")
    assert code == 0 and err == ""
    for rid in (
        "national.request.reply_20wd",
        "national.obligation.annual_report_dept",
        "national.obligation.annual_report_gov",
        "national.obligation.annual_report_2007",
    ):
        assert rid in out
    assert out.splitlines()[0].startswith("中华人民共和国") or "national" in out.splitlines()[0]


def test_rules_shows_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "national.request.reply_20wd")
    assert code == 0
    assert out.startswith("national.request.reply_20wd")
    assert f"「{REPLY_QUOTE}」" in out
    assert "国务院令第711号" in out and "第三十三条" in out
    assert "2019-05-15" in out
    assert "national.request.reply_15wd_2007" not in out


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    rules = json.loads(out)
    assert isinstance(rules, list)
    ids = [r["id"] for r in rules]
    assert "national.request.reply_20wd" in ids and len(ids) == len(set(ids))
    code, out, _ = run(capsys, "rules", "national.obligation.annual_report_gov", "--format", "json")
    assert code == 0
    one = json.loads(out)
    assert one["id"] == "national.obligation.annual_report_gov"
    assert one["obligation"] == {
        "event": "annual_report_published",
        "every": "year",
        "at_least": 1,
        "by": "03-31",
        "workdays": False,
    }
    assert one["source"]["clause"] == "第四十九条"


def test_rules_of_a_pack_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write(tmp_path, "mine.toml", EXTRA_PACK)
    code, out, _ = run(capsys, "rules", "--pack", pack)
    assert code == 0
    assert "mine.request.content_required" in out and "national.request.reply_20wd" in out


@pytest.mark.parametrize("rule_id", ["national.request.nosuch", "nonsense"])
def test_rules_unknown_id(capsys: pytest.CaptureFixture[str], rule_id: str) -> None:
    assert_bad_input(*run(capsys, "rules", rule_id))


def test_rules_unknown_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(*run(capsys, "rules", "--pack", "nopack"))


# ----------------------------------------------------------------------------- schema


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    assert ref.startswith("#/$defs/"), ref
    return _resolve(root["$defs"][ref.removeprefix("#/$defs/")], root)


_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}


def conforms(value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool:
    """A small structural JSON Schema check: $ref, anyOf/oneOf, type, enum, const,
    properties, required, additionalProperties and items."""
    schema = _resolve(schema, root)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return any(conforms(value, option, root) for option in schema[key])
    if "const" in schema and value != schema["const"]:
        return False
    if "enum" in schema and value not in schema["enum"]:
        return False
    kind = schema.get("type")
    if kind is not None:
        if not isinstance(value, _TYPES[kind]):
            return False
        if kind in ("integer", "number") and isinstance(value, bool):
            return False
    if isinstance(value, dict):
        props = schema.get("properties", {})
        if not set(schema.get("required", [])) <= set(value):
            return False
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                if not conforms(item, props[key], root):
                    return False
            elif extra is False or (isinstance(extra, dict) and not conforms(item, extra, root)):
                return False
    if isinstance(value, list) and "items" in schema:
        return all(conforms(item, schema["items"], root) for item in value)
    return True


def _event(name: str, at: str, **data: Any) -> Event:
    return Event.model_validate({"name": name, "at": at, **data})


def _national_pack() -> dict[str, Any]:
    data = tomllib.loads((PACK_DIR / "national.toml").read_text(encoding="utf-8"))
    return PackSpec.model_validate(data).model_dump(mode="json", by_alias=True)


SAMPLES: dict[str, Any] = {
    "document": lambda: Document.model_validate(
        {
            "title": "关于印发某办法的通知",
            "disclosure": "公开发布",
            "history": [_event("submit", "2026-03-02T09:00")],
        }
    ).model_dump(mode="json"),
    "meeting": lambda: Meeting(history=[_event("hold", "2026-03-02T09:00")]).model_dump(
        mode="json"
    ),
    "request": lambda: DisclosureRequest.model_validate(ANSWERED).model_dump(mode="json"),
    "incident": lambda: Incident(history=[_event("detect", "2026-03-02T09:00")]).model_dump(
        mode="json"
    ),
    "agency": lambda: Agency.model_validate(DEPARTMENT).model_dump(mode="json"),
    "message": lambda: Message.model_validate(
        {"message_kind": "意见建议", "history": [_event("receive", "2026-03-02T09:00")]}
    ).model_dump(mode="json"),
    "pack": _national_pack,
}


@pytest.mark.parametrize("kind", list(SAMPLES))
def test_schema(capsys: pytest.CaptureFixture[str], kind: str) -> None:
    code, out, err = run(capsys, "schema", kind)
    assert code == 0 and err == ""
    schema = json.loads(out)
    assert schema["type"] == "object"
    assert isinstance(schema["properties"], dict) and schema["properties"]
    for sub in schema.get("$defs", {}).values():
        assert isinstance(sub, dict)
    if kind != "pack":
        assert schema["properties"]["kind"]["const"] == kind
        assert "history" in schema["properties"]
    record = SAMPLES[kind]()
    assert set(schema.get("required", [])) <= set(record)
    assert conforms(record, schema, schema), kind
    # and it is not vacuous: a wrong type or a stray key does not conform
    if kind == "pack":
        assert not conforms({"rules": []}, schema, schema)
    else:
        assert not conforms(record | {"history": "none"}, schema, schema)
        assert not conforms(record | {"no_such_field": 1}, schema, schema)


def test_schema_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema", "memo")
    assert code == 2 and out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert HAS_CJK.search(err) and "bad arguments" in err and "memo" in err


# ----------------------------------------------------------------------------- obligations


def test_obligations_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a.json", DEPARTMENT)
    code, out, err = run(capsys, "obligations", path, "--year", "2026", "--as-of", "2026-06-01")
    assert code == 0 and err == ""
    assert out.startswith("某市司法局 2026 年政务公开义务（national）")
    (line,) = [x for x in out.splitlines() if "annual_report_dept" in x]
    assert line.startswith("2026-01-31") and "met" in line
    assert "annual_report_gov" not in out  # a department has no government duty


def test_obligations_missed_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a.json", DEPARTMENT | {"history": []})
    code, out, _ = run(capsys, "obligations", path, "--year", "2026", "--as-of", "2026-06-01")
    assert code == 1 and "missed" in out
    code, out, _ = run(capsys, "obligations", path, "--year", "2026", "--as-of", "2026-01-10")
    assert code == 0 and "due" in out


def test_obligations_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gov = DEPARTMENT | {"level": "人民政府", "name": "某市人民政府", "history": []}
    path = write(tmp_path, "g.json", gov)
    code, out, _ = run(
        capsys, "obligations", path, "--year", "2025", "--as-of", "2026-06-01", "--format", "json"
    )
    assert code == 1
    found = json.loads(out)
    assert [(f["rule_id"], f["period"], f["status"]) for f in found] == [
        ("national.obligation.annual_report_gov", "2025", "violated")
    ]
    assert found[0]["due_at"] == "2025-03-31T23:59:59.999999+08:00"


def _ics(capsys: pytest.CaptureFixture[str], path: str, *extra: str) -> str:
    code, out, err = run(capsys, "obligations", path, "--format", "ics", *extra)
    assert code in (0, 1) and err == ""
    return out


def test_obligations_ics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = DEPARTMENT | {"since": "2010-01-01", "history": []}
    path = write(tmp_path, "a.json", record)
    out = _ics(capsys, path, "--year", "2018", "--as-of", "2026-06-01")
    assert out.endswith("\r\n")
    assert "\n" not in out.replace("\r\n", "")
    lines = out.split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    for line in lines:
        assert len(line.encode("utf-8")) <= 75, line
    # unfold (RFC 5545 3.1): a line starting with a space continues the previous one
    unfolded: list[str] = []
    for line in lines:
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    assert any(line.startswith(" ") for line in lines)  # the Chinese descriptions are folded
    begins = [i for i, x in enumerate(unfolded) if x == "BEGIN:VEVENT"]
    ends = [i for i, x in enumerate(unfolded) if x == "END:VEVENT"]
    assert len(begins) == len(ends) == 1  # 2018: only the 2007 text applies
    starts = [x for x in unfolded if x.startswith("DTSTART")]
    assert starts == ["DTSTART;VALUE=DATE:20180331"]
    assert "DTEND;VALUE=DATE:20180401" in unfolded
    summary = next(x for x in unfolded if x.startswith("SUMMARY:"))
    assert "2018" in summary and "missed" in summary
    description = next(x for x in unfolded if x.startswith("DESCRIPTION:"))
    assert "\\n" in description and "各级行政机关应当在每年3月31日前" in description
    assert "\\," in description or "," not in description.replace("\\,", "")


def test_obligations_ics_one_event_per_due_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quarterly = EXTRA_PACK.replace('kind = "request"', 'kind = "agency"').replace(
        '[rules.check]\nrequire = "present(content)"',
        '[rules.obligation]\nevent = "press_conference_held"\nevery = "quarter"',
    )
    pack = write(tmp_path, "mine.toml", quarterly)
    path = write(tmp_path, "a.json", DEPARTMENT)
    out = _ics(capsys, path, "--pack", pack, "--year", "2026", "--as-of", "2026-06-01")
    lines = out.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 5
    starts = [x for x in lines if x.startswith("DTSTART")]
    assert starts == [
        "DTSTART;VALUE=DATE:20260131",
        "DTSTART;VALUE=DATE:20260331",
        "DTSTART;VALUE=DATE:20260630",
        "DTSTART;VALUE=DATE:20260930",
        "DTSTART;VALUE=DATE:20261231",
    ]
    uids = [x for x in lines if x.startswith("UID:")]
    assert len(set(uids)) == 5
    for line in lines:
        assert len(line.encode("utf-8")) <= 75, line


def test_obligations_flag_due_days_on_estimated_calendar_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monthly = EXTRA_PACK.replace('kind = "request"', 'kind = "agency"').replace(
        '[rules.check]\nrequire = "present(content)"',
        '[rules.obligation]\nevent = "self_check_done"\nevery = "month"\nworkdays = true',
    )
    pack = write(tmp_path, "mine.toml", monthly)
    path = write(tmp_path, "a.json", DEPARTMENT | {"since": "2026-12-01"})
    args = ("obligations", path, "--pack", pack, "--as-of", "2026-12-15")
    code, out, err = run(capsys, *args, "--year", "2026")
    assert (
        err == "" and code == 1 and "content_required" in out and "估算" not in out
    )  # 2026 has data
    code, out, err = run(capsys, *args, "--year", "2027")  # strict: no data for 2027
    assert code == 0 and "待定 undetermined" in out and "2027" in out and "--estimate" in err
    code, out, err = run(capsys, *args, "--year", "2027", "--estimate")
    lines = [x for x in out.splitlines() if "content_required" in x]
    assert err == "" and code == 0 and len(lines) == 12
    assert all(x.endswith("（估算 estimated：该年无官方节假日数据）") for x in lines)
    ics = _ics(
        capsys, path, "--pack", pack, "--as-of", "2026-12-15", "--year", "2027", "--estimate"
    )
    assert ics.replace("\r\n ", "").count("估算 estimated") == 12


def test_obligations_needs_an_agency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(*run(capsys, "obligations", write(tmp_path, "r.json", LATE)))


def test_obligations_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a.json", DEPARTMENT)
    assert_bad_input(*run(capsys, "obligations", str(tmp_path / "none.json")))
    assert_bad_input(*run(capsys, "obligations", path, "--pack", "nopack"))
    assert_bad_input(*run(capsys, "obligations", path, "--as-of", "not-a-date"))


def test_obligations_default_year_is_the_as_of_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "a.json", DEPARTMENT)
    code, out, _ = run(capsys, "obligations", path, "--as-of", "2026-06-01", "--format", "json")
    assert code == 0
    assert [f["period"] for f in json.loads(out)] == [str(date(2026, 1, 1).year)]
