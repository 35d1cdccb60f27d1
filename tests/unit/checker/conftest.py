"""Checker tests never read an office database that happens to exist on this PC."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def _no_office_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("no-office") / "absent.sqlite3"


@pytest.fixture(autouse=True)
def _default_db_absent(monkeypatch: pytest.MonkeyPatch, _no_office_db: Path) -> None:
    """``check`` without ``--db`` looks for the default database: make it one that is absent."""
    monkeypatch.setenv("NEWMEDIA_DESK_DB", str(_no_office_db))
