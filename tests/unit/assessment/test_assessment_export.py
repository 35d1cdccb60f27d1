"""The assessment workbook: written atomically, formula-safe, printable, and read back."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from newmedia_desk.domain.assessment import (
    DEFAULT_RULES,
    AccountMonth,
    ColumnMonth,
    Item,
    Month,
    SeriousError,
    UnitAssessment,
    UnitMonth,
    assess,
)
from newmedia_desk.exports.assessment import (
    ACCOUNT_COLUMNS,
    HEADER_ROW,
    RESULT_COLUMNS,
    export_assessment,
)
from newmedia_desk.exports.xlsx import ExportError

MARCH = Month(2026, 3)
PRINTED = datetime(2026, 4, 1, 2, 30, tzinfo=UTC)  # 10:30 Beijing


def results() -> list[UnitAssessment]:
    good = UnitMonth(
        unit_id=1,
        unit_name="服务中心",
        month=MARCH,
        accounts=(
            AccountMonth(1, "江城气象", "微博", 40, 3, date(2026, 3, 10), True, 62, 2),
            AccountMonth(2, "江城气象服务", "微信公众号", 20, 5, date(2026, 3, 3)),
        ),
        published=60,
        approval_hours=(1.0, 2.0, 30.0),
        rejections=1,
        late_answers=1,
        columns=(ColumnMonth("#气象科普#", 31, 1, ("江城气象", "江城气象服务")),),
    )
    bad = UnitMonth(
        unit_id=2,
        unit_name='=HYPERLINK("http://x")',  # a name that Excel would run as a formula
        month=MARCH,
        accounts=(AccountMonth(3, "东山气象", "微博", 0, 31, date(2026, 3, 1)),),
        serious_errors=(
            SeriousError(9, "东山气象", PRINTED, "published_text", ("中华人民共合国",)),
        ),
    )
    return [assess(good), assess(bad)]


def test_the_workbook_reads_back(tmp_path: Path) -> None:
    out = export_assessment(
        results(), MARCH, tmp_path / "k.xlsx", rules=DEFAULT_RULES,
        audit_head="审计日志 #12 abcdef", printed_at=PRINTED,
    )  # fmt: skip
    book = load_workbook(out)
    assert book.sheetnames == ["考核结果", "账号明细", "扣分标准"]
    ws = book["考核结果"]
    assert ws["A1"].value == "2026年3月新媒体工作考核结果"
    assert "导出时间 2026-04-01 10:30" in ws["A2"].value
    assert "审计日志 #12 abcdef" in ws["A2"].value
    assert "点赞、粉丝数不作为考核依据" in ws["A2"].value
    header = [ws.cell(HEADER_ROW, c).value for c in range(1, len(RESULT_COLUMNS) + 1)]
    assert header == [caption for caption, _ in RESULT_COLUMNS]
    good = [ws.cell(HEADER_ROW + 1, c).value for c in range(1, len(RESULT_COLUMNS) + 1)]
    # 3 cadence misses (2 of an account, 1 of a column) −6, one slow approval −1, one
    # return −1, one late answer −3.
    assert good == [
        "服务中心", 89, "合格", None, 60, "0/1", 3, 5, 2, 1, 1, 0, 0, 1, 0, 0, 11, None,
    ]  # fmt: skip
    bad = [ws.cell(HEADER_ROW + 2, c).value for c in range(1, len(RESULT_COLUMNS) + 1)]
    assert bad[0] == '=HYPERLINK("http://x")'
    assert ws.cell(HEADER_ROW + 2, 1).data_type == "s"  # text, not a formula
    assert bad[2] == "不合格"
    assert bad[3] == "东山气象连续31天未更新；东山气象发布内容有严重差错（中华人民共合国）"
    assert bad[8] == "—"  # no approvals
    assert bad[17].startswith("批评：考核不合格")
    # Printable: A4 landscape, one page wide, the header repeated.
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$3:$3"

    accounts = book["账号明细"]
    rows = [
        [accounts.cell(r, c).value for c in range(1, len(ACCOUNT_COLUMNS) + 1)]
        for r in range(HEADER_ROW + 1, HEADER_ROW + 5)
    ]
    assert rows[0][:5] == ["服务中心", "江城气象", "微博", 40, 3]
    assert rows[0][5] == datetime(2026, 3, 10)
    assert rows[0][6:] == ["是", 62, 2]
    assert rows[1][6:] == ["否", "—", "—"]
    assert rows[2][1:3] == ["栏目 #气象科普#（江城气象、江城气象服务）", "栏目"]
    assert rows[2][6:] == ["是", 31, 1]
    assert rows[3][1:5] == ["东山气象", "微博", 0, 31]

    standard = book["扣分标准"]
    lines = {
        standard.cell(r, 1).value: (standard.cell(r, 2).value, standard.cell(r, 3).value)
        for r in range(HEADER_ROW + 1, standard.max_row + 1)
    }
    assert lines["更新频次未达标"] == (2, 20)
    assert lines["合格分数线"] == (60, None)
    assert len([i for i in Item]) == 9 and "突发事件处置超时" in lines


def test_a_failed_save_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "k.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(ExportError):
        export_assessment(results(), MARCH, tmp_path / "missing" / "k.xlsx", rules=DEFAULT_RULES)
    assert target.read_bytes() == b"old"
    export_assessment([], MARCH, target, rules=DEFAULT_RULES, printed_at=PRINTED)
    ws = load_workbook(target)["考核结果"]
    assert ws.cell(HEADER_ROW + 1, 1).value == "（本月无数据）"
    assert [p.name for p in tmp_path.iterdir()] == ["k.xlsx"]  # no temporary file left
