"""The tables of the lexicon page: the lexicons, the terms of one, and its revisions."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from newmedia_desk.domain.checker.lexicon import Severity, Term
from newmedia_desk.services.lexicons import LexiconRevisionInfo, LexiconSummary
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.record_table import (
    AnyIndex,
    RecordTableModel,
    RowRole,
    SortRole,
    row_contains_text,
)
from newmedia_desk.ui.texts import office_time

_CTX = "Lexicons"

SEVERITY_NAMES: dict[Severity, str] = {
    Severity.BLOCK: QT_TRANSLATE_NOOP("Lexicons", "Block"),
    Severity.ESCALATE: QT_TRANSLATE_NOOP("Lexicons", "Escalate for approval"),
    Severity.WARN: QT_TRANSLATE_NOOP("Lexicons", "Warn"),
}
"""Source texts of what a term does to a post; show them through ``severity_name``."""

SEVERITY_ORDER: tuple[Severity, ...] = (Severity.BLOCK, Severity.ESCALATE, Severity.WARN)
"""Severities from the strictest to the mildest (the order of choice lists and sorting)."""

SEVERITY_COLOURS: dict[Severity, QColor] = {
    Severity.BLOCK: QColor("#a61b1b"),
    Severity.ESCALATE: QColor("#9a5b00"),
    Severity.WARN: QColor("#1f5f99"),
}
"""Text colour of the severity column (the same hues as the checker's highlighting)."""


def severity_name(severity: Severity) -> str:
    """Return the translated words for a severity."""
    return QCoreApplication.translate(_CTX, SEVERITY_NAMES[severity])


def lexicon_kind(shipped: bool) -> str:
    """Return the words for a shipped lexicon or one the office made."""
    if shipped:
        return QCoreApplication.translate("Lexicons", "Shipped")
    return QCoreApplication.translate("Lexicons", "Own")


# -- the lexicons --------------------------------------------------------------------------


class LexiconColumn(IntEnum):
    """The columns of the lexicon list."""

    TITLE = 0
    TERMS = 1
    REVISION = 2
    KIND = 3


LEXICON_HEADERS: dict[LexiconColumn, str] = {
    LexiconColumn.TITLE: QT_TRANSLATE_NOOP("LexiconListModel", "Lexicon"),
    LexiconColumn.TERMS: QT_TRANSLATE_NOOP("LexiconListModel", "Terms"),
    LexiconColumn.REVISION: QT_TRANSLATE_NOOP("LexiconListModel", "Revision"),
    LexiconColumn.KIND: QT_TRANSLATE_NOOP("LexiconListModel", "Kind"),
}


class LexiconListModel(RecordTableModel[LexiconSummary, LexiconColumn]):
    """One row per lexicon: title, number of terms, revision, shipped or the office's own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(LexiconColumn, LEXICON_HEADERS, "LexiconListModel", self._display, parent)

    def row_of(self, name: str) -> int | None:
        """The row of the lexicon called ``name``, or ``None``."""
        for row, summary in enumerate(self._rows):
            if summary.name == name:
                return row
        return None

    def _display(self, summary: LexiconSummary, column: LexiconColumn) -> str:
        match column:
            case LexiconColumn.TITLE:
                return summary.title or summary.name
            case LexiconColumn.TERMS:
                return str(summary.term_count)
            case LexiconColumn.REVISION:
                return str(summary.revision)
            case LexiconColumn.KIND:
                return lexicon_kind(summary.shipped)

    def sort_key(self, record: LexiconSummary, column: LexiconColumn) -> str | float | int:
        """Counts and revisions sort as numbers."""
        match column:
            case LexiconColumn.TERMS:
                return record.term_count
            case LexiconColumn.REVISION:
                return record.revision
            case _:
                return self._display(record, column).casefold()

    def tooltip(self, record: LexiconSummary, column: LexiconColumn) -> str | None:
        """The lexicon's file name and who changed it last."""
        text = QCoreApplication.translate("LexiconListModel", "File name: {name}").format(
            name=record.name
        )
        if record.changed_at is not None:
            text += "\n" + QCoreApplication.translate(
                "LexiconListModel", "Last changed {when} by {who}"
            ).format(when=office_time(record.changed_at), who=record.changed_by or "")
        return text


# -- the terms ------------------------------------------------------------------------------


class TermColumn(IntEnum):
    """The columns of the term table."""

    TERM = 0
    CATEGORY = 1
    SEVERITY = 2
    SUGGESTION = 3


TERM_HEADERS: dict[TermColumn, str] = {
    TermColumn.TERM: QT_TRANSLATE_NOOP("TermTableModel", "Term"),
    TermColumn.CATEGORY: QT_TRANSLATE_NOOP("TermTableModel", "Category"),
    TermColumn.SEVERITY: QT_TRANSLATE_NOOP("TermTableModel", "Action"),
    TermColumn.SUGGESTION: QT_TRANSLATE_NOOP("TermTableModel", "Suggested wording"),
}

SEARCHED_COLUMNS = (TermColumn.TERM, TermColumn.CATEGORY, TermColumn.SUGGESTION)
"""The columns the search box looks in."""


class TermTableModel(RecordTableModel[Term, TermColumn]):
    """The terms of one lexicon, in file order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(TermColumn, TERM_HEADERS, "TermTableModel", self._display, parent)

    def row_of(self, term: str) -> int | None:
        """The row of ``term``, or ``None``."""
        for row, record in enumerate(self._rows):
            if record.term == term:
                return row
        return None

    def categories(self) -> list[str]:
        """The categories in use, each once, in order of first use."""
        return list(dict.fromkeys(t.category for t in self._rows if t.category))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """As the base, with the severity column coloured by severity."""
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == TermColumn.SEVERITY
            and 0 <= index.row() < len(self._rows)
        ):
            return QBrush(SEVERITY_COLOURS[self._rows[index.row()].severity])
        return super().data(index, role)

    def _display(self, term: Term, column: TermColumn) -> str:
        match column:
            case TermColumn.TERM:
                return term.term
            case TermColumn.CATEGORY:
                return term.category
            case TermColumn.SEVERITY:
                return severity_name(term.severity)
            case TermColumn.SUGGESTION:
                return term.suggestion

    def sort_key(self, record: Term, column: TermColumn) -> str | float | int:
        """Severities sort from the strictest; the rest by text."""
        if column is TermColumn.SEVERITY:
            return SEVERITY_ORDER.index(record.severity)
        return self._display(record, column).casefold()

    def tooltip(self, record: Term, column: TermColumn) -> str | None:
        """Where the term came from (the file it was imported from), if known."""
        if record.source:
            return QCoreApplication.translate("TermTableModel", "Source: {source}").format(
                source=record.source
            )
        return None


class TermFilterProxy(QSortFilterProxyModel):
    """Filters terms by a text found in the term, its category or its suggestion.

    Plain substring search, case-insensitive: Chinese has no word boundaries, so “赌” finds
    every term with that character in it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    @property
    def filter_text(self) -> str:
        """The text searched for (case-folded; empty shows every term)."""
        return self._text

    def set_filter_text(self, text: str) -> None:
        """Show only terms whose term, category or suggestion contains ``text``."""
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        """Apply the text filter."""
        if not self._text:
            return True
        model = self.sourceModel()
        return row_contains_text(model, source_row, source_parent, SEARCHED_COLUMNS, self._text)

    def record_at(self, proxy_row: int) -> Term | None:
        """The term of a visible row."""
        value = self.index(proxy_row, 0).data(RowRole)
        return value if isinstance(value, Term) else None


# -- the revisions --------------------------------------------------------------------------


class RevisionColumn(IntEnum):
    """The columns of the revision history."""

    NUMBER = 0
    CREATED_AT = 1
    CREATED_BY = 2
    TERMS = 3
    ADDED = 4
    REMOVED = 5
    NOTE = 6


REVISION_HEADERS: dict[RevisionColumn, str] = {
    RevisionColumn.NUMBER: QT_TRANSLATE_NOOP("RevisionTableModel", "Revision"),
    RevisionColumn.CREATED_AT: QT_TRANSLATE_NOOP("RevisionTableModel", "Saved"),
    RevisionColumn.CREATED_BY: QT_TRANSLATE_NOOP("RevisionTableModel", "By"),
    RevisionColumn.TERMS: QT_TRANSLATE_NOOP("RevisionTableModel", "Terms"),
    RevisionColumn.ADDED: QT_TRANSLATE_NOOP("RevisionTableModel", "Added"),
    RevisionColumn.REMOVED: QT_TRANSLATE_NOOP("RevisionTableModel", "Removed"),
    RevisionColumn.NOTE: QT_TRANSLATE_NOOP("RevisionTableModel", "Note"),
}


class RevisionTableModel(RecordTableModel[LexiconRevisionInfo, RevisionColumn]):
    """The saved revisions of one lexicon, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            RevisionColumn, REVISION_HEADERS, "RevisionTableModel", self._display, parent
        )
        self.current = 0
        """The lexicon's current revision (shown in bold words)."""

    def _display(self, info: LexiconRevisionInfo, column: RevisionColumn) -> str:
        match column:
            case RevisionColumn.NUMBER:
                if info.number == self.current:
                    return QCoreApplication.translate(
                        "RevisionTableModel", "{number} (current)"
                    ).format(number=info.number)
                return str(info.number)
            case RevisionColumn.CREATED_AT:
                return office_time(info.created_at)
            case RevisionColumn.CREATED_BY:
                return info.created_by or "—"
            case RevisionColumn.TERMS:
                return str(info.term_count)
            case RevisionColumn.ADDED:
                return f"+{info.added}" if info.added else ""
            case RevisionColumn.REMOVED:
                return f"−{info.removed}" if info.removed else ""
            case RevisionColumn.NOTE:
                return info.note

    def sort_key(self, record: LexiconRevisionInfo, column: RevisionColumn) -> str | float | int:
        """Numbers and times sort as numbers."""
        match column:
            case RevisionColumn.NUMBER:
                return record.number
            case RevisionColumn.CREATED_AT:
                return record.created_at.timestamp()
            case RevisionColumn.TERMS:
                return record.term_count
            case RevisionColumn.ADDED:
                return record.added
            case RevisionColumn.REMOVED:
                return record.removed
            case _:
                return self._display(record, column).casefold()
