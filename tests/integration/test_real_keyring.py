r"""The real Secret Service through our wrapper (opt-in: ``NEWMEDIA_DESK_TEST_REAL_KEYRING=1``).

Run it headless with::

    dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock \\
        --components=secrets --daemonize >/dev/null; pytest tests/integration -m integration'

Without a reachable, unlocked keyring the tests skip with the store's own reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newmedia_desk.security.audit_key import SERVICE, AuditKeyStore
from newmedia_desk.security.secrets import KeyringSecretStore

pytestmark = pytest.mark.integration

OPT_IN = "NEWMEDIA_DESK_TEST_REAL_KEYRING"


@pytest.fixture
def real_store() -> KeyringSecretStore:
    """The OS keyring exactly as the program picks it (no in-memory override here)."""
    if os.environ.get(OPT_IN) != "1":
        pytest.skip(f"real keyring tests write to this user's keychain: set {OPT_IN}=1 to run")
    store = KeyringSecretStore()
    problem = store.available()
    if problem is not None:
        pytest.skip(f"no usable system keyring: {problem}")
    return store


@pytest.fixture
def db_id(real_store: KeyringSecretStore) -> Iterator[str]:
    """A random database id whose secret is removed afterwards, whatever happens."""
    value = f"test-{uuid.uuid4().hex}"
    yield value
    real_store.delete(SERVICE, value)


def test_backend_is_an_accepted_os_keyring(real_store: KeyringSecretStore) -> None:
    assert real_store.describe().startswith("keyring.backends.")
    assert "fail" not in real_store.describe() and "null" not in real_store.describe()


def test_audit_key_round_trip(real_store: KeyringSecretStore, db_id: str, tmp_path: Path) -> None:
    keys = AuditKeyStore(real_store, fallback_dir=tmp_path)
    key = keys.create(db_id)
    assert not (tmp_path / "keys").exists()  # it went to the keyring, not the fallback file
    assert keys.location(db_id).startswith("system keyring (keyring.backends.")
    # a new store (another start of the program) reads it back from the keyring
    assert AuditKeyStore(KeyringSecretStore(), fallback_dir=tmp_path).require(db_id) == key
    real_store.delete(SERVICE, db_id)
    assert real_store.get(SERVICE, db_id) is None
    assert AuditKeyStore(KeyringSecretStore()).load(db_id) is None


def test_unicode_and_long_secrets(real_store: KeyringSecretStore, db_id: str) -> None:
    for value in ("新媒体管理台 ✓ secret", "x" * 5000):
        real_store.set(SERVICE, db_id, value)  # read back inside set
        assert real_store.get(SERVICE, db_id) == value


def test_account_password_round_trip_through_the_real_keyring(
    real_store: KeyringSecretStore, tmp_path: Path
) -> None:
    """A holder stores and reveals an account password; only ciphertext is in the keyring."""
    from datetime import UTC, datetime

    from newmedia_desk.context import build_context
    from newmedia_desk.domain.roles import Role
    from newmedia_desk.domain.staff import StaffDraft
    from newmedia_desk.security.passwords import HashParameters, PasswordHashing
    from newmedia_desk.services.credentials import SERVICE as CREDENTIALS
    from newmedia_desk.storage.models import Account

    ctx = build_context(
        str(tmp_path / "office.sqlite3"),
        secrets=real_store,
        hashing=PasswordHashing(HashParameters(1, 1024, 1)),
        data_dir=tmp_path / "data",
    )
    refs: list[str] = []
    try:
        ctx.maintenance.create_first_admin(login="admin", name="管理员", password="admin-pass-1")
        admin = ctx.auth.sign_in("admin", "admin-pass-1")
        ctx.directory.create_staff(
            admin,
            StaffDraft(
                login="clerk", name="信息员", unit_id=admin.unit_id, roles=frozenset({Role.CLERK})
            ),
            "clerk-pass-1",
        )
        clerk = ctx.auth.sign_in("clerk", "clerk-pass-1")
        now = datetime.now(UTC)
        with ctx.db.write() as s:
            account = Account(
                platform_id=1,
                name="江城气象",
                unit_id=admin.unit_id,
                administrator_id=clerk.staff_id,
                responsible_id=admin.staff_id,
                status="open",
                created_at=now,
                updated_at=now,
            )
            s.add(account)
            s.flush()
            account_id = account.id
        ctx.credentials.set_holders(admin, account_id, [clerk.staff_id], 0)
        ctx.credentials.set_password(clerk, account_id, "Real#Keyring-2026", "clerk-pass-1")
        with ctx.db.read() as s:
            from newmedia_desk.storage.credential_models import Credential

            cred = s.get(Credential, account_id)
            assert cred is not None and cred.secret_ref is not None
            refs.append(cred.secret_ref)
        stored = real_store.get(CREDENTIALS, refs[0])
        assert stored is not None and "Real#Keyring" not in stored
        assert ctx.credentials.reveal(clerk, account_id, "clerk-pass-1") == "Real#Keyring-2026"
    finally:
        for ref in refs:
            real_store.delete(CREDENTIALS, ref)
        db_id = ctx.audit.database_id()
        if db_id is not None:
            real_store.delete(SERVICE, db_id)
        ctx.close()
