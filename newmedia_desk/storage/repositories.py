"""Repositories: queries over one session, returning domain records. They never commit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newmedia_desk.domain.audit import AuditEntry
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import StaffRecord, UnitRecord
from newmedia_desk.storage.models import (
    AuditRow,
    MetaRow,
    OfficeSetting,
    SignInThrottle,
    Staff,
    Unit,
)


def unit_record(row: Unit) -> UnitRecord:
    """Map a unit row to its record."""
    return UnitRecord(
        id=row.id, name=row.name, parent_id=row.parent_id, version=row.version, active=row.active
    )


def staff_record(row: Staff, locked_until: datetime | None = None) -> StaffRecord:
    """Map a staff row to its record."""
    return StaffRecord(
        id=row.id,
        login=row.login,
        name=row.name,
        position=row.position,
        phone=row.phone,
        qq=row.qq,
        unit_id=row.unit_id,
        unit_name=row.unit.name,
        roles=frozenset(Role(r.role) for r in row.roles),
        active=row.left_at is None,
        left_at=row.left_at,
        version=row.version,
        locked_until=locked_until,
    )


class UnitRepository:
    """Units."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def all(self) -> list[Unit]:
        """Every unit, in tree-friendly order."""
        return list(self.s.scalars(select(Unit).order_by(Unit.sort_order, Unit.id)))

    def get(self, unit_id: int) -> Unit | None:
        """One unit."""
        return self.s.get(Unit, unit_id)

    def count(self) -> int:
        """How many units exist."""
        return int(self.s.scalar(select(func.count()).select_from(Unit)) or 0)

    def children_map(self) -> dict[int | None, list[int]]:
        """Map each parent id to its children's ids."""
        tree: dict[int | None, list[int]] = {}
        for unit_id, parent_id in self.s.execute(select(Unit.id, Unit.parent_id)):
            tree.setdefault(parent_id, []).append(unit_id)
        return tree

    def subtree(self, unit_id: int) -> frozenset[int]:
        """The unit and every unit below it."""
        tree = self.children_map()
        seen: set[int] = set()
        stack = [unit_id]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(tree.get(current, []))
        return frozenset(seen)


class StaffRepository:
    """Staff."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def all(self) -> list[Staff]:
        """Every staff member, those who left included."""
        return list(self.s.scalars(select(Staff).order_by(Staff.unit_id, Staff.id)))

    def get(self, staff_id: int) -> Staff | None:
        """One staff member."""
        return self.s.get(Staff, staff_id)

    def by_login(self, login: str) -> Staff | None:
        """The staff member with this (normalised) login."""
        return self.s.scalar(select(Staff).where(Staff.login == login))

    def count(self) -> int:
        """How many staff rows exist."""
        return int(self.s.scalar(select(func.count()).select_from(Staff)) or 0)

    def active_admin_ids(self) -> set[int]:
        """Ids of active staff holding the administrator role."""
        return {
            row.id
            for row in self.all()
            if row.left_at is None and any(r.role == Role.ADMIN.value for r in row.roles)
        }


class ThrottleRepository:
    """Failed sign-in counters."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, login: str) -> SignInThrottle | None:
        """The counter of one login name."""
        return self.s.get(SignInThrottle, login)

    def all(self) -> dict[str, SignInThrottle]:
        """Every counter, by login."""
        return {row.login: row for row in self.s.scalars(select(SignInThrottle))}

    def record_failure(self, login: str, at: datetime) -> int:
        """Count one more failure; return the new count."""
        row = self.get(login)
        if row is None:
            row = SignInThrottle(login=login, failures=0)
            self.s.add(row)
        row.failures += 1
        row.last_failure_at = at
        return row.failures

    def clear(self, login: str) -> bool:
        """Forget the failures of ``login``; return whether there were any."""
        row = self.get(login)
        if row is None:
            return False
        self.s.delete(row)
        return True


class MetaRepository:
    """Facts about the database."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, key: str) -> str | None:
        """One value."""
        row = self.s.get(MetaRow, key)
        return None if row is None else row.value

    def put(self, key: str, value: str) -> None:
        """Set one value."""
        row = self.s.get(MetaRow, key)
        if row is None:
            self.s.add(MetaRow(key=key, value=value))
        else:
            row.value = value


class SettingsRepository:
    """Office-wide settings."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def all(self) -> dict[str, OfficeSetting]:
        """Every stored setting, by key."""
        return {row.key: row for row in self.s.scalars(select(OfficeSetting))}

    def get(self, key: str) -> OfficeSetting | None:
        """One setting."""
        return self.s.get(OfficeSetting, key)


class AuditRepository:
    """The audit log rows."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def stream(self, batch: int = 1000) -> Iterator[AuditEntry]:
        """Every entry in sequence order, fetched in batches."""
        stmt = select(AuditRow).order_by(AuditRow.seq).execution_options(yield_per=batch)
        for row in self.s.scalars(stmt):
            yield audit_entry(row)

    def recent(self, limit: int) -> list[AuditEntry]:
        """The newest entries, newest first."""
        stmt = select(AuditRow).order_by(AuditRow.seq.desc()).limit(limit)
        return [audit_entry(row) for row in self.s.scalars(stmt)]

    def get(self, seq: int) -> AuditEntry | None:
        """One entry."""
        row = self.s.get(AuditRow, seq)
        return None if row is None else audit_entry(row)

    def count(self) -> int:
        """How many entries exist."""
        return int(self.s.scalar(select(func.count()).select_from(AuditRow)) or 0)


def audit_entry(row: AuditRow) -> AuditEntry:
    """Map an audit row to its record."""
    return AuditEntry(
        seq=row.seq,
        at=row.at,
        actor_id=row.actor_id,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
        prev=row.prev,
        mac=row.mac,
    )
