"""Words for post values shown by the approval screens (status, tier, kind, steps), translated.

The domain keeps codes (and Chinese labels for the printed forms); what people read on
screen is chosen here, through ``translate``. A route step the office added with its own
key is shown with the title stored with it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from newmedia_desk.domain.posts import ActivityType, PostKind, PostStatus, Tier
from newmedia_desk.services.posts import SignOffView
from newmedia_desk.ui.account_texts import decision_name
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.texts import office_time

_CTX = "ApprovalTexts"

STATUS_NAMES: dict[PostStatus, str] = {
    PostStatus.DRAFT: QT_TRANSLATE_NOOP("ApprovalTexts", "Draft"),
    PostStatus.IN_APPROVAL: QT_TRANSLATE_NOOP("ApprovalTexts", "In approval"),
    PostStatus.RETURNED: QT_TRANSLATE_NOOP("ApprovalTexts", "Returned"),
    PostStatus.APPROVED: QT_TRANSLATE_NOOP("ApprovalTexts", "Approved"),
    PostStatus.PUBLISHED: QT_TRANSLATE_NOOP("ApprovalTexts", "Published"),
    PostStatus.EXPIRED: QT_TRANSLATE_NOOP("ApprovalTexts", "Expired"),
    PostStatus.WITHDRAWN: QT_TRANSLATE_NOOP("ApprovalTexts", "Withdrawn"),
    PostStatus.CANCELLED: QT_TRANSLATE_NOOP("ApprovalTexts", "Cancelled"),
}

TIER_NAMES: dict[Tier, str] = {
    Tier.GENERAL: QT_TRANSLATE_NOOP("ApprovalTexts", "General"),
    Tier.IMPORTANT: QT_TRANSLATE_NOOP("ApprovalTexts", "Important"),
    Tier.SENSITIVE: QT_TRANSLATE_NOOP("ApprovalTexts", "Sensitive"),
}

KIND_NAMES: dict[PostKind, str] = {
    PostKind.ORIGINAL: QT_TRANSLATE_NOOP("ApprovalTexts", "Original"),
    PostKind.REPOST: QT_TRANSLATE_NOOP("ApprovalTexts", "Repost"),
    PostKind.ACTIVITY: QT_TRANSLATE_NOOP("ApprovalTexts", "Activity"),
}

ACTIVITY_NAMES: dict[ActivityType, str] = {
    ActivityType.VOTE: QT_TRANSLATE_NOOP("ApprovalTexts", "Vote"),
    ActivityType.TOPIC: QT_TRANSLATE_NOOP("ApprovalTexts", "Topic"),
    ActivityType.INTERVIEW: QT_TRANSLATE_NOOP("ApprovalTexts", "Interview"),
    ActivityType.LOTTERY: QT_TRANSLATE_NOOP("ApprovalTexts", "Lottery"),
    ActivityType.CALL: QT_TRANSLATE_NOOP("ApprovalTexts", "Call for contributions"),
}

STEP_NAMES: dict[str, str] = {
    "responsible": QT_TRANSLATE_NOOP("ApprovalTexts", "Review by the responsible person"),
    "supervisor": QT_TRANSLATE_NOOP("ApprovalTexts", "Approval by the supervising leader"),
    "chief": QT_TRANSLATE_NOOP("ApprovalTexts", "Approval by the chief"),
}

REMOVAL_NAMES: dict[str, str] = {
    "withdrawn": QT_TRANSLATE_NOOP("ApprovalTexts", "Withdrawn"),
    "deleted": QT_TRANSLATE_NOOP("ApprovalTexts", "Deleted"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def status_name(status: PostStatus) -> str:
    """The translated name of a post's status."""
    return _tr(STATUS_NAMES[status])


def tier_name(tier: Tier) -> str:
    """The translated name of a tier."""
    return _tr(TIER_NAMES[tier])


def kind_name(kind: PostKind, activity: ActivityType | None = None) -> str:
    """The translated kind of a post, with the form of an activity (``Activity: Vote``)."""
    if kind is PostKind.ACTIVITY and activity is not None:
        return QCoreApplication.translate("ApprovalTexts", "{kind}: {form}").format(
            kind=_tr(KIND_NAMES[kind]), form=_tr(ACTIVITY_NAMES[activity])
        )
    return _tr(KIND_NAMES[kind])


def step_name(key: str, title: str) -> str:
    """The translated name of a route step (an office's own step keeps its title)."""
    known = STEP_NAMES.get(key)
    return _tr(known) if known else title


def removal_name(kind: str | None) -> str:
    """撤回 or 删除, translated (empty for a publication still online)."""
    if kind is None:
        return ""
    known = REMOVAL_NAMES.get(kind)
    return _tr(known) if known else kind


def signer_text(step: SignOffView) -> str:
    """Who signed a step: ``name``, or ``deputy 代 leader`` when signed by delegation."""
    if not step.signer_name:
        return ""
    if step.on_behalf_of_id is not None:
        return QCoreApplication.translate("ApprovalTexts", "{deputy} for {leader}").format(
            deputy=step.signer_name, leader=step.on_behalf_of_name
        )
    return step.signer_name


def decision_line(step: SignOffView) -> str:
    """One decided step in a line: ``step: who decision (time): opinion``."""
    if step.decision is None:
        return QCoreApplication.translate("ApprovalTexts", "{step}: waiting").format(
            step=step_name(step.key, step.title)
        )
    line = QCoreApplication.translate("ApprovalTexts", "{step}: {who} {decision} ({time})").format(
        step=step_name(step.key, step.title),
        who=signer_text(step),
        decision=decision_name(step.decision),
        time=office_time(step.signed_at),
    )
    if step.opinion:
        line += QCoreApplication.translate("ApprovalTexts", ": “{opinion}”").format(
            opinion=step.opinion
        )
    return line
