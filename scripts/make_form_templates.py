"""Draw the official form templates in ``forms/`` once, with openpyxl.

The program never draws a form: it fills the cells these templates name (defined names such
as ``unit``, ``op1_text``, ``holder2_phone``) and keeps everything else. This script is how
the shipped templates were made; the office may restyle them in Excel afterwards, as long
as the names stay (公式 → 名称管理器).

Usage: ``python scripts/make_form_templates.py [--out DIR]`` (default: ``forms/``).
Re-running overwrites the templates it makes.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import quote_sheetname
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"

FONT = "宋体"
"""Chinese serif that every Chinese Windows has (SimSun); charset 134 = GB2312 lets Excel and
LibreOffice pick a substitute CJK font where it is missing."""
GB2312 = 134
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
TIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_GUIDE = "年　　月　　日"
"""Shown in an unsigned opinion's date cell, for handwriting."""

THIN = Side(style="thin", color="000000")
NONE = Side(style=None)
GREY = PatternFill("solid", fgColor="F2F2F2")


def font(size: float = 11, *, bold: bool = False, color: str = "000000") -> Font:
    """The form font at ``size`` points."""
    return Font(name=FONT, charset=GB2312, size=size, bold=bold, color=color)


CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True, indent=1)
RIGHT = Alignment(horizontal="right", vertical="center", wrap_text=False)
DATE_RIGHT = Alignment(horizontal="right", vertical="center", wrap_text=False, indent=1)


class Sheet:
    """A small drawing helper around one worksheet."""

    def __init__(
        self, wb: Workbook, title: str, widths: dict[str, float], *, new_sheet: bool = False
    ) -> None:
        ws = wb.create_sheet() if new_sheet else wb.active
        assert isinstance(ws, Worksheet)
        ws.title = title
        self.wb = wb
        self.ws = ws
        for column, width in widths.items():
            ws.column_dimensions[column].width = width
        self.last_column = max(widths)

    def put(
        self,
        ref: str,
        value: Any = None,
        *,
        size: float = 11,
        bold: bool = False,
        align: Alignment = CENTER,
        name: str | None = None,
        number_format: str | None = None,
        color: str = "000000",
    ) -> None:
        """Write a caption or prepare a field cell; ``ref`` may be a range to merge."""
        first = ref.split(":")[0]
        if ":" in ref:
            self.ws.merge_cells(ref)
        for cell in self.cells(ref):
            cell.font = font(size, bold=bold, color=color)
            cell.alignment = align
            if number_format:
                cell.number_format = number_format
        if value is not None:
            self.ws[first] = value
        if name:
            self.name(name, first)

    def cells(self, ref: str) -> Iterable[Cell]:
        """Every cell of ``ref`` (one cell or a range)."""
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        for row in self.ws.iter_rows(
            min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col
        ):
            yield from row

    def name(self, name: str, ref: str) -> None:
        """Define a workbook-wide name for one cell."""
        column = "".join(ch for ch in ref if ch.isalpha())
        row = "".join(ch for ch in ref if ch.isdigit())
        target = f"{quote_sheetname(self.ws.title)}!${column}${row}"
        self.wb.defined_names[name] = DefinedName(name, attr_text=target)

    def grid(self, ref: str) -> None:
        """Thin lines around and between every cell of ``ref``."""
        for cell in self.cells(ref):
            cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

    def box(self, ref: str) -> None:
        """Thin lines around ``ref`` only (no lines inside)."""
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        for cell in self.cells(ref):
            cell.border = Border(
                left=THIN if cell.column == min_col else NONE,
                right=THIN if cell.column == max_col else NONE,
                top=THIN if cell.row == min_row else NONE,
                bottom=THIN if cell.row == max_row else NONE,
            )

    def heights(self, heights: dict[int, float]) -> None:
        """Set row heights in points."""
        for row, height in heights.items():
            self.ws.row_dimensions[row].height = height

    def print_setup(self, last_row: int, *, pages_tall: int = 1) -> None:
        """A4 portrait, one page wide, centred, with the form as print area.

        ``pages_tall`` is 1 for a one-page form, 0 for as many pages as the rows need.
        """
        ws = self.ws
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = pages_tall
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = 0.6
        ws.page_margins.right = 0.6
        ws.page_margins.top = 0.6
        ws.page_margins.bottom = 0.5
        ws.page_margins.header = 0.3
        ws.page_margins.footer = 0.3
        ws.print_options.horizontalCentered = True
        ws.print_area = f"A1:{self.last_column}{last_row}"
        ws.sheet_view.showGridLines = False
        ws.sheet_view.zoomScale = 100


