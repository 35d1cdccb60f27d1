"""The audit key: the secret that seals the audit chain, kept outside the database.

It lives in the OS keyring under ``newmedia_desk/audit`` and the database's id. Where this
computer has no usable keyring (a bare Linux session), it falls back to a key file in the
user's data folder, readable only by that user, and says so in ``verify``.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from newmedia_desk import APP_NAME
from newmedia_desk.domain.errors import AuditKeyError
from newmedia_desk.security.secrets import SecretStore, SecretStoreError

SERVICE = f"{APP_NAME}/audit"
KEY_BYTES = 32


class AuditKeyStore:
    """Create, load and move the audit key of one database."""

    def __init__(self, store: SecretStore, fallback_dir: Path | None = None) -> None:
        self._store = store
        self._fallback_dir = fallback_dir
        self._cache: dict[str, bytes] = {}

    def _file(self, db_id: str) -> Path | None:
        if self._fallback_dir is None:
            return None
        return self._fallback_dir / "keys" / f"audit-{db_id}.key"

    def location(self, db_id: str) -> str:
        """Say where the key of ``db_id`` is kept."""
        if self._store.available() is None:
            return f"system keyring ({self._store.describe()})"
        path = self._file(db_id)
        return f"key file {path}" if path is not None else "nowhere (no keyring)"

    def load(self, db_id: str) -> bytes | None:
        """Return the key, or ``None`` if this computer has none for ``db_id``."""
        if db_id in self._cache:
            return self._cache[db_id]
        encoded: str | None = None
        if self._store.available() is None:
            try:
                encoded = self._store.get(SERVICE, db_id)
            except SecretStoreError as exc:
                raise AuditKeyError(f"cannot read the audit key: {exc.message}") from exc
        if encoded is None:
            path = self._file(db_id)
            if path is not None and path.is_file():
                encoded = path.read_text(encoding="ascii").strip()
        if encoded is None:
            return None
        key = _decode(encoded)
        self._cache[db_id] = key
        return key

    def require(self, db_id: str) -> bytes:
        """Return the key or raise ``AuditKeyError`` saying how to recover."""
        key = self.load(db_id)
        if key is None:
            raise AuditKeyError(
                "the audit key of this database is not on this computer; import it with "
                "'newmedia-desk audit-key import FILE' (exported on the PC that created it)",
                db_id=db_id,
            )
        return key

    def create(self, db_id: str) -> bytes:
        """Make and store a new key for a new database."""
        if self.load(db_id) is not None:
            raise AuditKeyError("an audit key for this database already exists", db_id=db_id)
        key = secrets.token_bytes(KEY_BYTES)
        self.install(db_id, key)
        return key

    def install(self, db_id: str, key: bytes) -> None:
        """Store ``key`` for ``db_id`` (import on a second PC, or at creation)."""
        if len(key) != KEY_BYTES:
            raise AuditKeyError("an audit key is 32 bytes")
        encoded = base64.b64encode(key).decode("ascii")
        if self._store.available() is None:
            try:
                self._store.set(SERVICE, db_id, encoded)
            except SecretStoreError as exc:
                raise AuditKeyError(f"cannot store the audit key: {exc.message}") from exc
        else:
            path = self._file(db_id)
            if path is None:
                raise AuditKeyError(
                    "no system keyring is available to keep the audit key: "
                    + (self._store.available() or "")
                )
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(encoded)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        self._cache[db_id] = key

    def export_text(self, db_id: str) -> str:
        """The key as text, for carrying to another PC that shares the database."""
        return base64.b64encode(self.require(db_id)).decode("ascii")


def _decode(encoded: str) -> bytes:
    try:
        key = base64.b64decode(encoded.strip(), validate=True)
    except ValueError as exc:
        raise AuditKeyError("the stored audit key is damaged") from exc
    if len(key) != KEY_BYTES:
        raise AuditKeyError("the stored audit key has the wrong length")
    return key


def decode_key_text(text: str) -> bytes:
    """Parse an exported key."""
    return _decode(text)
