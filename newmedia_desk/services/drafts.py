"""Autosave of the post editor: a crash loses at most a few seconds of typing.

An autosave is a buffer, not a record: it is not audited, it is overwritten every few
seconds while someone types, and it is deleted when the post is saved. Each person sees
only their own. Only the editor's known fields are kept (never a password or any other
field someone might pass by mistake), as JSON in ``DraftAutosave``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import NotFoundError, ValidationError
from newmedia_desk.domain.posts import MAX_BODY
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.common import require
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.post_models import DraftAutosave, Post, PostRevision

AUTOSAVE_FIELDS = frozenset(
    {
        "title",
        "body",
        "column",
        "category",
        "tier",
        "kind",
        "activity_type",
        "source",
        "account_ids",
        "image_hashes",
        "planned_at",
        "note",
        "base_version",
        "base_revision",
    }
)
"""The editor fields an autosave may hold; anything else is refused."""

MAX_PAYLOAD = 4 * MAX_BODY
"""Bytes of JSON an autosave may take (a full-length body in UTF-8 with room to spare)."""

RECENT_POSTS = 2000
"""Columns are suggested from this many most recent posts."""


@dataclass(frozen=True, slots=True)
class Autosave:
    """One person's unsaved editor state for a post (``post_id`` ``None``: a new post)."""

    id: int
    post_id: int | None
    fields: Mapping[str, Any]
    saved_at: datetime

    @property
    def title(self) -> str:
        """The title typed (may be empty)."""
        value = self.fields.get("title", "")
        return value if isinstance(value, str) else ""


def _plain(value: object) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list | tuple):
        return all(v is None or isinstance(v, str | int | float | bool) for v in value)
    return False


def clean_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Keep the known editor fields; refuse unknown ones and anything but plain values."""
    unknown = sorted(set(fields) - AUTOSAVE_FIELDS)
    if unknown:
        raise ValidationError("unknown autosave field", field="fields", names=", ".join(unknown))
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if not _plain(value):
            raise ValidationError("autosave fields are plain values", field="fields", name=key)
        clean[key] = list(value) if isinstance(value, list | tuple) else value
    return clean


class DraftService:
    """Autosaves of the post editor, per person."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def autosave(
        self,
        actor: Principal,
        post_id: int | None,
        fields: Mapping[str, Any],
        *,
        autosave_id: int | None = None,
    ) -> int:
        """Keep the editor's state (one row per person and post); return the autosave's id.

        A new post has no id yet: pass the ``autosave_id`` returned before so that the same
        row is overwritten; once the post is saved, pass its id.
        """
        require(actor, Permission.DRAFT_POSTS, actor.unit_id)
        payload = json.dumps(clean_fields(fields), ensure_ascii=False, sort_keys=True)
        if len(payload) > MAX_PAYLOAD:
            raise ValidationError("the autosave is too large", field="fields", limit=MAX_PAYLOAD)
        with self._db.write() as s:
            if post_id is not None:
                post = s.get(Post, post_id)
                if post is None:
                    raise NotFoundError("no such post", entity="post", id=post_id)
                require(actor, Permission.DRAFT_POSTS, post.unit_id)
            row = None
            if post_id is not None:
                row = s.scalar(
                    select(DraftAutosave).where(
                        DraftAutosave.staff_id == actor.staff_id,
                        DraftAutosave.post_id == post_id,
                    )
                )
            if row is None and autosave_id is not None:
                mine = s.get(DraftAutosave, autosave_id)
                if mine is not None and mine.staff_id == actor.staff_id:
                    row = mine
            if row is None:
                row = DraftAutosave(staff_id=actor.staff_id)
                s.add(row)
            row.post_id = post_id
            row.payload = payload
            row.saved_at = self._clock.now()
            s.flush()
            return row.id

    def pending(self, actor: Principal) -> list[Autosave]:
        """This person's autosaves that hold more than what was saved, newest first.

        An autosave of an existing post counts only when it is newer than the post's last
        revision (someone may have saved the post since). A person who may not draft has
        none.
        """
        if not actor.can(Permission.DRAFT_POSTS, actor.unit_id):
            return []
        with self._db.read() as s:
            rows = list(
                s.scalars(
                    select(DraftAutosave)
                    .where(DraftAutosave.staff_id == actor.staff_id)
                    .order_by(DraftAutosave.saved_at.desc(), DraftAutosave.id.desc())
                )
            )
            found = []
            for row in rows:
                if row.post_id is not None:
                    saved = s.scalar(
                        select(PostRevision.created_at)
                        .join(Post, Post.id == PostRevision.post_id)
                        .where(PostRevision.post_id == row.post_id)
                        .where(PostRevision.number == Post.revision)
                    )
                    if saved is not None and saved >= row.saved_at:
                        continue
                found.append(self._view(row))
            return found

    def get(self, actor: Principal, autosave_id: int) -> Autosave:
        """One of this person's autosaves."""
        with self._db.read() as s:
            row = s.get(DraftAutosave, autosave_id)
            if row is None or row.staff_id != actor.staff_id:
                raise NotFoundError("no such autosave", entity="autosave", id=autosave_id)
            return self._view(row)

    def discard(self, actor: Principal, autosave_id: int) -> None:
        """Delete one of this person's autosaves (nothing happens if it is gone already)."""
        with self._db.write() as s:
            row = s.get(DraftAutosave, autosave_id)
            if row is None:
                return
            if row.staff_id != actor.staff_id:
                raise NotFoundError("no such autosave", entity="autosave", id=autosave_id)
            s.delete(row)

    def columns(self, actor: Principal) -> list[str]:
        """Columns (栏目) of recent posts, the most used first, to suggest in the editor."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            recent = (
                select(Post.column.label("column"))
                .order_by(Post.id.desc())
                .limit(RECENT_POSTS)
                .subquery()
            )
            rows = s.execute(
                select(recent.c.column, func.count().label("uses"))
                .where(recent.c.column != "")
                .group_by(recent.c.column)
                .order_by(func.count().desc(), recent.c.column)
                .limit(50)
            )
            return [str(column) for column, _uses in rows]

    @staticmethod
    def _view(row: DraftAutosave) -> Autosave:
        try:
            fields = json.loads(row.payload)
        except ValueError:
            fields = {}
        return Autosave(
            id=row.id,
            post_id=row.post_id,
            fields=fields if isinstance(fields, dict) else {},
            saved_at=row.saved_at,
        )
