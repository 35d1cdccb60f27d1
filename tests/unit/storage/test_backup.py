"""Backups through SQLite's online backup API, and damaged-file detection."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from newmedia_desk.domain.errors import StorageError
from newmedia_desk.storage.backup import (
    backup_sqlite,
    copy_sqlite_file,
    integrity_problems,
    restore_sqlite_file,
)
from newmedia_desk.storage.database import Database
from tests.conftest import corrupt_sqlite_file

ROWS = 2000


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite+pysqlite:///{tmp_path / 'live.sqlite3'}")
    with database.write() as s:
        s.execute(text("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"))
        s.execute(text("CREATE INDEX ix_note_body ON note (body)"))
        for i in range(ROWS):
            s.execute(text("INSERT INTO note (body) VALUES (:b)"), {"b": f"第{i}条 " + "x" * 50})
    return database


def count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM note").fetchone()[0])
    finally:
        con.close()


def test_backup_is_a_sound_self_contained_copy(db: Database, tmp_path: Path) -> None:
    target = backup_sqlite(db, tmp_path / "backups" / "b1.sqlite3")
    assert target == (tmp_path / "backups" / "b1.sqlite3").resolve()
    assert integrity_problems(target) == []
    assert count(target) == ROWS
    assert not target.with_name(target.name + "-wal").exists()
    con = sqlite3.connect(target)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        con.close()
    assert [p.name for p in target.parent.iterdir()] == ["b1.sqlite3"]  # no temp file left


def test_backup_while_a_writer_is_active_holds_only_committed_rows(
    db: Database, tmp_path: Path
) -> None:
    with db.write() as s:
        s.execute(text("INSERT INTO note (body) VALUES ('not yet committed')"))
        s.flush()
        target = backup_sqlite(db, tmp_path / "during-write.sqlite3")
    assert integrity_problems(target) == []
    assert count(target) == ROWS
    assert count(db.path) == ROWS + 1  # type: ignore[arg-type]


def test_backup_overwrites_an_older_backup_atomically(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "b.sqlite3"
    backup_sqlite(db, target)
    with db.write() as s:
        s.execute(text("DELETE FROM note WHERE id <= 10"))
    backup_sqlite(db, target)
    assert count(target) == ROWS - 10


def test_backup_onto_the_database_itself_is_refused(db: Database) -> None:
    assert db.path is not None
    with pytest.raises(StorageError, match="cannot be the database itself"):
        backup_sqlite(db, db.path.parent / "." / db.path.name)
    assert count(db.path) == ROWS


def test_backup_into_an_impossible_folder_is_a_storage_error(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="cannot create folder"):
        backup_sqlite(db, blocker / "sub" / "b.sqlite3")


def test_postgresql_is_not_backed_up_or_restored_by_file(tmp_path: Path) -> None:
    pg = Database("postgresql+psycopg://nmd:nmd@127.0.0.1:1/nmd")  # never connects
    with pytest.raises(StorageError, match="pg_dump"):
        backup_sqlite(pg, tmp_path / "x.sqlite3")
    with pytest.raises(StorageError, match="pg_restore"):
        restore_sqlite_file(tmp_path / "x.sqlite3", pg)


def test_flipped_bytes_are_found_by_integrity_check(db: Database, tmp_path: Path) -> None:
    copy = copy_sqlite_file(db.path, tmp_path / "copy.sqlite3")  # type: ignore[arg-type]
    assert integrity_problems(copy) == []
    corrupt_sqlite_file(copy)
    assert integrity_problems(copy) != []


def test_damaged_header_and_non_databases_are_reported(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("这不是数据库" * 200, encoding="utf-8")
    assert integrity_problems(text_file)[0].startswith("not a SQLite database")
    assert integrity_problems(tmp_path / "missing.sqlite3") == [
        f"no such file: {tmp_path / 'missing.sqlite3'}"
    ]


def test_copy_refuses_to_keep_a_damaged_copy(db: Database, tmp_path: Path) -> None:
    damaged = copy_sqlite_file(db.path, tmp_path / "damaged.sqlite3")  # type: ignore[arg-type]
    corrupt_sqlite_file(damaged)
    out = tmp_path / "out"
    with pytest.raises(StorageError):
        copy_sqlite_file(damaged, out / "copy.sqlite3")
    assert list(out.iterdir()) == []  # neither target nor temp file


def test_restore_replaces_the_content(db: Database, tmp_path: Path) -> None:
    backup = backup_sqlite(db, tmp_path / "b.sqlite3")
    with db.write() as s:
        s.execute(text("DELETE FROM note"))
    restore_sqlite_file(backup, db)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM note")).scalar() == ROWS
    assert db.integrity_check() == []
