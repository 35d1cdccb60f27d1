"""The areas of the left navigation, and the page shown for areas not built yet."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP


class Area(IntEnum):
    """The navigation entries, in order."""

    START = 0
    POSTS = 1
    ACCOUNTS = 2
    CALENDAR = 3
    LEDGERS = 4
    STATISTICS = 5
    SETTINGS = 6


AREA_NAMES: dict[Area, str] = {
    Area.START: QT_TRANSLATE_NOOP("Areas", "Start"),
    Area.POSTS: QT_TRANSLATE_NOOP("Areas", "Posts"),
    Area.ACCOUNTS: QT_TRANSLATE_NOOP("Areas", "Accounts"),
    Area.CALENDAR: QT_TRANSLATE_NOOP("Areas", "Calendar"),
    Area.LEDGERS: QT_TRANSLATE_NOOP("Areas", "Ledgers"),
    Area.STATISTICS: QT_TRANSLATE_NOOP("Areas", "Statistics"),
    Area.SETTINGS: QT_TRANSLATE_NOOP("Areas", "Settings"),
}

PLANNED: dict[Area, str] = {
    Area.POSTS: QT_TRANSLATE_NOOP(
        "Areas",
        "Drafting posts, tiered approval (editor, section head, supervising leader, chief) "
        "with each sign-off recorded, and the publication log.",
    ),
    Area.CALENDAR: QT_TRANSLATE_NOOP(
        "Areas",
        "Update cadence per account and column (for example daily 07:30 and 17:00), "
        "planned posts and reminders before an account falls silent.",
    ),
    Area.LEDGERS: QT_TRANSLATE_NOOP(
        "Areas",
        "Printable registers: publications, accounts, comment handling, incidents, "
        "exported to the office's Excel forms.",
    ),
    Area.STATISTICS: QT_TRANSLATE_NOOP(
        "Areas",
        "Monthly figures per unit for assessment: posts published on time, missed "
        "updates, commendations and criticisms.",
    ),
}


def area_name(area: Area) -> str:
    """The translated name of an area."""
    return QCoreApplication.translate("Areas", AREA_NAMES[area])


class PlannedAreaPage(QWidget):
    """Says plainly that an area comes in a later version, and what it will hold."""

    def __init__(self, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(area_name(area), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        lead = QLabel(self.tr("This area arrives in a later version."), self)
        lead.setObjectName("lead")
        body = QLabel(
            self.tr("It will hold: {what}").format(
                what=QCoreApplication.translate("Areas", PLANNED[area])
            ),
            self,
        )
        body.setObjectName("planned")
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addWidget(body)
        layout.addStretch(1)
