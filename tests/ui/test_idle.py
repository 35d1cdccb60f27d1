"""The idle lock, measured in wall time with a fake clock (no sleeping)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.settings import IDLE_LOCK_MINUTES
from newmedia_desk.ui.idle import IdleWatcher

from .conftest import FakeWallClock, MakeWindow, Office, is_locked


def _key(target: object) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(target, event)  # type: ignore[arg-type]


def test_watcher_fires_after_the_limit(qtbot: QtBot, wall_clock: FakeWallClock) -> None:
    watcher = IdleWatcher(lambda: 2, clock=wall_clock)
    watcher.reset()
    wall_clock.advance(119)
    with qtbot.assertNotEmitted(watcher.idle):
        watcher.check()
    wall_clock.advance(1)
    with qtbot.waitSignal(watcher.idle, timeout=100):
        watcher.check()
    assert not watcher.armed
    with qtbot.assertNotEmitted(watcher.idle):
        watcher.check()  # only once until reset


def test_input_postpones_the_lock(
    qtbot: QtBot, office: Office, make_window: MakeWindow, wall_clock: FakeWallClock
) -> None:
    window = make_window(office.admin)
    wall_clock.advance(4 * 60)
    _key(window.work_area)
    wall_clock.advance(4 * 60)
    window.idle.check()
    assert not is_locked(window)
    wall_clock.advance(60)
    window.idle.check()
    assert is_locked(window)
    assert not window.content_visible()


def test_a_long_sleep_locks_on_the_first_input_after_waking(
    qtbot: QtBot, office: Office, make_window: MakeWindow, wall_clock: FakeWallClock
) -> None:
    window = make_window(office.admin)
    typed = window.work_area.start_page  # type: ignore[union-attr]
    wall_clock.advance(3 * 3600)  # the laptop slept; no timer tick ran meanwhile
    _key(typed)
    assert is_locked(window)
    assert window.stack.currentWidget() is window.lock_page


def test_mouse_move_counts_as_input(
    qtbot: QtBot, office: Office, make_window: MakeWindow, wall_clock: FakeWallClock
) -> None:
    window = make_window(office.admin)
    wall_clock.advance(4 * 60 + 30)
    QTest.mouseMove(window, window.rect().center())
    QApplication.processEvents()
    wall_clock.advance(60)
    window.idle.check()
    assert not is_locked(window)
    assert window.idle.idle_seconds() < 5 * 60


def test_limit_follows_the_office_setting(
    qtbot: QtBot, office: Office, make_window: MakeWindow, wall_clock: FakeWallClock
) -> None:
    office.ctx.settings.set(office.admin, IDLE_LOCK_MINUTES.key, 1)
    window = make_window(office.admin)
    wall_clock.advance(61)
    window.idle.check()
    assert is_locked(window)


def test_no_idle_lock_while_locked_or_signed_out(
    qtbot: QtBot, office: Office, make_window: MakeWindow, wall_clock: FakeWallClock
) -> None:
    window = make_window(None)
    wall_clock.advance(3600)
    window.idle.check()
    assert not is_locked(window)
    assert not window.idle.armed
