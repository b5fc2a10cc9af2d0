"""Vocabularies of the records, as enums whose values are the Chinese terms of the policy texts."""

from __future__ import annotations

from enum import Enum


class DocType(str, Enum):
    """文种: the 15 kinds of 《党政机关公文处理工作条例》 第八条."""

    RESOLUTION = "决议"
    DECISION = "决定"
    ORDER = "命令"
    COMMUNIQUE = "公报"
    ANNOUNCEMENT = "公告"
    PUBLIC_NOTICE = "通告"
    OPINION = "意见"
    NOTICE = "通知"
    CIRCULAR = "通报"
    REPORT = "报告"
    REQUEST = "请示"
    REPLY = "批复"
    MOTION = "议案"
    LETTER = "函"
    MINUTES = "纪要"


class Disclosure(str, Enum):
    """公开属性, normalised from the marking a document carries."""

    PUBLIC = "公开发布"  #: 此件公开发布 / 此件主动公开 / 主动公开 / 全文公开
    PARTIAL = "删减后公开"  #: 此件删减后公开
    ON_REQUEST = "依申请公开"  #: 此件依申请公开
    NOT_PUBLIC = "不公开"  #: 此件不公开 / 不予公开


class DisclosureMethod(str, Enum):
    """公开方式."""

    PROACTIVE = "主动公开"
    ON_REQUEST = "依申请公开"


class ExemptionGround(str, Enum):
    """Legal grounds for not disclosing (《政府信息公开条例》 第十四、十五、十六条)."""

    STATE_SECRET = "国家秘密"  #: 第十四条
    LAW_PROHIBITS = "法律行政法规禁止公开"  #: 第十四条
    SECURITY_STABILITY = "危及国家安全公共安全经济安全社会稳定"  #: 第十四条
    THIRD_PARTY = "商业秘密个人隐私"  #: 第十五条
    INTERNAL_AFFAIRS = "内部事务信息"  #: 第十六条第一款
    PROCESS_INFO = "过程性信息"  #: 第十六条第二款
    ENFORCEMENT_FILE = "行政执法案卷信息"  #: 第十六条第二款


class SecrecyLevel(str, Enum):
    """密级 (《保守国家秘密法》)."""

    TOP_SECRET = "绝密"
    SECRET = "机密"
    CONFIDENTIAL = "秘密"


class Urgency(str, Enum):
    """紧急程度 (GB/T 9704)."""

    EXTRA_URGENT = "特急"
    URGENT = "加急"


class ReviewResult(str, Enum):
    """Result of a secrecy review (保密审查) or another review."""

    PASSED = "通过"
    FAILED = "不通过"


class MeetingKind(str, Enum):
    """Kinds of meetings the policy texts name."""

    EXECUTIVE = "常务会议"
    PLENARY = "全体会议"
    SPECIAL_TOPIC = "专题会议"
    TELECONFERENCE = "电视电话会议"
    COLLECTIVE_DELIBERATION = "集体审议"
    DEPARTMENT_OFFICE = "部门办公会议"
    VIDEO_THREE_LEVEL = "三级视频会议"
    JOINT = "联席会议"
    HEARING = "听证会"
    OTHER = "其他"


class Channel(str, Enum):
    """How a disclosure request was submitted (条例 第三十一条)."""

    IN_PERSON = "当面"
    POST_SIGNED = "邮寄签收"
    POST_UNSIGNED = "平常信函"
    ONLINE = "网络"
    FAX = "传真"


class ReplyType(str, Enum):
    """Reply types of 条例 第三十六条, and the closures of 第三十条、第三十五条、第三十九条."""

    ALREADY_PUBLIC = "已公开"  #: 第三十六条（一）: say where
    DISCLOSED = "予以公开"  #: 第三十六条（二）
    WITHHELD = "不予公开"  #: 第三十六条（三）: with the ground
    NOT_EXIST = "信息不存在"  #: 第三十六条（四）
    NOT_OURS = "非本机关负责公开"  #: 第三十六条（五）: name the right agency
    REPEAT = "重复申请"  #: 第三十六条（六）
    SPECIAL_LAW = "按其他法律办理"  #: 第三十六条（七）
    ABANDONED = "视为放弃申请"  #: 第三十条
    NOT_A_REQUEST = "不作为政府信息公开申请处理"  #: 第三十九条


class Speaker(str, Enum):
    """Who speaks for the government at a 新闻发布会 or 吹风会 (国办发〔2016〕61号)."""

    PRINCIPAL_HEAD = "主要负责人"
    DEPARTMENT_HEAD = "部门负责人"  #: a head of the department concerned (相关部门负责人)
    SPOKESPERSON = "新闻发言人"
    OTHER = "其他人员"


class IncidentLevel(str, Enum):
    """Levels of incidents and 政务舆情 named by 突发事件应对法 and the seeds."""

    EXTREMELY_MAJOR = "特别重大"
    MAJOR = "重大"
    LARGE = "较大"
    ORDINARY = "一般"
    MAJOR_SENSITIVE = "重大敏感"


class AgencyLevel(str, Enum):
    """Whether the agency is a government (人民政府) or one of its departments."""

    GOVERNMENT = "人民政府"
    DEPARTMENT = "政府部门"


class MessageKind(str, Enum):
    """What a public message asks for (《安徽省全面推进政务公开工作实施细则》 四（三）)."""

    SUGGESTION = "意见建议"
    INQUIRY_COMPLAINT = "咨询投诉"
    PROBLEM_REPORT = "反映问题"


class MessageChannel(str, Enum):
    """The column or line a public message came through (政民互动 channels the seeds name)."""

    LEADER_MAILBOX = "领导信箱"  #: seed 000 L55, 003 L859
    OPINION_SOLICITATION = "民意征集"  #: seed 000 L55, 003 L859
    NETIZEN_MESSAGE = "网民留言"  #: seed 000 L55, 002 L28, 003 L859
    HOTLINE_12345 = "12345热线"  #: seed 003 L261
    NEW_MEDIA = "政务新媒体"  #: seed 003 L197; 政务微博微信 (L131)
