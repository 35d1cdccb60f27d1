"""Tables of the accounts area, each a ``RecordTableModel`` over DTOs.

Accounts (with a filter proxy), history, approval steps, filings, findings, rogue accounts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from newmedia_desk.domain.accounts import (
    AccountEventRecord,
    AccountRecord,
    AccountStatus,
    ApprovalStepRecord,
    FilingState,
    FilingStatus,
    Finding,
    RogueRecord,
    RogueStatus,
    Severity,
)
from newmedia_desk.ui.account_texts import (
    decision_name,
    event_name,
    filing_text,
    finding_text,
    rogue_action_name,
    rogue_status_name,
    severity_name,
    status_name,
)
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.record_table import (
    AnyIndex,
    RecordTableModel,
    RowRole,
    SortRole,
    row_contains_text,
)
from newmedia_desk.ui.texts import office_time

RED = QColor("#b3261e")
AMBER = QColor("#8a5a00")
GREY = QColor("#8a8a8a")


def _ts(value: datetime | date | None) -> float:
    if value is None:
        return 0.0
    if isinstance(value, datetime):
        return value.timestamp()
    return float(value.toordinal())


# -- accounts ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountRow:
    """One account with what the table shows about its password and filings."""

    account: AccountRecord
    holders: tuple[str, ...] = ()
    rotation: str = ""
    """The reason of an open "须及时修改密码" task (empty when none)."""
    filing: FilingState | None = None
    """The filing that most needs attention (overdue first), if any."""
    unit_path: str = ""


def worst_filing(states: Iterable[FilingState]) -> dict[int, FilingState]:
    """Per account, the filing to show: overdue, then due, then late, then the last filed."""
    rank = {
        FilingStatus.OVERDUE: 0,
        FilingStatus.PENDING: 1,
        FilingStatus.LATE: 2,
        FilingStatus.FILED: 3,
    }
    best: dict[int, FilingState] = {}
    for state in states:
        current = best.get(state.account_id)
        if current is None or (rank[state.status], -state.event_id) < (
            rank[current.status],
            -current.event_id,
        ):
            best[state.account_id] = state
    return best


class AccountColumn(IntEnum):
    """The columns of the accounts table."""

    PLATFORM = 0
    NAME = 1
    HANDLE = 2
    UNIT = 3
    ADMINISTRATOR = 4
    RESPONSIBLE = 5
    STATUS = 6
    FILING = 7
    HOLDERS = 8


ACCOUNT_HEADERS: dict[AccountColumn, str] = {
    AccountColumn.PLATFORM: QT_TRANSLATE_NOOP("AccountTableModel", "Platform"),
    AccountColumn.NAME: QT_TRANSLATE_NOOP("AccountTableModel", "Account name"),
    AccountColumn.HANDLE: QT_TRANSLATE_NOOP("AccountTableModel", "Account ID"),
    AccountColumn.UNIT: QT_TRANSLATE_NOOP("AccountTableModel", "Unit"),
    AccountColumn.ADMINISTRATOR: QT_TRANSLATE_NOOP("AccountTableModel", "Administrator"),
    AccountColumn.RESPONSIBLE: QT_TRANSLATE_NOOP("AccountTableModel", "Responsible person"),
    AccountColumn.STATUS: QT_TRANSLATE_NOOP("AccountTableModel", "Status"),
    AccountColumn.FILING: QT_TRANSLATE_NOOP("AccountTableModel", "Filing"),
    AccountColumn.HOLDERS: QT_TRANSLATE_NOOP("AccountTableModel", "Password holders"),
}

_STATUS_ORDER = {s: i for i, s in enumerate(AccountStatus)}


class AccountTableModel(RecordTableModel[AccountRow, AccountColumn]):
    """Accounts, one per row; an overdue filing is red, a due password change amber."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(AccountColumn, ACCOUNT_HEADERS, "AccountTableModel", self._display, parent)

    def row_of(self, account_id: int) -> int | None:
        """The row of an account, or ``None``."""
        for row, record in enumerate(self._rows):
            if record.account.id == account_id:
                return row
        return None

    def _display(self, row: AccountRow, column: AccountColumn) -> str:
        a = row.account
        match column:
            case AccountColumn.PLATFORM:
                return a.platform_name
            case AccountColumn.NAME:
                return a.name
            case AccountColumn.HANDLE:
                return a.handle
            case AccountColumn.UNIT:
                return a.unit_name
            case AccountColumn.ADMINISTRATOR:
                return a.administrator_name
            case AccountColumn.RESPONSIBLE:
                return a.responsible_name
            case AccountColumn.STATUS:
                return status_name(a.status)
            case AccountColumn.FILING:
                return "" if row.filing is None else filing_text(row.filing)
            case AccountColumn.HOLDERS:
                names = "、".join(row.holders)
                if row.rotation:
                    flag = self.tr("must change password")
                    return f"{names} · {flag}" if names else flag
                return names

    def sort_key(self, row: AccountRow, column: AccountColumn) -> str | float | int:
        """Status by lifecycle order, filing by urgency, the rest by text."""
        if column is AccountColumn.STATUS:
            return _STATUS_ORDER[row.account.status]
        if column is AccountColumn.FILING:
            if row.filing is None:
                return 9.0e9
            return {"overdue": 0, "pending": 1, "late": 2, "filed": 3}[
                row.filing.status.value
            ] * 1.0e6 + row.filing.due_on.toordinal()
        return self._display(row, column).casefold()

    def tooltip(self, row: AccountRow, column: AccountColumn) -> str | None:
        """The unit's full path; the rotation reason on the holders column."""
        if column is AccountColumn.UNIT and row.unit_path:
            return row.unit_path
        if column is AccountColumn.HOLDERS and row.rotation:
            return row.rotation
        return None

    def foreground(self, row: AccountRow) -> QBrush | None:
        """Closed accounts are grey."""
        return QBrush(GREY) if row.account.status is AccountStatus.CLOSED else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Red for an overdue filing, amber for a due password change."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self._rows[index.row()] if 0 <= index.row() < len(self._rows) else None
            if row is not None:
                column = AccountColumn(index.column())
                if column is AccountColumn.FILING and row.filing and row.filing.overdue:
                    return QBrush(RED)
                if column is AccountColumn.HOLDERS and row.rotation:
                    return QBrush(AMBER)
        return super().data(index, role)


