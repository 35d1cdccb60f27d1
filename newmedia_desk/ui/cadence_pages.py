"""The 更新频次 page (cadence rules of accounts and columns) and the 执行情况 page.

A rule is written as the office writes it ("每天07:30和17:00左右发布天气预报"); the dialog
says back what the program understood and shows in red what it did not — that text is
kept and flagged, never guessed. Rules can also be taken from the accounts' 更新要求.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QDate, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.cadence import parse_cadence
from newmedia_desk.domain.compliance import Silence
from newmedia_desk.domain.errors import DeskError, ValidationError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.services.cadence import AccountCompliance, RuleRecord, Target
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.cadence_texts import (
    SILENCE_COLOURS,
    describe_rules,
    silence_name,
)
from newmedia_desk.ui.form_dialog import FormDialog, error_banner
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import (
    AnyIndex,
    RecordTableModel,
    SortRole,
    selected_record,
)

FLAG_BACKGROUND = QColor("#fdecea")
FLAG_TEXT = QColor("#a61b1b")
INACTIVE_TEXT = QColor("#9aa0a6")

_MESSAGES: dict[str, str] = {
    "choose an account or a column": QT_TRANSLATE_NOOP(
        "RuleDialog", "Choose an account, or name a column."
    ),
    "name the column": QT_TRANSLATE_NOOP("RuleDialog", "Please name the column."),
    "the column name is too long": QT_TRANSLATE_NOOP(
        "RuleDialog", "The column name is too long (at most 100 characters)."
    ),
    "write the update requirement": QT_TRANSLATE_NOOP(
        "RuleDialog", "Please write the update requirement."
    ),
    "the update requirement is too long": QT_TRANSLATE_NOOP(
        "RuleDialog", "The update requirement is too long (at most 500 characters)."
    ),
    "this rule is already there": QT_TRANSLATE_NOOP(
        "RuleDialog", "This rule is already there for this account or column."
    ),
    "the account has no update requirement": QT_TRANSLATE_NOOP(
        "RuleDialog", "This account's record has no update requirement to take over."
    ),
}
"""The cadence service's validation messages in people's words (context ``RuleDialog``)."""


def cadence_error_text(exc: DeskError) -> str:
    """Words for an error of the cadence service."""
    known = _MESSAGES.get(exc.message) if isinstance(exc, ValidationError) else None
    if known is not None:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("RuleDialog", known)
    return error_text(exc)


def target_text(record: RuleRecord | AccountCompliance) -> str:
    """``江城气象（微博）`` or ``栏目 #江城天气#``."""
    from PySide6.QtCore import QCoreApplication

    if record.account_id is None:
        return QCoreApplication.translate("RuleTableModel", "Column {name}").format(
            name=record.name
        )
    return f"{record.name}（{record.platform}）"


# -- rules ---------------------------------------------------------------------------------


class RuleColumn(IntEnum):
    """The columns of the rules list."""

    TARGET = 0
    TEXT = 1
    UNDERSTOOD = 2
    UNPARSED = 3
    ACTIVE = 4
    EFFECTIVE_FROM = 5


RULE_HEADERS: dict[RuleColumn, str] = {
    RuleColumn.TARGET: QT_TRANSLATE_NOOP("RuleTableModel", "Account or column"),
    RuleColumn.TEXT: QT_TRANSLATE_NOOP("RuleTableModel", "Requirement as written"),
    RuleColumn.UNDERSTOOD: QT_TRANSLATE_NOOP("RuleTableModel", "Understood as"),
    RuleColumn.UNPARSED: QT_TRANSLATE_NOOP("RuleTableModel", "Not understood (kept)"),
    RuleColumn.ACTIVE: QT_TRANSLATE_NOOP("RuleTableModel", "In use"),
    RuleColumn.EFFECTIVE_FROM: QT_TRANSLATE_NOOP("RuleTableModel", "Effective from"),
}


