"""A plain-text editor that checks its text on every change and marks what the checker found.

Findings are shown with ``setExtraSelections`` (not a syntax highlighter, which would
re-format whole blocks): one selection per finding, coloured by severity, with a tooltip.
Checking never changes the text; only :meth:`CheckedTextEdit.apply_replacements` does, as
one undo step.

Positions: the checker indexes Python strings (code points); Qt's document positions are
UTF-16 code units, so every character beyond U+FFFF (emoji, rare CJK) before a hit moves it
one unit further. :class:`Utf16Positions` converts, and costs nothing for text without such
characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Signal
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from newmedia_desk.domain.checker.check import CheckResult, Finding, SuggestedTier
from newmedia_desk.domain.checker.lexicon import Severity
from newmedia_desk.ui.checker_texts import finding_tooltip

CheckFunction = Callable[[str], CheckResult]
"""Checks the editor's whole text (title and platform, if any, are the caller's business)."""

EMPTY_RESULT = CheckResult((), SuggestedTier.GENERAL, False)

HIGHLIGHT_BACKGROUND: dict[Severity, str] = {
    Severity.BLOCK: "#ffd7d3",
    Severity.ESCALATE: "#ffe3bf",
    Severity.WARN: "#e6f0ff",
}
"""Light backgrounds, readable under black text; the findings table uses them too."""
UNDERLINE: dict[Severity, str] = {
    Severity.BLOCK: "#c62828",
    Severity.ESCALATE: "#d35400",
    Severity.WARN: "#1565c0",
}
"""Underline colours (also the severity text colour in the findings table)."""

_PAINT_ORDER: dict[Severity, int] = {Severity.WARN: 0, Severity.ESCALATE: 1, Severity.BLOCK: 2}
"""Later selections paint over earlier ones: where hits overlap, the gravest shows."""

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Positions:
    """Maps code-point indices of one text to UTF-16 positions (Qt's document positions)."""

    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        self._astral: list[int] | None = None
        if not text.isascii() and _ASTRAL.search(text) is not None:
            self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, index: int) -> int:
        """The UTF-16 position of code-point ``index``."""
        if self._astral is None:
            return index
        return index + bisect_left(self._astral, index)


_formats: dict[Severity, QTextCharFormat] = {}


def highlight_format(severity: Severity) -> QTextCharFormat:
    """The (shared, never changed) character format marking a finding of ``severity``."""
    fmt = _formats.get(severity)
    if fmt is None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(HIGHLIGHT_BACKGROUND[severity]))
        if severity is Severity.WARN:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(UNDERLINE[severity]))
        _formats[severity] = fmt
    return fmt


def is_marked(finding: Finding) -> bool:
    """Whether a finding names a piece of text (a length limit or a missing title does not)."""
    return finding.end > finding.start and not finding.rule.startswith("length.")


@dataclass
class _Mark:
    finding: Finding
    cursor: QTextCursor  # follows edits of the document until the next check


