"""Words for domain values (roles, staff status), translated for people."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from newmedia_desk.domain.roles import Role
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from newmedia_desk.domain.staff import Principal

_CTX = "Texts"

ROLE_NAMES: dict[Role, str] = {
    Role.CLERK: QT_TRANSLATE_NOOP("Texts", "Clerk"),
    Role.RESPONSIBLE: QT_TRANSLATE_NOOP("Texts", "Responsible person"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Texts", "Supervising leader"),
    Role.CHIEF: QT_TRANSLATE_NOOP("Texts", "Chief"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Texts", "Administrator"),
}
"""Source texts of the role names; show them through ``role_name``."""

ROLE_ORDER: tuple[Role, ...] = (
    Role.CLERK,
    Role.RESPONSIBLE,
    Role.SUPERVISOR,
    Role.CHIEF,
    Role.ADMIN,
)


def role_name(role: Role) -> str:
    """Return the translated name of one role."""
    return QCoreApplication.translate(_CTX, ROLE_NAMES[role])


def role_names(roles: Iterable[Role]) -> str:
    """Return the translated names of ``roles`` in a fixed order, joined for display."""
    held = set(roles)
    names = [role_name(r) for r in ROLE_ORDER if r in held]
    if not names:
        return QCoreApplication.translate("Texts", "no role")
    return QCoreApplication.translate("Texts", ", ").join(names)


def staff_status(active: bool) -> str:
    """Return the words for a person still working here or gone."""
    if active:
        return QCoreApplication.translate("Texts", "Working")
    return QCoreApplication.translate("Texts", "Left")


def person_line(principal: Principal) -> str:
    """Return ``name (login) · roles`` for status bars and lock screens."""
    return QCoreApplication.translate("Texts", "{name} ({login}) · {roles}").format(
        name=principal.name, login=principal.login, roles=role_names(principal.roles)
    )


def local_time(value: datetime | None) -> str:
    """Return a timestamp in the computer's local time, to the minute; empty for ``None``."""
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def local_time_seconds(value: datetime | None) -> str:
    """Return a timestamp in local time, to the second; empty for ``None``."""
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def unexpected_error_text(detail: str) -> str:
    """Return the message shown when something failed that the program did not expect."""
    return QCoreApplication.translate(
        "Texts",
        "Something unexpected went wrong. What you entered has not been saved; please try "
        "again, and if it happens again tell the administrator. The details are in the log "
        "file.\n\n{detail}",
    ).format(detail=detail)
