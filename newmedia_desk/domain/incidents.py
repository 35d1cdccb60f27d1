"""Incidents (突发事件/舆情) and their clocks; the answer due time of messages and feedback.

The clocks run from the moment an incident is opened (gov-rules.md §5; 001 § 篇3 art.19):

| step | 特别重大 / 重大 | 较大 / 一般 |
|---|---|---|
| reported to the chief (第一时间) | setting, 1 h | setting, 1 h |
| authoritative information | setting, 5 h | — (no such clock) |
| response or press conference | setting, 24 h | setting, 48 h |
| handled (the agency's own rule) | setting, 24 h | setting, 24 h |
| result reported upward | setting, 24 h | setting, 24 h |

A step is late when it was done after its deadline, or is not done and its deadline has
passed (for a closed incident: passed before it was closed). Messages and feedback are due
at the end of the office day a number of working days after they arrived (weekends are
skipped; public holidays are not known, see ``working_days``). Pure: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.working_days import OFFICE_TZ, add_working_days, office_date


class IncidentLevel(StrEnum):
    """How serious an incident is (突发事件分级)."""

    EXTRAORDINARY = "extraordinary"  # 特别重大
    MAJOR = "major"  # 重大
    LARGE = "large"  # 较大
    GENERAL = "general"  # 一般


LEVEL_LABELS: dict[IncidentLevel, str] = {
    IncidentLevel.EXTRAORDINARY: "特别重大",
    IncidentLevel.MAJOR: "重大",
    IncidentLevel.LARGE: "较大",
    IncidentLevel.GENERAL: "一般",
}

MAJOR_LEVELS = frozenset({IncidentLevel.EXTRAORDINARY, IncidentLevel.MAJOR})
"""The levels with the 5-hour and 24-hour national clocks."""


class IncidentStep(StrEnum):
    """A step of handling an incident that has a clock, in the order it is usually done."""

    CHIEF = "reported_to_chief"  # 向主要领导报告
    AUTHORITATIVE = "authoritative"  # 发布权威信息
    RESPONSE = "responded"  # 回应 / 新闻发布会
    HANDLED = "handled"  # 妥善处置
    UPWARD = "reported_upward"  # 结果报送上级主管部门


STEP_LABELS: dict[IncidentStep, str] = {
    IncidentStep.CHIEF: "报告主要领导",
    IncidentStep.AUTHORITATIVE: "发布权威信息",
    IncidentStep.RESPONSE: "回应/新闻发布会",
    IncidentStep.HANDLED: "妥善处置",
    IncidentStep.UPWARD: "结果报送上级",
}


@dataclass(frozen=True, slots=True)
class ClockRules:
    """The limits of the clocks, in hours from the opening (each one an office setting)."""

    chief_hours: int = 1
    authoritative_hours: int = 5
    response_major_hours: int = 24
    response_other_hours: int = 48
    handling_hours: int = 24
    upward_hours: int = 24

    def limits(self, level: IncidentLevel) -> dict[IncidentStep, timedelta]:
        """The steps that have a clock at ``level`` and how long each may take, in order."""
        major = level in MAJOR_LEVELS
        hours: dict[IncidentStep, int] = {IncidentStep.CHIEF: self.chief_hours}
        if major:
            hours[IncidentStep.AUTHORITATIVE] = self.authoritative_hours
        hours[IncidentStep.RESPONSE] = (
            self.response_major_hours if major else self.response_other_hours
        )
        hours[IncidentStep.HANDLED] = self.handling_hours
        hours[IncidentStep.UPWARD] = self.upward_hours
        return {step: timedelta(hours=h) for step, h in hours.items()}


DEFAULT_RULES = ClockRules()


@dataclass(frozen=True, slots=True)
class ClockState:
    """One clock of an incident at a moment.

    ``remaining`` is the time left (negative when overdue) while the step is still open and
    the incident is not closed; ``None`` otherwise.
    """

    step: IncidentStep
    due_at: datetime
    done_at: datetime | None
    late: bool
    remaining: timedelta | None

    @property
    def done(self) -> bool:
        """Whether the step has been done (on time or late)."""
        return self.done_at is not None

    @property
    def overdue(self) -> bool:
        """Late and still not done: what the start view shows in red."""
        return self.late and self.done_at is None


@dataclass(frozen=True, slots=True)
class HoldRecord:
    """A crisis hold on one account's planned posts (暂停发布)."""

    id: int
    incident_id: int
    incident_title: str
    account_id: int
    account_name: str
    platform_name: str
    held_at: datetime
    held_by_name: str
    released_at: datetime | None
    released_by_name: str
    planned_posts: int = 0
    """Planned posts of the account not yet published (counted when read)."""

    @property
    def active(self) -> bool:
        """Whether the account is still held."""
        return self.released_at is None


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """An incident as lists show it; ``clocks`` and ``holds`` are filled by the service."""

    id: int
    title: str
    level: IncidentLevel
    description: str
    unit_id: int
    unit_name: str
    opened_at: datetime
    done: Mapping[IncidentStep, datetime | None]
    """When each step was done (``None``: not yet)."""
    closed_at: datetime | None
    notes: str
    recorded_at: datetime
    recorded_by_name: str
    version: int
    clocks: tuple[ClockState, ...] = ()
    holds: tuple[HoldRecord, ...] = field(default=())

    @property
    def is_open(self) -> bool:
        """Whether the incident is still being handled."""
        return self.closed_at is None

    def done_at(self, step: IncidentStep) -> datetime | None:
        """When ``step`` was done, or ``None``."""
        return self.done.get(step)

    @property
    def late_steps(self) -> tuple[ClockState, ...]:
        """The clocks that are late (done late or overdue)."""
        return tuple(c for c in self.clocks if c.late)

    @property
    def overdue_steps(self) -> tuple[ClockState, ...]:
        """The clocks overdue and still not done."""
        return tuple(c for c in self.clocks if c.overdue)

    @property
    def next_clock(self) -> ClockState | None:
        """The open step due first, or ``None`` when every step is done."""
        pending = [c for c in self.clocks if c.done_at is None]
        return min(pending, key=lambda c: c.due_at) if pending else None

    @property
    def active_holds(self) -> tuple[HoldRecord, ...]:
        """The holds not released yet."""
        return tuple(h for h in self.holds if h.active)


