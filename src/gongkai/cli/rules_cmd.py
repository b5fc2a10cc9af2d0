"""``gongkai rules [--pack NAME] [RULE_ID]``: list a pack's rules or show one."""

from __future__ import annotations

import argparse
import json
from typing import Any

from gongkai.cli.options import add_pack_options, pack_from
from gongkai.cli.output import add_output_option, emit
from gongkai.rules.compiled import CompiledRule


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser("rules", help="列出或显示规则 / list or show rules")
    parser.add_argument("rule_id", nargs="?", metavar="RULE_ID")
    add_pack_options(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_output_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the rules."""
    pack = pack_from(args)
    rules = [pack.rule(args.rule_id)] if args.rule_id else pack.rules
    if args.format == "json":
        data = [r.spec.model_dump(mode="json", by_alias=True, exclude_none=True) for r in rules]
        emit(
            args, json.dumps(data[0] if args.rule_id else data, ensure_ascii=False, indent=2) + "\n"
        )
        return 0
    if args.rule_id:
        emit(args, _detail(rules[0]) + "\n")
        return 0
    lines = [f"{pack.title}（{pack.name}，{len(rules)} 条规则，继承 {' → '.join(pack.chain)}）"]
    for rule in rules:
        spec = rule.spec
        lines.append(f"{spec.id:<50} {spec.kind:<9} {spec.severity.value:<8} {spec.title}")
    emit(args, "\n".join(lines) + "\n")
    return 0


def _detail(rule: CompiledRule) -> str:
    spec = rule.spec
    body = spec.check or spec.deadline or spec.table or spec.obligation
    assert body is not None
    src = spec.source
    lines = [
        f"{spec.id}  {spec.title}",
        f"  记录 kind: {spec.kind}   严重程度 severity: {spec.severity.value}",
        f"  依据 source: {src.document} {src.number or ''} {src.clause or ''}".rstrip(),
        f"  原文 quote: 「{src.quote}」",
    ]
    if spec.effective_from or spec.effective_to:
        lines.append(f"  生效 in force: {spec.effective_from or '…'} – {spec.effective_to or '…'}")
    if spec.when:
        lines.append(f"  适用 when: {spec.when}")
    if spec.blocks:
        lines.append(f"  拦截事件 blocks: {', '.join(spec.blocks)}")
    lines.append(f"  规则体 body: {body.model_dump_json(by_alias=True, exclude_none=True)}")
    for name, param in spec.params.items():
        lines.append(
            f"  参数 ${name}: {param.description} = {param.value or '未配置 not configured'}"
        )
    if spec.note:
        lines.append(f"  说明 note: {spec.note}")
    lines.append(f"  文件 file: {rule.file}")
    return "\n".join(lines)
