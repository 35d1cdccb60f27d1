"""Personal keys and envelope encryption of account passwords."""

from __future__ import annotations

import json

import pytest

from newmedia_desk.security.passwords import HashParameters
from newmedia_desk.security.personal_keys import (
    WINDOWS_BLOB_LIMIT,
    PersonalKeyError,
    PersonalKeys,
    SecretTooLargeError,
    decrypt_secret,
    encrypt_secret,
    key_fingerprint,
    verify_signature,
    wrapped_for,
)

CHEAP = HashParameters(time_cost=1, memory_kib=1024, parallelism=1)


@pytest.fixture(scope="module")
def people() -> dict[int, tuple[PersonalKeys, str]]:
    """Three people with sealed keys (id → (keys, public box key))."""
    result = {}
    for staff_id in (1, 2, 3):
        keys = PersonalKeys.generate()
        result[staff_id] = (keys, keys.seal(staff_id, f"pw-{staff_id}", CHEAP).public_box)
    return result


def test_sealed_keys_open_only_with_the_password_and_the_right_person() -> None:
    keys = PersonalKeys.generate()
    sealed = keys.seal(7, "正确的密码", CHEAP)
    opened = PersonalKeys.unseal(sealed, 7, "正确的密码")
    assert opened.sign_payload(b"x") and verify_signature(
        sealed.public_sign, b"x", opened.sign_payload(b"x")
    )
    with pytest.raises(PersonalKeyError):
        PersonalKeys.unseal(sealed, 7, "错误的密码")
    with pytest.raises(PersonalKeyError):  # the seal is bound to the staff id
        PersonalKeys.unseal(sealed, 8, "正确的密码")
    assert sealed.params() == CHEAP
    assert "正确" not in sealed.sealed


def test_signatures_detect_changed_payload_and_other_signers(
    people: dict[int, tuple[PersonalKeys, str]],
) -> None:
    one = PersonalKeys.generate()
    sealed = one.seal(1, "p", CHEAP)
    other = PersonalKeys.generate().seal(2, "p", CHEAP)
    signature = one.sign_payload(b"approve revision 3")
    assert verify_signature(sealed.public_sign, b"approve revision 3", signature)
    assert not verify_signature(sealed.public_sign, b"approve revision 4", signature)
    assert not verify_signature(other.public_sign, b"approve revision 3", signature)
    assert not verify_signature(sealed.public_sign, b"approve revision 3", "bm90IGEgc2ln")


def test_each_holder_opens_the_secret_and_nobody_else(
    people: dict[int, tuple[PersonalKeys, str]],
) -> None:
    blob = encrypt_secret("Weibo#2026密码", {1: people[1][1], 2: people[2][1]})
    assert wrapped_for(blob) == {1, 2}
    assert decrypt_secret(blob, 1, people[1][0]) == "Weibo#2026密码"
    assert decrypt_secret(blob, 2, people[2][0]) == "Weibo#2026密码"
    with pytest.raises(PersonalKeyError):
        decrypt_secret(blob, 3, people[3][0])  # not a holder
    with pytest.raises(PersonalKeyError):
        decrypt_secret(blob, 2, people[1][0])  # holder 1's keys on holder 2's wrap
    assert "Weibo" not in blob


def test_tampered_blob_is_refused(people: dict[int, tuple[PersonalKeys, str]]) -> None:
    blob = json.loads(encrypt_secret("secret-1", {1: people[1][1]}))
    body = bytearray(blob["c"].encode())
    body[4] = ord("A") if body[4] != ord("A") else ord("B")
    blob["c"] = body.decode()
    with pytest.raises(PersonalKeyError):
        decrypt_secret(json.dumps(blob), 1, people[1][0])
    with pytest.raises(PersonalKeyError):
        decrypt_secret("not json", 1, people[1][0])


def test_windows_limit_is_checked_before_writing(
    people: dict[int, tuple[PersonalKeys, str]],
) -> None:
    five = {i: people[1][1] for i in range(5)}
    fits = encrypt_secret("x" * 256, five)
    assert len(fits.encode("utf-16-le")) <= WINDOWS_BLOB_LIMIT
    with pytest.raises(SecretTooLargeError):
        encrypt_secret("密" * 256, five)  # 768 UTF-8 bytes do not fit for five holders
    with pytest.raises(PersonalKeyError):
        encrypt_secret("x", {})


def test_fingerprints_are_stable_and_distinct(
    people: dict[int, tuple[PersonalKeys, str]],
) -> None:
    assert key_fingerprint(people[1][1]) == key_fingerprint(people[1][1])
    assert key_fingerprint(people[1][1]) != key_fingerprint(people[2][1])
