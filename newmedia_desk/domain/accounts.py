"""Official accounts, their lifecycle, the opening approval, filings, checks, rogue accounts.

Sources: seed 000 § 篇1 art.5–6 (approval, reserved nickname words, rogue accounts),
§ 篇3 art.4–6, 15–16 and the 审批表 (opening application, re-filing on a change of the
people in charge, closure), ``reference/gov-rules.md`` §6–7 (备案 within 5 working days,
停更公告 before closing, no contacts or QR codes in account information).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.working_days import add_working_days

# -- enums -------------------------------------------------------------------------------


class AccountStatus(StrEnum):
    """Where an account stands in its lifecycle."""

    APPLIED = "applied"  # 申请 (a draft application, or returned by an approver)
    SUBMITTED = "submitted"  # 审批中
    OPEN = "open"  # 已开通
    SUSPENDED = "suspended"  # 停用
    CLOSED = "closed"  # 注销


STATUS_LABELS: dict[AccountStatus, str] = {
    AccountStatus.APPLIED: "申请",
    AccountStatus.SUBMITTED: "审批中",
    AccountStatus.OPEN: "已开通",
    AccountStatus.SUSPENDED: "停用",
    AccountStatus.CLOSED: "注销",
}

LIVE_STATUSES = frozenset({AccountStatus.APPLIED, AccountStatus.SUBMITTED, AccountStatus.OPEN})
"""Accounts that exist or are being opened (suspended and closed ones are not counted)."""


class Verification(StrEnum):
    """The platform's verification of the account (认证)."""

    NONE = "none"  # 未认证
    PENDING = "pending"  # 认证中
    VERIFIED = "verified"  # 已认证


VERIFICATION_LABELS: dict[Verification, str] = {
    Verification.NONE: "未认证",
    Verification.PENDING: "认证中",
    Verification.VERIFIED: "已认证",
}


class EventKind(StrEnum):
    """One line of an account's history. Events are written once and never edited."""

    APPLIED = "applied"  # 申请: the application was drafted
    SUBMITTED = "submitted"  # 提交审批: a new approval round began
    STEP_AGREED = "step_agreed"  # one opinion step signed 同意
    RETURNED = "returned"  # 退回: back to the applicant with the opinion
    ROUND_RESTARTED = "round_restarted"  # the application changed during approval
    OPENED = "opened"  # 已开通: every step agreed
    IMPORTED = "imported"  # taken over from an existing ledger, already open
    EDITED = "edited"  # details changed (not the people in charge)
    CHANGED = "changed"  # 变更: administrator or responsible person changed (re-file)
    SUSPENDED = "suspended"  # 停用
    RESUMED = "resumed"  # 恢复
    CLOSURE_NOTICE = "closure_notice"  # the public 停更公告 was posted
    CLOSED = "closed"  # 注销


EVENT_LABELS: dict[EventKind, str] = {
    EventKind.APPLIED: "申请",
    EventKind.SUBMITTED: "提交审批",
    EventKind.STEP_AGREED: "审批同意",
    EventKind.RETURNED: "退回",
    EventKind.ROUND_RESTARTED: "重新审批",
    EventKind.OPENED: "开通",
    EventKind.IMPORTED: "导入",
    EventKind.EDITED: "修改",
    EventKind.CHANGED: "变更",
    EventKind.SUSPENDED: "停用",
    EventKind.RESUMED: "恢复",
    EventKind.CLOSURE_NOTICE: "停更公告",
    EventKind.CLOSED: "注销",
}

FILING_KINDS = frozenset(
    {EventKind.OPENED, EventKind.CHANGED, EventKind.SUSPENDED, EventKind.CLOSED}
)
"""Events that must be filed (备案) within the configured number of working days."""


class Decision(StrEnum):
    """An approver's decision on one step."""

    AGREE = "agree"  # 同意
    RETURN = "return"  # 退回


