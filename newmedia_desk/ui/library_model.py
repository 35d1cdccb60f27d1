"""The table of the content library page (素材库): one library item per row."""

from __future__ import annotations

import re
from enum import IntEnum

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from newmedia_desk.services.library import LibraryRecord
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.record_table import RecordTableModel
from newmedia_desk.ui.texts import office_time

EXCERPT = 60
"""Characters of an item's text shown in the table."""
TOOLTIP_TEXT = 600
"""Characters of an item's text shown in the text column's tooltip."""
GREY = QColor("#8a8a8a")

_SPACES = re.compile(r"\s+")


class LibraryColumn(IntEnum):
    """The columns of the library table."""

    TITLE = 0
    TAGS = 1
    TEXT = 2
    IMAGE = 3
    ADDED_BY = 4
    ADDED_AT = 5


HEADERS: dict[LibraryColumn, str] = {
    LibraryColumn.TITLE: QT_TRANSLATE_NOOP("LibraryTableModel", "Title"),
    LibraryColumn.TAGS: QT_TRANSLATE_NOOP("LibraryTableModel", "Tags"),
    LibraryColumn.TEXT: QT_TRANSLATE_NOOP("LibraryTableModel", "Text"),
    LibraryColumn.IMAGE: QT_TRANSLATE_NOOP("LibraryTableModel", "Image"),
    LibraryColumn.ADDED_BY: QT_TRANSLATE_NOOP("LibraryTableModel", "Added by"),
    LibraryColumn.ADDED_AT: QT_TRANSLATE_NOOP("LibraryTableModel", "Added"),
}


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The start of a text on one line (runs of spaces and line breaks become one space)."""
    flat = _SPACES.sub(" ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def tags_text(tags: tuple[str, ...]) -> str:
    """Tags as the table and the editor show them: separated by spaces."""
    return " ".join(tags)


class LibraryTableModel(RecordTableModel[LibraryRecord, LibraryColumn]):
    """Library items as the service found them; archived items grey."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(LibraryColumn, HEADERS, "LibraryTableModel", self._show, parent)

    def _show(self, record: LibraryRecord, column: LibraryColumn) -> str:
        match column:
            case LibraryColumn.TITLE:
                if record.archived_at is not None:
                    return self.tr("{title} (archived)").format(title=record.title)
                return record.title
            case LibraryColumn.TAGS:
                return tags_text(record.tags)
            case LibraryColumn.TEXT:
                return excerpt(record.text)
            case LibraryColumn.IMAGE:
                return self.tr("Yes") if record.image_sha256 is not None else ""
            case LibraryColumn.ADDED_BY:
                return record.created_by
            case LibraryColumn.ADDED_AT:
                return office_time(record.created_at)

    def sort_key(self, record: LibraryRecord, column: LibraryColumn) -> str | float | int:
        """Times sort as times; the image column puts items with images together."""
        if column is LibraryColumn.ADDED_AT:
            return record.created_at.timestamp()
        if column is LibraryColumn.IMAGE:
            return int(record.image_sha256 is not None)
        return self._show(record, column).casefold()

    def tooltip(self, record: LibraryRecord, column: LibraryColumn) -> str | None:
        """The text column shows more of the text when pointed at."""
        if column is LibraryColumn.TEXT and record.text:
            return excerpt(record.text, TOOLTIP_TEXT)
        return None

    def foreground(self, record: LibraryRecord) -> QBrush | None:
        """Grey for archived items."""
        return None if record.archived_at is None else QBrush(GREY)

    def row_of(self, item_id: int) -> int | None:
        """The row of one item, if listed."""
        for row, record in enumerate(self.records()):
            if record.id == item_id:
                return row
        return None
