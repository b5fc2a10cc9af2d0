"""docs/rules.md is what scripts/gen_rule_catalogue.py renders from the bundled packs now."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gongkai import available_packs, load_pack

ROOT = Path(__file__).resolve().parent.parent
STALE = "docs/rules.md is stale: run `python scripts/gen_rule_catalogue.py`"


def _generator() -> ModuleType:
    path = ROOT / "scripts" / "gen_rule_catalogue.py"
    spec = importlib.util.spec_from_file_location("gen_rule_catalogue", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_rule_catalogue", module)
    spec.loader.exec_module(module)
    return module


GEN = _generator()


def test_rule_catalogue_is_current() -> None:
    page = ROOT / "docs" / "rules.md"
    assert page.is_file(), STALE
    assert page.read_text(encoding="utf-8") == GEN.render(), STALE


def test_rendering_is_deterministic() -> None:
    assert GEN.render() == GEN.render()


def test_every_bundled_pack_and_own_rule_is_listed() -> None:
    text = GEN.render()
    for name in available_packs():
        assert f'<a id="{name}"></a>' in text
        pack = load_pack(name)
        for rule in GEN.own_rules(pack):
            assert f"| `{rule.id}` |" in text
            assert rule.spec.source.document.split()[0] in text


def test_own_rules_leave_inherited_ones_out() -> None:
    for name in available_packs():
        pack = load_pack(name)
        own = GEN.own_rules(pack)
        assert all(rule.file == pack.files[0] for rule in own)
        if name == "national":
            assert len(own) == len(pack.rules)


def test_cells_cannot_break_the_table() -> None:
    assert GEN.cell("a | b\nc") == "a \\| b c"
    assert GEN.cell(None) == ""


def test_check_mode_reports_a_stale_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "rules.md"
    stale.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(GEN, "TARGET", stale)
    assert GEN.main(["--check"]) == 1
    assert GEN.main([]) == 0 and stale.read_text(encoding="utf-8") == GEN.render()
    assert GEN.main(["--check"]) == 0
