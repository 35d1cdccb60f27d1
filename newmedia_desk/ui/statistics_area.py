"""The statistics area (统计考核): the monthly assessment of every unit, in a table and charts.

Pick a month; the table lists each unit's score, 合格/不合格, the veto items, every figure
and the suggestion (表扬/批评) with its reasons in the tooltip. Below it, the charts people
would rather look at than read: each unit's score over the last twelve months (the 60 and
commendation lines drawn), the longest silence of every account (the reminder and the
14-day veto lines drawn), and each unit's median approval time (the slow line drawn).
导出 Excel writes the same figures (``exports.assessment``).
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.assessment import (
    AssessmentRules,
    Item,
    Month,
    Suggestion,
    UnitAssessment,
)
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.forms import audit_line
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.account_dialogs import save_export
from newmedia_desk.ui.assessment_texts import (
    item_name,
    reason_label,
    result_name,
    suggestion_name,
    veto_label,
)
from newmedia_desk.ui.charts import Bar, BarChart, Line, LineChart, Threshold
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import AnyIndex, RecordTableModel, SortRole

_CTX = "StatisticsArea"
TREND_MONTHS = 12
"""Months of the score chart, ending with the month shown."""
PICKER_MONTHS = 36
"""Months offered by the month picker, ending with the current one."""
MAX_TEXT_COLUMN = 280
"""Widest the veto and suggestion columns grow to fit their text (pixels)."""

RED = QColor("#c62828")
GREEN = QColor("#2e7d32")
AMBER = "#f0a30a"


class Column(IntEnum):
    """The columns of the unit table."""

    UNIT = 0
    SCORE = 1
    RESULT = 2
    VETO = 3
    PUBLISHED = 4
    CADENCE = 5
    MISSES = 6
    SILENT = 7
    TURNAROUND = 8
    SLOW = 9
    RETURNED = 10
    BLOCKS = 11
    MISMATCHES = 12
    LATE_ANSWERS = 13
    LATE_STEPS = 14
    ROTATION = 15
    SUGGESTION = 16


HEADERS: dict[Column, str] = {
    Column.UNIT: QT_TRANSLATE_NOOP("StatisticsArea", "Unit"),
    Column.SCORE: QT_TRANSLATE_NOOP("StatisticsArea", "Score"),
    Column.RESULT: QT_TRANSLATE_NOOP("StatisticsArea", "Result"),
    Column.VETO: QT_TRANSLATE_NOOP("StatisticsArea", "Veto"),
    Column.PUBLISHED: QT_TRANSLATE_NOOP("StatisticsArea", "Published"),
    Column.CADENCE: QT_TRANSLATE_NOOP("StatisticsArea", "Cadence met"),
    Column.MISSES: QT_TRANSLATE_NOOP("StatisticsArea", "Misses"),
    Column.SILENT: QT_TRANSLATE_NOOP("StatisticsArea", "Longest silence (days)"),
    Column.TURNAROUND: QT_TRANSLATE_NOOP("StatisticsArea", "Approval (median h)"),
    Column.SLOW: QT_TRANSLATE_NOOP("StatisticsArea", "Slow approvals"),
    Column.RETURNED: QT_TRANSLATE_NOOP("StatisticsArea", "Returned"),
    Column.BLOCKS: QT_TRANSLATE_NOOP("StatisticsArea", "Checker stops"),
    Column.MISMATCHES: QT_TRANSLATE_NOOP("StatisticsArea", "Text mismatches"),
    Column.LATE_ANSWERS: QT_TRANSLATE_NOOP("StatisticsArea", "Late answers"),
    Column.LATE_STEPS: QT_TRANSLATE_NOOP("StatisticsArea", "Late incident steps"),
    Column.ROTATION: QT_TRANSLATE_NOOP("StatisticsArea", "Passwords overdue"),
    Column.SUGGESTION: QT_TRANSLATE_NOOP("StatisticsArea", "Suggestion"),
}


def _cadence(r: UnitAssessment) -> tuple[int, int]:
    with_rules = [a for a in r.figures.accounts if a.has_rules]
    return sum(1 for a in with_rules if a.cadence_misses == 0), len(with_rules)


def _number(r: UnitAssessment, column: Column) -> float:
    """The value a numeric column shows and sorts by."""
    f = r.figures
    values: dict[Column, float] = {
        Column.SCORE: r.score,
        Column.PUBLISHED: f.published,
        Column.MISSES: f.cadence_misses,
        Column.SILENT: f.max_silent_days,
        Column.TURNAROUND: -1.0 if f.turnaround_hours is None else f.turnaround_hours,
        Column.SLOW: r.count(Item.SLOW_APPROVALS),
        Column.RETURNED: f.rejections,
        Column.BLOCKS: f.checker_blocks,
        Column.MISMATCHES: f.mismatches,
        Column.LATE_ANSWERS: f.late_answers,
        Column.LATE_STEPS: f.late_incident_steps,
        Column.ROTATION: f.rotation_overdue,
    }
    return values.get(column, 0.0)


def display(r: UnitAssessment, column: Column) -> str:
    """The text of one cell."""
    if column is Column.UNIT:
        return r.unit_name
    if column is Column.RESULT:
        return result_name(r.qualified)
    if column is Column.VETO:
        return "；".join(veto_label(v) for v in r.vetoes)
    if column is Column.CADENCE:
        met, total = _cadence(r)
        return f"{met}/{total}" if total else "—"
    if column is Column.TURNAROUND:
        hours = r.figures.turnaround_hours
        return "—" if hours is None else f"{hours:.1f}"
    if column is Column.SUGGESTION:
        return suggestion_name(r.suggestion)
    return f"{_number(r, column):.0f}"


class AssessmentTableModel(RecordTableModel[UnitAssessment, Column]):
    """One unit per row; numbers sort as numbers; failures and suggestions coloured."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Column, HEADERS, _CTX, display, parent)

    def sort_key(self, record: UnitAssessment, column: Column) -> str | float | int:
        """Numbers by value, texts by text."""
        if column in (Column.UNIT, Column.VETO, Column.SUGGESTION):
            return display(record, column).casefold()
        if column is Column.RESULT:
            return int(record.qualified)
        if column is Column.CADENCE:
            met, total = _cadence(record)
            return met / total if total else -1.0
        return _number(record, column)

    def tooltip(self, record: UnitAssessment, column: Column) -> str | None:
        """The deductions behind the score, every veto, the reasons of a suggestion."""
        if column is Column.SCORE:
            lines = [
                QCoreApplication.translate("StatisticsArea", "{item}: {count}, −{points}").format(
                    item=item_name(r.item), count=r.count, points=r.points
                )
                for r in record.items
                if r.count
            ]
            return "\n".join(
                [
                    QCoreApplication.translate("StatisticsArea", "100 minus {points}").format(
                        points=record.deducted
                    ),
                    *lines,
                ]
            )
        if column is Column.MISSES and record.figures.cadence_misses:
            return "\n".join(
                [
                    QCoreApplication.translate("StatisticsArea", "{name} ({platform}): {n}").format(
                        name=a.name, platform=a.platform, n=a.cadence_misses
                    )
                    for a in record.figures.accounts
                    if a.cadence_misses
                ]
                + [
                    QCoreApplication.translate(
                        "StatisticsArea", "Column {column} ({accounts}): {n}"
                    ).format(column=c.column, accounts="、".join(c.accounts), n=c.misses)
                    for c in record.figures.columns
                    if c.misses
                ]
            )
        if column is Column.VETO and record.vetoes:
            return "\n".join(veto_label(v) for v in record.vetoes)
        if column is Column.SUGGESTION and record.reasons:
            return "\n".join(reason_label(r) for r in record.reasons)
        if column is Column.SILENT:
            return (
                "\n".join(
                    QCoreApplication.translate("StatisticsArea", "{account}: {days} days").format(
                        account=a.name, days=a.silent_days
                    )
                    for a in record.figures.accounts
                )
                or None
            )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Red 不合格 and 批评, green 合格 and 表扬; bold scores; numbers right-aligned."""
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        record = self.record(index.row())
        column = Column(index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in (Column.RESULT, Column.SCORE, Column.VETO):
                return QBrush(GREEN if record.qualified else RED)
            if column is Column.SUGGESTION and record.suggestion is not Suggestion.NONE:
                return QBrush(GREEN if record.suggestion is Suggestion.COMMEND else RED)
            return None
        if role == Qt.ItemDataRole.FontRole and column in (Column.SCORE, Column.RESULT):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (
            Column.UNIT,
            Column.VETO,
            Column.SUGGESTION,
            Column.RESULT,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Selectable, never editable."""
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _chart_box(title: str, chart: QWidget, parent: QWidget) -> QGroupBox:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(chart)
    return box


