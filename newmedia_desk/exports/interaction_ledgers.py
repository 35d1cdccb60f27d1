"""Write the 评论处置台账 (with 群众反馈) and the 突发事件台账 of a period as xlsx files.

Both are written with openpyxl's write-only mode (rows stream to the file), saved
atomically, and every text goes through ``safe_text`` and is stored as text, so a comment
starting with ``=`` stays a comment and never becomes a formula. Times are Beijing time.
Late answers and late incident steps are printed in red, with 是 in the 逾期 column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newmedia_desk.domain.incidents import (
    LEVEL_LABELS,
    STEP_LABELS,
    IncidentRecord,
    IncidentStep,
    due_day,
)
from newmedia_desk.domain.interaction import (
    ACTION_LABELS,
    KIND_LABELS,
    FeedbackRecord,
    ModerationRecord,
)
from newmedia_desk.exports.xlsx import atomic_save, safe_text, to_local_naive

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MODERATION_SHEET = "评论处置台账"
FEEDBACK_SHEET = "群众反馈台账"
INCIDENT_SHEET = "突发事件台账"

TIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
HEADER_ROW = 3
"""The row of the column headers (rows 1–2 carry the title and the period)."""
RED = "C00000"

MODERATION_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("时间", 17),
    ("账号", 16),
    ("平台", 10),
    ("类型", 9),
    ("内容", 40),
    ("留言人", 12),
    ("需答复", 7),
    ("答复期限", 11),
    ("处置", 9),
    ("理由", 18),
    ("回复内容", 30),
    ("转交部门", 14),
    ("处置时间", 17),
    ("处置人", 9),
    ("逾期", 6),
    ("登记人", 9),
)

FEEDBACK_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("收到时间", 17),
    ("来源账号", 16),
    ("反映人", 12),
    ("内容", 40),
    ("转交部门", 14),
    ("答复期限", 11),
    ("答复", 36),
    ("答复时间", 17),
    ("逾期", 6),
    ("登记人", 9),
)


def _incident_columns() -> tuple[tuple[str, float], ...]:
    columns: list[tuple[str, float]] = [
        ("序号", 6),
        ("事件", 28),
        ("级别", 8),
        ("单位", 14),
        ("发生时间", 17),
    ]
    for step in IncidentStep:
        columns.append((f"{STEP_LABELS[step]}时限", 17))
        columns.append((f"{STEP_LABELS[step]}完成", 17))
    columns += [
        ("逾期环节", 24),
        ("结束时间", 17),
        ("暂停发布账号", 20),
        ("情况说明", 36),
        ("备注", 24),
        ("登记人", 9),
    ]
    return tuple(columns)


INCIDENT_COLUMNS = _incident_columns()


def ledger_title(name: str, start: date, end: date) -> str:
    """The heading: 评论处置台账（2026-03-01 至 2026-03-31）."""
    return f"{name}（{start.isoformat()} 至 {end.isoformat()}）"


class _Cells:
    """Builds write-only cells: texts pinned as text, Beijing times, red for late."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        self._ws = ws
        self._cell = WriteOnlyCell
        self._red = Font(color=RED)

    def text(self, value: str, *, red: bool = False) -> Any:
        """A text cell (always text, never a formula); ``None`` when empty."""
        if not value:
            return None
        cell = self._cell(self._ws, safe_text(value))
        cell.data_type = "s"
        if red:
            cell.font = self._red
        return cell

    def when(self, value: datetime | None, *, red: bool = False) -> Any:
        """A Beijing time to the minute; ``None`` when empty."""
        if value is None:
            return None
        cell = self._cell(self._ws, to_local_naive(value))
        cell.number_format = TIME_FORMAT
        if red:
            cell.font = self._red
        return cell

    def day(self, value: date | None, *, red: bool = False) -> Any:
        """A date cell; ``None`` when empty."""
        if value is None:
            return None
        cell = self._cell(self._ws, value)
        cell.number_format = DATE_FORMAT
        if red:
            cell.font = self._red
        return cell

    def flag(self, value: bool, *, red_when_true: bool = False) -> Any:
        """是 / 否."""
        return self.text("是" if value else "否", red=value and red_when_true)


@dataclass(frozen=True, slots=True)
class _Sheet:
    title: str
    columns: tuple[tuple[str, float], ...]
    heading: str
    count: int


def _start_sheet(workbook: Any, sheet: _Sheet, info: str) -> WriteOnlyWorksheet:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws: WriteOnlyWorksheet = workbook.create_sheet(sheet.title)
    for index, (_, width) in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    last_column = get_column_letter(len(sheet.columns))
    last_row = HEADER_ROW + max(sheet.count, 1)
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{last_row}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{last_column}{last_row}"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    heading = WriteOnlyCell(ws, safe_text(sheet.heading))
    heading.font = Font(name="宋体", size=14, bold=True)
    ws.append([heading])
    ws.append([safe_text(f"共 {sheet.count} 条　{info}".rstrip())])
    bold = Font(name="宋体", bold=True)
    fill = PatternFill("solid", fgColor="F2F2F2")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    headers = []
    for caption, _ in sheet.columns:
        cell = WriteOnlyCell(ws, caption)
        cell.font, cell.fill, cell.alignment = bold, fill, centre
        headers.append(cell)
    ws.append(headers)
    return ws


