"""Units, staff and the signed-in person, as plain records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.roles import UNIT_SCOPED, Permission, Role, permissions_for


@dataclass(frozen=True, slots=True)
class UnitRecord:
    """One organisational unit (单位、科室、县局)."""

    id: int
    name: str
    parent_id: int | None
    version: int
    active: bool = True


@dataclass(frozen=True, slots=True)
class StaffRecord:
    """One person of the office, as the directory shows them."""

    id: int
    login: str
    name: str
    position: str
    phone: str
    qq: str
    unit_id: int
    unit_name: str
    roles: frozenset[Role]
    active: bool
    left_at: datetime | None
    version: int
    locked_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class DirectoryCounts:
    """How many units and people the directory holds (no personal data)."""

    units: int
    active_staff: int
    left_staff: int


@dataclass(frozen=True, slots=True)
class StaffDraft:
    """What an editor submits to create or change a staff member."""

    login: str
    name: str
    unit_id: int
    position: str = ""
    phone: str = ""
    qq: str = ""
    roles: frozenset[Role] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Principal:
    """The person signed in, and what they may do."""

    staff_id: int
    login: str
    name: str
    unit_id: int
    roles: frozenset[Role]
    unit_scope: frozenset[int]
    """The ids of the person's own unit and every unit below it."""

    @property
    def permissions(self) -> frozenset[Permission]:
        """All permissions granted by the roles."""
        return permissions_for(self.roles)

    def can(self, permission: Permission, unit_id: int | None = None) -> bool:
        """Whether the person may do ``permission`` (for a record in ``unit_id``)."""
        if permission not in self.permissions:
            return False
        if Role.ADMIN in self.roles or permission not in UNIT_SCOPED:
            return True
        return unit_id is not None and unit_id in self.unit_scope


SYSTEM_ACTOR = "system"
"""Actor name in the audit log for changes made without a signed-in person (init, migrate)."""

_LOGIN_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
_PHONE_RE = re.compile(r"^[0-9+][0-9 -]{4,19}$")
_QQ_RE = re.compile(r"^[1-9][0-9]{4,11}$")
MAX_NAME = 40
MAX_POSITION = 60


def normalise_login(login: str) -> str:
    """Return the canonical spelling of a login (trimmed, lower-case)."""
    return login.strip().lower()


def validate_staff(draft: StaffDraft) -> StaffDraft:
    """Check a draft and return it with trimmed fields, or raise ``ValidationError``."""
    login = normalise_login(draft.login)
    if not _LOGIN_RE.fullmatch(login):
        raise ValidationError("login must be 2-32 letters, digits, '.', '_' or '-'", field="login")
    name = draft.name.strip()
    if not name:
        raise ValidationError("name is required", field="name")
    if len(name) > MAX_NAME:
        raise ValidationError("name is too long", field="name", limit=MAX_NAME)
    position = draft.position.strip()
    if len(position) > MAX_POSITION:
        raise ValidationError("position is too long", field="position", limit=MAX_POSITION)
    phone = draft.phone.strip()
    if phone and not _PHONE_RE.fullmatch(phone):
        raise ValidationError("phone number is not valid", field="phone")
    qq = draft.qq.strip()
    if qq and not _QQ_RE.fullmatch(qq):
        raise ValidationError("QQ number is not valid", field="qq")
    return StaffDraft(
        login=login,
        name=name,
        unit_id=draft.unit_id,
        position=position,
        phone=phone,
        qq=qq,
        roles=frozenset(draft.roles),
    )


def validate_unit_name(name: str) -> str:
    """Return a trimmed unit name, or raise ``ValidationError``."""
    trimmed = name.strip()
    if not trimmed:
        raise ValidationError("unit name is required", field="name")
    if len(trimmed) > MAX_POSITION:
        raise ValidationError("unit name is too long", field="name", limit=MAX_POSITION)
    return trimmed
