"""The 依申请公开 workflow (《政府信息公开条例》2019 第二十九条至第三十七条).

The order follows the handling procedure the seed policies describe (平定):
登记 → 受理 → 补正 → 征求意见 → 提出办理意见 → 作出决定 → 报批 → 送达.
The internal steps 提出办理意见, 作出决定 and 报批 leave no event of their own:
their outcome is the ``reply`` (作出答复并送达), which carries the reply type.

* ``submit`` (申请人提交) and ``receive`` (收到申请之日, 第三十一条) start the
  request; ``receive`` starts the reply clock (第三十三条: 20 working days; 15
  under the 2007 text, for requests received before 2019-05-15). Instead of
  ``receive``, ``sign_receipt`` (a signed-for letter) or ``confirm_receipt``
  (平常信函, 网络, 传真) may be recorded: with the record's ``channel`` they give
  the receipt day (docs/events.md).
* ``register`` (登记受理).
* ``request_correction`` (一次性告知补正, 第三十条) pauses the clock and may be
  given only once (rule ``national.request.correction_once`` blocks a second);
  ``receive_correction`` restarts the clock from zero; ``abandon`` closes a
  request whose applicant did not correct it in time (视为放弃申请).
* ``consult_third_party`` / ``third_party_replied`` (第三十二条) and
  ``consult_co_producer`` / ``co_producer_replied`` (第三十四条) pause and
  resume the clock; the two consultations are held one after the other.
  ``*_received`` records the consulted party's receipt; 15 working days after
  it, silence ends the pause and the agency may reply from the consulting state.
* ``extend`` (第三十三条第二款) keeps the state; it is guarded by the reply
  deadline rules and ``national.request.extension_approved``, so an extension
  without approver or notice, longer than the rule allows, a second extension,
  or one after the period has run out is blocked.
* ``reply`` (第三十六条, the reply made) is guarded by every rule with
  ``blocks = ["reply"]``: a reply type is required, a refusal needs its ground
  and reason, an "already public" reply says where. ``serve`` (送达) records
  when it reached the applicant; the reply clocks are judged at it.
* ``archive`` (归档) ends the life of a replied or abandoned request.
"""

from __future__ import annotations

from enum import Enum

from gongkai.models import DisclosureRequest
from gongkai.workflows.base import Step, Workflow, WorkflowMachine


class RequestState(str, Enum):
    """Where a disclosure request stands."""

    NEW = "新建"
    SUBMITTED = "已提交"
    RECEIVED = "已收到"
    REGISTERED = "已登记"
    CORRECTION_REQUESTED = "待补正"
    CORRECTED = "已补正"
    CONSULTING_THIRD_PARTY = "征求第三方意见中"
    CONSULTING_CO_PRODUCER = "征求共同制作机关意见中"
    CONSULTED = "已征求意见"
    REPLIED = "已答复"
    ABANDONED = "视为放弃申请"
    ARCHIVED = "已归档"


#: States in which the request is being handled and the reply clock runs.
_HANDLING = ("RECEIVED", "REGISTERED", "CORRECTED", "CONSULTED")
#: States in which a consultation pauses the reply clock.
_CONSULTING = ("CONSULTING_THIRD_PARTY", "CONSULTING_CO_PRODUCER")
#: The reply deadline rules of the national pack (2019 text and 2007 text).
REPLY_DEADLINES = ("national.request.reply_20wd", "national.request.reply_15wd_2007")

STEPS = (
    Step("submit", ("NEW",), "SUBMITTED", zh="申请人提交申请"),
    Step("receive", ("NEW", "SUBMITTED"), "RECEIVED", zh="收到申请"),
    Step("sign_receipt", ("SUBMITTED",), "RECEIVED", zh="签收邮寄的申请（第三十一条（二））"),
    Step("confirm_receipt", ("SUBMITTED",), "RECEIVED", zh="与申请人确认收到申请（第三十一条）"),
    Step("register", ("RECEIVED",), "REGISTERED", zh="登记"),
    Step(
        "request_correction",
        _HANDLING,
        "CORRECTION_REQUESTED",
        guards=("national.request.correction_once",),
        zh="一次性告知补正",
    ),
    Step("receive_correction", ("CORRECTION_REQUESTED",), "CORRECTED", zh="收到补正后的申请"),
    Step("abandon", ("CORRECTION_REQUESTED",), "ABANDONED", zh="视为放弃申请"),
    Step("consult_third_party", _HANDLING, "CONSULTING_THIRD_PARTY", zh="书面征求第三方意见"),
    Step("third_party_received", ("CONSULTING_THIRD_PARTY",), None, zh="第三方收到征求意见书"),
    Step("third_party_replied", ("CONSULTING_THIRD_PARTY",), "CONSULTED", zh="第三方提出意见"),
    Step("consult_co_producer", _HANDLING, "CONSULTING_CO_PRODUCER", zh="征求共同制作机关意见"),
    Step(
        "co_producer_received", ("CONSULTING_CO_PRODUCER",), None, zh="被征求意见机关收到征求意见书"
    ),
    Step("co_producer_replied", ("CONSULTING_CO_PRODUCER",), "CONSULTED", zh="共同制作机关答复"),
    Step("extend", (*_HANDLING, *_CONSULTING), None, guards=REPLY_DEADLINES, zh="延长答复期限"),
    Step("reply", (*_HANDLING, *_CONSULTING), "REPLIED", zh="作出答复"),
    Step("serve", ("REPLIED",), None, zh="送达答复（签收之日或交邮之日）"),
    Step("archive", ("REPLIED", "ABANDONED"), "ARCHIVED", zh="归档"),
)

REQUEST_MACHINE = WorkflowMachine(
    "request",
    DisclosureRequest,
    RequestState,
    RequestState.NEW,
    STEPS,
    final=(RequestState.ARCHIVED,),
)


class RequestWorkflow(Workflow[DisclosureRequest]):
    """A disclosure request driven from receipt to reply; see the module docstring.

    ``fire("reply", at, update={"reply_type": "予以公开"})`` sets the reply type
    with the reply; ``fire("extend", at, by="20个工作日", approver=…, notice=…)``
    records an extension.
    """

    __slots__ = ()
    definition = REQUEST_MACHINE
