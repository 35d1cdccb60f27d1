"""The shared Excel helpers: atomic save, safe text, cell writing, lazy import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.workbook.defined_name import DefinedName

from newmedia_desk.domain.errors import DeskError
from newmedia_desk.exports import xlsx
from newmedia_desk.exports.xlsx import (
    MAX_CELL_CHARS,
    ExportError,
    ExportLockedError,
    ExportTooLongError,
    TemplateError,
    atomic_save,
    excel_length,
    fill_named_cells,
    next_free_path,
    safe_sheet_title,
    safe_text,
    set_cell,
    to_local_naive,
)


def workbook(text: str = "v2") -> Any:
    wb = Workbook()
    wb.active["A1"] = text
    return wb


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """A good v1 file at the target."""
    target = tmp_path / "ledger.xlsx"
    workbook("v1").save(target)
    return target


def only_file_is(folder: Path, name: str) -> None:
    assert [p.name for p in folder.iterdir()] == [name]


def a1(path: Path) -> object:
    return load_workbook(path).active["A1"].value


# -- atomic save ----------------------------------------------------------------------


def test_atomic_save_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "new.xlsx"
    assert atomic_save(workbook(), target) == target
    assert a1(target) == "v2"
    only_file_is(tmp_path, "new.xlsx")


def test_atomic_save_replaces_a_previous_file(previous: Path) -> None:
    atomic_save(workbook(), previous)
    assert a1(previous) == "v2"
    only_file_is(previous.parent, previous.name)


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), RuntimeError("boom")])
def test_failure_inside_save_keeps_the_previous_file(
    previous: Path, error: Exception, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = previous.read_bytes()
    wb = workbook()

    def half_save(stream: Any) -> None:
        stream.write(b"PK\x03\x04 half a zip")
        raise error

    monkeypatch.setattr(wb, "save", half_save)
    with pytest.raises(type(error) if not isinstance(error, OSError) else ExportError):
        atomic_save(wb, previous)
    assert previous.read_bytes() == before
    assert a1(previous) == "v1"
    only_file_is(previous.parent, previous.name)


def test_failure_inside_save_of_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = workbook()
    monkeypatch.setattr(wb, "save", lambda stream: (_ for _ in ()).throw(OSError("bad disk")))
    with pytest.raises(ExportError, match="bad disk"):
        atomic_save(wb, tmp_path / "new.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_target_open_in_excel_is_reported_and_left_alone(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = previous.read_bytes()
    calls: list[tuple[str, str]] = []

    def locked(src: str, dst: str) -> None:
        calls.append((str(src), str(dst)))
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(xlsx, "REPLACE_RETRY_DELAYS", (0.0, 0.0))
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportLockedError) as caught:
        atomic_save(workbook(), previous)
    error = caught.value
    assert isinstance(error, ExportError)
    assert isinstance(error, DeskError)
    assert error.code == "export_locked"
    assert "Excel" in error.message
    assert error.params["path"] == str(previous)
    assert len(calls) == 3  # tried, then retried twice
    assert previous.read_bytes() == before
    only_file_is(previous.parent, previous.name)


def test_a_briefly_locked_target_is_retried(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace
    attempts: list[int] = []

    def locked_once(src: str, dst: str) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(xlsx, "REPLACE_RETRY_DELAYS", (0.0,))
    monkeypatch.setattr(os, "replace", locked_once)
    atomic_save(workbook(), previous)
    assert a1(previous) == "v2"
    assert len(attempts) == 2
    only_file_is(previous.parent, previous.name)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist") as caught:
        atomic_save(workbook(), tmp_path / "no" / "f.xlsx")
    assert caught.value.code == "export_failed"


def test_target_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "f.xlsx").mkdir()
    with pytest.raises(ExportError, match="folder"):
        atomic_save(workbook(), tmp_path / "f.xlsx")


def test_next_free_path(tmp_path: Path) -> None:
    target = tmp_path / "表.xlsx"
    assert next_free_path(target) == target
    target.write_bytes(b"")
    assert next_free_path(target) == tmp_path / "表 (2).xlsx"
    (tmp_path / "表 (2).xlsx").write_bytes(b"")
    assert next_free_path(target) == tmp_path / "表 (3).xlsx"


# -- text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("普通文本", "普通文本"),
        ("a\x00b", "a\ufffdb"),
        ("\x01\x08\x0b\x0c\x0e\x1f", "\ufffd" * 6),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("crlf\r\nand\rcr", "crlf\nand\ncr"),
        ("lone \ud800 and \udfff", "lone \ufffd and \ufffd"),
        ("\ufffe\uffff", "\ufffd\ufffd"),
        ("emoji 👨‍👩‍👧 ok", "emoji 👨‍👩‍👧 ok"),
        ("=1+1", "=1+1"),
        (None, ""),
        (12, "12"),
    ],
)
def test_safe_text(raw: object, clean: str) -> None:
    assert safe_text(raw) == clean


def test_safe_text_refuses_to_truncate() -> None:
    assert safe_text("a" * MAX_CELL_CHARS) == "a" * MAX_CELL_CHARS
    with pytest.raises(ExportTooLongError, match="body") as caught:
        safe_text("a" * (MAX_CELL_CHARS + 1), field="body")
    assert caught.value.code == "export_too_long"
    assert caught.value.params == {"field": "body", "length": 32_768, "limit": 32_767}


def test_length_is_counted_as_excel_counts_it() -> None:
    assert excel_length("😀") == 2
    with pytest.raises(ExportTooLongError):
        safe_text("😀" * (MAX_CELL_CHARS // 2 + 1))


@pytest.mark.parametrize(
    ("title", "safe"),
    [
        ("账号台账", "账号台账"),
        ("2024/03 [草稿]: *?", "2024_03 _草稿__ __"),
        ("'quoted'", "quoted"),
        ("", "Sheet"),
        ("History", "History_"),
        ("长" * 40, "长" * 31),
    ],
)
def test_safe_sheet_title(title: str, safe: str) -> None:
    assert safe_sheet_title(title) == safe
    Workbook().create_sheet(safe_sheet_title(title))


# -- cells ------------------------------------------------------------------------------


def test_set_cell_types_round_trip(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    wb.defined_names["who"] = DefinedName("who", attr_text=f"'{ws.title}'!$B$2")
    set_cell(ws, "A1", "text")
    set_cell(ws, "A2", 42)
    set_cell(ws, "A3", 1.5)
    set_cell(ws, "A4", Decimal("2.25"))
    set_cell(ws, "A5", True)
    set_cell(ws, "A6", date(2024, 2, 29))
    set_cell(ws, "A7", datetime(2024, 3, 1, 0, 30, tzinfo=timezone(timedelta(hours=8))))
    set_cell(ws, "$A$8", "")
    set_cell(ws, "A9", None)
    set_cell(ws, "who", "周文")
    target = atomic_save(wb, tmp_path / "t.xlsx")
    back = load_workbook(target).active
    assert [back[f"A{row}"].value for row in range(1, 10)] == [
        "text",
        42,
        1.5,
        2.25,
        True,
        datetime(2024, 2, 29),
        datetime(2024, 3, 1, 0, 30),
        None,
        None,
    ]
    assert back["B2"].value == "周文"


def test_aware_datetimes_become_beijing_wall_time() -> None:
    utc = datetime(2023, 12, 31, 16, 0, tzinfo=UTC)
    assert to_local_naive(utc) == datetime(2024, 1, 1, 0, 0)
    ws = Workbook().active
    assert set_cell(ws, "A1", utc).value == datetime(2024, 1, 1, 0, 0)


def test_naive_datetimes_are_refused() -> None:
    ws = Workbook().active
    with pytest.raises(ValueError, match="A1"):
        set_cell(ws, "A1", datetime(2024, 1, 1))


def test_unsupported_types_are_refused() -> None:
    ws = Workbook().active
    with pytest.raises(TypeError, match="list"):
        set_cell(ws, "A1", [1, 2])


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1", "@x"])
def test_set_cell_never_writes_a_formula(tmp_path: Path, text: str) -> None:
    wb = Workbook()
    cell = set_cell(wb.active, "C3", text)
    assert cell.data_type == "s"
    back = load_workbook(atomic_save(wb, tmp_path / "t.xlsx")).active["C3"]
    assert back.value == text
    assert back.data_type == "s"


def test_set_cell_writes_the_anchor_of_a_merged_range() -> None:
    ws = Workbook().active
    ws.merge_cells("B2:D4")
    assert set_cell(ws, "C3", "合并").coordinate == "B2"
    assert ws["B2"].value == "合并"


def test_a_sheet_scoped_name_is_found() -> None:
    wb = Workbook()
    ws = wb.active
    ws.defined_names["local"] = DefinedName("local", attr_text=f"'{ws.title}'!$E$5:$F$6")
    set_cell(ws, "local", "x")
    assert ws["E5"].value == "x"


def test_fill_named_cells_checks_every_name_first() -> None:
    wb = Workbook()
    ws = wb.active
    wb.defined_names["known"] = DefinedName("known", attr_text=f"'{ws.title}'!$A$1")
    with pytest.raises(TemplateError, match="unknown") as caught:
        fill_named_cells(wb, {"known": "written?", "unknown": "x"})
    assert caught.value.params["name"] == "unknown"
    assert ws["A1"].value is None


# -- start-up cost --------------------------------------------------------------------------


def test_importing_the_exports_layer_does_not_load_openpyxl() -> None:
    code = (
        "import json, sys\n"
        "import newmedia_desk.exports, newmedia_desk.exports.xlsx, newmedia_desk.exports.forms\n"
        "import newmedia_desk.domain.forms\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'openpyxl')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(out.stdout) == []


@pytest.mark.parametrize("reference", ["#REF!", "'Gone'!$A$1", "1+2"])
def test_a_name_that_points_nowhere_is_a_template_error(reference: str) -> None:
    wb = Workbook()
    wb.defined_names["broken"] = DefinedName("broken", attr_text=reference)
    with pytest.raises(TemplateError, match="broken"):
        set_cell(wb.active, "broken", "x")
