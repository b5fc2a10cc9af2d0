"""The ``gongkai`` command line: exit 0 = no violation, 1 = violations, 2 = bad input."""

from gongkai.cli.main import main

__all__ = ["main"]
