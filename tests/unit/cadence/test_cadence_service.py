"""The cadence service: rules with flagged text, compliance, silence, slots, deadlines.

Compliance is checked against publications computed by hand, in Beijing office dates.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import event, func, select

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountDraft, Decision
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.compliance import Silence
from newmedia_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from newmedia_desk.domain.posts import PostContent, PostKind, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.settings import SILENCE_YELLOW_DAYS, SLOT_TOLERANCE_MINUTES
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.cadence import (
    AccountCompliance,
    ItemKind,
    SlotState,
    Target,
    rules_from_json,
    rules_to_json,
)
from newmedia_desk.storage.models import AuditRow
from newmedia_desk.storage.post_models import Publication
from tests.conftest import STAFF_PASSWORD, make_staff

pytestmark = pytest.mark.all_backends

CST = timezone(timedelta(hours=8))


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """A Beijing wall-clock time, as UTC (how the database hands it back)."""
    return datetime(y, mo, d, h, mi, tzinfo=CST).astimezone(UTC)


@dataclasses.dataclass
class Office:
    ctx: AppContext
    clock: FixedClock
    admin: Principal
    clerk: Principal
    other_clerk: Principal
    head: Principal
    weibo: int
    wechat: int
    county: int

    def publish(
        self, account: int, when: datetime, *, column: str = "", removed: bool = False
    ) -> None:
        with self.ctx.db.write() as s:
            s.add(
                Publication(
                    post_id=None,
                    account_id=account,
                    published_at=when,
                    title=f"发布{when.isoformat()}",
                    column=column,
                    imported=True,
                    recorded_at=when,
                    recorded_by=self.admin.staff_id,
                    removed_at=when + timedelta(hours=1) if removed else None,
                    removal_kind="withdrawn" if removed else None,
                )
            )

    def move_to(self, when: datetime) -> None:
        self.clock.advance(seconds=(when - self.clock.now()).total_seconds())

    def content(self, **changes: Any) -> PostContent:
        values: dict[str, Any] = {
            "title": "明日天气",
            "body": "#江城天气# 明天多云转晴，最高气温18度，最低气温9度。",
            "column": "#江城天气#",
            "category": "预报类",
            "tier": Tier.GENERAL,
            "kind": PostKind.ORIGINAL,
            "account_ids": (self.weibo,),
        }
        values.update(changes)
        return PostContent(**values)


@pytest.fixture
def office(ctx: AppContext, admin: Principal, fixed_clock: FixedClock) -> Office:
    service = ctx.directory.create_unit(admin, "气象科技服务中心", admin.unit_id).id
    county = ctx.directory.create_unit(admin, "东山县气象局", admin.unit_id).id
    clerk = make_staff(ctx, admin, "clerk", {Role.CLERK}, service, name="张晓")[1]
    other = make_staff(ctx, admin, "other", {Role.CLERK}, county, name="陈东")[1]
    head = make_staff(ctx, admin, "head", {Role.RESPONSIBLE}, service, name="钱芳")[1]
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(admin)}

    def account(platform: str, name: str, unit: int, cadence: str) -> int:
        draft = AccountDraft(
            platform_id=platforms[platform],
            name=name,
            unit_id=unit,
            administrator_id=clerk.staff_id,
            responsible_id=head.staff_id,
            purpose="发布天气预报和预警",
            cadence_text=cadence,
        )
        return ctx.accounts.register_existing(admin, draft, "已开设").id

    return Office(
        ctx=ctx,
        clock=fixed_clock,
        admin=admin,
        clerk=clerk,
        other_clerk=other,
        head=head,
        weibo=account(
            "微博", "江城气象", service, "每天07:30和17:00左右发布天气预报；按领导要求安排"
        ),
        wechat=account("微信公众号", "江城气象", service, "每周至少1次"),
        county=account("微博", "东山气象", county, ""),
    )


def audit_actions(ctx: AppContext) -> list[str]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditRow.action).order_by(AuditRow.seq)))


# -- rules ---------------------------------------------------------------------------------


def test_rules_keep_the_flagged_text_and_are_audited(office: Office) -> None:
    ctx = office.ctx
    rule = ctx.cadence.add_rule(
        office.clerk, "每天07:30和17:00发布预报；按领导要求安排", account_id=office.weibo
    )
    assert rule.flagged and rule.unparsed == ("按领导要求安排",)
    assert [r.times for r in rule.rules] == [(rule.rules[0].times)]
    assert [t.strftime("%H:%M") for t in rule.rules[0].times] == ["07:30", "17:00"]
    assert (rule.name, rule.platform, rule.account_id, rule.column) == (
        "江城气象",
        "微博",
        office.weibo,
        None,
    )
    changed = ctx.cadence.update_rule(
        office.clerk, rule.id, "每天07:30和17:00发布预报", expected_version=rule.version
    )
    assert not changed.flagged and changed.version == rule.version + 1
    with pytest.raises(ConflictError):
        ctx.cadence.update_rule(office.clerk, rule.id, "每周至少1次", expected_version=rule.version)
    paused = ctx.cadence.update_rule(
        office.clerk, rule.id, changed.text, active=False, expected_version=changed.version
    )
    assert not paused.active
    ctx.cadence.delete_rule(office.clerk, rule.id, expected_version=paused.version)
    assert ctx.cadence.list_rules(office.clerk) == []
    assert [a for a in audit_actions(ctx) if a.startswith("cadence_rule")] == [
        "cadence_rule_added",
        "cadence_rule_changed",
        "cadence_rule_changed",
        "cadence_rule_deleted",
    ]


def test_who_may_change_rules(office: Office) -> None:
    ctx = office.ctx
    with pytest.raises(PermissionDeniedError):  # another unit's account
        ctx.cadence.add_rule(office.other_clerk, "每周至少1次", account_id=office.weibo)
    with pytest.raises(PermissionDeniedError):  # columns are the administrator's
        ctx.cadence.add_rule(office.clerk, "每周至少1次", column="#江城天气#")
    column = ctx.cadence.add_rule(office.admin, "每天至少1条", column=" #江城天气# ")
    assert (column.column, column.name, column.account_id) == ("#江城天气#", "#江城天气#", None)
    with pytest.raises(PermissionDeniedError):
        ctx.cadence.delete_rule(office.clerk, column.id, expected_version=column.version)
    with pytest.raises(ValidationError, match="already"):
        ctx.cadence.add_rule(office.admin, "每天至少1条", column="#江城天气#")
    with pytest.raises(ValidationError, match="account or a column"):
        ctx.cadence.add_rule(office.admin, "每天至少1条")
    with pytest.raises(ValidationError):
        ctx.cadence.add_rule(office.admin, "   ", account_id=office.weibo)


def test_rules_from_the_account_ledger_text(office: Office) -> None:
    ctx = office.ctx
    rule = ctx.cadence.rules_from_account_text(office.clerk, office.weibo)
    assert rule.text == "每天07:30和17:00左右发布天气预报；按领导要求安排"
    assert rule.unparsed == ("按领导要求安排",)
    again = ctx.cadence.rules_from_account_text(office.clerk, office.weibo)
    assert again.id == rule.id  # nothing new
    with pytest.raises(ValidationError, match="no update requirement"):
        ctx.cadence.rules_from_account_text(office.admin, office.county)
    created = ctx.cadence.rules_from_account_texts(office.admin)
    assert [(r.account_id, r.text) for r in created] == [(office.wechat, "每周至少1次")]
    assert ctx.cadence.rules_from_account_texts(office.admin) == []


def test_rules_json_round_trip() -> None:
    from newmedia_desk.domain.cadence import parse_cadence

    text = (
        "每天07:30和17:00左右发布，有条件的最好10:30再发一次；工作日每日发布至少3条,最多5-10条；"
        "推荐时段09:00-09:30、17:30-18:00、20:00以后；每周五提交下一周的发布内容；14天内至少更新一次"
    )
    rules = parse_cadence(text).rules
    assert rules_from_json(rules_to_json(rules)) == rules
    assert rules_from_json("not json") == ()


# -- compliance ----------------------------------------------------------------------------


def by_name(rows: list[AccountCompliance], name: str, platform: str = "") -> AccountCompliance:
    return next(r for r in rows if r.name == name and (not platform or r.platform == platform))


def test_weekly_compliance_over_a_month_in_beijing_dates(office: Office) -> None:
    ctx = office.ctx
    ctx.cadence.add_rule(office.clerk, "每周至少1次", account_id=office.wechat)
    # March 2026: Mon 2 … Sun 29 are four whole weeks; 1 and 30–31 are partial weeks.
    office.publish(office.wechat, at(2026, 3, 1, 12))  # Sunday: a partial week, not judged
    office.publish(office.wechat, at(2026, 3, 8, 23, 30))  # Sunday night: week of the 2nd
    office.publish(office.wechat, at(2026, 3, 16, 0, 30))  # Monday 00:30 = Sunday 16:30 UTC
    office.publish(office.wechat, at(2026, 3, 25, 9), removed=True)  # withdrawn: not counted
    office.publish(office.wechat, at(2026, 3, 31, 23, 30))  # still March in Beijing
    office.publish(office.wechat, at(2026, 4, 1, 0, 10))  # April in Beijing, March 31 in UTC
    office.move_to(at(2026, 4, 2, 10))
    rows = ctx.cadence.compliance(office.clerk, date(2026, 3, 1), date(2026, 3, 31))
    wechat = by_name(rows, "江城气象", "微信公众号")
    assert (wechat.expected, wechat.published) == (4, 4)
    assert [m.day for m in wechat.misses] == [date(2026, 3, 9), date(2026, 3, 23)]
    # Days without a post: 2–7, 9–15, 17–30 → the longest run is 17–30 (14 days).
    assert wechat.longest_gap_days == 14
    assert wechat.days_since_last == 1  # the 00:10 post of 1 April, as of 2 April
    assert wechat.silence is Silence.OK
    assert wechat.rule_texts == ("每周至少1次",) and not wechat.flagged
    # April alone: only the 00:10 post; the week of 30 March is not whole in the range.
    april = by_name(
        ctx.cadence.compliance(None, date(2026, 4, 1), date(2026, 4, 30)), "江城气象", "微信公众号"
    )
    assert (april.published, april.expected, april.misses) == (1, 0, ())


def test_fixed_times_use_the_tolerance_setting(office: Office) -> None:
    ctx = office.ctx
    ctx.cadence.add_rule(office.clerk, "每天07:30和17:00发布天气预报", account_id=office.weibo)
    office.publish(office.weibo, at(2026, 3, 2, 7, 40))
    office.publish(office.weibo, at(2026, 3, 2, 17, 45))  # 45 min late
    office.publish(office.weibo, at(2026, 3, 3, 7, 25))
    office.move_to(at(2026, 3, 3, 12))
    rows = ctx.cadence.compliance(office.clerk, date(2026, 3, 2), date(2026, 3, 3))
    weibo = by_name(rows, "江城气象", "微博")
    assert (weibo.expected, weibo.on_time, weibo.missed) == (3, 2, 1)
    assert [(m.day, m.wanted) for m in weibo.misses] == [(date(2026, 3, 2), "17:00")]
    ctx.settings.set(office.admin, SLOT_TOLERANCE_MINUTES.key, 60)
    weibo = by_name(
        ctx.cadence.compliance(None, date(2026, 3, 2), date(2026, 3, 3)), "江城气象", "微博"
    )
    assert (weibo.expected, weibo.on_time, weibo.missed) == (3, 3, 0)


def test_column_rules_count_the_column_on_every_account(office: Office) -> None:
    ctx = office.ctx
    ctx.cadence.add_rule(office.admin, "每天至少1条", column="#江城天气#")
    office.publish(office.weibo, at(2026, 3, 2, 8), column="#江城天气#")
    office.publish(office.wechat, at(2026, 3, 3, 8), column="#江城天气#")
    office.publish(office.wechat, at(2026, 3, 4, 8), column="#气象科普#")
    office.move_to(at(2026, 3, 5, 10))
    rows = ctx.cadence.compliance(None, date(2026, 3, 2), date(2026, 3, 4))
    column = next(r for r in rows if r.target is Target.COLUMN)
    assert (column.name, column.published, column.expected) == ("#江城天气#", 2, 3)
    assert [m.day for m in column.misses] == [date(2026, 3, 4)]
    assert column.days_since_last == 2


def test_silence_yellow_reminders_and_red(office: Office) -> None:
    ctx = office.ctx
    office.publish(office.weibo, at(2026, 3, 2, 8))
    office.publish(office.wechat, at(2026, 2, 20, 8))  # 13 days before 5 March
    office.move_to(at(2026, 3, 10, 9))  # weibo 8 days, wechat 18 days, county never
    silent = ctx.cadence.silent_accounts(office.clerk)
    assert [(a.name, a.platform, a.days_since_last, a.silence) for a in silent] == [
        ("东山气象", "微博", None, Silence.RED),
        ("江城气象", "微信公众号", 18, Silence.RED),
        ("江城气象", "微博", 8, Silence.YELLOW),
    ]
    office.move_to(at(2026, 3, 12, 9))
    weibo = next(
        a for a in ctx.cadence.silent_accounts(None) if a.platform == "微博" and a.days_since_last
    )
    assert (weibo.days_since_last, weibo.silence, weibo.warning) == (10, Silence.YELLOW, 10)
    office.move_to(at(2026, 3, 14, 23, 59))
    weibo = next(
        a for a in ctx.cadence.silent_accounts(None) if a.platform == "微博" and a.days_since_last
    )
    assert (weibo.days_since_last, weibo.warning) == (12, 12)
    office.move_to(at(2026, 3, 16, 0, 1))  # 14 office days
    weibo = next(
        a for a in ctx.cadence.silent_accounts(None) if a.platform == "微博" and a.days_since_last
    )
    assert (weibo.days_since_last, weibo.silence, weibo.warning) == (14, Silence.RED, None)
    # The yellow threshold is a setting.
    office.move_to(at(2026, 3, 7, 9))
    assert not [a for a in ctx.cadence.silent_accounts(None) if a.account_id == office.weibo]
    ctx.settings.set(office.admin, SILENCE_YELLOW_DAYS.key, 5)
    assert [
        a.silence for a in ctx.cadence.silent_accounts(None) if a.account_id == office.weibo
    ] == [Silence.YELLOW]


def test_compliance_runs_a_fixed_number_of_queries(office: Office) -> None:
    ctx = office.ctx
    ctx.cadence.add_rule(office.clerk, "每天07:30和17:00发布天气预报", account_id=office.weibo)
    ctx.cadence.add_rule(office.admin, "每天至少1条", column="#江城天气#")
    for day in range(1, 29):
        office.publish(office.weibo, at(2026, 2, day, 7, 31), column="#江城天气#")
    office.move_to(at(2026, 3, 3, 9))

    @contextmanager
    def counted() -> Iterator[list[str]]:
        statements: list[str] = []

        def record(*args: Any) -> None:
            statements.append(str(args[2]))

        engine = ctx.db.engine
        event.listen(engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", record)

    with counted() as week:
        ctx.cadence.compliance(None, date(2026, 2, 23), date(2026, 3, 1))
    with counted() as quarter:
        ctx.cadence.compliance(None, date(2025, 12, 1), date(2026, 2, 28))
    selects = [s for s in quarter if s.lstrip().upper().startswith("SELECT")]
    # Settings (2), accounts, rules, the period's publications counted per account and day
    # and per column and day, the times near the fixed times, the latest after it per
    # account and per column, and the last one before it of the two accounts that have
    # none in it: the same for a week as for a quarter.
    assert len(week) == len(quarter) and len(selects) <= 11


# -- slots, deadlines, calendar ------------------------------------------------------------


def approved_post(office: Office, planned: datetime, **changes: Any) -> int:
    ctx = office.ctx
    post = ctx.posts.create(office.clerk, office.content(**changes), planned_at=planned)
    post = ctx.posts.submit(office.clerk, post.id, expected_version=post.version)
    post = ctx.posts.sign(
        office.head,
        post.id,
        Decision.AGREE,
        "同意",
        revision=post.round_revision or 0,
        password=STAFF_PASSWORD,
    )
    return post.id


def test_due_today_shows_what_covers_each_slot(office: Office) -> None:
    ctx = office.ctx
    ctx.cadence.add_rule(
        office.clerk, "每天07:30和17:00发布，有条件的最好10:30再发一次", account_id=office.weibo
    )
    office.publish(office.weibo, at(2026, 3, 2, 7, 35))
    evening = approved_post(office, at(2026, 3, 2, 17, 10))
    # 09:00 on Monday 2 March (the fixture's clock).
    slots = ctx.cadence.due_today(office.clerk)
    assert [(s.at.strftime("%H:%M"), s.optional, s.state) for s in slots] == [
        ("07:30", False, SlotState.PUBLISHED),
        ("10:30", True, SlotState.OPEN),
        ("17:00", False, SlotState.APPROVED),
    ]
    assert slots[2].post_id == evening and slots[2].title == "明日天气"
    assert all(s.target is Target.ACCOUNT and s.name == "江城气象" for s in slots)
    office.move_to(at(2026, 3, 2, 11, 1))
    assert ctx.cadence.due_today(None)[1].state is SlotState.MISSED
    draft = ctx.posts.create(
        office.clerk, office.content(title="明日天气（早）"), planned_at=at(2026, 3, 3, 7, 30)
    )
    office.move_to(at(2026, 3, 3, 6))
    tuesday = ctx.cadence.due_today(None)
    assert (tuesday[0].state, tuesday[0].post_id) == (SlotState.PLANNED, draft.id)
    assert tuesday[0].day == date(2026, 3, 3)


def test_delivery_deadline_is_covered_by_a_planned_week(office: Office) -> None:
    ctx = office.ctx
    ctx.cadence.add_rule(
        office.admin,
        "每周五提交下一周整周(周一至周日)的发布内容(图片),每天至少一条内容",
        column="#气象科普#",
    )
    # Monday 2 March: due Friday 6 March for the week 9–15 March.
    [due] = ctx.cadence.upcoming_deliveries(office.clerk)
    assert (due.due_on, due.week_start, due.week_end) == (
        date(2026, 3, 6),
        date(2026, 3, 9),
        date(2026, 3, 15),
    )
    assert not due.covered and not due.late and len(due.missing_days) == 7
    for day in range(9, 15):  # Monday to Saturday
        ctx.posts.create(
            office.clerk,
            office.content(title=f"科普{day}", column="#气象科普#"),
            planned_at=at(2026, 3, day, 20),
        )
    [due] = ctx.cadence.upcoming_deliveries(None)
    assert due.missing_days == (date(2026, 3, 15),)
    office.move_to(at(2026, 3, 7, 9))  # Saturday: late
    [due] = ctx.cadence.upcoming_deliveries(None)
    assert due.late and due.due_on == date(2026, 3, 6)
    ctx.posts.create(
        office.clerk,
        office.content(title="科普15", column="#气象科普#"),
        planned_at=at(2026, 3, 15, 23, 30),  # Sunday night, Beijing time
    )
    [due] = ctx.cadence.upcoming_deliveries(None)  # covered: next Friday's now
    assert (due.due_on, due.covered, due.late) == (date(2026, 3, 13), False, False)
    deadlines = ctx.cadence.deliveries(None, date(2026, 3, 1), date(2026, 3, 31))
    assert [(d.due_on.day, d.covered) for d in deadlines] == [
        (6, True),
        (13, False),
        (20, False),
        (27, False),
    ]


def test_calendar_lists_planned_approved_and_published_posts(office: Office) -> None:
    ctx = office.ctx
    ctx.cadence.add_rule(office.clerk, "每天07:30发布天气预报", account_id=office.weibo)
    draft = ctx.posts.create(
        office.clerk, office.content(title="草稿"), planned_at=at(2026, 3, 4, 9)
    )
    approved = approved_post(office, at(2026, 3, 5, 17))
    office.publish(office.weibo, at(2026, 3, 2, 7, 30))
    unplanned = ctx.posts.create(office.clerk, office.content(title="未安排"), planned_at=None)
    data = ctx.cadence.calendar(office.clerk, date(2026, 3, 2), date(2026, 3, 8))
    assert [(i.kind, i.title) for i in data.items] == [
        (ItemKind.PUBLISHED, "发布" + at(2026, 3, 2, 7, 30).isoformat()),
        (ItemKind.PLANNED, "草稿"),
        (ItemKind.APPROVED, "明日天气"),
    ]
    assert data.items[1].post_id == draft.id and data.items[1].movable
    assert data.items[2].post_id == approved and data.items[2].accounts == ("江城气象",)
    assert not data.items[0].movable
    assert [s.state for s in data.slots][:2] == [SlotState.PUBLISHED, SlotState.OPEN]
    assert len(data.slots) == 7
    assert [p.post_id for p in ctx.cadence.unplanned_drafts(office.clerk)] == [unplanned.id]
    assert ctx.cadence.unplanned_drafts(office.other_clerk) == []  # another unit's drafts
    only_wechat = ctx.cadence.calendar(
        None, date(2026, 3, 2), date(2026, 3, 8), account_id=office.wechat
    )
    assert only_wechat.items == () and only_wechat.slots == ()
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Publication)) == 1


# -- effective-from dates, and the aggregated reading --------------------------------------


def test_effective_from_defaults_to_today_and_is_audited(office: Office) -> None:
    ctx = office.ctx
    rule = ctx.cadence.add_rule(office.clerk, "每周至少1次", account_id=office.wechat)
    assert rule.effective_from == date(2026, 3, 2)  # the clock's office date
    kept = ctx.cadence.add_rule(
        office.clerk, "每天至少1条", account_id=office.wechat, effective_from=date(2025, 1, 6)
    )
    assert kept.effective_from == date(2025, 1, 6)  # a long-standing rule, back-dated
    later = ctx.cadence.update_rule(
        office.clerk,
        rule.id,
        "每周至少2次",
        effective_from=date(2026, 4, 1),  # a future date is allowed
        expected_version=rule.version,
    )
    assert (later.text, later.effective_from) == ("每周至少2次", date(2026, 4, 1))
    same = ctx.cadence.update_rule(
        office.clerk, rule.id, "每周至少3次", expected_version=later.version
    )
    assert same.effective_from == date(2026, 4, 1)  # not given: kept
    with ctx.db.read() as s:
        changed = s.scalars(
            select(AuditRow).where(AuditRow.action == "cadence_rule_changed").order_by(AuditRow.seq)
        ).first()
        assert changed is not None
        assert changed.before is not None and changed.after is not None
        assert "2026-03-02" in changed.before and "2026-04-01" in changed.after


def test_a_rule_judges_nothing_before_its_effective_date(office: Office) -> None:
    ctx = office.ctx
    rule = ctx.cadence.add_rule(
        office.clerk, "每天07:30和17:00发布天气预报", account_id=office.weibo
    )
    office.move_to(at(2026, 3, 12, 9))
    # Taken effect on 2 March: February is not judged, 2–11 March are (20 slots missed).
    february = by_name(
        ctx.cadence.compliance(None, date(2026, 2, 1), date(2026, 2, 28)), "江城气象", "微博"
    )
    assert (february.expected, february.missed) == (0, 0)
    march = by_name(
        ctx.cadence.compliance(None, date(2026, 2, 23), date(2026, 3, 11)), "江城气象", "微博"
    )
    assert (march.expected, march.missed) == (20, 20)
    assert march.misses[0].day == date(2026, 3, 2)
    # The office says the rule has been kept since 1 February.
    ctx.cadence.update_rule(
        office.clerk,
        rule.id,
        rule.text,
        effective_from=date(2026, 2, 1),
        expected_version=rule.version,
    )
    february = by_name(
        ctx.cadence.compliance(None, date(2026, 2, 1), date(2026, 2, 28)), "江城气象", "微博"
    )
    assert (february.expected, february.missed) == (56, 56)


def test_slots_and_deadlines_begin_on_the_effective_date(office: Office) -> None:
    ctx = office.ctx
    ctx.cadence.add_rule(
        office.clerk,
        "每天07:30和17:00发布天气预报",
        account_id=office.weibo,
        effective_from=date(2026, 3, 4),
    )
    ctx.cadence.add_rule(
        office.clerk, "每天07:30发布，有条件的最好10:30再发一次", account_id=office.weibo
    )
    slots = ctx.cadence.slots(None, date(2026, 3, 2), date(2026, 3, 4))
    # 2 and 3 March: only the second rule (07:30, 10:30 optional); from the 4th 17:00 too.
    assert [(s.day.day, s.at.strftime("%H:%M"), s.optional) for s in slots] == [
        (2, "07:30", False),
        (2, "10:30", True),
        (3, "07:30", False),
        (3, "10:30", True),
        (4, "07:30", False),
        (4, "10:30", True),
        (4, "17:00", False),
    ]
    ctx.cadence.add_rule(
        office.admin,
        "每周五提交下一周整周(周一至周日)的发布内容(图片),每天至少一条内容",
        column="#气象科普#",
        effective_from=date(2026, 3, 10),
    )
    deadlines = ctx.cadence.deliveries(None, date(2026, 3, 1), date(2026, 3, 31))
    assert [d.due_on.day for d in deadlines] == [13, 20, 27]  # not Friday the 6th
    [due] = ctx.cadence.upcoming_deliveries(None)
    assert (due.due_on, due.late) == (date(2026, 3, 13), False)
    office.move_to(at(2026, 3, 7, 9))  # the 6th is past, but it was never due
    [due] = ctx.cadence.upcoming_deliveries(None)
    assert (due.due_on, due.late) == (date(2026, 3, 13), False)


def _sample(office: Office) -> None:
    """Publications over 1 January – 20 March 2026 on three accounts and three columns.

    Random times, and times on the edges: Beijing midnight, a slot's tolerance to the
    second, withdrawn publications, one recorded later than now.
    """
    import random

    rng = random.Random(20260320)
    start = datetime(2026, 1, 1, tzinfo=CST)
    columns = ["#江城天气#", "#气象科普#", ""]
    rows: list[tuple[int, datetime, str, bool]] = []
    for account in (office.weibo, office.wechat, office.county):
        for _ in range(160):
            when = start + timedelta(seconds=rng.randrange(0, 79 * 86400))
            rows.append((account, when, rng.choice(columns), rng.random() < 0.05))
    edges = [
        datetime(2026, 3, 8, 23, 59, 59, tzinfo=CST),
        datetime(2026, 3, 9, 0, 0, tzinfo=CST),
        datetime(2026, 3, 10, 7, 0, tzinfo=CST),  # 07:30 - 30 min: on time
        datetime(2026, 3, 11, 8, 0, 0, 500000, tzinfo=CST),  # 07:30 + 30 min + ½ s: late
        datetime(2026, 3, 12, 8, 30, tzinfo=CST),  # 08:00 + 30: on time (UTC midnight)
        datetime(2026, 3, 13, 7, 29, 59, tzinfo=CST),  # 08:00 - 30 min - 1 s: late
        datetime(2026, 3, 14, 0, 15, tzinfo=CST),  # 23:50 + 25 min, the next day
        datetime(2026, 3, 20, 12, 0, tzinfo=CST),  # after now (recorded ahead)
    ]
    rows += [(office.wechat, when, "#江城天气#", False) for when in edges]
    rows += [(office.weibo, when, "#气象科普#", False) for when in edges]
    with office.ctx.db.write() as s:
        for account, when, column, removed in rows:
            at_utc = when.astimezone(UTC)
            s.add(
                Publication(
                    account_id=account,
                    published_at=at_utc,
                    column=column,
                    imported=True,
                    recorded_at=at_utc,
                    recorded_by=office.admin.staff_id,
                    removed_at=at_utc + timedelta(hours=1) if removed else None,
                    removal_kind="withdrawn" if removed else None,
                )
            )


def test_aggregated_compliance_equals_the_straightforward_computation(office: Office) -> None:
    """The report counts per office day in SQL; the domain can judge every time instead."""
    from newmedia_desk.domain.compliance import compliance

    ctx = office.ctx
    ctx.cadence.add_rule(
        office.clerk,
        "每天07:30和17:00发布天气预报；其他信息每周6-7次",
        account_id=office.weibo,
        effective_from=date(2026, 1, 14),
    )
    ctx.cadence.add_rule(
        office.clerk, "每天08:00推送；每月至少20条", account_id=office.wechat
    )  # from 2 March
    ctx.cadence.add_rule(
        office.clerk,
        "每天23:50发布；14天内至少更新一次",
        account_id=office.wechat,
        effective_from=date(2026, 1, 1),
    )
    ctx.cadence.add_rule(
        office.admin, "每天12:00和07:30发布", column="#江城天气#", effective_from=date(2026, 2, 3)
    )
    ctx.cadence.add_rule(
        office.admin, "工作日每日至少1条", column="#气象科普#", effective_from=date(2026, 1, 1)
    )
    _sample(office)
    office.move_to(at(2026, 3, 20, 9, 30))
    with ctx.db.read() as s:
        rows = s.execute(
            select(Publication.account_id, Publication.column, Publication.published_at).where(
                Publication.removed_at.is_(None)
            )
        ).all()
    now = ctx.clock.now()
    totals = [0, 0, 0]  # expected, on time, missed: the sample is not trivial
    for tolerance in (30, 45):
        ctx.settings.set(office.admin, SLOT_TOLERANCE_MINUTES.key, tolerance)
        records = ctx.cadence.list_rules(None)

        def rules_of(
            account: int | None, column: str | None, records: list[Any] = records
        ) -> list[Any]:
            return [
                dataclasses.replace(rule, effective_from=r.effective_from)
                for r in records
                if (r.account_id, r.column) == (account, column)
                for rule in r.rules
            ]

        for start, end in [
            (date(2026, 1, 1), date(2026, 3, 31)),
            (date(2026, 2, 1), date(2026, 2, 28)),
            (date(2026, 3, 9), date(2026, 3, 15)),
            (date(2025, 12, 1), date(2025, 12, 31)),
        ]:
            judged = 0
            for row in ctx.cadence.compliance(None, start, end):
                if row.target is Target.ACCOUNT:
                    times = [t for a, _, t in rows if a == row.account_id]
                    rules = rules_of(row.account_id, None)
                else:
                    times = [t for _, c, t in rows if c == row.column]
                    rules = rules_of(None, row.column)
                plain = compliance(rules, times, start, end, now)
                figures = (
                    row.expected,
                    row.published,
                    row.on_time,
                    row.misses,
                    row.longest_gap_days,
                    row.days_since_last,
                    row.silence,
                )
                assert figures == (
                    plain.expected,
                    plain.published,
                    plain.on_time,
                    plain.misses,
                    plain.longest_gap_days,
                    plain.days_since_last,
                    plain.silence,
                ), (row.name, row.platform, start, end, tolerance)
                assert row.last_published_at == max((t for t in times if t <= now), default=None)
                judged += plain.expected
                totals[0] += plain.expected
                totals[1] += plain.on_time
                totals[2] += len(plain.misses)
            assert judged > 0 or start.year == 2025
    assert all(n > 20 for n in totals), totals
