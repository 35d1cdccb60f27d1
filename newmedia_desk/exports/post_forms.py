"""Fill the 发布内容审批表 (seed 001 § 篇4 附一) of one post from ``forms/post_approval.xlsx``.

Like the account forms, the template is only read and the program writes into cells found
by *defined names*; the layout, captions and print settings are the template's. What is
special here:

* **A body is never cut.** Excel holds at most 32 767 characters in a cell, and a row can
  be at most 409 points tall, so a long body is laid out in parts: the first part fills
  the form's ``body`` cell, the rest go to the second sheet (正文续页), one row per part,
  marked 续1, 续2 … with page breaks between rows. Parts end at a paragraph where
  possible, else at the end of a sentence, else at a line. ``"".join(parts)`` is the body.
* **Sign-offs.** The approving round (the latest round, on the revision printed) fills the
  lines ``so1_…``, ``so2_…``; a deputy's signature shows as "X 代 Y". Decisions of earlier
  rounds are listed compactly in ``earlier``. An opinion too long for its row continues on
  the second sheet as well.
* Every text goes through :func:`~newmedia_desk.exports.xlsx.safe_text`: a title starting
  with ``=`` stays text, never a formula.

Names of the template: the single fields of :data:`POST_FORM_FIELDS`; sign-off lines
``so{n}_step``, ``so{n}_signer``, ``so{n}_decision``, ``so{n}_opinion``, ``so{n}_time``;
on the continuation sheet ``cont_ref``, ``cont_mark`` and ``cont_text`` (mark and text on
the same row, which is repeated once per part and must be the last row of that sheet).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from newmedia_desk.domain.accounts import DECISION_LABELS
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.posts import (
    ACTIVITY_LABELS,
    DEFAULT_ROUTES,
    KIND_LABELS,
    STATUS_LABELS,
    TIER_LABELS,
    PostKind,
    PostStatus,
    Routes,
    route_for,
)
from newmedia_desk.exports.xlsx import (
    FormOverflowError,
    TemplateError,
    atomic_save,
    defined_names,
    fill_named_cells,
    load_template,
    resolve_name,
    set_cell,
    to_local_naive,
)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from newmedia_desk.services.posts import PostRecord, SignOffView

POST_APPROVAL_TEMPLATE = "post_approval.xlsx"
"""File name of the 发布内容审批表 template inside ``forms/``."""

POST_FORM_FIELDS = (
    "unit",
    "post_no",
    "accounts",
    "column",
    "category",
    "tier",
    "kind",
    "title",
    "source",
    "planned_at",
    "drafter",
    "revision",
    "body",
    "body_note",
    "route",
    "earlier",
    "filing_required",
    "filed_at",
    "content_sha256",
    "audit_head",
    "printed_at",
)
"""Single-cell names the template must define."""

SIGNOFF_PARTS = ("step", "signer", "decision", "opinion", "time")
"""The cells of one sign-off line: ``so{n}_{part}``."""

CONTINUATION_FIELDS = ("cont_ref", "cont_mark", "cont_text")
"""Names on the continuation sheet (正文续页)."""

MAX_PART_CHARS = 2000
"""At most this many characters go into one cell of the body (far below Excel's 32 767)."""

MAX_ROW_HEIGHT = 409.0
"""Excel's tallest row, in points."""

PAGE_BUDGET = 740.0
"""Points of rows on one printed A4 page (842 pt less the template's margins, rounded down)."""

LINE_FACTOR = 1.6
"""A wrapped line is at most about this many times the font size tall (Excel draws 宋体 at
about 1.3, LibreOffice's substitutes up to 1.55)."""

SENTENCE_ENDS = frozenset("。！？；.!?;…")
_CLOSERS = frozenset("”’」』）)】\"'")
EARLIER_OPINION_CHARS = 40
"""An earlier round's opinion is listed with at most this many characters (and "…")."""


def signoff_names(line: int) -> tuple[str, ...]:
    """Return the names of sign-off line ``line`` (1-based)."""
    return tuple(f"so{line}_{part}" for part in SIGNOFF_PARTS)


# --------------------------------------------------------------------------- layout


def char_units(ch: str) -> int:
    """Width of one character in Excel column units (a CJK character takes two)."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1


def wrap_lines(text: str, units: int) -> list[str]:
    """Cut ``text`` into display lines of at most ``units`` column units.

    Every line is a slice of ``text`` and a line ending a paragraph keeps its line break, so
    ``"".join(wrap_lines(text, u)) == text``. The estimate wraps at characters, which is
    never shorter than Excel's own wrapping at words.
    """
    width = max(units, 2)
    lines: list[str] = []
    start = 0
    used = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            lines.append(text[start : i + 1])
            start, used = i + 1, 0
            continue
        w = char_units(ch)
        if used + w > width and i > start:
            lines.append(text[start:i])
            start, used = i, 0
        used += w
    if start < len(text):
        lines.append(text[start:])
    return lines


def _sentence_cut(chunk: str) -> int:
    """The offset just after the last sentence end of ``chunk`` (with closing quotes), or 0."""
    for pos in range(len(chunk) - 1, 0, -1):
        if chunk[pos] in SENTENCE_ENDS:
            after = pos + 1
            while after < len(chunk) and chunk[after] in _CLOSERS:
                after += 1
            return after
    return 0


def split_parts(
    text: str,
    *,
    units: int,
    first_lines: int,
    more_lines: int,
    max_chars: int = MAX_PART_CHARS,
) -> list[str]:
    """Lay ``text`` out in parts that each fit one cell of one printable row.

    The first part has at most ``first_lines`` display lines, every other at most
    ``more_lines``; none has more than ``max_chars`` characters. A part ends at the last
    paragraph end that fits (so a paragraph longer than a part starts a part of its own),
    else at the end of a sentence, else at a line. ``"".join(parts) == text``; an empty
    text gives ``[""]``.
    """
    lines = wrap_lines(text, units)
    if not lines:
        return [""]
    parts: list[str] = []
    i = 0
    cap = max(first_lines, 1)
    while i < len(lines):
        end = i
        chars = 0
        while end < len(lines) and end - i < cap and chars + len(lines[end]) <= max_chars:
            chars += len(lines[end])
            end += 1
        if end == i:  # one line longer than max_chars cannot happen with sane units
            end = i + 1
        cap = max(more_lines, 1)
        if end < len(lines):
            cut = next((k for k in range(end, i, -1) if lines[k - 1].endswith("\n")), None)
            if cut is None:
                chunk = "".join(lines[i:end])
                offset = _sentence_cut(chunk)
                if 0 < offset < len(chunk):
                    parts.append(chunk[:offset])
                    # The rest of the chunk becomes the first line of the next part.
                    lines[i:end] = wrap_lines(chunk[offset:], units)
                    continue
            end = cut or end
        parts.append("".join(lines[i:end]))
        i = end
    return parts


@dataclass(frozen=True, slots=True)
class _Box:
    """Where a named cell is and how much text it shows."""

    ws: Worksheet
    coordinate: str
    rows: range
    units: int
    line_height: float
    height: float

    def lines_for(self, height: float) -> int:
        return max(int((height - 6) // self.line_height), 1)

    def height_for(self, lines: int) -> float:
        return min(max(self.height, lines * self.line_height + 6), MAX_ROW_HEIGHT)


def _box(workbook: Workbook, name: str) -> _Box:
    from openpyxl.utils import get_column_letter

    ws, coordinate = resolve_name(workbook, name)
    cell = ws[coordinate]
    min_col = max_col = int(cell.column)
    rows = range(int(cell.row), int(cell.row) + 1)
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            min_col, max_col = merged.min_col, merged.max_col
            rows = range(merged.min_row, merged.max_row + 1)
            break
    width = 0.0
    for col in range(min_col, max_col + 1):
        dim = ws.column_dimensions.get(get_column_letter(col))
        width += dim.width if dim is not None and dim.width else 8.43
    size = float(cell.font.sz or 11) if cell.font is not None else 11.0
    indent = float(cell.alignment.indent or 0) if cell.alignment is not None else 0.0
    units = max(int((width - 2 - 2 * indent) * 11 / size * 0.95), 4)
    height = 0.0
    for row in rows:
        h = ws.row_dimensions[row].height
        height += float(h) if h else 15.0
    return _Box(ws, coordinate, rows, units, size * LINE_FACTOR, height)


def _set_height(box: _Box, height: float) -> None:
    """Give a (possibly merged) cell ``height`` points, on its last row."""
    rows = list(box.rows)
    others = 0.0
    for row in rows[:-1]:
        h = box.ws.row_dimensions[row].height
        others += float(h) if h else 15.0
    box.ws.row_dimensions[rows[-1]].height = max(height - others, 15.0)


# --------------------------------------------------------------------------- values


def signer_label(step: SignOffView) -> str:
    """The signer as printed: "赵敏 代 刘志强" for a deputy, else the name."""
    if step.signer_name and step.on_behalf_of_name:
        return f"{step.signer_name} 代 {step.on_behalf_of_name}"
    return step.signer_name


def _local(value: datetime) -> str:
    return to_local_naive(value).strftime("%Y-%m-%d %H:%M")


def _kind_label(record: PostRecord) -> str:
    content = record.content
    label = KIND_LABELS[content.kind]
    if content.kind is PostKind.ACTIVITY and content.activity_type is not None:
        label = f"{label}（{ACTIVITY_LABELS[content.activity_type]}）"
    return label


ROUND_OVER = frozenset({PostStatus.DRAFT, PostStatus.EXPIRED, PostStatus.CANCELLED})
"""Statuses in which the latest round no longer stands (recalled, expired, cancelled)."""


def approving_steps(record: PostRecord) -> tuple[SignOffView, ...] | None:
    """The steps of the round on the printed revision, or ``None`` when none stands.

    A direct route has a round without steps (an empty tuple). A round that was recalled,
    expired or cancelled does not stand: its decisions are listed as earlier ones.
    """
    number = record.current.number
    if record.approval_round == 0 or record.round_revision != number or record.status in ROUND_OVER:
        return None
    return tuple(
        s for s in record.signoffs if s.round == record.approval_round and s.revision == number
    )


def _route_text(record: PostRecord, steps: tuple[SignOffView, ...] | None, routes: Routes) -> str:
    status = STATUS_LABELS[record.status]
    number = record.current.number
    if steps is None:
        planned = _planned_steps(record, routes)
        route = "；应经：" + " → ".join(planned) if planned else ""
        submitted = record.approval_round > 0 and record.round_revision == number
        state = f"第{number}稿的审批已终止" if submitted else f"第{number}稿尚未提交审批"
        return f"{state}{route}。状态：{status}"
    if not steps:
        return (
            "直接发布：转发上级机关信息或一般常识，按规定无需审批（000 § 篇1 art.8）。"
            f"状态：{status}"
        )
    titles = " → ".join(s.title for s in steps)
    return f"{titles}（第{record.approval_round}轮，审批第{number}稿）。状态：{status}"


def _planned_steps(record: PostRecord, routes: Routes) -> list[str]:
    c = record.content
    try:
        return [step.title for step in route_for(c.tier, c.kind, c.category, routes=routes).steps]
    except ValidationError:
        return []


def _earlier_text(
    record: PostRecord, current: Sequence[SignOffView], units: int, max_lines: int
) -> str:
    """Earlier decisions, one line each, the oldest left out when they do not fit."""
    ids = {s.id for s in current}
    lines: list[str] = []
    for s in record.signoffs:
        if s.id in ids or s.decision is None:
            continue
        opinion = s.opinion.replace("\n", " ")
        if len(opinion) > EARLIER_OPINION_CHARS:
            opinion = opinion[:EARLIER_OPINION_CHARS] + "…"
        when = "" if s.signed_at is None else f" {_local(s.signed_at)}"
        said = f"：{opinion}" if opinion else ""
        lines.append(
            f"第{s.round}轮（第{s.revision}稿）{s.title} {signer_label(s)} "
            f"{DECISION_LABELS[s.decision]}{when}{said}"
        )
    if not lines:
        return "无"
    text = "\n".join(lines)
    dropped = 0
    while dropped < len(lines) - 1 and len(wrap_lines(text, units)) > max_lines:
        dropped += 1
        note = f"（另有更早的 {dropped} 条审批记录，见系统审批记录）"
        text = "\n".join([note, *lines[dropped:]])
    return text


@dataclass
class _Continuation:
    """The rows that go to the continuation sheet: (mark, text)."""

    rows: list[tuple[str, str]]


def _fill_signoffs(
    workbook: Workbook,
    record: PostRecord,
    steps: tuple[SignOffView, ...] | None,
    values: dict[str, object],
    more: _Continuation,
    routes: Routes,
) -> None:
    names = defined_names(workbook)
    places = 0
    while f"so{places + 1}_step" in names:
        places += 1
    for line in range(1, places + 1):
        for name in signoff_names(line):
            if name not in names:
                raise TemplateError(f"the template has no cell named {name!r}", name=name)
    used: int
    if steps is None:
        titles = _planned_steps(record, routes)[:places]
        for line, title in enumerate(titles, start=1):
            values[f"so{line}_step"] = title
        used = len(titles)
    else:
        if len(steps) > places:
            raise FormOverflowError(
                f"the post's route has {len(steps)} steps but the template has only {places} "
                "sign-off lines; add lines so{n}_* to the template",
                kind="signoffs",
                count=len(steps),
                places=places,
            )
        for line, step in enumerate(steps, start=1):
            step_name, signer, decision, opinion, time = signoff_names(line)
            values[step_name] = step.title
            values[signer] = signer_label(step)
            if step.decision is not None:
                values[decision] = DECISION_LABELS[step.decision]
                values[time] = step.signed_at
                values[opinion] = _opinion_cell(workbook, opinion, step.opinion, line, more)
            elif step.voided_at is not None:
                values[decision] = "—"
                values[opinion] = "（本轮已终止，未签署）"
        used = len(steps)
    for line in range(used + 1, places + 1):
        _hide_line(workbook, line)


def _opinion_cell(
    workbook: Workbook, name: str, opinion: str, line: int, more: _Continuation
) -> str:
    """The opinion, sized into its row; a long one continues on the second sheet."""
    box = _box(workbook, name)
    cap = box.lines_for(MAX_ROW_HEIGHT) - 1
    lines = wrap_lines(opinion, box.units)
    if len(lines) <= cap + 1:
        _set_height(box, box.height_for(len(lines)))
        return opinion
    _set_height(box, MAX_ROW_HEIGHT)
    mark = f"意见{line}"
    head = "".join(lines[:cap]).rstrip("\n")
    cont = _cont_box(workbook)
    parts = split_parts(
        opinion, units=cont.units, first_lines=_cont_lines(cont), more_lines=_cont_lines(cont)
    )
    for k, part in enumerate(parts, start=1):
        more.rows.append((mark if k == 1 else f"{mark}-{k}", part))
    return f"{head}……（全文见“正文续页”{mark}）"


def _hide_line(workbook: Workbook, line: int) -> None:
    names = signoff_names(line)
    fill_named_cells(workbook, dict.fromkeys(names))
    for name in names:
        box = _box(workbook, name)
        for row in box.rows:
            box.ws.row_dimensions[row].hidden = True


def _cont_box(workbook: Workbook) -> _Box:
    return _box(workbook, "cont_text")


def _cont_lines(box: _Box) -> int:
    return box.lines_for(MAX_ROW_HEIGHT)


def _fill_continuation(workbook: Workbook, ref: str, rows: Sequence[tuple[str, str]]) -> None:
    """Write the continuation rows, or remove the sheet when there are none."""
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet.pagebreak import Break

    text_box = _cont_box(workbook)
    ws = text_box.ws
    mark_ws, mark_coordinate = resolve_name(workbook, "cont_mark")
    if mark_ws is not ws or ws[mark_coordinate].row not in text_box.rows:
        raise TemplateError("cont_mark and cont_text must be on one row", name="cont_mark")
    if not rows:
        _remove_sheet(workbook, ws)
        return
    first, span = text_box.rows.start, len(text_box.rows)
    mark_column = int(ws[mark_coordinate].column)
    text_column = int(ws[text_box.coordinate].column)
    template_cells = [
        cell for row in ws.iter_rows(min_row=first, max_row=first + span - 1) for cell in row
    ]
    template_merges = [
        m for m in ws.merged_cells.ranges if m.min_row >= first and m.max_row < first + span
    ]
    set_cell(ws, "cont_ref", ref)
    heading = sum(float(ws.row_dimensions[r].height or 15.0) for r in range(1, first))
    repeated = bool(ws.print_title_rows)
    used = heading
    for index, (mark, text) in enumerate(rows):
        top = first + index * span
        if index:
            for source in template_cells:
                target = ws.cell(row=int(source.row) + index * span, column=int(source.column))
                if source.has_style:
                    target._style = copy(source._style)
            for merged in template_merges:
                ws.merge_cells(
                    start_row=merged.min_row + index * span,
                    start_column=merged.min_col,
                    end_row=merged.max_row + index * span,
                    end_column=merged.max_col,
                )
        lines = len(wrap_lines(text, text_box.units))
        height = min(max(lines * text_box.line_height + 6, 30.0), MAX_ROW_HEIGHT)
        for r in range(top, top + span):
            ws.row_dimensions[r].height = height / span
        set_cell(ws, f"{get_column_letter(mark_column)}{top}", mark)
        set_cell(ws, f"{get_column_letter(text_column)}{top}", text)
        if index and used + height > PAGE_BUDGET:
            ws.row_breaks.append(Break(id=top - 1))
            used = heading if repeated else 0.0
        used += height
    last = first + len(rows) * span - 1
    if ws.print_area:
        min_col, _, max_col, _ = range_boundaries(str(ws.print_area).split("!")[-1])
        ws.print_area = f"{get_column_letter(min_col)}1:{get_column_letter(max_col)}{last}"


def _remove_sheet(workbook: Workbook, ws: Worksheet) -> None:
    """Drop the unused continuation sheet and the names that point into it."""
    for name in list(workbook.defined_names.keys()):
        try:
            target, _ = resolve_name(workbook, name)
        except TemplateError:
            continue
        if target is ws:
            del workbook.defined_names[name]
    workbook.remove(ws)
    workbook.active = 0


def export_post_form(
    record: PostRecord,
    *,
    audit_head: str,
    out: Path,
    printed_at: datetime | None = None,
    template: Path | None = None,
    routes: Routes = DEFAULT_ROUTES,
) -> Path:
    """Write the 发布内容审批表 of a post to ``out``.

    Args:
        record: The post (``PostService.get``); its current revision is printed.
        audit_head: The audit-log head as printed (``audit_line(ctx.audit.head())``).
        out: The xlsx file to create or replace (atomically).
        printed_at: The print time (aware); now by default.
        template: The template; by default ``forms/post_approval.xlsx``.
        routes: The office's routes (``settings.post_routes()``), for the steps a post not
            yet in approval would take.

    Returns:
        ``out``.

    Raises:
        TemplateError: The template is missing, unreadable or lacks a named cell.
        FormOverflowError: The route has more steps than the template has sign-off lines.
        ExportLockedError: ``out`` is open in Excel.
        ExportError: Any other failure to write; ``out`` is then unchanged.
    """
    workbook = load_template(template or _default_template())
    names = defined_names(workbook)
    for name in (*POST_FORM_FIELDS, *CONTINUATION_FIELDS):
        if name not in names:
            raise TemplateError(f"the template has no cell named {name!r}", name=name)
    content = record.content
    more = _Continuation([])
    steps = approving_steps(record)
    values: dict[str, object] = {
        "unit": record.unit_name,
        "post_no": record.id,
        "accounts": "、".join(f"{a.name}（{a.platform}）" for a in record.accounts),
        "column": content.column,
        "category": content.category,
        "tier": TIER_LABELS[content.tier],
        "kind": _kind_label(record),
        "title": content.title,
        "source": content.source,
        "planned_at": record.planned_at,
        "drafter": record.drafter_name,
        "revision": f"第{record.current.number}稿",
        "route": _route_text(record, steps, routes),
        "filing_required": "是（敏感信息，须备案）" if record.filing_required else "否",
        "filed_at": record.filed_at
        if record.filed_at is not None
        else ("尚未备案" if record.filing_required else None),
        "content_sha256": record.current.content_sha256,
        "audit_head": audit_head,
        "printed_at": printed_at or datetime.now(UTC),
    }
    _fill_signoffs(workbook, record, steps, values, more, routes)
    earlier = _box(workbook, "earlier")
    text = _earlier_text(record, steps or (), earlier.units, earlier.lines_for(MAX_ROW_HEIGHT))
    values["earlier"] = text
    _set_height(earlier, earlier.height_for(len(wrap_lines(text, earlier.units))))

    body = _box(workbook, "body")
    cont = _cont_box(workbook)
    parts = split_parts(
        content.body,
        units=min(body.units, cont.units),
        first_lines=body.lines_for(body.height),
        more_lines=_cont_lines(cont),
    )
    values["body"] = parts[0]
    body_rows = [(f"续{k}", part) for k, part in enumerate(parts[1:], start=1)]
    values["body_note"] = (
        f"正文共分 {len(parts)} 部分：此处为第 1 部分，其余见“正文续页”续1至续{len(parts) - 1}。"
        if len(parts) > 1
        else None
    )
    fill_named_cells(workbook, values)
    title = content.title or "（无标题）"
    ref = (
        f"稿件编号 {record.id}　《{title}》　第{record.current.number}稿　"
        f"内容校验码 {record.current.content_sha256[:16]}…"
    )
    _fill_continuation(workbook, ref, [*body_rows, *more.rows])
    return atomic_save(workbook, Path(out))


def _default_template() -> Path:
    from newmedia_desk.paths import forms_dir

    return forms_dir() / POST_APPROVAL_TEMPLATE
