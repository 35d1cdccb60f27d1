"""登记发布, 撤回/删除 and the post detail view (route, publications, filing)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.accounts import Decision
from newmedia_desk.domain.posts import DelegationSpec, PostStatus, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.services.posts import PostRecord
from newmedia_desk.ui.post_approval_dialog import LeaderSignOffDialog
from newmedia_desk.ui.post_detail import (
    PostDetailView,
    PublicationColumn,
    SignOffColumn,
)
from newmedia_desk.ui.publication_dialog import (
    PublicationDialog,
    RemovePublicationDialog,
    TextComparison,
)
from newmedia_desk.ui.texts import to_qdatetime
from tests.conftest import STAFF_PASSWORD, make_staff

from .conftest import Office, ScriptedPrompts, check_model
from .post_desk import BODY, Desk, build_desk

OTHER = BODY.replace("18度", "20度")


@pytest.fixture
def desk(office: Office) -> Desk:
    return build_desk(office)


def _shown(view: PostDetailView) -> PostRecord | None:
    """The post the view shows (a call, so type checkers do not freeze the answer)."""
    return view.record


def _publication_dialog(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts, post_id: int
) -> PublicationDialog:
    dialog = PublicationDialog(desk.ctx, desk.clerk, prompts, post_id)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_publication_is_refused_before_approval(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.submitted()
    dialog = _publication_dialog(qtbot, desk, prompts, post.id)
    assert dialog.banner.isVisibleTo(dialog)
    assert "only after its approval is complete" in dialog.banner.text()
    dialog.section(desk.weibo).link_edit.setText("https://weibo.com/1/abc")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "only after its approval is complete" in dialog.banner.text()  # the service's word
    current = desk.ctx.posts.get(desk.clerk, post.id)
    assert current.status is PostStatus.IN_APPROVAL and not current.publications


def test_each_account_is_recorded_and_a_differing_text_flagged(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.approved(account_ids=(desk.weibo, desk.wechat))
    dialog = _publication_dialog(qtbot, desk, prompts, post.id)
    assert not dialog.banner.isVisibleTo(dialog)
    weibo, wechat = dialog.section(desk.weibo), dialog.section(desk.wechat)
    assert weibo.box.isChecked() and wechat.box.isChecked()
    assert "No text pasted" in weibo.match_label.text()
    weibo.link_edit.setText("https://weibo.com/1/abc")
    weibo.post_id_edit.setText("N1abc")
    weibo.text_edit.setPlainText(BODY + "\n")  # a trailing line break does not count
    assert "Same as the approved text" in weibo.match_label.text()
    wechat.text_edit.setPlainText(OTHER)
    assert "Differs" in wechat.match_label.text() and dialog.mismatch(wechat)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert not dialog.isVisible()
    saved = desk.ctx.posts.get(desk.clerk, post.id)
    assert saved.status is PostStatus.PUBLISHED
    by_account = {p.account_id: p for p in saved.publications}
    assert by_account[desk.weibo].link == "https://weibo.com/1/abc"
    assert by_account[desk.weibo].platform_post_id == "N1abc"
    assert not by_account[desk.weibo].mismatch
    assert by_account[desk.wechat].mismatch
    assert any("differs from the approved one" in w for w in prompts.warnings)


def test_a_publication_in_the_future_is_refused(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.approved()
    dialog = _publication_dialog(qtbot, desk, prompts, post.id)
    later = desk.ctx.clock.now() + timedelta(days=1)
    dialog.section(desk.weibo).time_edit.setDateTime(to_qdatetime(later))
    dialog.save_button.click()
    assert dialog.isVisible() and "in the future" in dialog.banner.text()
    dialog.section(desk.weibo).box.setChecked(False)
    dialog.save_button.click()
    assert dialog.isVisible() and "Tick the accounts" in dialog.banner.text()
    assert not desk.ctx.posts.get(desk.clerk, post.id).publications


def test_withdrawal_needs_a_reason(qtbot: QtBot, desk: Desk) -> None:
    post = desk.approved()
    post = desk.ctx.posts.record_publication(
        desk.clerk,
        post.id,
        desk.weibo,
        published_at=desk.ctx.clock.now(),
        expected_version=post.version,
    )
    [publication] = post.publications
    dialog = RemovePublicationDialog(desk.ctx, desk.clerk, publication)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.invalid_fields() == ["reason"]
    assert "give the reason" in dialog.banner.text()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("deleted"))
    dialog.reason_edit.setPlainText("气温数据有误，已删除。")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert not dialog.isVisible()
    saved = desk.ctx.posts.get(desk.clerk, post.id)
    assert saved.status is PostStatus.WITHDRAWN
    assert saved.publications[0].removal_kind == "deleted"


def test_the_comparison_marks_what_differs(qtbot: QtBot) -> None:
    view = TextComparison()
    qtbot.addWidget(view)
    assert view.compare("明天多云。", "明天多云。\n")
    assert view.differences() == (0, 0)
    assert not view.compare("最高气温18度。", "最高气温20度。")
    assert view.differences() == (1, 1)
    assert "Differs" in view.verdict.text()


def test_the_detail_shows_every_round_publications_and_filing(
    qtbot: QtBot, qtmodeltester: ModelTester, desk: Desk, prompts: ScriptedPrompts
) -> None:
    ctx = desk.ctx
    deputy = make_staff(
        ctx, desk.office.admin, "deputy", {Role.RESPONSIBLE}, desk.office.root_id, name="孙副主任"
    )[1]
    now = ctx.clock.now()
    ctx.delegations.create(
        desk.chief,
        DelegationSpec(
            desk.leader.staff_id,
            deputy.staff_id,
            desk.chief.staff_id,
            now - timedelta(hours=1),
            now + timedelta(days=1),
        ),
        consenter_password=STAFF_PASSWORD,
    )
    post = desk.submitted(tier=Tier.SENSITIVE)

    def sign(who: object, opinion: str = "同意") -> None:
        current = ctx.posts.get(desk.clerk, post.id)
        ctx.posts.sign(
            who,  # type: ignore[arg-type]
            post.id,
            Decision.AGREE,
            opinion,
            revision=current.round_revision or 0,
            password=STAFF_PASSWORD,
        )

    sign(desk.head, "第一轮同意")
    current = ctx.posts.get(desk.clerk, post.id)
    ctx.posts.save(  # a change in approval voids the round
        desk.clerk,
        post.id,
        desk.content(tier=Tier.SENSITIVE, body=OTHER),
        planned_at=current.planned_at,
        expected_version=current.version,
    )
    sign(desk.head)
    sign(deputy)  # for 分管领导丙
    view = PostDetailView(ctx, desk.clerk, prompts)
    qtbot.addWidget(view)
    view.show()
    view.show_post(post.id)
    assert view.sign_button.isEnabled()  # the chief's step is open
    model = view.signoff_model
    check_model(qtmodeltester, model)
    rows = model.records()
    assert [(r.round, r.key) for r in rows] == [
        (1, "responsible"),
        (1, "supervisor"),
        (1, "chief"),
        (2, "responsible"),
        (2, "supervisor"),
        (2, "chief"),
    ]
    first = model.index(0, SignOffColumn.STATE)
    assert first.data() == "Void"
    assert first.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert model.index(0, SignOffColumn.OPINION).data() == "第一轮同意"
    assert model.index(4, SignOffColumn.SIGNER).data() == "孙副主任 for 分管领导丙"
    assert model.index(4, SignOffColumn.SIGNATURE).data() == "✓ signed"
    assert model.index(5, SignOffColumn.STATE).data() == "Waiting"
    assert "To be filed" in view.filing_label.text()

    view.open_sign_off()
    assert isinstance(view.dialog, LeaderSignOffDialog) and view.dialog.isVisible()
    view.dialog.sign_in_form.login_edit.setText("chief")
    view.dialog.sign_in_form.password_edit.setText(STAFF_PASSWORD)
    view.dialog.sign_in_form.sign_in_button.click()
    with qtbot.waitSignal(view.changed):
        view.dialog.sign_button.click()
    assert view.record is not None and view.record.status is PostStatus.APPROVED
    assert not view.sign_button.isEnabled()

    ctx.posts.record_publication(
        desk.clerk,
        post.id,
        desk.weibo,
        published_at=ctx.clock.now(),
        published_text=BODY,  # the text of the first revision, not the approved one
        expected_version=view.record.version,
    )
    view.refresh()
    assert view.mismatch_label.isVisibleTo(view) and "江城气象" in view.mismatch_label.text()
    text = view.publication_model.index(0, PublicationColumn.TEXT)
    assert text.data() == "Differs from the approved text"
    assert text.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert view.select_publication(view.publication_model.records()[0].id)
    assert not view.comparison.isHidden()
    check_model(qtmodeltester, view.publication_model)
    assert view.comparison.left.toPlainText() == OTHER
    assert view.comparison.right.toPlainText() == BODY
    assert view.remove_button.isEnabled()

    prompts.confirm_answers.append(True)
    with qtbot.waitSignal(view.changed):
        view.file_button.click()
    assert "Filed on" in view.filing_label.text() and not view.file_button.isEnabled()


def test_recording_from_the_detail_opens_the_dialog(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.approved()
    view = PostDetailView(desk.ctx, desk.clerk, prompts)
    qtbot.addWidget(view)
    view.show_post(post.id)
    assert not view.file_button.isVisibleTo(view)  # a general post needs no filing
    view.open_publication()
    dialog = view.dialog
    assert isinstance(dialog, PublicationDialog)
    with qtbot.waitSignal(view.changed):
        dialog.save_button.click()
    assert view.record is not None and view.record.status is PostStatus.PUBLISHED
    view.select_publication(view.record.publications[0].id)
    view.open_remove()
    assert isinstance(view.dialog, RemovePublicationDialog)
    view.dialog.reject()
    view.show_post(None)
    assert _shown(view) is None and not view.publish_button.isEnabled()
