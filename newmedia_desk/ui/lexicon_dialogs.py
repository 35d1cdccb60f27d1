"""The dialogs of the lexicon page: a term's editor, a new lexicon, the revision history."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.checker.lexicon import Severity, Term
from newmedia_desk.domain.errors import ConflictError, DeskError, ValidationError
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.lexicons import (
    MAX_CATEGORY,
    MAX_SUGGESTION,
    MAX_TERM,
    MAX_TITLE,
    NAME_PATTERN,
    LexiconRevisionInfo,
    LexiconService,
)
from newmedia_desk.ui.form_dialog import FormDialog, InputProblemError, error_banner
from newmedia_desk.ui.lexicon_model import (
    SEVERITY_ORDER,
    RevisionColumn,
    RevisionTableModel,
    severity_name,
)
from newmedia_desk.ui.prompts import Prompts, error_text


class TermEditorDialog(FormDialog):
    """Adds a term to a lexicon or changes one. Emits ``saved(revision, term)``.

    The dialog remembers the revision of the lexicon it was opened on; the service refuses
    the change when the lexicon moved on meanwhile, and the page then calls ``rebase``.
    """

    saved = Signal(int, str)

    def __init__(
        self,
        lexicons: LexiconService,
        actor: Principal,
        name: str,
        revision: int,
        categories: list[str],
        original: Term | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Add term") if original is None else self.tr("Edit term"))
        self._lexicons = lexicons
        self._actor = actor
        self.name = name
        self.revision = revision
        self.original = original
        self.term_edit = QLineEdit(self)
        self.term_edit.setPlaceholderText(self.tr("e.g. 北朝鲜"))
        self.term_edit.setMaxLength(MAX_TERM)
        self.category_combo = QComboBox(self)
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_combo.addItems(categories)
        self.category_combo.setCurrentIndex(-1)
        line = self.category_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("e.g. 涉港澳台用语"))
            line.setMaxLength(MAX_CATEGORY)
        self.severity_combo = QComboBox(self)
        for severity in SEVERITY_ORDER:
            self.severity_combo.addItem(severity_name(severity), severity.value)
        self.suggestion_edit = QLineEdit(self)
        self.suggestion_edit.setPlaceholderText(self.tr("The right wording, or what to do"))
        self.suggestion_edit.setMaxLength(MAX_SUGGESTION)
        self.add_field("term", self.tr("Term"), self.term_edit)
        self.add_field("category", self.tr("Category"), self.category_combo)
        self.add_field("severity", self.tr("Action"), self.severity_combo)
        self.add_field("suggestion", self.tr("Suggested wording"), self.suggestion_edit)
        explain = QLabel(
            self.tr(
                "Block: the post cannot be sent on. Escalate: the chief must approve the post. "
                "Warn: the writer sees the suggestion. Spaces, punctuation, full-width and "
                "traditional characters inside a term are found as well."
            ),
            self,
        )
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")
        self.form.addRow(explain)
        if original is not None:
            self._fill(original)
        else:
            self.severity_combo.setCurrentIndex(SEVERITY_ORDER.index(Severity.WARN))

    def _fill(self, term: Term) -> None:
        self.term_edit.setText(term.term)
        self.category_combo.setCurrentText(term.category)
        self.severity_combo.setCurrentIndex(SEVERITY_ORDER.index(term.severity))
        self.suggestion_edit.setText(term.suggestion)

    def term(self) -> Term:
        """The term as the form holds it."""
        return Term(
            term=self.term_edit.text().strip(),
            category=self.category_combo.currentText().strip(),
            severity=Severity(str(self.severity_combo.currentData())),
            suggestion=self.suggestion_edit.text().strip(),
            source=self.original.source if self.original is not None else "",
        )

    def submit(self) -> None:
        """Add or change the term through the lexicon service."""
        term = self.term()
        if not term.term:
            raise InputProblemError(self.tr("Please enter the term."), "term")
        if self.original is None:
            revision = self._lexicons.add_term(self._actor, self.name, term, revision=self.revision)
        else:
            revision = self._lexicons.update_term(
                self._actor, self.name, self.original.term, term, revision=self.revision
            )
        self.saved.emit(revision, term.term)

    def handle_error(self, exc: DeskError) -> None:
        """Say plainly when the term is in the lexicon already; else as the base."""
        if isinstance(exc, ValidationError) and exc.field == "term" and "term" in exc.params:
            self.show_error(
                self.tr(
                    "“{term}” is in this lexicon already. Spellings that differ only in "
                    "spaces, punctuation, full-width or traditional characters count as the "
                    "same term."
                ).format(term=exc.params["term"]),
                "term",
            )
            return
        super().handle_error(exc)

    def rebase(self, revision: int, current: Term | None) -> None:
        """Take ``revision`` as the one to change, keeping what was typed.

        ``current`` is the edited term as it is saved now (``None`` when it is gone).
        """
        self.revision = revision
        if self.original is None:
            note = self.tr(
                "The lexicon is now at revision {revision}. Your input is kept; press Save to "
                "add the term."
            ).format(revision=revision)
        elif current is None:
            note = self.tr(
                "“{term}” was removed from the lexicon meanwhile. Your input is kept; press "
                "Save to add it again."
            ).format(term=self.original.term)
            self.original = None
            self.setWindowTitle(self.tr("Add term"))
        else:
            self.original = current
            note = self.tr(
                "Now saved: “{term}”, {category}, {severity}, “{suggestion}”. Your input is "
                "kept; press Save to apply it."
            ).format(
                term=current.term,
                category=current.category,
                severity=severity_name(current.severity),
                suggestion=current.suggestion,
            )
        self.banner.setText(self.banner.text() + "\n\n" + note)


class NewLexiconDialog(FormDialog):
    """Creates an empty lexicon of the office's own. Emits ``created(name)``."""

    created = Signal(str)

    def __init__(
        self,
        lexicons: LexiconService,
        actor: Principal,
        taken: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("New lexicon"))
        self._lexicons = lexicons
        self._actor = actor
        self._taken = frozenset(taken)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("e.g. 领导姓名与职务"))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. leaders"))
        self.name_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[a-z0-9_]{0,32}"), self.name_edit)
        )
        self.add_field("title", self.tr("Title"), self.title_edit)
        self.add_field("name", self.tr("File name"), self.name_edit)
        self.show_note(
            self.tr(
                "The file name is used when the lexicon is exported: 1 to 32 lower-case "
                "letters, digits or “_”. Add the terms after creating the lexicon, one by one "
                "or by importing a file."
            )
        )

    def submit(self) -> None:
        """Create the lexicon through the lexicon service."""
        title = self.title_edit.text().strip()
        name = self.name_edit.text().strip()
        if not title:
            raise InputProblemError(self.tr("Please enter the title."), "title")
        if not NAME_PATTERN.fullmatch(name):
            raise InputProblemError(
                self.tr("Please enter the file name: 1 to 32 lower-case letters, digits or “_”."),
                "name",
            )
        if name in self._taken:
            raise InputProblemError(
                self.tr("A lexicon with the file name “{name}” exists already.").format(name=name),
                "name",
            )
        self._lexicons.create(self._actor, name, title)
        self.created.emit(name)


