"""A small office for the export, import and CLI tests of posts (as in test_post_service)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountDraft, Decision
from newmedia_desk.domain.posts import DelegationSpec, PostContent, PostKind, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.posts import PostRecord
from tests.conftest import STAFF_PASSWORD, make_staff

BODY = "#天气预报# 明天多云转晴，最高气温18度，最低气温9度。"


@dataclasses.dataclass
class Office:
    """The people and accounts of the tests."""

    admin: Principal
    clerk: Principal
    head: Principal
    other_head: Principal
    other_clerk: Principal
    sup: Principal
    chief: Principal
    weibo: int
    wechat: int
    other_weibo: int


def make_office(ctx: AppContext, admin: Principal) -> Office:
    """Two units, a clerk and a head in each, leaders, and three accounts."""
    service = ctx.directory.create_unit(admin, "气象科技服务中心", admin.unit_id).id
    other = ctx.directory.create_unit(admin, "办公室", admin.unit_id).id

    def person(login: str, roles: set[Role], unit: int, name: str) -> Principal:
        return make_staff(ctx, admin, login, roles, unit, name=name)[1]

    clerk = person("clerk", {Role.CLERK}, service, "张晓")
    head = person("head", {Role.RESPONSIBLE}, service, "钱芳")
    other_clerk = person("otherclerk", {Role.CLERK}, other, "孙丽")
    other_head = person("otherhead", {Role.RESPONSIBLE}, other, "赵敏")
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(admin)}

    def account(platform: str, name: str, handle: str, unit: int, admin_id: int) -> int:
        draft = AccountDraft(
            platform_id=platforms[platform],
            name=name,
            unit_id=unit,
            administrator_id=admin_id,
            responsible_id=head.staff_id if unit == service else other_head.staff_id,
            handle=handle,
            purpose="发布天气预报和预警",
        )
        return ctx.accounts.register_existing(admin, draft, "已开设").id

    return Office(
        admin=admin,
        clerk=clerk,
        head=head,
        other_head=other_head,
        other_clerk=other_clerk,
        sup=person("sup", {Role.SUPERVISOR}, admin.unit_id, "刘志强"),
        chief=person("chief", {Role.CHIEF}, admin.unit_id, "李建国"),
        weibo=account("微博", "江城气象", "jcqx", service, clerk.staff_id),
        wechat=account("微信公众号", "江城气象服务", "jcqxfw", service, clerk.staff_id),
        other_weibo=account("微博", "江城政务", "jczw", other, other_clerk.staff_id),
    )


def content(o: Office, **changes: object) -> PostContent:
    """A general forecast post for the Weibo account, with ``changes``."""
    values: dict[str, object] = {
        "title": "明日天气",
        "body": BODY,
        "column": "#天气预报#",
        "category": "预报类",
        "tier": Tier.GENERAL,
        "kind": PostKind.ORIGINAL,
        "account_ids": (o.weibo,),
    }
    values.update(changes)
    return PostContent(**values)  # type: ignore[arg-type]


def submitted(ctx: AppContext, o: Office, **changes: object) -> PostRecord:
    """A new post, submitted for approval, planned six hours ahead."""
    post = ctx.posts.create(
        o.clerk, content(o, **changes), planned_at=ctx.clock.now() + timedelta(hours=6)
    )
    return ctx.posts.submit(o.clerk, post.id, expected_version=post.version)


def sign(
    ctx: AppContext,
    who: Principal,
    post: PostRecord,
    decision: Decision = Decision.AGREE,
    opinion: str = "同意",
) -> PostRecord:
    """``who`` signs the post's next step with the staff password."""
    return ctx.posts.sign(
        who, post.id, decision, opinion, revision=post.round_revision or 0, password=STAFF_PASSWORD
    )


def delegate_sup_to_other_head(ctx: AppContext, o: Office) -> None:
    """赵敏 (head of 办公室) may sign for 刘志强 (supervisor) for two days."""
    now = ctx.clock.now()
    spec = DelegationSpec(
        o.sup.staff_id,
        o.other_head.staff_id,
        o.chief.staff_id,
        now - timedelta(hours=1),
        now + timedelta(days=2),
        "出差",
    )
    ctx.delegations.create(o.chief, spec, consenter_password=STAFF_PASSWORD)


def approved_by_deputy(ctx: AppContext, o: Office, **changes: object) -> PostRecord:
    """An important post: 钱芳 agrees, then 赵敏 agrees for 刘志强."""
    delegate_sup_to_other_head(ctx, o)
    post = submitted(ctx, o, tier=Tier.IMPORTANT, **changes)
    post = sign(ctx, o.head, post, opinion="同意发布")
    return sign(ctx, o.other_head, post, opinion="同意")
