"""The secret store: the OS keyring behind a small interface, with an in-memory twin.

Only real OS backends are accepted (Windows Credential Manager, macOS Keychain, Secret
Service, KWallet). keyring's ``fail``, ``null`` and every ``keyrings.alt`` backend are
refused: the null one drops writes silently and the alt ones keep secrets in plain files.
Every write is read back and compared.
"""

from __future__ import annotations

import sys
from typing import Any, Protocol

from newmedia_desk.domain.errors import DeskError

ACCEPTED_BACKENDS = frozenset(
    {
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
    }
)


class SecretStoreError(DeskError):
    """The secret store is unusable or refused an operation."""

    code = "secret_store"


class SecretStore(Protocol):
    """Where secrets live: never the database, the logs or the exports."""

    def available(self) -> str | None:
        """Return ``None`` when usable, otherwise why not (for people)."""
        ...

    def get(self, service: str, name: str) -> str | None:
        """Return a secret, or ``None`` if there is none."""
        ...

    def set(self, service: str, name: str, value: str) -> None:
        """Store a secret and read it back; raise ``SecretStoreError`` if that fails."""
        ...

    def delete(self, service: str, name: str) -> None:
        """Remove a secret (no error if it is already gone)."""
        ...

    def describe(self) -> str:
        """Name the backend, for people."""
        ...


def backend_name(backend: object) -> str:
    """Return ``module.Class`` of a keyring backend."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def default_backend() -> Any:
    """Pick the platform's real keyring backend explicitly (no slow auto-detection)."""
    if sys.platform == "win32":
        from keyring.backends import Windows

        return Windows.WinVaultKeyring()
    if sys.platform == "darwin":
        from keyring.backends import macOS

        return macOS.Keyring()
    from keyring.backends import SecretService

    return SecretService.Keyring()  # type: ignore[no-untyped-call]


class KeyringSecretStore:
    """A ``SecretStore`` over one keyring backend, with an allow-list and read-back."""

    def __init__(self, backend: Any = None, *, accepted: frozenset[str] = ACCEPTED_BACKENDS):
        self._backend = backend
        self._accepted = accepted

    def _get_backend(self) -> Any:
        if self._backend is None:
            self._backend = default_backend()
        return self._backend

    def describe(self) -> str:
        """Name the backend."""
        return backend_name(self._get_backend())

    def available(self) -> str | None:
        """Explain why the backend cannot be used, or return ``None``."""
        try:
            backend = self._get_backend()
        except Exception as exc:
            return f"no system keyring could be loaded: {exc}"
        name = backend_name(backend)
        if name not in self._accepted:
            return f"keyring backend {name} does not protect secrets; it is not used"
        try:
            priority = float(type(backend).priority)
        except Exception as exc:
            return f"system keyring is not reachable: {exc}"
        if priority <= 0:
            return f"system keyring {name} is not reachable on this computer"
        return None

    def _require(self) -> Any:
        problem = self.available()
        if problem is not None:
            raise SecretStoreError(problem)
        return self._get_backend()

    def get(self, service: str, name: str) -> str | None:
        """Read a secret."""
        backend = self._require()
        try:
            value = backend.get_password(service, name)
        except Exception as exc:
            raise SecretStoreError(f"system keyring refused to read: {exc}") from exc
        return None if value is None else str(value)

    def set(self, service: str, name: str, value: str) -> None:
        """Write a secret and check it reads back the same."""
        backend = self._require()
        try:
            backend.set_password(service, name, value)
            echoed = backend.get_password(service, name)
        except Exception as exc:
            raise SecretStoreError(f"system keyring refused to write: {exc}") from exc
        if echoed != value:
            raise SecretStoreError("system keyring did not keep the secret (read-back differs)")

    def delete(self, service: str, name: str) -> None:
        """Delete a secret if present."""
        backend = self._require()
        try:
            if backend.get_password(service, name) is not None:
                backend.delete_password(service, name)
        except Exception as exc:
            raise SecretStoreError(f"system keyring refused to delete: {exc}") from exc


class MemorySecretStore:
    """A ``SecretStore`` in memory: tests and the smoke test, never real secrets."""

    def __init__(self, *, broken: str | None = None) -> None:
        self._data: dict[tuple[str, str], str] = {}
        self.broken = broken

    def describe(self) -> str:
        """Name the store."""
        return "memory"

    def available(self) -> str | None:
        """Usable unless made ``broken``."""
        return self.broken

    def get(self, service: str, name: str) -> str | None:
        """Read a secret."""
        if self.broken:
            raise SecretStoreError(self.broken)
        return self._data.get((service, name))

    def set(self, service: str, name: str, value: str) -> None:
        """Store a secret."""
        if self.broken:
            raise SecretStoreError(self.broken)
        self._data[(service, name)] = value

    def delete(self, service: str, name: str) -> None:
        """Delete a secret."""
        if self.broken:
            raise SecretStoreError(self.broken)
        self._data.pop((service, name), None)
