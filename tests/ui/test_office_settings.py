"""The office settings page: every number setting, reserved words, opening steps, routes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from newmedia_desk.domain.posts import DEFAULT_ROUTES, Tier
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
    assert page.opening_editor.model.rowCount() == len(office.ctx.accounts.opening_steps())
    page.words_edit.setPlainText("检察\n\n气象局\n检察")
    page.opening_editor.view.setCurrentIndex(page.opening_editor.model.index(0, 0))
    page.opening_editor.move_step(1)
    page.opening_editor.add_step()
    model = page.opening_editor.model
    model.item(model.rowCount() - 1, 0).setText("纪检组意见")
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
    page.opening_editor.model.item(0, 0).setText("")
    page.save_button.click()
    assert prompts.warnings
    assert office.ctx.accounts.opening_steps() == before
    assert page.opening_editor.model.item(0, 0).text() == ""


def test_a_clerk_sees_but_cannot_change(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts, admin=False)
    assert not page.save_button.isEnabled()
    assert not page.spins[HOLDER_LIMIT.key].isEnabled()
    assert page.words_edit.isReadOnly()


def test_routes_of_posts_are_edited_per_tier(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    editor = page.route_editors[Tier.IMPORTANT]
    assert [s.key for s in editor.steps()] == [s.key for s in DEFAULT_ROUTES[Tier.IMPORTANT]]
    editor.add_step()
    editor.model.item(editor.model.rowCount() - 1, 0).setText("办公室主任核稿")
    page.save_button.click()
    assert not prompts.warnings, prompts.warnings
    routes = office.ctx.settings.post_routes()
    assert [s.title for s in routes[Tier.IMPORTANT]][-1] == "办公室主任核稿"
    assert routes[Tier.GENERAL] == DEFAULT_ROUTES[Tier.GENERAL]
    assert "post_routes_changed" in [e.action for e in office.ctx.audit.recent(3)]


def test_a_sensitive_route_without_the_chief_is_refused_and_kept(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    editor = page.route_editors[Tier.SENSITIVE]
    editor.view.setCurrentIndex(editor.model.index(editor.model.rowCount() - 1, 0))
    editor.remove_step()  # the chief's step
    page.save_button.click()
    assert prompts.warnings and "主要领导" in prompts.warnings[-1]
    assert office.ctx.settings.post_routes()[Tier.SENSITIVE] == DEFAULT_ROUTES[Tier.SENSITIVE]
    assert editor.model.rowCount() == len(DEFAULT_ROUTES[Tier.SENSITIVE]) - 1