class AccountFilterProxy(QSortFilterProxyModel):
    """Filters accounts by unit (with the units below it), platform, status and text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._units: frozenset[int] | None = None
        self._platform: int | None = None
        self._status: AccountStatus | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def _change(self, attr: str, value: object) -> None:
        self.beginFilterChange()
        setattr(self, attr, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_filter_text(self, text: str) -> None:
        """Show only rows where some column contains ``text`` (case-insensitive)."""
        self._change("_text", text.strip().casefold())

    def set_units(self, unit_ids: Iterable[int] | None) -> None:
        """Show only accounts of these units (``None``: every unit)."""
        self._change("_units", None if unit_ids is None else frozenset(unit_ids))

    def set_platform(self, platform_id: int | None) -> None:
        """Show only accounts on one platform (``None``: every platform)."""
        self._change("_platform", platform_id)

    def set_status(self, status: AccountStatus | None) -> None:
        """Show only accounts in one state (``None``: every state)."""
        self._change("_status", status)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        """Apply unit, platform, status and text."""
        model = self.sourceModel()
        row = model.index(source_row, 0, source_parent).data(RowRole)
        if not isinstance(row, AccountRow):
            return False
        account = row.account
        if self._units is not None and account.unit_id not in self._units:
            return False
        if self._platform is not None and account.platform_id != self._platform:
            return False
        if self._status is not None and account.status is not self._status:
            return False
        if not self._text:
            return True
        return row_contains_text(model, source_row, source_parent, AccountColumn, self._text)

    def record_at(self, proxy_row: int) -> AccountRow | None:
        """The row record of a visible row."""
        value = self.index(proxy_row, 0).data(RowRole)
        return value if isinstance(value, AccountRow) else None


# -- history -----------------------------------------------------------------------------


class HistoryColumn(IntEnum):
    """The columns of an account's history."""

    AT = 0
    EVENT = 1
    ACTOR = 2
    REASON = 3


