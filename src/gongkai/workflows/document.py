"""The 公文 workflow: 拟稿 → 公开属性认定 → 报送 → 核稿 → 签发 → 印发 → 保密审查 → 公开.

Guards come from the pack (rules with ``blocks``): a draft without an
attribute cannot be submitted, a policy document without its interpretation
plan and materials is returned, nothing is published before a passed secrecy
review, and a policy document is published only together with its
interpretation (``release_interpretation`` at the same instant, just before
``publish``).
"""

from __future__ import annotations

from enum import Enum

from gongkai.models import Document
from gongkai.workflows.base import Step, Workflow, WorkflowMachine


class DocumentState(str, Enum):
    """Where a 公文 stands."""

    DRAFT = "拟稿"
    ATTRIBUTED = "公开属性已认定"
    SUBMITTED = "已报送"
    REVIEWED = "已核稿"
    RETURNED = "已退文"
    SIGNED = "已签发"
    ISSUED = "已印发"
    REVIEW_FAILED = "保密审查未通过"
    CLEARED = "保密审查已通过"
    PUBLISHED = "已公开"
    CATALOGUED = "已编入依申请公开目录或不公开存档"
    REPEALED = "已失效"
    WITHDRAWN = "已撤回"
    CLEANED_UP = "已清理"


_PUBLIC = "disclosure in ['公开发布', '删减后公开']"
_NOT_PROACTIVE = "disclosure in ['依申请公开', '不公开']"
_PASSED = "secrecy_review.result == '通过'"
_AFTER_ISSUE = ("ISSUED", "REVIEW_FAILED", "CLEARED")
_LIVE = ("PUBLISHED", "CATALOGUED")

STEPS = (
    Step("draft", ("DRAFT",), None, zh="拟稿"),
    Step("set_attribute", ("DRAFT", "ATTRIBUTED", "RETURNED"), "ATTRIBUTED", zh="公开属性认定"),
    Step(
        "submit",
        ("DRAFT", "ATTRIBUTED", "RETURNED"),
        "SUBMITTED",
        guards=("national.document.attribute_required", "national.document.nonpublic_reason"),
        zh="报送",
    ),
    Step("review", ("SUBMITTED",), "REVIEWED", zh="核稿"),
    Step("return", ("SUBMITTED", "REVIEWED"), "RETURNED", zh="退文"),
    Step("sign", ("SUBMITTED", "REVIEWED"), "SIGNED", zh="签发"),
    Step("issue", ("SIGNED",), "ISSUED", zh="印发"),
    Step("secrecy_review", _AFTER_ISSUE, "CLEARED", when=_PASSED, zh="保密审查通过"),
    Step("confirm_with_agencies", _AFTER_ISSUE, None, zh="与涉及的其他机关沟通确认"),
    Step("secrecy_review", _AFTER_ISSUE, "REVIEW_FAILED", zh="保密审查未通过"),
    Step("release_interpretation", ("CLEARED", "PUBLISHED"), None, zh="发布解读"),
    Step("hold_briefing", ("SIGNED", "ISSUED", "CLEARED"), None, zh="吹风会"),
    Step(
        "publish",
        _AFTER_ISSUE,
        "PUBLISHED",
        when=_PUBLIC,
        guards=("national.document.secrecy_review",),
        zh="公开发布",
    ),
    Step("enter_catalogue", _AFTER_ISSUE, "CATALOGUED", when=_NOT_PROACTIVE, zh="编入目录"),
    Step("hold_press_conference", ("PUBLISHED",), None, zh="新闻发布会"),
    Step("post_platforms", ("PUBLISHED",), None, zh="各平台发布"),
    Step("repost", ("PUBLISHED",), None, zh="转载"),
    Step("publish_gazette", ("PUBLISHED",), None, zh="刊登政府公报"),
    Step("withdraw", _LIVE, "WITHDRAWN", zh="撤回"),
    Step("repeal", _LIVE, "REPEALED", zh="失效"),
    Step("clean_up", (*_LIVE, "REPEALED"), "CLEANED_UP", zh="清理"),
)

DOCUMENT_MACHINE = WorkflowMachine(
    "document",
    Document,
    DocumentState,
    DocumentState.DRAFT,
    STEPS,
    final=(DocumentState.WITHDRAWN, DocumentState.CLEANED_UP),
)


class DocumentWorkflow(Workflow[Document]):
    """A 公文 driven through its life; see the module docstring."""

    __slots__ = ()
    definition = DOCUMENT_MACHINE