def _aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None:
        raise ValueError(f"{name} must be timezone-aware")


def clock_states(
    incident: IncidentRecord, now: datetime, rules: ClockRules = DEFAULT_RULES
) -> tuple[ClockState, ...]:
    """Every clock of ``incident`` at ``now``, in the order of the steps.

    Args:
        incident: The incident (its level, opening time, done times and closing time).
        now: The current time, aware.
        rules: The limits (from the office settings).

    Returns:
        One ``ClockState`` per step that has a clock at the incident's level.
    """
    _aware(now, "now")
    _aware(incident.opened_at, "opened_at")
    states: list[ClockState] = []
    for step, limit in rules.limits(incident.level).items():
        due = incident.opened_at + limit
        done = incident.done_at(step)
        if done is not None:
            states.append(ClockState(step, due, done, done > due, None))
            continue
        closed = incident.closed_at
        reference = now if closed is None else min(closed, now)
        remaining = None if closed is not None else due - now
        states.append(ClockState(step, due, None, reference > due, remaining))
    return tuple(states)


def step_applies(
    level: IncidentLevel, step: IncidentStep, rules: ClockRules = DEFAULT_RULES
) -> bool:
    """Whether ``step`` has a clock at ``level`` (authoritative information: major only)."""
    return step in rules.limits(level)


# -- messages and feedback -------------------------------------------------------------


def end_of_office_day(day: date) -> datetime:
    """The moment an office day ends: midnight after ``day``, Beijing time (exclusive)."""
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=OFFICE_TZ)


def answer_due_at(received_at: datetime, working_days: int) -> datetime:
    """When an answer to something received at ``received_at`` is due.

    The answer is due by the end of the office day ``working_days`` working days after the
    day it arrived (that day itself not counted): received on a Friday with 3 working days
    allowed, it is due by the end of Wednesday; received on a Saturday, the same Wednesday.
    The value returned is the first moment that is late (midnight, Beijing time).
    """
    _aware(received_at, "received_at")
    return end_of_office_day(answer_due_on(received_at, working_days))


def answer_due_on(received_at: datetime, working_days: int) -> date:
    """The last office day on which an answer to what arrived at ``received_at`` is on time."""
    _aware(received_at, "received_at")
    return add_working_days(office_date(received_at), working_days)


def due_day(due_at: datetime) -> date:
    """The last office day of a due time made by ``answer_due_at`` (for display)."""
    _aware(due_at, "due_at")
    return office_date(due_at - timedelta(microseconds=1))


def answer_late(due_at: datetime | None, answered_at: datetime | None, now: datetime) -> bool:
    """Whether an answer due at ``due_at`` is (or was) late.

    Late when answered at or after ``due_at``, or not answered and ``now`` has reached it.
    Nothing without a due time is ever late.
    """
    if due_at is None:
        return False
    moment = answered_at if answered_at is not None else now
    return moment >= due_at


def feedback_late(due_on: date, answered_at: datetime | None, now: datetime) -> bool:
    """Whether feedback due on the office day ``due_on`` is (or was) answered late."""
    return answer_late(end_of_office_day(due_on), answered_at, now)


# -- input -------------------------------------------------------------------------------

MAX_TITLE = 200
MAX_TEXT = 4000


@dataclass(frozen=True, slots=True)
class IncidentDraft:
    """What a person enters to open an incident."""

    title: str
    level: IncidentLevel
    unit_id: int
    opened_at: datetime
    description: str = ""


def validate_incident(draft: IncidentDraft, now: datetime) -> IncidentDraft:
    """Return the draft with trimmed texts, or raise ``ValidationError``."""
    title = draft.title.strip()
    if not title:
        raise ValidationError("the title must not be empty", field="title")
    if len(title) > MAX_TITLE or "\n" in title:
        raise ValidationError("the title must be one line", field="title")
    try:
        level = IncidentLevel(draft.level)
    except ValueError as exc:
        raise ValidationError("choose the level", field="level") from exc
    description = draft.description.strip()
    if len(description) > MAX_TEXT:
        raise ValidationError("the text is too long", field="description", limit=MAX_TEXT)
    _aware(draft.opened_at, "opened_at")
    if draft.opened_at > now:
        raise ValidationError("the time is in the future", field="opened_at")
    return IncidentDraft(title, level, draft.unit_id, draft.opened_at, description)
