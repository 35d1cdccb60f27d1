"""Account passwords: who holds them, storing and revealing them, rotation and paper copies.

The password of an account lives only in the OS keyring, encrypted so that only its holders
(知悉人) can open it (see ``security.personal_keys``). The database knows where the entry
is, who holds it and when it changed; the audit log records every reveal, copy and change.
"""

from __future__ import annotations

import secrets as pysecrets
import string
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from newmedia_desk import APP_NAME
from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import (
    NotFoundError,
    PermissionDeniedError,
    SignInFailedError,
    ValidationError,
)
from newmedia_desk.domain.forms import (
    HolderAuthorisationForm,
    HolderLine,
    Opinion,
    audit_line,
)
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.settings import HOLDER_LIMIT, REVEAL_REAUTH_MINUTES, ROTATION_DAYS
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.security.personal_keys import (
    PersonalKeyError,
    PersonalKeys,
    decrypt_secret,
    encrypt_secret,
    wrapped_for,
)
from newmedia_desk.security.secrets import SecretStore
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import check_version, require
from newmedia_desk.services.events import StaffEvent, StaffEvents
from newmedia_desk.services.keys import KeyService
from newmedia_desk.services.settings import OfficeSettingsService
from newmedia_desk.storage.credential_models import Credential, CredentialHolder
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Account, Staff

SERVICE = f"{APP_NAME}/credential"
"""Keyring service name; each entry's user name is a random lower-case hex id."""

MAX_SECRET_CHARS = 256

ROTATION_REASONS = {
    StaffEvent.LEFT: "holder_left",
    StaffEvent.MOVED: "holder_moved",
    StaffEvent.KEYS_REPLACED: "holder_keys_replaced",
}
AUTHORISATION_STEPS = ("科室负责人意见", "分管领导意见", "主要领导意见")
"""Opinion blocks of the 授权审批表, signed by hand on the printed form."""
HOLDER_SCOPE = "知悉账号密码，登录发布与日常维护"

HOLDER_REMOVED = "holder_removed"
NEW_HOLDER = "holder_added"


@dataclass(frozen=True, slots=True)
class HolderRecord:
    """One holder of an account's password."""

    staff_id: int
    login: str
    name: str
    unit_name: str
    active: bool
    can_open: bool
    """Whether the stored password is encrypted for this person's current keys."""


@dataclass(frozen=True, slots=True)
class CredentialStatus:
    """What may be shown about an account's password (never the password)."""

    account_id: int
    account_name: str
    has_secret: bool
    holders: tuple[HolderRecord, ...]
    holder_limit: int
    changed_at: datetime | None
    changed_by: str
    rotation_reason: str | None
    rotation_since: datetime | None
    rotation_overdue: bool
    sealed_copy_at: datetime | None
    sealed_copy_by: str
    sealed_copy_stale: bool
    store_problem: str | None
    version: int

    @property
    def needs_rotation(self) -> bool:
        """Whether a "须及时修改密码" task is open."""
        return self.rotation_reason is not None or self.rotation_overdue


@dataclass(frozen=True, slots=True)
class RotationTask:
    """An account whose password should be changed, or whose paper copy is stale."""

    account_id: int
    account_name: str
    reason: str
    since: datetime | None


def generate_password(length: int = 16, *, symbols: bool = True) -> str:
    """A random password without look-alike characters (Il1O0), with every class present."""
    if not 12 <= length <= 64:
        raise ValidationError("password length must be 12 to 64", field="length")
    lower = "".join(c for c in string.ascii_lowercase if c not in "il")
    upper = "".join(c for c in string.ascii_uppercase if c not in "IO")
    digits = "23456789"
    marks = "!#$%&*+-=?@_" if symbols else ""
    classes = [lower, upper, digits] + ([marks] if marks else [])
    alphabet = "".join(classes)
    while True:
        candidate = "".join(pysecrets.choice(alphabet) for _ in range(length))
        if all(any(c in group for c in candidate) for group in classes):
            return candidate


