"""The Posts area (稿件): the posts list, 待我审批, the content checker and delegations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from newmedia_desk.context import AppContext
from newmedia_desk.domain.checker.check import CheckResult, check
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.checker_page import CheckerPage, PostChecker
from newmedia_desk.ui.library_page import LibraryPage
from newmedia_desk.ui.posts_page import PostsPage, WaitingPage, available
from newmedia_desk.ui.prompts import Prompts

if TYPE_CHECKING:
    from newmedia_desk.ui.delegation_page import DelegationPage


def context_checker(ctx: AppContext) -> PostChecker:
    """A checker using the office's active lexicons, fetched for every check (cached)."""

    def run(text: str, *, title: str, platform: str | None) -> CheckResult:
        return check(text, title=title, platform=platform, lexicons=ctx.lexicons.active())

    return run


class PostsArea(QWidget):
    """Tabs: 稿件列表, 待我审批, 内容检查, 素材库 and 代签授权.

    The list and 待我审批 are read again whenever the area is shown (``refresh``); the
    other tabs keep what was typed in them.
    """

    changed = Signal()
    """A post was saved, signed or published (the start view refreshes its figures)."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        checker: PostChecker | None = None,
    ) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("posts_tabs")
        self.posts_page = PostsPage(ctx, actor, prompts, self)
        self.waiting_page = WaitingPage(ctx, actor, prompts, self)
        self.checker_page = CheckerPage(
            checker if checker is not None else context_checker(ctx), self
        )
        self.tabs.addTab(self.posts_page, self.tr("Posts"))
        self.tabs.addTab(self.waiting_page, self.tr("Waiting for me"))
        self.tabs.addTab(self.checker_page, self.tr("Content check"))
        self.library_page = LibraryPage(ctx, actor, prompts, self)
        self.tabs.addTab(self.library_page, self.tr("Library"))
        self.delegation_page: DelegationPage | None = None
        if available("newmedia_desk.ui.delegation_page"):
            from newmedia_desk.ui.delegation_page import DelegationPage

            page = DelegationPage(ctx, actor, prompts, self)
            page.changed.connect(self._refresh_waiting)
            self.delegation_page = page
            self.tabs.addTab(page, self.tr("Delegations"))
        self.posts_page.changed.connect(self._on_changed)
        self.waiting_page.changed.connect(self._on_changed)
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        """Read the list and what waits for this person again; check with current lexicons."""
        self.posts_page.refresh()
        self._refresh_waiting()
        self.checker_page.refresh()
        if self.tabs.currentWidget() is self.library_page:
            self.library_page.refresh()

    def shutdown(self) -> None:
        """Stop background searches (before the session ends or the database closes)."""
        self.posts_page.shutdown()

    def _refresh_waiting(self) -> None:
        self.waiting_page.refresh()
        count = self.waiting_page.model.rowCount()
        title = self.tr("Waiting for me")
        index = self.tabs.indexOf(self.waiting_page)
        self.tabs.setTabText(index, f"{title} ({count})" if count else title)

    def _on_tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.waiting_page:
            self._refresh_waiting()
        elif page is self.library_page:
            self.library_page.refresh()
        elif page is not None and page is self.delegation_page:
            self.delegation_page.refresh()

    def _on_changed(self) -> None:
        self._refresh_waiting()
        self.changed.emit()
