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
    VIEW_ACCOUNTS = "view_accounts"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_PLATFORMS = "manage_platforms"
    MANAGE_ROGUES = "manage_rogues"
    MANAGE_CREDENTIALS = "manage_credentials"
    """Name who may know an account's password, record the sealed paper copy."""
    MANAGE_LEXICONS = "manage_lexicons"
    """Change the checker's lexicons (add, edit, remove, import, restore, create)."""
    VIEW_POSTS = "view_posts"
    DRAFT_POSTS = "draft_posts"
    """Draft, submit and re-plan posts, and record their publication (the clerk's work)."""
    MANAGE_DELEGATIONS = "manage_delegations"
    """Record that a deputy signs for a leader (the consenting chief signs it too)."""
    MODERATE = "moderate"
    """Record comments and messages and what was done with them, and public feedback."""
    HANDLE_INCIDENTS = "handle_incidents"
    """Open an incident (突发事件/舆情), record the time of each of its steps, close it."""
    HOLD_POSTS = "hold_posts"
    """Hold (and release) the planned posts of accounts while an incident is open."""


_ALL = frozenset(Permission)

_VIEW = frozenset({Permission.VIEW_DIRECTORY, Permission.VIEW_ACCOUNTS, Permission.VIEW_POSTS})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # A clerk keeps the account registry of their own unit (and the units below it), and
    # records rogue accounts wherever they find them.
    Role.CLERK: _VIEW
    | {
        Permission.MANAGE_ACCOUNTS,
        Permission.MANAGE_ROGUES,
        Permission.DRAFT_POSTS,
        Permission.MODERATE,
        Permission.HANDLE_INCIDENTS,
    },
    # A section head keeps the contact details of the people of their own unit current.
    Role.RESPONSIBLE: _VIEW | {Permission.EDIT_STAFF_CONTACT, Permission.HANDLE_INCIDENTS},
    # Leaders read; they take part in accounts by signing the opening approval.
    Role.SUPERVISOR: _VIEW | {Permission.VIEW_AUDIT, Permission.HANDLE_INCIDENTS},
    # A chief consents to a deputy signing for a leader (001 § 篇4 八).
    # Leaders open and close incidents; the chief may also hold an account's planned posts.
    Role.CHIEF: _VIEW
    | {
        Permission.VIEW_AUDIT,
        Permission.MANAGE_DELEGATIONS,
        Permission.HANDLE_INCIDENTS,
        Permission.HOLD_POSTS,
    },
    Role.ADMIN: _ALL,
}

UNIT_SCOPED: frozenset[Permission] = frozenset(
    {
        Permission.EDIT_STAFF_CONTACT,
        Permission.MANAGE_ACCOUNTS,
        Permission.DRAFT_POSTS,
        Permission.MODERATE,
    }
)
"""Permissions that hold only inside the holder's own unit and the units below it."""


def permissions_for(roles: frozenset[Role]) -> frozenset[Permission]:
    """Return the union of the permissions of ``roles``."""
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)
