"""The official paper forms as plain records, ready to print.

Every string here is already what the form should show (names, positions, platform names,
the audit line); dates are plain dates and the print time is timezone-aware. The services
build these records from the database, and :mod:`newmedia_desk.exports.forms` writes them
into the Excel templates in ``forms/``. No Qt and no SQL here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from newmedia_desk.domain.audit import AuditHead

AUDIT_PREFIX = "审计日志"
"""What precedes the audit-chain head on a printed form."""


def audit_line(head: AuditHead | None) -> str:
    """Render the audit-chain head as the form prints it.

    Args:
        head: The last audit entry's head, or ``None`` when the log is empty.

    Returns:
        For example ``"审计日志 #123 1a2b3c4d5e6f7a8b"``, or ``"审计日志 (空)"``.
    """
    if head is None:
        return f"{AUDIT_PREFIX} (空)"
    return f"{AUDIT_PREFIX} {head.short}"


def _require_aware(value: datetime, field: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{field} must be a timezone-aware datetime")


@dataclass(frozen=True, slots=True)
class Opinion:
    """One opinion block of a form (意见栏): who decides, what, and when.

    An opinion is *signed* when ``signed_on`` is set. An unsigned opinion prints its label
    and any text, and leaves the signer and date as the template has them, for handwriting.
    """

    label: str
    """The block's caption, e.g. ``"申请部门意见"`` or ``"党委宣传部意见"``."""
    signer: str
    """The name of the person who signed (or is to sign)."""
    decision: str
    """The decision as printed, e.g. ``"同意"``, ``"不同意"`` or ``""``."""
    opinion: str
    """Free opinion text, printed after the decision."""
    signed_on: date | None
    """The date of signing; ``None`` while the step is open."""
    delegate_note: str = ""
    """Printed on its own line when someone signed for another, e.g. ``"（副组长代审）"``."""

    @property
    def signed(self) -> bool:
        """Whether this step has been signed."""
        return self.signed_on is not None

    @property
    def text(self) -> str:
        """Decision, opinion and delegate note as one printable text."""
        first = self.decision.strip()
        rest = self.opinion.strip()
        if first and rest:
            sep = "" if first[-1] in "。，；：！？,.;:!?" else "。"
            body = f"{first}{sep}{rest}"
        else:
            body = first or rest
        note = self.delegate_note.strip()
        return f"{body}\n{note}" if body and note else body or note


@dataclass(frozen=True, slots=True)
class AccountOpeningForm:
    """新媒体账号开设审批表 (seed 000 § 篇3): everything the paper form asks for."""

    unit: str
    """部门: the applying unit."""
    applied_on: date
    """时间: the date of the application."""
    platform: str
    """微信、微博号: the platform or account kind, e.g. ``"官方微博"``."""
    account_name: str
    """微信、微博、网站名称."""
    account_id: str
    """微信、微博ID."""
    other_media: str
    """其它新媒体名称."""
    purpose: str
    """申请说明: use and publishing scope (用途、信息发布范围)."""
    administrator_name: str
    """管理人 姓名."""
    administrator_position: str
    """管理人 职务."""
    administrator_phone: str
    """管理人 联系电话."""
    administrator_qq: str
    """管理人 QQ号."""
    responsible_name: str
    """责任人 姓名."""
    responsible_position: str
    """责任人 职务."""
    responsible_phone: str
    """责任人 联系电话."""
    opinions: tuple[Opinion, ...]
    """The opinion blocks in order (the seed form has five)."""
    audit_head: str
    """The audit line to print, see :func:`audit_line`."""
    printed_at: datetime
    """When the form was produced; timezone-aware."""

    def __post_init__(self) -> None:
        _require_aware(self.printed_at, "printed_at")


@dataclass(frozen=True, slots=True)
class HolderLine:
    """One person allowed to know an account's password (知悉人)."""

    name: str
    """姓名."""
    position: str
    """职务."""
    unit: str
    """科室: the person's unit."""
    phone: str
    """联系电话."""
    granted_on: date | None
    """授权日期; ``None`` when not yet granted (left blank for handwriting)."""
    scope: str
    """权限范围, e.g. ``"登录、发布、回复"``."""


@dataclass(frozen=True, slots=True)
class HolderAuthorisationForm:
    """授权审批表 (seed 001 § 篇4 附二): who may hold an account's password, approved by whom."""

    unit: str
    """The unit that owns the account and applies."""
    account_platform: str
    """The platform, e.g. ``"新浪微博"``."""
    account_name: str
    """The account's name."""
    account_id: str
    """The account's platform ID."""
    holders: tuple[HolderLine, ...]
    """The people to be authorised; the template has a fixed number of lines."""
    reason: str
    """申请理由."""
    opinions: tuple[Opinion, ...]
    """The opinion blocks in order (the template has 科室负责人, 分管领导, 主要领导)."""
    audit_head: str
    """The audit line to print, see :func:`audit_line`."""
    printed_at: datetime
    """When the form was produced; timezone-aware."""

    def __post_init__(self) -> None:
        _require_aware(self.printed_at, "printed_at")
