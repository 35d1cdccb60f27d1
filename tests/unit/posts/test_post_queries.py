"""The posts list: keyset paging, every filter, text search (trigram index and the scan)."""

from __future__ import annotations

import dataclasses
import threading
from datetime import timedelta

import pytest
from sqlalchemy import text

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountDraft, Decision
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import NotSignedInError
from newmedia_desk.domain.posts import PostContent, PostKind, PostStatus, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.post_list import SearchCancel, SearchCancelledError
from newmedia_desk.services.posts import PostRecord
from newmedia_desk.storage import post_queries
from newmedia_desk.storage.post_queries import (
    DateField,
    PostCursor,
    PostFilters,
    fts_phrase,
    search_terms,
)
from tests.conftest import STAFF_PASSWORD, make_staff

pytestmark = pytest.mark.all_backends


@dataclasses.dataclass
class Desk:
    clerk: Principal
    head: Principal
    weibo: int
    wechat: int
    website: int
    posts: dict[str, PostRecord]


BODIES: dict[str, tuple[str, str, str, Tier, tuple[str, ...]]] = {
    # key: (title, body, column, tier, accounts)
    "forecast": (
        "早间天气预报",
        "#江城天气# 今天多云转阴，夜里有小雨，气温9～17℃。",
        "#江城天气#",
        Tier.GENERAL,
        ("weibo", "wechat"),
    ),
    "hail": (
        "强对流天气提示",
        "预计午后东山县、南湖县有雷阵雨，局地伴有冰雹和短时大风。",
        "#预警发布#",
        Tier.IMPORTANT,
        ("weibo",),
    ),
    "science": (
        "气象科普：云的分类",
        "积雨云常产生雷暴、阵雨，是强对流天气的“制造者”。Cumulonimbus 英文名。",
        "#气象科普#",
        Tier.GENERAL,
        ("weibo", "wechat"),
    ),
    "school": (
        "气象科普进校园",
        "市气象局科普志愿者走进市第一实验小学，讲解天气预报的制作过程。",
        "#走进气象#",
        Tier.GENERAL,
        ("website",),
    ),
    "case": (
        "依法查处一起违规施放气球案件",
        "市气象局依法查处一起违规施放气球的案件，作出行政处罚决定。",
        "#依法行政#",
        Tier.SENSITIVE,
        ("website", "weibo"),
    ),
    "quote": (
        'Title with "quotes" AND * stars',
        '正文里有 50% 折扣_下划线 和 a"b 这样的字符。',
        "#其他#",
        Tier.GENERAL,
        ("wechat",),
    ),
}


@pytest.fixture
def desk(ctx: AppContext, admin: Principal, fixed_clock: FixedClock) -> Desk:
    unit = ctx.directory.create_unit(admin, "气象科技服务中心", admin.unit_id).id
    clerk = make_staff(ctx, admin, "clerk", {Role.CLERK}, unit, name="张晓")[1]
    head = make_staff(ctx, admin, "head", {Role.RESPONSIBLE}, unit, name="钱芳")[1]
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(admin)}

    def account(platform: str, name: str) -> int:
        draft = AccountDraft(
            platform_id=platforms[platform],
            name=name,
            unit_id=unit,
            administrator_id=clerk.staff_id,
            responsible_id=head.staff_id,
            handle=name,
            purpose="发布天气预报和预警",
        )
        return ctx.accounts.register_existing(admin, draft, "已开设").id

    ids = {
        "weibo": account("微博", "江城气象"),
        "wechat": account("微信公众号", "江城气象"),
        "website": account("网站", "江城市气象局"),
    }
    posts: dict[str, PostRecord] = {}
    for key, (title, body, column, tier, targets) in BODIES.items():
        fixed_clock.advance(minutes=10)
        content = PostContent(
            title,
            body,
            column,
            "预报类",
            tier,
            PostKind.ORIGINAL,
            tuple(ids[t] for t in targets),
        )
        posts[key] = ctx.posts.create(
            clerk, content, planned_at=ctx.clock.now() + timedelta(days=1)
        )
    # The hail warning is submitted and signed by the head; the school visit cancelled.
    hail = posts["hail"]
    hail = ctx.posts.submit(clerk, hail.id, expected_version=hail.version)
    fixed_clock.advance(minutes=5)
    hail = ctx.posts.sign(
        head,
        hail.id,
        Decision.AGREE,
        "同意",
        revision=hail.round_revision or 0,
        password=STAFF_PASSWORD,
    )
    posts["hail"] = hail
    fixed_clock.advance(minutes=5)
    school = posts["school"]
    posts["school"] = ctx.posts.cancel(
        clerk, school.id, "活动取消", expected_version=school.version
    )
    return Desk(clerk, head, ids["weibo"], ids["wechat"], ids["website"], posts)


