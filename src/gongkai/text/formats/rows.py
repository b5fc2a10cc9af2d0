"""Table rows as text lines: a metadata cell pair becomes one ``label：value`` line.

Web pages and Word files put a 公文's metadata in table rows (``索引号 | … |
发文字号 | 国办发〔2019〕14号``). The text reader reads ``发文字号：国办发〔2019〕14号``
on one line, so each label cell is joined to the value cell after it; every
other cell gives its own lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["labelled", "row_lines"]

_SPACE = re.compile(r"\s+")
#: Metadata labels of government pages and 政府信息公开目录 entries, without their colon.
_LABEL_GROUPS = (
    "索引号 主题分类 体裁分类 组配分类 目录分类 扩展分类 主题词 关键词",
    "发文机关 发文机构 发布机构 发文单位 发布单位 所属机构 来源 信息来源",
    "发文字号 文号 发文号 发文文号 发布文号 发文编号 文件编号",
    "成文日期 发文日期 印发日期 产生日期 生成日期 发布日期 发布时间 公开日期",
    "生效日期 实施日期 废止日期 有效期 有效性",
    "标题 名称 文件名称 信息名称 内容概述",
    "公开方式 公开属性 公开范围 公开选项 信息公开选项 涉密状态",
)
_LABELS = frozenset(label for group in _LABEL_GROUPS for label in group.split())
_LABEL = re.compile(r"(?P<label>[^:：]{1,12}?)\s*[:：]\s*(?P<value>.*)", re.S)


def _label(cell: str) -> str | None:
    """The label a cell holds alone (``发文字号：``, ``发 文 字 号``), or None."""
    bare = _SPACE.sub("", cell).rstrip(":：")
    return bare if bare in _LABELS else None


def labelled(line: str) -> str:
    """``发 文 字 号 : X`` as ``发文字号：X`` when it starts with a known label; else ``line``."""
    m = _LABEL.match(line)
    if m is None:
        return line
    label = _SPACE.sub("", m["label"])
    return f"{label}：{m['value'].strip()}" if label in _LABELS else line


def row_lines(cells: Iterable[list[str]]) -> list[str]:
    """The lines of a table row whose cells hold these lines: label cells joined to values."""
    out: list[str] = []
    label: str | None = None
    for cell in cells:
        lines = [s for s in (line.strip() for line in cell) if s]
        if label is not None and lines and _label(lines[0]) is None:
            out.append(f"{label}：{' '.join(lines)}")
            label = None
            continue
        if label is not None:
            out.append(f"{label}：")
        single = _label(lines[0]) if len(lines) == 1 else None
        label = single
        if single is None:
            out.extend(labelled(line) for line in lines)
    if label is not None:
        out.append(f"{label}：")
    return out
