"""The dialog that drafts an account application or changes an account's details."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.accounts import (
    AccountDraft,
    AccountRecord,
    AccountStatus,
    PlatformRecord,
    Severity,
    Verification,
)
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.staff import Principal, StaffRecord, UnitRecord
from newmedia_desk.services.accounts import AccountService
from newmedia_desk.ui.account_texts import finding_text, verification_name
from newmedia_desk.ui.form_dialog import FormDialog

CHECK_DELAY_MS = 400
"""Pause after typing before the checks run again."""


def _long_edit(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setFixedHeight(height)
    return edit


def people_combo(
    parent: QWidget, staff: list[StaffRecord], current: int | None, unit_paths: dict[int, str]
) -> QComboBox:
    """A choice of working staff (and the current person, even if they left)."""
    combo = QComboBox(parent)
    for person in staff:
        if person.active or person.id == current:
            unit = unit_paths.get(person.unit_id, person.unit_name)
            combo.addItem(f"{person.name}（{unit}）", person.id)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class AccountEditorDialog(FormDialog):
    """Every field of the opening form; the checks are shown as one types.

    Emits ``saved(AccountRecord)``. The service decides what is allowed; a change of the
    administrator or responsible person of an open account is a 变更 that must be filed.
    """

    saved = Signal(object)

    def __init__(
        self,
        accounts: AccountService,
        actor: Principal,
        *,
        platforms: list[PlatformRecord],
        units: list[UnitRecord],
        unit_paths: dict[int, str],
        staff: list[StaffRecord],
        others: list[AccountRecord],
        record: AccountRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(
            self.tr("New account application") if record is None else self.tr("Edit account")
        )
        self._accounts = accounts
        self._actor = actor
        self.record = record
        self.platform_combo = QComboBox(self)
        for platform in platforms:
            if platform.active or (record is not None and platform.id == record.platform_id):
                self.platform_combo.addItem(platform.name, platform.id)
        self.name_edit = QLineEdit(self)
        self.handle_edit = QLineEdit(self)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        self.unit_combo = QComboBox(self)
        for unit in units:
            if unit.active or (record is not None and unit.id == record.unit_id):
                self.unit_combo.addItem(unit_paths.get(unit.id, unit.name), unit.id)
        if record is None:
            self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(actor.unit_id), 0))
        self.admin_combo = people_combo(
            self, staff, record.administrator_id if record else actor.staff_id, unit_paths
        )
        self.responsible_combo = people_combo(
            self, staff, record.responsible_id if record else None, unit_paths
        )
        self.purpose_edit = _long_edit(self)
        self.scope_edit = _long_edit(self, 2)
        self.other_media_edit = QLineEdit(self)
        self.bio_edit = _long_edit(self, 2)
        self.verification_combo = QComboBox(self)
        for value in Verification:
            self.verification_combo.addItem(verification_name(value), value.value)
        self.email_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.parent_combo = QComboBox(self)
        self.parent_combo.addItem(self.tr("(none)"), None)
        for other in others:
            if record is not None and other.id == record.id:
                continue
            if other.status is AccountStatus.CLOSED and (
                record is None or record.parent_id != other.id
            ):
                continue
            self.parent_combo.addItem(f"{other.platform_name} · {other.name}", other.id)
        self.cadence_edit = QLineEdit(self)
        self.cadence_edit.setPlaceholderText(self.tr("e.g. daily 07:30 and 17:00"))
        self.reserved_note_edit = QLineEdit(self)
        self.reserved_note_edit.setPlaceholderText(
            self.tr("Only if the name uses a reserved word: who approved it, when")
        )
        self.second_reason_edit = QLineEdit(self)
        self.second_reason_edit.setPlaceholderText(
            self.tr("Only for a second account of the unit on one platform")
        )
        self.add_field("platform_id", self.tr("Platform"), self.platform_combo)
        self.add_field("name", self.tr("Account name"), self.name_edit)
        self.add_field("handle", self.tr("Account ID"), self.handle_edit)
        self.add_field("url", self.tr("Address"), self.url_edit)
        self.add_field("unit_id", self.tr("Unit"), self.unit_combo)
        self.add_field("administrator_id", self.tr("Administrator"), self.admin_combo)
        self.add_field("responsible_id", self.tr("Responsible person"), self.responsible_combo)
        self.add_field("purpose", self.tr("Purpose"), self.purpose_edit)
        self.add_field("scope", self.tr("Publishing scope"), self.scope_edit)
        self.add_field("other_media", self.tr("Other media"), self.other_media_edit)
        self.add_field("bio", self.tr("Introduction"), self.bio_edit)
        self.add_field("verification", self.tr("Verification"), self.verification_combo)
        self.add_field("email", self.tr("Registered e-mail"), self.email_edit)
        self.add_field("phone", self.tr("Registered phone"), self.phone_edit)
        self.add_field("parent_id", self.tr("Parent account"), self.parent_combo)
        self.add_field("cadence_text", self.tr("Update requirement"), self.cadence_edit)
        self.add_field(
            "reserved_word_note", self.tr("Approval of reserved word"), self.reserved_note_edit
        )
        self.add_field(
            "second_account_reason", self.tr("Reason for a second account"), self.second_reason_edit
        )
        self.reason_edit: QLineEdit | None = None
        if record is not None:
            self.reason_edit = QLineEdit(self)
            self.reason_edit.setPlaceholderText(self.tr("Why the change (kept in the history)"))
            self.add_field("reason", self.tr("Reason"), self.reason_edit)
            self._fill(record)
        self.findings_label = QLabel(self)
        self.findings_label.setObjectName("findings")
        self.findings_label.setWordWrap(True)
        self.findings_label.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, self.findings_label)  # between the form and the buttons
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_checks)
        for edit in (
            self.name_edit,
            self.reserved_note_edit,
            self.second_reason_edit,
        ):
            edit.textChanged.connect(self._check_timer.start)
        for long_edit in (self.purpose_edit, self.bio_edit):
            long_edit.textChanged.connect(self._check_timer.start)
        for combo in (self.platform_combo, self.unit_combo):
            combo.currentIndexChanged.connect(self._check_timer.start)
        self.setMinimumWidth(640)
        if record is None:
            self.show_note(
                self.tr(
                    "The application is saved as a draft. Submit it for approval when it is "
                    "complete; each leader then signs on this computer."
                )
            )
        else:
            self.run_checks()

    def _fill(self, record: AccountRecord) -> None:
        self.platform_combo.setCurrentIndex(
            max(self.platform_combo.findData(record.platform_id), 0)
        )
        self.name_edit.setText(record.name)
        self.handle_edit.setText(record.handle)
        self.url_edit.setText(record.url)
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(record.unit_id), 0))
        self.purpose_edit.setPlainText(record.purpose)
        self.scope_edit.setPlainText(record.scope)
        self.other_media_edit.setText(record.other_media)
        self.bio_edit.setPlainText(record.bio)
        self.verification_combo.setCurrentIndex(
            max(self.verification_combo.findData(record.verification.value), 0)
        )
        self.email_edit.setText(record.email)
        self.phone_edit.setText(record.phone)
        self.parent_combo.setCurrentIndex(max(self.parent_combo.findData(record.parent_id), 0))
        self.cadence_edit.setText(record.cadence_text)
        self.reserved_note_edit.setText(record.reserved_word_note)
        self.second_reason_edit.setText(record.second_account_reason)

    @staticmethod
    def _id(combo: QComboBox) -> int:
        value = combo.currentData()
        return int(value) if value is not None else 0

    def draft(self) -> AccountDraft:
        """What the form holds, as a draft for the service."""
        parent = self.parent_combo.currentData()
        return AccountDraft(
            platform_id=self._id(self.platform_combo),
            name=self.name_edit.text(),
            unit_id=self._id(self.unit_combo),
            administrator_id=self._id(self.admin_combo),
            responsible_id=self._id(self.responsible_combo),
            handle=self.handle_edit.text(),
            url=self.url_edit.text(),
            purpose=self.purpose_edit.toPlainText(),
            scope=self.scope_edit.toPlainText(),
            other_media=self.other_media_edit.text(),
            bio=self.bio_edit.toPlainText(),
            verification=Verification(self.verification_combo.currentData()),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            parent_id=int(parent) if parent is not None else None,
            cadence_text=self.cadence_edit.text(),
            reserved_word_note=self.reserved_note_edit.text(),
            second_account_reason=self.second_reason_edit.text(),
        )

    def run_checks(self) -> None:
        """Show what the checks find in the form as it is now (nothing is saved)."""
        self._check_timer.stop()
        try:
            findings = self._accounts.check_draft(
                self._actor, self.draft(), None if self.record is None else self.record.id
            )
        except DeskError:
            self.findings_label.hide()
            return
        if not findings:
            self.findings_label.hide()
            return
        lines = []
        for finding in findings:
            mark = "✖" if finding.severity is Severity.ERROR else "⚠"
            lines.append(f"{mark} {finding_text(finding)}")
        self.findings_label.setText("\n".join(lines))
        self.findings_label.setStyleSheet(
            "color: #7a5200; background: #fff4d6; padding: 6px; border-radius: 3px;"
        )
        self.findings_label.show()

    def submit(self) -> None:
        """Create the application or save the changes through the account service."""
        draft = self.draft()
        if self.record is None:
            saved = self._accounts.create_application(self._actor, draft)
        else:
            reason = self.reason_edit.text() if self.reason_edit is not None else ""
            saved = self._accounts.update_account(
                self._actor, self.record.id, draft, self.record.version, reason=reason
            )
        self.saved.emit(saved)
