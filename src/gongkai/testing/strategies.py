"""Hypothesis strategies for property-testing an integration with gongkai.

Needs hypothesis: ``pip install "gongkai[testing]"`` (``import gongkai.testing`` alone
does not; this module is not imported by it).

- :func:`documents`, :func:`meetings`, :func:`requests`, :func:`incidents`,
  :func:`agencies`, :func:`messages`: valid, realistic records: Chinese titles, a 发文字号 given at
  signature in the year of signature, instants in Asia/Shanghai inside the working-day
  calendar's covered years. The four workflow kinds carry a history walked through
  their workflow, every event allowed by the national pack.
- :func:`histories`: such a walk as the fires to replay into your adapter
  (:class:`History` of :class:`Fired` steps), with the record before and after.
- :func:`breaking`: records that violate one rule (:data:`BREAKABLE_RULES`), for
  testing that your system flags or blocks them.
- :func:`instants`, :func:`days_near_holidays`: instants and dates for clock tests.

Example::

    from hypothesis import given

    from gongkai import load_pack
    from gongkai.testing.strategies import breaking, histories
    from gongkai.workflows import RequestWorkflow

    @given(breaking("national.document.secrecy_review"))
    def test_unreviewed_publication_is_flagged(record):
        report = load_pack("national").check(record, record.history[-1].at)
        assert "national.document.secrecy_review" in {f.rule_id for f in report.violations}

    @given(histories(RequestWorkflow))
    def test_my_adapter_replays(history):
        adapter = MyAdapter(history.start)  # yours
        for step in history.steps:
            assert adapter.fire(step.event, step.at, update=step.update, **step.data)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any, Generic, TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from gongkai.calendar import DayInfo, DayKind, WorkCalendar
from gongkai.errors import GongkaiError
from gongkai.models import (
    Agency,
    AgencyLevel,
    Channel,
    Disclosure,
    DisclosureMethod,
    DisclosureRequest,
    DocType,
    Document,
    Event,
    ExemptionGround,
    Incident,
    IncidentLevel,
    Interpretation,
    Meeting,
    MeetingKind,
    Message,
    MessageChannel,
    MessageKind,
    Record,
    ReplyType,
    ReviewResult,
    SecrecyLevel,
    SecrecyReview,
)
from gongkai.models.marking import MARKINGS, normalise_marking
from gongkai.rules.derived import RECEIPT_EVENTS
from gongkai.rules.pack import Pack, load_pack
from gongkai.timezone import SHANGHAI
from gongkai.workflows import (
    Decision,
    DocumentWorkflow,
    IncidentWorkflow,
    MeetingWorkflow,
    RequestWorkflow,
    Workflow,
)

R = TypeVar("R", bound=Record)

# -- steps and histories ----------------------------------------------------------------


@dataclass(frozen=True)
class Fired:
    """One event as fired: the arguments of ``Workflow.fire`` (and of your adapter)."""

    event: str
    at: datetime
    update: Mapping[str, Any] | None = None  #: record fields set with the event
    data: Mapping[str, Any] = field(default_factory=dict)  #: event data (``by``, ``result`` …)

    def fire(self, workflow: Workflow[Any]) -> Decision:
        """Fire this step on ``workflow``."""
        return workflow.fire(self.event, self.at, update=self.update, **self.data)

    def may(self, workflow: Workflow[Any]) -> Decision:
        """Ask ``workflow`` whether this step would be allowed, changing nothing."""
        return workflow.may(self.event, self.at, update=self.update, **self.data)


@dataclass(frozen=True)
class History(Generic[R]):
    """A walk through a workflow: replay ``steps`` on a workflow of ``start`` and every fire
    is allowed, ending in ``state`` with ``record``."""

    start: R  #: the record before the first step (fields set, history empty)
    steps: tuple[Fired, ...]
    record: R  #: the record after the last step
    state: str  #: the name of the workflow's state after the last step


# -- instants and days ------------------------------------------------------------------

#: Office hours, in minutes after midnight: when clerks record documents, meetings, requests.
_OFFICE = st.integers(8 * 60 + 30, 18 * 60)
_ANY_TIME = st.integers(0, 24 * 60 - 1)
_MINUTE = timedelta(minutes=1)


@cache
def _years() -> tuple[int, int]:
    return WorkCalendar.default().coverage


def _last_start() -> date:
    """The last day a generated history starts: its deadlines (20 working days, as many
    again by extension, pauses) then end inside the calendar's last covered year."""
    return date(_years()[1], 6, 30)


def _start_instants() -> SearchStrategy[datetime]:
    """Where a history starts: office hours, early enough for its deadlines to be computed."""
    return _on_days(None, _last_start(), _OFFICE)


def _capped(at: datetime, later: datetime) -> datetime:
    """``later``, but not past 30 September of the last covered year (nor before ``at``)."""
    cap = datetime(_years()[1], 9, 30, 18, tzinfo=SHANGHAI)
    return max(at, min(later, cap))


def _at_minute(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(), SHANGHAI) + minutes * _MINUTE


def _on_days(
    first: date | None, last: date | None, minutes: SearchStrategy[int]
) -> SearchStrategy[datetime]:
    """Instants at one of ``minutes`` of a day from ``first`` to ``last`` (default: every
    covered year)."""
    low, high = _years()
    days = st.integers(
        (first or date(low, 1, 1)).toordinal(), (last or date(high, 12, 31)).toordinal()
    )
    return st.builds(_at_minute, days.map(date.fromordinal), minutes)


def _office_after(at: datetime) -> SearchStrategy[datetime]:
    """A later instant in office hours, the same day or one of the next three (one minute
    after ``at`` when that day's hours are over)."""
    return st.builds(
        lambda days, minutes: _capped(
            at, max(_at_minute(at.date() + timedelta(days=days), minutes), at + _MINUTE)
        ),
        st.integers(0, 3),
        _OFFICE,
    )


