"""Argon2id hashing of local sign-in passwords."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


@dataclass(frozen=True, slots=True)
class HashParameters:
    """Argon2id cost parameters."""

    time_cost: int
    memory_kib: int
    parallelism: int


OWASP_MINIMUM = HashParameters(time_cost=2, memory_kib=19 * 1024, parallelism=1)
"""OWASP Password Storage Cheat Sheet: Argon2id m=19 MiB, t=2, p=1 at least."""

DEFAULT_PARAMETERS = HashParameters(time_cost=3, memory_kib=64 * 1024, parallelism=4)
"""RFC 9106 low-memory profile (argon2-cffi's default), above the OWASP minimum."""


class PasswordHashing:
    """Hash and verify passwords; tell when a stored hash should be upgraded."""

    def __init__(self, params: HashParameters = DEFAULT_PARAMETERS) -> None:
        self.params = params
        self._hasher = PasswordHasher(
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            type=Type.ID,
        )
        self._dummy: str | None = None

    def hash(self, password: str) -> str:
        """Return an encoded ``$argon2id$…`` hash."""
        return self._hasher.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        """Whether ``password`` matches ``stored``; a malformed hash never matches."""
        try:
            return self._hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        """Whether ``stored`` was made with weaker parameters than the current ones."""
        try:
            return self._hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True

    def burn(self, password: str) -> None:
        """Spend the time of one verification, so an unknown login is not faster."""
        if self._dummy is None:
            self._dummy = self.hash("unknown-user-placeholder")
        self.verify(self._dummy, password)