def opinion_block(
    sheet: Sheet,
    block: int,
    row: int,
    label: str,
    caption: str,
    columns: tuple[str, str, str, str, str],
    text_height: float,
) -> None:
    """Draw one opinion block on three rows: label | text / caption signer / date.

    ``columns`` are: label start, label end, text start, caption end, last column.
    """
    lab0, lab1, txt0, cap1, last = columns
    prefix = f"op{block}_"
    sheet.put(f"{lab0}{row}:{lab1}{row + 2}", label, bold=True, name=f"{prefix}label")
    sheet.put(f"{txt0}{row}:{last}{row}", align=TOP_LEFT, name=f"{prefix}text")
    sheet.put(f"{txt0}{row + 1}:{cap1}{row + 1}", caption, align=RIGHT)
    sheet.put(f"{last}{row + 1}", align=LEFT, name=f"{prefix}signer")
    sheet.put(f"{txt0}{row + 2}:{cap1}{row + 2}")
    sheet.put(
        f"{last}{row + 2}",
        DATE_GUIDE,
        align=DATE_RIGHT,
        name=f"{prefix}date",
        number_format=DATE_FORMAT,
    )
    sheet.grid(f"{lab0}{row}:{lab1}{row + 2}")
    sheet.box(f"{txt0}{row}:{last}{row + 2}")
    sheet.heights({row: text_height, row + 1: 21, row + 2: 21})


def footer(sheet: Sheet, row: int, audit: str, caption: str, stamp: str) -> None:
    """The audit-chain head and print time in small grey type under the form."""
    grey = "595959"
    sheet.put(audit, size=8, align=LEFT, name="audit_head", color=grey)
    sheet.put(caption, "打印时间：", size=8, align=RIGHT, color=grey)
    sheet.put(stamp, size=8, align=LEFT, name="printed_at", number_format=TIME_FORMAT, color=grey)
    sheet.heights({row: 16})


