"""The tables. Rows stay inside ``storage``; services hand out domain records."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newmedia_desk.storage.base import Base


class MetaRow(Base):
    """Facts about this database (its id, when it was created)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OfficeSetting(Base):
    """An office-wide setting, shared by every PC that opens this database."""

    __tablename__ = "office_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Unit(Base):
    """A unit of the agency; units form a tree."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("parent_id", "name", name="uq_unit_parent_name"),)


class Staff(Base):
    """A person of the office. Leaving sets ``left_at``; rows are never deleted."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    position: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    qq: Mapped[str] = mapped_column(String(12), default="")
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    left_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    roles: Mapped[list[StaffRole]] = relationship(
        back_populates="staff", cascade="all, delete-orphan", lazy="selectin"
    )
    unit: Mapped[Unit] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}


class StaffRole(Base):
    """One role held by one staff member."""

    __tablename__ = "staff_role"

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

    staff: Mapped[Staff] = relationship(back_populates="roles")


class SignInThrottle(Base):
    """Failed sign-ins per login name, known or not, so a restart does not reset them."""

    __tablename__ = "sign_in_throttle"

    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime | None]


class AuditRow(Base):
    """One sealed line of the audit log (see ``domain.audit``)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    prev: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)


class AuditHeadRow(Base):
    """The single row that serialises appends (locked ``FOR UPDATE`` on PostgreSQL)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    mac: Mapped[str] = mapped_column(String(64))


# -- accounts (migration 0002) -----------------------------------------------------------


class Platform(Base):
    """A platform accounts live on (微博, 微信公众号 …); editable, never deleted."""

    __tablename__ = "platform"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Account(Base):
    """One official account on one platform. Rows are never deleted; closing is a status."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("platform.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(60))
    handle: Mapped[str] = mapped_column(String(100), default="")
    url: Mapped[str] = mapped_column(String(300), default="")
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    administrator_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    responsible_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    purpose: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    other_media: Mapped[str] = mapped_column(String(100), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    verification: Mapped[str] = mapped_column(String(16), default="none")
    email: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"))
    status: Mapped[str] = mapped_column(String(16))
    cadence_text: Mapped[str] = mapped_column(String(200), default="")
    reserved_word_note: Mapped[str] = mapped_column(Text, default="")
    second_account_reason: Mapped[str] = mapped_column(Text, default="")
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    approval_round: Mapped[int] = mapped_column(default=0)
    round_sha256: Mapped[str | None] = mapped_column(String(64))
    opened_on: Mapped[date | None]
    closure_notice_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    platform: Mapped[Platform] = relationship(lazy="joined")
    unit: Mapped[Unit] = relationship(lazy="joined")
    administrator: Mapped[Staff] = relationship(foreign_keys=[administrator_id], lazy="joined")
    responsible: Mapped[Staff] = relationship(foreign_keys=[responsible_id], lazy="joined")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_account_unit_id", "unit_id"),
        Index("ix_account_platform_id", "platform_id"),
    )


class AccountEvent(Base):
    """One line of an account's history: written once, never edited or deleted."""

    __tablename__ = "account_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_account_event_account_id", "account_id"),)


class AccountFiling(Base):
    """The 备案 of one opening, change, suspension or closure event."""

    __tablename__ = "account_filing"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("account_event.id", ondelete="RESTRICT"), unique=True
    )
    filed_on: Mapped[date]
    reference: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[datetime]
    recorded_by_id: Mapped[int | None] = mapped_column(Integer)
    recorded_by: Mapped[str] = mapped_column(String(64))


class AccountApprovalStep(Base):
    """One opinion step of one approval round of an opening application.

    ``content_sha256`` is the digest of the application the signer saw; ``signature``
    is left for a personal-key signature over it (not written yet).
    """

    __tablename__ = "account_approval_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"))
    round: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    own_unit: Mapped[bool] = mapped_column(default=False)
    signer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    signer_name: Mapped[str] = mapped_column(String(40), default="")
    decision: Mapped[str | None] = mapped_column(String(10))
    opinion: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[datetime | None]
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    signature: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("account_id", "round", "key", name="uq_account_approval_step_key"),
    )


class RogueAccount(Base):
    """An unauthorised account using the agency's name (违规账号), and its takedown."""

    __tablename__ = "rogue_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("platform.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(60))
    url: Mapped[str] = mapped_column(String(300), default="")
    where_found: Mapped[str] = mapped_column(Text, default="")
    found_at: Mapped[datetime]
    found_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    platform: Mapped[Platform] = relationship(lazy="joined")
    found_by: Mapped[Staff | None] = relationship(lazy="joined")
    actions: Mapped[list[RogueAction]] = relationship(
        lazy="selectin", order_by="RogueAction.id", back_populates="rogue"
    )

    __mapper_args__ = {"version_id_col": version}


class RogueAction(Base):
    """One thing done about a rogue account (通知技术科, 平台举报, 已关闭 …)."""

    __tablename__ = "rogue_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    rogue_id: Mapped[int] = mapped_column(ForeignKey("rogue_account.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    taken_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime]

    rogue: Mapped[RogueAccount] = relationship(back_populates="actions")

    __table_args__ = (Index("ix_rogue_action_rogue_id", "rogue_id"),)


# Registered with the same metadata (migrations, create_all) wherever the models are loaded.
from newmedia_desk.storage import cadence_models as _cadence_models  # noqa: E402, F401
from newmedia_desk.storage import credential_models as _credential_models  # noqa: E402, F401
from newmedia_desk.storage import lexicon_models as _lexicon_models  # noqa: E402, F401
from newmedia_desk.storage import post_models as _post_models  # noqa: E402, F401
