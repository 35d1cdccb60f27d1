"""Tables of the ledgers area: moderation log, feedback, incidents, their clocks and holds.

Late rows are red: a message or feedback answered late or still unanswered past its due
day, an incident with a clock that ran out, a clock done late or overdue.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from newmedia_desk.domain.incidents import ClockState, HoldRecord, IncidentRecord
from newmedia_desk.domain.interaction import FeedbackRecord, ModerationRecord
from newmedia_desk.ui.interaction_texts import (
    action_name,
    clock_status,
    due_text,
    kind_name,
    level_name,
    step_name,
)
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.record_table import RecordTableModel
from newmedia_desk.ui.texts import office_time

RED = QColor("#b3261e")
GREY = QColor("#8a8a8a")
_CTX = "LedgerTables"


def _one_line(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


# -- moderation --------------------------------------------------------------------------


class ModerationColumn(IntEnum):
    """The columns of the moderation log."""

    AT = 0
    ACCOUNT = 1
    KIND = 2
    TEXT = 3
    AUTHOR = 4
    ACTION = 5
    DETAIL = 6
    DUE = 7
    HANDLED = 8
    BY = 9


MODERATION_HEADERS: dict[ModerationColumn, str] = {
    ModerationColumn.AT: QT_TRANSLATE_NOOP("LedgerTables", "Received"),
    ModerationColumn.ACCOUNT: QT_TRANSLATE_NOOP("LedgerTables", "Account"),
    ModerationColumn.KIND: QT_TRANSLATE_NOOP("LedgerTables", "Kind"),
    ModerationColumn.TEXT: QT_TRANSLATE_NOOP("LedgerTables", "Text"),
    ModerationColumn.AUTHOR: QT_TRANSLATE_NOOP("LedgerTables", "From"),
    ModerationColumn.ACTION: QT_TRANSLATE_NOOP("LedgerTables", "Action"),
    ModerationColumn.DETAIL: QT_TRANSLATE_NOOP("LedgerTables", "Reason / reply / department"),
    ModerationColumn.DUE: QT_TRANSLATE_NOOP("LedgerTables", "Answer due"),
    ModerationColumn.HANDLED: QT_TRANSLATE_NOOP("LedgerTables", "Handled"),
    ModerationColumn.BY: QT_TRANSLATE_NOOP("LedgerTables", "By"),
}


def _moderation_detail(r: ModerationRecord) -> str:
    parts = [p for p in (r.reason, r.reply, r.referred_unit_name) if p]
    return _one_line(" · ".join(parts))


class ModerationTableModel(RecordTableModel[ModerationRecord, ModerationColumn]):
    """Moderation entries, newest first; late ones red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ModerationColumn, MODERATION_HEADERS, _CTX, self._display, parent)

    def row_of(self, entry_id: int) -> int | None:
        """The row of an entry, or ``None``."""
        return next((i for i, r in enumerate(self._rows) if r.id == entry_id), None)

    @staticmethod
    def _display(r: ModerationRecord, column: ModerationColumn) -> str:
        match column:
            case ModerationColumn.AT:
                return office_time(r.occurred_at)
            case ModerationColumn.ACCOUNT:
                return (
                    f"{r.account_name}（{r.platform_name}）" if r.platform_name else r.account_name
                )
            case ModerationColumn.KIND:
                return kind_name(r.kind)
            case ModerationColumn.TEXT:
                return _one_line(r.text)
            case ModerationColumn.AUTHOR:
                return r.author
            case ModerationColumn.ACTION:
                return action_name(r.action)
            case ModerationColumn.DETAIL:
                return _moderation_detail(r)
            case ModerationColumn.DUE:
                text = due_text(r.due_at)
                if r.overdue:
                    return _tr(QT_TRANSLATE_NOOP("LedgerTables", "{due} (late)")).format(due=text)
                return text
            case ModerationColumn.HANDLED:
                return office_time(r.handled_at)
            case ModerationColumn.BY:
                return r.handled_by_name or r.recorded_by_name

    def sort_key(self, r: ModerationRecord, column: ModerationColumn) -> str | float | int:
        """Times sort as times."""
        if column is ModerationColumn.AT:
            return r.occurred_at.timestamp()
        if column is ModerationColumn.HANDLED:
            return 0.0 if r.handled_at is None else r.handled_at.timestamp()
        if column is ModerationColumn.DUE:
            return 0.0 if r.due_at is None else r.due_at.timestamp()
        return self._display(r, column).casefold()

    def tooltip(self, r: ModerationRecord, column: ModerationColumn) -> str | None:
        """The whole text, reason and reply."""
        if column is ModerationColumn.TEXT:
            return r.text
        if column is ModerationColumn.DETAIL:
            return "\n".join(p for p in (r.reason, r.reply, r.referred_unit_name) if p) or None
        return None

    def foreground(self, r: ModerationRecord) -> QBrush | None:
        """Late answers red."""
        return QBrush(RED) if r.late else None


# -- feedback ----------------------------------------------------------------------------


