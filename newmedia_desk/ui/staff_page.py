"""The staff list with its filter and the actions an administrator takes on people."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.errors import ConflictError, DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal, StaffRecord, UnitRecord
from newmedia_desk.services.auth import AuthService
from newmedia_desk.services.directory import DirectoryService
from newmedia_desk.ui.form_dialog import error_banner
from newmedia_desk.ui.password_dialogs import ResetPasswordDialog
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import select_source_row
from newmedia_desk.ui.staff_editor import StaffEditorDialog
from newmedia_desk.ui.staff_model import StaffColumn, StaffFilterProxy, StaffTableModel
from newmedia_desk.ui.unit_model import unit_paths

if TYPE_CHECKING:
    from newmedia_desk.context import AppContext
    from newmedia_desk.ui.handover_dialog import HandoverDialog


class StaffPage(QWidget):
    """Staff table; add, edit, mark as left, rejoin, reset password, unlock sign-in."""

    changed = Signal()
    """Something about staff was saved (other pages refresh their figures)."""

    def __init__(
        self,
        directory: DirectoryService,
        auth: AuthService,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        ctx: AppContext | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._directory = directory
        self._auth = auth
        self._actor = actor
        self._prompts = prompts
        self._units: list[UnitRecord] = []
        self._paths: dict[int, str] = {}
        self.editor: StaffEditorDialog | None = None
        self.reset_dialog: ResetPasswordDialog | None = None
        self.handover_dialog: HandoverDialog | None = None

        self.model = StaffTableModel(self)
        self.proxy = StaffFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("staff_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(StaffColumn.UNIT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_double_click)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("staff_filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, login, unit, phone…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.show_left_box = QCheckBox(self.tr("Show people who left"), self)
        self.show_left_box.toggled.connect(self.proxy.set_show_left)

        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.left_button = QPushButton(self.tr("Mark as left…"), self)
        self.rejoin_button = QPushButton(self.tr("Rejoin"), self)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.unlock_button = QPushButton(self.tr("Unlock sign-in"), self)
        self.handover_button = QPushButton(self.tr("Handover…"), self)
        self.handover_button.setToolTip(
            self.tr("Reassign every account this person runs, answers for or holds the password of")
        )
        self.handover_button.setVisible(ctx is not None)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.handover_button.clicked.connect(self.open_handover)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.left_button.clicked.connect(self.mark_left)
        self.rejoin_button.clicked.connect(self.rejoin)
        self.reset_button.clicked.connect(self.open_reset)
        self.unlock_button.clicked.connect(self.unlock_sign_in)
        self.refresh_button.clicked.connect(self.refresh)

        self.message = error_banner(self)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.show_left_box)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.left_button,
            self.handover_button,
            self.rejoin_button,
            self.reset_button,
            self.unlock_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload staff and units from the database, keeping the selection."""
        selected = self.selected()
        try:
            self._units = self._directory.list_units(self._actor)
            records = self._directory.list_staff(self._actor)
        except DeskError as exc:
            self.model.set_records([])
            self.message.setText(error_text(exc))
            self.message.show()
            self._update_buttons()
            return
        self.message.hide()
        self._paths = unit_paths(self._units)
        self.model.set_records(records, self._paths)
        if not self.table.property("sized"):
            self.table.resizeColumnsToContents()
            self.table.setProperty("sized", True)
        if selected is not None:
            self.select_staff(selected.id)
        self._update_buttons()

    def select_staff(self, staff_id: int) -> bool:
        """Select a person's row if it is visible."""
        return select_source_row(self.table, self.proxy, self.model.row_of(staff_id))

    def selected(self) -> StaffRecord | None:
        """The person selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.record_at(rows[0].row()) if rows else None

    def _fresh(self, staff_id: int) -> StaffRecord | None:
        row = self.model.row_of(staff_id)
        return self.model.record(row) if row is not None else None

    # -- permissions ---------------------------------------------------------------------

    def _update_buttons(self) -> None:
        record = self.selected()
        manage = self._actor.can(Permission.MANAGE_STAFF)
        can_edit = record is not None and (
            manage or self._actor.can(Permission.EDIT_STAFF_CONTACT, record.unit_id)
        )
        self.add_button.setEnabled(manage)
        self.edit_button.setEnabled(can_edit)
        self.left_button.setEnabled(manage and record is not None and record.active)
        self.rejoin_button.setEnabled(manage and record is not None and not record.active)
        self.handover_button.setEnabled(manage and record is not None)
        self.reset_button.setEnabled(
            self._actor.can(Permission.RESET_PASSWORD) and record is not None and record.active
        )
        self.unlock_button.setEnabled(
            self._actor.can(Permission.UNLOCK_SIGN_IN)
            and record is not None
            and record.locked_until is not None
        )

    # -- editors -------------------------------------------------------------------------

    def open_add(self) -> None:
        """Open the editor for a new person."""
        self._open_editor(None)

    def open_edit(self) -> None:
        """Open the editor for the selected person."""
        record = self.selected()
        if record is not None:
            self._open_editor(record)

    def _on_double_click(self, index: QModelIndex) -> None:
        if self.edit_button.isEnabled():
            self.open_edit()

    def _open_editor(self, record: StaffRecord | None) -> None:
        editor = StaffEditorDialog(
            self._directory, self._actor, self._units, self._paths, record, parent=self
        )
        editor.saved.connect(self._on_saved)
        editor.conflict.connect(lambda: self._on_editor_conflict(editor))
        editor.finished.connect(lambda _result: self._forget_editor(editor))
        self.editor = editor
        editor.open()

    def _forget_editor(self, editor: StaffEditorDialog) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _on_saved(self, record: StaffRecord) -> None:
        self.refresh()
        self.select_staff(record.id)
        self.changed.emit()

    def _on_editor_conflict(self, editor: StaffEditorDialog) -> None:
        self.refresh()
        if editor.record is not None:
            current = self._fresh(editor.record.id)
            if current is not None:
                editor.rebase(current)

    # -- one-click actions ---------------------------------------------------------------

    def mark_left(self) -> None:
        """Record that the selected person left (after confirming)."""
        record = self.selected()
        if record is None:
            return
        question = self.tr(
            "Mark {name} ({login}) as having left? They can no longer sign in. Nothing is "
            "deleted; you can undo this with Rejoin."
        ).format(name=record.name, login=record.login)
        if not self._prompts.confirm(question):
            return
        self._run(lambda: self._directory.mark_left(self._actor, record.id, record.version))

    def open_handover(self) -> None:
        """List everything the selected person holds on accounts and reassign it."""
        from newmedia_desk.ui.handover_dialog import HandoverDialog

        record = self.selected()
        if record is None or self._ctx is None:
            return
        dialog = HandoverDialog(self._ctx, self._actor, self._prompts, record, self)
        dialog.handed_over.connect(self._after_handover)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.handover_dialog = dialog
        dialog.open()

    def _after_handover(self) -> None:
        self.refresh()
        self.changed.emit()

    def rejoin(self) -> None:
        """Record that the selected person is back."""
        record = self.selected()
        if record is not None:
            self._run(lambda: self._directory.rejoin(self._actor, record.id, record.version))

    def open_reset(self) -> None:
        """Open the dialog that gives the selected person a temporary password."""
        record = self.selected()
        if record is None:
            return
        dialog = ResetPasswordDialog(self._auth, self._actor, record, parent=self)
        dialog.accepted.connect(lambda: self._after_reset(record))
        dialog.conflict.connect(lambda: self._on_reset_conflict(dialog))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.reset_dialog = dialog
        dialog.open()

    def _after_reset(self, record: StaffRecord) -> None:
        self.reset_dialog = None
        self._prompts.info(
            self.tr(
                "{name} has a temporary password now and must choose a new one at the next sign-in."
            ).format(name=record.name)
        )
        self.refresh()

    def _on_reset_conflict(self, dialog: ResetPasswordDialog) -> None:
        self.refresh()
        current = self._fresh(dialog.staff.id)
        if current is not None:
            dialog.staff = current

    def unlock_sign_in(self) -> None:
        """Clear the failed sign-ins of the selected person."""
        record = self.selected()
        if record is None:
            return
        try:
            self._auth.unlock(self._actor, record.login)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self._prompts.info(self.tr("{name} can sign in again.").format(name=record.name))
        self.refresh()

    def _run(self, call: Callable[[], StaffRecord]) -> None:
        try:
            saved = call()
        except ConflictError as exc:
            self._prompts.warning(error_text(exc))
            self.refresh()
            return
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self.refresh()
        self.select_staff(saved.id)
        self.changed.emit()
