"""Notice the first time a window is painted (start-up timing, the smoke test)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget


class FirstPaintWatcher(QObject):
    """Emits ``painted`` once, after the first paint of the window or a widget inside it.

    Qt may paint only the children when they cover everything that changed, so the
    window itself is not always the one that receives the first paint event; the watcher
    therefore listens application-wide until the first paint, then stops listening.
    """

    painted = Signal()

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self._window = watched
        self._done = False
        app = QCoreApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)

    @property
    def done(self) -> bool:
        """Whether the first paint happened."""
        return self._done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Watch for the first paint inside the window."""
        if (
            not self._done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._done = True
            self._app.removeEventFilter(self)
            self.painted.emit()
        return False
