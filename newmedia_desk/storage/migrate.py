"""Bring a database to the current schema, in code (no ``alembic.ini`` at run time).

A new database is created at head. An older one is first copied with SQLite's backup API
next to the original (``…-before-<rev>.sqlite3``), then upgraded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import SQLAlchemyError

from newmedia_desk.domain.errors import StorageError
from newmedia_desk.paths import migrations_dir
from newmedia_desk.storage.backup import backup_sqlite
from newmedia_desk.storage.database import Database

if TYPE_CHECKING:
    from alembic.config import Config

SCHEMA_HEAD = "0008"
"""The newest migration's revision. Checked against Alembic by a test; it lets a start-up
that finds the database current skip importing Alembic (about 0.15 s)."""


@dataclass(frozen=True, slots=True)
class MigrationResult:
    """What ``ensure_schema`` did."""

    created: bool
    upgraded_from: str | None
    backup: Path | None
    head: str


def alembic_config(db: Database) -> Config:
    """Build the Alembic configuration in code."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    # ConfigParser interpolates '%': escape it, or a URL-encoded password or option breaks.
    url = db.url.render_as_string(hide_password=False).replace("%", "%%")
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision(db: Database) -> str:
    """The newest revision the program knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(db)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The revision the database is at, or ``None`` for a database never migrated."""
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def ensure_schema(db: Database) -> MigrationResult:
    """Create or upgrade the schema to head; back the file up first when upgrading."""
    if _stamped_revision(db) == SCHEMA_HEAD:
        return MigrationResult(created=False, upgraded_from=None, backup=None, head=SCHEMA_HEAD)
    head = head_revision(db)
    current = current_revision(db)
    if current == head:
        return MigrationResult(created=False, upgraded_from=None, backup=None, head=head)
    if current is not None and not _known_revision(db, current):
        raise StorageError(
            "the database was written by a newer version of this program; "
            "install that version or restore an older backup",
            revision=current,
        )
    backup: Path | None = None
    if current is None:
        with db.engine.connect() as conn:
            if inspect(conn).get_table_names():
                raise StorageError(
                    "this file is not a newmedia_desk database (it has other tables)"
                )
    elif db.path is not None and db.path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        backup = db.path.with_name(f"{db.path.stem}-before-{current}-{stamp}{db.path.suffix}")
        backup_sqlite(db, backup)
    _upgrade(db, head)
    return MigrationResult(created=current is None, upgraded_from=current, backup=backup, head=head)


def _known_revision(db: Database, revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    # get_revision raises (it does not return None) for a revision it has never heard of.
    try:
        return ScriptDirectory.from_config(alembic_config(db)).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_to(db: Database, revision: str) -> None:
    """Upgrade to a given revision (tests build older databases with it)."""
    _upgrade(db, revision)


def _upgrade(db: Database, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _stamped_revision(db: Database) -> str | None:
    """Read ``alembic_version`` with plain SQL (``None`` when absent or unreadable)."""
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:
        return None
    return str(rows[0]) if len(rows) == 1 else None
