"""The ledgers area (台账): comment handling, public feedback and incidents.

Three tabs, each a filtered table with its actions and an export of its ledger:

* 评论处置 — comments and messages and what was done with each; unanswered messages past
  their due day are red.
* 群众反馈 — feedback handed to departments, their answers; late ones red.
* 突发事件 — incidents with every clock shown as due time, done time and time left (red
  when late); record a step, close, and pause / resume publishing on accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountRecord, AccountStatus
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.forms import audit_line
from newmedia_desk.domain.incidents import HoldRecord, IncidentRecord
from newmedia_desk.domain.interaction import FeedbackRecord, ModerationRecord
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal, UnitRecord
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.account_dialogs import save_export
from newmedia_desk.ui.form_dialog import FormDialog, error_banner
from newmedia_desk.ui.interaction_dialogs import (
    AnswerDialog,
    CloseIncidentDialog,
    FeedbackDialog,
    HandleDialog,
    HoldDialog,
    IncidentDialog,
    ModerationDialog,
    PeriodDialog,
    StepDialog,
)
from newmedia_desk.ui.interaction_models import (
    ClockTableModel,
    FeedbackTableModel,
    HoldTableModel,
    IncidentColumn,
    IncidentTableModel,
    ModerationColumn,
    ModerationTableModel,
)
from newmedia_desk.ui.interaction_texts import level_name
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import RowRole, SortRole, select_source_row
from newmedia_desk.ui.texts import office_time

CLOCK_REFRESH_MS = 60_000
"""The incident clocks are redrawn every minute while the tab is shown."""


def _proxy(parent: QWidget, model: QAbstractItemModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


MAX_COLUMN_WIDTH = 200
"""Long texts are cut in the table (the tooltip shows them whole)."""


def _fit_columns(table: QTableView, widths: dict[int, int] | None = None) -> None:
    """Size columns to their contents, none wider than ``MAX_COLUMN_WIDTH``; then ``widths``."""
    table.resizeColumnsToContents()
    for column in range(table.model().columnCount()):
        if table.columnWidth(column) > MAX_COLUMN_WIDTH:
            table.setColumnWidth(column, MAX_COLUMN_WIDTH)
    for column, width in (widths or {}).items():
        table.setColumnWidth(column, width)


def _selected(table: QTableView) -> object:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    return table.model().index(rows[0].row(), 0).data(RowRole)


class _Tab(QWidget):
    """What the three tabs share: services, dialogs, a banner, reference data."""

    changed = Signal()

    def __init__(
        self, ctx: AppContext, actor: Principal, prompts: Prompts, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self.dialog: QDialog | None = None
        self.message = error_banner(self)

    def _now(self) -> datetime:
        return self._ctx.clock.now()

    def _units(self) -> list[UnitRecord]:
        try:
            return self._ctx.directory.list_units(self._actor)
        except DeskError:
            return []

    def _accounts(self, permission: Permission) -> list[AccountRecord]:
        try:
            accounts = self._ctx.accounts.list_accounts(self._actor)
        except DeskError:
            return []
        return [
            a
            for a in accounts
            if a.status is not AccountStatus.CLOSED and self._actor.can(permission, a.unit_id)
        ]

    def _show_error(self, exc: DeskError) -> None:
        self.message.setText(error_text(exc))
        self.message.show()

    def _open(self, dialog: QDialog) -> None:
        def forget(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(forget)
        if isinstance(dialog, FormDialog):
            dialog.conflict.connect(self.refresh)
        self.dialog = dialog
        dialog.open()

    def refresh(self) -> None:
        """Reload the tab."""
        raise NotImplementedError

    def _export(
        self, title: str, suggested: str, write: Callable[[date, date, Path], Path]
    ) -> None:
        today = office_date(self._now())
        dialog = PeriodDialog(title, today.replace(day=1), today, self)

        def chosen(start: date, end: date) -> None:
            def run(target: Path) -> Path:
                return write(start, end, target)

            path = save_export(
                self._prompts,
                title,
                suggested.format(start=start.isoformat(), end=end.isoformat()),
                run,
                locked_question=QCoreApplication.translate(
                    "LedgersArea",
                    "{file} is open in another program (Excel?). Save as {other} instead?",
                ),
            )
            if path is not None:
                self._prompts.info(
                    QCoreApplication.translate("LedgersArea", "Saved to {path}").format(path=path)
                )

        dialog.chosen.connect(chosen)
        self._open(dialog)


class ModerationTab(_Tab):
    """The moderation log: record comments and messages, handle them, export the ledger."""

    def __init__(
        self, ctx: AppContext, actor: Principal, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, actor, prompts, parent)
        self.model = ModerationTableModel(self)
        self.proxy = _proxy(self, self.model)
        self.table = read_only_table(self, "moderation_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ModerationColumn.AT, Qt.SortOrder.DescendingOrder)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: account, text, author, action…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.record_button = QPushButton(self.tr("Record…"), self)
        self.handle_button = QPushButton(self.tr("Handle…"), self)
        self.export_button = QPushButton(self.tr("Export ledger…"), self)
        self.record_button.clicked.connect(self.open_record)
        self.handle_button.clicked.connect(self.open_handle)
        self.export_button.clicked.connect(self.export_ledger)
        self.table.doubleClicked.connect(self.open_handle)
        buttons = QHBoxLayout()
        for button in (self.record_button, self.handle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the log."""
        selected = self.selected()
        try:
            rows = self._ctx.interaction.list_moderation(self._actor)
        except DeskError as exc:
            self._show_error(exc)
            return
        self.message.hide()
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        waiting = sum(1 for r in rows if r.needs_answer and r.handled_at is None)
        self.summary.setText(
            self.tr("{waiting} waiting for an answer, {overdue} late").format(
                waiting=waiting, overdue=overdue
            )
        )
        self.summary.setStyleSheet("color: #b3261e;" if overdue else "")
        if not self.table.property("sized"):
            _fit_columns(self.table, {ModerationColumn.TEXT: 240})
            self.table.setProperty("sized", True)
        if selected is not None:
            select_source_row(self.table, self.proxy, self.model.row_of(selected.id))
        self._update_buttons()

    def selected(self) -> ModerationRecord | None:
        """The entry selected."""
        value = _selected(self.table)
        return value if isinstance(value, ModerationRecord) else None

    def _update_buttons(self) -> None:
        record = self.selected()
        self.record_button.setEnabled(Permission.MODERATE in self._actor.permissions)
        self.handle_button.setEnabled(
            record is not None
            and record.action is None
            and self._actor.can(Permission.MODERATE, record.unit_id)
        )

    def _after_save(self, record: ModerationRecord) -> None:
        self.refresh()
        select_source_row(self.table, self.proxy, self.model.row_of(record.id))
        self.changed.emit()

    def open_record(self) -> None:
        """Record a comment or message."""
        dialog = ModerationDialog(
            self._ctx.interaction,
            self._actor,
            self._accounts(Permission.MODERATE),
            self._units(),
            self._now(),
            self,
        )
        dialog.saved.connect(self._after_save)
        self._open(dialog)

    def open_handle(self) -> None:
        """Record what was done with the selected entry."""
        record = self.selected()
        if record is None or not self.handle_button.isEnabled():
            return
        dialog = HandleDialog(
            self._ctx.interaction, self._actor, record, self._units(), self._now(), self
        )
        dialog.saved.connect(self._after_save)
        self._open(dialog)

    def export_ledger(self) -> None:
        """Export the 评论处置台账 (with feedback) of a period."""

        def write(start: date, end: date, target: Path) -> Path:
            from newmedia_desk.exports.interaction_ledgers import export_moderation_ledger

            ledger = self._ctx.interaction.moderation_ledger(self._actor, start, end)
            return export_moderation_ledger(
                ledger.entries,
                ledger.feedback,
                start=start,
                end=end,
                out=target,
                audit_head=audit_line(self._ctx.audit.head()),
                printed_at=self._now(),
            )

        self._export(
            self.tr("Export the moderation ledger"), "评论处置台账_{start}_{end}.xlsx", write
        )


