"""A realistic demo office, taken from the seeds: a city meteorological bureau.

Later features extend it with their own records, so that a newcomer sees every screen alive.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

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
from newmedia_desk.domain.working_days import OFFICE_TZ, office_date
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


def seed_demo(ctx: AppContext, password: str = "demo", *, posts: int = 0) -> list[DemoPerson]:
    """Fill an empty database with the demo office; return the people created.

    The demo password is deliberately short and is not held to the password policy.
    ``posts`` synthetic posts of the years before (see ``demo_bulk``) are added before the
    demo's own posts of the last ten days, so that the newest posts stay on top.
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
    if posts:
        from newmedia_desk.services.demo_bulk import add_demo_posts

        add_demo_posts(ctx, posts, password=password, before=ctx.clock.now() - timedelta(days=11))
    seed_demo_posts(ctx, password)
    from newmedia_desk.services.demo_cadence import seed_demo_cadence
    from newmedia_desk.services.demo_interaction import seed_demo_interaction
    from newmedia_desk.services.demo_library import seed_demo_library

    seed_demo_cadence(ctx, admin)
    seed_demo_interaction(ctx, admin, _principal(ctx, "clerk"))
    seed_demo_library(ctx, _principal(ctx, "clerk"), _principal(ctx, "editor"))
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


# -- posts ---------------------------------------------------------------------------------


def _at(day: datetime, hour: int, minute: int = 0) -> datetime:
    """``day`` (any time on it) at ``hour:minute`` office time, as UTC."""
    local = day.astimezone(OFFICE_TZ).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return local.astimezone(UTC)