HISTORY_HEADERS: dict[HistoryColumn, str] = {
    HistoryColumn.AT: QT_TRANSLATE_NOOP("HistoryTableModel", "Time"),
    HistoryColumn.EVENT: QT_TRANSLATE_NOOP("HistoryTableModel", "What happened"),
    HistoryColumn.ACTOR: QT_TRANSLATE_NOOP("HistoryTableModel", "By"),
    HistoryColumn.REASON: QT_TRANSLATE_NOOP("HistoryTableModel", "Reason or opinion"),
}


def _history_reason(event: AccountEventRecord) -> str:
    parts = [event.reason] if event.reason else []
    details: Mapping[str, Any] = event.details
    for key in ("administrator_name", "responsible_name"):
        change = details.get(key)
        if isinstance(change, Mapping):
            parts.append(f"{change.get('from', '')} → {change.get('to', '')}")
    for key in ("notice_on", "closed_on", "file"):
        if key in details:
            parts.append(str(details[key]))
    return "；".join(parts)


class HistoryTableModel(RecordTableModel[AccountEventRecord, HistoryColumn]):
    """An account's history, read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HistoryColumn, HISTORY_HEADERS, "HistoryTableModel", self._display, parent)

    @staticmethod
    def _display(event: AccountEventRecord, column: HistoryColumn) -> str:
        match column:
            case HistoryColumn.AT:
                return office_time(event.at)
            case HistoryColumn.EVENT:
                return event_name(event.kind)
            case HistoryColumn.ACTOR:
                return event.actor
            case HistoryColumn.REASON:
                return _history_reason(event)

    def sort_key(self, event: AccountEventRecord, column: HistoryColumn) -> str | float | int:
        """Time as a number."""
        if column is HistoryColumn.AT:
            return event.id
        return self._display(event, column).casefold()

    def tooltip(self, event: AccountEventRecord, column: HistoryColumn) -> str | None:
        """The full reason."""
        return _history_reason(event) or None if column is HistoryColumn.REASON else None


# -- approval steps ----------------------------------------------------------------------


class StepColumn(IntEnum):
    """The columns of the approval steps."""

    STEP = 0
    SIGNER = 1
    DECISION = 2
    OPINION = 3
    AT = 4


STEP_HEADERS: dict[StepColumn, str] = {
    StepColumn.STEP: QT_TRANSLATE_NOOP("StepTableModel", "Step"),
    StepColumn.SIGNER: QT_TRANSLATE_NOOP("StepTableModel", "Signed by"),
    StepColumn.DECISION: QT_TRANSLATE_NOOP("StepTableModel", "Decision"),
    StepColumn.OPINION: QT_TRANSLATE_NOOP("StepTableModel", "Opinion"),
    StepColumn.AT: QT_TRANSLATE_NOOP("StepTableModel", "Time"),
}


class StepTableModel(RecordTableModel[ApprovalStepRecord, StepColumn]):
    """The opinion steps of the current approval round."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(StepColumn, STEP_HEADERS, "StepTableModel", self._display, parent)

    def _display(self, step: ApprovalStepRecord, column: StepColumn) -> str:
        match column:
            case StepColumn.STEP:
                return step.title
            case StepColumn.SIGNER:
                return step.signer_name
            case StepColumn.DECISION:
                return decision_name(step.decision) if step.signed else self.tr("waiting")
            case StepColumn.OPINION:
                return step.opinion
            case StepColumn.AT:
                return office_time(step.signed_at)

    def sort_key(self, step: ApprovalStepRecord, column: StepColumn) -> str | float | int:
        """Steps in their order; time as a number."""
        if column is StepColumn.STEP:
            return step.position
        if column is StepColumn.AT:
            return _ts(step.signed_at)
        return self._display(step, column).casefold()


