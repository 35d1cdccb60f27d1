"""Each person's own keys, sealed by their sign-in password.

Every staff member has an X25519 key pair (to receive account passwords) and an Ed25519
key pair (to sign approvals). The private halves are stored only sealed with AES-GCM under
a key derived from the person's password (Argon2id), so somebody who can read or write the
database but does not know the password can neither decrypt a credential meant for that
person nor forge their signature.

Account passwords use envelope encryption: the secret is encrypted once under a random data
key, and the data key is wrapped for each holder with an ephemeral X25519 exchange. Only the
ciphertext goes to the OS keyring; it stays under Windows' 2 560-byte credential limit.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from newmedia_desk.domain.errors import DeskError
from newmedia_desk.security.passwords import HashParameters

WINDOWS_BLOB_LIMIT = 2560
"""Bytes Windows Credential Manager accepts per secret (UTF-16: about 1 280 characters)."""

_SEAL_AAD = b"newmedia_desk/personal-keys/v1/"
_WRAP_INFO = b"newmedia_desk/credential-wrap/v1/"
_RAW = serialization.Encoding.Raw


class PersonalKeyError(DeskError):
    """A key could not be unsealed, or a credential could not be decrypted."""

    code = "keys"


class SecretTooLargeError(DeskError):
    """The encrypted credential would not fit into the keyring's limit."""

    code = "secret_too_large"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_kek(password: str, salt: bytes, params: HashParameters) -> bytes:
    """Derive a 32-byte key-encryption key from a password (Argon2id, raw)."""
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


@dataclass(frozen=True, slots=True)
class SealedKeys:
    """A person's keys as stored: public halves in clear, private halves sealed."""

    public_box: str
    public_sign: str
    salt: str
    sealed: str
    kdf: str

    def params(self) -> HashParameters:
        """The Argon2id parameters the seal was made with."""
        parts = dict(p.split("=") for p in self.kdf.split(":", 1)[1].split(","))
        return HashParameters(int(parts["t"]), int(parts["m"]), int(parts["p"]))


