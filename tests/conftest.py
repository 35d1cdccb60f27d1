"""Fixtures shared by every test: a fresh database, a context over it and a first admin.

No Qt in here: the UI tests add their own fixtures in ``tests/ui/conftest.py``.

Service and storage tests marked ``all_backends`` run twice, on a SQLite file and on a
fresh PostgreSQL schema; the PostgreSQL run is skipped unless ``NEWMEDIA_DESK_TEST_PG_URL``
names a server, e.g. ``postgresql+psycopg://nmd:nmd@127.0.0.1:5432/nmd_test``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy import create_engine, make_url
from sqlalchemy.engine import Engine

from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal, StaffDraft, StaffRecord
from newmedia_desk.security import secrets as secrets_module
from newmedia_desk.security.passwords import HashParameters, PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore

PG_URL_ENV = "NEWMEDIA_DESK_TEST_PG_URL"
PG_SKIP_REASON = f"{PG_URL_ENV} not set: no PostgreSQL server"
BACKENDS = ("sqlite", "postgresql")

ADMIN_LOGIN = "admin"
ADMIN_PASSWORD = "admin-pass-1"
STAFF_PASSWORD = "staff-pass-1"
"""The (temporary) password ``make_staff`` gives."""

FAST_PARAMETERS = HashParameters(time_cost=1, memory_kib=1024, parallelism=1)
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8))).astimezone(UTC)
"""2026-03-02 09:00 Beijing time, as UTC."""


# -- keyring: never the real keychain ---------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """A faithful in-memory keyring backend (checked by keyring's own contract tests)."""

    priority = 1.0

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise PasswordDeleteError("no such password") from None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "all_backends: run on SQLite and, when configured, on PostgreSQL"
    )
    config.addinivalue_line(
        "markers", "sqlite_only: a SQLite-file test inside an all_backends module"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marked = metafunc.definition.get_closest_marker("all_backends") is not None
    excluded = metafunc.definition.get_closest_marker("sqlite_only") is not None
    if marked and not excluded and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture(autouse=True)
def _memory_keyring(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the OS keychain (tests marked ``integration`` opt out).

    Both doors are shut: keyring's global backend, and the explicit platform backend that
    ``KeyringSecretStore()`` would pick. The memory backend is not on the allow-list, so
    an unconfigured ``KeyringSecretStore()`` reports itself unavailable.
    """
    if request.node.get_closest_marker("integration") is not None:
        return
    fake = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    keyring.set_keyring(fake)
    monkeypatch.setattr(secrets_module, "default_backend", lambda: fake)


# -- services' collaborators --------------------------------------------------------------


@pytest.fixture
def fast_hashing() -> PasswordHashing:
    """Argon2id at toy cost, so a test signs in in microseconds."""
    return PasswordHashing(FAST_PARAMETERS)


@pytest.fixture
def memory_secrets() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def fixed_clock() -> FixedClock:
    return FixedClock(START)


# -- the database -------------------------------------------------------------------------


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` unless the test is parametrized (``all_backends``) to PostgreSQL too."""
    name = str(getattr(request, "param", "sqlite"))
    if name == "postgresql" and not os.environ.get(PG_URL_ENV):
        pytest.skip(PG_SKIP_REASON)
    return name


@pytest.fixture(scope="session")
def pg_admin_engine() -> Iterator[Engine]:
    """An engine on the test server, used only to create and drop schemas."""
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(PG_SKIP_REASON)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def _fresh_pg_schema(engine: Engine) -> tuple[str, str]:
    """Create an empty schema; return it and a URL whose ``search_path`` is that schema."""
    schema = f"nmd_test_{uuid.uuid4().hex[:16]}"
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(os.environ[PG_URL_ENV]).update_query_dict({"options": f"-csearch_path={schema}"})
    return schema, url.render_as_string(hide_password=False)


@pytest.fixture
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Where the test's database lives: a new SQLite file, or a new PostgreSQL schema."""
    if backend == "sqlite":
        yield str(tmp_path / "desk.sqlite3")
        return
    engine: Engine = request.getfixturevalue("pg_admin_engine")
    schema, url = _fresh_pg_schema(engine)
    try:
        yield url
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The per-user data folder of the context (anchors, fallback key files)."""
    return tmp_path / "data"


@pytest.fixture
def ctx(
    db_url: str,
    memory_secrets: MemorySecretStore,
    fixed_clock: FixedClock,
    fast_hashing: PasswordHashing,
    data_dir: Path,
) -> Iterator[AppContext]:
    context = build_context(
        db_url,
        secrets=memory_secrets,
        clock=fixed_clock,
        hashing=fast_hashing,
        data_dir=data_dir,
    )
    yield context
    context.close()


@pytest.fixture
def admin(ctx: AppContext) -> Principal:
    """The first administrator, signed in."""
    ctx.maintenance.create_first_admin(login=ADMIN_LOGIN, name="管理员", password=ADMIN_PASSWORD)
    return ctx.auth.sign_in(ADMIN_LOGIN, ADMIN_PASSWORD)


def make_staff(
    ctx: AppContext,
    admin: Principal,
    login: str,
    roles: frozenset[Role] | set[Role] | tuple[Role, ...] = (),
    unit_id: int | None = None,
    *,
    name: str | None = None,
) -> tuple[StaffRecord, Principal]:
    """Create a staff member (in the admin's unit by default) and sign them in.

    They sign in with ``STAFF_PASSWORD`` and still have to change it (``must_change``).
    """
    record = ctx.directory.create_staff(
        admin,
        StaffDraft(
            login=login,
            name=name or f"员工{login}",
            unit_id=admin.unit_id if unit_id is None else unit_id,
            roles=frozenset(roles),
        ),
        STAFF_PASSWORD,
    )
    principal = ctx.auth.sign_in(login, STAFF_PASSWORD)
    return ctx.directory.get_staff(None, record.id), principal


def corrupt_sqlite_file(path: Path) -> None:
    """Damage a SQLite file the way a bad disk would: scramble B-tree page headers.

    Page 1 (the file header and schema) is left alone so the file still opens; every
    other page gets its header flipped, which ``PRAGMA integrity_check`` always notices.
    """
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big") or 65536
    for start in range(page_size, len(data), page_size):
        for i in range(start, start + 8):
            data[i] ^= 0xFF
    path.write_bytes(bytes(data))