def _minutes_after(at: datetime) -> SearchStrategy[datetime]:
    """Up to an hour later, any time of day (an incident's events)."""
    return st.integers(1, 60).map(lambda minutes: at + minutes * _MINUTE)


def instants(*, first: date | None = None, last: date | None = None) -> SearchStrategy[datetime]:
    """Aware Asia/Shanghai instants to the minute, from ``first`` to ``last`` (default: the
    covered years of ``WorkCalendar.default()``)."""
    return _on_days(first, last, _ANY_TIME)


#: The holidays whose days off anchor :func:`days_near_holidays` (besides make-up workdays).
_ANCHOR_HOLIDAYS = frozenset({"春节", "国庆节"})


def _is_anchor(info: DayInfo) -> bool:
    if info.kind is DayKind.MAKEUP_WORKDAY:
        return True
    off = info.kind in (DayKind.HOLIDAY, DayKind.SWAPPED_REST)
    return off and info.name_zh in _ANCHOR_HOLIDAYS


@cache
def _near_holidays(calendar: WorkCalendar, workdays_only: bool) -> tuple[date, ...]:
    years = calendar.covered_years
    days = [
        date.fromordinal(n)
        for year in sorted(years)
        for n in range(date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal() + 1)
    ]
    anchors = [day for day in days if _is_anchor(calendar.day_kind(day))]
    near = {anchor + timedelta(days=k) for anchor in anchors for k in range(-3, 4)}
    return tuple(
        sorted(
            day
            for day in near
            if day.year in years and (not workdays_only or calendar.is_workday(day))
        )
    )


def days_near_holidays(
    calendar: WorkCalendar | None = None, *, workdays_only: bool = False
) -> SearchStrategy[date]:
    """Dates within 3 days of a Spring Festival or National Day day off or of a make-up
    workday (调休上班), in the covered years; only working days with ``workdays_only``."""
    return st.sampled_from(_near_holidays(calendar or WorkCalendar.default(), workdays_only))


# -- vocabulary for realistic records ---------------------------------------------------

#: Issuers of 公文 with the code of their 发文字号.
_ISSUERS = {
    "某市人民政府": "某政发",
    "某市人民政府办公室": "某政办发",
    "某县人民政府": "某县政发",
    "某市发展和改革委员会": "某发改",
    "某市财政局": "某财",
    "某市教育局": "某教",
    "某市生态环境局": "某环发",
}
_AGENCIES = {
    "某市人民政府": AgencyLevel.GOVERNMENT,
    "某县人民政府": AgencyLevel.GOVERNMENT,
    "某市发展和改革委员会": AgencyLevel.DEPARTMENT,
    "某市财政局": AgencyLevel.DEPARTMENT,
    "某市教育局": AgencyLevel.DEPARTMENT,
    "某市生态环境局": AgencyLevel.DEPARTMENT,
}
_TOPICS = (
    "进一步优化营商环境",
    "做好春季农业生产",
    "加强城市生活垃圾分类管理",
    "推进政务公开标准化规范化",
    "做好防汛抗旱工作",
    "规范行政执法行为",
    "促进中小企业健康发展",
    "加强安全生产工作",
    "推进老旧小区改造",
    "做好高校毕业生就业创业工作",
)
#: 文种 that carry policy (政策性文件), and the others a government writes.
_POLICY_TYPES = (DocType.NOTICE, DocType.OPINION, DocType.DECISION, DocType.PUBLIC_NOTICE)
_OTHER_TYPES = (DocType.REPORT, DocType.REQUEST, DocType.REPLY, DocType.LETTER, DocType.CIRCULAR)
_SECRECY_PERIODS = {
    SecrecyLevel.TOP_SECRET: "30年",
    SecrecyLevel.SECRET: "20年",
    SecrecyLevel.CONFIDENTIAL: "10年",
}
#: Marking wordings (公开属性 as written) of each disclosure.
_WORDINGS = {d: tuple(w for w, value in MARKINGS.items() if value is d) for d in Disclosure}
_METHODS = {
    Disclosure.PUBLIC: DisclosureMethod.PROACTIVE,
    Disclosure.PARTIAL: DisclosureMethod.PROACTIVE,
    Disclosure.ON_REQUEST: DisclosureMethod.ON_REQUEST,
}
#: Grounds for not publishing an unclassified document, with a reason as a clerk writes it.
_NOT_PUBLIC_REASONS = {
    ExemptionGround.INTERNAL_AFFAIRS: "属于人事管理、后勤管理等内部事务信息",
    ExemptionGround.PROCESS_INFO: "属于研究过程中形成的过程性信息",
    ExemptionGround.THIRD_PARTY: "涉及第三方商业秘密，公开会损害其合法权益",
}
#: Grounds that forbid disclosure outright (条例 第十四条).
_MANDATORY_GROUNDS = {
    ExemptionGround.STATE_SECRET: "经依法定密，属于国家秘密",
    ExemptionGround.LAW_PROHIBITS: "法律、行政法规禁止公开",
    ExemptionGround.SECURITY_STABILITY: "公开后可能危及社会稳定",
}
_ATTRIBUTE_FIELDS = (
    "disclosure_marking",
    "disclosure",
    "disclosure_method",
    "nondisclosure_reason",
    "nondisclosure_ground",
)
_RETURN_REASONS = ("公开属性认定理由不充分", "文字表述需进一步修改", "未附解读材料审签单")
_REVIEWER = "保密审查员 刘某"
_MEETING_TITLES = {
    MeetingKind.EXECUTIVE: "{host}第{n}次常务会议",
    MeetingKind.PLENARY: "{host}第{n}次全体会议",
    MeetingKind.SPECIAL_TOPIC: "{host}关于{topic}的专题会议",
    MeetingKind.TELECONFERENCE: "全市{topic}电视电话会议",
    MeetingKind.HEARING: "关于{topic}的听证会",
}
_OPENNESS = ("网络直播", "邀请市民代表列席", "会后公开议定事项")
_APPLICANTS = ("张某", "李某某", "王某", "某某科技有限公司", "某某律师事务所")
_ASKED_FOR = (
    "某某路拓宽工程征收补偿方案",
    "上一年度本级财政预算执行情况",
    "某小区建设工程规划许可证及附图",
    "某化工企业建设项目环境影响评价报告",
    "某镇最低生活保障对象名单及发放标准",
)
_RIGHT_AGENCIES = ("某市自然资源和规划局", "某市住房和城乡建设局", "某区人民政府")
_INCIDENTS = (
    "某小区燃气泄漏事件",
    "某路段交通事故网络舆情",
    "某学校食堂食品安全舆情",
    "某化工厂火灾事故",
    "某景区游客滞留事件",
)
_MAJOR = (IncidentLevel.EXTREMELY_MAJOR, IncidentLevel.MAJOR)
_MINOR = (IncidentLevel.LARGE, IncidentLevel.ORDINARY, IncidentLevel.MAJOR_SENSITIVE)
#: Duties an agency records (docs/events.md, 机关).
_AGENCY_EVENTS = (
    "annual_report_published",
    "head_report_heard",
    "training_held",
    "press_conference_held",
    "self_check_done",
    "inspection_held",
    "workpoints_issued",
    "open_day_held",
)
_COLUMNS = (
    "政府信息公开指南",
    "政府信息公开制度",
    "法定主动公开内容",
    "政府信息公开年报",
    "政策解读",
)
_CONTACTS = ("政府信息公开咨询电话", "监督电话", "电子邮箱", "通讯地址")
_PLATFORMS = ("微信公众号", "微博", "抖音", "今日头条")
#: 行政区划代码 the bundled packs tell agencies apart by (定远县, 滁州市, 安徽省, 衢州市, 浙江省, 陕西省,
#: 平定县, 三明市).
_DIVISIONS = ("341125", "341100", "340000", "330800", "330000", "610000", "140321", "350400")


