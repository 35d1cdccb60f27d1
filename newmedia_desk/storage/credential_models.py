"""Tables of personal keys and account credentials (the secrets themselves are elsewhere).

A ``Credential`` row says where an account's encrypted password lives in the OS keyring,
when it last changed and who holds it; the password itself never enters the database.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from newmedia_desk.storage.base import Base


class StaffKey(Base):
    """A person's public keys and their private keys sealed by the person's password."""

    __tablename__ = "staff_key"

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    public_box: Mapped[str] = mapped_column(String(64))
    public_sign: Mapped[str] = mapped_column(String(64))
    salt: Mapped[str] = mapped_column(String(64))
    sealed: Mapped[str] = mapped_column(Text)
    kdf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class Credential(Base):
    """Where an account's encrypted password is kept, and its history in brief."""

    __tablename__ = "credential"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="RESTRICT"), primary_key=True, autoincrement=False
    )
    secret_ref: Mapped[str | None] = mapped_column(String(64))
    """Keyring entry name of the current secret (``None`` until a password is stored)."""
    pending_ref: Mapped[str | None] = mapped_column(String(64))
    """Entry being written by a rotation; if the program stops here, recovery deletes it."""
    previous_ref: Mapped[str | None] = mapped_column(String(64))
    """Entry replaced by a rotation and still to delete (recovery deletes it)."""
    changed_at: Mapped[datetime | None]
    changed_by: Mapped[int | None] = mapped_column(Integer)
    rotation_reason: Mapped[str | None] = mapped_column(String(200))
    rotation_since: Mapped[datetime | None]
    sealed_copy_at: Mapped[datetime | None]
    sealed_copy_by: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CredentialHolder(Base):
    """A person allowed to know an account's password (知悉人)."""

    __tablename__ = "credential_holder"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("credential.account_id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="RESTRICT"), primary_key=True
    )
    granted_at: Mapped[datetime]
    granted_by: Mapped[int | None] = mapped_column(Integer)


class StaffKeyHistory(Base):
    """Public keys a person had before an administrator reset their password.

    Signatures made with an old key must still verify after the reset.
    """

    __tablename__ = "staff_key_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    public_box: Mapped[str] = mapped_column(String(64))
    public_sign: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    replaced_at: Mapped[datetime]