def ids_of(ctx: AppContext, desk: Desk, filters: PostFilters) -> list[int]:
    page = ctx.post_list.page(desk.clerk, filters, limit=1000)
    assert page.next is None
    return [row.id for row in page.rows]


def keys_of(ctx: AppContext, desk: Desk, filters: PostFilters) -> set[str]:
    by_id = {post.id: key for key, post in desk.posts.items()}
    found = ids_of(ctx, desk, filters)
    assert ctx.post_list.count(desk.clerk, filters) == len(found)
    return {by_id[i] for i in found}


def test_paging_is_stable_across_pages(ctx: AppContext, desk: Desk) -> None:
    every = [p.id for p in sorted(desk.posts.values(), key=lambda p: p.id, reverse=True)]
    seen: list[int] = []
    cursor: PostCursor | None = None
    pages = 0
    while True:
        page = ctx.post_list.page(desk.clerk, PostFilters(), cursor, limit=4)
        seen.extend(row.id for row in page.rows)
        pages += 1
        if page.next is None:
            break
        cursor = page.next
        # A post written between two pages neither repeats nor hides one.
        if pages == 1:
            extra = ctx.posts.create(
                desk.clerk,
                PostContent("新稿", "新写的稿件正文。", "", "预报类", Tier.GENERAL,
                            PostKind.ORIGINAL, (desk.weibo,)),
            )  # fmt: skip
    assert seen == every and pages == 2
    assert ctx.post_list.page(desk.clerk, PostFilters(), limit=1).rows[0].id == extra.id


def test_rows_carry_what_the_list_shows(ctx: AppContext, desk: Desk) -> None:
    rows = {r.id: r for r in ctx.post_list.page(desk.clerk, PostFilters()).rows}
    hail = rows[desk.posts["hail"].id]
    assert (hail.status, hail.tier, hail.title, hail.column) == (
        PostStatus.IN_APPROVAL,
        Tier.IMPORTANT,
        "强对流天气提示",
        "#预警发布#",
    )
    assert hail.accounts == "江城气象（微博）"
    assert hail.drafter == "张晓"
    assert hail.planned_at == desk.posts["hail"].planned_at
    case = rows[desk.posts["case"].id]
    assert case.accounts == "江城气象（微博）、江城市气象局（网站）"


