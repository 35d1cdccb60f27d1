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
