"""The unit tree: units under their parents, built from ``UnitRecord`` rows."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from newmedia_desk.domain.staff import UnitRecord
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.record_table import AnyIndex, RowRole, SortRole

_INACTIVE_COLOUR = QColor("#8a8a8a")


class UnitColumn(IntEnum):
    """The columns of the unit tree."""

    NAME = 0
    STATUS = 1
    PATH = 2


HEADERS: dict[UnitColumn, str] = {
    UnitColumn.NAME: QT_TRANSLATE_NOOP("UnitTreeModel", "Unit"),
    UnitColumn.STATUS: QT_TRANSLATE_NOOP("UnitTreeModel", "Status"),
    UnitColumn.PATH: QT_TRANSLATE_NOOP("UnitTreeModel", "Full path"),
}


def unit_paths(units: list[UnitRecord]) -> dict[int, str]:
    """Return ``上级 / 下级`` paths of every unit (safe against broken parent links)."""
    by_id = {u.id: u for u in units}
    paths: dict[int, str] = {}
    for unit in units:
        parts: list[str] = []
        seen: set[int] = set()
        current: UnitRecord | None = unit
        while current is not None and current.id not in seen:
            seen.add(current.id)
            parts.append(current.name)
            current = by_id.get(current.parent_id) if current.parent_id is not None else None
        paths[unit.id] = " / ".join(reversed(parts))
    return paths


class UnitTreeModel(QAbstractItemModel):
    """Units as a tree. Each index carries the unit id as its internal id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._units: dict[int, UnitRecord] = {}
        self._children: dict[int, list[int]] = {0: []}
        self._parent_of: dict[int, int] = {}
        self._paths: dict[int, str] = {}

    def set_units(self, units: list[UnitRecord]) -> None:
        """Replace the whole tree."""
        self.beginResetModel()
        self._units = {u.id: u for u in units}
        self._paths = unit_paths(units)
        self._children = {0: []}
        self._parent_of = {}
        for unit in units:
            parent = unit.parent_id if unit.parent_id in self._units else None
            key = 0 if parent is None or self._is_own_ancestor(unit.id, parent) else parent
            self._children.setdefault(key, []).append(unit.id)
            self._children.setdefault(unit.id, [])
            self._parent_of[unit.id] = key
        self.endResetModel()

    def _is_own_ancestor(self, unit_id: int, parent: int) -> bool:
        seen: set[int] = set()
        current: int | None = parent
        while current is not None and current not in seen:
            if current == unit_id:
                return True
            seen.add(current)
            current = self._units[current].parent_id if current in self._units else None
        return current is not None

    def units(self) -> list[UnitRecord]:
        """Every unit, in tree order (parents before children)."""
        ordered: list[UnitRecord] = []

        def walk(key: int) -> None:
            for child in self._children.get(key, []):
                ordered.append(self._units[child])
                walk(child)

        walk(0)
        return ordered

    def path(self, unit_id: int) -> str:
        """The full path of a unit."""
        return self._paths.get(unit_id, "")

    def paths(self) -> dict[int, str]:
        """Every unit's full path."""
        return dict(self._paths)

    def record(self, index: AnyIndex) -> UnitRecord | None:
        """The unit of an index."""
        if not index.isValid():
            return None
        return self._units.get(int(index.internalId()))

    def index_of(self, unit_id: int) -> QModelIndex:
        """The index of a unit in the first column."""
        if unit_id not in self._units:
            return QModelIndex()
        parent = self._parent_of[unit_id]
        return self.createIndex(self._children[parent].index(unit_id), 0, unit_id)

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of a child of ``parent``."""
        key = int(parent.internalId()) if parent.isValid() else 0
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._children.get(key, [])
        if not (0 <= row < len(children) and 0 <= column < len(UnitColumn)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """The parent of an index (invalid for top-level units)."""
        if not child.isValid():
            return QModelIndex()
        key = self._parent_of.get(int(child.internalId()), 0)
        if key == 0:
            return QModelIndex()
        grand = self._parent_of[key]
        return self.createIndex(self._children[grand].index(key), 0, key)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Number of sub-units."""
        if parent.isValid() and parent.column() != 0:
            return 0
        key = int(parent.internalId()) if parent.isValid() else 0
        return len(self._children.get(key, []))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Number of columns."""
        return len(UnitColumn)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles, translated."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(UnitColumn)
        ):
            return QCoreApplication.translate("UnitTreeModel", HEADERS[UnitColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The value of one cell."""
        unit = self.record(index)
        if unit is None:
            return None
        column = UnitColumn(index.column())
        if role == RowRole:
            return unit
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if column is UnitColumn.NAME:
                return unit.name
            if column is UnitColumn.STATUS:
                if unit.active:
                    return QCoreApplication.translate("UnitTreeModel", "In use")
                return QCoreApplication.translate("UnitTreeModel", "Not in use")
            return self._paths.get(unit.id, unit.name)
        if role == Qt.ItemDataRole.ForegroundRole and not unit.active:
            return QBrush(_INACTIVE_COLOUR)
        return None
