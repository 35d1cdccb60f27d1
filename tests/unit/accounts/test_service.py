"""The account registry service: lifecycle, approval, filings, checks, permissions, rogues."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import (
    AccountDraft,
    AccountRecord,
    AccountStatus,
    ApprovalStepSpec,
    Decision,
    EventKind,
    FilingStatus,
    RogueActionKind,
    RogueDraft,
    RogueStatus,
    draft_of,
)
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal, StaffDraft, StaffRecord
from newmedia_desk.domain.working_days import office_date
from tests.conftest import make_staff

pytestmark = pytest.mark.all_backends


@dataclasses.dataclass
class Office:
    """A service centre and a county bureau, with the people the approval needs."""

    admin: Principal
    service: int
    county: int
    clerk: Principal
    head: Principal  # head of the service centre (RESPONSIBLE)
    office_head: Principal  # head of the office (RESPONSIBLE, another unit)
    sup1: Principal
    sup2: Principal
    chief: Principal
    county_clerk: Principal
    platforms: dict[str, int]


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    service = ctx.directory.create_unit(admin, "气象科技服务中心", admin.unit_id).id
    county = ctx.directory.create_unit(admin, "东山县气象局", admin.unit_id).id
    bureau_office = ctx.directory.create_unit(admin, "办公室", admin.unit_id).id

    def person(login: str, roles: set[Role], unit: int, name: str) -> Principal:
        return make_staff(ctx, admin, login, roles, unit, name=name)[1]

    return Office(
        admin=admin,
        service=service,
        county=county,
        clerk=person("clerk", {Role.CLERK}, service, "张晓"),
        head=person("head", {Role.RESPONSIBLE}, service, "钱芳"),
        office_head=person("officehead", {Role.RESPONSIBLE}, bureau_office, "赵敏"),
        sup1=person("sup1", {Role.SUPERVISOR}, admin.unit_id, "刘志强"),
        sup2=person("sup2", {Role.SUPERVISOR}, admin.unit_id, "王海燕"),
        chief=person("chief", {Role.CHIEF}, admin.unit_id, "李建国"),
        county_clerk=person("dongshan", {Role.CLERK}, county, "黄磊"),
        platforms={p.name: p.id for p in ctx.accounts.list_platforms(admin)},
    )


def new_draft(o: Office, **changes: object) -> AccountDraft:
    values: dict[str, object] = {
        "platform_id": o.platforms["微博"],
        "name": "江城气象",
        "unit_id": o.service,
        "administrator_id": o.clerk.staff_id,
        "responsible_id": o.head.staff_id,
        "handle": "jcqx",
        "purpose": "发布天气预报和预警",
    }
    values.update(changes)
    return AccountDraft(**values)  # type: ignore[arg-type]


def signers(o: Office) -> list[tuple[Principal, str]]:
    return [
        (o.head, "unit_head"),
        (o.office_head, "propaganda"),
        (o.sup1, "unit_leader"),
        (o.sup2, "supervisor"),
        (o.chief, "chief"),
    ]


def submitted(ctx: AppContext, o: Office, **changes: object) -> AccountRecord:
    record = ctx.accounts.create_application(o.clerk, new_draft(o, **changes))
    return ctx.accounts.submit(o.clerk, record.id, record.version)


def sign_all(ctx: AppContext, o: Office, record: AccountRecord) -> AccountRecord:
    for who, key in signers(o):
        record = ctx.accounts.sign_step(
            who, record.id, key, Decision.AGREE, "同意", expected_version=record.version
        )
    return record


def opened(ctx: AppContext, o: Office, **changes: object) -> AccountRecord:
    return sign_all(ctx, o, submitted(ctx, o, **changes))


def kinds(ctx: AppContext, account_id: int) -> list[EventKind]:
    return [e.kind for e in ctx.accounts.history(None, account_id)]


def last_audit(ctx: AppContext) -> tuple[str, str]:
    entry = ctx.audit.recent(1)[0]
    return entry.action, entry.actor


# -- the lifecycle --------------------------------------------------------------------------


def test_full_opening_approval(ctx: AppContext, office: Office, fixed_clock: FixedClock) -> None:
    o = office
    record = ctx.accounts.create_application(o.clerk, new_draft(o))
    assert record.status is AccountStatus.APPLIED
    assert last_audit(ctx) == ("account_applied", "clerk")
    record = ctx.accounts.submit(o.clerk, record.id, record.version)
    assert record.status is AccountStatus.SUBMITTED and record.approval_round == 1
    steps = ctx.accounts.approval_steps(o.chief, record.id)
    assert [s.key for s in steps] == [key for _, key in signers(o)]
    assert not any(s.signed for s in steps)
    fixed_clock.advance(hours=1)
    record = sign_all(ctx, o, record)
    assert record.status is AccountStatus.OPEN
    assert record.opened_on == office_date(fixed_clock.now())
    steps = ctx.accounts.approval_steps(None, record.id)
    digest = ctx.accounts.content_digest(None, record.id)
    assert [s.signer_name for s in steps] == ["钱芳", "赵敏", "刘志强", "王海燕", "李建国"]
    assert {s.content_sha256 for s in steps} == {digest}
    assert all(s.signature is None and s.signed_at is not None for s in steps)
    assert kinds(ctx, record.id) == [
        EventKind.APPLIED,
        EventKind.SUBMITTED,
        *[EventKind.STEP_AGREED] * 5,
        EventKind.OPENED,
    ]
    assert last_audit(ctx) == ("account_opened", "chief")
    filing = ctx.accounts.filings(None, record.id)
    assert [(f.kind, f.status) for f in filing] == [(EventKind.OPENED, FilingStatus.PENDING)]


def test_signing_out_of_order_or_with_the_wrong_role_is_refused(
    ctx: AppContext, office: Office
) -> None:
    o = office
    record = submitted(ctx, o)
    with pytest.raises(ValidationError, match="in order"):
        ctx.accounts.sign_step(
            o.chief, record.id, "chief", Decision.AGREE, "", expected_version=record.version
        )
    with pytest.raises(ValidationError, match="role"):
        ctx.accounts.sign_step(
            o.sup1, record.id, "unit_head", Decision.AGREE, "", expected_version=record.version
        )
    # The office head is RESPONSIBLE, but not of the applying unit.
    with pytest.raises(ValidationError, match="applying unit"):
        ctx.accounts.sign_step(
            o.office_head,
            record.id,
            "unit_head",
            Decision.AGREE,
            "",
            expected_version=record.version,
        )
    with pytest.raises(ValidationError, match="no such step"):
        ctx.accounts.sign_step(
            o.head, record.id, "nope", Decision.AGREE, "", expected_version=record.version
        )
    assert all(not s.signed for s in ctx.accounts.approval_steps(None, record.id))


def test_one_person_signs_one_step_and_the_applicant_none(ctx: AppContext, office: Office) -> None:
    o = office
    both = make_staff(
        ctx, o.admin, "both", {Role.RESPONSIBLE, Role.SUPERVISOR}, o.service, name="双岗"
    )[1]
    record = submitted(ctx, o)
    record = ctx.accounts.sign_step(
        both, record.id, "unit_head", Decision.AGREE, "同意", expected_version=record.version
    )
    record = ctx.accounts.sign_step(
        o.office_head, record.id, "propaganda", Decision.AGREE, "", expected_version=record.version
    )
    with pytest.raises(ValidationError, match="only one step"):
        ctx.accounts.sign_step(
            both, record.id, "unit_leader", Decision.AGREE, "", expected_version=record.version
        )
    # A clerk who is also the unit's head may not sign the application they submitted.
    applicant = make_staff(
        ctx, o.admin, "clerkhead", {Role.CLERK, Role.RESPONSIBLE}, o.service, name="孙浩"
    )[1]
    second = ctx.accounts.create_application(
        applicant, new_draft(o, platform_id=o.platforms["抖音"])
    )
    second = ctx.accounts.submit(applicant, second.id, second.version)
    with pytest.raises(ValidationError, match="applicant"):
        ctx.accounts.sign_step(
            applicant, second.id, "unit_head", Decision.AGREE, "", expected_version=second.version
        )


def test_return_sends_the_application_back_with_the_opinion(
    ctx: AppContext, office: Office
) -> None:
    o = office
    record = submitted(ctx, o)
    record = ctx.accounts.sign_step(
        o.head, record.id, "unit_head", Decision.AGREE, "", expected_version=record.version
    )
    with pytest.raises(ValidationError) as info:
        ctx.accounts.sign_step(
            o.office_head,
            record.id,
            "propaganda",
            Decision.RETURN,
            " ",
            expected_version=record.version,
        )
    assert info.value.field == "opinion"
    record = ctx.accounts.sign_step(
        o.office_head,
        record.id,
        "propaganda",
        Decision.RETURN,
        "用途说明不清，请补充",
        expected_version=record.version,
    )
    assert record.status is AccountStatus.APPLIED
    history = ctx.accounts.history(None, record.id)
    assert history[-1].kind is EventKind.RETURNED and history[-1].reason == "用途说明不清，请补充"
    assert history[-1].actor == "赵敏"
    with pytest.raises(ValidationError, match="not in approval"):
        ctx.accounts.sign_step(
            o.sup1, record.id, "unit_leader", Decision.AGREE, "", expected_version=record.version
        )
    # Resubmitted: a new round, every step again, the earlier one kept as history.
    record = ctx.accounts.submit(o.clerk, record.id, record.version)
    assert record.approval_round == 2
    assert not any(s.signed for s in ctx.accounts.approval_steps(None, record.id))
    old = ctx.accounts.approval_steps(None, record.id, round_no=1)
    assert [s.decision for s in old[:2]] == [Decision.AGREE, Decision.RETURN]
    assert sign_all(ctx, o, record).status is AccountStatus.OPEN


def test_a_change_of_content_during_approval_starts_a_new_round(
    ctx: AppContext, office: Office
) -> None:
    o = office
    record = submitted(ctx, o)
    record = ctx.accounts.sign_step(
        o.head, record.id, "unit_head", Decision.AGREE, "", expected_version=record.version
    )
    first_digest = ctx.accounts.approval_steps(None, record.id)[0].content_sha256
    record = ctx.accounts.update_account(
        o.clerk,
        record.id,
        dataclasses.replace(draft_of(record), purpose="另一用途"),
        record.version,
    )
    assert record.status is AccountStatus.SUBMITTED and record.approval_round == 2
    steps = ctx.accounts.approval_steps(None, record.id)
    assert not any(s.signed for s in steps)
    assert ctx.accounts.content_digest(None, record.id) != first_digest
    assert kinds(ctx, record.id)[-2:] == [EventKind.EDITED, EventKind.ROUND_RESTARTED]
    # A field outside the form (notes) does not void the signatures.
    record = ctx.accounts.sign_step(
        o.head, record.id, "unit_head", Decision.AGREE, "", expected_version=record.version
    )
    record = ctx.accounts.update_account(
        o.clerk,
        record.id,
        dataclasses.replace(draft_of(record), cadence_text="每天"),
        record.version,
    )
    assert record.approval_round == 2
    assert ctx.accounts.approval_steps(None, record.id)[0].signed


def test_a_directory_change_voids_the_signatures_at_the_next_signing(
    ctx: AppContext, office: Office
) -> None:
    o = office
    record = submitted(ctx, o)
    record = ctx.accounts.sign_step(
        o.head, record.id, "unit_head", Decision.AGREE, "", expected_version=record.version
    )
    clerk = ctx.directory.get_staff(None, o.clerk.staff_id)
    ctx.directory.update_staff(
        o.admin,
        clerk.id,
        dataclasses.replace(_staff_draft(clerk), phone="13907950000"),
        clerk.version,
    )
    with pytest.raises(ValidationError) as info:
        ctx.accounts.sign_step(
            o.office_head,
            record.id,
            "propaganda",
            Decision.AGREE,
            "",
            expected_version=record.version,
        )
    assert info.value.field == "content"
    record = ctx.accounts.get_account(None, record.id)
    assert record.approval_round == 2  # the restart was saved
    assert not any(s.signed for s in ctx.accounts.approval_steps(None, record.id))


def _staff_draft(record: StaffRecord) -> StaffDraft:
    return StaffDraft(
        login=record.login,
        name=record.name,
        unit_id=record.unit_id,
        position=record.position,
        phone=record.phone,
        qq=record.qq,
        roles=record.roles,
    )


def test_change_of_administrator_is_a_change_to_file(
    ctx: AppContext, office: Office, fixed_clock: FixedClock
) -> None:
    o = office
    record = opened(ctx, o)
    fixed_clock.advance(days=3)
    record = ctx.accounts.update_account(
        o.clerk,
        record.id,
        dataclasses.replace(draft_of(record), administrator_id=o.county_clerk.staff_id),
        record.version,
        reason="人员调整",
    )
    assert record.status is AccountStatus.OPEN and record.administrator_name == "黄磊"
    event = ctx.accounts.history(None, record.id)[-1]
    assert event.kind is EventKind.CHANGED and event.reason == "人员调整"
    assert event.details["administrator_name"] == {"from": "张晓", "to": "黄磊"}
    assert last_audit(ctx) == ("account_changed", "clerk")
    states = {f.kind: f for f in ctx.accounts.filings(None, record.id)}
    assert set(states) == {EventKind.OPENED, EventKind.CHANGED}
    # Other details are an ordinary edit with nothing to file.
    record = ctx.accounts.update_account(
        o.clerk, record.id, dataclasses.replace(draft_of(record), bio="江城市天气"), record.version
    )
    assert kinds(ctx, record.id)[-1] is EventKind.EDITED
    assert len(ctx.accounts.filings(None, record.id)) == 2
    # Saving without a change writes nothing.
    head = ctx.audit.head()
    same = ctx.accounts.update_account(o.clerk, record.id, draft_of(record), record.version)
    assert same.version == record.version and ctx.audit.head() == head


def test_suspend_resume_and_close_after_the_notice(
    ctx: AppContext, office: Office, fixed_clock: FixedClock
) -> None:
    o = office
    record = opened(ctx, o)
    with pytest.raises(ValidationError) as info:
        ctx.accounts.close(o.clerk, record.id, "合并", record.version)
    assert info.value.field == "closure_notice_on"
    with pytest.raises(ValidationError):
        ctx.accounts.suspend(o.clerk, record.id, "", record.version)  # a reason is required
    record = ctx.accounts.suspend(o.clerk, record.id, "整改", record.version)
    assert record.status is AccountStatus.SUSPENDED
    with pytest.raises(ValidationError):
        ctx.accounts.suspend(o.clerk, record.id, "again", record.version)
    record = ctx.accounts.resume(o.clerk, record.id, "整改完成", record.version)
    assert record.status is AccountStatus.OPEN
    today = office_date(fixed_clock.now())
    with pytest.raises(ValidationError):
        ctx.accounts.record_closure_notice(
            o.clerk, record.id, today + timedelta(days=1), record.version
        )
    record = ctx.accounts.record_closure_notice(o.clerk, record.id, today, record.version)
    fixed_clock.advance(days=30)
    record = ctx.accounts.close(o.clerk, record.id, "并入市局账号", record.version)
    assert record.status is AccountStatus.CLOSED
    assert record.closed_on == office_date(fixed_clock.now())
    assert kinds(ctx, record.id)[-5:] == [
        EventKind.OPENED,
        EventKind.SUSPENDED,
        EventKind.RESUMED,
        EventKind.CLOSURE_NOTICE,
        EventKind.CLOSED,
    ]
    with pytest.raises(ValidationError):
        ctx.accounts.resume(o.clerk, record.id, "x", record.version)
    with pytest.raises(ValidationError):
        ctx.accounts.update_account(o.clerk, record.id, draft_of(record), record.version)
    filed = {f.kind for f in ctx.accounts.filings(None, record.id)}
    assert filed == {EventKind.OPENED, EventKind.SUSPENDED, EventKind.CLOSED}


def test_illegal_steps_of_the_lifecycle(ctx: AppContext, office: Office) -> None:
    o = office
    record = ctx.accounts.create_application(o.clerk, new_draft(o))
    with pytest.raises(ValidationError):
        ctx.accounts.suspend(o.clerk, record.id, "x", record.version)
    with pytest.raises(ValidationError):
        ctx.accounts.record_closure_notice(o.clerk, record.id, date(2026, 3, 1), record.version)
    record = ctx.accounts.submit(o.clerk, record.id, record.version)
    with pytest.raises(ValidationError):
        ctx.accounts.submit(o.clerk, record.id, record.version)
    with pytest.raises(NotFoundError):
        ctx.accounts.submit(o.clerk, 9999, 1)


# -- filings --------------------------------------------------------------------------------


def test_filing_deadline_and_overdue(
    ctx: AppContext, office: Office, fixed_clock: FixedClock
) -> None:
    o = office
    # START is Monday 2026-03-02; open the account on Friday 2026-03-06.
    fixed_clock.advance(days=4)
    record = opened(ctx, o)
    assert record.opened_on == date(2026, 3, 6)
    (state,) = ctx.accounts.filings(None, record.id)
    assert state.due_on == date(2026, 3, 13) and state.status is FilingStatus.PENDING
    fixed_clock.advance(days=8)  # Saturday 2026-03-14
    (state,) = ctx.accounts.filings(None, record.id)
    assert state.status is FilingStatus.OVERDUE and state.overdue
    codes = [(f.code, f.account_id) for f in ctx.accounts.problems(None)]
    assert ("filing_overdue", record.id) in codes
    # The deadline is a setting.
    ctx.settings.set(o.admin, "filing_working_days", 10)
    (state,) = ctx.accounts.filings(None, record.id)
    assert state.due_on == date(2026, 3, 20) and state.status is FilingStatus.PENDING


def test_record_filing(ctx: AppContext, office: Office, fixed_clock: FixedClock) -> None:
    o = office
    record = opened(ctx, o)
    event_id = next(
        e.id for e in ctx.accounts.history(None, record.id) if e.kind is EventKind.OPENED
    )
    applied_id = ctx.accounts.history(None, record.id)[0].id
    today = office_date(fixed_clock.now())
    with pytest.raises(ValidationError, match="needs no filing"):
        ctx.accounts.record_filing(o.clerk, applied_id, today)
    with pytest.raises(ValidationError, match="future"):
        ctx.accounts.record_filing(o.clerk, event_id, today + timedelta(days=1))
    with pytest.raises(ValidationError, match="before the event"):
        ctx.accounts.record_filing(o.clerk, event_id, today - timedelta(days=1))
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.record_filing(o.county_clerk, event_id, today)
    state = ctx.accounts.record_filing(o.clerk, event_id, today, "报送系统")
    assert state.status is FilingStatus.FILED and state.filed_by == "张晓"
    assert state.reference == "报送系统"
    assert last_audit(ctx) == ("account_filed", "clerk")
    with pytest.raises(ValidationError, match="already"):
        ctx.accounts.record_filing(o.clerk, event_id, today)
    with pytest.raises(NotFoundError):
        ctx.accounts.record_filing(o.clerk, 99999, today)


# -- checks ---------------------------------------------------------------------------------


def test_problems_list(ctx: AppContext, office: Office) -> None:
    o = office
    ctx.accounts.set_reserved_words(o.admin, ["检察", "检察官", "气象局"])
    weibo = ctx.accounts.register_existing(o.clerk, new_draft(o, bio="电话 13807951234"), "旧台账")
    site = ctx.accounts.register_existing(
        o.clerk,
        new_draft(o, platform_id=o.platforms["网站"], name="江城市气象局", handle="site"),
        "旧台账",
    )
    second = ctx.accounts.register_existing(
        o.clerk, new_draft(o, name="江城天气", handle="jctq"), "旧台账"
    )
    found = {(f.account_id, f.code) for f in ctx.accounts.problems(o.chief)}
    assert (weibo.id, "contact_in_text") in found
    assert (site.id, "reserved_word") in found
    assert (site.id, "name_differs") in found
    assert (second.id, "second_account") in found
    assert (weibo.id, "second_account") not in found
    # Recorded approvals and reasons clear their findings.
    site = ctx.accounts.update_account(
        o.clerk,
        site.id,
        dataclasses.replace(draft_of(site), reserved_word_note="局党组批准"),
        site.version,
    )
    second = ctx.accounts.update_account(
        o.clerk,
        second.id,
        dataclasses.replace(draft_of(second), second_account_reason="服务号，局党组批准"),
        second.version,
    )
    found = {(f.account_id, f.code) for f in ctx.accounts.problems(None)}
    assert (site.id, "reserved_word") not in found
    assert (second.id, "second_account") not in found
    errors_first = [f.severity.value for f in ctx.accounts.problems(None)]
    assert errors_first == sorted(errors_first, key=["error", "warning", "info"].index)


def test_check_draft_while_editing(ctx: AppContext, office: Office) -> None:
    o = office
    ctx.accounts.register_existing(o.clerk, new_draft(o), "旧台账")
    found = ctx.accounts.check_draft(
        o.clerk, new_draft(o, name="江城检察官 www.x.cn", handle="other")
    )
    assert {f.code for f in found} >= {"reserved_word", "contact_in_text", "second_account"}


# -- validation against the records ---------------------------------------------------------


def test_references_are_checked(ctx: AppContext, office: Office) -> None:
    o = office
    with pytest.raises(ValidationError) as info:
        ctx.accounts.create_application(o.admin, new_draft(o, platform_id=999))
    assert info.value.field == "platform_id"
    with pytest.raises(ValidationError) as info:
        ctx.accounts.create_application(o.admin, new_draft(o, administrator_id=999))
    assert info.value.field == "administrator_id"
    with pytest.raises(ValidationError) as info:
        ctx.accounts.create_application(o.admin, new_draft(o, unit_id=999))
    assert info.value.field == "unit_id"
    first = ctx.accounts.create_application(o.clerk, new_draft(o))
    with pytest.raises(ValidationError) as info:
        ctx.accounts.create_application(o.clerk, new_draft(o, handle="other"))
    assert info.value.field == "name"
    with pytest.raises(ValidationError) as info:
        ctx.accounts.create_application(o.clerk, new_draft(o, name="别名"))
    assert info.value.field == "handle"
    with pytest.raises(ValidationError):
        ctx.accounts.create_application(o.clerk, new_draft(o, name="x", handle="y", parent_id=999))
    assert ctx.accounts.find_account(None, "江城气象").id == first.id
    assert ctx.accounts.find_account(None, str(first.id)).id == first.id
    with pytest.raises(NotFoundError):
        ctx.accounts.find_account(None, "无此账号")


def test_parent_accounts_form_no_cycle(ctx: AppContext, office: Office) -> None:
    o = office
    city = ctx.accounts.register_existing(o.clerk, new_draft(o), "旧台账")
    county = ctx.accounts.register_existing(
        o.county_clerk,
        new_draft(
            o,
            name="东山气象",
            handle="dsqx",
            unit_id=o.county,
            administrator_id=o.county_clerk.staff_id,
            parent_id=city.id,
        ),
        "旧台账",
    )
    assert county.parent_name == "江城气象"
    with pytest.raises(ValidationError, match="below itself") as info:
        ctx.accounts.update_account(
            o.admin, city.id, dataclasses.replace(draft_of(city), parent_id=county.id), city.version
        )
    assert info.value.field == "parent_id"
    with pytest.raises(ValidationError, match="below itself"):
        ctx.accounts.update_account(
            o.admin, city.id, dataclasses.replace(draft_of(city), parent_id=city.id), city.version
        )


# -- permissions and concurrency ------------------------------------------------------------


def test_a_clerk_of_another_unit_cannot_edit(ctx: AppContext, office: Office) -> None:
    o = office
    record = ctx.accounts.create_application(o.clerk, new_draft(o))
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.update_account(o.county_clerk, record.id, draft_of(record), record.version)
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.submit(o.county_clerk, record.id, record.version)
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.create_application(o.county_clerk, new_draft(o, name="x", handle="y"))
    # Moving an account into one's own unit needs the old unit too.
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.update_account(
            o.county_clerk,
            record.id,
            dataclasses.replace(draft_of(record), unit_id=o.county),
            record.version,
        )
    # The county clerk manages county accounts; the administrator manages everything.
    ctx.accounts.create_application(
        o.county_clerk, new_draft(o, name="东山气象", handle="ds", unit_id=o.county)
    )
    ctx.accounts.update_account(
        o.admin, record.id, dataclasses.replace(draft_of(record), bio="新简介"), record.version
    )


def test_leaders_read_only(ctx: AppContext, office: Office) -> None:
    o = office
    record = ctx.accounts.create_application(o.clerk, new_draft(o))
    for leader in (o.chief, o.sup1, o.head):
        assert [a.id for a in ctx.accounts.list_accounts(leader)] == [record.id]
        assert ctx.accounts.history(leader, record.id)
        with pytest.raises(PermissionDeniedError):
            ctx.accounts.update_account(leader, record.id, draft_of(record), record.version)
        with pytest.raises(PermissionDeniedError):
            ctx.accounts.create_application(leader, new_draft(o, name="x", handle="y"))


def test_only_administrators_change_platforms_and_settings(ctx: AppContext, office: Office) -> None:
    o = office
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.add_platform(o.clerk, "小红书")
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.set_reserved_words(o.clerk, ["x"])
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.set_opening_steps(o.chief, [ApprovalStepSpec("c", "意见", Role.CHIEF)])
    platform = ctx.accounts.add_platform(o.admin, "小红书")
    assert platform.name in [p.name for p in ctx.accounts.list_platforms(None)]
    with pytest.raises(ValidationError):
        ctx.accounts.add_platform(o.admin, "微博")
    renamed = ctx.accounts.update_platform(
        o.admin, platform.id, name="小红书号", active=False, expected_version=platform.version
    )
    assert not renamed.active
    assert last_audit(ctx) == ("platform_updated", "admin")
    with pytest.raises(ConflictError):
        ctx.accounts.update_platform(
            o.admin, platform.id, name="小红书", active=True, expected_version=platform.version
        )
    with pytest.raises(ValidationError):  # an inactive platform takes no new account
        ctx.accounts.create_application(o.clerk, new_draft(o, platform_id=platform.id))
    assert "小红书号" not in [
        p.name for p in ctx.accounts.list_platforms(None, include_inactive=False)
    ]


def test_configured_steps_apply_to_new_rounds(ctx: AppContext, office: Office) -> None:
    o = office
    steps = [
        ApprovalStepSpec("head", "部门负责人意见", Role.RESPONSIBLE, own_unit=True),
        ApprovalStepSpec("chief", "主要领导意见", Role.CHIEF),
    ]
    assert ctx.accounts.set_opening_steps(o.admin, steps) == tuple(steps)
    assert last_audit(ctx) == ("opening_steps_changed", "admin")
    record = submitted(ctx, o)
    assert [s.key for s in ctx.accounts.approval_steps(None, record.id)] == ["head", "chief"]
    record = ctx.accounts.sign_step(
        o.head, record.id, "head", Decision.AGREE, "", expected_version=record.version
    )
    record = ctx.accounts.sign_step(
        o.chief, record.id, "chief", Decision.AGREE, "", expected_version=record.version
    )
    assert record.status is AccountStatus.OPEN
    form = ctx.accounts.opening_form(record.id)
    assert [op.label for op in form.opinions] == ["部门负责人意见", "主要领导意见"]


def test_optimistic_conflict(ctx: AppContext, office: Office) -> None:
    o = office
    record = ctx.accounts.create_application(o.clerk, new_draft(o))
    ctx.accounts.update_account(
        o.clerk, record.id, dataclasses.replace(draft_of(record), bio="甲"), record.version
    )
    head = ctx.audit.head()
    with pytest.raises(ConflictError):
        ctx.accounts.update_account(
            o.admin, record.id, dataclasses.replace(draft_of(record), bio="乙"), record.version
        )
    with pytest.raises(ConflictError):
        ctx.accounts.submit(o.clerk, record.id, record.version)
    assert ctx.audit.head() == head
    assert ctx.accounts.get_account(None, record.id).bio == "甲"


def test_every_change_is_audited_and_the_chain_holds(ctx: AppContext, office: Office) -> None:
    o = office
    before = ctx.audit.head()
    assert before is not None
    opened(ctx, o)
    actions = [e.action for e in ctx.audit.recent(20) if e.seq > before.seq]
    assert actions[::-1] == [
        "account_applied",
        "account_submitted",
        *["account_step_signed"] * 5,
        "account_opened",
    ]
    assert ctx.maintenance.verify().ok


# -- the opening form -----------------------------------------------------------------------


def test_opening_form_from_the_registry(ctx: AppContext, office: Office) -> None:
    o = office
    record = submitted(ctx, o, scope="江城市天气", other_media="江城气象公众号")
    record = ctx.accounts.sign_step(
        o.head, record.id, "unit_head", Decision.AGREE, "同意开设", expected_version=record.version
    )
    form = ctx.accounts.opening_form(record.id)
    assert form.unit == "气象科技服务中心" and form.platform == "微博"
    assert (form.account_name, form.account_id) == ("江城气象", "jcqx")
    assert form.other_media == "江城气象公众号"
    assert "发布天气预报和预警" in form.purpose and "江城市天气" in form.purpose
    assert form.administrator_name == "张晓" and form.responsible_name == "钱芳"
    assert len(form.opinions) == 5
    first = form.opinions[0]
    assert (first.signer, first.signed, first.text) == ("钱芳", True, "同意开设")
    assert not form.opinions[1].signed
    head = ctx.audit.head()
    assert head is not None and form.audit_head.endswith(head.short)
    imported = ctx.accounts.register_existing(o.clerk, new_draft(o, name="x", handle="y"), "旧")
    assert not any(op.signed for op in ctx.accounts.opening_form(imported.id).opinions)


# -- rogue accounts -------------------------------------------------------------------------


def test_rogue_register(ctx: AppContext, office: Office, fixed_clock: FixedClock) -> None:
    o = office
    now = fixed_clock.now()
    draft = RogueDraft(
        platform_id=o.platforms["微博"],
        name="江城气象局发布",
        found_at=now - timedelta(hours=2),
        url="https://weibo.com/u/1",
        where_found="微博搜索",
    )
    with pytest.raises(PermissionDeniedError):
        ctx.rogues.register(o.chief, draft)
    with pytest.raises(ValidationError) as info:
        ctx.rogues.register(o.clerk, dataclasses.replace(draft, found_at=now + timedelta(days=1)))
    assert info.value.field == "found_at"
    with pytest.raises(ValidationError):
        ctx.rogues.register(o.clerk, dataclasses.replace(draft, name=" "))
    rogue = ctx.rogues.register(o.clerk, draft)
    assert rogue.status is RogueStatus.OPEN and rogue.found_by == "张晓"
    assert last_audit(ctx) == ("rogue_registered", "clerk")
    today = office_date(now)
    rogue = ctx.rogues.add_action(
        o.clerk, rogue.id, RogueActionKind.NOTIFY_TECH, today, "", rogue.version
    )
    with pytest.raises(ConflictError):
        ctx.rogues.add_action(
            o.clerk, rogue.id, RogueActionKind.PLATFORM_REPORT, today, "", rogue.version - 1
        )
    rogue = ctx.rogues.add_action(
        o.county_clerk, rogue.id, RogueActionKind.PLATFORM_REPORT, today, "已举报", rogue.version
    )
    assert rogue.status is RogueStatus.OPEN
    rogue = ctx.rogues.add_action(
        o.clerk, rogue.id, RogueActionKind.CLOSED, today, "平台已封禁", rogue.version
    )
    assert rogue.status is RogueStatus.CLOSED
    assert [a.kind for a in rogue.actions] == [
        RogueActionKind.NOTIFY_TECH,
        RogueActionKind.PLATFORM_REPORT,
        RogueActionKind.CLOSED,
    ]
    with pytest.raises(ValidationError):
        ctx.rogues.add_action(o.clerk, rogue.id, RogueActionKind.OTHER, today, "x", rogue.version)
    assert [r.id for r in ctx.rogues.list_rogues(o.chief)] == [rogue.id]
    assert last_audit(ctx) == ("rogue_action_added", "clerk")
    updated = ctx.rogues.update(
        o.clerk, rogue.id, dataclasses.replace(draft, notes="头像盗用"), rogue.version
    )
    assert updated.notes == "头像盗用" and updated.version > rogue.version
