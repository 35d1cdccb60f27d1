"""The findings of one check as a table: severity, category, text found, suggestion, where."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from newmedia_desk.domain.checker.check import CheckResult, Finding
from newmedia_desk.domain.checker.lexicon import Severity
from newmedia_desk.ui.checked_edit import HIGHLIGHT_BACKGROUND, UNDERLINE
from newmedia_desk.ui.checker_texts import (
    advice,
    category_name,
    field_name,
    finding_tooltip,
    severity_name,
)
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.record_table import AnyIndex, RecordTableModel


class FindingColumn(IntEnum):
    """The columns of the findings table."""

    SEVERITY = 0
    CATEGORY = 1
    FOUND = 2
    SUGGESTION = 3
    WHERE = 4


HEADERS: dict[FindingColumn, str] = {
    FindingColumn.SEVERITY: QT_TRANSLATE_NOOP("FindingsModel", "Severity"),
    FindingColumn.CATEGORY: QT_TRANSLATE_NOOP("FindingsModel", "Category"),
    FindingColumn.FOUND: QT_TRANSLATE_NOOP("FindingsModel", "Text found"),
    FindingColumn.SUGGESTION: QT_TRANSLATE_NOOP("FindingsModel", "Suggestion"),
    FindingColumn.WHERE: QT_TRANSLATE_NOOP("FindingsModel", "Where"),
}

SEVERITY_RANK: dict[Severity, int] = {Severity.BLOCK: 0, Severity.ESCALATE: 1, Severity.WARN: 2}
_FIELD_RANK = {"title": 0, "digest": 1, "body": 2}


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One finding with the text it covers and its line and column (from 1, in characters)."""

    finding: Finding
    found: str
    line: int
    column: int


def finding_rows(
    result: CheckResult, body: str, title: str = "", digest: str = ""
) -> list[FindingRow]:
    """The rows for a check of ``body`` (with ``title``/``digest``), in order of position."""
    texts = {"body": body, "title": title, "digest": digest}
    rows = []
    for f in result.findings:
        text = texts.get(f.field, "")
        found = "" if f.rule.startswith("length.") else text[f.start : f.end]
        line = text.count("\n", 0, f.start) + 1
        column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        rows.append(FindingRow(f, found, line, column))
    rows.sort(key=lambda r: (_FIELD_RANK.get(r.finding.field, 3), r.finding.start, r.finding.end))
    return rows


def _where(row: FindingRow) -> str:
    f = row.finding
    if f.field != "body" or f.rule.startswith("length."):
        return field_name(f.field)
    return f"{row.line}:{row.column}"


def _display(row: FindingRow, column: FindingColumn) -> str:
    f = row.finding
    match column:
        case FindingColumn.SEVERITY:
            return severity_name(f.severity)
        case FindingColumn.CATEGORY:
            return category_name(f.category)
        case FindingColumn.FOUND:
            return row.found.replace("\n", " ⏎ ")
        case FindingColumn.SUGGESTION:
            return advice(f)
        case FindingColumn.WHERE:
            return _where(row)


def _same_findings(a: Sequence[FindingRow], b: Sequence[FindingRow]) -> bool:
    """The same findings in the same order, perhaps moved (typing before them)."""
    return len(a) == len(b) and all(
        (x.finding.severity, x.finding.category, x.finding.term, x.finding.rule, x.finding.field)
        == (y.finding.severity, y.finding.category, y.finding.term, y.finding.rule, y.finding.field)
        for x, y in zip(a, b, strict=True)
    )


class FindingsModel(RecordTableModel[FindingRow, FindingColumn]):
    """The findings of the last check, one per row; the severity cell is coloured."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(FindingColumn, HEADERS, "FindingsModel", _display, parent)

    def show_result(
        self, result: CheckResult, body: str, title: str = "", digest: str = ""
    ) -> None:
        """Show a check's findings; rows that only moved are updated in place.

        Updating in place keeps the view's selection while the clerk types.
        """
        rows = finding_rows(result, body, title, digest)
        if rows == self._rows:
            return
        if self._rows and _same_findings(rows, self._rows):
            # Typing before a finding moves it: only the cells that changed are announced
            # (each announced cell costs the view and the sorting proxy several calls).
            old, self._rows = self._rows, rows
            for row, (before, after) in enumerate(zip(old, rows, strict=True)):
                if before.found != after.found:
                    first = FindingColumn.FOUND
                elif (before.line, before.column) != (after.line, after.column):
                    first = FindingColumn.WHERE
                else:
                    continue
                self.dataChanged.emit(self.index(row, first), self.index(row, FindingColumn.WHERE))
            return
        self.set_rows(rows)

    def findings(self) -> list[Finding]:
        """Every finding shown, in order of position."""
        return [r.finding for r in self._rows]

    def sort_key(self, record: FindingRow, column: FindingColumn) -> str | float | int:
        """Severity by gravity, place by position (title first), the rest by text."""
        if column is FindingColumn.SEVERITY:
            return SEVERITY_RANK[record.finding.severity] * 10**9 + record.finding.start
        if column is FindingColumn.WHERE:
            return _FIELD_RANK.get(record.finding.field, 3) * 10**9 + record.finding.start
        return _display(record, column).casefold()

    def tooltip(self, record: FindingRow, column: FindingColumn) -> str | None:
        """Everything about the finding."""
        return finding_tooltip(record.finding)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell values; the severity cell in the editor's colours."""
        if (
            index.isValid()
            and index.column() == FindingColumn.SEVERITY
            and 0 <= index.row() < len(self._rows)
        ):
            severity = self._rows[index.row()].finding.severity
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(HIGHLIGHT_BACKGROUND[severity]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(UNDERLINE[severity]))
        return super().data(index, role)
