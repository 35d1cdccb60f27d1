"""The newest entries of the audit log, read-only."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.audit import AuditService
from newmedia_desk.ui.audit_model import AuditColumn, AuditTableModel
from newmedia_desk.ui.prompts import error_text

RECENT_LIMIT = 200


class AuditPage(QWidget):
    """A table of the last 200 audit entries (leaders and administrators)."""

    def __init__(
        self, audit: AuditService, actor: Principal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._audit = audit
        self._actor = actor
        self.model = AuditTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Reload the newest entries."""
        if not self._actor.can(Permission.VIEW_AUDIT):
            self.model.set_entries([])
            self.table.hide()
            self.refresh_button.hide()
            self.info.setText(
                self.tr("Only leaders and the office administrator can read the audit log.")
            )
            return
        try:
            entries = self._audit.recent(RECENT_LIMIT)
        except DeskError as exc:
            self.info.setText(error_text(exc))
            return
        self.model.set_entries(entries)
        self.info.setText(
            self.tr("The newest {count} entries, newest first. The log cannot be edited.").format(
                count=len(entries)
            )
        )
        for column in (AuditColumn.SEQ, AuditColumn.AT, AuditColumn.ACTOR, AuditColumn.ACTION):
            self.table.resizeColumnToContents(column)
