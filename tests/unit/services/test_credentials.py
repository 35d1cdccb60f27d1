"""Account passwords: holders, the limit, reveal, rotation (crash-safe), paper copies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from newmedia_desk.context import AppContext
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import (
    NotFoundError,
    PermissionDeniedError,
    SignInFailedError,
    ValidationError,
)
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal, StaffDraft
from newmedia_desk.security.personal_keys import PersonalKeyError, wrapped_for
from newmedia_desk.security.secrets import MemorySecretStore, SecretStoreError
from newmedia_desk.services.credentials import SERVICE, generate_password
from newmedia_desk.storage.credential_models import Credential
from newmedia_desk.storage.models import Account
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD, make_staff

pytestmark = pytest.mark.all_backends

SECRET = "Weibo#2026-官微"


@dataclass
class Office:
    ctx: AppContext
    admin: Principal
    account_id: int
    clerk: Principal
    leader: Principal
    other: Principal


def _add_account(ctx: AppContext, admin: Principal, name: str) -> int:
    """An open account, written directly: these tests are about its password only."""
    now = ctx.clock.now()
    with ctx.db.write() as s:
        row = Account(
            platform_id=1,
            name=name,
            unit_id=admin.unit_id,
            administrator_id=admin.staff_id,
            responsible_id=admin.staff_id,
            status="open",
            created_at=now,
            updated_at=now,
        )
        s.add(row)
        s.flush()
        return row.id


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    _, clerk = make_staff(ctx, admin, "clerk", {Role.CLERK})
    _, leader = make_staff(ctx, admin, "leader", {Role.SUPERVISOR})
    _, other = make_staff(ctx, admin, "other", {Role.CLERK})
    return Office(ctx, admin, _add_account(ctx, admin, "市气象局"), clerk, leader, other)


def _holders(office: Office, *people: Principal) -> None:
    status = office.ctx.credentials.status(office.admin, office.account_id)
    office.ctx.credentials.set_holders(
        office.admin, office.account_id, [p.staff_id for p in people], status.version
    )


def _keyring_entries(ctx: AppContext) -> dict[tuple[str, str], str]:
    assert isinstance(ctx.secrets, MemorySecretStore)
    return {k: v for k, v in ctx.secrets._data.items() if k[0] == SERVICE}


def test_holder_stores_and_reveals_the_password(office: Office) -> None:
    ctx = office.ctx
    _holders(office, office.clerk, office.leader)
    status = ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    assert status.has_secret and status.changed_at == ctx.clock.now()
    assert [h.can_open for h in status.holders] == [True, True]
    assert ctx.credentials.reveal(office.leader, office.account_id, STAFF_PASSWORD) == SECRET
    actions = [e.action for e in ctx.audit.recent(10)]
    assert "credential_reveal" in actions and "credential_changed" in actions
    # Only ciphertext reaches the keyring, and nothing of it reaches the database.
    (blob,) = _keyring_entries(ctx).values()
    assert SECRET not in blob and wrapped_for(blob) == {
        office.clerk.staff_id,
        office.leader.staff_id,
    }


def test_non_holder_is_refused_and_the_attempt_is_audited(office: Office) -> None:
    ctx = office.ctx
    _holders(office, office.clerk)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    for who in (office.other, office.admin):
        password = ADMIN_PASSWORD if who is office.admin else STAFF_PASSWORD
        with pytest.raises(PermissionDeniedError):
            ctx.credentials.reveal(who, office.account_id, password)
    assert [e.action for e in ctx.audit.recent(2)] == ["credential_refused"] * 2
    with pytest.raises(PermissionDeniedError):
        ctx.credentials.set_password(office.other, office.account_id, "x-1234567", STAFF_PASSWORD)


def test_even_a_stolen_keyring_entry_cannot_be_opened_by_a_non_holder(office: Office) -> None:
    """The limit is real: the other person's keys cannot open the envelope."""
    ctx = office.ctx
    _holders(office, office.clerk)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    (blob,) = _keyring_entries(ctx).values()
    from newmedia_desk.security.personal_keys import PersonalKeyError, decrypt_secret

    keys = ctx.keys.unlock(office.other.staff_id, STAFF_PASSWORD)
    with pytest.raises(PersonalKeyError):
        decrypt_secret(blob, office.other.staff_id, keys)


def test_holder_limit_is_enforced_in_the_service(office: Office) -> None:
    with pytest.raises(ValidationError) as error:
        _holders(office, office.clerk, office.leader, office.other)
    assert error.value.params["limit"] == 2
    with pytest.raises(ValidationError):
        _holders(office)
    with pytest.raises(PermissionDeniedError):  # only an administrator names holders
        office.ctx.credentials.set_holders(office.clerk, office.account_id, [1], 0)


