"""``Agency``: a disclosure office's own recurring duties, recorded as dated events."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gongkai.models.base import Day, Record
from gongkai.models.vocab import AgencyLevel


class Agency(Record):
    """An agency (行政机关) whose history records duties done.

    Events: ``annual_report_published``, ``head_report_heard``, ``training_held``,
    ``press_conference_held``, ``self_check_done``, ``inspection_held`` …
    """

    kind: Literal["agency"] = "agency"
    name: str | None = None
    level: AgencyLevel | None = None
    #: 行政区划代码 (GB/T 2260) of the division whose government the agency is or belongs to,
    #: e.g. 341125 定远县, 340000 安徽省; county level and above: empty for a 乡镇 or 街道
    division_code: str | None = Field(default=None, pattern=r"^[0-9]{6}$")
    #: 政府办公厅（室）: the government's general office, which leads 政务公开 work
    is_general_office: bool = False
    is_key_department: bool = False  #: 重点部门 (安徽: quarterly press conferences)
    assessment_weight_percent: float | None = None  #: 政务公开 share of performance assessment
    since: Day | None = None  #: first day duties are judged (default: 1 January of the as-of year)
    lead_official: str | None = None  #: 分管政务公开工作的负责同志, named and filed
    website_columns: list[str] = Field(default_factory=list)  #: 网站已设栏目, by name
    published_contacts: list[str] = Field(default_factory=list)  #: 已公布的联系方式, e.g. 监督电话
    new_media_platforms: list[str] = Field(
        default_factory=list
    )  #: 政务新媒体: each account's platform
    nonpublic_documents: int | None = Field(default=None, ge=0)  #: 本年度依申请公开、不予公开公文数
    nonpublic_documents_previous_year: int | None = Field(default=None, ge=0)  #: 上一年度的同一数量
    #: 本年度自查发现应公开未公开、可转为主动公开的信息数
    self_check_found: int | None = Field(default=None, ge=0)
    #: 其中已公开（含已转为主动公开）的数量
    self_check_published: int | None = Field(default=None, ge=0)
    #: 本年度以图片、图表、音频、视频等多样化方式解读的政策文件占比 (%)
    interpretation_diversified_percent: float | None = Field(default=None, ge=0, le=100)
    #: 本年度政策解读在政府网站之外的其他渠道也发布的占比 (%)
    interpretation_other_channels_percent: float | None = Field(default=None, ge=0, le=100)
