"""The painted calendar: a month of days or a week of hours, with posts, slots and deadlines.

One light widget paints everything with ``QPainter`` (no table of widgets): posts as
coloured chips (planned slate blue, approved amber, published green), the fixed times of
the cadence rules (red when missed), and the delivery deadlines. A movable post can be
dragged to another day (month) or hour (week); drafts can be dropped in from the 未安排
list. The widget only says what was dropped where (``post_dropped``); its owner re-plans.
Dates and times are the office's (Beijing time).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import IntEnum

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QMimeData,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from newmedia_desk.domain.working_days import OFFICE_TZ
from newmedia_desk.services.cadence import (
    CalendarData,
    CalendarItem,
    Delivery,
    DueSlot,
    SlotState,
)
from newmedia_desk.ui.approval_texts import status_name
from newmedia_desk.ui.cadence_texts import (
    DEADLINE_COLOUR,
    DONE_COLOUR,
    KIND_COLOURS,
    LATE_COLOUR,
    SLOT_COLOURS,
    hm,
    kind_name,
    short_weekday,
    slot_state_name,
)

POST_MIME = "application/x-newmedia-desk-post"
"""Drag data: ``post_id`` and the planned time of day it had (``12;07:30`` or ``12;``)."""

DEFAULT_TIME = time(9, 0)
"""Where a post without a time of day lands when dropped on a day of the month view."""

_WORST = (
    SlotState.MISSED,
    SlotState.OPEN,
    SlotState.PLANNED,
    SlotState.APPROVED,
    SlotState.PUBLISHED,
)


class ViewMode(IntEnum):
    """Month of days, or week of hours."""

    MONTH = 0
    WEEK = 1


def encode_post(post_id: int, at: datetime | None) -> QMimeData:
    """The drag data of a post."""
    data = QMimeData()
    keep = "" if at is None else hm(at.astimezone(OFFICE_TZ).time())
    data.setData(POST_MIME, QByteArray(f"{post_id};{keep}".encode()))
    return data


def decode_post(data: QMimeData) -> tuple[int, time | None] | None:
    """``(post_id, time of day)`` from drag data, or ``None`` if it is not a post."""
    if not data.hasFormat(POST_MIME):
        return None
    raw = bytes(data.data(POST_MIME).data()).decode(errors="replace")
    ident, _, keep = raw.partition(";")
    try:
        post_id = int(ident)
        kept = None if not keep else time(int(keep[:2]), int(keep[3:5]))
    except ValueError:
        return None
    return post_id, kept


def local(moment: datetime) -> datetime:
    """An aware time in office time."""
    return moment.astimezone(OFFICE_TZ)


def item_tooltip(item: CalendarItem) -> str:
    """What a chip says when the mouse rests on it."""
    lines = [item.title or "—"]
    state = kind_name(item.kind)
    if item.status is not None:
        state = f"{state} · {status_name(item.status)}"
    lines.append(state)
    if item.at is not None:
        lines.append(local(item.at).strftime("%Y-%m-%d %H:%M"))
    if item.accounts:
        lines.append("、".join(item.accounts))
    return "\n".join(lines)


def slot_tooltip(slots: list[DueSlot]) -> str:
    """The accounts and states of the fixed times drawn at one point."""
    lines = []
    for s in slots:
        state = slot_state_name(s.state)
        if s.optional:
            state = QCoreApplication.translate("CalendarView", "{state} (optional)").format(
                state=state
            )
        lines.append(f"{hm(local(s.at).time())} {s.name} {s.platform}: {state}".strip())
    return "\n".join(lines)


def tint(colour: QColor, strength: float = 0.2) -> QColor:
    """A pale version of ``colour`` (mixed with white), as a chip's background."""
    return QColor.fromRgbF(
        1 - (1 - colour.redF()) * strength,
        1 - (1 - colour.greenF()) * strength,
        1 - (1 - colour.blueF()) * strength,
    )


@dataclass(frozen=True, slots=True)
class _Chip:
    rect: QRectF
    item: CalendarItem


