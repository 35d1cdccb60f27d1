"""The audit chain rules: sealing, verification and snapshots (no database)."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest

from newmedia_desk.domain.audit import (
    GENESIS,
    MAX_SNAPSHOT_CHARS,
    AuditEntry,
    canonical_bytes,
    entry_mac,
    seal,
    snapshot,
    verify_chain,
)

KEY = bytes(range(32))
T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def build_chain(n: int, key: bytes = KEY) -> list[AuditEntry]:
    """``n`` correctly sealed entries."""
    entries: list[AuditEntry] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        draft = AuditEntry(
            seq=seq,
            at=T0 + timedelta(minutes=seq),
            actor_id=1,
            actor="admin",
            action="staff_updated",
            entity="staff",
            entity_id=str(seq),
            before="",
            after=f'{{"phone":"1380000{seq:04d}"}}',
            prev=prev,
            mac="",
        )
        entry = dataclasses.replace(draft, mac=entry_mac(key, draft))
        entries.append(entry)
        prev = entry.mac
    return entries


def reseal(entry: AuditEntry, key: bytes = KEY) -> AuditEntry:
    return dataclasses.replace(entry, mac=entry_mac(key, entry))


def test_intact_chain_verifies_and_reports_its_head() -> None:
    chain = build_chain(1000)
    report = verify_chain(KEY, chain)
    assert report.ok
    assert report.entries == 1000
    assert report.head is not None
    assert (report.head.seq, report.head.mac) == (1000, chain[-1].mac)
    assert report.head.short == f"#1000 {chain[-1].mac[:16]}"


def test_empty_chain_is_ok() -> None:
    report = verify_chain(KEY, [])
    assert report.ok and report.entries == 0 and report.head is None


def test_edited_entry_is_the_first_bad_one() -> None:
    chain = build_chain(10)
    chain[6] = dataclasses.replace(chain[6], after='{"phone":"13999999999"}')
    report = verify_chain(KEY, chain)
    assert report.first_bad_seq == 7
    assert report.entries == 6
    assert report.head is not None and report.head.seq == 6


def test_edited_and_resealed_without_key_breaks_the_next_link() -> None:
    """Resealing an edited entry under a guessed key still breaks it."""
    chain = build_chain(10)
    chain[3] = reseal(dataclasses.replace(chain[3], actor="intruder"), key=b"x" * 32)
    assert verify_chain(KEY, chain).first_bad_seq == 4


def test_deleted_middle_entry_is_reported_at_the_gap() -> None:
    chain = build_chain(10)
    del chain[4]  # seq 5
    report = verify_chain(KEY, chain)
    assert report.first_bad_seq == 5
    assert "gap" in report.problem


def test_deleted_first_entry_is_reported() -> None:
    assert verify_chain(KEY, build_chain(5)[1:]).first_bad_seq == 1


def test_inserted_entry_is_reported() -> None:
    chain = build_chain(10)
    forged = dataclasses.replace(chain[4], entity_id="999")
    chain.insert(5, forged)  # a second seq 5 after the real one
    report = verify_chain(KEY, chain)
    assert report.first_bad_seq == 5


def test_renumbered_insert_breaks_the_link_of_the_forged_entry() -> None:
    """A forger who renumbers everything after their insert still cannot seal the link."""
    chain = build_chain(6)
    forged = dataclasses.replace(chain[2], seq=4, prev=chain[2].mac, action="forged")
    tail = [dataclasses.replace(e, seq=e.seq + 1) for e in chain[3:]]
    report = verify_chain(KEY, [*chain[:3], forged, *tail])
    assert report.first_bad_seq == 4


def test_reordered_entries_are_reported_at_the_first_swap() -> None:
    chain = build_chain(10)
    chain[2], chain[3] = chain[3], chain[2]
    assert verify_chain(KEY, chain).first_bad_seq == 3


def test_swapped_sequence_numbers_are_reported() -> None:
    """Two rows trade their ``seq`` (what an UPDATE of the column would do)."""
    chain = build_chain(10)
    a, b = chain[2], chain[3]
    chain[2] = dataclasses.replace(b, seq=3)
    chain[3] = dataclasses.replace(a, seq=4)
    assert verify_chain(KEY, chain).first_bad_seq == 3


def test_plain_sha256_chain_does_not_verify() -> None:
    """A chain recomputed with plain SHA-256 (no key) is rejected at its first entry."""
    entries: list[AuditEntry] = []
    prev = GENESIS
    for e in build_chain(5):
        draft = dataclasses.replace(e, prev=prev)
        payload = canonical_bytes(
            seq=draft.seq,
            at=draft.at,
            actor_id=draft.actor_id,
            actor=draft.actor,
            action=draft.action,
            entity=draft.entity,
            entity_id=draft.entity_id,
            before=draft.before,
            after=draft.after,
            prev=draft.prev,
        )
        forged = dataclasses.replace(draft, mac=hashlib.sha256(payload).hexdigest())
        entries.append(forged)
        prev = forged.mac
    assert verify_chain(KEY, entries).first_bad_seq == 1


def test_chain_under_another_key_does_not_verify() -> None:
    assert verify_chain(KEY, build_chain(3, key=b"k" * 32)).first_bad_seq == 1


def test_seal_is_hmac_sha256_hex() -> None:
    mac = seal(KEY, b"payload")
    assert len(mac) == 64 and int(mac, 16) >= 0
    assert seal(KEY, b"payload") == mac
    assert seal(b"\0" * 32, b"payload") != mac


def one_entry_bytes(at: datetime, actor: str = "system") -> bytes:
    return canonical_bytes(
        seq=1,
        at=at,
        actor_id=None,
        actor=actor,
        action="a",
        entity="e",
        entity_id="1",
        before="",
        after="",
        prev=GENESIS,
    )


def test_sealed_time_does_not_depend_on_its_zone() -> None:
    """The database hands back UTC: a +08:00 time must seal to the same bytes."""
    beijing = T0.astimezone(timezone(timedelta(hours=8)))
    assert one_entry_bytes(beijing) == one_entry_bytes(T0)
    with pytest.raises(ValueError, match="aware"):
        one_entry_bytes(T0.replace(tzinfo=None))


def test_canonical_bytes_keep_chinese_text_as_utf8() -> None:
    assert "管理员".encode() in one_entry_bytes(T0, actor="管理员")


def test_snapshot_is_canonical_json() -> None:
    assert snapshot(None) == ""
    assert snapshot({}) == ""
    assert snapshot({"b": 1, "a": "科室"}) == '{"a": "科室", "b": 1}'


def test_long_snapshot_is_truncated_with_a_marker() -> None:
    text = snapshot({"body": "字" * 5000})
    assert len(text) == MAX_SNAPSHOT_CHARS
    assert text.endswith("…[truncated]")
    short = snapshot({"body": "字" * 10})
    assert "truncated" not in short
