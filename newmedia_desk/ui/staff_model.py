"""The staff table: a model over ``StaffRecord`` rows and a proxy that filters them."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QObject, QSortFilterProxyModel
from PySide6.QtGui import QBrush, QColor

from newmedia_desk.domain.staff import StaffRecord
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.record_table import (
    AnyIndex,
    RecordTableModel,
    RowRole,
    SortRole,
    row_contains_text,
)
from newmedia_desk.ui.texts import ROLE_ORDER, office_time, role_names, staff_status

_LEFT_COLOUR = QColor("#8a8a8a")


class StaffColumn(IntEnum):
    """The columns of the staff table, in display order."""

    LOGIN = 0
    NAME = 1
    UNIT = 2
    POSITION = 3
    PHONE = 4
    QQ = 5
    ROLES = 6
    STATUS = 7
    LOCKED_UNTIL = 8


HEADERS: dict[StaffColumn, str] = {
    StaffColumn.LOGIN: QT_TRANSLATE_NOOP("StaffTableModel", "Login name"),
    StaffColumn.NAME: QT_TRANSLATE_NOOP("StaffTableModel", "Name"),
    StaffColumn.UNIT: QT_TRANSLATE_NOOP("StaffTableModel", "Unit"),
    StaffColumn.POSITION: QT_TRANSLATE_NOOP("StaffTableModel", "Position"),
    StaffColumn.PHONE: QT_TRANSLATE_NOOP("StaffTableModel", "Phone"),
    StaffColumn.QQ: QT_TRANSLATE_NOOP("StaffTableModel", "QQ"),
    StaffColumn.ROLES: QT_TRANSLATE_NOOP("StaffTableModel", "Roles"),
    StaffColumn.STATUS: QT_TRANSLATE_NOOP("StaffTableModel", "Status"),
    StaffColumn.LOCKED_UNTIL: QT_TRANSLATE_NOOP("StaffTableModel", "Sign-in locked until"),
}


def _timestamp(value: datetime | None) -> float:
    return value.timestamp() if value is not None else 0.0


class StaffTableModel(RecordTableModel[StaffRecord, StaffColumn]):
    """Staff records, one per row; reloaded as a whole with ``set_records``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(StaffColumn, HEADERS, "StaffTableModel", self._display, parent)
        self._unit_paths: dict[int, str] = {}

    def set_records(
        self, records: list[StaffRecord], unit_paths: dict[int, str] | None = None
    ) -> None:
        """Replace every row (``unit_paths`` gives ``上级 / 科室`` texts by unit id)."""
        self._unit_paths = dict(unit_paths or {})
        self.set_rows(records)

    def row_of(self, staff_id: int) -> int | None:
        """The row of a staff member, or ``None``."""
        for row, record in enumerate(self._rows):
            if record.id == staff_id:
                return row
        return None

    def tooltip(self, record: StaffRecord, column: StaffColumn) -> str | None:
        """The full unit path on the unit column."""
        if column is StaffColumn.UNIT:
            return self._unit_paths.get(record.unit_id, record.unit_name)
        return None

    def foreground(self, record: StaffRecord) -> QBrush | None:
        """People who left are shown in grey."""
        return None if record.active else QBrush(_LEFT_COLOUR)

    def _display(self, record: StaffRecord, column: StaffColumn) -> str:
        match column:
            case StaffColumn.LOGIN:
                return record.login
            case StaffColumn.NAME:
                return record.name
            case StaffColumn.UNIT:
                return self._unit_paths.get(record.unit_id, record.unit_name)
            case StaffColumn.POSITION:
                return record.position
            case StaffColumn.PHONE:
                return record.phone
            case StaffColumn.QQ:
                return record.qq
            case StaffColumn.ROLES:
                return role_names(record.roles) if record.roles else ""
            case StaffColumn.STATUS:
                return staff_status(record.active)
            case StaffColumn.LOCKED_UNTIL:
                return office_time(record.locked_until)

    def sort_key(self, record: StaffRecord, column: StaffColumn) -> str | float | int:
        """Times and states sort as numbers, roles by rank, the rest by text."""
        match column:
            case StaffColumn.LOCKED_UNTIL:
                return _timestamp(record.locked_until)
            case StaffColumn.STATUS:
                return 0 if record.active else 1
            case StaffColumn.ROLES:
                return "".join(str(9 - ROLE_ORDER.index(r)) for r in sorted(record.roles))
            case _:
                return self._display(record, column).casefold()


class StaffFilterProxy(QSortFilterProxyModel):
    """Filters staff by a free text and hides people who left unless asked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._show_left = False
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    @property
    def show_left(self) -> bool:
        """Whether people who left are listed."""
        return self._show_left

    def set_filter_text(self, text: str) -> None:
        """Show only rows where some column contains ``text`` (case-insensitive)."""
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_left(self, show: bool) -> None:
        """List people who left as well."""
        self.beginFilterChange()
        self._show_left = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        """Apply the status toggle and the text filter."""
        model = self.sourceModel()
        record = model.index(source_row, 0, source_parent).data(RowRole)
        if not isinstance(record, StaffRecord):
            return False
        if not record.active and not self._show_left:
            return False
        if not self._text:
            return True
        return row_contains_text(model, source_row, source_parent, StaffColumn, self._text)

    def record_at(self, proxy_row: int) -> StaffRecord | None:
        """The record of a visible row."""
        value = self.index(proxy_row, 0).data(RowRole)
        return value if isinstance(value, StaffRecord) else None
