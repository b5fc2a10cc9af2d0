"""Hypothesis plugin (entry point group ``hypothesis``): ``st.from_type(Document)`` and the
other record kinds draw gongkai's own strategies (:mod:`gongkai.testing.strategies`).

Hypothesis calls the hook when it is imported: the hook imports gongkai's record models
(measured: ``import hypothesis`` 0.29 s → 0.69 s on a loaded 2-core machine); the strategies
module itself is imported only when a record kind is first drawn.
``HYPOTHESIS_NO_PLUGINS=1`` turns every hypothesis plugin off.
"""

from __future__ import annotations

from functools import partial
from typing import Any

#: record kind -> the function of gongkai.testing.strategies that draws it
STRATEGIES = {
    "document": "documents",
    "meeting": "meetings",
    "request": "requests",
    "incident": "incidents",
    "agency": "agencies",
    "message": "messages",
}


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each record kind (called by hypothesis when imported)."""
    from hypothesis import strategies as st

    from gongkai.models import RECORD_KINDS

    for kind, model in RECORD_KINDS.items():
        if kind in STRATEGIES:  # a kind without a strategy keeps hypothesis' default
            st.register_type_strategy(model, partial(_drawn, STRATEGIES[kind]))


def _drawn(function: str, model: type[Any]) -> Any:
    from gongkai.testing import strategies

    return getattr(strategies, function)()
