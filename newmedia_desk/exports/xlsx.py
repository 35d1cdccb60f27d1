"""Safe writing of Excel files: atomic saves, clean text and named cells.

Every export of the program goes through these helpers, because openpyxl on its own

* destroys the previous file when a save fails half-way (it writes in place),
* turns a text starting with ``=`` into a live formula (formula injection, CWE-1236),
* cuts text after 32 767 characters without a word,
* refuses control characters, and writes lone surrogates or U+FFFF into files it cannot
  read back,
* refuses timezone-aware datetimes.

openpyxl is imported inside the functions, so importing this module costs nothing when the
program starts.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
import time
from collections.abc import Iterator, Mapping
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newmedia_desk.domain.errors import DeskError

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

MAX_CELL_CHARS = 32_767
"""Excel's limit for one cell, counted in UTF-16 code units."""

REPLACEMENT = "\ufffd"
"""What stands in for a character that cannot be stored (visible: �)."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
"""Leading characters that spreadsheet programs may read as the start of a formula."""

REPLACE_RETRY_DELAYS: tuple[float, ...] = (0.1, 0.3)
"""Pauses before retrying a replace that Windows refused (a virus scanner or Excel)."""

# XML 1.0 allows TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and U+10000 and above.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CELL_REF = re.compile(r"^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}$")
_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_MAX_SHEET_TITLE = 31


class ExportError(DeskError):
    """An export could not be written; nothing was changed on disk."""

    code = "export_failed"


class ExportLockedError(ExportError):
    """The target file is open in another program (Excel); close it and try again."""

    code = "export_locked"


class ExportTooLongError(ExportError):
    """A text is longer than one Excel cell can hold; ``field`` names it."""

    code = "export_too_long"


class TemplateError(ExportError):
    """The form template is missing, unreadable or lacks a named cell; ``name`` says which."""

    code = "export_template"


class FormOverflowError(ExportError):
    """The record has more lines (opinions, holders) than the template has places for."""

    code = "export_overflow"


def _shanghai() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - zoneinfo is in the standard library
        return timezone(timedelta(hours=8), "CST")
    try:
        return ZoneInfo("Asia/Shanghai")
    except ZoneInfoNotFoundError:
        # Windows without the tzdata package; China has kept UTC+8 without DST since 1991.
        return timezone(timedelta(hours=8), "CST")


LOCAL_TZ: tzinfo = _shanghai()
"""The office's time zone: times are written to Excel as Asia/Shanghai wall time."""


# --------------------------------------------------------------------------- text


def excel_length(text: str) -> int:
    """Return the length of ``text`` as Excel counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def safe_text(value: object, *, field: str = "") -> str:
    """Make a value safe to store as the text of one cell.

    Control characters that XML cannot carry, lone surrogates and U+FFFE/U+FFFF are replaced
    by a visible U+FFFD (�); CR and CRLF become LF. The text is *not* prefixed: a cell
    written by :func:`set_cell` is typed as text, so ``=HYPERLINK(...)`` stays a string.

    Args:
        value: The value; ``None`` becomes ``""``, anything else goes through ``str()``.
        field: The field's name, used in the error message.

    Returns:
        The cleaned text.

    Raises:
        ExportTooLongError: When the text exceeds 32 767 characters; openpyxl would cut it.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _NOT_XML.sub(REPLACEMENT, text)
    length = excel_length(text)
    if length > MAX_CELL_CHARS:
        label = field or "text"
        raise ExportTooLongError(
            f"{label} has {length} characters; an Excel cell holds at most {MAX_CELL_CHARS}",
            field=label,
            length=length,
            limit=MAX_CELL_CHARS,
        )
    return text


