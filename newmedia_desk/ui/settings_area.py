"""The Settings area: staff, units, office settings, lexicons, delegations, the audit log."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from newmedia_desk.context import AppContext
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.audit_page import AuditPage
from newmedia_desk.ui.delegation_page import DelegationPage
from newmedia_desk.ui.lexicon_page import LexiconPage
from newmedia_desk.ui.office_settings_page import OfficeSettingsPage
from newmedia_desk.ui.prompts import Prompts
from newmedia_desk.ui.staff_page import StaffPage
from newmedia_desk.ui.unit_page import UnitPage


class SettingsArea(QWidget):
    """Tabs; each tab loads its data when it is first shown or refreshed."""

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.staff_page = StaffPage(ctx.directory, ctx.auth, actor, prompts, self, ctx=ctx)
        self.unit_page = UnitPage(ctx.directory, actor, self)
        self.office_page = OfficeSettingsPage(
            ctx.settings, actor, prompts, self, accounts=ctx.accounts
        )
        self.lexicon_page = LexiconPage(ctx.lexicons, actor, prompts, self)
        self.audit_page = AuditPage(ctx.audit, actor, self)
        self.tabs.addTab(self.staff_page, self.tr("Staff"))
        self.tabs.addTab(self.unit_page, self.tr("Units"))
        self.tabs.addTab(self.office_page, self.tr("Office settings"))
        self.tabs.addTab(self.lexicon_page, self.tr("Lexicons"))
        self.delegation_page: DelegationPage | None = None
        if actor.can(Permission.MANAGE_DELEGATIONS):
            # Administrators and chiefs record who signs for a leader while away.
            self.delegation_page = DelegationPage(ctx, actor, prompts, self)
            self.delegation_page.changed.connect(self.changed)
            self.tabs.addTab(self.delegation_page, self.tr("Delegations"))
        self.tabs.addTab(self.audit_page, self.tr("Audit log"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        for page in (self.staff_page, self.unit_page, self.office_page, self.lexicon_page):
            page.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        """Reload the visible tab."""
        page = self.tabs.currentWidget()
        if isinstance(
            page,
            StaffPage | UnitPage | OfficeSettingsPage | LexiconPage | DelegationPage | AuditPage,
        ):
            page.refresh()
