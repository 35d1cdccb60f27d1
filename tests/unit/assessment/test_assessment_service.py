"""The assessment service over a small March 2026 built with the real services.

Unit 服务中心 publishes on its Weibo account (rule 每周至少2次) on 2, 4, 16 and 28 March:
one approval takes 27 hours, one post is returned and then stopped by the checker once, one
publication's text differs from the approved one, a message is answered late, feedback is
never answered, an incident's handling and upward report are late, the account's password
is overdue. Unit 办公室 opens a Weibo account on 2 March and first posts on 25 March, with
a serious error in the text it pasted. Everything is judged on 2 April.
"""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from openpyxl import load_workbook

from newmedia_desk.cli import main
from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.accounts import AccountDraft, Decision
from newmedia_desk.domain.assessment import Item, Month, Suggestion, VetoKind, Why
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import PermissionDeniedError, ValidationError
from newmedia_desk.domain.incidents import IncidentDraft, IncidentLevel, IncidentStep
from newmedia_desk.domain.interaction import (
    FeedbackDraft,
    Handling,
    ModerationAction,
    ModerationDraft,
    ModerationKind,
)
from newmedia_desk.domain.posts import PostContent, PostKind, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.services.posts import PostRecord
from newmedia_desk.storage.credential_models import Credential
from newmedia_desk.storage.post_models import Publication
from tests.conftest import STAFF_PASSWORD, make_staff

pytestmark = pytest.mark.all_backends

CST = timezone(timedelta(hours=8))
MARCH = Month(2026, 3)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CST).astimezone(UTC)


@dataclasses.dataclass
class Office:
    admin: Principal
    clerk: Principal
    head: Principal
    clerk_b: Principal
    head_b: Principal
    service: int
    office: int
    weibo: int
    weibo_b: int


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    service = ctx.directory.create_unit(admin, "服务中心", admin.unit_id).id
    other = ctx.directory.create_unit(admin, "办公室", admin.unit_id).id

    def person(login: str, role: Role, unit: int) -> Principal:
        return make_staff(ctx, admin, login, {role}, unit, name=login)[1]

    clerk, head = person("clerk", Role.CLERK, service), person("head", Role.RESPONSIBLE, service)
    clerk_b, head_b = person("clerkb", Role.CLERK, other), person("headb", Role.RESPONSIBLE, other)
    weibo_id = {p.name: p.id for p in ctx.accounts.list_platforms(admin)}["微博"]

    def account(name: str, unit: int, who: Principal, boss: Principal) -> int:
        draft = AccountDraft(
            platform_id=weibo_id,
            name=name,
            unit_id=unit,
            administrator_id=who.staff_id,
            responsible_id=boss.staff_id,
            purpose="发布天气预报和预警",
        )
        return ctx.accounts.register_existing(admin, draft, "已开设").id

    return Office(
        admin,
        clerk,
        head,
        clerk_b,
        head_b,
        service,
        other,
        account("江城气象", service, clerk, head),
        account("江城气象办公室", other, clerk_b, head_b),
    )


def move_to(clock: FixedClock, moment: datetime) -> None:
    delta = moment - clock.now()
    assert delta >= timedelta(0), "the test clock only moves forward"
    clock.advance(seconds=delta.total_seconds())


def body(text: str = "明天多云转晴，最高气温18度。") -> PostContent:
    return PostContent(
        title="明日天气",
        body=text,
        column="",
        category="预报类",
        tier=Tier.GENERAL,
        kind=PostKind.ORIGINAL,
        account_ids=(),
    )


def approved_post(
    ctx: AppContext,
    clock: FixedClock,
    drafter: Principal,
    approver: Principal,
    account_id: int,
    *,
    submit: datetime,
    sign: datetime,
    text: str = "明天多云转晴，最高气温18度。",
) -> PostRecord:
    move_to(clock, submit)
    content = dataclasses.replace(body(text), account_ids=(account_id,))
    post = ctx.posts.create(drafter, content, planned_at=sign + timedelta(hours=1))
    post = ctx.posts.submit(drafter, post.id, expected_version=post.version)
    move_to(clock, sign)
    return ctx.posts.sign(
        approver, post.id, Decision.AGREE, "同意", revision=post.round_revision or 0,
        password=STAFF_PASSWORD,
    )  # fmt: skip


