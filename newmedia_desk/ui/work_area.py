"""The content of a signed-in session: left navigation and one page per area."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from newmedia_desk.context import AppContext
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.areas import Area, PlannedAreaPage, area_name
from newmedia_desk.ui.clipboard import SecretClipboard
from newmedia_desk.ui.prompts import Prompts
from newmedia_desk.ui.start_page import StartPage

if TYPE_CHECKING:
    from newmedia_desk.ui.accounts_area import AccountsArea
    from newmedia_desk.ui.posts_area import PostsArea
    from newmedia_desk.ui.settings_area import SettingsArea

AREA_PAGES: dict[Area, tuple[str, str]] = {
    Area.CALENDAR: ("newmedia_desk.ui.calendar_area", "CalendarArea"),
    Area.LEDGERS: ("newmedia_desk.ui.ledgers_area", "LedgersArea"),
    Area.STATISTICS: ("newmedia_desk.ui.statistics_area", "StatisticsArea"),
}
"""More areas built on their first visit: ``Area → (module, class)``. The class is built as
``cls(ctx, actor, prompts, parent)``, has ``refresh()``, and may have a ``changed`` signal
(the start view then refreshes when it fires)."""

_LAZY = (Area.POSTS, Area.ACCOUNTS, Area.SETTINGS, *AREA_PAGES)
"""Areas built on their first visit: their tables and models are not needed to start."""


class WorkArea(QWidget):
    """Built for one signed-in person; rebuilt when somebody else signs in."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        clipboard: SecretClipboard | None = None,
    ) -> None:
        super().__init__(parent)
        self.actor = actor
        self.clipboard = clipboard if clipboard is not None else SecretClipboard(parent=self)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setSpacing(2)
        self.pages = QStackedWidget(self)
        self.start_page = StartPage(ctx, actor, self)
        self._ctx = ctx
        self._prompts = prompts
        self._settings_area: SettingsArea | None = None
        self._accounts_area: AccountsArea | None = None
        self._posts_area: PostsArea | None = None
        self._area_pages: dict[Area, QWidget] = {}
        for area in Area:
            item = QListWidgetItem(area_name(area), self.nav)
            item.setSizeHint(QSize(0, 36))
            if area is Area.START:
                self.pages.addWidget(self.start_page)
            elif area in _LAZY:
                self.pages.addWidget(QWidget(self))
            else:
                self.pages.addWidget(PlannedAreaPage(area, self))
        width = max(self.nav.sizeHintForColumn(0), 96) + 32
        self.nav.setFixedWidth(width)
        self.nav.currentRowChanged.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.nav.setCurrentRow(Area.START)

    @property
    def settings_area(self) -> SettingsArea:
        """The settings area, built the first time it is needed."""
        if self._settings_area is None:
            from newmedia_desk.ui.settings_area import SettingsArea

            area = SettingsArea(self._ctx, self.actor, self._prompts, self)
            area.changed.connect(self.start_page.refresh)
            self._place(Area.SETTINGS, area)
            self._settings_area = area
        return self._settings_area

    @property
    def posts_area(self) -> PostsArea:
        """The posts area (list, 待我审批, checker), built the first time it is needed."""
        if self._posts_area is None:
            from newmedia_desk.ui.posts_area import PostsArea

            area = PostsArea(self._ctx, self.actor, self._prompts, self)
            area.changed.connect(self.start_page.refresh)
            self._place(Area.POSTS, area)
            self._posts_area = area
        return self._posts_area

    @property
    def accounts_area(self) -> AccountsArea:
        """The accounts area, built the first time it is needed."""
        if self._accounts_area is None:
            from newmedia_desk.ui.accounts_area import AccountsArea

            area = AccountsArea(self._ctx, self.actor, self._prompts, self.clipboard, self)
            area.changed.connect(self.start_page.refresh)
            self._place(Area.ACCOUNTS, area)
            self._accounts_area = area
        return self._accounts_area

    def area_page(self, area: Area) -> QWidget:
        """The page of one of ``AREA_PAGES``, built the first time it is needed."""
        page = self._area_pages.get(area)
        if page is None:
            import importlib

            module, name = AREA_PAGES[area]
            cls = getattr(importlib.import_module(module), name)
            page = cls(self._ctx, self.actor, self._prompts, self)
            assert isinstance(page, QWidget)
            changed = getattr(page, "changed", None)
            if changed is not None:
                changed.connect(self.start_page.refresh)
            self._place(area, page)
            self._area_pages[area] = page
        return page

    def _place(self, area: Area, page: QWidget) -> None:
        placeholder = self.pages.widget(area)
        assert placeholder is not None
        current = self.pages.currentIndex()
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages.insertWidget(area, page)
        self.pages.setCurrentIndex(current)

    def current_area(self) -> Area:
        """The area shown."""
        return Area(self.pages.currentIndex())

    def show_area(self, area: Area) -> None:
        """Switch to ``area`` (as if clicked in the navigation)."""
        self.nav.setCurrentRow(area)

    def refresh(self) -> None:
        """Reload the page shown."""
        self._show(self.pages.currentIndex())

    def _show(self, row: int) -> None:
        if row < 0:
            return
        if row == Area.SETTINGS:
            self.settings_area.refresh()
        elif row == Area.ACCOUNTS:
            self.accounts_area.refresh()
        elif row == Area.POSTS:
            self.posts_area.refresh()
        elif row in AREA_PAGES:
            getattr(self.area_page(Area(row)), "refresh")()  # noqa: B009 - any page class
        self.pages.setCurrentIndex(row)
        if row == Area.START:
            self.start_page.refresh()
