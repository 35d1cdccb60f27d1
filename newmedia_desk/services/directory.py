"""Units and staff: the office directory."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import (
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from newmedia_desk.domain.passwords import throttle_delay, validate_new_password
from newmedia_desk.domain.roles import Permission, Role
from newmedia_desk.domain.staff import (
    DirectoryCounts,
    Principal,
    StaffDraft,
    StaffRecord,
    UnitRecord,
    validate_staff,
    validate_unit_name,
)
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import check_version, require
from newmedia_desk.services.events import StaffEvent, StaffEvents
from newmedia_desk.services.keys import KeyService
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Staff, StaffRole, Unit
from newmedia_desk.storage.repositories import (
    StaffRepository,
    ThrottleRepository,
    UnitRepository,
    staff_record,
    unit_record,
)

CONTACT_FIELDS = ("position", "phone", "qq")


def _staff_snapshot(row: Staff) -> dict[str, Any]:
    return {
        "login": row.login,
        "name": row.name,
        "position": row.position,
        "phone": row.phone,
        "qq": row.qq,
        "unit_id": row.unit_id,
        "roles": sorted(r.role for r in row.roles),
        "left_at": row.left_at.isoformat() if row.left_at else None,
    }


class DirectoryService:
    """Read and change units and staff, with permissions and the audit trail."""

    def __init__(
        self,
        db: Database,
        hashing: PasswordHashing,
        audit: AuditService,
        clock: Clock,
        keys: KeyService | None = None,
        events: StaffEvents | None = None,
    ) -> None:
        self._db = db
        self._hashing = hashing
        self._audit = audit
        self._clock = clock
        self._keys = keys
        self._events = events or StaffEvents()

    # -- units ---------------------------------------------------------------------------

    def list_units(self, actor: Principal | None) -> list[UnitRecord]:
        """Every unit (``actor`` ``None`` is for read-only command-line use)."""
        if actor is not None:
            require(actor, Permission.VIEW_DIRECTORY)
        with self._db.read() as s:
            return [unit_record(u) for u in UnitRepository(s).all()]

    def create_unit(self, actor: Principal, name: str, parent_id: int | None) -> UnitRecord:
        """Add a unit under ``parent_id`` (``None`` for a top-level unit)."""
        require(actor, Permission.MANAGE_UNITS)
        clean = validate_unit_name(name)
        with self._db.write() as s:
            units = UnitRepository(s)
            if parent_id is not None and units.get(parent_id) is None:
                raise ValidationError("parent unit does not exist", field="parent_id")
            self._check_unique_unit(s, clean, parent_id, None)
            row = Unit(name=clean, parent_id=parent_id, sort_order=units.count())
            s.add(row)
            s.flush()
            self._audit.append(
                s,
                actor,
                "unit_created",
                "unit",
                row.id,
                after={"name": clean, "parent_id": parent_id},
            )
            return unit_record(row)

    def update_unit(
        self,
        actor: Principal,
        unit_id: int,
        *,
        name: str,
        parent_id: int | None,
        active: bool,
        expected_version: int,
    ) -> UnitRecord:
        """Rename, move or (de)activate a unit; a unit cannot move below itself."""
        require(actor, Permission.MANAGE_UNITS)
        clean = validate_unit_name(name)
        with self._db.write() as s:
            units = UnitRepository(s)
            row = units.get(unit_id)
            if row is None:
                raise NotFoundError("unit not found")
            check_version("unit", row.version, expected_version)
            if parent_id is not None:
                if units.get(parent_id) is None:
                    raise ValidationError("parent unit does not exist", field="parent_id")
                if parent_id in units.subtree(unit_id):
                    raise ValidationError("a unit cannot be placed below itself", field="parent_id")
            self._check_unique_unit(s, clean, parent_id, unit_id)
            if not active and row.active:
                in_use = [
                    m
                    for m in StaffRepository(s).all()
                    if m.unit_id == unit_id and m.left_at is None
                ]
                if in_use:
                    raise ValidationError(
                        "the unit still has active staff", field="active", count=len(in_use)
                    )
            before = {"name": row.name, "parent_id": row.parent_id, "active": row.active}
            row.name, row.parent_id, row.active = clean, parent_id, active
            s.flush()
            self._audit.append(
                s,
                actor,
                "unit_updated",
                "unit",
                row.id,
                before=before,
                after={"name": clean, "parent_id": parent_id, "active": active},
            )
            return unit_record(row)

    @staticmethod
    def _check_unique_unit(
        s: Session, name: str, parent_id: int | None, own_id: int | None
    ) -> None:
        for other in UnitRepository(s).all():
            if other.id != own_id and other.parent_id == parent_id and other.name == name:
                raise ValidationError("a unit of that name already exists there", field="name")

    # -- staff ---------------------------------------------------------------------------

    def list_staff(
        self, actor: Principal | None, *, include_left: bool = True
    ) -> list[StaffRecord]:
        """Staff with their units, roles and sign-in lock state."""
        if actor is not None:
            require(actor, Permission.VIEW_DIRECTORY)
        now = self._clock.now()
        with self._db.read() as s:
            throttles = ThrottleRepository(s).all()
            records = []
            for row in StaffRepository(s).all():
                if not include_left and row.left_at is not None:
                    continue
                t = throttles.get(row.login)
                locked = None
                if t is not None and t.last_failure_at is not None:
                    until = t.last_failure_at + throttle_delay(t.failures)
                    locked = until if until > now else None
                records.append(staff_record(row, locked))
            return records

    def get_staff(self, actor: Principal | None, staff_id: int) -> StaffRecord:
        """One staff member."""
        if actor is not None:
            require(actor, Permission.VIEW_DIRECTORY)
        with self._db.read() as s:
            row = StaffRepository(s).get(staff_id)
            if row is None:
                raise NotFoundError("staff member not found")
            return staff_record(row)

    def create_staff(self, actor: Principal, draft: StaffDraft, password: str) -> StaffRecord:
        """Add a person with a temporary password they must change at first sign-in."""
        require(actor, Permission.MANAGE_STAFF)
        clean = validate_staff(draft)
        validate_new_password(password)
        password_hash = self._hashing.hash(password)
        with self._db.write() as s:
            row = self.insert_staff(s, clean, password_hash, must_change=True)
            if self._keys is not None:
                self._keys.create(s, row.id, password)
            self._audit.append(
                s, actor, "staff_created", "staff", row.id, after=_staff_snapshot(row)
            )
            return staff_record(row)

    def insert_staff(
        self, s: Session, clean: StaffDraft, password_hash: str | None, *, must_change: bool
    ) -> Staff:
        """Insert a validated staff row (callers own the transaction and the audit entry)."""
        staff = StaffRepository(s)
        if UnitRepository(s).get(clean.unit_id) is None:
            raise ValidationError("unit does not exist", field="unit_id")
        if staff.by_login(clean.login) is not None:
            raise ValidationError("this login is taken", field="login")
        row = Staff(
            login=clean.login,
            name=clean.name,
            position=clean.position,
            phone=clean.phone,
            qq=clean.qq,
            unit_id=clean.unit_id,
            password_hash=password_hash,
            must_change_password=must_change,
            created_at=self._clock.now(),
        )
        row.roles = [StaffRole(role=r.value) for r in sorted(clean.roles)]
        s.add(row)
        try:
            s.flush()
        except IntegrityError as exc:
            raise ValidationError("this login is taken", field="login") from exc
        s.refresh(row)
        return row

    def update_staff(
        self, actor: Principal, staff_id: int, draft: StaffDraft, expected_version: int
    ) -> StaffRecord:
        """Change a person's details and roles.

        Administrators change everything. A responsible person changes only the contact
        details (position, phone, QQ) of people in their own unit or the units below it.
        """
        clean = validate_staff(draft)
        with self._db.write() as s:
            row = StaffRepository(s).get(staff_id)
            if row is None:
                raise NotFoundError("staff member not found")
            before = _staff_snapshot(row)
            if not actor.can(Permission.MANAGE_STAFF):
                require(actor, Permission.EDIT_STAFF_CONTACT, row.unit_id)
                changed = {
                    k for k in ("login", "name", "unit_id") if getattr(clean, k) != before[k]
                }
                if clean.roles != frozenset(Role(r) for r in before["roles"]):
                    changed.add("roles")
                if changed:
                    raise PermissionDeniedError(
                        "only an administrator may change " + ", ".join(sorted(changed)),
                        permission=Permission.MANAGE_STAFF.value,
                    )
            check_version("staff member", row.version, expected_version)
            if clean.login != row.login and StaffRepository(s).by_login(clean.login) is not None:
                raise ValidationError("this login is taken", field="login")
            if UnitRepository(s).get(clean.unit_id) is None:
                raise ValidationError("unit does not exist", field="unit_id")
            if Role.ADMIN not in clean.roles:
                self._keep_an_admin(s, staff_id)
            moved = row.unit_id != clean.unit_id
            row.login, row.name, row.unit_id = clean.login, clean.name, clean.unit_id
            row.position, row.phone, row.qq = clean.position, clean.phone, clean.qq
            current = {r.role for r in row.roles}
            wanted = {r.value for r in clean.roles}
            if current != wanted:
                row.roles = [r for r in row.roles if r.role in wanted] + [
                    StaffRole(role=r) for r in sorted(wanted - current)
                ]
                # Role rows live in another table; still bump the person's version.
                flag_modified(row, "name")
            s.flush()
            s.refresh(row)
            if moved:
                self._events.announce(s, row.id, StaffEvent.MOVED)
            after = _staff_snapshot(row)
            if after != before:
                self._audit.append(
                    s, actor, "staff_updated", "staff", row.id, before=before, after=after
                )
            return staff_record(row)

    def mark_left(self, actor: Principal, staff_id: int, expected_version: int) -> StaffRecord:
        """Record that a person has left: they can no longer sign in; nothing is deleted."""
        require(actor, Permission.MANAGE_STAFF)
        with self._db.write() as s:
            row = StaffRepository(s).get(staff_id)
            if row is None:
                raise NotFoundError("staff member not found")
            check_version("staff member", row.version, expected_version)
            if row.left_at is not None:
                return staff_record(row)
            self._keep_an_admin(s, staff_id)
            row.left_at = self._clock.now()
            s.flush()
            self._events.announce(s, row.id, StaffEvent.LEFT)
            self._audit.append(
                s, actor, "staff_left", "staff", row.id, after={"left_at": row.left_at.isoformat()}
            )
            return staff_record(row)

    def rejoin(self, actor: Principal, staff_id: int, expected_version: int) -> StaffRecord:
        """Undo a leave recorded by mistake, or record a return."""
        require(actor, Permission.MANAGE_STAFF)
        with self._db.write() as s:
            row = StaffRepository(s).get(staff_id)
            if row is None:
                raise NotFoundError("staff member not found")
            check_version("staff member", row.version, expected_version)
            if row.left_at is None:
                return staff_record(row)
            before = {"left_at": row.left_at.isoformat()}
            row.left_at = None
            s.flush()
            self._audit.append(s, actor, "staff_rejoined", "staff", row.id, before=before)
            return staff_record(row)

    @staticmethod
    def _keep_an_admin(s: Session, losing_staff_id: int) -> None:
        admins = StaffRepository(s).active_admin_ids()
        if admins == {losing_staff_id}:
            raise ValidationError(
                "the office must keep at least one active administrator", field="roles"
            )

    def has_staff(self) -> bool:
        """Whether anybody exists yet (a new database walks the user through setup)."""
        with self._db.read() as s:
            return StaffRepository(s).count() > 0

    def counts(self) -> DirectoryCounts:
        """How many units, active staff and staff who left exist (a start-page summary)."""
        with self._db.read() as s:
            rows = StaffRepository(s).all()
            left = sum(1 for row in rows if row.left_at is not None)
            return DirectoryCounts(
                units=UnitRepository(s).count(), active_staff=len(rows) - left, left_staff=left
            )

    def unit_path(self, unit_id: int, units: list[UnitRecord]) -> str:
        """Render a unit with its parents, e.g. ``市气象局 / 办公室``."""
        by_id = {u.id: u for u in units}
        parts: list[str] = []
        current: int | None = unit_id
        while current is not None and current in by_id and len(parts) < 32:
            parts.append(by_id[current].name)
            current = by_id[current].parent_id
        return " / ".join(reversed(parts))
