"""Packs that could silently change or hang what is checked are refused at load (issue 16):
reused ids, unknown event names, non-finite literals, deep nesting, relative ``extends``,
a stale cache and names that shadow bundled packs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gongkai import load_pack
from gongkai.errors import PackNotFoundError, RuleDefinitionError
from gongkai.workflows import DocumentWorkflow
from tests.rules.test_pack_loading import CHECK, rule, write

#: issue 16: a locality pack redefined national.document.secrecy_review as require = "true"
REDEFINED = rule("national.document.secrecy_review", '[rules.check]\nrequire = "true"')


def test_inherited_id_without_overrides_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleDefinitionError, match="already defined by an extended pack") as caught:
        load_pack(write(tmp_path, "city", REDEFINED))
    assert 'write overrides = "national.document.secrecy_review"' in caught.value.en


def test_inherited_id_with_overrides_replaces_the_rule(tmp_path: Path) -> None:
    body = rule(
        "national.document.secrecy_review",
        '[rules.check]\nrequire = "true"',
        'overrides = "national.document.secrecy_review"',
    )
    pack = load_pack(write(tmp_path, "city", body))
    assert pack.rule("national.document.secrecy_review").require is not None
    assert pack.rule("national.document.secrecy_review").require.source == "true"  # type: ignore[union-attr]


def test_duplicate_id_in_one_pack_is_refused(tmp_path: Path) -> None:
    body = rule("city.document.title", CHECK) + rule("city.document.title", CHECK)
    with pytest.raises(RuleDefinitionError, match="given twice"):
        load_pack(write(tmp_path, "city", body))


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (rule("city.document.x", "[rules.check]\nrequire = \"has_event('publsh')\""), "publsh"),
        (rule("city.document.x", CHECK, 'blocks = ["publsh"]'), "blocks"),
        (
            rule(
                "city.document.x",
                '[rules.deadline]\nstart = ["sign"]\nstop = ["publsh"]\nwithin = "5个工作日"',
            ),
            "deadline.stop",
        ),
        (
            rule(
                "city.document.x",
                '[rules.deadline]\nstart = ["signn"]\nstop = ["publish"]\nwithin = "5个工作日"',
            ),
            "deadline.start",
        ),
    ],
)
def test_unknown_event_name_is_refused_listing_the_known_ones(
    tmp_path: Path, body: str, needle: str
) -> None:
    with pytest.raises(RuleDefinitionError, match=needle) as caught:
        load_pack(write(tmp_path, "city", body))
    assert "known: clean_up, confirm_with_agencies, draft, enter_catalogue" in caught.value.en


@pytest.mark.parametrize("literal", ["1e999", "-1e999", "1e999 - 1e999"])
def test_non_finite_literal_is_refused(tmp_path: Path, literal: str) -> None:
    body = rule("city.document.x", f'[rules.check]\nrequire = "len(title) < {literal}"')
    with pytest.raises(RuleDefinitionError, match="out of the float range"):
        load_pack(write(tmp_path, "city", body))


@pytest.mark.parametrize("depth", [500, 10_000])
@pytest.mark.parametrize(("open_", "close"), [("[", "]"), ("{a=", "}")])
def test_deeply_nested_toml_is_a_definition_error(
    tmp_path: Path, depth: int, open_: str, close: str
) -> None:
    path = write(tmp_path, "city", f"x = {open_ * depth}1{close * depth}\n")
    with pytest.raises(RuleDefinitionError):
        load_pack(path)


def _county(tmp_path: Path) -> Path:
    """county/county.toml extends ../city/city.toml, which adds one rule to national."""
    for folder in ("city", "county"):
        (tmp_path / folder).mkdir()
    write(tmp_path / "city", "city", rule("city.document.title", CHECK))
    return write(tmp_path / "county", "county", "", extends="../city/city.toml")


def test_relative_extends_is_read_against_the_pack_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county = _county(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "city").mkdir(parents=True)
    write(elsewhere / "city", "city", "", extends="national")  # a different city.toml
    monkeypatch.chdir(elsewhere)
    pack = load_pack(county)
    assert pack.has_rule("city.document.title")
    assert pack.files[1] == str((tmp_path / "city" / "city.toml").resolve())


def test_editing_an_extended_file_reloads_the_pack(tmp_path: Path) -> None:
    county = _county(tmp_path)
    assert load_pack(county).has_rule("city.document.title")
    city = tmp_path / "city" / "city.toml"
    city.write_text(
        city.read_text(encoding="utf-8").replace("city.document.title", "city.document.other"),
        encoding="utf-8",
    )
    stat = city.stat()
    os.utime(city, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    reloaded = load_pack(county)
    assert reloaded.has_rule("city.document.other")
    assert not reloaded.has_rule("city.document.title")


def test_a_file_may_not_take_a_bundled_pack_name(tmp_path: Path) -> None:
    with pytest.raises(RuleDefinitionError, match="name of a bundled pack"):
        load_pack(write(tmp_path, "national", rule("city.document.title", CHECK)))


def test_a_name_never_reads_a_file_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "national").write_text('[pack]\nname = "mine"\ntitle = "x"\n', encoding="utf-8")
    (tmp_path / "mine").write_text('[pack]\nname = "mine"\ntitle = "x"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_pack("national").files == [str(load_pack("national").files[0])]
    assert Path(load_pack("national").files[0]).parent.name == "packs"
    with pytest.raises(PackNotFoundError, match=r"write \./mine"):
        load_pack("mine")
    assert load_pack("./mine").name == "mine"


def test_snapshot_of_a_file_pack_restores_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "city", rule("city.document.title", CHECK))
    snapshot = DocumentWorkflow(pack=load_pack(path)).snapshot()
    assert snapshot["pack"] == str(path.resolve())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "national").write_text('[pack]\nname = "x"\ntitle = "x"\n', encoding="utf-8")
    assert DocumentWorkflow.restore(snapshot).pack.has_rule("city.document.title")
    bundled = DocumentWorkflow().snapshot()
    assert bundled["pack"] == "national"
    assert DocumentWorkflow.restore(bundled).pack.rules == load_pack("national").rules