DECISION_LABELS: dict[Decision, str] = {Decision.AGREE: "同意", Decision.RETURN: "退回"}


class Severity(StrEnum):
    """How a finding is shown: red, yellow, or just a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class FilingStatus(StrEnum):
    """Whether an opening, change, suspension or closure was filed in time."""

    PENDING = "pending"  # not filed yet, still within the deadline
    OVERDUE = "overdue"  # not filed, deadline passed
    FILED = "filed"  # filed on or before the deadline
    LATE = "late"  # filed after the deadline


class RogueStatus(StrEnum):
    """Whether a rogue account still needs work."""

    OPEN = "open"
    CLOSED = "closed"


class RogueActionKind(StrEnum):
    """What was done about a rogue account (000 § 篇1 art.6)."""

    NOTIFY_TECH = "notify_tech"  # 通知技术科
    PLATFORM_REPORT = "platform_report"  # 平台举报
    CLOSED = "closed"  # 已关闭 (closes the entry)
    OTHER = "other"  # 其他


ROGUE_ACTION_LABELS: dict[RogueActionKind, str] = {
    RogueActionKind.NOTIFY_TECH: "通知技术科",
    RogueActionKind.PLATFORM_REPORT: "平台举报",
    RogueActionKind.CLOSED: "已关闭",
    RogueActionKind.OTHER: "其他",
}

# -- limits and defaults -----------------------------------------------------------------

DEFAULT_PLATFORMS: tuple[str, ...] = (
    "微博",
    "微信公众号",
    "网站",
    "抖音",
    "今日头条",
    "百度贴吧",
    "QQ群",
    "手机客户端",
    "其他",
)
"""The platforms a new database starts with (seeded by migration 0002); editable."""

DEFAULT_RESERVED_WORDS: tuple[str, ...] = ("检察", "检察官")
"""Words a nickname may carry only with recorded approval (000 § 篇1 art.5)."""

MAX_NAME = 60
MAX_PLATFORM_NAME = 30
MAX_HANDLE = 100
MAX_URL = 300
MAX_LONG_TEXT = 1000
MAX_TEXT = 500
MAX_OTHER_MEDIA = 100
MAX_EMAIL = 100
MAX_PHONE = 20
MAX_CADENCE = 200
MAX_REFERENCE = 100
MAX_RESERVED_WORDS = 200
MAX_RESERVED_WORD = 20
MAX_STEPS = 10
MAX_STEP_TITLE = 40

_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_PHONE_RE = re.compile(r"^[0-9+][0-9 -]{4,19}$")
_URL_RE = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_STEP_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")

# -- records -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlatformRecord:
    """One platform accounts can live on."""

    id: int
    name: str
    active: bool
    sort_order: int
    version: int


@dataclass(frozen=True, slots=True)
class AccountDraft:
    """What an editor submits to create or change an account.

    ``handle`` is the account's ID on the platform (账号ID: 微博ID, 微信号, domain …);
    ``platform_id`` is the id of the Platform record.
    """

    platform_id: int
    name: str
    unit_id: int
    administrator_id: int
    responsible_id: int
    handle: str = ""
    url: str = ""
    purpose: str = ""
    scope: str = ""
    other_media: str = ""
    bio: str = ""
    verification: Verification = Verification.NONE
    email: str = ""
    phone: str = ""
    parent_id: int | None = None
    cadence_text: str = ""
    reserved_word_note: str = ""
    second_account_reason: str = ""


@dataclass(frozen=True, slots=True)
class AccountRecord:
    """One account as the registry shows it."""

    id: int
    platform_id: int
    platform_name: str
    name: str
    handle: str
    url: str
    unit_id: int
    unit_name: str
    administrator_id: int
    administrator_name: str
    responsible_id: int
    responsible_name: str
    purpose: str
    scope: str
    other_media: str
    bio: str
    verification: Verification
    email: str
    phone: str
    parent_id: int | None
    parent_name: str
    status: AccountStatus
    cadence_text: str
    reserved_word_note: str
    second_account_reason: str
    applicant_id: int | None
    approval_round: int
    opened_on: date | None
    closure_notice_on: date | None
    closed_on: date | None
    created_at: datetime
    version: int


def draft_of(record: AccountRecord) -> AccountDraft:
    """The editor's starting draft for ``record``."""
    return AccountDraft(
        platform_id=record.platform_id,
        name=record.name,
        unit_id=record.unit_id,
        administrator_id=record.administrator_id,
        responsible_id=record.responsible_id,
        handle=record.handle,
        url=record.url,
        purpose=record.purpose,
        scope=record.scope,
        other_media=record.other_media,
        bio=record.bio,
        verification=record.verification,
        email=record.email,
        phone=record.phone,
        parent_id=record.parent_id,
        cadence_text=record.cadence_text,
        reserved_word_note=record.reserved_word_note,
        second_account_reason=record.second_account_reason,
    )