class CalendarView(QWidget):
    """Paints the days of a month (6 weeks) or the hours of a week.

    Signals: ``day_clicked(date)``, ``post_dropped(post_id, aware datetime)`` and
    ``post_activated(post_id)`` (double click on a post).
    """

    day_clicked = Signal(object)
    post_dropped = Signal(int, object)
    post_activated = Signal(int)

    FIRST_HOUR = 6
    LAST_HOUR = 23
    HEADER = 26
    ALL_DAY = 22
    GUTTER = 46
    HOUR_HEIGHT = 40

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_view")
        self.setAcceptDrops(True)
        self.setMouseTracking(False)
        self.mode = ViewMode.MONTH
        self.anchor = today
        self.today = today
        self.selected: date | None = today
        self.data: CalendarData | None = None
        self._chips: list[_Chip] = []
        self._slot_marks: list[tuple[QRectF, list[DueSlot]]] = []
        self._press: QPoint | None = None
        self._press_item: CalendarItem | None = None
        self._drop_day: date | None = None
        self._by_day: dict[date, list[CalendarItem]] = {}
        self._slots_by_day: dict[date, list[DueSlot]] = {}
        self._deliveries_by_day: dict[date, list[Delivery]] = {}
        self.movable: Callable[[CalendarItem], bool] = lambda item: item.movable
        """Whether a post may be dragged (the owner adds the person's permission)."""

    # -- state -----------------------------------------------------------------------------

    def set_mode(self, mode: ViewMode) -> None:
        """Show a month or a week (around the anchor day)."""
        self.mode = mode
        self.setMinimumHeight(self._minimum_height())
        self.update()

    def set_anchor(self, day: date) -> None:
        """Show the month or week of ``day``."""
        self.anchor = day
        self.update()

    def set_data(self, data: CalendarData | None, today: date) -> None:
        """What to paint (for ``visible_range``) and which day is today."""
        self.data = data
        self.today = today
        self._by_day = defaultdict(list)
        self._slots_by_day = defaultdict(list)
        self._deliveries_by_day = defaultdict(list)
        if data is not None:
            for item in data.items:
                if item.at is not None:
                    self._by_day[local(item.at).date()].append(item)
            for slot in data.slots:
                self._slots_by_day[slot.day].append(slot)
            for delivery in data.deliveries:
                self._deliveries_by_day[delivery.due_on].append(delivery)
        self.update()

    def visible_range(self) -> tuple[date, date]:
        """The first and last day painted (whole weeks, Monday to Sunday)."""
        if self.mode is ViewMode.WEEK:
            monday = self.anchor - timedelta(days=self.anchor.weekday())
            return monday, monday + timedelta(days=6)
        first = self.anchor.replace(day=1)
        monday = first - timedelta(days=first.weekday())
        return monday, monday + timedelta(days=41)

    def items_on(self, day: date) -> list[CalendarItem]:
        """The posts of one day, in time order."""
        return list(self._by_day.get(day, []))

    def slots_on(self, day: date) -> list[DueSlot]:
        """The fixed times of one day."""
        return list(self._slots_by_day.get(day, []))

    def deliveries_on(self, day: date) -> list[Delivery]:
        """The delivery deadlines of one day."""
        return list(self._deliveries_by_day.get(day, []))

    # -- geometry --------------------------------------------------------------------------

    def _minimum_height(self) -> int:
        if self.mode is ViewMode.WEEK:
            hours = self.LAST_HOUR - self.FIRST_HOUR + 1
            return self.HEADER + self.ALL_DAY + hours * self.HOUR_HEIGHT + 2
        return self.HEADER + 6 * 72

    def sizeHint(self) -> QSize:  # noqa: N802
        """Room for a readable month."""
        return QSize(760, self._minimum_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Narrow windows scroll rather than squash the days."""
        return QSize(560, self._minimum_height())

    def _left(self) -> float:
        return float(self.GUTTER if self.mode is ViewMode.WEEK else 0)

    def _column_width(self) -> float:
        return (self.width() - self._left() - 1) / 7

    def _row_height(self) -> float:
        return (self.height() - self.HEADER - 1) / 6

    def day_rect(self, day: date) -> QRectF | None:
        """The area of one day (the whole column below the header in the week view)."""
        start, end = self.visible_range()
        if not start <= day <= end:
            return None
        index = (day - start).days
        width = self._column_width()
        if self.mode is ViewMode.WEEK:
            x = self._left() + index * width
            return QRectF(x, self.HEADER, width, self.height() - self.HEADER - 1)
        row, column = divmod(index, 7)
        height = self._row_height()
        return QRectF(column * width, self.HEADER + row * height, width, height)

    def day_at(self, pos: QPoint | QPointF) -> date | None:
        """The day under ``pos``, if any."""
        start, _ = self.visible_range()
        x, y = float(pos.x()), float(pos.y())
        width = self._column_width()
        if x < self._left() or y < self.HEADER or width <= 0:
            return None
        column = int((x - self._left()) // width)
        if not 0 <= column < 7:
            return None
        if self.mode is ViewMode.WEEK:
            return start + timedelta(days=column)
        row = int((y - self.HEADER) // self._row_height())
        if not 0 <= row < 6:
            return None
        return start + timedelta(days=row * 7 + column)

    def _hours_top(self) -> float:
        return float(self.HEADER + self.ALL_DAY)

    def hour_y(self, at: time) -> float:
        """The height of a time of day in the week view (before 06:00 at the top)."""
        hours = max(at.hour + at.minute / 60, self.FIRST_HOUR) - self.FIRST_HOUR
        hours = min(hours, self.LAST_HOUR - self.FIRST_HOUR + 59 / 60)
        return self._hours_top() + hours * self.HOUR_HEIGHT

    def time_at(self, pos: QPoint | QPointF) -> time | None:
        """The half hour under ``pos`` in the week view (``None`` above the hours)."""
        if self.mode is not ViewMode.WEEK or pos.y() < self._hours_top():
            return None
        halves = int((pos.y() - self._hours_top()) // (self.HOUR_HEIGHT / 2))
        minutes = self.FIRST_HOUR * 60 + halves * 30
        minutes = min(minutes, self.LAST_HOUR * 60 + 30)
        return time(minutes // 60, minutes % 60)

    def target_time(self, pos: QPoint | QPointF, keep: time | None = None) -> datetime | None:
        """When a post dropped at ``pos`` is planned.

        The day under the mouse, at the half hour under it in the week view; else at the
        time of day the post had (or 09:00).
        """
        day = self.day_at(pos)
        if day is None:
            return None
        at = self.time_at(pos) or keep or DEFAULT_TIME
        return datetime.combine(day, at, OFFICE_TZ)

    def drop_post_at(self, post_id: int, pos: QPoint | QPointF, keep: time | None = None) -> bool:
        """Drop a post at ``pos``: emits ``post_dropped`` and returns True if on a day."""
        when = self.target_time(pos, keep)
        self._drop_day = None
        self.update()
        if when is None:
            return False
        self.post_dropped.emit(post_id, when)
        return True

    def item_at(self, pos: QPoint | QPointF) -> CalendarItem | None:
        """The post chip under ``pos``, if any."""
        point = QPointF(pos)
        for chip in reversed(self._chips):
            if chip.rect.contains(point):
                return chip.item
        return None

    def chip_rect(self, post_id: int) -> QRectF | None:
        """Where the post is painted (after a paint), for tests and tooltips."""
        for chip in self._chips:
            if chip.item.post_id == post_id:
                return chip.rect
        return None

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Paint the grid, the marks and the posts."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), self.palette().base())
        self._chips = []
        self._slot_marks = []
        self._paint_header(painter)
        if self.mode is ViewMode.WEEK:
            self._paint_week(painter)
        else:
            self._paint_month(painter)
        painter.end()

    def _grid_pen(self) -> QPen:
        return QPen(QColor("#d0d4da"), 1)

    def _paint_header(self, painter: QPainter) -> None:
        start, _ = self.visible_range()
        width = self._column_width()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for column in range(7):
            day = start + timedelta(days=column)
            rect = QRectF(self._left() + column * width, 0, width, self.HEADER)
            weekend = column >= 5
            painter.setPen(QColor("#a33b3b") if weekend else self.palette().text().color())
            label = short_weekday(column)
            if self.mode is ViewMode.WEEK:
                label = self.tr("{weekday} {month}/{day}").format(
                    weekday=label, month=day.month, day=day.day
                )
                if day == self.today:
                    painter.fillRect(rect, QColor("#fff3c4"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(self.font())
        painter.setPen(self._grid_pen())
        painter.drawLine(QPointF(0, self.HEADER), QPointF(self.width(), self.HEADER))

    def _day_background(self, painter: QPainter, day: date, rect: QRectF) -> None:
        if self.mode is ViewMode.MONTH and day.month != self.anchor.month:
            painter.fillRect(rect, QColor("#f3f4f6"))
        if day == self.today:
            painter.fillRect(rect, QColor("#fff8dc"))
        if day == self._drop_day:
            painter.fillRect(rect, QColor("#dbeafe"))

    def _paint_month(self, painter: QPainter) -> None:
        start, end = self.visible_range()
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 3
        day = start
        while day <= end:
            rect = self.day_rect(day)
            assert rect is not None
            self._day_background(painter, day, rect)
            painter.setPen(self._grid_pen())
            painter.drawRect(rect)
            inner = rect.adjusted(4, 2, -4, -2)
            number = QFont(self.font())
            number.setBold(day == self.today)
            painter.setFont(number)
            other_month = day.month != self.anchor.month
            painter.setPen(QColor("#9aa0a6") if other_month else self.palette().text().color())
            label = (
                str(day.day)
                if day.day != 1
                else self.tr("{month}/{day}").format(month=day.month, day=day.day)
            )
            painter.drawText(
                QRectF(inner.left(), inner.top(), inner.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            painter.setFont(self.font())
            self._paint_deadlines_inline(painter, day, inner, line)
            y = inner.top() + line
            y = self._paint_slots_inline(painter, day, QRectF(inner.left(), y, inner.width(), line))
            self._paint_chips(painter, self.items_on(day), inner, y, line)
            if day == self.selected:
                painter.setPen(QPen(QColor("#1a73e8"), 2))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
            day += timedelta(days=1)

    def _paint_deadlines_inline(
        self, painter: QPainter, day: date, inner: QRectF, line: float
    ) -> None:
        deliveries = self.deliveries_on(day)
        if not deliveries:
            return
        late = any(d.late for d in deliveries)
        done = all(d.covered for d in deliveries)
        colour = LATE_COLOUR if late else DONE_COLOUR if done else DEADLINE_COLOUR
        painter.setPen(colour)
        text = self.tr("Due: {what}").format(what="、".join(d.name for d in deliveries))
        metrics = QFontMetrics(self.font())
        room = inner.width() - metrics.horizontalAdvance("00 ")
        painter.drawText(
            QRectF(inner.right() - room, inner.top(), room, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(room)),
        )

    def _slot_groups(self, day: date) -> list[tuple[time, SlotState, list[DueSlot]]]:
        groups: dict[time, list[DueSlot]] = defaultdict(list)
        for slot in self.slots_on(day):
            groups[local(slot.at).time()].append(slot)
        found = []
        for at in sorted(groups):
            slots = groups[at]
            required = [s for s in slots if not s.optional] or slots
            worst = min((s.state for s in required), key=_WORST.index)
            if all(s.optional for s in slots) and worst is SlotState.MISSED:
                worst = SlotState.OPEN  # an optional time is not a miss
            found.append((at, worst, slots))
        return found

    def _paint_slots_inline(self, painter: QPainter, day: date, rect: QRectF) -> float:
        groups = self._slot_groups(day)
        if not groups:
            return rect.top()
        metrics = QFontMetrics(self.font())
        x = rect.left()
        y = rect.top()
        for at, state, slots in groups:
            text = hm(at)
            width = metrics.horizontalAdvance(text) + 14
            if x + width > rect.right() and x > rect.left():
                x = rect.left()
                y += rect.height()
            mark = QRectF(x, y + 2, width - 4, rect.height() - 4)
            colour = SLOT_COLOURS[state]
            painter.setPen(QPen(colour, 1.2))
            if state is SlotState.MISSED:
                painter.setBrush(QColor("#fdecea"))
            elif state is SlotState.PUBLISHED:
                painter.setBrush(QColor("#e6f4ea"))
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(mark, 3, 3)
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, text)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            self._slot_marks.append((mark, slots))
            x += width
        return y + rect.height()

    def _paint_chip(self, painter: QPainter, item: CalendarItem, rect: QRectF) -> None:
        colour = KIND_COLOURS[item.kind]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint(colour))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(colour)
        painter.drawRect(QRectF(rect.left(), rect.top(), 3, rect.height()))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor("#202124"))
        metrics = QFontMetrics(self.font())
        when = "" if item.at is None else hm(local(item.at).time()) + " "
        text = metrics.elidedText(
            when + (item.title or "—"), Qt.TextElideMode.ElideRight, int(rect.width() - 8)
        )
        painter.drawText(
            rect.adjusted(6, 0, -2, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        self._chips.append(_Chip(rect, item))

    def _paint_chips(
        self,
        painter: QPainter,
        items: list[CalendarItem],
        inner: QRectF,
        top: float,
        line: float,
    ) -> None:
        room = int((inner.bottom() - top) // line)
        if room <= 0:
            return
        shown = items if len(items) <= room else items[: max(room - 1, 0)]
        y = top
        for item in shown:
            self._paint_chip(painter, item, QRectF(inner.left(), y + 1, inner.width(), line - 2))
            y += line
        if len(shown) < len(items):
            painter.setPen(QColor("#5f6368"))
            painter.drawText(
                QRectF(inner.left() + 4, y, inner.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.tr("+{n} more").format(n=len(items) - len(shown)),
            )

    def _paint_week(self, painter: QPainter) -> None:
        start, _ = self.visible_range()
        width = self._column_width()
        top = self._hours_top()
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 3
        hours = self.LAST_HOUR - self.FIRST_HOUR + 1
        for column in range(7):
            day = start + timedelta(days=column)
            rect = QRectF(self._left() + column * width, self.HEADER, width, self.height())
            self._day_background(painter, day, rect)
            if day == self.selected:
                painter.fillRect(
                    QRectF(rect.left(), self.HEADER, width, self.ALL_DAY), QColor("#e8f0fe")
                )
        painter.setPen(self._grid_pen())
        for hour in range(hours + 1):
            y = top + hour * self.HOUR_HEIGHT
            painter.setPen(self._grid_pen())
            painter.drawLine(QPointF(self._left(), y), QPointF(self.width(), y))
            if hour < hours:
                painter.setPen(QColor("#5f6368"))
                painter.drawText(
                    QRectF(0, y, self.GUTTER - 6, line),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    f"{self.FIRST_HOUR + hour:02d}:00",
                )
        painter.setPen(self._grid_pen())
        for column in range(8):
            x = self._left() + column * width
            painter.drawLine(QPointF(x, self.HEADER), QPointF(x, self.height()))
        painter.drawLine(QPointF(self._left(), top), QPointF(self.width(), top))
        for column in range(7):
            day = start + timedelta(days=column)
            x = self._left() + column * width
            self._paint_deadlines_inline(
                painter, day, QRectF(x + 4, self.HEADER + 2, width - 8, self.ALL_DAY - 4), line - 4
            )
            for at, state, slots in self._slot_groups(day):
                y = self.hour_y(at)
                colour = SLOT_COLOURS[state]
                painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x + 2, y), QPointF(x + width - 2, y))
                label = hm(at)
                label_width = metrics.horizontalAdvance(label) + 6
                mark = QRectF(x + width - label_width - 2, y - line, label_width, line - 1)
                painter.setPen(colour)
                painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, label)
                self._slot_marks.append((mark, slots))
            by_hour: dict[int, list[CalendarItem]] = defaultdict(list)
            for item in self.items_on(day):
                assert item.at is not None
                hour = min(max(local(item.at).hour, self.FIRST_HOUR), self.LAST_HOUR)
                by_hour[hour].append(item)
            for hour, items in by_hour.items():
                cell_top = top + (hour - self.FIRST_HOUR) * self.HOUR_HEIGHT
                inner = QRectF(x + 3, cell_top + 1, width - 6, self.HOUR_HEIGHT - 2)
                self._paint_chips(painter, items, inner, cell_top + 1, (self.HOUR_HEIGHT - 2) / 2)

    # -- mouse, drag and drop --------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Tooltips for posts and fixed times."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.item_at(event.pos())
            text = ""
            if item is not None:
                text = item_tooltip(item)
            else:
                point = QPointF(event.pos())
                for rect, slots in self._slot_marks:
                    if rect.contains(point):
                        text = slot_tooltip(slots)
                        break
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Remember where a click or drag starts."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._press_item = self.item_at(event.position())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Start dragging a movable post."""
        if self._press is None or self._press_item is None or not self.movable(self._press_item):
            return
        moved = (event.position().toPoint() - self._press).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        item = self._press_item
        self._press = None
        self._press_item = None
        assert item.post_id is not None
        drag = QDrag(self)
        drag.setMimeData(encode_post(item.post_id, item.at))
        drag.exec(Qt.DropAction.CopyAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A click selects the day."""
        if self._press is not None and event.button() == Qt.MouseButton.LeftButton:
            day = self.day_at(event.position())
            if day is not None:
                self.select_day(day)
        self._press = None
        self._press_item = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A double click on a post opens it."""
        item = self.item_at(event.position())
        if item is not None and item.post_id is not None:
            self.post_activated.emit(item.post_id)

    def select_day(self, day: date) -> None:
        """Select ``day`` and say so (``day_clicked``)."""
        self.selected = day
        self.update()
        self.day_clicked.emit(day)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Accept posts."""
        if decode_post(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        """Show the day a post would land on."""
        day = self.day_at(event.position())
        if day is None or decode_post(event.mimeData()) is None:
            event.ignore()
            return
        if day != self._drop_day:
            self._drop_day = day
            self.update()
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event: QEvent) -> None:  # noqa: N802
        """Forget the highlighted day."""
        self._drop_day = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Plan the dropped post at the day (and hour) under the mouse."""
        decoded = decode_post(event.mimeData())
        if decoded is None:
            event.ignore()
            return
        post_id, keep = decoded
        # A copy, never a move: the 未安排 list is reloaded by the owner, not emptied by Qt.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if not self.drop_post_at(post_id, event.position(), keep):
            event.ignore()
