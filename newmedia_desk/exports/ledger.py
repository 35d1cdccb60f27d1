"""Write the 发布台账 (publication ledger) of a period as an xlsx file.

One row per publication: when (Beijing time), account, platform, column, title, link,
platform post ID, tier, the approvers step by step (a deputy as "X 代 Y"), whether the
published text is the approved one, withdrawal or deletion with its reason, and whether
the row was imported from an old ledger.

The ledger can be long (an office publishes several posts a day on several accounts), so
it is written with openpyxl's write-only mode: rows stream to the file and memory stays
flat. Texts stay safe without a per-cell style: a text is checked by one regular
expression and only the rare text that needs it is cleaned (control characters) or
pinned as text (a leading ``=``), so 10 000 rows cost little more than bare write-only
writing (``python -m tests.perf.ledger``). The file is saved atomically.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import copy
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newmedia_desk.exports.xlsx import (
    MAX_CELL_CHARS,
    ExportError,
    atomic_save,
    safe_text,
    to_local_naive,
)

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from newmedia_desk.services.post_reports import LedgerRow

SHEET_TITLE = "发布台账"

COLUMNS: tuple[tuple[str, float], ...] = (
    ("发布时间", 16),
    ("账号", 12),
    ("平台", 9),
    ("栏目", 11),
    ("标题", 28),
    ("链接", 22),
    ("平台ID", 12),
    ("层级", 5),
    ("审批人（逐级，含代签）", 38),
    ("与审批稿一致", 12),
    ("撤回/删除", 16),
    ("撤回/删除原因", 18),
    ("导入", 5),
    ("稿件编号", 7),
)
"""Header and column width of each column, in order."""

HEADER_ROW = 3
"""The row of the column headers (rows 1–2 carry the title and the period)."""

TIME_FORMAT = "yyyy-mm-dd hh:mm"

_NEEDS_CARE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|^=")
"""Texts that need cleaning or must be pinned as text; every other text is written as is."""
_SHORT_ENOUGH = MAX_CELL_CHARS // 2
"""A text of at most this many characters fits a cell even if all were astral (2 units)."""


def ledger_title(start: date, end: date) -> str:
    """The heading of the ledger: 发布台账（2026-03-01 至 2026-03-31）."""
    return f"{SHEET_TITLE}（{start.isoformat()} 至 {end.isoformat()}）"


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


class _Writer:
    """Turns ledger rows into cells, cheaply and safely."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        from openpyxl.cell import WriteOnlyCell

        self._ws = ws
        self._cell = WriteOnlyCell
        dated = WriteOnlyCell(ws)
        dated.number_format = TIME_FORMAT
        self._dated = dated._style

    def text(self, value: str) -> Any:
        """A text as a cell value: as is, cleaned, or pinned as text when it starts with =."""
        if not value:
            return None
        if len(value) <= _SHORT_ENOUGH and _NEEDS_CARE.search(value) is None:
            return value
        clean = safe_text(value)
        if clean.startswith("="):
            cell = self._cell(self._ws, clean)
            cell.data_type = "s"
            return cell
        return clean

    def when(self, value: datetime) -> Any:
        """A Beijing-time cell shown to the minute.

        The cell gets a copy of one prepared style before its value, so openpyxl does not
        look up a date format for every row.
        """
        cell = self._cell(self._ws)
        cell._style = copy(self._dated)
        cell.value = to_local_naive(value)
        return cell

    def row(self, r: LedgerRow) -> list[Any]:
        """The cells of one publication, in the order of :data:`COLUMNS`."""
        t = self.text
        return [
            self.when(r.published_at),
            t(r.account),
            t(r.platform),
            t(r.column),
            t(r.title),
            t(r.link),
            t(r.platform_post_id),
            t(r.tier),
            t(r.approvers),
            t(r.matches),
            t(r.removal),
            t(r.removal_reason),
            "是" if r.imported else "否",
            r.post_id,
        ]


def export_ledger(
    rows: Sequence[LedgerRow],
    *,
    start: date,
    end: date,
    out: Path,
    audit_head: str = "",
    printed_at: datetime | None = None,
) -> Path:
    """Write the 发布台账 of ``start``–``end`` to ``out`` (atomically).

    Args:
        rows: The publications (``PostReports.ledger_rows``), in the order to print.
        start: The first day of the period (printed in the heading).
        end: The last day of the period.
        out: The xlsx file to create or replace.
        audit_head: The audit-log head as printed, e.g. "审计日志 #123 …".
        printed_at: The export time (aware); now by default.

    Returns:
        ``out``.

    Raises:
        ExportLockedError: ``out`` is open in Excel.
        ExportError: Any other failure to write; ``out`` is then unchanged.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    out = Path(out)
    # Checked before streaming: a write-only workbook that is never saved leaves its
    # half-written sheet behind in a temporary file.
    if out.is_dir():
        raise ExportError(f"{out} is a folder", path=str(out))
    if not out.parent.is_dir():
        raise ExportError(f"the folder {out.parent} does not exist", path=str(out))
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(SHEET_TITLE)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[_column_letter(index)].width = width
    last_column = _column_letter(len(COLUMNS))
    last_row = HEADER_ROW + max(len(rows), 1)
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{last_row}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.print_area = f"A1:{last_column}{last_row}"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5

    heading = WriteOnlyCell(ws, ledger_title(start, end))
    heading.font = Font(name="宋体", size=14, bold=True)
    ws.append([heading])
    stamp = to_local_naive(printed_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M")
    info = f"共 {len(rows)} 条　导出时间 {stamp}　{audit_head}".rstrip()
    ws.append([safe_text(info)])
    bold = Font(name="宋体", bold=True)
    fill = PatternFill("solid", fgColor="F2F2F2")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    headers = []
    for caption, _ in COLUMNS:
        cell = WriteOnlyCell(ws, caption)
        cell.font, cell.fill, cell.alignment = bold, fill, centre
        headers.append(cell)
    ws.append(headers)

    writer = _Writer(ws)
    append = ws.append
    row_of = writer.row
    for r in rows:
        append(row_of(r))
    if not rows:
        ws.append(["（本期无发布记录）"])
    return atomic_save(workbook, out)
