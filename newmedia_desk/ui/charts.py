"""Small charts painted with QPainter (Qt Charts is not part of the PySide6 wheels we ship).

* :class:`LineChart` — values over categories (months), one line per series, optional
  reference lines (合格线 60, 表扬 90), failed points drawn as hollow red rings.
* :class:`BarChart` — horizontal bars with their labels on the left (long Chinese names
  stay readable), reference lines (7 and 14 silent days), bars coloured by the highest
  line they reach.

Both keep the data they show (``lines`` / ``bars``) so tests can read what is drawn, show a
tooltip for the point or bar under the mouse, and say so plainly when there is no data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
    "#d62728",
)
"""Colours of the series, in order (Tableau 10)."""
BAR_COLOUR = QColor("#4e79a7")
FAIL_COLOUR = QColor("#d62728")
AXIS_COLOUR = QColor("#808080")
GRID_COLOUR = QColor("#e6e6e6")


@dataclass(frozen=True, slots=True)
class Threshold:
    """A reference line across the chart, with its label and colour."""

    value: float
    label: str
    colour: str


@dataclass(frozen=True, slots=True)
class Line:
    """One series of a line chart; ``None`` leaves a gap, ``failed`` marks a point red."""

    name: str
    values: tuple[float | None, ...]
    failed: tuple[bool, ...] = ()


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, its value (``None``: nothing to show) and a tooltip."""

    label: str
    value: float | None
    tooltip: str = ""


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) giving about ``ticks`` intervals over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)


def _format(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:.1f}"


