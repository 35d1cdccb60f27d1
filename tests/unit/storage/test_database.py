"""The SQLite engine: PRAGMAs on every connection, BEGIN IMMEDIATE writes, many writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from newmedia_desk.domain.errors import ConflictError
from newmedia_desk.storage.database import BUSY_TIMEOUT_MS, Database
from newmedia_desk.storage.migrate import ensure_schema
from newmedia_desk.storage.models import Unit

PROCESSES = 4
INCREMENTS = 50


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite+pysqlite:///{tmp_path / 'engine.sqlite3'}")
    with database.write() as s:
        s.execute(text("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"))
        s.execute(text("INSERT INTO counter VALUES (1, 0)"))
    return database


def pragmas(conn: object) -> dict[str, object]:
    execute = conn.execute  # type: ignore[attr-defined]
    return {
        name: execute(text(f"PRAGMA {name}")).scalar()
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }


EXPECTED = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: WAL + NORMAL may lose the last commits on power loss
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def test_every_new_connection_gets_the_pragmas(db: Database) -> None:
    assert BUSY_TIMEOUT_MS > 0
    seen = []
    for _ in range(3):  # NullPool: each session is a brand-new connection
        with db.read() as s:
            seen.append(pragmas(s))
        with db.write() as s:
            seen.append(pragmas(s))
    with db.engine.connect() as conn:
        seen.append(pragmas(conn))
    assert seen == [EXPECTED] * len(seen)


def test_foreign_keys_are_enforced(db: Database) -> None:
    with db.write() as s:
        s.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"))
        s.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, p INTEGER REFERENCES parent)"))
    with pytest.raises(Exception, match="FOREIGN KEY"), db.write() as s:
        s.execute(text("INSERT INTO child VALUES (1, 42)"))


def test_write_session_holds_the_write_lock_from_its_first_statement(db: Database) -> None:
    """BEGIN IMMEDIATE: while a write session is open, nobody else can start a write."""
    assert db.path is not None
    other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        with db.write() as s:
            s.execute(text("SELECT n FROM counter")).scalar()  # a read only, yet locked
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # released at commit
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_read_session_does_not_take_the_write_lock(db: Database) -> None:
    assert db.path is not None
    other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        with db.read() as s:
            s.execute(text("SELECT n FROM counter")).scalar()
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_write_session_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as s:
        s.execute(text("UPDATE counter SET n = 99"))
        raise RuntimeError("boom")
    with db.read() as s:
        assert s.execute(text("SELECT n FROM counter")).scalar() == 0


def test_read_session_never_commits(db: Database) -> None:
    with db.read() as s:
        s.execute(text("UPDATE counter SET n = 99"))
    with db.read() as s:
        assert s.execute(text("SELECT n FROM counter")).scalar() == 0


def test_integrity_check_and_describe(db: Database, tmp_path: Path) -> None:
    assert db.integrity_check() == []
    assert db.describe() == str(tmp_path / "engine.sqlite3")
    pg = Database("postgresql+psycopg://nmd:secret@db.example/nmd")  # never connects
    assert "secret" not in pg.describe()
    assert pg.integrity_check() == []
    assert pg.path is None and not pg.is_sqlite


# -- several processes incrementing one counter ------------------------------------------


def increment_worker(
    url: str, deferred: bool, start: Barrier, results: Queue[tuple[int, list[str]]]
) -> None:
    """Read the counter and write it back plus one, ``INCREMENTS`` times.

    ``deferred`` uses a plain ``BEGIN`` instead of the write session: the control case.
    """
    db = Database(url)
    errors: list[str] = []
    done = 0
    start.wait()
    for _ in range(INCREMENTS):
        try:
            if deferred:
                with db.engine.begin() as conn:
                    n = conn.execute(text("SELECT n FROM counter WHERE id = 1")).scalar_one()
                    conn.execute(text("UPDATE counter SET n = :n WHERE id = 1"), {"n": n + 1})
            else:
                with db.write() as s:
                    n = s.execute(text("SELECT n FROM counter WHERE id = 1")).scalar_one()
                    s.execute(text("UPDATE counter SET n = :n WHERE id = 1"), {"n": n + 1})
            done += 1
        except OperationalError as exc:
            errors.append(str(exc.orig))
    db.dispose()
    results.put((done, errors))


def run_increments(db: Database, *, deferred: bool) -> tuple[int, list[str], int]:
    """Run the workers; return increments done, errors, and the final counter."""
    mp = multiprocessing.get_context("spawn")
    start = mp.Barrier(PROCESSES)
    results: Queue[tuple[int, list[str]]] = mp.Queue()
    url = db.url.render_as_string(hide_password=False)
    procs = [
        mp.Process(target=increment_worker, args=(url, deferred, start, results))
        for _ in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    with db.read() as s:
        final = s.execute(text("SELECT n FROM counter WHERE id = 1")).scalar_one()
    return sum(d for d, _ in outcomes), [e for _, errs in outcomes for e in errs], final


def test_four_processes_increment_without_lock_errors_or_lost_updates(db: Database) -> None:
    done, errors, final = run_increments(db, deferred=False)
    assert errors == []
    assert done == PROCESSES * INCREMENTS
    assert final == PROCESSES * INCREMENTS


def test_control_deferred_transactions_do_fail_under_the_same_load(db: Database) -> None:
    """Without BEGIN IMMEDIATE the same load gives "database is locked".

    So the test above would notice a write session that stopped using BEGIN IMMEDIATE.
    """
    done, errors, final = run_increments(db, deferred=True)
    assert errors, "expected lock errors with deferred transactions"
    assert all("locked" in e for e in errors)
    assert final == done  # WAL refuses the stale write rather than losing an update


def test_stale_versioned_row_in_a_write_is_a_conflict(tmp_path: Path) -> None:
    """The ORM's version guard (UPDATE … WHERE version = ?) surfaces as ConflictError."""
    database = Database(f"sqlite+pysqlite:///{tmp_path / 'versions.sqlite3'}")
    ensure_schema(database)
    with database.write() as s:
        s.add(Unit(name="办公室", parent_id=None))
    with pytest.raises(ConflictError), database.write() as s:
        unit = s.scalars(select(Unit)).one()
        # someone else's change, as the version column sees it
        s.execute(text("UPDATE unit SET version = version + 1"))
        unit.name = "综合科"
    with database.read() as s:
        assert s.scalars(select(Unit.name)).one() == "办公室"
    database.dispose()