def publish(
    ctx: AppContext,
    clock: FixedClock,
    who: Principal,
    post: PostRecord,
    account_id: int,
    when: datetime,
    text: str | None = None,
) -> PostRecord:
    move_to(clock, when)
    return ctx.posts.record_publication(
        who,
        post.id,
        account_id,
        published_at=when,
        published_text=text if text is not None else post.current.content.body,
        expected_version=post.version,
    )


@pytest.fixture
def march(ctx: AppContext, fixed_clock: FixedClock, office: Office) -> Office:
    o, clock = office, fixed_clock
    ctx.cadence.add_rule(o.admin, "每周至少2次", account_id=o.weibo)
    # 2 March: submitted 09:00, approved 11:00 (2 h), published 12:00 as approved.
    p1 = approved_post(ctx, clock, o.clerk, o.head, o.weibo, submit=at(2, 9), sign=at(2, 11))
    publish(ctx, clock, o.clerk, p1, o.weibo, at(2, 12))
    # 3–4 March: 27 hours to approve; the pasted text differs (no serious word).
    p2 = approved_post(ctx, clock, o.clerk, o.head, o.weibo, submit=at(3, 9), sign=at(4, 12))
    publish(ctx, clock, o.clerk, p2, o.weibo, at(4, 13), text="明天多云，最高气温19度。")
    # 5 March: returned; then saved with an unmasked phone number (the checker stops it),
    # fixed, submitted again on 14 March and approved in an hour; published 16 March.
    move_to(clock, at(5, 9))
    content = dataclasses.replace(body(), account_ids=(o.weibo,))
    p3 = ctx.posts.create(o.clerk, content, planned_at=at(16, 10))
    p3 = ctx.posts.submit(o.clerk, p3.id, expected_version=p3.version)
    move_to(clock, at(5, 10))
    p3 = ctx.posts.sign(
        o.head, p3.id, Decision.RETURN, "数据请核实", revision=p3.round_revision or 0,
        password=STAFF_PASSWORD,
    )  # fmt: skip
    phone = dataclasses.replace(content, body="咨询电话13812345678。")
    p3 = ctx.posts.save(o.clerk, p3.id, phone, planned_at=at(16, 10), expected_version=p3.version)
    assert p3.current.checker_blocks
    p3 = ctx.posts.save(o.clerk, p3.id, content, planned_at=at(16, 10), expected_version=p3.version)
    # Messages: one due Friday 13 March answered on the 16th (late), one answered in time.
    msg = ModerationDraft(
        o.weibo, ModerationKind.MESSAGE, "请问明天下雨吗", at(10, 10), "网友甲", True
    )
    move_to(clock, at(11, 10))
    late = ctx.interaction.record_moderation(o.clerk, msg)
    on_time = ctx.interaction.record_moderation(
        o.clerk, dataclasses.replace(msg, occurred_at=at(11, 10), text="周末天气如何")
    )
    move_to(clock, at(12, 9))
    ctx.interaction.handle_moderation(
        o.clerk, on_time.id, Handling(ModerationAction.REPLIED, reply="晴"), on_time.version
    )
    move_to(clock, at(14, 9))
    p3 = ctx.posts.submit(o.clerk, p3.id, expected_version=p3.version)
    move_to(clock, at(14, 10))
    p3 = ctx.posts.sign(
        o.head, p3.id, Decision.AGREE, "同意", revision=p3.round_revision or 0,
        password=STAFF_PASSWORD,
    )  # fmt: skip
    publish(ctx, clock, o.clerk, p3, o.weibo, at(16, 10))
    move_to(clock, at(16, 11))
    ctx.interaction.handle_moderation(
        o.clerk, late.id, Handling(ModerationAction.REPLIED, reply="有雨"), late.version
    )
    # Feedback handed to 服务中心, due 20 March, never answered; one due in April.
    ctx.interaction.hand_over(
        o.clerk, FeedbackDraft("路灯不亮", at(16, 11), o.service, date(2026, 3, 20), "市民")
    )
    ctx.interaction.hand_over(
        o.clerk, FeedbackDraft("预报不准", at(16, 11), o.service, date(2026, 4, 3), "市民")
    )
    # An incident opened 23 March 09:00 (一般): chief told at 09:30, response after 25 h
    # (within 48 h), handled after 27 h (over 24 h), never reported upward: 2 late steps.
    move_to(clock, at(23, 9))
    incident = ctx.interaction.open_incident(
        o.head, IncidentDraft("暴雨致道路积水", IncidentLevel.GENERAL, o.service, at(23, 9))
    )
    move_to(clock, at(24, 12))
    for step, when in (
        (IncidentStep.CHIEF, at(23, 9, 30)),
        (IncidentStep.RESPONSE, at(24, 10)),
        (IncidentStep.HANDLED, at(24, 12)),
    ):
        incident = ctx.interaction.record_step(o.head, incident.id, step, when, incident.version)
    # 办公室: first post on 25 March, the pasted text has a serious wording error.
    p5 = approved_post(ctx, clock, o.clerk_b, o.head_b, o.weibo_b, submit=at(25, 8), sign=at(25, 9))
    publish(ctx, clock, o.clerk_b, p5, o.weibo_b, at(25, 10), text="庆祝中华人民共合国成立。")
    # 27–28 March: approved in 4 hours, published on the 28th.
    p4 = approved_post(ctx, clock, o.clerk, o.head, o.weibo, submit=at(27, 9), sign=at(27, 13))
    publish(ctx, clock, o.clerk, p4, o.weibo, at(28, 9))
    # The Weibo password was last changed on 1 December 2025: over 90 days at March's end.
    with ctx.db.write() as s:
        s.add(
            Credential(
                account_id=o.weibo,
                secret_ref="ref-1",
                changed_at=at(1, 9, month=12) - timedelta(days=365),
            )
        )
    move_to(clock, at(2, 10, month=4))
    return o


