"""Copying an account password to the clipboard, and taking it off again.

A copied password is marked as secret for clipboard histories (Windows: kept out of Win+V
and the cloud clipboard; KDE: the password-manager hint; macOS: concealed type) and is
cleared after a short time, but only if the clipboard still holds it: whatever the person
copied meanwhile is left alone. Locking, switching user and quitting clear it at once
(``wipe``), and tell every open secret view to hide (``wiped``).

Only a SHA-256 of the value is kept to recognise it; the value itself is not held here.
"""

from __future__ import annotations

import hashlib
import sys

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_SECONDS = 15
"""How long a copied password stays on the clipboard."""

_DWORD_ZERO = QByteArray(b"\x00\x00\x00\x00")
_WINDOWS_FORMATS = (
    "ExcludeClipboardContentFromMonitorProcessing",
    "CanIncludeInClipboardHistory",
    "CanUploadToCloudClipboard",
)


def secret_mime_data(value: str) -> QMimeData:
    """The text with the formats that ask clipboard histories and monitors to skip it."""
    mime = QMimeData()
    mime.setText(value)
    for name in _WINDOWS_FORMATS:
        # Qt registers a Windows clipboard format of exactly this name from this form.
        mime.setData(f'application/x-qt-windows-mime;value="{name}"', _DWORD_ZERO)
    mime.setData("x-kde-passwordManagerHint", QByteArray(b"secret"))
    if sys.platform == "darwin":
        mime.setData("application/x-nspasteboard-concealed-type", QByteArray(b"secret"))
    return mime


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SecretClipboard(QObject):
    """The one place that puts passwords on the clipboard and clears them.

    Emits ``countdown(seconds_left)`` every second while a value is on the clipboard,
    ``cleared()`` when it is no longer ours (cleared, or replaced by the person), and
    ``wiped()`` when the session is hidden (lock, switch user, quit): secret views hide.
    """

    countdown = Signal(int)
    cleared = Signal()
    wiped = Signal()

    def __init__(
        self,
        clipboard: QClipboard | None = None,
        *,
        seconds: int = CLEAR_AFTER_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard if clipboard is not None else QGuiApplication.clipboard()
        self.seconds = seconds
        self._digest: str | None = None
        self._left = 0
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)

    @property
    def active(self) -> bool:
        """Whether a value of ours may still be on the clipboard."""
        return self._digest is not None

    @property
    def seconds_left(self) -> int:
        """Seconds until the value is cleared (0 when nothing is pending)."""
        return self._left if self.active else 0

    def copy(self, value: str) -> None:
        """Put ``value`` on the clipboard, marked as secret; clear it after ``seconds``."""
        self._clipboard.setMimeData(secret_mime_data(value), QClipboard.Mode.Clipboard)
        self._digest = _digest(value)
        self._left = self.seconds
        self.timer.start()
        self.countdown.emit(self._left)

    def holds_our_value(self) -> bool:
        """Whether the clipboard still holds what we put there."""
        if self._digest is None:
            return False
        return _digest(self._clipboard.text(QClipboard.Mode.Clipboard)) == self._digest

    def tick(self) -> None:
        """One second passed: count down, and clear when the time is up."""
        if self._digest is None:
            self.timer.stop()
            return
        if not self.holds_our_value():
            self._forget()  # the person copied something else: leave it alone
            return
        self._left -= 1
        if self._left <= 0:
            self.clear_now()
        else:
            self.countdown.emit(self._left)

    def clear_now(self) -> None:
        """Clear the clipboard at once if it still holds our value."""
        if self.holds_our_value():
            self._clipboard.clear(QClipboard.Mode.Clipboard)
        self._forget()

    def wipe(self) -> None:
        """The session is being hidden: clear our value now and hide every secret view."""
        self.clear_now()
        self.wiped.emit()

    def _forget(self) -> None:
        was_active = self._digest is not None
        self._digest = None
        self._left = 0
        self.timer.stop()
        if was_active:
            self.cleared.emit()
