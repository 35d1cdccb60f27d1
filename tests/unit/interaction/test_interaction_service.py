"""The interaction service: permissions, audit entries, late flags, incidents and holds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newmedia_desk.context import AppContext
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from newmedia_desk.domain.incidents import IncidentDraft, IncidentLevel, IncidentStep
from newmedia_desk.domain.interaction import (
    FeedbackDraft,
    Handling,
    ModerationAction,
    ModerationKind,
)
from newmedia_desk.domain.posts import PostContent, PostKind, Tier
from newmedia_desk.domain.settings import ANSWER_WORKING_DAYS, INCIDENT_HANDLING_HOURS
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.interaction import LateKind
from tests.conftest import make_staff
from tests.unit.interaction.office import Office, at, message

pytestmark = pytest.mark.all_backends

S = IncidentStep


def actions(ctx: AppContext) -> list[str]:
    return [e.action for e in reversed(ctx.audit.recent())]


# -- moderation --------------------------------------------------------------------------


def test_a_message_is_due_in_three_working_days_and_late_after(
    ctx: AppContext, office: Office, fixed_clock: FixedClock
) -> None:
    entry = ctx.interaction.record_moderation(office.clerk, message(office))
    assert entry.needs_answer and entry.action is None
    assert entry.due_at == at(2026, 3, 6, 0)  # Monday → end of Thursday
    assert (entry.account_name, entry.platform_name) == ("江城气象", "微博")
    assert entry.recorded_by_name == "张晓"
    assert not entry.late
    assert ctx.interaction.late_items(office.clerk) == []
    fixed_clock.advance(days=4)  # Friday 09:00
    [late] = ctx.interaction.list_moderation(office.clerk)
    assert late.late and late.overdue
    [item] = ctx.interaction.late_items(office.clerk)
    assert (item.kind, item.record_id, item.where) == (
        LateKind.MESSAGE,
        entry.id,
        "江城气象（微博）",
    )
    assert item.due_at == at(2026, 3, 6, 0)
    # A clerk of another unit does not see it; a leader sees the whole office.
    assert ctx.interaction.late_items(office.other_clerk) == []
    assert [i.record_id for i in ctx.interaction.late_items(office.sup)] == [entry.id]
    answered = ctx.interaction.handle_moderation(
        office.clerk,
        entry.id,
        Handling(ModerationAction.REPLIED, reply="您好，明天城区多云，无降水。"),
        late.version,
    )
    assert answered.action is ModerationAction.REPLIED
    assert answered.handled_by_name == "张晓"
    assert answered.late and not answered.overdue  # answered, but after the due day
    assert ctx.interaction.late_items(office.clerk) == []
    assert actions(ctx)[-2:] == ["moderation_recorded", "moderation_handled"]


def test_a_comment_handled_at_once_needs_no_answer(ctx: AppContext, office: Office) -> None:
    entry = ctx.interaction.record_moderation(
        office.clerk,
        message(
            office,
            kind=ModerationKind.COMMENT,
            text="造谣：明天有特大地震",
            needs_answer=False,
            handling=Handling(ModerationAction.DELETED, reason="谣言"),
        ),
    )
    assert entry.due_at is None and not entry.late
    assert entry.action is ModerationAction.DELETED
    assert entry.handled_at == ctx.clock.now()
    [audit] = [e for e in ctx.audit.recent() if e.action == "moderation_recorded"]
    assert "谣言" in audit.after
    # Logged afterwards: the time it was done is kept, and checked.
    later = ctx.interaction.record_moderation(
        office.clerk,
        message(
            office,
            handling=Handling(ModerationAction.REPLIED, reply="明天晴。"),
            handled_at=at(2026, 3, 2, 8, 10),
        ),
    )
    assert later.handled_at == at(2026, 3, 2, 8, 10) and not later.late
    with pytest.raises(ValidationError) as early:
        ctx.interaction.record_moderation(
            office.clerk,
            message(
                office,
                handling=Handling(ModerationAction.REPLIED, reply="明天晴。"),
                handled_at=at(2026, 3, 2, 7, 59),
            ),
        )
    assert early.value.field == "handled_at"


def test_moderation_permissions(ctx: AppContext, office: Office) -> None:
    with pytest.raises(PermissionDeniedError):
        ctx.interaction.record_moderation(office.other_clerk, message(office))
    with pytest.raises(PermissionDeniedError):
        ctx.interaction.record_moderation(office.sup, message(office))
    entry = ctx.interaction.record_moderation(office.clerk, message(office))
    with pytest.raises(PermissionDeniedError):
        ctx.interaction.handle_moderation(
            office.other_clerk, entry.id, Handling(ModerationAction.REPORTED, "x"), entry.version
        )
    # Everyone may read the log; the administrator may do everything.
    assert [e.id for e in ctx.interaction.list_moderation(office.sup)] == [entry.id]
    ctx.interaction.record_moderation(
        office.admin, message(office, account_id=office.other_account)
    )


def test_handling_needs_its_details_and_happens_once(ctx: AppContext, office: Office) -> None:
    entry = ctx.interaction.record_moderation(office.clerk, message(office))
    cases = [
        (Handling(ModerationAction.REPLIED, reply="  "), "reply"),
        (Handling(ModerationAction.DELETED), "reason"),
        (Handling(ModerationAction.REPORTED), "reason"),
        (Handling(ModerationAction.REFERRED), "referred_unit_id"),
        (Handling(ModerationAction.REFERRED, referred_unit_id=99_999), "referred_unit_id"),
    ]
    for handling, field in cases:
        with pytest.raises(ValidationError) as problem:
            ctx.interaction.handle_moderation(office.clerk, entry.id, handling, entry.version)
        assert problem.value.field == field
    with pytest.raises(ValidationError) as early:
        ctx.interaction.handle_moderation(
            office.clerk,
            entry.id,
            Handling(ModerationAction.REPLIED, reply="好"),
            entry.version,
            handled_at=at(2026, 3, 2, 7),
        )
    assert early.value.field == "handled_at"
    referred = ctx.interaction.handle_moderation(
        office.clerk,
        entry.id,
        Handling(ModerationAction.REFERRED, reason="业务咨询", referred_unit_id=office.other_unit),
        entry.version,
        handled_at=at(2026, 3, 2, 8, 30),
    )
    assert referred.referred_unit_name == "城南区气象局"
    assert referred.handled_at == at(2026, 3, 2, 8, 30)
    with pytest.raises(ConflictError):
        ctx.interaction.handle_moderation(
            office.clerk, entry.id, Handling(ModerationAction.DELETED, "x"), entry.version
        )
    with pytest.raises(ValidationError, match="handled already"):
        ctx.interaction.handle_moderation(
            office.clerk, entry.id, Handling(ModerationAction.DELETED, "x"), referred.version
        )


def test_the_answer_days_are_a_setting(ctx: AppContext, office: Office) -> None:
    ctx.settings.set(office.admin, ANSWER_WORKING_DAYS.key, 1)
    entry = ctx.interaction.record_moderation(
        office.clerk, message(office, occurred_at=at(2026, 2, 27, 16))
    )  # a Friday: due by the end of Monday
    assert entry.due_at == at(2026, 3, 3, 0)
    assert ctx.interaction.default_due_on(at(2026, 2, 27, 16)) == date(2026, 3, 2)


# -- feedback ----------------------------------------------------------------------------


def test_feedback_handed_over_answered_and_late(
    ctx: AppContext, office: Office, fixed_clock: FixedClock
) -> None:
    received = at(2026, 3, 2, 8)
    due = ctx.interaction.default_due_on(received)
    assert due == date(2026, 3, 5)
    fb = ctx.interaction.hand_over(
        office.clerk,
        FeedbackDraft(
            text="气象站旁施工噪音扰民",
            received_at=received,
            unit_id=office.other_unit,
            due_on=due,
            from_whom="李女士",
            account_id=office.wechat,
        ),
    )
    assert (fb.unit_name, fb.account_name, fb.late) == ("城南区气象局", "江城气象服务", False)
    with pytest.raises(PermissionDeniedError):
        ctx.interaction.record_answer(office.other_clerk, fb.id, "已处理", fb.version)
    fixed_clock.advance(days=3)  # Thursday 09:00: still on time
    assert ctx.interaction.late_items(office.clerk) == []
    fixed_clock.advance(days=1)  # Friday
    [item] = ctx.interaction.late_items(office.clerk)
    assert (item.kind, item.where) == (LateKind.FEEDBACK, "城南区气象局")
    with pytest.raises(ValidationError) as empty:
        ctx.interaction.record_answer(office.clerk, fb.id, " ", fb.version)
    assert empty.value.field == "answer"
    answered = ctx.interaction.record_answer(
        office.clerk, fb.id, "已协调施工方夜间停工", fb.version
    )
    assert answered.answered_at == ctx.clock.now()
    assert answered.late and not answered.overdue
    assert ctx.interaction.late_items(office.clerk) == []
    with pytest.raises(ValidationError, match="answered already"):
        ctx.interaction.record_answer(office.clerk, fb.id, "再次", answered.version)
    assert actions(ctx)[-2:] == ["feedback_handed_over", "feedback_answered"]


def test_feedback_due_date_not_before_it_arrived(ctx: AppContext, office: Office) -> None:
    with pytest.raises(ValidationError) as problem:
        ctx.interaction.hand_over(
            office.clerk,
            FeedbackDraft("投诉", at(2026, 3, 2, 8), office.other_unit, date(2026, 3, 1)),
        )
    assert problem.value.field == "due_on"


# -- incidents ---------------------------------------------------------------------------


def open_major(ctx: AppContext, who: Principal, unit: int) -> int:
    draft = IncidentDraft("暴雨致城区内涝", IncidentLevel.MAJOR, unit, at(2026, 3, 2, 8))
    return ctx.interaction.open_incident(who, draft).id


def test_incident_clocks_steps_and_closing(
    ctx: AppContext, office: Office, fixed_clock: FixedClock
) -> None:
    incident = ctx.interaction.get_incident(
        office.sup, open_major(ctx, office.clerk, office.service_unit)
    )
    assert incident.unit_name == "气象科技服务中心"
    assert [c.step for c in incident.clocks] == list(IncidentStep)
    # Opened at 08:00, now 09:00: the chief (1 h) is due exactly now, not late yet.
    assert not incident.late_steps
    fixed_clock.advance(minutes=1)
    [item] = ctx.interaction.late_items(office.other_clerk)  # incidents are office-wide
    assert (item.kind, item.step, item.summary) == (
        LateKind.INCIDENT_STEP,
        S.CHIEF,
        "暴雨致城区内涝",
    )
    incident = ctx.interaction.record_step(
        office.clerk, incident.id, S.CHIEF, at(2026, 3, 2, 8, 20), incident.version
    )
    assert ctx.interaction.late_items(office.clerk) == []
    with pytest.raises(ValidationError) as future:
        ctx.interaction.record_step(
            office.clerk, incident.id, S.HANDLED, at(2026, 3, 2, 12), incident.version
        )
    assert future.value.field == "at"
    with pytest.raises(ValidationError) as before:
        ctx.interaction.record_step(
            office.clerk, incident.id, S.HANDLED, at(2026, 3, 2, 7), incident.version
        )
    assert before.value.field == "at"
    with pytest.raises(PermissionDeniedError):
        ctx.interaction.open_incident(
            make_staff(ctx, office.admin, "viewer", ())[1],
            IncidentDraft("x", IncidentLevel.GENERAL, office.service_unit, at(2026, 3, 2, 8)),
        )
    fixed_clock.advance(hours=5)  # 14:01: the 5-hour authoritative clock has run out
    [late] = ctx.interaction.late_items(office.clerk)
    assert late.step is S.AUTHORITATIVE
    [opened] = ctx.interaction.open_incidents(office.chief)
    assert [c.step for c in opened.overdue_steps] == [S.AUTHORITATIVE]
    closed = ctx.interaction.close_incident(office.sup, incident.id, "已妥善处置", incident.version)
    assert not closed.is_open and closed.notes == "已妥善处置"
    assert [c.step for c in closed.late_steps] == [S.AUTHORITATIVE]
    assert ctx.interaction.open_incidents(office.chief) == []
    assert ctx.interaction.late_items(office.clerk) == []  # closed incidents leave the list
    with pytest.raises(ValidationError, match="closed"):
        ctx.interaction.record_step(
            office.clerk, incident.id, S.HANDLED, ctx.clock.now(), closed.version
        )
    assert [a for a in actions(ctx) if a.startswith("incident")] == [
        "incident_opened",
        "incident_step_recorded",
        "incident_closed",
    ]


def test_the_authoritative_step_belongs_to_major_incidents(ctx: AppContext, office: Office) -> None:
    small = ctx.interaction.open_incident(
        office.clerk,
        IncidentDraft(
            "网传预报错误", IncidentLevel.GENERAL, office.service_unit, at(2026, 3, 2, 8)
        ),
    )
    assert S.AUTHORITATIVE not in [c.step for c in small.clocks]
    with pytest.raises(ValidationError) as problem:
        ctx.interaction.record_step(
            office.clerk, small.id, S.AUTHORITATIVE, at(2026, 3, 2, 8, 30), small.version
        )
    assert problem.value.field == "step"


def test_a_clock_setting_changes_open_incidents(ctx: AppContext, office: Office) -> None:
    incident_id = open_major(ctx, office.clerk, office.service_unit)
    before = {c.step: c.due_at for c in ctx.interaction.get_incident(None, incident_id).clocks}
    assert before[S.HANDLED] == at(2026, 3, 3, 8)
    ctx.settings.set(office.admin, INCIDENT_HANDLING_HOURS.key, 12)
    after = {c.step: c.due_at for c in ctx.interaction.get_incident(None, incident_id).clocks}
    assert after[S.HANDLED] == at(2026, 3, 2, 20)


# -- crisis holds ------------------------------------------------------------------------


def planned_post(ctx: AppContext, o: Office, account_id: int) -> None:
    content = PostContent(
        title="周末天气",
        body="#天气预报# 周末晴好。",
        column="#天气预报#",
        category="预报类",
        tier=Tier.GENERAL,
        kind=PostKind.ORIGINAL,
        account_ids=(account_id,),
    )
    ctx.posts.create(o.clerk, content, planned_at=ctx.clock.now() + timedelta(hours=6))


def test_holds_pause_and_release_accounts(ctx: AppContext, office: Office) -> None:
    incident_id = open_major(ctx, office.clerk, office.service_unit)
    planned_post(ctx, office, office.weibo)
    planned_post(ctx, office, office.weibo)
    assert ctx.interaction.planned_posts([office.weibo, office.wechat]) == {office.weibo: 2}
    with pytest.raises(PermissionDeniedError):
        ctx.interaction.hold(office.clerk, incident_id, [office.weibo])
    with pytest.raises(ValidationError):
        ctx.interaction.hold(office.chief, incident_id, [])
    incident = ctx.interaction.hold(office.chief, incident_id, [office.weibo, office.wechat])
    assert [(h.account_name, h.planned_posts, h.held_by_name) for h in incident.holds] == [
        ("江城气象", 2, "李建国"),
        ("江城气象服务", 0, "李建国"),
    ]
    assert ctx.interaction.held_accounts() == {office.weibo, office.wechat}
    with pytest.raises(ValidationError) as paused:
        ctx.interaction.check_not_held([office.other_account, office.weibo])
    assert paused.value.field == "account_ids"
    ctx.interaction.check_not_held([office.other_account])
    # Holding again changes nothing.
    again = ctx.interaction.hold(office.chief, incident_id, [office.weibo])
    assert len(again.holds) == 2
    released = ctx.interaction.release(office.admin, incident.holds[0].id)
    assert released.holds[0].released_by_name == "管理员"
    assert not released.holds[0].active
    assert ctx.interaction.held_accounts() == {office.wechat}
    with pytest.raises(ValidationError, match="released already"):
        ctx.interaction.release(office.admin, incident.holds[0].id)
    # Closing the incident releases what is still held, each release audited.
    ctx.interaction.close_incident(office.clerk, incident_id, "", released.version)
    assert ctx.interaction.held_accounts() == set()
    assert actions(ctx).count("posts_held") == 2
    assert actions(ctx).count("posts_released") == 2
    other = open_major(ctx, office.clerk, office.service_unit)
    closed = ctx.interaction.get_incident(None, other)
    closed = ctx.interaction.close_incident(office.clerk, other, "", closed.version)
    with pytest.raises(ValidationError, match="closed"):
        ctx.interaction.hold(office.chief, other, [office.weibo])


def test_the_ledgers_cover_a_period(ctx: AppContext, office: Office) -> None:
    ctx.interaction.record_moderation(office.clerk, message(office, occurred_at=at(2026, 2, 27, 9)))
    ctx.interaction.record_moderation(office.clerk, message(office, occurred_at=at(2026, 3, 1, 9)))
    ctx.interaction.record_moderation(office.clerk, message(office, occurred_at=at(2026, 3, 2, 0)))
    march = ctx.interaction.moderation_ledger(None, date(2026, 3, 1), date(2026, 3, 31))
    assert [e.occurred_at for e in march.entries] == [at(2026, 3, 1, 9), at(2026, 3, 2, 0)]
    open_major(ctx, office.clerk, office.service_unit)
    assert len(ctx.interaction.incident_ledger(None, date(2026, 3, 2), date(2026, 3, 2))) == 1
    assert ctx.interaction.incident_ledger(None, date(2026, 3, 3), date(2026, 3, 31)) == []
    with pytest.raises(ValidationError):
        ctx.interaction.incident_ledger(None, date(2026, 3, 3), date(2026, 3, 1))
