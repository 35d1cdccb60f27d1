"""Rules for local sign-in passwords and for throttling failed sign-ins."""

from __future__ import annotations

from datetime import timedelta

from newmedia_desk.domain.errors import ValidationError

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256

FREE_ATTEMPTS = 5
"""Failed sign-ins allowed before any delay (等保 登录失败处理)."""

_DELAYS = (30, 60, 120, 300, 900)
"""Seconds to wait after failure 6, 7, 8, 9 and 10+."""


def validate_new_password(password: str) -> None:
    """Raise ``ValidationError`` when ``password`` may not be set as a sign-in password."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password is too short", field="password", minimum=MIN_PASSWORD_LENGTH
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError("password is too long", field="password", limit=MAX_PASSWORD_LENGTH)
    if password.strip() != password:
        raise ValidationError("password starts or ends with a space", field="password")


def throttle_delay(failures: int) -> timedelta:
    """Return how long to wait after ``failures`` consecutive failed sign-ins."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    index = min(failures - FREE_ATTEMPTS, len(_DELAYS) - 1)
    return timedelta(seconds=_DELAYS[index])
