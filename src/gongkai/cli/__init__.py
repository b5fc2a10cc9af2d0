"""The ``gongkai`` command line: exit 0 = no violation, 1 = violations, 2 = bad input, 3 = internal
error."""

from gongkai.cli.main import main

__all__ = ["main"]