def _sometimes() -> SearchStrategy[bool]:
    """True one time in four (shrinks to False)."""
    return st.integers(0, 3).map(lambda n: n == 3)


def _ids(prefix: str) -> SearchStrategy[str]:
    return st.integers(1, 999_999).map(lambda n: f"{prefix}-{n:06d}")


# -- records as a workflow starts them ---------------------------------------------------


@st.composite
def _document_start(
    draw: st.DrawFn, *, policy: bool | None = None, classified: bool | None = None
) -> Document:
    """A draft: who writes what, its secrecy and policy nature; no attribute, no history.
    ``policy=True`` gives a policy document that must be interpreted."""
    issuer = draw(st.sampled_from(sorted(_ISSUERS)))
    is_policy = draw(st.booleans()) if policy is None else policy
    doc_type = draw(st.sampled_from(_POLICY_TYPES if is_policy else _OTHER_TYPES))
    secret = draw(_sometimes()) if classified is None else classified
    level = draw(st.sampled_from(SecrecyLevel)) if secret else None
    interpretation: Interpretation | None = None
    needs: bool | None = None
    if is_policy:
        needs = draw(st.sampled_from((None, True) if policy else (None, True, False)))
        interpretation = Interpretation(
            plan=needs is not False,
            materials=needs is not False,
            approved_by=f"{issuer}主要负责人" if needs is not False else None,
            not_needed_reason="属于工作部署类文件，不涉及公众切身利益" if needs is False else None,
        )
    return Document(
        id=draw(_ids("gw")),
        title=f"{issuer}关于{draw(st.sampled_from(_TOPICS))}的{doc_type.value}",
        doc_type=doc_type,
        issuer=issuer,
        drafting_dept=issuer,
        secrecy_level=level,
        secrecy_period=_SECRECY_PERIODS[level] if level else None,
        is_policy=is_policy,
        is_normative=is_policy and draw(st.booleans()),
        is_major_policy=is_policy and draw(_sometimes()),
        needs_interpretation=needs,
        interpretation=interpretation,
    )


@st.composite
def _meeting_start(draw: st.DrawFn) -> Meeting:
    kind = draw(st.sampled_from(tuple(_MEETING_TITLES)))
    title = _MEETING_TITLES[kind].format(
        host=draw(st.sampled_from(("某市人民政府", "某县人民政府"))),
        n=draw(st.integers(1, 60)),
        topic=draw(st.sampled_from(_TOPICS)),
    )
    return Meeting(
        id=draw(_ids("hy")),
        title=title,
        meeting_kind=kind,
        major_livelihood=draw(st.booleans()),
        major_decision=draw(st.booleans()),
        involves_secrets=draw(_sometimes()),
        public_interest=draw(st.booleans()),
        consulted_before=draw(st.booleans()),
    )


@st.composite
def _request_start(draw: st.DrawFn) -> DisclosureRequest:
    return DisclosureRequest(
        id=draw(_ids("ysq")),
        applicant=draw(st.sampled_from(_APPLICANTS)),
        channel=draw(st.sampled_from(Channel)),
        content=f"申请公开{draw(st.sampled_from(_ASKED_FOR))}",
        third_party_involved=draw(st.booleans()),
    )


@st.composite
def _incident_start(
    draw: st.DrawFn, *, emergency: bool | None = None, opinion: bool | None = None
) -> Incident:
    """An incident detected: an emergency (突发事件), public opinion (舆情) or both."""
    is_emergency = draw(st.booleans()) if emergency is None else emergency
    if opinion is None:
        opinion = not is_emergency or draw(st.booleans())
    return Incident(
        id=draw(_ids("yq")),
        title=draw(st.sampled_from(_INCIDENTS)),
        is_emergency=is_emergency,
        is_public_opinion=opinion,
        determined_by_party_gov=draw(_sometimes()),
    )


_STARTS: dict[str, Callable[[], SearchStrategy[Any]]] = {
    "document": _document_start,
    "meeting": _meeting_start,
    "request": _request_start,
    "incident": _incident_start,
}