class FeedbackColumn(IntEnum):
    """The columns of the feedback list."""

    RECEIVED = 0
    FROM = 1
    TEXT = 2
    UNIT = 3
    DUE = 4
    ANSWER = 5
    ANSWERED = 6


FEEDBACK_HEADERS: dict[FeedbackColumn, str] = {
    FeedbackColumn.RECEIVED: QT_TRANSLATE_NOOP("LedgerTables", "Received"),
    FeedbackColumn.FROM: QT_TRANSLATE_NOOP("LedgerTables", "Reported by"),
    FeedbackColumn.TEXT: QT_TRANSLATE_NOOP("LedgerTables", "Feedback"),
    FeedbackColumn.UNIT: QT_TRANSLATE_NOOP("LedgerTables", "Handed to"),
    FeedbackColumn.DUE: QT_TRANSLATE_NOOP("LedgerTables", "Answer due"),
    FeedbackColumn.ANSWER: QT_TRANSLATE_NOOP("LedgerTables", "Answer"),
    FeedbackColumn.ANSWERED: QT_TRANSLATE_NOOP("LedgerTables", "Answered"),
}


class FeedbackTableModel(RecordTableModel[FeedbackRecord, FeedbackColumn]):
    """Feedback, newest first; late ones red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(FeedbackColumn, FEEDBACK_HEADERS, _CTX, self._display, parent)

    def row_of(self, feedback_id: int) -> int | None:
        """The row of a piece of feedback, or ``None``."""
        return next((i for i, r in enumerate(self._rows) if r.id == feedback_id), None)

    @staticmethod
    def _display(r: FeedbackRecord, column: FeedbackColumn) -> str:
        match column:
            case FeedbackColumn.RECEIVED:
                return office_time(r.received_at)
            case FeedbackColumn.FROM:
                via = f"（{r.account_name}）" if r.account_name else ""
                return f"{r.from_whom}{via}"
            case FeedbackColumn.TEXT:
                return _one_line(r.text)
            case FeedbackColumn.UNIT:
                return r.unit_name
            case FeedbackColumn.DUE:
                if r.overdue:
                    return _tr(QT_TRANSLATE_NOOP("LedgerTables", "{due} (late)")).format(
                        due=r.due_on.isoformat()
                    )
                return r.due_on.isoformat()
            case FeedbackColumn.ANSWER:
                return _one_line(r.answer)
            case FeedbackColumn.ANSWERED:
                return office_time(r.answered_at)

    def sort_key(self, r: FeedbackRecord, column: FeedbackColumn) -> str | float | int:
        """Times sort as times."""
        if column is FeedbackColumn.RECEIVED:
            return r.received_at.timestamp()
        if column is FeedbackColumn.ANSWERED:
            return 0.0 if r.answered_at is None else r.answered_at.timestamp()
        if column is FeedbackColumn.DUE:
            return r.due_on.toordinal()
        return self._display(r, column).casefold()

    def tooltip(self, r: FeedbackRecord, column: FeedbackColumn) -> str | None:
        """The whole feedback and answer."""
        if column is FeedbackColumn.TEXT:
            return r.text
        if column is FeedbackColumn.ANSWER:
            return r.answer or None
        return None

    def foreground(self, r: FeedbackRecord) -> QBrush | None:
        """Late answers red."""
        return QBrush(RED) if r.late else None


# -- incidents ---------------------------------------------------------------------------


class IncidentColumn(IntEnum):
    """The columns of the incident list."""

    OPENED = 0
    TITLE = 1
    LEVEL = 2
    UNIT = 3
    NEXT = 4
    LATE = 5
    HELD = 6
    STATUS = 7


INCIDENT_HEADERS: dict[IncidentColumn, str] = {
    IncidentColumn.OPENED: QT_TRANSLATE_NOOP("LedgerTables", "Opened"),
    IncidentColumn.TITLE: QT_TRANSLATE_NOOP("LedgerTables", "Incident"),
    IncidentColumn.LEVEL: QT_TRANSLATE_NOOP("LedgerTables", "Level"),
    IncidentColumn.UNIT: QT_TRANSLATE_NOOP("LedgerTables", "Unit"),
    IncidentColumn.NEXT: QT_TRANSLATE_NOOP("LedgerTables", "Next step due"),
    IncidentColumn.LATE: QT_TRANSLATE_NOOP("LedgerTables", "Late steps"),
    IncidentColumn.HELD: QT_TRANSLATE_NOOP("LedgerTables", "Publishing paused"),
    IncidentColumn.STATUS: QT_TRANSLATE_NOOP("LedgerTables", "Status"),
}


class IncidentTableModel(RecordTableModel[IncidentRecord, IncidentColumn]):
    """Incidents, newest first; those with a late step red, closed ones grey."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(IncidentColumn, INCIDENT_HEADERS, _CTX, self._display, parent)

    def row_of(self, incident_id: int) -> int | None:
        """The row of an incident, or ``None``."""
        return next((i for i, r in enumerate(self._rows) if r.id == incident_id), None)

    @staticmethod
    def _display(r: IncidentRecord, column: IncidentColumn) -> str:
        match column:
            case IncidentColumn.OPENED:
                return office_time(r.opened_at)
            case IncidentColumn.TITLE:
                return r.title
            case IncidentColumn.LEVEL:
                return level_name(r.level)
            case IncidentColumn.UNIT:
                return r.unit_name
            case IncidentColumn.NEXT:
                nxt = r.next_clock if r.is_open else None
                if nxt is None:
                    return ""
                return f"{step_name(nxt.step)} {office_time(nxt.due_at)}"
            case IncidentColumn.LATE:
                return "、".join(step_name(c.step) for c in r.late_steps)
            case IncidentColumn.HELD:
                return "、".join(h.account_name for h in r.active_holds)
            case IncidentColumn.STATUS:
                if r.is_open:
                    return _tr(QT_TRANSLATE_NOOP("LedgerTables", "Open"))
                return _tr(QT_TRANSLATE_NOOP("LedgerTables", "Closed {at}")).format(
                    at=office_time(r.closed_at)
                )

    def sort_key(self, r: IncidentRecord, column: IncidentColumn) -> str | float | int:
        """Times sort as times; late steps by how many."""
        if column is IncidentColumn.OPENED:
            return r.opened_at.timestamp()
        if column is IncidentColumn.LATE:
            return len(r.late_steps)
        if column is IncidentColumn.NEXT:
            nxt = r.next_clock if r.is_open else None
            return float("inf") if nxt is None else nxt.due_at.timestamp()
        return self._display(r, column).casefold()

    def foreground(self, r: IncidentRecord) -> QBrush | None:
        """Red with an overdue step while open; grey when closed."""
        if r.is_open:
            return QBrush(RED) if r.overdue_steps else None
        return QBrush(GREY)


