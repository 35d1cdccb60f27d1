"""The audit chain: how each entry is sealed to the one before it.

Each entry's ``mac`` is an HMAC-SHA256, under a key kept outside the database, of the
entry's canonical bytes and the previous entry's ``mac``. Editing, deleting, inserting or
reordering rows breaks the chain, and without the key nobody can recompute it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
"""The ``prev`` value of the first entry."""

MAX_SNAPSHOT_CHARS = 2000
"""Longest before/after text kept per entry; longer values are shortened with a marker."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the audit log."""

    seq: int
    at: datetime
    actor_id: int | None
    actor: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str
    prev: str
    mac: str


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The last entry's sequence number and seal, printed on exports."""

    seq: int
    mac: str

    @property
    def short(self) -> str:
        """A form-friendly rendering: ``#seq mac[:16]``."""
        return f"#{self.seq} {self.mac[:16]}"


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of checking a whole log."""

    entries: int
    head: AuditHead | None
    first_bad_seq: int | None
    problem: str

    @property
    def ok(self) -> bool:
        """Whether every entry checked out."""
        return self.first_bad_seq is None


def snapshot(values: Mapping[str, Any] | None) -> str:
    """Render a short before/after snapshot as canonical JSON (secrets never passed here)."""
    if not values:
        return ""
    text = json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)
    if len(text) > MAX_SNAPSHOT_CHARS:
        # An audit line says what changed; it is not a copy of the record.
        text = text[: MAX_SNAPSHOT_CHARS - 12] + "…[truncated]"
    return text


def canonical_bytes(
    *,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: str,
    after: str,
    prev: str,
) -> bytes:
    """Return the exact bytes that are sealed for one entry.

    ``at`` is sealed in UTC: the database hands times back in UTC whatever zone they were
    written in, so sealing a +08:00 rendering would make the entry fail verification.
    """
    if at.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    stamp = at.astimezone(UTC).isoformat()
    body = [seq, stamp, actor_id, actor, action, entity, entity_id, before, after, prev]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def seal(key: bytes, payload: bytes) -> str:
    """Return the hex HMAC-SHA256 of ``payload``."""
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def entry_mac(key: bytes, entry: AuditEntry) -> str:
    """Recompute the seal an entry should carry."""
    return seal(
        key,
        canonical_bytes(
            seq=entry.seq,
            at=entry.at,
            actor_id=entry.actor_id,
            actor=entry.actor,
            action=entry.action,
            entity=entry.entity,
            entity_id=entry.entity_id,
            before=entry.before,
            after=entry.after,
            prev=entry.prev,
        ),
    )


def verify_chain(key: bytes, entries: Iterable[AuditEntry]) -> ChainReport:
    """Check entries in ``seq`` order; report the first one that does not fit."""
    expected_seq = 1
    prev = GENESIS
    count = 0
    last: AuditEntry | None = None
    for entry in entries:
        if entry.seq != expected_seq:
            bad = min(entry.seq, expected_seq)
            return ChainReport(count, _head(last), bad, f"sequence gap: expected {expected_seq}")
        if entry.prev != prev:
            return ChainReport(count, _head(last), entry.seq, "link to previous entry broken")
        if not hmac.compare_digest(entry.mac, entry_mac(key, entry)):
            return ChainReport(count, _head(last), entry.seq, "seal does not match content")
        prev = entry.mac
        expected_seq += 1
        count += 1
        last = entry
    return ChainReport(count, _head(last), None, "")


def _head(entry: AuditEntry | None) -> AuditHead | None:
    return None if entry is None else AuditHead(entry.seq, entry.mac)
