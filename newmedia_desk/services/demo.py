"""A realistic demo office, taken from the seeds: a city meteorological bureau.

Later features extend it with their own records, so that a newcomer sees every screen alive.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newmedia_desk.domain.accounts import (
    DEFAULT_OPENING_STEPS,
    AccountDraft,
    AccountRecord,
    Decision,
    EventKind,
    RogueActionKind,
    RogueDraft,
    Verification,
    draft_of,
)
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal, StaffDraft
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.services.accounts import AccountService, RogueService
from newmedia_desk.services.audit import Actor
from newmedia_desk.storage.models import Unit
from newmedia_desk.storage.repositories import StaffRepository, UnitRepository

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
        "deputy2",
        "刘志强",
        ROOT,
        "副局长（分管业务、科技服务）",
        frozenset({Role.SUPERVISOR}),
        "0795-3261003",
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
            # Personal keys, so that demo approvals are signed and passwords can be held.
            ctx.keys.create(s, row.id, password)
            ctx.audit.append(
                s,
                DEMO_ACTOR,
                "staff_created",
                "staff",
                row.id,
                after={"login": person.login, "name": person.name, "left": person.left},
            )
        assert StaffRepository(s).count() == len(PEOPLE)
    seed_demo_accounts(ctx, password)
    seed_demo_credentials(ctx, password)
    admin = _principal(ctx, "admin")
    seed_demo_lexicons(ctx, admin)
    for person in PEOPLE:
        if person.left:  # through the service: a holder leaving opens a rotation task
            record = ctx.directory.get_staff(None, _principal(ctx, person.login).staff_id)
            ctx.directory.mark_left(admin, record.id, record.version)
    return list(PEOPLE)


# -- accounts ------------------------------------------------------------------------------

DEMO_RESERVED_WORDS = ("检察", "检察官", "气象局")
"""The demo agency also reserves its own kind of name."""


def _principal(ctx: AppContext, login: str) -> Principal:
    with ctx.db.read() as s:
        row = StaffRepository(s).by_login(login)
        assert row is not None, login
        return Principal(
            staff_id=row.id,
            login=row.login,
            name=row.name,
            unit_id=row.unit_id,
            roles=frozenset(Role(r.role) for r in row.roles),
            unit_scope=UnitRepository(s).subtree(row.unit_id),
        )


def seed_demo_accounts(ctx: AppContext, password: str) -> None:
    """The bureau's accounts with their history, and one rogue account.

    The history is written through the account service with a clock set into the past,
    so every rule of the registry holds for the demo data too: the city's Weibo went
    through the whole opening approval and was filed in time; the WeChat account changed
    its administrator later and was filed late (shown red); a county Weibo hangs below the
    city's; the website was taken over from the old ledger; a Douyin application waits
    with two of five opinions signed; a county WeChat account was closed after its
    停更公告; and a rogue Weibo account was reported to the platform.
    """
    now = ctx.clock.now()
    clock = FixedClock(now - timedelta(days=200))
    accounts = AccountService(ctx.db, ctx.audit, clock, ctx.settings, ctx.keys)
    logins = (*_SIGNERS, "admin", "clerk", "editor", "dongshan", "xihe")
    who = {login: _principal(ctx, login) for login in logins}
    platforms = {p.name: p.id for p in accounts.list_platforms(None)}
    units = {u.name: u.id for u in ctx.directory.list_units(None)}
    ids = {login: p.staff_id for login, p in who.items()}
    accounts.set_reserved_words(who["admin"], DEMO_RESERVED_WORDS)
    clerk = who["clerk"]
    service = units["气象科技服务中心"]

    def advance(days: float = 0, hours: float = 0) -> None:
        clock.advance(days=days, hours=hours)

    def approve(account_id: int, upto: int) -> AccountRecord:
        record = accounts.get_account(None, account_id)
        for login, opinion in _OPINIONS[:upto]:
            advance(hours=20)
            record = accounts.sign_step(
                who[login],
                account_id,
                _STEP_OF[login],
                Decision.AGREE,
                opinion,
                expected_version=record.version,
                password=password,
            )
        return record

    # 江城气象 on Weibo: the whole approval, filed two days after opening.
    weibo = accounts.create_application(
        clerk,
        AccountDraft(
            platform_id=platforms["微博"],
            name="江城气象",
            unit_id=service,
            administrator_id=ids["clerk"],
            responsible_id=ids["service"],
            handle="jcqx12121",
            url="https://weibo.com/jcqx12121",
            purpose="发布江城市天气预报、气象灾害预警信号和气象科普知识，回应公众关切。",
            scope="江城市及所辖县天气预报、预警信息、气象科普、防灾减灾提示",
            other_media="江城气象微信公众号",
            bio="江城市气象局官方微博",
            verification=Verification.VERIFIED,
            email="jcqx@jcqx.example.cn",
            cadence_text="每天07:30和17:00左右发布天气预报；其他信息每周6-7次",
            reserved_word_note="简介含“气象局”：经局党组2025年第3次会议批准",
        ),
    )
    advance(hours=2)
    weibo = accounts.submit(clerk, weibo.id, weibo.version)
    weibo = approve(weibo.id, len(_OPINIONS))
    advance(days=2)
    opened = _event(accounts, weibo.id, EventKind.OPENED)
    accounts.record_filing(clerk, opened, _today(clock), "全国政务新媒体信息报送系统")

    # 江城气象 on WeChat: opened, later a new administrator, filed late.
    advance(days=5)
    wechat = accounts.create_application(
        clerk,
        AccountDraft(
            platform_id=platforms["微信公众号"],
            name="江城气象",
            unit_id=service,
            administrator_id=ids["editor"],
            responsible_id=ids["service"],
            handle="jcqx_weixin",
            purpose="推送每日天气、预警信息和气象服务产品，提供公众查询服务。",
            scope="江城市天气预报、预警、气象服务产品",
            other_media="江城气象官方微博",
            bio="江城市气象局官方微信公众号，提供天气查询和预警服务",
            verification=Verification.VERIFIED,
            cadence_text="每天07:30推送天气；订阅号每天1次",
            reserved_word_note="简介含“气象局”：经局党组2025年第3次会议批准",
        ),
    )
    advance(hours=1)
    wechat = accounts.submit(clerk, wechat.id, wechat.version)
    wechat = approve(wechat.id, len(_OPINIONS))
    advance(days=1)
    opened = _event(accounts, wechat.id, EventKind.OPENED)
    accounts.record_filing(clerk, opened, _today(clock), "全国政务新媒体信息报送系统")
    advance(days=90)
    wechat = accounts.update_account(
        clerk,
        wechat.id,
        replace(draft_of(wechat), administrator_id=ids["clerk"]),
        wechat.version,
        reason="吴婷调回办公室，管理人改为张晓",
    )
    changed = _event(accounts, wechat.id, EventKind.CHANGED)
    advance(days=12)
    accounts.record_filing(clerk, changed, _today(clock), "补报")

    # 东山气象 on Weibo, below the city's account, taken over from the county's old ledger.
    accounts.register_existing(
        who["dongshan"],
        AccountDraft(
            platform_id=platforms["微博"],
            name="东山气象",
            unit_id=units["东山县气象局"],
            administrator_id=ids["dongshan"],
            responsible_id=ids["dongshan"],
            handle="dsqx",
            url="https://weibo.com/dsqx",
            purpose="转发市局预警，发布东山县天气预报。",
            verification=Verification.VERIFIED,
            parent_id=weibo.id,
            cadence_text="每周不少于3次",
        ),
        "2019年开通，审批表存办公室档案",
    )
    # The bureau's website, taken over from the ledger: its name differs from the others.
    accounts.register_existing(
        clerk,
        AccountDraft(
            platform_id=platforms["网站"],
            name="江城市气象局",
            unit_id=service,
            administrator_id=ids["clerk"],
            responsible_id=ids["service"],
            handle="jcqx.example.cn",
            url="https://jcqx.example.cn",
            purpose="政务公开、天气预报和气象服务。",
            cadence_text="每周更新",
            reserved_word_note="机构网站使用单位全称，经局党组批准",
        ),
        "2012年开通，备案号 赣ICP备00000000号",
    )
    # 西河县气象局 WeChat: taken over, then closed after its 停更公告, filed in time.
    xihe = accounts.register_existing(
        who["admin"],
        AccountDraft(
            platform_id=platforms["微信公众号"],
            name="西河气象服务",
            unit_id=units["西河县气象局"],
            administrator_id=ids["xihe"],
            responsible_id=ids["xihe"],
            handle="xhqxfw",
            purpose="西河县天气预报。",
            cadence_text="每周1次",
        ),
        "2017年开通",
    )
    advance(days=5)
    xihe = accounts.record_closure_notice(
        who["admin"],
        xihe.id,
        _today(clock),
        xihe.version,
        note="公告：本号停止更新，请关注江城气象",
    )
    advance(days=31)
    xihe = accounts.close(
        who["admin"], xihe.id, "并入市局“江城气象”，县局不再单独运营", xihe.version
    )
    closed = _event(accounts, xihe.id, EventKind.CLOSED)
    advance(days=1)
    accounts.record_filing(who["admin"], closed, _today(clock), "全国政务新媒体信息报送系统")

    # A Douyin application of last week, in approval: two of five opinions signed.
    # (``advance`` and ``approve`` above follow the rebound clock and service.)
    clock = FixedClock(now - timedelta(days=4))
    accounts = AccountService(ctx.db, ctx.audit, clock, ctx.settings, ctx.keys)
    douyin = accounts.create_application(
        clerk,
        AccountDraft(
            platform_id=platforms["抖音"],
            name="江城气象",
            unit_id=service,
            administrator_id=ids["clerk"],
            responsible_id=ids["service"],
            purpose="以短视频发布天气预报、气象科普和防灾减灾知识。",
            scope="天气预报短视频、科普、预警解读",
            other_media="江城气象官方微博、微信公众号",
            cadence_text="每周不少于3条",
        ),
    )
    advance(hours=3)
    douyin = accounts.submit(clerk, douyin.id, douyin.version)
    approve(douyin.id, 2)

    # A rogue account using the bureau's name, reported to the platform.
    found = now - timedelta(days=6)
    rogue_clock = FixedClock(now - timedelta(days=6))
    rogues = RogueService(ctx.db, ctx.audit, rogue_clock)
    rogue = rogues.register(
        clerk,
        RogueDraft(
            platform_id=platforms["微博"],
            name="江城气象局发布",
            found_at=found,
            url="https://weibo.com/u/0000000000",
            where_found="微博搜索“江城气象”时发现，冒用本局名义转发未经核实的预警",
            notes="头像使用本局标识",
        ),
    )
    rogue_clock.advance(hours=3)
    rogues.add_action(
        clerk,
        rogue.id,
        RogueActionKind.PLATFORM_REPORT,
        _today(rogue_clock),
        "已通过微博投诉平台举报冒用机构名义",
        rogue.version,
    )


_SIGNERS = ("service", "office", "deputy2", "deputy", "chief")
_STEP_OF = dict(zip(_SIGNERS, (s.key for s in DEFAULT_OPENING_STEPS), strict=True))
_OPINIONS = (
    ("service", "同意开设，由张晓负责日常管理。"),
    ("office", "同意，纳入全局新媒体统一管理。"),
    ("deputy2", "同意。"),
    ("deputy", "同意，按规定备案。"),
    ("chief", "同意。"),
)


def _today(clock: FixedClock) -> date:
    return office_date(clock.now())


def _event(accounts: AccountService, account_id: int, kind: EventKind) -> int:
    return next(e.id for e in reversed(accounts.history(None, account_id)) if e.kind is kind)


# -- credentials ----------------------------------------------------------------------------

DEMO_ACCOUNT_PASSWORDS = {
    ("微博", "江城气象"): "Jcqx#Weibo-2026",
    ("微信公众号", "江城气象"): "Jcqx#Weixin-2026",
}
"""Passwords the demo stores for its accounts (only in the keyring, encrypted)."""


def seed_demo_credentials(ctx: AppContext, password: str) -> str | None:
    """Holders, stored passwords and rotation tasks of the demo accounts.

    The Weibo password was last changed 100 days ago (its rotation reminder is due) and
    its sealed paper copy predates that change; the WeChat password is held by 吴婷 and
    刘洋, who then leaves (a "须及时修改密码" task). Returns why passwords could not be
    stored on this computer, or ``None`` when they were.
    """
    from newmedia_desk.services.credentials import CredentialService
    from newmedia_desk.services.events import StaffEvents

    accounts = {
        (a.platform_name, a.name): a
        for a in ctx.accounts.list_accounts(None)
        if a.status.value == "open"
    }
    admin = _principal(ctx, "admin")
    holders = {
        ("微博", "江城气象"): ("clerk", "service"),
        ("微信公众号", "江城气象"): ("editor", "liuyang"),
    }
    for key, logins in holders.items():
        account = accounts[key]
        status = ctx.credentials.status(admin, account.id)
        ids = [_principal(ctx, login).staff_id for login in logins]
        ctx.credentials.set_holders(admin, account.id, ids, status.version)
    problem = ctx.credentials.store_problem()
    if problem is not None:
        return problem
    now = ctx.clock.now()
    for key, days_ago in ((("微博", "江城气象"), 100), (("微信公众号", "江城气象"), 30)):
        clock = FixedClock(now - timedelta(days=days_ago))
        past = CredentialService(
            ctx.db, ctx.secrets, ctx.keys, ctx.audit, ctx.settings, clock, StaffEvents()
        )
        holder = _principal(ctx, holders[key][0])
        if key[0] == "微博":
            clock.advance(days=-20)
            past.record_sealed_copy(admin, accounts[key].id)
            clock.advance(days=20)
        past.set_password(holder, accounts[key].id, DEMO_ACCOUNT_PASSWORDS[key], password)
        past.forget()
        if key[0] == "微信公众号":
            past.record_sealed_copy(admin, accounts[key].id)
    return None


# -- lexicons ------------------------------------------------------------------------------

DEMO_LEADER_TYPOS: tuple[tuple[str, str], ...] = (
    ("李健国", "李建国"),
    ("李建囯", "李建国"),
    ("王海艳", "王海燕"),
    ("王海雁", "王海燕"),
    ("刘智强", "刘志强"),
    ("刘志墙", "刘志强"),
)
"""Wrong forms of the demo bureau's leaders' names, with the right form."""


def seed_demo_lexicons(ctx: AppContext, admin: Principal) -> None:
    """The office's own "leaders" lexicon: a misspelt leader's name blocks a post."""
    from newmedia_desk.domain.checker.lexicon import Severity, Term

    ctx.lexicons.create(admin, "leaders", "领导姓名")
    text = "".join(
        f"{wrong}\t领导姓名\t{Severity.BLOCK}\t{right}\n" for wrong, right in DEMO_LEADER_TYPOS
    )
    ctx.lexicons.import_text(
        admin, "leaders", text, replace=False, source="领导姓名.txt", revision=0
    )
    _, revision = ctx.lexicons.lexicon(admin, "typos")
    wrong = Term("市气像局", "严重差错", Severity.BLOCK, "市气象局")
    ctx.lexicons.add_term(admin, "typos", wrong, revision=revision)
