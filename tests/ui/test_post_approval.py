"""请领导审批 on this PC: the leader signs in over the clerk's session, reads, decides."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.accounts import Decision
from newmedia_desk.domain.posts import DelegationSpec, PostStatus, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.post_approval_dialog import LeaderSignOffDialog
from tests.conftest import STAFF_PASSWORD, make_staff

from .conftest import MakeWindow, Office, ScriptedPrompts
from .post_desk import BODY, Desk, build_desk


@pytest.fixture
def desk(office: Office) -> Desk:
    return build_desk(office)


def _dialog(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts, post_id: int, *, viewer: bool = True
) -> LeaderSignOffDialog:
    dialog = LeaderSignOffDialog(desk.ctx, prompts, post_id, viewer=desk.clerk if viewer else None)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _sign_in(dialog: LeaderSignOffDialog, login: str, password: str = STAFF_PASSWORD) -> None:
    form = dialog.sign_in_form
    form.login_edit.setText(login)
    form.password_edit.setText(password)
    form.sign_in_button.click()


def _signer(dialog: LeaderSignOffDialog) -> Principal | None:
    return dialog.signer


def test_the_leader_signs_and_the_clerk_stays_signed_in(
    qtbot: QtBot,
    desk: Desk,
    make_window: MakeWindow,
    prompts: ScriptedPrompts,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    window = make_window(desk.clerk)
    post = desk.submitted(account_ids=(desk.weibo, desk.wechat))
    dialog = LeaderSignOffDialog(desk.ctx, prompts, post.id, window, viewer=desk.clerk)
    dialog.open()
    assert dialog.isVisible() and dialog.pages.currentWidget() is dialog.sign_in_page
    assert "明日天气" in dialog.step_label.text() and "信息员乙" in dialog.step_label.text()
    _sign_in(dialog, "head")
    assert dialog.sign_in_form.password_edit.text() == ""
    assert dialog.pages.currentWidget() is dialog.review_page
    assert "钱芳" in dialog.who_label.text()
    reader = dialog.reader
    assert reader.value("title") == "明日天气"
    assert reader.body_edit.toPlainText() == BODY and reader.body_edit.isReadOnly()
    assert "江城气象（微博）" in reader.value("accounts")
    assert "江城气象服务（微信公众号）" in reader.value("accounts")
    assert post.current.content_sha256 in reader.value("digest")
    assert reader.value("column") == "#天气预报#"
    assert not dialog.delegation_label.isVisibleTo(dialog)
    assert not reader.findings.mask_button.isVisibleTo(dialog)  # read-only findings
    dialog.opinion_edit.setPlainText("同意发布。")
    dialog.sign_button.click()
    assert not dialog.isVisible()
    assert _signer(dialog) is None and dialog.take_signing_password() == ""
    saved = desk.ctx.posts.get(desk.clerk, post.id)
    assert saved.status is PostStatus.APPROVED
    [step] = saved.round_steps()
    assert (step.signer_name, step.decision, step.opinion, step.signed) == (
        "钱芳",
        Decision.AGREE,
        "同意发布。",
        True,
    )
    assert desk.ctx.posts.verify().ok
    assert window.principal is not None and window.principal.login == "clerk"
    assert window.work_area is not None and window.work_area.actor.login == "clerk"
    [info] = prompts.infos
    assert "钱芳" in info and "approved" in info and "信息员乙 stays signed in" in info
    assert all(STAFF_PASSWORD not in r.getMessage() for r in caplog.records)


def test_a_wrong_password_signs_nothing_and_is_throttled(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.submitted()
    dialog = _dialog(qtbot, desk, prompts, post.id)
    _sign_in(dialog, "head", "wrong-password")
    form = dialog.sign_in_form
    assert form.message.isVisibleTo(dialog) and "wrong password" in form.message.text()
    assert dialog.pages.currentWidget() is dialog.sign_in_page and _signer(dialog) is None
    for _ in range(5):
        _sign_in(dialog, "head", "wrong-password")
    _sign_in(dialog, "head")  # the right one, but too many tries before it
    assert "Too many failed sign-ins" in form.message.text()
    assert dialog.pages.currentWidget() is dialog.sign_in_page
    assert desk.ctx.posts.get(desk.clerk, post.id).status is PostStatus.IN_APPROVAL


def test_the_clerk_cannot_sign_in_as_the_approver(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.submitted()
    dialog = _dialog(qtbot, desk, prompts, post.id)
    _sign_in(dialog, "clerk", "clerk-password-1")
    assert _signer(dialog) is None and dialog.pages.currentWidget() is dialog.sign_in_page
    assert "already" in dialog.sign_in_form.message.text()


def test_returning_needs_an_opinion(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    post = desk.submitted()
    dialog = _dialog(qtbot, desk, prompts, post.id)
    _sign_in(dialog, "head")
    dialog.return_button.setChecked(True)
    dialog.sign_button.click()
    assert dialog.isVisible() and dialog.message.isVisibleTo(dialog)
    assert "opinion" in dialog.message.text()
    assert desk.ctx.posts.get(desk.clerk, post.id).status is PostStatus.IN_APPROVAL
    dialog.opinion_edit.setPlainText("最低气温请再核实。")
    dialog.sign_button.click()
    assert not dialog.isVisible()
    saved = desk.ctx.posts.get(desk.clerk, post.id)
    assert saved.status is PostStatus.RETURNED
    assert saved.signoffs[0].opinion == "最低气温请再核实。"
    assert "goes back to 信息员乙" in prompts.infos[0]


def test_nobody_approves_their_own_post(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    admin = desk.office.admin
    drafter = make_staff(
        desk.ctx,
        admin,
        "editor",
        {Role.CLERK, Role.RESPONSIBLE},
        desk.office.section_id,
        name="周编辑",
    )[1]
    post = desk.ctx.posts.create(
        drafter, desk.content(), planned_at=desk.ctx.clock.now() + timedelta(hours=3)
    )
    post = desk.ctx.posts.submit(drafter, post.id, expected_version=post.version)
    dialog = _dialog(qtbot, desk, prompts, post.id, viewer=False)
    assert "own login name" in dialog.step_label.text()
    _sign_in(dialog, "editor")
    assert dialog.pages.currentWidget() is dialog.review_page
    dialog.sign_button.click()
    assert dialog.isVisible()
    assert "own post" in dialog.message.text()  # the service's rule, in words
    assert desk.ctx.posts.get(drafter, post.id).status is PostStatus.IN_APPROVAL


def test_a_post_changed_while_read_is_not_signed(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.submitted()
    dialog = _dialog(qtbot, desk, prompts, post.id)
    _sign_in(dialog, "head")
    assert dialog.reader.body_edit.toPlainText() == BODY
    changed = desk.ctx.posts.save(
        desk.clerk,
        post.id,
        desk.content(body=BODY.replace("9度", "8度")),
        planned_at=post.planned_at,
        expected_version=post.version,
    )
    assert changed.round_revision == 2
    prompts.confirm_answers.append(True)  # yes, show the current version
    dialog.sign_button.click()
    assert dialog.isVisible()
    assert any("changed while it was being read" in q for q in prompts.questions)
    assert "8度" in dialog.reader.body_edit.toPlainText()
    assert "read it again" in dialog.message.text()
    current = desk.ctx.posts.get(desk.clerk, post.id)
    assert current.status is PostStatus.IN_APPROVAL and not any(
        s.decision for s in current.signoffs
    )
    dialog.sign_button.click()  # now on what was read
    assert not dialog.isVisible()
    approved = desk.ctx.posts.get(desk.clerk, post.id)
    assert approved.status is PostStatus.APPROVED
    assert [s.revision for s in approved.round_steps()] == [2]


def test_a_deputy_signs_for_the_leader(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    admin = desk.office.admin
    deputy = make_staff(
        desk.ctx, admin, "deputy", {Role.RESPONSIBLE}, desk.office.root_id, name="孙副主任"
    )[1]
    now = desk.ctx.clock.now()
    desk.ctx.delegations.create(
        desk.chief,
        DelegationSpec(
            leader_id=desk.leader.staff_id,
            deputy_id=deputy.staff_id,
            consented_by_id=desk.chief.staff_id,
            starts_at=now - timedelta(hours=1),
            ends_at=now + timedelta(days=3),
            reason="出差",
        ),
        consenter_password=STAFF_PASSWORD,
    )
    post = desk.submitted(tier=Tier.IMPORTANT)
    desk.ctx.posts.sign(
        desk.head, post.id, Decision.AGREE, "同意", revision=2 - 1, password=STAFF_PASSWORD
    )
    dialog = _dialog(qtbot, desk, prompts, post.id)
    _sign_in(dialog, "deputy")
    assert dialog.delegation_label.isVisibleTo(dialog)
    assert "分管领导丙" in dialog.delegation_label.text()
    assert "钱芳" in dialog.route_label.text()  # the earlier decision of the round
    assert "step 2 of 2" in dialog.who_label.text()
    dialog.sign_button.click()
    assert not dialog.isVisible()
    saved = desk.ctx.posts.get(desk.clerk, post.id)
    assert saved.status is PostStatus.APPROVED
    last = saved.round_steps()[-1]
    assert (last.signer_name, last.on_behalf_of_name) == ("孙副主任", "分管领导丙")
    assert "孙副主任 for 分管领导丙" in prompts.infos[0]


def test_enter_after_the_sign_in_does_not_sign(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.submitted()
    dialog = _dialog(qtbot, desk, prompts, post.id)
    dialog.sign_in_form.login_edit.setText("head")
    QTest.keyClicks(dialog.sign_in_form.password_edit, STAFF_PASSWORD)
    QTest.keyClick(dialog.sign_in_form.password_edit, Qt.Key.Key_Return)
    assert dialog.pages.currentWidget() is dialog.review_page
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert desk.ctx.posts.get(desk.clerk, post.id).status is PostStatus.IN_APPROVAL


def test_hiding_the_dialog_forgets_the_leader(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.submitted()
    dialog = _dialog(qtbot, desk, prompts, post.id)
    _sign_in(dialog, "head")
    assert _signer(dialog) is not None
    dialog.hide()  # what the idle lock does to open dialogs
    assert _signer(dialog) is None and dialog.take_signing_password() == ""
    dialog.show()
    assert dialog.pages.currentWidget() is dialog.sign_in_page
    assert desk.ctx.posts.get(desk.clerk, post.id).status is PostStatus.IN_APPROVAL


def test_a_post_not_in_approval_cannot_be_signed(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.approved()
    dialog = _dialog(qtbot, desk, prompts, post.id)
    assert "not waiting" in dialog.step_label.text()
    _sign_in(dialog, "leader", "leader-password-1")
    assert dialog.pages.currentWidget() is dialog.review_page
    assert not dialog.sign_button.isEnabled()
