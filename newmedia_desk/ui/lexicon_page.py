"""The lexicon management page (词库管理): the term lists the content checker matches.

Everyone may read the lexicons; only an administrator changes them (the service checks).
Every change names the revision the page showed, so a change made meanwhile by someone
else is refused instead of overwritten; the page then reloads and says so.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.checker.lexicon import Lexicon, LexiconError, Term
from newmedia_desk.domain.errors import ConflictError, DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.exports.xlsx import ExportError
from newmedia_desk.services.lexicons import ImportResult, LexiconService, LexiconSummary
from newmedia_desk.ui.form_dialog import error_banner
from newmedia_desk.ui.lexicon_dialogs import HistoryDialog, NewLexiconDialog, TermEditorDialog
from newmedia_desk.ui.lexicon_model import (
    LexiconColumn,
    LexiconListModel,
    TermColumn,
    TermFilterProxy,
    TermTableModel,
    lexicon_kind,
)
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import select_source_row

FILE_FILTER_OPEN = "{lexicons} (*.txt *.tsv);;{all} (*)"
FILE_FILTER_SAVE = "{lexicons} (*.txt)"
_SHOWN_IN_QUESTION = 8
"""How many terms a delete question lists by name."""
_WIDEST_COLUMN = 260
"""Widest a term or category column starts (pixels); the suggestion takes the rest."""


def save_text_atomically(target: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) so that ``target`` is either the old file or the whole new one.

    Raises:
        ExportError: The file could not be written; an existing file is left as it was.
    """
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"{target} is a folder", path=str(target))
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist", path=str(target))
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(
            f"cannot write in {folder}: {exc.strerror or exc}", path=str(target)
        ) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ExportError(
            f"cannot write {target}: {exc.strerror or exc}", path=str(target)
        ) from exc
    return target


_BAD_SEVERITY = re.compile(r"^bad severity (?P<value>.+?) \(")
_REPEATS = re.compile(r"^(?P<term>.+) repeats line (?P<other>\d+)$")
_TOO_LONG = re.compile(r"^the (?P<field>term|category|suggestion) is longer than (?P<limit>\d+)")


def _field_name(field: str) -> str:
    names = {
        "term": QCoreApplication.translate("LexiconPage", "term"),
        "category": QCoreApplication.translate("LexiconPage", "category"),
        "suggestion": QCoreApplication.translate("LexiconPage", "suggestion"),
    }
    return names.get(field, field)


def _problem(raw: str) -> str:
    """The words for the English reason of a ``LexiconError`` (the reason itself if unknown)."""
    severity = _BAD_SEVERITY.match(raw)
    repeats = _REPEATS.match(raw)
    too_long = _TOO_LONG.match(raw)
    if raw == "more than 4 tab-separated fields":
        return QCoreApplication.translate(
            "LexiconPage",
            "it has more than 4 fields separated by tabs (term, category, action, suggestion)",
        )
    if raw in ("empty term", "the term must not be empty"):
        return QCoreApplication.translate("LexiconPage", "the term is empty")
    if severity is not None:
        return QCoreApplication.translate(
            "LexiconPage", "the action {value} is not block, escalate or warn"
        ).format(value=severity.group("value"))
    if repeats is not None:
        return QCoreApplication.translate(
            "LexiconPage", "“{term}” is on line {other} already"
        ).format(term=repeats.group("term"), other=repeats.group("other"))
    if too_long is not None:
        return QCoreApplication.translate(
            "LexiconPage", "the {field} is longer than {limit} characters"
        ).format(field=_field_name(too_long.group("field")), limit=too_long.group("limit"))
    if raw.endswith("has no letters or digits"):
        return QCoreApplication.translate("LexiconPage", "the term has no letters or digits")
    if raw.startswith("a term cannot start with #"):
        return QCoreApplication.translate(
            "LexiconPage", "a term cannot start with # (that marks a comment)"
        )
    if raw.startswith("not UTF-8"):
        return QCoreApplication.translate("LexiconPage", "it is not UTF-8 text")
    return raw


def lexicon_problem_text(exc: LexiconError, file: str) -> str:
    """Return the words for a bad line of a lexicon file, naming the file and the line."""
    raw = exc.message.removeprefix(f"{exc.source}:{exc.line}: ")
    return QCoreApplication.translate(
        "LexiconPage",
        "Line {line} of {file} cannot be read: {problem}.\n\nNothing was imported. Correct "
        "the line and import the file again.",
    ).format(line=exc.line, file=file, problem=_problem(raw))


