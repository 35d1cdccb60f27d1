"""The register of rogue accounts (违规账号) and what was done about each."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.accounts import (
    PlatformRecord,
    RogueActionKind,
    RogueDraft,
    RogueRecord,
    RogueStatus,
)
from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.services.accounts import AccountService, RogueService
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.account_dialogs import date_edit, date_of
from newmedia_desk.ui.account_model import RogueColumn, RogueTableModel
from newmedia_desk.ui.account_texts import rogue_action_name
from newmedia_desk.ui.form_dialog import FormDialog, error_banner
from newmedia_desk.ui.prompts import error_text
from newmedia_desk.ui.record_table import RowRole, SortRole, select_source_row
from newmedia_desk.ui.texts import from_qdatetime, office_datetime_edit


class RogueEditorDialog(FormDialog):
    """Record a rogue account as found, or correct its details. Emits ``saved(record)``."""

    saved = Signal(object)

    def __init__(
        self,
        rogues: RogueService,
        actor: Principal,
        platforms: list[PlatformRecord],
        now: datetime,
        record: RogueRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(
            self.tr("Record a rogue account") if record is None else self.tr("Edit rogue account")
        )
        self._rogues = rogues
        self._actor = actor
        self.record = record
        self.platform_combo = QComboBox(self)
        for p in platforms:
            if p.active or (record is not None and p.id == record.platform_id):
                self.platform_combo.addItem(p.name, p.id)
        self.name_edit = QLineEdit(self)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        found = record.found_at if record else now
        self.found_edit = office_datetime_edit(self, found)
        self.where_edit = QPlainTextEdit(self)
        self.where_edit.setTabChangesFocus(True)
        self.where_edit.setFixedHeight(self.where_edit.fontMetrics().lineSpacing() * 3 + 14)
        self.notes_edit = QLineEdit(self)
        self.add_field("platform_id", self.tr("Platform"), self.platform_combo)
        self.add_field("name", self.tr("Name used"), self.name_edit)
        self.add_field("url", self.tr("Address"), self.url_edit)
        self.add_field("found_at", self.tr("Found"), self.found_edit)
        self.add_field("where_found", self.tr("Where and how found"), self.where_edit)
        self.add_field("notes", self.tr("Notes"), self.notes_edit)
        if record is not None:
            self.platform_combo.setCurrentIndex(
                max(self.platform_combo.findData(record.platform_id), 0)
            )
            self.name_edit.setText(record.name)
            self.url_edit.setText(record.url)
            self.where_edit.setPlainText(record.where_found)
            self.notes_edit.setText(record.notes)

    def draft(self) -> RogueDraft:
        """What the form holds."""
        found = from_qdatetime(self.found_edit.dateTime())
        return RogueDraft(
            platform_id=int(self.platform_combo.currentData() or 0),
            name=self.name_edit.text(),
            found_at=found,
            url=self.url_edit.text(),
            where_found=self.where_edit.toPlainText(),
            notes=self.notes_edit.text(),
        )

    def submit(self) -> None:
        """Register or update through the rogue service."""
        if self.record is None:
            saved = self._rogues.register(self._actor, self.draft())
        else:
            saved = self._rogues.update(
                self._actor, self.record.id, self.draft(), self.record.version
            )
        self.saved.emit(saved)


class RogueActionDialog(FormDialog):
    """Record what was done: 通知技术科, 平台举报, 已关闭 (closes the entry) or other."""

    saved = Signal(object)

    def __init__(
        self,
        rogues: RogueService,
        actor: Principal,
        record: RogueRecord,
        today: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Action on {name}").format(name=record.name))
        self._rogues = rogues
        self._actor = actor
        self.record = record
        self.kind_combo = QComboBox(self)
        for kind in RogueActionKind:
            self.kind_combo.addItem(rogue_action_name(kind), kind.value)
        self.date_edit = date_edit(self, office_date(today))
        self.note_edit = QLineEdit(self)
        self.add_field("kind", self.tr("Action"), self.kind_combo)
        self.add_field("taken_on", self.tr("Date"), self.date_edit)
        self.add_field("reason", self.tr("Note"), self.note_edit)

    def submit(self) -> None:
        """Record the action through the rogue service."""
        saved = self._rogues.add_action(
            self._actor,
            self.record.id,
            RogueActionKind(self.kind_combo.currentData()),
            date_of(self.date_edit),
            self.note_edit.text(),
            self.record.version,
        )
        self.saved.emit(saved)


class RoguePage(QWidget):
    """The rogue-account register with a filter; record, edit and add actions."""

    changed = Signal()

    def __init__(
        self,
        rogues: RogueService,
        accounts: AccountService,
        actor: Principal,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rogues = rogues
        self._accounts = accounts
        self._actor = actor
        self._clock = clock
        self.dialog: QDialog | None = None
        self.model = RogueTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = read_only_table(self, "rogue_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RogueColumn.STATUS, Qt.SortOrder.AscendingOrder)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, platform, where found…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(self.tr("Record…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.action_button = QPushButton(self.tr("Record action…"), self)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.action_button.clicked.connect(self.open_action)
        self.message = error_banner(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.action_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _now(self) -> datetime:
        return self._clock.now()

    def refresh(self) -> None:
        """Reload the register."""
        selected = self.selected()
        try:
            self.model.set_rows(self._rogues.list_rogues(self._actor))
        except DeskError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.message.hide()
        if not self.table.property("sized"):
            self.table.resizeColumnsToContents()
            self.table.setProperty("sized", True)
        if selected is not None:
            self.select_rogue(selected.id)
        self._update_buttons()

    def selected(self) -> RogueRecord | None:
        """The entry selected."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.proxy.index(rows[0].row(), 0).data(RowRole)
        return value if isinstance(value, RogueRecord) else None

    def select_rogue(self, rogue_id: int) -> bool:
        """Select an entry if visible."""
        return select_source_row(self.table, self.proxy, self.model.row_of(rogue_id))

    def _update_buttons(self) -> None:
        record = self.selected()
        manage = self._actor.can(Permission.MANAGE_ROGUES)
        self.add_button.setEnabled(manage)
        self.edit_button.setEnabled(manage and record is not None)
        self.action_button.setEnabled(
            manage and record is not None and record.status is RogueStatus.OPEN
        )

    def _open(self, dialog: FormDialog) -> None:
        def forget(_r: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(forget)
        dialog.conflict.connect(self.refresh)
        self.dialog = dialog
        dialog.open()

    def _after_save(self, record: RogueRecord) -> None:
        self.refresh()
        self.select_rogue(record.id)
        self.changed.emit()

    def open_add(self) -> None:
        """Record a newly found rogue account."""
        self._open_editor(None)

    def open_edit(self) -> None:
        """Correct the selected entry."""
        record = self.selected()
        if record is not None:
            self._open_editor(record)

    def _open_editor(self, record: RogueRecord | None) -> None:
        try:
            platforms = self._accounts.list_platforms(self._actor)
        except DeskError:
            platforms = []
        dialog = RogueEditorDialog(
            self._rogues, self._actor, platforms, self._now(), record, parent=self
        )
        dialog.saved.connect(self._after_save)
        self._open(dialog)

    def open_action(self) -> None:
        """Record an action on the selected entry."""
        record = self.selected()
        if record is None:
            return
        dialog = RogueActionDialog(self._rogues, self._actor, record, self._now(), self)
        dialog.saved.connect(self._after_save)
        self._open(dialog)
