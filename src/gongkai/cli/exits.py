"""Exit codes of the command line; the worst of several is the largest."""

from __future__ import annotations

#: no violation / violations / bad input (a ``GongkaiError``) / a failure of gongkai itself
EXIT_OK, EXIT_VIOLATIONS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

_PLEASE_REPORT = "please report it with the command and the output of `gongkai --debug …`"


def internal_error(err: BaseException) -> dict[str, str]:
    """``{"zh", "en"}`` for an exception that is not a ``GongkaiError`` (exit 3)."""
    what = f"{type(err).__name__}: {err}"
    return {"zh": f"内部错误：{what}", "en": f"internal error: {what} — {_PLEASE_REPORT}"}


def internal_error_line(err: BaseException) -> str:
    """The one line printed on stderr for an unexpected exception."""
    return f"gongkai: 内部错误（internal error）: {type(err).__name__}: {err} — {_PLEASE_REPORT}"
