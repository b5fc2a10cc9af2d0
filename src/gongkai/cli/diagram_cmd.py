"""``gongkai diagram WORKFLOW [--format mermaid|markdown]``: draw a workflow graph."""

from __future__ import annotations

import argparse
from typing import Any

from gongkai.cli.output import add_output_option, emit
from gongkai.workflows.diagram import markdown_section, mermaid, workflow_machine


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "diagram",
        help="工作流状态图 / workflow diagram",
        description="打印工作流的 Mermaid 状态图，或包含状态图、状态表和转换表的 Markdown 章节"
        " / print a workflow's Mermaid state diagram, or a Markdown section with the diagram,"
        " the states and the transition table",
    )
    parser.add_argument(
        "workflow", metavar="WORKFLOW", help="document | meeting | request | incident"
    )
    parser.add_argument(
        "--format",
        choices=("mermaid", "markdown"),
        default="mermaid",
        help="mermaid：仅状态图 / diagram only；markdown：状态图 + 转换表 / diagram and tables",
    )
    add_output_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the diagram (an unknown workflow raises WorkflowError: exit 2)."""
    machine = workflow_machine(args.workflow)
    text = mermaid(machine) if args.format == "mermaid" else markdown_section(machine)
    emit(args, text)
    return 0
