"""Helpers shared by the services: permission checks and version checks."""

from __future__ import annotations

from newmedia_desk.domain.errors import ConflictError, NotSignedInError, PermissionDeniedError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal


def require(
    actor: Principal | None, permission: Permission, unit_id: int | None = None
) -> Principal:
    """Return ``actor`` if it may do ``permission``; raise otherwise."""
    if actor is None:
        raise NotSignedInError("sign in first")
    if not actor.can(permission, unit_id):
        raise PermissionDeniedError(
            f"{actor.login} may not {permission.value}", permission=permission.value
        )
    return actor


def check_version(entity: str, current: int, expected: int) -> None:
    """Refuse to overwrite a record someone else changed since it was read."""
    if current != expected:
        raise ConflictError(
            f"{entity} was changed by someone else meanwhile; reload it and apply the edit again",
            entity=entity,
        )
