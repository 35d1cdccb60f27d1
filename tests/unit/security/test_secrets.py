"""The keyring wrapper: allow-list, read-back, and the in-memory keyring's faithfulness."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null
from keyring.testing.backend import BackendBasicTests

from newmedia_desk.security.secrets import (
    ACCEPTED_BACKENDS,
    KeyringSecretStore,
    MemorySecretStore,
    SecretStoreError,
    backend_name,
)
from tests.conftest import MemoryKeyring

SERVICE = "newmedia_desk/test"


class TestMemoryKeyringContract(BackendBasicTests):
    """keyring's own backend tests, run against the fake every test uses."""

    def init_keyring(self) -> MemoryKeyring:
        return MemoryKeyring()


class Recorder:
    """Backend stand-in that records writes; renamed per test to look like other backends."""

    priority = 5.0

    def __init__(self, *, keep: bool = True) -> None:
        self.keep = keep
        self.writes: list[tuple[str, str, str]] = []
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.data.get((service, name))

    def set_password(self, service: str, name: str, value: str) -> None:
        self.writes.append((service, name, value))
        if self.keep:
            self.data[(service, name)] = value

    def delete_password(self, service: str, name: str) -> None:
        del self.data[(service, name)]


def disguised(module: str, qualname: str, base: type = Recorder, **kwargs: bool) -> Recorder:
    """An instance of a subclass of ``base`` that reports itself as ``module.qualname``."""
    cls = type(qualname, (base,), {"__module__": module, "__qualname__": qualname})
    instance = cls(**kwargs)
    assert isinstance(instance, Recorder)
    return instance


SECRET_SERVICE = "keyring.backends.SecretService.Keyring"


def test_autouse_fixture_replaced_the_global_keyring() -> None:
    assert isinstance(keyring.get_keyring(), MemoryKeyring)


def test_default_store_is_kept_off_the_real_keychain() -> None:
    """Under the autouse fixture the default backend is the fake, which is not accepted."""
    store = KeyringSecretStore()
    assert "does not protect secrets" in (store.available() or "")


@pytest.mark.parametrize("backend_cls", [fail.Keyring, null.Keyring], ids=["fail", "null"])
def test_fail_and_null_backends_are_refused(backend_cls: type) -> None:
    store = KeyringSecretStore(backend_cls())
    reason = store.available()
    assert reason is not None
    assert backend_name(backend_cls()) in reason
    with pytest.raises(SecretStoreError, match="does not protect secrets"):
        store.set(SERVICE, "db1", "secret")
    with pytest.raises(SecretStoreError):
        store.get(SERVICE, "db1")


@pytest.mark.parametrize(
    ("module", "qualname"),
    [
        ("keyring.backends.null", "Keyring"),  # the null keyring, spying
        ("keyrings.alt.file", "PlaintextKeyring"),
        ("keyrings.alt.file", "EncryptedKeyring"),
        ("tests.somewhere", "HomeMadeKeyring"),
    ],
)
def test_refused_backends_are_never_written_to(module: str, qualname: str) -> None:
    spy = disguised(module, qualname)
    assert backend_name(spy) == f"{module}.{qualname}"
    store = KeyringSecretStore(spy)
    assert f"keyring backend {module}.{qualname} does not protect secrets" in (
        store.available() or ""
    )
    with pytest.raises(SecretStoreError):
        store.set(SERVICE, "db1", "secret")
    with pytest.raises(SecretStoreError):
        store.delete(SERVICE, "db1")
    assert spy.writes == []


def test_allow_list_names_only_os_keychains() -> None:
    assert not any("alt" in name or "null" in name or "fail" in name for name in ACCEPTED_BACKENDS)
    assert SECRET_SERVICE in ACCEPTED_BACKENDS


def test_accepted_backend_round_trips_and_reads_back() -> None:
    real = disguised("keyring.backends.SecretService", "Keyring")
    store = KeyringSecretStore(real)
    assert store.available() is None
    assert store.describe() == SECRET_SERVICE
    store.set(SERVICE, "db1", "秘密 value")
    assert store.get(SERVICE, "db1") == "秘密 value"
    store.delete(SERVICE, "db1")
    store.delete(SERVICE, "db1")  # already gone: no error
    assert store.get(SERVICE, "db1") is None


def test_backend_that_drops_writes_is_caught_by_the_read_back() -> None:
    dropping = disguised("keyring.backends.SecretService", "Keyring", keep=False)
    store = KeyringSecretStore(dropping)
    with pytest.raises(SecretStoreError, match="read-back"):
        store.set(SERVICE, "db1", "secret")
    assert dropping.writes == [(SERVICE, "db1", "secret")]


def test_backend_errors_become_secret_store_errors() -> None:
    class Locked(Recorder):
        def get_password(self, service: str, name: str) -> str | None:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    store = KeyringSecretStore(disguised("keyring.backends.SecretService", "Keyring", Locked))
    with pytest.raises(SecretStoreError, match="refused to read"):
        store.get(SERVICE, "db1")
    with pytest.raises(SecretStoreError, match="refused to write"):
        store.set(SERVICE, "db1", "x")


class RaisingPriority:
    """A class attribute that raises when read, as SecretService's does without D-Bus."""

    def __get__(self, obj: object, owner: type) -> float:
        raise RuntimeError("DBUS_SESSION_BUS_ADDRESS is unset")


def test_unreachable_backends_are_unavailable() -> None:
    class NoBus(Recorder):
        priority = RaisingPriority()

    class Sleeping(Recorder):
        priority = 0.0

    no_bus = KeyringSecretStore(disguised("keyring.backends.SecretService", "Keyring", NoBus))
    assert "DBUS_SESSION_BUS_ADDRESS is unset" in (no_bus.available() or "")
    sleeping = KeyringSecretStore(disguised("keyring.backends.SecretService", "Keyring", Sleeping))
    assert "not reachable" in (sleeping.available() or "")
    with pytest.raises(SecretStoreError, match="not reachable"):
        sleeping.set(SERVICE, "db1", "x")


def test_backend_that_cannot_load_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> object:
        raise ImportError("no module named 'secretstorage'")

    monkeypatch.setattr("newmedia_desk.security.secrets.default_backend", broken)
    assert "could be loaded" in (KeyringSecretStore().available() or "")


def test_memory_store() -> None:
    store = MemorySecretStore()
    assert store.available() is None
    store.set(SERVICE, "a", "1")
    assert store.get(SERVICE, "a") == "1"
    store.delete(SERVICE, "a")
    store.delete(SERVICE, "a")
    assert store.get(SERVICE, "a") is None
    broken = MemorySecretStore(broken="locked")
    assert broken.available() == "locked"
    with pytest.raises(SecretStoreError, match="locked"):
        broken.set(SERVICE, "a", "1")
