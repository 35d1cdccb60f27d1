"""A small office with accounts and posts, built with the real services (for the post UI tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountDraft, Decision
from newmedia_desk.domain.posts import PostContent, PostKind, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.posts import PostRecord
from tests.conftest import STAFF_PASSWORD, make_staff

from .conftest import CLERK_PASSWORD, LEADER_PASSWORD, Office

BODY = "#天气预报# 明天多云转晴，最高气温18度，最低气温9度。请市民注意早晚温差。"


@dataclass
class Desk:
    """The UI tests' office: clerk 信息员乙, section head, supervisor 分管领导丙, chief."""

    office: Office
    ctx: AppContext
    clerk: Principal
    head: Principal
    leader: Principal
    chief: Principal
    weibo: int
    wechat: int

    def content(self, **changes: object) -> PostContent:
        values: dict[str, object] = {
            "title": "明日天气",
            "body": BODY,
            "column": "#天气预报#",
            "category": "预报类",
            "tier": Tier.GENERAL,
            "kind": PostKind.ORIGINAL,
            "account_ids": (self.weibo,),
        }
        values.update(changes)
        return PostContent(**values)  # type: ignore[arg-type]

    def submitted(self, **changes: object) -> PostRecord:
        """A post of the clerk, in approval."""
        post = self.ctx.posts.create(
            self.clerk,
            self.content(**changes),
            planned_at=self.ctx.clock.now() + timedelta(hours=6),
        )
        return self.ctx.posts.submit(self.clerk, post.id, expected_version=post.version)

    def approved(self, **changes: object) -> PostRecord:
        """A post of the clerk, approved by the section head."""
        post = self.submitted(**changes)
        return self.ctx.posts.sign(
            self.head,
            post.id,
            Decision.AGREE,
            "同意",
            revision=post.round_revision or 0,
            password=STAFF_PASSWORD,
        )


def build_desk(office: Office) -> Desk:
    """Add a section head, a chief and two accounts of the clerk's section."""
    ctx = office.ctx
    admin = office.admin
    head = make_staff(ctx, admin, "head", {Role.RESPONSIBLE}, office.section_id, name="钱芳")[1]
    chief = make_staff(ctx, admin, "chief", {Role.CHIEF}, office.root_id, name="李建国")[1]
    clerk = office.sign_in("clerk", CLERK_PASSWORD)
    leader = office.sign_in("leader", LEADER_PASSWORD)
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(None)}

    def account(platform: str, name: str, handle: str) -> int:
        draft = AccountDraft(
            platform_id=platforms[platform],
            name=name,
            unit_id=office.section_id,
            administrator_id=clerk.staff_id,
            responsible_id=head.staff_id,
            handle=handle,
            purpose="发布天气预报和预警",
        )
        return ctx.accounts.register_existing(admin, draft, "已开设").id

    return Desk(
        office=office,
        ctx=ctx,
        clerk=clerk,
        head=head,
        leader=leader,
        chief=chief,
        weibo=account("微博", "江城气象", "jcqx"),
        wechat=account("微信公众号", "江城气象服务", "jcqxfw"),
    )
