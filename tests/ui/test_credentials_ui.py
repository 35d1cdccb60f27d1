"""The password panel: reveal, copy and clipboard clearing, lock, holders, store problems."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.accounts import AccountDraft, AccountRecord
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.ui.account_dialogs import PasswordPromptDialog
from newmedia_desk.ui.areas import Area
from newmedia_desk.ui.clipboard import SecretClipboard, secret_mime_data
from newmedia_desk.ui.credential_panel import CredentialPanel, HoldersDialog, SetPasswordDialog
from newmedia_desk.ui.main_window import MainWindow

from .conftest import ADMIN_PASSWORD, MakeWindow, Office

SECRET = "Weibo-Secret-2026!"


@dataclass
class Vault:
    """An account whose password the administrator holds."""

    office: Office
    account: AccountRecord


@pytest.fixture
def vault(office: Office) -> Vault:
    ctx = office.ctx
    platform = next(p.id for p in ctx.accounts.list_platforms(None) if p.name == "微博")
    account = ctx.accounts.register_existing(
        office.admin,
        AccountDraft(
            platform_id=platform,
            name="江城气象",
            unit_id=office.section_id,
            administrator_id=office.clerk.id,
            responsible_id=office.clerk.id,
        ),
        "旧台账",
    )
    status = ctx.credentials.status(office.admin, account.id)
    ctx.credentials.set_holders(office.admin, account.id, [office.admin.staff_id], status.version)
    ctx.credentials.set_password(office.admin, account.id, SECRET, ADMIN_PASSWORD)
    ctx.credentials.forget()  # as after a fresh sign-in: the next reveal asks
    return Vault(office, account)


def _panel(window: MainWindow, account_id: int) -> CredentialPanel:
    assert window.work_area is not None
    window.work_area.show_area(Area.ACCOUNTS)
    page = window.work_area.accounts_area.accounts_page
    assert page.select_account(account_id)
    page.detail.setCurrentWidget(page.credential_panel)
    return page.credential_panel


def _answer_password(panel: CredentialPanel, password: str) -> PasswordPromptDialog:
    dialog = panel.dialog
    assert isinstance(dialog, PasswordPromptDialog) and dialog.isVisible()
    dialog.password_edit.setText(password)
    dialog.save_button.click()
    return dialog


def test_reveal_asks_the_password_then_not_within_the_window(
    qtbot: QtBot, vault: Vault, make_window: MakeWindow
) -> None:
    window = make_window(vault.office.admin)
    panel = _panel(window, vault.account.id)
    assert panel.reveal_button.isEnabled()
    panel.reveal()
    dialog = _answer_password(panel, "wrong-password")
    assert dialog.isVisible() and dialog.invalid_fields() == ["password"]
    assert "password is wrong" in dialog.banner.text()
    assert not panel.secret_shown()
    dialog.password_edit.setText(ADMIN_PASSWORD)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert panel.secret_edit.text() == SECRET
    assert panel.secret_edit.echoMode() is QLineEdit.EchoMode.Password
    panel.eye_button.click()
    assert panel.secret_edit.echoMode() is QLineEdit.EchoMode.Normal
    panel.hide_secret()
    assert not panel.secret_shown()
    panel.reveal()  # within the few minutes: no question
    assert panel.dialog is None
    assert panel.secret_edit.text() == SECRET
    assert panel.reveal_timer.isActive()
    panel.reveal_timer.setInterval(1)
    panel.reveal_timer.start()
    qtbot.waitUntil(lambda: not panel.secret_shown(), timeout=2000)


def test_copy_clears_the_clipboard_after_the_countdown(
    qtbot: QtBot, vault: Vault, make_window: MakeWindow
) -> None:
    window = make_window(vault.office.admin)
    panel = _panel(window, vault.account.id)
    clipboard = QGuiApplication.clipboard()
    window.secret_clipboard.seconds = 3
    panel.copy()
    _answer_password(panel, ADMIN_PASSWORD)
    assert clipboard.text() == SECRET
    assert "3 s" in panel.clipboard_label.text()
    window.secret_clipboard.tick()
    assert clipboard.text() == SECRET and "2 s" in panel.clipboard_label.text()
    window.secret_clipboard.tick()
    window.secret_clipboard.tick()
    assert clipboard.text() == ""
    assert not window.secret_clipboard.active
    assert not panel.clipboard_label.isVisibleTo(panel)


def test_clipboard_is_left_alone_when_something_else_was_copied(qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    secrets = SecretClipboard(clipboard, seconds=2)
    secrets.copy("s3cret-value")
    clipboard.setText("the person's own text")
    secrets.tick()
    secrets.tick()
    secrets.clear_now()
    assert clipboard.text() == "the person's own text"
    assert not secrets.active


def test_clipboard_timer_runs_by_itself(qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    secrets = SecretClipboard(clipboard, seconds=1)
    secrets.timer.setInterval(5)
    with qtbot.waitSignal(secrets.cleared, timeout=2000):
        secrets.copy("s3cret-value")
    assert clipboard.text() == ""


def test_copies_are_marked_as_secret() -> None:
    mime = secret_mime_data("x")
    formats = mime.formats()
    assert mime.text() == "x"
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    for name in (
        "ExcludeClipboardContentFromMonitorProcessing",
        "CanIncludeInClipboardHistory",
        "CanUploadToCloudClipboard",
    ):
        key = f'application/x-qt-windows-mime;value="{name}"'
        assert key in formats
        assert bytes(mime.data(key).data()) == b"\0\0\0\0"


def test_lock_clears_the_clipboard_and_hides_the_secret(
    qtbot: QtBot, vault: Vault, make_window: MakeWindow
) -> None:
    window = make_window(vault.office.admin)
    panel = _panel(window, vault.account.id)
    clipboard = QGuiApplication.clipboard()
    panel.reveal()
    _answer_password(panel, ADMIN_PASSWORD)
    panel.copy()  # no question within the window
    assert clipboard.text() == SECRET and panel.secret_edit.text() == SECRET
    window.lock()
    assert clipboard.text() == ""
    assert panel.secret_edit.text() == "" and not panel.secret_row.isVisibleTo(panel)
    assert not window.content_visible()
    assert vault.office.ctx.credentials.reauth_needed(vault.office.admin)


def test_store_problem_disables_the_secret_buttons(
    qtbot: QtBot, vault: Vault, make_window: MakeWindow
) -> None:
    store = vault.office.ctx.secrets
    assert isinstance(store, MemorySecretStore)
    store.broken = "no usable keyring backend (fail.Keyring)"
    window = make_window(vault.office.admin)
    panel = _panel(window, vault.account.id)
    assert panel.store_banner.isVisibleTo(panel)
    assert "fail.Keyring" in panel.store_banner.text()
    for button in (panel.reveal_button, panel.copy_button, panel.set_button, panel.share_button):
        assert not button.isEnabled()
    store.broken = None


def test_non_holder_sees_no_secret_buttons(
    qtbot: QtBot, vault: Vault, make_window: MakeWindow
) -> None:
    clerk = vault.office.sign_in("clerk", "clerk-password-1")
    window = make_window(clerk)
    panel = _panel(window, vault.account.id)
    assert not panel.reveal_button.isEnabled() and not panel.copy_button.isEnabled()
    assert not panel.holders_button.isEnabled()
    assert panel.holder_model.rowCount() == 1


def test_holders_dialog_and_rotation_task(
    qtbot: QtBot, vault: Vault, make_window: MakeWindow
) -> None:
    window = make_window(vault.office.admin)
    panel = _panel(window, vault.account.id)
    panel.open_holders()
    dialog = panel.dialog
    assert isinstance(dialog, HoldersDialog)
    dialog.model.set_checked(vault.office.leader.id, True)
    dialog.model.set_checked(vault.office.clerk.id, True)
    dialog.save_button.click()  # three holders: more than the limit of two
    assert dialog.isVisible() and dialog.invalid_fields() == ["holders"]
    dialog.model.set_checked(vault.office.clerk.id, False)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert panel.holder_model.rowCount() == 2
    assert panel.rotation_label.isVisibleTo(panel)  # the newcomer cannot open it yet
    panel.share()  # asks the password, re-encrypts for both
    _answer_password(panel, ADMIN_PASSWORD)
    assert all(h.can_open for h in panel.status.holders)  # type: ignore[union-attr]
    assert not panel.rotation_label.isVisibleTo(panel)


def test_set_password_with_the_generator(
    qtbot: QtBot, vault: Vault, make_window: MakeWindow
) -> None:
    window = make_window(vault.office.admin)
    panel = _panel(window, vault.account.id)
    panel.open_set_password()
    dialog = panel.dialog
    assert isinstance(dialog, SetPasswordDialog)
    dialog.generate()
    generated = dialog.secret_edit.text()
    assert len(generated) == 20 and dialog.repeat_edit.text() == generated
    dialog.repeat_edit.setText("different")
    dialog.own_edit.setText(ADMIN_PASSWORD)
    dialog.save_button.click()
    assert dialog.invalid_fields() == ["repeat"]
    dialog.repeat_edit.setText(generated)
    dialog.save_button.click()
    assert not dialog.isVisible()
    ctx = vault.office.ctx
    assert ctx.credentials.reveal(vault.office.admin, vault.account.id, None) == generated
