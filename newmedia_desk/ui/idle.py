"""Lock the window after a stretch without keyboard or mouse input.

Idle time is measured in wall time (``time.time``), not with a monotonic timer, so a
laptop that slept for an hour locks as soon as it wakes: the first tick of the timer, or
the first key press, sees the gap.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

CHECK_INTERVAL_MS = 5_000

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Watches the application's input and emits ``idle`` when the limit is reached.

    Args:
        limit_minutes: returns the current idle limit (read from the office settings).
        clock: returns wall time in seconds; tests pass a fake.
        parent: the owning object.
    """

    idle = Signal()
    """The limit was reached; the owner locks. Emitted once until ``reset`` is called."""

    def __init__(
        self,
        limit_minutes: Callable[[], int],
        *,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._limit_minutes = limit_minutes
        self._clock = clock
        self._limit_seconds = 60.0 * limit_minutes()
        self._last_input = clock()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    @property
    def armed(self) -> bool:
        """Whether a timeout will lock (someone is signed in and not locked)."""
        return self._armed

    @property
    def limit_seconds(self) -> float:
        """The idle limit last read from the settings."""
        return self._limit_seconds

    def start(self) -> None:
        """Begin watching: install the event filter and the timer."""
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        """Stop watching."""
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    def reset(self) -> None:
        """Count from now and arm again (after sign-in or unlock)."""
        self._last_input = self._clock()
        self._armed = True
        self.refresh_limit()

    def disarm(self) -> None:
        """Do not lock (while locked or signed out)."""
        self._armed = False

    def refresh_limit(self) -> None:
        """Re-read the idle limit from the settings."""
        self._limit_seconds = 60.0 * self._limit_minutes()

    def idle_seconds(self) -> float:
        """Seconds since the last input."""
        return self._clock() - self._last_input

    def check(self) -> None:
        """Emit ``idle`` if the limit has been reached (the timer calls this)."""
        self.refresh_limit()
        self._fire_if_idle()

    def _fire_if_idle(self) -> bool:
        if self._armed and self.idle_seconds() >= self._limit_seconds:
            self._armed = False
            self.idle.emit()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Record input; lock first if the gap before this input is already too long."""
        if event.type() in _INPUT_EVENTS:
            if self._fire_if_idle():
                return False
            self._last_input = self._clock()
        return False
