"""Rules for new passwords and for the failed sign-in delay."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.passwords import (
    FREE_ATTEMPTS,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    throttle_delay,
    validate_new_password,
)


@pytest.mark.parametrize(
    "password",
    ["a" * MIN_PASSWORD_LENGTH, "x" * MAX_PASSWORD_LENGTH, "新媒体管理台密码", "pass word 1"],
)
def test_acceptable_passwords(password: str) -> None:
    validate_new_password(password)


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("", "short"),
        ("a" * (MIN_PASSWORD_LENGTH - 1), "short"),
        ("x" * (MAX_PASSWORD_LENGTH + 1), "long"),
        (" leading-space", "space"),
        ("trailing-space ", "space"),
        ("tab-at-end-x\t", "space"),
    ],
)
def test_unacceptable_passwords(password: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason) as info:
        validate_new_password(password)
    assert info.value.field == "password"


def test_no_delay_before_the_free_attempts_are_used() -> None:
    for failures in range(FREE_ATTEMPTS):
        assert throttle_delay(failures) == timedelta(0)


def test_delay_grows_after_five_failures_and_is_capped() -> None:
    delays = [throttle_delay(n) for n in range(FREE_ATTEMPTS, FREE_ATTEMPTS + 8)]
    assert delays[0] > timedelta(0)
    assert all(a < b for a, b in itertools.pairwise(delays[:5]))
    assert delays[4:] == [delays[4]] * 4  # capped
    assert delays[4] <= timedelta(hours=1)
