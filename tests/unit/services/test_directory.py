"""Units and staff: permissions inside the services, versions, and the audit trail."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal, StaffDraft, StaffRecord, UnitRecord
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.services.common import check_version
from tests.conftest import make_staff
from tests.unit.services.tampering import raw_sql

pytestmark = pytest.mark.all_backends


def draft_of(record: StaffRecord, **changes: object) -> StaffDraft:
    """The editor's draft for ``record``, with some fields changed."""
    draft = StaffDraft(
        login=record.login,
        name=record.name,
        unit_id=record.unit_id,
        position=record.position,
        phone=record.phone,
        qq=record.qq,
        roles=record.roles,
    )
    return dataclasses.replace(draft, **changes)  # type: ignore[arg-type]


def last_action(ctx: AppContext) -> tuple[str, str, str]:
    entry = ctx.audit.recent(1)[0]
    return entry.action, entry.actor, entry.entity_id


def audit_count(ctx: AppContext) -> int:
    head = ctx.audit.head()
    return 0 if head is None else head.seq


@dataclasses.dataclass
class Office:
    """Units under the root: 办公室 (with 宣传组 below it) and 业务科."""

    root: int
    office: UnitRecord
    team: UnitRecord
    business: UnitRecord


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    office = ctx.directory.create_unit(admin, "办公室", admin.unit_id)
    team = ctx.directory.create_unit(admin, "宣传组", office.id)
    business = ctx.directory.create_unit(admin, "业务科", admin.unit_id)
    return Office(admin.unit_id, office, team, business)


# -- units ----------------------------------------------------------------------------------


def test_create_unit_is_audited(ctx: AppContext, admin: Principal, office: Office) -> None:
    assert last_action(ctx) == ("unit_created", "admin", str(office.business.id))
    names = [u.name for u in ctx.directory.list_units(admin)]
    assert names[1:] == ["办公室", "宣传组", "业务科"]
    assert ctx.directory.unit_path(office.team.id, ctx.directory.list_units(admin)).endswith(
        "办公室 / 宣传组"
    )


def test_unit_names_are_unique_among_siblings(
    ctx: AppContext, admin: Principal, office: Office
) -> None:
    with pytest.raises(ValidationError, match="already exists"):
        ctx.directory.create_unit(admin, " 办公室 ", office.root)
    ctx.directory.create_unit(admin, "办公室", office.business.id)  # elsewhere is fine
    with pytest.raises(ValidationError, match="parent"):
        ctx.directory.create_unit(admin, "孤儿", 9999)


def test_unit_cannot_move_below_itself(ctx: AppContext, admin: Principal, office: Office) -> None:
    u = office.office
    for target in (u.id, office.team.id):
        with pytest.raises(ValidationError, match="below itself"):
            ctx.directory.update_unit(
                admin, u.id, name=u.name, parent_id=target, active=True, expected_version=u.version
            )
    moved = ctx.directory.update_unit(
        admin,
        office.team.id,
        name="宣传组",
        parent_id=office.business.id,
        active=True,
        expected_version=office.team.version,
    )
    assert moved.parent_id == office.business.id and moved.version == office.team.version + 1
    assert last_action(ctx) == ("unit_updated", "admin", str(office.team.id))


def test_unit_with_active_staff_cannot_be_deactivated(
    ctx: AppContext, admin: Principal, office: Office
) -> None:
    record, _ = make_staff(ctx, admin, "clerk", {Role.CLERK}, office.business.id)
    u = office.business
    with pytest.raises(ValidationError, match="active staff"):
        ctx.directory.update_unit(
            admin,
            u.id,
            name=u.name,
            parent_id=u.parent_id,
            active=False,
            expected_version=u.version,
        )
    ctx.directory.mark_left(admin, record.id, record.version)
    done = ctx.directory.update_unit(
        admin, u.id, name=u.name, parent_id=u.parent_id, active=False, expected_version=u.version
    )
    assert not done.active


