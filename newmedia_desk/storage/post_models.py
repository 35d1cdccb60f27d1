"""Tables of posts: revisions, sign-offs, publications, delegations, images, the library.

A ``Post`` row is the post's current state; every save adds a ``PostRevision`` (never
changed afterwards). Sign-offs belong to one revision and one approval round, so a change
voids them without erasing them. ``PostTarget`` lists the current revision's accounts for
filtering; the revision itself keeps them as JSON with its content hash.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from newmedia_desk.storage.base import Base


class Post(Base):
    """A post's current state (what lists and filters read)."""

    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    drafter_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    status: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    tier: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200), default="")
    column: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    """Number of the current (newest) revision."""
    planned_at: Mapped[datetime | None] = mapped_column(index=True)
    approval_round: Mapped[int] = mapped_column(Integer, default=0)
    round_revision: Mapped[int | None] = mapped_column(Integer)
    """The revision the current approval round is about."""
    direct: Mapped[bool] = mapped_column(default=False)
    filing_required: Mapped[bool] = mapped_column(default=False)
    filed_at: Mapped[datetime | None]
    approved_at: Mapped[datetime | None] = mapped_column(index=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime] = mapped_column(index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class PostRevision(Base):
    """One saved state of a post's content; immutable once written."""

    __tablename__ = "post_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    column: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(100))
    tier: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    activity_type: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(200), default="")
    account_ids: Mapped[str] = mapped_column(Text)
    """JSON list of account ids, sorted."""
    image_hashes: Mapped[str] = mapped_column(Text, default="[]")
    """JSON list of image SHA-256s, in order."""
    content_sha256: Mapped[str] = mapped_column(String(64))
    checker_tier: Mapped[str] = mapped_column(String(20))
    checker_blocks: Mapped[bool] = mapped_column(default=False)
    checker_findings: Mapped[int] = mapped_column(Integer, default=0)
    planned_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    note: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (UniqueConstraint("post_id", "number", name="uq_post_revision_number"),)


class PostTarget(Base):
    """An account the post's current revision is for."""

    __tablename__ = "post_target"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True
    )
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class PostSignOff(Base):
    """One step of one approval round of one revision, decided or still open."""

    __tablename__ = "post_signoff"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="RESTRICT"))
    revision: Mapped[int] = mapped_column(Integer)
    round: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    own_unit: Mapped[bool] = mapped_column(default=False)
    signer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    signer_name: Mapped[str] = mapped_column(String(40), default="")
    on_behalf_of_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    on_behalf_of_name: Mapped[str] = mapped_column(String(40), default="")
    decision: Mapped[str | None] = mapped_column(String(10))
    opinion: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[datetime | None]
    content_sha256: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str | None] = mapped_column(Text)
    voided_at: Mapped[datetime | None]
    """Set when the content changed (or the round ended otherwise) before the step was done."""

    __table_args__ = (
        UniqueConstraint("post_id", "round", "position", name="uq_post_signoff_step"),
        Index("ix_post_signoff_pending", "signer_id", "decision"),
    )


class Publication(Base):
    """What was published by hand on a platform, per account (发布记录)."""

    __tablename__ = "publication"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("post.id", ondelete="RESTRICT"), index=True
    )
    """``None`` for rows imported from an old ledger that have no post here."""
    revision: Mapped[int | None] = mapped_column(Integer)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="RESTRICT"), index=True
    )
    published_at: Mapped[datetime] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    column: Mapped[str] = mapped_column(String(100), default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    platform_post_id: Mapped[str] = mapped_column(String(100), default="")
    published_text: Mapped[str | None] = mapped_column(Text)
    mismatch: Mapped[bool] = mapped_column(default=False, index=True)
    imported: Mapped[bool] = mapped_column(default=False)
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    removed_at: Mapped[datetime | None]
    removal_kind: Mapped[str | None] = mapped_column(String(20))
    """``withdrawn`` (撤回 by the office) or ``deleted`` (删除, e.g. by the platform)."""
    removal_reason: Mapped[str] = mapped_column(String(500), default="")
    removed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Delegation(Base):
    """A deputy may sign in a leader's place for a period (001 § 篇4 八)."""

    __tablename__ = "delegation"

    id: Mapped[int] = mapped_column(primary_key=True)
    leader_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    deputy_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"), index=True)
    consented_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(500), default="")
    consent_signature: Mapped[str] = mapped_column(Text)
    """The consenting person's personal-key signature over the delegation."""
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))


class StoredImage(Base):
    """An image kept in the data directory by content hash (metadata stripped)."""

    __tablename__ = "stored_image"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    mime: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(260), default="")
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))


class ImageData(Base):
    """The cleaned bytes of a stored image (the file in the data folder is a cache).

    In the database, so that a backup and every PC of a shared database have them.
    """

    __tablename__ = "image_data"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("stored_image.sha256", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)


class LibraryItem(Base):
    """A reusable text or image of the content library (素材库)."""

    __tablename__ = "library_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    image_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("stored_image.sha256", ondelete="RESTRICT")
    )
    tags: Mapped[str] = mapped_column(String(500), default="")
    """Tags separated by spaces or commas (normalised to single spaces)."""
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    archived_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class DraftAutosave(Base):
    """The unsaved editor state of one person's draft, restored after a crash."""

    __tablename__ = "draft_autosave"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"))
    payload: Mapped[str] = mapped_column(Text)
    """JSON of the editor fields."""
    saved_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("staff_id", "post_id", name="uq_draft_autosave"),)
