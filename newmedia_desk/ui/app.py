"""Start the desktop program: ``run_gui`` is what the command line calls.

SQLAlchemy (through ``newmedia_desk.context``) is imported before PySide6, and Qt itself
only inside ``run_gui``; openpyxl and keyring's backends are never imported before the first
window is painted.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from newmedia_desk import APP_DISPLAY_NAME, APP_NAME, ORG_NAME, __version__
from newmedia_desk.domain.errors import DeskError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QWidget

    from newmedia_desk.context import AppContext
    from newmedia_desk.domain.staff import Principal
    from newmedia_desk.ui.prompts import Prompts
    from newmedia_desk.ui.settings import UiSettings
    from newmedia_desk.ui.sign_in import SignInWindow

MEMORY_DB = "sqlite+pysqlite:///:memory:"
SMOKE_TIMEOUT_MS = 20_000
OPEN_DB_FALLBACK_MS = 300
VIEWER_LOGIN = "viewer"


def viewer_principal(ctx: AppContext) -> Principal:
    """A read-only person with no roles, scoped to every unit (smoke test only)."""
    from newmedia_desk.domain.staff import Principal

    units = ctx.directory.list_units(None)
    root = next((u.id for u in units if u.parent_id is None), 0)
    return Principal(
        staff_id=0,
        login=VIEWER_LOGIN,
        name="viewer",
        unit_id=root,
        roles=frozenset(),
        unit_scope=frozenset(u.id for u in units),
    )


def run_gui(
    db: str | None,
    *,
    lang: str | None = None,
    smoke_test: bool = False,
    quit_after_paint: bool = False,
) -> int:
    """Run the program; return the process exit code.

    Args:
        db: the database path or URL (``None``: ``NEWMEDIA_DESK_DB`` or the default file).
        lang: ``zh_CN`` (default) or ``en``; ``None`` uses this PC's saved choice.
        smoke_test: show the main window read-only on an untouched database, print one
            line and exit (0 when it worked).
        quit_after_paint: quit as soon as the first window is painted (start-up timing).
    """
    if smoke_test:
        return _smoke_test(db, lang)
    # The SVG icon loads Qt's SVG plugin: set it after the first paint (see _Starter).
    app = _application(icon=False)
    from newmedia_desk.ui.prompts import QtPrompts
    from newmedia_desk.ui.settings import UiSettings

    settings = UiSettings()
    translators = _translate(app, lang if lang is not None else settings.language())
    try:
        return _run(app, db, settings, QtPrompts(), quit_after_paint=quit_after_paint)
    finally:
        _untranslate(app, translators)


def _run(
    app: QApplication,
    db: str | None,
    settings: UiSettings,
    prompts: Prompts,
    *,
    quit_after_paint: bool,
) -> int:
    from newmedia_desk.logs import install_crash_handler

    def tell_user(detail: str) -> None:
        from newmedia_desk.ui.texts import unexpected_error_text

        prompts.error(unexpected_error_text(detail))

    previous_hook = install_crash_handler(tell_user)
    starter = _Starter(app, db, prompts, settings, quit_after_paint=quit_after_paint)
    try:
        starter.begin()
        app.exec()
        _drop_stray_quits(app)
        return starter.exit_code
    finally:
        starter.close()
        sys.excepthook = previous_hook


def _centre(window: QWidget) -> None:
    """Put a small window in the middle of its screen (no window manager does it for us)."""
    screen = window.screen()
    if screen is not None:
        frame = window.frameGeometry()
        frame.moveCenter(screen.availableGeometry().center())
        window.move(frame.topLeft())


def _drop_stray_quits(app: QApplication) -> None:
    """Discard quit requests still queued after ``exec()`` returned.

    A second quit (say, a paint hook and the last window closing) would otherwise be
    delivered by the next event loop of this process and end it at once.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)


def _application(*, icon: bool = True) -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    if icon:
        app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The program's icon (an SVG in ``resources/icons``)."""
    from PySide6.QtGui import QIcon

    from newmedia_desk.paths import resource

    return QIcon(str(resource("icons", "newmedia_desk.svg")))