def account_opening() -> Workbook:
    """新媒体账号开设审批表 (seed 000 § 篇3)."""
    wb = Workbook()
    s = Sheet(wb, "开设审批表", {"A": 15, "B": 12, "C": 29, "D": 11, "E": 29})
    s.put("A1:E1", "官方微信、微博、网站等新媒体账号开设审批表", size=17, bold=True)
    s.put("A2", "部门：", align=RIGHT)
    s.put("B2:C2", align=LEFT, name="unit")
    s.put("D2", "时间：", align=RIGHT)
    s.put("E2", align=LEFT, name="applied_on", number_format=DATE_FORMAT)
    s.heights({1: 42, 2: 28})

    rows = (
        ("平台（微信、微博号）", "platform"),
        ("名称（微信、微博、网站）", "account_name"),
        ("账号ID（微信、微博ID）", "account_id"),
        ("其它新媒体名称", "other_media"),
    )
    for row, (caption, field) in enumerate(rows, start=3):
        s.put(f"A{row}:B{row}", caption, bold=True)
        s.put(f"C{row}:E{row}", align=LEFT, name=field)
        s.heights({row: 28})
    s.grid("A3:E6")

    s.put("A7:B8", "申请说明", bold=True)
    s.put(
        "C7:E7",
        "对开通网站、官方微博、微信等新媒体的用途、信息发布范围等进行说明：",
        size=10,
        align=LEFT,
    )
    s.put("C8:E8", align=TOP_LEFT, name="purpose")
    s.grid("A7:B8")
    s.box("C7:E8")
    s.heights({7: 20, 8: 92})

    for first, who, prefix in ((9, "管理人", "admin"), (11, "责任人", "resp")):
        s.put(f"A{first}:A{first + 1}", who, bold=True)
        s.put(f"B{first}", "姓名")
        s.put(f"C{first}", align=LEFT, name=f"{prefix}_name")
        s.put(f"D{first}", "职务")
        s.put(f"E{first}", align=LEFT, name=f"{prefix}_position")
        s.put(f"B{first + 1}", "联系电话")
        if prefix == "admin":
            s.put(f"C{first + 1}", align=LEFT, name="admin_phone")
            s.put(f"D{first + 1}", "QQ号")
            s.put(f"E{first + 1}", align=LEFT, name="admin_qq")
        else:
            s.put(f"C{first + 1}:E{first + 1}", align=LEFT, name="resp_phone")
        s.heights({first: 28, first + 1: 28})
    s.grid("A9:E12")

    blocks = (
        ("申请部门\n意见", "负责人（签字盖章）："),
        ("党委宣传部\n意见", "负责人（签字盖章）："),
        ("申请部门\n主管领导意见", "（签字）："),
        ("主管领导\n意见", "（签字）："),
        ("党委书记\n意见", "（签字）："),
    )
    row = 13
    for block, (label, caption) in enumerate(blocks, start=1):
        opinion_block(s, block, row, label, caption, ("A", "B", "C", "D", "E"), 40)
        row += 3

    s.put(
        f"A{row}:E{row}",
        "注：此表一式两份，党委宣传部、申请部门各留一份备案。",
        size=10,
        align=LEFT,
        name="note",
    )
    s.heights({row: 22})
    footer(s, row + 1, f"A{row + 1}:C{row + 1}", f"D{row + 1}", f"E{row + 1}")
    s.print_setup(row + 1)
    return wb


def holder_authorisation() -> Workbook:
    """新媒体账号授权审批表 (seed 001 § 篇4 附二; the seed gives the title only)."""
    wb = Workbook()
    s = Sheet(
        wb,
        "授权审批表",
        {"A": 6, "B": 12, "C": 12, "D": 15, "E": 15, "F": 16, "G": 24},
    )
    s.put("A1:G1", "新媒体账号授权审批表", size=17, bold=True)
    s.heights({1: 42, 2: 8})

    s.put("A3:B3", "申请单位（科室）", bold=True)
    s.put("C3:G3", align=LEFT, name="unit")
    s.put("A4:B4", "账号平台", bold=True)
    s.put("C4:D4", align=LEFT, name="account_platform")
    s.put("E4", "账号ID", bold=True)
    s.put("F4:G4", align=LEFT, name="account_id")
    s.put("A5:B5", "账号名称", bold=True)
    s.put("C5:G5", align=LEFT, name="account_name")
    s.heights({3: 26, 4: 26, 5: 26})

    s.put("A6:G6", "授权知悉账号密码人员（知悉人）", bold=True)
    for cell in s.cells("A6:G6"):
        cell.fill = GREY
    headers = ("序号", "姓名", "职务", "科室", "联系电话", "授权日期", "权限范围")
    for column, caption in zip("ABCDEFG", headers, strict=True):
        s.put(f"{column}7", caption, bold=True)
    s.heights({6: 24, 7: 24})
    lines = 4
    for line in range(1, lines + 1):
        row = 7 + line
        s.put(f"A{row}", line)
        parts: Iterable[tuple[str, str]] = zip(
            "BCDEFG",
            ("name", "position", "unit", "phone", "granted_on", "scope"),
            strict=True,
        )
        for column, part in parts:
            s.put(
                f"{column}{row}",
                align=CENTER if part != "scope" else LEFT,
                name=f"holder{line}_{part}",
                number_format=DATE_FORMAT if part == "granted_on" else None,
            )
        s.heights({row: 32})
    last_line = 7 + lines

    reason_row = last_line + 1
    s.put(f"A{reason_row}:B{reason_row}", "申请理由", bold=True)
    s.put(f"C{reason_row}:G{reason_row}", align=TOP_LEFT, name="reason")
    custody_row = reason_row + 1
    s.put(f"A{custody_row}:B{custody_row}", "保管要求", bold=True)
    s.put(
        f"C{custody_row}:G{custody_row}",
        "账号用户名和密码仅限上列知悉人掌握，不得转告他人或随意记录；用户名和密码另以纸质形式"
        "密封存档；知悉人离岗、调岗或被撤销授权时，须及时修改密码并重新密封存档。",
        size=10,
        align=LEFT,
    )
    s.heights({reason_row: 96, custody_row: 46})
    s.grid(f"A3:G{custody_row}")

    blocks = (
        ("科室负责人\n意见", "负责人（签字）："),
        ("分管领导\n意见", "（签字）："),
        ("主要领导\n意见", "（签字）："),
    )
    row = custody_row + 1
    for block, (label, caption) in enumerate(blocks, start=1):
        opinion_block(s, block, row, label, caption, ("A", "B", "C", "F", "G"), 58)
        row += 3

    s.put(
        f"A{row}:G{row}",
        "注：此表一式两份，申请科室、新媒体办公室各留一份备案；账号用户名和密码另行密封存档。",
        size=10,
        align=LEFT,
        name="note",
    )
    s.heights({row: 22})
    footer(s, row + 1, f"A{row + 1}:D{row + 1}", f"E{row + 1}:F{row + 1}", f"G{row + 1}")
    s.print_setup(row + 1)
    return wb


