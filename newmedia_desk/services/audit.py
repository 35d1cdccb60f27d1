"""Appending to and checking the sealed audit log."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from newmedia_desk.domain.audit import (
    GENESIS,
    AuditEntry,
    AuditHead,
    ChainReport,
    canonical_bytes,
    seal,
    snapshot,
    verify_chain,
)
from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.staff import SYSTEM_ACTOR, Principal
from newmedia_desk.security.audit_key import AuditKeyStore
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import AuditHeadRow, AuditRow
from newmedia_desk.storage.repositories import AuditRepository, MetaRepository

DB_ID_KEY = "db_id"
_PENDING = "newmedia_desk_audit_head"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who an audit entry names: a signed-in person, or the program itself."""

    id: int | None
    name: str

    @classmethod
    def of(cls, principal: Principal | None) -> Actor:
        """The actor for ``principal`` (``system`` when nobody is signed in)."""
        if principal is None:
            return cls(None, SYSTEM_ACTOR)
        return cls(principal.staff_id, principal.login)


@dataclass(frozen=True, slots=True)
class AnchorCheck:
    """Whether the log still reaches as far as this PC last saw it."""

    seq: int
    ok: bool


class AuditService:
    """The tamper-evident log every change of state is written to."""

    def __init__(
        self, db: Database, keys: AuditKeyStore, clock: Clock, anchor_dir: Path | None
    ) -> None:
        self._db = db
        self._keys = keys
        self._clock = clock
        self._anchor_dir = anchor_dir
        self._db_id: str | None = None

    # -- identity -----------------------------------------------------------------------

    def database_id(self) -> str | None:
        """The random id of this database (names its audit key), or ``None`` before init."""
        if self._db_id is None:
            with self._db.read() as s:
                self._db_id = MetaRepository(s).get(DB_ID_KEY)
        return self._db_id

    def forget_identity(self, *, reset_anchor: bool = False) -> None:
        """Drop cached facts after the file was replaced (restore)."""
        if reset_anchor and self._db_id is not None:
            path = self._anchor_file(self._db_id)
            if path is not None:
                path.unlink(missing_ok=True)
        self._db_id = None
        if reset_anchor:
            db_id = self.database_id()
            path = None if db_id is None else self._anchor_file(db_id)
            if path is not None:
                path.unlink(missing_ok=True)

    def ensure_identity(self, session: Session) -> str:
        """Give a new database its id and audit key (inside the caller's transaction)."""
        meta = MetaRepository(session)
        db_id = meta.get(DB_ID_KEY)
        if db_id is None:
            db_id = uuid.uuid4().hex
            meta.put(DB_ID_KEY, db_id)
            self._keys.create(db_id)
        self._db_id = db_id
        return db_id

    def key_location(self) -> str:
        """Where the audit key of this database is kept."""
        db_id = self.database_id()
        return "no key yet" if db_id is None else self._keys.location(db_id)

    # -- writing ------------------------------------------------------------------------

    def append(
        self,
        session: Session,
        actor: Principal | Actor | None,
        action: str,
        entity: str,
        entity_id: object,
        *,
        before: Mapping[str, Any] | None = None,
        after: Mapping[str, Any] | None = None,
    ) -> AuditEntry:
        """Seal one entry onto the chain, inside the caller's write transaction."""
        who = actor if isinstance(actor, Actor) else Actor.of(actor)
        db_id = self.ensure_identity(session)
        key = self._keys.require(db_id)
        head = session.scalar(select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update())
        if head is None:
            head = AuditHeadRow(id=1, seq=0, mac=GENESIS)
            session.add(head)
        fields: dict[str, Any] = {
            "seq": head.seq + 1,
            "at": self._clock.now(),
            "actor_id": who.id,
            "actor": who.name,
            "action": action,
            "entity": entity,
            "entity_id": str(entity_id),
            "before": snapshot(before),
            "after": snapshot(after),
            "prev": head.mac,
        }
        mac = seal(key, canonical_bytes(**fields))
        session.add(AuditRow(**fields, mac=mac))
        head.seq = fields["seq"]
        head.mac = mac
        session.flush()
        self._remember_after_commit(session, db_id, AuditHead(head.seq, mac))
        return AuditEntry(**fields, mac=mac)

    def _remember_after_commit(self, session: Session, db_id: str, head: AuditHead) -> None:
        if self._anchor_dir is None:
            return
        first = _PENDING not in session.info
        session.info[_PENDING] = (db_id, head)
        if first:

            def _after_commit(sess: Session) -> None:
                pending = sess.info.pop(_PENDING, None)
                if pending is not None:
                    self._write_anchor(*pending)

            # SQLAlchemy calls this with (session, previous_transaction); a one-argument
            # listener raised TypeError and hid the error that caused the rollback.
            def _after_rollback(sess: Session, _previous: object) -> None:
                sess.info.pop(_PENDING, None)

            event.listen(session, "after_commit", _after_commit, once=True)
            event.listen(session, "after_soft_rollback", _after_rollback, once=True)

    # -- anchors: the furthest head this PC has seen -------------------------------------

    def _anchor_file(self, db_id: str) -> Path | None:
        return None if self._anchor_dir is None else self._anchor_dir / f"audit-{db_id}.json"

    def _write_anchor(self, db_id: str, head: AuditHead) -> None:
        path = self._anchor_file(db_id)
        if path is None:
            return
        current = self._read_anchor(db_id)
        if current is not None and current.seq >= head.seq:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"seq": head.seq, "mac": head.mac}), encoding="utf-8")
        os.replace(tmp, path)

    def _read_anchor(self, db_id: str) -> AuditHead | None:
        path = self._anchor_file(db_id)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return AuditHead(int(data["seq"]), str(data["mac"]))
        except (ValueError, KeyError, TypeError):
            return None

    # -- reading ------------------------------------------------------------------------

    def head(self) -> AuditHead | None:
        """The newest entry's sequence number and seal."""
        with self._db.read() as s:
            row = s.scalar(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1))
            return None if row is None else AuditHead(row.seq, row.mac)

    def recent(self, limit: int = 200) -> list[AuditEntry]:
        """The newest entries, newest first."""
        with self._db.read() as s:
            return AuditRepository(s).recent(limit)

    def verify(self) -> ChainReport:
        """Check every seal and link, then that the log reaches this PC's anchor."""
        db_id = self.database_id()
        with self._db.read() as s:
            repo = AuditRepository(s)
            if db_id is None:
                if repo.count() == 0:
                    return ChainReport(0, None, None, "")
                return ChainReport(0, None, 1, "database id missing")
            key = self._keys.require(db_id)
            tracked = _Tracked(repo.stream())
            try:
                report = verify_chain(key, tracked)
            except SQLAlchemyError as exc:
                # A row so damaged that it cannot even be read is a broken entry too.
                return ChainReport(
                    tracked.count, None, tracked.last + 1, f"entry cannot be read: {exc}"
                )
            if not report.ok:
                return report
            head_row = s.get(AuditHeadRow, 1)
            if head_row is not None and head_row.seq != report.entries:
                bad = min(head_row.seq, report.entries) + 1
                return ChainReport(
                    report.entries, report.head, bad, "the log and its head row disagree"
                )
            anchor = self._read_anchor(db_id)
            if anchor is not None:
                at_anchor = repo.get(anchor.seq)
                if at_anchor is None or at_anchor.mac != anchor.mac:
                    return ChainReport(
                        report.entries,
                        report.head,
                        anchor.seq,
                        "entries this PC saw written are missing or replaced",
                    )
            return report


class _Tracked:
    """Iterate entries while remembering the last one read."""

    def __init__(self, entries: Iterator[AuditEntry]) -> None:
        self._entries = entries
        self.last = 0
        self.count = 0

    def __iter__(self) -> Iterator[AuditEntry]:
        for entry in self._entries:
            self.last = entry.seq
            self.count += 1
            yield entry
