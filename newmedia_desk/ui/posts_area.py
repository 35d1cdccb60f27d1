"""The Posts area (稿件): the content checker now; drafting and approval in a later version."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from newmedia_desk.context import AppContext
from newmedia_desk.domain.checker.check import CheckResult, check
from newmedia_desk.ui.areas import PLANNED, Area
from newmedia_desk.ui.checker_page import CheckerPage, PostChecker


def context_checker(ctx: AppContext) -> PostChecker:
    """A checker using the office's active lexicons, fetched for every check (cached)."""

    def run(text: str, *, title: str, platform: str | None) -> CheckResult:
        return check(text, title=title, platform=platform, lexicons=ctx.lexicons.active())

    return run


class PostsArea(QWidget):
    """Tabs (for now only 内容检查), under a line saying what comes later."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        checker: PostChecker | None = None,
    ) -> None:
        super().__init__(parent)
        self.note = QLabel(
            self.tr("The content check is ready to use. Coming in a later version: {what}").format(
                what=QCoreApplication.translate("Areas", PLANNED[Area.POSTS])
            ),
            self,
        )
        self.note.setObjectName("planned")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.tabs = QTabWidget(self)
        self.checker_page = CheckerPage(
            checker if checker is not None else context_checker(ctx), self
        )
        self.tabs.addTab(self.checker_page, self.tr("Content check"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)

    def refresh(self) -> None:
        """Check again with the current lexicons."""
        self.checker_page.refresh()