def test_each_figure_of_the_hand_built_month(ctx: AppContext, march: Office) -> None:
    results = ctx.assessment.month(march.clerk, "2026-03")
    assert [r.unit_name for r in results] == ["服务中心", "办公室"]  # the root has nothing
    service, office = results
    f = service.figures
    [weibo] = f.accounts
    assert (weibo.name, weibo.published) == ("江城气象", 4)
    # Posts 2, 4, 16, 28 March: the longest silence is 5–15 March (11 days; 17–27 too).
    assert (weibo.silent_days, weibo.silent_from) == (11, date(2026, 3, 5))
    # 每周至少2次 over the whole weeks 2–8, 9–15, 16–22, 23–29: only the first has two.
    assert (weibo.has_rules, weibo.cadence_expected, weibo.cadence_misses) == (True, 8, 3)
    assert f.published == 4
    assert sorted(f.approval_hours) == [1.0, 2.0, 4.0, 27.0]
    assert f.turnaround_hours == 3.0
    assert (f.rejections, f.checker_blocks, f.mismatches) == (1, 1, 1)
    assert (f.late_answers, f.late_incident_steps, f.rotation_overdue) == (2, 2, 1)
    assert f.serious_errors == ()
    points = {r.item: (r.count, r.points) for r in service.items}
    assert points == {
        Item.CADENCE_MISSES: (3, 6),
        Item.SILENT_ACCOUNTS: (1, 5),
        Item.SLOW_APPROVALS: (1, 1),
        Item.REJECTIONS: (1, 1),
        Item.CHECKER_BLOCKS: (1, 1),
        Item.MISMATCHES: (1, 3),
        Item.LATE_ANSWERS: (2, 6),
        Item.LATE_INCIDENT_STEPS: (2, 10),
        Item.ROTATION_OVERDUE: (1, 2),
    }
    assert (service.score, service.qualified, service.vetoes) == (65, True, ())
    assert service.suggestion is Suggestion.CRITICISE
    assert [r.why for r in service.reasons] == [Why.MISMATCH]

    # 办公室: silent from its opening on 2 March until the 25th, and a serious error.
    [weibo_b] = office.figures.accounts
    assert (weibo_b.silent_days, weibo_b.silent_from) == (23, date(2026, 3, 2))
    assert office.figures.mismatches == 1
    [error] = office.figures.serious_errors
    assert (error.source, error.terms, error.account) == (
        "published_text",
        ("中华人民共合国",),
        "江城气象办公室",
    )
    assert {v.kind for v in office.vetoes} == {VetoKind.SILENT, VetoKind.SERIOUS_ERROR}
    assert not office.qualified and office.suggestion is Suggestion.CRITICISE
    assert office.score == 100 - 5 - 3  # a silent account, a mismatch (shown, not weighed)
    assert office.figures.turnaround_hours == 1.0