@dataclass(frozen=True, slots=True)
class AccountEventRecord:
    """One line of an account's history."""

    id: int
    account_id: int
    kind: EventKind
    at: datetime
    actor_id: int | None
    actor: str
    reason: str
    details: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class FilingState:
    """The 备案 of one opening, change, suspension or closure.

    ``overdue`` is true when the filing is missing past its due date, or was made late:
    the UI shows both red.
    """

    event_id: int
    account_id: int
    account_name: str
    kind: EventKind
    event_on: date
    due_on: date
    status: FilingStatus
    filed_on: date | None = None
    filed_by: str = ""
    reference: str = ""

    @property
    def overdue(self) -> bool:
        """Whether the filing missed its deadline (missing or late)."""
        return self.status in (FilingStatus.OVERDUE, FilingStatus.LATE)


def filing_state(
    *,
    event_id: int,
    account_id: int,
    account_name: str,
    kind: EventKind,
    event_on: date,
    working_days: int,
    today: date,
    filed_on: date | None = None,
    filed_by: str = "",
    reference: str = "",
) -> FilingState:
    """Work out the due date and state of one filing.

    The deadline is ``working_days`` working days (Mon–Fri) after the event's date; public
    holidays are not known (see ``working_days``).
    """
    due = add_working_days(event_on, working_days)
    if filed_on is not None:
        status = FilingStatus.FILED if filed_on <= due else FilingStatus.LATE
    else:
        status = FilingStatus.OVERDUE if today > due else FilingStatus.PENDING
    return FilingState(
        event_id=event_id,
        account_id=account_id,
        account_name=account_name,
        kind=kind,
        event_on=event_on,
        due_on=due,
        status=status,
        filed_on=filed_on,
        filed_by=filed_by,
        reference=reference,
    )


# -- the lifecycle -----------------------------------------------------------------------

_TRANSITIONS: frozenset[tuple[AccountStatus, AccountStatus]] = frozenset(
    {
        (AccountStatus.APPLIED, AccountStatus.SUBMITTED),
        (AccountStatus.SUBMITTED, AccountStatus.APPLIED),
        (AccountStatus.SUBMITTED, AccountStatus.OPEN),
        (AccountStatus.OPEN, AccountStatus.SUSPENDED),
        (AccountStatus.SUSPENDED, AccountStatus.OPEN),
        (AccountStatus.OPEN, AccountStatus.CLOSED),
        (AccountStatus.SUSPENDED, AccountStatus.CLOSED),
    }
)


def can_transition(current: AccountStatus, target: AccountStatus) -> bool:
    """Whether the lifecycle allows going from ``current`` to ``target``."""
    return (current, target) in _TRANSITIONS


def check_transition(current: AccountStatus, target: AccountStatus) -> None:
    """Raise ``ValidationError`` unless the lifecycle allows ``current`` → ``target``."""
    if not can_transition(current, target):
        raise ValidationError(
            f"an account that is {current.value} cannot become {target.value}",
            field="status",
            current=current.value,
            target=target.value,
        )


