"""The office settings page: every number setting, reserved words, opening steps."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.settings import ALL_SETTINGS, HOLDER_LIMIT, ROTATION_DAYS
from newmedia_desk.ui.office_settings_page import OfficeSettingsPage

from .conftest import CLERK_PASSWORD, Office, ScriptedPrompts


def _page(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, admin: bool = True
) -> OfficeSettingsPage:
    actor = office.admin if admin else office.sign_in("clerk", CLERK_PASSWORD)
    page = OfficeSettingsPage(office.ctx.settings, actor, prompts, accounts=office.ctx.accounts)
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_every_number_setting_is_editable_and_saved(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    assert set(page.spins) == {s.key for s in ALL_SETTINGS}
    page.spins[HOLDER_LIMIT.key].setValue(3)
    page.spins[ROTATION_DAYS.key].setValue(60)
    page.save_button.click()
    assert prompts.infos and not prompts.warnings
    assert office.ctx.settings.get(HOLDER_LIMIT) == 3
    assert office.ctx.settings.get(ROTATION_DAYS) == 60
    actions = [e.action for e in office.ctx.audit.recent(5)]
    assert actions.count("setting_changed") == 2  # unchanged values are not rewritten


def test_reserved_words_and_steps_are_edited(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    assert page.steps_model.rowCount() == len(office.ctx.accounts.opening_steps())
    page.words_edit.setPlainText("检察\n\n气象局\n检察")
    page.steps_view.setCurrentIndex(page.steps_model.index(0, 0))
    page.move_step(1)
    page.add_step()
    page.steps_model.item(page.steps_model.rowCount() - 1, 0).setText("纪检组意见")
    page.save_button.click()
    assert not prompts.warnings
    assert office.ctx.accounts.reserved_words() == ("检察", "气象局")
    steps = office.ctx.accounts.opening_steps()
    assert steps[-1].title == "纪检组意见" and steps[-1].role is Role.SUPERVISOR
    assert steps[1].key == "unit_head"


def test_bad_steps_show_a_message_and_keep_the_input(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    before = office.ctx.accounts.opening_steps()
    page.steps_model.item(0, 0).setText("")
    page.save_button.click()
    assert prompts.warnings
    assert office.ctx.accounts.opening_steps() == before
    assert page.steps_model.item(0, 0).text() == ""


def test_a_clerk_sees_but_cannot_change(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts, admin=False)
    assert not page.save_button.isEnabled()
    assert not page.spins[HOLDER_LIMIT.key].isEnabled()
    assert page.words_edit.isReadOnly()