def test_settings_change_the_score_and_the_month_in_progress(
    ctx: AppContext, march: Office, fixed_clock: FixedClock
) -> None:
    ctx.settings.set(march.admin, "assess_late_incident_points", 0)
    ctx.settings.set(march.admin, "assess_mismatch_points", 10)
    [service, _] = ctx.assessment.month(None, "2026-03")
    assert service.points(Item.LATE_INCIDENT_STEPS) == 0
    assert service.points(Item.MISMATCHES) == 10
    assert service.score == 100 - (6 + 5 + 1 + 1 + 1 + 10 + 6 + 0 + 2)
    # April so far (2 April, 10:00): the Weibo account last posted on 28 March.
    april = ctx.assessment.month(None, Month(2026, 4))
    [weibo] = next(r for r in april if r.unit_name == "服务中心").figures.accounts
    assert (weibo.published, weibo.silent_days, weibo.silent_from) == (0, 5, date(2026, 3, 29))


def test_trend_months_and_refusals(ctx: AppContext, march: Office) -> None:
    points = ctx.assessment.trend(march.clerk, None, 3, until="2026-04")
    assert [(str(p.month), p.unit_name) for p in points] == [
        ("2026-03", "服务中心"),
        ("2026-03", "办公室"),
        ("2026-04", "服务中心"),
        ("2026-04", "办公室"),
    ]
    assert [(p.score, p.qualified) for p in points[:2]] == [(65, True), (92, False)]
    only = ctx.assessment.trend(None, march.service, 2, until="2026-03")
    assert [(str(p.month), p.score) for p in only] == [("2026-03", 65)]
    with pytest.raises(ValidationError, match="not begun"):
        ctx.assessment.month(None, "2026-05")
    with pytest.raises(ValidationError, match="YYYY-MM"):
        ctx.assessment.month(None, "March")
    with pytest.raises(ValidationError):
        ctx.assessment.trend(None, None, 0)


def test_reading_needs_view_permission(ctx: AppContext, march: Office) -> None:
    nobody = make_staff(ctx, march.admin, "nobody", (), march.service)[1]
    with pytest.raises(PermissionDeniedError):
        ctx.assessment.month(nobody, "2026-03")