def check_closable(status: AccountStatus, closure_notice_on: date | None, closed_on: date) -> None:
    """Closing needs the public 停更公告 first, posted no later than the closing day."""
    check_transition(status, AccountStatus.CLOSED)
    if closure_notice_on is None:
        raise ValidationError(
            "record the date of the public 停更公告 before closing the account",
            field="closure_notice_on",
        )
    if closure_notice_on > closed_on:
        raise ValidationError(
            "the 停更公告 must be posted before the account is closed",
            field="closure_notice_on",
            notice=closure_notice_on.isoformat(),
            closed=closed_on.isoformat(),
        )


# -- validation --------------------------------------------------------------------------


def _text(value: str, field_name: str, limit: int, *, required: bool = False) -> str:
    clean = value.strip()
    if required and not clean:
        raise ValidationError(f"{field_name} is required", field=field_name)
    if len(clean) > limit:
        raise ValidationError(f"{field_name} is too long", field=field_name, limit=limit)
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in clean):
        raise ValidationError(f"{field_name} contains control characters", field=field_name)
    return clean


def _one_line(value: str, field_name: str, limit: int, *, required: bool = False) -> str:
    clean = _text(value, field_name, limit, required=required)
    if "\n" in clean or "\t" in clean:
        raise ValidationError(f"{field_name} must be one line", field=field_name)
    return clean


def validate_account(draft: AccountDraft) -> AccountDraft:
    """Check a draft and return it with trimmed fields, or raise ``ValidationError``."""
    name = _one_line(draft.name, "name", MAX_NAME, required=True)
    handle = _one_line(draft.handle, "handle", MAX_HANDLE)
    url = _one_line(draft.url, "url", MAX_URL)
    if url and not _URL_RE.fullmatch(url):
        raise ValidationError("the address must start with http:// or https://", field="url")
    email = _one_line(draft.email, "email", MAX_EMAIL)
    if email and not _EMAIL_RE.fullmatch(email):
        raise ValidationError("e-mail address is not valid", field="email")
    phone = _one_line(draft.phone, "phone", MAX_PHONE)
    if phone and not _PHONE_RE.fullmatch(phone):
        raise ValidationError("phone number is not valid", field="phone")
    try:
        verification = Verification(draft.verification)
    except ValueError as exc:
        raise ValidationError("unknown verification status", field="verification") from exc
    return AccountDraft(
        platform_id=draft.platform_id,
        name=name,
        unit_id=draft.unit_id,
        administrator_id=draft.administrator_id,
        responsible_id=draft.responsible_id,
        handle=handle,
        url=url,
        purpose=_text(draft.purpose, "purpose", MAX_LONG_TEXT),
        scope=_text(draft.scope, "scope", MAX_TEXT),
        other_media=_one_line(draft.other_media, "other_media", MAX_OTHER_MEDIA),
        bio=_text(draft.bio, "bio", MAX_TEXT),
        verification=verification,
        email=email,
        phone=phone,
        parent_id=draft.parent_id,
        cadence_text=_one_line(draft.cadence_text, "cadence_text", MAX_CADENCE),
        reserved_word_note=_text(draft.reserved_word_note, "reserved_word_note", MAX_TEXT),
        second_account_reason=_text(draft.second_account_reason, "second_account_reason", MAX_TEXT),
    )


def validate_platform_name(name: str) -> str:
    """Return a trimmed platform name, or raise ``ValidationError``."""
    return _one_line(name, "name", MAX_PLATFORM_NAME, required=True)


def validate_reason(reason: str, *, required: bool = True) -> str:
    """Return a trimmed reason (why an account is suspended, closed …)."""
    return _text(reason, "reason", MAX_TEXT, required=required)


def validate_reference(reference: str) -> str:
    """Return a trimmed filing reference (备案号 or where it was filed)."""
    return _one_line(reference, "reference", MAX_REFERENCE)