SIGNOFF_LINES = 4
"""Sign-off lines of the 发布内容审批表 (the longest default route has three steps)."""


def post_approval() -> Workbook:
    """发布内容审批表 (seed 001 § 篇4 附一), with a continuation sheet for long bodies.

    The first sheet is the form; the second, 正文续页, receives the parts of a body (or of
    a long opinion) that do not fit the form's body cell: the program repeats its row 3
    once per part. It is removed from the export when nothing continues.
    """
    wb = Workbook()
    s = Sheet(wb, "发布内容审批表", {"A": 13, "B": 15, "C": 9, "D": 13, "E": 20, "F": 18})
    s.put("A1:F1", "发布内容审批表", size=17, bold=True)
    s.heights({1: 36})

    s.put("A2", "单位", bold=True)
    s.put("B2:D2", align=LEFT, name="unit")
    s.put("E2", "稿件编号", bold=True)
    s.put("F2", align=LEFT, name="post_no")
    s.put("A3", "发布账号", bold=True)
    s.put("B3:F3", align=LEFT, name="accounts")
    pairs = (
        (4, ("栏目", "column"), ("信息类别", "category")),
        (5, ("信息分级", "tier"), ("稿件类型", "kind")),
        (7, ("来源", "source"), ("计划发布时间", "planned_at")),
        (8, ("拟稿人", "drafter"), ("稿件版本", "revision")),
    )
    for row, (left_caption, left), (right_caption, right) in pairs:
        s.put(f"A{row}", left_caption, bold=True)
        s.put(f"B{row}:C{row}", align=LEFT, name=left)
        s.put(f"D{row}", right_caption, bold=True)
        s.put(
            f"E{row}:F{row}",
            align=LEFT,
            name=right,
            number_format=TIME_FORMAT if right == "planned_at" else None,
        )
    s.put("A6", "标题", bold=True)
    s.put("B6:F6", align=LEFT, name="title")
    s.heights({2: 24, 3: 28, 4: 24, 5: 24, 6: 30, 7: 24, 8: 24})

    s.put("A9:A10", "正文", bold=True)
    s.put("B9:F9", size=10.5, align=TOP_LEFT, name="body")
    s.put("B10:F10", size=9, align=LEFT, name="body_note", color="595959")
    s.box("B9:F10")
    s.grid("A9:A10")
    s.heights({9: 200, 10: 16})

    s.put("A11", "审批流程", bold=True)
    s.put("B11:F11", size=10, align=LEFT, name="route")
    s.heights({11: 26})
    headers = (("A12", "审批环节"), ("B12", "审批人"), ("C12", "结论"), ("D12:E12", "审批意见"))
    for ref, caption in (*headers, ("F12", "审批时间")):
        s.put(ref, caption, bold=True)
    for cell in s.cells("A12:F12"):
        cell.fill = GREY
    s.heights({12: 22})
    for line in range(1, SIGNOFF_LINES + 1):
        row = 12 + line
        s.put(f"A{row}", size=10, name=f"so{line}_step")
        s.put(f"B{row}", size=10, name=f"so{line}_signer")
        s.put(f"C{row}", size=10, name=f"so{line}_decision")
        s.put(f"D{row}:E{row}", size=10, align=LEFT, name=f"so{line}_opinion")
        s.put(f"F{row}", size=10, name=f"so{line}_time", number_format=TIME_FORMAT)
        s.heights({row: 30})
    row = 13 + SIGNOFF_LINES
    s.put(f"A{row}", "此前审批记录", bold=True, size=10)
    s.put(f"B{row}:F{row}", size=9, align=TOP_LEFT, name="earlier")
    s.put(f"A{row + 1}", "需要备案", bold=True)
    s.put(f"B{row + 1}:C{row + 1}", align=LEFT, name="filing_required")
    s.put(f"D{row + 1}", "备案时间", bold=True)
    s.put(f"E{row + 1}:F{row + 1}", align=LEFT, name="filed_at", number_format=TIME_FORMAT)
    s.put(f"A{row + 2}", "内容校验码", bold=True, size=10)
    s.put(f"B{row + 2}:F{row + 2}", size=9, align=LEFT, name="content_sha256")
    s.heights({row: 34, row + 1: 24, row + 2: 24})
    s.grid("A2:F8")
    s.grid(f"A11:F{row + 2}")

    note = row + 3
    s.put(
        f"A{note}:F{note}",
        "注：审批意见由审批人本人在本机登录后签署，并以其个人密钥签名；“甲 代 乙”表示甲经授权"
        "代乙签署（001 § 篇4 八）。内容校验码为所审稿件标题、正文、图片、账号等的 SHA-256。",
        size=9,
        align=LEFT,
        name="note",
    )
    s.heights({note: 28})
    footer(s, note + 1, f"A{note + 1}:C{note + 1}", f"D{note + 1}:E{note + 1}", f"F{note + 1}")
    s.print_setup(note + 1, pages_tall=0)

    more = Sheet(
        wb,
        "正文续页",
        {"A": 8, "B": 16, "C": 16, "D": 16, "E": 16, "F": 16},
        new_sheet=True,
    )
    more.put("A1:F1", "发布内容审批表（正文续页）", size=14, bold=True)
    more.put("A2:F2", size=9, align=LEFT, name="cont_ref", color="595959")
    more.put("A3", size=9, bold=True, name="cont_mark")
    more.put("B3:F3", size=10.5, align=TOP_LEFT, name="cont_text")
    more.grid("A3:F3")
    more.heights({1: 30, 2: 20, 3: 60})
    more.print_setup(3, pages_tall=0)
    more.ws.print_title_rows = "1:2"
    wb.active = 0
    return wb


TEMPLATES = {
    "account_opening.xlsx": account_opening,
    "holder_authorisation.xlsx": holder_authorisation,
    "post_approval.xlsx": post_approval,
}


def main(argv: list[str] | None = None) -> int:
    """Write every template into ``--out`` (default ``forms/``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=FORMS, help="folder to write into")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for file_name, build in TEMPLATES.items():
        wb = build()
        wb.properties.creator = "newmedia_desk scripts/make_form_templates.py"
        wb.properties.title = file_name
        target = out / file_name
        wb.save(target)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
