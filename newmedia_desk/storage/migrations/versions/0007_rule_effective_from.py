"""Cadence rules: the date each rule takes effect (生效日期).

Existing rules take effect on the office date (Asia/Shanghai, UTC+8) of their creation, so a
rule no longer judges the days before anyone wrote it down.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 03:00:00
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_OFFICE_OFFSET = timedelta(hours=8)
"""Beijing time, as ``domain.working_days.OFFICE_TZ`` (migrations keep their own copy)."""


def office_day(value: object) -> date:
    """The office date of a stored ``created_at``: SQLite's UTC text or a driver datetime."""
    if isinstance(value, str):
        moment = datetime.fromisoformat(value)
    elif isinstance(value, datetime):
        moment = value
    else:
        raise TypeError(f"not a time: {value!r}")
    if moment.tzinfo is None:  # SQLite keeps UTC without the offset
        moment = moment.replace(tzinfo=UTC)
    return (moment.astimezone(UTC) + _OFFICE_OFFSET).date()


def upgrade() -> None:
    with op.batch_alter_table("cadence_rule", schema=None) as batch_op:
        batch_op.add_column(sa.Column("effective_from", sa.Date(), nullable=True))
    rules = sa.table(
        "cadence_rule",
        sa.column("id", sa.Integer()),
        sa.column("created_at"),  # untyped: the driver's own value, read by office_day
        sa.column("effective_from", sa.Date()),
    )
    conn = op.get_bind()
    for rule_id, created_at in conn.execute(sa.select(rules.c.id, rules.c.created_at)).all():
        conn.execute(
            rules.update()
            .where(rules.c.id == rule_id)
            .values(effective_from=office_day(created_at))
        )
    with op.batch_alter_table("cadence_rule", schema=None) as batch_op:
        batch_op.alter_column("effective_from", existing_type=sa.Date(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("cadence_rule", schema=None) as batch_op:
        batch_op.drop_column("effective_from")