def seed_demo_posts(ctx: AppContext, password: str) -> None:
    """Posts in every state, written through the post service with a clock in the past.

    The sign-offs are real: each leader's key, opened with the demo password, signs the
    revision read. Over the last ten days the bureau published forecasts (07:30 and
    17:00), one of them pasted differently from the approved text (与审批稿不一致); a
    sensitive case notice of the 法规科 went through three levels and was filed (备案); an
    important service post was signed by 陈立 for 王海燕, who was away (陈立 代 王海燕); a
    vote (互动活动) took one more level; 东山气象 reposted the city's warning on the direct
    route; a warning was withdrawn after it was lifted, a draft was cancelled, a weekend
    outlook expired in approval. Now a forecast waits for the responsible person, a
    service post for the supervising leader, a school visit notice was returned, a popular
    science post is approved and waits to be published, and a work news item is a draft.
    """
    from newmedia_desk.domain.posts import (
        ActivityType,
        DelegationSpec,
        PostContent,
        PostKind,
        Tier,
    )
    from newmedia_desk.domain.settings import DIRECT_ROUTE_ALLOWED
    from newmedia_desk.services.delegations import DelegationService
    from newmedia_desk.services.posts import PostRecord, PostService

    now = ctx.clock.now()
    clock = FixedClock(_at(now - timedelta(days=10), 7))
    posts = PostService(
        ctx.db,
        ctx.audit,
        clock,
        ctx.keys,
        ctx.lexicons.active,
        allow_direct=lambda: ctx.settings.get(DIRECT_ROUTE_ALLOWED) != 0,
        routes=ctx.settings.post_routes,
    )
    logins = ("clerk", "service", "deputy", "deputy2", "chief", "yewu", "dongshan", "admin")
    who = {login: _principal(ctx, login) for login in logins}
    clerk = who["clerk"]
    accounts = {
        (a.platform_name, a.name): a.id
        for a in ctx.accounts.list_accounts(None)
        if a.status.value == "open"
    }
    weibo, wechat = accounts[("微博", "江城气象")], accounts[("微信公众号", "江城气象")]
    website, dongshan = accounts[("网站", "江城市气象局")], accounts[("微博", "东山气象")]

    def day(moment: datetime) -> str:
        local = moment.astimezone(OFFICE_TZ)
        return f"{local.month}月{local.day}日"

    def at(days: int, hour: int, minute: int = 0) -> datetime:
        """A time ``days`` from the real now (negative: in the past), office time."""
        return _at(now + timedelta(days=days), hour, minute)

    def go(when: datetime) -> None:
        clock.advance(seconds=max(0.0, (when - clock.now()).total_seconds()))

    def draft(
        title: str,
        body: str,
        column: str,
        category: str,
        targets: tuple[int, ...],
        planned: datetime | None,
        *,
        tier: Tier = Tier.GENERAL,
        kind: PostKind = PostKind.ORIGINAL,
        by: str = "clerk",
        **extra: Any,
    ) -> PostRecord:
        content = PostContent(title, body, column, category, tier, kind, targets, **extra)
        return posts.create(who[by], content, planned_at=planned)

    def submit(post: PostRecord, *, direct: bool = False, by: str = "clerk") -> PostRecord:
        clock.advance(minutes=6)
        return posts.submit(who[by], post.id, expected_version=post.version, direct=direct)

    def sign(
        post: PostRecord, login: str, opinion: str = "同意。", *, agree: bool = True
    ) -> PostRecord:
        clock.advance(minutes=17)
        decision = Decision.AGREE if agree else Decision.RETURN
        revision = post.round_revision or 0
        return posts.sign(
            who[login], post.id, decision, opinion, revision=revision, password=password
        )

    def publish(
        post: PostRecord, account: int, text: str | None = None, link: str = ""
    ) -> PostRecord:
        clock.advance(minutes=3)
        body = post.content.body if text is None else text
        return posts.record_publication(
            clerk,
            post.id,
            account,
            published_at=clock.now(),
            link=link,
            platform_post_id=f"{post.id:05d}{account}",
            published_text=body,
            expected_version=post.version,
        )

    # Ten days ago: the morning forecast, approved by the responsible person, published on
    # Weibo and WeChat.
    go(at(-10, 6, 40))
    p = draft(
        f"{day(at(-10, 7))}早间天气预报",
        "#江城天气# 【早间天气预报】今天白天多云转阴，夜里有小雨，偏北风2～3级，"
        "气温9～17℃。早晚温差较大，请适时增减衣物。",
        "#江城天气#",
        "预报类",
        (weibo, wechat),
        at(-10, 7, 30),
    )
    p = sign(submit(p), "service", "同意发布。")
    p = publish(p, weibo, link="https://weibo.com/jcqx12121/demo1")
    publish(p, wechat)

    # The evening forecast: the text pasted on Weibo differs from the approved one.
    go(at(-10, 16, 20))
    p = draft(
        f"{day(at(-10, 17))}晚间天气预报",
        "#江城天气# 【晚间天气预报】今天夜里到明天阴有小雨，东北风3～4级，气温8～14℃。"
        "雨天路滑，出行请携带雨具，注意交通安全。",
        "#江城天气#",
        "预报类",
        (weibo,),
        at(-10, 17),
    )
    p = sign(submit(p), "service")
    publish(
        p,
        weibo,
        "#江城天气# 【晚间天气预报】今天夜里到明天阴有小雨，东北风3～4级，气温8～15℃。"
        "雨天路滑，出行请携带雨具。",
        "https://weibo.com/jcqx12121/demo2",
    )

    # A case notice of the 法规科 (重要案件): three levels, filed, published on the website.
    go(at(-9, 9, 10))
    p = draft(
        "市气象局依法查处一起违规施放气球案件",
        "近日，市气象局执法人员在日常巡查中发现，某商贸公司在城区开业庆典中未经许可擅自"
        "施放系留气球，违反了《施放气球管理办法》的有关规定。市气象局依法责令其立即停止"
        "施放，并依据相关规定作出罚款人民币五千元的行政处罚决定。\n"
        "在此提醒：施放气球须向当地气象主管机构申请许可，施放单位须具备相应资质。"
        "如发现违规施放行为，可拨打12121咨询或向市气象局法规科反映。",
        "#依法行政#",
        "工作动态",
        (website, weibo),
        at(-8, 10),
        tier=Tier.SENSITIVE,
    )
    p = submit(p)
    p = sign(p, "service", "案情已与法规科核实，同意。")
    p = sign(p, "deputy2", "同意，注意隐去当事企业名称。")
    p = sign(p, "chief", "同意发布，按规定备案。")
    clock.advance(hours=2)
    p = posts.mark_filed(clerk, p.id, expected_version=p.version)
    go(at(-8, 10))
    p = publish(p, website)
    publish(p, weibo, link="https://weibo.com/jcqx12121/demo3")

    # 王海燕 is away; the chief consents that 陈立 signs her steps for three days.
    go(at(-7, 8, 30))
    delegations = DelegationService(ctx.db, ctx.audit, clock, ctx.keys)
    delegations.create(
        who["chief"],
        DelegationSpec(
            leader_id=who["deputy"].staff_id,
            deputy_id=who["yewu"].staff_id,
            consented_by_id=who["chief"].staff_id,
            starts_at=at(-7, 8),
            ends_at=at(-4, 18),
            reason="王海燕同志赴省局参加培训",
        ),
        consenter_password=password,
    )
    go(at(-7, 9, 15))
    p = draft(
        "设施农业气象服务提示",
        "#气象服务# 【设施农业气象服务】预计未来一周我市以多云天气为主，昼夜温差较大，"
        "中后期有一次降温过程。建议种植户白天适时通风降湿，夜间做好大棚保温；"
        "降温前加固棚膜，防范大风天气。",
        "#气象服务#",
        "重点服务类",
        (weibo, wechat),
        at(-6, 10),
        tier=Tier.IMPORTANT,
    )
    p = sign(submit(p), "service")
    p = sign(p, "yewu", "同意。（代王海燕同志签批）")
    p = publish(p, weibo, link="https://weibo.com/jcqx12121/demo4")
    publish(p, wechat)

    # A vote: an activity, so one more level than its tier.
    go(at(-6, 14))
    p = draft(
        "“我心中的江城天气”摄影作品投票",
        "#江城气象互动# “我心中的江城天气”摄影作品征集共收到投稿326幅，经初评选出20幅"
        "入围作品。即日起至本月底，欢迎大家为喜欢的作品投票，每人每天可投3票。"
        "获奖作品将在世界气象日主题活动中展出。",
        "#江城气象互动#",
        "互动类",
        (weibo, wechat),
        at(-5, 12),
        kind=PostKind.ACTIVITY,
        activity_type=ActivityType.VOTE,
    )
    p = sign(submit(p), "service", "同意，投票规则请写清楚。")
    p = sign(p, "deputy2", "同意。")
    publish(p, weibo, link="https://weibo.com/jcqx12121/demo5")

    # 东山气象 reposts the city's cold-wave warning on the direct route (no approver).
    go(at(-5, 15, 40))
    p = draft(
        "转发：江城市气象台发布寒潮蓝色预警信号",
        "【转发】江城市气象台发布寒潮蓝色预警信号：预计未来48小时内，我市最低气温将下降"
        "8℃以上，并伴有5级左右偏北风。请注意防寒保暖，做好农作物防冻工作。",
        "#预警发布#",
        "转发",
        (dongshan,),
        at(-5, 16),
        kind=PostKind.REPOST,
        source="江城市气象台",
        by="dongshan",
    )
    p = submit(p, direct=True, by="dongshan")
    clock.advance(minutes=4)
    posts.record_publication(
        who["dongshan"],
        p.id,
        dongshan,
        published_at=clock.now(),
        link="https://weibo.com/dsqx/demo6",
        published_text=p.content.body,
        expected_version=p.version,
    )

    # A wind warning, published and withdrawn once the warning was lifted.
    go(at(-4, 10, 5))
    p = draft(
        "江城市气象台发布大风蓝色预警信号",
        "#预警发布# 江城市气象台10时发布大风蓝色预警信号：预计未来12小时内，城区、"
        "东山县、南湖县平均风力可达6级以上，阵风8级。请加固围板、棚架等易被风吹动的"
        "搭建物，减少户外活动。",
        "#预警发布#",
        "预报类",
        (weibo,),
        at(-4, 11),
        tier=Tier.IMPORTANT,
    )
    p = sign(submit(p), "service")
    p = sign(p, "deputy", "同意，尽快发布。")
    p = publish(p, weibo, link="https://weibo.com/jcqx12121/demo7")
    clock.advance(hours=5)
    publication = p.publications[0]
    posts.remove_publication(
        clerk,
        publication.id,
        kind="withdrawn",
        reason="预警已于15时解除，原信息已不准确，撤回",
        expected_version=publication.version,
    )

    # A draft cancelled: the province published the holiday forecast itself.
    go(at(-4, 16))
    p = draft(
        "假期天气预报（初稿）",
        "#江城天气# 假期期间我市天气以多云为主，第二天有一次降雨过程，气温16～27℃，总体适宜出游。",
        "#江城天气#",
        "预报类",
        (weibo, wechat),
        at(-2, 17),
    )
    clock.advance(hours=1)
    posts.cancel(clerk, p.id, "省气象局统一发布假期天气，本号转发即可", expected_version=p.version)

    # A weekend outlook that nobody approved by its planned time: expired.
    go(at(-3, 15))
    p = draft(
        "周末天气展望",
        "#江城天气# 【周末天气展望】本周六多云，周日阴有阵雨，气温12～21℃，周末出行请"
        "留意天气变化。",
        "#江城天气#",
        "预报类",
        (weibo,),
        at(-3, 17),
    )
    submit(p)
    go(at(-3, 18))
    posts.expire_due()

    # A school visit: returned by the responsible person with her opinion.
    go(at(-2, 9, 30))
    p = draft(
        "气象科普进校园活动走进市第一实验小学",
        "#气象科普# 下周三，市气象局科普志愿者将走进市第一实验小学，为同学们讲解云的"
        "形成、天气预报的制作过程，并带领大家参观校园气象站。欢迎家长朋友们关注。",
        "#气象科普#",
        "科普宣传类",
        (weibo, wechat),
        at(3, 10),
    )
    p = sign(submit(p), "service", "活动日期请与学校再确认后重报。", agree=False)

    # A popular-science post approved this morning, waiting to be published by hand.
    go(at(-1, 10))
    p = draft(
        "气象科普：雷电防护小知识",
        "#气象科普# 【雷电防护】打雷时请关好门窗，不要在大树下、电线杆旁避雨，"
        "不要使用太阳能热水器淋浴。在野外遇到雷雨时，应双脚并拢蹲下，远离金属物体。",
        "#气象科普#",
        "科普宣传类",
        (weibo, wechat),
        at(1, 9, 30),
    )
    sign(submit(p), "service")

    # Waiting now: tomorrow's morning forecast for the responsible person, and a service
    # post for the supervising leader (王海燕 is back).
    go(at(-1, 16))
    p = draft(
        f"{day(at(1, 7))}早间天气预报",
        "#江城天气# 【早间天气预报】明天晴转多云，偏南风2级，气温13～24℃。"
        "天气适宜户外活动，可以出门走走。",
        "#江城天气#",
        "预报类",
        (weibo, wechat),
        at(1, 7, 30),
    )
    submit(p)
    p = draft(
        "江城供电公司迎峰度夏专项气象服务",
        "#气象服务# 气象科技服务中心与江城供电公司签订迎峰度夏专项气象服务协议，"
        "将在高温时段每日提供逐3小时气温预报和雷电潜势预报，为电网安全运行提供保障。",
        "#气象服务#",
        "重点服务类",
        (website, wechat),
        at(2, 15),
        tier=Tier.IMPORTANT,
    )
    sign(submit(p), "service", "同意，报分管领导。")

    # A work news item still being written.
    go(now - timedelta(hours=1))
    draft(
        "市气象局召开汛期气象服务工作部署会",
        f"{day(now)}，市气象局召开汛期气象服务工作部署会，传达学习省局有关会议精神，"
        "对今年汛期气象服务工作作出安排。会议要求各单位压实责任，强化监测预警，",
        "#走进气象#",
        "工作动态",
        (website,),
        None,
    )
