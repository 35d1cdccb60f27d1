"""The office's lexicons: permissions, revisions, conflicts, import/export, audit, active()."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from newmedia_desk.context import AppContext
from newmedia_desk.domain.checker.check import check, default_lexicon
from newmedia_desk.domain.checker.lexicon import SHIPPED, LexiconError, Severity, Term
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.lexicons import (
    SHIPPED_NOTE,
    ImportResult,
    LexiconService,
    office_lexicons,
)
from tests.conftest import make_staff

pytestmark = pytest.mark.all_backends

LEADER = Term("李健国", "领导姓名", Severity.BLOCK, "李建国")
OFFICE_FILE = (
    "# 本局领导姓名\n"
    "# 来源：办公室\n"
    "李健国\t领导姓名\tblock\t李建国\n"
    "王海艳\t领导姓名\tblock\t王海燕\n"
    "刘智强\t领导姓名\tblock\t刘志强\n"
)


def shipped_count(name: str) -> int:
    return sum(1 for t in default_lexicon().terms if t.source == name)


def last_audit(ctx: AppContext) -> tuple[str, str, dict[str, Any], dict[str, Any]]:
    entry = ctx.audit.recent(1)[0]
    before = json.loads(entry.before) if entry.before else {}
    after = json.loads(entry.after) if entry.after else {}
    return entry.action, entry.entity_id, before, after


# -- reading ------------------------------------------------------------------------------


def test_list_starts_with_the_shipped_lexicons_at_revision_0(
    ctx: AppContext, admin: Principal
) -> None:
    summaries = ctx.lexicons.list(admin)
    assert [s.name for s in summaries] == list(SHIPPED)
    for s in summaries:
        assert s.shipped and s.revision == 0
        assert s.term_count == shipped_count(s.name) > 0
        assert (s.changed_at, s.changed_by) == (None, None)
        assert s.title


def test_a_clerk_reads_every_lexicon_with_sources_set_to_its_name(
    ctx: AppContext, admin: Principal
) -> None:
    _, clerk = make_staff(ctx, admin, "clerk1", {Role.CLERK})
    lexicon, revision = ctx.lexicons.lexicon(clerk, "wording")
    assert revision == 0 and lexicon.name == "wording"
    assert {t.source for t in lexicon.terms} == {"wording"}
    assert lexicon.header and lexicon.header[0].startswith("#")
    assert ctx.lexicons.export_text(clerk, "wording") == lexicon.export()
    assert ctx.lexicons.list(clerk)


def test_unknown_lexicon_is_not_found(ctx: AppContext, admin: Principal) -> None:
    with pytest.raises(NotFoundError):
        ctx.lexicons.lexicon(admin, "nosuch")
    with pytest.raises(NotFoundError):
        ctx.lexicons.add_term(admin, "nosuch", LEADER, revision=0)
    with pytest.raises(NotFoundError):
        ctx.lexicons.history(admin, "nosuch")


# -- permissions --------------------------------------------------------------------------


def test_only_an_administrator_changes_lexicons(ctx: AppContext, admin: Principal) -> None:
    for login, roles in (("c1", {Role.CLERK}), ("l1", {Role.CHIEF, Role.SUPERVISOR})):
        _, person = make_staff(ctx, admin, login, roles)
        with pytest.raises(PermissionDeniedError):
            ctx.lexicons.add_term(person, "typos", LEADER, revision=0)
        with pytest.raises(PermissionDeniedError):
            ctx.lexicons.create(person, "leaders", "领导姓名")
        with pytest.raises(PermissionDeniedError):
            ctx.lexicons.import_text(
                person, "typos", OFFICE_FILE, replace=True, source="x.txt", revision=0
            )
        with pytest.raises(PermissionDeniedError):
            ctx.lexicons.remove_terms(person, "typos", ["攻府"], revision=0)
        with pytest.raises(PermissionDeniedError):
            ctx.lexicons.restore(person, "typos", 0, revision=0)
    assert all(s.revision == 0 for s in ctx.lexicons.list(admin))
    assert ctx.audit.recent(1)[0].action != "lexicon_changed"


# -- revisions ----------------------------------------------------------------------------


def test_first_edit_of_a_shipped_lexicon_is_revision_1(
    ctx: AppContext, admin: Principal, fixed_clock: FixedClock
) -> None:
    before = shipped_count("typos")
    fixed_clock.advance(hours=1)
    assert ctx.lexicons.add_term(admin, "typos", LEADER, revision=0) == 1
    lexicon, revision = ctx.lexicons.lexicon(admin, "typos")
    assert revision == 1 and len(lexicon.terms) == before + 1
    assert lexicon.terms[-1] == replace(LEADER, source="typos")
    summary = next(s for s in ctx.lexicons.list(admin) if s.name == "typos")
    assert (summary.revision, summary.term_count, summary.shipped) == (1, before + 1, True)
    assert (summary.changed_at, summary.changed_by) == (fixed_clock.now(), "管理员")
    # The shipped header (its source) is kept.
    assert ctx.lexicons.export_text(admin, "typos").startswith("# 严重差错")
    history = ctx.lexicons.history(admin, "typos")
    assert [(h.number, h.added, h.removed, h.term_count) for h in history] == [
        (1, 1, 0, before + 1),
        (0, before, 0, before),
    ]
    assert history[0].created_by == "管理员" and "李健国" in history[0].note
    assert history[1].note == SHIPPED_NOTE and history[1].created_by == ""


def test_update_and_remove_make_new_revisions(ctx: AppContext, admin: Principal) -> None:
    ctx.lexicons.create(admin, "leaders", "领导姓名")
    r1 = ctx.lexicons.add_term(admin, "leaders", LEADER, revision=0)
    changed = replace(LEADER, severity=Severity.ESCALATE, suggestion="李建国（局长）")
    r2 = ctx.lexicons.update_term(admin, "leaders", "李健国", changed, revision=r1)
    lexicon, _ = ctx.lexicons.lexicon(admin, "leaders")
    assert [(t.term, t.severity, t.suggestion) for t in lexicon.terms] == [
        ("李健国", Severity.ESCALATE, "李建国（局长）")
    ]
    renamed = replace(changed, term="李建囯")
    r3 = ctx.lexicons.update_term(admin, "leaders", "李健国", renamed, revision=r2)
    r4 = ctx.lexicons.add_term(
        admin, "leaders", Term("王海艳", "领导姓名", Severity.BLOCK), revision=r3
    )
    r5 = ctx.lexicons.remove_terms(admin, "leaders", ["李建囯", "王海艳"], revision=r4)
    assert (r1, r2, r3, r4, r5) == (1, 2, 3, 4, 5)
    assert ctx.lexicons.lexicon(admin, "leaders")[0].terms == ()
    history = ctx.lexicons.history(admin, "leaders")
    assert [(h.number, h.added, h.removed) for h in history] == [
        (5, 0, 2),
        (4, 1, 0),
        (3, 1, 1),
        (2, 0, 0),
        (1, 1, 0),
        (0, 0, 0),
    ]


def test_restore_saves_an_old_revision_as_the_newest(ctx: AppContext, admin: Principal) -> None:
    shipped_text = ctx.lexicons.export_text(admin, "banned")
    r1 = ctx.lexicons.remove_terms(admin, "banned", ["网络赌场"], revision=0)
    r2 = ctx.lexicons.add_term(admin, "banned", LEADER, revision=r1)
    r3 = ctx.lexicons.restore(admin, "banned", 0, revision=r2)
    assert r3 == 3
    assert ctx.lexicons.export_text(admin, "banned") == shipped_text
    action, name, before, after = last_audit(ctx)
    assert (action, name, before["revision"], after["revision"], after["restored"]) == (
        "lexicon_restored",
        "banned",
        2,
        3,
        0,
    )
    # Restoring what is already current saves nothing.
    assert ctx.lexicons.restore(admin, "banned", 3, revision=3) == 3
    assert ctx.lexicons.restore(admin, "banned", 1, revision=3) == 4
    with pytest.raises(NotFoundError):
        ctx.lexicons.restore(admin, "banned", 9, revision=4)


def test_a_stale_revision_is_refused_and_nothing_changes(ctx: AppContext, admin: Principal) -> None:
    ctx.lexicons.add_term(admin, "typos", LEADER, revision=0)
    other = Term("王海艳", "领导姓名", Severity.BLOCK, "王海燕")
    with pytest.raises(ConflictError):
        ctx.lexicons.add_term(admin, "typos", other, revision=0)
    with pytest.raises(ConflictError):
        ctx.lexicons.remove_terms(admin, "typos", ["李健国"], revision=0)
    with pytest.raises(ConflictError):
        ctx.lexicons.import_text(admin, "typos", OFFICE_FILE, replace=False, source="a", revision=2)
    assert ctx.lexicons.lexicon(admin, "typos")[1] == 1
    assert [h.number for h in ctx.lexicons.history(admin, "typos")] == [1, 0]


def test_term_rules(ctx: AppContext, admin: Principal) -> None:
    # Unique within one lexicon, also in another form that matches the same text.
    shipped_text = ctx.lexicons.export_text(admin, "typos")
    for term in ("攻府", " 攻府 ", "攻 府", "攻\u200b府"):
        with pytest.raises(ValidationError) as info:
            ctx.lexicons.add_term(admin, "typos", Term(term, "x", Severity.WARN), revision=0)
        assert info.value.field == "term"
    assert ctx.lexicons.export_text(admin, "typos") == shipped_text
    assert ctx.lexicons.add_term(admin, "typos", Term("abc", "x", Severity.WARN), revision=0) == 1
    with pytest.raises(ValidationError, match=r"already in the lexicon \(as abc\)"):
        ctx.lexicons.add_term(admin, "typos", Term("ＡＢＣ", "x", Severity.WARN), revision=1)
    for bad, field in (
        (Term("", "x", Severity.WARN), "term"),
        (Term("！？", "x", Severity.WARN), "term"),
        (Term("#话题#", "x", Severity.WARN), "term"),
        (Term("甲\t乙", "x", Severity.WARN), "term"),
        (Term("甲\n乙", "x", Severity.WARN), "term"),
        (Term("甲乙", "x", "fatal"), "severity"),  # type: ignore[arg-type]
        (Term("甲乙", "x\ty", Severity.WARN), "category"),
        (Term("甲乙", "x", Severity.WARN, "建议\n换行"), "suggestion"),
    ):
        with pytest.raises(ValidationError) as info:
            ctx.lexicons.add_term(admin, "typos", bad, revision=1)
        assert info.value.field == field, bad
    # Fields are trimmed; a missing category takes the file format's default.
    loose = Term(" 甲乙 ", "", "warn")  # type: ignore[arg-type]
    r = ctx.lexicons.add_term(admin, "typos", loose, revision=1)
    assert ctx.lexicons.lexicon(admin, "typos")[0].terms[-1] == Term(
        "甲乙", "custom", Severity.WARN, "", "typos"
    )
    # An update may not collide with another term, but may keep its own text.
    with pytest.raises(ValidationError):
        ctx.lexicons.update_term(
            admin, "typos", "甲乙", Term("abc", "x", Severity.WARN), revision=r
        )
    with pytest.raises(NotFoundError):
        ctx.lexicons.update_term(
            admin, "typos", "丙丁", Term("丙丁", "x", Severity.WARN), revision=r
        )
    with pytest.raises(NotFoundError):
        ctx.lexicons.remove_terms(admin, "typos", ["甲乙", "丙丁"], revision=r)
    same = ctx.lexicons.update_term(
        admin, "typos", "甲乙", Term("甲乙", "custom", Severity.WARN), revision=r
    )
    assert same == r  # nothing changed: no revision


def test_create_names_and_titles(ctx: AppContext, admin: Principal) -> None:
    ctx.lexicons.create(admin, "office_names", "  单位名称  ")
    for name in ("office_names", "banned", "Leaders", "领导", "a-b", "", "x" * 33):
        with pytest.raises(ValidationError) as info:
            ctx.lexicons.create(admin, name, "标题")
        assert info.value.field == "name"
    for title in ("", "   ", "x" * 61, "一\n二"):
        with pytest.raises(ValidationError) as info:
            ctx.lexicons.create(admin, "other", title)
        assert info.value.field == "title"
    ctx.lexicons.create(admin, "leaders", "领导姓名")
    summaries = ctx.lexicons.list(admin)
    assert [s.name for s in summaries] == [*SHIPPED, "leaders", "office_names"]
    leaders = summaries[-2]
    assert (leaders.title, leaders.revision, leaders.term_count, leaders.shipped) == (
        "领导姓名",
        0,
        0,
        False,
    )
    assert leaders.changed_by == "管理员"
    assert summaries[-1].title == "单位名称"
    assert ctx.lexicons.export_text(admin, "leaders").startswith("# 领导姓名\n")
    [created] = ctx.lexicons.history(admin, "leaders")
    assert (created.number, created.term_count) == (0, 0)
    action, name, _, after = last_audit(ctx)
    assert (action, name, after) == (
        "lexicon_created",
        "leaders",
        {"title": "领导姓名", "revision": 0, "terms": 0},
    )


# -- import and export --------------------------------------------------------------------


def test_import_with_a_bad_line_saves_nothing(ctx: AppContext, admin: Principal) -> None:
    ctx.lexicons.create(admin, "leaders", "领导姓名")
    entries = len(ctx.audit.recent(1000))
    for text, line in (
        (OFFICE_FILE + "赵敏\t领导姓名\tfatal\n", 6),
        (OFFICE_FILE + "李健国\t领导姓名\twarn\n", 6),  # repeats line 3
        ("李健国\n\n！！\n", 3),
        ("甲\t乙\t丙\t丁\t戊\n", 1),
    ):
        with pytest.raises(LexiconError) as info:
            ctx.lexicons.import_text(
                admin, "leaders", text, replace=False, source="领导.txt", revision=0
            )
        assert info.value.line == line and info.value.source == "领导.txt"
        assert info.value.message.startswith(f"领导.txt:{line}:")
    assert ctx.lexicons.lexicon(admin, "leaders")[0].terms == ()
    assert len(ctx.audit.recent(1000)) == entries


def test_merge_and_replace_counts(ctx: AppContext, admin: Principal) -> None:
    ctx.lexicons.create(admin, "leaders", "领导姓名")
    first = ctx.lexicons.import_text(
        admin, "leaders", OFFICE_FILE, replace=False, source="a.txt", revision=0
    )
    assert first == ImportResult(1, 3, 0, 0, 0)
    # The created header stays on a merge.
    assert ctx.lexicons.export_text(admin, "leaders").startswith("# 领导姓名\n")
    again = ctx.lexicons.import_text(
        admin, "leaders", OFFICE_FILE, replace=False, source="a.txt", revision=1
    )
    assert again == ImportResult(1, 0, 0, 0, 3)  # identical: no new revision
    merge_file = "李健国\t领导姓名\twarn\t李建国\n赵敏\t领导姓名\tblock\t赵敏\n"
    merged = ctx.lexicons.import_text(
        admin, "leaders", merge_file, replace=False, source="b.txt", revision=1
    )
    assert merged == ImportResult(2, 1, 1, 0, 0)
    terms = ctx.lexicons.lexicon(admin, "leaders")[0].terms
    assert [(t.term, t.severity) for t in terms] == [
        ("李健国", Severity.WARN),
        ("王海艳", Severity.BLOCK),
        ("刘智强", Severity.BLOCK),
        ("赵敏", Severity.BLOCK),
    ]
    replaced = ctx.lexicons.import_text(
        admin, "leaders", OFFICE_FILE, replace=True, source="a.txt", revision=2
    )
    assert replaced == ImportResult(3, 0, 1, 1, 2)
    text = ctx.lexicons.export_text(admin, "leaders")
    assert text == OFFICE_FILE  # the file's header replaced the old one
    action, name, before, after = last_audit(ctx)
    assert (action, name) == ("lexicon_changed", "leaders")
    assert before == {"revision": 2, "terms": 4}
    assert after == {
        "revision": 3,
        "terms": 3,
        "source": "a.txt",
        "replace": True,
        "added": 0,
        "updated": 1,
        "removed": 1,
        "unchanged": 2,
    }
    [h3, h2, *_] = ctx.lexicons.history(admin, "leaders")
    assert (h3.added, h3.removed, h2.added, h2.removed) == (0, 1, 1, 0)


def test_replace_without_a_header_keeps_the_current_one(ctx: AppContext, admin: Principal) -> None:
    result = ctx.lexicons.import_text(
        admin, "emotional", "气死我了\t情绪化表达\twarn\n", replace=True, source="e", revision=0
    )
    assert result.revision == 1 and result.removed == shipped_count("emotional") - 1
    text = ctx.lexicons.export_text(admin, "emotional")
    assert text.startswith("# 情绪化个人观点") and text.endswith("气死我了\t情绪化表达\twarn\n")


def test_export_import_round_trip(ctx: AppContext, admin: Principal) -> None:
    for name in SHIPPED:
        text = ctx.lexicons.export_text(admin, name)
        result = ctx.lexicons.import_text(
            admin, name, text, replace=True, source=f"{name}.txt", revision=0
        )
        assert result.revision == 0 and result.unchanged == shipped_count(name)
    ctx.lexicons.create(admin, "leaders", "领导姓名")
    ctx.lexicons.import_text(admin, "leaders", OFFICE_FILE, replace=True, source="a", revision=0)
    exported = ctx.lexicons.export_text(admin, "leaders")
    ctx.lexicons.create(admin, "copy", "副本")
    ctx.lexicons.import_text(admin, "copy", exported, replace=True, source="l.txt", revision=0)
    original = ctx.lexicons.lexicon(admin, "leaders")[0]
    copy = ctx.lexicons.lexicon(admin, "copy")[0]
    assert ctx.lexicons.export_text(admin, "copy") == exported
    assert [replace(t, source="") for t in copy.terms] == [
        replace(t, source="") for t in original.terms
    ]
    # The version covers where each term came from, so findings name the right list.
    assert copy.version != original.version


# -- audit ----------------------------------------------------------------------------------


def test_every_change_is_one_audit_entry_and_the_log_verifies(
    ctx: AppContext, admin: Principal
) -> None:
    start = len(ctx.audit.recent(1000))
    ctx.lexicons.create(admin, "leaders", "领导姓名")
    r = ctx.lexicons.add_term(admin, "leaders", LEADER, revision=0)
    action, _, before, after = last_audit(ctx)
    assert (action, before, after) == (
        "lexicon_changed",
        {"revision": 0, "terms": 0},
        {
            "revision": 1,
            "terms": 1,
            "term": {
                "term": "李健国",
                "category": "领导姓名",
                "severity": "block",
                "suggestion": "李建国",
            },
        },
    )
    r = ctx.lexicons.update_term(
        admin, "leaders", "李健国", replace(LEADER, severity=Severity.WARN), revision=r
    )
    _, _, before, after = last_audit(ctx)
    assert before["term"] == {
        "term": "李健国",
        "category": "领导姓名",
        "severity": "block",
        "suggestion": "李建国",
    }
    assert after["term"]["severity"] == "warn"
    r = ctx.lexicons.remove_terms(admin, "leaders", ["李健国"], revision=r)
    _, _, before, after = last_audit(ctx)
    assert before["term"]["term"] == "李健国"
    assert after == {"revision": 3, "terms": 0}
    entries = ctx.audit.recent(1000)
    assert len(entries) == start + 4
    assert all(e.actor == "admin" and e.entity == "lexicon" for e in entries[:4])
    assert ctx.maintenance.verify().ok


# -- active(): what the checker uses ---------------------------------------------------------


def test_active_is_cached_and_reflects_changes(ctx: AppContext, admin: Principal) -> None:
    active = ctx.lexicons.active()
    assert len(active.terms) == len(default_lexicon().terms)
    assert {t.source for t in active.terms} == set(SHIPPED)
    assert ctx.lexicons.active() is active
    assert not check("请李健国同志讲话", lexicons=active).blocks

    ctx.lexicons.create(admin, "leaders", "领导姓名")
    ctx.lexicons.add_term(admin, "leaders", LEADER, revision=0)
    changed = ctx.lexicons.active()
    assert changed is not active and len(changed.terms) == len(active.terms) + 1
    assert ctx.lexicons.active() is changed
    result = check("请李健国同志讲话", lexicons=changed)
    assert result.blocks
    [finding] = result.findings
    assert (finding.suggestion, finding.rule) == ("李建国", "lexicon:leaders")

    ctx.lexicons.remove_terms(admin, "banned", ["网络赌场"], revision=0)
    assert not any(t.term == "网络赌场" for t in ctx.lexicons.active().terms)


def test_active_notices_a_change_made_by_another_process(ctx: AppContext, admin: Principal) -> None:
    reader = LexiconService(ctx.db, ctx.audit, ctx.clock, probe_interval=0)
    before = reader.active()
    assert reader.active() is before
    ctx.lexicons.add_term(admin, "typos", LEADER, revision=0)  # "another PC"
    after = reader.active()
    assert after is not before and any(t.term == "李健国" for t in after.terms)
    # Read-only access without an audit key, as the check command does.
    stored = office_lexicons(ctx.db)
    assert stored is not None and [lex.name for lex in stored] == list(SHIPPED)
    assert stored[SHIPPED.index("typos")].terms[-1].term == "李健国"


def test_active_keeps_the_object_while_only_throttled(ctx: AppContext, admin: Principal) -> None:
    reader = LexiconService(ctx.db, ctx.audit, ctx.clock, probe_interval=3600)
    first = reader.active()
    ctx.lexicons.add_term(admin, "typos", LEADER, revision=0)
    assert reader.active() is first  # another process' change waits for the next probe
    reader.invalidate()
    assert reader.active() is not first
