"""First admin, verify, backup and restore through the maintenance service."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import PermissionDeniedError, StorageError, ValidationError
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.settings import IDLE_LOCK_MINUTES
from newmedia_desk.domain.staff import Principal
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.storage.backup import integrity_problems
from tests.conftest import ADMIN_PASSWORD, corrupt_sqlite_file, make_staff

# -- on every backend ------------------------------------------------------------------------


@pytest.mark.all_backends
def test_first_admin_only_once(ctx: AppContext) -> None:
    assert not ctx.directory.has_staff()
    record = ctx.maintenance.create_first_admin(
        login="Root", name="管理员", password=ADMIN_PASSWORD, unit_name="市气象局"
    )
    assert (record.login, record.unit_name, record.roles) == (
        "root",
        "市气象局",
        frozenset({Role.ADMIN}),
    )
    assert not ctx.auth.must_change_password(ctx.auth.sign_in("root", ADMIN_PASSWORD))
    with pytest.raises(ValidationError, match="already has staff"):
        ctx.maintenance.create_first_admin(login="second", name="二号", password=ADMIN_PASSWORD)
    actions = [e.action for e in reversed(ctx.audit.recent(10))]
    assert actions == ["unit_created", "staff_created", "sign_in"]


@pytest.mark.all_backends
def test_first_admin_input_is_validated_before_anything_is_written(ctx: AppContext) -> None:
    with pytest.raises(ValidationError):
        ctx.maintenance.create_first_admin(login="x", name="管理员", password=ADMIN_PASSWORD)
    with pytest.raises(ValidationError):
        ctx.maintenance.create_first_admin(login="root", name="管理员", password="short")
    assert not ctx.directory.has_staff()
    assert ctx.audit.head() is None


@pytest.mark.all_backends
def test_verify_on_a_new_and_on_a_used_database(ctx: AppContext) -> None:
    empty = ctx.maintenance.verify()
    assert empty.ok and empty.chain.entries == 0
    ctx.maintenance.create_first_admin(login="admin", name="管理员", password=ADMIN_PASSWORD)
    used = ctx.maintenance.verify()
    assert used.ok and used.chain.entries == 2 and used.integrity == []


@pytest.mark.all_backends
def test_audit_key_export_is_audited_and_admin_only(ctx: AppContext, admin: Principal) -> None:
    _, clerk = make_staff(ctx, admin, "clerk", {Role.CLERK})
    with pytest.raises(PermissionDeniedError):
        ctx.maintenance.export_audit_key(clerk)
    text = ctx.maintenance.export_audit_key(admin)
    assert ctx.audit.recent(1)[0].action == "audit_key_exported"
    assert ctx.maintenance.import_audit_key(text) == ctx.maintenance.verify().chain.entries


def test_postgresql_is_not_backed_up_or_restored_by_file(
    tmp_path: Path, memory_secrets: MemorySecretStore
) -> None:
    """No server needed: both refuse before connecting."""
    pg = build_context(
        "postgresql+psycopg://nmd:nmd@127.0.0.1:1/nmd",
        secrets=memory_secrets,
        data_dir=tmp_path,
        migrate=False,
    )
    with pytest.raises(StorageError, match="pg_dump"):
        pg.maintenance.backup(tmp_path / "b.sqlite3")
    with pytest.raises(StorageError, match="pg_restore"):
        pg.maintenance.restore(None, tmp_path / "b.sqlite3")
    pg.close()


# -- SQLite files ----------------------------------------------------------------------------


@pytest.fixture
def before_restore(ctx: AppContext) -> Path:
    assert ctx.db.path is not None
    return ctx.db.path.with_name(ctx.db.path.stem + "-before-restore" + ctx.db.path.suffix)


def test_backup_change_restore(
    ctx: AppContext, admin: Principal, tmp_path: Path, before_restore: Path
) -> None:
    clerk, _ = make_staff(ctx, admin, "clerk", {Role.CLERK})
    ctx.settings.set(admin, "idle_lock_minutes", 30)
    path, head = ctx.maintenance.backup(tmp_path / "backups" / "monday.sqlite3")
    assert integrity_problems(path) == []
    assert head is not None and head == ctx.audit.head()

    # life goes on: more changes after the backup
    ctx.directory.mark_left(admin, clerk.id, clerk.version)
    ctx.settings.set(admin, "idle_lock_minutes", 90)
    make_staff(ctx, admin, "newcomer", {Role.CLERK})

    report = ctx.maintenance.restore(admin, path)
    assert report.ok, report
    assert ctx.settings.get(IDLE_LOCK_MINUTES) == 30
    logins = {r.login: r.active for r in ctx.directory.list_staff(admin)}
    assert logins == {"admin": True, "clerk": True}
    last = ctx.audit.recent(1)[0]
    assert (last.action, last.actor, last.seq) == ("database_restored", "admin", head.seq + 1)
    assert '"monday.sqlite3"' in last.after
    assert before_restore.is_file() and integrity_problems(before_restore) == []
    # the safety copy holds what was there before the restore
    con = sqlite3.connect(before_restore)
    try:
        assert con.execute("SELECT count(*) FROM staff").fetchone() == (3,)
    finally:
        con.close()
    # and the program keeps working on the restored file
    assert ctx.auth.sign_in("clerk", "staff-pass-1").login == "clerk"
    assert ctx.maintenance.verify().ok


def test_restored_log_passes_this_pcs_anchor(
    ctx: AppContext, admin: Principal, tmp_path: Path, data_dir: Path
) -> None:
    """The restored log is shorter than what this PC saw, so the anchor restarts.

    After the restore the anchor follows the restored log (a reopen still verifies).
    """
    path, head = ctx.maintenance.backup(tmp_path / "b.sqlite3")
    for i in range(5):
        ctx.settings.set(admin, "idle_lock_minutes", 10 + i)
    ctx.maintenance.restore(admin, path)
    assert head is not None
    ctx.settings.set(admin, "idle_lock_minutes", 42)
    assert ctx.maintenance.verify().ok
    reopened = build_context(
        str(ctx.db.path),
        secrets=ctx.secrets,
        clock=ctx.clock,
        hashing=ctx.hashing,
        data_dir=data_dir,
    )
    try:
        assert reopened.maintenance.verify().ok
    finally:
        reopened.close()


def test_restore_refuses_a_damaged_file_and_keeps_the_database(
    ctx: AppContext, admin: Principal, tmp_path: Path, before_restore: Path
) -> None:
    path, _ = ctx.maintenance.backup(tmp_path / "b.sqlite3")
    corrupt_sqlite_file(path)
    make_staff(ctx, admin, "after", {Role.CLERK})
    head = ctx.audit.head()
    with pytest.raises(StorageError, match="damaged"):
        ctx.maintenance.restore(admin, path)
    assert ctx.audit.head() == head
    assert {r.login for r in ctx.directory.list_staff(admin)} == {"admin", "after"}
    assert not before_restore.exists()
    assert ctx.maintenance.verify().ok


def test_restore_refuses_a_file_that_is_not_a_database(
    ctx: AppContext, admin: Principal, tmp_path: Path
) -> None:
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 4000)
    with pytest.raises(StorageError):
        ctx.maintenance.restore(admin, junk)
    with pytest.raises(StorageError):
        ctx.maintenance.restore(admin, tmp_path / "missing.sqlite3")
    assert ctx.maintenance.verify().ok


def test_restore_refuses_a_backup_with_a_tampered_log(
    ctx: AppContext, admin: Principal, tmp_path: Path, before_restore: Path
) -> None:
    ctx.settings.set(admin, "idle_lock_minutes", 30)
    path, _ = ctx.maintenance.backup(tmp_path / "b.sqlite3")
    con = sqlite3.connect(path)
    try:
        con.execute("UPDATE audit_log SET actor = 'chief' WHERE seq = 3")
        con.commit()
    finally:
        con.close()
    assert integrity_problems(path) == []  # a sound file, a forged history
    ctx.settings.set(admin, "idle_lock_minutes", 60)
    head = ctx.audit.head()
    with pytest.raises(StorageError, match="audit log is broken at entry 3"):
        ctx.maintenance.restore(admin, path)
    assert ctx.audit.head() == head
    assert ctx.settings.set(admin, "idle_lock_minutes", 61) == 61  # still the live database
    assert not before_restore.exists()
    assert ctx.maintenance.verify().ok


def test_restore_needs_an_administrator(
    ctx: AppContext, admin: Principal, tmp_path: Path, before_restore: Path
) -> None:
    path, _ = ctx.maintenance.backup(tmp_path / "b.sqlite3")
    _, clerk = make_staff(ctx, admin, "clerk", {Role.CLERK})
    head = ctx.audit.head()
    with pytest.raises(PermissionDeniedError):
        ctx.maintenance.restore(clerk, path)
    with pytest.raises(Exception, match="sign in"):
        ctx.maintenance.restore(None, path)
    assert ctx.audit.head() == head
    assert not before_restore.exists()


def test_restore_onto_a_new_pc_needs_no_sign_in(
    ctx: AppContext,
    admin: Principal,
    tmp_path: Path,
    memory_secrets: MemorySecretStore,
    fixed_clock: FixedClock,
    fast_hashing: PasswordHashing,
) -> None:
    """A fresh, empty database may be replaced by a backup without an administrator."""
    path, head = ctx.maintenance.backup(tmp_path / "carry.sqlite3")
    new_pc = build_context(
        str(tmp_path / "new-pc" / "desk.sqlite3"),
        secrets=memory_secrets,  # the audit key came along (exported and imported)
        clock=fixed_clock,
        hashing=fast_hashing,
        data_dir=tmp_path / "new-pc-data",
    )
    try:
        report = new_pc.maintenance.restore(None, path)
        assert report.ok
        assert head is not None and new_pc.audit.recent(1)[0].seq == head.seq + 1
        assert new_pc.auth.sign_in("admin", ADMIN_PASSWORD).login == "admin"
    finally:
        new_pc.close()


def test_backup_onto_the_live_database_is_refused(ctx: AppContext, admin: Principal) -> None:
    assert ctx.db.path is not None
    with pytest.raises(StorageError, match="database itself"):
        ctx.maintenance.backup(ctx.db.path)
    assert ctx.maintenance.verify().ok


def test_verify_reports_a_damaged_file(ctx: AppContext, admin: Principal) -> None:
    for i in range(30):
        ctx.settings.set(admin, "idle_lock_minutes", 1 + i)
    ctx.close()  # checkpoint the WAL into the file, as at exit
    assert ctx.db.path is not None
    corrupt_sqlite_file(ctx.db.path)
    report = ctx.maintenance.verify()  # a report, not an exception
    assert report.integrity != []
    assert not report.ok
