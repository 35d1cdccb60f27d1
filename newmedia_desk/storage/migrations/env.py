"""Alembic environment: always run in code, with a connection handed in by ``migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from newmedia_desk.storage import models  # noqa: F401  (registers the tables)
from newmedia_desk.storage.base import Base
from newmedia_desk.storage.post_search import is_search_table

config = context.config
target_metadata = Base.metadata


def _include_name(name: str | None, kind: str, _parents: object) -> bool:
    return not (kind == "table" and name is not None and is_search_table(name))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        # The FTS5 index and its shadow tables are made by hand, not from the models.
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through newmedia_desk.storage.migrate")
_run(connection)
