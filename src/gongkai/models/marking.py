"""Disclosure markings (公开属性) as written, and their normalised value."""

from __future__ import annotations

import re

from gongkai.models.vocab import Disclosure

#: Marking wordings found in the seed texts, without parentheses.
MARKINGS: dict[str, Disclosure] = {
    "此件公开发布": Disclosure.PUBLIC,
    "此件公开": Disclosure.PUBLIC,
    "此件主动公开": Disclosure.PUBLIC,
    "主动公开": Disclosure.PUBLIC,
    "全文公开": Disclosure.PUBLIC,
    "公开发布": Disclosure.PUBLIC,
    "此件删减后公开": Disclosure.PARTIAL,
    "删减后公开": Disclosure.PARTIAL,
    "此件依申请公开": Disclosure.ON_REQUEST,
    "依申请公开": Disclosure.ON_REQUEST,
    "此件不公开": Disclosure.NOT_PUBLIC,
    "此件不予公开": Disclosure.NOT_PUBLIC,
    "不予公开": Disclosure.NOT_PUBLIC,
    "不公开": Disclosure.NOT_PUBLIC,
}

_WRAPPING = re.compile(r"^[\s(（]*(.*?)[\s)）。.]*$")
#: A field label some agencies write before the value: ``公开方式：主动公开``.
_LABEL = re.compile(r"^(?:信息公开选项|公开选项|公开属性|公开方式|公开类型)[：:]")


def bare_marking(text: str) -> str:
    """A marking without its parentheses and spaces: ``（此件公开发布）`` → ``此件公开发布``."""
    match = _WRAPPING.match(text)
    inner = match.group(1) if match else text
    return re.sub(r"\s+", "", inner)


def normalise_marking(text: str) -> Disclosure | None:
    """The disclosure a marking states, or None if the wording is not a known one.

    A field label before the value is read past: ``（公开方式：主动公开）`` is public.
    """
    bare = bare_marking(text)
    return MARKINGS.get(bare) or MARKINGS.get(_LABEL.sub("", bare))
