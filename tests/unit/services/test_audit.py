"""The sealed audit log as the program writes it, and attacks on it made outside the program."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from pathlib import Path

import pytest

from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.audit import AuditEntry, canonical_bytes, seal
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import AuditKeyError
from newmedia_desk.domain.staff import Principal
from newmedia_desk.security.audit_key import AuditKeyStore
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.services.audit import Actor
from tests.unit.services.tampering import raw_sql, swap_seq

pytestmark = pytest.mark.all_backends

CHANGES = 12


@pytest.fixture
def busy(ctx: AppContext, admin: Principal) -> list[AuditEntry]:
    """A log with some history: the admin changes a setting back and forth."""
    for i in range(CHANGES):
        ctx.settings.set(admin, "idle_lock_minutes", 5 + i)
    entries = list(reversed(ctx.audit.recent(1000)))
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    return entries


def forged_payload(entry: AuditEntry, *, seq: int, prev: str, action: str) -> bytes:
    return canonical_bytes(
        seq=seq,
        at=entry.at,
        actor_id=entry.actor_id,
        actor=entry.actor,
        action=action,
        entity=entry.entity,
        entity_id=entry.entity_id,
        before=entry.before,
        after=entry.after,
        prev=prev,
    )


def insert_forged(ctx: AppContext, source: AuditEntry, *, seq: int, prev: str, mac: str) -> None:
    """Add a row copied from ``source`` (its time, actor…) with a new action and seal."""
    raw_sql(
        ctx,
        "INSERT INTO audit_log (seq, at, actor_id, actor, action, entity, entity_id, before,"
        " after, prev, mac) SELECT :seq, at, actor_id, actor, 'staff_deleted', entity,"
        " entity_id, before, after, :prev, :mac FROM audit_log WHERE seq = :src",
        {"seq": seq, "prev": prev, "mac": mac, "src": source.seq},
    )


def set_head(ctx: AppContext, seq: int, mac: str) -> None:
    """Make the head row agree with a doctored log, as a careful forger would."""
    raw_sql(
        ctx, "UPDATE audit_head SET seq = :seq, mac = :mac WHERE id = 1", {"seq": seq, "mac": mac}
    )


def test_clean_log_verifies(ctx: AppContext, busy: list[AuditEntry]) -> None:
    report = ctx.maintenance.verify()
    assert report.ok, report
    assert report.chain.entries == len(busy)
    assert report.chain.head is not None
    assert (report.chain.head.seq, report.chain.head.mac) == (busy[-1].seq, busy[-1].mac)
    assert ctx.audit.head() == report.chain.head
    assert report.key_location == "system keyring (memory)"


def test_entries_name_actor_action_and_change(
    ctx: AppContext, busy: list[AuditEntry], admin: Principal
) -> None:
    last = busy[-1]
    assert (last.actor, last.actor_id) == ("admin", admin.staff_id)
    assert (last.action, last.entity, last.entity_id) == (
        "setting_changed",
        "setting",
        "idle_lock_minutes",
    )
    assert json.loads(last.before) == {"value": str(5 + CHANGES - 2)}
    assert json.loads(last.after) == {"value": 5 + CHANGES - 1}
    assert last.at == ctx.clock.now()
    first = busy[0]
    assert (first.actor, first.actor_id, first.action) == ("system", None, "unit_created")


def test_edited_row_is_the_first_bad_seq(ctx: AppContext, busy: list[AuditEntry]) -> None:
    raw_sql(ctx, "UPDATE audit_log SET after = '{\"value\": 240}' WHERE seq = 7")
    report = ctx.maintenance.verify()
    assert not report.ok
    assert report.chain.first_bad_seq == 7


def test_edited_actor_is_detected(ctx: AppContext, busy: list[AuditEntry]) -> None:
    raw_sql(ctx, "UPDATE audit_log SET actor = '某领导', actor_id = NULL WHERE seq = 9")
    assert ctx.maintenance.verify().chain.first_bad_seq == 9


def test_deleted_middle_row_is_reported(ctx: AppContext, busy: list[AuditEntry]) -> None:
    raw_sql(ctx, "DELETE FROM audit_log WHERE seq = 6")
    report = ctx.maintenance.verify()
    assert report.chain.first_bad_seq == 6
    assert "gap" in report.chain.problem


def test_swapped_rows_are_reported(ctx: AppContext, busy: list[AuditEntry]) -> None:
    swap_seq(ctx, 5, 8)
    assert ctx.maintenance.verify().chain.first_bad_seq == 5


@pytest.mark.parametrize("scheme", ["plain-sha256", "hmac-other-key"])
def test_forged_row_at_the_end_is_reported(
    ctx: AppContext, busy: list[AuditEntry], scheme: str
) -> None:
    """A row added after the last one, sealed without the real key, head row fixed up."""
    last = busy[-1]
    seq = last.seq + 1
    payload = forged_payload(last, seq=seq, prev=last.mac, action="staff_deleted")
    if scheme == "plain-sha256":
        mac = hashlib.sha256(payload).hexdigest()
    else:
        mac = seal(b"another key entirely, 32 bytes!!", payload)
    insert_forged(ctx, last, seq=seq, prev=last.mac, mac=mac)
    set_head(ctx, seq, mac)
    assert ctx.maintenance.verify().chain.first_bad_seq == seq


def test_forged_row_in_the_middle_is_reported(ctx: AppContext, busy: list[AuditEntry]) -> None:
    """Shift the tail up by one and slip a plain-hash row into the hole."""
    n = busy[-1].seq
    for seq in range(n, 5, -1):
        raw_sql(
            ctx, "UPDATE audit_log SET seq = :new WHERE seq = :old", {"new": seq + 1, "old": seq}
        )
    payload = forged_payload(busy[4], seq=6, prev=busy[4].mac, action="staff_deleted")
    insert_forged(ctx, busy[4], seq=6, prev=busy[4].mac, mac=hashlib.sha256(payload).hexdigest())
    set_head(ctx, n + 1, busy[-1].mac)
    assert ctx.maintenance.verify().chain.first_bad_seq == 6


def test_recomputed_plain_chain_is_reported(ctx: AppContext, busy: list[AuditEntry]) -> None:
    """Re-seal the whole log with plain SHA-256 from the first entry on: still caught."""
    prev = "0" * 64
    for entry in busy:
        payload = forged_payload(entry, seq=entry.seq, prev=prev, action=entry.action)
        mac = hashlib.sha256(payload).hexdigest()
        raw_sql(
            ctx,
            "UPDATE audit_log SET prev = :prev, mac = :mac WHERE seq = :seq",
            {"prev": prev, "mac": mac, "seq": entry.seq},
        )
        prev = mac
    set_head(ctx, busy[-1].seq, prev)
    assert ctx.maintenance.verify().chain.first_bad_seq == 1


def test_truncated_log_without_head_fix_is_reported(
    ctx: AppContext, busy: list[AuditEntry]
) -> None:
    n = busy[-1].seq
    raw_sql(ctx, "DELETE FROM audit_log WHERE seq > :keep", {"keep": n - 3})
    report = ctx.maintenance.verify()
    assert report.chain.first_bad_seq == n - 2
    assert "head row disagree" in report.chain.problem


def test_truncated_log_with_head_fixed_is_caught_by_this_pcs_anchor(
    ctx: AppContext, busy: list[AuditEntry], data_dir: Path
) -> None:
    """Deleting the last rows AND rewriting the head: only the anchor file notices."""
    n = busy[-1].seq
    keep = busy[n - 4]
    raw_sql(ctx, "DELETE FROM audit_log WHERE seq > :keep", {"keep": keep.seq})
    set_head(ctx, keep.seq, keep.mac)

    anchors = list((data_dir / "anchors").glob("audit-*.json"))
    assert len(anchors) == 1
    assert json.loads(anchors[0].read_text(encoding="utf-8")) == {"seq": n, "mac": busy[-1].mac}
    report = ctx.maintenance.verify()
    assert report.chain.first_bad_seq == n
    assert "this PC saw" in report.chain.problem


def test_another_pc_without_the_anchor_sees_a_consistent_short_log(
    ctx: AppContext,
    busy: list[AuditEntry],
    db_url: str,
    memory_secrets: MemorySecretStore,
    fast_hashing: PasswordHashing,
    fixed_clock: FixedClock,
    tmp_path: Path,
) -> None:
    """The limit of the design, written down: the anchor is per PC (hence exported heads)."""
    keep = busy[-4]
    raw_sql(ctx, "DELETE FROM audit_log WHERE seq > :keep", {"keep": keep.seq})
    set_head(ctx, keep.seq, keep.mac)
    other = build_context(
        db_url,
        secrets=memory_secrets,
        clock=fixed_clock,
        hashing=fast_hashing,
        data_dir=tmp_path / "other-pc",
    )
    try:
        assert other.maintenance.verify().ok
    finally:
        other.close()


def test_anchor_never_moves_backwards(
    ctx: AppContext, busy: list[AuditEntry], data_dir: Path
) -> None:
    anchor = next((data_dir / "anchors").glob("audit-*.json"))
    assert json.loads(anchor.read_text(encoding="utf-8"))["seq"] == busy[-1].seq
    db_id = ctx.audit.database_id()
    assert db_id is not None and anchor.name == f"audit-{db_id}.json"


def test_rolled_back_append_leaves_no_trace(
    ctx: AppContext, busy: list[AuditEntry], data_dir: Path
) -> None:
    anchor = next((data_dir / "anchors").glob("audit-*.json"))
    before = anchor.read_text(encoding="utf-8")
    with pytest.raises(RuntimeError), ctx.db.write() as s:
        ctx.audit.append(s, Actor(None, "system"), "doomed", "test", 1)
        raise RuntimeError("the surrounding change failed")
    assert ctx.audit.head() == ctx.maintenance.verify().chain.head
    assert ctx.audit.recent(1)[0].seq == busy[-1].seq
    assert anchor.read_text(encoding="utf-8") == before
    assert ctx.maintenance.verify().ok


def test_missing_audit_key_is_an_error_not_a_pass(
    ctx: AppContext, busy: list[AuditEntry], memory_secrets: MemorySecretStore, db_url: str,
    fast_hashing: PasswordHashing, fixed_clock: FixedClock, tmp_path: Path,
) -> None:  # fmt: skip
    """A PC without the key cannot check (or extend) the log, and says so."""
    stranger = build_context(
        db_url,
        secrets=MemorySecretStore(),
        clock=fixed_clock,
        hashing=fast_hashing,
        data_dir=tmp_path / "stranger",
    )
    try:
        with pytest.raises(AuditKeyError, match="not on this computer"):
            stranger.maintenance.verify()
        with pytest.raises(AuditKeyError):
            stranger.auth.sign_in("admin", "wrong password")
    finally:
        stranger.close()


def test_concurrent_appends_from_two_contexts_keep_one_chain(
    ctx: AppContext,
    admin: Principal,
    db_url: str,
    memory_secrets: MemorySecretStore,
    fast_hashing: PasswordHashing,
    fixed_clock: FixedClock,
    tmp_path: Path,
) -> None:
    """Two programs appending at once (threads here): no duplicate seq, chain intact."""
    other = build_context(
        db_url,
        secrets=memory_secrets,
        clock=fixed_clock,
        hashing=fast_hashing,
        data_dir=tmp_path / "pc2",
    )
    start = threading.Barrier(2)
    errors: list[BaseException] = []
    per_thread = 15

    def work(context: AppContext, key: str) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                context.settings.set(admin, key, 1 + i)
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(ctx, "idle_lock_minutes")),
        threading.Thread(target=work, args=(other, "filing_working_days")),
    ]
    before = ctx.audit.head()
    assert before is not None
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    other.close()
    assert errors == []
    report = ctx.maintenance.verify()
    assert report.ok, report
    assert report.chain.entries == before.seq + 2 * per_thread


@pytest.mark.sqlite_only
def test_audit_key_never_reaches_the_database_file(
    ctx: AppContext, busy: list[AuditEntry], memory_secrets: MemorySecretStore
) -> None:
    db_id = ctx.audit.database_id()
    assert db_id is not None and ctx.db.path is not None
    key = AuditKeyStore(memory_secrets).require(db_id)
    files = [p for p in ctx.db.path.parent.iterdir() if p.name.startswith(ctx.db.path.name)]
    assert ctx.db.path in files
    blob = b"".join(p.read_bytes() for p in files)  # the -wal too, where fresh pages are
    assert len(blob) > 0
    for form in (key, base64.b64encode(key), key.hex().encode(), key.hex().upper().encode()):
        assert form not in blob
