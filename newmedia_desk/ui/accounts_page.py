"""The account registry: the filtered table, the selected account's detail, the actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import (
    AccountRecord,
    AccountStatus,
    FilingState,
    FilingStatus,
    ImportRejectedError,
    PlatformRecord,
)
from newmedia_desk.domain.errors import ConflictError, DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal, StaffRecord, UnitRecord
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.ui.account_detail import AccountDetail, read_only_table
from newmedia_desk.ui.account_dialogs import (
    ClosureNoticeDialog,
    FilingDialog,
    ImportErrorsDialog,
    ReasonDialog,
    save_export,
)
from newmedia_desk.ui.account_editor import AccountEditorDialog
from newmedia_desk.ui.account_model import (
    AccountColumn,
    AccountFilterProxy,
    AccountRow,
    AccountTableModel,
    worst_filing,
)
from newmedia_desk.ui.account_texts import rotation_reason, status_name
from newmedia_desk.ui.approval_sign_dialog import ApprovalSignDialog
from newmedia_desk.ui.clipboard import SecretClipboard
from newmedia_desk.ui.credential_panel import CredentialPanel
from newmedia_desk.ui.form_dialog import error_banner
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import select_proxy_row, select_source_row
from newmedia_desk.ui.unit_model import unit_paths


def subtree(units: list[UnitRecord], root: int) -> set[int]:
    """The id of ``root`` and of every unit below it."""
    children: dict[int, list[int]] = {}
    for unit in units:
        if unit.parent_id is not None:
            children.setdefault(unit.parent_id, []).append(unit.id)
    found: set[int] = set()
    todo = [root]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo.extend(children.get(current, []))
    return found


class AccountsPage(QWidget):
    """Filters, the accounts table, the detail tabs below it and the action buttons."""

    changed = Signal()
    """Something about accounts was saved (the start view refreshes its figures)."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        clipboard: SecretClipboard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self._units: list[UnitRecord] = []
        self._paths: dict[int, str] = {}
        self._platforms: list[PlatformRecord] = []
        self.dialog: QDialog | None = None
        """The dialog opened last (kept for tests)."""

        self.model = AccountTableModel(self)
        self.proxy = AccountFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self, "account_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AccountColumn.UNIT, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._on_double_click)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("account_filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, ID, people…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.unit_filter = QComboBox(self)
        self.unit_filter.setObjectName("unit_filter")
        self.platform_filter = QComboBox(self)
        self.platform_filter.setObjectName("platform_filter")
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All states"), None)
        for status in AccountStatus:
            self.status_filter.addItem(status_name(status), status.value)
        self.unit_filter.currentIndexChanged.connect(self._apply_unit_filter)
        self.platform_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_platform(self.platform_filter.currentData())
        )
        self.status_filter.currentIndexChanged.connect(self._apply_status_filter)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)

        self.new_button = QPushButton(self.tr("New application…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.submit_button = QPushButton(self.tr("Submit for approval"), self)
        self.sign_button = QPushButton(self.tr("Leader signs…"), self)
        self.suspend_button = QPushButton(self.tr("Suspend…"), self)
        self.notice_button = QPushButton(self.tr("Closure notice…"), self)
        self.close_button = QPushButton(self.tr("Close account…"), self)
        self.filing_button = QPushButton(self.tr("Record filing…"), self)
        self.opening_form_button = QPushButton(self.tr("Export opening form…"), self)
        self.authorisation_form_button = QPushButton(self.tr("Export authorisation form…"), self)
        self.import_button = QPushButton(self.tr("Import ledger…"), self)
        self.sign_button.setToolTip(
            self.tr("The next approver signs in over your session and signs on this computer")
        )
        self.new_button.clicked.connect(self.open_new)
        self.edit_button.clicked.connect(self.open_edit)
        self.submit_button.clicked.connect(self.submit)
        self.sign_button.clicked.connect(self.open_sign)
        self.suspend_button.clicked.connect(self.suspend_or_resume)
        self.notice_button.clicked.connect(self.open_closure_notice)
        self.close_button.clicked.connect(self.open_close)
        self.filing_button.clicked.connect(self.open_filing)
        self.opening_form_button.clicked.connect(self.export_opening_form)
        self.authorisation_form_button.clicked.connect(self.export_authorisation_form)
        self.import_button.clicked.connect(self.import_ledger)

        self.message = error_banner(self)

        self.credential_panel = CredentialPanel(
            ctx.credentials, actor, prompts, clipboard, self._staff_and_paths, self
        )
        self.credential_panel.changed.connect(self._on_credentials_changed)
        self.detail = AccountDetail(ctx, actor, self.credential_panel, self)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 2)
        top.addWidget(self.unit_filter, 1)
        top.addWidget(self.platform_filter)
        top.addWidget(self.status_filter)
        top.addWidget(self.refresh_button)
        lifecycle = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.submit_button,
            self.sign_button,
            self.suspend_button,
            self.notice_button,
            self.close_button,
        ):
            lifecycle.addWidget(button)
        lifecycle.addStretch(1)
        forms = QHBoxLayout()
        for button in (
            self.filing_button,
            self.opening_form_button,
            self.authorisation_form_button,
            self.import_button,
        ):
            forms.addWidget(button)
        forms.addStretch(1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(lifecycle)
        upper_layout.addLayout(forms)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload accounts, filings, holders and rotation tasks, keeping the selection."""
        selected = self.selected()
        try:
            accounts = self._ctx.accounts.list_accounts(self._actor)
            filings = worst_filing(self._ctx.accounts.filings(self._actor))
            holders = self._ctx.credentials.holder_names(self._actor)
            tasks: dict[int, str] = {}
            for task in self._ctx.credentials.tasks():
                if task.reason != "sealed_copy_stale":
                    tasks.setdefault(task.account_id, rotation_reason(task.reason))
            units = self._ctx.directory.list_units(self._actor)
            platforms = self._ctx.accounts.list_platforms(self._actor)
        except DeskError as exc:
            self.model.set_rows([])
            self.message.setText(error_text(exc))
            self.message.show()
            self._update_buttons()
            return
        self.message.hide()
        if units != self._units or platforms != self._platforms:
            self._units, self._platforms = units, platforms
            self._paths = unit_paths(units)
            self._fill_filters()
        rows = [
            AccountRow(
                account=a,
                holders=holders.get(a.id, ()),
                rotation=tasks.get(a.id, ""),
                filing=filings.get(a.id),
                unit_path=self._paths.get(a.unit_id, a.unit_name),
            )
            for a in accounts
        ]
        self.model.set_rows(rows)
        if not self.table.property("sized"):
            self.table.resizeColumnsToContents()
            self.table.setProperty("sized", True)
        if selected is None or not self.select_account(selected.id):
            self._select_first()
        self._on_selection()

    def _fill_filters(self) -> None:
        unit = self.unit_filter.currentData()
        platform = self.platform_filter.currentData()
        for combo in (self.unit_filter, self.platform_filter):
            combo.blockSignals(True)
            combo.clear()
        self.unit_filter.addItem(self.tr("All units"), None)
        for record in sorted(self._units, key=lambda u: self._paths.get(u.id, u.name)):
            self.unit_filter.addItem(self._paths.get(record.id, record.name), record.id)
        self.platform_filter.addItem(self.tr("All platforms"), None)
        for p in self._platforms:
            self.platform_filter.addItem(p.name, p.id)
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(unit), 0))
        self.platform_filter.setCurrentIndex(max(self.platform_filter.findData(platform), 0))
        for combo in (self.unit_filter, self.platform_filter):
            combo.blockSignals(False)

    def _apply_unit_filter(self, _index: int = 0) -> None:
        unit = self.unit_filter.currentData()
        self.proxy.set_units(None if unit is None else subtree(self._units, int(unit)))

    def _apply_status_filter(self, _index: int = 0) -> None:
        value = self.status_filter.currentData()
        self.proxy.set_status(None if value is None else AccountStatus(value))

    def _staff_and_paths(self) -> tuple[list[StaffRecord], dict[int, str]]:
        return self._ctx.directory.list_staff(self._actor), self._paths

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            select_proxy_row(self.table, self.proxy.index(0, 0))

    def select_account(self, account_id: int) -> bool:
        """Select an account's row if it is visible."""
        return select_source_row(self.table, self.proxy, self.model.row_of(account_id))

    def selected(self) -> AccountRecord | None:
        """The account selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.proxy.record_at(rows[0].row())
        return row.account if row is not None else None

    def selected_row(self) -> AccountRow | None:
        """The table row selected (account with holders and filing)."""
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.record_at(rows[0].row()) if rows else None

    def _on_selection(self) -> None:
        self.detail.set_account(self.selected())
        self._update_buttons()

    def _on_double_click(self, _index: QModelIndex) -> None:
        if self.edit_button.isEnabled():
            self.open_edit()

    # -- permissions (for comfort; the services decide) ----------------------------------

    def _update_buttons(self) -> None:
        row = self.selected_row()
        a = row.account if row is not None else None
        may_manage_some = Permission.MANAGE_ACCOUNTS in self._actor.permissions
        manage = a is not None and self._actor.can(Permission.MANAGE_ACCOUNTS, a.unit_id)
        status = a.status if a is not None else None
        self.new_button.setEnabled(may_manage_some)
        self.import_button.setEnabled(may_manage_some)
        self.edit_button.setEnabled(manage and status is not AccountStatus.CLOSED)
        self.submit_button.setEnabled(manage and status is AccountStatus.APPLIED)
        self.sign_button.setEnabled(status is AccountStatus.SUBMITTED)
        live = status in (AccountStatus.OPEN, AccountStatus.SUSPENDED)
        self.suspend_button.setEnabled(manage and live)
        self.suspend_button.setText(
            self.tr("Resume…") if status is AccountStatus.SUSPENDED else self.tr("Suspend…")
        )
        self.notice_button.setEnabled(manage and live)
        self.close_button.setEnabled(
            manage and live and a is not None and a.closure_notice_on is not None
        )
        self.filing_button.setEnabled(manage and bool(self._unfiled()))
        self.opening_form_button.setEnabled(a is not None)
        self.authorisation_form_button.setEnabled(a is not None)

    def _unfiled(self) -> list[FilingState]:
        a = self.selected()
        if a is None:
            return []
        try:
            states = self._ctx.accounts.filings(self._actor, a.id)
        except DeskError:
            return []
        return [s for s in states if s.status in (FilingStatus.PENDING, FilingStatus.OVERDUE)]

    # -- dialogs -------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _after_save(self, record: object) -> None:
        self.refresh()
        if isinstance(record, AccountRecord):
            self.select_account(record.id)
        self.detail.refresh()
        self.changed.emit()

    def _on_credentials_changed(self) -> None:
        selected = self.selected()
        self.refresh()
        if selected is not None:
            self.select_account(selected.id)
        self.changed.emit()

    def open_new(self) -> None:
        """Draft a new account application."""
        self._open_editor(None)

    def open_edit(self) -> None:
        """Change the selected account."""
        record = self.selected()
        if record is not None:
            self._open_editor(record)

    def _open_editor(self, record: AccountRecord | None) -> None:
        try:
            staff = self._ctx.directory.list_staff(self._actor)
            others = self._ctx.accounts.list_accounts(self._actor)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        editor = AccountEditorDialog(
            self._ctx.accounts,
            self._actor,
            platforms=self._platforms,
            units=self._units,
            unit_paths=self._paths,
            staff=staff,
            others=others,
            record=record,
            parent=self,
        )
        editor.saved.connect(self._after_save)
        editor.conflict.connect(lambda: self._on_editor_conflict(editor))
        self._open(editor)

    def _on_editor_conflict(self, editor: AccountEditorDialog) -> None:
        self.refresh()
        if editor.record is not None:
            try:
                editor.record = self._ctx.accounts.get_account(self._actor, editor.record.id)
            except DeskError:
                return

    def submit(self) -> None:
        """Send the selected application for approval."""
        a = self.selected()
        if a is None:
            return
        question = self.tr(
            "Submit the application for “{account}” for approval? Each opinion step is then "
            "signed on this computer by the person it names."
        ).format(account=a.name)
        if self._prompts.confirm(question):
            self._run(lambda: self._ctx.accounts.submit(self._actor, a.id, a.version))

    def open_sign(self) -> None:
        """Let the next approver sign in over this session and sign their step."""
        a = self.selected()
        if a is None:
            return
        dialog = ApprovalSignDialog(self._ctx.accounts, self._ctx.auth, self._actor, a, self)
        dialog.signed.connect(self._after_signed)
        self._open(dialog)

    def _after_signed(self, record: AccountRecord) -> None:
        self._after_save(record)
        self._prompts.info(
            self.tr("The sign-off was recorded. {name} stays signed in.").format(
                name=self._actor.name
            )
        )

    def suspend_or_resume(self) -> None:
        """Suspend an open account, or put a suspended one back into use."""
        a = self.selected()
        if a is None:
            return
        if a.status is AccountStatus.SUSPENDED:
            title = self.tr("Resume {account}").format(account=a.name)
            note = self.tr("Why is the account in use again?")

            def act(reason: str) -> object:
                return self._ctx.accounts.resume(self._actor, a.id, reason, a.version)
        else:
            title = self.tr("Suspend {account}").format(account=a.name)
            note = self.tr("A suspension must be filed within the set number of working days.")

            def act(reason: str) -> object:
                return self._ctx.accounts.suspend(self._actor, a.id, reason, a.version)

        dialog = ReasonDialog(title, note, act, self)
        dialog.completed.connect(self._after_save)
        dialog.conflict.connect(self.refresh)
        self._open(dialog)

    def open_closure_notice(self) -> None:
        """Record the day the public 停更公告 was posted."""
        a = self.selected()
        if a is None:
            return
        dialog = ClosureNoticeDialog(
            office_date(self._ctx.clock.now()),
            lambda day, note: self._ctx.accounts.record_closure_notice(
                self._actor, a.id, day, a.version, note=note
            ),
            self,
        )
        dialog.completed.connect(self._after_save)
        dialog.conflict.connect(self.refresh)
        self._open(dialog)

    def open_close(self) -> None:
        """Close the selected account (注销) today."""
        a = self.selected()
        if a is None:
            return
        dialog = ReasonDialog(
            self.tr("Close {account}").format(account=a.name),
            self.tr(
                "The account is closed today; the closure notice was posted on {day}. "
                "The closure must be filed."
            ).format(day=a.closure_notice_on.isoformat() if a.closure_notice_on else "—"),
            lambda reason: self._ctx.accounts.close(self._actor, a.id, reason, a.version),
            self,
        )
        dialog.completed.connect(self._after_save)
        dialog.conflict.connect(self.refresh)
        self._open(dialog)

    def open_filing(self) -> None:
        """Record that an opening, change, suspension or closure was filed."""
        a = self.selected()
        unfiled = self._unfiled()
        if a is None or not unfiled:
            return
        dialog = FilingDialog(
            unfiled,
            office_date(self._ctx.clock.now()),
            lambda event_id, day, ref: self._ctx.accounts.record_filing(
                self._actor, event_id, day, ref
            ),
            self,
        )
        dialog.completed.connect(lambda _state: self._after_save(a))
        self._open(dialog)

    # -- forms and import ----------------------------------------------------------------

    def _locked_question(self) -> str:
        return self.tr(
            "{file} is open in another program (Excel?), so it cannot be replaced. "
            "Save as {other} instead?"
        )

    def export_opening_form(self) -> None:
        """Save the 开设审批表 of the selected account as an Excel file."""
        from newmedia_desk.exports.forms import export_account_opening

        a = self.selected()
        if a is None:
            return
        try:
            form = self._ctx.accounts.opening_form(a.id, actor=self._actor)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        saved = save_export(
            self._prompts,
            self.tr("Save the opening approval form"),
            f"开设审批表-{a.name}.xlsx",
            lambda path: export_account_opening(form, path),
            locked_question=self._locked_question(),
        )
        self._tell_saved(saved)

    def export_authorisation_form(self) -> None:
        """Save the 授权审批表 (who may know the password) as an Excel file."""
        from newmedia_desk.exports.forms import export_holder_authorisation

        a = self.selected()
        if a is None:
            return
        try:
            form = self._ctx.credentials.authorisation_form(self._actor, a.id)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        saved = save_export(
            self._prompts,
            self.tr("Save the authorisation form"),
            f"授权审批表-{a.name}.xlsx",
            lambda path: export_holder_authorisation(form, path),
            locked_question=self._locked_question(),
        )
        self._tell_saved(saved)

    def _tell_saved(self, saved: Path | None) -> None:
        if saved is not None:
            self._prompts.info(self.tr("Saved as {path}").format(path=str(saved)))

    def import_ledger(self) -> None:
        """Import accounts from an Excel ledger: all rows or none."""
        path = self._prompts.ask_open_file(
            self.tr("Import an account ledger"), self.tr("Excel workbook (*.xlsx)")
        )
        if path is None:
            return
        try:
            records = self._ctx.accounts.import_ledger(self._actor, path)
        except ImportRejectedError as exc:
            self._open(ImportErrorsDialog(path.name, exc.errors, self))
            return
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self.refresh()
        self.changed.emit()
        self._prompts.info(
            self.tr("{count} account(s) were imported from {file}.").format(
                count=len(records), file=path.name
            )
        )

    def _run(self, call: Callable[[], AccountRecord]) -> None:
        try:
            saved = call()
        except ConflictError as exc:
            self._prompts.warning(error_text(exc))
            self.refresh()
            return
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self._after_save(saved)
