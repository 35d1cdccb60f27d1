"""Window-wide actions: one id each, one factory, and every shortcut in one table."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence


class ActionId(StrEnum):
    """The actions of the main window."""

    LOCK = "lock"
    SWITCH_USER = "switch_user"
    CHANGE_PASSWORD = "change_password"
    QUIT = "quit"
    ABOUT = "about"
    LANGUAGE = "language"


SHORTCUTS: dict[ActionId, str | QKeySequence.StandardKey] = {
    ActionId.LOCK: "Ctrl+L",
    ActionId.SWITCH_USER: "Ctrl+Shift+L",
    ActionId.QUIT: QKeySequence.StandardKey.Quit,
}
"""Keyboard shortcuts (portable text or a standard key); actions not listed have none.

Plain values, because a ``QKeySequence`` must not be made before the application exists.
"""


def _text(action_id: ActionId) -> str:
    # Literal calls, so that lupdate finds every text.
    texts = {
        ActionId.LOCK: QCoreApplication.translate("Actions", "&Lock"),
        ActionId.SWITCH_USER: QCoreApplication.translate("Actions", "&Switch user"),
        ActionId.CHANGE_PASSWORD: QCoreApplication.translate("Actions", "&Change my password…"),
        ActionId.QUIT: QCoreApplication.translate("Actions", "&Quit"),
        ActionId.ABOUT: QCoreApplication.translate("Actions", "&About"),
        ActionId.LANGUAGE: QCoreApplication.translate("Actions", "Interface &language…"),
    }
    return texts[action_id]


def _tip(action_id: ActionId) -> str:
    tips = {
        ActionId.LOCK: QCoreApplication.translate(
            "Actions", "Hide everything until you enter your password again"
        ),
        ActionId.SWITCH_USER: QCoreApplication.translate(
            "Actions", "Let someone else sign in on this computer (e.g. a leader approving)"
        ),
    }
    return tips.get(action_id, "")


class ActionRegistry:
    """Creates each action once and hands it out by id."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id in ActionId:
            action = QAction(_text(action_id), parent)
            action.setObjectName(f"action_{action_id.value}")
            shortcut = SHORTCUTS.get(action_id)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            tip = _tip(action_id)
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
            if action_id is ActionId.QUIT:
                action.setMenuRole(QAction.MenuRole.QuitRole)
            elif action_id is ActionId.ABOUT:
                action.setMenuRole(QAction.MenuRole.AboutRole)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def all(self) -> dict[ActionId, QAction]:
        """Every action, by id."""
        return dict(self._actions)