def starts(workflow: type[Workflow[R]]) -> SearchStrategy[R]:
    """Records as they enter ``workflow``: descriptive fields drawn, history empty."""
    return _STARTS[workflow.definition.name]()


# -- moves: events with the fields that carry them through the guards --------------------

_Move = SearchStrategy[tuple[Fired, ...]]


def _alone(event: str, at: datetime, update: Mapping[str, Any]) -> tuple[Fired, ...]:
    return (Fired(event, at, update),)


def _with(event: str, at: datetime, updates: SearchStrategy[dict[str, Any]]) -> _Move:
    return updates.map(lambda update: _alone(event, at, update))


def _attribute(
    doc: Document, allowed: Sequence[Disclosure] = tuple(Disclosure)
) -> SearchStrategy[dict[str, Any]]:
    """公开属性认定: the marking as written, its normalised value, method and reasons; a
    classified document is always 不公开 on the ground of 国家秘密."""

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        disclosure = Disclosure.NOT_PUBLIC if doc.secrecy_level else draw(st.sampled_from(allowed))
        marking = f"（{draw(st.sampled_from(_WORDINGS[disclosure]))}）"
        ground: ExemptionGround | None = None
        if doc.secrecy_level:
            ground = ExemptionGround.STATE_SECRET
        elif disclosure is Disclosure.NOT_PUBLIC:
            ground = draw(st.sampled_from(sorted(_NOT_PUBLIC_REASONS)))
        reasons = {**_NOT_PUBLIC_REASONS, **_MANDATORY_GROUNDS}
        return {
            "disclosure_marking": marking,
            "disclosure": normalise_marking(marking),
            "disclosure_method": _METHODS.get(disclosure),
            "nondisclosure_reason": reasons[ground] if ground else None,
            "nondisclosure_ground": ground,
        }

    return build()


@st.composite
def _signature(draw: st.DrawFn, doc: Document, at: datetime) -> tuple[Fired, ...]:
    """签发: the 成文日期, and a 发文字号 of the year of signature when the issuer is known."""
    update: dict[str, Any] = {"issue_date": at.date()}
    code = _ISSUERS.get(doc.issuer or "")
    if code:
        number = f"{code}〔{at.year}〕{draw(st.integers(1, 200))}号"
        update |= {"doc_number": number, "doc_number_parts": None}
    return _alone("sign", at, update)


def _review(at: datetime, result: ReviewResult) -> Fired:
    review = {"reviewer": _REVIEWER, "result": result, "at": at}
    return Fired("secrecy_review", at, {"secrecy_review": review}, {"result": result.value})


def _interpreted(doc: Document) -> bool:
    """Whether a policy document must publish its interpretation with it (三同步)."""
    return doc.is_policy and doc.needs_interpretation is not False


def _document_move(doc: Document, event: str, at: datetime) -> _Move:
    if event == "set_attribute":
        return _with(event, at, _attribute(doc))
    if event == "sign":
        return _signature(doc, at)
    if event == "secrecy_review":
        results = st.sampled_from((ReviewResult.PASSED, ReviewResult.PASSED, ReviewResult.FAILED))
        return results.map(lambda result: (_review(at, result),))
    if event == "return":
        return st.sampled_from(_RETURN_REASONS).map(
            lambda reason: (Fired(event, at, data={"reason": reason}),)
        )
    if event == "publish" and _interpreted(doc):
        return st.just((Fired("release_interpretation", at), Fired(event, at)))
    return st.just((Fired(event, at),))


def _meeting_move(meeting: Meeting, event: str, at: datetime) -> _Move:
    if event != "draft_plan":
        return st.just((Fired(event, at),))
    manners = ("不公开（涉及国家秘密）",) if meeting.involves_secrets else _OPENNESS
    return _with(
        event,
        at,
        st.sampled_from(manners).map(
            lambda manner: {
                "plan": {
                    "states_attendance": True,
                    "states_openness": True,
                    "openness_manner": manner,
                    "feedback_note_attached": meeting.consulted_before,
                }
            }
        ),
    )


#: 条例 第三十三条 (2019: 20 working days) and 第二十四条 (2007: 15), and the extension each
#: allows, by the day the 2019 text took effect.
_TEXT_2019 = date(2019, 5, 15)


def _under_2019_text(request: DisclosureRequest) -> bool:
    """Whether the request is handled under the 2019 text, read as the rules read it: by the
    receipt (``receive``, or the channel's event, 条例 第三十一条); before any receipt, by its
    first event (a request with no event yet would be)."""
    received = request.first("receive")
    if received is None and request.channel is not None:
        received = request.first(RECEIPT_EVENTS[request.channel])
    if received is None and request.history:
        received = request.history[0]
    return received is None or received.at.date() >= _TEXT_2019


def _allowance(request: DisclosureRequest) -> int:
    """Working days of the reply period, and at most of its extension: 20, or 15 (2007)."""
    return 20 if _under_2019_text(request) else 15


def _replies(types: Sequence[ReplyType]) -> SearchStrategy[dict[str, Any]]:
    """A reply type with what 第三十六条 (and 第三十九条) requires beside it."""

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        reply = draw(st.sampled_from(types))
        update: dict[str, Any] = {"reply_type": reply}
        if reply is ReplyType.DISCLOSED:
            update["partial"] = draw(st.booleans())
        elif reply is ReplyType.ALREADY_PUBLIC:
            update["reply_location"] = "某市人民政府门户网站“政府信息公开”专栏"
        elif reply is ReplyType.WITHHELD:
            ground = draw(st.sampled_from(sorted(_NOT_PUBLIC_REASONS)))
            update |= {"withhold_ground": ground, "withhold_reason": _NOT_PUBLIC_REASONS[ground]}
        elif reply is ReplyType.NOT_OURS:
            update["right_agency"] = draw(st.sampled_from(_RIGHT_AGENCIES))
        elif reply is ReplyType.NOT_A_REQUEST:  # 第三十九条: only for a 信访、投诉、举报
            update["is_petition"] = True
        return update

    return build()


