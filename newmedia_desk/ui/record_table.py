"""One base for every table of plain records: rows of DTOs, columns from an ``IntEnum``.

Each table says how a record shows in a column (the ``display`` function it is built
with) and, where that text does not sort naturally, what to sort by (``sort_key``); the
row, header and role plumbing is here once. Models hold DTOs from services, never ORM rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView

SortRole = Qt.ItemDataRole.UserRole
"""Role giving a value that sorts naturally (numbers and times as numbers)."""
RowRole = Qt.ItemDataRole.UserRole + 1
"""Role giving the whole record of the row."""

AnyIndex = QModelIndex | QPersistentModelIndex

R = TypeVar("R")
C = TypeVar("C", bound=IntEnum)
T = TypeVar("T")


class RecordTableModel(QAbstractTableModel, Generic[R, C]):
    """Records, one per row; reloaded as a whole with ``set_rows``.

    Args:
        columns: the ``IntEnum`` of columns, in display order.
        headers: untranslated column titles (marked with ``QT_TRANSLATE_NOOP``).
        context: the translation context of ``headers``.
        display: the text of one cell: ``display(record, column)``.
        parent: the owning object.
    """

    def __init__(
        self,
        columns: type[C],
        headers: Mapping[C, str],
        context: str,
        display: Callable[[R, C], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.display = display
        self._columns = columns
        self._headers = headers
        self._context = context
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> R:
        """The record shown in ``row``."""
        return self._rows[row]

    def records(self) -> list[R]:
        """Every record, in model order."""
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Number of records (a flat table: no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Number of columns."""
        return 0 if parent.isValid() else len(self._columns)

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
            and 0 <= section < len(self._columns)
        ):
            return QCoreApplication.translate(self._context, self._headers[self._columns(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The value of one cell for ``role``."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self._columns(index.column())
        if role == RowRole:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == SortRole:
            return self.sort_key(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(record)
        return None

    def sort_key(self, record: R, column: C) -> str | float | int:
        """What a column sorts by (default: the text, case-folded)."""
        return self.display(record, column).casefold()

    def tooltip(self, record: R, column: C) -> str | None:
        """A tooltip for one cell, if any."""
        return None

    def foreground(self, record: R) -> QBrush | None:
        """A text colour for a whole row, if any (e.g. grey for people who left)."""
        return None


def selected_record(view: QAbstractItemView, kind: type[T]) -> T | None:
    """The record (``RowRole``) of the first selected row, if it is a ``kind``."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    value = rows[0].data(RowRole)
    return value if isinstance(value, kind) else None


def select_proxy_row(view: QAbstractItemView, index: QModelIndex) -> bool:
    """Select the whole row of ``index`` (an index of the view's model); False if invalid."""
    if not index.isValid():
        return False
    selection = view.selectionModel()
    selection.select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setCurrentIndex(index)
    return True


def select_source_row(
    view: QAbstractItemView, proxy: QSortFilterProxyModel, source_row: int | None
) -> bool:
    """Select the visible row showing ``source_row`` of the proxy's source model."""
    if source_row is None:
        return False
    source = proxy.sourceModel()
    return select_proxy_row(view, proxy.mapFromSource(source.index(source_row, 0)))


def row_contains_text(
    model: QAbstractItemModel,
    source_row: int,
    parent: AnyIndex,
    columns: Iterable[int],
    folded_text: str,
) -> bool:
    """Whether any shown cell of the row contains ``folded_text`` (already case-folded)."""
    for column in columns:
        value = model.index(source_row, column, parent).data()
        if isinstance(value, str) and folded_text in value.casefold():
            return True
    return False
