"""Demo data of the moderation log, public feedback and incidents (called by ``demo``).

Everything goes through ``InteractionService`` with times relative to the context's clock,
so the start view always has something to show: a message left unanswered past its due
day (red), feedback waiting for a department, and an open major incident whose 5-hour
authoritative-information clock has run out (one late step; the others still running).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from newmedia_desk.domain.accounts import AccountRecord, AccountStatus
from newmedia_desk.domain.incidents import IncidentDraft, IncidentLevel, IncidentStep
from newmedia_desk.domain.interaction import (
    FeedbackDraft,
    Handling,
    ModerationAction,
    ModerationDraft,
    ModerationKind,
)
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal

if TYPE_CHECKING:
    from newmedia_desk.context import AppContext


def _clerk_accounts(ctx: AppContext, clerk: Principal) -> list[AccountRecord]:
    accounts = [
        a
        for a in ctx.accounts.list_accounts(None)
        if a.status is not AccountStatus.CLOSED and clerk.can(Permission.MODERATE, a.unit_id)
    ]
    if not accounts:
        raise ValueError("the demo clerk has no account to moderate")
    # The Weibo first: most comments arrive there.
    return sorted(accounts, key=lambda a: (a.platform_name != "微博", a.id))


def _unit_id(ctx: AppContext, name: str, fallback: int) -> int:
    for unit in ctx.directory.list_units(None):
        if unit.name == name:
            return unit.id
    return fallback


def seed_demo_interaction(
    ctx: AppContext, admin: Principal, clerk: Principal, *, hold: bool = False
) -> None:
    """Add moderation entries, feedback and incidents to the demo office.

    Args:
        ctx: The demo context.
        admin: The office administrator (closes the old incident, may hold posts).
        clerk: The clerk who keeps the log (needs accounts in their unit).
        hold: Also pause publishing on the clerk's Weibo for the open incident.
    """
    service = ctx.interaction
    now = ctx.clock.now().replace(second=0, microsecond=0)
    accounts = _clerk_accounts(ctx, clerk)
    weibo = accounts[0]
    other = accounts[1] if len(accounts) > 1 else weibo
    business = _unit_id(ctx, "业务科", clerk.unit_id)
    office = _unit_id(ctx, "办公室", clerk.unit_id)
    bureau = _unit_id(ctx, "市气象局", clerk.unit_id)

    def entry(
        hours_ago: float,
        kind: ModerationKind,
        text: str,
        author: str,
        *,
        needs_answer: bool = False,
        handling: Handling | None = None,
        account: AccountRecord = weibo,
    ) -> None:
        service.record_moderation(
            clerk,
            ModerationDraft(
                account_id=account.id,
                kind=kind,
                text=text,
                occurred_at=now - timedelta(hours=hours_ago),
                author=author,
                needs_answer=needs_answer,
                handling=handling,
                handled_at=None if handling is None else now - timedelta(hours=hours_ago - 0.5),
            ),
        )

    comment, message = ModerationKind.COMMENT, ModerationKind.MESSAGE
    entry(
        50,
        comment,
        "你们预报从来没准过，一群饭桶！",
        "江城老李",
        handling=Handling(ModerationAction.DELETED, reason="辱骂、人身攻击"),
    )
    entry(
        26,
        comment,
        "转发：明天本市将发生8级地震，大家速转！",
        "小道消息站",
        handling=Handling(ModerationAction.REPORTED, reason="涉嫌谣言，已报市委网信办"),
    )
    entry(
        20,
        comment,
        "周末去东山爬山，会下雨吗？",
        "爱爬山的小周",
        handling=Handling(
            ModerationAction.REPLIED,
            reply="您好，周末东山以多云为主，午后局部有阵雨，出行请带好雨具。",
        ),
    )
    # Eight days ago: at least five working days, so its 3-day answer clock has run out.
    entry(
        8 * 24,
        message,
        "我家在城南雷达站附近，雷达的电磁辐射对人体有没有影响？希望给个正式答复。",
        "城南居民",
        needs_answer=True,
    )
    entry(
        30,
        message,
        "请问怎样申请气象灾害证明？保险公司要。",
        "市民刘先生",
        needs_answer=True,
        handling=Handling(ModerationAction.REFERRED, reason="业务咨询", referred_unit_id=business),
        account=other,
    )
    entry(1, message, "想带孩子参观气象台，开放日是哪天？", "一位家长", needs_answer=True)

    received = now - timedelta(days=2)
    service.hand_over(
        clerk,
        FeedbackDraft(
            text="新建观测场施工噪音扰民，晚上十点后还在施工。",
            received_at=received,
            unit_id=office,
            due_on=service.default_due_on(received),
            from_whom="李女士（12345热线转）",
            account_id=other.id,
        ),
    )
    earlier = now - timedelta(days=10)
    answered = service.hand_over(
        clerk,
        FeedbackDraft(
            text="建议公众号增加农业气象专栏，方便农户安排农事。",
            received_at=earlier,
            unit_id=business,
            due_on=service.default_due_on(earlier),
            from_whom="东山县种粮大户",
            account_id=other.id,
        ),
    )
    service.record_answer(
        clerk,
        answered.id,
        "已采纳，下月起开设“农事天气”专栏。",
        answered.version,
        answered_at=earlier + timedelta(days=2),
    )

    # Last week's rumour, handled in time and closed.
    opened = now - timedelta(days=10)
    old = service.open_incident(
        clerk,
        IncidentDraft(
            "网传“本周将有超强台风登陆”不实信息",
            IncidentLevel.GENERAL,
            clerk.unit_id,
            opened,
            "多个微信群转发伪造的台风预警截图。",
        ),
    )
    for step, after in (
        (IncidentStep.CHIEF, timedelta(minutes=30)),
        (IncidentStep.RESPONSE, timedelta(hours=6)),
        (IncidentStep.HANDLED, timedelta(hours=10)),
        (IncidentStep.UPWARD, timedelta(hours=20)),
    ):
        old = service.record_step(clerk, old.id, step, opened + after, old.version)
    service.close_incident(admin, old.id, "已发布辟谣声明，转发量回落。", old.version)

    # Today's heavy rain: reported to the chief at once, authoritative information late.
    opened = now - timedelta(hours=7)
    current = service.open_incident(
        clerk,
        IncidentDraft(
            "强降雨致城区多处积水，网传“水库溃坝”",
            IncidentLevel.MAJOR,
            bureau,
            opened,
            "凌晨起城区降雨量超100毫米，多处道路积水；网传城北水库溃坝视频，经核实为外地旧视频。",
        ),
    )
    current = service.record_step(
        clerk, current.id, IncidentStep.CHIEF, opened + timedelta(minutes=20), current.version
    )
    if hold:
        service.hold(admin, current.id, [weibo.id])
