"""Schema creation and upgrades, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import DateTime, column, insert, inspect, table, text

from newmedia_desk.domain.errors import StorageError
from newmedia_desk.storage import migrate
from newmedia_desk.storage.backup import integrity_problems
from newmedia_desk.storage.base import Base
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.location import resolve_db_url
from newmedia_desk.storage.migrate import (
    current_revision,
    ensure_schema,
    head_revision,
    upgrade_to,
)
from newmedia_desk.storage.post_search import FTS_TABLE, is_search_table

TABLES = {
    "account",
    "account_approval_step",
    "account_event",
    "account_filing",
    "alembic_version",
    "audit_head",
    "audit_log",
    "cadence_rule",
    "credential",
    "credential_holder",
    "crisis_hold",
    "delegation",
    "draft_autosave",
    "feedback",
    "image_data",
    "incident",
    "library_item",
    "lexicon",
    "lexicon_revision",
    "meta",
    "moderation_entry",
    "post",
    "post_revision",
    "post_signoff",
    "post_target",
    "publication",
    "stored_image",
    "office_setting",
    "platform",
    "rogue_account",
    "rogue_action",
    "sign_in_throttle",
    "staff",
    "staff_key",
    "staff_key_history",
    "staff_role",
    "unit",
}

COLUMNS_ADDED = {"cadence_rule": {"effective_from"}}
"""Columns later migrations added to tables of earlier ones (0007: 生效日期)."""


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(resolve_db_url(db_url))
    yield database
    database.dispose()


@pytest.mark.all_backends
def test_new_database_is_created_at_head(db: Database) -> None:
    result = ensure_schema(db)
    assert result.created and result.upgraded_from is None and result.backup is None
    assert result.head == head_revision(db) == current_revision(db)
    with db.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
    search = {n for n in names if is_search_table(n)}
    assert names - search == TABLES
    assert (FTS_TABLE in search) == (db.engine.dialect.name == "sqlite")
    with db.engine.connect() as conn:
        for table, added in COLUMNS_ADDED.items():
            columns = {c["name"]: c for c in inspect(conn).get_columns(table)}
            assert added <= set(columns)
            assert not any(columns[name]["nullable"] for name in added)


@pytest.mark.all_backends
def test_ensure_schema_at_head_does_nothing(db: Database) -> None:
    ensure_schema(db)
    again = ensure_schema(db)
    assert not again.created and again.upgraded_from is None and again.backup is None


@pytest.mark.all_backends
def test_models_match_the_migrations(db: Database) -> None:
    """Autogenerate finds nothing to add: nobody changed a model without a migration."""
    ensure_schema(db)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                # The FTS5 index and its shadow tables are not described by the models.
                "include_name": lambda name, kind, _parent: (
                    not (kind == "table" and name is not None and is_search_table(name))
                ),
            },
        )
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_schema_head_constant_matches_alembic(db: Database) -> None:
    """The start-up fast path trusts SCHEMA_HEAD; it must name Alembic's real head."""
    assert head_revision(db) == migrate.SCHEMA_HEAD


@pytest.mark.all_backends
def test_database_at_first_revision_is_left_alone_when_that_is_head(db: Database) -> None:
    upgrade_to(db, "0001")
    assert current_revision(db) == "0001"
    if head_revision(db) == "0001":
        result = ensure_schema(db)
        assert not result.created and result.backup is None


def test_older_database_is_backed_up_before_the_upgrade(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pretend the program knows a revision 0002: the 0001 file is copied first."""
    db = Database(resolve_db_url(db_url))
    upgrade_to(db, "0001")
    with db.write() as s:
        s.execute(text("INSERT INTO meta (key, value) VALUES ('marker', '升级前')"))
    calls: list[tuple[str, list[Path]]] = []

    def fake_upgrade(database: Database, revision: str) -> None:
        assert database.path is not None
        calls.append((revision, sorted(database.path.parent.glob("*-before-0001-*"))))

    monkeypatch.setattr(migrate, "head_revision", lambda _db: "0002")
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "0002")
    monkeypatch.setattr(migrate, "_upgrade", fake_upgrade)
    result = ensure_schema(db)

    assert result.upgraded_from == "0001" and not result.created and result.head == "0002"
    assert result.backup is not None
    assert calls == [("0002", [result.backup])]  # the copy existed before the upgrade ran
    assert result.backup.name.startswith("desk-before-0001-")
    assert result.backup.suffix == ".sqlite3"
    assert integrity_problems(result.backup) == []
    con = sqlite3.connect(result.backup)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone() == ("升级前",)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    finally:
        con.close()
    db.dispose()


@pytest.mark.all_backends
def test_database_from_a_newer_program_is_refused(db: Database) -> None:
    ensure_schema(db)
    with db.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StorageError, match="newer version") as info:
        ensure_schema(db)
    assert info.value.params["revision"] == "9999_future"
    with db.read() as s:  # untouched
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"


@pytest.mark.all_backends
def test_foreign_database_is_refused(db: Database) -> None:
    with db.write() as s:
        s.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"))
    with pytest.raises(StorageError, match="not a newmedia_desk database"):
        ensure_schema(db)
    with db.engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["customers"]


def test_percent_in_url_does_not_break_alembic(tmp_path: Path) -> None:
    """A URL-encoded character (password, PostgreSQL options) once crashed ConfigParser."""
    db = Database(f"sqlite+pysqlite:///{tmp_path / 'a%20b.sqlite3'}")
    assert ensure_schema(db).created
    db.dispose()


@pytest.mark.all_backends
def test_0007_gives_existing_rules_the_office_date_of_their_creation(db: Database) -> None:
    """Each existing rule takes effect on the Beijing date it was created.

    00:30 on 1 April Beijing time is 16:30 UTC on 31 March: 1 April. 23:59 on 31 March
    Beijing time: 31 March.
    """
    upgrade_to(db, "0006")
    unit = table("unit", column("id"), column("name"), column("active"), column("sort_order"),
                 column("version"))  # fmt: skip
    staff = table(
        "staff", column("id"), column("login"), column("name"), column("position"),
        column("phone"), column("qq"), column("unit_id"), column("must_change_password"),
        column("created_at", DateTime(timezone=True)), column("version"),
    )  # fmt: skip
    rules = table(
        "cadence_rule", column("id"), column("account_id"), column("column"), column("text"),
        column("parsed"), column("unparsed"), column("active"),
        column("created_at", DateTime(timezone=True)), column("created_by"),
        column("updated_at", DateTime(timezone=True)), column("version"),
    )  # fmt: skip
    created = {
        1: datetime(2026, 3, 31, 16, 30, tzinfo=UTC),
        2: datetime(2026, 3, 31, 15, 59, tzinfo=UTC),
    }
    with db.write() as s:
        s.execute(insert(unit).values(id=1, name="市气象局", active=True, sort_order=0, version=1))
        s.execute(
            insert(staff).values(
                id=1, login="admin", name="管理员", position="", phone="", qq="", unit_id=1,
                must_change_password=False, created_at=created[1], version=1,
            )
        )  # fmt: skip
        for rule_id, at in created.items():
            s.execute(
                insert(rules).values(
                    id=rule_id, account_id=None, column=f"#栏目{rule_id}#", text="每周至少1次",
                    parsed="[]", unparsed="", active=True, created_at=at, created_by=1,
                    updated_at=at, version=1,
                )
            )  # fmt: skip
    upgrade_to(db, "0007")
    with db.read() as s:
        found = s.execute(text("SELECT id, effective_from FROM cadence_rule")).all()
    assert {k: str(v) for k, v in found} == {1: "2026-04-01", 2: "2026-03-31"}