def is_formula_like(text: str) -> bool:
    """Whether ``text`` starts with a character that could start a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def safe_sheet_title(title: str, *, fallback: str = "Sheet") -> str:
    """Turn any text into a valid worksheet title.

    Replaces ``[ ] : * ? /`` and backslash with ``_``, drops control characters and leading
    or trailing apostrophes, and cuts to Excel's 31 characters. ``History`` (reserved by
    Excel) gets a suffix.

    Args:
        title: The wanted title.
        fallback: Used when nothing printable remains.

    Returns:
        A title openpyxl and Excel accept.
    """
    cleaned = _SHEET_TITLE_BAD.sub("_", _NOT_XML.sub("", title)).strip().strip("'").strip()
    cleaned = cleaned[:_MAX_SHEET_TITLE].strip() or fallback
    if cleaned.casefold() == "history":
        cleaned = f"{cleaned}_"
    return cleaned


def to_local_naive(value: datetime) -> datetime:
    """Convert an aware datetime to Asia/Shanghai wall time without ``tzinfo`` (for Excel).

    Raises:
        ValueError: When ``value`` is naive: its meaning would be a guess.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("naive datetime: pass a timezone-aware datetime")
    return value.astimezone(LOCAL_TZ).replace(tzinfo=None)


# --------------------------------------------------------------------------- cells


def is_cell_ref(text: str) -> bool:
    """Whether ``text`` is an A1-style single-cell reference such as ``B3`` or ``$B$3``."""
    return bool(_CELL_REF.match(text))


def _sheet_names_scoped(workbook: Workbook) -> Iterator[tuple[Worksheet, Any]]:
    for ws in workbook.worksheets:
        yield ws, ws.defined_names


def defined_names(workbook: Workbook) -> frozenset[str]:
    """Return every defined name of the workbook, workbook- and sheet-scoped alike."""
    names = set(workbook.defined_names.keys())
    for _ws, scoped in _sheet_names_scoped(workbook):
        names.update(scoped.keys())
    return frozenset(n for n in names if not n.startswith("_xlnm."))


def resolve_name(workbook: Workbook, name: str) -> tuple[Worksheet, str]:
    """Find the cell a defined name points to.

    A name on a range points to the range's first cell. Workbook-scoped names are looked up
    first, then names scoped to a sheet.

    Args:
        workbook: The workbook.
        name: The defined name, e.g. ``"account_name"``.

    Returns:
        The worksheet and the cell coordinate (``"C5"``).

    Raises:
        TemplateError: When the name is missing or does not point to a cell.
    """
    found = workbook.defined_names.get(name)
    scope: Worksheet | None = None
    if found is None:
        for ws, scoped in _sheet_names_scoped(workbook):
            if name in scoped:
                found, scope = scoped[name], ws
                break
    if found is None:
        raise TemplateError(f"the template has no cell named {name!r}", name=name)
    try:
        destinations = list(found.destinations)
    except (AttributeError, ValueError):  # a reference openpyxl cannot parse
        destinations = []
    for sheet_title, cells in destinations[:1]:
        title = sheet_title.replace("''", "'") if sheet_title else None
        ws = workbook[title] if title in workbook.sheetnames else scope
        first = cells.split(":")[0].replace("$", "")
        if ws is not None and is_cell_ref(first):
            return ws, first
    raise TemplateError(f"the name {name!r} does not point to a cell of this workbook", name=name)


def _anchor(ws: Worksheet, coordinate: str) -> str:
    """Return the top-left cell of the merged range holding ``coordinate`` (or itself)."""
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return str(merged.start_cell.coordinate)
    return coordinate


