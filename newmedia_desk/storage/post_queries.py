"""The posts list read a page at a time: keyset paging, filters and text search.

The list shows the newest posts first: ``ORDER BY id DESC``. A page continues after a
cursor (the last row's id), never with ``OFFSET``, so the thousandth page costs what the
first does. This order needs no extra index and keeps every filter cheap: the whole list
walks the primary key backwards and stops after one page; a status filter walks
``ix_post_status``, whose entries are ordered by id within a status; a search walks the
trigram index backwards by rowid (= post id) — so a page costs the same for a rare word
as for a word in every other post. An account with few posts is read through
``ix_post_target_account_id`` and sorted (it would otherwise mean a walk over all posts);
an account with many posts is checked post by post along the primary key.

Text search splits the words typed at white space; every word must occur in the title or
the body of the current revision. On SQLite, words of 3 or more characters go through the
FTS5 trigram index ``post_fts`` (see ``post_search``); shorter words cannot — the trigram
index silently finds nothing for them, and two-character Chinese words are common — so
they are matched with ``LIKE`` on the posts themselves, which reads every post when the
word is rare (run such searches off the UI thread). On other databases (PostgreSQL)
every word is matched with ``ILIKE``.

Rows are light tuples with only what the list shows, fetched per page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from newmedia_desk.domain.posts import PostStatus, Tier
from newmedia_desk.storage.models import Account, Platform, Staff
from newmedia_desk.storage.post_models import Post, PostRevision, PostTarget
from newmedia_desk.storage.post_search import FTS_TABLE

MIN_INDEXED = 3
"""Words shorter than this many characters cannot use the trigram index."""
MAX_TERMS = 8
"""At most this many words are searched for (more add nothing but cost)."""
MAX_TERM = 100
"""A longer word is refused by the search box long before; cut it here for safety."""
RECENT_FOR_COLUMNS = 5000
"""How many recent posts the column filter's choices are taken from."""


class DateField(StrEnum):
    """Which time a date range filters on."""

    PLANNED = "planned"  # 计划发布时间
    UPDATED = "updated"  # 最近修改


@dataclass(frozen=True, slots=True)
class PostFilters:
    """What the list is narrowed to; the defaults show every post."""

    statuses: frozenset[PostStatus] = frozenset()
    """Any of these statuses (empty: all)."""
    account_id: int | None = None
    """Posts for this account (one of their targets)."""
    column: str | None = None
    """Exactly this column (栏目)."""
    tier: Tier | None = None
    date_field: DateField = DateField.UPDATED
    date_from: datetime | None = None
    """Inclusive lower bound of ``date_field``."""
    date_to: datetime | None = None
    """Exclusive upper bound of ``date_field``."""
    text: str = ""
    """Words, separated by spaces; each must be in the title or the body."""

    def terms(self) -> tuple[str, ...]:
        """The words searched for."""
        return search_terms(self.text)


class PostCursor(NamedTuple):
    """Where a page ends: the next page starts after this post (ids go down)."""

    id: int


class PostListRow(NamedTuple):
    """One post as the list shows it."""

    id: int
    status: PostStatus
    tier: Tier
    title: str
    column: str
    accounts: str
    """The target accounts, e.g. ``江城气象（微博）、江城气象（微信公众号）``."""
    planned_at: datetime | None
    updated_at: datetime
    drafter: str


def search_terms(text: str) -> tuple[str, ...]:
    """Split a search into words: white space separates, control characters are dropped.

    Repeated words count once; at most ``MAX_TERMS`` words of at most ``MAX_TERM``
    characters each are kept.
    """
    cleaned = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    seen: dict[str, None] = {}
    for word in cleaned.split():
        seen.setdefault(word[:MAX_TERM], None)
    return tuple(seen)[:MAX_TERMS]


