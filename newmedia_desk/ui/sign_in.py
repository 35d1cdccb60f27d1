"""The sign-in form, and the small window that shows it at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk import APP_DISPLAY_NAME
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.ui.form_dialog import BANNER_ERROR, error_banner
from newmedia_desk.ui.prompts import error_text

if TYPE_CHECKING:
    # Only for types: the window is painted before the database layer is imported.
    from newmedia_desk.services.auth import AuthService


class SignInForm(QWidget):
    """Login name, password and a Sign in button.

    Emits ``signed_in(Principal)`` on success. Failures show the same words for an
    unknown login and a wrong password; a throttled login shows the wait in seconds.
    Without an ``auth`` service yet (the database is still opening) the form can be
    filled in but not submitted; ``set_auth`` enables it.
    """

    signed_in = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        auth: AuthService | None,
        *,
        last_login: str = "",
        allow_cancel: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self.heading = QLabel(self.tr("Please sign in"), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.login_edit = QLineEdit(last_login, self)
        self.login_edit.setObjectName("login")
        self.login_edit.setPlaceholderText(self.tr("e.g. zhangsan"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_banner(self)
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setAutoDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Back"), self)
        self.cancel_button.clicked.connect(self.cancelled)
        self.cancel_button.setVisible(allow_cancel)
        self.login_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self.submit)

        form = QFormLayout()
        form.addRow(self.tr("Login name"), self.login_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addLayout(buttons)
        if auth is None:
            self.sign_in_button.setEnabled(False)
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Opening the database…"))
            self.message.show()

    def set_auth(self, auth: AuthService) -> None:
        """Accept sign-ins from now on (the database is open)."""
        self._auth = auth
        self.sign_in_button.setEnabled(True)
        self.message.hide()
        self.message.setStyleSheet(BANNER_ERROR)
        if self.login_edit.text().strip() and self.password_edit.text():
            self.submit()  # Enter was pressed while the database was still opening

    def set_heading(self, text: str) -> None:
        """Change the line above the fields (e.g. when a leader switches in)."""
        self.heading.setText(text)

    def prepare(self, login: str = "") -> None:
        """Clear the password and message; put the cursor where typing starts."""
        if login:
            self.login_edit.setText(login)
        self.password_edit.clear()
        self.message.hide()
        self.focus_first_empty()

    def focus_first_empty(self) -> None:
        """Focus the login field when empty, else the password field."""
        target = self.password_edit if self.login_edit.text().strip() else self.login_edit
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Try to sign in with what was typed."""
        if self._auth is None:
            return
        login = self.login_edit.text().strip()
        if not login:
            self._fail(self.tr("Please enter your login name."))
            self.login_edit.setFocus()
            return
        try:
            principal = self._auth.sign_in(login, self.password_edit.text())
        except DeskError as exc:
            self._fail(error_text(exc))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.password_edit.clear()
        self.message.hide()
        self.signed_in.emit(principal)

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class SignInWindow(QWidget):
    """The first window: the program's name and the sign-in form."""

    signed_in = Signal(object)

    def __init__(
        self, auth: AuthService | None, *, last_login: str = "", icon: QIcon | None = None
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("{app} — Sign in").format(app=APP_DISPLAY_NAME))
        if icon is not None:
            self.setWindowIcon(icon)
        title = QLabel(APP_DISPLAY_NAME, self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = SignInForm(auth, last_login=last_login, parent=self)
        self.form.signed_in.connect(self.signed_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(self.form)
        self.setMinimumWidth(420)
        self.form.focus_first_empty()
