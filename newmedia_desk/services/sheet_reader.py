"""Reading the first sheet of an Excel ledger someone brings in, all problems collected.

One reader for every import (accounts, publications): a missing or damaged file, a sheet
without the needed header, formulas and wrong cell types are reported by row and column
(``ImportRowError``); the caller checks the values themselves and decides all or none.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newmedia_desk.domain.accounts import ImportRejectedError, ImportRowError

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One data row: the text of each known column, raw cells where asked for."""

    row: int
    values: dict[str, str]
    """Column title → the cell's text (stripped; whole numbers as digits)."""
    raw: dict[str, object]
    """Column title → the cell's value as stored, for ``raw_columns`` (dates and times)."""
    bad_columns: frozenset[str]
    """Columns of this row already reported (formula, wrong type): not to be checked again."""


def cell_text(value: object) -> str | None:
    """The text of a cell, or ``None`` for a value that is not text or a whole number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else None
    if isinstance(value, str):
        return value.strip()
    return None  # dates, times and anything else are not text


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """What a ledger's sheet must look like."""

    columns: tuple[str, ...]
    """Column titles read; other columns are ignored."""
    required: tuple[str, ...]
    """Column titles the header must have."""
    max_rows: int
    """More data rows than this are refused (split the file)."""
    raw_columns: Collection[str] = ()
    """Columns whose cells are handed over as stored (e.g. 发布时间, dates or text)."""


def read_sheet(path: Path, layout: SheetLayout) -> tuple[list[SheetRow], list[ImportRowError]]:
    """Read the first sheet of the xlsx workbook ``path``.

    Returns the data rows and the problems of single cells. A file that cannot be read at
    all, or has no usable header, raises ``ImportRejectedError`` at once.
    """
    if path.suffix.lower() != ".xlsx":
        raise ImportRejectedError([ImportRowError(0, "", "the file must be an .xlsx workbook")])
    if not path.is_file():
        raise ImportRejectedError([ImportRowError(0, "", f"file not found: {path}")])
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=False)
    except Exception as exc:  # a damaged file fails in many ways inside zip/xml readers
        raise ImportRejectedError(
            [ImportRowError(0, "", f"the file cannot be read as an .xlsx workbook ({exc})")]
        ) from exc
    try:
        return _read_rows(workbook, layout)
    except ImportRejectedError:
        raise
    except Exception as exc:  # damaged sheet XML shows up only while rows are read
        raise ImportRejectedError(
            [ImportRowError(0, "", f"the workbook is damaged ({exc})")]
        ) from exc
    finally:
        workbook.close()


def _header(
    number: int, cells: tuple[object, ...], texts: list[str | None], layout: SheetLayout
) -> tuple[dict[int, str], list[ImportRowError]]:
    header: dict[int, str] = {}
    errors: list[ImportRowError] = []
    for cell, text in zip(cells, texts, strict=True):
        if text in layout.columns:
            if text in header.values():
                errors.append(ImportRowError(number, text, "the column appears twice"))
            header[int(cell.column)] = text  # type: ignore[attr-defined]
    missing = [c for c in layout.required if c not in header.values()]
    if missing:
        raise ImportRejectedError(
            [ImportRowError(number, c, "the header has no such column") for c in missing]
        )
    return header, errors


def _read_rows(
    workbook: Workbook, layout: SheetLayout
) -> tuple[list[SheetRow], list[ImportRowError]]:
    sheet = workbook.worksheets[0] if workbook.worksheets else None
    if sheet is None:
        raise ImportRejectedError([ImportRowError(0, "", "the workbook has no sheet")])
    errors: list[ImportRowError] = []
    header: dict[int, str] | None = None
    header_row = 0
    rows: list[SheetRow] = []
    for cells in sheet.iter_rows():
        if not cells:
            continue
        number = int(cells[0].row)
        if header is None:
            texts = [cell_text(c.value) for c in cells]
            if all(not t for t in texts):
                continue
            header_row = number
            header, header_errors = _header(number, cells, texts, layout)
            errors += header_errors
            continue
        values: dict[str, str] = {}
        raw: dict[str, object] = {}
        row_errors: list[ImportRowError] = []
        empty = True
        for cell in cells:
            column = header.get(int(cell.column))
            if cell.data_type == "f":
                row_errors.append(
                    ImportRowError(
                        number, column or cell.column_letter, "formulas are not accepted"
                    )
                )
                empty = False
                continue
            if cell.value not in (None, ""):
                empty = False
            if column is None:
                continue
            if column in layout.raw_columns:
                raw[column] = cell.value
                continue
            text = cell_text(cell.value)
            if text is None:
                row_errors.append(
                    ImportRowError(number, column, "expected text, not a date or number")
                )
                continue
            values[column] = text
        if empty:
            continue
        errors += row_errors
        rows.append(SheetRow(number, values, raw, frozenset(e.column for e in row_errors)))
        if len(rows) > layout.max_rows:
            raise ImportRejectedError(
                [ImportRowError(number, "", f"more than {layout.max_rows} rows: split the file")]
            )
    if header is None:
        raise ImportRejectedError([ImportRowError(0, "", "the sheet is empty: no header row")])
    if not rows:
        errors.append(ImportRowError(header_row, "", "the file has no data rows"))
    return rows, errors
