"""Moderation log, public feedback, incidents with their clocks, and crisis holds.

Every change is one transaction with its audit entry. Lists compute the late flags at the
moment they are read, from the office settings (``ANSWER_WORKING_DAYS`` and the incident
clocks), so changing a setting changes the clocks of open items at once.

Crisis holds: while an incident is open the office may hold the planned posts of chosen
accounts. The post service is not changed here: ``held_accounts`` and ``check_not_held``
are the checks it (and the publication dialog) call before approving or publishing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import NotFoundError, ValidationError
from newmedia_desk.domain.incidents import (
    ClockRules,
    HoldRecord,
    IncidentDraft,
    IncidentLevel,
    IncidentRecord,
    IncidentStep,
    answer_due_at,
    answer_due_on,
    answer_late,
    clock_states,
    end_of_office_day,
    feedback_late,
    step_applies,
    validate_incident,
)
from newmedia_desk.domain.interaction import (
    FeedbackDraft,
    FeedbackRecord,
    Handling,
    ModerationAction,
    ModerationDraft,
    ModerationKind,
    ModerationRecord,
    validate_answer,
    validate_feedback,
    validate_handled_at,
    validate_handling,
    validate_moderation,
)
from newmedia_desk.domain.posts import PostStatus
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.settings import (
    ANSWER_WORKING_DAYS,
    INCIDENT_AUTHORITATIVE_HOURS,
    INCIDENT_CHIEF_HOURS,
    INCIDENT_HANDLING_HOURS,
    INCIDENT_RESPONSE_MAJOR_HOURS,
    INCIDENT_RESPONSE_OTHER_HOURS,
    INCIDENT_UPWARD_HOURS,
)
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import OFFICE_TZ
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import check_version, require
from newmedia_desk.services.settings import OfficeSettingsService
from newmedia_desk.storage.cadence_models import CrisisHold, Feedback, Incident, ModerationEntry
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Account, Platform, Staff, Unit
from newmedia_desk.storage.post_models import Post, PostTarget

STEP_COLUMNS: dict[IncidentStep, str] = {
    IncidentStep.CHIEF: "reported_to_chief_at",
    IncidentStep.AUTHORITATIVE: "authoritative_at",
    IncidentStep.RESPONSE: "responded_at",
    IncidentStep.HANDLED: "handled_at",
    IncidentStep.UPWARD: "reported_upward_at",
}
"""The column of the ``incident`` table holding each step's time."""

PLANNED_STATUSES = (
    PostStatus.DRAFT.value,
    PostStatus.IN_APPROVAL.value,
    PostStatus.RETURNED.value,
    PostStatus.APPROVED.value,
)
"""A post in one of these states with a planned time is a planned post (a hold stops it)."""


class LateKind(StrEnum):
    """What a late item on the start view is."""

    MESSAGE = "message"  # a comment or message not answered in time
    FEEDBACK = "feedback"  # feedback the department has not answered in time
    INCIDENT_STEP = "incident_step"  # a step of an open incident past its clock


@dataclass(frozen=True, slots=True)
class LateItem:
    """One overdue thing for the start view, red."""

    kind: LateKind
    record_id: int
    summary: str
    """The beginning of the text, or the incident's title."""
    where: str
    """The account (moderation), the department (feedback) or the unit (incident)."""
    due_at: datetime
    step: IncidentStep | None = None


@dataclass(frozen=True, slots=True)
class ModerationLedger:
    """What the moderation ledger of a period holds."""

    entries: list[ModerationRecord]
    feedback: list[FeedbackRecord]


