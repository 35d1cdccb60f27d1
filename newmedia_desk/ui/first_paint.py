"""Notice the first time a window is painted (start-up timing, the smoke test)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal


class FirstPaintWatcher(QObject):
    """Emits ``painted`` once, after the watched widget's first paint event."""

    painted = Signal()

    def __init__(self, watched: QObject) -> None:
        super().__init__(watched)
        self._done = False
        watched.installEventFilter(self)

    @property
    def done(self) -> bool:
        """Whether the first paint happened."""
        return self._done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Watch for the first paint."""
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            watched.removeEventFilter(self)
            self.painted.emit()
        return False