def _translate(app: QApplication, lang: str | None) -> list[QTranslator]:
    from newmedia_desk.ui.i18n import install_translators, normalise_language

    return install_translators(app, normalise_language(lang))


def _untranslate(app: QApplication, translators: list[QTranslator]) -> None:
    # Leave a reused QApplication (tests, an embedding program) as it was found.
    for translator in translators:
        app.removeTranslator(translator)


class _Starter:
    """Shows the sign-in window at once, opens the database behind it, then the main window.

    The sign-in window is painted before SQLAlchemy and the services are imported (they
    take most of the start-up time); it accepts typing meanwhile and signs in once the
    database is open. A database without staff replaces it with the first-run dialog.
    """

    def __init__(
        self,
        app: QApplication,
        db: str | None,
        prompts: Prompts,
        settings: UiSettings,
        *,
        quit_after_paint: bool,
    ) -> None:
        self.app = app
        self.db = db
        self.ctx: AppContext | None = None
        self.prompts = prompts
        self.settings = settings
        self.quit_after_paint = quit_after_paint
        self.exit_code = 0
        self._opening = False
        self.sign_in_window: SignInWindow | None = None
        self.main_window: QWidget | None = None

    def begin(self) -> None:
        """Show the sign-in window; open the database once it is painted."""
        from PySide6.QtCore import QTimer

        from newmedia_desk.ui.first_paint import FirstPaintWatcher

        window = self.show_sign_in("")
        self._watcher = FirstPaintWatcher(window)
        if self.quit_after_paint:
            self._watcher.painted.connect(lambda: QTimer.singleShot(0, self.app.quit))
            return
        self._watcher.painted.connect(lambda: QTimer.singleShot(0, self.open_database))
        # A platform that never reports the paint (seen offscreen) must not stall start-up.
        QTimer.singleShot(OPEN_DB_FALLBACK_MS, self.open_database)

    def open_database(self) -> None:
        """Build the context; then enable sign-in, or walk through the first run."""
        from newmedia_desk.context import build_context
        from newmedia_desk.ui.prompts import error_text

        if self.ctx is not None or self._opening:
            return
        self._opening = True
        self.app.setWindowIcon(app_icon())
        from newmedia_desk.logs import configure_logging
        from newmedia_desk.paths import default_data_dir

        # After the first paint: the log file's handler costs start-up time.
        configure_logging(default_data_dir())
        try:
            self.ctx = build_context(self.db)
        except DeskError as exc:
            self.prompts.error(error_text(exc))
            self.exit_code = 1
            self.app.quit()
            return
        if self.ctx.directory.has_staff():
            if self.sign_in_window is not None:
                self.sign_in_window.form.set_auth(self.ctx.auth)
        else:
            self.show_first_run()

    def close(self) -> None:
        """Release the database."""
        if self.ctx is not None:
            self.ctx.close()

    def show_first_run(self) -> None:
        """Walk through creating the top unit and the first administrator."""
        from newmedia_desk.ui.first_run import FirstRunDialog

        assert self.ctx is not None
        if self.sign_in_window is not None:
            self.sign_in_window.hide()
        dialog = FirstRunDialog(self.ctx.maintenance)
        dialog.setWindowIcon(app_icon())
        dialog.created.connect(lambda record: self._after_first_run(record.login))
        dialog.rejected.connect(self.app.quit)
        self.first_run = dialog
        dialog.open()

    def _after_first_run(self, login: str) -> None:
        assert self.ctx is not None
        window = self.show_sign_in(login)
        window.form.set_auth(self.ctx.auth)

    def show_sign_in(self, login: str) -> SignInWindow:
        """Show the sign-in window (enabled once the database is open)."""
        from newmedia_desk.ui.settings import LAST_LOGIN
        from newmedia_desk.ui.sign_in import SignInWindow

        window = self.sign_in_window
        if window is None:
            auth = self.ctx.auth if self.ctx is not None else None
            window = SignInWindow(auth, last_login=login or self.settings.get(LAST_LOGIN))
            window.signed_in.connect(self.open_main)
            self.sign_in_window = window
        elif login:
            window.form.prepare(login)
        window.show()
        _centre(window)
        window.form.focus_first_empty()
        return window

    def open_main(self, principal: Principal) -> None:
        """Replace the sign-in window with the main window."""
        from newmedia_desk.ui.main_window import MainWindow

        assert self.ctx is not None
        main = MainWindow(self.ctx, self.prompts, self.settings, icon=app_icon())
        if hasattr(self.prompts, "parent"):
            self.prompts.parent = main
        self.main_window = main
        main.start_session(principal)
        main.show()
        if self.sign_in_window is not None:
            self.sign_in_window.close()
            self.sign_in_window.deleteLater()
            self.sign_in_window = None


