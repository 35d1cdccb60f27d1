"""Moderation of comments and messages (评论处置) and public feedback (群众反馈).

Harmful comments are reported or deleted; the office answers only questions in the
account's field and never argues (001 § 篇1 art.15–16). Feedback is handed to the
responsible department (000 § 篇4 4.5–4.6). A message that needs an answer, and every piece
of feedback, carries a due time (``incidents.answer_due_at``) and shows when late.
Pure: no Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.incidents import MAX_TEXT
from newmedia_desk.domain.working_days import office_date

MAX_AUTHOR = 100


class ModerationKind(StrEnum):
    """What was received: a public comment, or a private message / 留言."""

    COMMENT = "comment"  # 评论
    MESSAGE = "message"  # 私信、留言


KIND_LABELS: dict[ModerationKind, str] = {
    ModerationKind.COMMENT: "评论",
    ModerationKind.MESSAGE: "私信/留言",
}


class ModerationAction(StrEnum):
    """What was done with a comment or message."""

    DELETED = "deleted"  # 删除
    REPORTED = "reported"  # 上报
    REPLIED = "replied"  # 回复
    REFERRED = "referred"  # 转交部门


ACTION_LABELS: dict[ModerationAction, str] = {
    ModerationAction.DELETED: "删除",
    ModerationAction.REPORTED: "上报",
    ModerationAction.REPLIED: "回复",
    ModerationAction.REFERRED: "转交部门",
}


@dataclass(frozen=True, slots=True)
class Handling:
    """What was done: the action and what goes with it."""

    action: ModerationAction
    reason: str = ""
    """Why (required for 删除 and 上报: e.g. 谩骂, 谣言, 广告)."""
    reply: str = ""
    """The answer given (required for 回复)."""
    referred_unit_id: int | None = None
    """The department it was handed to (required for 转交部门)."""


@dataclass(frozen=True, slots=True)
class ModerationDraft:
    """A comment or message as recorded; ``handling`` when it was dealt with at once."""

    account_id: int
    kind: ModerationKind
    text: str
    occurred_at: datetime
    author: str = ""
    needs_answer: bool = False
    handling: Handling | None = None
    handled_at: datetime | None = None
    """When ``handling`` was done (default: when it is recorded)."""


@dataclass(frozen=True, slots=True)
class ModerationRecord:
    """One entry of the moderation log, as lists show it."""

    id: int
    account_id: int
    account_name: str
    platform_name: str
    unit_id: int
    kind: ModerationKind
    text: str
    author: str
    occurred_at: datetime
    action: ModerationAction | None
    reason: str
    reply: str
    referred_unit_id: int | None
    referred_unit_name: str
    needs_answer: bool
    due_at: datetime | None
    handled_at: datetime | None
    handled_by_name: str
    recorded_at: datetime
    recorded_by_name: str
    version: int
    late: bool = False
    """Needs an answer and it came (or has not come) in time."""

    @property
    def overdue(self) -> bool:
        """Late and still not dealt with: what the start view shows in red."""
        return self.late and self.handled_at is None


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    """Public feedback handed to a department."""

    text: str
    received_at: datetime
    unit_id: int
    due_on: date
    from_whom: str = ""
    account_id: int | None = None


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    """One piece of feedback, as lists show it."""

    id: int
    account_id: int | None
    account_name: str
    text: str
    from_whom: str
    received_at: datetime
    unit_id: int
    unit_name: str
    due_on: date
    answer: str
    answered_at: datetime | None
    recorded_at: datetime
    recorded_by_name: str
    version: int
    late: bool = False

    @property
    def overdue(self) -> bool:
        """Late and still not answered."""
        return self.late and self.answered_at is None


def _text(value: str, field: str, *, required: bool, limit: int = MAX_TEXT) -> str:
    text = value.strip()
    if required and not text:
        raise ValidationError("this text must not be empty", field=field)
    if len(text) > limit:
        raise ValidationError("the text is too long", field=field, limit=limit)
    return text


def _not_future(moment: datetime, now: datetime, field: str) -> None:
    if moment.tzinfo is None:
        raise ValueError(f"{field} must be timezone-aware")
    if moment > now:
        raise ValidationError("the time is in the future", field=field)


def validate_handling(handling: Handling) -> Handling:
    """Return the handling with trimmed texts, or raise ``ValidationError``."""
    try:
        action = ModerationAction(handling.action)
    except ValueError as exc:
        raise ValidationError("choose what was done", field="action") from exc
    reason = _text(
        handling.reason,
        "reason",
        required=action in (ModerationAction.DELETED, ModerationAction.REPORTED),
    )
    reply = _text(handling.reply, "reply", required=action is ModerationAction.REPLIED)
    unit = handling.referred_unit_id if action is ModerationAction.REFERRED else None
    if action is ModerationAction.REFERRED and unit is None:
        raise ValidationError("choose the department", field="referred_unit_id")
    return Handling(action, reason, reply, unit)


def validate_moderation(draft: ModerationDraft, now: datetime) -> ModerationDraft:
    """Return the draft with trimmed texts, or raise ``ValidationError``."""
    try:
        kind = ModerationKind(draft.kind)
    except ValueError as exc:
        raise ValidationError("choose comment or message", field="kind") from exc
    text = _text(draft.text, "text", required=True)
    author = _text(draft.author, "author", required=False, limit=MAX_AUTHOR)
    if "\n" in author:
        raise ValidationError("the author must be one line", field="author")
    _not_future(draft.occurred_at, now, "occurred_at")
    handling = None if draft.handling is None else validate_handling(draft.handling)
    handled_at = None
    if handling is not None and draft.handled_at is not None:
        validate_handled_at(draft.handled_at, draft.occurred_at, now)
        handled_at = draft.handled_at
    return ModerationDraft(
        draft.account_id,
        kind,
        text,
        draft.occurred_at,
        author,
        draft.needs_answer,
        handling,
        handled_at,
    )


def validate_handled_at(handled_at: datetime, occurred_at: datetime, now: datetime) -> None:
    """A handling time lies between the arrival and now."""
    _not_future(handled_at, now, "handled_at")
    if handled_at < occurred_at:
        raise ValidationError("the time is before it arrived", field="handled_at")


def validate_feedback(draft: FeedbackDraft, now: datetime) -> FeedbackDraft:
    """Return the draft with trimmed texts, or raise ``ValidationError``."""
    text = _text(draft.text, "text", required=True)
    who = _text(draft.from_whom, "from_whom", required=False, limit=MAX_AUTHOR)
    if "\n" in who:
        raise ValidationError("the name must be one line", field="from_whom")
    _not_future(draft.received_at, now, "received_at")
    if draft.due_on < office_date(draft.received_at):
        raise ValidationError("the due date is before the feedback arrived", field="due_on")
    return FeedbackDraft(
        text, draft.received_at, draft.unit_id, draft.due_on, who, draft.account_id
    )


def validate_answer(answer: str) -> str:
    """Return the trimmed answer of a department, or raise ``ValidationError``."""
    return _text(answer, "answer", required=True)
