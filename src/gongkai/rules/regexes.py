"""The guard on ``matches()`` patterns: what could make Python's backtracking ``re`` slow.

A pattern is refused at load when it is too long, uses backreferences, repeats a group
that holds a quantifier (``(a+)+``) or alternatives that can start alike (``(a|a)*``),
or has two repeats that can match the same characters with nothing between them that
only one of them could match (``a*a*$``, ``.*a.*a$``, ``\\d+\\d+``): the first kinds
backtrack exponentially, the last polynomially (``a*a*$`` on 2,000 characters: 10 s).
What is left takes time linear in the input per start position, and ``matches()``
reads at most :data:`REGEX_INPUT_LIMIT` characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["MAX_REGEX_CHARS", "REGEX_INPUT_LIMIT", "regex_problem"]

#: Longest pattern ``matches()`` accepts.
MAX_REGEX_CHARS = 200
#: ``matches()`` only looks at this many leading characters of its input.
REGEX_INPUT_LIMIT = 10_000

_BRACE = re.compile(r"\{(\d*)(,?)(\d*)\}")
_GROUP_PREFIX = re.compile(r"\(\?(?:P<\w+>|<\w+>|<=|<!|[:=!>]|[aiLmsux-]*:?)")
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
#: Characters tried against two atoms to see whether they can match alike.
_PROBES = "aAzZ09 \t\n_-.,:/　中文，。、（）()《》〔〕[]【】"

_BACKREF = ("正则表达式不得使用反向引用", "regular expressions may not use backreferences")
_NESTED = (
    "正则表达式不得对含量词的分组再加重复量词（如 (a+)+），以免灾难性回溯",
    "a regular expression may not repeat a group that itself contains a quantifier "
    "(e.g. (a+)+): catastrophic backtracking",
)
_ALTERNATIVES = (
    "正则表达式不得重复开头可能相同的选择分支（如 (a|a)*、(a|ab)+），以免灾难性回溯",
    "a regular expression may not repeat alternatives that can start alike "
    "(e.g. (a|a)*, (a|ab)+): catastrophic backtracking",
)
_ADJACENT = (
    "正则表达式中两个重复（如 a*a*、.*x.*x）可匹配相同字符且其间无可区分的字符，会导致回溯过慢；"
    "matches() 在任意位置查找，开头结尾无需 .*",
    "two repeats of a regular expression (e.g. a*a*, .*x.*x) can match the same characters "
    "with nothing between them that tells them apart: too slow to backtrack; matches() "
    "searches anywhere, so no leading or trailing .* is needed",
)


class _Refused(Exception):
    def __init__(self, why: tuple[str, str]) -> None:
        super().__init__(why[1])
        self.why = why


@dataclass
class _Item:
    """One atom with its quantifier. ``text`` is a one-character atom's source, or None
    for a group (whose ``branches`` hold its items) or an escape that is not probed."""

    text: str | None
    branches: list[list[_Item]] = field(default_factory=list)
    group: bool = False
    lookaround: bool = False
    low: int = 1
    repeats: bool = False  #: may match more than once, a variable number of times
    quantified: bool = False


def regex_problem(pattern: str) -> tuple[str, str] | None:
    """Why ``pattern`` is refused by ``matches()`` as (zh, en), or None if it is fine."""
    if len(pattern) > MAX_REGEX_CHARS:
        return (
            f"正则表达式过长（{len(pattern)} 字符，上限 {MAX_REGEX_CHARS}）",
            f"regular expression too long ({len(pattern)} chars, limit {MAX_REGEX_CHARS})",
        )
    flags = re.IGNORECASE if re.search(r"\(\?[aLmsux]*i", pattern) else 0
    try:
        branches, _ = _parse(pattern, 0)
        _Checker(pattern, flags).branches(branches, [])
    except _Refused as refused:
        return refused.why
    return None


def _parse(p: str, i: int) -> tuple[list[list[_Item]], int]:
    """The branches of the sequence starting at ``i``, up to its ``)`` or the end."""
    branches: list[list[_Item]] = [[]]
    n = len(p)
    while i < n and p[i] != ")":
        char = p[i]
        if char == "|":
            branches.append([])
            i += 1
            continue
        if char in "^$":
            i += 1
            continue
        if char == "(":
            if p.startswith(("(?P=", "(?("), i):
                raise _Refused(_BACKREF)
            if p.startswith("(?#", i):
                end = p.find(")", i)
                i = n if end < 0 else end + 1
                continue
            prefix = _GROUP_PREFIX.match(p, i)
            inner, j = _parse(p, prefix.end() if prefix else i + 1)
            item = _Item(None, inner, group=True, lookaround=p.startswith(_LOOKAROUND, i))
            i = j + 1
        elif char == "\\":
            following = p[i + 1 : i + 2]
            if following.isdigit() and following != "0":
                raise _Refused(_BACKREF)
            if following and following in "bBAZzG":  # zero-width, like ^ and $
                i += 2
                continue
            probed = following not in "xuUN0" or not following
            item = _Item(p[i : i + 2] if probed else None)
            i += 2
        elif char == "[":
            j = i + 1
            if p[j : j + 1] == "^":
                j += 1
            if p[j : j + 1] == "]":
                j += 1
            while j < n and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            item = _Item(p[i : j + 1])
            i = j + 1
        else:
            item = _Item(char)
            i += 1
        i = _quantifier(p, i, item)
        branches[-1].append(item)
    return branches, i


def _quantifier(p: str, i: int, item: _Item) -> int:
    """Read the quantifier at ``i`` (if any) into ``item``; the index after it."""
    char = p[i : i + 1]
    brace = _BRACE.match(p, i) if char == "{" else None
    if char in ("*", "+", "?") and char:
        item.low = 1 if char == "+" else 0
        item.repeats = char != "?"
        end = i + 1
    elif brace is not None and (brace.group(1) or brace.group(3)):
        low, comma, high = brace.groups()
        item.low = int(low or 0)
        item.repeats = bool(comma) and (not high or int(high) > max(1, item.low))
        end = brace.end()
    else:
        return i
    item.quantified = True
    if p[end : end + 1] in ("?", "+"):  # lazy or possessive modifier
        end += 1
    return end


class _Checker:
    """Walks the parsed pattern refusing the shapes that backtrack badly."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.flags = flags
        self.probes = set(_PROBES) | set(pattern)
        self._cache: dict[str, re.Pattern[str] | None] = {}

    def branches(self, branches: list[list[_Item]], pending: list[_Item]) -> list[_Item]:
        """Check each branch after ``pending`` repeats; the repeats pending after any."""
        after: list[_Item] = []
        for branch in branches:
            after.extend(self.sequence(branch, list(pending)))
        return after

    def sequence(self, items: list[_Item], pending: list[_Item]) -> list[_Item]:
        for item in items:
            if item.lookaround:
                self.branches(item.branches, [])
                continue
            if item.group and item.repeats:
                self._repeated_group(item)
            if item.repeats:
                if any(self.overlap(item, earlier) for earlier in pending):
                    raise _Refused(_ADJACENT)
                pending.append(item)
            elif item.group:
                inner = self.branches(item.branches, list(pending))
                if item.low >= 2:  # a fixed count {n}: each copy follows the one before
                    inner = self.branches(item.branches, inner)
                pending = inner if item.low >= 1 else _union(pending, inner)
            elif item.low >= 1:
                pending = [p for p in pending if self.overlap(p, item)]
        return pending

    def _repeated_group(self, group: _Item) -> None:
        if _has_quantifier(group):
            raise _Refused(_NESTED)
        if len(group.branches) > 1:
            firsts = [branch[0] if branch else None for branch in group.branches]
            for k, first in enumerate(firsts):
                for other in firsts[k + 1 :]:
                    if first is None or other is None or self.overlap(first, other):
                        raise _Refused(_ALTERNATIVES)

    def overlap(self, a: _Item, b: _Item) -> bool:
        """Whether some character can be matched by both items (True when unsure)."""
        left, right = self._atoms(a), self._atoms(b)
        if left is None or right is None:
            return True
        return any(
            x.fullmatch(c) is not None and y.fullmatch(c) is not None
            for x in left
            for y in right
            for c in self.probes
        )

    def _atoms(self, item: _Item) -> list[re.Pattern[str]] | None:
        """The compiled one-character atoms ``item`` may consume; None when unknown."""
        if not item.group:
            compiled = self._compile(item.text) if item.text is not None else None
            return None if compiled is None else [compiled]
        out: list[re.Pattern[str]] = []
        for branch in item.branches:
            for inner in branch:
                atoms = self._atoms(inner)
                if atoms is None:
                    return None
                out.extend(atoms)
        return out

    def _compile(self, text: str) -> re.Pattern[str] | None:
        if text not in self._cache:
            try:
                self._cache[text] = re.compile(text, self.flags | re.DOTALL)
            except (re.error, OverflowError, RecursionError, ValueError):
                self._cache[text] = None
        return self._cache[text]


def _has_quantifier(group: _Item) -> bool:
    return any(
        item.quantified or (item.group and _has_quantifier(item))
        for branch in group.branches
        for item in branch
    )


def _union(first: list[_Item], second: list[_Item]) -> list[_Item]:
    return first + [item for item in second if all(item is not other for other in first)]
