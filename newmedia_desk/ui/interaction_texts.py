"""Words for moderation, feedback and incident values, translated for people.

The domain keeps codes and enums; what people read is chosen here, through ``translate``.
The lead's start view can use ``late_item_text`` for the late items of the interaction
service.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from newmedia_desk.domain.incidents import ClockState, IncidentLevel, IncidentStep, due_day
from newmedia_desk.domain.interaction import ModerationAction, ModerationKind
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.texts import office_time

if TYPE_CHECKING:
    from newmedia_desk.services.interaction import LateItem

_CTX = "InteractionTexts"

LEVEL_NAMES: dict[IncidentLevel, str] = {
    IncidentLevel.EXTRAORDINARY: QT_TRANSLATE_NOOP("InteractionTexts", "Extraordinary"),
    IncidentLevel.MAJOR: QT_TRANSLATE_NOOP("InteractionTexts", "Major"),
    IncidentLevel.LARGE: QT_TRANSLATE_NOOP("InteractionTexts", "Large"),
    IncidentLevel.GENERAL: QT_TRANSLATE_NOOP("InteractionTexts", "General"),
}

STEP_NAMES: dict[IncidentStep, str] = {
    IncidentStep.CHIEF: QT_TRANSLATE_NOOP("InteractionTexts", "Reported to the chief"),
    IncidentStep.AUTHORITATIVE: QT_TRANSLATE_NOOP(
        "InteractionTexts", "Authoritative information published"
    ),
    IncidentStep.RESPONSE: QT_TRANSLATE_NOOP("InteractionTexts", "Response or press conference"),
    IncidentStep.HANDLED: QT_TRANSLATE_NOOP("InteractionTexts", "Handled"),
    IncidentStep.UPWARD: QT_TRANSLATE_NOOP("InteractionTexts", "Result reported upward"),
}

KIND_NAMES: dict[ModerationKind, str] = {
    ModerationKind.COMMENT: QT_TRANSLATE_NOOP("InteractionTexts", "Comment"),
    ModerationKind.MESSAGE: QT_TRANSLATE_NOOP("InteractionTexts", "Message"),
}

ACTION_NAMES: dict[ModerationAction, str] = {
    ModerationAction.DELETED: QT_TRANSLATE_NOOP("InteractionTexts", "Deleted"),
    ModerationAction.REPORTED: QT_TRANSLATE_NOOP("InteractionTexts", "Reported"),
    ModerationAction.REPLIED: QT_TRANSLATE_NOOP("InteractionTexts", "Replied"),
    ModerationAction.REFERRED: QT_TRANSLATE_NOOP("InteractionTexts", "Referred to a department"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def level_name(level: IncidentLevel) -> str:
    """The translated name of an incident level."""
    return _tr(LEVEL_NAMES[level])


def step_name(step: IncidentStep) -> str:
    """The translated name of an incident step."""
    return _tr(STEP_NAMES[step])


def kind_name(kind: ModerationKind) -> str:
    """Comment or message, translated."""
    return _tr(KIND_NAMES[kind])


def action_name(action: ModerationAction | None) -> str:
    """What was done, translated; "Open" when nothing yet."""
    if action is None:
        return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "Not handled"))
    return _tr(ACTION_NAMES[action])


def duration_text(span: timedelta) -> str:
    """A short length of time: "2 d 3 h", "3 h 20 min", "15 min" (never negative)."""
    minutes = int(abs(span).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "{d} d {h} h")).format(d=days, h=hours)
    if hours:
        return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "{h} h {m} min")).format(h=hours, m=mins)
    return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "{m} min")).format(m=mins)


def clock_status(clock: ClockState) -> str:
    """How a clock stands: done on time, done late, time left, or overdue by how long."""
    if clock.done_at is not None:
        if clock.late:
            late_by = duration_text(clock.done_at - clock.due_at)
            return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "Done late ({span} late)")).format(
                span=late_by
            )
        return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "Done on time"))
    if clock.remaining is None:
        if clock.late:
            return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "Not done (late)"))
        return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "Not done"))
    if clock.remaining <= timedelta(0):
        return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "Overdue by {span}")).format(
            span=duration_text(clock.remaining)
        )
    return _tr(QT_TRANSLATE_NOOP("InteractionTexts", "{span} left")).format(
        span=duration_text(clock.remaining)
    )


def due_text(due_at: datetime | None) -> str:
    """The last day an answer is on time, e.g. "2026-03-11"; empty without a due time."""
    return "" if due_at is None else due_day(due_at).isoformat()


def late_item_text(item: LateItem) -> str:
    """One line for a late item of the start view (message, feedback or incident step)."""
    from newmedia_desk.services.interaction import LateKind

    if item.kind is LateKind.INCIDENT_STEP and item.step is not None:
        return _tr(
            QT_TRANSLATE_NOOP("InteractionTexts", "Incident “{title}”: {step} was due {due}")
        ).format(title=item.summary, step=step_name(item.step), due=office_time(item.due_at))
    if item.kind is LateKind.FEEDBACK:
        return _tr(
            QT_TRANSLATE_NOOP(
                "InteractionTexts", "Feedback not answered by {where} (due {due}): {text}"
            )
        ).format(where=item.where, due=due_text(item.due_at), text=item.summary)
    return _tr(
        QT_TRANSLATE_NOOP("InteractionTexts", "Message on {where} not answered (due {due}): {text}")
    ).format(where=item.where, due=due_text(item.due_at), text=item.summary)
