"""``gongkai check -``: JSON Lines in, one compact report per line out, bad lines reported in
place; ``gongkai schema report`` publishes the report's JSON Schema, and real output
validates against it."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from gongkai.cli import main
from gongkai.models import RECORD_KINDS
from gongkai.rules.pack import Pack
from tests.cli.test_check_rules_schema import ANSWERED, LATE

ROOT = Path(__file__).resolve().parents[2]
DRAFT = json.loads((ROOT / "examples/data/draft.json").read_text(encoding="utf-8"))
AS_OF = ["--as-of", "2026-04-10T09:00"]


def stream(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: bytes, *argv: str
) -> tuple[int, list[str]]:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(["check", "-", *AS_OF, *argv])
    return code, capsys.readouterr().out.splitlines()


def jsonl(*records: Any) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def schema_of(kind: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["schema", kind]) == 0
    schema: dict[str, Any] = json.loads(capsys.readouterr().out)
    return schema


def test_one_compact_report_per_line_in_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, lines = stream(capsys, monkeypatch, jsonl(ANSWERED, LATE, DRAFT))
    assert code == 1
    assert len(lines) == 3
    assert all(": " not in line[:20] for line in lines)  # compact
    reports = [json.loads(line) for line in lines]
    assert [r["header"]["record_id"] for r in reports] == ["r-2", "r-1", "某政办发〔2026〕14号"]
    assert [r["ok"] for r in reports] == [True, False, False]


def test_the_same_reports_as_one_file_at_a_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, lines = stream(capsys, monkeypatch, jsonl(LATE, DRAFT))
    for line, record in zip(lines, (LATE, DRAFT), strict=True):
        path = tmp_path / "one.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        main(["check", str(path), *AS_OF, "--format", "json"])
        assert json.loads(line) == json.loads(capsys.readouterr().out)


def test_a_bad_line_is_reported_and_the_stream_goes_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = jsonl(ANSWERED) + b"{broken\n\n" + jsonl({"kind": "spaceship"}, ANSWERED)
    code, lines = stream(capsys, monkeypatch, data)
    assert code == 2
    out = [json.loads(line) for line in lines]
    assert len(out) == 4
    assert out[1]["line"] == 2
    assert set(out[1]["error"]) == {"zh", "en"}
    assert out[1]["error"]["en"].startswith("invalid record")
    assert out[2]["line"] == 4
    assert "kind" in out[2]["error"]["en"]
    assert out[3]["ok"] is True


def test_a_utf8_bom_on_the_first_line_is_allowed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, lines = stream(capsys, monkeypatch, b"\xef\xbb\xbf" + jsonl(ANSWERED))
    assert code == 0
    assert json.loads(lines[0])["ok"] is True


def test_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "reports.jsonl"
    code, lines = stream(capsys, monkeypatch, jsonl(LATE, ANSWERED), "--output", str(target))
    assert (code, lines) == (1, [])
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_every_report_line_validates_against_the_published_schema(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = schema_of("report", capsys)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    _, lines = stream(capsys, monkeypatch, jsonl(LATE, ANSWERED, DRAFT))
    text = ROOT / "examples/data/draft.txt"
    main(["check", str(text), *AS_OF, "--format", "json"])
    reports = [*(json.loads(line) for line in lines), json.loads(capsys.readouterr().out)]
    assert reports[-1]["lines"]["disclosure_marking"] == 19
    for report in reports:
        validator.validate(report)
    bad = {**reports[0], "ok": "yes"}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({k: v for k, v in reports[0].items() if k != "findings"})


@pytest.mark.parametrize("kind", [*RECORD_KINDS, "pack", "report"])
def test_every_schema_names_draft_2020_12(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    schema = schema_of(kind, capsys)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_an_internal_failure_on_one_line_is_3_and_the_stream_goes_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Pack.check

    def flaky(self: Pack, record: Any, *args: Any, **kwargs: Any) -> Any:
        if record.id == "r-1":
            raise RuntimeError("boom")
        return real(self, record, *args, **kwargs)

    monkeypatch.setattr(Pack, "check", flaky)
    code, lines = stream(capsys, monkeypatch, jsonl(LATE, ANSWERED))
    assert code == 3
    first, second = (json.loads(line) for line in lines)
    assert first == {
        "line": 1,
        "error": {
            "zh": "内部错误：RuntimeError: boom",
            "en": "internal error: RuntimeError: boom — please report it with the command"
            " and the output of `gongkai --debug …`",
        },
    }
    assert second["ok"] is True
