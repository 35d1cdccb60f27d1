"""Repositories: queries over one session, returning domain records. They never commit."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newmedia_desk.domain.accounts import (
    AccountEventRecord,
    AccountRecord,
    AccountStatus,
    ApprovalStepRecord,
    Decision,
    EventKind,
    PlatformRecord,
    RogueActionKind,
    RogueActionRecord,
    RogueRecord,
    RogueStatus,
    Verification,
)
from newmedia_desk.domain.audit import AuditEntry
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import StaffRecord, UnitRecord
from newmedia_desk.storage.models import (
    Account,
    AccountApprovalStep,
    AccountEvent,
    AccountFiling,
    AuditRow,
    MetaRow,
    OfficeSetting,
    Platform,
    RogueAccount,
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


# -- accounts ----------------------------------------------------------------------------


def platform_record(row: Platform) -> PlatformRecord:
    """Map a platform row to its record."""
    return PlatformRecord(
        id=row.id, name=row.name, active=row.active, sort_order=row.sort_order, version=row.version
    )


def account_record(row: Account, parent_name: str = "") -> AccountRecord:
    """Map an account row to its record (``parent_name``: the parent account's name)."""
    return AccountRecord(
        id=row.id,
        platform_id=row.platform_id,
        platform_name=row.platform.name,
        name=row.name,
        handle=row.handle,
        url=row.url,
        unit_id=row.unit_id,
        unit_name=row.unit.name,
        administrator_id=row.administrator_id,
        administrator_name=row.administrator.name,
        responsible_id=row.responsible_id,
        responsible_name=row.responsible.name,
        purpose=row.purpose,
        scope=row.scope,
        other_media=row.other_media,
        bio=row.bio,
        verification=Verification(row.verification),
        email=row.email,
        phone=row.phone,
        parent_id=row.parent_id,
        parent_name=parent_name,
        status=AccountStatus(row.status),
        cadence_text=row.cadence_text,
        reserved_word_note=row.reserved_word_note,
        second_account_reason=row.second_account_reason,
        applicant_id=row.applicant_id,
        approval_round=row.approval_round,
        opened_on=row.opened_on,
        closure_notice_on=row.closure_notice_on,
        closed_on=row.closed_on,
        created_at=row.created_at,
        version=row.version,
    )


def event_record(row: AccountEvent) -> AccountEventRecord:
    """Map a history row to its record (unreadable details become an empty mapping)."""
    try:
        details = json.loads(row.details) if row.details else {}
    except ValueError:
        details = {}
    return AccountEventRecord(
        id=row.id,
        account_id=row.account_id,
        kind=EventKind(row.kind),
        at=row.at,
        actor_id=row.actor_id,
        actor=row.actor,
        reason=row.reason,
        details=details if isinstance(details, dict) else {},
    )


def step_record(row: AccountApprovalStep) -> ApprovalStepRecord:
    """Map an approval step row to its record."""
    return ApprovalStepRecord(
        id=row.id,
        round=row.round,
        position=row.position,
        key=row.key,
        title=row.title,
        role=Role(row.role),
        own_unit=row.own_unit,
        signer_id=row.signer_id,
        signer_name=row.signer_name,
        decision=None if row.decision is None else Decision(row.decision),
        opinion=row.opinion,
        signed_at=row.signed_at,
        content_sha256=row.content_sha256,
        signature=row.signature,
    )


def rogue_record(row: RogueAccount) -> RogueRecord:
    """Map a rogue-account row, with its actions, to its record."""
    return RogueRecord(
        id=row.id,
        platform_id=row.platform_id,
        platform_name=row.platform.name,
        name=row.name,
        url=row.url,
        where_found=row.where_found,
        found_at=row.found_at,
        found_by_id=row.found_by_id,
        found_by=row.found_by.name if row.found_by is not None else "",
        notes=row.notes,
        status=RogueStatus(row.status),
        actions=tuple(
            RogueActionRecord(
                id=a.id,
                kind=RogueActionKind(a.kind),
                taken_on=a.taken_on,
                note=a.note,
                actor=a.actor,
                recorded_at=a.recorded_at,
            )
            for a in row.actions
        ),
        version=row.version,
    )


class PlatformRepository:
    """Platforms."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def all(self) -> list[Platform]:
        """Every platform, in display order."""
        return list(self.s.scalars(select(Platform).order_by(Platform.sort_order, Platform.id)))

    def get(self, platform_id: int) -> Platform | None:
        """One platform."""
        return self.s.get(Platform, platform_id)

    def by_name(self, name: str) -> Platform | None:
        """The platform called ``name``."""
        return self.s.scalar(select(Platform).where(Platform.name == name))


class AccountRepository:
    """Accounts, their history, filings and approval steps."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def all(self) -> list[Account]:
        """Every account, closed ones included, oldest first."""
        return list(self.s.scalars(select(Account).order_by(Account.id)))

    def get(self, account_id: int) -> Account | None:
        """One account."""
        return self.s.get(Account, account_id)

    def count(self) -> int:
        """How many accounts exist."""
        return int(self.s.scalar(select(func.count()).select_from(Account)) or 0)

    def names(self) -> dict[int, str]:
        """Every account's name, by id (for parent names)."""
        return {i: n for i, n in self.s.execute(select(Account.id, Account.name))}

    def parent_map(self) -> dict[int, int | None]:
        """Every account's parent id, by id."""
        return {i: p for i, p in self.s.execute(select(Account.id, Account.parent_id))}

    def events(self, account_id: int) -> list[AccountEvent]:
        """One account's history, oldest first."""
        stmt = (
            select(AccountEvent)
            .where(AccountEvent.account_id == account_id)
            .order_by(AccountEvent.id)
        )
        return list(self.s.scalars(stmt))

    def get_event(self, event_id: int) -> AccountEvent | None:
        """One history row."""
        return self.s.get(AccountEvent, event_id)

    def events_of_kinds(self, kinds: Iterable[EventKind]) -> list[AccountEvent]:
        """Every history row of the given kinds, oldest first."""
        wanted = [k.value for k in kinds]
        stmt = select(AccountEvent).where(AccountEvent.kind.in_(wanted)).order_by(AccountEvent.id)
        return list(self.s.scalars(stmt))

    def filings(self) -> dict[int, AccountFiling]:
        """Every filing, by the id of the event it files."""
        return {row.event_id: row for row in self.s.scalars(select(AccountFiling))}

    def filing_of(self, event_id: int) -> AccountFiling | None:
        """The filing of one event, if made."""
        return self.s.scalar(select(AccountFiling).where(AccountFiling.event_id == event_id))

    def steps(self, account_id: int, round_no: int | None = None) -> list[AccountApprovalStep]:
        """Approval steps of one account (one round, or all), in round and step order."""
        stmt = select(AccountApprovalStep).where(AccountApprovalStep.account_id == account_id)
        if round_no is not None:
            stmt = stmt.where(AccountApprovalStep.round == round_no)
        stmt = stmt.order_by(AccountApprovalStep.round, AccountApprovalStep.position)
        return list(self.s.scalars(stmt))


class RogueRepository:
    """The rogue-account register."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def all(self) -> list[RogueAccount]:
        """Every entry, newest find first."""
        stmt = select(RogueAccount).order_by(RogueAccount.found_at.desc(), RogueAccount.id.desc())
        return list(self.s.scalars(stmt))

    def get(self, rogue_id: int) -> RogueAccount | None:
        """One entry."""
        return self.s.get(RogueAccount, rogue_id)