def test_each_filter(ctx: AppContext, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    everything = set(desk.posts)
    assert keys_of(ctx, desk, PostFilters()) == everything
    one = frozenset({PostStatus.IN_APPROVAL})
    assert keys_of(ctx, desk, PostFilters(statuses=one)) == {"hail"}
    two = frozenset({PostStatus.IN_APPROVAL, PostStatus.CANCELLED})
    assert keys_of(ctx, desk, PostFilters(statuses=two)) == {"hail", "school"}
    assert keys_of(ctx, desk, PostFilters(tier=Tier.SENSITIVE)) == {"case"}
    assert keys_of(ctx, desk, PostFilters(column="#气象科普#")) == {"science"}
    website = {"school", "case"}
    assert keys_of(ctx, desk, PostFilters(account_id=desk.website)) == website
    # An account with many posts is checked post by post instead; same answer.
    monkeypatch.setattr(post_queries, "FEW_TARGETS", 1)
    assert keys_of(ctx, desk, PostFilters(account_id=desk.website)) == website
    weibo = {"forecast", "hail", "science", "case"}
    assert keys_of(ctx, desk, PostFilters(account_id=desk.weibo)) == weibo
    combined = PostFilters(account_id=desk.weibo, tier=Tier.GENERAL, text="天气")
    assert keys_of(ctx, desk, combined) == {"forecast", "science"}


def test_date_ranges(ctx: AppContext, desk: Desk) -> None:
    hail = desk.posts["hail"]
    assert hail.planned_at is not None
    planned = PostFilters(
        date_field=DateField.PLANNED,
        date_from=hail.planned_at,
        date_to=hail.planned_at + timedelta(minutes=1),
    )
    assert keys_of(ctx, desk, planned) == {"hail"}
    # Changed since the hail warning was signed: the sign-off and the cancellation.
    changed = PostFilters(date_field=DateField.UPDATED, date_from=hail.updated_at)
    assert keys_of(ctx, desk, changed) == {"hail", "school"}
    before = PostFilters(date_field=DateField.UPDATED, date_to=desk.posts["hail"].created_at)
    assert keys_of(ctx, desk, before) == {"forecast"}


def test_search_of_three_or_more_characters(ctx: AppContext, desk: Desk) -> None:
    assert keys_of(ctx, desk, PostFilters(text="施放气球")) == {"case"}
    assert keys_of(ctx, desk, PostFilters(text="强对流")) == {"hail", "science"}
    assert keys_of(ctx, desk, PostFilters(text="科普 强对流")) == {"science"}  # both words
    assert keys_of(ctx, desk, PostFilters(text="cumulonimbus")) == {"science"}  # any case
    assert keys_of(ctx, desk, PostFilters(text="没有这个词")) == set()
    assert (
        not ctx.post_list.scans(PostFilters(text="施放气球"))
        or ctx.db.url.get_backend_name() != "sqlite"
    )


def test_search_text_is_never_fts_syntax(ctx: AppContext, desk: Desk) -> None:
    assert keys_of(ctx, desk, PostFilters(text='"quotes"')) == {"quote"}
    assert keys_of(ctx, desk, PostFilters(text="AND")) == {"quote"}
    assert keys_of(ctx, desk, PostFilters(text="50%")) == {"quote"}  # LIKE wildcard, literal
    assert keys_of(ctx, desk, PostFilters(text="折扣_下")) == {"quote"}
    assert keys_of(ctx, desk, PostFilters(text='a"b')) == {"quote"}
    assert keys_of(ctx, desk, PostFilters(text="* stars")) == {"quote"}
    assert keys_of(ctx, desk, PostFilters(text="NEAR(")) == set()


def test_two_character_chinese_word_is_found_by_the_scan(ctx: AppContext, desk: Desk) -> None:
    """The trigram trap: the index finds nothing for 冰雹; the search still does."""
    assert ctx.post_list.scans(PostFilters(text="冰雹"))
    assert keys_of(ctx, desk, PostFilters(text="冰雹")) == {"hail"}
    assert keys_of(ctx, desk, PostFilters(text="天气")) == {"forecast", "hail", "science", "school"}
    assert keys_of(ctx, desk, PostFilters(text="雷")) == {"hail", "science"}
    assert keys_of(ctx, desk, PostFilters(text="冰雹 东山县")) == {"hail"}  # short and long
    assert keys_of(ctx, desk, PostFilters(text="案件 查处")) == {"case"}  # in the title


@pytest.mark.sqlite_only
def test_the_trigram_index_alone_misses_short_words(ctx: AppContext, desk: Desk) -> None:
    with ctx.db.read() as s:
        match = "SELECT rowid FROM post_fts WHERE post_fts MATCH :q"
        like = "SELECT rowid FROM post_fts WHERE body LIKE :q"
        assert s.execute(text(match), {"q": fts_phrase("冰雹")}).all() == []
        assert s.execute(text(like), {"q": "%冰雹%"}).all() == []
        assert s.execute(text(match), {"q": fts_phrase("冰雹和")}).scalars().all() == [
            desk.posts["hail"].id
        ]


def test_search_follows_edits(ctx: AppContext, desk: Desk) -> None:
    forecast = desk.posts["forecast"]
    ctx.posts.save(
        desk.clerk,
        forecast.id,
        dataclasses.replace(forecast.content, body="#江城天气# 明天晴，有霜冻，注意防寒。"),
        planned_at=forecast.planned_at,
        expected_version=forecast.version,
    )
    assert keys_of(ctx, desk, PostFilters(text="有霜冻")) == {"forecast"}
    assert keys_of(ctx, desk, PostFilters(text="霜冻")) == {"forecast"}
    assert keys_of(ctx, desk, PostFilters(text="夜里有小雨")) == set()


def test_search_pages_too(ctx: AppContext, desk: Desk) -> None:
    for text_ in ("天气", "天气预报制作 科普", "江城天气"):
        filters = PostFilters(text=text_)
        whole = ids_of(ctx, desk, filters)
        seen: list[int] = []
        cursor: PostCursor | None = None
        while True:
            page = ctx.post_list.page(desk.clerk, filters, cursor, limit=1)
            seen.extend(r.id for r in page.rows)
            if page.next is None:
                break
            cursor = page.next
        assert seen == whole


def test_columns_for_the_filter(ctx: AppContext, desk: Desk) -> None:
    assert ctx.post_list.columns(desk.clerk) == sorted(
        {"#江城天气#", "#预警发布#", "#气象科普#", "#走进气象#", "#依法行政#", "#其他#"}
    )


def test_the_list_needs_a_sign_in(ctx: AppContext, desk: Desk) -> None:
    with pytest.raises(NotSignedInError):
        ctx.post_list.page(None, PostFilters())  # type: ignore[arg-type]
    with pytest.raises(NotSignedInError):
        ctx.post_list.count(None, PostFilters())  # type: ignore[arg-type]


def test_search_terms() -> None:
    assert search_terms("  冰雹  大风\t冰雹\n") == ("冰雹", "大风")
    assert search_terms("a\x00b") == ("ab",)
    assert len(search_terms(" ".join(str(i) for i in range(20)))) == post_queries.MAX_TERMS
    assert fts_phrase('a"b') == '"a""b"'


def test_a_cancelled_search_stops(ctx: AppContext, desk: Desk) -> None:
    cancel = SearchCancel()
    cancel.cancel()
    with pytest.raises(SearchCancelledError):
        ctx.post_list.page(desk.clerk, PostFilters(text="冰雹"), cancel=cancel)


@pytest.mark.sqlite_only
def test_cancel_interrupts_a_running_scan(
    ctx: AppContext, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newer search interrupts the statement of the old one instead of waiting for it."""
    cancel = SearchCancel()
    started = threading.Event()

    def endless(s: object, *args: object) -> object:
        started.set()
        forever = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        return s.execute(text(forever + "SELECT count(*) FROM n")).all()  # type: ignore[attr-defined]

    def stop() -> None:
        if started.wait(5):
            cancel.cancel()

    monkeypatch.setattr(post_queries, "fetch_page", endless)
    threading.Thread(target=stop, daemon=True).start()
    with pytest.raises(SearchCancelledError):
        ctx.post_list.page(desk.clerk, PostFilters(text="冰雹"), cancel=cancel)


@pytest.mark.sqlite_only
def test_a_cancel_just_before_the_statement_is_not_lost(
    ctx: AppContext, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's interrupt does nothing between statements; the progress handler still stops."""
    cancel = SearchCancel()

    def endless(conn: object, *args: object) -> object:
        cancel.cancel()  # no statement is running: the interrupt itself is lost
        forever = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        return conn.execute(text(forever + "SELECT count(*) FROM n")).all()  # type: ignore[attr-defined]

    monkeypatch.setattr(post_queries, "fetch_page", endless)
    with pytest.raises(SearchCancelledError):
        ctx.post_list.page(desk.clerk, PostFilters(text="冰雹"), cancel=cancel)
