"""The page shown while the window is locked: nothing of the work behind it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.auth import AuthService
from newmedia_desk.ui.form_dialog import error_banner
from newmedia_desk.ui.prompts import error_text
from newmedia_desk.ui.texts import person_line


class LockPage(QWidget):
    """Who is locked, a password field to unlock, and Switch user.

    Emits ``unlocked(Principal)`` (the same person, freshly read) or ``switch_requested``.
    """

    unlocked = Signal(object)
    switch_requested = Signal()

    def __init__(self, auth: AuthService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._auth = auth
        self._principal: Principal | None = None
        self.title = QLabel(self.tr("This computer is locked"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.who = QLabel(self)
        self.who.setObjectName("who")
        self.who.setWordWrap(True)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.password_edit.returnPressed.connect(self.submit)
        self.message = error_banner(self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button = QPushButton(self.tr("Switch user…"), self)
        self.switch_button.clicked.connect(self.switch_requested)
        hint = QLabel(
            self.tr(
                "Someone else (for example a leader approving a post) can sign in "
                "with their own password through “Switch user”."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")

        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMinimumWidth(440)
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.who)
        inner.addWidget(self.message)
        inner.addWidget(self.password_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        inner.addWidget(hint)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    @property
    def principal(self) -> Principal | None:
        """The person the window is locked for."""
        return self._principal

    def lock_for(self, principal: Principal) -> None:
        """Show the page for ``principal``."""
        self._principal = principal
        self.who.setText(self.tr("Locked by {person}").format(person=person_line(principal)))
        self.password_edit.clear()
        self.message.hide()
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Check the password of the locked person."""
        locked = self._principal
        if locked is None:
            return
        try:
            principal = self._auth.sign_in(locked.login, self.password_edit.text())
        except DeskError as exc:
            self._fail(error_text(exc))
            return
        if principal.staff_id != locked.staff_id:
            self._fail(self.tr("This password does not belong to the locked person."))
            return
        self.password_edit.clear()
        self.message.hide()
        self.unlocked.emit(principal)

    def _fail(self, text: str) -> None:
        self.password_edit.clear()
        self.message.setText(text)
        self.message.show()
        self.password_edit.setFocus()
