"""Small dialogs of the accounts area, and saving a form export.

A reason, a date, a filing, one's own password again, the problems of a refused import;
saving an export offers another name when the file is open in Excel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.accounts import FilingState, ImportRowError
from newmedia_desk.domain.errors import DeskError, SignInFailedError
from newmedia_desk.exports.xlsx import ExportLockedError, next_free_path
from newmedia_desk.ui.account_texts import event_name, import_error_text
from newmedia_desk.ui.form_dialog import FormDialog
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import RecordTableModel


def date_edit(parent: QWidget, value: date) -> QDateEdit:
    """A calendar date field."""
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def date_of(edit: QDateEdit) -> date:
    """The date a field holds."""
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class ReasonDialog(FormDialog):
    """Asks for a reason (kept in the history), then runs ``action(reason)``.

    Emits ``completed(result)`` with what the action returned.
    """

    completed = Signal(object)

    def __init__(
        self,
        title: str,
        note: str,
        action: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self._run, parent)
        self.setWindowTitle(title)
        self._action = action
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(self.reason_edit.fontMetrics().lineSpacing() * 3 + 14)
        self.add_field("reason", self.tr("Reason"), self.reason_edit)
        if note:
            self.show_note(note)

    def _run(self) -> None:
        self.completed.emit(self._action(self.reason_edit.toPlainText()))


class ClosureNoticeDialog(FormDialog):
    """Asks the day the public 停更公告 was posted; runs ``action(day, note)``."""

    completed = Signal(object)

    def __init__(
        self,
        today: date,
        action: Callable[[date, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self._run, parent)
        self.setWindowTitle(self.tr("Record the closure notice"))
        self._action = action
        self.date_edit = date_edit(self, today)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Where it was posted (optional)"))
        self.add_field("closure_notice_on", self.tr("Posted on"), self.date_edit)
        self.add_field("reason", self.tr("Note"), self.note_edit)
        self.show_note(
            self.tr(
                "An account is closed only after a public notice that it stops updating. "
                "Record the day the notice was posted."
            )
        )

    def _run(self) -> None:
        self.completed.emit(self._action(date_of(self.date_edit), self.note_edit.text()))


class FilingDialog(FormDialog):
    """Choose an unfiled opening, change, suspension or closure and record its filing.

    Runs ``action(event_id, filed_on, reference)``.
    """

    completed = Signal(object)

    def __init__(
        self,
        filings: Sequence[FilingState],
        today: date,
        action: Callable[[int, date, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self._run, parent)
        self.setWindowTitle(self.tr("Record a filing"))
        self._action = action
        self.event_combo = QComboBox(self)
        for state in filings:
            self.event_combo.addItem(
                f"{event_name(state.kind)} {state.event_on.isoformat()}（{state.account_name}）",
                state.event_id,
            )
        self.date_edit = date_edit(self, today)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setPlaceholderText(
            self.tr("e.g. the national reporting system, file no.")
        )
        self.add_field("event_id", self.tr("What was filed"), self.event_combo)
        self.add_field("filed_on", self.tr("Filed on"), self.date_edit)
        self.add_field("reference", self.tr("Filed with / reference"), self.reference_edit)

    def _run(self) -> None:
        event_id = int(self.event_combo.currentData() or 0)
        day = date_of(self.date_edit)
        self.completed.emit(self._action(event_id, day, self.reference_edit.text()))


class PasswordPromptDialog(FormDialog):
    """Asks the signed-in person's own password again, then runs ``action(password)``.

    The password is passed on and the field cleared; it is never kept. Emits
    ``completed(result)``.
    """

    completed = Signal(object)

    def __init__(
        self,
        title: str,
        note: str,
        action: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self._run, parent)
        self.setWindowTitle(title)
        self._action = action
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("password", self.tr("Your password"), self.password_edit)
        self.save_button.setText(self.tr("OK"))
        self.save_button.setIcon(QIcon())
        if note:
            self.show_note(note)
        self.password_edit.setFocus()

    def handle_error(self, exc: DeskError) -> None:
        """A wrong password is said as such (there is no login name here)."""
        if isinstance(exc, SignInFailedError):
            self.show_error(self.tr("The password is wrong."), "password")
            return
        super().handle_error(exc)

    def _run(self) -> None:
        password = self.password_edit.text()
        self.password_edit.clear()
        result = self._action(password)
        self.completed.emit(result)


class ImportColumn(IntEnum):
    """The columns of the import problems."""

    ROW = 0
    COLUMN = 1
    PROBLEM = 2


IMPORT_HEADERS: dict[ImportColumn, str] = {
    ImportColumn.ROW: QT_TRANSLATE_NOOP("ImportErrorModel", "Row"),
    ImportColumn.COLUMN: QT_TRANSLATE_NOOP("ImportErrorModel", "Column"),
    ImportColumn.PROBLEM: QT_TRANSLATE_NOOP("ImportErrorModel", "Problem"),
}


class ImportErrorModel(RecordTableModel[ImportRowError, ImportColumn]):
    """The problems found in a refused ledger, one per row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ImportColumn, IMPORT_HEADERS, "ImportErrorModel", self._display, parent)

    def _display(self, error: ImportRowError, column: ImportColumn) -> str:
        match column:
            case ImportColumn.ROW:
                return str(error.row) if error.row else self.tr("file")
            case ImportColumn.COLUMN:
                return error.column
            case ImportColumn.PROBLEM:
                return import_error_text(error)

    def sort_key(self, error: ImportRowError, column: ImportColumn) -> str | float | int:
        """Rows as numbers."""
        if column is ImportColumn.ROW:
            return error.row
        return self._display(error, column).casefold()


class ImportErrorsDialog(QDialog):
    """Why a ledger was refused: every problem with its row and column. Nothing changed."""

    def __init__(
        self, file_name: str, errors: Sequence[ImportRowError], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The ledger was not imported"))
        lead = QLabel(
            self.tr(
                "{file} was not imported: {count} problem(s) were found. Nothing was changed. "
                "Correct the file and import it again."
            ).format(file=file_name, count=len(errors)),
            self,
        )
        lead.setWordWrap(True)
        self.model = ImportErrorModel(self)
        self.model.set_rows(list(errors))
        self.table = QTableView(self)
        self.table.setObjectName("import_errors")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(ImportColumn.ROW, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImportColumn.COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)


def save_export(
    prompts: Prompts,
    caption: str,
    suggested: str,
    write: Callable[[Path], Path],
    *,
    locked_question: str,
) -> Path | None:
    """Ask where to save, write, and offer another name when the file is open in Excel.

    Returns the file written, or ``None`` when cancelled or failed (the failure was shown).
    """
    target = prompts.ask_save_file(caption, "Excel (*.xlsx)", suggested)
    if target is None:
        return None
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    try:
        return write(target)
    except ExportLockedError:
        other = next_free_path(target)
        if not prompts.confirm(locked_question.format(file=target.name, other=other.name)):
            return None
        try:
            return write(other)
        except DeskError as exc:
            prompts.warning(error_text(exc))
            return None
    except DeskError as exc:
        prompts.warning(error_text(exc))
        return None
