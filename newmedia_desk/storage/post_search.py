"""The full-text index of posts: SQLite FTS5 with the trigram tokenizer.

``post_fts`` (rowid = post id) holds the current title and body of every post and is
kept by the post service in the same transaction as the post. It exists only on SQLite;
on other databases searches scan with ``LIKE`` instead. The trigram index cannot answer
terms shorter than 3 characters (it silently finds nothing), so such terms are always
scanned — two-character Chinese words are common.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

FTS_TABLE = "post_fts"


def is_search_table(name: str) -> bool:
    """Whether a table belongs to the FTS index (not described by the models)."""
    return name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_")


def has_index(s: Session) -> bool:
    """Whether this database keeps the FTS index (SQLite only)."""
    return s.get_bind().dialect.name == "sqlite"


def index_post(s: Session, post_id: int, title: str, body: str) -> None:
    """Put a post's current title and body into the index (replacing what was there)."""
    if not has_index(s):
        return
    s.execute(text("DELETE FROM post_fts WHERE rowid = :id"), {"id": post_id})
    s.execute(
        text("INSERT INTO post_fts (rowid, title, body) VALUES (:id, :title, :body)"),
        {"id": post_id, "title": title, "body": body},
    )
