"""Every candidate of the rule catalogue is either a rule or listed, with a reason, as not encoded.

The catalogue is ``../shared/domain/RULES-*.md`` beside the project (CI clones the repository
with ``shared/`` next to it; ``GONGKAI_CATALOGUE`` names another folder). Its candidates are the
backticked ids in the first column of the §2 tables; ``*.area.name`` stands for the same id in
each pack of the second column. A candidate is accounted for by a rule with its id, by a rule
listing it in ``catalogue``, or by a ``[[not_encoded]]`` row of its own pack.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from gongkai.rules.definition import PackSpec
from gongkai.rules.pack import PACK_DIR

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path(os.environ.get("GONGKAI_CATALOGUE", ROOT.parent / "shared" / "domain"))
#: reasons that no longer hold: agencies carry ``division_code`` and ``level``
STALE = re.compile(r"cannot tell (a |the )?(county|city|township)", re.IGNORECASE)


def candidates(folder: Path) -> list[str]:
    """The candidate ids of the §2 tables of every ``RULES-*.md`` in ``folder``."""
    found: list[str] = []
    for path in sorted(folder.glob("RULES-*.md")):
        in_rules = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("## "):
                in_rules = line.startswith("## 2")
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not in_rules or not line.startswith("|") or len(cells) < 2:
                continue
            packs = [p.split()[0] for p in re.split(r"[,，]", cells[1]) if p.strip()]
            for name in (n.strip().strip("`") for n in cells[0].split(",")):
                if re.fullmatch(r"\*\.[a-z_]+\.[a-z0-9_]+", name):
                    found.extend(pack + name[1:] for pack in packs)
                elif re.fullmatch(r"[a-z_]+\.[a-z_]+\.[a-z0-9_]+", name):
                    found.append(name)
    return found


def _packs() -> dict[str, PackSpec]:
    return {
        path.stem: PackSpec.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
        for path in sorted(PACK_DIR.glob("*.toml"))
    }


@pytest.fixture(scope="module")
def catalogue() -> list[str]:
    if not any(CATALOGUE.glob("RULES-*.md")):
        pytest.skip(f"no rule catalogue at {CATALOGUE} (set GONGKAI_CATALOGUE to its folder)")
    return candidates(CATALOGUE)


def test_the_catalogue_reads_as_its_index_counts(catalogue: list[str]) -> None:
    assert len(catalogue) == len(set(catalogue)) >= 338


def test_every_candidate_is_encoded_or_listed_with_a_reason(catalogue: list[str]) -> None:
    packs = _packs()
    encoded = {c for spec in packs.values() for r in spec.rules for c in (r.id, *r.catalogue)}
    listed = {(name, row.catalogue) for name, spec in packs.items() for row in spec.not_encoded}
    missing = [c for c in catalogue if c not in encoded and (c.split(".")[0], c) not in listed]
    assert missing == [], f"{len(missing)} candidates neither encoded nor listed"
    assert sorted(encoded & {c for _, c in listed}) == [], "encoded and listed as not encoded"


def test_accounting_names_only_real_candidates(catalogue: list[str]) -> None:
    known = set(catalogue)
    named = [
        c
        for spec in _packs().values()
        for c in [
            *(c for r in spec.rules for c in r.catalogue),
            *(row.catalogue for row in spec.not_encoded if row.catalogue),
        ]
    ]
    assert sorted(set(named) - known) == []


@pytest.mark.parametrize("name", sorted(p.stem for p in PACK_DIR.glob("*.toml")))
def test_reasons_hold_today_and_descriptions_list_nothing(name: str) -> None:
    spec = _packs()[name]
    assert [row.reason for row in spec.not_encoded if STALE.search(row.reason)] == []
    description = spec.pack.description or ""
    assert not re.search(r"not encoded|left out", description, re.IGNORECASE), name


def test_every_located_quote_is_verbatim_on_its_seed_line(catalogue: list[str]) -> None:
    """A quote with a locator is on that line of the seed text (``……`` joins its parts)."""
    files = sorted((CATALOGUE / "seeds").glob("*.txt"))
    seeds = {path.name[:3]: path.read_text(encoding="utf-8").splitlines() for path in files}
    bare = re.compile(r"\s+")
    wrong = []
    for spec in _packs().values():
        for rule in spec.rules:
            source = rule.source
            if source.locator is None:
                continue
            found = re.fullmatch(r"seed (\d{3}) L(\d+)", source.locator)
            assert found, (rule.id, source.locator)
            line = bare.sub("", seeds[found[1]][int(found[2]) - 1])
            parts = [p for p in re.split("…+", source.quote) if p]
            wrong += [rule.id for p in parts if bare.sub("", p) not in line]
    assert wrong == []
