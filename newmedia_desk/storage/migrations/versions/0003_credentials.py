"""Personal keys of staff, and account credentials with their holders.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_key",
        sa.Column("staff_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("public_box", sa.String(length=64), nullable=False),
        sa.Column("public_sign", sa.String(length=64), nullable=False),
        sa.Column("salt", sa.String(length=64), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.Column("kdf", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_staff_key_staff_id_staff"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("staff_id", name=op.f("pk_staff_key")),
    )
    op.create_table(
        "staff_key_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("public_box", sa.String(length=64), nullable=False),
        sa.Column("public_sign", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_staff_key_history_staff_id_staff"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_key_history")),
    )
    op.create_table(
        "credential",
        sa.Column("account_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("secret_ref", sa.String(length=64), nullable=True),
        sa.Column("pending_ref", sa.String(length=64), nullable=True),
        sa.Column("previous_ref", sa.String(length=64), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("changed_by", sa.Integer(), nullable=True),
        sa.Column("rotation_reason", sa.String(length=200), nullable=True),
        sa.Column("rotation_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sealed_copy_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sealed_copy_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_credential_account_id_account"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_credential")),
    )
    op.create_table(
        "credential_holder",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("granted_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["credential.account_id"],
            name=op.f("fk_credential_holder_account_id_credential"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_credential_holder_staff_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("account_id", "staff_id", name=op.f("pk_credential_holder")),
    )


def downgrade() -> None:
    op.drop_table("credential_holder")
    op.drop_table("credential")
    op.drop_table("staff_key_history")
    op.drop_table("staff_key")
