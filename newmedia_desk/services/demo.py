"""A realistic demo office, taken from the seeds: a city meteorological bureau.

Later features extend it with their own records, so that a newcomer sees every screen alive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import StaffDraft
from newmedia_desk.services.audit import Actor
from newmedia_desk.storage.models import Unit
from newmedia_desk.storage.repositories import StaffRepository

if TYPE_CHECKING:
    from newmedia_desk.context import AppContext

DEMO_ACTOR = Actor(None, "demo")
ROOT = "市气象局"

# (name, parent) — the sections named in seed 001 § 篇1 art.3-4, and three county bureaus.
UNITS: tuple[tuple[str, str | None], ...] = (
    (ROOT, None),
    ("办公室", ROOT),
    ("业务科", ROOT),
    ("气象台", ROOT),
    ("气象科技服务中心", ROOT),
    ("法规科", ROOT),
    ("东山县气象局", ROOT),
    ("西河县气象局", ROOT),
    ("南湖县气象局", ROOT),
)


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """One demo sign-in."""

    login: str
    name: str
    unit: str
    position: str
    roles: frozenset[Role]
    phone: str = ""
    qq: str = ""
    left: bool = False


PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("admin", "周文", "办公室", "系统管理员", frozenset({Role.ADMIN}), "0795-3261001"),
    DemoPerson("chief", "李建国", ROOT, "局长", frozenset({Role.CHIEF}), "0795-3261000"),
    DemoPerson(
        "deputy", "王海燕", ROOT, "副局长（分管宣传）", frozenset({Role.SUPERVISOR}), "0795-3261002"
    ),
    DemoPerson(
        "office",
        "赵敏",
        "办公室",
        "办公室主任",
        frozenset({Role.RESPONSIBLE}),
        "13807951234",
        "38123456",
    ),
    DemoPerson(
        "yewu", "陈立", "业务科", "业务科科长", frozenset({Role.RESPONSIBLE}), "13907952345"
    ),
    DemoPerson(
        "forecast", "孙浩", "气象台", "气象台台长", frozenset({Role.RESPONSIBLE}), "13607953456"
    ),
    DemoPerson("service", "钱芳", "气象科技服务中心", "主任", frozenset({Role.RESPONSIBLE})),
    DemoPerson(
        "clerk",
        "张晓",
        "气象科技服务中心",
        "信息员",
        frozenset({Role.CLERK}),
        "15079514567",
        "5201314",
    ),
    DemoPerson("editor", "吴婷", "办公室", "编辑", frozenset({Role.CLERK}), "15179515678"),
    DemoPerson("fagui", "郑伟", "法规科", "法规科科长", frozenset({Role.RESPONSIBLE})),
    DemoPerson(
        "dongshan", "黄磊", "东山县气象局", "信息员", frozenset({Role.CLERK, Role.RESPONSIBLE})
    ),
    DemoPerson("xihe", "林静", "西河县气象局", "信息员", frozenset({Role.CLERK})),
    DemoPerson("nanhu", "何强", "南湖县气象局", "信息员", frozenset({Role.CLERK})),
    DemoPerson(
        "liuyang", "刘洋", "气象科技服务中心", "原信息员", frozenset({Role.CLERK}), left=True
    ),
)


def seed_demo(ctx: AppContext, password: str = "demo") -> list[DemoPerson]:
    """Fill an empty database with the demo office; return the people created.

    The demo password is deliberately short and is not held to the password policy.
    """
    if ctx.directory.has_staff():
        raise ValidationError(
            "the database already has staff; the demo needs a new, empty database",
            field="db",
        )
    if not password:
        raise ValidationError("the demo password must not be empty", field="password")
    hashes = {p.login: ctx.hashing.hash(password) for p in PEOPLE}
    with ctx.db.write() as s:
        ids: dict[str, int] = {}
        for order, (name, parent) in enumerate(UNITS):
            unit = Unit(name=name, parent_id=ids[parent] if parent else None, sort_order=order)
            s.add(unit)
            s.flush()
            ids[name] = unit.id
            ctx.audit.append(s, DEMO_ACTOR, "unit_created", "unit", unit.id, after={"name": name})
        for person in PEOPLE:
            draft = StaffDraft(
                login=person.login,
                name=person.name,
                unit_id=ids[person.unit],
                position=person.position,
                phone=person.phone,
                qq=person.qq,
                roles=person.roles,
            )
            row = ctx.directory.insert_staff(s, draft, hashes[person.login], must_change=False)
            if person.left:
                row.left_at = ctx.clock.now()
            ctx.audit.append(
                s,
                DEMO_ACTOR,
                "staff_created",
                "staff",
                row.id,
                after={"login": person.login, "name": person.name, "left": person.left},
            )
        assert StaffRepository(s).count() == len(PEOPLE)
    return list(PEOPLE)
