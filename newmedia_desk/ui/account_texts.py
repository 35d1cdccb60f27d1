"""Words for account values (status, history, findings, rotation reasons), translated.

The domain keeps codes and enums; what people read is chosen here, through ``translate``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from newmedia_desk.domain.accounts import (
    EVENT_LABELS,
    AccountStatus,
    Decision,
    EventKind,
    FilingState,
    FilingStatus,
    Finding,
    ImportRowError,
    RogueActionKind,
    RogueStatus,
    Severity,
    Verification,
)
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP

_CTX = "AccountTexts"

STATUS_NAMES: dict[AccountStatus, str] = {
    AccountStatus.APPLIED: QT_TRANSLATE_NOOP("AccountTexts", "Applied"),
    AccountStatus.SUBMITTED: QT_TRANSLATE_NOOP("AccountTexts", "In approval"),
    AccountStatus.OPEN: QT_TRANSLATE_NOOP("AccountTexts", "Open"),
    AccountStatus.SUSPENDED: QT_TRANSLATE_NOOP("AccountTexts", "Suspended"),
    AccountStatus.CLOSED: QT_TRANSLATE_NOOP("AccountTexts", "Closed"),
}

VERIFICATION_NAMES: dict[Verification, str] = {
    Verification.NONE: QT_TRANSLATE_NOOP("AccountTexts", "Not verified"),
    Verification.PENDING: QT_TRANSLATE_NOOP("AccountTexts", "Verification pending"),
    Verification.VERIFIED: QT_TRANSLATE_NOOP("AccountTexts", "Verified"),
}

EVENT_NAMES: dict[EventKind, str] = {
    EventKind.APPLIED: QT_TRANSLATE_NOOP("AccountTexts", "Application drafted"),
    EventKind.SUBMITTED: QT_TRANSLATE_NOOP("AccountTexts", "Submitted for approval"),
    EventKind.STEP_AGREED: QT_TRANSLATE_NOOP("AccountTexts", "Approval step agreed"),
    EventKind.RETURNED: QT_TRANSLATE_NOOP("AccountTexts", "Returned"),
    EventKind.ROUND_RESTARTED: QT_TRANSLATE_NOOP("AccountTexts", "Approval restarted"),
    EventKind.OPENED: QT_TRANSLATE_NOOP("AccountTexts", "Opened"),
    EventKind.IMPORTED: QT_TRANSLATE_NOOP("AccountTexts", "Taken over"),
    EventKind.EDITED: QT_TRANSLATE_NOOP("AccountTexts", "Details edited"),
    EventKind.CHANGED: QT_TRANSLATE_NOOP("AccountTexts", "People in charge changed"),
    EventKind.SUSPENDED: QT_TRANSLATE_NOOP("AccountTexts", "Suspended"),
    EventKind.RESUMED: QT_TRANSLATE_NOOP("AccountTexts", "Resumed"),
    EventKind.CLOSURE_NOTICE: QT_TRANSLATE_NOOP("AccountTexts", "Closure notice posted"),
    EventKind.CLOSED: QT_TRANSLATE_NOOP("AccountTexts", "Closed"),
}

DECISION_NAMES: dict[Decision, str] = {
    Decision.AGREE: QT_TRANSLATE_NOOP("AccountTexts", "Agree"),
    Decision.RETURN: QT_TRANSLATE_NOOP("AccountTexts", "Return"),
}

FILING_NAMES: dict[FilingStatus, str] = {
    FilingStatus.PENDING: QT_TRANSLATE_NOOP("AccountTexts", "Due by {due}"),
    FilingStatus.OVERDUE: QT_TRANSLATE_NOOP("AccountTexts", "Overdue since {due}"),
    FilingStatus.FILED: QT_TRANSLATE_NOOP("AccountTexts", "Filed {filed}"),
    FilingStatus.LATE: QT_TRANSLATE_NOOP("AccountTexts", "Filed late {filed}"),
}

SEVERITY_NAMES: dict[Severity, str] = {
    Severity.ERROR: QT_TRANSLATE_NOOP("AccountTexts", "Error"),
    Severity.WARNING: QT_TRANSLATE_NOOP("AccountTexts", "Warning"),
    Severity.INFO: QT_TRANSLATE_NOOP("AccountTexts", "Note"),
}

ROGUE_STATUS_NAMES: dict[RogueStatus, str] = {
    RogueStatus.OPEN: QT_TRANSLATE_NOOP("AccountTexts", "Being handled"),
    RogueStatus.CLOSED: QT_TRANSLATE_NOOP("AccountTexts", "Closed down"),
}

ROGUE_ACTION_NAMES: dict[RogueActionKind, str] = {
    RogueActionKind.NOTIFY_TECH: QT_TRANSLATE_NOOP("AccountTexts", "Technical section notified"),
    RogueActionKind.PLATFORM_REPORT: QT_TRANSLATE_NOOP("AccountTexts", "Reported to the platform"),
    RogueActionKind.CLOSED: QT_TRANSLATE_NOOP("AccountTexts", "Closed down"),
    RogueActionKind.OTHER: QT_TRANSLATE_NOOP("AccountTexts", "Other"),
}

ROTATION_REASONS: dict[str, str] = {
    "holder_left": QT_TRANSLATE_NOOP("AccountTexts", "a holder left"),
    "holder_moved": QT_TRANSLATE_NOOP("AccountTexts", "a holder moved to another unit"),
    "holder_keys_replaced": QT_TRANSLATE_NOOP(
        "AccountTexts", "a holder's password was reset by the administrator"
    ),
    "holder_removed": QT_TRANSLATE_NOOP("AccountTexts", "a holder was removed"),
    "holder_added": QT_TRANSLATE_NOOP(
        "AccountTexts", "a new holder cannot open it yet: share it again"
    ),
    "overdue": QT_TRANSLATE_NOOP("AccountTexts", "not changed for a long time"),
    "sealed_copy_stale": QT_TRANSLATE_NOOP(
        "AccountTexts", "the sealed paper copy is older than the password"
    ),
}

_FINDINGS: dict[str, str] = {
    "reserved_word": QT_TRANSLATE_NOOP(
        "AccountTexts",
        "The name uses the reserved word “{word}” and no approval of it is recorded.",
    ),
    "contact_in_text": QT_TRANSLATE_NOOP(
        "AccountTexts", "The {field} contains a {kind}: “{text}”."
    ),
    "second_account": QT_TRANSLATE_NOOP(
        "AccountTexts",
        "The unit already has an account on {platform} ({others}); record the reason for a "
        "second one.",
    ),
    "name_differs": QT_TRANSLATE_NOOP(
        "AccountTexts", "The unit's accounts on other platforms are called “{expected}”."
    ),
    "filing_due": QT_TRANSLATE_NOOP("AccountTexts", "The {kind} must be filed by {due}."),
    "filing_overdue": QT_TRANSLATE_NOOP(
        "AccountTexts", "The {kind} of {event_on} was not filed by {due}."
    ),
    "filing_late": QT_TRANSLATE_NOOP(
        "AccountTexts", "The {kind} of {event_on} was filed on {filed}, after {due}."
    ),
}

_FIELD_NAMES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("AccountTexts", "name"),
    "bio": QT_TRANSLATE_NOOP("AccountTexts", "introduction"),
    "purpose": QT_TRANSLATE_NOOP("AccountTexts", "purpose"),
}

_CONTACT_KINDS: dict[str, str] = {
    "email": QT_TRANSLATE_NOOP("AccountTexts", "an e-mail address"),
    "url": QT_TRANSLATE_NOOP("AccountTexts", "a web address"),
    "phone": QT_TRANSLATE_NOOP("AccountTexts", "a phone number"),
    "qr_code": QT_TRANSLATE_NOOP("AccountTexts", "a QR-code hint"),
}

_IMPORT_MESSAGES: dict[str, str] = {
    "the file must be an .xlsx workbook": QT_TRANSLATE_NOOP(
        "AccountTexts", "The file must be an Excel workbook (.xlsx)."
    ),
    "the workbook has no sheet": QT_TRANSLATE_NOOP("AccountTexts", "The workbook has no sheet."),
    "a link starts with http:// or https://": QT_TRANSLATE_NOOP(
        "AccountTexts", "A link starts with http:// or https://."
    ),
    "already recorded (same account, time and title)": QT_TRANSLATE_NOOP(
        "AccountTexts", "Already recorded (same account, time and title)."
    ),
    "formulas are not accepted": QT_TRANSLATE_NOOP(
        "AccountTexts", "Formulas are not accepted; write the value itself."
    ),
    "must be one line": QT_TRANSLATE_NOOP("AccountTexts", "Must be one line."),
    "the time is in the future": QT_TRANSLATE_NOOP("AccountTexts", "The time is later than now."),
    "give the time as well, e.g. 2026-03-02 09:30": QT_TRANSLATE_NOOP(
        "AccountTexts", "Give the time as well, e.g. 2026-03-02 09:30."
    ),
    "expected a date and time such as 2026-03-02 09:30, not a number": QT_TRANSLATE_NOOP(
        "AccountTexts", "Expected a date and time such as 2026-03-02 09:30, not a number."
    ),
    "you may not record publications of this account's unit": QT_TRANSLATE_NOOP(
        "AccountTexts", "You may not record publications of this account's unit."
    ),
    "the column appears twice": QT_TRANSLATE_NOOP("AccountTexts", "The column appears twice."),
    "the header has no such column": QT_TRANSLATE_NOOP(
        "AccountTexts", "The header row lacks this column."
    ),
    "expected text, not a date or number": QT_TRANSLATE_NOOP(
        "AccountTexts", "Text is expected here, not a date or a number."
    ),
    "this value is required": QT_TRANSLATE_NOOP("AccountTexts", "This cell must not be empty."),
    "the sheet is empty: no header row": QT_TRANSLATE_NOOP(
        "AccountTexts", "The sheet is empty: there is no header row."
    ),
    "the file has no data rows": QT_TRANSLATE_NOOP(
        "AccountTexts", "The file has no rows below the header."
    ),
    "you may not register accounts of this unit": QT_TRANSLATE_NOOP(
        "AccountTexts", "You may not register accounts of this unit."
    ),
    "an account on this platform with this name is already registered": QT_TRANSLATE_NOOP(
        "AccountTexts", "An account of this name on this platform is registered already."
    ),
    "an account on this platform with this ID is already registered": QT_TRANSLATE_NOOP(
        "AccountTexts", "An account with this ID on this platform is registered already."
    ),
}


class _Defaults(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _fill(template: str, params: Mapping[str, Any]) -> str:
    return _tr(template).format_map(_Defaults(params))


def status_name(status: AccountStatus) -> str:
    """The translated name of an account status."""
    return _tr(STATUS_NAMES[status])


def verification_name(value: Verification) -> str:
    """The translated verification status."""
    return _tr(VERIFICATION_NAMES[value])


def event_name(kind: EventKind) -> str:
    """The translated name of a history entry."""
    return _tr(EVENT_NAMES[kind])


def decision_name(decision: Decision | None) -> str:
    """同意 / 退回, or empty when not decided."""
    return "" if decision is None else _tr(DECISION_NAMES[decision])


def severity_name(severity: Severity) -> str:
    """Error, warning or note."""
    return _tr(SEVERITY_NAMES[severity])


def rogue_status_name(status: RogueStatus) -> str:
    """Whether a rogue account is still being handled."""
    return _tr(ROGUE_STATUS_NAMES[status])


def rogue_action_name(kind: RogueActionKind) -> str:
    """What was done about a rogue account."""
    return _tr(ROGUE_ACTION_NAMES[kind])


def rotation_reason(reason: str | None) -> str:
    """Why a password must change (or why the sealed copy is stale)."""
    if reason is None:
        return ""
    return _tr(ROTATION_REASONS.get(reason, reason))


def filing_text(state: FilingState) -> str:
    """The state of one filing: due, overdue, filed or filed late, with the date."""
    return _fill(
        FILING_NAMES[state.status],
        {
            "due": state.due_on.isoformat(),
            "filed": "" if state.filed_on is None else state.filed_on.isoformat(),
        },
    )


def finding_text(finding: Finding) -> str:
    """A finding of the checks, in words."""
    params = dict(finding.params)
    if finding.code == "contact_in_text":
        params["field"] = _tr(_FIELD_NAMES.get(str(params.get("field", "")), "name"))
        params["kind"] = _tr(_CONTACT_KINDS.get(str(params.get("kind", "")), "a web address"))
    if "kind" in params and finding.code.startswith("filing"):
        # The domain's filing findings carry its own label of the event; word it here.
        kind = params["kind"]
        params["kind"] = next(
            (event_name(k) for k, label in EVENT_LABELS.items() if label == kind), kind
        )
    template = _FINDINGS.get(finding.code)
    if template is None:
        return finding.message
    return _fill(template, params)


_IMPORT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), template)
    for pattern, template in (
        (
            r"no account called (?P<name>.+)",
            QT_TRANSLATE_NOOP("AccountTexts", "No account is called {name}."),
        ),
        (
            r"several accounts are called (?P<name>.+) \((?P<ids>.+)\): add a 平台 column naming "
            r"the platform",
            QT_TRANSLATE_NOOP(
                "AccountTexts",
                "Several accounts are called {name} ({ids}): add a column 平台 naming the "
                "platform of each row.",
            ),
        ),
        (
            r"expected a date and time such as 2026-03-02 09:30, not (?P<value>.+)",
            QT_TRANSLATE_NOOP(
                "AccountTexts", "Expected a date and time such as 2026-03-02 09:30, not {value}."
            ),
        ),
        (
            r"file not found: (?P<path>.+)",
            QT_TRANSLATE_NOOP("AccountTexts", "File not found: {path}"),
        ),
        (
            r"longer than (?P<limit>\d+) characters",
            QT_TRANSLATE_NOOP("AccountTexts", "Longer than {limit} characters."),
        ),
        (
            r"more than (?P<limit>\d+) rows: split the file",
            QT_TRANSLATE_NOOP("AccountTexts", "More than {limit} rows: split the file."),
        ),
        (
            r"one line of at most (?P<limit>\d+) characters",
            QT_TRANSLATE_NOOP("AccountTexts", "One line of at most {limit} characters."),
        ),
        (
            r"the file cannot be read as an \.xlsx workbook \((?P<why>.*)\)",
            QT_TRANSLATE_NOOP(
                "AccountTexts", "The file cannot be read as an Excel workbook ({why})."
            ),
        ),
        (
            r"the workbook is damaged \((?P<why>.*)\)",
            QT_TRANSLATE_NOOP("AccountTexts", "The workbook is damaged ({why})."),
        ),
        (
            r"the same publication is already in row (?P<row>\d+)",
            QT_TRANSLATE_NOOP("AccountTexts", "The same publication is already in row {row}."),
        ),
    )
)
"""Problems whose English carries a value: matched, then translated with it filled in."""


def import_error_text(error: ImportRowError) -> str:
    """The words of one problem of an imported ledger (unknown ones stay as written)."""
    known = _IMPORT_MESSAGES.get(error.message)
    if known is not None:
        return _tr(known)
    for pattern, template in _IMPORT_PATTERNS:
        found = pattern.fullmatch(error.message)
        if found is not None:
            return _fill(template, found.groupdict())
    return error.message