class ClockColumn(IntEnum):
    """The columns of one incident's clocks."""

    STEP = 0
    DUE = 1
    DONE = 2
    STATUS = 3


CLOCK_HEADERS: dict[ClockColumn, str] = {
    ClockColumn.STEP: QT_TRANSLATE_NOOP("LedgerTables", "Step"),
    ClockColumn.DUE: QT_TRANSLATE_NOOP("LedgerTables", "Due by"),
    ClockColumn.DONE: QT_TRANSLATE_NOOP("LedgerTables", "Done at"),
    ClockColumn.STATUS: QT_TRANSLATE_NOOP("LedgerTables", "Clock"),
}


class ClockTableModel(RecordTableModel[ClockState, ClockColumn]):
    """The clocks of one incident in step order: late red, done on time grey."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ClockColumn, CLOCK_HEADERS, _CTX, self._display, parent)

    @staticmethod
    def _display(c: ClockState, column: ClockColumn) -> str:
        match column:
            case ClockColumn.STEP:
                return step_name(c.step)
            case ClockColumn.DUE:
                return office_time(c.due_at)
            case ClockColumn.DONE:
                return office_time(c.done_at)
            case ClockColumn.STATUS:
                return clock_status(c)

    def foreground(self, c: ClockState) -> QBrush | None:
        """Late red; done on time grey."""
        if c.late:
            return QBrush(RED)
        return QBrush(GREY) if c.done else None


class HoldColumn(IntEnum):
    """The columns of an incident's holds."""

    ACCOUNT = 0
    PLANNED = 1
    HELD = 2
    RELEASED = 3


HOLD_HEADERS: dict[HoldColumn, str] = {
    HoldColumn.ACCOUNT: QT_TRANSLATE_NOOP("LedgerTables", "Account"),
    HoldColumn.PLANNED: QT_TRANSLATE_NOOP("LedgerTables", "Planned posts held"),
    HoldColumn.HELD: QT_TRANSLATE_NOOP("LedgerTables", "Paused"),
    HoldColumn.RELEASED: QT_TRANSLATE_NOOP("LedgerTables", "Resumed"),
}


class HoldTableModel(RecordTableModel[HoldRecord, HoldColumn]):
    """The accounts whose publishing an incident paused; resumed ones grey."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HoldColumn, HOLD_HEADERS, _CTX, self._display, parent)

    @staticmethod
    def _display(h: HoldRecord, column: HoldColumn) -> str:
        match column:
            case HoldColumn.ACCOUNT:
                return (
                    f"{h.account_name}（{h.platform_name}）" if h.platform_name else h.account_name
                )
            case HoldColumn.PLANNED:
                return str(h.planned_posts) if h.active else ""
            case HoldColumn.HELD:
                return f"{office_time(h.held_at)} {h.held_by_name}"
            case HoldColumn.RELEASED:
                if h.released_at is None:
                    return ""
                return f"{office_time(h.released_at)} {h.released_by_name}"

    def foreground(self, h: HoldRecord) -> QBrush | None:
        """Resumed holds grey."""
        return None if h.active else QBrush(GREY)
