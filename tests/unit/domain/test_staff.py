"""Staff and unit validation, and what a signed-in person may do."""

from __future__ import annotations

import pytest

from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.roles import ROLE_PERMISSIONS, Permission, Role, permissions_for
from newmedia_desk.domain.staff import (
    MAX_NAME,
    MAX_POSITION,
    Principal,
    StaffDraft,
    normalise_login,
    validate_staff,
    validate_unit_name,
)


def draft(
    *,
    login: str = "zhang.san",
    name: str = "张三",
    phone: str = "",
    qq: str = "",
    position: str = "",
) -> StaffDraft:
    return StaffDraft(login=login, name=name, unit_id=1, phone=phone, qq=qq, position=position)


def test_valid_draft_is_trimmed_and_normalised() -> None:
    clean = validate_staff(
        draft(login="  Zhang.San ", name=" 欧阳娜娜 ", phone=" 138 0013 8000 ", qq="12345")
    )
    assert clean.login == "zhang.san"
    assert clean.name == "欧阳娜娜"
    assert clean.phone == "138 0013 8000"
    assert clean.qq == "12345"


def test_normalise_login() -> None:
    assert normalise_login("  ADMIN ") == "admin"


@pytest.mark.parametrize("login", ["ab", "a" * 32, "wang_wu-2", "li.si", "0abc"])
def test_valid_logins(login: str) -> None:
    assert validate_staff(draft(login=login)).login == login


@pytest.mark.parametrize("login", ["", "a", "a" * 33, "张三", "-abc", ".abc", "a b", "a@b", "a/b"])
def test_invalid_logins(login: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_staff(draft(login=login))
    assert info.value.field == "login"


def test_chinese_names_up_to_the_limit_are_fine() -> None:
    name = "王" * MAX_NAME
    assert validate_staff(draft(name=name)).name == name


@pytest.mark.parametrize("name", ["", "   ", "王" * (MAX_NAME + 1)])
def test_invalid_names(name: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_staff(draft(name=name))
    assert info.value.field == "name"


def test_position_limit() -> None:
    assert validate_staff(draft(position="科" * MAX_POSITION)).position == "科" * MAX_POSITION
    with pytest.raises(ValidationError) as info:
        validate_staff(draft(position="科" * (MAX_POSITION + 1)))
    assert info.value.field == "position"


@pytest.mark.parametrize("phone", ["13800138000", "+86 138-0013-8000", "0571-8888888", "12345"])
def test_valid_phones(phone: str) -> None:
    assert validate_staff(draft(phone=phone)).phone == phone


@pytest.mark.parametrize(
    "phone", ["1234", "abc12345", "1" * 21, "138００１３８０００", "(0571)8888"]
)
def test_invalid_phones(phone: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_staff(draft(phone=phone))
    assert info.value.field == "phone"


@pytest.mark.parametrize("qq", ["10000", "123456789012"])
def test_valid_qq(qq: str) -> None:
    assert validate_staff(draft(qq=qq)).qq == qq


@pytest.mark.parametrize("qq", ["1234", "01234", "1234567890123", "12a45"])
def test_invalid_qq(qq: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_staff(draft(qq=qq))
    assert info.value.field == "qq"


def test_unit_names() -> None:
    assert validate_unit_name(" 办公室 ") == "办公室"
    for bad in ["", "  ", "科" * (MAX_POSITION + 1)]:
        with pytest.raises(ValidationError):
            validate_unit_name(bad)


def principal(*roles: Role, unit_scope: frozenset[int] = frozenset({2, 3})) -> Principal:
    return Principal(
        staff_id=7,
        login="p",
        name="某人",
        unit_id=2,
        roles=frozenset(roles),
        unit_scope=unit_scope,
    )


def test_admin_may_do_everything_everywhere() -> None:
    admin = principal(Role.ADMIN)
    for permission in Permission:
        assert admin.can(permission)
        assert admin.can(permission, unit_id=99)


def test_clerk_views_and_keeps_the_accounts_of_their_unit() -> None:
    clerk = principal(Role.CLERK)
    assert clerk.permissions == {
        Permission.VIEW_DIRECTORY,
        Permission.VIEW_ACCOUNTS,
        Permission.MANAGE_ACCOUNTS,
        Permission.MANAGE_ROGUES,
        Permission.VIEW_POSTS,
        Permission.DRAFT_POSTS,
        Permission.MODERATE,
        Permission.HANDLE_INCIDENTS,
    }
    assert clerk.can(Permission.MODERATE, unit_id=3)
    assert not clerk.can(Permission.MODERATE, unit_id=1)  # another unit's accounts
    assert not clerk.can(Permission.HOLD_POSTS)
    assert not clerk.can(Permission.MANAGE_STAFF)
    assert not clerk.can(Permission.EDIT_STAFF_CONTACT, unit_id=2)
    assert clerk.can(Permission.MANAGE_ACCOUNTS, unit_id=3)
    assert not clerk.can(Permission.MANAGE_ACCOUNTS, unit_id=1)  # not their subtree
    assert not clerk.can(Permission.MANAGE_PLATFORMS)


def test_unit_scoped_permission_holds_only_inside_the_subtree() -> None:
    head = principal(Role.RESPONSIBLE)
    assert head.can(Permission.EDIT_STAFF_CONTACT, unit_id=2)
    assert head.can(Permission.EDIT_STAFF_CONTACT, unit_id=3)
    assert not head.can(Permission.EDIT_STAFF_CONTACT, unit_id=1)
    assert not head.can(Permission.EDIT_STAFF_CONTACT)  # no unit given: refused
    assert head.can(Permission.VIEW_DIRECTORY)  # not unit scoped
    assert not head.can(Permission.MANAGE_STAFF)


def test_permissions_of_several_roles_add_up() -> None:
    both = permissions_for(frozenset({Role.RESPONSIBLE, Role.SUPERVISOR}))
    assert both == ROLE_PERMISSIONS[Role.RESPONSIBLE] | ROLE_PERMISSIONS[Role.SUPERVISOR]
    assert permissions_for(frozenset()) == frozenset()
