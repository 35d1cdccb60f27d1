"""The audit log table (read-only): the newest entries first."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject

from newmedia_desk.domain.audit import AuditEntry
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.record_table import RecordTableModel
from newmedia_desk.ui.texts import office_time_seconds


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
    "moderation_recorded": QT_TRANSLATE_NOOP("AuditTableModel", "Comment or message recorded"),
    "moderation_handled": QT_TRANSLATE_NOOP("AuditTableModel", "Comment or message handled"),
    "feedback_handed_over": QT_TRANSLATE_NOOP("AuditTableModel", "Feedback handed over"),
    "feedback_answered": QT_TRANSLATE_NOOP("AuditTableModel", "Feedback answered"),
    "incident_opened": QT_TRANSLATE_NOOP("AuditTableModel", "Incident opened"),
    "incident_step_recorded": QT_TRANSLATE_NOOP("AuditTableModel", "Incident step recorded"),
    "incident_closed": QT_TRANSLATE_NOOP("AuditTableModel", "Incident closed"),
    "posts_held": QT_TRANSLATE_NOOP("AuditTableModel", "Publishing paused"),
    "posts_released": QT_TRANSLATE_NOOP("AuditTableModel", "Publishing resumed"),
    "audit_key_exported": QT_TRANSLATE_NOOP("AuditTableModel", "Audit key exported"),
    # accounts (services/accounts.py; account_suspended/resumed from f"account_{kind}")
    "account_applied": QT_TRANSLATE_NOOP("AuditTableModel", "Account application drafted"),
    "account_updated": QT_TRANSLATE_NOOP("AuditTableModel", "Account details changed"),
    "account_changed": QT_TRANSLATE_NOOP(
        "AuditTableModel", "Account administrator or responsible person changed"
    ),
    "account_submitted": QT_TRANSLATE_NOOP("AuditTableModel", "Account application submitted"),
    "account_round_restarted": QT_TRANSLATE_NOOP("AuditTableModel", "Account approval restarted"),
    "account_step_signed": QT_TRANSLATE_NOOP("AuditTableModel", "Account approval step signed"),
    "account_returned": QT_TRANSLATE_NOOP("AuditTableModel", "Account application returned"),
    "account_opened": QT_TRANSLATE_NOOP("AuditTableModel", "Account opened"),
    "account_imported": QT_TRANSLATE_NOOP("AuditTableModel", "Account taken over"),
    "account_suspended": QT_TRANSLATE_NOOP("AuditTableModel", "Account suspended"),
    "account_resumed": QT_TRANSLATE_NOOP("AuditTableModel", "Account resumed"),
    "account_closure_notice": QT_TRANSLATE_NOOP(
        "AuditTableModel", "Account closure notice recorded"
    ),
    "account_closed": QT_TRANSLATE_NOOP("AuditTableModel", "Account closed"),
    "account_filed": QT_TRANSLATE_NOOP("AuditTableModel", "Account filing recorded"),
    "opening_steps_changed": QT_TRANSLATE_NOOP(
        "AuditTableModel", "Account opening approval steps changed"
    ),
    "reserved_words_changed": QT_TRANSLATE_NOOP("AuditTableModel", "Reserved words changed"),
    "post_routes_changed": QT_TRANSLATE_NOOP("AuditTableModel", "Approval routes of posts changed"),
    "platform_created": QT_TRANSLATE_NOOP("AuditTableModel", "Platform added"),
    "platform_updated": QT_TRANSLATE_NOOP("AuditTableModel", "Platform changed"),
    "rogue_registered": QT_TRANSLATE_NOOP("AuditTableModel", "Rogue account recorded"),
    "rogue_updated": QT_TRANSLATE_NOOP("AuditTableModel", "Rogue account changed"),
    "rogue_action_added": QT_TRANSLATE_NOOP("AuditTableModel", "Action on rogue account"),
    # account passwords (services/credentials.py; f"credential_{purpose}" and f"credential_{how}")
    "credential_holders_set": QT_TRANSLATE_NOOP("AuditTableModel", "Password holders set"),
    "credential_changed": QT_TRANSLATE_NOOP("AuditTableModel", "Account password changed"),
    "credential_shared": QT_TRANSLATE_NOOP(
        "AuditTableModel", "Account password shared with holders"
    ),
    "credential_reveal": QT_TRANSLATE_NOOP("AuditTableModel", "Account password shown"),
    "credential_copy": QT_TRANSLATE_NOOP("AuditTableModel", "Account password copied"),
    "credential_refused": QT_TRANSLATE_NOOP(
        "AuditTableModel", "Account password refused (not a holder)"
    ),
    "credential_rotation_due": QT_TRANSLATE_NOOP("AuditTableModel", "Account password change due"),
    "credential_sealed_copy": QT_TRANSLATE_NOOP(
        "AuditTableModel", "Sealed paper copy of the password made"
    ),
    # lexicons
    "lexicon_created": QT_TRANSLATE_NOOP("AuditTableModel", "Lexicon created"),
    "lexicon_changed": QT_TRANSLATE_NOOP("AuditTableModel", "Lexicon changed"),
    "lexicon_restored": QT_TRANSLATE_NOOP("AuditTableModel", "Lexicon restored"),
    # posts, publications, delegations
    "post_created": QT_TRANSLATE_NOOP("AuditTableModel", "Post drafted"),
    "post_saved": QT_TRANSLATE_NOOP("AuditTableModel", "Post saved"),
    "post_submitted": QT_TRANSLATE_NOOP("AuditTableModel", "Post submitted for approval"),
    "post_recalled": QT_TRANSLATE_NOOP("AuditTableModel", "Post taken back from approval"),
    "post_signed": QT_TRANSLATE_NOOP("AuditTableModel", "Post approval step signed"),
    "post_expired": QT_TRANSLATE_NOOP("AuditTableModel", "Post expired"),
    "post_cancelled": QT_TRANSLATE_NOOP("AuditTableModel", "Post cancelled"),
    "post_filed": QT_TRANSLATE_NOOP("AuditTableModel", "Post filing recorded"),
    "post_published": QT_TRANSLATE_NOOP("AuditTableModel", "Publication recorded"),
    "publication_removed": QT_TRANSLATE_NOOP("AuditTableModel", "Publication withdrawn or deleted"),
    "delegation_created": QT_TRANSLATE_NOOP("AuditTableModel", "Delegation recorded"),
    "delegation_revoked": QT_TRANSLATE_NOOP("AuditTableModel", "Delegation revoked"),
    "publications_imported": QT_TRANSLATE_NOOP("AuditTableModel", "Publications imported"),
    "image_stored": QT_TRANSLATE_NOOP("AuditTableModel", "Image stored"),
    "library_item_created": QT_TRANSLATE_NOOP("AuditTableModel", "Library item added"),
    "library_item_updated": QT_TRANSLATE_NOOP("AuditTableModel", "Library item changed"),
    "library_item_archived": QT_TRANSLATE_NOOP("AuditTableModel", "Library item archived"),
    "cadence_rule_added": QT_TRANSLATE_NOOP("AuditTableModel", "Update rule added"),
    "cadence_rule_changed": QT_TRANSLATE_NOOP("AuditTableModel", "Update rule changed"),
    "cadence_rule_deleted": QT_TRANSLATE_NOOP("AuditTableModel", "Update rule deleted"),
}

ENTITIES: dict[str, str] = {
    "staff": QT_TRANSLATE_NOOP("AuditTableModel", "Staff"),
    "unit": QT_TRANSLATE_NOOP("AuditTableModel", "Unit"),
    "login": QT_TRANSLATE_NOOP("AuditTableModel", "Login"),
    "setting": QT_TRANSLATE_NOOP("AuditTableModel", "Setting"),
    "database": QT_TRANSLATE_NOOP("AuditTableModel", "Database"),
    "moderation_entry": QT_TRANSLATE_NOOP("AuditTableModel", "Moderation entry"),
    "feedback": QT_TRANSLATE_NOOP("AuditTableModel", "Feedback"),
    "incident": QT_TRANSLATE_NOOP("AuditTableModel", "Incident"),
    "crisis_hold": QT_TRANSLATE_NOOP("AuditTableModel", "Publishing pause"),
    "account": QT_TRANSLATE_NOOP("AuditTableModel", "Account"),
    "platform": QT_TRANSLATE_NOOP("AuditTableModel", "Platform"),
    "rogue_account": QT_TRANSLATE_NOOP("AuditTableModel", "Rogue account"),
    "lexicon": QT_TRANSLATE_NOOP("AuditTableModel", "Lexicon"),
    "post": QT_TRANSLATE_NOOP("AuditTableModel", "Post"),
    "publication": QT_TRANSLATE_NOOP("AuditTableModel", "Publication"),
    "delegation": QT_TRANSLATE_NOOP("AuditTableModel", "Delegation"),
    "image": QT_TRANSLATE_NOOP("AuditTableModel", "Image"),
    "library_item": QT_TRANSLATE_NOOP("AuditTableModel", "Library item"),
    "cadence_rule": QT_TRANSLATE_NOOP("AuditTableModel", "Update rule"),
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
                return office_time_seconds(entry.at)
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