class CheckedTextEdit(QPlainTextEdit):
    """``QPlainTextEdit`` that checks on every change and marks the body's findings.

    Args:
        checker: checks the whole text; injected, so tests and the post editor choose it.
        parent: the owning widget.

    Emits ``checked(CheckResult)`` after each check.
    """

    checked = Signal(object)

    def __init__(self, checker: CheckFunction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checker = checker
        self._result = EMPTY_RESULT
        self._text = ""
        self._marks: list[_Mark] = []
        self.textChanged.connect(self.recheck)

    # -- checking ------------------------------------------------------------------------

    def text(self) -> str:
        """The text as typed (a line break is one newline character)."""
        return self.toPlainText()

    def result(self) -> CheckResult:
        """The result of the last check."""
        return self._result

    def checked_text(self) -> str:
        """The text the last check saw; the findings' spans index it."""
        return self._text

    def set_checker(self, checker: CheckFunction) -> None:
        """Use another checker from now on, and check again."""
        self._checker = checker
        self.recheck()

    def recheck(self) -> None:
        """Check the text now (also when something else the checker reads has changed)."""
        text = self.toPlainText()
        result = self._checker(text)
        self._text = text
        self._result = result
        self._mark(result, text)
        self.checked.emit(result)

    def _mark(self, result: CheckResult, text: str) -> None:
        to16 = Utf16Positions(text)
        wanted = sorted(
            (
                (to16(f.start), to16(f.end), f)
                for f in result.findings
                if f.field == "body" and is_marked(f)
            ),
            key=lambda m: (_PAINT_ORDER[m[2].severity], m[0], m[1]),
        )
        # The cursors of the marks shown have followed the edit; often nothing moved.
        if len(wanted) == len(self._marks) and all(
            (start, end, f.severity)
            == (m.cursor.selectionStart(), m.cursor.selectionEnd(), m.finding.severity)
            for (start, end, f), m in zip(wanted, self._marks, strict=True)
        ):
            for (_, _, f), m in zip(wanted, self._marks, strict=True):
                m.finding = f
            return
        document = self.document()
        marks: list[_Mark] = []
        selections: list[QTextEdit.ExtraSelection] = []
        for start, end, f in wanted:
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = highlight_format(f.severity)
            selections.append(selection)
            marks.append(_Mark(f, cursor))
        self._marks = marks
        self.setExtraSelections(selections)

    # -- what is marked where -------------------------------------------------------------

    def marked_spans(self) -> list[tuple[int, int, Finding]]:
        """``(start, end, finding)`` of each mark in document (UTF-16) positions."""
        return [
            (m.cursor.selectionStart(), m.cursor.selectionEnd(), m.finding) for m in self._marks
        ]

    def findings_at(self, position: int) -> list[Finding]:
        """The marked findings covering the character at document ``position``, gravest first."""
        found = [
            m.finding
            for m in self._marks
            if m.cursor.selectionStart() <= position < m.cursor.selectionEnd()
        ]
        return sorted(found, key=lambda f: -_PAINT_ORDER[f.severity])

    def position_at(self, point: QPoint) -> int:
        """The document position of the character under ``point`` (viewport coordinates)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if position > 0 and point.x() < self.cursorRect(cursor).x():
            position -= 1  # the point is over the right half of the character before
        return position

    def tooltip_at(self, position: int) -> str:
        """The tooltip for the character at document ``position`` (empty if unmarked)."""
        return "\n\n".join(finding_tooltip(f) for f in self.findings_at(position))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Show the findings under the mouse as a tooltip."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(self.position_at(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # -- acting on findings ---------------------------------------------------------------

    def span_cursor(self, finding: Finding) -> QTextCursor | None:
        """A cursor selecting a body finding of the last check; ``None`` for others."""
        if finding.field != "body" or finding not in self._result.findings:
            return None
        to16 = Utf16Positions(self._text)
        cursor = QTextCursor(self.document())
        cursor.setPosition(to16(finding.start))
        cursor.setPosition(to16(finding.end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select_finding(self, finding: Finding) -> bool:
        """Select a body finding's text and scroll to it; False if it is not in the text."""
        cursor = self.span_cursor(finding)
        if cursor is None:
            return False
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()
        return True

    def apply_replacement(self, finding: Finding, replacement: str) -> bool:
        """Replace one finding's text (as one undo step); False if it is not in the text."""
        return self.apply_replacements([(finding, replacement)]) == 1

    def apply_replacements(self, replacements: Iterable[tuple[Finding, str]]) -> int:
        """Replace the text of several findings of the last check as one undo step.

        Works from the end of the text backwards, so each span is still where the check
        found it; a span overlapping one already replaced is skipped. Returns how many
        were replaced.
        """
        current = set(self._result.findings)
        todo = sorted(
            ((f, r) for f, r in replacements if f.field == "body" and f in current),
            key=lambda pair: (pair[0].start, pair[0].end),
            reverse=True,
        )
        if not todo:
            return 0
        to16 = Utf16Positions(self._text)
        cursor = QTextCursor(self.document())
        done = 0
        limit = len(self._text) + 1
        cursor.beginEditBlock()
        for finding, replacement in todo:
            if finding.end > limit:
                continue
            cursor.setPosition(to16(finding.start))
            cursor.setPosition(to16(finding.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
            limit = finding.start
            done += 1
        cursor.endEditBlock()
        return done