class _Chart(QWidget):
    """What both charts share: the empty text, thresholds, tooltips, fonts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thresholds: tuple[Threshold, ...] = ()
        self.empty_text = ""
        self.unit = ""
        """Text after a value in tooltips and labels (天, 小时, 分)."""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def has_data(self) -> bool:
        """Whether anything is drawn besides the axes."""
        raise NotImplementedError

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Small enough to sit three in a row."""
        return QSize(220, 160)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """A comfortable size."""
        return QSize(380, 240)

    def _hit(self, pos: QPointF) -> str:
        return ""

    def event(self, event: QEvent) -> bool:
        """Tooltips of the point or bar under the mouse."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._hit(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _empty(self, painter: QPainter) -> None:
        painter.setPen(AXIS_COLOUR)
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.empty_text)

    def _threshold_pen(self, threshold: Threshold) -> QPen:
        pen = QPen(QColor(threshold.colour))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidthF(1.5)
        return pen


class LineChart(_Chart):
    """Values over categories (months along the bottom), one line per series."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: tuple[str, ...] = ()
        self.lines: tuple[Line, ...] = ()
        self.y_max = 100.0
        self._points: list[tuple[QPointF, str]] = []

    def set_data(
        self,
        categories: Sequence[str],
        lines: Sequence[Line],
        *,
        y_max: float = 100.0,
        thresholds: Sequence[Threshold] = (),
    ) -> None:
        """Show ``lines`` over ``categories`` from 0 to ``y_max``."""
        self.categories = tuple(categories)
        self.lines = tuple(lines)
        self.y_max = y_max
        self.thresholds = tuple(thresholds)
        self.update()

    def has_data(self) -> bool:
        """Whether some series has a value."""
        return any(v is not None for line in self.lines for v in line.values)

    def _plot_rect(self, metrics: QFontMetricsF) -> QRectF:
        legend_rows = max(1, math.ceil(len(self.lines) / 3))
        left = metrics.horizontalAdvance("100") + 12
        top = 8 + legend_rows * (metrics.height() + 2)
        bottom = metrics.height() + 10
        return QRectF(
            left, top, max(self.width() - left - 16, 10), max(self.height() - top - bottom, 10)
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Axes, grid, reference lines, the series and their legend."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._points = []
        if not self.has_data() or not self.categories:
            self._empty(painter)
            return
        metrics = QFontMetricsF(self.font())
        plot = self._plot_rect(metrics)
        step = nice_step(self.y_max)

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * min(max(value, 0.0), self.y_max) / self.y_max

        n = len(self.categories)

        def x_of(index: int) -> float:
            return plot.left() + (plot.width() * (index + 0.5) / n)

        tick = 0.0
        while tick <= self.y_max + 1e-9:
            y = y_of(tick)
            painter.setPen(GRID_COLOUR)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS_COLOUR)
            label = _format(tick)
            painter.drawText(
                QPointF(
                    plot.left() - metrics.horizontalAdvance(label) - 6, y + metrics.ascent() / 3
                ),
                label,
            )
            tick += step
        painter.setPen(AXIS_COLOUR)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        every = max(1, math.ceil(n * metrics.horizontalAdvance("2026-03 ") / plot.width()))
        for i, category in enumerate(self.categories):
            if (n - 1 - i) % every == 0:  # counted from the newest, which always shows
                width = metrics.horizontalAdvance(category)
                painter.drawText(
                    QPointF(x_of(i) - width / 2, plot.bottom() + metrics.ascent() + 4), category
                )
        for threshold in self.thresholds:
            y = y_of(threshold.value)
            painter.setPen(self._threshold_pen(threshold))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(
                QPointF(plot.right() - metrics.horizontalAdvance(threshold.label) - 2, y - 3),
                threshold.label,
            )
        for index, line in enumerate(self.lines):
            colour = QColor(PALETTE[index % len(PALETTE)])
            pen = QPen(colour)
            pen.setWidthF(2.0)
            previous: QPointF | None = None
            for i, value in enumerate(line.values[:n]):
                if value is None:
                    previous = None
                    continue
                point = QPointF(x_of(i), y_of(value))
                if previous is not None:
                    painter.setPen(pen)
                    painter.drawLine(previous, point)
                failed = i < len(line.failed) and line.failed[i]
                if failed:
                    ring = QPen(FAIL_COLOUR)
                    ring.setWidthF(2.0)
                    painter.setPen(ring)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(point, 5.0, 5.0)
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(colour)
                    painter.drawEllipse(point, 3.5, 3.5)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                self._points.append(
                    (point, f"{line.name}  {self.categories[i]}：{_format(value)}{self.unit}")
                )
                previous = point
        self._legend(painter, metrics)

    def _legend(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        column = max((self.width() - 16) / 3, 60)
        for index, line in enumerate(self.lines):
            x = 8 + column * (index % 3)
            y = 6 + (index // 3) * (metrics.height() + 2)
            colour = QColor(PALETTE[index % len(PALETTE)])
            painter.fillRect(QRectF(x, y + metrics.height() / 2 - 2, 14, 4), colour)
            painter.setPen(self.palette().windowText().color())
            text = metrics.elidedText(line.name, Qt.TextElideMode.ElideRight, column - 24)
            painter.drawText(QPointF(x + 18, y + metrics.ascent()), text)

    def _hit(self, pos: QPointF) -> str:
        near = [(abs(p.x() - pos.x()) + abs(p.y() - pos.y()), text) for p, text in self._points]
        near = [n for n in near if n[0] <= 10]
        return min(near)[1] if near else ""


class BarChart(_Chart):
    """Horizontal bars, labels on the left, reference lines, colours by the lines reached."""

    ROW = 24.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: tuple[Bar, ...] = ()
        self._rects: list[tuple[QRectF, str]] = []

    def set_data(self, bars: Sequence[Bar], *, thresholds: Sequence[Threshold] = ()) -> None:
        """Show ``bars`` with reference lines at ``thresholds`` (lowest first)."""
        self.bars = tuple(bars)
        self.thresholds = tuple(sorted(thresholds, key=lambda t: t.value))
        self.updateGeometry()
        self.update()

    def has_data(self) -> bool:
        """Whether there is a bar to draw."""
        return bool(self.bars)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Tall enough for every bar."""
        return QSize(380, int(max(240, 40 + self.ROW * len(self.bars))))

    def colour_of(self, value: float | None) -> QColor:
        """The colour of the highest reference line ``value`` reaches, else the bar colour."""
        colour = BAR_COLOUR
        for threshold in self.thresholds:
            if value is not None and value >= threshold.value:
                colour = QColor(threshold.colour)
        return colour

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Labels, bars with their values, the axis and the reference lines."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._rects = []
        if not self.has_data():
            self._empty(painter)
            return
        metrics = QFontMetricsF(self.font())
        label_width = min(
            max(metrics.horizontalAdvance(b.label) for b in self.bars) + 10, self.width() * 0.4
        )
        values = [b.value for b in self.bars if b.value is not None]
        top_value = max([*values, *(t.value for t in self.thresholds), 1.0])
        step = nice_step(top_value)
        axis_max = math.ceil(top_value / step) * step
        value_room = metrics.horizontalAdvance("9999" + self.unit) + 8
        top = metrics.height() + 8 if self.thresholds else 6.0
        plot = QRectF(
            label_width,
            top,
            max(self.width() - label_width - value_room, 10),
            max(self.height() - top - metrics.height() - 8, 10),
        )
        row = min(self.ROW, plot.height() / max(len(self.bars), 1))

        def x_of(value: float) -> float:
            return plot.left() + plot.width() * min(max(value, 0.0), axis_max) / axis_max

        tick = 0.0
        while tick <= axis_max + 1e-9:
            x = x_of(tick)
            painter.setPen(GRID_COLOUR)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(AXIS_COLOUR)
            label = _format(tick)
            painter.drawText(
                QPointF(
                    x - metrics.horizontalAdvance(label) / 2, plot.bottom() + metrics.ascent() + 4
                ),
                label,
            )
            tick += step
        text_colour = self.palette().windowText().color()
        for i, bar in enumerate(self.bars):
            y = plot.top() + i * row
            painter.setPen(text_colour)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 6, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            if bar.value is None:
                painter.setPen(AXIS_COLOUR)
                painter.drawText(
                    QRectF(plot.left() + 4, y, plot.width(), row),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    "—",
                )
                self._rects.append((QRectF(plot.left(), y, plot.width(), row), bar.tooltip))
                continue
            rect = QRectF(
                plot.left(), y + row * 0.18, max(x_of(bar.value) - plot.left(), 1.5), row * 0.64
            )
            painter.fillRect(rect, self.colour_of(bar.value))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(rect.right() + 4, y, value_room, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{_format(bar.value)}{self.unit}",
            )
            self._rects.append((QRectF(plot.left(), y, plot.width(), row), bar.tooltip))
        painter.setPen(AXIS_COLOUR)
        painter.drawLine(plot.topLeft(), plot.bottomLeft())
        for threshold in self.thresholds:
            x = x_of(threshold.value)
            painter.setPen(self._threshold_pen(threshold))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        self._threshold_legend(painter, metrics, QPointF(plot.left(), 4))

    def _threshold_legend(self, painter: QPainter, metrics: QFontMetricsF, at: QPointF) -> None:
        """A dashed sample and the label of each reference line, in one row."""
        x = at.x()
        for threshold in self.thresholds:
            y = at.y() + metrics.height() / 2
            painter.setPen(self._threshold_pen(threshold))
            painter.drawLine(QPointF(x, y), QPointF(x + 16, y))
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QPointF(x + 20, at.y() + metrics.ascent()), threshold.label)
            x += 20 + metrics.horizontalAdvance(threshold.label) + 14

    def _hit(self, pos: QPointF) -> str:
        for rect, text in self._rects:
            if rect.contains(pos):
                return text
        return ""
