"""Office-wide settings: defaults, bounds, permission and audit."""

from __future__ import annotations

import json

import pytest

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import PermissionDeniedError, ValidationError
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.settings import HOLDER_LIMIT, IDLE_LOCK_MINUTES
from newmedia_desk.domain.staff import Principal
from tests.conftest import make_staff
from tests.unit.services.tampering import raw_sql

pytestmark = pytest.mark.all_backends


def test_defaults_before_anything_is_stored(ctx: AppContext, admin: Principal) -> None:
    assert ctx.settings.get(IDLE_LOCK_MINUTES) == IDLE_LOCK_MINUTES.default
    assert ctx.settings.get(HOLDER_LIMIT) == HOLDER_LIMIT.default


def test_admin_changes_a_setting_and_it_is_audited(ctx: AppContext, admin: Principal) -> None:
    assert ctx.settings.set(admin, "idle_lock_minutes", " 15 ") == 15
    assert ctx.settings.get(IDLE_LOCK_MINUTES) == 15
    first = ctx.audit.recent(1)[0]
    assert (first.action, first.actor, first.entity_id) == (
        "setting_changed",
        "admin",
        "idle_lock_minutes",
    )
    assert json.loads(first.before) == {"value": None}
    assert json.loads(first.after) == {"value": 15}
    ctx.settings.set(admin, "idle_lock_minutes", 20)
    second = ctx.audit.recent(1)[0]
    assert json.loads(second.before) == {"value": "15"}


@pytest.mark.parametrize(("key", "raw"), [("idle_lock_minutes", 0), ("idle_lock_minutes", "x")])
def test_out_of_bounds_or_garbage_is_refused(
    ctx: AppContext, admin: Principal, key: str, raw: object
) -> None:
    with pytest.raises(ValidationError):
        ctx.settings.set(admin, key, raw)  # type: ignore[arg-type]
    assert ctx.settings.get(IDLE_LOCK_MINUTES) == IDLE_LOCK_MINUTES.default


def test_unknown_key_is_refused(ctx: AppContext, admin: Principal) -> None:
    with pytest.raises(ValidationError, match="unknown setting"):
        ctx.settings.set(admin, "debug_mode", 1)


def test_only_an_administrator_changes_settings(ctx: AppContext, admin: Principal) -> None:
    for roles in ({Role.CLERK}, {Role.RESPONSIBLE}, {Role.CHIEF, Role.SUPERVISOR}):
        _, person = make_staff(ctx, admin, "p" + "".join(sorted(r.value[0] for r in roles)), roles)
        with pytest.raises(PermissionDeniedError):
            ctx.settings.set(person, "idle_lock_minutes", 60)
    assert ctx.settings.get(IDLE_LOCK_MINUTES) == IDLE_LOCK_MINUTES.default


def test_a_damaged_stored_value_falls_back_to_the_default(
    ctx: AppContext, admin: Principal
) -> None:
    ctx.settings.set(admin, "idle_lock_minutes", 30)
    raw_sql(ctx, "UPDATE office_setting SET value = '999999' WHERE key = 'idle_lock_minutes'")
    assert ctx.settings.get(IDLE_LOCK_MINUTES) == IDLE_LOCK_MINUTES.default