def test_reveal_needs_the_password_again_after_the_window(
    office: Office, fixed_clock: FixedClock
) -> None:
    ctx = office.ctx
    _holders(office, office.clerk)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    with pytest.raises(SignInFailedError):
        ctx.credentials.reveal(office.clerk, office.account_id, "wrong-password")
    # set_password proved the password a moment ago: within 3 minutes none is needed.
    assert ctx.credentials.reveal(office.clerk, office.account_id, None, purpose="copy") == SECRET
    fixed_clock.advance(minutes=4)
    assert ctx.credentials.reauth_needed(office.clerk)
    with pytest.raises(SignInFailedError):
        ctx.credentials.reveal(office.clerk, office.account_id, None)
    assert ctx.credentials.reveal(office.clerk, office.account_id, STAFF_PASSWORD) == SECRET
    ctx.credentials.forget(office.clerk.staff_id)  # what the window does on lock
    with pytest.raises(SignInFailedError):
        ctx.credentials.reveal(office.clerk, office.account_id, None)
    assert ctx.audit.recent(1)[0].action == "credential_reveal"
    assert "credential_copy" in [e.action for e in ctx.audit.recent(10)]


def test_new_holder_can_open_after_a_holder_shares(office: Office) -> None:
    ctx = office.ctx
    _holders(office, office.clerk)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    _holders(office, office.clerk, office.leader)
    status = ctx.credentials.status(office.admin, office.account_id)
    assert status.rotation_reason == "holder_added"
    assert [h.can_open for h in status.holders] == [True, False]
    with pytest.raises(PersonalKeyError):
        ctx.credentials.reveal(office.leader, office.account_id, STAFF_PASSWORD)
    status = ctx.credentials.share(office.clerk, office.account_id, STAFF_PASSWORD)
    assert status.rotation_reason is None and all(h.can_open for h in status.holders)
    assert ctx.credentials.reveal(office.leader, office.account_id, STAFF_PASSWORD) == SECRET


def test_removing_a_holder_or_a_holder_leaving_opens_a_rotation_task(office: Office) -> None:
    ctx = office.ctx
    _holders(office, office.clerk, office.leader)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    assert ctx.credentials.tasks() == [
        t for t in ctx.credentials.tasks() if t.reason == "sealed_copy_stale"
    ]
    leader = ctx.directory.get_staff(office.admin, office.leader.staff_id)
    ctx.directory.mark_left(office.admin, leader.id, leader.version)
    reasons = {t.reason for t in ctx.credentials.tasks()}
    assert "holder_left" in reasons
    ctx.credentials.set_password(office.clerk, office.account_id, "New#Pass-2026", STAFF_PASSWORD)
    assert "holder_left" not in {t.reason for t in ctx.credentials.tasks()}
    _holders(office, office.clerk)  # the leader is removed too
    assert "holder_removed" in {t.reason for t in ctx.credentials.tasks()}


def test_unit_change_and_password_reset_open_rotation_tasks(office: Office) -> None:
    ctx = office.ctx
    _holders(office, office.clerk, office.leader)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    section = ctx.directory.create_unit(office.admin, "办公室", office.admin.unit_id)
    clerk = ctx.directory.get_staff(office.admin, office.clerk.staff_id)
    ctx.directory.update_staff(
        office.admin,
        clerk.id,
        StaffDraft(login=clerk.login, name=clerk.name, unit_id=section.id, roles=clerk.roles),
        clerk.version,
    )
    assert "holder_moved" in {t.reason for t in ctx.credentials.tasks()}
    leader = ctx.directory.get_staff(office.admin, office.leader.staff_id)
    ctx.auth.reset_password(office.admin, leader.id, "temporary-pass-9", leader.version)
    status = ctx.credentials.status(office.admin, office.account_id)
    assert status.rotation_reason == "holder_keys_replaced"
    # The reset person's new keys cannot open the old envelope; the clerk's still can.
    leader_now = ctx.auth.sign_in("leader", "temporary-pass-9")
    with pytest.raises(PersonalKeyError):
        ctx.credentials.reveal(leader_now, office.account_id, "temporary-pass-9")
    assert ctx.credentials.reveal(office.clerk, office.account_id, STAFF_PASSWORD) == SECRET


def test_rotation_reminder_after_the_period(office: Office, fixed_clock: FixedClock) -> None:
    ctx = office.ctx
    _holders(office, office.clerk)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    ctx.credentials.record_sealed_copy(office.admin, office.account_id)
    assert ctx.credentials.tasks() == []
    fixed_clock.advance(days=91)
    (task,) = ctx.credentials.tasks()
    assert task.reason == "overdue"
    changed_at = ctx.credentials.status(office.admin, office.account_id).changed_at
    assert changed_at is not None and task.since == changed_at + timedelta(days=90)


def test_sealed_copy_goes_stale_when_the_password_changes(
    office: Office, fixed_clock: FixedClock
) -> None:
    ctx = office.ctx
    _holders(office, office.clerk)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    status = ctx.credentials.record_sealed_copy(office.admin, office.account_id)
    assert not status.sealed_copy_stale and status.sealed_copy_by == "管理员"
    fixed_clock.advance(hours=1)
    ctx.credentials.set_password(office.clerk, office.account_id, "Next#Pass-1", STAFF_PASSWORD)
    status = ctx.credentials.status(office.admin, office.account_id)
    assert status.sealed_copy_stale
    assert [t.reason for t in ctx.credentials.tasks()] == ["sealed_copy_stale"]
    with pytest.raises(PermissionDeniedError):
        ctx.credentials.record_sealed_copy(office.clerk, office.account_id)


