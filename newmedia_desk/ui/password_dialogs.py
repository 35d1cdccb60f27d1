"""Changing one's own password, and an administrator giving a temporary one."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from newmedia_desk.domain.errors import DeskError, SignInFailedError
from newmedia_desk.domain.staff import Principal, StaffRecord
from newmedia_desk.services.auth import AuthService
from newmedia_desk.ui.form_dialog import FormDialog, InputProblemError


def password_edit(parent: QWidget) -> QLineEdit:
    """A line edit that hides what is typed."""
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChangePasswordDialog(FormDialog):
    """Current password, new password twice.

    With ``forced`` (a temporary password must be replaced) Cancel reads "Sign out".
    """

    def __init__(
        self,
        auth: AuthService,
        principal: Principal,
        *,
        forced: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Change my password"))
        self._auth = auth
        self._principal = principal
        self.old_edit = password_edit(self)
        self.new_edit = password_edit(self)
        self.repeat_edit = password_edit(self)
        self.add_field("old", self.tr("Current password"), self.old_edit)
        self.add_field("password", self.tr("New password"), self.new_edit)
        self.add_field("repeat", self.tr("New password again"), self.repeat_edit)
        if forced:
            self.show_note(
                self.tr(
                    "You signed in with a temporary password. Please choose your own password now."
                )
            )
            cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText(self.tr("Sign out"))

    def submit(self) -> None:
        """Check the repetition, then let the service change the password."""
        if self.new_edit.text() != self.repeat_edit.text():
            raise InputProblemError(self.tr("The two new passwords differ."), "repeat")
        self._auth.change_own_password(self._principal, self.old_edit.text(), self.new_edit.text())

    def handle_error(self, exc: DeskError) -> None:
        """Name the current-password field when that one was wrong."""
        if isinstance(exc, SignInFailedError):
            self.show_error(self.tr("The current password is wrong."), "old")
            return
        super().handle_error(exc)


class ResetPasswordDialog(FormDialog):
    """An administrator gives someone a temporary password (changed at next sign-in)."""

    def __init__(
        self,
        auth: AuthService,
        actor: Principal,
        staff: StaffRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Reset password of {name}").format(name=staff.name))
        self._auth = auth
        self._actor = actor
        self.staff = staff
        self.new_edit = password_edit(self)
        self.repeat_edit = password_edit(self)
        self.add_field("password", self.tr("Temporary password"), self.new_edit)
        self.add_field("repeat", self.tr("Temporary password again"), self.repeat_edit)
        self.show_note(
            self.tr(
                "Tell {name} the temporary password in person. They must choose their own "
                "password at the next sign-in."
            ).format(name=staff.name)
        )

    def submit(self) -> None:
        """Check the repetition, then let the service reset the password."""
        if self.new_edit.text() != self.repeat_edit.text():
            raise InputProblemError(self.tr("The two passwords differ."), "repeat")
        self._auth.reset_password(
            self._actor, self.staff.id, self.new_edit.text(), self.staff.version
        )
