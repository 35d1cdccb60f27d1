"""Accounts: platforms, accounts, history, filings, opening approval, rogue accounts.

The default platforms are inserted here, so every database starts with them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 22:07:15.793538
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# A copy, not an import: a migration must not change when the program's defaults do.
DEFAULT_PLATFORMS = (
    "微博",
    "微信公众号",
    "网站",
    "抖音",
    "今日头条",
    "百度贴吧",
    "QQ群",
    "手机客户端",
    "其他",
)


def upgrade() -> None:
    op.create_table(
        "platform",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform")),
        sa.UniqueConstraint("name", name=op.f("uq_platform_name")),
    )
    platform = sa.table(
        "platform",
        sa.column("name", sa.String()),
        sa.column("active", sa.Boolean()),
        sa.column("sort_order", sa.Integer()),
        sa.column("version", sa.Integer()),
    )
    # No explicit ids: PostgreSQL's sequence would not know about them.
    op.bulk_insert(
        platform,
        [
            {"name": name, "active": True, "sort_order": i, "version": 1}
            for i, name in enumerate(DEFAULT_PLATFORMS)
        ],
    )
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("handle", sa.String(length=100), nullable=False),
        sa.Column("url", sa.String(length=300), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("administrator_id", sa.Integer(), nullable=False),
        sa.Column("responsible_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("other_media", sa.String(length=100), nullable=False),
        sa.Column("bio", sa.Text(), nullable=False),
        sa.Column("verification", sa.String(length=16), nullable=False),
        sa.Column("email", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("cadence_text", sa.String(length=200), nullable=False),
        sa.Column("reserved_word_note", sa.Text(), nullable=False),
        sa.Column("second_account_reason", sa.Text(), nullable=False),
        sa.Column("applicant_id", sa.Integer(), nullable=True),
        sa.Column("approval_round", sa.Integer(), nullable=False),
        sa.Column("round_sha256", sa.String(length=64), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("closure_notice_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["administrator_id"],
            ["staff.id"],
            name=op.f("fk_account_administrator_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["applicant_id"],
            ["staff.id"],
            name=op.f("fk_account_applicant_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["account.id"],
            name=op.f("fk_account_parent_id_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platform.id"],
            name=op.f("fk_account_platform_id_platform"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"],
            ["staff.id"],
            name=op.f("fk_account_responsible_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_account_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
    )
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index("ix_account_platform_id", ["platform_id"], unique=False)
        batch_op.create_index("ix_account_unit_id", ["unit_id"], unique=False)

    op.create_table(
        "rogue_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("url", sa.String(length=300), nullable=False),
        sa.Column("where_found", sa.Text(), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("found_by_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["found_by_id"],
            ["staff.id"],
            name=op.f("fk_rogue_account_found_by_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platform.id"],
            name=op.f("fk_rogue_account_platform_id_platform"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rogue_account")),
    )
    op.create_table(
        "account_approval_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("own_unit", sa.Boolean(), nullable=False),
        sa.Column("signer_id", sa.Integer(), nullable=True),
        sa.Column("signer_name", sa.String(length=40), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=True),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=True),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_account_approval_step_account_id_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["signer_id"],
            ["staff.id"],
            name=op.f("fk_account_approval_step_signer_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_approval_step")),
        sa.UniqueConstraint("account_id", "round", "key", name="uq_account_approval_step_key"),
    )
    op.create_table(
        "account_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_account_event_account_id_account"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_event")),
    )
    with op.batch_alter_table("account_event", schema=None) as batch_op:
        batch_op.create_index("ix_account_event_account_id", ["account_id"], unique=False)

    op.create_table(
        "rogue_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rogue_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["rogue_id"],
            ["rogue_account.id"],
            name=op.f("fk_rogue_action_rogue_id_rogue_account"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rogue_action")),
    )
    with op.batch_alter_table("rogue_action", schema=None) as batch_op:
        batch_op.create_index("ix_rogue_action_rogue_id", ["rogue_id"], unique=False)

    op.create_table(
        "account_filing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["account_event.id"],
            name=op.f("fk_account_filing_event_id_account_event"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_filing")),
        sa.UniqueConstraint("event_id", name=op.f("uq_account_filing_event_id")),
    )


def downgrade() -> None:
    op.drop_table("account_filing")
    with op.batch_alter_table("rogue_action", schema=None) as batch_op:
        batch_op.drop_index("ix_rogue_action_rogue_id")

    op.drop_table("rogue_action")
    with op.batch_alter_table("account_event", schema=None) as batch_op:
        batch_op.drop_index("ix_account_event_account_id")

    op.drop_table("account_event")
    op.drop_table("account_approval_step")
    op.drop_table("rogue_account")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index("ix_account_unit_id")
        batch_op.drop_index("ix_account_platform_id")

    op.drop_table("account")
    op.drop_table("platform")