class CredentialService:
    """Holders, storing, revealing and rotating account passwords."""

    def __init__(
        self,
        db: Database,
        store: SecretStore,
        keys: KeyService,
        audit: AuditService,
        settings: OfficeSettingsService,
        clock: Clock,
        events: StaffEvents,
    ) -> None:
        self._db = db
        self._store = store
        self._keys = keys
        self._audit = audit
        self._settings = settings
        self._clock = clock
        self._unlocked: dict[int, tuple[PersonalKeys, datetime]] = {}
        events.subscribe(self._on_staff_event)

    # -- state ---------------------------------------------------------------------------

    def store_problem(self) -> str | None:
        """Why passwords cannot be kept on this computer, or ``None`` when they can."""
        return self._store.available()

    def status(self, actor: Principal, account_id: int) -> CredentialStatus:
        """What is known about an account's password."""
        require(actor, Permission.VIEW_DIRECTORY)
        with self._db.read() as s:
            account = self._account(s, account_id)
            cred = s.get(Credential, account_id)
            return self._status(s, account, cred)

    def _status(self, s: Session, account: Account, cred: Credential | None) -> CredentialStatus:
        now = self._clock.now()
        holders: list[HolderRecord] = []
        openable: set[int] = set()
        if cred is not None and cred.secret_ref is not None and self.store_problem() is None:
            blob = self._store.get(SERVICE, cred.secret_ref)
            if blob is not None:
                try:
                    openable = wrapped_for(blob)
                except PersonalKeyError:
                    openable = set()
        for holder in self._holder_rows(s, account.id):
            staff = s.get(Staff, holder.staff_id)
            assert staff is not None
            holders.append(
                HolderRecord(
                    staff_id=staff.id,
                    login=staff.login,
                    name=staff.name,
                    unit_name=staff.unit.name,
                    active=staff.left_at is None,
                    can_open=staff.id in openable,
                )
            )
        changed_at = cred.changed_at if cred else None
        rotation_days = self._settings.get(ROTATION_DAYS)
        sealed_at = cred.sealed_copy_at if cred else None
        return CredentialStatus(
            account_id=account.id,
            account_name=account.name,
            has_secret=bool(cred and cred.secret_ref),
            holders=tuple(holders),
            holder_limit=self._settings.get(HOLDER_LIMIT),
            changed_at=changed_at,
            changed_by=self._name(s, cred.changed_by if cred else None),
            rotation_reason=cred.rotation_reason if cred else None,
            rotation_since=cred.rotation_since if cred else None,
            rotation_overdue=changed_at is not None
            and now - changed_at > timedelta(days=rotation_days),
            sealed_copy_at=sealed_at,
            sealed_copy_by=self._name(s, cred.sealed_copy_by if cred else None),
            sealed_copy_stale=changed_at is not None
            and (sealed_at is None or sealed_at < changed_at),
            store_problem=self.store_problem(),
            version=cred.version if cred else 0,
        )

    @staticmethod
    def _name(s: Session, staff_id: int | None) -> str:
        staff = s.get(Staff, staff_id) if staff_id is not None else None
        return "" if staff is None else staff.name

    @staticmethod
    def _account(s: Session, account_id: int) -> Account:
        account = s.get(Account, account_id)
        if account is None:
            raise NotFoundError("account not found")
        return account

    @staticmethod
    def _holder_rows(s: Session, account_id: int) -> list[CredentialHolder]:
        stmt = select(CredentialHolder).where(CredentialHolder.account_id == account_id)
        return list(s.scalars(stmt.order_by(CredentialHolder.granted_at)))

    def _credential(self, s: Session, account_id: int) -> Credential:
        cred = s.get(Credential, account_id)
        if cred is None:
            cred = Credential(account_id=account_id)
            s.add(cred)
            s.flush()
        return cred

    # -- holders -------------------------------------------------------------------------

    def set_holders(
        self, actor: Principal, account_id: int, staff_ids: list[int], expected_version: int
    ) -> CredentialStatus:
        """Name the people who may know the password (1 to the office's limit).

        Removing somebody opens a rotation task: they knew the password. Somebody added can
        open it once a current holder shares it again or the password is changed.
        """
        require(actor, Permission.MANAGE_CREDENTIALS)
        wanted = list(dict.fromkeys(staff_ids))
        limit = self._settings.get(HOLDER_LIMIT)
        if not 1 <= len(wanted) <= limit:
            raise ValidationError(
                f"an account password is known to 1 to {limit} people",
                field="holders",
                limit=limit,
            )
        with self._db.write() as s:
            account = self._account(s, account_id)
            for staff_id in wanted:
                staff = s.get(Staff, staff_id)
                if staff is None or staff.left_at is not None:
                    raise ValidationError(
                        "only people still working here can hold a password", field="holders"
                    )
            existing = s.get(Credential, account_id)
            check_version("credential", existing.version if existing else 0, expected_version)
            cred = self._credential(s, account_id)
            current = {h.staff_id: h for h in self._holder_rows(s, account_id)}
            removed = set(current) - set(wanted)
            added = [i for i in wanted if i not in current]
            for staff_id in removed:
                s.delete(current[staff_id])
            now = self._clock.now()
            for staff_id in added:
                s.add(
                    CredentialHolder(
                        account_id=account_id,
                        staff_id=staff_id,
                        granted_at=now,
                        granted_by=actor.staff_id,
                    )
                )
            if removed and cred.secret_ref is not None:
                self._open_rotation(cred, HOLDER_REMOVED)
            elif added and cred.secret_ref is not None and cred.rotation_reason is None:
                # Not a password change: a current holder must share it with the newcomer.
                self._open_rotation(cred, NEW_HOLDER)
            # Holder rows live in another table; still bump the credential's version.
            cred.rotation_reason = cred.rotation_reason  # loads it, so it can be flagged
            flag_modified(cred, "rotation_reason")
            s.flush()
            self._audit.append(
                s,
                actor,
                "credential_holders_set",
                "account",
                account.id,
                before={"holders": sorted(current)},
                after={"holders": sorted(wanted)},
            )
            return self._status(s, account, cred)

    def _open_rotation(self, cred: Credential, reason: str) -> None:
        if cred.rotation_reason is None:
            cred.rotation_since = self._clock.now()
        cred.rotation_reason = reason

    def _on_staff_event(self, s: Session, staff_id: int, event: StaffEvent) -> None:
        stmt = select(CredentialHolder).where(CredentialHolder.staff_id == staff_id)
        for holder in s.scalars(stmt):
            cred = s.get(Credential, holder.account_id)
            if cred is not None and cred.secret_ref is not None:
                self._open_rotation(cred, ROTATION_REASONS[event])
                self._audit.append(
                    s,
                    None,
                    "credential_rotation_due",
                    "account",
                    holder.account_id,
                    after={"reason": ROTATION_REASONS[event], "staff_id": staff_id},
                )
        if event is not StaffEvent.MOVED:
            self._unlocked.pop(staff_id, None)

    # -- keys of the person at the keyboard ----------------------------------------------

    def _keys_of(self, actor: Principal, password: str | None) -> PersonalKeys:
        """The actor's keys: from their password, or from the last few minutes' unlock."""
        now = self._clock.now()
        if password is None:
            cached = self._unlocked.get(actor.staff_id)
            if cached is not None and cached[1] > now:
                return cached[0]
            raise SignInFailedError("enter your password again to see the account password")
        try:
            keys = self._keys.unlock(actor.staff_id, password)
        except PersonalKeyError as exc:
            raise SignInFailedError("the password is wrong") from exc
        window = timedelta(minutes=self._settings.get(REVEAL_REAUTH_MINUTES))
        if window:
            self._unlocked[actor.staff_id] = (keys, now + window)
        return keys

    def reauth_needed(self, actor: Principal) -> bool:
        """Whether the next reveal must ask for the actor's password."""
        cached = self._unlocked.get(actor.staff_id)
        return cached is None or cached[1] <= self._clock.now()

    def forget(self, staff_id: int | None = None) -> None:
        """Drop unlocked keys (on lock, switch user and quit)."""
        if staff_id is None:
            self._unlocked.clear()
        else:
            self._unlocked.pop(staff_id, None)

    def _require_holder(self, s: Session, actor: Principal, account_id: int, action: str) -> None:
        holders = {h.staff_id for h in self._holder_rows(s, account_id)}
        if actor.staff_id not in holders:
            raise PermissionDeniedError(
                f"{actor.login} does not hold this account's password", action=action
            )

    def _refuse(self, actor: Principal, account_id: int, action: str) -> None:
        with self._db.write() as s:
            self._audit.append(
                s, actor, "credential_refused", "account", account_id, after={"action": action}
            )

    # -- reveal and copy -----------------------------------------------------------------

    def reveal(
        self, actor: Principal, account_id: int, password: str | None, *, purpose: str = "reveal"
    ) -> str:
        """Return the password to a holder (``purpose`` "reveal" or "copy" is audited)."""
        if purpose not in ("reveal", "copy"):
            raise ValidationError("unknown purpose", field="purpose")
        self._require_store()
        with self._db.read() as s:
            self._account(s, account_id)
            try:
                self._require_holder(s, actor, account_id, purpose)
            except PermissionDeniedError:
                refused = True
            else:
                refused = False
            cred = s.get(Credential, account_id)
            ref = cred.secret_ref if cred else None
        if refused:
            self._refuse(actor, account_id, purpose)
            raise PermissionDeniedError(
                f"{actor.login} does not hold this account's password", action=purpose
            )
        if ref is None:
            raise NotFoundError("no password has been stored for this account yet")
        keys = self._keys_of(actor, password)
        blob = self._store.get(SERVICE, ref)
        if blob is None:
            raise NotFoundError("the system keyring no longer has this account's password")
        secret = decrypt_secret(blob, actor.staff_id, keys)
        with self._db.write() as s:
            self._audit.append(s, actor, f"credential_{purpose}", "account", account_id)
        return secret

    # -- storing and rotating ------------------------------------------------------------

    def _require_store(self) -> None:
        problem = self.store_problem()
        if problem is not None:
            from newmedia_desk.security.secrets import SecretStoreError

            raise SecretStoreError(problem)

    def set_password(
        self, actor: Principal, account_id: int, new_secret: str, password: str
    ) -> CredentialStatus:
        """Store a new password for the account (a holder does it; crash-safe).

        The new value is written under a new keyring entry and read back, then the
        database switches to it in one transaction, then the old entry is deleted. If the
        program stops half-way, ``recover`` finishes or undoes the step.
        """
        if not new_secret or new_secret != new_secret.strip():
            raise ValidationError(
                "the password is empty or starts or ends with a space", field="secret"
            )
        if len(new_secret) > MAX_SECRET_CHARS:
            raise ValidationError(
                "the password is too long", field="secret", limit=MAX_SECRET_CHARS
            )
        self._require_store()
        with self._db.read() as s:
            self._account(s, account_id)
            holders = {h.staff_id for h in self._holder_rows(s, account_id)}
            public = self._keys.public_box_keys(s, holders)
        if actor.staff_id not in holders:
            self._refuse(actor, account_id, "change")
            raise PermissionDeniedError(
                f"{actor.login} does not hold this account's password", action="change"
            )
        self._keys_of(actor, password)  # proves the actor is at the keyboard
        missing = holders - set(public)
        if missing:
            raise ValidationError(
                "some holders have never signed in, so they have no keys yet",
                field="holders",
                count=len(missing),
            )
        blob = encrypt_secret(new_secret, public)
        return self._store_secret(actor, account_id, blob, "changed", sorted(public))

    def share(self, actor: Principal, account_id: int, password: str | None) -> CredentialStatus:
        """Re-encrypt the current password for exactly the current holders.

        Used after holders were added or removed, so that new holders can open it and
        removed ones no longer can, without changing the password itself.
        """
        self._require_store()
        with self._db.read() as s:
            self._account(s, account_id)
            self._require_holder(s, actor, account_id, "share")
            holders = {h.staff_id for h in self._holder_rows(s, account_id)}
            public = self._keys.public_box_keys(s, holders)
            cred = s.get(Credential, account_id)
            ref = cred.secret_ref if cred else None
        if ref is None:
            raise NotFoundError("no password has been stored for this account yet")
        keys = self._keys_of(actor, password)
        blob = self._store.get(SERVICE, ref)
        if blob is None:
            raise NotFoundError("the system keyring no longer has this account's password")
        secret = decrypt_secret(blob, actor.staff_id, keys)
        blob = encrypt_secret(secret, public)
        return self._store_secret(actor, account_id, blob, "shared", sorted(public))

    def _store_secret(
        self, actor: Principal, account_id: int, blob: str, how: str, holders: list[int]
    ) -> CredentialStatus:
        new_ref = uuid.uuid4().hex
        with self._db.write() as s:
            cred = self._credential(s, account_id)
            cred.pending_ref = new_ref
        try:
            self._store.set(SERVICE, new_ref, blob)
        except Exception:
            with self._db.write() as s:
                cred = self._credential(s, account_id)
                cred.pending_ref = None
            self._store_delete_quietly(new_ref)
            raise
        with self._db.write() as s:
            account = self._account(s, account_id)
            cred = self._credential(s, account_id)
            old = cred.secret_ref
            cred.previous_ref = old
            cred.secret_ref = new_ref
            cred.pending_ref = None
            if how == "changed":
                cred.changed_at = self._clock.now()
                cred.changed_by = actor.staff_id
                cred.rotation_reason = None
                cred.rotation_since = None
            elif cred.rotation_reason == NEW_HOLDER:
                cred.rotation_reason = None
                cred.rotation_since = None
            self._audit.append(
                s, actor, f"credential_{how}", "account", account_id, after={"holders": holders}
            )
        self.recover()
        with self._db.read() as s:
            account = self._account(s, account_id)
            return self._status(s, account, s.get(Credential, account_id))

    def _store_delete_quietly(self, ref: str) -> None:
        try:
            self._store.delete(SERVICE, ref)
        except Exception:  # recovery retries; the entry holds only ciphertext
            return

    def recover(self) -> int:
        """Finish or undo rotations a stop interrupted; return how many were repaired."""
        if self.store_problem() is not None:
            return 0
        repaired = 0
        with self._db.read() as s:
            stmt = select(Credential).where(
                (Credential.pending_ref.is_not(None)) | (Credential.previous_ref.is_not(None))
            )
            todo = [(c.account_id, c.pending_ref, c.previous_ref) for c in s.scalars(stmt)]
        for account_id, pending, previous in todo:
            for ref in (pending, previous):
                if ref is not None:
                    self._store.delete(SERVICE, ref)
            with self._db.write() as s:
                cred = s.get(Credential, account_id)
                if cred is not None:
                    if cred.pending_ref == pending:
                        cred.pending_ref = None
                    if cred.previous_ref == previous:
                        cred.previous_ref = None
            repaired += 1
        return repaired

    # -- paper copy and tasks ------------------------------------------------------------

    def record_sealed_copy(self, actor: Principal, account_id: int) -> CredentialStatus:
        """Record that the password was sealed on paper (密封存档) now, by ``actor``."""
        require(actor, Permission.MANAGE_CREDENTIALS)
        with self._db.write() as s:
            account = self._account(s, account_id)
            cred = self._credential(s, account_id)
            cred.sealed_copy_at = self._clock.now()
            cred.sealed_copy_by = actor.staff_id
            self._audit.append(s, actor, "credential_sealed_copy", "account", account_id)
            s.flush()
            return self._status(s, account, cred)

    def tasks(self) -> list[RotationTask]:
        """Accounts whose password must change, or whose sealed paper copy is stale."""
        now = self._clock.now()
        days = timedelta(days=self._settings.get(ROTATION_DAYS))
        result: list[RotationTask] = []
        with self._db.read() as s:
            for cred in s.scalars(select(Credential).order_by(Credential.account_id)):
                account = s.get(Account, cred.account_id)
                if account is None or cred.secret_ref is None:
                    continue
                if cred.rotation_reason is not None:
                    result.append(
                        RotationTask(
                            account.id, account.name, cred.rotation_reason, cred.rotation_since
                        )
                    )
                elif cred.changed_at is not None and now - cred.changed_at > days:
                    result.append(
                        RotationTask(account.id, account.name, "overdue", cred.changed_at + days)
                    )
                if cred.changed_at is not None and (
                    cred.sealed_copy_at is None or cred.sealed_copy_at < cred.changed_at
                ):
                    result.append(
                        RotationTask(account.id, account.name, "sealed_copy_stale", cred.changed_at)
                    )
        return result

    def holder_names(self, actor: Principal) -> dict[int, tuple[str, ...]]:
        """The holders' names of every account with holders, by account id (one query)."""
        require(actor, Permission.VIEW_DIRECTORY)
        with self._db.read() as s:
            stmt = (
                select(CredentialHolder.account_id, Staff.name)
                .join(Staff, Staff.id == CredentialHolder.staff_id)
                .order_by(CredentialHolder.account_id, CredentialHolder.granted_at)
            )
            names: dict[int, list[str]] = {}
            for account_id, name in s.execute(stmt):
                names.setdefault(account_id, []).append(name)
        return {k: tuple(v) for k, v in names.items()}

    def held_by(self, staff_id: int) -> list[int]:
        """Account ids whose password ``staff_id`` holds (for the handover screen)."""
        with self._db.read() as s:
            stmt = select(CredentialHolder.account_id).where(CredentialHolder.staff_id == staff_id)
            return list(s.scalars(stmt))

    # -- the 授权审批表 -------------------------------------------------------------------

    def authorisation_form(
        self, actor: Principal, account_id: int, *, reason: str = ""
    ) -> HolderAuthorisationForm:
        """The 授权审批表 of an account: who may know its password, for signing on paper."""
        require(actor, Permission.VIEW_DIRECTORY)
        with self._db.read() as s:
            account = self._account(s, account_id)
            lines = []
            for holder in self._holder_rows(s, account_id):
                staff = s.get(Staff, holder.staff_id)
                assert staff is not None
                lines.append(
                    HolderLine(
                        name=staff.name,
                        position=staff.position,
                        unit=staff.unit.name,
                        phone=staff.phone,
                        granted_on=office_date(holder.granted_at),
                        scope=HOLDER_SCOPE,
                    )
                )
            form = HolderAuthorisationForm(
                unit=account.unit.name,
                account_platform=account.platform.name,
                account_name=account.name,
                account_id=account.handle,
                holders=tuple(lines),
                reason=reason,
                opinions=tuple(
                    Opinion(label=label, signer="", decision="", opinion="", signed_on=None)
                    for label in AUTHORISATION_STEPS
                ),
                audit_head="",
                printed_at=self._clock.now(),
            )
        return replace(form, audit_head=audit_line(self._audit.head()))