def _summary(text: str, limit: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _period_bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    low = None if start is None else datetime.combine(start, time(0, 0), tzinfo=OFFICE_TZ)
    high = None if end is None else end_of_office_day(end)
    if low is not None and high is not None and high <= low:
        raise ValidationError("the period ends before it starts", field="end")
    return low, high


class _Names:
    """Names of accounts, units and staff, read once per call."""

    def __init__(self, s: Session) -> None:
        self.accounts: dict[int, tuple[str, str, int]] = {
            a_id: (name, platform, unit)
            for a_id, name, platform, unit in s.execute(
                select(Account.id, Account.name, Platform.name, Account.unit_id).join(
                    Platform, Platform.id == Account.platform_id
                )
            )
        }
        self.units: dict[int, str] = {i: n for i, n in s.execute(select(Unit.id, Unit.name))}
        self.staff: dict[int, str] = {i: n for i, n in s.execute(select(Staff.id, Staff.name))}

    def account(self, account_id: int | None) -> tuple[str, str, int]:
        if account_id is None:
            return "", "", 0
        return self.accounts.get(account_id, (f"#{account_id}", "", 0))

    def unit(self, unit_id: int | None) -> str:
        return "" if unit_id is None else self.units.get(unit_id, f"#{unit_id}")

    def person(self, staff_id: int | None) -> str:
        return "" if staff_id is None else self.staff.get(staff_id, f"#{staff_id}")


def _moderation_snapshot(row: ModerationEntry) -> dict[str, Any]:
    return {
        "account_id": row.account_id,
        "kind": row.kind,
        "text": row.text,
        "author": row.author,
        "occurred_at": row.occurred_at.isoformat(),
        "needs_answer": row.needs_answer,
        "due_at": None if row.due_at is None else row.due_at.isoformat(),
        "action": row.action,
        "reason": row.reason,
        "reply": row.reply,
        "referred_unit_id": row.referred_unit_id,
        "handled_at": None if row.handled_at is None else row.handled_at.isoformat(),
    }


def _feedback_snapshot(row: Feedback) -> dict[str, Any]:
    return {
        "account_id": row.account_id,
        "text": row.text,
        "from_whom": row.from_whom,
        "received_at": row.received_at.isoformat(),
        "unit_id": row.unit_id,
        "due_on": row.due_on.isoformat(),
        "answer": row.answer,
        "answered_at": None if row.answered_at is None else row.answered_at.isoformat(),
    }


def _incident_snapshot(row: Incident) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": row.title,
        "level": row.level,
        "unit_id": row.unit_id,
        "opened_at": row.opened_at.isoformat(),
        "description": row.description,
    }
    for step, column in STEP_COLUMNS.items():
        value = getattr(row, column)
        data[step.value] = None if value is None else value.isoformat()
    data["closed_at"] = None if row.closed_at is None else row.closed_at.isoformat()
    data["notes"] = row.notes
    return data


