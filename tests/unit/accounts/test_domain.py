"""Account rules without a database: working days, lifecycle, checks, approval order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from newmedia_desk.domain.accounts import (
    DEFAULT_OPENING_STEPS,
    AccountDraft,
    AccountRecord,
    AccountStatus,
    ApprovalStepRecord,
    ApprovalStepSpec,
    Decision,
    EventKind,
    FilingStatus,
    Severity,
    Verification,
    can_transition,
    check_closable,
    check_signer,
    check_transition,
    contact_findings,
    content_sha256,
    filing_findings,
    filing_state,
    reserved_word_findings,
    sibling_findings,
    steps_from_json,
    steps_to_json,
    validate_account,
    validate_reserved_words,
    validate_steps,
)
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.working_days import (
    add_working_days,
    is_working_day,
    office_date,
    working_days_between,
)

FRIDAY = date(2026, 3, 6)

# -- working days ---------------------------------------------------------------------------


def test_five_working_days_after_a_friday_is_the_next_friday() -> None:
    assert FRIDAY.weekday() == 4
    assert add_working_days(FRIDAY, 5) == date(2026, 3, 13)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2026, 3, 2), 5, date(2026, 3, 9)),  # Monday → next Monday
        (date(2026, 3, 4), 5, date(2026, 3, 11)),  # Wednesday → next Wednesday
        (date(2026, 3, 7), 5, date(2026, 3, 13)),  # Saturday → Friday
        (date(2026, 3, 8), 1, date(2026, 3, 9)),  # Sunday → Monday
        (FRIDAY, 1, date(2026, 3, 9)),  # Friday → Monday
        (FRIDAY, 0, FRIDAY),
        (FRIDAY, 10, date(2026, 3, 20)),
    ],
)
def test_working_day_deadlines(start: date, days: int, due: date) -> None:
    assert add_working_days(start, days) == due
    assert is_working_day(due) or days == 0
    if days:
        assert working_days_between(start, due) == days


def test_office_date_is_beijing_time() -> None:
    late_utc = datetime(2026, 3, 6, 17, 0, tzinfo=UTC)  # Saturday 01:00 in Beijing
    assert office_date(late_utc) == date(2026, 3, 7)
    with pytest.raises(ValueError):
        office_date(datetime(2026, 3, 6, 12, 0))


def test_filing_state_across_a_weekend() -> None:
    def state(today: date, filed_on: date | None = None) -> FilingStatus:
        return filing_state(
            event_id=1,
            account_id=1,
            account_name="江城气象",
            kind=EventKind.OPENED,
            event_on=FRIDAY,
            working_days=5,
            today=today,
            filed_on=filed_on,
        ).status

    assert state(date(2026, 3, 13)) is FilingStatus.PENDING  # the due day itself
    assert state(date(2026, 3, 14)) is FilingStatus.OVERDUE
    assert state(date(2026, 3, 20), filed_on=date(2026, 3, 13)) is FilingStatus.FILED
    assert state(date(2026, 3, 20), filed_on=date(2026, 3, 16)) is FilingStatus.LATE


def test_overdue_and_late_filings_are_red() -> None:
    base = {
        "event_id": 3,
        "account_id": 1,
        "account_name": "x",
        "kind": EventKind.CHANGED,
        "event_on": FRIDAY,
        "working_days": 5,
    }
    overdue = filing_state(**base, today=date(2026, 3, 16))  # type: ignore[arg-type]
    late = filing_state(**base, today=date(2026, 3, 16), filed_on=date(2026, 3, 16))  # type: ignore[arg-type]
    due = filing_state(**base, today=date(2026, 3, 9))  # type: ignore[arg-type]
    assert overdue.overdue and late.overdue and not due.overdue
    assert [f.code for f in filing_findings(overdue)] == ["filing_overdue"]
    assert [f.severity for f in filing_findings(late)] == [Severity.ERROR]
    assert [f.severity for f in filing_findings(due)] == [Severity.INFO]
    assert "2026-03-13" in filing_findings(overdue)[0].message


# -- lifecycle ----------------------------------------------------------------------------

S = AccountStatus


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.APPLIED, S.SUBMITTED),
        (S.SUBMITTED, S.APPLIED),
        (S.SUBMITTED, S.OPEN),
        (S.OPEN, S.SUSPENDED),
        (S.SUSPENDED, S.OPEN),
        (S.OPEN, S.CLOSED),
        (S.SUSPENDED, S.CLOSED),
    ],
)
def test_allowed_transitions(current: AccountStatus, target: AccountStatus) -> None:
    assert can_transition(current, target)
    check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.APPLIED, S.OPEN),
        (S.APPLIED, S.CLOSED),
        (S.SUBMITTED, S.CLOSED),
        (S.OPEN, S.APPLIED),
        (S.CLOSED, S.OPEN),
        (S.CLOSED, S.SUSPENDED),
        (S.OPEN, S.OPEN),
    ],
)
def test_illegal_transitions(current: AccountStatus, target: AccountStatus) -> None:
    assert not can_transition(current, target)
    with pytest.raises(ValidationError) as info:
        check_transition(current, target)
    assert info.value.field == "status"


def test_closing_needs_the_public_notice_first() -> None:
    with pytest.raises(ValidationError) as info:
        check_closable(S.OPEN, None, FRIDAY)
    assert info.value.field == "closure_notice_on"
    with pytest.raises(ValidationError):
        check_closable(S.OPEN, FRIDAY + timedelta(days=1), FRIDAY)
    check_closable(S.OPEN, FRIDAY, FRIDAY)
    with pytest.raises(ValidationError):
        check_closable(S.APPLIED, FRIDAY, FRIDAY)


# -- validation -----------------------------------------------------------------------------


def draft(**changes: object) -> AccountDraft:
    values: dict[str, object] = {
        "platform_id": 1,
        "name": " 江城气象 ",
        "unit_id": 2,
        "administrator_id": 3,
        "responsible_id": 4,
    }
    values.update(changes)
    return AccountDraft(**values)  # type: ignore[arg-type]


def test_validate_account_trims() -> None:
    clean = validate_account(draft(url=" https://weibo.com/x ", email="a@b.cn"))
    assert clean.name == "江城气象" and clean.url == "https://weibo.com/x"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "  "),
        ("name", "气" * 61),
        ("name", "两\n行"),
        ("url", "weibo.com/x"),
        ("email", "not-an-address"),
        ("phone", "电话"),
        ("purpose", "字" * 1001),
        ("cadence_text", "x" * 201),
        ("handle", "a\x01b"),
        ("verification", "maybe"),
    ],
)
def test_validate_account_refuses(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_account(draft(**{field: value}))
    assert info.value.field == field


def test_reserved_words_list() -> None:
    assert validate_reserved_words([" 检察 ", "", "检察", "气象局"]) == ("检察", "气象局")
    with pytest.raises(ValidationError):
        validate_reserved_words(["字" * 21])


def test_steps_round_trip_and_validation() -> None:
    assert steps_from_json(steps_to_json(DEFAULT_OPENING_STEPS)) == DEFAULT_OPENING_STEPS
    with pytest.raises(ValidationError):
        validate_steps([])
    twice = ApprovalStepSpec("a", "甲", Role.CHIEF)
    with pytest.raises(ValidationError):
        validate_steps([twice, twice])
    with pytest.raises(ValidationError):
        validate_steps([ApprovalStepSpec("Bad Key", "甲", Role.CHIEF)])
    with pytest.raises(ValidationError):
        steps_from_json("{not json")
    with pytest.raises(ValidationError):
        steps_from_json('[{"key": "a", "title": "甲", "role": "pope", "own_unit": false}]')


# -- checks ---------------------------------------------------------------------------------


def test_reserved_word_needs_an_approval_note() -> None:
    found = reserved_word_findings("某市检察官之声", "", ["检察", "检察官"])
    assert [(f.code, f.params["word"], f.severity) for f in found] == [
        ("reserved_word", "检察官", Severity.ERROR)
    ]
    assert reserved_word_findings("某市检察官之声", "院党组批准", ["检察"]) == []
    assert reserved_word_findings("江城气象", "", ["检察", "气象局"]) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("江城气象 http://jcqx.cn", "url"),
        ("详见www.jcqx.cn", "url"),
        ("官网jcqx.gov.cn欢迎访问", "url"),
        ("电话13807951234", "phone"),
        ("热线0795-3261001", "phone"),
        ("投稿jcqx@163.com", "email"),
        ("扫码关注", "qr_code"),
        ("长按二维码", "qr_code"),
    ],
)
def test_contacts_in_account_text(text: str, kind: str) -> None:
    found = contact_findings("bio", text, Severity.ERROR)
    assert kind in {f.params["kind"] for f in found}
    assert all(f.code == "contact_in_text" and f.field == "bio" for f in found)


def test_plain_text_has_no_contacts() -> None:
    assert contact_findings("name", "江城气象 12121 天气预报", Severity.ERROR) == []


def test_an_email_is_not_also_a_url() -> None:
    found = contact_findings("bio", "jcqx@163.com", Severity.ERROR)
    assert [f.params["kind"] for f in found] == ["email"]


def record(account_id: int, platform_id: int, name: str, **changes: object) -> AccountRecord:
    values: dict[str, object] = {
        "id": account_id,
        "platform_id": platform_id,
        "platform_name": {1: "微博", 2: "微信公众号", 3: "网站"}[platform_id],
        "name": name,
        "handle": "",
        "url": "",
        "unit_id": 5,
        "unit_name": "气象科技服务中心",
        "administrator_id": 1,
        "administrator_name": "甲",
        "responsible_id": 2,
        "responsible_name": "乙",
        "purpose": "",
        "scope": "",
        "other_media": "",
        "bio": "",
        "verification": Verification.NONE,
        "email": "",
        "phone": "",
        "parent_id": None,
        "parent_name": "",
        "status": AccountStatus.OPEN,
        "cadence_text": "",
        "reserved_word_note": "",
        "second_account_reason": "",
        "applicant_id": None,
        "approval_round": 0,
        "opened_on": None,
        "closure_notice_on": None,
        "closed_on": None,
        "created_at": datetime(2026, 1, 1, tzinfo=UTC),
        "version": 1,
    }
    values.update(changes)
    return AccountRecord(**values)  # type: ignore[arg-type]


def test_second_account_on_one_platform_needs_a_reason() -> None:
    first = record(1, 1, "江城气象")
    second = record(2, 1, "江城天气")
    found = sibling_findings(second, [first, second])
    assert [f.code for f in found] == ["second_account"]
    assert sibling_findings(first, [first, second]) == []  # the oldest one is fine
    with_reason = record(2, 1, "江城天气", second_account_reason="服务号另开，局党组批准")
    assert sibling_findings(with_reason, [first, with_reason]) == []
    other_unit = record(2, 1, "东山气象", unit_id=6)
    assert sibling_findings(other_unit, [first, other_unit]) == []
    closed = record(1, 1, "江城气象", status=AccountStatus.CLOSED)
    assert sibling_findings(second, [closed, second]) == []


def test_names_should_match_across_platforms() -> None:
    weibo = record(1, 1, "江城气象")
    wechat = record(2, 2, "江城气象")
    site = record(3, 3, "江城市气象局")
    group = [weibo, wechat, site]
    assert sibling_findings(weibo, group) == []
    found = sibling_findings(site, group)
    assert [(f.code, f.params["expected"]) for f in found] == [("name_differs", "江城气象")]
    assert sibling_findings(record(2, 2, "江城气象"), [weibo, record(2, 2, "江城气象")]) == []


# -- the approval ---------------------------------------------------------------------------


def step(
    step_id: int, position: int, role: Role, signer: int | None = None, own_unit: bool = False
) -> ApprovalStepRecord:
    return ApprovalStepRecord(
        id=step_id,
        round=1,
        position=position,
        key=f"s{position}",
        title=f"第{position}步",
        role=role,
        own_unit=own_unit,
        signer_id=signer,
        signer_name="",
        decision=None if signer is None else Decision.AGREE,
        opinion="",
        signed_at=None,
        content_sha256=None,
        signature=None,
    )


def test_signer_rules() -> None:
    steps = [step(1, 1, Role.RESPONSIBLE, own_unit=True), step(2, 2, Role.SUPERVISOR)]

    def sign(target: ApprovalStepRecord, who: int, roles: set[Role], scope: set[int]) -> None:
        check_signer(
            step=target,
            round_steps=steps,
            signer_id=who,
            signer_roles=frozenset(roles),
            signer_unit_scope=frozenset(scope),
            account_unit_id=5,
            applicant_id=9,
        )

    sign(steps[0], 1, {Role.RESPONSIBLE}, {5})
    with pytest.raises(ValidationError, match="in order"):
        sign(steps[1], 2, {Role.SUPERVISOR}, {1})
    with pytest.raises(ValidationError, match="role"):
        sign(steps[0], 1, {Role.CLERK}, {5})
    with pytest.raises(ValidationError, match="head of the applying unit"):
        sign(steps[0], 1, {Role.RESPONSIBLE}, {6})
    with pytest.raises(ValidationError, match="applicant"):
        sign(steps[0], 9, {Role.RESPONSIBLE}, {5})
    steps[0] = step(1, 1, Role.RESPONSIBLE, signer=1)
    with pytest.raises(ValidationError, match="only one step"):
        sign(steps[1], 1, {Role.SUPERVISOR, Role.RESPONSIBLE}, {5})
    with pytest.raises(ValidationError, match="already signed"):
        sign(steps[0], 3, {Role.RESPONSIBLE}, {5})
    sign(steps[1], 2, {Role.SUPERVISOR}, {1})


def test_content_digest_is_canonical() -> None:
    a = content_sha256({"name": "江城气象 ", "unit": "中心"})
    assert a == content_sha256({"unit": "中心", "name": "江城气象"})
    assert a != content_sha256({"unit": "中心", "name": "江城天气"})
    assert len(a) == 64
