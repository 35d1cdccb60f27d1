"""Autosave of the post editor: one buffer per person and post, never a secret, not audited."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountDraft
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from newmedia_desk.domain.posts import PostContent, PostKind, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.storage.models import AuditRow
from newmedia_desk.storage.post_models import DraftAutosave
from tests.conftest import make_staff

pytestmark = pytest.mark.all_backends


@pytest.fixture
def clerk(ctx: AppContext, admin: Principal) -> Principal:
    return make_staff(ctx, admin, "clerk", {Role.CLERK}, name="张晓")[1]


@pytest.fixture
def weibo(ctx: AppContext, admin: Principal, clerk: Principal) -> int:
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(admin)}
    draft = AccountDraft(
        platform_id=platforms["微博"],
        name="江城气象",
        unit_id=admin.unit_id,
        administrator_id=clerk.staff_id,
        responsible_id=admin.staff_id,
        handle="jcqx",
        purpose="发布天气预报",
    )
    return ctx.accounts.register_existing(admin, draft, "已开设").id


def _content(weibo: int, body: str = "明天多云转晴。", column: str = "#天气预报#") -> PostContent:
    return PostContent(
        title="明日天气",
        body=body,
        column=column,
        category="预报类",
        tier=Tier.GENERAL,
        kind=PostKind.ORIGINAL,
        account_ids=(weibo,),
    )


def _audit_count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditRow)) or 0)


def test_a_new_post_is_autosaved_in_one_row_and_not_audited(
    ctx: AppContext, clerk: Principal
) -> None:
    before = _audit_count(ctx)
    first = ctx.drafts.autosave(clerk, None, {"title": "草稿", "body": "明天"})
    again = ctx.drafts.autosave(clerk, None, {"body": "明天多云"}, autosave_id=first)
    assert again == first
    pending = ctx.drafts.pending(clerk)
    assert [(a.id, a.post_id, dict(a.fields)) for a in pending] == [
        (first, None, {"body": "明天多云"})
    ]
    assert pending[0].saved_at == ctx.clock.now()
    assert _audit_count(ctx) == before
    # Without the id, a second new post gets its own buffer.
    other = ctx.drafts.autosave(clerk, None, {"body": "另一篇"})
    assert other != first
    assert {a.id for a in ctx.drafts.pending(clerk)} == {first, other}


def test_an_autosave_follows_the_post_once_saved(
    ctx: AppContext, clerk: Principal, weibo: int, fixed_clock: FixedClock
) -> None:
    buffer = ctx.drafts.autosave(clerk, None, {"body": "明天多云转晴。"})
    post = ctx.posts.create(clerk, _content(weibo))
    fixed_clock.advance(seconds=5)
    assert ctx.drafts.autosave(clerk, post.id, {"body": "改了"}, autosave_id=buffer) == buffer
    assert [(a.id, a.post_id) for a in ctx.drafts.pending(clerk)] == [(buffer, post.id)]
    # The post's own row is found again without the id.
    assert ctx.drafts.autosave(clerk, post.id, {"body": "又改了"}) == buffer


def test_only_autosaves_newer_than_the_last_revision_are_pending(
    ctx: AppContext, clerk: Principal, weibo: int, fixed_clock: FixedClock
) -> None:
    post = ctx.posts.create(clerk, _content(weibo))
    fixed_clock.advance(seconds=3)
    ctx.drafts.autosave(clerk, post.id, {"body": "改到一半"})
    assert len(ctx.drafts.pending(clerk)) == 1
    # Someone (here: the same clerk on another PC) saved a newer revision meanwhile.
    fixed_clock.advance(seconds=3)
    ctx.posts.save(
        clerk,
        post.id,
        _content(weibo, body="后来保存的正文。"),
        planned_at=None,
        expected_version=post.version,
    )
    assert ctx.drafts.pending(clerk) == []


def test_autosaves_are_private_and_discarded(
    ctx: AppContext, admin: Principal, clerk: Principal
) -> None:
    colleague = make_staff(ctx, admin, "clerk2", {Role.CLERK})[1]
    mine = ctx.drafts.autosave(clerk, None, {"body": "我的"})
    assert ctx.drafts.pending(colleague) == []
    # Somebody else's id is not theirs to overwrite: they get a row of their own.
    theirs = ctx.drafts.autosave(colleague, None, {"body": "别人的"}, autosave_id=mine)
    assert theirs != mine
    assert ctx.drafts.get(clerk, mine).fields == {"body": "我的"}
    with pytest.raises(NotFoundError):
        ctx.drafts.get(colleague, mine)
    with pytest.raises(NotFoundError):
        ctx.drafts.discard(colleague, mine)
    ctx.drafts.discard(clerk, mine)
    ctx.drafts.discard(clerk, mine)  # gone already: nothing happens
    assert ctx.drafts.pending(clerk) == []
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(DraftAutosave)) == 1


def test_only_editor_fields_are_kept(ctx: AppContext, clerk: Principal) -> None:
    with pytest.raises(ValidationError) as caught:
        ctx.drafts.autosave(clerk, None, {"body": "正文", "password": "s3cret"})
    assert caught.value.params["names"] == "password"
    with pytest.raises(ValidationError):
        ctx.drafts.autosave(clerk, None, {"body": {"nested": "object"}})
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(DraftAutosave)) == 0
    kept = ctx.drafts.autosave(
        clerk,
        None,
        {
            "title": "标题",
            "body": "正文",
            "tier": "important",
            "account_ids": [3, 1],
            "image_hashes": ["a" * 64],
            "planned_at": "2026-03-03T01:00:00+00:00",
            "base_version": None,
        },
    )
    assert ctx.drafts.get(clerk, kept).fields["account_ids"] == [3, 1]


def test_leaders_who_do_not_draft_have_no_autosaves(ctx: AppContext, admin: Principal) -> None:
    leader = make_staff(ctx, admin, "leader", {Role.SUPERVISOR})[1]
    assert ctx.drafts.pending(leader) == []
    with pytest.raises(PermissionDeniedError):
        ctx.drafts.autosave(leader, None, {"body": "x"})


def test_an_autosave_of_a_missing_post_is_refused(ctx: AppContext, clerk: Principal) -> None:
    with pytest.raises(NotFoundError):
        ctx.drafts.autosave(clerk, 999, {"body": "x"})


def test_columns_of_recent_posts_most_used_first(
    ctx: AppContext, clerk: Principal, weibo: int, fixed_clock: FixedClock
) -> None:
    for column in ("#天气预报#", "#科普#", "#天气预报#", ""):
        ctx.posts.create(clerk, _content(weibo, column=column))
        fixed_clock.advance(seconds=1)
    assert ctx.drafts.columns(clerk) == ["#天气预报#", "#科普#"]