def validate_reserved_words(words: Iterable[str]) -> tuple[str, ...]:
    """Return the words trimmed, without blanks or repeats, in the order given."""
    seen: list[str] = []
    for raw in words:
        word = raw.strip()
        if not word:
            continue
        if len(word) > MAX_RESERVED_WORD or "\n" in word:
            raise ValidationError("a reserved word is too long", field="reserved_words", word=word)
        if word not in seen:
            seen.append(word)
    if len(seen) > MAX_RESERVED_WORDS:
        raise ValidationError(
            "too many reserved words", field="reserved_words", limit=MAX_RESERVED_WORDS
        )
    return tuple(seen)


# -- the opening approval ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ApprovalStepSpec:
    """One opinion box of the opening form and who may sign it.

    ``own_unit``: the signer must belong to the account's unit or a unit above it
    (the applying unit's own head); otherwise any holder of ``role`` may sign.
    """

    key: str
    title: str
    role: Role
    own_unit: bool = False


DEFAULT_OPENING_STEPS: tuple[ApprovalStepSpec, ...] = (
    ApprovalStepSpec("unit_head", "申请部门负责人意见", Role.RESPONSIBLE, own_unit=True),
    ApprovalStepSpec("propaganda", "党委宣传部/办公室意见", Role.RESPONSIBLE),
    ApprovalStepSpec("unit_leader", "申请部门主管领导意见", Role.SUPERVISOR),
    ApprovalStepSpec("supervisor", "主管领导意见", Role.SUPERVISOR),
    ApprovalStepSpec("chief", "党委书记/主要领导意见", Role.CHIEF),
)
"""The five opinion boxes of the 审批表 (seed 000 § 篇3)."""


def validate_steps(steps: Sequence[ApprovalStepSpec]) -> tuple[ApprovalStepSpec, ...]:
    """Check a configured list of steps (1–10, unique keys, titles, real roles)."""
    if not 1 <= len(steps) <= MAX_STEPS:
        raise ValidationError(
            f"the approval needs 1 to {MAX_STEPS} steps", field="steps", limit=MAX_STEPS
        )
    clean: list[ApprovalStepSpec] = []
    keys: set[str] = set()
    for step in steps:
        key = step.key.strip()
        if not _STEP_KEY_RE.fullmatch(key):
            raise ValidationError(
                "a step key is lower-case letters, digits and '_'", field="steps", key=key
            )
        if key in keys:
            raise ValidationError("two steps have the same key", field="steps", key=key)
        keys.add(key)
        title = _one_line(step.title, "steps", MAX_STEP_TITLE, required=True)
        try:
            role = Role(step.role)
        except ValueError as exc:
            raise ValidationError("unknown role in a step", field="steps", key=key) from exc
        clean.append(ApprovalStepSpec(key, title, role, bool(step.own_unit)))
    return tuple(clean)


def steps_to_json(steps: Sequence[ApprovalStepSpec]) -> str:
    """Render steps as the JSON text kept in the office settings."""
    return json.dumps(
        [
            {"key": s.key, "title": s.title, "role": s.role.value, "own_unit": s.own_unit}
            for s in steps
        ],
        ensure_ascii=False,
    )


def steps_from_json(text: str) -> tuple[ApprovalStepSpec, ...]:
    """Parse and check steps kept as JSON text; raise ``ValidationError`` when unusable."""
    try:
        data = json.loads(text)
        steps = [
            ApprovalStepSpec(
                str(item["key"]), str(item["title"]), Role(item["role"]), bool(item["own_unit"])
            )
            for item in data
        ]
    except (ValueError, TypeError, KeyError) as exc:
        raise ValidationError("the stored approval steps cannot be read", field="steps") from exc
    return validate_steps(steps)


