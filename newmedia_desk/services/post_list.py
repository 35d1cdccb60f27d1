"""The posts list: one page at a time from the database, with filters and text search.

Separate from ``PostService`` (which works on one post) because the list never loads a
post whole: it reads light rows a page at a time (see ``storage.post_queries``). A search
with a word shorter than three characters (or any search on PostgreSQL) reads every post;
``scans`` tells the caller so that it can run such a search off the UI thread, and a
``SearchCancel`` lets a newer search stop an older one that is still running.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.common import require
from newmedia_desk.storage import post_queries
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.post_queries import PostCursor, PostFilters, PostListRow

DEFAULT_PAGE = 100
MAX_PAGE = 1000

T = TypeVar("T")


class SearchCancelledError(DeskError):
    """A newer search replaced this one before it finished."""

    code = "cancelled"


class SearchCancel:
    """Stops one running search from another thread (a newer search calls ``cancel``).

    While the search runs, its database connection is attached: cancelling interrupts the
    statement (SQLite's ``interrupt``, PostgreSQL's ``cancel``) instead of waiting for it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._interrupt: Callable[[], object] | None = None

    @property
    def cancelled(self) -> bool:
        """Whether ``cancel`` was called."""
        return self._cancelled

    def cancel(self) -> None:
        """Stop the search (at once if it is running, else when it starts)."""
        with self._lock:
            self._cancelled = True
            # Under the lock: the search detaches (``attach(None)``) before its pooled
            # connection goes back to the pool, so this never interrupts another query.
            if self._interrupt is not None:
                with contextlib.suppress(Exception):
                    self._interrupt()

    def attach(self, interrupt: Callable[[], object] | None) -> None:
        """Register how to interrupt the running statement (``None`` when it is done)."""
        with self._lock:
            if self._cancelled and interrupt is not None:
                raise SearchCancelledError("the search was replaced by a newer one")
            self._interrupt = interrupt

    def check(self) -> None:
        """Raise ``SearchCancelledError`` if cancelled."""
        if self._cancelled:
            raise SearchCancelledError("the search was replaced by a newer one")


@dataclass(frozen=True, slots=True)
class PostPage:
    """One page of the list, and where the next one starts (``None``: this is the last)."""

    rows: tuple[PostListRow, ...]
    next: PostCursor | None

    @property
    def more(self) -> bool:
        """Whether another page follows."""
        return self.next is not None


PROGRESS_STEPS = 100_000
"""SQLite asks whether to go on every this many virtual-machine steps (about a millisecond)."""


def _watch(conn: Connection, cancel: SearchCancel | None) -> None:
    """Let SQLite stop a statement as soon as ``cancel`` is cancelled (``None``: stop watching).

    ``interrupt`` alone can be lost when it comes just before a statement starts; the
    progress handler asks the flag while the statement runs.
    """
    raw = conn.connection.dbapi_connection
    handler = getattr(raw, "set_progress_handler", None)
    if handler is None:
        return
    if cancel is None:
        handler(None, 0)
    else:
        handler(lambda: 1 if cancel.cancelled else 0, PROGRESS_STEPS)


def _interrupter(conn: Connection) -> Callable[[], object] | None:
    raw = conn.connection.dbapi_connection
    for name in ("interrupt", "cancel_safe", "cancel"):  # sqlite3, psycopg ≥ 3.2, psycopg
        method = getattr(raw, name, None)
        if callable(method):
            return method  # type: ignore[no-any-return]
    return None


class PostListService:
    """Pages, counts and the column choices of the posts list (permission VIEW_POSTS)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def indexed(self) -> bool:
        """Whether the database has the trigram index (SQLite)."""
        return self._db.is_sqlite

    def scans(self, filters: PostFilters) -> bool:
        """Whether these filters make the database read every post (run it off the UI)."""
        return post_queries.scans(filters, indexed=self.indexed)

    def page(
        self,
        actor: Principal,
        filters: PostFilters,
        after: PostCursor | None = None,
        limit: int = DEFAULT_PAGE,
        *,
        cancel: SearchCancel | None = None,
    ) -> PostPage:
        """The next ``limit`` posts after ``after`` (the first page when ``None``).

        Newest change first; the page's ``next`` continues it.
        """
        require(actor, Permission.VIEW_POSTS)
        size = max(1, min(limit, MAX_PAGE))
        rows, cursor = self._run(lambda s: post_queries.fetch_page(s, filters, after, size), cancel)
        return PostPage(tuple(rows), cursor)

    def count(
        self, actor: Principal, filters: PostFilters, *, cancel: SearchCancel | None = None
    ) -> int:
        """How many posts match."""
        require(actor, Permission.VIEW_POSTS)
        return self._run(lambda s: post_queries.count_posts(s, filters), cancel)

    def columns(self, actor: Principal) -> list[str]:
        """The columns (栏目) in use by recent posts, for the column filter."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.engine.connect() as conn:
            return post_queries.recent_columns(conn)

    def _run(self, work: Callable[[Connection], T], cancel: SearchCancel | None) -> T:
        # A Core connection: the list reads plain rows and needs no ORM session. Its
        # statements run in one read transaction, rolled back when it closes.
        with self._db.engine.connect() as conn:
            if cancel is None:
                return work(conn)
            cancel.check()
            _watch(conn, cancel)
            cancel.attach(_interrupter(conn))
            try:
                return work(conn)
            except OperationalError as exc:
                if cancel.cancelled:
                    raise SearchCancelledError("the search was replaced by a newer one") from exc
                raise
            finally:
                cancel.attach(None)
                _watch(conn, None)