# -- filings -----------------------------------------------------------------------------


class FilingColumn(IntEnum):
    """The columns of the filings table."""

    ACCOUNT = 0
    EVENT = 1
    EVENT_ON = 2
    DUE_ON = 3
    STATE = 4
    REFERENCE = 5


FILING_HEADERS: dict[FilingColumn, str] = {
    FilingColumn.ACCOUNT: QT_TRANSLATE_NOOP("FilingTableModel", "Account"),
    FilingColumn.EVENT: QT_TRANSLATE_NOOP("FilingTableModel", "To file"),
    FilingColumn.EVENT_ON: QT_TRANSLATE_NOOP("FilingTableModel", "Date"),
    FilingColumn.DUE_ON: QT_TRANSLATE_NOOP("FilingTableModel", "Due by"),
    FilingColumn.STATE: QT_TRANSLATE_NOOP("FilingTableModel", "State"),
    FilingColumn.REFERENCE: QT_TRANSLATE_NOOP("FilingTableModel", "Filed with / reference"),
}


class FilingTableModel(RecordTableModel[FilingState, FilingColumn]):
    """Openings, changes, suspensions and closures and whether they were filed in time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(FilingColumn, FILING_HEADERS, "FilingTableModel", self._display, parent)

    @staticmethod
    def _display(state: FilingState, column: FilingColumn) -> str:
        match column:
            case FilingColumn.ACCOUNT:
                return state.account_name
            case FilingColumn.EVENT:
                return event_name(state.kind)
            case FilingColumn.EVENT_ON:
                return state.event_on.isoformat()
            case FilingColumn.DUE_ON:
                return state.due_on.isoformat()
            case FilingColumn.STATE:
                return filing_text(state)
            case FilingColumn.REFERENCE:
                return state.reference

    def sort_key(self, state: FilingState, column: FilingColumn) -> str | float | int:
        """Dates as numbers."""
        if column is FilingColumn.EVENT_ON:
            return state.event_on.toordinal()
        if column is FilingColumn.DUE_ON:
            return state.due_on.toordinal()
        return self._display(state, column).casefold()

    def foreground(self, state: FilingState) -> QBrush | None:
        """Missing or late filings are red."""
        return QBrush(RED) if state.overdue else None


# -- findings ----------------------------------------------------------------------------


class FindingColumn(IntEnum):
    """The columns of the problems list."""

    SEVERITY = 0
    ACCOUNT = 1
    PROBLEM = 2


FINDING_HEADERS: dict[FindingColumn, str] = {
    FindingColumn.SEVERITY: QT_TRANSLATE_NOOP("FindingTableModel", "Severity"),
    FindingColumn.ACCOUNT: QT_TRANSLATE_NOOP("FindingTableModel", "Account"),
    FindingColumn.PROBLEM: QT_TRANSLATE_NOOP("FindingTableModel", "Problem"),
}

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class FindingTableModel(RecordTableModel[Finding, FindingColumn]):
    """The findings of the checks, errors red and warnings amber."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(FindingColumn, FINDING_HEADERS, "FindingTableModel", self._display, parent)
        self._names: dict[int, str] = {}

    def set_findings(self, findings: list[Finding], names: Mapping[int, str]) -> None:
        """Replace the rows; ``names`` gives the account names by id."""
        self._names = dict(names)
        self.set_rows(findings)

    def _display(self, finding: Finding, column: FindingColumn) -> str:
        match column:
            case FindingColumn.SEVERITY:
                return severity_name(finding.severity)
            case FindingColumn.ACCOUNT:
                return self._names.get(finding.account_id or 0, "")
            case FindingColumn.PROBLEM:
                return finding_text(finding)

    def sort_key(self, finding: Finding, column: FindingColumn) -> str | float | int:
        """Severity from errors to notes."""
        if column is FindingColumn.SEVERITY:
            return _SEVERITY_ORDER[finding.severity]
        return self._display(finding, column).casefold()

    def tooltip(self, finding: Finding, column: FindingColumn) -> str | None:
        """The whole text of a long problem."""
        return finding_text(finding) if column is FindingColumn.PROBLEM else None

    def foreground(self, finding: Finding) -> QBrush | None:
        """Errors red, warnings amber."""
        if finding.severity is Severity.ERROR:
            return QBrush(RED)
        if finding.severity is Severity.WARNING:
            return QBrush(AMBER)
        return None


