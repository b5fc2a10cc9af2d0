"""What integrators test with: table-driven rule cases and rule coverage."""

from gongkai.testing.cases import RuleCase, coverage_gaps, run_case

__all__ = ["RuleCase", "coverage_gaps", "run_case"]
