"""Tables of cadence rules, moderation, public feedback, incidents and crisis holds.

A ``CadenceRule`` row keeps the office's own words (``text``) next to what was understood
(``parsed``, JSON of the domain rules) and what was not (``unparsed``), so nothing is lost
or guessed. Incidents keep one timestamp per step of the rules' clocks.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from newmedia_desk.storage.base import Base


class CadenceRuleRow(Base):
    """The cadence rules of one account or one column (栏目)."""

    __tablename__ = "cadence_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="RESTRICT"), index=True
    )
    column: Mapped[str | None] = mapped_column(String(100))
    """A column's rules apply to its posts on every account (``account_id`` is then None)."""
    text: Mapped[str] = mapped_column(Text)
    parsed: Mapped[str] = mapped_column(Text)
    """JSON list of the understood rules."""
    unparsed: Mapped[str] = mapped_column(Text, default="")
    """Clauses not understood, one per line; shown flagged until someone edits the rule."""
    active: Mapped[bool] = mapped_column(default=True)
    effective_from: Mapped[date] = mapped_column(Date)
    """The first office date (Asia/Shanghai) the rule is judged on (生效日期); the text as it
    stands applies from then on. Rows from before migration 0007 got their creation date."""
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ModerationEntry(Base):
    """A comment or message on an account and what was done with it (评论处置)."""

    __tablename__ = "moderation_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    """``comment`` (评论) or ``message`` (私信/留言)."""
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100), default="")
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    action: Mapped[str | None] = mapped_column(String(20))
    """``deleted`` 删除, ``reported`` 上报, ``replied`` 回复, ``referred`` 转交部门, or None yet."""
    reason: Mapped[str] = mapped_column(Text, default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    referred_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    needs_answer: Mapped[bool] = mapped_column(default=False)
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    handled_at: Mapped[datetime | None]
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Feedback(Base):
    """Public feedback handed to a department, with its due date and answer (000 § 篇4)."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text)
    from_whom: Mapped[str] = mapped_column(String(100), default="")
    received_at: Mapped[datetime] = mapped_column(index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    """The department it was handed to."""
    due_on: Mapped[date] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None]
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Incident(Base):
    """An emergency or public-opinion event (突发事件/舆情) and its clocks."""

    __tablename__ = "incident"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(20))
    """``extraordinary`` 特别重大, ``major`` 重大, ``large`` 较大, ``general`` 一般."""
    description: Mapped[str] = mapped_column(Text, default="")
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    opened_at: Mapped[datetime] = mapped_column(index=True)
    reported_to_chief_at: Mapped[datetime | None]
    authoritative_at: Mapped[datetime | None]
    """Authoritative information published (5 h for 特别重大/重大)."""
    responded_at: Mapped[datetime | None]
    """Response or press conference (24 h for 特别重大/重大, 48 h for others)."""
    handled_at: Mapped[datetime | None]
    """Handled (the agency's own 24-hour rule, 001 § 篇3 art.19)."""
    reported_upward_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CrisisHold(Base):
    """While an incident is open, the planned posts of an account are held (optional)."""

    __tablename__ = "crisis_hold"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="RESTRICT"))
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="RESTRICT"), index=True
    )
    held_at: Mapped[datetime]
    held_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    released_at: Mapped[datetime | None]
    released_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
