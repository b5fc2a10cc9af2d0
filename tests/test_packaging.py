"""What the installed distribution says about itself: one version, the MIT license, the
hypothesis plugin and the console script."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from gongkai import __version__

ROOT = Path(__file__).resolve().parent.parent


def test_one_version_source() -> None:
    assert importlib.metadata.version("gongkai") == __version__


def test_the_license_is_mit_everywhere() -> None:
    meta = importlib.metadata.metadata("gongkai")
    assert meta["License-Expression"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert not any(c.startswith("License ::") for c in meta.get_all("Classifier") or [])


def test_the_changelog_has_an_unreleased_section() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text
    assert f"## [{__version__}]" in text


def test_console_script() -> None:
    scripts = importlib.metadata.entry_points(group="console_scripts")
    assert [e.value for e in scripts if e.name == "gongkai"] == ["gongkai.cli:main"]
