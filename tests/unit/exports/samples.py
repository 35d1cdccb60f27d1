"""Fixed forms for the export tests, and a reader for named cells of a saved file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from newmedia_desk.domain.forms import (
    AccountOpeningForm,
    HolderAuthorisationForm,
    HolderLine,
    Opinion,
)
from newmedia_desk.exports.xlsx import defined_names, resolve_name

PRINTED_AT = datetime(2024, 3, 8, 2, 15, tzinfo=UTC)
"""10:15 in Beijing."""

DATE_GUIDE = "年　　月　　日"
"""What the shipped templates show in an unsigned opinion's date cell."""

PURPOSE = (
    "发布天气预报、气象灾害预警信号和科普宣传信息；信息发布范围限于本局职责内的公开信息，"
    "不发布涉密、内部工作信息。"
)


def opening_opinions() -> tuple[Opinion, ...]:
    return (
        Opinion("申请部门意见", "李明", "同意", "拟开设官方微博。", date(2024, 3, 5)),
        Opinion("党委宣传部意见", "王芳", "同意", "请做好内容审核。", date(2024, 3, 6)),
        Opinion(
            "申请部门主管领导意见",
            "赵建国",
            "同意",
            "",
            date(2024, 3, 7),
            delegate_note="（由副局长张强代为审核）",
        ),
        Opinion("主管领导意见", "陈志", "", "", None),
        Opinion("党委书记意见", "", "", "", None),
    )


def opening_form(**changes: Any) -> AccountOpeningForm:
    values: dict[str, Any] = {
        "unit": "市气象局办公室",
        "applied_on": date(2024, 3, 4),
        "platform": "官方微博",
        "account_name": "市气象局",
        "account_id": "shiqixiangju",
        "other_media": "微信公众号“市气象局”",
        "purpose": PURPOSE,
        "administrator_name": "周文",
        "administrator_position": "系统管理员",
        "administrator_phone": "13800138000",
        "administrator_qq": "123456789",
        "responsible_name": "刘红",
        "responsible_position": "办公室主任",
        "responsible_phone": "0571-87650000",
        "opinions": opening_opinions(),
        "audit_head": "审计日志 #123 1a2b3c4d5e6f7a8b",
        "printed_at": PRINTED_AT,
    }
    values.update(changes)
    return AccountOpeningForm(**values)


def holder_form(**changes: Any) -> HolderAuthorisationForm:
    values: dict[str, Any] = {
        "unit": "市气象局办公室",
        "account_platform": "新浪微博",
        "account_name": "市气象局",
        "account_id": "shiqixiangju",
        "holders": (
            HolderLine(
                "周文", "系统管理员", "办公室", "13800138000", date(2024, 3, 10), "登录、发布"
            ),
            HolderLine("孙丽", "信息员", "减灾科", "13900139000", None, "登录"),
        ),
        "reason": "原知悉人调岗，申请授权周文、孙丽掌握账号密码。",
        "opinions": (
            Opinion("科室负责人意见", "刘红", "同意", "", date(2024, 3, 9)),
            Opinion("分管领导意见", "张强", "同意", "请密封存档。", date(2024, 3, 10)),
            Opinion("主要领导意见", "", "", "", None),
        ),
        "audit_head": "审计日志 #130 9f8e7d6c5b4a3210",
        "printed_at": PRINTED_AT,
    }
    values.update(changes)
    return HolderAuthorisationForm(**values)


def named_cells(path: Path) -> dict[str, Any]:
    """Every defined name of a saved workbook, mapped to its cell (openpyxl ``Cell``)."""
    wb = load_workbook(path)
    cells: dict[str, Any] = {}
    for name in defined_names(wb):
        ws, coordinate = resolve_name(wb, name)
        cells[name] = ws[coordinate]
    return cells


def named_values(path: Path) -> dict[str, Any]:
    """Every defined name of a saved workbook, mapped to its cell's value."""
    return {name: cell.value for name, cell in named_cells(path).items()}
