"""Delegations: a deputy signs in a leader's place for a period (001 § 篇4 八).

The executive leader's consent is part of the record: the consenting chief types their
password on this PC and their personal key signs the delegation, so a delegation cannot be
slipped into the database by someone who merely can write to the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import NotFoundError, SignInFailedError, ValidationError
from newmedia_desk.domain.posts import DelegationGrant, DelegationSpec, validate_delegation
from newmedia_desk.domain.roles import Permission, Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.security.personal_keys import PersonalKeyError
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import require
from newmedia_desk.services.keys import KeyService
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Staff
from newmedia_desk.storage.post_models import Delegation
from newmedia_desk.storage.repositories import StaffRepository, UnitRepository


@dataclass(frozen=True, slots=True)
class DelegationView:
    """A delegation as listed and printed (``deputy 代 leader``)."""

    id: int
    leader_id: int
    leader_name: str
    deputy_id: int
    deputy_name: str
    consented_by_id: int
    consented_by_name: str
    starts_at: datetime
    ends_at: datetime
    reason: str
    revoked_at: datetime | None

    def active_at(self, now: datetime) -> bool:
        """Whether the deputy may sign for the leader at ``now``."""
        return self.revoked_at is None and self.starts_at <= now < self.ends_at


def consent_payload(row: Delegation) -> bytes:
    """The bytes the consenting chief's key signs."""
    body = {
        "kind": "delegation",
        "leader_id": row.leader_id,
        "deputy_id": row.deputy_id,
        "consented_by_id": row.consented_by_id,
        # In UTC, as stored: a time entered in office time (+08:00) is read back as UTC.
        "starts_at": row.starts_at.astimezone(UTC).isoformat(),
        "ends_at": row.ends_at.astimezone(UTC).isoformat(),
        "reason": row.reason,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _roles(person: Staff) -> frozenset[Role]:
    return frozenset(Role(r.role) for r in person.roles)


def active_grants(
    s: Session, deputy_id: int, now: datetime, keys: KeyService | None = None
) -> list[DelegationGrant]:
    """The leaders ``deputy_id`` may sign for at ``now``, with their roles and unit scope.

    With ``keys``, a delegation whose consent signature does not verify is ignored.
    """
    rows = s.scalars(
        select(Delegation).where(
            Delegation.deputy_id == deputy_id,
            Delegation.revoked_at.is_(None),
            Delegation.starts_at <= now,
            Delegation.ends_at > now,
        )
    )
    grants: list[DelegationGrant] = []
    staff = StaffRepository(s)
    units = UnitRepository(s)
    for row in rows:
        leader = staff.get(row.leader_id)
        if leader is None or leader.left_at is not None:
            continue
        if keys is not None and not keys.verify(
            row.consented_by_id, consent_payload(row), row.consent_signature
        ):
            continue
        grants.append(DelegationGrant(leader.id, _roles(leader), units.subtree(leader.unit_id)))
    return grants


class DelegationService:
    """Record, list and revoke delegations."""

    def __init__(self, db: Database, audit: AuditService, clock: Clock, keys: KeyService) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._keys = keys

    def list(self, actor: Principal) -> list[DelegationView]:
        """Every delegation, newest first."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            rows = s.scalars(select(Delegation).order_by(Delegation.starts_at.desc()))
            return [self._view(s, r) for r in rows]

    def create(
        self, actor: Principal, spec: DelegationSpec, *, consenter_password: str
    ) -> DelegationView:
        """Record a delegation, signed by the consenting chief who types their password now.

        The actor is an administrator or the consenting chief themself.
        """
        require(actor, Permission.MANAGE_DELEGATIONS)
        with self._db.write() as s:
            staff = StaffRepository(s)
            people = {
                "leader": staff.get(spec.leader_id),
                "deputy": staff.get(spec.deputy_id),
                "consented_by": staff.get(spec.consented_by_id),
            }
            for field, person in people.items():
                if person is None or person.left_at is not None:
                    raise ValidationError("choose a current member of staff", field=field)
            leader, deputy, consenter = (
                people["leader"],
                people["deputy"],
                people["consented_by"],
            )
            assert leader is not None and deputy is not None and consenter is not None
            clean = validate_delegation(
                spec,
                leader_roles=_roles(leader),
                deputy_roles=_roles(deputy),
                consenter_roles=_roles(consenter),
            )
            if Role.ADMIN not in actor.roles and actor.staff_id != consenter.id:
                raise ValidationError(
                    "the consenting chief or an administrator records a delegation",
                    field="consented_by",
                )
            now = self._clock.now()
            row = Delegation(
                leader_id=clean.leader_id,
                deputy_id=clean.deputy_id,
                consented_by_id=clean.consented_by_id,
                starts_at=clean.starts_at,
                ends_at=clean.ends_at,
                reason=clean.reason,
                consent_signature="",
                created_at=now,
                created_by=actor.staff_id,
            )
            try:
                row.consent_signature = self._keys.sign(
                    consenter.id, consenter_password, consent_payload(row)
                )
            except PersonalKeyError as exc:
                raise SignInFailedError("the consenting person's password is wrong") from exc
            s.add(row)
            s.flush()
            self._audit.append(
                s,
                actor,
                "delegation_created",
                "delegation",
                row.id,
                after={
                    "leader": leader.id,
                    "deputy": deputy.id,
                    "consented_by": consenter.id,
                    "starts_at": clean.starts_at.isoformat(),
                    "ends_at": clean.ends_at.isoformat(),
                },
            )
            return self._view(s, row)

    def revoke(self, actor: Principal, delegation_id: int) -> DelegationView:
        """End a delegation now (an administrator, the leader or the consenting chief)."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.write() as s:
            row = s.get(Delegation, delegation_id)
            if row is None:
                raise NotFoundError("no such delegation", entity="delegation")
            allowed = {row.leader_id, row.consented_by_id}
            if Role.ADMIN not in actor.roles and actor.staff_id not in allowed:
                require(actor, Permission.MANAGE_DELEGATIONS)
            if row.revoked_at is not None:
                raise ValidationError("already revoked", field="status")
            row.revoked_at = self._clock.now()
            row.revoked_by = actor.staff_id
            self._audit.append(s, actor, "delegation_revoked", "delegation", row.id)
            return self._view(s, row)

    def verify(self) -> tuple[int, tuple[str, ...]]:
        """Check every delegation's consent signature: (valid count, problems)."""
        with self._db.read() as s:
            work = [
                (r.id, r.consented_by_id, consent_payload(r), r.consent_signature)
                for r in s.scalars(select(Delegation).order_by(Delegation.id))
            ]
        verify = self._keys.checker()
        bad = tuple(
            f"delegation {i}: consent signature does not match"
            for i, signer, payload, sig in work
            if not verify(signer, payload, sig)
        )
        return len(work) - len(bad), bad

    @staticmethod
    def _view(s: Session, row: Delegation) -> DelegationView:
        people = [row.leader_id, row.deputy_id, row.consented_by_id]
        # Not dict(result): a Result has keys() and would be read as a mapping.
        names = {
            i: n for i, n in s.execute(select(Staff.id, Staff.name).where(Staff.id.in_(people)))
        }
        return DelegationView(
            id=row.id,
            leader_id=row.leader_id,
            leader_name=names.get(row.leader_id, ""),
            deputy_id=row.deputy_id,
            deputy_name=names.get(row.deputy_id, ""),
            consented_by_id=row.consented_by_id,
            consented_by_name=names.get(row.consented_by_id, ""),
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            reason=row.reason,
            revoked_at=row.revoked_at,
        )
