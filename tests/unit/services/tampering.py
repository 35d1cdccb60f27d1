"""Going around the program: raw SQL on the database, as someone with file access would."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from newmedia_desk.context import AppContext


def raw_sql(
    ctx: AppContext, sql: str, params: dict[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    """Run one statement outside the program and commit; return any rows.

    SQLite goes through the standard library straight to the file; PostgreSQL through a
    plain engine with none of the program's session machinery. ``:name`` parameters work
    in both.
    """
    if ctx.db.path is not None:
        con = sqlite3.connect(ctx.db.path)
        try:
            rows = con.execute(sql, params or {}).fetchall()
            con.commit()
        finally:
            con.close()
        return [tuple(r) for r in rows]
    engine = create_engine(ctx.db.url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params or {})
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def swap_seq(ctx: AppContext, a: int, b: int) -> None:
    """Exchange the sequence numbers of two audit rows (three steps: ``seq`` is the key)."""
    raw_sql(ctx, "UPDATE audit_log SET seq = -1 WHERE seq = :a", {"a": a})
    raw_sql(ctx, "UPDATE audit_log SET seq = :a WHERE seq = :b", {"a": a, "b": b})
    raw_sql(ctx, "UPDATE audit_log SET seq = :b WHERE seq = -1", {"b": b})
