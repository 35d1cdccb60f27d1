"""The reference "minimal app" of the start-up benchmark (perf-baselines.md §1, variant ``c``).

A ``QMainWindow`` with a ``QLabel("hello 你好")``, shown at 800×600, that quits right after
its first paint, the same way ``newmedia_desk --quit-after-paint`` is meant to. Run it as a
plain script: ``QT_QPA_PLATFORM=offscreen python tests/perf/reference_window.py``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _QuitAfterPaint(QObject):
    """Quit the application on the next turn of the event loop after a paint event."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Watch for the first paint of the watched widget."""
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            QTimer.singleShot(0, self._app.quit)
        return False


def main() -> int:
    """Show the window, quit after its first paint, and return the exit code."""
    app = QApplication(sys.argv)
    window = QMainWindow()
    label = QLabel("hello 你好")
    window.setCentralWidget(label)
    window.resize(800, 600)
    quitter = _QuitAfterPaint(app)
    label.installEventFilter(quitter)
    window.show()
    # A safety net: never hang if no paint ever arrives.
    QTimer.singleShot(10_000, lambda: app.exit(3))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
