"""Staff and units through their pages and dialogs, as an administrator would."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.errors import SignInFailedError, SignInThrottledError
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import StaffDraft
from newmedia_desk.ui.areas import Area
from newmedia_desk.ui.main_window import MainWindow
from newmedia_desk.ui.staff_page import StaffPage
from newmedia_desk.ui.unit_page import UnitPage

from .conftest import CLERK_PASSWORD, MakeWindow, Office, ScriptedPrompts


def _staff_page(window: MainWindow) -> StaffPage:
    assert window.work_area is not None
    window.work_area.show_area(Area.SETTINGS)
    return window.work_area.settings_area.staff_page


def _unit_page(window: MainWindow) -> UnitPage:
    assert window.work_area is not None
    window.work_area.show_area(Area.SETTINGS)
    area = window.work_area.settings_area
    area.tabs.setCurrentWidget(area.unit_page)
    return area.unit_page


def test_add_staff_through_the_dialog(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    page = _staff_page(window)
    page.open_add()
    editor = page.editor
    assert editor is not None and editor.isVisible()
    QTest.keyClicks(editor.login_edit, "wangwu")
    editor.name_edit.setText("王五")  # keyClicks handles ASCII only
    editor.unit_combo.setCurrentIndex(editor.unit_combo.findData(office.section_id))
    editor.phone_edit.setText("13800001234")
    editor.qq_edit.setText("12345678")
    editor.role_boxes[Role.RESPONSIBLE].setChecked(True)
    editor.password_edit.setText("first-pass-1")  # type: ignore[union-attr]
    editor.repeat_edit.setText("first-pass-1")  # type: ignore[union-attr]
    editor.save_button.click()
    assert not editor.isVisible()
    saved = [r for r in office.ctx.directory.list_staff(None) if r.login == "wangwu"]
    assert len(saved) == 1 and saved[0].roles == frozenset({Role.RESPONSIBLE})
    assert page.selected() is not None and page.selected().login == "wangwu"  # type: ignore[union-attr]


def test_validation_error_marks_the_field_and_keeps_input(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    page = _staff_page(window)
    page.open_add()
    editor = page.editor
    assert editor is not None
    editor.login_edit.setText("clerk")  # taken
    editor.name_edit.setText("重名的人")
    editor.password_edit.setText("first-pass-1")  # type: ignore[union-attr]
    editor.repeat_edit.setText("first-pass-1")  # type: ignore[union-attr]
    editor.save_button.click()
    assert editor.isVisible()
    assert editor.invalid_fields() == ["login"]
    assert "already in use" in editor.banner.text()
    assert editor.name_edit.text() == "重名的人"
    editor.login_edit.setText("chongming")
    editor.qq_edit.setText("0123")
    editor.save_button.click()
    assert editor.invalid_fields() == ["qq"]


def test_edit_staff_and_conflict_keeps_the_dialog_open(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    page = _staff_page(window)
    assert page.select_staff(office.clerk.id)
    page.open_edit()
    editor = page.editor
    assert editor is not None and editor.record is not None
    editor.phone_edit.setText("13900002222")
    # Meanwhile someone else changes the same person.
    current = office.ctx.directory.get_staff(None, office.clerk.id)
    office.ctx.directory.update_staff(
        office.admin,
        current.id,
        StaffDraft(
            login=current.login,
            name=current.name,
            unit_id=current.unit_id,
            position="新职务",
            roles=current.roles,
        ),
        expected_version=current.version,
    )
    editor.save_button.click()
    assert editor.isVisible()
    assert "Someone else changed" in editor.banner.text()
    assert "新职务" in editor.banner.text()
    assert editor.phone_edit.text() == "13900002222"
    assert page.model.record(page.model.row_of(office.clerk.id) or 0).position == "新职务"
    editor.save_button.click()  # re-apply over the fresh version
    assert not editor.isVisible()
    saved = office.ctx.directory.get_staff(None, office.clerk.id)
    assert saved.phone == "13900002222"
    assert saved.position == "新职务"


def test_mark_left_asks_and_rejoin(
    qtbot: QtBot, office: Office, make_window: MakeWindow, prompts: ScriptedPrompts
) -> None:
    window = make_window(office.admin)
    page = _staff_page(window)
    page.select_staff(office.clerk.id)
    prompts.confirm_answers = [False]
    page.left_button.click()
    assert office.ctx.directory.get_staff(None, office.clerk.id).active
    prompts.confirm_answers = [True]
    page.left_button.click()
    assert not office.ctx.directory.get_staff(None, office.clerk.id).active
    assert "信息员乙" in prompts.questions[-1]
    assert page.model.row_of(office.clerk.id) is not None
    assert page.proxy.rowCount() == 2  # hidden until "show people who left"
    page.show_left_box.setChecked(True)
    assert page.select_staff(office.clerk.id)
    assert page.rejoin_button.isEnabled()
    page.rejoin_button.click()
    assert office.ctx.directory.get_staff(None, office.clerk.id).active


def test_mark_left_conflict_is_reported(
    qtbot: QtBot, office: Office, make_window: MakeWindow, prompts: ScriptedPrompts
) -> None:
    window = make_window(office.admin)
    page = _staff_page(window)
    page.select_staff(office.clerk.id)
    current = office.ctx.directory.get_staff(None, office.clerk.id)
    office.ctx.directory.update_staff(
        office.admin,
        current.id,
        StaffDraft(login="clerk", name="改过名", unit_id=current.unit_id, roles=current.roles),
        expected_version=current.version,
    )
    page.left_button.click()
    assert prompts.warnings and "Someone else changed" in prompts.warnings[-1]
    assert office.ctx.directory.get_staff(None, office.clerk.id).active
    assert page.selected() is not None and page.selected().name == "改过名"  # type: ignore[union-attr]


def test_reset_password_and_unlock_sign_in(
    qtbot: QtBot, office: Office, make_window: MakeWindow, prompts: ScriptedPrompts
) -> None:
    for _ in range(6):
        with pytest.raises((SignInFailedError, SignInThrottledError)):
            office.ctx.auth.sign_in("clerk", "wrong-password")
    window = make_window(office.admin)
    page = _staff_page(window)
    page.select_staff(office.clerk.id)
    assert page.unlock_button.isEnabled()
    page.unlock_button.click()
    assert "clerk" not in office.ctx.auth.locked_logins()
    assert prompts.infos

    page.select_staff(office.clerk.id)
    page.reset_button.click()
    dialog = page.reset_dialog
    assert dialog is not None
    dialog.new_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.invalid_fields() == ["password"]
    assert "at least 8" in dialog.banner.text()
    dialog.new_edit.setText("temporary-pass-9")
    dialog.repeat_edit.setText("temporary-pass-9")
    dialog.save_button.click()
    assert not dialog.isVisible()
    clerk = office.sign_in("clerk", "temporary-pass-9")
    assert office.ctx.auth.must_change_password(clerk)


def test_responsible_person_edits_contact_only(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    record = office.ctx.directory.create_staff(
        office.admin,
        StaffDraft(
            login="head",
            name="科长丁",
            unit_id=office.section_id,
            roles=frozenset({Role.RESPONSIBLE}),
        ),
        CLERK_PASSWORD,
    )
    head = office.sign_in("head", CLERK_PASSWORD)
    office.ctx.auth.change_own_password(head, CLERK_PASSWORD, CLERK_PASSWORD)
    window = make_window(head)
    page = _staff_page(window)
    assert not page.add_button.isEnabled()
    page.select_staff(office.clerk.id)
    assert page.edit_button.isEnabled()
    page.open_edit()
    editor = page.editor
    assert editor is not None
    assert editor.login_edit.isReadOnly() and not editor.unit_combo.isEnabled()
    editor.phone_edit.setText("13700001111")
    editor.save_button.click()
    assert not editor.isVisible()
    assert office.ctx.directory.get_staff(None, office.clerk.id).phone == "13700001111"
    page.select_staff(office.leader.id)  # another unit
    assert not page.edit_button.isEnabled()
    assert record.id > 0


def test_units_add_and_edit(qtbot: QtBot, office: Office, make_window: MakeWindow) -> None:
    window = make_window(office.admin)
    page = _unit_page(window)
    assert page.model.rowCount() == 1
    page.tree.setCurrentIndex(page.model.index_of(office.root_id))
    page.open_add()
    editor = page.editor
    assert editor is not None
    assert editor.parent_id() == office.root_id
    editor.name_edit.setText("东山县气象局")
    editor.save_button.click()
    assert not editor.isVisible()
    units = {u.name: u for u in office.ctx.directory.list_units(None)}
    assert units["东山县气象局"].parent_id == office.root_id

    page.tree.setCurrentIndex(page.model.index_of(units["东山县气象局"].id))
    page.open_edit()
    editor = page.editor
    assert editor is not None
    editor.parent_combo.setCurrentIndex(editor.parent_combo.findData(office.section_id))
    editor.name_edit.setText("")
    editor.save_button.click()
    assert editor.invalid_fields() == ["name"]
    editor.name_edit.setText("东山县局")
    editor.save_button.click()
    assert not editor.isVisible()
    units = {u.name: u for u in office.ctx.directory.list_units(None)}
    assert units["东山县局"].parent_id == office.section_id


def test_unit_cannot_be_taken_out_of_use_with_staff(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    page = _unit_page(window)
    page.tree.setCurrentIndex(page.model.index_of(office.section_id))
    page.open_edit()
    editor = page.editor
    assert editor is not None
    editor.active_box.setChecked(False)
    editor.save_button.click()
    assert editor.isVisible()
    assert editor.invalid_fields() == ["active"]
    assert "1 working staff" in editor.banner.text()


def test_office_settings_denied_for_clerk_even_if_forced(
    qtbot: QtBot, office: Office, make_window: MakeWindow, prompts: ScriptedPrompts
) -> None:
    window = make_window(office.sign_in("clerk", CLERK_PASSWORD))
    assert window.work_area is not None
    window.work_area.show_area(Area.SETTINGS)
    area = window.work_area.settings_area
    area.tabs.setCurrentWidget(area.office_page)
    assert not area.office_page.save_button.isEnabled()
    area.office_page.idle_spin.setValue(30)  # as if the disabled field were edited anyway
    area.office_page.save()  # and the button pressed anyway
    assert prompts.warnings and "not permitted" in prompts.warnings[-1]
    area.tabs.setCurrentWidget(area.audit_page)
    assert not area.audit_page.table.isVisibleTo(area.audit_page)


def test_admin_changes_idle_minutes_and_reads_the_audit_log(
    qtbot: QtBot, office: Office, make_window: MakeWindow, prompts: ScriptedPrompts
) -> None:
    window = make_window(office.admin)
    assert window.work_area is not None
    window.work_area.show_area(Area.SETTINGS)
    area = window.work_area.settings_area
    area.tabs.setCurrentWidget(area.office_page)
    area.office_page.idle_spin.setValue(15)
    area.office_page.save_button.click()
    assert prompts.infos
    window.idle.check()
    assert window.idle.limit_seconds == 15 * 60
    area.tabs.setCurrentWidget(area.audit_page)
    assert area.audit_page.model.rowCount() > 5
    assert area.audit_page.model.index(0, 3).data() == "Setting changed"
