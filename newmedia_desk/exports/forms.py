"""Fill the official form templates in ``forms/`` and save the result.

The templates are ordinary xlsx files that the office may restyle in Excel. This module
never draws: it writes values into cells found by *defined names* (公式 → 名称管理器) and
leaves everything else — title, captions, borders, the "一式两份" note, print settings —
as the template has it. The template file itself is only read.

Names every template uses:

* single fields, listed in :data:`ACCOUNT_OPENING_FIELDS` and
  :data:`HOLDER_AUTHORISATION_FIELDS`;
* opinion blocks ``op1_label``, ``op1_text``, ``op1_signer``, ``op1_date``, ``op2_…``;
  the template has as many blocks as it has ``opN_label`` names;
* on the authorisation form, holder lines ``holder1_name``, ``holder1_position``,
  ``holder1_unit``, ``holder1_phone``, ``holder1_granted_on``, ``holder1_scope``, ``holder2_…``;
* ``note`` (the "注：…" line): kept as the template has it, not required.

An unsigned opinion gets its label and text; its signer and date cells keep the template's
content (blank, or a "年 月 日" guide) for handwriting. Opinion blocks the record does not
use are emptied and their rows hidden, so the printed form shows only the configured steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newmedia_desk.domain.forms import AccountOpeningForm, HolderAuthorisationForm, Opinion
from newmedia_desk.exports.xlsx import (
    FormOverflowError,
    TemplateError,
    atomic_save,
    defined_names,
    fill_named_cells,
    load_template,
    resolve_name,
)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

ACCOUNT_OPENING_TEMPLATE = "account_opening.xlsx"
"""File name of the 开设审批表 template inside ``forms/``."""

HOLDER_AUTHORISATION_TEMPLATE = "holder_authorisation.xlsx"
"""File name of the 授权审批表 template inside ``forms/``."""

ACCOUNT_OPENING_FIELDS = (
    "unit",
    "applied_on",
    "platform",
    "account_name",
    "account_id",
    "other_media",
    "purpose",
    "admin_name",
    "admin_position",
    "admin_phone",
    "admin_qq",
    "resp_name",
    "resp_position",
    "resp_phone",
    "audit_head",
    "printed_at",
)
"""Single-cell names the 开设审批表 template must define."""

HOLDER_AUTHORISATION_FIELDS = (
    "unit",
    "account_platform",
    "account_name",
    "account_id",
    "reason",
    "audit_head",
    "printed_at",
)
"""Single-cell names the 授权审批表 template must define."""

OPINION_PARTS = ("label", "text", "signer", "date")
"""The cells of one opinion block: ``op{n}_{part}``."""

HOLDER_PARTS = ("name", "position", "unit", "phone", "granted_on", "scope")
"""The cells of one holder line: ``holder{n}_{part}``."""

NOTE_NAME = "note"
"""The "注：…" cell; the shipped templates define it, the code never writes it."""


def opinion_names(block: int) -> tuple[str, ...]:
    """Return the names of opinion block ``block`` (1-based)."""
    return tuple(f"op{block}_{part}" for part in OPINION_PARTS)


def holder_names(line: int) -> tuple[str, ...]:
    """Return the names of holder line ``line`` (1-based)."""
    return tuple(f"holder{line}_{part}" for part in HOLDER_PARTS)


def _count(names: frozenset[str], first_name: str) -> int:
    n = 0
    while first_name.format(n + 1) in names:
        n += 1
    return n


def _require(names: frozenset[str], required: Sequence[str]) -> None:
    for name in required:
        if name not in names:
            raise TemplateError(f"the template has no cell named {name!r}", name=name)


def _opinion_blocks(names: frozenset[str]) -> int:
    blocks = _count(names, "op{}_label")
    for block in range(1, blocks + 1):
        _require(names, opinion_names(block))
    return blocks


def _holder_lines(names: frozenset[str]) -> int:
    lines = _count(names, "holder{}_name")
    for line in range(1, lines + 1):
        _require(names, holder_names(line))
    return lines


def _rows_of(ws: Worksheet, coordinate: str) -> range:
    cell = ws[coordinate]
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return range(merged.min_row, merged.max_row + 1)
    return range(cell.row, cell.row + 1)


def _hide_block(workbook: Workbook, block: int) -> None:
    """Empty an unused opinion block and hide the rows it spans."""
    rows: dict[Worksheet, set[int]] = {}
    for name in opinion_names(block):
        ws, coordinate = resolve_name(workbook, name)
        rows.setdefault(ws, set()).update(_rows_of(ws, coordinate))
    fill_named_cells(workbook, dict.fromkeys(opinion_names(block)))
    for ws, numbers in rows.items():
        for row in range(min(numbers), max(numbers) + 1):
            ws.row_dimensions[row].hidden = True


def _opinion_values(block: int, opinion: Opinion) -> dict[str, object]:
    label, text, signer, signed_on = opinion_names(block)
    values: dict[str, object] = {label: opinion.label, text: opinion.text}
    if opinion.signed_on is not None:
        values[signer] = opinion.signer
        values[signed_on] = opinion.signed_on
    return values


def _fill_opinions(
    workbook: Workbook, names: frozenset[str], opinions: Sequence[Opinion], form: str
) -> dict[str, object]:
    blocks = _opinion_blocks(names)
    if len(opinions) > blocks:
        raise FormOverflowError(
            f"the {form} has {len(opinions)} opinions but its template has only {blocks} "
            "opinion blocks; add blocks op{n}_* to the template",
            kind="opinions",
            count=len(opinions),
            places=blocks,
        )
    values: dict[str, object] = {}
    for block, opinion in enumerate(opinions, start=1):
        values.update(_opinion_values(block, opinion))
    return values


def _default_template(file_name: str) -> Path:
    from newmedia_desk.paths import forms_dir

    return forms_dir() / file_name


def _finish(
    workbook: Workbook,
    values: dict[str, object],
    unused_blocks: range,
    out: Path,
) -> Path:
    fill_named_cells(workbook, values)
    for block in unused_blocks:
        _hide_block(workbook, block)
    return atomic_save(workbook, out)


def export_account_opening(
    form: AccountOpeningForm, out: Path, template: Path | None = None
) -> Path:
    """Write a 新媒体账号开设审批表 to ``out``.

    Args:
        form: The filled-in form.
        out: The xlsx file to create or replace (atomically).
        template: The template; by default ``forms/account_opening.xlsx``.

    Returns:
        ``out``.

    Raises:
        TemplateError: The template is missing, unreadable or lacks a named cell.
        FormOverflowError: More opinions than the template has blocks.
        ExportTooLongError: A text does not fit one cell.
        ExportLockedError: ``out`` is open in Excel.
        ExportError: Any other failure to write; ``out`` is then unchanged.
    """
    workbook = load_template(template or _default_template(ACCOUNT_OPENING_TEMPLATE))
    names = defined_names(workbook)
    _require(names, ACCOUNT_OPENING_FIELDS)
    values: dict[str, object] = {
        "unit": form.unit,
        "applied_on": form.applied_on,
        "platform": form.platform,
        "account_name": form.account_name,
        "account_id": form.account_id,
        "other_media": form.other_media,
        "purpose": form.purpose,
        "admin_name": form.administrator_name,
        "admin_position": form.administrator_position,
        "admin_phone": form.administrator_phone,
        "admin_qq": form.administrator_qq,
        "resp_name": form.responsible_name,
        "resp_position": form.responsible_position,
        "resp_phone": form.responsible_phone,
        "audit_head": form.audit_head,
        "printed_at": form.printed_at,
    }
    values.update(_fill_opinions(workbook, names, form.opinions, "account opening form"))
    unused = range(len(form.opinions) + 1, _opinion_blocks(names) + 1)
    return _finish(workbook, values, unused, Path(out))


def export_holder_authorisation(
    form: HolderAuthorisationForm, out: Path, template: Path | None = None
) -> Path:
    """Write a 新媒体账号授权审批表 to ``out``.

    Args:
        form: The filled-in form.
        out: The xlsx file to create or replace (atomically).
        template: The template; by default ``forms/holder_authorisation.xlsx``.

    Returns:
        ``out``.

    Raises:
        TemplateError: The template is missing, unreadable or lacks a named cell.
        FormOverflowError: More opinions or holders than the template has places for.
        ExportTooLongError: A text does not fit one cell.
        ExportLockedError: ``out`` is open in Excel.
        ExportError: Any other failure to write; ``out`` is then unchanged.
    """
    workbook = load_template(template or _default_template(HOLDER_AUTHORISATION_TEMPLATE))
    names = defined_names(workbook)
    _require(names, HOLDER_AUTHORISATION_FIELDS)
    lines = _holder_lines(names)
    if len(form.holders) > lines:
        raise FormOverflowError(
            f"the authorisation form has {len(form.holders)} holders but its template has "
            f"only {lines} lines; add lines holder{{n}}_* to the template",
            kind="holders",
            count=len(form.holders),
            places=lines,
        )
    values: dict[str, object] = {
        "unit": form.unit,
        "account_platform": form.account_platform,
        "account_name": form.account_name,
        "account_id": form.account_id,
        "reason": form.reason,
        "audit_head": form.audit_head,
        "printed_at": form.printed_at,
    }
    for line, holder in enumerate(form.holders, start=1):
        name, position, unit, phone, granted_on, scope = holder_names(line)
        values.update(
            {
                name: holder.name,
                position: holder.position,
                unit: holder.unit,
                phone: holder.phone,
                scope: holder.scope,
            }
        )
        if holder.granted_on is not None:
            values[granted_on] = holder.granted_on
    values.update(_fill_opinions(workbook, names, form.opinions, "authorisation form"))
    unused = range(len(form.opinions) + 1, _opinion_blocks(names) + 1)
    return _finish(workbook, values, unused, Path(out))