@dataclass(frozen=True)
class PersonalKeys:
    """A person's unsealed private keys (kept in memory only, and only briefly)."""

    box: X25519PrivateKey
    sign: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> PersonalKeys:
        """Make a fresh pair of key pairs."""
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate())

    def seal(self, staff_id: int, password: str, params: HashParameters) -> SealedKeys:
        """Seal the private keys under ``password``, bound to ``staff_id``."""
        salt = os.urandom(16)
        kek = derive_kek(password, salt, params)
        nonce = os.urandom(12)
        raw = self.box.private_bytes(
            _RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        ) + self.sign.private_bytes(
            _RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        sealed = nonce + AESGCM(kek).encrypt(nonce, raw, _SEAL_AAD + str(staff_id).encode())
        return SealedKeys(
            public_box=_b64(
                self.box.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
            ),
            public_sign=_b64(
                self.sign.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
            ),
            salt=_b64(salt),
            sealed=_b64(sealed),
            kdf=f"argon2id:t={params.time_cost},m={params.memory_kib},p={params.parallelism}",
        )

    @classmethod
    def unseal(cls, stored: SealedKeys, staff_id: int, password: str) -> PersonalKeys:
        """Open sealed keys with the person's password (``PersonalKeyError`` if wrong)."""
        kek = derive_kek(password, _unb64(stored.salt), stored.params())
        blob = _unb64(stored.sealed)
        try:
            raw = AESGCM(kek).decrypt(blob[:12], blob[12:], _SEAL_AAD + str(staff_id).encode())
        except InvalidTag as exc:
            raise PersonalKeyError("the personal keys cannot be opened with this password") from exc
        return cls(
            X25519PrivateKey.from_private_bytes(raw[:32]),
            Ed25519PrivateKey.from_private_bytes(raw[32:64]),
        )

    def sign_payload(self, payload: bytes) -> str:
        """Sign ``payload``; return the signature as base64."""
        return _b64(self.sign.sign(payload))


def verify_signature(public_sign: str, payload: bytes, signature: str) -> bool:
    """Whether ``signature`` is the holder of ``public_sign``'s signature on ``payload``."""
    try:
        Ed25519PublicKey.from_public_bytes(_unb64(public_sign)).verify(_unb64(signature), payload)
    except (InvalidSignature, ValueError):
        return False
    return True


def key_fingerprint(public_box: str) -> str:
    """A short stable id of a public key (which key a credential was wrapped for)."""
    digest = hashes.Hash(hashes.SHA256())
    digest.update(_unb64(public_box))
    return digest.finalize().hex()[:16]


def _wrap_key(shared: bytes, staff_id: int, eph: bytes, recipient: bytes) -> bytes:
    info = _WRAP_INFO + str(staff_id).encode() + b"/" + eph + recipient
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def encrypt_secret(secret: str, recipients: dict[int, str]) -> str:
    """Encrypt ``secret`` for each staff id in ``recipients`` (id → public box key).

    Returns the text to store in the keyring. Raises ``SecretTooLargeError`` when the
    result would exceed Windows' limit.
    """
    if not recipients:
        raise PersonalKeyError("a credential needs at least one holder")
    data_key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    body = AESGCM(data_key).encrypt(nonce, secret.encode("utf-8"), b"credential")
    wraps: dict[str, str] = {}
    for staff_id, public_box in sorted(recipients.items()):
        recipient = _unb64(public_box)
        eph = X25519PrivateKey.generate()
        eph_pub = eph.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
        shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient))
        kek = _wrap_key(shared, staff_id, eph_pub, recipient)
        wrap_nonce = os.urandom(12)
        wrapped = AESGCM(kek).encrypt(wrap_nonce, data_key, str(staff_id).encode())
        wraps[str(staff_id)] = _b64(eph_pub + wrap_nonce + wrapped)
    text = json.dumps(
        {"v": 1, "n": _b64(nonce), "c": _b64(body), "w": wraps}, separators=(",", ":")
    )
    size = len(text.encode("utf-16-le"))
    if size > WINDOWS_BLOB_LIMIT:
        raise SecretTooLargeError(
            "the encrypted password would not fit into the system keyring "
            f"({size} of {WINDOWS_BLOB_LIMIT} bytes); use a shorter password or fewer holders",
            size=size,
            limit=WINDOWS_BLOB_LIMIT,
        )
    return text


def wrapped_for(blob: str) -> set[int]:
    """The staff ids a stored credential can be opened by."""
    try:
        return {int(k) for k in json.loads(blob)["w"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise PersonalKeyError("the stored credential is damaged") from exc


def decrypt_secret(blob: str, staff_id: int, keys: PersonalKeys) -> str:
    """Open a stored credential with one holder's keys."""
    try:
        data = json.loads(blob)
        wrapped = _unb64(data["w"][str(staff_id)])
        nonce, body = _unb64(data["n"]), _unb64(data["c"])
    except KeyError as exc:
        raise PersonalKeyError("this credential was not encrypted for this person") from exc
    except (ValueError, TypeError) as exc:
        raise PersonalKeyError("the stored credential is damaged") from exc
    eph_pub, wrap_nonce, wrapped_key = wrapped[:32], wrapped[32:44], wrapped[44:]
    own = keys.box.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    shared = keys.box.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    kek = _wrap_key(shared, staff_id, eph_pub, own)
    try:
        data_key = AESGCM(kek).decrypt(wrap_nonce, wrapped_key, str(staff_id).encode())
        return AESGCM(data_key).decrypt(nonce, body, b"credential").decode("utf-8")
    except InvalidTag as exc:
        raise PersonalKeyError(
            "this credential cannot be opened with this person's current keys"
        ) from exc