def test_stale_unit_version_is_a_conflict(
    ctx: AppContext, admin: Principal, office: Office
) -> None:
    u = office.business
    ctx.directory.update_unit(
        admin, u.id, name="业务一科", parent_id=u.parent_id, active=True, expected_version=u.version
    )
    with pytest.raises(ConflictError):
        ctx.directory.update_unit(
            admin,
            u.id,
            name="业务二科",
            parent_id=u.parent_id,
            active=True,
            expected_version=u.version,
        )
    assert {x.name for x in ctx.directory.list_units(admin)} >= {"业务一科"}


# -- what a clerk may not do, even calling the services directly ---------------------------


def test_clerk_is_refused_every_administrative_change(
    ctx: AppContext, admin: Principal, office: Office
) -> None:
    record, clerk = make_staff(ctx, admin, "clerk", {Role.CLERK}, office.office.id)
    other, _ = make_staff(ctx, admin, "other", {Role.CLERK}, office.office.id)
    u = office.office
    before = audit_count(ctx)
    attempts: dict[str, Callable[[], object]] = {
        "create staff": lambda: ctx.directory.create_staff(
            clerk, StaffDraft(login="new", name="新人", unit_id=u.id), "password-123"
        ),
        "create unit": lambda: ctx.directory.create_unit(clerk, "新科室", u.id),
        "update unit": lambda: ctx.directory.update_unit(
            clerk, u.id, name="改名", parent_id=u.parent_id, active=True, expected_version=u.version
        ),
        "edit contact": lambda: ctx.directory.update_staff(
            clerk, other.id, draft_of(other, phone="13800000000"), other.version
        ),
        "give self admin": lambda: ctx.directory.update_staff(
            clerk, record.id, draft_of(record, roles=frozenset({Role.ADMIN})), record.version
        ),
        "mark left": lambda: ctx.directory.mark_left(clerk, other.id, other.version),
        "rejoin": lambda: ctx.directory.rejoin(clerk, other.id, other.version),
        "setting": lambda: ctx.settings.set(clerk, "idle_lock_minutes", 60),
        "reset password": lambda: ctx.auth.reset_password(
            clerk, other.id, "password-123", other.version
        ),
        "unlock": lambda: ctx.auth.unlock(clerk, "other"),
    }
    for name, attempt in attempts.items():
        with pytest.raises(PermissionDeniedError):
            attempt()
            pytest.fail(f"clerk could {name}")
    assert audit_count(ctx) == before  # nothing was written
    assert ctx.directory.get_staff(clerk, other.id) == other


# -- a responsible person and their unit ---------------------------------------------------


def test_responsible_person_edits_contacts_in_their_subtree(
    ctx: AppContext, admin: Principal, office: Office
) -> None:
    _, head = make_staff(ctx, admin, "head", {Role.RESPONSIBLE}, office.office.id)
    member, _ = make_staff(ctx, admin, "member", {Role.CLERK}, office.team.id)
    assert head.unit_scope == {office.office.id, office.team.id}
    updated = ctx.directory.update_staff(
        head,
        member.id,
        draft_of(member, phone="13800138000", qq="123456", position="编辑"),
        member.version,
    )
    assert (updated.phone, updated.qq, updated.position) == ("13800138000", "123456", "编辑")
    assert updated.version == member.version + 1
    entry = ctx.audit.recent(1)[0]
    assert (entry.action, entry.actor, entry.actor_id) == ("staff_updated", "head", head.staff_id)
    assert "13800138000" in entry.after and '"phone": ""' in entry.before


def test_responsible_person_cannot_edit_another_unit(
    ctx: AppContext, admin: Principal, office: Office
) -> None:
    _, head = make_staff(ctx, admin, "head", {Role.RESPONSIBLE}, office.office.id)
    outsider, _ = make_staff(ctx, admin, "outsider", {Role.CLERK}, office.business.id)
    with pytest.raises(PermissionDeniedError):
        ctx.directory.update_staff(
            head, outsider.id, draft_of(outsider, phone="13800138000"), outsider.version
        )
    with pytest.raises(PermissionDeniedError):  # nor the admin, who sits in the root unit
        ctx.directory.update_staff(
            head,
            admin.staff_id,
            draft_of(ctx.directory.get_staff(head, admin.staff_id), phone="13800138000"),
            ctx.directory.get_staff(head, admin.staff_id).version,
        )
    assert ctx.directory.get_staff(head, outsider.id).phone == ""