def _info(printed_at: datetime | None, audit_head: str) -> str:
    stamp = to_local_naive(printed_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M")
    return f"导出时间 {stamp}　{audit_head}".rstrip()


def _write_rows(
    ws: WriteOnlyWorksheet, rows: Sequence[Any], row_of: Callable[[int, Any], list[Any]], empty: str
) -> None:
    for number, record in enumerate(rows, start=1):
        ws.append(row_of(number, record))
    if not rows:
        ws.append([empty])


def _moderation_row(c: _Cells, number: int, r: ModerationRecord) -> list[Any]:
    late = r.late
    return [
        number,
        c.when(r.occurred_at),
        c.text(r.account_name),
        c.text(r.platform_name),
        c.text(KIND_LABELS[r.kind]),
        c.text(r.text),
        c.text(r.author),
        c.flag(r.needs_answer),
        c.day(None if r.due_at is None else due_day(r.due_at), red=late),
        c.text("未处置" if r.action is None else ACTION_LABELS[r.action], red=r.overdue),
        c.text(r.reason),
        c.text(r.reply),
        c.text(r.referred_unit_name),
        c.when(r.handled_at, red=late),
        c.text(r.handled_by_name),
        c.flag(late, red_when_true=True),
        c.text(r.recorded_by_name),
    ]


def _feedback_row(c: _Cells, number: int, r: FeedbackRecord) -> list[Any]:
    return [
        number,
        c.when(r.received_at),
        c.text(r.account_name),
        c.text(r.from_whom),
        c.text(r.text),
        c.text(r.unit_name),
        c.day(r.due_on, red=r.late),
        c.text(r.answer),
        c.when(r.answered_at, red=r.late),
        c.flag(r.late, red_when_true=True),
        c.text(r.recorded_by_name),
    ]


def _incident_row(c: _Cells, number: int, r: IncidentRecord) -> list[Any]:
    clocks = {clock.step: clock for clock in r.clocks}
    cells: list[Any] = [
        number,
        c.text(r.title),
        c.text(LEVEL_LABELS[r.level]),
        c.text(r.unit_name),
        c.when(r.opened_at),
    ]
    for step in IncidentStep:
        clock = clocks.get(step)
        if clock is None:
            cells += [c.text("不适用"), None]
            continue
        cells.append(c.when(clock.due_at))
        if clock.done_at is not None:
            cells.append(c.when(clock.done_at, red=clock.late))
        else:
            cells.append(c.text("逾期未办" if clock.late else "未办", red=clock.late))
    late = "、".join(STEP_LABELS[clock.step] for clock in r.late_steps)
    held = "、".join(
        f"{h.account_name}（{h.platform_name}）" if h.platform_name else h.account_name
        for h in r.holds
    )
    cells += [
        c.text(late, red=True),
        c.when(r.closed_at),
        c.text(held),
        c.text(r.description),
        c.text(r.notes),
        c.text(r.recorded_by_name),
    ]
    return cells


def export_moderation_ledger(
    entries: Sequence[ModerationRecord],
    feedback: Sequence[FeedbackRecord],
    *,
    start: date,
    end: date,
    out: Path,
    audit_head: str = "",
    printed_at: datetime | None = None,
) -> Path:
    """Write the 评论处置台账 and the 群众反馈台账 of ``start``–``end`` to ``out``.

    Args:
        entries: The moderation entries (``InteractionService.moderation_ledger``).
        feedback: The feedback of the same period.
        start: The first day of the period (printed in the heading).
        end: The last day of the period.
        out: The xlsx file to create or replace (atomically).
        audit_head: The audit-log head as printed, e.g. "审计日志 #123 …".
        printed_at: The export time (aware); now by default.

    Returns:
        ``out``.

    Raises:
        ExportLockedError: ``out`` is open in Excel.
        ExportError: Any other failure to write; ``out`` is then unchanged.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    info = _info(printed_at, audit_head)
    ws = _start_sheet(
        workbook,
        _Sheet(
            MODERATION_SHEET,
            MODERATION_COLUMNS,
            ledger_title(MODERATION_SHEET, start, end),
            len(entries),
        ),
        info,
    )
    cells = _Cells(ws)
    _write_rows(ws, entries, lambda n, r: _moderation_row(cells, n, r), "（本期无评论处置记录）")
    ws2 = _start_sheet(
        workbook,
        _Sheet(
            FEEDBACK_SHEET,
            FEEDBACK_COLUMNS,
            ledger_title(FEEDBACK_SHEET, start, end),
            len(feedback),
        ),
        info,
    )
    cells2 = _Cells(ws2)
    _write_rows(ws2, feedback, lambda n, r: _feedback_row(cells2, n, r), "（本期无群众反馈）")
    return atomic_save(workbook, Path(out))


def export_incident_ledger(
    incidents: Sequence[IncidentRecord],
    *,
    start: date,
    end: date,
    out: Path,
    audit_head: str = "",
    printed_at: datetime | None = None,
) -> Path:
    """Write the 突发事件台账 of ``start``–``end`` to ``out`` (atomically).

    One row per incident: level, unit, opening time, each clock's deadline and when it was
    done (late ones red, 不适用 where a level has no such clock), the late steps, closing
    time, the accounts whose publishing was paused, description and notes.

    Raises:
        ExportLockedError: ``out`` is open in Excel.
        ExportError: Any other failure to write; ``out`` is then unchanged.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = _start_sheet(
        workbook,
        _Sheet(
            INCIDENT_SHEET,
            INCIDENT_COLUMNS,
            ledger_title(INCIDENT_SHEET, start, end),
            len(incidents),
        ),
        _info(printed_at, audit_head),
    )
    cells = _Cells(ws)
    _write_rows(ws, incidents, lambda n, r: _incident_row(cells, n, r), "（本期无突发事件）")
    return atomic_save(workbook, Path(out))
