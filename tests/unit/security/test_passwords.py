"""Argon2id hashing of sign-in passwords."""

from __future__ import annotations

import pytest

from newmedia_desk.security.passwords import (
    DEFAULT_PARAMETERS,
    OWASP_MINIMUM,
    HashParameters,
    PasswordHashing,
)


def test_defaults_are_at_least_the_owasp_minimum() -> None:
    assert HashParameters(time_cost=2, memory_kib=19456, parallelism=1) == OWASP_MINIMUM
    assert DEFAULT_PARAMETERS.memory_kib >= OWASP_MINIMUM.memory_kib
    assert DEFAULT_PARAMETERS.time_cost >= OWASP_MINIMUM.time_cost
    assert DEFAULT_PARAMETERS.parallelism >= OWASP_MINIMUM.parallelism


def test_default_hash_is_argon2id_with_the_default_parameters() -> None:
    """One real-cost hash (about 0.2 s): the parameters reach the encoded string."""
    hashing = PasswordHashing()
    stored = hashing.hash("新媒体 password")
    assert stored.startswith("$argon2id$")
    p = DEFAULT_PARAMETERS
    assert f"$m={p.memory_kib},t={p.time_cost},p={p.parallelism}$" in stored
    assert not hashing.needs_rehash(stored)


def test_verify(fast_hashing: PasswordHashing) -> None:
    stored = fast_hashing.hash("correct horse")
    assert stored.startswith("$argon2id$")
    assert fast_hashing.verify(stored, "correct horse")
    assert not fast_hashing.verify(stored, "correct horse ")
    assert not fast_hashing.verify(stored, "")
    assert fast_hashing.hash("correct horse") != stored  # salted


@pytest.mark.parametrize("stored", ["", "plaintext", "$argon2id$garbage", "$2b$12$abc"])
def test_malformed_hash_never_matches_and_needs_rehash(
    fast_hashing: PasswordHashing, stored: str
) -> None:
    assert not fast_hashing.verify(stored, "plaintext")
    assert fast_hashing.needs_rehash(stored)


def test_weaker_hash_needs_rehash_under_stronger_parameters(fast_hashing: PasswordHashing) -> None:
    weak = fast_hashing.hash("pw-123456")
    stronger = PasswordHashing(HashParameters(time_cost=2, memory_kib=2048, parallelism=1))
    assert stronger.needs_rehash(weak)
    assert stronger.verify(weak, "pw-123456")  # still verifies: parameters are in the hash
    assert not stronger.needs_rehash(stronger.hash("pw-123456"))


def test_burn_takes_a_verification_and_matches_nothing(fast_hashing: PasswordHashing) -> None:
    fast_hashing.burn("anything")
    fast_hashing.burn("unknown-user-placeholder")  # even the placeholder itself is harmless