class _CrashError(Exception):
    pass


@pytest.mark.parametrize("step", ["keyring_write", "switch", "delete_old"])
def test_rotation_is_crash_safe_at_every_step(
    office: Office, step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stop the rotation at each step: one current password stays readable.

    Recovery then removes the leftover keyring entry.
    """
    ctx = office.ctx
    _holders(office, office.clerk)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    store = ctx.secrets
    assert isinstance(store, MemorySecretStore)
    real_set, real_delete = store.set, store.delete
    if step == "keyring_write":
        monkeypatch.setattr(store, "set", lambda *a: (_ for _ in ()).throw(_CrashError()))
    elif step == "switch":
        monkeypatch.setattr(
            ctx.audit, "append", lambda *a, **k: (_ for _ in ()).throw(_CrashError())
        )
    else:
        monkeypatch.setattr(store, "delete", lambda *a: (_ for _ in ()).throw(_CrashError()))
    with pytest.raises(_CrashError):
        ctx.credentials.set_password(office.clerk, office.account_id, "NEW#pass-1", STAFF_PASSWORD)
    monkeypatch.setattr(store, "set", real_set)
    monkeypatch.setattr(store, "delete", real_delete)
    monkeypatch.undo()
    expected = "NEW#pass-1" if step == "delete_old" else SECRET
    assert ctx.credentials.reveal(office.clerk, office.account_id, STAFF_PASSWORD) == expected
    ctx.credentials.recover()
    assert len(_keyring_entries(ctx)) == 1
    with ctx.db.read() as s:
        cred = s.get(Credential, office.account_id)
        assert cred is not None and cred.pending_ref is None and cred.previous_ref is None


def test_unusable_keyring_writes_nothing(office: Office) -> None:
    ctx = office.ctx
    _holders(office, office.clerk)
    store = ctx.secrets
    assert isinstance(store, MemorySecretStore)
    store.broken = "keyring backend keyring.backends.null.Keyring does not protect secrets"
    assert ctx.credentials.store_problem() == store.broken
    with pytest.raises(SecretStoreError):
        ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    store.broken = None
    assert _keyring_entries(ctx) == {}
    assert not ctx.credentials.status(office.admin, office.account_id).has_secret


def test_bad_passwords_and_missing_accounts(office: Office) -> None:
    ctx = office.ctx
    _holders(office, office.clerk)
    for bad in ("", " padded ", "x" * 257):
        with pytest.raises(ValidationError):
            ctx.credentials.set_password(office.clerk, office.account_id, bad, STAFF_PASSWORD)
    with pytest.raises(NotFoundError):
        ctx.credentials.reveal(office.clerk, office.account_id, STAFF_PASSWORD)  # none stored
    with pytest.raises(NotFoundError):
        ctx.credentials.status(office.admin, 9999)


def test_generated_passwords_have_every_class_and_no_look_alikes() -> None:
    for _ in range(50):
        value = generate_password(16)
        assert len(value) == 16
        assert not set(value) & set("Il1O0")
        assert any(c.islower() for c in value) and any(c.isupper() for c in value)
        assert any(c.isdigit() for c in value)
    with pytest.raises(ValidationError):
        generate_password(8)


@pytest.mark.sqlite_only
def test_no_password_in_the_database_file(office: Office, data_dir: Path) -> None:
    ctx = office.ctx
    _holders(office, office.clerk)
    ctx.credentials.set_password(office.clerk, office.account_id, SECRET, STAFF_PASSWORD)
    ctx.credentials.reveal(office.clerk, office.account_id, STAFF_PASSWORD)
    assert ctx.db.path is not None
    ctx.db.dispose()
    for path in ctx.db.path.parent.glob(ctx.db.path.name + "*"):
        data = path.read_bytes()
        for needle in (SECRET, STAFF_PASSWORD, ADMIN_PASSWORD):
            assert needle.encode("utf-8") not in data
            assert needle.encode("utf-16-le") not in data


@pytest.mark.sqlite_only
def test_authorisation_form_lists_the_holders_and_exports(office: Office, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from newmedia_desk.exports.forms import export_holder_authorisation

    _holders(office, office.clerk, office.leader)
    form = office.ctx.credentials.authorisation_form(
        office.admin, office.account_id, reason="新增知悉人"
    )
    assert [h.name for h in form.holders] == ["员工clerk", "员工leader"]
    assert form.account_name == "市气象局" and form.reason == "新增知悉人"
    assert form.audit_head.startswith("审计日志 #")
    assert [o.signed for o in form.opinions] == [False, False, False]
    out = export_holder_authorisation(form, tmp_path / "授权审批表.xlsx")
    book = load_workbook(out)
    name = book.defined_names["holder1_name"]
    ((sheet, ref),) = list(name.destinations)
    assert book[sheet][ref.replace("$", "")].value == "员工clerk"
