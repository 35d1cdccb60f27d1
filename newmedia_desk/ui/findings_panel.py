"""The findings of a check: a summary line, the table, and Mask / Use suggestion buttons.

The panel edits nothing itself: it asks its owner through signals, which knows whether a
finding is in the body editor or in the title field.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.checker.check import CheckResult, Finding
from newmedia_desk.domain.checker.lexicon import Severity
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.checked_edit import EMPTY_RESULT
from newmedia_desk.ui.checker_texts import replacement_forms, tier_name
from newmedia_desk.ui.findings_model import FindingColumn, FindingRow, FindingsModel
from newmedia_desk.ui.record_table import RowRole, SortRole


class FindingsPanel(QWidget):
    """Summary, table and actions for the findings of the last check.

    Emits ``activated(Finding)`` on a double click (show it in the text) and
    ``replace_requested(list[tuple[Finding, str]])`` for Mask and Use suggestion
    (replace these spans as one step).
    """

    activated = Signal(object)
    replace_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result = EMPTY_RESULT
        self._menu_forms: tuple[str, ...] = ()
        self.model = FindingsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = read_only_table(self, "findings_table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(FindingColumn.WHERE, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in (
            (FindingColumn.SEVERITY, 110),
            (FindingColumn.CATEGORY, 150),
            (FindingColumn.FOUND, 180),
            (FindingColumn.WHERE, 70),
        ):
            header.resizeSection(column, width)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FindingColumn.SUGGESTION, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.mask_button = QPushButton(self.tr("Mask"), self)
        self.mask_button.setObjectName("mask")
        self.mask_button.setToolTip(
            self.tr("Replace the selected personal data with its masked form (138****1234)")
        )
        self.mask_button.clicked.connect(self.mask_selected)
        self.mask_all_button = QPushButton(self.tr("Mask all"), self)
        self.mask_all_button.setObjectName("mask_all")
        self.mask_all_button.setToolTip(self.tr("Mask every ID, mobile and bank card number"))
        self.mask_all_button.clicked.connect(self.mask_all)
        self.suggest_button = QToolButton(self)
        self.suggest_button.setObjectName("use_suggestion")
        self.suggest_button.setText(self.tr("Use suggestion"))
        self.suggest_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.suggest_button.clicked.connect(lambda: self.use_suggestion())
        self.hint = QLabel(self.tr("Double-click a row to show it in the text."), self)
        self.hint.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.mask_button)
        buttons.addWidget(self.mask_all_button)
        buttons.addWidget(self.suggest_button)
        buttons.addStretch(1)
        buttons.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_result(EMPTY_RESULT, "")

    def show_result(self, result: CheckResult, body: str, title: str = "") -> None:
        """Show the findings of a check of ``body`` and ``title``."""
        self._result = result
        self.model.show_result(result, body, title)
        self.summary.setText(self.summary_text(result))
        self._update_buttons()

    def summary_text(self, result: CheckResult) -> str:
        """E.g. "2 to fix (blocks submission) · 1 needs the chief · 3 notes · tier: Important"."""
        counts = {s: 0 for s in Severity}
        for f in result.findings:
            counts[f.severity] += 1
        parts = []
        if counts[Severity.BLOCK]:
            parts.append(
                self.tr("{count} to fix (blocks submission)").format(count=counts[Severity.BLOCK])
            )
        if counts[Severity.ESCALATE]:
            parts.append(
                self.tr("{count} for the chief's approval").format(count=counts[Severity.ESCALATE])
            )
        if counts[Severity.WARN]:
            parts.append(self.tr("{count} to check").format(count=counts[Severity.WARN]))
        if not parts:
            parts.append(self.tr("No problems found"))
        parts.append(
            self.tr("suggested tier: {tier}").format(tier=tier_name(result.suggested_tier))
        )
        return self.tr(" · ").join(parts)

    # -- selection and actions ------------------------------------------------------------

    def selected_findings(self) -> list[Finding]:
        """The selected findings, in the table's order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=QModelIndex.row)
        found = []
        for index in rows:
            row = index.data(RowRole)
            if isinstance(row, FindingRow):
                found.append(row.finding)
        return found

    def select_finding(self, finding: Finding) -> bool:
        """Select the row of ``finding``; False if it is not shown."""
        for row, shown in enumerate(self.model.findings()):
            if shown == finding:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.table.selectRow(index.row())
                return True
        return False

    def _update_buttons(self) -> None:
        selected = self.selected_findings()
        self.mask_button.setEnabled(any(f.category == "privacy" for f in selected))
        self.mask_all_button.setEnabled(any(f.category == "privacy" for f in self._result.findings))
        usable = [forms for forms in map(replacement_forms, selected) if forms]
        self.suggest_button.setEnabled(bool(usable))
        choices = usable[0] if len(selected) == 1 and usable else ()
        self._set_menu(choices if len(choices) > 1 else ())
        if choices:
            self.suggest_button.setToolTip(self.tr("Change it to “{form}”").format(form=choices[0]))
        elif usable:
            self.suggest_button.setToolTip(
                self.tr("Change each selected wording to its first suggested form")
            )
        else:
            self.suggest_button.setToolTip(
                self.tr("Select a wording or name finding that names the right form")
            )

    def _set_menu(self, forms: tuple[str, ...]) -> None:
        """One menu entry per alternative form (none for a single form)."""
        if forms == self._menu_forms:
            return  # typing re-checks often; keep the menu that is there
        self._menu_forms = forms
        menu = self.suggest_button.menu()
        if menu is not None:
            self.suggest_button.setMenu(None)  # type: ignore[arg-type]
            menu.deleteLater()
        if forms:
            menu = QMenu(self.suggest_button)
            for form in forms:
                action = QAction(form, menu)
                action.triggered.connect(lambda _=False, form=form: self.use_suggestion(form))
                menu.addAction(action)
            self.suggest_button.setMenu(menu)
            self.suggest_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def mask_selected(self) -> None:
        """Ask to mask the selected personal data."""
        pairs = [(f, f.suggestion) for f in self.selected_findings() if f.category == "privacy"]
        if pairs:
            self.replace_requested.emit(pairs)

    def mask_all(self) -> None:
        """Ask to mask every piece of personal data found."""
        pairs = [(f, f.suggestion) for f in self._result.findings if f.category == "privacy"]
        if pairs:
            self.replace_requested.emit(pairs)

    def use_suggestion(self, form: str | None = None) -> None:
        """Ask to replace the selected wordings by ``form`` (default: each one's first form)."""
        pairs = []
        for f in self.selected_findings():
            forms = replacement_forms(f)
            if forms:
                pairs.append((f, form if form is not None and form in forms else forms[0]))
        if pairs:
            self.replace_requested.emit(pairs)

    def _on_double_click(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if isinstance(row, FindingRow):
            self.activated.emit(row.finding)
