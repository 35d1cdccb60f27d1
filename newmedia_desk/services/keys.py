"""Personal keys: created with a person's password, opened only with it.

See ``security.personal_keys`` for the cryptography. This service keeps the sealed keys in
the database and opens them for signing approvals and decrypting credentials.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import NotFoundError
from newmedia_desk.security.passwords import HashParameters
from newmedia_desk.security.personal_keys import (
    PersonalKeys,
    SealedKeys,
    verify_signature,
)
from newmedia_desk.storage.database import Database

if TYPE_CHECKING:
    from newmedia_desk.storage.credential_models import StaffKey


def _sealed(row: StaffKey) -> SealedKeys:
    return SealedKeys(row.public_box, row.public_sign, row.salt, row.sealed, row.kdf)


class KeyService:
    """Create, reseal and open the personal keys of staff members."""

    def __init__(self, db: Database, params: HashParameters, clock: Clock) -> None:
        self._db = db
        self._params = params
        self._clock = clock

    def create(self, s: Session, staff_id: int, password: str) -> SealedKeys:
        """Give a person new keys sealed by ``password`` (replacing any old ones)."""
        from newmedia_desk.storage.credential_models import StaffKey, StaffKeyHistory

        sealed = PersonalKeys.generate().seal(staff_id, password, self._params)
        row = s.get(StaffKey, staff_id)
        if row is None:
            row = StaffKey(staff_id=staff_id, created_at=self._clock.now())
            s.add(row)
        else:
            s.add(
                StaffKeyHistory(
                    staff_id=staff_id,
                    public_box=row.public_box,
                    public_sign=row.public_sign,
                    created_at=row.created_at,
                    replaced_at=self._clock.now(),
                )
            )
        row.public_box, row.public_sign = sealed.public_box, sealed.public_sign
        row.salt, row.sealed, row.kdf = sealed.salt, sealed.sealed, sealed.kdf
        row.created_at = self._clock.now()
        s.flush()
        return sealed

    def ensure(self, s: Session, staff_id: int, password: str) -> bool:
        """Create keys for a person who has none yet; return whether it did."""
        from newmedia_desk.storage.credential_models import StaffKey

        if s.get(StaffKey, staff_id) is not None:
            return False
        self.create(s, staff_id, password)
        return True

    def reseal(self, s: Session, staff_id: int, old: str, new: str) -> None:
        """Seal the same keys under a new password (the person changed it)."""
        from newmedia_desk.storage.credential_models import StaffKey

        row = s.get(StaffKey, staff_id)
        if row is None:
            self.create(s, staff_id, new)
            return
        keys = PersonalKeys.unseal(_sealed(row), staff_id, old)
        sealed = keys.seal(staff_id, new, self._params)
        row.salt, row.sealed, row.kdf = sealed.salt, sealed.sealed, sealed.kdf

    def unlock(self, staff_id: int, password: str) -> PersonalKeys:
        """Open a person's keys with their password."""
        from newmedia_desk.storage.credential_models import StaffKey

        with self._db.read() as s:
            row = s.get(StaffKey, staff_id)
            if row is None:
                raise NotFoundError("this person has no personal keys yet; sign in once first")
            sealed = _sealed(row)
        return PersonalKeys.unseal(sealed, staff_id, password)

    def public_box_keys(self, s: Session, staff_ids: set[int]) -> dict[int, str]:
        """The encryption public keys of the given people (those who have keys)."""
        from newmedia_desk.storage.credential_models import StaffKey

        result: dict[int, str] = {}
        for staff_id in staff_ids:
            row = s.get(StaffKey, staff_id)
            if row is not None:
                result[staff_id] = row.public_box
        return result

    def sign(self, staff_id: int, password: str, payload: bytes) -> str:
        """Sign ``payload`` as ``staff_id`` (needs that person's password)."""
        return self.unlock(staff_id, password).sign_payload(payload)

    def checker(self) -> Callable[[int, bytes, str], bool]:
        """``verify`` for many signatures: every public key is read once, up front.

        ``verify`` opens a session per signature, which made ``newmedia-desk verify`` of
        an office with 100 000 posts spend most of its time on queries.
        """
        from newmedia_desk.storage.credential_models import StaffKey, StaffKeyHistory

        keys: dict[int, list[str]] = {}
        with self._db.read() as s:
            for staff_id, public in s.execute(select(StaffKey.staff_id, StaffKey.public_sign)):
                keys.setdefault(staff_id, []).insert(0, public)
            for staff_id, public in s.execute(
                select(StaffKeyHistory.staff_id, StaffKeyHistory.public_sign)
            ):
                keys.setdefault(staff_id, []).append(public)

        def check(staff_id: int, payload: bytes, signature: str) -> bool:
            return any(
                verify_signature(public, payload, signature) for public in keys.get(staff_id, ())
            )

        return check

    def verify(self, staff_id: int, payload: bytes, signature: str) -> bool:
        """Check a signature against the person's signing keys, current or earlier."""
        from newmedia_desk.storage.credential_models import StaffKey, StaffKeyHistory

        with self._db.read() as s:
            row = s.get(StaffKey, staff_id)
            keys = [] if row is None else [row.public_sign]
            keys += s.scalars(
                select(StaffKeyHistory.public_sign).where(StaffKeyHistory.staff_id == staff_id)
            ).all()
        return any(verify_signature(public, payload, signature) for public in keys)
