"""The 内容检查 page: type or paste a post, see every finding as you type, fix, copy.

Also the editor that the post editor embeds: a title, a platform (for its length rule and
title requirement), the checked body with its character count, and the findings panel.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.checker.check import CheckResult, Finding, check
from newmedia_desk.domain.checker.rules import DEFAULT_RULES, Counting, rule_for, text_length
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.ui.checked_edit import CheckedTextEdit, Utf16Positions
from newmedia_desk.ui.findings_panel import FindingsPanel
from newmedia_desk.ui.form_dialog import BANNER_NOTE, error_banner
from newmedia_desk.ui.prompts import error_text

OVER_LIMIT_STYLE = "color: #c62828; font-weight: bold;"


class PostChecker(Protocol):
    """Checks a post's body with its title for a platform (``None``: any platform)."""

    def __call__(self, text: str, *, title: str, platform: str | None) -> CheckResult:
        """Check ``text``; the text is not changed."""
        ...


def shipped_checker(text: str, *, title: str, platform: str | None) -> CheckResult:
    """Check with the shipped lexicons only."""
    return check(text, title=title, platform=platform)


class CheckerPage(QWidget):
    """Title, platform, the checked text with its length, findings, and Copy text.

    Args:
        checker: checks a post (the context's lexicons in the program, a fake in tests).
        parent: the owning widget.
    """

    def __init__(self, checker: PostChecker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checker = checker
        self.message = error_banner(self)
        self.message.setStyleSheet(BANNER_NOTE)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("Title (WeChat articles and websites need one)"))
        self.title_edit.setClearButtonEnabled(True)
        self.title_count = QLabel(self)
        self.title_count.setObjectName("title_count")
        self.platform_box = QComboBox(self)
        self.platform_box.setObjectName("platform")
        self.platform_box.addItem(self.tr("Any platform"), None)
        for name in DEFAULT_RULES:
            self.platform_box.addItem(name, name)
        self.editor = CheckedTextEdit(self._check_body, self)
        self.editor.setObjectName("body")
        self.editor.setPlaceholderText(
            self.tr(
                "Type or paste the text of a post. Problems are marked as you type: red must "
                "be fixed, orange needs the chief's approval, a wavy line is worth checking. "
                "Hover over a mark to see why."
            )
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.copy_button = QPushButton(self.tr("Copy text"), self)
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.copy_text)
        self.copy_status = QLabel(self)
        self.copy_status.setObjectName("copy_status")
        self.panel = FindingsPanel(self)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title_edit, 1)
        title_row.addWidget(self.title_count)
        title_row.addSpacing(16)
        title_row.addWidget(QLabel(self.tr("Platform:"), self))
        title_row.addWidget(self.platform_box)
        form = QFormLayout()
        form.addRow(self.tr("Title:"), title_row)
        below = QHBoxLayout()
        below.addWidget(self.count_label)
        below.addStretch(1)
        below.addWidget(self.copy_status)
        below.addWidget(self.copy_button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.editor, 1)
        top_layout.addLayout(below)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)

        self.editor.checked.connect(self._on_checked)
        self.title_edit.textChanged.connect(lambda _t: self.editor.recheck())
        self.platform_box.currentIndexChanged.connect(lambda _i: self.editor.recheck())
        self.panel.activated.connect(self.show_finding)
        self.panel.replace_requested.connect(self.replace)
        self.editor.recheck()

    # -- checking -------------------------------------------------------------------------

    def platform(self) -> str | None:
        """The platform chosen (``None``: any platform)."""
        value = self.platform_box.currentData()
        return value if isinstance(value, str) else None

    def set_platform(self, platform: str | None) -> None:
        """Choose a platform by name (``None``: any platform)."""
        index = self.platform_box.findData(platform) if platform is not None else 0
        self.platform_box.setCurrentIndex(max(index, 0))

    def refresh(self) -> None:
        """Check again (the office may have changed its lexicons meanwhile)."""
        self.editor.recheck()

    def _check_body(self, text: str) -> CheckResult:
        title, platform = self.title_edit.text(), self.platform()
        try:
            result = self._checker(text, title=title, platform=platform)
        except DeskError as exc:
            self.message.setText(
                self.tr(
                    "The office's lexicons could not be read, so this text was checked "
                    "against the shipped lists only.\n\n{error}"
                ).format(error=error_text(exc))
            )
            self.message.show()
            return shipped_checker(text, title=title, platform=platform)
        self.message.hide()
        return result

    def _on_checked(self, result: CheckResult) -> None:
        text = self.editor.checked_text()
        self.panel.show_result(result, text, self.title_edit.text())
        self.copy_status.clear()
        self._show_counts(text)

    def _show_counts(self, text: str) -> None:
        rule = rule_for(self.platform())
        count = text_length(text, rule.counting)
        if rule.body_limit is None:
            shown = self.tr("{count} characters").format(count=count)
        else:
            shown = self.tr("{count} / {limit} characters").format(
                count=count, limit=rule.body_limit
            )
        notes = []
        if rule.counting is Counting.WEIBO:
            notes.append(self.tr("half-width characters count half"))
        if rule.preview is not None and count > rule.preview:
            notes.append(self.tr("the feed shows the first {preview}").format(preview=rule.preview))
        if notes:
            shown += self.tr(" ({notes})").format(notes=self.tr(", ").join(notes))
        self.count_label.setText(shown)
        over = rule.body_limit is not None and count > rule.body_limit
        self.count_label.setStyleSheet(OVER_LIMIT_STYLE if over else "")
        title = self.title_edit.text()
        if rule.title_limit is None:
            self.title_count.hide()
        else:
            title_count = text_length(title, rule.counting)
            self.title_count.setText(
                self.tr("{count} / {limit}").format(count=title_count, limit=rule.title_limit)
            )
            self.title_count.setStyleSheet(
                OVER_LIMIT_STYLE if title_count > rule.title_limit else ""
            )
            self.title_count.show()

    # -- acting on findings ---------------------------------------------------------------

    def show_finding(self, finding: Finding) -> None:
        """Select a finding's text in the body or the title."""
        if finding.field == "title":
            title = self.title_edit.text()
            to16 = Utf16Positions(title)
            start, end = to16(finding.start), to16(finding.end)
            self.title_edit.setFocus()
            self.title_edit.setSelection(start, end - start)
        elif finding.field == "body":
            self.editor.select_finding(finding)

    def replace(self, pairs: list[tuple[Finding, str]]) -> None:
        """Replace findings' text: the body's as one undo step, then the title's."""
        current = set(self.editor.result().findings)
        body = [(f, r) for f, r in pairs if f.field == "body"]
        title = sorted(
            ((f, r) for f, r in pairs if f.field == "title" and f in current),
            key=lambda pair: pair[0].start,
            reverse=True,
        )
        if body:
            self.editor.apply_replacements(body)
        if title:
            to16 = Utf16Positions(self.title_edit.text())
            limit = len(self.title_edit.text()) + 1
            for finding, replacement in title:  # from the end: earlier spans stay put
                if finding.end > limit:
                    continue
                start, end = to16(finding.start), to16(finding.end)
                self.title_edit.setSelection(start, end - start)
                self.title_edit.insert(replacement)
                limit = finding.start

    def copy_text(self) -> None:
        """Put the text on the clipboard, and say what still needs fixing."""
        QGuiApplication.clipboard().setText(self.editor.text())
        result = self.editor.result()
        blocking = sum(1 for f in result.findings if f.severity.value == "block")
        if blocking:
            self.copy_status.setText(
                self.tr("Copied. {count} problem(s) must still be fixed before publishing.").format(
                    count=blocking
                )
            )
            self.copy_status.setStyleSheet(OVER_LIMIT_STYLE)
        else:
            self.copy_status.setText(self.tr("Copied."))
            self.copy_status.setStyleSheet("")
