"""Where the database may live: ``--db`` values and network drives on Windows."""

from __future__ import annotations

from pathlib import Path

import pytest

from newmedia_desk.domain.errors import StorageError
from newmedia_desk.storage.location import (
    DB_ENV,
    DB_FILENAME,
    DRIVE_REMOTE,
    check_local,
    resolve_db_url,
    sqlite_path,
)

DRIVE_FIXED = 3


class DriveTypes:
    """A fake ``GetDriveTypeW`` that remembers what it was asked."""

    def __init__(self, **types: int) -> None:
        self.types = {f"{letter}:\\": t for letter, t in types.items()}
        self.asked: list[str] = []

    def __call__(self, root: str) -> int:
        self.asked.append(root)
        return self.types.get(root.upper(), DRIVE_FIXED)


@pytest.mark.parametrize(
    "path",
    [r"\\fileserver\share\desk.sqlite3", "//fileserver/share/desk.sqlite3", r"\\?\UNC\srv\s\x.db"],
)
def test_unc_paths_are_refused_on_windows(path: str) -> None:
    drives = DriveTypes()
    with pytest.raises(StorageError, match="network drive") as info:
        check_local(Path(path), platform="win32", drive_type=drives)
    assert info.value.params["path"] == str(Path(path))


@pytest.mark.parametrize("path", [r"Z:\office\desk.sqlite3", r"z:\desk.sqlite3", "Z:"])
def test_mapped_network_drive_is_refused(path: str) -> None:
    drives = DriveTypes(Z=DRIVE_REMOTE)
    with pytest.raises(StorageError, match="PostgreSQL"):
        check_local(Path(path), platform="win32", drive_type=drives)
    assert [root.upper() for root in drives.asked] == ["Z:\\"]


def test_local_drive_is_accepted() -> None:
    drives = DriveTypes(Z=DRIVE_REMOTE)
    check_local(
        Path(r"C:\Users\xmt\AppData\Local\desk.sqlite3"), platform="win32", drive_type=drives
    )
    assert drives.asked == ["C:\\"]


def test_other_platforms_never_ask_for_drive_types() -> None:
    def fail(_root: str) -> int:
        raise AssertionError("drive type asked off Windows")

    check_local(Path("/srv/share/desk.sqlite3"), platform="linux", drive_type=fail)
    check_local(Path("//server/share/x"), platform="darwin", drive_type=fail)


def test_path_becomes_an_absolute_sqlite_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = resolve_db_url("sub/办公室.sqlite3")
    assert url.get_backend_name() == "sqlite"
    assert sqlite_path(url) == tmp_path / "sub" / "办公室.sqlite3"


def test_url_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    url = resolve_db_url("postgresql+psycopg://nmd:pw@127.0.0.1:5432/nmd")
    assert url.get_backend_name() == "postgresql"
    assert url.database == "nmd"
    assert sqlite_path(url) is None


def test_environment_variable_then_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "env.sqlite3"))
    assert sqlite_path(resolve_db_url(None)) == tmp_path / "env.sqlite3"
    assert sqlite_path(resolve_db_url(str(tmp_path / "arg.sqlite3"))) == tmp_path / "arg.sqlite3"
    monkeypatch.delenv(DB_ENV)
    monkeypatch.setattr(
        "newmedia_desk.storage.location.default_data_dir", lambda: tmp_path / "default"
    )
    assert sqlite_path(resolve_db_url(None)) == tmp_path / "default" / DB_FILENAME


def test_garbage_url_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match="not a database URL"):
        resolve_db_url("::not a url://")


def test_in_memory_sqlite_has_no_path() -> None:
    assert sqlite_path(resolve_db_url("sqlite://")) is None
