"""Fuzz of every CLI command in-process (issue 16): exit codes only 0/1/2, errors as one
line without a traceback, and never "OK" for a file that failed to load."""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.cli.main import main
from gongkai.errors import GongkaiError
from gongkai.models import load_record
from tests.fuzz.inputs import EDGE_TEXT, SEEDS, deep_json_text, dumps, mutated_records, mutated_text

FOLDER = Path(tempfile.mkdtemp(prefix="gongkai-fuzz-"))
_names = itertools.count()

_PACK = '[pack]\nname = "fuzzed"\ntitle = "x"\nextends = "national"\n'
FIXED_FILES = {
    "empty.json": b"",
    "binary.bin": bytes(range(256)),
    "nul.txt": b"\x00" * 64,
    "deep.json": ("[" * 10_000 + "]" * 10_000).encode(),
    "bad_pack.toml": (_PACK + "x = " + "[" * 5_000 + "]" * 5_000).encode(),
    "regex_pack.toml": (
        _PACK
        + '[[rules]]\nid = "fuzzed.document.t"\ntitle = "t"\nkind = "document"\n'
        + 'source = { document = "d", quote = "q" }\n[rules.check]\n'
        + "require = \"not matches(title, '(a|a)*$')\"\n"
    ).encode(),
}
for _name, _data in FIXED_FILES.items():
    (FOLDER / _name).write_bytes(_data)
(FOLDER / "national").write_text('[pack]\nname = "mine"\ntitle = "x"\n', encoding="utf-8")


def _write(content: str | bytes, suffix: str) -> str:
    path = FOLDER / f"f{next(_names)}{suffix}"
    path.write_bytes(
        content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    )
    return str(path)


record_texts = st.one_of(
    mutated_records().map(dumps),
    st.sampled_from(SEEDS).map(dumps).flatmap(mutated_text),
    deep_json_text,
)
instants = st.sampled_from(
    [e for e in EDGE_TEXT if len(e) < 40] + ["2026-06-01T09:00", "2026-06-01"]
)
packs = st.sampled_from(
    [
        "national",
        "xingtai",
        "nope",
        "./national",
        str(FOLDER / "bad_pack.toml"),
        str(FOLDER / "regex_pack.toml"),
    ]
)
years = st.sampled_from(["0", "-1", "10000", "99999", "2026", "2027", "1899", "x"])
durations = st.sampled_from(
    ["20个工作日", "5小时", "3日", "0小时", "-1日", "99999999个工作日", "5h", "", "日"]
)


def _option(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), values.map(lambda v: [name, v]))


@st.composite
def check_argv(draw: st.DrawFn) -> tuple[list[str], str | None]:
    """``check`` on a generated record file (its text returned to judge the outcome)."""
    source = draw(st.one_of(record_texts, st.sampled_from(sorted(FIXED_FILES))))
    if source in FIXED_FILES:
        path, text = str(FOLDER / source), None
    else:
        path, text = _write(source, draw(st.sampled_from([".json", ".txt", ""]))), source
    argv = ["check", path, *draw(_option("--as-of", instants)), *draw(_option("--pack", packs))]
    argv += draw(st.sampled_from([[], ["--format", "json"], ["--all"], ["--estimate"]]))
    return argv, text


other_argv = st.one_of(
    st.tuples(instants, durations).map(lambda a: ["deadline", *a]),
    st.tuples(instants, durations, st.sampled_from([[], ["--estimate"], ["--format", "json"]])).map(
        lambda a: ["deadline", a[0], a[1], *a[2]]
    ),
    years.map(lambda y: ["calendar", "show", y]),
    st.sampled_from(["2026-02", "2026-13", "0-01", "9999-12"]).map(
        lambda y: ["calendar", "show", y]
    ),
    st.tuples(packs, st.sampled_from([[], ["national.document.secrecy_review"], ["nope.x.y"]])).map(
        lambda a: ["rules", "--pack", a[0], *a[1]]
    ),
    st.sampled_from(
        ["document", "meeting", "request", "incident", "agency", "message", "pack", "nope"]
    ).map(lambda k: ["schema", k]),
    st.sampled_from(["document", "meeting", "request", "incident", "nope"]).map(
        lambda w: ["diagram", w]
    ),
    st.tuples(record_texts, years, instants, st.sampled_from(["text", "json", "ics"])).map(
        lambda a: [
            "obligations",
            _write(a[0], ".json"),
            "--year",
            a[1],
            "--as-of",
            a[2],
            "--format",
            a[3],
        ]
    ),
)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), f"{argv}: exit {code}\n{err[-2000:]}"
    assert "Traceback" not in err, (argv, err)
    return code, out, err


def _loads(text: str) -> Any:
    try:
        return load_record(text)
    except GongkaiError:
        return None


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(argv_text=check_argv())
def test_check_command(
    argv_text: tuple[list[str], str | None], capsys: pytest.CaptureFixture[str]
) -> None:
    argv, text = argv_text
    code, out, _ = _run(argv, capsys)
    if argv[1].endswith(".json") and text is not None and _loads(text) is None:
        assert code == 2, argv
    if code == 2:
        assert "通过 OK" not in out and '"ok": true' not in out


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(argv=other_argv)
def test_other_commands(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    _run(argv, capsys)


@pytest.mark.parametrize("name", sorted(FIXED_FILES))
def test_check_each_hostile_file(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["check", str(FOLDER / name)], capsys)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1


def test_regex_pack_is_refused_not_run(capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(json.dumps({"kind": "document", "title": "a" * 35}), ".json")
    code, _, err = _run(["check", path, "--pack", str(FOLDER / "regex_pack.toml")], capsys)
    assert code == 2 and "backtracking" in err


_DOC = {
    "kind": "document",
    "title": "关于开展政务公开工作的通知",
    "history": [{"name": "draft", "at": "2026-03-02"}],
}


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["deadline", "9999-12-31T22:00", "5小时"], "1900-2100"),
        (["deadline", "0001-01-01T00:00+14:00", "5小时"], "1900-2100"),
        (["check", "{doc}", "--as-of", "9999-12-31T23:00-05:00"], "1900-2100"),
        (["check", "{publsh}"], "known: clean_up, confirm_with_agencies, draft"),
        (["check", "{surrogate}"], "lone surrogate"),
        (["check", "{nan}"], "not a finite number"),
    ],
)
def test_issue16_cli_cases_exit_2_with_one_sentence(
    argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "{doc}": _write(json.dumps(_DOC), ".json"),
        "{publsh}": _write(
            json.dumps({**_DOC, "history": [{"name": "publsh", "at": "2026-03-02"}]}), ".json"
        ),
        "{surrogate}": _write('{"kind": "document", "title": "\\ud800"}', ".json"),
        "{nan}": _write('{"kind": "agency", "assessment_weight_percent": NaN}', ".json"),
    }
    code, out, err = _run([files.get(a, a) for a in argv], capsys)
    assert code == 2
    assert needle in err and len(err.strip().splitlines()) == 1
    assert "OK" not in out
