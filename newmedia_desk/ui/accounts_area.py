"""The Accounts area (账号): the registry, the problems list, rogue accounts, platforms."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import Finding, PlatformRecord
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.account_model import FindingColumn, FindingTableModel
from newmedia_desk.ui.accounts_page import AccountsPage
from newmedia_desk.ui.clipboard import SecretClipboard
from newmedia_desk.ui.form_dialog import FormDialog, error_banner
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import RecordTableModel, RowRole, SortRole
from newmedia_desk.ui.rogue_page import RoguePage


def _text_proxy(parent: QObject) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SortRole)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


class ProblemsPage(QWidget):
    """The "问题" list: every finding of every account, errors first.

    Emits ``open_account(account_id)`` on a double click.
    """

    open_account = Signal(int)

    def __init__(self, ctx: AppContext, actor: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self.model = FindingTableModel(self)
        self.proxy = _text_proxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self, "problem_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(FindingColumn.SEVERITY, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._on_double_click)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: account, problem…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Run the checks over every account."""
        try:
            findings = self._ctx.accounts.problems(self._actor)
            names = {a.id: a.name for a in self._ctx.accounts.list_accounts(self._actor)}
        except DeskError as exc:
            self.summary.setText(error_text(exc))
            return
        self.model.set_findings(findings, names)
        self.table.resizeColumnToContents(FindingColumn.SEVERITY)
        self.table.resizeColumnToContents(FindingColumn.ACCOUNT)
        errors = sum(1 for f in findings if f.severity.value == "error")
        self.summary.setText(
            self.tr(
                "{count} finding(s), {errors} of them errors. Double-click one to open the account."
            ).format(count=len(findings), errors=errors)
        )

    def _on_double_click(self, index: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        finding = self.proxy.index(rows[0].row(), 0).data(RowRole)
        if isinstance(finding, Finding) and finding.account_id is not None:
            self.open_account.emit(finding.account_id)


class PlatformColumn(IntEnum):
    """The columns of the platforms list."""

    NAME = 0
    IN_USE = 1


PLATFORM_HEADERS: dict[PlatformColumn, str] = {
    PlatformColumn.NAME: QT_TRANSLATE_NOOP("PlatformTableModel", "Platform"),
    PlatformColumn.IN_USE: QT_TRANSLATE_NOOP("PlatformTableModel", "In use"),
}


class PlatformTableModel(RecordTableModel[PlatformRecord, PlatformColumn]):
    """The platforms accounts can live on, in display order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            PlatformColumn, PLATFORM_HEADERS, "PlatformTableModel", self._display, parent
        )

    def _display(self, platform: PlatformRecord, column: PlatformColumn) -> str:
        if column is PlatformColumn.NAME:
            return platform.name
        return self.tr("yes") if platform.active else self.tr("no")

    def sort_key(self, platform: PlatformRecord, column: PlatformColumn) -> str | float | int:
        """The office's order."""
        if column is PlatformColumn.NAME:
            return platform.sort_order
        return self._display(platform, column)


class PlatformDialog(FormDialog):
    """Add a platform or rename one / take it out of use (administrators)."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        record: PlatformRecord | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Add platform") if record is None else self.tr("Edit platform"))
        self._ctx = ctx
        self._actor = actor
        self.record = record
        self.name_edit = QLineEdit(record.name if record else "", self)
        self.active_box = QCheckBox(self.tr("New accounts may use it"), self)
        self.active_box.setChecked(record.active if record else True)
        self.add_field("name", self.tr("Name"), self.name_edit)
        if record is not None:
            self.add_field("active", self.tr("In use"), self.active_box)

    def submit(self) -> None:
        """Save through the account service."""
        if self.record is None:
            saved = self._ctx.accounts.add_platform(self._actor, self.name_edit.text())
        else:
            saved = self._ctx.accounts.update_platform(
                self._actor,
                self.record.id,
                name=self.name_edit.text(),
                active=self.active_box.isChecked(),
                expected_version=self.record.version,
            )
        self.saved.emit(saved)


class PlatformsPage(QWidget):
    """The platform list; administrators add, rename and retire platforms."""

    changed = Signal()

    def __init__(self, ctx: AppContext, actor: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self.dialog: QDialog | None = None
        self.model = PlatformTableModel(self)
        self.proxy = _text_proxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self, "platform_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PlatformColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.add_button.clicked.connect(lambda: self._open(None))
        self.edit_button.clicked.connect(self._open_selected)
        self.message = error_banner(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        manage = actor.can(Permission.MANAGE_PLATFORMS)
        self.add_button.setEnabled(manage)
        self.edit_button.setEnabled(manage)

    def refresh(self) -> None:
        """Reload the platforms."""
        try:
            self.model.set_rows(self._ctx.accounts.list_platforms(self._actor))
        except DeskError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.message.hide()

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            record = self.proxy.index(rows[0].row(), 0).data(RowRole)
            if isinstance(record, PlatformRecord):
                self._open(record)

    def _after_save(self, _record: object) -> None:
        self.refresh()
        self.changed.emit()

    def _open(self, record: PlatformRecord | None) -> None:
        dialog = PlatformDialog(self._ctx, self._actor, record, self)
        dialog.saved.connect(self._after_save)
        dialog.conflict.connect(self.refresh)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()


class AccountsArea(QWidget):
    """Tabs 账号, 问题, 违规账号 and 平台; each loads when shown."""

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        clipboard: SecretClipboard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.accounts_page = AccountsPage(ctx, actor, prompts, clipboard, self)
        self.problems_page = ProblemsPage(ctx, actor, self)
        self.rogue_page = RoguePage(ctx.rogues, ctx.accounts, actor, ctx.clock, self)
        self.platforms_page = PlatformsPage(ctx, actor, self)
        self.tabs.addTab(self.accounts_page, self.tr("Accounts"))
        self.tabs.addTab(self.problems_page, self.tr("Problems"))
        self.tabs.addTab(self.rogue_page, self.tr("Rogue accounts"))
        self.tabs.addTab(self.platforms_page, self.tr("Platforms"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.problems_page.open_account.connect(self.show_account)
        for page in (self.accounts_page, self.rogue_page, self.platforms_page):
            page.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        """Reload the visible tab."""
        page = self.tabs.currentWidget()
        if isinstance(page, AccountsPage | ProblemsPage | RoguePage | PlatformsPage):
            page.refresh()

    def show_account(self, account_id: int) -> None:
        """Switch to the registry with one account selected."""
        self.tabs.setCurrentWidget(self.accounts_page)
        self.accounts_page.filter_edit.clear()
        self.accounts_page.status_filter.setCurrentIndex(0)
        self.accounts_page.unit_filter.setCurrentIndex(0)
        self.accounts_page.platform_filter.setCurrentIndex(0)
        self.accounts_page.select_account(account_id)
