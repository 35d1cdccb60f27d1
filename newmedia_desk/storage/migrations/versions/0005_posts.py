"""Posts: revisions, sign-offs, targets, publications, delegations, images, library, autosave.

On SQLite also the FTS5 trigram index ``post_fts`` over the current title and body
(rowid = post id), kept by the post service.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 23:50:52.927613
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delegation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=False),
        sa.Column("deputy_id", sa.Integer(), nullable=False),
        sa.Column("consented_by_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("consent_signature", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["consented_by_id"],
            ["staff.id"],
            name=op.f("fk_delegation_consented_by_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["staff.id"],
            name=op.f("fk_delegation_created_by_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["deputy_id"],
            ["staff.id"],
            name=op.f("fk_delegation_deputy_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["leader_id"],
            ["staff.id"],
            name=op.f("fk_delegation_leader_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["revoked_by"],
            ["staff.id"],
            name=op.f("fk_delegation_revoked_by_staff"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegation")),
    )
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delegation_deputy_id"), ["deputy_id"], unique=False)

    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("drafter_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("tier", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("column", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("planned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approval_round", sa.Integer(), nullable=False),
        sa.Column("round_revision", sa.Integer(), nullable=True),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("filing_required", sa.Boolean(), nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["drafter_id"], ["staff.id"], name=op.f("fk_post_drafter_id_staff"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_post_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post")),
    )
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_planned_at"), ["planned_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_post_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_post_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "stored_image",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime", sa.String(length=40), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["staff.id"],
            name=op.f("fk_stored_image_created_by_staff"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_image")),
    )
    op.create_table(
        "draft_autosave",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["post.id"],
            name=op.f("fk_draft_autosave_post_id_post"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_draft_autosave_staff_id_staff"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_autosave")),
        sa.UniqueConstraint("staff_id", "post_id", name="uq_draft_autosave"),
    )
    with op.batch_alter_table("draft_autosave", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_draft_autosave_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "library_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("image_sha256", sa.String(length=64), nullable=True),
        sa.Column("tags", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["staff.id"],
            name=op.f("fk_library_item_created_by_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["image_sha256"],
            ["stored_image.sha256"],
            name=op.f("fk_library_item_image_sha256_stored_image"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_item")),
    )
    op.create_table(
        "post_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("column", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("tier", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("activity_type", sa.String(length=20), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("account_ids", sa.Text(), nullable=False),
        sa.Column("image_hashes", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("checker_tier", sa.String(length=20), nullable=False),
        sa.Column("checker_blocks", sa.Boolean(), nullable=False),
        sa.Column("checker_findings", sa.Integer(), nullable=False),
        sa.Column("planned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["staff.id"],
            name=op.f("fk_post_revision_created_by_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["post.id"],
            name=op.f("fk_post_revision_post_id_post"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_revision")),
        sa.UniqueConstraint("post_id", "number", name="uq_post_revision_number"),
    )
    op.create_table(
        "post_signoff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("own_unit", sa.Boolean(), nullable=False),
        sa.Column("signer_id", sa.Integer(), nullable=True),
        sa.Column("signer_name", sa.String(length=40), nullable=False),
        sa.Column("on_behalf_of_id", sa.Integer(), nullable=True),
        sa.Column("on_behalf_of_name", sa.String(length=40), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=True),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["on_behalf_of_id"],
            ["staff.id"],
            name=op.f("fk_post_signoff_on_behalf_of_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_post_signoff_post_id_post"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["signer_id"],
            ["staff.id"],
            name=op.f("fk_post_signoff_signer_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_signoff")),
        sa.UniqueConstraint("post_id", "round", "position", name="uq_post_signoff_step"),
    )
    with op.batch_alter_table("post_signoff", schema=None) as batch_op:
        batch_op.create_index("ix_post_signoff_pending", ["signer_id", "decision"], unique=False)

    op.create_table(
        "post_target",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_post_target_account_id_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_post_target_post_id_post"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("post_id", "account_id", name=op.f("pk_post_target")),
    )
    with op.batch_alter_table("post_target", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_target_account_id"), ["account_id"], unique=False)

    op.create_table(
        "publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("column", sa.String(length=100), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("platform_post_id", sa.String(length=100), nullable=False),
        sa.Column("published_text", sa.Text(), nullable=True),
        sa.Column("mismatch", sa.Boolean(), nullable=False),
        sa.Column("imported", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removal_kind", sa.String(length=20), nullable=True),
        sa.Column("removal_reason", sa.String(length=500), nullable=False),
        sa.Column("removed_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_publication_account_id_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_publication_post_id_post"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["staff.id"],
            name=op.f("fk_publication_recorded_by_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["removed_by"],
            ["staff.id"],
            name=op.f("fk_publication_removed_by_staff"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication")),
    )
    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_publication_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_publication_mismatch"), ["mismatch"], unique=False)
        batch_op.create_index(batch_op.f("ix_publication_post_id"), ["post_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_publication_published_at"), ["published_at"], unique=False
        )

    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE post_fts USING fts5(title, body, tokenize='trigram')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS post_fts")
    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publication_published_at"))
        batch_op.drop_index(batch_op.f("ix_publication_post_id"))
        batch_op.drop_index(batch_op.f("ix_publication_mismatch"))
        batch_op.drop_index(batch_op.f("ix_publication_account_id"))

    op.drop_table("publication")
    with op.batch_alter_table("post_target", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_target_account_id"))

    op.drop_table("post_target")
    with op.batch_alter_table("post_signoff", schema=None) as batch_op:
        batch_op.drop_index("ix_post_signoff_pending")

    op.drop_table("post_signoff")
    op.drop_table("post_revision")
    op.drop_table("library_item")
    with op.batch_alter_table("draft_autosave", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_draft_autosave_staff_id"))

    op.drop_table("draft_autosave")
    op.drop_table("stored_image")
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_updated_at"))
        batch_op.drop_index(batch_op.f("ix_post_status"))
        batch_op.drop_index(batch_op.f("ix_post_planned_at"))

    op.drop_table("post")
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_deputy_id"))

    op.drop_table("delegation")
