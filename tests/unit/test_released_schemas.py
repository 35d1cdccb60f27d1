"""Databases written by every released schema open, upgrade and still verify."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newmedia_desk.context import build_context
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.storage.backup import integrity_problems
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.migrate import current_revision, head_revision

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RELEASED = sorted(p for p in FIXTURES.glob("schema_*") if (p / "demo.sqlite3").is_file())


def test_there_is_a_fixture_for_the_newest_schema() -> None:
    """Each release that adds a migration must add its fixture folder too."""
    head = head_revision(Database("sqlite+pysqlite:///:memory:"))
    assert f"schema_{head}" in {p.name for p in RELEASED}


@pytest.mark.parametrize("folder", RELEASED, ids=[p.name for p in RELEASED])
def test_released_database_upgrades_and_verifies(folder: Path, tmp_path: Path) -> None:
    db_file = tmp_path / "office.sqlite3"
    shutil.copyfile(folder / "demo.sqlite3", db_file)
    released_rev = folder.name.removeprefix("schema_")
    assert current_revision(Database(f"sqlite+pysqlite:///{db_file}")) == released_rev

    store = MemorySecretStore()
    # The fixture's hashes are cheap; real ones are stronger and sign-in upgrades them.
    hashing = PasswordHashing()
    probe = build_context(
        str(db_file), secrets=store, hashing=hashing, data_dir=tmp_path, migrate=False
    )
    entries = probe.maintenance.import_audit_key((folder / "audit.key").read_text(encoding="ascii"))
    probe.close()
    assert entries > 0

    ctx = build_context(str(db_file), secrets=store, hashing=hashing, data_dir=tmp_path)
    try:
        assert ctx.migration is not None
        head = ctx.migration.head
        assert current_revision(ctx.db) == head
        if released_rev != head:
            assert ctx.migration.backup is not None
            assert integrity_problems(ctx.migration.backup) == []
        else:
            assert ctx.migration.backup is None
        assert ctx.maintenance.verify().ok
        principal = ctx.auth.sign_in("admin", "demo")
        assert principal.login == "admin"
        staff = ctx.directory.list_staff(principal)
        assert {s.login for s in staff} >= {"admin", "chief", "clerk"}
        assert ctx.maintenance.verify().ok
    finally:
        ctx.close()