def _smoke_test(db: str | None, lang: str | None) -> int:
    """Open the database read-only, show the main window, report and exit."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from newmedia_desk.context import build_context
    from newmedia_desk.security.secrets import MemorySecretStore
    from newmedia_desk.storage.location import resolve_db_url, sqlite_path

    with tempfile.TemporaryDirectory(prefix="newmedia-desk-smoke-") as tmp:
        try:
            path = sqlite_path(resolve_db_url(db))
            exists = path is not None and path.is_file()
            ctx = build_context(
                db if exists else MEMORY_DB,
                secrets=MemorySecretStore(),
                data_dir=Path(tmp),
                migrate=not exists,
            )
        except DeskError as exc:
            print(f"smoke-test failed: {exc.message}", file=sys.stderr)
            return 1
        try:
            return _smoke_window(ctx, lang, Path(tmp))
        except Exception as exc:
            print(f"smoke-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        finally:
            ctx.close()


def _smoke_window(ctx: AppContext, lang: str | None, tmp: Path) -> int:
    app = _application()
    translators = _translate(app, lang)
    try:
        return _smoke_show(app, ctx, tmp)
    finally:
        _untranslate(app, translators)


def _smoke_show(app: QApplication, ctx: AppContext, tmp: Path) -> int:
    from PySide6.QtCore import QSettings, QTimer

    from newmedia_desk.ui.first_paint import FirstPaintWatcher
    from newmedia_desk.ui.main_window import MainWindow
    from newmedia_desk.ui.settings import UiSettings

    settings = UiSettings(QSettings(str(tmp / "smoke.ini"), QSettings.Format.IniFormat))
    prompts = _StderrPrompts()
    window = MainWindow(ctx, prompts, settings, remember=False, icon=app_icon())
    watcher = FirstPaintWatcher(window)
    watcher.painted.connect(lambda: QTimer.singleShot(0, app.quit))
    give_up = QTimer(window)  # dies with the window: never fires into a later event loop
    give_up.setSingleShot(True)
    give_up.timeout.connect(app.quit)
    give_up.start(SMOKE_TIMEOUT_MS)
    window.start_session(viewer_principal(ctx), check_password=False)
    window.show()
    app.exec()
    _drop_stray_quits(app)
    painted = watcher.done and window.content_visible()
    # hide(), not close(): closing the last window after exec() has returned would call
    # quit() again, and Qt then ends every later event loop of this process at once.
    window.hide()
    window.deleteLater()
    if not painted:
        print(f"smoke-test failed: {APP_DISPLAY_NAME} main window was not painted", file=sys.stderr)
        return 1
    counts = ctx.directory.counts()
    staff = counts.active_staff + counts.left_staff
    print(f"smoke-test ok: main window shown, {staff} staff, {counts.units} units")
    return 0


class _StderrPrompts:
    """Prompts for the smoke test: nobody is there to answer, so print and say no."""

    def info(self, text: str) -> None:
        print(text, file=sys.stderr)

    def warning(self, text: str) -> None:
        print(text, file=sys.stderr)

    def error(self, text: str) -> None:
        print(text, file=sys.stderr)

    def confirm(self, question: str) -> bool:
        print(question, file=sys.stderr)
        return False

    def choose(self, question: str, options: Sequence[str]) -> int | None:
        print(question, file=sys.stderr)
        return None

    def ask_open_file(self, caption: str, file_filter: str) -> Path | None:
        return None

    def ask_save_file(self, caption: str, file_filter: str, suggested: str) -> Path | None:
        return None