class InteractionService:
    """The moderation log, feedback, incidents and crisis holds."""

    def __init__(
        self, db: Database, audit: AuditService, clock: Clock, settings: OfficeSettingsService
    ) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._settings = settings

    # -- settings ------------------------------------------------------------------------

    def clock_rules(self) -> ClockRules:
        """The incident clocks as the office has set them."""
        get = self._settings.get
        return ClockRules(
            chief_hours=get(INCIDENT_CHIEF_HOURS),
            authoritative_hours=get(INCIDENT_AUTHORITATIVE_HOURS),
            response_major_hours=get(INCIDENT_RESPONSE_MAJOR_HOURS),
            response_other_hours=get(INCIDENT_RESPONSE_OTHER_HOURS),
            handling_hours=get(INCIDENT_HANDLING_HOURS),
            upward_hours=get(INCIDENT_UPWARD_HOURS),
        )

    def answer_days(self) -> int:
        """Working days allowed to answer a message or feedback."""
        return self._settings.get(ANSWER_WORKING_DAYS)

    def default_due_on(self, received_at: datetime) -> date:
        """The due date proposed for feedback received at ``received_at``."""
        return answer_due_on(received_at, self.answer_days())

    # -- permissions ---------------------------------------------------------------------

    @staticmethod
    def _may_view(actor: Principal | None) -> None:
        if actor is not None:
            require(actor, Permission.VIEW_ACCOUNTS)

    @staticmethod
    def _account_unit(s: Session, account_id: int) -> int:
        unit = s.scalar(select(Account.unit_id).where(Account.id == account_id))
        if unit is None:
            raise ValidationError("the account does not exist", field="account_id")
        return unit

    @staticmethod
    def _check_unit(s: Session, unit_id: int, field: str) -> None:
        if s.get(Unit, unit_id) is None:
            raise ValidationError("the unit does not exist", field=field)

    # -- moderation ----------------------------------------------------------------------

    def list_moderation(
        self, actor: Principal | None, start: date | None = None, end: date | None = None
    ) -> list[ModerationRecord]:
        """Entries that arrived in ``start``–``end`` (office dates; open ends), newest first."""
        self._may_view(actor)
        low, high = _period_bounds(start, end)
        query = select(ModerationEntry).order_by(
            ModerationEntry.occurred_at.desc(), ModerationEntry.id.desc()
        )
        if low is not None:
            query = query.where(ModerationEntry.occurred_at >= low)
        if high is not None:
            query = query.where(ModerationEntry.occurred_at < high)
        now = self._clock.now()
        with self._db.read() as s:
            names = _Names(s)
            return [self._moderation_record(r, names, now) for r in s.scalars(query)]

    def get_moderation(self, actor: Principal | None, entry_id: int) -> ModerationRecord:
        """One entry."""
        self._may_view(actor)
        with self._db.read() as s:
            return self._moderation_record(
                self._moderation_row(s, entry_id), _Names(s), self._clock.now()
            )

    def record_moderation(self, actor: Principal, draft: ModerationDraft) -> ModerationRecord:
        """Record a comment or message; with ``handling`` when it was dealt with already.

        A message that needs an answer is due ``ANSWER_WORKING_DAYS`` working days after it
        arrived (end of that office day).
        """
        now = self._clock.now()
        clean = validate_moderation(draft, now)
        with self._db.write() as s:
            require(actor, Permission.MODERATE, self._account_unit(s, clean.account_id))
            due = answer_due_at(clean.occurred_at, self.answer_days())
            row = ModerationEntry(
                account_id=clean.account_id,
                kind=clean.kind.value,
                text=clean.text,
                author=clean.author,
                occurred_at=clean.occurred_at,
                needs_answer=clean.needs_answer,
                due_at=due if clean.needs_answer else None,
                recorded_at=now,
                recorded_by=actor.staff_id,
                reason="",
                reply="",
            )
            if clean.handling is not None:
                when = clean.handled_at if clean.handled_at is not None else now
                self._apply_handling(s, row, clean.handling, actor, when)
            s.add(row)
            s.flush()
            self._audit.append(
                s,
                actor,
                "moderation_recorded",
                "moderation_entry",
                row.id,
                after=_moderation_snapshot(row),
            )
            return self._moderation_record(row, _Names(s), now)

    def handle_moderation(
        self,
        actor: Principal,
        entry_id: int,
        handling: Handling,
        expected_version: int,
        *,
        handled_at: datetime | None = None,
    ) -> ModerationRecord:
        """Record what was done with an entry not handled yet (删除, 上报, 回复, 转交部门).

        ``handled_at`` is when it was done (default: now); it decides whether a message
        needing an answer was answered in time.
        """
        now = self._clock.now()
        clean = validate_handling(handling)
        with self._db.write() as s:
            row = self._moderation_row(s, entry_id)
            require(actor, Permission.MODERATE, self._account_unit(s, row.account_id))
            check_version("moderation entry", row.version, expected_version)
            if row.action is not None:
                raise ValidationError("this entry has been handled already", field="action")
            when = handled_at if handled_at is not None else now
            validate_handled_at(when, row.occurred_at, now)
            before = _moderation_snapshot(row)
            self._apply_handling(s, row, clean, actor, when)
            s.flush()
            self._audit.append(
                s,
                actor,
                "moderation_handled",
                "moderation_entry",
                row.id,
                before=before,
                after=_moderation_snapshot(row),
            )
            return self._moderation_record(row, _Names(s), now)

    def _apply_handling(
        self, s: Session, row: ModerationEntry, h: Handling, actor: Principal, when: datetime
    ) -> None:
        if h.referred_unit_id is not None:
            self._check_unit(s, h.referred_unit_id, "referred_unit_id")
        validate_handled_at(when, row.occurred_at, self._clock.now())
        row.action = h.action.value
        row.reason = h.reason
        row.reply = h.reply
        row.referred_unit_id = h.referred_unit_id
        row.handled_at = when
        row.handled_by = actor.staff_id

    @staticmethod
    def _moderation_row(s: Session, entry_id: int) -> ModerationEntry:
        row = s.get(ModerationEntry, entry_id)
        if row is None:
            raise NotFoundError("moderation entry not found")
        return row

    @staticmethod
    def _moderation_record(row: ModerationEntry, names: _Names, now: datetime) -> ModerationRecord:
        account, platform, unit = names.account(row.account_id)
        due = row.due_at if row.needs_answer else None
        return ModerationRecord(
            id=row.id,
            account_id=row.account_id,
            account_name=account,
            platform_name=platform,
            unit_id=unit,
            kind=ModerationKind(row.kind),
            text=row.text,
            author=row.author,
            occurred_at=row.occurred_at,
            action=None if row.action is None else ModerationAction(row.action),
            reason=row.reason,
            reply=row.reply,
            referred_unit_id=row.referred_unit_id,
            referred_unit_name=names.unit(row.referred_unit_id),
            needs_answer=row.needs_answer,
            due_at=due,
            handled_at=row.handled_at,
            handled_by_name=names.person(row.handled_by),
            recorded_at=row.recorded_at,
            recorded_by_name=names.person(row.recorded_by),
            version=row.version,
            late=answer_late(due, row.handled_at, now),
        )

    # -- feedback ------------------------------------------------------------------------

    def list_feedback(
        self, actor: Principal | None, start: date | None = None, end: date | None = None
    ) -> list[FeedbackRecord]:
        """Feedback received in ``start``–``end`` (office dates; open ends), newest first."""
        self._may_view(actor)
        low, high = _period_bounds(start, end)
        query = select(Feedback).order_by(Feedback.received_at.desc(), Feedback.id.desc())
        if low is not None:
            query = query.where(Feedback.received_at >= low)
        if high is not None:
            query = query.where(Feedback.received_at < high)
        now = self._clock.now()
        with self._db.read() as s:
            names = _Names(s)
            return [self._feedback_record(r, names, now) for r in s.scalars(query)]

    def hand_over(self, actor: Principal, draft: FeedbackDraft) -> FeedbackRecord:
        """Record feedback and the department it was handed to, with its due date."""
        now = self._clock.now()
        clean = validate_feedback(draft, now)
        with self._db.write() as s:
            self._may_moderate(s, actor, clean.account_id)
            self._check_unit(s, clean.unit_id, "unit_id")
            row = Feedback(
                account_id=clean.account_id,
                text=clean.text,
                from_whom=clean.from_whom,
                received_at=clean.received_at,
                unit_id=clean.unit_id,
                due_on=clean.due_on,
                answer="",
                recorded_at=now,
                recorded_by=actor.staff_id,
            )
            s.add(row)
            s.flush()
            self._audit.append(
                s, actor, "feedback_handed_over", "feedback", row.id, after=_feedback_snapshot(row)
            )
            return self._feedback_record(row, _Names(s), now)

    def record_answer(
        self,
        actor: Principal,
        feedback_id: int,
        answer: str,
        expected_version: int,
        *,
        answered_at: datetime | None = None,
    ) -> FeedbackRecord:
        """Record the department's answer (default time: now)."""
        now = self._clock.now()
        text = validate_answer(answer)
        with self._db.write() as s:
            row = s.get(Feedback, feedback_id)
            if row is None:
                raise NotFoundError("feedback not found")
            self._may_moderate(s, actor, row.account_id)
            check_version("feedback", row.version, expected_version)
            if row.answered_at is not None:
                raise ValidationError("this feedback has been answered already", field="answer")
            when = answered_at if answered_at is not None else now
            if when > now:
                raise ValidationError("the time is in the future", field="answered_at")
            if when < row.received_at:
                raise ValidationError("the time is before it arrived", field="answered_at")
            before = _feedback_snapshot(row)
            row.answer = text
            row.answered_at = when
            s.flush()
            self._audit.append(
                s,
                actor,
                "feedback_answered",
                "feedback",
                row.id,
                before=before,
                after=_feedback_snapshot(row),
            )
            return self._feedback_record(row, _Names(s), now)

    def _may_moderate(self, s: Session, actor: Principal, account_id: int | None) -> None:
        # Feedback that came through an account belongs to that account's unit; feedback
        # received otherwise (a phone call) may be recorded by any clerk.
        unit = actor.unit_id if account_id is None else self._account_unit(s, account_id)
        require(actor, Permission.MODERATE, unit)

    @staticmethod
    def _feedback_record(row: Feedback, names: _Names, now: datetime) -> FeedbackRecord:
        return FeedbackRecord(
            id=row.id,
            account_id=row.account_id,
            account_name=names.account(row.account_id)[0],
            text=row.text,
            from_whom=row.from_whom,
            received_at=row.received_at,
            unit_id=row.unit_id,
            unit_name=names.unit(row.unit_id),
            due_on=row.due_on,
            answer=row.answer,
            answered_at=row.answered_at,
            recorded_at=row.recorded_at,
            recorded_by_name=names.person(row.recorded_by),
            version=row.version,
            late=feedback_late(row.due_on, row.answered_at, now),
        )

    # -- incidents -----------------------------------------------------------------------

    def list_incidents(
        self,
        actor: Principal | None,
        start: date | None = None,
        end: date | None = None,
        *,
        open_only: bool = False,
    ) -> list[IncidentRecord]:
        """Incidents opened in ``start``–``end`` with their clocks and holds, newest first."""
        self._may_view(actor)
        low, high = _period_bounds(start, end)
        query = select(Incident).order_by(Incident.opened_at.desc(), Incident.id.desc())
        if low is not None:
            query = query.where(Incident.opened_at >= low)
        if high is not None:
            query = query.where(Incident.opened_at < high)
        if open_only:
            query = query.where(Incident.closed_at.is_(None))
        rules = self.clock_rules()
        now = self._clock.now()
        with self._db.read() as s:
            rows = list(s.scalars(query))
            return self._incident_records(s, rows, rules, now)

    def open_incidents(self, actor: Principal | None) -> list[IncidentRecord]:
        """The incidents still open, with their clocks (the start view), most urgent first."""
        records = self.list_incidents(actor, open_only=True)
        far = datetime.max.replace(tzinfo=OFFICE_TZ)

        def urgency(r: IncidentRecord) -> datetime:
            nxt = r.next_clock
            return far if nxt is None else nxt.due_at

        return sorted(records, key=urgency)

    def get_incident(self, actor: Principal | None, incident_id: int) -> IncidentRecord:
        """One incident with its clocks and holds."""
        self._may_view(actor)
        rules = self.clock_rules()
        with self._db.read() as s:
            row = self._incident_row(s, incident_id)
            return self._incident_records(s, [row], rules, self._clock.now())[0]

    def open_incident(self, actor: Principal, draft: IncidentDraft) -> IncidentRecord:
        """Open an incident; its clocks run from ``opened_at``."""
        require(actor, Permission.HANDLE_INCIDENTS)
        now = self._clock.now()
        clean = validate_incident(draft, now)
        with self._db.write() as s:
            self._check_unit(s, clean.unit_id, "unit_id")
            row = Incident(
                title=clean.title,
                level=clean.level.value,
                description=clean.description,
                unit_id=clean.unit_id,
                opened_at=clean.opened_at,
                notes="",
                recorded_at=now,
                recorded_by=actor.staff_id,
            )
            s.add(row)
            s.flush()
            self._audit.append(
                s, actor, "incident_opened", "incident", row.id, after=_incident_snapshot(row)
            )
            return self._incident_records(s, [row], self.clock_rules(), now)[0]

    def record_step(
        self,
        actor: Principal,
        incident_id: int,
        step: IncidentStep,
        at: datetime,
        expected_version: int,
    ) -> IncidentRecord:
        """Record when a step was done (or correct that time; the audit keeps both)."""
        require(actor, Permission.HANDLE_INCIDENTS)
        now = self._clock.now()
        try:
            which = IncidentStep(step)
        except ValueError as exc:
            raise ValidationError("choose the step", field="step") from exc
        if at.tzinfo is None:
            raise ValueError("at must be timezone-aware")
        rules = self.clock_rules()
        with self._db.write() as s:
            row = self._incident_row(s, incident_id)
            check_version("incident", row.version, expected_version)
            if row.closed_at is not None:
                raise ValidationError("the incident is closed", field="status")
            if not step_applies(IncidentLevel(row.level), which, rules):
                raise ValidationError("this step has no clock at this level", field="step")
            if at > now:
                raise ValidationError("the time is in the future", field="at")
            if at < row.opened_at:
                raise ValidationError("the time is before the incident was opened", field="at")
            column = STEP_COLUMNS[which]
            previous = getattr(row, column)
            if previous != at:
                setattr(row, column, at)
                s.flush()
                self._audit.append(
                    s,
                    actor,
                    "incident_step_recorded",
                    "incident",
                    row.id,
                    before={
                        "step": which.value,
                        "at": None if previous is None else previous.isoformat(),
                    },
                    after={"step": which.value, "at": at.isoformat()},
                )
            return self._incident_records(s, [row], rules, now)[0]

    def close_incident(
        self, actor: Principal, incident_id: int, notes: str, expected_version: int
    ) -> IncidentRecord:
        """Close an incident; its accounts' holds are released (each release audited).

        Steps not done stay as they are: a clock that ran out before the closing stays late.
        """
        require(actor, Permission.HANDLE_INCIDENTS)
        now = self._clock.now()
        text = notes.strip()
        if len(text) > 4000:
            raise ValidationError("the text is too long", field="notes", limit=4000)
        with self._db.write() as s:
            row = self._incident_row(s, incident_id)
            check_version("incident", row.version, expected_version)
            if row.closed_at is not None:
                raise ValidationError("the incident is closed", field="status")
            for hold in self._active_holds(s, [row.id]):
                self._release(s, hold, actor, now, reason="incident closed")
            before = _incident_snapshot(row)
            row.closed_at = now
            if text:
                row.notes = f"{row.notes}\n{text}".strip()
            s.flush()
            self._audit.append(
                s,
                actor,
                "incident_closed",
                "incident",
                row.id,
                before=before,
                after=_incident_snapshot(row),
            )
            return self._incident_records(s, [row], self.clock_rules(), now)[0]

    @staticmethod
    def _incident_row(s: Session, incident_id: int) -> Incident:
        row = s.get(Incident, incident_id)
        if row is None:
            raise NotFoundError("incident not found")
        return row

    def _incident_records(
        self, s: Session, rows: Sequence[Incident], rules: ClockRules, now: datetime
    ) -> list[IncidentRecord]:
        if not rows:
            return []
        names = _Names(s)
        ids = [r.id for r in rows]
        hold_rows = list(
            s.scalars(
                select(CrisisHold)
                .where(CrisisHold.incident_id.in_(ids))
                .order_by(CrisisHold.held_at, CrisisHold.id)
            )
        )
        planned = self._planned_counts(s, {h.account_id for h in hold_rows})
        titles = {r.id: r.title for r in rows}
        holds: dict[int, list[HoldRecord]] = {}
        for h in hold_rows:
            account, platform, _unit = names.account(h.account_id)
            holds.setdefault(h.incident_id, []).append(
                HoldRecord(
                    id=h.id,
                    incident_id=h.incident_id,
                    incident_title=titles.get(h.incident_id, ""),
                    account_id=h.account_id,
                    account_name=account,
                    platform_name=platform,
                    held_at=h.held_at,
                    held_by_name=names.person(h.held_by),
                    released_at=h.released_at,
                    released_by_name=names.person(h.released_by),
                    planned_posts=planned.get(h.account_id, 0) if h.released_at is None else 0,
                )
            )
        records = []
        for row in rows:
            record = IncidentRecord(
                id=row.id,
                title=row.title,
                level=IncidentLevel(row.level),
                description=row.description,
                unit_id=row.unit_id,
                unit_name=names.unit(row.unit_id),
                opened_at=row.opened_at,
                done={step: getattr(row, column) for step, column in STEP_COLUMNS.items()},
                closed_at=row.closed_at,
                notes=row.notes,
                recorded_at=row.recorded_at,
                recorded_by_name=names.person(row.recorded_by),
                version=row.version,
                holds=tuple(holds.get(row.id, ())),
            )
            records.append(replace(record, clocks=clock_states(record, now, rules)))
        return records

    # -- crisis holds --------------------------------------------------------------------

    def hold(
        self, actor: Principal, incident_id: int, account_ids: Iterable[int]
    ) -> IncidentRecord:
        """Hold the planned posts of ``account_ids`` while the incident is open (audited).

        Accounts already held for this incident are left as they are.
        """
        require(actor, Permission.HOLD_POSTS)
        wanted = sorted(set(account_ids))
        if not wanted:
            raise ValidationError("choose at least one account", field="account_ids")
        now = self._clock.now()
        with self._db.write() as s:
            row = self._incident_row(s, incident_id)
            if row.closed_at is not None:
                raise ValidationError("the incident is closed", field="status")
            known = set(s.scalars(select(Account.id).where(Account.id.in_(wanted))))
            if known != set(wanted):
                raise ValidationError("the account does not exist", field="account_ids")
            held = {h.account_id for h in self._active_holds(s, [row.id])}
            planned = self._planned_counts(s, set(wanted))
            for account_id in wanted:
                if account_id in held:
                    continue
                hold = CrisisHold(
                    incident_id=row.id, account_id=account_id, held_at=now, held_by=actor.staff_id
                )
                s.add(hold)
                s.flush()
                self._audit.append(
                    s,
                    actor,
                    "posts_held",
                    "crisis_hold",
                    hold.id,
                    after={
                        "incident_id": row.id,
                        "account_id": account_id,
                        "planned_posts": planned.get(account_id, 0),
                    },
                )
            return self._incident_records(s, [row], self.clock_rules(), now)[0]

    def release(self, actor: Principal, hold_id: int) -> IncidentRecord:
        """Release one hold: the account's planned posts may go out again (audited)."""
        require(actor, Permission.HOLD_POSTS)
        now = self._clock.now()
        with self._db.write() as s:
            hold = s.get(CrisisHold, hold_id)
            if hold is None:
                raise NotFoundError("hold not found")
            if hold.released_at is not None:
                raise ValidationError("this hold has been released already", field="status")
            self._release(s, hold, actor, now, reason="")
            row = self._incident_row(s, hold.incident_id)
            return self._incident_records(s, [row], self.clock_rules(), now)[0]

    def _release(
        self, s: Session, hold: CrisisHold, actor: Principal, now: datetime, *, reason: str
    ) -> None:
        hold.released_at = now
        hold.released_by = actor.staff_id
        s.flush()
        self._audit.append(
            s,
            actor,
            "posts_released",
            "crisis_hold",
            hold.id,
            before={"incident_id": hold.incident_id, "account_id": hold.account_id},
            after={"released_at": now.isoformat(), "reason": reason},
        )

    @staticmethod
    def _active_holds(s: Session, incident_ids: Sequence[int]) -> list[CrisisHold]:
        return list(
            s.scalars(
                select(CrisisHold).where(
                    CrisisHold.incident_id.in_(incident_ids), CrisisHold.released_at.is_(None)
                )
            )
        )

    def held_accounts(self) -> set[int]:
        """The accounts whose planned posts are held now (the post service refuses them)."""
        with self._db.read() as s:
            return set(
                s.scalars(
                    select(CrisisHold.account_id)
                    .join(Incident, Incident.id == CrisisHold.incident_id)
                    .where(CrisisHold.released_at.is_(None), Incident.closed_at.is_(None))
                )
            )

    def check_not_held(self, account_ids: Iterable[int]) -> None:
        """Raise ``ValidationError`` (field ``account_ids``) if any account is held."""
        held = sorted(self.held_accounts() & set(account_ids))
        if held:
            raise ValidationError(
                "publishing on this account is paused by a crisis hold",
                field="account_ids",
                accounts=held,
            )

    def planned_posts(self, account_ids: Iterable[int]) -> dict[int, int]:
        """How many planned, unpublished posts each account has (what a hold stops)."""
        with self._db.read() as s:
            return self._planned_counts(s, set(account_ids))

    @staticmethod
    def _planned_counts(s: Session, account_ids: set[int]) -> dict[int, int]:
        # Every planned post counts, also one whose planned time has just passed.
        if not account_ids:
            return {}
        rows = s.execute(
            select(PostTarget.account_id, func.count())
            .join(Post, Post.id == PostTarget.post_id)
            .where(
                PostTarget.account_id.in_(account_ids),
                Post.planned_at.is_not(None),
                Post.status.in_(PLANNED_STATUSES),
            )
            .group_by(PostTarget.account_id)
        )
        return {account_id: int(count) for account_id, count in rows}

    # -- the start view ------------------------------------------------------------------

    def late_items(self, actor: Principal | None) -> list[LateItem]:
        """What is overdue now, oldest due first: messages, feedback, incident steps.

        A clerk sees the messages and feedback of the accounts of their own units; leaders
        and administrators see the whole office. Incident steps are office-wide.
        """
        self._may_view(actor)
        now = self._clock.now()

        def mine(unit_id: int) -> bool:
            if actor is None or Permission.MODERATE not in actor.permissions:
                return True
            return actor.can(Permission.MODERATE, unit_id)

        items: list[LateItem] = []
        with self._db.read() as s:
            names = _Names(s)
            for row in s.scalars(
                select(ModerationEntry).where(
                    ModerationEntry.needs_answer.is_(True),
                    ModerationEntry.handled_at.is_(None),
                    ModerationEntry.due_at <= now,
                )
            ):
                account, platform, unit = names.account(row.account_id)
                if row.due_at is not None and mine(unit):
                    where = f"{account}（{platform}）" if platform else account
                    items.append(
                        LateItem(LateKind.MESSAGE, row.id, _summary(row.text), where, row.due_at)
                    )
            for fb in s.scalars(select(Feedback).where(Feedback.answered_at.is_(None))):
                due_at = end_of_office_day(fb.due_on)
                unit = names.account(fb.account_id)[2] if fb.account_id else fb.unit_id
                if due_at <= now and mine(unit):
                    items.append(
                        LateItem(
                            LateKind.FEEDBACK,
                            fb.id,
                            _summary(fb.text),
                            names.unit(fb.unit_id),
                            due_at,
                        )
                    )
        for incident in self.list_incidents(None, open_only=True):
            for clock in incident.overdue_steps:
                items.append(
                    LateItem(
                        LateKind.INCIDENT_STEP,
                        incident.id,
                        incident.title,
                        incident.unit_name,
                        clock.due_at,
                        clock.step,
                    )
                )
        return sorted(items, key=lambda i: (i.due_at, i.kind.value, i.record_id))

    # -- ledgers -------------------------------------------------------------------------

    def moderation_ledger(
        self, actor: Principal | None, start: date, end: date
    ) -> ModerationLedger:
        """The moderation log and the feedback of a period, oldest first (for printing)."""
        entries = self.list_moderation(actor, start, end)
        feedback = self.list_feedback(actor, start, end)
        return ModerationLedger(entries[::-1], feedback[::-1])

    def incident_ledger(
        self, actor: Principal | None, start: date, end: date
    ) -> list[IncidentRecord]:
        """The incidents opened in a period, oldest first (for printing)."""
        return self.list_incidents(actor, start, end)[::-1]