#: Reply types of a request that was answered (not abandoned).
_ANSWERS = tuple(t for t in ReplyType if t is not ReplyType.ABANDONED)


def _request_move(request: DisclosureRequest, event: str, at: datetime) -> _Move:
    if event == "receive":
        return st.just(_alone(event, at, {"received_on": at.date()}))
    if event == "request_correction":
        items = {"items": "请补正所需政府信息的名称、文号或者便于查询的其他特征性描述"}
        return st.just((Fired(event, at, data=items),))
    if event == "extend":
        return st.integers(1, _allowance(request)).map(
            lambda days: (
                Fired(
                    event,
                    at,
                    data={
                        "by": f"{days}个工作日",
                        "approver": "政府信息公开工作机构负责人 王某",
                        "notice": "已书面告知申请人延长答复期限的理由",
                    },
                ),
            )
        )
    if event == "reply":
        return _with(event, at, _replies(_ANSWERS))
    if event == "abandon":
        return st.just(_alone(event, at, {"reply_type": ReplyType.ABANDONED}))
    return st.just((Fired(event, at),))


def _incident_move(incident: Incident, event: str, at: datetime) -> _Move:
    if event != "assess":
        return st.just((Fired(event, at),))
    levels = st.sampled_from((*_MAJOR, *_MINOR) if incident.is_emergency else _MINOR)
    return _with(event, at, levels.map(lambda level: {"level": level}))


_MOVES: dict[str, Callable[[Any, str, datetime], _Move]] = {
    "document": _document_move,
    "meeting": _meeting_move,
    "request": _request_move,
    "incident": _incident_move,
}


def _trial(workflow: Workflow[R], fired: Sequence[Fired]) -> bool:
    """Whether ``fired`` would all be allowed, tried on a copy of ``workflow``."""
    copy = type(workflow)(workflow.record, pack=workflow.pack, state=workflow.state.name)
    return all(step.fire(copy) for step in fired)


def _fresh(workflow: Workflow[Any], events: Sequence[str]) -> list[str]:
    """The ``events`` that may lead to a state the record's history has not been in."""
    definition = workflow.definition
    states = frozenset({definition.initial.name})
    seen = set(states)
    for event in workflow.record.history:
        states = frozenset(
            c.step.dest or state
            for state in states
            for c in definition.candidates(event.name, state)
        )
        seen |= states
    here = workflow.state.name
    return [
        event
        for event in events
        if any(c.step.dest not in (None, *seen) for c in definition.candidates(event, here))
    ]


@st.composite
def next_move(draw: st.DrawFn, workflow: Workflow[Any], at: datetime) -> tuple[Fired, ...]:
    """An event ``workflow`` allows at ``at``, as the fires that carry it through the pack's
    guards (fields consistent with the record; a policy document's interpretation released
    at the instant it is published); ``()`` when no event is allowed. Three times in four
    the event leads to a state the record has not been in, so walks reach the end."""
    events = workflow.available()
    fresh = _fresh(workflow, events)
    while events:
        forward = bool(fresh) and draw(st.integers(0, 3)) < 3
        event = draw(st.sampled_from(fresh if forward else events))
        fired = draw(_MOVES[workflow.definition.name](workflow.record, event, at))
        if _trial(workflow, fired):
            return fired
        events.remove(event)
        if event in fresh:
            fresh.remove(event)
    return ()


def _drive(workflow: Workflow[R], steps: Sequence[Fired]) -> R:
    """The record after firing ``steps``, each of which must be allowed."""
    for step in steps:
        decision = step.fire(workflow)
        if not decision:
            refused = decision.reason or ", ".join(f.rule_id for f in decision.blocking)
            raise AssertionError(f"gongkai.testing built a refused step {step.event}: {refused}")
    return workflow.record


@st.composite
def _walk(
    draw: st.DrawFn,
    workflow: type[Workflow[R]],
    start: SearchStrategy[R],
    pack: Pack,
    max_steps: int,
) -> History[R]:
    first = draw(start)
    live = workflow(first, pack=pack)
    now = draw(_start_instants())
    steps: list[Fired] = []
    # sampled_from draws lengths about evenly; integers() would give 0 a third of the time
    for _ in range(draw(st.sampled_from(range(max_steps + 1)))):
        fired = draw(next_move(live, now))
        if not fired:
            break
        _drive(live, fired)
        steps.extend(fired)
        now = draw(_office_after(now))
    return History(first, tuple(steps), live.record, live.state.name)


def histories(
    workflow: type[Workflow[R]],
    *,
    pack: Pack | str = "national",
    start: SearchStrategy[R] | None = None,
    max_steps: int = 12,
) -> SearchStrategy[History[R]]:
    """Walks of up to ``max_steps`` moves through ``workflow`` (e.g. ``DocumentWorkflow``)
    from a record of ``start`` (default :func:`starts`), instants increasing by up to three
    days, every fire allowed by ``pack``."""
    loaded = load_pack(pack) if isinstance(pack, str) else pack
    return _walk(workflow, start if start is not None else starts(workflow), loaded, max_steps)


def _records(workflow: type[Workflow[R]]) -> SearchStrategy[R]:
    return histories(workflow).map(lambda history: history.record)


def documents() -> SearchStrategy[Document]:
    """Valid 公文 records with a history walked through ``DocumentWorkflow``."""
    return _records(DocumentWorkflow)


def meetings() -> SearchStrategy[Meeting]:
    """Valid meeting records with a history walked through ``MeetingWorkflow``."""
    return _records(MeetingWorkflow)


def requests() -> SearchStrategy[DisclosureRequest]:
    """Valid 依申请公开 records with a history walked through ``RequestWorkflow``."""
    return _records(RequestWorkflow)