@pytest.mark.parametrize(
    "change",
    ["name", "roles", "unit", "login"],
)
def test_responsible_person_cannot_change_identity_fields(
    ctx: AppContext, admin: Principal, office: Office, change: str
) -> None:
    _, head = make_staff(ctx, admin, "head", {Role.RESPONSIBLE}, office.office.id)
    member, _ = make_staff(ctx, admin, "member", {Role.CLERK}, office.team.id)
    changes: dict[str, object] = {
        "name": {"name": "改名"},
        "roles": {"roles": frozenset({Role.CLERK, Role.RESPONSIBLE})},
        "unit": {"unit_id": office.office.id},  # even inside their own subtree
        "login": {"login": "renamed"},
    }[change]  # type: ignore[assignment]
    with pytest.raises(PermissionDeniedError, match="only an administrator"):
        ctx.directory.update_staff(
            head, member.id, draft_of(member, phone="13800138000", **changes), member.version
        )
    assert ctx.directory.get_staff(head, member.id) == member  # not even the phone


# -- the last administrator ----------------------------------------------------------------


def test_last_admin_cannot_leave_or_drop_the_role(ctx: AppContext, admin: Principal) -> None:
    me = ctx.directory.get_staff(admin, admin.staff_id)
    with pytest.raises(ValidationError, match="at least one active administrator"):
        ctx.directory.mark_left(admin, me.id, me.version)
    with pytest.raises(ValidationError, match="at least one active administrator"):
        ctx.directory.update_staff(
            admin, me.id, draft_of(me, roles=frozenset({Role.CLERK})), me.version
        )
    assert ctx.directory.get_staff(admin, me.id) == me


def test_with_a_second_admin_the_first_may_step_down(ctx: AppContext, admin: Principal) -> None:
    second, second_p = make_staff(ctx, admin, "admin2", {Role.ADMIN})
    me = ctx.directory.get_staff(admin, admin.staff_id)
    me = ctx.directory.update_staff(
        admin, me.id, draft_of(me, roles=frozenset({Role.CHIEF})), me.version
    )
    assert me.roles == {Role.CHIEF}
    # now admin2 is the last one
    with pytest.raises(ValidationError):
        ctx.directory.mark_left(second_p, second.id, second.version)


def test_an_admin_who_left_does_not_count(ctx: AppContext, admin: Principal) -> None:
    second, _ = make_staff(ctx, admin, "admin2", {Role.ADMIN})
    ctx.directory.mark_left(admin, second.id, second.version)
    me = ctx.directory.get_staff(admin, admin.staff_id)
    with pytest.raises(ValidationError):
        ctx.directory.mark_left(admin, me.id, me.version)


# -- staff life cycle ----------------------------------------------------------------------


def test_create_staff_validates_and_audits(
    ctx: AppContext, admin: Principal, office: Office
) -> None:
    record = ctx.directory.create_staff(
        admin,
        StaffDraft(
            login=" Wang.Wu ", name="王五", unit_id=office.team.id, roles=frozenset({Role.CLERK})
        ),
        "password-123",
    )
    assert (record.login, record.unit_name, record.active) == ("wang.wu", "宣传组", True)
    assert last_action(ctx) == ("staff_created", "admin", str(record.id))
    with pytest.raises(ValidationError, match="taken"):
        ctx.directory.create_staff(
            admin,
            StaffDraft(login="WANG.WU", name="另一个王五", unit_id=office.team.id),
            "password-123",
        )
    with pytest.raises(ValidationError, match="unit"):
        ctx.directory.create_staff(
            admin, StaffDraft(login="zhao", name="赵", unit_id=9999), "password-123"
        )
    with pytest.raises(ValidationError):
        ctx.directory.create_staff(
            admin, StaffDraft(login="zhao", name="赵", unit_id=office.team.id), "short"
        )


def test_leave_and_rejoin_are_audited(ctx: AppContext, admin: Principal) -> None:
    record, _ = make_staff(ctx, admin, "clerk", {Role.CLERK})
    left = ctx.directory.mark_left(admin, record.id, record.version)
    assert not left.active and left.left_at == ctx.clock.now()
    assert last_action(ctx) == ("staff_left", "admin", str(record.id))
    assert [r.login for r in ctx.directory.list_staff(admin, include_left=False)] == ["admin"]
    back = ctx.directory.rejoin(admin, record.id, left.version)
    assert back.active
    assert last_action(ctx) == ("staff_rejoined", "admin", str(record.id))


