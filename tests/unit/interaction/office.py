"""A small office for the interaction tests: two units, clerks, leaders and accounts."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountDraft
from newmedia_desk.domain.interaction import ModerationDraft, ModerationKind
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from tests.conftest import make_staff

CST = timezone(timedelta(hours=8))


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """A Beijing wall-clock time, in UTC like the database returns it."""
    return datetime(y, mo, d, h, mi, tzinfo=CST).astimezone(UTC)


@dataclasses.dataclass
class Office:
    admin: Principal
    clerk: Principal
    other_clerk: Principal
    sup: Principal
    chief: Principal
    service_unit: int
    other_unit: int
    weibo: int
    wechat: int
    other_account: int


def build_office(ctx: AppContext, admin: Principal) -> Office:
    service = ctx.directory.create_unit(admin, "气象科技服务中心", admin.unit_id).id
    other = ctx.directory.create_unit(admin, "城南区气象局", admin.unit_id).id

    def person(login: str, role: Role, unit: int, name: str) -> Principal:
        return make_staff(ctx, admin, login, {role}, unit, name=name)[1]

    clerk = person("clerk", Role.CLERK, service, "张晓")
    other_clerk = person("clerk2", Role.CLERK, other, "周雨")
    head = person("head", Role.RESPONSIBLE, service, "钱芳")
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(admin)}

    def account(platform: str, name: str, unit: int, admin_id: int) -> int:
        draft = AccountDraft(
            platform_id=platforms[platform],
            name=name,
            unit_id=unit,
            administrator_id=admin_id,
            responsible_id=head.staff_id,
            purpose="发布天气预报和预警",
        )
        return ctx.accounts.register_existing(admin, draft, "已开设").id

    return Office(
        admin=admin,
        clerk=clerk,
        other_clerk=other_clerk,
        sup=person("sup", Role.SUPERVISOR, admin.unit_id, "刘志强"),
        chief=person("chief", Role.CHIEF, admin.unit_id, "李建国"),
        service_unit=service,
        other_unit=other,
        weibo=account("微博", "江城气象", service, clerk.staff_id),
        wechat=account("微信公众号", "江城气象服务", service, clerk.staff_id),
        other_account=account("微博", "城南气象", other, other_clerk.staff_id),
    )


def message(o: Office, **changes: object) -> ModerationDraft:
    values: dict[str, object] = {
        "account_id": o.weibo,
        "kind": ModerationKind.MESSAGE,
        "text": "请问明天城区会下雨吗？我们要办户外活动。",
        "occurred_at": at(2026, 3, 2, 8),
        "author": "市民王先生",
        "needs_answer": True,
    }
    values.update(changes)
    return ModerationDraft(**values)  # type: ignore[arg-type]