def fts_phrase(term: str) -> str:
    """``term`` as an FTS5 string: in double quotes, inner quotes doubled.

    Inside a string FTS5 gives no character a meaning (``*``, ``^``, ``-``, ``AND`` …),
    so a quoted word always means "this exact text".
    """
    return '"' + term.replace('"', '""') + '"'


def uses_index(conn: Connection) -> bool:
    """Whether this database has the trigram index (SQLite; see ``post_search``)."""
    return conn.dialect.name == "sqlite"


def scans(filters: PostFilters, *, indexed: bool) -> bool:
    """Whether the search must read every post (slow on a large office).

    True when a word is shorter than ``MIN_INDEXED`` characters, or when there are words
    and the database has no trigram index.
    """
    terms = filters.terms()
    if not terms:
        return False
    return not indexed or any(len(t) < MIN_INDEXED for t in terms)


FEW_TARGETS = 5000
"""An account with fewer posts than this is read through its index and sorted."""

_FTS = table(FTS_TABLE, column("rowid"))


def _fts_query(terms: Sequence[str]) -> str | None:
    """The MATCH expression of the words the trigram index can answer (``None``: none)."""
    indexed = [t for t in terms if len(t) >= MIN_INDEXED]
    return " AND ".join(fts_phrase(t) for t in indexed) if indexed else None


def _scan_conditions(terms: Sequence[str], *, indexed: bool) -> list[ColumnElement[bool]]:
    """``LIKE`` (SQLite) or ``ILIKE`` conditions for the words the index cannot answer."""
    conditions: list[ColumnElement[bool]] = []
    for term in terms:
        if indexed and len(term) >= MIN_INDEXED:
            continue
        revision = aliased(PostRevision)
        if indexed:  # SQLite: LIKE ignores the case of ASCII letters, as the index does
            title = Post.title.contains(term, autoescape=True)
            body = revision.body.contains(term, autoescape=True)
        else:
            title = Post.title.icontains(term, autoescape=True)
            body = revision.body.icontains(term, autoescape=True)
        conditions.append(
            or_(
                title,
                exists().where(
                    revision.post_id == Post.id,
                    revision.number == Post.revision,
                    body,
                ),
            )
        )
    return conditions


def _few_targets(conn: Connection, account_id: int) -> bool:
    """Whether the account has fewer than ``FEW_TARGETS`` posts (reads at most that many)."""
    some = (
        select(PostTarget.post_id)
        .where(PostTarget.account_id == account_id)
        .limit(FEW_TARGETS)
        .subquery()
    )
    return int(conn.scalar(select(func.count()).select_from(some)) or 0) < FEW_TARGETS


def _conditions(conn: Connection, filters: PostFilters) -> list[ColumnElement[bool]]:
    """Every filter except the trigram MATCH (which ``_base`` joins in)."""
    conditions: list[ColumnElement[bool]] = []
    if len(filters.statuses) == 1:  # walks ix_post_status, in id order within the status
        (status,) = filters.statuses
        conditions.append(Post.status == status.value)
    elif filters.statuses:
        conditions.append(Post.status.in_(sorted(st.value for st in filters.statuses)))
    if filters.tier is not None:
        conditions.append(Post.tier == filters.tier.value)
    if filters.column is not None:
        conditions.append(Post.column == filters.column)
    if filters.account_id is not None:
        account = filters.account_id
        if _few_targets(conn, account):
            conditions.append(
                Post.id.in_(select(PostTarget.post_id).where(PostTarget.account_id == account))
            )
        else:
            conditions.append(
                exists().where(PostTarget.post_id == Post.id, PostTarget.account_id == account)
            )
    when = Post.planned_at if filters.date_field is DateField.PLANNED else Post.updated_at
    if filters.date_from is not None:
        conditions.append(when >= filters.date_from)
    if filters.date_to is not None:
        conditions.append(when < filters.date_to)
    conditions.extend(_scan_conditions(filters.terms(), indexed=uses_index(conn)))
    return conditions


_PageSelect = Select[int, str, str, str, str, datetime | None, datetime, str, str | None]


