"""The unit tree and its editor (add, rename, move, take in or out of use)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal, UnitRecord
from newmedia_desk.services.directory import DirectoryService
from newmedia_desk.ui.form_dialog import FormDialog, error_banner
from newmedia_desk.ui.prompts import error_text
from newmedia_desk.ui.unit_model import UnitColumn, UnitTreeModel, unit_paths


class UnitEditorDialog(FormDialog):
    """Name, parent unit and whether the unit is in use. Emits ``saved(UnitRecord)``."""

    saved = Signal(object)

    def __init__(
        self,
        directory: DirectoryService,
        actor: Principal,
        units: list[UnitRecord],
        record: UnitRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Add unit") if record is None else self.tr("Edit unit"))
        self._directory = directory
        self._actor = actor
        self.record = record
        paths = unit_paths(units)
        self.name_edit = QLineEdit(self)
        self.parent_combo = QComboBox(self)
        self.parent_combo.addItem(self.tr("(top level)"), None)
        for unit in units:
            if record is None or unit.id != record.id:
                self.parent_combo.addItem(paths.get(unit.id, unit.name), unit.id)
        self.active_box = QCheckBox(self.tr("In use"), self)
        self.active_box.setChecked(True)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.add_field("parent_id", self.tr("Parent unit"), self.parent_combo)
        self.add_field("active", self.tr("Status"), self.active_box)
        if record is not None:
            self._fill(record)
        else:
            self.active_box.setEnabled(False)

    def _fill(self, record: UnitRecord) -> None:
        self.name_edit.setText(record.name)
        index = self.parent_combo.findData(record.parent_id) if record.parent_id else 0
        self.parent_combo.setCurrentIndex(max(index, 0))
        self.active_box.setChecked(record.active)

    def parent_id(self) -> int | None:
        """The chosen parent unit (``None`` for top level)."""
        value = self.parent_combo.currentData()
        return int(value) if value is not None else None

    def submit(self) -> None:
        """Create or update through the directory service."""
        if self.record is None:
            saved = self._directory.create_unit(
                self._actor, self.name_edit.text(), self.parent_id()
            )
        else:
            saved = self._directory.update_unit(
                self._actor,
                self.record.id,
                name=self.name_edit.text(),
                parent_id=self.parent_id(),
                active=self.active_box.isChecked(),
                expected_version=self.record.version,
            )
        self.saved.emit(saved)

    def rebase(self, current: UnitRecord) -> None:
        """Take ``current`` as the version to change, keeping what was typed."""
        self.record = current
        self.banner.setText(
            self.banner.text()
            + "\n\n"
            + self.tr("Now saved: “{name}”. Your input is kept; press Save to apply it.").format(
                name=current.name
            )
        )


class UnitPage(QWidget):
    """The units as a tree, with Add and Edit."""

    changed = Signal()

    def __init__(
        self, directory: DirectoryService, actor: Principal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._actor = actor
        self.editor: UnitEditorDialog | None = None
        self.model = UnitTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("unit_tree")
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.doubleClicked.connect(lambda _index: self.open_edit())
        self.message = error_banner(self)
        self.add_button = QPushButton(self.tr("Add unit…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the units."""
        selected = self.selected()
        try:
            units = self._directory.list_units(self._actor)
        except DeskError as exc:
            self.model.set_units([])
            self.message.setText(error_text(exc))
            self.message.show()
            self._update_buttons()
            return
        self.message.hide()
        self.model.set_units(units)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(UnitColumn.NAME)
        if selected is not None:
            self.tree.setCurrentIndex(self.model.index_of(selected.id))
        self._update_buttons()

    def selected(self) -> UnitRecord | None:
        """The unit selected in the tree."""
        return self.model.record(self.tree.currentIndex())

    def _update_buttons(self) -> None:
        manage = self._actor.can(Permission.MANAGE_UNITS)
        self.add_button.setEnabled(manage)
        self.edit_button.setEnabled(manage and self.selected() is not None)

    def open_add(self) -> None:
        """Open the editor for a new unit (below the selected one)."""
        editor = self._open(None)
        selected = self.selected()
        if selected is not None:
            editor.parent_combo.setCurrentIndex(max(editor.parent_combo.findData(selected.id), 0))

    def open_edit(self) -> None:
        """Open the editor for the selected unit."""
        record = self.selected()
        if record is not None and self._actor.can(Permission.MANAGE_UNITS):
            self._open(record)

    def _open(self, record: UnitRecord | None) -> UnitEditorDialog:
        editor = UnitEditorDialog(
            self._directory, self._actor, self.model.units(), record, parent=self
        )
        editor.saved.connect(lambda _saved: self._on_saved())
        editor.conflict.connect(lambda: self._on_conflict(editor))
        editor.finished.connect(lambda _result: self._forget(editor))
        self.editor = editor
        editor.open()
        return editor

    def _forget(self, editor: UnitEditorDialog) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _on_saved(self) -> None:
        self.refresh()
        self.changed.emit()

    def _on_conflict(self, editor: UnitEditorDialog) -> None:
        self.refresh()
        if editor.record is not None:
            index = self.model.index_of(editor.record.id)
            current = self.model.record(index)
            if current is not None:
                editor.rebase(current)