class HistoryDialog(QDialog):
    """The saved revisions of one lexicon; an administrator may restore an older one.

    Emits ``restored(revision)`` with the new revision after a restore, and ``reloaded``
    after it found the lexicon changed by someone else (the page reloads too).
    """

    restored = Signal(int)
    reloaded = Signal()

    def __init__(
        self,
        lexicons: LexiconService,
        actor: Principal,
        prompts: Prompts,
        name: str,
        title: str,
        *,
        may_restore: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(self.tr("History of “{title}”").format(title=title))
        self._lexicons = lexicons
        self._actor = actor
        self._prompts = prompts
        self.name = name
        self.title = title
        self.may_restore = may_restore
        self.revision = 0
        lead = QLabel(
            self.tr(
                "Every change of the lexicon is saved as a new revision. Restoring an older "
                "revision saves its terms as the newest revision; nothing is lost."
            ),
            self,
        )
        lead.setWordWrap(True)
        self.message = error_banner(self)
        self.model = RevisionTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("revision_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.restore_button = QPushButton(self.tr("Restore this revision…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        if not may_restore:
            self.restore_button.setToolTip(
                self.tr("Only the office administrator can change the lexicons.")
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resize(760, 420)
        self.reload()

    def reload(self) -> None:
        """Read the revisions and the current revision again."""
        try:
            _lexicon, self.revision = self._lexicons.lexicon(self._actor, self.name)
            history = self._lexicons.history(self._actor, self.name)
        except DeskError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            self.model.set_rows([])
            self._update_buttons()
            return
        self.message.hide()
        self.model.current = self.revision
        self.model.set_rows(history)
        self._update_buttons()

    def selected(self) -> LexiconRevisionInfo | None:
        """The revision selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_revision(self, number: int) -> bool:
        """Select the row of revision ``number``."""
        for row, info in enumerate(self.model.records()):
            if info.number == number:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(
            self.may_restore and info is not None and info.number != self.revision
        )

    def restore_selected(self) -> None:
        """Save the terms of the selected revision as the newest one (after confirming)."""
        info = self.selected()
        if info is None or info.number == self.revision:
            return
        question = self.tr(
            "Restore revision {number} of “{title}” ({count} terms, saved {when})? Its terms "
            "are saved as a new revision; the current terms stay in the history."
        ).format(
            number=info.number,
            title=self.title,
            count=info.term_count,
            when=self.model.display(info, RevisionColumn.CREATED_AT),
        )
        if not self._prompts.confirm(question):
            return
        try:
            revision = self._lexicons.restore(
                self._actor, self.name, info.number, revision=self.revision
            )
        except ConflictError:
            self.reload()
            self.select_revision(info.number)
            self.reloaded.emit()
            self._prompts.warning(
                self.tr(
                    "Someone else changed “{title}” meanwhile (now revision {revision}). "
                    "Nothing was restored; the history has been reloaded. Check it and "
                    "restore again if you still want to."
                ).format(title=self.title, revision=self.revision)
            )
            return
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self.restored.emit(revision)
        self.accept()
