"""Reading an existing Excel account ledger (账号台账) for ``AccountService.import_ledger``.

The first non-empty row is the header: 平台, 账号名称, 账号ID, 所属单位, 管理人, 责任人,
更新要求 in any order; other columns are ignored. Every problem is collected with its row
number and column, so the office can fix the whole file in one go. openpyxl is imported
inside the function: the program starts without it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from newmedia_desk.domain.accounts import (
    IMPORT_COLUMNS,
    AccountDraft,
    AccountStatus,
    ImportRowError,
    validate_account,
)
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal, normalise_login
from newmedia_desk.services.sheet_reader import SheetLayout, SheetRow, read_sheet
from newmedia_desk.storage.models import Staff, Unit
from newmedia_desk.storage.repositories import (
    AccountRepository,
    PlatformRepository,
    StaffRepository,
    UnitRepository,
)

MAX_ROWS = 5000
"""More data rows than this are refused (a ledger of one agency is far smaller)."""

REQUIRED_VALUES = ("平台", "账号名称", "所属单位", "管理人", "责任人")
"""Columns that must not be empty in a data row."""

_FIELD_COLUMNS = {
    "platform_id": "平台",
    "name": "账号名称",
    "handle": "账号ID",
    "unit_id": "所属单位",
    "administrator_id": "管理人",
    "responsible_id": "责任人",
    "cadence_text": "更新要求",
}


LAYOUT = SheetLayout(columns=IMPORT_COLUMNS, required=IMPORT_COLUMNS, max_rows=MAX_ROWS)


def read_ledger(path: Path) -> tuple[list[SheetRow], list[ImportRowError]]:
    """Read the first sheet of an xlsx ledger.

    Returns the data rows and the problems of single cells (formulas, dates, missing
    values). A file that cannot be read at all, or has no usable header, raises
    ``ImportRejectedError`` at once.
    """
    rows, errors = read_sheet(path, LAYOUT)
    for line in rows:
        for column in REQUIRED_VALUES:
            if column not in line.bad_columns and not line.values.get(column):
                errors.append(ImportRowError(line.row, column, "this value is required"))
    return rows, errors


class _Directory:
    """What the rows are matched against, read once inside the import's transaction."""

    def __init__(self, s: Session) -> None:
        self.units: list[Unit] = UnitRepository(s).all()
        self.staff: list[Staff] = [p for p in StaffRepository(s).all() if p.left_at is None]
        self.platforms = {p.name: p for p in PlatformRepository(s).all()}
        by_id = {u.id: u for u in self.units}
        self.paths: dict[int, str] = {}
        for unit in self.units:
            parts: list[str] = []
            current: Unit | None = unit
            while current is not None and len(parts) < 32:
                parts.append(current.name)
                current = by_id.get(current.parent_id) if current.parent_id else None
            self.paths[unit.id] = "/".join(reversed(parts))
        self.live = [
            (a.platform_id, a.name, a.handle)
            for a in AccountRepository(s).all()
            if a.status != AccountStatus.CLOSED.value
        ]

    def unit(self, text: str) -> tuple[Unit | None, str]:
        wanted = "/".join(p.strip() for p in text.replace("／", "/").split("/"))
        matches = [u for u in self.units if u.active and self.paths[u.id] == wanted]
        if not matches:
            matches = [u for u in self.units if u.active and u.name == wanted]
        if len(matches) == 1:
            return matches[0], ""
        if matches:
            return None, "several units have this name: write the path, e.g. 上级单位/单位"
        return None, f"no active unit called {text}"

    def person(self, text: str, unit_id: int) -> tuple[Staff | None, str]:
        in_unit = [p for p in self.staff if p.unit_id == unit_id and p.name == text]
        if len(in_unit) == 1:
            return in_unit[0], ""
        if len(in_unit) > 1:
            return None, f"several people called {text} in this unit: give the login"
        login = normalise_login(text)
        by_login = [p for p in self.staff if p.login == login]
        if by_login:
            return by_login[0], ""
        return None, f"no active staff member called {text} in this unit, nor with this login"


def resolve_rows(
    s: Session, actor: Principal, rows: list[SheetRow]
) -> tuple[list[tuple[int, AccountDraft]], list[ImportRowError]]:
    """Match every row to platforms, units and staff and check it as a draft.

    Returns the drafts with their row numbers, and every problem found (the rows with a
    problem have no draft).
    """
    directory = _Directory(s)
    errors: list[ImportRowError] = []
    drafts: list[tuple[int, AccountDraft]] = []
    seen_names: dict[tuple[int, str], int] = {}
    seen_handles: dict[tuple[int, str], int] = {}
    for line in rows:
        v = line.values
        problems: list[ImportRowError] = []

        def bad(
            column: str,
            message: str,
            number: int = line.row,
            into: list[ImportRowError] = problems,
        ) -> None:
            into.append(ImportRowError(number, column, message))

        platform = directory.platforms.get(v.get("平台", ""))
        if v.get("平台") and (platform is None or not platform.active):
            bad("平台", f"unknown platform {v['平台']}")
        unit = None
        if v.get("所属单位"):
            unit, why = directory.unit(v["所属单位"])
            if unit is None:
                bad("所属单位", why)
            elif not actor.can(Permission.MANAGE_ACCOUNTS, unit.id):
                bad("所属单位", "you may not register accounts of this unit")
        people: dict[str, Staff | None] = {"管理人": None, "责任人": None}
        if unit is not None:
            for column in people:
                if v.get(column):
                    person, why = directory.person(v[column], unit.id)
                    if person is None:
                        bad(column, why)
                    people[column] = person
        if problems or platform is None or unit is None:
            errors += problems
            continue
        admin, resp = people["管理人"], people["责任人"]
        if admin is None or resp is None:
            errors += problems
            continue
        draft = AccountDraft(
            platform_id=platform.id,
            name=v.get("账号名称", ""),
            unit_id=unit.id,
            administrator_id=admin.id,
            responsible_id=resp.id,
            handle=v.get("账号ID", ""),
            cadence_text=v.get("更新要求", ""),
        )
        try:
            clean = validate_account(draft)
        except ValidationError as exc:
            errors.append(ImportRowError(line.row, _FIELD_COLUMNS.get(exc.field, ""), exc.message))
            continue
        key = (clean.platform_id, clean.name)
        if key in seen_names:
            bad("账号名称", f"the same account is already in row {seen_names[key]}")
        elif any(p == clean.platform_id and n == clean.name for p, n, _h in directory.live):
            bad("账号名称", "an account on this platform with this name is already registered")
        seen_names.setdefault(key, line.row)
        if clean.handle:
            hkey = (clean.platform_id, clean.handle)
            if hkey in seen_handles:
                bad("账号ID", f"the same account ID is already in row {seen_handles[hkey]}")
            elif any(p == clean.platform_id and h == clean.handle for p, _n, h in directory.live):
                bad("账号ID", "an account on this platform with this ID is already registered")
            seen_handles.setdefault(hkey, line.row)
        if problems:
            errors += problems
            continue
        drafts.append((line.row, clean))
    return drafts, errors