def incidents() -> SearchStrategy[Incident]:
    """Valid 政务舆情 records with a history walked through ``IncidentWorkflow``."""
    return _records(IncidentWorkflow)


@st.composite
def agencies(draw: st.DrawFn) -> Agency:
    """Valid agency records whose history records duties done over one or two years."""
    name = draw(st.sampled_from(sorted(_AGENCIES)))
    low, high = _years()
    year = draw(st.integers(low, high))
    span = instants(first=date(year, 1, 1), last=date(min(year + 1, high), 12, 31))
    moments = draw(st.lists(span, max_size=8))
    history = []
    for at in sorted(moments):
        event = draw(st.sampled_from(_AGENCY_EVENTS))
        data = {"year": at.year - 1} if event == "annual_report_published" else {}
        history.append(Event.model_validate({"name": event, "at": at, **data}))
    counts = st.one_of(st.none(), st.integers(0, 200))
    return Agency(
        id=draw(_ids("jg")),
        name=name,
        level=_AGENCIES[name],
        division_code=draw(st.one_of(st.none(), st.sampled_from(_DIVISIONS))),
        is_general_office=_AGENCIES[name] is AgencyLevel.GOVERNMENT and draw(st.booleans()),
        is_key_department=_AGENCIES[name] is AgencyLevel.DEPARTMENT and draw(st.booleans()),
        assessment_weight_percent=draw(st.one_of(st.none(), st.sampled_from((3.0, 4.0, 5.0)))),
        since=draw(st.sampled_from((None, date(year, 1, 1)))),
        lead_official=draw(st.sampled_from((None, "副市长 张某", "办公室主任 赵某"))),
        website_columns=draw(st.lists(st.sampled_from(_COLUMNS), unique=True)),
        published_contacts=draw(st.lists(st.sampled_from(_CONTACTS), unique=True)),
        new_media_platforms=draw(st.lists(st.sampled_from(_PLATFORMS), unique=True)),
        nonpublic_documents=draw(counts),
        nonpublic_documents_previous_year=draw(counts),
        history=history,
    )


_MESSAGES = ("建议在老旧小区加装电梯", "咨询公租房申请条件", "反映某路段夜间施工扰民")


@st.composite
def messages(draw: st.DrawFn) -> Message:
    """Valid public messages: received, then maybe extended, and answered or explained."""
    received = draw(_start_instants())
    history = [Event(name="receive", at=received)]
    kind = draw(st.sampled_from(list(MessageKind)))
    complex_ = kind is MessageKind.SUGGESTION and draw(_sometimes())
    at = received
    if complex_ and draw(_sometimes()):
        at = draw(_office_after(at))
        history.append(Event.model_validate({"name": "extend", "at": at, "approver": "主任 赵某"}))
    if draw(st.booleans()):
        at = draw(_office_after(at))
        answer = draw(st.sampled_from(("reply", "explain")))
        history.append(Event(name=answer, at=at))
    return Message(
        id=draw(_ids("ly")),
        message_kind=kind,
        channel=draw(st.sampled_from(list(MessageChannel))),
        is_valuable=draw(st.sampled_from((None, True, False))),
        is_complex=complex_,
        summary=draw(st.sampled_from(_MESSAGES)),
        history=history,
    )


# -- records that break a rule ------------------------------------------------------------

_Fix = Callable[[Any, datetime], _Move]


@st.composite
def _through(
    draw: st.DrawFn,
    workflow: type[Workflow[R]],
    start: SearchStrategy[R],
    path: Sequence[str],
    *,
    fixed: Mapping[str, _Fix] | None = None,
    since: date | None = None,
    until: date | None = None,
    office: bool = True,
) -> R:
    """A record of ``start`` driven along ``path`` (the first event between ``since`` and
    ``until``; in office hours, or with ``office=False`` at any time and the next events
    minutes apart); ``fixed`` chooses the fields of some events, the moves those of the
    others."""
    live = workflow(draw(start))
    at = draw(_on_days(since, until or _last_start(), _OFFICE if office else _ANY_TIME))
    after = _office_after if office else _minutes_after
    for event in path:
        fix = (fixed or {}).get(event)
        move = fix(live.record, at) if fix else _MOVES[live.definition.name](live.record, event, at)
        _drive(live, draw(move))
        at = draw(after(at))
    return live.record


def _changed(record: R, **changes: Any) -> R:
    """``record`` with ``changes``, validated anew."""
    return type(record).model_validate({**record.model_dump(), **changes})


def _without(record: Record, event: str) -> list[Event]:
    return [e for e in record.history if e.name != event]


def _minutes_later(at: datetime, draw: st.DrawFn) -> datetime:
    """A drawn instant from one minute to ten days after ``at``."""
    return at + timedelta(minutes=draw(st.integers(1, 10 * 24 * 60)))


def _attributed(*allowed: Disclosure) -> _Fix:
    return lambda doc, at: _with("set_attribute", at, _attribute(doc, allowed))


_RELEASED = (Disclosure.PUBLIC, Disclosure.PARTIAL, Disclosure.ON_REQUEST)


def _submitted(*allowed: Disclosure, policy: bool | None = None) -> SearchStrategy[Document]:
    """An unclassified draft attributed one of ``allowed`` and submitted."""
    return _through(
        DocumentWorkflow,
        _document_start(policy=policy, classified=False),
        ("draft", "set_attribute", "submit"),
        fixed={"set_attribute": _attributed(*allowed)},
    )


def _published(*, policy: bool | None = None) -> SearchStrategy[Document]:
    """A public document driven to publication: review passed, interpretation synchronous."""
    return _through(
        DocumentWorkflow,
        _document_start(policy=policy, classified=False),
        ("set_attribute", "submit", "review", "sign", "issue", "secrecy_review", "publish"),
        fixed={
            "set_attribute": _attributed(Disclosure.PUBLIC, Disclosure.PARTIAL),
            "secrecy_review": lambda doc, at: st.just((_review(at, ReviewResult.PASSED),)),
        },
    )


