"""Words of the monthly assessment (考核) in the window: items, vetoes, suggestions, settings.

The exports and the command line use the Chinese texts of ``domain.assessment``; the window
translates these English sources like every other text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from newmedia_desk.domain.assessment import Item, Reason, Suggestion, Veto, VetoKind, Why
from newmedia_desk.domain.settings import (
    ASSESS_CADENCE_MISS_CAP,
    ASSESS_CADENCE_MISS_POINTS,
    ASSESS_CHECKER_BLOCK_CAP,
    ASSESS_CHECKER_BLOCK_POINTS,
    ASSESS_COMMEND_SCORE,
    ASSESS_CRITICISE_SILENT_DAYS,
    ASSESS_LATE_ANSWER_CAP,
    ASSESS_LATE_ANSWER_POINTS,
    ASSESS_LATE_INCIDENT_CAP,
    ASSESS_LATE_INCIDENT_POINTS,
    ASSESS_MISMATCH_CAP,
    ASSESS_MISMATCH_POINTS,
    ASSESS_REJECTION_CAP,
    ASSESS_REJECTION_POINTS,
    ASSESS_ROTATION_CAP,
    ASSESS_ROTATION_POINTS,
    ASSESS_SILENT_ACCOUNT_CAP,
    ASSESS_SILENT_ACCOUNT_POINTS,
    ASSESS_SLOW_APPROVAL_CAP,
    ASSESS_SLOW_APPROVAL_HOURS,
    ASSESS_SLOW_APPROVAL_POINTS,
)
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP

_CTX = "Assessment"

_POINTS = QT_TRANSLATE_NOOP("OfficeSettingsPage", " points each")
_CAP = QT_TRANSLATE_NOOP("OfficeSettingsPage", " points at most")

SETTING_LABELS: dict[str, tuple[str, str]] = {
    ASSESS_CADENCE_MISS_POINTS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: cadence requirement missed"),
        _POINTS,
    ),
    ASSESS_CADENCE_MISS_CAP.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: cadence misses in one month"),
        _CAP,
    ),
    ASSESS_SILENT_ACCOUNT_POINTS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: account silent to yellow"),
        _POINTS,
    ),
    ASSESS_SILENT_ACCOUNT_CAP.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: silent accounts in one month"),
        _CAP,
    ),
    ASSESS_SLOW_APPROVAL_HOURS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: an approval is slow after"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " h"),
    ),
    ASSESS_SLOW_APPROVAL_POINTS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: slow approval"),
        _POINTS,
    ),
    ASSESS_SLOW_APPROVAL_CAP.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: slow approvals in one month"),
        _CAP,
    ),
    ASSESS_REJECTION_POINTS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: post returned by an approver"),
        _POINTS,
    ),
    ASSESS_REJECTION_CAP.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: returned posts in one month"),
        _CAP,
    ),
    ASSESS_CHECKER_BLOCK_POINTS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: draft stopped by the checker"),
        _POINTS,
    ),
    ASSESS_CHECKER_BLOCK_CAP.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: checker stops in one month"),
        _CAP,
    ),
    ASSESS_MISMATCH_POINTS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: published text not as approved"),
        _POINTS,
    ),
    ASSESS_MISMATCH_CAP.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: mismatched texts in one month"),
        _CAP,
    ),
    ASSESS_LATE_ANSWER_POINTS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: message or feedback answered late"),
        _POINTS,
    ),
    ASSESS_LATE_ANSWER_CAP.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: late answers in one month"),
        _CAP,
    ),
    ASSESS_LATE_INCIDENT_POINTS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: incident step late"),
        _POINTS,
    ),
    ASSESS_LATE_INCIDENT_CAP.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: late incident steps in one month"),
        _CAP,
    ),
    ASSESS_ROTATION_POINTS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: password change overdue"),
        _POINTS,
    ),
    ASSESS_ROTATION_CAP.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: overdue passwords in one month"),
        _CAP,
    ),
    ASSESS_COMMEND_SCORE.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Assessment: suggest commendation from"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " points"),
    ),
    ASSESS_CRITICISE_SILENT_DAYS.key: (
        QT_TRANSLATE_NOOP(
            "OfficeSettingsPage", "Assessment: suggest criticism when an account is silent"
        ),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " days"),
    ),
}
"""Label and unit of each assessment setting in 设置 → 办公室设置 (merged into its LABELS)."""

ITEM_NAMES: dict[Item, str] = {
    Item.CADENCE_MISSES: QT_TRANSLATE_NOOP("Assessment", "Cadence misses"),
    Item.SILENT_ACCOUNTS: QT_TRANSLATE_NOOP("Assessment", "Silent accounts"),
    Item.SLOW_APPROVALS: QT_TRANSLATE_NOOP("Assessment", "Slow approvals"),
    Item.REJECTIONS: QT_TRANSLATE_NOOP("Assessment", "Returned"),
    Item.CHECKER_BLOCKS: QT_TRANSLATE_NOOP("Assessment", "Checker stops"),
    Item.MISMATCHES: QT_TRANSLATE_NOOP("Assessment", "Text mismatches"),
    Item.LATE_ANSWERS: QT_TRANSLATE_NOOP("Assessment", "Late answers"),
    Item.LATE_INCIDENT_STEPS: QT_TRANSLATE_NOOP("Assessment", "Late incident steps"),
    Item.ROTATION_OVERDUE: QT_TRANSLATE_NOOP("Assessment", "Passwords overdue"),
}


def item_name(item: Item) -> str:
    """The translated name of a deduction item."""
    return QCoreApplication.translate(_CTX, ITEM_NAMES[item])


def result_name(qualified: bool) -> str:
    """合格 / 不合格."""
    return (
        QCoreApplication.translate("Assessment", "Pass")
        if qualified
        else QCoreApplication.translate("Assessment", "Fail")
    )


def suggestion_name(suggestion: Suggestion) -> str:
    """表扬 / 批评 / empty."""
    if suggestion is Suggestion.COMMEND:
        return QCoreApplication.translate("Assessment", "Commend")
    if suggestion is Suggestion.CRITICISE:
        return QCoreApplication.translate("Assessment", "Criticise")
    return ""


def veto_label(veto: Veto) -> str:
    """One veto item, translated."""
    if veto.kind is VetoKind.SILENT:
        return QCoreApplication.translate(
            "Assessment", "{account}: no post for {days} days"
        ).format(account=veto.account, days=veto.days)
    return (
        QCoreApplication.translate("Assessment", "{account}: serious error published {terms}")
        .format(account=veto.account, terms="、".join(veto.terms))
        .strip()
    )


def reason_label(reason: Reason) -> str:
    """One reason of a suggestion, translated."""
    if reason.why is Why.FAILED:
        return QCoreApplication.translate("Assessment", "failed the month")
    if reason.why is Why.SILENT_AFTER_REMINDERS:
        return QCoreApplication.translate(
            "Assessment", "{account} silent {days} days despite reminders"
        ).format(account=reason.account, days=reason.count)
    if reason.why is Why.MISMATCH:
        return QCoreApplication.translate(
            "Assessment", "{count} published texts differ from the approved ones"
        ).format(count=reason.count)
    return QCoreApplication.translate("Assessment", "timely posts, cadence met, answers on time")
