"""The audit key: in the secret store, or in a private key file when there is none."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from newmedia_desk.domain.errors import AuditKeyError
from newmedia_desk.security.audit_key import (
    KEY_BYTES,
    SERVICE,
    AuditKeyStore,
    decode_key_text,
)
from newmedia_desk.security.secrets import MemorySecretStore

DB_ID = "0123456789abcdef0123456789abcdef"


def test_key_lives_in_the_secret_store_when_it_is_usable(
    memory_secrets: MemorySecretStore, tmp_path: Path
) -> None:
    keys = AuditKeyStore(memory_secrets, fallback_dir=tmp_path)
    key = keys.create(DB_ID)
    assert len(key) == KEY_BYTES
    assert memory_secrets.get(SERVICE, DB_ID) == base64.b64encode(key).decode()
    assert not (tmp_path / "keys").exists()
    assert keys.location(DB_ID) == "system keyring (memory)"
    # a fresh store (a restart) finds it again
    assert AuditKeyStore(memory_secrets, fallback_dir=tmp_path).require(DB_ID) == key


def test_falls_back_to_a_private_key_file(tmp_path: Path) -> None:
    no_keyring = MemorySecretStore(broken="no secret service on this desktop")
    keys = AuditKeyStore(no_keyring, fallback_dir=tmp_path)
    key = keys.create(DB_ID)
    path = tmp_path / "keys" / f"audit-{DB_ID}.key"
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert decode_key_text(path.read_text(encoding="ascii")) == key
    assert not list(path.parent.glob("*.tmp"))
    assert keys.location(DB_ID) == f"key file {path}"
    assert AuditKeyStore(no_keyring, fallback_dir=tmp_path).load(DB_ID) == key


def test_no_keyring_and_no_folder_is_an_error() -> None:
    keys = AuditKeyStore(MemorySecretStore(broken="locked"), fallback_dir=None)
    with pytest.raises(AuditKeyError, match="locked"):
        keys.create(DB_ID)
    assert keys.load(DB_ID) is None
    assert keys.location(DB_ID) == "nowhere (no keyring)"


def test_missing_key_says_how_to_recover(memory_secrets: MemorySecretStore) -> None:
    keys = AuditKeyStore(memory_secrets)
    assert keys.load(DB_ID) is None
    with pytest.raises(AuditKeyError, match="audit-key import") as info:
        keys.require(DB_ID)
    assert info.value.params["db_id"] == DB_ID


def test_a_key_is_created_once(memory_secrets: MemorySecretStore) -> None:
    keys = AuditKeyStore(memory_secrets)
    keys.create(DB_ID)
    with pytest.raises(AuditKeyError, match="already exists"):
        keys.create(DB_ID)


def test_export_and_install_on_a_second_pc(memory_secrets: MemorySecretStore) -> None:
    first = AuditKeyStore(memory_secrets)
    key = first.create(DB_ID)
    second = AuditKeyStore(MemorySecretStore())
    second.install(DB_ID, decode_key_text(first.export_text(DB_ID)))
    assert second.require(DB_ID) == key


@pytest.mark.parametrize(
    "text",
    ["not base64!", base64.b64encode(b"short").decode(), base64.b64encode(b"x" * 33).decode()],
)
def test_damaged_key_text_is_refused(text: str) -> None:
    with pytest.raises(AuditKeyError):
        decode_key_text(text)


def test_damaged_stored_key_is_refused(memory_secrets: MemorySecretStore) -> None:
    memory_secrets.set(SERVICE, DB_ID, "garbage")
    with pytest.raises(AuditKeyError, match="damaged"):
        AuditKeyStore(memory_secrets).load(DB_ID)


def test_install_refuses_wrong_length(memory_secrets: MemorySecretStore) -> None:
    with pytest.raises(AuditKeyError, match="32 bytes"):
        AuditKeyStore(memory_secrets).install(DB_ID, b"x" * 16)
