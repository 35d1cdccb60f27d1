"""Signing in, locking, unlocking and switching the person at the keyboard."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import (
    PermissionDeniedError,
)
from newmedia_desk.domain.staff import StaffDraft
from newmedia_desk.services.auth import AuthService
from newmedia_desk.ui.actions import SHORTCUTS, ActionId
from newmedia_desk.ui.areas import Area, PlannedAreaPage
from newmedia_desk.ui.main_window import MainWindow
from newmedia_desk.ui.sign_in import SignInForm

from .conftest import (
    ADMIN_PASSWORD,
    CLERK_PASSWORD,
    LEADER_PASSWORD,
    MakeWindow,
    Office,
    is_locked,
)


def _form(qtbot: QtBot, auth: AuthService) -> SignInForm:
    form = SignInForm(auth)
    qtbot.addWidget(form)
    form.show()
    return form


def test_sign_in_success_emits_the_person(qtbot: QtBot, office: Office) -> None:
    form = _form(qtbot, office.ctx.auth)
    QTest.keyClicks(form.login_edit, "clerk")
    QTest.keyClicks(form.password_edit, CLERK_PASSWORD)
    with qtbot.waitSignal(form.signed_in) as signal:
        QTest.keyClick(form.password_edit, Qt.Key.Key_Return)
    assert signal.args is not None
    assert signal.args[0].login == "clerk"
    assert form.password_edit.text() == ""


def test_sign_in_failure_says_the_same_for_unknown_and_wrong(qtbot: QtBot, office: Office) -> None:
    form = _form(qtbot, office.ctx.auth)
    form.login_edit.setText("clerk")
    form.password_edit.setText("wrong-password")
    form.submit()
    wrong = form.message.text()
    assert form.message.isVisible()
    assert form.password_edit.text() == ""
    assert form.login_edit.text() == "clerk"
    form.login_edit.setText("nobody")
    form.password_edit.setText("wrong-password")
    form.submit()
    assert form.message.text() == wrong
    assert "wrong password" in wrong


def test_sign_in_throttled_shows_the_wait(
    qtbot: QtBot, office: Office, fixed_clock: FixedClock
) -> None:
    form = _form(qtbot, office.ctx.auth)
    for _ in range(6):
        form.login_edit.setText("clerk")
        form.password_edit.setText("wrong-password")
        form.submit()
        fixed_clock.advance(seconds=1)
    form.password_edit.setText(CLERK_PASSWORD)
    form.submit()
    found = re.search(r"in (\d+) seconds", form.message.text())
    assert found is not None
    assert 0 < int(found.group(1)) <= 30


def test_lock_hides_content_and_unlock_needs_the_right_password(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    assert window.content_visible()
    window.work_area.show_area(Area.SETTINGS)  # type: ignore[union-attr]
    window.actions_[ActionId.LOCK].trigger()
    assert is_locked(window)
    assert not window.content_visible()
    assert window.stack.currentWidget() is window.lock_page
    assert window.work_area is not None and not window.work_area.isVisible()
    assert "Locked" in window.lock_label.text()
    assert not window.actions_[ActionId.LOCK].isEnabled()

    window.lock_page.password_edit.setText("not-the-password")
    window.lock_page.submit()
    assert is_locked(window)
    assert window.lock_page.message.isVisible()

    window.lock_page.password_edit.setText(ADMIN_PASSWORD)
    window.lock_page.submit()
    assert not is_locked(window)
    assert window.content_visible()
    assert window.work_area.current_area() is Area.SETTINGS  # the work is as it was


def test_lock_and_switch_user_have_shortcut_and_toolbar(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    assert window.actions_[ActionId.LOCK].shortcut().toString() == "Ctrl+L"
    assert SHORTCUTS[ActionId.LOCK] == "Ctrl+L"
    toolbar_actions = window.findChild(type(window.addToolBar("x")), "session_toolbar")
    assert toolbar_actions is not None
    texts = [a.text() for a in toolbar_actions.actions()]
    assert window.actions_[ActionId.LOCK].text() in texts
    assert window.actions_[ActionId.SWITCH_USER].text() in texts


def test_lock_hides_open_dialogs_and_unlock_brings_them_back(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    window.work_area.show_area(Area.SETTINGS)  # type: ignore[union-attr]
    page = window.work_area.settings_area.staff_page  # type: ignore[union-attr]
    page.open_add()
    editor = page.editor
    assert editor is not None
    qtbot.waitExposed(editor)
    editor.name_edit.setText("半截输入")
    window.lock()
    assert not editor.isVisible()
    window.lock_page.password_edit.setText(ADMIN_PASSWORD)
    window.lock_page.submit()
    assert editor.isVisible()
    assert editor.name_edit.text() == "半截输入"


def test_switch_user_changes_status_and_permissions(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    window.work_area.show_area(Area.SETTINGS)  # type: ignore[union-attr]
    page = window.work_area.settings_area.staff_page  # type: ignore[union-attr]
    assert page.add_button.isEnabled()
    page.open_add()
    admin_editor = page.editor
    assert admin_editor is not None

    window.actions_[ActionId.SWITCH_USER].trigger()
    assert not window.content_visible()
    assert window.stack.currentWidget() is window.sign_in_page
    assert not admin_editor.isVisible()
    form = window.sign_in_form
    form.login_edit.setText("clerk")
    form.password_edit.setText(CLERK_PASSWORD)
    form.submit()

    assert window.principal is not None and window.principal.login == "clerk"
    assert "信息员乙" in window.person_label.text()
    assert "clerk" in window.person_label.text()
    assert window.content_visible()
    assert admin_editor.result() == QDialog.DialogCode.Rejected  # the admin's editor is gone
    window.work_area.show_area(Area.SETTINGS)  # type: ignore[union-attr]
    clerk_page = window.work_area.settings_area.staff_page  # type: ignore[union-attr]
    assert clerk_page is not page
    assert clerk_page.model.rowCount() == 3
    assert not clerk_page.add_button.isEnabled()
    clerk_page.select_staff(office.leader.id)
    assert not clerk_page.edit_button.isEnabled()
    assert not clerk_page.left_button.isEnabled()
    assert not clerk_page.reset_button.isEnabled()
    # Forcing the call anyway: the service refuses.
    with pytest.raises(PermissionDeniedError):
        office.ctx.directory.create_staff(
            window.principal,
            StaffDraft(login="sneaky", name="x", unit_id=office.root_id),
            "password-123",
        )


def test_switch_user_back_button_returns_to_the_lock_page(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    window.show_switch_user()
    window.sign_in_form.cancel_button.click()
    assert window.stack.currentWidget() is window.lock_page
    assert not window.content_visible()


def test_leader_signs_in_on_the_clerks_locked_pc_and_clerk_comes_back(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    clerk = office.sign_in("clerk", CLERK_PASSWORD)
    window = make_window(clerk)
    window.lock()
    window.lock_page.switch_button.click()
    window.sign_in_form.login_edit.setText("leader")
    window.sign_in_form.password_edit.setText(LEADER_PASSWORD)
    window.sign_in_form.submit()
    assert window.principal is not None and window.principal.login == "leader"
    assert "分管领导" in window.person_label.text() or "Supervising" in window.person_label.text()


def test_temporary_password_forces_a_change(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    office.ctx.auth.reset_password(
        office.admin,
        office.clerk.id,
        "temporary-pass-1",
        office.ctx.directory.get_staff(None, office.clerk.id).version,
    )
    clerk = office.sign_in("clerk", "temporary-pass-1")
    window = make_window(clerk)
    assert not window.content_visible()
    dialog = window.password_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.old_edit.setText("temporary-pass-1")
    dialog.new_edit.setText("my-own-pass-1")
    dialog.repeat_edit.setText("my-own-pass-2")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.invalid_fields() == ["repeat"]
    dialog.repeat_edit.setText("my-own-pass-1")
    dialog.save_button.click()
    assert window.content_visible()
    assert not office.ctx.auth.must_change_password(clerk)


def test_refusing_the_forced_change_signs_out(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    office.ctx.auth.reset_password(
        office.admin,
        office.clerk.id,
        "temporary-pass-1",
        office.ctx.directory.get_staff(None, office.clerk.id).version,
    )
    window = make_window(office.sign_in("clerk", "temporary-pass-1"))
    assert window.password_dialog is not None
    window.password_dialog.reject()
    assert window.principal is None
    assert window.stack.currentWidget() is window.sign_in_page
    assert window.work_area is None


def test_change_own_password_wrong_current_marks_the_field(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    window.actions_[ActionId.CHANGE_PASSWORD].trigger()
    dialog = window.password_dialog
    assert dialog is not None
    dialog.old_edit.setText("wrong")
    dialog.new_edit.setText("new-password-1")
    dialog.repeat_edit.setText("new-password-1")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.invalid_fields() == ["old"]
    assert dialog.new_edit.text() == "new-password-1"


def test_start_view_shows_real_figures(
    qtbot: QtBot, office: Office, make_window: MakeWindow, fixed_clock: FixedClock
) -> None:
    for _ in range(6):
        with pytest.raises(Exception):  # noqa: B017 - any sign-in failure
            office.ctx.auth.sign_in("leader", "wrong-password")
    window = make_window(office.admin)
    start = window.work_area.start_page  # type: ignore[union-attr]
    assert start.units.text() == "2"
    assert start.active_staff.text() == "3"
    assert start.left_staff.text() == "0"
    assert "leader" in start.throttled.text()
    head = office.ctx.audit.head()
    assert head is not None and start.audit_head.text() == head.short
    assert start.database.text() == office.ctx.db.describe()
    assert "5" in start.idle_lock.text()
    fixed_clock.advance(hours=1)
    start.refresh()
    assert start.throttled.text() == "none"


def test_clerk_start_view_hides_throttled_logins(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.sign_in("clerk", CLERK_PASSWORD))
    start = window.work_area.start_page  # type: ignore[union-attr]
    assert not start.throttled.isVisible()
    assert start.units.text() == "2"


def test_no_area_is_left_planned(qtbot: QtBot, office: Office, make_window: MakeWindow) -> None:
    window = make_window(office.admin)
    assert window.work_area is not None
    for area in (Area.CALENDAR, Area.LEDGERS, Area.STATISTICS):
        window.work_area.show_area(area)
        page = window.work_area.pages.currentWidget()
        assert page is window.work_area.area_page(area)
        assert not isinstance(page, PlannedAreaPage)


def test_geometry_is_saved_and_restored(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    window.resize(770, 520)
    window.close()
    again: MainWindow = make_window(office.admin)
    assert (again.width(), again.height()) == (770, 520)
