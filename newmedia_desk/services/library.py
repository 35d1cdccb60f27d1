"""The content library (素材库): reusable texts and images with tags (001 § 篇5 三).

Everyone who may draft posts may add, change and archive items (audited); everyone who
may read posts may search them. An archived item is kept (a post may have used it) but is
no longer offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, literal, or_, select
from sqlalchemy.orm import Session

from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import NotFoundError, ValidationError
from newmedia_desk.domain.posts import MAX_BODY, MAX_TITLE
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import check_version, require
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Staff
from newmedia_desk.storage.post_models import LibraryItem, StoredImage

MAX_TAG = 20
MAX_TAGS = 20
MAX_TAGS_TEXT = 500
SEARCH_LIMIT = 500

_TAG_SEPARATORS = re.compile(r"[\s,，、;；]+")


@dataclass(frozen=True, slots=True)
class LibraryRecord:
    """One library item as shown and inserted."""

    id: int
    title: str
    text: str
    image_sha256: str | None
    tags: tuple[str, ...]
    created_at: datetime
    created_by: str
    archived_at: datetime | None
    version: int


def normalise_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """Split and tidy tags (spaces, commas, 、 or ; between them); duplicates dropped."""
    parts = [tags] if isinstance(tags, str) else list(tags)
    found: list[str] = []
    for part in parts:
        for tag in _TAG_SEPARATORS.split(part):
            clean = tag.strip().lstrip("#").rstrip("#")
            if not clean:
                continue
            if len(clean) > MAX_TAG:
                raise ValidationError("a tag is too long", field="tags", tag=clean, limit=MAX_TAG)
            if clean not in found:
                found.append(clean)
    if len(found) > MAX_TAGS:
        raise ValidationError("too many tags", field="tags", limit=MAX_TAGS)
    if len(" ".join(found)) > MAX_TAGS_TEXT:
        raise ValidationError("too many tags", field="tags", limit=MAX_TAGS)
    return tuple(found)


def _title(value: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError("the title must not be empty", field="title")
    if "\n" in text or "\r" in text:
        raise ValidationError("the title must be one line", field="title")
    if len(text) > MAX_TITLE:
        raise ValidationError("title is too long", field="title", limit=MAX_TITLE)
    return text


def _text(value: str) -> str:
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_BODY:
        raise ValidationError("text is too long", field="text", limit=MAX_BODY)
    return text


class LibraryService:
    """Add, change, archive and search library items."""

    def __init__(self, db: Database, audit: AuditService, clock: Clock) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock

    # -- changing ------------------------------------------------------------------------

    def add(
        self,
        actor: Principal,
        title: str,
        text: str = "",
        *,
        image_sha256: str | None = None,
        tags: Iterable[str] | str = (),
    ) -> LibraryRecord:
        """Add an item: a text, an image (stored first with ``ImageStore``) or both."""
        require(actor, Permission.DRAFT_POSTS, actor.unit_id)
        clean_title, clean_text, clean_tags = _title(title), _text(text), normalise_tags(tags)
        with self._db.write() as s:
            self._check_content(s, clean_text, image_sha256)
            row = LibraryItem(
                title=clean_title,
                text=clean_text,
                image_sha256=image_sha256,
                tags=" ".join(clean_tags),
                created_at=self._clock.now(),
                created_by=actor.staff_id,
            )
            s.add(row)
            s.flush()
            self._audit.append(
                s, actor, "library_item_created", "library_item", row.id, after=self._audited(row)
            )
            return self._record(s, row)

    def update(
        self,
        actor: Principal,
        item_id: int,
        *,
        title: str,
        text: str,
        image_sha256: str | None,
        tags: Iterable[str] | str,
        expected_version: int,
    ) -> LibraryRecord:
        """Change an item (refused when someone else changed it since it was read)."""
        require(actor, Permission.DRAFT_POSTS, actor.unit_id)
        clean_title, clean_text, clean_tags = _title(title), _text(text), normalise_tags(tags)
        with self._db.write() as s:
            row = self._row(s, item_id)
            check_version("library_item", row.version, expected_version)
            if row.archived_at is not None:
                raise ValidationError("an archived item cannot be changed", field="status")
            self._check_content(s, clean_text, image_sha256)
            before = self._audited(row)
            row.title, row.text = clean_title, clean_text
            row.image_sha256, row.tags = image_sha256, " ".join(clean_tags)
            s.flush()
            after = self._audited(row)
            if after != before:
                self._audit.append(
                    s,
                    actor,
                    "library_item_updated",
                    "library_item",
                    row.id,
                    before=before,
                    after=after,
                )
            return self._record(s, row)

    def archive(self, actor: Principal, item_id: int, *, expected_version: int) -> LibraryRecord:
        """Stop offering an item; it is kept."""
        require(actor, Permission.DRAFT_POSTS, actor.unit_id)
        with self._db.write() as s:
            row = self._row(s, item_id)
            check_version("library_item", row.version, expected_version)
            if row.archived_at is not None:
                raise ValidationError("the item is archived already", field="status")
            row.archived_at = self._clock.now()
            s.flush()
            self._audit.append(
                s,
                actor,
                "library_item_archived",
                "library_item",
                row.id,
                after={"title": row.title},
            )
            return self._record(s, row)

    # -- reading -------------------------------------------------------------------------

    def get(self, actor: Principal, item_id: int) -> LibraryRecord:
        """One item."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            return self._record(s, self._row(s, item_id))

    def search(
        self,
        actor: Principal,
        text: str = "",
        *,
        tag: str | None = None,
        include_archived: bool = False,
        limit: int = SEARCH_LIMIT,
    ) -> list[LibraryRecord]:
        """Items whose title, text or tags contain ``text`` and that carry ``tag``, newest first."""
        require(actor, Permission.VIEW_POSTS)
        query = select(LibraryItem)
        if not include_archived:
            query = query.where(LibraryItem.archived_at.is_(None))
        needle = text.strip().lower()
        if needle:
            query = query.where(
                or_(
                    func.lower(LibraryItem.title).contains(needle, autoescape=True),
                    func.lower(LibraryItem.text).contains(needle, autoescape=True),
                    func.lower(LibraryItem.tags).contains(needle, autoescape=True),
                )
            )
        if tag is not None and tag.strip():
            padded = literal(" ") + LibraryItem.tags + literal(" ")
            query = query.where(padded.contains(f" {tag.strip()} ", autoescape=True))
        query = query.order_by(LibraryItem.created_at.desc(), LibraryItem.id.desc()).limit(limit)
        with self._db.read() as s:
            names = self._names(s)
            return [self._record(s, row, names) for row in s.scalars(query)]

    def tags(self, actor: Principal) -> list[str]:
        """Every tag of the items offered, the most used first."""
        require(actor, Permission.VIEW_POSTS)
        counts: dict[str, int] = {}
        with self._db.read() as s:
            for (tags,) in s.execute(
                select(LibraryItem.tags).where(LibraryItem.archived_at.is_(None))
            ):
                for tag in str(tags).split():
                    counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts, key=lambda t: (-counts[t], t))

    # -- internals -----------------------------------------------------------------------

    @staticmethod
    def _check_content(s: Session, text: str, image_sha256: str | None) -> None:
        if image_sha256 is not None and s.get(StoredImage, image_sha256) is None:
            raise ValidationError("no such image", field="image", sha256=image_sha256)
        if not text.strip() and image_sha256 is None:
            raise ValidationError("an item needs a text or an image", field="text")

    @staticmethod
    def _row(s: Session, item_id: int) -> LibraryItem:
        row = s.get(LibraryItem, item_id)
        if row is None:
            raise NotFoundError("no such library item", entity="library_item", id=item_id)
        return row

    @staticmethod
    def _audited(row: LibraryItem) -> dict[str, object]:
        return {
            "title": row.title,
            "text_chars": len(row.text),
            "image_sha256": row.image_sha256,
            "tags": row.tags,
        }

    @staticmethod
    def _names(s: Session) -> dict[int, str]:
        return {i: n for i, n in s.execute(select(Staff.id, Staff.name))}

    def _record(
        self, s: Session, row: LibraryItem, names: dict[int, str] | None = None
    ) -> LibraryRecord:
        if names is None:
            staff = s.get(Staff, row.created_by)
            created_by = "" if staff is None else staff.name
        else:
            created_by = names.get(row.created_by, "")
        return LibraryRecord(
            id=row.id,
            title=row.title,
            text=row.text,
            image_sha256=row.image_sha256,
            tags=tuple(row.tags.split()),
            created_at=row.created_at,
            created_by=created_by,
            archived_at=row.archived_at,
            version=row.version,
        )