def set_cell(ws: Worksheet, ref_or_name: str, value: object) -> Cell:
    """Write one value safely, by cell reference or defined name.

    * ``str``: cleaned by :func:`safe_text` and always stored as text (never a formula).
    * ``int``, ``float``, ``Decimal``, ``bool``: stored as numbers / booleans.
    * ``date``: stored as a date; the cell keeps its number format when it is a date format.
    * aware ``datetime``: converted to Asia/Shanghai wall time (Excel has no time zones).
    * ``None`` or ``""``: empties the cell.

    A reference inside a merged range writes to the range's top-left cell. The cell's
    style (font, border, number format) is kept.

    Args:
        ws: The worksheet for plain references; a defined name may point to any sheet of the
            same workbook.
        ref_or_name: ``"B3"`` or a defined name such as ``"unit"``.
        value: The value.

    Returns:
        The cell written.

    Raises:
        TemplateError: When a name is not defined.
        ExportTooLongError: When a text is longer than one cell can hold.
        ValueError: For a naive datetime.
        TypeError: For any other type.
    """
    if is_cell_ref(ref_or_name):
        target, coordinate = ws, ref_or_name.replace("$", "").upper()
    else:
        target, coordinate = resolve_name(ws.parent, ref_or_name)
    cell = target[_anchor(target, coordinate)]
    if value is None or value == "":
        cell.value = None
    elif isinstance(value, str):
        cell.value = safe_text(value, field=ref_or_name)
        cell.data_type = "s"
    elif isinstance(value, bool | int | float | Decimal):
        cell.value = value
    elif isinstance(value, datetime):
        try:
            cell.value = to_local_naive(value)
        except ValueError as exc:
            raise ValueError(f"{ref_or_name}: {exc}") from None
    elif isinstance(value, date):
        cell.value = value
    else:
        raise TypeError(f"{ref_or_name}: cannot write a {type(value).__name__} to Excel")
    return cell


def fill_named_cells(workbook: Workbook, values: Mapping[str, object]) -> None:
    """Write each value into the cell of the same defined name.

    All names are checked before anything is written, so a missing name names itself.

    Raises:
        TemplateError: When a name is not defined in the workbook.
    """
    present = defined_names(workbook)
    for name in values:
        if name not in present:
            raise TemplateError(f"the template has no cell named {name!r}", name=name)
    ws = workbook.worksheets[0]
    for name, value in values.items():
        set_cell(ws, name, value)


# --------------------------------------------------------------------------- files


def load_template(path: Path) -> Workbook:
    """Open a template without ever writing to it.

    The file's bytes are read and parsed from memory, so the template is not opened for
    writing and not kept open.

    Raises:
        TemplateError: When the file is missing or is not an xlsx workbook.
    """
    from openpyxl import load_workbook

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TemplateError(
            f"cannot read the template {path}: {exc.strerror or exc}", name="", path=str(path)
        ) from exc
    try:
        return load_workbook(io.BytesIO(data))
    except Exception as exc:  # openpyxl raises zipfile, KeyError, XML and value errors
        raise TemplateError(
            f"the template {path} is not a readable xlsx file: {exc}", name="", path=str(path)
        ) from exc


def next_free_path(target: Path) -> Path:
    """Return ``target`` or, if it exists, ``name (2).xlsx``, ``name (3).xlsx``, ….

    Offered as "save as …" when the target is open in Excel.
    """
    target = Path(target)
    if not target.exists():
        return target
    n = 2
    while True:
        candidate = target.with_name(f"{target.stem} ({n}){target.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _replace(temp: Path, target: Path) -> None:
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(temp, target)
            return
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)


def atomic_save(workbook: Workbook, target: Path) -> Path:
    """Save a workbook so that the target is either the old file or the complete new one.

    The workbook is written to a temporary file in the target's folder, flushed to disk,
    and moved over the target in one step. On any failure the temporary file is removed and
    an existing target is left as it was.

    Args:
        workbook: The openpyxl workbook.
        target: Where the file should end up.

    Returns:
        The target path.

    Raises:
        ExportLockedError: The target is open in another program (Excel on Windows).
        ExportError: Any other failure to write (missing folder, disk full, no rights).
    """
    target = Path(target)
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"{target} is a folder", path=str(target))
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist", path=str(target))
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(
            f"cannot write in {folder}: {exc.strerror or exc}", path=str(target)
        ) from exc
    temp = Path(temp_name)
    replacing = False
    try:
        with os.fdopen(fd, "wb") as stream:
            workbook.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
        replacing = True
        _replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if replacing and isinstance(exc, PermissionError):
            raise ExportLockedError(
                f"{target.name} is open in another program; close it in Excel and try again",
                path=str(target),
            ) from exc
        if isinstance(exc, OSError):
            raise ExportError(
                f"cannot save {target}: {exc.strerror or exc}", path=str(target)
            ) from exc
        raise
    _fsync_dir(folder)
    return target
