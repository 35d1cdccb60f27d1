"""Start-up: first run, the smoke test, the paint-and-quit hook and error messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import (
    AuditKeyError,
    ConflictError,
    SignInThrottledError,
    StorageError,
    ValidationError,
)
from newmedia_desk.security.secrets import SecretStoreError
from newmedia_desk.ui import app as app_module
from newmedia_desk.ui.app import run_gui, viewer_principal
from newmedia_desk.ui.first_run import FirstRunDialog
from newmedia_desk.ui.prompts import error_text
from newmedia_desk.ui.settings import LAST_LOGIN, UiSettings

from .conftest import CLERK_PASSWORD, Office, ScriptedPrompts


def test_first_run_creates_the_administrator(qtbot: QtBot, ctx: AppContext) -> None:
    assert not ctx.directory.has_staff()
    dialog = FirstRunDialog(ctx.maintenance)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.unit_edit.setText("市气象局")
    dialog.login_edit.setText("Admin")
    dialog.name_edit.setText("张三")
    dialog.password_edit.setText("admin-password-1")
    dialog.repeat_edit.setText("admin-password-2")
    dialog.save_button.click()
    assert dialog.invalid_fields() == ["repeat"]
    dialog.repeat_edit.setText("admin-password-1")
    dialog.password_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.save_button.click()
    assert dialog.invalid_fields() == ["password"]
    dialog.password_edit.setText("admin-password-1")
    dialog.repeat_edit.setText("admin-password-1")
    with qtbot.waitSignal(dialog.created) as created:
        dialog.save_button.click()
    assert created.args is not None and created.args[0].login == "admin"
    assert not dialog.isVisible()
    principal = ctx.auth.sign_in("admin", "admin-password-1")
    assert ctx.directory.list_units(principal)[0].name == "市气象局"


def test_smoke_test_on_a_missing_file_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "absent.sqlite3"
    assert run_gui(str(target), smoke_test=True) == 0
    assert not target.exists()
    assert "smoke-test ok: main window shown, 0 staff, 0 units" in capsys.readouterr().out


def test_smoke_test_on_an_existing_database(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    path = office.ctx.db.path
    assert path is not None
    before = office.ctx.audit.head()
    assert run_gui(str(path), smoke_test=True, lang="en") == 0
    assert "3 staff, 2 units" in capsys.readouterr().out
    assert office.ctx.audit.head() == before


def test_viewer_principal_has_no_roles(office: Office) -> None:
    viewer = viewer_principal(office.ctx)
    assert viewer.roles == frozenset()
    assert viewer.unit_scope == frozenset({office.root_id, office.section_id})


def test_quit_after_paint_returns_before_the_database_is_opened(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The sign-in window is painted first; the database layer is not touched for it."""
    opened: list[str | None] = []

    def spy(db: str | None) -> AppContext:
        opened.append(db)
        raise AssertionError("the database must not be opened before the first paint")

    monkeypatch.setattr("newmedia_desk.context.build_context", spy)
    assert run_gui(str(tmp_path / "x.sqlite3"), quit_after_paint=True, lang="en") == 0
    assert opened == []
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


def _starter(db: str, prompts: ScriptedPrompts, ui_settings: UiSettings) -> app_module._Starter:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app_module._Starter(app, db, prompts, ui_settings, quit_after_paint=False)


def test_sign_in_is_enabled_once_the_database_is_open(
    qtbot: QtBot,
    office: Office,
    prompts: ScriptedPrompts,
    ui_settings: UiSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("newmedia_desk.context.build_context", lambda db: office.ctx)
    starter = _starter("unused", prompts, ui_settings)
    starter.begin()
    window = starter.sign_in_window
    assert window is not None
    qtbot.addWidget(window)
    # Typed and submitted before the database is open: kept, and signed in once it is.
    assert not window.form.sign_in_button.isEnabled()
    window.form.login_edit.setText("clerk")
    window.form.password_edit.setText(CLERK_PASSWORD)
    window.form.submit()
    with qtbot.waitSignal(window.signed_in, timeout=5000) as signed:
        qtbot.waitUntil(lambda: starter.ctx is not None, timeout=5000)
    assert signed.args is not None and signed.args[0].login == "clerk"
    assert starter.main_window is not None
    qtbot.addWidget(starter.main_window)
    assert prompts.errors == []


def test_an_empty_database_walks_through_the_first_run(
    qtbot: QtBot,
    ctx: AppContext,
    prompts: ScriptedPrompts,
    ui_settings: UiSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("newmedia_desk.context.build_context", lambda db: ctx)
    starter = _starter("unused", prompts, ui_settings)
    starter.begin()
    assert starter.sign_in_window is not None
    qtbot.addWidget(starter.sign_in_window)
    qtbot.waitUntil(lambda: hasattr(starter, "first_run"), timeout=5000)
    dialog = starter.first_run
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not starter.sign_in_window.isVisible()
    dialog.unit_edit.setText("市气象局")
    dialog.login_edit.setText("admin")
    dialog.name_edit.setText("张三")
    dialog.password_edit.setText("admin-password-1")
    dialog.repeat_edit.setText("admin-password-1")
    dialog.save_button.click()
    qtbot.waitUntil(starter.sign_in_window.isVisible, timeout=5000)
    form = starter.sign_in_window.form
    assert form.login_edit.text() == "admin" and form.sign_in_button.isEnabled()


def test_storage_error_at_start_is_shown_and_returns_1(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prompts = ScriptedPrompts()

    def broken(db: str | None) -> AppContext:
        raise StorageError("the database was written by a newer version")

    monkeypatch.setattr("newmedia_desk.context.build_context", broken)
    monkeypatch.setattr("newmedia_desk.ui.prompts.QtPrompts", lambda: prompts)
    assert run_gui("x", lang="en") == 1
    assert prompts.errors and "newer version" in prompts.errors[0]
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


def test_error_texts_fill_their_parameters() -> None:
    assert "17 seconds" in error_text(SignInThrottledError("x", retry_after=17))
    assert "at least 8" in error_text(
        ValidationError("password is too short", field="password", minimum=8)
    )
    assert "from 1 to 240" in error_text(
        ValidationError(
            "idle_lock_minutes must be between 1 and 240", field="x", minimum=1, maximum=240
        )
    )
    assert "check the phone" in error_text(ValidationError("odd", field="phone"))
    assert "Someone else changed" in error_text(ConflictError("x", entity="staff member"))
    assert "Details: key missing" in error_text(AuditKeyError("key missing"))
    assert "keyring" in error_text(SecretStoreError("no dbus"))


def test_ui_settings_are_typed(ui_settings: UiSettings) -> None:
    assert ui_settings.get(LAST_LOGIN) == ""
    ui_settings.set(LAST_LOGIN, "clerk")
    assert ui_settings.get(LAST_LOGIN) == "clerk"
    assert ui_settings.language() == "zh_CN"
