"""Roles and the permissions each one grants."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a staff member does in the office; one person may hold several."""

    CLERK = "clerk"  # 管理员、信息员、编辑
    RESPONSIBLE = "responsible"  # 直接责任人、科室负责人
    SUPERVISOR = "supervisor"  # 分管领导
    CHIEF = "chief"  # 主要领导
    ADMIN = "admin"  # 系统管理员


class Permission(StrEnum):
    """Something a service may be asked to do."""

    VIEW_DIRECTORY = "view_directory"
    MANAGE_UNITS = "manage_units"
    MANAGE_STAFF = "manage_staff"
    EDIT_STAFF_CONTACT = "edit_staff_contact"
    RESET_PASSWORD = "reset_password"
    UNLOCK_SIGN_IN = "unlock_sign_in"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    RESTORE = "restore"
    VIEW_AUDIT = "view_audit"


_ALL = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({Permission.VIEW_DIRECTORY}),
    # A section head keeps the contact details of the people of their own unit current.
    Role.RESPONSIBLE: frozenset({Permission.VIEW_DIRECTORY, Permission.EDIT_STAFF_CONTACT}),
    Role.SUPERVISOR: frozenset({Permission.VIEW_DIRECTORY, Permission.VIEW_AUDIT}),
    Role.CHIEF: frozenset({Permission.VIEW_DIRECTORY, Permission.VIEW_AUDIT}),
    Role.ADMIN: _ALL,
}

UNIT_SCOPED: frozenset[Permission] = frozenset({Permission.EDIT_STAFF_CONTACT})
"""Permissions that hold only inside the holder's own unit and the units below it."""


def permissions_for(roles: frozenset[Role]) -> frozenset[Permission]:
    """Return the union of the permissions of ``roles``."""
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)
