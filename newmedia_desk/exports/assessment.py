"""Write a month's assessment (考核) of every unit as an xlsx file, ready to print.

Three sheets, each set up for A4 landscape, one page wide, the header row repeated:

* 考核结果 — one row per unit: score, 合格/不合格, veto items, every figure, the points
  deducted and the suggestion (表扬/批评) with its reasons;
* 账号明细 — one row per open account: published, longest silence, cadence requirements
  and misses (the figures behind the unit's row), then one per column with rules the unit
  carried and its misses;
* 扣分标准 — the points and caps the month was scored with (the office settings).

Every text goes through ``exports.xlsx.set_cell`` (a leading ``=`` stays text), and the file
is saved atomically: either the old file or the complete new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from newmedia_desk.domain.assessment import (
    ITEM_LABELS,
    AssessmentRules,
    Item,
    Month,
    UnitAssessment,
    suggestion_text,
    veto_text,
)
from newmedia_desk.exports.xlsx import atomic_save, safe_sheet_title, set_cell, to_local_naive

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

RESULT_SHEET = "考核结果"
ACCOUNT_SHEET = "账号明细"
RULES_SHEET = "扣分标准"
HEADER_ROW = 3
"""The row of the column headers (rows 1–2 carry the title and the export line)."""

RESULT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("单位", 16),
    ("得分", 6),
    ("结果", 7),
    ("单项否决", 26),
    ("发布数", 7),
    ("更新达标账号", 9),
    ("更新未达标次数", 9),
    ("最长未更新天数", 9),
    ("审批时长中位数（小时）", 10),
    ("审批超时", 7),
    ("退回", 6),
    ("检查拦截", 7),
    ("与审批稿不一致", 9),
    ("逾期回复", 7),
    ("突发事件超时环节", 9),
    ("密码逾期", 7),
    ("扣分合计", 7),
    ("建议", 30),
)
"""Header and width of each column of the result sheet, in order."""

ACCOUNT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("单位", 16),
    ("账号", 18),
    ("平台", 10),
    ("发布数", 8),
    ("最长未更新天数", 10),
    ("未更新起始日", 12),
    ("有更新要求", 9),
    ("应发（次）", 9),
    ("未达标次数", 9),
)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _sheet(ws: Worksheet, title: str, info: str, columns: Sequence[tuple[str, float]]) -> None:
    """Title, export line, headers and the print setup of one sheet."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    for index, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[_letter(index)].width = width
    set_cell(ws, "A1", title).font = Font(name="宋体", size=14, bold=True)
    set_cell(ws, "A2", info).font = Font(name="宋体", size=9)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for index, (caption, _) in enumerate(columns, start=1):
        cell = set_cell(ws, f"{_letter(index)}{HEADER_ROW}", caption)
        cell.font = Font(name="宋体", bold=True)
        cell.fill = PatternFill("solid", fgColor="F2F2F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def _body(ws: Worksheet, rows: Sequence[Sequence[object]], width: int) -> None:
    """Write the data rows under the header, bordered and wrapped; set the print area."""
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="宋体", size=10)
    wrap = Alignment(vertical="center", wrap_text=True)
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for c, value in enumerate(values, start=1):
            cell = set_cell(ws, f"{_letter(c)}{r}", value)
            cell.border, cell.font, cell.alignment = border, font, wrap
    last = HEADER_ROW + max(len(rows), 1)
    if not rows:
        set_cell(ws, f"A{last}", "（本月无数据）")
    ws.auto_filter.ref = f"A{HEADER_ROW}:{_letter(width)}{last}"
    ws.print_area = f"A1:{_letter(width)}{last}"


