"""The post editor: create, edit with a conflict, tier and source rules, autosave, revisions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountDraft
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.posts import ActivityType, PostContent, PostKind, PostStatus, Tier
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui import post_editor
from newmedia_desk.ui.post_editor import PostEditorDialog, column_hashtag
from newmedia_desk.ui.post_revisions import (
    DELETED_COLOUR,
    INSERTED_COLOUR,
    PostRevisionsDialog,
)
from tests.ui.conftest import CLERK_PASSWORD, Office, ScriptedPrompts

BODY = "明天多云转晴，最高气温18度，最低气温9度。"


@dataclass
class Desk:
    ctx: AppContext
    clerk: Principal
    weibo: int
    wechat: int
    clock: FixedClock


@pytest.fixture
def desk(office: Office, fixed_clock: FixedClock) -> Desk:
    ctx = office.ctx
    clerk = office.sign_in("clerk", CLERK_PASSWORD)
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(office.admin)}

    def account(platform: str, name: str, handle: str) -> int:
        draft = AccountDraft(
            platform_id=platforms[platform],
            name=name,
            unit_id=office.section_id,
            administrator_id=office.clerk.id,
            responsible_id=office.admin.staff_id,
            handle=handle,
            purpose="发布天气预报和预警",
        )
        return ctx.accounts.register_existing(office.admin, draft, "已开设").id

    weibo = account("微博", "江城气象", "jcqx")
    wechat = account("微信公众号", "江城气象服务", "jcqxfw")
    return Desk(ctx, clerk, weibo, wechat, fixed_clock)


def _content(desk: Desk, **changes: object) -> PostContent:
    values: dict[str, object] = {
        "title": "明日天气",
        "body": BODY,
        "column": "#天气预报#",
        "category": "预报类",
        "tier": Tier.GENERAL,
        "kind": PostKind.ORIGINAL,
        "account_ids": (desk.weibo,),
    }
    values.update(changes)
    return PostContent(**values)  # type: ignore[arg-type]


def _open(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts, post_id: int | None = None
) -> PostEditorDialog:
    dialog = PostEditorDialog(desk.ctx, desk.clerk, prompts, post_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _tick(dialog: PostEditorDialog, account_id: int) -> None:
    for row in range(dialog.accounts_list.count()):
        item = dialog.accounts_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == account_id:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"account {account_id} not offered")


def _choose(combo_owner: PostEditorDialog, name: str, value: str) -> None:
    combo = getattr(combo_owner, name)
    combo.setCurrentIndex(combo.findData(value))


def _save(dialog: PostEditorDialog) -> list[int]:
    saved: list[int] = []
    dialog.saved.connect(saved.append)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return saved


def test_create_a_post(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    dialog = _open(qtbot, desk, prompts)
    assert dialog.windowTitle() == "New post"
    assert not dialog.revisions_button.isEnabled()
    offered = {dialog.accounts_list.item(r).text() for r in range(dialog.accounts_list.count())}
    assert offered == {"微博 · 江城气象", "微信公众号 · 江城气象服务"}
    dialog.title_edit.setText("明日天气")
    dialog.body_edit.insertPlainText(BODY)
    dialog.column_combo.setEditText("天气预报")
    dialog.insert_hashtag()
    _tick(dialog, desk.weibo)
    _tick(dialog, desk.wechat)
    dialog.planned_check.setChecked(True)
    dialog.note_edit.setText("初稿")
    saved = _save(dialog)
    assert len(saved) == 1
    assert not dialog.isVisible()
    post = desk.ctx.posts.get(desk.clerk, saved[0])
    assert post.status is PostStatus.DRAFT
    assert post.content.body == f"#天气预报# {BODY}"
    assert post.content.column == "天气预报"
    assert post.content.category == "预报类"
    assert set(post.content.account_ids) == {desk.weibo, desk.wechat}
    assert post.current.note == "初稿"
    assert post.planned_at is not None and post.planned_at > desk.clock.now()
    assert desk.ctx.drafts.pending(desk.clerk) == []


def test_nothing_is_saved_without_body_or_account(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    dialog = _open(qtbot, desk, prompts)
    dialog.body_edit.setPlainText(BODY)
    assert _save(dialog) == []
    assert dialog.banner.text() == "Please tick at least one account the post is for."
    assert dialog.invalid_fields() == ["accounts"]
    dialog.body_edit.setPlainText("  ")
    _tick(dialog, desk.weibo)
    assert _save(dialog) == []
    assert dialog.banner.text() == "Please write the text of the post."
    assert dialog.invalid_fields() == ["body"]
    assert dialog.isVisible()


def test_edit_with_a_conflict_keeps_the_typed_text(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.ctx.posts.create(desk.clerk, _content(desk))
    dialog = _open(qtbot, desk, prompts, post.id)
    assert dialog.windowTitle() == f"Post {post.id} · revision 1"
    assert dialog.body_edit.text() == BODY
    assert dialog.revisions_button.isEnabled()
    mine = BODY.replace("多云转晴", "晴转多云")
    dialog.body_edit.setPlainText(mine)
    # Meanwhile the same post is saved elsewhere (another PC).
    desk.clock.advance(seconds=30)
    desk.ctx.posts.save(
        desk.clerk,
        post.id,
        _content(desk, title="明日天气预报"),
        planned_at=None,
        expected_version=post.version,
    )
    assert _save(dialog) == []
    assert dialog.isVisible()
    assert "saved this post while you were editing it (now revision 2)" in dialog.banner.text()
    assert "your text is still here" in dialog.banner.text()
    assert dialog.body_edit.text() == mine
    # Saving again makes the typed text the newest revision; theirs stays in the history.
    assert _save(dialog) == [post.id]
    revisions = desk.ctx.posts.revisions(desk.clerk, post.id)
    assert [r.number for r in revisions] == [1, 2, 3]
    assert revisions[1].content.title == "明日天气预报"
    assert (revisions[2].content.title, revisions[2].content.body) == ("明日天气", mine)


def test_a_tier_below_the_checker_is_refused(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    dialog = _open(qtbot, desk, prompts)
    _tick(dialog, desk.weibo)
    assert dialog.required_label.text() == "The checker requires at least: General"
    dialog.body_edit.setPlainText("我市发生突发事件，请市民注意安全。")
    assert dialog.required_tier() is Tier.SENSITIVE
    assert "require at least “Sensitive”" in dialog.required_label.text()
    assert _save(dialog) == []
    assert dialog.invalid_fields() == ["tier"]
    assert dialog.banner.text().startswith(
        "The checker's findings require the tier “Sensitive” or higher, but “General” is chosen."
    )
    _choose(dialog, "tier_combo", Tier.IMPORTANT.value)
    assert _save(dialog) == []
    _choose(dialog, "tier_combo", Tier.SENSITIVE.value)
    assert dialog.required_label.text() == "The checker requires at least: Sensitive"
    saved = _save(dialog)
    assert len(saved) == 1
    assert desk.ctx.posts.get(desk.clerk, saved[0]).content.tier is Tier.SENSITIVE


def test_a_repost_needs_its_source(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    dialog = _open(qtbot, desk, prompts)
    _tick(dialog, desk.weibo)
    dialog.body_edit.setPlainText("【转发】中央气象台发布暴雨蓝色预警。")
    _choose(dialog, "kind_combo", PostKind.REPOST.value)
    assert _save(dialog) == []
    assert dialog.invalid_fields() == ["source"]
    assert "A repost needs its source" in dialog.banner.text()
    dialog.source_edit.setText("中国气象局微博")
    saved = _save(dialog)
    assert len(saved) == 1
    content = desk.ctx.posts.get(desk.clerk, saved[0]).content
    assert (content.kind, content.source) == (PostKind.REPOST, "中国气象局微博")


def test_an_activity_has_its_form(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    dialog = _open(qtbot, desk, prompts)
    assert not dialog.activity_combo.isVisible()
    _choose(dialog, "kind_combo", PostKind.ACTIVITY.value)
    assert dialog.activity_combo.isVisible()
    _choose(dialog, "activity_combo", ActivityType.VOTE.value)
    _tick(dialog, desk.weibo)
    dialog.body_edit.setPlainText("你最喜欢哪种天气？欢迎投票！")
    saved = _save(dialog)
    content = desk.ctx.posts.get(desk.clerk, saved[0]).content
    assert (content.kind, content.activity_type) == (PostKind.ACTIVITY, ActivityType.VOTE)


def test_autosave_and_restore_after_a_crash(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(post_editor, "AUTOSAVE_MS", 20)
    first = _open(qtbot, desk, prompts)
    assert not first.autosave_now()  # nothing typed yet
    first.title_edit.setText("暴雨预警")
    first.body_edit.insertPlainText("预计今天夜间有暴雨")
    _tick(first, desk.wechat)
    _choose(first, "tier_combo", Tier.IMPORTANT.value)
    qtbot.waitUntil(lambda: bool(desk.ctx.drafts.pending(desk.clerk)))
    assert "Unsaved changes kept at" in first.status_label.text()
    assert not first.autosave_now()  # only when something changed
    # The program dies: no close, no question, nothing saved.
    first.hide()
    first.setParent(None)

    prompts.choices = [0]  # Restore
    second = _open(qtbot, desk, prompts)
    assert prompts.questions[-1].startswith("Text typed at ")
    assert second.title_edit.text() == "暴雨预警"
    assert second.body_edit.text() == "预计今天夜间有暴雨"
    assert second.checked_accounts() == [desk.wechat]
    assert second.tier() is Tier.IMPORTANT
    assert second.banner.text().endswith("is back. Save to keep it.")
    saved = _save(second)
    assert len(saved) == 1
    assert desk.ctx.drafts.pending(desk.clerk) == []
    assert desk.ctx.posts.get(desk.clerk, saved[0]).content.body == "预计今天夜间有暴雨"


def test_an_existing_post_is_restored_only_for_itself(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(post_editor, "AUTOSAVE_MS", 20)
    post = desk.ctx.posts.create(desk.clerk, _content(desk))
    desk.clock.advance(seconds=10)
    first = _open(qtbot, desk, prompts, post.id)
    first.body_edit.setPlainText(BODY + "夜间有小雨。")
    qtbot.waitUntil(lambda: bool(desk.ctx.drafts.pending(desk.clerk)))
    first.hide()
    first.setParent(None)
    # A new post is not offered another post's text.
    fresh = _open(qtbot, desk, prompts)
    assert prompts.questions == []
    fresh.hide()
    prompts.choices = [1]  # Discard
    second = _open(qtbot, desk, prompts, post.id)
    assert len(prompts.questions) == 1
    assert second.body_edit.text() == BODY
    assert desk.ctx.drafts.pending(desk.clerk) == []


def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    dialog = _open(qtbot, desk, prompts)
    dialog.body_edit.setPlainText(BODY)
    assert dialog.autosave_now()
    prompts.confirm_answers = [False]
    dialog.reject()
    assert dialog.isVisible()
    assert prompts.questions[-1].startswith("Close without saving?")
    prompts.confirm_answers = [True]
    dialog.reject()
    assert not dialog.isVisible()
    assert desk.ctx.drafts.pending(desk.clerk) == []


def test_signing_out_keeps_what_was_typed(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    dialog = _open(qtbot, desk, prompts)
    dialog.body_edit.setPlainText(BODY)
    dialog.hide()  # the window was locked
    dialog.reject()  # and the next person signs in: nothing is asked
    assert prompts.questions == []
    assert [a.fields["body"] for a in desk.ctx.drafts.pending(desk.clerk)] == [BODY]


def test_revisions_show_what_changed(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    post = desk.ctx.posts.create(desk.clerk, _content(desk), note="初稿")
    desk.clock.advance(minutes=5)
    dialog = _open(qtbot, desk, prompts, post.id)
    dialog.body_edit.setPlainText(BODY.replace("18度", "20度"))
    _choose(dialog, "tier_combo", Tier.IMPORTANT.value)
    _tick(dialog, desk.wechat)
    dialog.note_edit.setText("气温订正")
    assert _save(dialog) == [post.id]

    again = _open(qtbot, desk, prompts, post.id)
    assert again.windowTitle() == f"Post {post.id} · revision 2"
    revisions = again.show_revisions()
    assert isinstance(revisions, PostRevisionsDialog)
    qtbot.addWidget(revisions)
    assert revisions.list.count() == 2
    assert "气温订正" in revisions.list.item(1).text()
    assert revisions.summary.text() == "Revision 1 → revision 2: 3 part(s) changed"
    shown = revisions.view.toPlainText()
    assert "Text\n明天多云转晴，最高气温1820度" in shown
    assert "Tier\nGeneral → Important" in shown
    assert "Accounts\n微信公众号 · 江城气象服务、微博 · 江城气象" in shown

    def format_at(text: str) -> tuple[QColor, bool]:
        cursor = QTextCursor(revisions.view.document())
        cursor.setPosition(shown.index(text) + 1)  # the format of the character before
        fmt = cursor.charFormat()
        return fmt.foreground().color(), fmt.fontStrikeOut()

    assert format_at("18") == (QColor(DELETED_COLOUR), True)
    assert format_at("20度") == (QColor(INSERTED_COLOUR), False)
    assert format_at("明天") == (QColor(Qt.GlobalColor.black), False)
    # Any two revisions: the same one twice shows no change.
    revisions.compare(2, 2)
    assert revisions.view.toPlainText() == "The two revisions have the same content."


def _picture(path: Path, colour: tuple[int, int, int] = (30, 90, 200)) -> Path:
    Image.new("RGB", (120, 80), colour).save(path)
    return path


def test_images_are_added_checked_and_removed(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    dialog = _open(qtbot, desk, prompts)
    fake = tmp_path / "照片.jpg"
    fake.write_text("不是图片", encoding="utf-8")
    prompts.open_files = [_picture(tmp_path / "雷达.png"), fake, None]
    dialog.add_image()
    assert dialog.images_list.count() == 1
    assert not dialog.images_list.item(0).icon().isNull()
    assert "雷达.png" in dialog.images_list.item(0).toolTip()
    dialog.add_image()
    assert dialog.banner.text() == "“照片.jpg” is not an image, whatever its name says."
    assert dialog.invalid_fields() == ["image"]
    dialog.add_image()  # cancelled
    assert dialog.images_list.count() == 1
    sha = dialog.image_hashes()[0]
    _tick(dialog, desk.weibo)
    dialog.body_edit.setPlainText(BODY)
    saved = _save(dialog)
    assert desk.ctx.posts.get(desk.clerk, saved[0]).content.image_hashes == (sha,)

    again = _open(qtbot, desk, prompts, saved[0])
    assert again.image_hashes() == [sha]
    again.images_list.item(0).setSelected(True)
    assert again.remove_image_button.isEnabled()
    again.remove_image()
    assert again.image_hashes() == []


def test_library_text_is_inserted_at_the_cursor_and_its_image_added(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    sha = desk.ctx.images.add(desk.clerk, _picture(tmp_path / "暴雨.png"))
    desk.ctx.library.add(desk.clerk, "雷达图", image_sha256=sha, tags="雷达")
    desk.ctx.library.add(desk.clerk, "防御提示", "请远离河道。", tags="暴雨 防御")
    dialog = _open(qtbot, desk, prompts)
    dialog.body_edit.setPlainText("今夜有暴雨。明天转晴。")
    cursor = dialog.body_edit.textCursor()
    cursor.setPosition(len("今夜有暴雨。"))
    dialog.body_edit.setTextCursor(cursor)
    picker = dialog.open_library()
    qtbot.addWidget(picker)
    assert picker.items_list.count() == 2
    picker.search_edit.setText("河道")
    picker.reload()
    assert picker.items_list.count() == 1
    picker.insert()
    assert not picker.isVisible()
    assert dialog.body_edit.text() == "今夜有暴雨。请远离河道。明天转晴。"
    picker = dialog.open_library()
    qtbot.addWidget(picker)
    picker.tag_combo.setCurrentIndex(picker.tag_combo.findData("雷达"))
    assert picker.items_list.count() == 1
    assert picker.image_label.isVisible()
    picker.insert()
    assert dialog.image_hashes() == [sha]


def test_an_empty_library_says_so(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    dialog = _open(qtbot, desk, prompts)
    picker = dialog.open_library()
    qtbot.addWidget(picker)
    assert picker.items_list.count() == 0
    assert picker.empty_label.text().startswith("The library is empty.")
    assert not picker.insert_button.isEnabled()


def test_a_cancelled_post_is_read_only(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    post = desk.ctx.posts.create(desk.clerk, _content(desk))
    desk.ctx.posts.cancel(desk.clerk, post.id, "重复稿件", expected_version=post.version)
    dialog = _open(qtbot, desk, prompts, post.id)
    assert not dialog.save_button.isEnabled()
    assert dialog.body_edit.isReadOnly()
    assert dialog.banner.text() == "A published or cancelled post cannot be changed."
    assert dialog.revisions_button.isEnabled()


def test_column_hashtag() -> None:
    assert column_hashtag("天气预报") == "#天气预报#"
    assert column_hashtag(" #天气预报# ") == "#天气预报#"
    assert column_hashtag("  ") == ""
