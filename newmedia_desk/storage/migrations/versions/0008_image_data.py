"""Images: their bytes in the database too (``image_data``); ``post.approved_at`` indexed.

Until now an image lived only as a file in the data folder of the PC that stored it: a
backup of the database did not hold it, and the other PCs of a PostgreSQL office could not
show it. The files stay, as a cache; images stored before this revision are taken into the
database the first time the PC that has their file shows them (``ImageStore.path_of``).

The monthly assessment reads posts by approval time (turnaround): without an index that
read scanned every post.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 03:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "image_data",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["stored_image.sha256"],
            name=op.f("fk_image_data_sha256_stored_image"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_image_data")),
    )
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_approved_at"), ["approved_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_approved_at"))
    op.drop_table("image_data")
