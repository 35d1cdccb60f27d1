"""Tables of the office's lexicons (词库): one row per lexicon and every saved revision.

A shipped lexicon (``resources/lexicons/<name>.txt``) has no row until the office first
changes it; until then it is "revision 0", the file shipped with the program. Each change
stores the whole lexicon again, in the file format with its header, as the next revision;
revisions are written once and never edited or deleted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from newmedia_desk.storage.base import Base


class OfficeLexicon(Base):
    """A lexicon the office has changed or created, and its current revision."""

    __tablename__ = "lexicon"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(String(60))
    revision: Mapped[int] = mapped_column(Integer, default=0)
    """The number of the current revision (a row of ``lexicon_revision``)."""
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class LexiconRevision(Base):
    """One saved state of a lexicon: its full text, what changed and who changed it."""

    __tablename__ = "lexicon_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(ForeignKey("lexicon.name", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    """The whole lexicon in the file format, header included (``Lexicon.export()``)."""
    term_count: Mapped[int] = mapped_column(Integer)
    added: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))

    __table_args__ = (UniqueConstraint("name", "number", name="uq_lexicon_revision_name_number"),)
