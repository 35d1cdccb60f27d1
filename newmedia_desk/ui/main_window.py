"""The main window: a stack of the work area, the lock page and the sign-in page.

While locked (or while someone else is signing in) the work area is not in view and every
other window of ours is hidden, so nothing of the previous person's work shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk import APP_DISPLAY_NAME, __version__
from newmedia_desk.context import AppContext
from newmedia_desk.domain.settings import IDLE_LOCK_MINUTES
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.actions import ActionId, ActionRegistry
from newmedia_desk.ui.clipboard import SecretClipboard
from newmedia_desk.ui.idle import IdleWatcher
from newmedia_desk.ui.lock_page import LockPage
from newmedia_desk.ui.password_dialogs import ChangePasswordDialog
from newmedia_desk.ui.prompts import Prompts
from newmedia_desk.ui.settings import (
    LANGUAGE,
    LAST_LOGIN,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    UiSettings,
)
from newmedia_desk.ui.sign_in import SignInForm
from newmedia_desk.ui.texts import person_line
from newmedia_desk.ui.work_area import WorkArea


class MainWindow(QMainWindow):
    """The program's window for one signed-in person at a time.

    Args:
        ctx: the services.
        prompts: the message-box seam.
        ui_settings: this PC's preferences (geometry, last login, language).
        clock: wall time for the idle lock (tests pass a fake).
        remember: whether to save geometry and last login (off for the smoke test).
        icon: the window icon.
    """

    session_changed = Signal()
    """Someone signed in or out, or the window was locked or unlocked."""

    def __init__(
        self,
        ctx: AppContext,
        prompts: Prompts,
        ui_settings: UiSettings,
        *,
        clock: Callable[[], float] = time.time,
        remember: bool = True,
        icon: QIcon | None = None,
    ) -> None:
        super().__init__()
        self._ctx = ctx
        self._prompts = prompts
        self._ui_settings = ui_settings
        self._remember = remember
        self._principal: Principal | None = None
        self._locked = False
        self._hidden_windows: list[QWidget] = []
        self.work_area: WorkArea | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.secret_clipboard = SecretClipboard(parent=self)
        """Account passwords copied in this window; wiped on lock, switch and quit."""
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.secret_clipboard.clear_now)
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setObjectName("main_window")
        if icon is not None:
            self.setWindowIcon(icon)

        self.stack = QStackedWidget(self)
        self.lock_page = LockPage(ctx.auth, self)
        self.lock_page.unlocked.connect(self.unlock)
        self.lock_page.switch_requested.connect(self.show_switch_user)
        self.sign_in_page = QWidget(self)
        self.sign_in_form = SignInForm(ctx.auth, allow_cancel=True, parent=self.sign_in_page)
        self.sign_in_form.setMaximumWidth(460)
        self.sign_in_form.signed_in.connect(self._on_signed_in)
        self.sign_in_form.cancelled.connect(self._back_to_lock)
        centre = QVBoxLayout(self.sign_in_page)
        centre.addStretch(1)
        centre.addWidget(self.sign_in_form, 0, Qt.AlignmentFlag.AlignHCenter)
        centre.addStretch(2)
        self.waiting_page = QLabel(self.tr("Please change your password first."), self)
        self.waiting_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.sign_in_page)
        self.stack.addWidget(self.lock_page)
        self.stack.addWidget(self.waiting_page)
        self.setCentralWidget(self.stack)

        self.person_label = QLabel(self)
        self.person_label.setObjectName("status_person")
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("status_lock")
        self.statusBar().addWidget(self.person_label, 1)
        self.statusBar().addPermanentWidget(self.lock_label)

        self.actions_ = ActionRegistry(self)
        self._build_menus()

        self.idle = IdleWatcher(
            lambda: ctx.settings.get(IDLE_LOCK_MINUTES), clock=clock, parent=self
        )
        self.idle.idle.connect(self.lock)
        self.idle.start()

        self.resize(1180, 760)
        if remember:
            self._restore_geometry()
        self._update_state()

    # -- building ------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions_
        a[ActionId.LOCK].triggered.connect(self.lock)
        a[ActionId.SWITCH_USER].triggered.connect(self.show_switch_user)
        a[ActionId.CHANGE_PASSWORD].triggered.connect(self.open_change_password)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.ABOUT].triggered.connect(self.show_about)
        a[ActionId.LANGUAGE].triggered.connect(self.show_language_note)
        session = self.menuBar().addMenu(self.tr("&Session"))
        for action_id in (ActionId.LOCK, ActionId.SWITCH_USER, ActionId.CHANGE_PASSWORD):
            session.addAction(a[action_id])
        session.addSeparator()
        session.addAction(a[ActionId.QUIT])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a[ActionId.LANGUAGE])
        help_menu.addAction(a[ActionId.ABOUT])
        toolbar = QToolBar(self.tr("Session"), self)
        toolbar.setObjectName("session_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(a[ActionId.LOCK])
        toolbar.addAction(a[ActionId.SWITCH_USER])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    # -- state ---------------------------------------------------------------------------

    @property
    def principal(self) -> Principal | None:
        """The person signed in (also while locked), or ``None``."""
        return self._principal

    @property
    def locked(self) -> bool:
        """Whether the work is hidden behind the lock page."""
        return self._locked

    def content_visible(self) -> bool:
        """Whether the work area is what the window shows."""
        return self.work_area is not None and self.stack.currentWidget() is self.work_area

    def _update_state(self) -> None:
        a = self.actions_
        working = self.content_visible()
        a[ActionId.LOCK].setEnabled(working)
        a[ActionId.CHANGE_PASSWORD].setEnabled(working and self._principal is not None)
        a[ActionId.SWITCH_USER].setEnabled(self._principal is not None)
        if self._principal is None:
            self.person_label.setText(self.tr("Nobody signed in"))
            self.lock_label.setText("")
        else:
            self.person_label.setText(
                self.tr("Signed in: {person}").format(person=person_line(self._principal))
            )
            self.lock_label.setText(self.tr("Locked") if self._locked else self.tr("Unlocked"))
        if working:
            self.idle.reset()
        else:
            self.idle.disarm()
        self.session_changed.emit()

    # -- sign-in, lock, switch -----------------------------------------------------------

    def start_session(self, principal: Principal, *, check_password: bool = True) -> None:
        """Show the work of ``principal`` (forcing a password change if one is due)."""
        previous = self._principal
        if previous is not None and previous.staff_id != principal.staff_id:
            self._forget_secrets()
            self._close_hidden_windows()
        else:
            self._restore_hidden_windows()
        self._principal = principal
        self._locked = False
        if self._remember and principal.staff_id > 0:
            self._ui_settings.set(LAST_LOGIN, principal.login)
        current = self.work_area.actor if self.work_area is not None else None
        if current is None or (current.staff_id, current.roles) != (
            principal.staff_id,
            principal.roles,
        ):
            # Another person, or new roles: build the pages afresh for what they may do.
            self._replace_work_area(principal)
        if check_password and self._ctx.auth.must_change_password(principal):
            self._force_password_change(principal)
            return
        self._show_work()

    def _replace_work_area(self, principal: Principal) -> None:
        if self.work_area is not None:
            self.stack.removeWidget(self.work_area)
            self.work_area.deleteLater()
        self.work_area = WorkArea(
            self._ctx, principal, self._prompts, self, clipboard=self.secret_clipboard
        )
        self.stack.addWidget(self.work_area)

    def _show_work(self) -> None:
        assert self.work_area is not None
        self.stack.setCurrentWidget(self.work_area)
        self.work_area.refresh()
        self._update_state()

    def _force_password_change(self, principal: Principal) -> None:
        self.stack.setCurrentWidget(self.waiting_page)
        dialog = ChangePasswordDialog(self._ctx.auth, principal, forced=True, parent=self)
        dialog.accepted.connect(self._show_work)
        dialog.rejected.connect(lambda: self._password_change_refused(principal))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.password_dialog = dialog
        self._update_state()
        dialog.open()

    def _password_change_refused(self, principal: Principal) -> None:
        current = self._principal
        if current is not None and current.staff_id == principal.staff_id:
            self.sign_out()

    def lock(self) -> None:
        """Hide the work (and our other windows) until the password is entered again."""
        if self._principal is None or self._locked:
            return
        self._locked = True
        self._forget_secrets()
        self._hide_other_windows()
        self.lock_page.lock_for(self._principal)
        self.stack.setCurrentWidget(self.lock_page)
        self._update_state()

    def unlock(self, principal: Principal) -> None:
        """The locked person proved who they are: show their work again."""
        self.start_session(principal)

    def show_switch_user(self) -> None:
        """Lock, then offer the sign-in form for somebody else."""
        if self._principal is None:
            return
        self.lock()
        self.sign_in_form.set_heading(self.tr("Sign in as another person"))
        self.sign_in_form.cancel_button.setVisible(True)
        self.sign_in_form.login_edit.clear()
        self.sign_in_form.prepare()
        self.stack.setCurrentWidget(self.sign_in_page)
        self._update_state()

    def _back_to_lock(self) -> None:
        if self._principal is not None:
            self.stack.setCurrentWidget(self.lock_page)
            self.lock_page.lock_for(self._principal)

    def sign_out(self) -> None:
        """Nobody is signed in; show the sign-in form."""
        self._forget_secrets()
        self._close_hidden_windows()
        self._principal = None
        self._locked = False
        if self.work_area is not None:
            self.stack.removeWidget(self.work_area)
            self.work_area.deleteLater()
            self.work_area = None
        self.sign_in_form.set_heading(self.tr("Please sign in"))
        self.sign_in_form.cancel_button.setVisible(False)
        self.sign_in_form.prepare()
        self.stack.setCurrentWidget(self.sign_in_page)
        self._update_state()

    def _on_signed_in(self, principal: Principal) -> None:
        self.start_session(principal)

    def _forget_secrets(self) -> None:
        """Clear a copied password, hide revealed ones, drop unlocked keys."""
        self.secret_clipboard.wipe()
        self._ctx.credentials.forget()

    # -- other windows -------------------------------------------------------------------

    def _hide_other_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible() or not widget.isWindow():
                continue
            widget.hide()
            self._hidden_windows.append(widget)

    def _restore_hidden_windows(self) -> None:
        for widget in self._hidden_windows:
            if shiboken6.isValid(widget) and isinstance(widget, QDialog):
                widget.show()
        self._hidden_windows.clear()

    def _close_hidden_windows(self) -> None:
        for widget in self._hidden_windows:
            if not shiboken6.isValid(widget):
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()
        self._hidden_windows.clear()

    # -- actions -------------------------------------------------------------------------

    def open_change_password(self) -> None:
        """Let the signed-in person change their password."""
        if self._principal is None or not self.content_visible():
            return
        dialog = ChangePasswordDialog(self._ctx.auth, self._principal, parent=self)
        dialog.accepted.connect(lambda: self._prompts.info(self.tr("Your password was changed.")))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.password_dialog = dialog
        dialog.open()

    def show_about(self) -> None:
        """Name and version."""
        self._prompts.info(
            self.tr(
                "{app} {version}\n\nThe desktop program of the new-media office: accounts, "
                "posts and their approval, ledgers.\n\nDatabase: {db}"
            ).format(app=APP_DISPLAY_NAME, version=__version__, db=self._ctx.db.describe())
        )

    def show_language_note(self) -> None:
        """Explain how the language is chosen; offer to switch it for the next start."""
        current = self._ui_settings.language()
        other = "en" if current == "zh_CN" else "zh_CN"
        question = self.tr(
            "The interface is in Chinese by default; English can be chosen with the "
            "command-line option --lang en.\n\nUse {language} from the next start on?"
        ).format(language="English" if other == "en" else "中文")
        if self._prompts.confirm(question):
            self._ui_settings.set(LANGUAGE, other)
            self._ui_settings.sync()

    # -- geometry ------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._ui_settings.get(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self._ui_settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Save the window placement, stop the idle watcher, clear a copied password."""
        self._forget_secrets()
        if self._remember:
            self._ui_settings.set(WINDOW_GEOMETRY, self.saveGeometry())
            self._ui_settings.set(WINDOW_STATE, self.saveState())
            self._ui_settings.sync()
        self.idle.stop()
        super().closeEvent(event)
