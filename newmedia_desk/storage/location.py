"""Where the database lives: default path, ``--db`` values and unsafe locations."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from newmedia_desk.domain.errors import StorageError
from newmedia_desk.paths import default_data_dir

DB_ENV = "NEWMEDIA_DESK_DB"
DB_FILENAME = "newmedia_desk.sqlite3"
DRIVE_REMOTE = 4  # GetDriveTypeW


def resolve_db_url(value: str | None) -> URL:
    """Turn ``--db`` (or ``NEWMEDIA_DESK_DB``, or the default) into a SQLAlchemy URL.

    A value containing ``://`` is a URL; anything else is a path to a SQLite file.
    """
    raw = value or os.environ.get(DB_ENV) or ""
    if "://" in raw:
        try:
            return make_url(raw)
        except Exception as exc:  # sqlalchemy raises ArgumentError with a terse text
            raise StorageError(f"not a database URL: {raw!r}") from exc
    path = Path(raw).expanduser() if raw else default_data_dir() / DB_FILENAME
    return URL.create("sqlite+pysqlite", database=str(path.resolve()))


def sqlite_path(url: URL) -> Path | None:
    """Return the file of a SQLite URL, or ``None`` for other databases and in-memory ones."""
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _windows_drive_type(root: str) -> int:
    windll = getattr(ctypes, "windll", None)
    if windll is None:  # pragma: no cover - only on Windows
        return 0
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def check_local(
    path: Path,
    *,
    platform: str = sys.platform,
    drive_type: Callable[[str], int] = _windows_drive_type,
) -> None:
    """Refuse a SQLite file on a network share, where SQLite's locking is unsafe."""
    if platform != "win32":
        return
    text = str(path)
    if text.startswith(("\\\\", "//")):
        remote = True
    else:
        drive = text[:3] if len(text) >= 2 and text[1] == ":" else ""
        remote = bool(drive) and drive_type(drive if drive.endswith("\\") else drive + "\\") == (
            DRIVE_REMOTE
        )
    if remote:
        raise StorageError(
            "the database is on a network drive, where SQLite can corrupt data; "
            "keep it on this PC, or share one PostgreSQL database between PCs "
            "(--db postgresql+psycopg://…)",
            path=text,
        )