class RuleTableModel(RecordTableModel[RuleRecord, RuleColumn]):
    """Cadence rule rows; text that was not understood is shown in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(RuleColumn, RULE_HEADERS, "RuleTableModel", self._display, parent)

    def _display(self, rule: RuleRecord, column: RuleColumn) -> str:
        if column is RuleColumn.TARGET:
            return target_text(rule)
        if column is RuleColumn.TEXT:
            return rule.text
        if column is RuleColumn.UNDERSTOOD:
            return describe_rules(rule.rules) or self.tr("(nothing)")
        if column is RuleColumn.UNPARSED:
            return "；".join(rule.unparsed)
        if column is RuleColumn.EFFECTIVE_FROM:
            return rule.effective_from.isoformat()
        return self.tr("yes") if rule.active else self.tr("no")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Flagged text on a red background."""
        if index.isValid() and 0 <= index.row() < self.rowCount():
            rule = self.record(index.row())
            flagged = rule.flagged and index.column() == RuleColumn.UNPARSED
            if role == Qt.ItemDataRole.BackgroundRole and flagged:
                return QBrush(FLAG_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                if flagged:
                    return QBrush(FLAG_TEXT)
                if not rule.active:
                    return QBrush(INACTIVE_TEXT)
        return super().data(index, role)

    def tooltip(self, record: RuleRecord, column: RuleColumn) -> str | None:
        """The whole text of long cells."""
        if column is RuleColumn.UNPARSED and record.flagged:
            return self.tr(
                "Not understood, so not counted. Rewrite it (e.g. 每周至少1次, 每天07:30和"
                "17:00) or leave it as a note."
            )
        if column in (RuleColumn.TEXT, RuleColumn.UNDERSTOOD):
            return self._display(record, column)
        if column is RuleColumn.EFFECTIVE_FROM:
            return self.tr("Days, weeks and months before this date are not judged.")
        return None


class RuleDialog(FormDialog):
    """Add a rule for an account or a column, or change one's text."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        record: RuleRecord | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(
            self.tr("Add update rule") if record is None else self.tr("Change update rule")
        )
        self._ctx = ctx
        self._actor = actor
        self.record = record
        self.target_box = QComboBox(self)
        self.column_edit = QLineEdit(self)
        self.column_edit.setPlaceholderText(self.tr("e.g. #江城天气#"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(
            self.tr("e.g. 每天07:30和17:00左右发布天气预报；其他信息每周6-7次")
        )
        self.text_edit.setFixedHeight(72)
        self.active_box = QCheckBox(self.tr("Count this rule"), self)
        self.effective_edit = QDateEdit(self)
        self.effective_edit.setCalendarPopup(True)
        self.effective_edit.setDisplayFormat("yyyy-MM-dd")
        self.effective_edit.setToolTip(
            self.tr(
                "The rule is judged from this day on; days, weeks and months before it are "
                "not. A week or month the rule covers only partly is not judged. For a rule "
                "the office has kept for long, give the day it began."
            )
        )
        since = office_date(ctx.clock.now()) if record is None else record.effective_from
        self.effective_edit.setDate(QDate(since.year, since.month, since.day))
        self.understood = QLabel(self)
        self.understood.setObjectName("understood")
        self.understood.setWordWrap(True)
        self.unparsed = QLabel(self)
        self.unparsed.setObjectName("unparsed")
        self.unparsed.setWordWrap(True)
        self.unparsed.setStyleSheet(
            f"color: {FLAG_TEXT.name()}; background: {FLAG_BACKGROUND.name()}; padding: 4px;"
        )
        if record is None:
            self.target_box.addItem(self.tr("A column (all accounts)…"), None)
            for a in ctx.accounts.list_accounts(actor):
                if a.status.value in ("open", "applied", "submitted", "suspended") and actor.can(
                    Permission.MANAGE_ACCOUNTS, a.unit_id
                ):
                    self.target_box.addItem(f"{a.name}（{a.platform_name}）", a.id)
            if self.target_box.count() > 1:
                self.target_box.setCurrentIndex(1)
            self.target_box.currentIndexChanged.connect(lambda _: self._target_changed())
            self.add_field("target", self.tr("For"), self.target_box)
            self.add_field("column", self.tr("Column"), self.column_edit)
        else:
            self.target_box.addItem(target_text(record), record.account_id)
            self.target_box.setEnabled(False)
            self.column_edit.hide()  # not in this form: it would show in a corner
            self.add_field("target", self.tr("For"), self.target_box)
            self.text_edit.setPlainText(record.text)
            self.active_box.setChecked(record.active)
        if record is None:
            self.active_box.hide()  # a new rule is in use; only a change may pause it
        self.add_field("cadence_text", self.tr("Requirement"), self.text_edit)
        self.add_field("effective_from", self.tr("Effective from"), self.effective_edit)
        if record is not None:
            self.effective_note = QLabel(
                self.tr(
                    "A changed text applies from this date, to past periods too. To count "
                    "the new wording only from now on, set the date to today."
                ),
                self,
            )
            self.effective_note.setWordWrap(True)
            self.effective_note.setObjectName("effective_note")
            self.form.addRow("", self.effective_note)
            self.add_field("active", self.tr("In use"), self.active_box)
        self.form.addRow(self.tr("Understood as"), self.understood)
        self.form.addRow(self.tr("Not understood"), self.unparsed)
        self.text_edit.textChanged.connect(self.preview)
        self._target_changed()
        self.preview()
        self.setMinimumWidth(560)

    def _target_changed(self) -> None:
        is_column = self.record is None and self.target_box.currentData() is None
        self.column_edit.setEnabled(is_column)

    def _show_unparsed(self, shown: bool) -> None:
        """The 未能识别 row with its label, or neither."""
        self.unparsed.setVisible(shown)
        self.form.setRowVisible(self.unparsed, shown)

    def preview(self) -> None:
        """Say back what the text means, and what is not understood."""
        text = self.text_edit.toPlainText().strip()
        parsed = parse_cadence(text) if text else None
        if parsed is None:
            self.understood.setText("")
            self._show_unparsed(False)
            return
        self.understood.setText(describe_rules(parsed.rules) or self.tr("(nothing)"))
        if parsed.unparsed:
            self.unparsed.setText(
                self.tr("{text} — kept as written, not counted").format(
                    text="；".join(parsed.unparsed)
                )
            )
            self._show_unparsed(True)
        else:
            self._show_unparsed(False)

    def effective_from(self) -> date:
        """The date chosen in the form."""
        chosen = self.effective_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def submit(self) -> None:
        """Save through the cadence service."""
        text = self.text_edit.toPlainText()
        since = self.effective_from()
        if self.record is None:
            account = self.target_box.currentData()
            if isinstance(account, int):
                saved = self._ctx.cadence.add_rule(
                    self._actor, text, account_id=account, effective_from=since
                )
            else:
                saved = self._ctx.cadence.add_rule(
                    self._actor, text, column=self.column_edit.text(), effective_from=since
                )
        else:
            saved = self._ctx.cadence.update_rule(
                self._actor,
                self.record.id,
                text,
                active=self.active_box.isChecked(),
                effective_from=since,
                expected_version=self.record.version,
            )
        self.saved.emit(saved)

    def handle_error(self, exc: DeskError) -> None:
        """The cadence service's messages in people's words."""
        super().handle_error(exc)
        field = exc.field if isinstance(exc, ValidationError) else None
        self.show_error(cadence_error_text(exc), field)


class RulesPage(QWidget):
    """Every cadence rule row; add, change, delete, or take them from the accounts."""

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self.dialog: RuleDialog | None = None
        self.model = RuleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SortRole)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self, "rule_table")
        self.table.setModel(self.proxy)
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.from_accounts_button = QPushButton(
            self.tr("Take over the accounts' update requirements"), self
        )
        self.from_accounts_button.setToolTip(
            self.tr(
                "Creates a rule from the 更新要求 of every open account that has none yet "
                "(as written in the accounts ledger)."
            )
        )
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.from_accounts_button.clicked.connect(self.from_accounts)
        may_manage = actor.can(Permission.MANAGE_ACCOUNTS, actor.unit_id) or actor.can(
            Permission.MANAGE_SETTINGS
        )
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.from_accounts_button,
        ):
            button.setEnabled(may_manage)
        self.message = error_banner(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.from_accounts_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Read the rules again."""
        try:
            rules = self._ctx.cadence.list_rules(self._actor)
        except DeskError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.message.hide()
        self.model.set_rows(rules)
        self.table.resizeColumnToContents(RuleColumn.TARGET)
        self.table.setColumnWidth(RuleColumn.TEXT, 300)
        self.table.setColumnWidth(RuleColumn.UNDERSTOOD, 340)
        self.table.setColumnWidth(RuleColumn.UNPARSED, 200)
        self.table.resizeColumnToContents(RuleColumn.EFFECTIVE_FROM)
        self.table.resizeRowsToContents()
        flagged = sum(1 for r in rules if r.flagged)
        self.summary.setText(
            self.tr("{count} rule(s); {flagged} with text not understood (red).").format(
                count=len(rules), flagged=flagged
            )
        )

    def selected(self) -> RuleRecord | None:
        """The rule selected, if any."""
        return selected_record(self.table, RuleRecord)

    def add(self) -> None:
        """Open the dialog for a new rule."""
        self._open(None)

    def edit_selected(self) -> None:
        """Open the dialog for the selected rule."""
        record = self.selected()
        if record is not None:
            self._open(record)

    def _open(self, record: RuleRecord | None) -> None:
        try:
            dialog = RuleDialog(self._ctx, self._actor, record, self)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        dialog.saved.connect(lambda _: self._saved())
        dialog.conflict.connect(self.refresh)
        self.dialog = dialog
        dialog.open()

    def _saved(self) -> None:
        self.refresh()
        self.changed.emit()

    def delete_selected(self) -> None:
        """Delete the selected rule after asking."""
        record = self.selected()
        if record is None:
            return
        question = self.tr("Delete the rule “{text}” of {target}?").format(
            text=record.text, target=target_text(record)
        )
        if not self._prompts.confirm(question):
            return
        try:
            self._ctx.cadence.delete_rule(self._actor, record.id, expected_version=record.version)
        except DeskError as exc:
            self._prompts.warning(cadence_error_text(exc))
            self.refresh()
            return
        self._saved()

    def from_accounts(self) -> None:
        """Create rules from the accounts' 更新要求."""
        try:
            created = self._ctx.cadence.rules_from_account_texts(self._actor)
        except DeskError as exc:
            self._prompts.warning(cadence_error_text(exc))
            return
        flagged = sum(1 for r in created if r.flagged)
        if created:
            self._prompts.info(
                self.tr(
                    "{count} rule(s) taken over from the accounts; {flagged} of them have text "
                    "that was not understood (shown in red)."
                ).format(count=len(created), flagged=flagged)
            )
        else:
            self._prompts.info(
                self.tr("Every open account with an update requirement already has a rule.")
            )
        self._saved()


# -- compliance ----------------------------------------------------------------------------


class ComplianceColumn(IntEnum):
    """The columns of the compliance table."""

    TARGET = 0
    EXPECTED = 1
    PUBLISHED = 2
    ON_TIME = 3
    MISSED = 4
    LONGEST_GAP = 5
    SINCE_LAST = 6
    SILENCE = 7


COMPLIANCE_HEADERS: dict[ComplianceColumn, str] = {
    ComplianceColumn.TARGET: QT_TRANSLATE_NOOP("ComplianceTableModel", "Account or column"),
    ComplianceColumn.EXPECTED: QT_TRANSLATE_NOOP("ComplianceTableModel", "Expected"),
    ComplianceColumn.PUBLISHED: QT_TRANSLATE_NOOP("ComplianceTableModel", "Published"),
    ComplianceColumn.ON_TIME: QT_TRANSLATE_NOOP("ComplianceTableModel", "On time"),
    ComplianceColumn.MISSED: QT_TRANSLATE_NOOP("ComplianceTableModel", "Missed"),
    ComplianceColumn.LONGEST_GAP: QT_TRANSLATE_NOOP("ComplianceTableModel", "Longest gap (days)"),
    ComplianceColumn.SINCE_LAST: QT_TRANSLATE_NOOP("ComplianceTableModel", "Days since last post"),
    ComplianceColumn.SILENCE: QT_TRANSLATE_NOOP("ComplianceTableModel", "Silence"),
}

_NUMBERS = {
    ComplianceColumn.EXPECTED: "expected",
    ComplianceColumn.PUBLISHED: "published",
    ComplianceColumn.ON_TIME: "on_time",
    ComplianceColumn.MISSED: "missed",
    ComplianceColumn.LONGEST_GAP: "longest_gap_days",
    ComplianceColumn.SINCE_LAST: "days_since_last",
}


class ComplianceTableModel(RecordTableModel[AccountCompliance, ComplianceColumn]):
    """Cadence figures per account and column; missed and silence in colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            ComplianceColumn,
            COMPLIANCE_HEADERS,
            "ComplianceTableModel",
            self._display,
            parent,
        )

    def _display(self, row: AccountCompliance, column: ComplianceColumn) -> str:
        if column is ComplianceColumn.TARGET:
            return target_text(row)
        if column is ComplianceColumn.SILENCE:
            text = silence_name(row.silence)
            if row.warning is not None:
                text = self.tr("{level}, reminder at {days} days").format(
                    level=text, days=row.warning
                )
            return text
        value = getattr(row, _NUMBERS[column])
        if value is None:
            return self.tr("never")
        return str(value)

    def sort_key(self, row: AccountCompliance, column: ComplianceColumn) -> str | float | int:
        """Numbers as numbers; silence by severity."""
        if column in _NUMBERS:
            value = getattr(row, _NUMBERS[column])
            return 10**6 if value is None else int(value)
        if column is ComplianceColumn.SILENCE:
            return (Silence.OK, Silence.YELLOW, Silence.RED).index(row.silence)
        return self._display(row, column).casefold()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Silence in its colour, misses in red, numbers right-aligned."""
        if index.isValid() and 0 <= index.row() < self.rowCount():
            row = self.record(index.row())
            column = ComplianceColumn(index.column())
            if role == Qt.ItemDataRole.ForegroundRole:
                if column is ComplianceColumn.SILENCE:
                    return QBrush(SILENCE_COLOURS[row.silence])
                if column is ComplianceColumn.MISSED and row.missed:
                    return QBrush(FLAG_TEXT)
            if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def tooltip(self, record: AccountCompliance, column: ComplianceColumn) -> str | None:
        """The misses, and the rules counted."""
        if column is ComplianceColumn.MISSED and record.misses:
            lines = [
                self.tr("{day}: {rule} — wanted {wanted}, got {got}").format(
                    day=m.day.isoformat(), rule=m.rule, wanted=m.wanted, got=m.got
                )
                for m in record.misses[:20]
            ]
            if len(record.misses) > 20:
                lines.append(self.tr("… and {n} more").format(n=len(record.misses) - 20))
            return "\n".join(lines)
        if column is ComplianceColumn.TARGET and record.rule_texts:
            return "\n".join(record.rule_texts)
        return None


class CompliancePage(QWidget):
    """Cadence figures of every open account and column over a chosen period."""

    def __init__(self, ctx: AppContext, actor: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        today = office_date(ctx.clock.now())
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.set_period(today.replace(day=1), today)
        self.week_button = QPushButton(self.tr("This week"), self)
        self.month_button = QPushButton(self.tr("This month"), self)
        self.last_month_button = QPushButton(self.tr("Last month"), self)
        self.compute_button = QPushButton(self.tr("Compute"), self)
        self.week_button.clicked.connect(self._this_week)
        self.month_button.clicked.connect(self._this_month)
        self.last_month_button.clicked.connect(self._last_month)
        self.compute_button.clicked.connect(self.refresh)
        self.model = ComplianceTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SortRole)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self, "compliance_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ComplianceColumn.SILENCE, Qt.SortOrder.DescendingOrder)
        self.message = error_banner(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("From"), self))
        row.addWidget(self.from_edit)
        row.addWidget(QLabel(self.tr("to"), self))
        row.addWidget(self.to_edit)
        row.addWidget(self.compute_button)
        row.addSpacing(12)
        row.addWidget(self.week_button)
        row.addWidget(self.month_button)
        row.addWidget(self.last_month_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def set_period(self, start: date, end: date) -> None:
        """Choose the period (not computed until ``refresh``)."""
        self.from_edit.setDate(QDate(start.year, start.month, start.day))
        self.to_edit.setDate(QDate(end.year, end.month, end.day))

    def period(self) -> tuple[date, date]:
        """The chosen first and last day."""
        start = self.from_edit.date()
        end = self.to_edit.date()
        return (
            date(start.year(), start.month(), start.day()),
            date(end.year(), end.month(), end.day()),
        )

    def _this_week(self) -> None:
        today = office_date(self._ctx.clock.now())
        self.set_period(today - timedelta(days=today.weekday()), today)
        self.refresh()

    def _this_month(self) -> None:
        today = office_date(self._ctx.clock.now())
        self.set_period(today.replace(day=1), today)
        self.refresh()

    def _last_month(self) -> None:
        today = office_date(self._ctx.clock.now())
        last = today.replace(day=1) - timedelta(days=1)
        self.set_period(last.replace(day=1), last)
        self.refresh()

    def refresh(self) -> None:
        """Compute the figures of the chosen period."""
        start, end = self.period()
        try:
            rows = self._ctx.cadence.compliance(self._actor, start, end)
        except DeskError as exc:
            self.message.setText(cadence_error_text(exc))
            self.message.show()
            return
        self.message.hide()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        silent = sum(1 for r in rows if r.target is Target.ACCOUNT and r.silence is not Silence.OK)
        missed = sum(r.missed for r in rows)
        accounts = sum(1 for r in rows if r.target is Target.ACCOUNT)
        self.summary.setText(
            self.tr(
                "{start} to {end}: {accounts} open account(s); {silent} quiet or silent now; "
                "{missed} requirement(s) missed. Hover over a figure of missed for the days."
            ).format(
                start=start.isoformat(),
                end=end.isoformat(),
                accounts=accounts,
                silent=silent,
                missed=missed,
            )
        )
