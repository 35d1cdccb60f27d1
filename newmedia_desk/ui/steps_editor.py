"""An editable list of approval steps: title, signing role, own unit only.

One widget serves the account opening's opinion boxes and each tier's route of posts,
which share one shape (``ApprovalStepSpec``), one JSON format and one validation.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.accounts import ApprovalStepSpec
from newmedia_desk.domain.roles import Role
from newmedia_desk.ui.texts import ROLE_ORDER, role_name

TITLE, ROLE, OWN_UNIT = 0, 1, 2
KeyRole = Qt.ItemDataRole.UserRole + 1
"""Item role holding a step's stable key."""


class RoleDelegate(QStyledItemDelegate):
    """Chooses a step's signing role from the office's roles."""

    def createEditor(  # noqa: N802 - Qt API
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        """A combo box of the roles."""
        combo = QComboBox(parent)
        for role in ROLE_ORDER:
            combo.addItem(role_name(role), role.value)
        return combo

    def setEditorData(  # noqa: N802 - Qt API
        self, editor: QWidget, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Select the current role."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.UserRole)), 0))

    def setModelData(  # noqa: N802 - Qt API
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Store the chosen role (value and words)."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class StepsEditor(QWidget):
    """A table of steps with 添加 / 删除 / 上移 / 下移; read-only unless ``editable``.

    The steps are only collected here; the service that stores them validates them.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        editable: bool,
        new_title: str,
        first_column: str,
        object_name: str,
    ) -> None:
        super().__init__(parent)
        self._new_title = new_title
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [first_column, self.tr("Signed by"), self.tr("Own unit only")]
        )
        self.view = QTableView(self)
        self.view.setObjectName(object_name)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(ROLE, RoleDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Fixed)
        widest = max(self.fontMetrics().horizontalAdvance(role_name(r)) for r in ROLE_ORDER)
        header.resizeSection(ROLE, widest + 40)  # room for the combo box's arrow
        header.setSectionResizeMode(OWN_UNIT, QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setVisible(False)
        self.view.setMinimumHeight(150)
        if not editable:
            self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.add_button.clicked.connect(self.add_step)
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def set_steps(self, steps: Sequence[ApprovalStepSpec]) -> None:
        """Show ``steps`` (replacing what was shown)."""
        self.model.removeRows(0, self.model.rowCount())
        for spec in steps:
            self.model.appendRow(self._row(spec.key, spec.title, spec.role, spec.own_unit))

    def steps(self) -> list[ApprovalStepSpec]:
        """The steps as edited."""
        result = []
        for r in range(self.model.rowCount()):
            title = self.model.item(r, TITLE)
            role = self.model.item(r, ROLE)
            unit = self.model.item(r, OWN_UNIT)
            result.append(
                ApprovalStepSpec(
                    key=str(title.data(KeyRole)),
                    title=title.text().strip(),
                    role=Role(str(role.data(Qt.ItemDataRole.UserRole))),
                    own_unit=unit.checkState() == Qt.CheckState.Checked,
                )
            )
        return result

    @staticmethod
    def _row(key: str, title: str, role: Role, own_unit: bool) -> list[QStandardItem]:
        title_item = QStandardItem(title)
        title_item.setData(key, KeyRole)
        role_item = QStandardItem(role_name(role))
        role_item.setData(role.value, Qt.ItemDataRole.UserRole)
        unit_item = QStandardItem()
        unit_item.setCheckable(True)
        unit_item.setEditable(False)
        unit_item.setCheckState(Qt.CheckState.Checked if own_unit else Qt.CheckState.Unchecked)
        return [title_item, role_item, unit_item]

    def _current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def add_step(self) -> None:
        """Append a step signed by a supervising leader, to be renamed."""
        keys = {str(self.model.item(r, TITLE).data(KeyRole)) for r in range(self.model.rowCount())}
        number = 1
        while f"step{number}" in keys:
            number += 1
        self.model.appendRow(self._row(f"step{number}", self._new_title, Role.SUPERVISOR, False))
        self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))

    def remove_step(self) -> None:
        """Remove the selected step."""
        row = self._current_row()
        if row >= 0:
            self.model.removeRow(row)

    def move_step(self, delta: int) -> None:
        """Move the selected step up (-1) or down (+1)."""
        row = self._current_row()
        target = row + delta
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        items = self.model.takeRow(row)
        self.model.insertRow(target, items)
        self.view.setCurrentIndex(self.model.index(target, 0))
