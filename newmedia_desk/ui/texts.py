"""Words for domain values (roles, staff status), translated for people."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.working_days import OFFICE_TZ
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


def office_zone() -> QTimeZone:
    """Asia/Shanghai (UTC+8 when the system has no time-zone data)."""
    zone = QTimeZone(b"Asia/Shanghai")
    return zone if zone.isValid() else QTimeZone(8 * 3600)


def office_time(value: datetime | None) -> str:
    """A timestamp in office time (Beijing), to the minute; empty for ``None``.

    Office time everywhere, not the PC's zone: the rules' times (预报 07:30, deadlines) are
    Beijing times, and a PC whose zone is set wrong must not show a post planned for
    07:30 as 23:30 in one list and 07:30 in the calendar.
    """
    if value is None:
        return ""
    return value.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M")


def office_time_seconds(value: datetime | None) -> str:
    """A timestamp in office time, to the second; empty for ``None``."""
    if value is None:
        return ""
    return value.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M:%S")


def to_qdatetime(value: datetime) -> QDateTime:
    """An aware time for a date-time editor, shown in office time."""
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), office_zone())


def from_qdatetime(value: QDateTime) -> datetime:
    """What a date-time editor holds, as an aware office time."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), OFFICE_TZ)


def office_datetime_edit(parent: QWidget | None, value: datetime) -> QDateTimeEdit:
    """A date and time field in office time, to the minute, with a calendar."""
    edit = QDateTimeEdit(parent)
    edit.setTimeZone(office_zone())
    edit.setDateTime(to_qdatetime(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def unexpected_error_text(detail: str) -> str:
    """Return the message shown when something failed that the program did not expect."""
    return QCoreApplication.translate(
        "Texts",
        "Something unexpected went wrong. What you entered has not been saved; please try "
        "again, and if it happens again tell the administrator. The details are in the log "
        "file.\n\n{detail}",
    ).format(detail=detail)
