"""Sign-in, passwords and the failed-sign-in throttle."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import NotFoundError, SignInFailedError, SignInThrottledError
from newmedia_desk.domain.passwords import throttle_delay, validate_new_password
from newmedia_desk.domain.roles import Permission, Role
from newmedia_desk.domain.staff import Principal, normalise_login
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import check_version, require
from newmedia_desk.services.events import StaffEvent, StaffEvents
from newmedia_desk.services.keys import KeyService
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Staff
from newmedia_desk.storage.repositories import StaffRepository, ThrottleRepository, UnitRepository

FAILED_MESSAGE = "unknown user or wrong password"


class AuthService:
    """Who is who: checking passwords and keeping failed attempts in the database."""

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

    def sign_in(self, login: str, password: str) -> Principal:
        """Check a login and password; return the signed-in person.

        Unknown logins and wrong passwords get the same error and take the same time.
        After five failures each further try waits longer; the count lives in the database.
        """
        name = normalise_login(login)[:64]
        now = self._clock.now()
        with self._db.read() as s:
            throttle = ThrottleRepository(s).get(name)
            wait = (
                _remaining_wait(throttle.failures, throttle.last_failure_at, now) if throttle else 0
            )
            staff = StaffRepository(s).by_login(name)
            stored = staff.password_hash if staff is not None and staff.left_at is None else None
            staff_id = staff.id if staff is not None else None
        if wait > 0:
            with self._db.write() as s:
                self._audit.append(
                    s, None, "sign_in_throttled", "login", name, after={"retry_after": wait}
                )
            raise SignInThrottledError("too many failed sign-ins", retry_after=wait)
        if stored is None:
            self._hashing.burn(password)
            ok = False
        else:
            ok = self._hashing.verify(stored, password)
        if not ok:
            with self._db.write() as s:
                failures = ThrottleRepository(s).record_failure(name, now)
                self._audit.append(
                    s, None, "sign_in_failed", "login", name, after={"failures": failures}
                )
            raise SignInFailedError(FAILED_MESSAGE)
        with self._db.write() as s:
            ThrottleRepository(s).clear(name)
            row = StaffRepository(s).get(staff_id) if staff_id is not None else None
            if row is None or row.left_at is not None:  # left between the two transactions
                raise SignInFailedError(FAILED_MESSAGE)
            if stored is not None and self._hashing.needs_rehash(stored):
                row.password_hash = self._hashing.hash(password)
            # People created before personal keys existed get theirs at their next sign-in.
            if self._keys is not None:
                self._keys.ensure(s, row.id, password)
            principal = self._principal(s, row)
            self._audit.append(s, principal, "sign_in", "staff", row.id)
        return principal

    def must_change_password(self, principal: Principal) -> bool:
        """Whether the person was given a temporary password to replace."""
        with self._db.read() as s:
            row = StaffRepository(s).get(principal.staff_id)
            return bool(row and row.must_change_password)

    def change_own_password(self, actor: Principal, old: str, new: str) -> None:
        """Replace one's own password, proving the old one first."""
        validate_new_password(new)
        with self._db.read() as s:
            row = StaffRepository(s).get(actor.staff_id)
            stored = row.password_hash if row else None
        if stored is None or not self._hashing.verify(stored, old):
            raise SignInFailedError("the current password is wrong")
        new_hash = self._hashing.hash(new)
        with self._db.write() as s:
            row = StaffRepository(s).get(actor.staff_id)
            if row is None:
                raise NotFoundError("staff member not found")
            row.password_hash = new_hash
            row.must_change_password = False
            if self._keys is not None:
                self._keys.reseal(s, row.id, old, new)
            self._audit.append(s, actor, "password_changed", "staff", row.id)

    def reset_password(
        self, actor: Principal, staff_id: int, new: str, expected_version: int
    ) -> None:
        """Give someone a temporary password (they must change it at next sign-in)."""
        require(actor, Permission.RESET_PASSWORD)
        validate_new_password(new)
        new_hash = self._hashing.hash(new)
        with self._db.write() as s:
            row = StaffRepository(s).get(staff_id)
            if row is None:
                raise NotFoundError("staff member not found")
            check_version("staff member", row.version, expected_version)
            row.password_hash = new_hash
            row.must_change_password = True
            ThrottleRepository(s).clear(row.login)
            # The old personal keys were sealed by the forgotten password: they are lost.
            if self._keys is not None:
                self._keys.create(s, row.id, new)
            self._events.announce(s, row.id, StaffEvent.KEYS_REPLACED)
            self._audit.append(s, actor, "password_reset", "staff", row.id)

    def unlock(self, actor: Principal, login: str) -> bool:
        """Clear the failed sign-ins of ``login``; return whether any were counted."""
        require(actor, Permission.UNLOCK_SIGN_IN)
        name = normalise_login(login)
        with self._db.write() as s:
            cleared = ThrottleRepository(s).clear(name)
            if cleared:
                self._audit.append(s, actor, "sign_in_unlocked", "login", name)
        return cleared

    def locked_logins(self) -> dict[str, datetime]:
        """Logins currently made to wait, with the time the wait ends."""
        now = self._clock.now()
        result: dict[str, datetime] = {}
        with self._db.read() as s:
            for name, row in ThrottleRepository(s).all().items():
                if row.last_failure_at is not None:
                    until = row.last_failure_at + throttle_delay(row.failures)
                    if until > now:
                        result[name] = until
        return result

    def refresh(self, principal: Principal) -> Principal:
        """Re-read a signed-in person (roles or unit may have changed); raise if they left."""
        with self._db.read() as s:
            row = StaffRepository(s).get(principal.staff_id)
            if row is None or row.left_at is not None:
                raise SignInFailedError("this person can no longer sign in")
            return self._principal(s, row)

    @staticmethod
    def _principal(session: Session, row: Staff) -> Principal:
        return Principal(
            staff_id=row.id,
            login=row.login,
            name=row.name,
            unit_id=row.unit_id,
            roles=frozenset(Role(r.role) for r in row.roles),
            unit_scope=UnitRepository(session).subtree(row.unit_id),
        )


def _remaining_wait(failures: int, last: datetime | None, now: datetime) -> int:
    if last is None:
        return 0
    until = last + throttle_delay(failures)
    seconds = (until - now).total_seconds()
    return max(0, int(seconds + 0.999))