def result_row(result: UnitAssessment) -> list[object]:
    """The cells of one unit on the result sheet, in the order of ``RESULT_COLUMNS``."""
    f = result.figures
    with_rules = [a for a in f.accounts if a.has_rules]
    met = sum(1 for a in with_rules if a.cadence_misses == 0)
    turnaround = f.turnaround_hours
    return [
        f.unit_name,
        result.score,
        result.result_label,
        "；".join(veto_text(v) for v in result.vetoes),
        f.published,
        f"{met}/{len(with_rules)}" if with_rules else "—",
        f.cadence_misses,
        f.max_silent_days,
        "—" if turnaround is None else round(turnaround, 1),
        result.count(Item.SLOW_APPROVALS),
        f.rejections,
        f.checker_blocks,
        f.mismatches,
        f.late_answers,
        f.late_incident_steps,
        f.rotation_overdue,
        result.deducted,
        suggestion_text(result),
    ]


def export_assessment(
    results: Sequence[UnitAssessment],
    month: Month,
    out: Path,
    *,
    rules: AssessmentRules,
    audit_head: str = "",
    printed_at: datetime | None = None,
) -> Path:
    """Write the assessment of ``month`` to ``out`` (atomically).

    Args:
        results: Every unit's assessment (``AssessmentService.month``), in print order.
        month: The month assessed.
        out: The xlsx file to create or replace.
        rules: The points and caps used (printed on the third sheet).
        audit_head: The audit-log head as printed, e.g. "审计日志 #123 …".
        printed_at: The export time (aware); now by default.

    Returns:
        ``out``.

    Raises:
        ExportLockedError: ``out`` is open in Excel.
        ExportError: Any other failure to write; ``out`` is then unchanged.
    """
    from openpyxl import Workbook

    stamp = to_local_naive(printed_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M")
    failed = sum(1 for r in results if not r.qualified)
    info = (
        f"共 {len(results)} 个单位，不合格 {failed} 个　导出时间 {stamp}　{audit_head}".rstrip()
        + "　评分：单项否决即不合格，否则100分减扣分，低于60分不合格；点赞、粉丝数不作为考核依据"
    )
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = safe_sheet_title(RESULT_SHEET)
    _sheet(ws, f"{month.label}新媒体工作考核结果", info, RESULT_COLUMNS)
    _body(ws, [result_row(r) for r in results], len(RESULT_COLUMNS))

    accounts = workbook.create_sheet(safe_sheet_title(ACCOUNT_SHEET))
    _sheet(
        accounts, f"{month.label}账号更新明细", f"导出时间 {stamp}　{audit_head}", ACCOUNT_COLUMNS
    )
    rows: list[list[object]] = []
    for r in results:
        rows += [
            [
                r.unit_name,
                a.name,
                a.platform,
                a.published,
                a.silent_days,
                a.silent_from,
                "是" if a.has_rules else "否",
                a.cadence_expected if a.has_rules else "—",
                a.cadence_misses if a.has_rules else "—",
            ]
            for a in r.figures.accounts
        ]
        # A column's rules count against the units that carried it (services.assessment).
        rows += [
            [
                r.unit_name,
                f"栏目 {c.column}（{'、'.join(c.accounts)}"
                + ("" if c.carried_in_month else "；本月无人发布，按最近一次发布的单位计")
                + "）",
                "栏目",
                "—",
                "—",
                None,
                "是",
                c.expected,
                c.misses,
            ]
            for c in r.figures.columns
        ]
    _body(accounts, rows, len(ACCOUNT_COLUMNS))
    for row in accounts.iter_rows(min_row=HEADER_ROW + 1, min_col=6, max_col=6):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"

    standard = workbook.create_sheet(safe_sheet_title(RULES_SHEET))
    columns = (("扣分项", 22), ("每次扣分", 10), ("本项最多扣分", 12))
    _sheet(standard, f"{month.label}考核扣分标准", f"导出时间 {stamp}", columns)
    lines: list[list[object]] = [
        [ITEM_LABELS[item], rules.deduction(item).points, rules.deduction(item).cap]
        for item in Item
    ]
    lines += [
        ["审批超时（小时）", rules.slow_approval_hours, ""],
        ["合格分数线", rules.pass_score, ""],
        ["建议表扬分数", rules.commend_score, ""],
        ["建议批评：连续未更新天数", rules.criticise_silent_days, ""],
        ["单项否决：连续未更新天数", rules.veto_silent_days, ""],
    ]
    _body(standard, lines, len(columns))
    return atomic_save(workbook, Path(out))