def _cleared(base: SearchStrategy[R], *choices: tuple[str, ...]) -> SearchStrategy[R]:
    """Records of ``base`` with one of ``choices`` of fields set to None."""
    return st.tuples(base, st.sampled_from(choices)).map(
        lambda pair: _changed(pair[0], **dict.fromkeys(pair[1]))
    )


def _unattributed(doc: Document) -> Document:
    """Submitted without the attribute ever being set."""
    fields = dict.fromkeys(_ATTRIBUTE_FIELDS)
    return _changed(doc, history=_without(doc, "set_attribute"), **fields)


@st.composite
def _without_bundle(draw: st.DrawFn) -> Document:
    """A policy document submitted without its interpretation, or with a part missing."""
    doc = draw(_submitted(*Disclosure, policy=True))
    missing = draw(st.sampled_from(("interpretation", "plan", "materials", "approved_by")))
    if missing == "interpretation" or doc.interpretation is None:
        return _changed(doc, interpretation=None)
    part = None if missing == "approved_by" else False
    return _changed(doc, interpretation=doc.interpretation.model_copy(update={missing: part}))


@st.composite
def _unreviewed(draw: st.DrawFn) -> Document:
    """Published with no review, a failed one, or one done only after publication."""
    doc = draw(_published())
    others = _without(doc, "secrecy_review")
    how = draw(st.sampled_from(("missing", "failed", "after")))
    if how == "missing" or doc.secrecy_review is None:
        return _changed(doc, secrecy_review=None, history=others)
    if how == "failed":
        failed = ReviewResult.FAILED
        history = [
            e.model_copy(update={"result": failed.value}) if e.name == "secrecy_review" else e
            for e in doc.history
        ]
        review = doc.secrecy_review.model_copy(update={"result": failed})
        return _changed(doc, secrecy_review=review, history=history)
    at = _minutes_later(others[-1].at, draw)
    passed = ReviewResult.PASSED
    review = SecrecyReview(reviewer=_REVIEWER, result=passed, at=at)
    event = Event.model_validate({"name": "secrecy_review", "at": at, "result": passed.value})
    return _changed(doc, secrecy_review=review, history=[*others, event])


@st.composite
def _unsynchronised(draw: st.DrawFn) -> Document:
    """A policy document whose interpretation was released before the document itself (同步
    leaves later releases to the pack's tolerance, an open parameter)."""
    doc = draw(_published(policy=True))
    others = _without(doc, "release_interpretation")
    publish = next(i for i, e in enumerate(others) if e.name == "publish")
    early = Event(name="release_interpretation", at=others[publish].at - timedelta(minutes=1))
    return _changed(doc, history=[*others[:publish], early, *others[publish:]])


@st.composite
def _classified_released(draw: st.DrawFn) -> Document:
    """A document attributed for release, then found classified."""
    doc = draw(_submitted(*_RELEASED))
    level = draw(st.sampled_from(SecrecyLevel))
    return _changed(doc, secrecy_level=level, secrecy_period=_SECRECY_PERIODS[level])


@st.composite
def _exempt_released(draw: st.DrawFn) -> Document:
    """A document attributed for release in full though a ground of 第十四条 applies
    (删减后公开 removes the exempt parts and is allowed)."""
    doc = draw(_submitted(Disclosure.PUBLIC, Disclosure.ON_REQUEST))
    ground = draw(st.sampled_from(sorted(_MANDATORY_GROUNDS)))
    reason = _MANDATORY_GROUNDS[ground]
    return _changed(doc, nondisclosure_ground=ground, nondisclosure_reason=reason)


@st.composite
def _delayed(draw: st.DrawFn, base: SearchStrategy[R], pack: Pack, rule_id: str, event: str) -> R:
    """A record of ``base`` whose ``event``, and all from its instant on, come past the due
    instant of the deadline ``rule_id``."""
    record = draw(base)
    stop = record.last(event)
    assert stop is not None
    finding = pack.check(record, stop.at).finding(rule_id)
    assert finding is not None and finding.due_at is not None
    late = _minutes_later(max(finding.due_at, stop.at), draw)
    shift = late - stop.at
    history = [
        e if e.at < stop.at else e.model_copy(update={"at": e.at + shift}) for e in record.history
    ]
    return _changed(record, history=history)


_Breaker = Callable[[Pack, str], SearchStrategy[Any]]


def _plain(build: Callable[[], SearchStrategy[Any]]) -> _Breaker:
    """A breaker that needs neither the pack nor the rule."""
    return lambda pack, rule_id: build()


def _late(base: Callable[[], SearchStrategy[Any]], event: str) -> _Breaker:
    """A breaker of a deadline: ``event`` of a record of ``base`` moved past the due instant."""
    return lambda pack, rule_id: _delayed(base(), pack, rule_id, event)


def _requests(
    *path: str,
    since: date = _TEXT_2019,
    until: date | None = None,
    replies: Sequence[ReplyType] = _ANSWERS,
) -> SearchStrategy[DisclosureRequest]:
    """A request driven along ``path`` (starting with ``receive``, between the dates)."""
    return _through(
        RequestWorkflow,
        _request_start(),
        path,
        fixed={"reply": lambda request, at: _with("reply", at, _replies(replies))},
        since=since,
        until=until,
    )


def _replied(*replies: ReplyType) -> SearchStrategy[DisclosureRequest]:
    return _requests("receive", "register", "reply", replies=replies)


def _in_time(since: date, until: date | None = None) -> Callable[[], SearchStrategy[Any]]:
    """Requests received between the dates, maybe extended, replied a few days later."""
    return lambda: st.one_of(
        _requests("receive", "register", "reply", since=since, until=until),
        _requests("receive", "register", "extend", "reply", since=since, until=until),
    )


