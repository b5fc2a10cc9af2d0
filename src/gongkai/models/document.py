"""``Document``: a 公文 with the GB/T 9704 elements and disclosure facts that rules touch."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gongkai.models.base import Day, Instant, Record
from gongkai.models.doc_number import DocNumber, parse_doc_number
from gongkai.models.marking import normalise_marking
from gongkai.models.vocab import (
    Disclosure,
    DisclosureMethod,
    DocType,
    ExemptionGround,
    ReviewResult,
    SecrecyLevel,
    Urgency,
)


class Interpretation(BaseModel):
    """解读方案 and 解读材料 prepared with a policy document (三同步)."""

    model_config = ConfigDict(extra="forbid")

    plan: bool = False  #: 解读方案 prepared
    materials: bool = False  #: 解读材料 prepared
    approved_by: str | None = None  #: who approved plan and materials (起草部门主要负责人 …)
    approved_at: Instant | None = None
    reviewed_by_legal_office: bool = False  #: 规章解读材料 reviewed by the 法制办 (安徽)
    not_needed_reason: str | None = None  #: why a document is not interpreted (报批表 / 报审说明)


class SecrecyReview(BaseModel):
    """保密审查 before release."""

    model_config = ConfigDict(extra="forbid")

    reviewer: str | None = None
    result: ReviewResult
    at: Instant | None = None


class Document(Record):
    """A 公文 (official document). Unknown facts are ``None``, never guessed."""

    kind: Literal["document"] = "document"
    title: str | None = None
    doc_type: DocType | None = None  #: 文种
    doc_number: str | None = None  #: 发文字号 as written
    doc_number_parts: DocNumber | None = None  #: parsed from doc_number when not given
    issuer: str | None = None  #: 发文机关
    drafting_dept: str | None = None  #: 起草部门
    joint_issuers: list[str] = Field(default_factory=list)  #: 联合发文机关
    issued_in_government_name: bool = False  #: 以政府（办公室）名义发文 drafted by a department
    issue_date: Day | None = None  #: 成文日期
    secrecy_level: SecrecyLevel | None = None  #: 密级
    secrecy_period: str | None = None  #: 保密期限, e.g. "1年"
    urgency: Urgency | None = None  #: 紧急程度
    disclosure_marking: str | None = None  #: 公开属性 as written, e.g. "（此件公开发布）"
    disclosure: Disclosure | None = None  #: normalised from the marking when not given
    disclosure_method: DisclosureMethod | None = None  #: 公开方式
    nondisclosure_reason: str | None = None  #: stated reason for not publishing
    nondisclosure_ground: ExemptionGround | None = None  #: its legal ground
    nonpublic_form_attached: bool = False  #: 拟发文件政务公开报批表 attached (邢台)
    disclosure_office_reviewed: bool = (
        False  #: 拟不公开 policy doc reviewed by the 政务公开工作机构
    )
    disclosure_office_filed: bool = False  #: 备案 with the 政务公开工作机构 (平定)
    is_policy: bool = False  #: 政策性文件
    is_normative: bool = False  #: 行政规范性文件
    is_regulation: bool = False  #: 政府规章
    is_major_policy: bool = False  #: 重大政策性文件 (press conference)
    needs_interpretation: bool | None = None
    interpretation: Interpretation | None = None
    secrecy_review: SecrecyReview | None = None
    #: other agencies the information concerns (涉及其他行政机关), confirmed with before it is published
    other_agencies: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  #: what a reader could not determine

    @model_validator(mode="after")
    def _derive(self) -> Document:
        if self.doc_number and self.doc_number_parts is None:
            parts = parse_doc_number(self.doc_number)
            if parts is not None:
                object.__setattr__(self, "doc_number_parts", parts)
        if self.disclosure_marking and self.disclosure is None:
            value = normalise_marking(self.disclosure_marking)
            if value is not None:
                object.__setattr__(self, "disclosure", value)
        return self