def test_unknown_staff_is_not_found(ctx: AppContext, admin: Principal) -> None:
    with pytest.raises(NotFoundError):
        ctx.directory.get_staff(admin, 9999)
    with pytest.raises(NotFoundError):
        ctx.directory.mark_left(admin, 9999, 1)


def test_admin_changes_roles_and_unit(ctx: AppContext, admin: Principal, office: Office) -> None:
    record, _ = make_staff(ctx, admin, "clerk", {Role.CLERK}, office.team.id)
    updated = ctx.directory.update_staff(
        admin,
        record.id,
        draft_of(record, roles=frozenset({Role.RESPONSIBLE}), unit_id=office.business.id),
        record.version,
    )
    assert updated.roles == {Role.RESPONSIBLE} and updated.unit_id == office.business.id
    assert updated.version > record.version
    promoted = ctx.auth.sign_in("clerk", "staff-pass-1")
    assert promoted.unit_scope == {office.business.id}


def test_saving_an_unchanged_record_writes_no_audit_entry(
    ctx: AppContext, admin: Principal
) -> None:
    record, _ = make_staff(ctx, admin, "clerk", {Role.CLERK})
    before = audit_count(ctx)
    ctx.directory.update_staff(admin, record.id, draft_of(record), record.version)
    assert audit_count(ctx) == before


# -- two programs, one record --------------------------------------------------------------


@pytest.fixture
def second_pc(
    db_url: str,
    memory_secrets: MemorySecretStore,
    fixed_clock: FixedClock,
    fast_hashing: PasswordHashing,
    tmp_path: Path,
) -> Iterator[AppContext]:
    """Another running program on the same database."""
    other = build_context(
        db_url,
        secrets=memory_secrets,
        clock=fixed_clock,
        hashing=fast_hashing,
        data_dir=tmp_path / "pc2",
    )
    yield other
    other.close()


def test_stale_edit_from_another_program_is_a_conflict(
    ctx: AppContext, admin: Principal, second_pc: AppContext
) -> None:
    record, _ = make_staff(ctx, admin, "clerk", {Role.CLERK})
    mine = ctx.directory.get_staff(admin, record.id)
    theirs = second_pc.directory.get_staff(admin, record.id)
    assert mine == theirs
    ctx.directory.update_staff(admin, record.id, draft_of(mine, phone="13800000001"), mine.version)
    with pytest.raises(ConflictError, match="changed by someone else"):
        second_pc.directory.update_staff(
            admin, record.id, draft_of(theirs, phone="13900000002"), theirs.version
        )
    assert second_pc.directory.get_staff(admin, record.id).phone == "13800000001"
    assert last_action(ctx) == ("staff_updated", "admin", str(record.id))
    assert ctx.maintenance.verify().ok


def test_edit_racing_past_the_version_check_is_still_a_conflict(
    ctx: AppContext, admin: Principal, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another PC commits between our version check and our UPDATE.

    Only possible on PostgreSQL: on SQLite the write session holds the write lock from
    its first read, so the other PC waits. The UPDATE's version guard catches it; the
    user must get a ConflictError, not an internal ORM error.
    """
    if backend == "sqlite":
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): the race cannot happen")
    record, _ = make_staff(ctx, admin, "clerk", {Role.CLERK})

    def check_then_other_pc_commits(entity: str, current: int, expected: int) -> None:
        check_version(entity, current, expected)
        raw_sql(
            ctx,
            "UPDATE staff SET phone = '13900000002', version = version + 1 WHERE id = :id",
            {"id": record.id},
        )

    monkeypatch.setattr(
        "newmedia_desk.services.directory.check_version", check_then_other_pc_commits
    )
    with pytest.raises(ConflictError):
        ctx.directory.update_staff(
            admin, record.id, draft_of(record, phone="13800000001"), record.version
        )
    assert ctx.directory.get_staff(admin, record.id).phone == "13900000002"
    assert ctx.maintenance.verify().ok
