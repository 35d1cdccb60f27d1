"""The engine and its sessions.

Reads and writes get different sessions: a write begins with ``BEGIN IMMEDIATE`` on SQLite
so that two processes doing read-then-write queue on the busy timeout instead of failing
with "database is locked" (a deferred transaction cannot wait when it upgrades to a write).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import QueuePool, StaticPool

from newmedia_desk.domain.errors import ConflictError, StorageError
from newmedia_desk.storage.location import check_local, sqlite_path

BUSY_TIMEOUT_MS = 15_000
_WRITE_OPTION = "newmedia_desk_write"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_con: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself.
        dbapi_con.isolation_level = None
        cur = dbapi_con.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(_WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


class Database:
    """One database: its engine, and sessions for reading and for writing."""

    def __init__(self, url: URL | str, *, echo: bool = False) -> None:
        self.url = url if isinstance(url, URL) else _parse(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.path = sqlite_path(self.url)
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            if self.path is not None:
                check_local(self.path)
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StorageError(
                        f"cannot create the database folder {self.path.parent}: {exc}"
                    ) from exc
                # Pooled: a new connection per session cost four PRAGMAs and a schema read
                # (≈ 1.5 ms) on every read. Idle pooled connections hold no lock (WAL,
                # every session ends with commit or rollback); restore disposes them first.
                kwargs["poolclass"] = QueuePool
            else:
                kwargs["poolclass"] = StaticPool
                kwargs["connect_args"] = {"check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine = create_engine(self.url, **kwargs)
        except (ArgumentError, NoSuchModuleError, ImportError) as exc:
            raise StorageError(
                f"cannot use database {self.url.render_as_string(hide_password=True)}: {exc}"
            ) from exc
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        self._write_engine = self.engine.execution_options(**{_WRITE_OPTION: True})
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self._write_engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        with self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: ``BEGIN IMMEDIATE``, committed on success, rolled back on error.

        A versioned row changed by another connection after it was read (possible on
        PostgreSQL, where writers do not queue) raises ``ConflictError``.
        """
        try:
            with self._writer() as session, session.begin():
                yield session
        except StaleDataError as exc:
            raise ConflictError(
                "the record was changed by someone else meanwhile; reload it and apply the "
                "edit again",
                entity="record",
            ) from exc

    def describe(self) -> str:
        """Where the data is, for people (password hidden)."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    def integrity_check(self) -> list[str]:
        """Run SQLite's ``integrity_check``; return the problems found (empty when sound)."""
        if not self.is_sqlite:
            return []
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(text("PRAGMA integrity_check")).scalars().all()
        except DatabaseError as exc:
            # A badly damaged file makes the check itself fail: that is its finding.
            return [f"the check could not run: {exc.orig}"]
        return [] if rows == ["ok"] else [str(r) for r in rows]

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _parse(url: str) -> URL:
    from sqlalchemy.engine import make_url

    return make_url(url)