class FeedbackTab(_Tab):
    """Feedback handed to departments and their answers."""

    def __init__(
        self, ctx: AppContext, actor: Principal, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, actor, prompts, parent)
        self.model = FeedbackTableModel(self)
        self.proxy = _proxy(self, self.model)
        self.table = read_only_table(self, "feedback_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: text, department, answer…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.hand_button = QPushButton(self.tr("Hand over…"), self)
        self.answer_button = QPushButton(self.tr("Record answer…"), self)
        self.hand_button.clicked.connect(self.open_hand_over)
        self.answer_button.clicked.connect(self.open_answer)
        self.table.doubleClicked.connect(self.open_answer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hand_button)
        buttons.addWidget(self.answer_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the list."""
        selected = self.selected()
        try:
            rows = self._ctx.interaction.list_feedback(self._actor)
        except DeskError as exc:
            self._show_error(exc)
            return
        self.message.hide()
        self.model.set_rows(rows)
        if not self.table.property("sized"):
            _fit_columns(self.table)
            self.table.setProperty("sized", True)
        if selected is not None:
            select_source_row(self.table, self.proxy, self.model.row_of(selected.id))
        self._update_buttons()

    def selected(self) -> FeedbackRecord | None:
        """The feedback selected."""
        value = _selected(self.table)
        return value if isinstance(value, FeedbackRecord) else None

    def _update_buttons(self) -> None:
        record = self.selected()
        may = Permission.MODERATE in self._actor.permissions
        self.hand_button.setEnabled(may)
        self.answer_button.setEnabled(may and record is not None and record.answered_at is None)

    def _after_save(self, record: FeedbackRecord) -> None:
        self.refresh()
        select_source_row(self.table, self.proxy, self.model.row_of(record.id))
        self.changed.emit()

    def open_hand_over(self) -> None:
        """Record feedback and hand it to a department."""
        dialog = FeedbackDialog(
            self._ctx.interaction,
            self._actor,
            self._accounts(Permission.MODERATE),
            self._units(),
            self._now(),
            self,
        )
        dialog.saved.connect(self._after_save)
        self._open(dialog)

    def open_answer(self) -> None:
        """Record the answer to the selected feedback."""
        record = self.selected()
        if record is None or not self.answer_button.isEnabled():
            return
        dialog = AnswerDialog(self._ctx.interaction, self._actor, record, self._now(), self)
        dialog.saved.connect(self._after_save)
        self._open(dialog)


class IncidentsTab(_Tab):
    """Incidents with their clocks; record steps, close, pause and resume publishing."""

    def __init__(
        self, ctx: AppContext, actor: Principal, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, actor, prompts, parent)
        self.model = IncidentTableModel(self)
        self.proxy = _proxy(self, self.model)
        self.table = read_only_table(self, "incident_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(IncidentColumn.OPENED, Qt.SortOrder.DescendingOrder)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: incident, unit, level…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.open_only = QCheckBox(self.tr("Open incidents only"), self)
        self.open_only.toggled.connect(self.refresh)

        self.heading = QLabel(self)
        self.heading.setObjectName("incident_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clock_model = ClockTableModel(self)
        self.clock_table = read_only_table(self, "clock_table")
        self.clock_table.setModel(self.clock_model)
        self.hold_model = HoldTableModel(self)
        self.hold_table = read_only_table(self, "hold_table")
        self.hold_table.setModel(self.hold_model)

        self.open_button = QPushButton(self.tr("Open incident…"), self)
        self.step_button = QPushButton(self.tr("Record step…"), self)
        self.close_button = QPushButton(self.tr("Close incident…"), self)
        self.hold_button = QPushButton(self.tr("Pause publishing…"), self)
        self.release_button = QPushButton(self.tr("Resume publishing"), self)
        self.export_button = QPushButton(self.tr("Export ledger…"), self)
        self.open_button.clicked.connect(self.open_incident)
        self.step_button.clicked.connect(self.open_step)
        self.close_button.clicked.connect(self.open_close)
        self.hold_button.clicked.connect(self.open_hold)
        self.release_button.clicked.connect(self.release_hold)
        self.export_button.clicked.connect(self.export_ledger)
        self.table.doubleClicked.connect(self.open_step)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.open_only)
        clocks = QGroupBox(self.tr("Clocks"), self)
        clock_layout = QVBoxLayout(clocks)
        clock_layout.addWidget(self.clock_table)
        holds = QGroupBox(self.tr("Publishing paused"), self)
        hold_layout = QVBoxLayout(holds)
        hold_layout.addWidget(self.hold_table)
        hold_buttons = QHBoxLayout()
        hold_buttons.addWidget(self.hold_button)
        hold_buttons.addWidget(self.release_button)
        hold_buttons.addStretch(1)
        hold_layout.addLayout(hold_buttons)
        details = QWidget(self)
        detail_layout = QVBoxLayout(details)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        lower = QHBoxLayout()
        lower.addWidget(clocks, 3)
        lower.addWidget(holds, 2)
        detail_layout.addLayout(lower, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.step_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.hold_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(CLOCK_REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._show_selected()

    def _tick(self) -> None:
        if self.isVisible() and self.dialog is None:
            self.refresh()

    def refresh(self) -> None:
        """Reload the incidents and the clocks of the one selected."""
        selected = self.selected()
        try:
            rows = self._ctx.interaction.list_incidents(
                self._actor, open_only=self.open_only.isChecked()
            )
        except DeskError as exc:
            self._show_error(exc)
            return
        self.message.hide()
        self.model.set_rows(rows)
        if not self.table.property("sized"):
            _fit_columns(self.table, {IncidentColumn.TITLE: 280})
            self.table.setProperty("sized", True)
        if selected is not None:
            select_source_row(self.table, self.proxy, self.model.row_of(selected.id))
        elif rows:
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> IncidentRecord | None:
        """The incident selected."""
        value = _selected(self.table)
        return value if isinstance(value, IncidentRecord) else None

    def selected_hold(self) -> HoldRecord | None:
        """The hold selected in the lower right table."""
        rows = self.hold_table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.hold_model.index(rows[0].row(), 0).data(RowRole)
        return value if isinstance(value, HoldRecord) else None

    def select_incident(self, incident_id: int) -> bool:
        """Select an incident if it is shown."""
        return select_source_row(self.table, self.proxy, self.model.row_of(incident_id))

    def _show_selected(self) -> None:
        record = self.selected()
        if record is None:
            self.heading.setText(self.tr("Choose an incident to see its clocks."))
            self.clock_model.set_rows([])
            self.hold_model.set_rows([])
        else:
            state = (
                self.tr("open")
                if record.is_open
                else self.tr("closed {at}").format(at=office_time(record.closed_at))
            )
            text = self.tr("<b>{title}</b> · {level} · {unit} · opened {opened} · {state}").format(
                title=_html(record.title),
                level=level_name(record.level),
                unit=_html(record.unit_name),
                opened=office_time(record.opened_at),
                state=state,
            )
            if record.description:
                text += "<br>" + _html(record.description)
            if record.notes:
                text += "<br>" + self.tr("Notes: {notes}").format(notes=_html(record.notes))
            self.heading.setText(text)
            self.clock_model.set_rows(record.clocks)
            self.hold_model.set_rows(record.holds)
            if record.holds:
                self.hold_table.resizeColumnsToContents()
            if not self.clock_table.property("sized"):
                self.clock_table.resizeColumnsToContents()
                self.clock_table.setProperty("sized", True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        record = self.selected()
        is_open = record is not None and record.is_open
        handle = self._actor.can(Permission.HANDLE_INCIDENTS)
        hold = self._actor.can(Permission.HOLD_POSTS)
        self.open_button.setEnabled(handle)
        self.step_button.setEnabled(handle and is_open)
        self.close_button.setEnabled(handle and is_open)
        self.hold_button.setEnabled(hold and is_open)
        picked = self.selected_hold()
        self.release_button.setEnabled(hold and picked is not None and picked.active)

    def _after_save(self, record: IncidentRecord) -> None:
        self.refresh()
        self.select_incident(record.id)
        self.changed.emit()

    def open_incident(self) -> None:
        """Open a new incident."""
        dialog = IncidentDialog(
            self._ctx.interaction, self._actor, self._units(), self._now(), self
        )
        dialog.saved.connect(self._after_save)
        self._open(dialog)

    def open_step(self) -> None:
        """Record when a step of the selected incident was done."""
        record = self.selected()
        if record is None or not self.step_button.isEnabled():
            return
        dialog = StepDialog(self._ctx.interaction, self._actor, record, self._now(), self)
        dialog.saved.connect(self._after_save)
        self._open(dialog)

    def open_close(self) -> None:
        """Close the selected incident."""
        record = self.selected()
        if record is None or not record.is_open:
            return
        dialog = CloseIncidentDialog(self._ctx.interaction, self._actor, record, self)
        dialog.saved.connect(self._after_save)
        self._open(dialog)

    def open_hold(self) -> None:
        """Choose accounts whose planned posts are held while the incident is open."""
        record = self.selected()
        if record is None or not record.is_open:
            return
        dialog = HoldDialog(
            self._ctx.interaction,
            self._actor,
            record,
            self._accounts(Permission.VIEW_ACCOUNTS),
            self._prompts,
            self,
        )
        dialog.saved.connect(self._after_save)
        self._open(dialog)

    def release_hold(self) -> None:
        """Resume publishing on the selected account, after confirmation."""
        hold = self.selected_hold()
        if hold is None or not hold.active:
            return
        question = self.tr(
            "Resume publishing on {account}? Its {posts} planned post(s) may then be approved "
            "and published again."
        ).format(account=hold.account_name, posts=hold.planned_posts)
        if not self._prompts.confirm(question):
            return
        try:
            record = self._ctx.interaction.release(self._actor, hold.id)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            self.refresh()
            return
        self._after_save(record)

    def export_ledger(self) -> None:
        """Export the 突发事件台账 of a period."""

        def write(start: date, end: date, target: Path) -> Path:
            from newmedia_desk.exports.interaction_ledgers import export_incident_ledger

            return export_incident_ledger(
                self._ctx.interaction.incident_ledger(self._actor, start, end),
                start=start,
                end=end,
                out=target,
                audit_head=audit_line(self._ctx.audit.head()),
                printed_at=self._now(),
            )

        self._export(
            self.tr("Export the incident ledger"), "突发事件台账_{start}_{end}.xlsx", write
        )


def _html(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", "<br>")


class LedgersArea(QTabWidget):
    """The 台账 area: 评论处置, 群众反馈, 突发事件."""

    changed = Signal()

    def __init__(
        self, ctx: AppContext, actor: Principal, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ledgers_area")
        self.moderation_tab = ModerationTab(ctx, actor, prompts, self)
        self.feedback_tab = FeedbackTab(ctx, actor, prompts, self)
        self.incidents_tab = IncidentsTab(ctx, actor, prompts, self)
        self.addTab(self.moderation_tab, self.tr("Comments and messages"))
        self.addTab(self.feedback_tab, self.tr("Public feedback"))
        self.addTab(self.incidents_tab, self.tr("Incidents"))
        for tab in (self.moderation_tab, self.feedback_tab, self.incidents_tab):
            tab.changed.connect(self.changed)

    def refresh(self) -> None:
        """Reload every tab (each is one query)."""
        self.moderation_tab.refresh()
        self.feedback_tab.refresh()
        self.incidents_tab.refresh()

    def show_incidents(self) -> None:
        """Show the incidents tab (e.g. from an incident on the start view)."""
        self.setCurrentWidget(self.incidents_tab)
