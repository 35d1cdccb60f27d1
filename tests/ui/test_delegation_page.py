"""代签授权 in the Settings area: listing, recording with the chief's password, revoking."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.delegation_page import (
    DelegationColumn,
    DelegationDialog,
    DelegationPage,
)
from newmedia_desk.ui.settings_area import SettingsArea
from newmedia_desk.ui.texts import to_qdatetime
from tests.conftest import STAFF_PASSWORD

from .conftest import Office, ScriptedPrompts, check_model
from .post_desk import Desk, build_desk


@pytest.fixture
def desk(office: Office) -> Desk:
    return build_desk(office)


def _page(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts, actor: Principal) -> DelegationPage:
    page = DelegationPage(desk.ctx, actor, prompts)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def _choose(dialog: DelegationDialog, leader: Principal, deputy: Principal) -> None:
    dialog.leader_combo.setCurrentIndex(dialog.leader_combo.findData(leader.staff_id))
    dialog.deputy_combo.setCurrentIndex(dialog.deputy_combo.findData(deputy.staff_id))
    dialog.reason_edit.setText("出差")


def test_the_tab_is_there_for_administrators_and_chiefs(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    for who, expected in ((desk.office.admin, True), (desk.chief, True), (desk.clerk, False)):
        area = SettingsArea(desk.ctx, who, prompts)
        qtbot.addWidget(area)
        assert (area.delegation_page is not None) is expected
        names = [area.tabs.tabText(i) for i in range(area.tabs.count())]
        assert ("Delegations" in names) is expected


def test_the_chief_consents_with_their_own_password(
    qtbot: QtBot, qtmodeltester: ModelTester, desk: Desk, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, desk, prompts, desk.chief)
    assert page.model.rowCount() == 0 and not page.revoke_button.isEnabled()
    page.open_new()
    dialog = page.dialog
    assert isinstance(dialog, DelegationDialog) and dialog.isVisible()
    assert dialog.consenter_combo.currentData() == desk.chief.staff_id
    assert not dialog.consenter_combo.isEnabled()
    assert "your own password" in dialog.password_label.text()
    _choose(dialog, desk.leader, desk.head)
    dialog.save_button.click()  # no password
    assert dialog.isVisible() and dialog.invalid_fields() == ["consenter_password"]
    dialog.password_edit.setText("wrong-password")
    dialog.save_button.click()
    assert dialog.isVisible() and "wrong" in dialog.banner.text()
    assert dialog.password_edit.text() == ""  # never kept in the field
    assert desk.ctx.delegations.list(desk.chief) == []
    dialog.password_edit.setText(STAFF_PASSWORD)
    dialog.save_button.click()
    assert not dialog.isVisible()
    [saved] = desk.ctx.delegations.list(desk.chief)
    assert (saved.leader_name, saved.deputy_name, saved.consented_by_name) == (
        "分管领导丙",
        "钱芳",
        "李建国",
    )
    assert desk.ctx.delegations.verify() == (1, ())
    check_model(qtmodeltester, page.model)
    assert page.model.index(0, DelegationColumn.STATE).data() == "In force"
    assert page.selected() is not None and page.revoke_button.isEnabled()


def test_an_administrator_records_with_the_chief_typing(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, desk, prompts, desk.office.admin)
    page.open_new()
    dialog = page.dialog
    assert isinstance(dialog, DelegationDialog) and dialog.consenter_combo.isEnabled()
    dialog.consenter_combo.setCurrentIndex(dialog.consenter_combo.findData(desk.chief.staff_id))
    assert "李建国 consents" in dialog.password_label.text()
    _choose(dialog, desk.leader, desk.leader)
    dialog.password_edit.setText(STAFF_PASSWORD)
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.invalid_fields() == ["deputy"]
    assert "other than the leader" in dialog.banner.text()
    _choose(dialog, desk.leader, desk.head)
    now = desk.ctx.clock.now()
    dialog.ends_edit.setDateTime(to_qdatetime(now - timedelta(days=1)))
    dialog.password_edit.setText(STAFF_PASSWORD)
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.invalid_fields() == ["ends_at"]
    dialog.ends_edit.setDateTime(to_qdatetime(now + timedelta(days=2)))
    dialog.password_edit.setText(STAFF_PASSWORD)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert len(desk.ctx.delegations.list(desk.office.admin)) == 1


def test_revoking_asks_first(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    from newmedia_desk.domain.posts import DelegationSpec

    now = desk.ctx.clock.now()
    created = desk.ctx.delegations.create(
        desk.chief,
        DelegationSpec(
            desk.leader.staff_id,
            desk.head.staff_id,
            desk.chief.staff_id,
            now,
            now + timedelta(days=1),
            "出差",
        ),
        consenter_password=STAFF_PASSWORD,
    )
    page = _page(qtbot, desk, prompts, desk.chief)
    assert page.select(created.id)
    prompts.confirm_answers.append(False)
    page.revoke_button.click()
    assert desk.ctx.delegations.list(desk.chief)[0].revoked_at is None
    prompts.confirm_answers.append(True)
    with qtbot.waitSignal(page.changed):
        page.revoke_button.click()
    assert desk.ctx.delegations.list(desk.chief)[0].revoked_at is not None
    assert page.model.index(0, DelegationColumn.STATE).data().startswith("Revoked")
    assert not page.revoke_button.isEnabled()
    assert any("分管领导丙" in q for q in prompts.questions)