class StatisticsArea(QWidget):
    """The monthly assessment of every unit: month picker, table, charts, Excel export."""

    def __init__(
        self, ctx: AppContext, actor: Principal, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self.results: list[UnitAssessment] = []
        self.month: Month | None = None
        self.rules = AssessmentRules()

        title = QLabel(self.tr("Monthly assessment"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("month")
        current = ctx.assessment.current_month()
        for month in reversed(current.back(PICKER_MONTHS)):
            text = (
                month.label
                if month != current
                else self.tr("{month} (so far)").format(month=month.label)
            )
            self.month_combo.addItem(text, str(month))
        self.month_combo.setCurrentIndex(1 if self.month_combo.count() > 1 else 0)
        self.month_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Month:"), self))
        top.addWidget(self.month_combo)
        top.addStretch(1)
        top.addWidget(self.export_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.note = QLabel(
            self.tr(
                "Any veto item (an account silent 14 days, a serious error published) fails "
                "the month; otherwise 100 minus the deductions, below 60 fails. Likes and "
                "followers are not counted. Points per item: Settings → Office."
            ),
            self,
        )
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")

        self.model = AssessmentTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = read_only_table(self, "assessment_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.trend_chart = LineChart(self)
        self.trend_chart.setObjectName("trend_chart")
        self.trend_chart.empty_text = self.tr("No scores yet")
        self.silent_chart = BarChart(self)
        self.silent_chart.setObjectName("silent_chart")
        self.silent_chart.empty_text = self.tr("No open accounts")
        self.silent_chart.unit = self.tr(" d")
        self.turnaround_chart = BarChart(self)
        self.turnaround_chart.setObjectName("turnaround_chart")
        self.turnaround_chart.empty_text = self.tr("No approvals this month")
        self.turnaround_chart.unit = self.tr(" h")
        charts = QWidget(self)
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        self.trend_box = _chart_box(
            self.tr("Score per unit, last 12 months"), self.trend_chart, charts
        )
        row.addWidget(self.trend_box, 3)
        row.addWidget(
            _chart_box(self.tr("Longest silence per account (days)"), self.silent_chart, charts),
            2,
        )
        row.addWidget(
            _chart_box(
                self.tr("Approval turnaround per unit (median hours)"),
                self.turnaround_chart,
                charts,
            ),
            2,
        )
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(charts)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)

    # -- showing -----------------------------------------------------------------------------

    def selected_month(self) -> Month:
        """The month picked."""
        return Month.parse(str(self.month_combo.currentData()))

    def refresh(self) -> None:
        """Assess the month picked (and the eleven before it, for the score chart)."""
        month = self.selected_month()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.rules = self._ctx.assessment.rules()
            by_month = self._ctx.assessment.months(self._actor, month, TREND_MONTHS)
        except DeskError as exc:
            self.results, self.month = [], None
            self.model.set_rows([])
            self.summary.setText(error_text(exc))
            self._charts({})
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.month = month
        self.results = by_month[month]
        self.model.set_rows(self.results)
        self.table.resizeColumnsToContents()
        for column in (Column.VETO, Column.SUGGESTION):
            if self.table.columnWidth(column) > MAX_TEXT_COLUMN:
                self.table.setColumnWidth(column, MAX_TEXT_COLUMN)  # the tooltip has it all
        self.summary.setText(self._summary())
        self._charts(by_month)

    def _summary(self) -> str:
        failed = sum(1 for r in self.results if not r.qualified)
        commend = sum(1 for r in self.results if r.suggestion is Suggestion.COMMEND)
        criticise = sum(1 for r in self.results if r.suggestion is Suggestion.CRITICISE)
        if not self.results:
            return self.tr("No unit has an open account or anything counted this month.")
        return self.tr(
            "{units} units: {failed} failed; suggested for commendation {commend}, "
            "for criticism {criticise}."
        ).format(units=len(self.results), failed=failed, commend=commend, criticise=criticise)

    def _charts(self, by_month: dict[Month, list[UnitAssessment]]) -> None:
        months = sorted(by_month)
        units: dict[int, str] = {}
        for m in months:
            for r in by_month[m]:
                units.setdefault(r.unit_id, r.unit_name)
        lines = []
        for unit_id, name in units.items():
            scores: list[float | None] = []
            failed: list[bool] = []
            for m in months:
                found = next((r for r in by_month[m] if r.unit_id == unit_id), None)
                scores.append(None if found is None else float(found.score))
                failed.append(found is not None and not found.qualified)
            lines.append(Line(name, tuple(scores), tuple(failed)))
        self.trend_chart.set_data(
            [str(m) for m in months],
            lines,
            thresholds=[
                Threshold(self.rules.pass_score, self.tr("pass 60"), "#d62728"),
                Threshold(
                    self.rules.commend_score,
                    self.tr("commend {score}").format(score=self.rules.commend_score),
                    "#2e7d32",
                ),
            ],
        )
        accounts = sorted(
            ((r.unit_name, a) for r in self.results for a in r.figures.accounts),
            key=lambda pair: -pair[1].silent_days,
        )
        self.silent_chart.set_data(
            [
                Bar(
                    f"{a.name}（{a.platform}）",
                    float(a.silent_days),
                    self.tr("{unit} · {account}: {days} days without a post, from {since}").format(
                        unit=unit,
                        account=a.name,
                        days=a.silent_days,
                        since="—" if a.silent_from is None else a.silent_from.isoformat(),
                    ),
                )
                for unit, a in accounts
            ],
            thresholds=[
                Threshold(
                    self.rules.yellow_days,
                    self.tr("{days} d reminder").format(days=self.rules.yellow_days),
                    AMBER,
                ),
                Threshold(
                    self.rules.veto_silent_days,
                    self.tr("{days} d veto").format(days=self.rules.veto_silent_days),
                    "#d62728",
                ),
            ],
        )
        self.turnaround_chart.set_data(
            [
                Bar(
                    r.unit_name,
                    r.figures.turnaround_hours,
                    self.tr("{count} approvals, {slow} slower than {hours} h").format(
                        count=len(r.figures.approval_hours),
                        slow=r.count(Item.SLOW_APPROVALS),
                        hours=self.rules.slow_approval_hours,
                    ),
                )
                for r in self.results
            ],
            thresholds=[
                Threshold(
                    self.rules.slow_approval_hours,
                    self.tr("{hours} h limit").format(hours=self.rules.slow_approval_hours),
                    "#d62728",
                )
            ],
        )

    # -- export ------------------------------------------------------------------------------

    def export(self) -> None:
        """Ask where to save and write the month's figures as an .xlsx file."""
        if self.month is None:
            self.refresh()
        month = self.month
        if month is None:
            return
        from newmedia_desk.exports.assessment import export_assessment

        results, rules = list(self.results), self.rules

        def write(target: Path) -> Path:
            return export_assessment(
                results,
                month,
                target,
                rules=rules,
                audit_head=audit_line(self._ctx.audit.head()),
                printed_at=self._ctx.clock.now(),
            )

        path = save_export(
            self._prompts,
            self.tr("Export the assessment"),
            f"考核结果_{month}.xlsx",
            write,
            locked_question=self.tr(
                "{file} is open in another program (Excel?). Save as {other} instead?"
            ),
        )
        if path is not None:
            self._prompts.info(self.tr("Saved to {path}").format(path=path))
