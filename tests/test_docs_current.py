"""The generated pages (docs/workflows.md …) match what scripts/gen_docs.py renders now."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from gongkai.models.events import EVENTS

ROOT = Path(__file__).resolve().parent.parent


def _gen_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_docs", module)
    spec.loader.exec_module(module)
    return module


GEN_DOCS = _gen_docs()


@pytest.mark.parametrize("target", GEN_DOCS.TARGETS, ids=lambda t: t.path)
def test_generated_page_is_current(target: Any) -> None:
    path = ROOT / target.path
    assert path.is_file(), f"{target.path} is missing: run python scripts/gen_docs.py"
    assert path.read_text(encoding="utf-8") == target.render(), (
        f"{target.path} is stale: run python scripts/gen_docs.py"
    )


def test_workflows_page_has_every_workflow() -> None:
    text = (ROOT / "docs" / "workflows.md").read_text(encoding="utf-8")
    for name in ("document", "meeting"):
        assert f"\n## {name}\n" in text
    assert text.count("```mermaid") >= 2


def test_stale_page_is_detected(tmp_path: Path) -> None:
    target = GEN_DOCS.Target("docs/workflows.md", GEN_DOCS.render_workflows)
    fake = GEN_DOCS.Target(str(tmp_path / "old.md"), lambda: "new\n")
    (tmp_path / "old.md").write_text("old\n", encoding="utf-8")
    assert GEN_DOCS.stale([fake]) == [fake]
    assert GEN_DOCS.stale([target]) == []


_KIND_HEADINGS = {
    "document": "公文 (document)",
    "meeting": "会议 (meeting)",
    "request": "依申请公开 (request)",
    "incident": "政务舆情 (incident)",
    "agency": "机关 (agency)",
    "message": "公众留言 (message)",
}


def _documented_events() -> dict[str, set[str]]:
    """docs/events.md: the event names listed under each record kind's heading."""
    text = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for kind, heading in _KIND_HEADINGS.items():
        section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
        section = section.split("\n### ", 1)[0]  # the event table, not the notes under it
        found[kind] = set(re.findall(r"^\| `([a-z][a-z0-9_]*)` \|", section, re.M))
    return found


def test_events_md_documents_exactly_the_registry() -> None:
    documented = _documented_events()
    assert {kind: set(names) for kind, names in EVENTS.items()} == documented
