"""The start view's posts figures: waiting for me, text mismatches, expired, filing."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from newmedia_desk.domain.accounts import AccountDraft, Decision
from newmedia_desk.domain.posts import PostContent, PostKind, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import StaffDraft

from .conftest import CLERK_PASSWORD, MakeWindow, Office

HEAD_PASSWORD = "head-password-1"


def test_start_view_lists_waiting_posts_and_mismatched_publications(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    ctx = office.ctx
    ctx.directory.create_staff(
        office.admin,
        StaffDraft(
            login="head",
            name="科室负责人丁",
            unit_id=office.section_id,
            roles=frozenset({Role.RESPONSIBLE}),
        ),
        HEAD_PASSWORD,
    )
    head = ctx.auth.sign_in("head", HEAD_PASSWORD)
    clerk = office.sign_in("clerk", CLERK_PASSWORD)
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(None)}
    account = ctx.accounts.register_existing(
        clerk,
        AccountDraft(
            platform_id=platforms["微博"],
            name="江城气象",
            unit_id=office.section_id,
            administrator_id=office.clerk.id,
            responsible_id=office.clerk.id,
            purpose="发布气象预报预警",
        ),
        "2019 年纸质审批",
    )
    body = "#天气预报# 明天多云，最高气温18度。"
    post = ctx.posts.create(
        clerk,
        PostContent(
            "明日天气", body, "#天气预报#", "预报类", Tier.GENERAL, PostKind.ORIGINAL, (account.id,)
        ),
        planned_at=ctx.clock.now() + timedelta(hours=4),
    )
    post = ctx.posts.submit(clerk, post.id, expected_version=post.version)

    leader_window = make_window(head)
    assert leader_window.work_area is not None
    start = leader_window.work_area.start_page
    start.refresh()
    assert "明日天气" in start.waiting_for_me.text()
    assert start.in_approval.text() == "1"
    assert "明日天气" in start.expiring.text()  # planned in 4 hours, not approved yet
    assert "江城气象" in start.silent_accounts.text()  # never published: red
    assert "#b00020" in start.silent_accounts.styleSheet()

    post = ctx.posts.sign(
        head,
        post.id,
        Decision.AGREE,
        "同意",
        revision=post.round_revision or 0,
        password=HEAD_PASSWORD,
    )
    ctx.posts.record_publication(
        clerk,
        post.id,
        account.id,
        published_at=ctx.clock.now(),
        published_text=body.replace("18度", "20度"),
        expected_version=post.version,
    )
    window = make_window(clerk)
    assert window.work_area is not None
    start = window.work_area.start_page
    start.refresh()
    assert start.waiting_for_me.text() == "none"
    assert "江城气象" in start.mismatched.text()
    assert "#b00020" in start.mismatched.styleSheet()
    assert start.silent_accounts.text() == "none"  # it has just published
