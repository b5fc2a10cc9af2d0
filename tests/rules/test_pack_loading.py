"""Pack loading: extends/overrides/disable, parameters, load-time table analysis, hostile packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai import load_pack, load_record
from gongkai.errors import PackNotFoundError, RecordError, RuleDefinitionError

SOURCE = 'source = { document = "测试文件", quote = "测试原文" }'


def write(tmp_path: Path, name: str, body: str, extends: str | None = "national") -> Path:
    head = f'[pack]\nname = "{name}"\ntitle = "测试包"\n'
    if extends:
        head += f'extends = "{extends}"\n'
    path = tmp_path / f"{name}.toml"
    path.write_text(head + body, encoding="utf-8")
    return path


def rule(rid: str, body: str, extra: str = "") -> str:
    return f'\n[[rules]]\nid = "{rid}"\ntitle = "测试规则"\nkind = "document"\n{SOURCE}\n{extra}\n{body}\n'


CHECK = '[rules.check]\nrequire = "present(title)"'


def table(rows: str, hit: str = "unique", default: str = "") -> str:
    return (
        f'[rules.table]\nhit = "{hit}"\ninputs = ["is_policy"]\nexpect = "disclosure"\n'
        f"{default}rows = [{rows}]"
    )


def test_override_and_disable(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "city",
        rule("city.document.title", CHECK, 'overrides = "national.document.default_attribute"'),
    )
    text = path.read_text(encoding="utf-8").replace(
        'extends = "national"\n',
        'extends = "national"\ndisable = ["national.document.classified_not_public"]\n',
    )
    path.write_text(text, encoding="utf-8")
    pack = load_pack(path)
    assert pack.has_rule("city.document.title")
    assert not pack.has_rule("national.document.default_attribute")
    assert not pack.has_rule("national.document.classified_not_public")
    assert pack.chain == ("city", "national")


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (
            rule("city.document.x", CHECK, 'overrides = "national.document.nope"'),
            "national.document.nope",
        ),
        (
            rule("city.document.x", "[rules.check]\nrequire = \"__import__('os')\""),
            "city.document.x",
        ),
        (rule("city.document.x", '[rules.check]\nrequire = "no_such_field"'), "no_such_field"),
        (rule("city.document.x", "[rules.check]\nrequire = \"disclosure == '公开'\""), "公开"),
        (
            rule(
                "city.document.x",
                '[rules.deadline]\nstart = ["sign"]\nstop = ["publish"]\nwithin = "20周"',
            ),
            "20周",
        ),
        (
            rule(
                "city.document.x",
                '[rules.deadline]\nstart = ["sign"]\nstop = ["publish"]\nwithin = "$soon"',
            ),
            "$soon",
        ),
        (rule("BadId", CHECK), "id"),
        (
            rule("city.document.x", CHECK)
            + '\n[rules.table]\ninputs = ["is_policy"]\nexpect = "disclosure"\nrows = [{ when = ["*"], then = "不公开" }]',
            "exactly one",
        ),
        ("this is = not toml [", "TOML"),
        ('\n[[not_encoded]]\nreason = "无"\n', "catalogue' or 'what"),
        (
            rule("city.document.x", CHECK, 'catalogue = ["city.document.y"]')
            + '\n[[not_encoded]]\ncatalogue = "city.document.y"\nreason = "无"\n',
            "city.document.y",
        ),
    ],
)
def test_bad_packs_name_file_and_rule(tmp_path: Path, body: str, needle: str) -> None:
    path = write(tmp_path, "city", body)
    with pytest.raises(RuleDefinitionError) as info:
        load_pack(path)
    message = str(info.value)
    assert str(path) in message
    assert needle in message or needle.lower() in message.lower()


def test_extends_loop_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a", "", extends=str(tmp_path / "b.toml"))
    write(tmp_path, "b", "", extends=str(tmp_path / "a.toml"))
    with pytest.raises(RuleDefinitionError, match="循环"):
        load_pack(tmp_path / "a.toml")


def test_unknown_pack_names_the_available_ones() -> None:
    with pytest.raises(PackNotFoundError, match="national"):
        load_pack("atlantis")


def test_unique_table_overlap_is_refused(tmp_path: Path) -> None:
    rows = '{ when = [true], then = "公开发布" }, { when = ["*"], then = "不公开" }'
    path = write(tmp_path, "city", rule("city.document.t", table(rows)))
    with pytest.raises(RuleDefinitionError, match="overlap"):
        load_pack(path)


def test_table_gap_is_refused_without_default(tmp_path: Path) -> None:
    rows = '{ when = [true], then = "公开发布" }'
    path = write(tmp_path, "city", rule("city.document.t", table(rows)))
    with pytest.raises(RuleDefinitionError, match="gap"):
        load_pack(path)
    fixed = write(
        tmp_path, "city2", rule("city2.document.t", table(rows, default='default = "不公开"\n'))
    )
    assert load_pack(fixed).has_rule("city2.document.t")


def test_first_table_unreachable_row_is_refused(tmp_path: Path) -> None:
    rows = '{ when = ["*"], then = "公开发布" }, { when = [true], then = "不公开" }'
    path = write(tmp_path, "city", rule("city.document.t", table(rows, hit="first")))
    with pytest.raises(RuleDefinitionError, match="never be hit"):
        load_pack(path)


def test_table_output_must_be_a_value_of_the_field(tmp_path: Path) -> None:
    rows = '{ when = ["*"], then = "公开" }'
    path = write(tmp_path, "city", rule("city.document.t", table(rows, hit="first")))
    with pytest.raises(RuleDefinitionError, match="公开"):
        load_pack(path)


def test_table_input_must_not_be_a_list(tmp_path: Path) -> None:
    body = table('{ when = ["*"], then = "公开发布" }', hit="first").replace(
        '"is_policy"', '"joint_issuers"'
    )
    path = write(tmp_path, "city", rule("city.document.t", body))
    with pytest.raises(RuleDefinitionError, match=r"joint_issuers 是列表.*is a list"):
        load_pack(path)


def test_parameter_without_value_is_pending_until_configured(tmp_path: Path) -> None:
    body = rule(
        "city.document.soon",
        '[rules.deadline]\nstart = ["sign"]\nstop = ["publish"]\nwithin = "$soon"\n'
        '[rules.params.soon]\ndescription = "及时"',
    )
    path = write(tmp_path, "city", body)
    record = load_record(
        {"kind": "document", "history": [{"name": "sign", "at": "2026-03-02T09:00"}]}
    )
    open_finding = load_pack(path).check(record, "2026-06-01").finding("city.document.soon")
    assert open_finding is not None and open_finding.status.value == "pending"
    configured = load_pack(path, params={"city.document.soon.soon": "5个工作日"})
    late = configured.check(record, "2026-06-01").finding("city.document.soon")
    assert late is not None and late.status.value == "overdue"
    assert late.due_at is not None and late.due_at.date().isoformat() == "2026-03-09"
    # the configured value is part of what the report's header identifies
    assert configured.hash != load_pack(path).hash
    assert configured.hash != load_pack(path, params={"city.document.soon.soon": "6个工作日"}).hash


def test_a_parameter_the_pack_does_not_have_is_an_error(tmp_path: Path) -> None:
    body = rule(
        "city.document.soon",
        '[rules.deadline]\nstart = ["sign"]\nstop = ["publish"]\nwithin = "$soon"\n'
        '[rules.params.soon]\ndescription = "及时"',
    )
    path = write(tmp_path, "city", body)
    with pytest.raises(RuleDefinitionError, match=r"city\.document\.son\.soon") as err:
        load_pack(path, params={"city.document.son.soon": "5个工作日"})  # a typo
    assert "city.document.soon.soon" in str(err.value)  # the parameters it does have


def test_check_refuses_what_is_not_a_record() -> None:
    with pytest.raises(RecordError, match="load_record"):
        load_pack("national").check({"kind": "document"}, "2026-03-02")  # type: ignore[arg-type]


def test_not_encoded_rows_are_the_packs_own(tmp_path: Path) -> None:
    body = rule("city.document.x", CHECK, 'catalogue = ["city.document.old_name"]') + (
        '\n[[not_encoded]]\ncatalogue = "city.meeting.open_day"\nreason = "no frequency"\n'
        '\n[[not_encoded]]\nwhat = "负面清单 (六)"\nreason = "no date"\n'
    )
    pack = load_pack(write(tmp_path, "city", body))
    assert [(r.catalogue, r.what, r.reason) for r in pack.not_encoded] == [
        ("city.meeting.open_day", None, "no frequency"),
        (None, "负面清单 (六)", "no date"),
    ]
    assert pack.rule("city.document.x").spec.catalogue == ["city.document.old_name"]
    assert load_pack("national").not_encoded[0].reason  # the bundled packs list theirs
