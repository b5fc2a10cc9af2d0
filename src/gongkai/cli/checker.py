"""What one ``gongkai check`` run judges every record with: pack, instant, calendar, stage."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gongkai.calendar import WorkCalendar
from gongkai.cli.exits import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_VIOLATIONS,
    internal_error,
)
from gongkai.cli.inputs import Input
from gongkai.cli.options import calendar_from, pack_from, parse_instant
from gongkai.errors import GongkaiError
from gongkai.models import AnyRecord, Document
from gongkai.rules.pack import Pack
from gongkai.rules.report import Report
from gongkai.timezone import SHANGHAI
from gongkai.workflows.stages import DocumentStage, document_at_stage


@dataclass(frozen=True)
class Checker:
    """What every record of one run is checked against: pack, instant, calendar, stage."""

    pack: Pack
    as_of: datetime
    calendar: WorkCalendar
    stage: DocumentStage | None  #: None: a text is judged at submit, a JSON record as it is

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Checker:
        """The checker the options ask for."""
        as_of = parse_instant(args.as_of, "检查时点") if args.as_of else datetime.now(SHANGHAI)
        stage = DocumentStage(args.stage) if args.stage else None
        return cls(pack_from(args), as_of, calendar_from(args), stage)

    def check(self, record: AnyRecord, *, from_text: bool = False) -> Report:
        """The report on ``record``; a 公文 is first put at its stage (see ``--stage``)."""
        stage = self.stage or (DocumentStage.SUBMIT if from_text else None)
        if stage is not None and isinstance(record, Document):
            record = document_at_stage(record, stage, self.as_of)
        return self.pack.check(record, self.as_of, calendar=self.calendar)

    def check_input(self, read: Input) -> Report:
        """The report on a record read from a file."""
        return self.check(read.record, from_text=read.from_text)


@dataclass(frozen=True)
class Outcome:
    """One record's result in a batch or a stream: its report, or the error that stopped it."""

    code: int  #: the exit code this record alone would give
    report: Report | None = None
    record: AnyRecord | None = None  #: as read, before it was put at a stage
    lines: dict[str, int] = field(default_factory=dict)
    error: dict[str, str] | None = None  #: {"zh", "en"} when the record could not be checked

    def to_json_data(self) -> dict[str, Any]:
        """The report's JSON, or ``{"error": {"zh", "en"}}``."""
        if self.report is None:
            return {"error": self.error}
        return self.report.to_json_data(lines=self.lines)


def attempt(checker: Checker, load: Callable[[], Input]) -> Outcome:
    """Load one record and check it; a failure becomes an outcome instead of stopping the run."""
    try:
        read = load()
        report = checker.check_input(read)
    except GongkaiError as err:
        return Outcome(EXIT_BAD_INPUT, error={"zh": err.zh, "en": err.en})
    except Exception as err:  # one bad record must not stop the others: reported, exit 3
        return Outcome(EXIT_INTERNAL, error=internal_error(err))
    code = EXIT_OK if report.ok else EXIT_VIOLATIONS
    return Outcome(code, report, read.record, dict(read.lines))
