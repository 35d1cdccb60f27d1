"""The audit log table (read-only): the newest entries first."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject

from newmedia_desk.domain.audit import AuditEntry
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.record_table import RecordTableModel
from newmedia_desk.ui.texts import local_time_seconds


class AuditColumn(IntEnum):
    """The columns of the audit table."""

    SEQ = 0
    AT = 1
    ACTOR = 2
    ACTION = 3
    ENTITY = 4
    BEFORE = 5
    AFTER = 6


HEADERS: dict[AuditColumn, str] = {
    AuditColumn.SEQ: QT_TRANSLATE_NOOP("AuditTableModel", "No."),
    AuditColumn.AT: QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
    AuditColumn.ACTOR: QT_TRANSLATE_NOOP("AuditTableModel", "Who"),
    AuditColumn.ACTION: QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
    AuditColumn.ENTITY: QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
    AuditColumn.BEFORE: QT_TRANSLATE_NOOP("AuditTableModel", "Before"),
    AuditColumn.AFTER: QT_TRANSLATE_NOOP("AuditTableModel", "After"),
}

ACTIONS: dict[str, str] = {
    "sign_in": QT_TRANSLATE_NOOP("AuditTableModel", "Signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditTableModel", "Sign-in failed"),
    "sign_in_throttled": QT_TRANSLATE_NOOP("AuditTableModel", "Sign-in refused (too many tries)"),
    "sign_in_unlocked": QT_TRANSLATE_NOOP("AuditTableModel", "Sign-in unlocked"),
    "password_changed": QT_TRANSLATE_NOOP("AuditTableModel", "Password changed"),
    "password_reset": QT_TRANSLATE_NOOP("AuditTableModel", "Password reset"),
    "staff_created": QT_TRANSLATE_NOOP("AuditTableModel", "Staff added"),
    "staff_updated": QT_TRANSLATE_NOOP("AuditTableModel", "Staff changed"),
    "staff_left": QT_TRANSLATE_NOOP("AuditTableModel", "Staff left"),
    "staff_rejoined": QT_TRANSLATE_NOOP("AuditTableModel", "Staff rejoined"),
    "unit_created": QT_TRANSLATE_NOOP("AuditTableModel", "Unit added"),
    "unit_updated": QT_TRANSLATE_NOOP("AuditTableModel", "Unit changed"),
    "setting_changed": QT_TRANSLATE_NOOP("AuditTableModel", "Setting changed"),
    "database_restored": QT_TRANSLATE_NOOP("AuditTableModel", "Database restored"),
}

ENTITIES: dict[str, str] = {
    "staff": QT_TRANSLATE_NOOP("AuditTableModel", "Staff"),
    "unit": QT_TRANSLATE_NOOP("AuditTableModel", "Unit"),
    "login": QT_TRANSLATE_NOOP("AuditTableModel", "Login"),
    "setting": QT_TRANSLATE_NOOP("AuditTableModel", "Setting"),
    "database": QT_TRANSLATE_NOOP("AuditTableModel", "Database"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


class AuditTableModel(RecordTableModel[AuditEntry, AuditColumn]):
    """Audit entries, one per row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(AuditColumn, HEADERS, "AuditTableModel", self._display, parent)

    def set_entries(self, entries: list[AuditEntry]) -> None:
        """Replace every row."""
        self.set_rows(entries)

    def sort_key(self, record: AuditEntry, column: AuditColumn) -> str | float | int:
        """Numbers and times sort as numbers, the rest by text."""
        if column is AuditColumn.SEQ:
            return record.seq
        if column is AuditColumn.AT:
            return record.at.timestamp()
        return self._display(record, column).casefold()

    def tooltip(self, record: AuditEntry, column: AuditColumn) -> str | None:
        """The whole before/after text, which the cell may cut short."""
        if column is AuditColumn.BEFORE:
            return record.before
        if column is AuditColumn.AFTER:
            return record.after
        return None

    @staticmethod
    def _display(entry: AuditEntry, column: AuditColumn) -> str:
        match column:
            case AuditColumn.SEQ:
                return str(entry.seq)
            case AuditColumn.AT:
                return local_time_seconds(entry.at)
            case AuditColumn.ACTOR:
                return entry.actor
            case AuditColumn.ACTION:
                known = ACTIONS.get(entry.action)
                return _tr(known) if known else entry.action
            case AuditColumn.ENTITY:
                kind = ENTITIES.get(entry.entity)
                return f"{_tr(kind) if kind else entry.entity} {entry.entity_id}"
            case AuditColumn.BEFORE:
                return entry.before
            case AuditColumn.AFTER:
                return entry.after