# -- rogue accounts ----------------------------------------------------------------------


class RogueColumn(IntEnum):
    """The columns of the rogue-account register."""

    FOUND_AT = 0
    PLATFORM = 1
    NAME = 2
    WHERE = 3
    LAST_ACTION = 4
    STATUS = 5


ROGUE_HEADERS: dict[RogueColumn, str] = {
    RogueColumn.FOUND_AT: QT_TRANSLATE_NOOP("RogueTableModel", "Found"),
    RogueColumn.PLATFORM: QT_TRANSLATE_NOOP("RogueTableModel", "Platform"),
    RogueColumn.NAME: QT_TRANSLATE_NOOP("RogueTableModel", "Name used"),
    RogueColumn.WHERE: QT_TRANSLATE_NOOP("RogueTableModel", "Where found"),
    RogueColumn.LAST_ACTION: QT_TRANSLATE_NOOP("RogueTableModel", "Last action"),
    RogueColumn.STATUS: QT_TRANSLATE_NOOP("RogueTableModel", "Status"),
}


def last_action_text(rogue: RogueRecord) -> str:
    """The latest action taken, with its date."""
    if not rogue.actions:
        return ""
    action = max(rogue.actions, key=lambda a: (a.taken_on, a.id))
    text = f"{action.taken_on.isoformat()} {rogue_action_name(action.kind)}"
    return f"{text}：{action.note}" if action.note else text


class RogueTableModel(RecordTableModel[RogueRecord, RogueColumn]):
    """Rogue accounts; those still being handled first when sorted by status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(RogueColumn, ROGUE_HEADERS, "RogueTableModel", self._display, parent)

    def row_of(self, rogue_id: int) -> int | None:
        """The row of an entry, or ``None``."""
        for row, record in enumerate(self._rows):
            if record.id == rogue_id:
                return row
        return None

    @staticmethod
    def _display(rogue: RogueRecord, column: RogueColumn) -> str:
        match column:
            case RogueColumn.FOUND_AT:
                return office_time(rogue.found_at)
            case RogueColumn.PLATFORM:
                return rogue.platform_name
            case RogueColumn.NAME:
                return rogue.name
            case RogueColumn.WHERE:
                return rogue.where_found
            case RogueColumn.LAST_ACTION:
                return last_action_text(rogue)
            case RogueColumn.STATUS:
                return rogue_status_name(rogue.status)

    def sort_key(self, rogue: RogueRecord, column: RogueColumn) -> str | float | int:
        """Time as a number, open entries before closed ones."""
        if column is RogueColumn.FOUND_AT:
            return _ts(rogue.found_at)
        if column is RogueColumn.STATUS:
            return 0 if rogue.status is RogueStatus.OPEN else 1
        return self._display(rogue, column).casefold()

    def tooltip(self, rogue: RogueRecord, column: RogueColumn) -> str | None:
        """Every action taken, one per line."""
        if column is RogueColumn.LAST_ACTION and rogue.actions:
            return "\n".join(
                f"{a.taken_on.isoformat()} {rogue_action_name(a.kind)} {a.note} ({a.actor})"
                for a in rogue.actions
            )
        if column is RogueColumn.WHERE and rogue.where_found:
            return rogue.where_found
        return None

    def foreground(self, rogue: RogueRecord) -> QBrush | None:
        """Closed entries are grey."""
        return QBrush(GREY) if rogue.status is RogueStatus.CLOSED else None


def sorting_proxy(parent: QObject | None = None) -> QSortFilterProxyModel:
    """A plain proxy sorting by ``SortRole`` (for the smaller tables)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SortRole)
    proxy.setDynamicSortFilter(True)
    return proxy