@dataclass(frozen=True, slots=True)
class ApprovalStepRecord:
    """One opinion step of one approval round, signed or not."""

    id: int
    round: int
    position: int
    key: str
    title: str
    role: Role
    own_unit: bool
    signer_id: int | None
    signer_name: str
    decision: Decision | None
    opinion: str
    signed_at: datetime | None
    content_sha256: str | None
    signature: str | None

    @property
    def signed(self) -> bool:
        """Whether somebody decided this step."""
        return self.decision is not None


def application_content(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The canonical application content: the form's fields, trimmed, as plain JSON values."""
    return {
        key: (value.strip() if isinstance(value, str) else value)
        for key, value in sorted(fields.items())
    }


def content_sha256(content: Mapping[str, Any]) -> str:
    """The SHA-256 of canonical JSON of ``content`` (what an approver saw and signed)."""
    text = json.dumps(
        application_content(content), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def next_step(steps: Sequence[ApprovalStepRecord]) -> ApprovalStepRecord | None:
    """The first step of a round nobody decided yet (``None`` when all are decided)."""
    for step in sorted(steps, key=lambda s: s.position):
        if step.decision is None:
            return step
    return None


def check_signer(
    *,
    step: ApprovalStepRecord,
    round_steps: Sequence[ApprovalStepRecord],
    signer_id: int,
    signer_roles: frozenset[Role],
    signer_unit_scope: frozenset[int],
    account_unit_id: int,
    applicant_id: int | None,
) -> None:
    """Raise ``ValidationError`` unless this person may sign ``step`` now.

    Rules: steps are signed in order; the signer holds the step's role (and, for an
    ``own_unit`` step, belongs to the account's unit or one above it); one person signs
    at most one step of a round; the applicant signs none.
    """
    if step.decision is not None:
        raise ValidationError("this step is already signed", field="step", step=step.key)
    pending = next_step(round_steps)
    if pending is None or pending.id != step.id:
        raise ValidationError(
            "the steps are signed in order; an earlier step is still open",
            field="step",
            step=step.key,
            next=None if pending is None else pending.key,
        )
    if step.role not in signer_roles:
        raise ValidationError(
            "this step must be signed by someone with another role",
            field="step",
            step=step.key,
            role=step.role.value,
        )
    if step.own_unit and account_unit_id not in signer_unit_scope:
        raise ValidationError(
            "this step must be signed by the head of the applying unit",
            field="step",
            step=step.key,
        )
    if applicant_id is not None and signer_id == applicant_id:
        raise ValidationError(
            "the applicant may not sign the application", field="signer", step=step.key
        )
    if any(s.signer_id == signer_id and s.decision is not None for s in round_steps):
        raise ValidationError(
            "one person may sign only one step of an application", field="signer", step=step.key
        )


# -- checks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A problem an account has: stable ``code``, ``severity``, the field and parameters.

    The UI words it from ``code`` and ``params``; ``message`` is the English for logs.
    """

    code: str
    severity: Severity
    field: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    account_id: int | None = None

    @property
    def message(self) -> str:
        """An English sentence for logs and the command line."""
        template = MESSAGES.get(self.code, self.code)
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template


MESSAGES: dict[str, str] = {
    "reserved_word": "the name uses the reserved word {word!r} without a recorded approval",
    "contact_in_text": "the {field} contains a {kind} ({text!r})",
    "second_account": (
        "the unit already has an account on {platform} ({others}); record the reason for "
        "a second one"
    ),
    "name_differs": "the unit's accounts are named {expected!r} on other platforms",
    "filing_due": "the {kind} must be filed by {due}",
    "filing_overdue": "the {kind} of {event_on} was not filed by {due}",
    "filing_late": "the {kind} of {event_on} was filed on {filed}, after {due}",
}

_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL_IN_TEXT = re.compile(
    r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef]+"
    r"|(?<![A-Za-z0-9.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.(?:com|cn|net|org|gov|edu|top|xyz|info|cc|me|io)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4})(?!\d)")
_QR_WORDS = ("二维码", "扫码", "扫一扫", "qr code", "qrcode")


def contact_findings(field_name: str, text: str, severity: Severity) -> list[Finding]:
    """URLs, phone numbers, e-mail addresses or QR-code wording in account information."""
    findings: list[Finding] = []
    rest = text
    for match in _EMAIL_IN_TEXT.finditer(text):
        findings.append(_contact(field_name, "email", match.group(0), severity))
        rest = rest.replace(match.group(0), " ")
    for match in _URL_IN_TEXT.finditer(rest):
        findings.append(_contact(field_name, "url", match.group(0), severity))
        rest = rest.replace(match.group(0), " ")
    for match in _PHONE_IN_TEXT.finditer(rest):
        findings.append(_contact(field_name, "phone", match.group(0), severity))
    lowered = text.lower()
    for word in _QR_WORDS:
        if word in lowered:
            findings.append(_contact(field_name, "qr_code", word, severity))
            break
    return findings


def _contact(field_name: str, kind: str, text: str, severity: Severity) -> Finding:
    return Finding(
        "contact_in_text", severity, field_name, {"field": field_name, "kind": kind, "text": text}
    )


def reserved_word_findings(name: str, note: str, words: Iterable[str]) -> list[Finding]:
    """Reserved words in ``name`` when no approval note is recorded.

    A word contained in a longer one that also matches (检察 in 检察官) is reported once,
    as the longer word.
    """
    if note.strip():
        return []
    hits = [w for w in words if w and w in name]
    hits = [w for w in hits if not any(w != o and w in o for o in hits)]
    return [Finding("reserved_word", Severity.ERROR, "name", {"word": w}) for w in hits]


def field_findings(
    *, name: str, bio: str, purpose: str, reserved_word_note: str, reserved_words: Iterable[str]
) -> list[Finding]:
    """The checks that need only the account's own fields (shown while editing)."""
    findings = reserved_word_findings(name, reserved_word_note, reserved_words)
    findings += contact_findings("name", name, Severity.ERROR)
    findings += contact_findings("bio", bio, Severity.ERROR)
    findings += contact_findings("purpose", purpose, Severity.WARNING)
    return findings


def sibling_findings(account: AccountRecord, others: Sequence[AccountRecord]) -> list[Finding]:
    """Checks against the other accounts of the same unit.

    - Two live accounts of one unit on one platform: every one but the oldest needs a
      recorded reason.
    - The unit's accounts on different platforms should share one name: an account whose
      name differs from the name most of them use (ties: the oldest account's) is warned.
    """
    if account.status not in LIVE_STATUSES:
        return []
    siblings = [
        o
        for o in others
        if o.unit_id == account.unit_id and o.id != account.id and o.status in LIVE_STATUSES
    ]
    findings: list[Finding] = []
    same_platform = [o for o in siblings if o.platform_id == account.platform_id]
    older = [o for o in same_platform if o.id < account.id]
    if older and not account.second_account_reason.strip():
        findings.append(
            Finding(
                "second_account",
                Severity.WARNING,
                "second_account_reason",
                {
                    "platform": account.platform_name,
                    "others": "、".join(sorted(o.name for o in older)),
                },
            )
        )
    other_platforms = [o for o in siblings if o.platform_id != account.platform_id]
    if other_platforms:
        group = sorted([account, *siblings], key=lambda a: a.id)
        counts = Counter(a.name for a in group)
        top = max(counts.values())
        expected = next(a.name for a in group if counts[a.name] == top)
        if account.name != expected and any(o.name != account.name for o in other_platforms):
            findings.append(
                Finding(
                    "name_differs",
                    Severity.WARNING,
                    "name",
                    {
                        "expected": expected,
                        "platforms": "、".join(
                            sorted({o.platform_name for o in other_platforms if o.name == expected})
                        ),
                    },
                )
            )
    return findings


def filing_findings(state: FilingState) -> list[Finding]:
    """A missing or late filing (red: not filed within the deadline), or one still due."""
    params = {
        "kind": EVENT_LABELS[state.kind],
        "event_on": state.event_on.isoformat(),
        "due": state.due_on.isoformat(),
        "event_id": state.event_id,
    }
    if state.status is FilingStatus.OVERDUE:
        return [Finding("filing_overdue", Severity.ERROR, "filing", params)]
    if state.status is FilingStatus.LATE:
        assert state.filed_on is not None
        return [
            Finding(
                "filing_late",
                Severity.ERROR,
                "filing",
                {**params, "filed": state.filed_on.isoformat()},
            )
        ]
    if state.status is FilingStatus.PENDING:
        return [Finding("filing_due", Severity.INFO, "filing", params)]
    return []


def account_findings(
    account: AccountRecord,
    *,
    others: Sequence[AccountRecord],
    reserved_words: Iterable[str],
    filings: Sequence[FilingState],
) -> list[Finding]:
    """Every check of one account, each finding tagged with the account's id."""
    found = field_findings(
        name=account.name,
        bio=account.bio,
        purpose=account.purpose,
        reserved_word_note=account.reserved_word_note,
        reserved_words=reserved_words,
    )
    found += sibling_findings(account, others)
    for state in filings:
        if state.account_id == account.id:
            found += filing_findings(state)
    return [Finding(f.code, f.severity, f.field, f.params, account_id=account.id) for f in found]


# -- rogue accounts ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RogueDraft:
    """An unauthorised account using the agency's name, as found."""

    platform_id: int
    name: str
    found_at: datetime
    url: str = ""
    where_found: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class RogueActionRecord:
    """One thing done about a rogue account, with its date."""

    id: int
    kind: RogueActionKind
    taken_on: date
    note: str
    actor: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class RogueRecord:
    """One entry of the rogue-account register (违规账号)."""

    id: int
    platform_id: int
    platform_name: str
    name: str
    url: str
    where_found: str
    found_at: datetime
    found_by_id: int | None
    found_by: str
    notes: str
    status: RogueStatus
    actions: tuple[RogueActionRecord, ...]
    version: int


def validate_rogue(draft: RogueDraft, now: datetime) -> RogueDraft:
    """Check a rogue-account draft and return it trimmed, or raise ``ValidationError``."""
    url = _one_line(draft.url, "url", MAX_URL)
    if url and not _URL_RE.fullmatch(url):
        raise ValidationError("the address must start with http:// or https://", field="url")
    if draft.found_at.tzinfo is None:
        raise ValidationError("the time found needs a time zone", field="found_at")
    if draft.found_at > now:
        raise ValidationError("the time found is in the future", field="found_at")
    return RogueDraft(
        platform_id=draft.platform_id,
        name=_one_line(draft.name, "name", MAX_NAME, required=True),
        found_at=draft.found_at,
        url=url,
        where_found=_text(draft.where_found, "where_found", MAX_TEXT),
        notes=_text(draft.notes, "notes", MAX_LONG_TEXT),
    )


# -- import ------------------------------------------------------------------------------

IMPORT_COLUMNS: tuple[str, ...] = (
    "平台",
    "账号名称",
    "账号ID",
    "所属单位",
    "管理人",
    "责任人",
    "更新要求",
)
"""The header cells an account ledger must have (in any order; others are ignored)."""


@dataclass(frozen=True, slots=True)
class ImportRowError:
    """One problem of an imported file: the row (1 = header), the column and what is wrong."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        return (
            f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


class ImportRejectedError(ValidationError):
    """The file was refused as a whole; ``errors`` lists every problem found. Nothing changed."""

    code = "import_rejected"

    def __init__(self, errors: Sequence[ImportRowError]) -> None:
        super().__init__(
            f"the file was not imported: {len(errors)} problem(s)", field="file", count=len(errors)
        )
        self.errors = list(errors)
