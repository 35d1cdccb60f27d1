"""One account in detail: its data, history, approval, filings and password, as tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountRecord, next_step
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.account_model import (
    FilingColumn,
    FilingTableModel,
    HistoryColumn,
    HistoryTableModel,
    StepTableModel,
    sorting_proxy,
)
from newmedia_desk.ui.account_texts import status_name, verification_name
from newmedia_desk.ui.credential_panel import CredentialPanel
from newmedia_desk.ui.prompts import error_text


def read_only_table(parent: QWidget, name: str) -> QTableView:
    """A table view for reading: rows selected whole, no editing, no row numbers."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def _value(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AccountDetail(QTabWidget):
    """The tabs 资料, 历史, 审批, 备案 and 密码 of the selected account."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        credential_panel: CredentialPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self.account: AccountRecord | None = None

        # 资料
        info_inner = QWidget(self)
        self.info_form = QFormLayout(info_inner)
        self.info_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("platform", self.tr("Platform")),
            ("name", self.tr("Account name")),
            ("handle", self.tr("Account ID")),
            ("url", self.tr("Address")),
            ("unit", self.tr("Unit")),
            ("administrator", self.tr("Administrator")),
            ("responsible", self.tr("Responsible person")),
            ("status", self.tr("Status")),
            ("purpose", self.tr("Purpose")),
            ("scope", self.tr("Publishing scope")),
            ("other_media", self.tr("Other media")),
            ("bio", self.tr("Introduction")),
            ("verification", self.tr("Verification")),
            ("contact", self.tr("Registered e-mail / phone")),
            ("parent", self.tr("Parent account")),
            ("cadence", self.tr("Update requirement")),
            ("dates", self.tr("Opened / notice / closed")),
            ("notes", self.tr("Approval notes")),
        ):
            value = _value(info_inner)
            value.setObjectName(f"info_{key}")
            self.values[key] = value
            self.info_form.addRow(label, value)
        info = QScrollArea(self)
        info.setWidgetResizable(True)
        info.setWidget(info_inner)

        # 历史
        self.history_model = HistoryTableModel(self)
        self.history_proxy = sorting_proxy(self)
        self.history_proxy.setSourceModel(self.history_model)
        self.history_table = read_only_table(self, "history_table")
        self.history_table.setModel(self.history_proxy)
        self.history_table.setSortingEnabled(True)
        self.history_table.sortByColumn(HistoryColumn.AT, Qt.SortOrder.DescendingOrder)

        # 审批
        approval = QWidget(self)
        self.step_model = StepTableModel(self)
        self.step_proxy = sorting_proxy(self)
        self.step_proxy.setSourceModel(self.step_model)
        self.step_table = read_only_table(approval, "step_table")
        self.step_table.setModel(self.step_proxy)
        self.step_table.setWordWrap(True)
        self.approval_label = _value(approval)
        self.approval_label.setObjectName("approval_state")
        approval_layout = QVBoxLayout(approval)
        approval_layout.addWidget(self.approval_label)
        approval_layout.addWidget(self.step_table, 1)

        # 备案
        self.filing_model = FilingTableModel(self)
        self.filing_proxy = sorting_proxy(self)
        self.filing_proxy.setSourceModel(self.filing_model)
        self.filing_table = read_only_table(self, "filing_table")
        self.filing_table.setModel(self.filing_proxy)
        self.filing_table.setSortingEnabled(True)
        self.filing_table.sortByColumn(FilingColumn.EVENT_ON, Qt.SortOrder.DescendingOrder)
        self.filing_table.hideColumn(FilingColumn.ACCOUNT)

        self.credential_panel = credential_panel
        self.addTab(info, self.tr("Details"))
        self.addTab(self.history_table, self.tr("History"))
        self.addTab(approval, self.tr("Approval"))
        self.addTab(self.filing_table, self.tr("Filings"))
        self.addTab(credential_panel, self.tr("Password"))
        self.currentChanged.connect(lambda _i: self.refresh())

    def set_account(self, account: AccountRecord | None) -> None:
        """Show another account (or nothing)."""
        self.account = account
        self.credential_panel.set_account(account)
        self.setEnabled(account is not None)
        self.refresh()

    def refresh(self) -> None:
        """Reload the tab shown."""
        account = self.account
        if account is None:
            for label in self.values.values():
                label.clear()
            self.history_model.set_rows([])
            self.step_model.set_rows([])
            self.filing_model.set_rows([])
            self.approval_label.clear()
            return
        self._fill_info(account)
        page = self.currentWidget()
        try:
            if page is self.history_table:
                self.history_model.set_rows(self._ctx.accounts.history(self._actor, account.id))
                self.history_table.resizeColumnToContents(HistoryColumn.AT)
                self.history_table.resizeColumnToContents(HistoryColumn.EVENT)
            elif page is self.filing_table:
                self.filing_model.set_rows(self._ctx.accounts.filings(self._actor, account.id))
                self.filing_table.resizeColumnsToContents()
            elif page is self.credential_panel:
                self.credential_panel.refresh()
            elif page is not None and page.isAncestorOf(self.step_table):
                self._fill_steps(account)
        except DeskError as exc:
            self.approval_label.setText(error_text(exc))

    def _fill_steps(self, account: AccountRecord) -> None:
        steps = self._ctx.accounts.approval_steps(self._actor, account.id)
        self.step_model.set_rows(steps)
        self.step_proxy.sort(0)
        self.step_table.resizeColumnToContents(0)
        if not steps:
            self.approval_label.setText(
                self.tr("This account did not go through the approval in this program.")
            )
            return
        waiting = next_step(steps)
        digest = self._ctx.accounts.content_digest(self._actor, account.id)
        text = self.tr("Approval round {round}; content digest {digest}").format(
            round=account.approval_round, digest=digest[:16]
        )
        if waiting is not None and account.status.value == "submitted":
            text += "\n" + self.tr("Waiting for: {step}").format(step=waiting.title)
        self.approval_label.setText(text)

    def _fill_info(self, a: AccountRecord) -> None:
        dates = " / ".join(
            d.isoformat() if d is not None else "—"
            for d in (a.opened_on, a.closure_notice_on, a.closed_on)
        )
        notes = "；".join(n for n in (a.reserved_word_note, a.second_account_reason) if n)
        values = {
            "platform": a.platform_name,
            "name": a.name,
            "handle": a.handle,
            "url": a.url,
            "unit": a.unit_name,
            "administrator": a.administrator_name,
            "responsible": a.responsible_name,
            "status": status_name(a.status),
            "purpose": a.purpose,
            "scope": a.scope,
            "other_media": a.other_media,
            "bio": a.bio,
            "verification": verification_name(a.verification),
            "contact": " / ".join(x for x in (a.email, a.phone) if x),
            "parent": a.parent_name,
            "cadence": a.cadence_text,
            "dates": dates,
            "notes": notes,
        }
        for key, value in values.items():
            self.values[key].setText(value)
