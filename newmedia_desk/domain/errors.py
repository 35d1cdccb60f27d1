"""Errors the services raise. Each has a stable code; the UI turns codes into words.

The English ``message`` is for logs and the command line; the UI translates by ``code``
and fills in ``params``.
"""

from __future__ import annotations

from typing import Any


class DeskError(Exception):
    """Base of every expected failure a user may be told about."""

    code = "error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class NotSignedInError(DeskError):
    """The action needs a signed-in person."""

    code = "not_signed_in"


class PermissionDeniedError(DeskError):
    """The signed-in person may not do this."""

    code = "permission_denied"


class NotFoundError(DeskError):
    """The record does not exist (any more)."""

    code = "not_found"


class ValidationError(DeskError):
    """Input that cannot be accepted; ``field`` names the offending field."""

    code = "invalid"

    def __init__(self, message: str, *, field: str, **params: Any) -> None:
        super().__init__(message, field=field, **params)
        self.field = field


class ConflictError(DeskError):
    """Someone else changed the record since it was read; nothing was overwritten."""

    code = "conflict"


class SignInFailedError(DeskError):
    """Unknown user or wrong password: deliberately the same error for both."""

    code = "sign_in_failed"


class SignInThrottledError(DeskError):
    """Too many failed sign-ins; try again after ``retry_after`` seconds."""

    code = "sign_in_throttled"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, retry_after=retry_after)
        self.retry_after = retry_after


class StorageError(DeskError):
    """The database cannot be used as asked (location, integrity, version)."""

    code = "storage"


class AuditKeyError(DeskError):
    """The audit key is missing or cannot be read, so the log cannot be written or checked."""

    code = "audit_key"
