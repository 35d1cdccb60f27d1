"""Copies of a SQLite database made with the online backup API (never a file copy)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from newmedia_desk.domain.errors import StorageError

if TYPE_CHECKING:
    from newmedia_desk.storage.database import Database


def integrity_problems(path: Path) -> list[str]:
    """Run ``PRAGMA integrity_check`` on a file; return its complaints (empty when sound)."""
    if not path.is_file():
        return [f"no such file: {path}"]
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [f"not a SQLite database: {exc}"]
    return [] if rows == ["ok"] else [str(r) for r in rows]


def backup_sqlite(db: Database, target: Path) -> Path:
    """Write a consistent copy of ``db`` to ``target`` atomically and check it."""
    if db.path is None:
        raise StorageError(
            "backup works on SQLite files; back a PostgreSQL database up with pg_dump"
        )
    return copy_sqlite_file(db.path, target)


def copy_sqlite_file(source: Path, target: Path) -> Path:
    """Copy the SQLite file ``source`` to ``target`` with the backup API, atomically."""
    target = target.expanduser().resolve()
    if target == source.resolve():
        raise StorageError("the backup file cannot be the database itself")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create folder {target.parent}: {exc}") from exc
    fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(str(source))
        try:
            src.execute(f"PRAGMA busy_timeout={15_000}")
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                # A single self-contained file: no -wal beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        problems = integrity_problems(tmp)
        if problems:
            raise StorageError("the copy failed its integrity check: " + "; ".join(problems))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise StorageError(f"backup failed: {exc}") from exc
    except OSError as exc:
        raise StorageError(f"cannot write {target}: {exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target


def restore_sqlite_file(backup: Path, db: Database) -> None:
    """Replace the content of ``db`` with ``backup``, through the backup API."""
    if db.path is None:
        raise StorageError("restore works on SQLite files; use pg_restore for PostgreSQL")
    db.dispose()
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(str(db.path))
            try:
                dst.execute(f"PRAGMA busy_timeout={15_000}")
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise StorageError(f"restore failed: {exc}") from exc