@st.composite
def _corrected_twice(draw: st.DrawFn) -> DisclosureRequest:
    """A corrected request whose applicant is asked for a correction a second time."""
    request = draw(_requests("receive", "request_correction", "receive_correction"))
    again = Event(name="request_correction", at=_minutes_later(request.history[-1].at, draw))
    return _changed(request, history=[*request.history, again])


_CONSULTED = ("receive", "register", "consult_third_party", "third_party_received",
              "third_party_replied")  # fmt: skip


@st.composite
def _unapproved(draw: st.DrawFn) -> DisclosureRequest:
    """An extended request whose extension records no approver, or no notice."""
    request = draw(_requests("receive", "register", "extend"))
    missing = draw(st.sampled_from(("approver", "notice")))
    history = [
        Event.model_validate({**e.model_dump(), missing: ""}) if e.name == "extend" else e
        for e in request.history
    ]
    return _changed(request, history=history)


def _incidents(
    path: Sequence[str], levels: Sequence[IncidentLevel], *, emergency: bool | None
) -> Callable[[], SearchStrategy[Any]]:
    """Incidents of public opinion assessed at one of ``levels``, their events minutes apart."""
    assess = st.sampled_from(levels).map(lambda level: {"level": level})
    return lambda: _through(
        IncidentWorkflow,
        _incident_start(emergency=emergency, opinion=True),
        path,
        fixed={"assess": lambda incident, at: _with("assess", at, assess)},
        office=False,
    )


_BREAKERS: dict[str, _Breaker] = {
    "national.document.attribute_required": _plain(
        lambda: _submitted(*Disclosure).map(_unattributed)
    ),
    "national.document.nonpublic_reason": _plain(
        lambda: _cleared(
            _submitted(Disclosure.NOT_PUBLIC),
            ("nondisclosure_reason",),
            ("nondisclosure_ground",),
            ("nondisclosure_reason", "nondisclosure_ground"),
        )
    ),
    "national.document.mandatory_exempt": _plain(_exempt_released),
    "national.document.classified_not_public": _plain(_classified_released),
    "national.document.secrecy_review": _plain(_unreviewed),
    "national.document.proactive_20wd": _late(_published, "publish"),
    "national.document.interpretation_bundle": _plain(_without_bundle),
    "national.document.interpretation_sync": _plain(_unsynchronised),
    "national.request.reply_20wd": _late(_in_time(_TEXT_2019), "reply"),
    "national.request.reply_15wd_2007": _late(
        _in_time(date(2008, 5, 1), _TEXT_2019 - timedelta(days=1)), "reply"
    ),
    "national.request.correction_notice_7wd": _late(
        lambda: _requests("receive", "register", "request_correction"), "request_correction"
    ),
    "national.request.correction_once": _plain(_corrected_twice),
    "national.request.third_party_15wd": _late(
        lambda: _requests(*_CONSULTED),
        "third_party_replied",
    ),
    "national.request.extension_approved": _plain(_unapproved),
    "national.request.reply_type": _plain(
        lambda: _cleared(
            _replied(*_ANSWERS),
            ("reply_type", "reply_location", "withhold_ground", "withhold_reason", "right_agency"),
        )
    ),
    "national.request.withhold_reason": _plain(
        lambda: _cleared(
            _replied(ReplyType.WITHHELD),
            ("withhold_ground",),
            ("withhold_reason",),
            ("withhold_ground", "withhold_reason"),
        )
    ),
    "national.request.already_public_where": _plain(
        lambda: _cleared(_replied(ReplyType.ALREADY_PUBLIC), ("reply_location",))
    ),
    "national.request.not_ours_names_agency": _plain(
        lambda: _cleared(_replied(ReplyType.NOT_OURS), ("right_agency",))
    ),
    "national.request.petition": _plain(
        lambda: _replied(ReplyType.NOT_A_REQUEST).map(lambda r: _changed(r, is_petition=False))
    ),
    "national.incident.authoritative_info_5h": _late(
        _incidents(("detect", "assess", "release_information"), _MAJOR, emergency=True),
        "release_information",
    ),
    "national.incident.press_conference_24h": _late(
        _incidents(
            ("detect", "assess", "release_information", "hold_press_conference"),
            _MAJOR,
            emergency=True,
        ),
        "hold_press_conference",
    ),
    "national.incident.other_response_48h": _late(
        _incidents(("detect", "assess", "respond"), _MINOR, emergency=None), "respond"
    ),
}

#: The rule ids :func:`breaking` supports.
BREAKABLE_RULES: tuple[str, ...] = tuple(sorted(_BREAKERS))


def breaking(rule_id: str, pack: Pack | str = "national") -> SearchStrategy[Record]:
    """Valid records that violate ``rule_id``: ``pack.check(record, as_of)`` finds it violated
    (a deadline: stopped late) as of the record's last event and any instant after.

    Each is a realistic record driven through its workflow, then changed in what the rule
    is about (an attribute removed, a review failed, a reply moved past its due instant …).
    GongkaiError when the rule is not one of :data:`BREAKABLE_RULES` or not in ``pack``.
    """
    loaded = load_pack(pack) if isinstance(pack, str) else pack
    build = _BREAKERS.get(rule_id)
    if build is None:
        supported = ", ".join(BREAKABLE_RULES)
        raise GongkaiError(
            f"没有生成违反规则 {rule_id} 的记录的策略；支持的规则：{supported}",
            f"no strategy breaks rule {rule_id}; supported rules: {supported}",
        )
    if not loaded.has_rule(rule_id):
        raise GongkaiError(
            f"规则包 {loaded.name} 中没有规则 {rule_id}（已被覆盖或停用）",
            f"pack {loaded.name} has no rule {rule_id} (overridden or disabled)",
        )
    return build(loaded, rule_id)


__all__ = [
    "BREAKABLE_RULES",
    "Fired",
    "History",
    "agencies",
    "breaking",
    "days_near_holidays",
    "documents",
    "histories",
    "incidents",
    "instants",
    "meetings",
    "messages",
    "next_move",
    "requests",
    "starts",
]