def _accounts_text(conn: Connection) -> ColumnElement[str | None]:
    """The post's target accounts as one text, ``名称（平台）`` joined by ``、``.

    A correlated subquery: evaluated only for the rows of the page.
    """
    label = Account.name + "（" + Platform.name + "）"
    if conn.dialect.name == "sqlite":
        # Rows come in the order of the post_target primary key (post, account).
        joined = func.group_concat(label, "、")
    else:
        joined = func.string_agg(label, aggregate_order_by(literal("、"), PostTarget.account_id))
    return (
        select(joined)
        .select_from(PostTarget)
        .join(Account, Account.id == PostTarget.account_id)
        .join(Platform, Platform.id == Account.platform_id)
        .where(PostTarget.post_id == Post.id)
        .scalar_subquery()
    )


def page_query(
    conn: Connection, filters: PostFilters, after: PostCursor | None, limit: int
) -> _PageSelect:
    """The SELECT of one page (also used by the benchmark to show its plan).

    With words for the trigram index, the page is read from the index backwards by rowid
    (the post id) and joined to the posts; otherwise from the posts backwards by id.
    """
    conditions = _conditions(conn, filters)
    query = select(
        Post.id,
        Post.status,
        Post.tier,
        Post.title,
        Post.column,
        Post.planned_at,
        Post.updated_at,
        Staff.name,
        _accounts_text(conn),
    )
    match = _fts_query(filters.terms()) if uses_index(conn) else None
    if match is not None:
        rowid = _FTS.c.rowid
        query = (
            query.select_from(_FTS)
            .join(Post, Post.id == rowid)
            .where(literal_column(FTS_TABLE).op("MATCH")(bindparam("fts_query", match)))
        )
        if after is not None:
            conditions.append(rowid < after.id)
        order = rowid.desc()
    else:
        if after is not None:
            conditions.append(Post.id < after.id)
        order = Post.id.desc()
    return (
        query.join(Staff, Staff.id == Post.drafter_id)
        .where(*conditions)
        .order_by(order)
        .limit(limit)
    )


def fetch_page(
    conn: Connection, filters: PostFilters, after: PostCursor | None, limit: int
) -> tuple[list[PostListRow], PostCursor | None]:
    """One page of at most ``limit`` rows, and the cursor of the next (``None``: no more)."""
    if limit < 1:
        raise ValueError("limit must be positive")
    found = conn.execute(page_query(conn, filters, after, limit + 1)).all()
    more = len(found) > limit
    rows = [
        PostListRow(
            id=post_id,
            status=PostStatus(status),
            tier=Tier(tier),
            title=title,
            column=col,
            accounts=accounts or "",
            planned_at=planned_at,
            updated_at=updated_at,
            drafter=drafter,
        )
        for post_id, status, tier, title, col, planned_at, updated_at, drafter, accounts in found[
            :limit
        ]
    ]
    cursor = PostCursor(rows[-1].id) if more and rows else None
    return rows, cursor


def count_posts(conn: Connection, filters: PostFilters) -> int:
    """How many posts match the filters."""
    conditions = _conditions(conn, filters)
    match = _fts_query(filters.terms()) if uses_index(conn) else None
    query = select(func.count()).select_from(Post)
    if match is not None:
        query = (
            select(func.count())
            .select_from(_FTS)
            .join(Post, Post.id == _FTS.c.rowid)
            .where(literal_column(FTS_TABLE).op("MATCH")(bindparam("fts_query", match)))
        )
    return int(conn.scalar(query.where(*conditions)) or 0)


def recent_columns(conn: Connection, limit: int = RECENT_FOR_COLUMNS) -> list[str]:
    """The columns (栏目) of the most recent posts, sorted; quick on any size of office."""
    recent = select(Post.column.label("name")).order_by(Post.id.desc()).limit(limit).subquery()
    rows = conn.scalars(select(recent.c.name).distinct())
    return sorted(name for name in rows if name)