def test_command_line_report_and_export(
    march: Office,
    db_url: str,
    memory_secrets: MemorySecretStore,
    fast_hashing: PasswordHashing,
    data_dir: Path,
    fixed_clock: FixedClock,
    tmp_path: Path,
) -> None:
    def factory(_db: str | None) -> AppContext:
        return build_context(
            db_url, secrets=memory_secrets, hashing=fast_hashing, data_dir=data_dir,
            clock=fixed_clock,
        )  # fmt: skip

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), context_factory=factory, stdout=out, stderr=err)
        return code, out.getvalue(), err.getvalue()

    code, out, _ = run("report", "assessment", "--month", "2026-03", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["month"] == "2026-03"
    service, office = report["units"]
    assert (service["unit"], service["score"], service["result"]) == ("服务中心", 65, "合格")
    assert service["turnaround_hours"] == 3.0 and service["approvals"] == 4
    assert service["deductions"]["late_incident_steps"] == {"count": 2, "points": 10}
    assert service["suggestion"] == "批评"
    assert office["vetoes"] == [
        "江城气象办公室连续23天未更新",
        "江城气象办公室发布内容有严重差错（中华人民共合国）",
    ]
    assert office["accounts"][0]["silent_from"] == "2026-03-02"
    code, out, _ = run("report", "assessment", "--month", "2026-03")
    assert (
        code == 0 and "服务中心\t65\t合格\t4" in out and "单项否决: 江城气象办公室连续23天" in out
    )
    target = tmp_path / "考核.xlsx"
    code, out, _ = run("export", "assessment", "--month", "2026-03", "--out", str(target))
    assert code == 0 and "2 units (1 不合格)" in out
    assert load_workbook(target).sheetnames == ["考核结果", "账号明细", "扣分标准"]
    code, _, err = run("report", "assessment", "--month", "2026-3")
    assert code == 1 and "YYYY-MM" in err
    code, _, err = run("export", "assessment", "--out", str(target))
    assert code == 2 and "--month" in err


# -- column rules, effective dates, the aggregated reading ---------------------------------


def add_publication(ctx: AppContext, o: Office, account: int, when: datetime, column: str) -> None:
    with ctx.db.write() as s:
        s.add(
            Publication(
                account_id=account,
                published_at=when,
                column=column,
                imported=True,
                recorded_at=when,
                recorded_by=o.admin.staff_id,
            )
        )


def test_column_rules_count_against_the_units_that_carry_the_column(
    ctx: AppContext, office: Office, fixed_clock: FixedClock
) -> None:
    """#气象科普# 每周至少2次, in effect from Monday 2 March 2026, on both units' accounts.

    March's whole weeks: 2–8 has 3 and 4 March (服务中心's Weibo): kept; 9–15 only the 10th
    (办公室's Weibo): missed; 16–22 nothing: missed; 23–29 the 24th (服务中心) and the 25th
    (办公室): kept. 30–31 is a partial week. So the column expects 8 and misses 2, and both
    units carried it in March: each gets the 2 misses. Nobody publishes it in April, whose
    whole weeks 6–12, 13–19, 20–26 are missed: those 3 go to 办公室 alone, which published
    it last (25 March). 服务中心's own rule 每周至少1次 took effect on Wednesday 11 March,
    so its weeks 16–22 (missed) and 23–29 (kept) are judged, not 2–8 or 9–15.
    """
    o = office
    column = "#气象科普#"
    ctx.cadence.add_rule(o.admin, "每周至少2次", column=column)
    ctx.cadence.add_rule(
        o.admin, "每周至少1次", account_id=o.weibo, effective_from=date(2026, 3, 11)
    )
    for account, day in ((o.weibo, 3), (o.weibo, 4), (o.weibo_b, 10), (o.weibo, 24)):
        add_publication(ctx, o, account, at(day, 10), column)
    add_publication(ctx, o, o.weibo_b, at(25, 23, 30), column)  # 23:30 Beijing: still the 25th
    move_to(fixed_clock, at(4, 9, month=5))

    service, unit_b = ctx.assessment.month(None, "2026-03")
    [weibo] = service.figures.accounts
    assert (weibo.cadence_expected, weibo.cadence_misses) == (2, 1)
    assert [(c.column, c.expected, c.misses, c.accounts, c.carried_in_month)
            for c in service.figures.columns] == [(column, 8, 2, ("江城气象",), True)]  # fmt: skip
    assert [(c.misses, c.accounts) for c in unit_b.figures.columns] == [(2, ("江城气象办公室",))]
    assert service.count(Item.CADENCE_MISSES) == 1 + 2
    assert unit_b.count(Item.CADENCE_MISSES) == 2
    # The cadence report shows the column with the same figures.
    [row] = [
        r
        for r in ctx.cadence.compliance(None, date(2026, 3, 1), date(2026, 3, 31))
        if r.column == column
    ]
    assert (row.expected, row.missed) == (8, 2)

    april = {r.unit_name: r for r in ctx.assessment.month(None, "2026-04")}
    assert [(c.misses, c.carried_in_month) for c in april["办公室"].figures.columns] == [(3, False)]
    assert april["服务中心"].figures.columns == ()
    assert april["办公室"].count(Item.CADENCE_MISSES) == 3
    # A month before the column was ever published: nobody carries it yet.
    assert all(r.figures.columns == () for r in ctx.assessment.month(None, "2026-02"))


def test_aggregated_assessment_equals_the_straightforward_computation(
    ctx: AppContext, office: Office, fixed_clock: FixedClock
) -> None:
    """Per-day counts from SQL give the figures of judging every publication."""
    import random

    from newmedia_desk.domain.assessment import longest_silence
    from newmedia_desk.domain.compliance import compliance
    from newmedia_desk.domain.working_days import office_date

    o = office
    ctx.cadence.add_rule(
        o.admin, "每天07:30和17:00发布；每周5-7次", account_id=o.weibo,
        effective_from=date(2026, 1, 7),
    )  # fmt: skip
    ctx.cadence.add_rule(
        o.admin, "每天08:00推送；每月至少10条", account_id=o.weibo_b,
        effective_from=date(2026, 2, 1),
    )  # fmt: skip
    ctx.cadence.add_rule(o.admin, "每天12:00发布", column="#江城天气#")
    rng = random.Random(11)
    rows: list[tuple[int, datetime, str]] = []
    for account in (o.weibo, o.weibo_b):
        for _ in range(150):
            when = datetime(2026, 1, 3, tzinfo=CST) + timedelta(minutes=rng.randrange(0, 110_000))
            rows.append((account, when.astimezone(UTC), rng.choice(["#江城天气#", ""])))
    rows += [
        (o.weibo, datetime(2026, 2, 2, 7, 0, tzinfo=CST).astimezone(UTC), ""),
        (o.weibo_b, datetime(2026, 2, 3, 8, 30, tzinfo=CST).astimezone(UTC), ""),
        (o.weibo_b, datetime(2026, 2, 28, 23, 59, tzinfo=CST).astimezone(UTC), "#江城天气#"),
        (o.weibo_b, datetime(2026, 3, 1, 0, 0, tzinfo=CST).astimezone(UTC), ""),
    ]
    for account, when, column in rows:
        add_publication(ctx, o, account, when, column)
    move_to(fixed_clock, at(20, 9, 30))
    now = fixed_clock.now()
    records = ctx.cadence.list_rules(None)
    by_month = ctx.assessment.months(None, "2026-03", 3)
    for month, results in by_month.items():
        for result in results:
            for figures in result.figures.accounts:
                times = sorted(t for a, t, _ in rows if a == figures.account_id and t <= now)
                rules = [
                    dataclasses.replace(rule, effective_from=r.effective_from)
                    for r in records
                    if r.account_id == figures.account_id
                    for rule in r.rules
                ]
                in_month = [t for t in times if Month.of(office_date(t)) == month]
                earlier = [t for t in times if office_date(t) < month.first_day]
                last = min(month.last_day, office_date(now))
                before = (
                    office_date(earlier[-1])
                    if earlier
                    else office_date(times[0]) - timedelta(days=1)
                )
                silent = longest_silence(
                    [office_date(t) for t in in_month], month.first_day, last, before=before
                )
                plain = compliance(rules, in_month, month.first_day, month.last_day, now)
                assert (
                    figures.published, (figures.silent_days, figures.silent_from),
                    figures.cadence_expected, figures.cadence_misses,
                ) == (
                    len(in_month), silent, plain.expected, len(plain.misses)
                ), (month, figures.name)  # fmt: skip
            for carried in result.figures.columns:
                times = sorted(t for _, t, c in rows if c == carried.column and t <= now)
                rules = [
                    dataclasses.replace(rule, effective_from=r.effective_from)
                    for r in records
                    if r.column == carried.column
                    for rule in r.rules
                ]
                in_month = [t for t in times if Month.of(office_date(t)) == month]
                plain = compliance(rules, in_month, month.first_day, month.last_day, now)
                assert (carried.expected, carried.misses) == (plain.expected, len(plain.misses))
    assert sum(r.count(Item.CADENCE_MISSES) for rs in by_month.values() for r in rs) > 0