def header_text(lexicon: Lexicon) -> str:
    """The comment lines at the top of a lexicon file, without their ``#``."""
    lines = [line.lstrip("#").strip() for line in lexicon.header]
    return "\n".join(line for line in lines if line)


class LexiconPage(QWidget):
    """The lexicons on the left, the terms of the selected one on the right."""

    changed = Signal()
    """A lexicon was changed (the checker picks up the new terms)."""

    def __init__(
        self,
        lexicons: LexiconService,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lexicons = lexicons
        self._actor = actor
        self._prompts = prompts
        self.may_change = actor.can(Permission.MANAGE_LEXICONS)
        self.revision = 0
        """The revision of the lexicon shown, as read; every change names it."""
        self.lexicon: Lexicon | None = None
        self.editor: TermEditorDialog | None = None
        self.new_dialog: NewLexiconDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self._sized_for: str | None = None

        # -- left: the lexicons --
        self.list_model = LexiconListModel(self)
        self.list_view = QTableView(self)
        self.list_view.setObjectName("lexicon_list")
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        list_header = self.list_view.horizontalHeader()
        list_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        list_header.setSectionResizeMode(LexiconColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self.tr("New lexicon…"), self)
        self.new_button.clicked.connect(self.open_new_lexicon)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_view, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addStretch(1)
        left_layout.addLayout(left_buttons)

        # -- right: the terms of the selected lexicon --
        self.title_label = QLabel(self)
        self.title_label.setObjectName("lexicon_title")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.header_label = QLabel(self)
        self.header_label.setObjectName("lexicon_header")
        self.header_label.setWordWrap(True)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header_label.setStyleSheet(
            "color: #444; background: #f4f4f0; padding: 6px; border-radius: 3px;"
        )
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("term_search")
        self.search_edit.setPlaceholderText(self.tr("Search: term, category or suggestion…"))
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("term_count")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)

        self.model = TermTableModel(self)
        self.proxy = TermFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("term_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_double_click)
        self.search_edit.textChanged.connect(self._on_search)

        self.message = error_banner(self)
        self.note = QLabel(self.tr("Only the office administrator can change the lexicons."), self)
        self.note.setObjectName("read_only_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #7a5200;")
        self.note.setVisible(not self.may_change)

        self.add_button = QPushButton(self.tr("Add term…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.history_button = QPushButton(self.tr("History…"), self)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.history_button.clicked.connect(self.open_history)
        self.import_button.setToolTip(
            self.tr(
                "A UTF-8 text file, one term per line: term, then optionally TAB category "
                "TAB block/escalate/warn TAB suggestion; lines starting with # are comments."
            )
        )
        self.export_button.setToolTip(self.tr("Save the lexicon as a text file"))
        self.history_button.setToolTip(self.tr("Every saved revision; restore an older one"))
        if not self.may_change:
            denied = self.tr("Only the office administrator can change the lexicons.")
            for button in self._change_buttons():
                button.setToolTip(denied)

        # Keyboard and context menu for the term table.
        self.delete_action = QAction(self.tr("Delete…"), self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.edit_action = QAction(self.tr("Edit…"), self.table)
        self.edit_action.triggered.connect(self.open_edit)
        self.add_action = QAction(self.tr("Add term…"), self.table)
        self.add_action.triggered.connect(self.open_add)
        for action in (self.add_action, self.edit_action, self.delete_action):
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.count_label)
        search_row.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        for button in (self.import_button, self.export_button, self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title_label)
        right_layout.addWidget(self.header_label)
        right_layout.addLayout(search_row)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 760])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        self.list_view.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self.load_terms()
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list of lexicons and the terms of the selected one."""
        current = self.current_summary()
        name = current.name if current is not None else None
        try:
            summaries = self._lexicons.list(self._actor)
        except DeskError as exc:
            self._show_problem(error_text(exc))
            return
        self.message.hide()
        blocker = self.list_view.selectionModel().blockSignals(True)
        try:
            self.list_model.set_rows(summaries)
            row = self.list_model.row_of(name) if name is not None else None
            if row is None and summaries:
                row = 0
            if row is not None:
                self.list_view.selectRow(row)
        finally:
            self.list_view.selectionModel().blockSignals(blocker)
        self.load_terms()

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self._update_buttons()

    def current_summary(self) -> LexiconSummary | None:
        """The lexicon selected on the left."""
        rows = self.list_view.selectionModel().selectedRows()
        return self.list_model.record(rows[0].row()) if rows else None

    def select_lexicon(self, name: str) -> bool:
        """Select a lexicon on the left (its terms load)."""
        row = self.list_model.row_of(name)
        if row is None:
            return False
        self.list_view.selectRow(row)
        return True

    def load_terms(self) -> None:
        """Read the terms of the selected lexicon again, keeping the selected terms."""
        summary = self.current_summary()
        same = (
            self.lexicon is not None and summary is not None and self.lexicon.name == summary.name
        )
        keep = [t.term for t in self.selected_terms()] if same else []
        if summary is None:
            self.lexicon = None
            self.revision = 0
            self.model.set_rows([])
            self._show_lexicon(None)
            return
        try:
            lexicon, revision = self._lexicons.lexicon(self._actor, summary.name)
        except DeskError as exc:
            self.lexicon = None
            self.model.set_rows([])
            self._show_lexicon(None)
            self._show_problem(error_text(exc))
            return
        self.lexicon = lexicon
        self.revision = revision
        self.model.set_rows(lexicon.terms)
        self._show_lexicon(summary)
        self._update_summary(summary.name, revision, len(lexicon.terms))
        if self._sized_for != summary.name:
            self._size_columns()
            self._sized_for = summary.name
        self.select_terms(keep)

    def _size_columns(self) -> None:
        """Fit the columns to the terms of a newly selected lexicon (long ones capped)."""
        self.table.resizeColumnsToContents()
        for column in (TermColumn.TERM, TermColumn.CATEGORY):
            if self.table.columnWidth(column) > _WIDEST_COLUMN:
                self.table.setColumnWidth(column, _WIDEST_COLUMN)

    def _update_summary(self, name: str, revision: int, count: int) -> None:
        """Correct the list row when the lexicon moved on since the list was read."""
        row = self.list_model.row_of(name)
        if row is None:
            return
        summary = self.list_model.record(row)
        if summary.revision == revision and summary.term_count == count:
            return
        self.refresh_list_only()

    def refresh_list_only(self) -> None:
        """Reload the list on the left without reloading the terms."""
        current = self.current_summary()
        try:
            summaries = self._lexicons.list(self._actor)
        except DeskError as exc:
            self._show_problem(error_text(exc))
            return
        blocker = self.list_view.selectionModel().blockSignals(True)
        try:
            self.list_model.set_rows(summaries)
            if current is not None:
                row = self.list_model.row_of(current.name)
                if row is not None:
                    self.list_view.selectRow(row)
        finally:
            self.list_view.selectionModel().blockSignals(blocker)
        summary = self.current_summary()
        if summary is not None:
            self._show_lexicon(summary)

    def _show_lexicon(self, summary: LexiconSummary | None) -> None:
        if summary is None or self.lexicon is None:
            self.title_label.setText(self.tr("No lexicon selected"))
            self.header_label.hide()
        else:
            self.title_label.setText(
                self.tr("{title} · {count} terms · revision {revision} · {kind}").format(
                    title=summary.title or summary.name,
                    count=len(self.lexicon.terms),
                    revision=self.revision,
                    kind=lexicon_kind(summary.shipped),
                )
            )
            text = header_text(self.lexicon)
            self.header_label.setText(text)
            self.header_label.setVisible(bool(text))
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if self.proxy.filter_text:
            self.count_label.setText(
                self.tr("{shown} of {total} terms").format(shown=shown, total=total)
            )
        else:
            self.count_label.setText(self.tr("{total} terms").format(total=total))

    def _on_search(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()
        self._update_buttons()

    # -- selection -----------------------------------------------------------------------

    def selected_terms(self) -> list[Term]:
        """The terms selected in the table, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        terms = [self.proxy.record_at(row) for row in rows]
        return [t for t in terms if t is not None]

    def select_terms(self, terms: list[str]) -> int:
        """Select the visible rows of ``terms``; return how many were found."""
        self.table.clearSelection()
        found = 0
        for term in terms:
            source_row = self.model.row_of(term)
            if source_row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not index.isValid():
                continue
            if found == 0:
                select_source_row(self.table, self.proxy, source_row)
            else:
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            found += 1
        return found

    def _change_buttons(self) -> tuple[QPushButton, ...]:
        return (self.add_button, self.edit_button, self.delete_button, self.import_button)

    def _update_buttons(self) -> None:
        loaded = self.lexicon is not None
        count = len(self.table.selectionModel().selectedRows())
        self.add_button.setEnabled(self.may_change and loaded)
        self.edit_button.setEnabled(self.may_change and loaded and count == 1)
        self.delete_button.setEnabled(self.may_change and loaded and count > 0)
        self.import_button.setEnabled(self.may_change and loaded)
        self.export_button.setEnabled(loaded)
        self.history_button.setEnabled(loaded)
        self.new_button.setEnabled(self.may_change)
        if not self.may_change:
            self.new_button.setToolTip(
                self.tr("Only the office administrator can change the lexicons.")
            )
        self.add_action.setEnabled(self.add_button.isEnabled())
        self.edit_action.setEnabled(self.edit_button.isEnabled())
        self.delete_action.setEnabled(self.delete_button.isEnabled())

    # -- editing terms -------------------------------------------------------------------

    def open_add(self) -> None:
        """Open the editor for a new term."""
        if self.may_change and self.lexicon is not None:
            self._open_editor(None)

    def open_edit(self) -> None:
        """Open the editor for the selected term."""
        terms = self.selected_terms()
        if self.may_change and len(terms) == 1:
            self._open_editor(terms[0])

    def _on_double_click(self, _index: QModelIndex) -> None:
        if self.edit_button.isEnabled():
            self.open_edit()

    def _open_editor(self, term: Term | None) -> TermEditorDialog | None:
        summary = self.current_summary()
        if summary is None:
            return None
        editor = TermEditorDialog(
            self._lexicons,
            self._actor,
            summary.name,
            self.revision,
            self.model.categories(),
            term,
            parent=self,
        )
        editor.saved.connect(self._on_term_saved)
        editor.conflict.connect(lambda: self._on_editor_conflict(editor))
        editor.finished.connect(lambda _result: self._forget(editor))
        self.editor = editor
        editor.open()
        return editor

    def _forget(self, dialog: QWidget) -> None:
        if self.editor is dialog:
            self.editor = None
        if self.new_dialog is dialog:
            self.new_dialog = None
        if self.history_dialog is dialog:
            self.history_dialog = None
        dialog.deleteLater()

    def _on_term_saved(self, _revision: int, term: str) -> None:
        self._after_change()
        if self.search_edit.text() and not self.select_terms([term]):
            self.search_edit.clear()
        self.select_terms([term])

    def _on_editor_conflict(self, editor: TermEditorDialog) -> None:
        self.load_terms()
        current = None
        if editor.original is not None:
            row = self.model.row_of(editor.original.term)
            current = self.model.record(row) if row is not None else None
        editor.rebase(self.revision, current)

    def delete_selected(self) -> None:
        """Delete the selected terms (after confirming) as one new revision."""
        summary = self.current_summary()
        terms = [t.term for t in self.selected_terms()]
        if summary is None or not terms or not self.may_change:
            return
        title = summary.title or summary.name
        if len(terms) == 1:
            question = self.tr("Delete “{term}” from “{lexicon}”?").format(
                term=terms[0], lexicon=title
            )
        else:
            listed = "、".join(terms[:_SHOWN_IN_QUESTION])
            if len(terms) > _SHOWN_IN_QUESTION:
                listed += "…"
            question = self.tr("Delete {count} terms from “{lexicon}”?\n\n{terms}").format(
                count=len(terms), lexicon=title, terms=listed
            )
        question += "\n\n" + self.tr(
            "A new revision is saved; the history keeps the terms and can restore them."
        )
        if not self._prompts.confirm(question):
            return
        if self._change(
            lambda: self._lexicons.remove_terms(
                self._actor, summary.name, terms, revision=self.revision
            )
        ):
            self._after_change()

    # -- new lexicon, history --------------------------------------------------------------

    def open_new_lexicon(self) -> None:
        """Open the dialog that creates an empty lexicon."""
        if not self.may_change:
            return
        dialog = NewLexiconDialog(
            self._lexicons,
            self._actor,
            [s.name for s in self.list_model.records()],
            parent=self,
        )
        dialog.created.connect(self._on_created)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.new_dialog = dialog
        dialog.open()

    def _on_created(self, name: str) -> None:
        self.refresh()
        self.select_lexicon(name)
        self.changed.emit()

    def open_history(self) -> None:
        """Show the revisions of the selected lexicon."""
        summary = self.current_summary()
        if summary is None:
            return
        dialog = HistoryDialog(
            self._lexicons,
            self._actor,
            self._prompts,
            summary.name,
            summary.title or summary.name,
            may_restore=self.may_change,
            parent=self,
        )
        dialog.restored.connect(self._on_restored)
        dialog.reloaded.connect(self.refresh)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.history_dialog = dialog
        dialog.open()

    def _on_restored(self, revision: int) -> None:
        self._after_change()
        self._prompts.info(
            self.tr("The older terms were restored and saved as revision {revision}.").format(
                revision=revision
            )
        )

    # -- import and export -----------------------------------------------------------------

    def import_file(self) -> None:
        """Read a lexicon file and merge it into the selected lexicon or replace its terms."""
        summary = self.current_summary()
        if summary is None or not self.may_change:
            return
        title = summary.title or summary.name
        path = self._prompts.ask_open_file(
            self.tr("Import terms into “{title}”").format(title=title),
            FILE_FILTER_OPEN.format(lexicons=self.tr("Lexicon files"), all=self.tr("All files")),
        )
        if path is None:
            return
        text = self._read_file(path)
        if text is None:
            return
        choice = self._prompts.choose(
            self.tr(
                "How should the terms of {file} be taken into “{title}”?\n\n"
                "Merge: new terms are added; terms already in the lexicon take the category, "
                "action and suggestion of the file; all other terms stay.\n"
                "Replace: afterwards the lexicon holds exactly the terms of the file.\n\n"
                "Either way a new revision is saved, and the history keeps the old one."
            ).format(file=path.name, title=title),
            [self.tr("Merge"), self.tr("Replace")],
        )
        if choice is None:
            return
        self._import(summary, path.name, text, replace=choice == 1)

    def _import(self, summary: LexiconSummary, file: str, text: str, *, replace: bool) -> None:
        title = summary.title or summary.name
        try:
            result = self._lexicons.import_text(
                self._actor,
                summary.name,
                text,
                replace=replace,
                source=file,
                revision=self.revision,
            )
        except LexiconError as exc:
            self._prompts.warning(lexicon_problem_text(exc, file))
            return
        except ConflictError:
            self.refresh()
            again = self.tr(
                "Someone else changed “{title}” meanwhile (now revision {revision}). Nothing "
                "was imported; the lexicon has been reloaded.\n\nImport {file} into the "
                "current terms now?"
            ).format(title=title, revision=self.revision, file=file)
            if self._prompts.confirm(again):
                self._import(summary, file, text, replace=replace)
            return
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self._after_change()
        self._prompts.info(self._import_report(result, file))

    def _import_report(self, result: ImportResult, file: str) -> str:
        if not (result.added or result.updated or result.removed):
            return self.tr(
                "Nothing changed: the {count} terms of {file} are in the lexicon already."
            ).format(count=result.unchanged, file=file)
        return self.tr(
            "{file} was imported and saved as revision {revision}: {added} terms added, "
            "{updated} changed, {removed} removed, {unchanged} unchanged."
        ).format(
            file=file,
            revision=result.revision,
            added=result.added,
            updated=result.updated,
            removed=result.removed,
            unchanged=result.unchanged,
        )

    def _read_file(self, path: Path) -> str | None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._prompts.warning(
                self.tr("{file} cannot be read: {detail}").format(
                    file=path.name, detail=exc.strerror or exc
                )
            )
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self._prompts.warning(
                self.tr(
                    "Line {line} of {file} is not UTF-8 text. Save the file with the encoding "
                    "UTF-8 (in Notepad: Save as, Encoding: UTF-8) and import it again.\n\n"
                    "Nothing was imported."
                ).format(line=line, file=path.name)
            )
            return None

    def export_file(self) -> None:
        """Save the selected lexicon as a text file that imports back to the same terms."""
        summary = self.current_summary()
        if summary is None:
            return
        title = summary.title or summary.name
        target = self._prompts.ask_save_file(
            self.tr("Export “{title}”").format(title=title),
            FILE_FILTER_SAVE.format(lexicons=self.tr("Lexicon files")),
            f"{summary.name}.txt",
        )
        if target is None:
            return
        if not target.suffix:
            target = target.with_suffix(".txt")
        try:
            text = self._lexicons.export_text(self._actor, summary.name)
            save_text_atomically(target, text)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        count = len(self.lexicon.terms) if self.lexicon is not None else summary.term_count
        self._prompts.info(
            self.tr("{count} terms of “{title}” were saved to {path}.").format(
                count=count, title=title, path=str(target)
            )
        )

    # -- changes -------------------------------------------------------------------------

    def _change(self, call: Callable[[], int]) -> bool:
        """Run one change; on failure say why (and reload after a conflict)."""
        summary = self.current_summary()
        title = (summary.title or summary.name) if summary is not None else ""
        try:
            call()
        except ConflictError:
            self.refresh()
            self._prompts.warning(
                self.tr(
                    "Someone else changed “{title}” meanwhile (now revision {revision}). "
                    "Nothing was changed; the lexicon has been reloaded. Check it and try "
                    "again."
                ).format(title=title, revision=self.revision)
            )
            return False
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return False
        return True

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()
